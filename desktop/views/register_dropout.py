"""Registering a trajectory of the Doorstroompunt for a voortijdig schoolverlater (new or old VSV)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel

from desktop.models.enums import VsvKind
from desktop.models.law import age_on
from desktop.operations import CollectionOp, lists, registrations
from desktop.views.common import Validation, date_edit, enum_combo, to_date
from desktop.views.register_form import RegisterDialog

# The region works up to 27 (national extension); the legal target group ends at 23.
REGION_AGE_LIMIT = 27


class DropoutTrajectoryDialog(RegisterDialog):
    title_text = "VSV-traject starten"

    def __init__(self, ctx, person_id=None, parent=None) -> None:
        super().__init__(ctx, person_id, parent)
        self.vsv_kind = enum_combo(VsvKind, self.tr("Soort vsv'er"))
        self.start = date_edit(ctx.today(), self.tr("Begindatum"))
        self.coach = QComboBox()
        self.coach.setAccessibleName(self.tr("Coach"))
        self.coach.addItem(self.tr("(nog niet toegewezen)"), None)
        self.load(lists.filter_choices(ctx, parent=self), self._fill_coaches)
        self.info = QLabel()
        self.form.addRow(self.tr("&Soort:"), self.vsv_kind)
        self.form.addRow(self.tr("&Begindatum:"), self.start)
        self.form.addRow(self.tr("&Coach:"), self.coach)
        self.form.addRow("", self.info)
        self.finish_setup()

    def _fill_coaches(self, options: lists.FilterOptions) -> None:
        for user_id, name in options.users:
            self.coach.addItem(name, user_id)

    def validate(self) -> Validation:
        check = super().validate()
        start = to_date(self.start.date())
        check.require("start", start <= self.ctx.today(), self.tr("De begindatum ligt in de toekomst."))
        self.info.clear()
        person = self.picker.person
        if person is not None:
            age = age_on(person.birth_date, start)
            self.info.setText(self.tr("Leeftijd bij de start: {age} jaar.").format(age=age))
            check.require(
                "age",
                age < REGION_AGE_LIMIT,
                self.tr("De jongere is {limit} jaar of ouder: buiten de doelgroep.").format(limit=REGION_AGE_LIMIT),
            )
            check.require(
                "qualified",
                person.qualified_on is None or person.qualified_on > start,
                self.tr("De jongere heeft al een startkwalificatie."),
            )
        return check

    def save_operation(self) -> CollectionOp[str]:
        return registrations.register_dropout_trajectory(
            self.ctx,
            self.picker.person_id,
            self.vsv_kind.currentData(),
            to_date(self.start.date()),
            self.coach.currentData(),
            parent=self,
        )

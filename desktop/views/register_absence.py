"""Registering a new verzuimmelding (Besluit Verzuimmelding fields a consultant types in by hand)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit

from desktop.models.enums import AbsenceKind
from desktop.operations import CollectionOp, reference, registrations
from desktop.views.common import DUTCH, Validation, date_edit, enum_combo, to_date
from desktop.views.register_form import RegisterDialog


class AbsenceReportDialog(RegisterDialog):
    title_text = "Nieuwe verzuimmelding"

    def __init__(self, ctx, person_id=None, parent=None) -> None:
        super().__init__(ctx, person_id, parent)
        today = ctx.today()
        self.kind = enum_combo(AbsenceKind, self.tr("Soort verzuim"))
        self.received_on = date_edit(today, self.tr("Datum ontvangen"))
        self.school = QComboBox()
        self.school.setAccessibleName(self.tr("School"))
        self.school.addItem(self.tr("(onbekend)"), None)
        self.load(reference.schools(ctx, parent=self), self._fill_schools)
        self.absence_start = date_edit(today, self.tr("Eerste verzuimdag"))
        self.absence_end = date_edit(today, self.tr("Laatste verzuimdag"))
        self.hours = QDoubleSpinBox()
        self.hours.setLocale(DUTCH)
        self.hours.setRange(0, 2000)
        self.hours.setDecimals(1)
        self.hours.setAccessibleName(self.tr("Uren verzuim"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Vermoedelijke reden"))
        self.reporter = QLineEdit()
        self.reporter.setAccessibleName(self.tr("Melder"))
        self.form.addRow(self.tr("&Soort verzuim:"), self.kind)
        self.form.addRow(self.tr("&Ontvangen op:"), self.received_on)
        self.form.addRow(self.tr("Sc&hool:"), self.school)
        self.form.addRow(self.tr("&Eerste verzuimdag:"), self.absence_start)
        self.form.addRow(self.tr("Laatste &verzuimdag:"), self.absence_end)
        self.form.addRow(self.tr("&Uren verzuim:"), self.hours)
        self.form.addRow(self.tr("Vermoedelijke &reden:"), self.reason)
        self.form.addRow(self.tr("&Melder (naam, functie):"), self.reporter)
        self.finish_setup()

    def _fill_schools(self, schools: list[tuple[str, str]]) -> None:
        for school_id, name in schools:
            self.school.addItem(name, school_id)

    def validate(self) -> Validation:
        check = super().validate()
        received = to_date(self.received_on.date())
        start, end = to_date(self.absence_start.date()), to_date(self.absence_end.date())
        check.require("received", received <= self.ctx.today(), self.tr("De ontvangstdatum ligt in de toekomst."))
        check.require("end", end >= start, self.tr("De laatste verzuimdag ligt vóór de eerste."))
        check.require(
            "start", start <= received, self.tr("Het verzuim kan niet na de ontvangst van de melding beginnen.")
        )
        if self.kind.currentData() == AbsenceKind.SIXTEEN_HOURS.value:
            check.require(
                "hours",
                self.hours.value() >= 16,
                self.tr("Bij '16 uur in 4 lesweken' hoort een verzuim van minstens 16 uur."),
            )
        return check

    def save_operation(self) -> CollectionOp[str]:
        return registrations.register_absence_report(
            self.ctx,
            self.picker.person_id,
            self.kind.currentData(),
            to_date(self.received_on.date()),
            school_id=self.school.currentData(),
            absence_start=to_date(self.absence_start.date()),
            absence_end=to_date(self.absence_end.date()),
            hours_absent=self.hours.value() or None,
            suspected_reason=self.reason.text(),
            reporter_name=self.reporter.text(),
            parent=self,
        )

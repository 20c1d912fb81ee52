"""Opening a new case of absoluut verzuim: a leer- or kwalificatieplichtig child not enrolled anywhere."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPlainTextEdit

from desktop.models.enums import CaseKind
from desktop.models.law import DutyStatus, SchoolCalendar, duty_status
from desktop.operations import CollectionOp, cases, lists, reference
from desktop.views.common import Validation, date_edit, enum_combo, to_date
from desktop.views.register_form import RegisterDialog


class NewCaseDialog(RegisterDialog):
    title_text = "Nieuwe zaak absoluut verzuim"

    def __init__(self, ctx, person_id=None, parent=None, kind: CaseKind = CaseKind.ABSOLUTE) -> None:
        super().__init__(ctx, person_id, parent)
        self.kind = enum_combo(CaseKind, self.tr("Soort zaak"))
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.opened_on = date_edit(ctx.today(), self.tr("Datum geopend"))
        # Leerplicht starts on the first school day of the month after the 5th birthday (Lpw art. 3 lid 1).
        self.calendar: SchoolCalendar | None = None
        self.consultant = QComboBox()
        self.consultant.setAccessibleName(self.tr("Consulent"))
        self.consultant.addItem(self.tr("(nog niet toegewezen)"), None)
        self.load(lists.filter_choices(ctx, parent=self), self._fill_consultants)
        self.load(reference.school_calendar(ctx, parent=self), self._calendar_read)
        self.investigate = QCheckBox(self.tr("Nader onderzoek nodig"))
        self.summary = QPlainTextEdit()
        self.summary.setAccessibleName(self.tr("Aanleiding"))
        self.summary.setMaximumHeight(80)
        self.summary.setTabChangesFocus(True)
        self.duty = QLabel()
        self.form.addRow(self.tr("&Soort zaak:"), self.kind)
        self.form.addRow(self.tr("&Geopend op:"), self.opened_on)
        self.form.addRow(self.tr("&Consulent:"), self.consultant)
        self.form.addRow("", self.investigate)
        self.form.addRow(self.tr("&Aanleiding:"), self.summary)
        self.form.addRow(self.tr("Leerplicht:"), self.duty)
        self.finish_setup()

    def _fill_consultants(self, options: lists.FilterOptions) -> None:
        for user_id, name in options.users:
            self.consultant.addItem(name, user_id)

    def _calendar_read(self, calendar: SchoolCalendar) -> None:
        self.calendar = calendar

    def validate(self) -> Validation:
        check = super().validate()
        opened = to_date(self.opened_on.date())
        check.require("opened", opened <= self.ctx.today(), self.tr("De openingsdatum ligt in de toekomst."))
        self.duty.clear()
        person = self.picker.person
        if person is not None and self.calendar is not None:
            status = duty_status(person.birth_date, opened, person.qualified_on, holidays=self.calendar)
            self.duty.setText(status.label)
            if self.kind.currentData() == CaseKind.ABSOLUTE.value:
                check.require(
                    "duty", status in (DutyStatus.COMPULSORY, DutyStatus.QUALIFICATION_DUTY),
                    self.tr("Absoluut verzuim kan alleen bij een leer- of kwalificatieplichtige leerling."),
                )
        return check

    def save_operation(self) -> CollectionOp[str]:
        return cases.open_case(
            self.ctx,
            self.picker.person_id,
            self.kind.currentData(),
            to_date(self.opened_on.date()),
            assigned_user_id=self.consultant.currentData(),
            needs_investigation=self.investigate.isChecked(),
            summary=self.summary.toPlainText(),
            parent=self,
        )

"""Opening a new case of absoluut verzuim: a leer- or kwalificatieplichtig child not enrolled anywhere."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPlainTextEdit

from desktop.models.case_commands import open_case
from desktop.models.enums import CaseKind
from desktop.models.law import DutyStatus, duty_status
from desktop.models.lists import filter_options
from desktop.models.registry import Person
from desktop.views.common import Validation, date_edit, enum_combo, to_date
from desktop.views.register_form import RegisterDialog


class NewCaseDialog(RegisterDialog):
    title_text = "Nieuwe zaak absoluut verzuim"
    record_kind = "case"

    def __init__(self, ctx, person_id=None, parent=None, kind: CaseKind = CaseKind.ABSOLUTE) -> None:
        super().__init__(ctx, person_id, parent)
        self.kind = enum_combo(CaseKind, self.tr("Soort zaak"))
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.opened_on = date_edit(ctx.today(), self.tr("Datum geopend"))
        options = ctx.read(lambda session: filter_options(session, ctx.today()))
        self.consultant = QComboBox()
        self.consultant.setAccessibleName(self.tr("Consulent"))
        self.consultant.addItem(self.tr("(nog niet toegewezen)"), None)
        for user_id, name in options.users:
            self.consultant.addItem(name, user_id)
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

    def validate(self) -> Validation:
        check = super().validate()
        opened = to_date(self.opened_on.date())
        check.require("opened", opened <= self.ctx.today(), self.tr("De openingsdatum ligt in de toekomst."))
        self.duty.clear()
        if self.picker.person_id:
            person = self.ctx.read(lambda session: session.get(Person, self.picker.person_id))
            status = duty_status(person.birth_date, opened, person.qualified_on)
            self.duty.setText(status.label)
            if self.kind.currentData() == CaseKind.ABSOLUTE.value:
                check.require(
                    "duty", status in (DutyStatus.COMPULSORY, DutyStatus.QUALIFICATION_DUTY),
                    self.tr("Absoluut verzuim kan alleen bij een leer- of kwalificatieplichtige leerling."),
                )
        return check

    def save(self, session) -> str:
        case = open_case(
            session,
            self.picker.person_id,
            self.kind.currentData(),
            to_date(self.opened_on.date()),
            assigned_user_id=self.consultant.currentData(),
            needs_investigation=self.investigate.isChecked(),
            summary=self.summary.toPlainText(),
        )
        return case.id

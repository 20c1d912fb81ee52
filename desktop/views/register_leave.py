"""Registering a request for extra verlof; who decides follows from the law (Lpw art. 11f, 11g, 13a, 14)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox

from desktop.models.enums import Decision, LeaveDecider, LeaveKind
from desktop.models.law import LeaveAuthority, leave_authority
from desktop.operations import CollectionOp, registrations
from desktop.views.common import Validation, date_edit, enum_combo, to_date
from desktop.views.register_form import RegisterDialog


def school_days_between(start: dt.date, end: dt.date) -> int:
    """Weekdays from start to end inclusive (school holidays are not known here)."""
    if end < start:
        return 0
    days = 0
    current = start
    while current <= end:
        if current.weekday() < 5:
            days += 1
        current += dt.timedelta(days=1)
    return days


class LeaveRequestDialog(RegisterDialog):
    title_text = "Verlofaanvraag"

    def __init__(self, ctx, person_id=None, parent=None) -> None:
        super().__init__(ctx, person_id, parent)
        today = ctx.today()
        self.kind = enum_combo(LeaveKind, self.tr("Soort verlof"))
        self.received_on = date_edit(today, self.tr("Datum ontvangen"))
        self.start = date_edit(today + dt.timedelta(days=14), self.tr("Eerste verlofdag"))
        self.end = date_edit(today + dt.timedelta(days=14), self.tr("Laatste verlofdag"))
        self.days = QSpinBox()
        self.days.setRange(1, 200)
        self.days.setAccessibleName(self.tr("Aantal schooldagen"))
        self.first_weeks = QCheckBox(self.tr("Valt in de eerste twee lesweken van het schooljaar"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reden"))
        self.authority = QLabel()
        self.authority.setWordWrap(True)
        self.authority.setAccessibleName(self.tr("Wie beslist"))
        self.head_heard = QCheckBox(self.tr("Directeur van de school is gehoord"))
        self.decision = enum_combo(Decision, self.tr("Besluit"), with_empty=self.tr("(nog niet beslist)"))
        self.motivation = QPlainTextEdit()
        self.motivation.setAccessibleName(self.tr("Motivering"))
        self.motivation.setMaximumHeight(70)
        self.motivation.setTabChangesFocus(True)
        self.form.addRow(self.tr("&Soort verlof:"), self.kind)
        self.form.addRow(self.tr("&Ontvangen op:"), self.received_on)
        self.form.addRow(self.tr("&Van:"), self.start)
        self.form.addRow(self.tr("&Tot en met:"), self.end)
        self.form.addRow(self.tr("Schoolda&gen:"), self.days)
        self.form.addRow("", self.first_weeks)
        self.form.addRow(self.tr("&Reden:"), self.reason)
        self.form.addRow(self.tr("Wie beslist:"), self.authority)
        self.form.addRow("", self.head_heard)
        self.form.addRow(self.tr("&Besluit:"), self.decision)
        self.form.addRow(self.tr("&Motivering:"), self.motivation)
        self.start.dateChanged.connect(self._suggest_days)
        self.end.dateChanged.connect(self._suggest_days)
        self._suggest_days()
        self.finish_setup()

    def _suggest_days(self) -> None:
        days = school_days_between(to_date(self.start.date()), to_date(self.end.date()))
        if days:
            self.days.setValue(days)

    def decider(self) -> str:
        granted, holiday_taken = (0, False)
        if self.picker.person_id:
            start = to_date(self.start.date())
            granted, holiday_taken = registrations.leave_days_granted_now(self.ctx, self.picker.person_id, start)
        return leave_authority(
            self.kind.currentData(), self.days.value(), granted, self.first_weeks.isChecked(), holiday_taken
        )

    def validate(self) -> Validation:
        check = super().validate()
        start, end = to_date(self.start.date()), to_date(self.end.date())
        check.require("period", end >= start, self.tr("De laatste verlofdag ligt vóór de eerste."))
        check.require("reason", bool(self.reason.text().strip()), self.tr("Vul de reden van de aanvraag in."))
        decider = self.decider()
        officer = decider == LeaveAuthority.ATTENDANCE_OFFICER
        if decider == LeaveAuthority.NOT_ALLOWED:
            self.authority.setText(
                self.tr("Niet toegestaan: vakantieverlof is maximaal één keer per schooljaar, hoogstens 10 "
                        "schooldagen en niet in de eerste twee lesweken.")
            )
        elif officer:
            self.authority.setText(self.tr("De leerplichtambtenaar beslist (meer dan 10 schooldagen), na het "
                                           "horen van de directeur."))
        else:
            self.authority.setText(self.tr("De directeur van de school beslist; registreer het besluit van de school."))
        self.head_heard.setVisible(officer)
        if officer and self.decision.currentData() is not None:
            check.require("heard", self.head_heard.isChecked(), self.tr("Hoor eerst de directeur van de school."))
        if self.decision.currentData() is not None:
            check.require("motivation", bool(self.motivation.toPlainText().strip()),
                          self.tr("Een besluit heeft een motivering nodig."))
        if decider == LeaveAuthority.NOT_ALLOWED and self.decision.currentData() == Decision.GRANTED.value:
            check.problems["allowed"] = self.tr("Dit verlof kan volgens de wet niet worden toegekend.")
        return check

    def save_operation(self) -> CollectionOp[str]:
        decider = self.decider()
        decision = self.decision.currentData()
        return registrations.register_leave_request(
            self.ctx,
            self.picker.person_id,
            kind=LeaveKind(self.kind.currentData()),
            received_on=to_date(self.received_on.date()),
            start_date=to_date(self.start.date()),
            end_date=to_date(self.end.date()),
            days=self.days.value(),
            reason=self.reason.text().strip(),
            decided_by=LeaveDecider.ATTENDANCE_OFFICER
            if decider == LeaveAuthority.ATTENDANCE_OFFICER
            else LeaveDecider.HEAD_TEACHER,
            head_teacher_heard=self.head_heard.isChecked() if decider == LeaveAuthority.ATTENDANCE_OFFICER else None,
            decision=Decision(decision) if decision else None,
            decided_on=self.ctx.today() if decision else None,
            motivation=self.motivation.toPlainText().strip() or None,
            parent=self,
        )



"""Registering a request for extra verlof: its school days counted from the school calendar, the rules of the
law (Lpw art. 11 onder f/g, 13a, 14) and who decides."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desktop.models.enums import Decision, LeaveDecider, LeaveKind
from desktop.models.law import (
    LATE_HOLIDAY_LEAVE_WARNING,
    LeaveAssessment,
    LeaveAuthority,
    LeaveRefusal,
    school_days_between,
)
from desktop.operations import CollectionOp, registrations
from desktop.views.common import Validation, date_edit, enum_combo, nl_date, to_date
from desktop.views.register_form import REMINDER_STYLE, RegisterDialog

WARNING_STYLE = "color: #8a4b00;"


class LeaveRequestDialog(RegisterDialog):
    title_text = "Verlofaanvraag"

    def __init__(self, ctx, person_id=None, parent=None) -> None:
        super().__init__(ctx, person_id, parent)
        today = ctx.today()
        # Read once: the school days are counted with it as the user types.
        self.calendar = registrations.school_calendar_now(ctx)
        self.kind = enum_combo(LeaveKind, self.tr("Soort verlof"))
        self.received_on = date_edit(today, self.tr("Datum ontvangen"))
        self.start = date_edit(today + dt.timedelta(days=14), self.tr("Eerste verlofdag"))
        self.end = date_edit(today + dt.timedelta(days=14), self.tr("Laatste verlofdag"))
        self.days = QSpinBox()
        self.days.setRange(0, 200)
        self.days.setAccessibleName(self.tr("Aantal schooldagen"))
        self.days_note = QLabel()
        self.days_note.setWordWrap(True)
        self.days_note.setStyleSheet(REMINDER_STYLE)
        self.days_note.setAccessibleName(self.tr("Hoe de schooldagen zijn geteld"))
        self.employer = QCheckBox(
            self.tr("Werkgeversverklaring ontvangen: het beroep van een ouder laat geen vakantie in de "
                    "schoolvakanties toe")
        )
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reden"))
        self.authority = QLabel()
        self.authority.setWordWrap(True)
        self.authority.setAccessibleName(self.tr("Wie beslist"))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(WARNING_STYLE)
        self.notice.setAccessibleName(self.tr("Waarschuwing"))
        self.notice.hide()
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
        days_row = QWidget()
        days_layout = QHBoxLayout(days_row)
        days_layout.setContentsMargins(0, 0, 0, 0)
        self.days.setMinimumWidth(70)
        days_layout.addWidget(self.days)
        days_layout.addWidget(self.days_note, 1)
        days_label = QLabel(self.tr("Schoolda&gen:"))
        days_label.setBuddy(self.days)
        self.form.addRow(days_label, days_row)
        self.form.addRow("", self.employer)
        self.form.addRow(self.tr("&Reden:"), self.reason)
        self.form.addRow(self.tr("Wie beslist:"), self.authority)
        self.form.addRow("", self.head_heard)
        self.form.addRow(self.tr("&Besluit:"), self.decision)
        self.form.addRow(self.tr("&Motivering:"), self.motivation)
        # The warning goes above the form's problems (a wrapped label in a form row gets more height than its
        # lines need).
        dialog_layout = self.layout()
        dialog_layout.insertWidget(dialog_layout.indexOf(self.problems), self.notice)
        # Before the live check (connected in finish_setup): a period the calendar does not know gets the
        # weekdays as a first count, which the user corrects.
        self.start.dateChanged.connect(self._suggest_days)
        self.end.dateChanged.connect(self._suggest_days)
        self._suggest_days()
        self.finish_setup()

    def _period(self) -> tuple[dt.date, dt.date]:
        return to_date(self.start.date()), to_date(self.end.date())

    def _suggest_days(self) -> None:
        start, end = self._period()
        if end >= start and not self.calendar.covers_period(start, end):
            self._set_days(school_days_between(start, end, ()))

    def _set_days(self, days: int) -> None:
        self.days.blockSignals(True)
        self.days.setValue(days)
        self.days.blockSignals(False)

    def holiday(self) -> bool:
        return self.kind.currentData() == LeaveKind.HOLIDAY.value

    def assessment(self) -> LeaveAssessment | None:
        """The law on the request as the form holds it (None while the period ends before it starts)."""
        start, end = self._period()
        if end < start:
            return None
        return registrations.leave_assessment_now(
            self.ctx,
            self.picker.person_id,
            self.kind.currentData(),
            start,
            end,
            calendar=self.calendar,
            days=self.days.value(),
            received_on=to_date(self.received_on.date()),
            employer_statement=self.holiday() and self.employer.isChecked(),
        )

    def _show_days(self, assessment: LeaveAssessment) -> None:
        counted = assessment.counted_from_calendar
        self.days.setReadOnly(counted)
        self.days.setButtonSymbols(
            QAbstractSpinBox.ButtonSymbols.NoButtons if counted else QAbstractSpinBox.ButtonSymbols.UpDownArrows
        )
        if not counted:
            self.days_note.setText(
                self.tr("De schoolkalender kent deze periode niet: vul het aantal schooldagen zelf in.")
            )
            return
        self._set_days(assessment.school_days)
        start, end = self._period()
        note = self.tr("Geteld met de schoolkalender: weekenden, feestdagen en schoolvakanties tellen niet mee.")
        skipped = self.calendar.holidays_between(start, end)
        if skipped:
            names = ", ".join(
                self.tr("{name} ({first} t/m {last})").format(
                    name=name.lower() or self.tr("schoolvakantie"),
                    first=nl_date(period.start),
                    last=nl_date(period.end),
                )
                for name, period in skipped
            )
            note += " " + self.tr("Niet meegeteld: {names}.").format(names=names)
        self.days_note.setText(note)

    def validate(self) -> Validation:
        check = super().validate()
        start, end = self._period()
        check.require("period", end >= start, self.tr("De laatste verlofdag ligt vóór de eerste."))
        check.require("reason", bool(self.reason.text().strip()), self.tr("Vul de reden van de aanvraag in."))
        self.form.setRowVisible(self.employer, self.holiday())
        assessment = self.assessment()
        if assessment is None:
            self.authority.clear()
            self.notice.hide()
            self.form.setRowVisible(self.head_heard, False)
            return check
        self._show_days(assessment)
        decision = self.decision.currentData()
        refusal = assessment.refusal
        officer = assessment.authority == LeaveAuthority.ATTENDANCE_OFFICER
        if refusal is LeaveRefusal.NO_SCHOOL_DAYS:
            self.authority.setText(self.tr("Geen verlof nodig."))
        elif refusal is not None:
            self.authority.setText(
                self.tr("Niet toegestaan volgens de wet: registreer de aanvraag alleen met het besluit Afgewezen.")
            )
        elif officer:
            self.authority.setText(self.tr("De leerplichtambtenaar beslist (meer dan 10 schooldagen), na het "
                                           "horen van de directeur."))
        else:
            self.authority.setText(self.tr("De directeur van de school beslist; registreer het besluit van de school."))
        # The law refuses: one sentence with the rule and its article. Only a refusal can be registered.
        if refusal is not None and (refusal is LeaveRefusal.NO_SCHOOL_DAYS or decision != Decision.REFUSED.value):
            check.problems["law"] = refusal.label
        self.notice.setText(LATE_HOLIDAY_LEAVE_WARNING if assessment.late_notice else "")
        self.notice.setVisible(assessment.late_notice)
        self.form.setRowVisible(self.head_heard, officer)
        if officer and decision is not None:
            check.require("heard", self.head_heard.isChecked(), self.tr("Hoor eerst de directeur van de school."))
        if decision is not None:
            check.require("motivation", bool(self.motivation.toPlainText().strip()),
                          self.tr("Een besluit heeft een motivering nodig."))
        return check

    def save_operation(self) -> CollectionOp[str]:
        assessment = self.assessment()
        officer = assessment is not None and assessment.authority == LeaveAuthority.ATTENDANCE_OFFICER
        counted = assessment is not None and assessment.counted_from_calendar
        decision = self.decision.currentData()
        return registrations.register_leave_request(
            self.ctx,
            self.picker.person_id,
            kind=LeaveKind(self.kind.currentData()),
            received_on=to_date(self.received_on.date()),
            start_date=to_date(self.start.date()),
            end_date=to_date(self.end.date()),
            # Counted from the calendar: the domain counts them again; otherwise the number the user gave.
            days=None if counted else self.days.value(),
            reason=self.reason.text().strip(),
            decided_by=LeaveDecider.ATTENDANCE_OFFICER if officer else LeaveDecider.HEAD_TEACHER,
            head_teacher_heard=self.head_heard.isChecked() if officer else None,
            employer_statement=self.employer.isChecked() if self.holiday() else None,
            decision=Decision(decision) if decision else None,
            decided_on=self.ctx.today() if decision else None,
            motivation=self.motivation.toPlainText().strip() or None,
            parent=self,
        )

"""Registering a request for extra verlof: its school days counted from the school calendar, the rules of the
law (Lpw art. 11 onder f/g, 13a, 14) and who decides. The office records the head teacher's decision up to 10
school days; over 10 school days the leerplichtambtenaar's, which only a signer the mandate allows may record
(Lpw art. 14 lid 3, 16). The calendar and the law's check are read in the background."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
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
from desktop.models.exemptions import LEAVE_OUTCOMES
from desktop.models.law import (
    LATE_HOLIDAY_LEAVE_WARNING,
    LeaveAssessment,
    LeaveAuthority,
    LeaveRefusal,
    SchoolCalendar,
    school_days_between,
)
from desktop.operations import CollectionOp, registrations
from desktop.operations.registrations import LeaveCheck
from desktop.views.common import Validation, date_edit, enum_combo, nl_date, to_date
from desktop.views.register_form import REMINDER_STYLE, RegisterDialog

WARNING_STYLE = "color: #8a4b00;"
CHECKING = "Bezig met toetsen aan de wet…"


class LeaveRequestDialog(RegisterDialog):
    title_text = "Verlofaanvraag"

    def __init__(self, ctx, person_id=None, parent=None) -> None:
        super().__init__(ctx, person_id, parent)
        today = ctx.today()
        # Read once in the background: the school days are counted with it as the user types. Until it is
        # there, no period is known to it and the form offers the weekdays.
        self.calendar = SchoolCalendar(())
        self.calendar_loaded = False
        self._check: LeaveCheck | None = None
        self._check_key: tuple | None = None
        self._pending_key: tuple | None = None
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(120)
        self._check_timer.timeout.connect(self._run_check)
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
        self.decision = enum_combo(LEAVE_OUTCOMES, self.tr("Besluit"), with_empty=self.tr("(nog niet beslist)"))
        self.records = QLabel()
        self.records.setWordWrap(True)
        self.records.setStyleSheet(REMINDER_STYLE)
        self.records.setAccessibleName(self.tr("Wat dit formulier vastlegt"))
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
        self.form.addRow("", self.records)
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
        registrations.school_calendar_query(ctx, parent=self).success(self._calendar_loaded).run_in_background()

    def _calendar_loaded(self, calendar: SchoolCalendar) -> None:
        self.calendar, self.calendar_loaded = calendar, True
        self._check_key = self._pending_key = None
        self._suggest_days()
        self.revalidate()

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

    def _key(self) -> tuple | None:
        start, end = self._period()
        if end < start or not self.calendar_loaded:
            return None
        # A period the calendar knows is counted from it; only otherwise the number typed counts.
        days = None if self.calendar.covers_period(start, end) else self.days.value()
        return (self.picker.person_id, self.kind.currentData(), start, end, days,
                to_date(self.received_on.date()), self.holiday() and self.employer.isChecked())

    def _run_check(self) -> None:
        key = self._pending_key
        if key is None:
            return
        person_id, kind, start, end, days, received, employer = key
        registrations.leave_check(
            self.ctx, person_id, kind, start, end, calendar=self.calendar, days=days, received_on=received,
            employer_statement=employer, parent=self,
        ).success(lambda result: self._checked(key, result)).run_in_background()

    def _checked(self, key: tuple, result: LeaveCheck) -> None:
        if key != self._pending_key:
            return  # the user changed the form meanwhile
        self._check, self._check_key = result, key
        self.revalidate()

    def is_checked(self) -> bool:
        """Whether the law's check matches what the form holds now (the calendar read, no check pending)."""
        key = self._key()
        return key is not None and key == self._check_key

    def current_check(self) -> LeaveCheck | None:
        """The law on the request as the form holds it, once checked (None while checking or the period ends
        before it starts); starts the check when the form changed."""
        key = self._key()
        if key is None:
            return None
        if key != self._check_key:
            if key != self._pending_key:
                self._pending_key = key
                self._check_timer.start()
            return None
        return self._check

    def assessment(self) -> LeaveAssessment | None:
        check = self.current_check()
        return None if check is None else check.assessment

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
        law = self.current_check()
        if law is None:
            self.authority.setText(self.tr(CHECKING) if end >= start else "")
            self.notice.hide()
            self.form.setRowVisible(self.head_heard, False)
            if end >= start:
                check.problems.setdefault("law", self.tr(CHECKING))
            return check
        assessment = law.assessment
        self._show_days(assessment)
        decision = self.decision.currentData()
        refusal = assessment.refusal
        officer = assessment.authority == LeaveAuthority.ATTENDANCE_OFFICER
        may_sign = not officer or law.signing_refusal is None
        if refusal is LeaveRefusal.NO_SCHOOL_DAYS:
            self.authority.setText(self.tr("Geen verlof nodig."))
            self.records.setText("")
        elif refusal is not None:
            self.authority.setText(self.tr(
                "Niet toegestaan volgens de wet. Over vakantieverlof beslist de directeur van de school "
                "(art. 13a); dit verlof kan alleen worden afgewezen."
            ))
            self.records.setText(self.tr(
                "U legt de aanvraag vast met de afwijzing door de directeur: ook een afwijzing is een besluit."
            ))
        elif officer:
            self.authority.setText(self.tr("De leerplichtambtenaar beslist (meer dan 10 schooldagen in het "
                                           "schooljaar), na het horen van de directeur (art. 14 lid 3)."))
            self.records.setText(
                self.tr("U legt het besluit van de leerplichtambtenaar namens het college vast: toekenning of "
                        "afwijzing. Zonder besluit wordt alleen de aanvraag vastgelegd.")
                if may_sign
                else self.tr("U kunt de aanvraag vastleggen, maar niet het besluit: {reason}").format(
                    reason=law.signing_refusal)
            )
        else:
            self.authority.setText(self.tr("De directeur van de school beslist (art. 13a en 14 lid 1)."))
            self.records.setText(self.tr("U legt het besluit van de directeur vast, zoals de school het meldde."))
        self.decision.setEnabled(may_sign)
        self.decision.setToolTip("" if may_sign else (law.signing_refusal or ""))
        if not may_sign and decision is not None:
            check.problems["mandate"] = law.signing_refusal or ""
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

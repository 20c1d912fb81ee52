"""The leave form counts school days from the school calendar and refuses what Lpw art. 13a does not allow,
with one sentence naming the rule; what it saves is what the domain counted."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from desktop.models import LeaveRequest
from desktop.models.enums import Decision, LeaveDecider, LeaveKind
from desktop.models.law import LeaveRefusal
from desktop.models.school_calendar import ensure_school_holidays
from desktop.views.register_leave import LeaveRequestDialog

TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def dialog(qtbot, ctx, seeded):
    with ctx.session() as session:
        ensure_school_holidays(session)
    ctx.today = lambda: TODAY
    form = LeaveRequestDialog(ctx, seeded.sanne_id)
    qtbot.addWidget(form)
    form.show()
    return form


def save_button(form: LeaveRequestDialog):
    return form.buttons.button(QDialogButtonBox.StandardButton.Save)


def settle(qtbot, form: LeaveRequestDialog) -> None:
    """Wait for the law's check, which runs in the background, to match the form."""
    qtbot.waitUntil(form.is_checked, timeout=10_000)


def choose(form: LeaveRequestDialog, kind: LeaveKind, start: str, end: str) -> None:
    form.kind.setCurrentIndex(form.kind.findData(kind.value))
    form.start.setDate(QDate.fromString(start, "yyyy-MM-dd"))
    form.end.setDate(QDate.fromString(end, "yyyy-MM-dd"))


def test_the_form_counts_school_days_over_a_holiday(qtbot, dialog) -> None:
    # Three calendar weeks around the voorjaarsvakantie of regio midden (20-28 February 2027).
    choose(dialog, LeaveKind.HOLIDAY, "2027-02-15", "2027-03-05")
    settle(qtbot, dialog)
    assert dialog.days.value() == 10
    assert dialog.days.isReadOnly(), "counted from the calendar, not typed"
    assert "voorjaarsvakantie (20 februari 2027 t/m 28 februari 2027)" in dialog.days_note.text()
    assert dialog.employer.isVisible()
    # No werkgeversverklaring yet: refused with the rule and its article.
    settle(qtbot, dialog)
    assert LeaveRefusal.NO_EMPLOYER_STATEMENT.label in dialog.problems.text()
    qtbot.mouseClick(dialog.employer, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert "Leerplichtwet" not in dialog.problems.text()
    assert "directeur" in dialog.authority.text()

    # One more day makes 11 school days: more than art. 13a lid 2 allows.
    dialog.end.setDate(QDate(2027, 3, 8))
    settle(qtbot, dialog)
    assert dialog.days.value() == 11
    assert LeaveRefusal.HOLIDAY_TOO_LONG.label in dialog.problems.text()
    assert "Niet toegestaan" in dialog.authority.text()
    dialog.reason.setText("Seizoenswerk in de bollenteelt")
    settle(qtbot, dialog)
    assert not save_button(dialog).isEnabled()
    # Only its refusal can be registered.
    dialog.decision.setCurrentIndex(dialog.decision.findData(Decision.REFUSED.value))
    qtbot.keyClicks(dialog.motivation, "Meer dan tien schooldagen.")
    settle(qtbot, dialog)
    assert dialog.problems.text() == ""
    assert save_button(dialog).isEnabled()


def test_the_first_two_lesweken_and_a_late_request(qtbot, dialog) -> None:
    dialog.received_on.setDate(QDate(2026, 6, 1))
    choose(dialog, LeaveKind.HOLIDAY, "2026-09-07", "2026-09-11")
    qtbot.mouseClick(dialog.employer, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert LeaveRefusal.HOLIDAY_FIRST_WEEKS.label in dialog.problems.text()
    choose(dialog, LeaveKind.HOLIDAY, "2026-09-14", "2026-09-18")
    settle(qtbot, dialog)
    assert "Leerplichtwet" not in dialog.problems.text()
    assert not dialog.notice.isVisible()
    # Asked for less than 8 weeks ahead: a warning, the request can still be registered.
    dialog.received_on.setDate(QDate(2026, 8, 1))
    settle(qtbot, dialog)
    assert dialog.notice.isVisible() and "8 weken" in dialog.notice.text()
    dialog.reason.setText("Seizoenswerk")
    settle(qtbot, dialog)
    assert save_button(dialog).isEnabled()


def test_gewichtige_omstandigheden_count_school_days_not_calendar_days(qtbot, dialog) -> None:
    choose(dialog, LeaveKind.IMPORTANT_CIRCUMSTANCES, "2027-02-15", "2027-03-05")
    settle(qtbot, dialog)
    assert not dialog.employer.isVisible()
    assert dialog.days.value() == 10  # fifteen weekdays, five of them in the voorjaarsvakantie
    assert "directeur" in dialog.authority.text()
    dialog.end.setDate(QDate(2027, 3, 8))
    settle(qtbot, dialog)
    assert "leerplichtambtenaar" in dialog.authority.text()
    assert dialog.head_heard.isVisible()


def test_a_period_the_calendar_does_not_know_is_counted_by_hand(qtbot, dialog) -> None:
    choose(dialog, LeaveKind.IMPORTANT_CIRCUMSTANCES, "2028-03-06", "2028-03-10")
    settle(qtbot, dialog)
    assert not dialog.days.isReadOnly()
    assert dialog.days.value() == 5
    assert "zelf" in dialog.days_note.text()
    dialog.days.setValue(11)
    settle(qtbot, dialog)
    assert "leerplichtambtenaar" in dialog.authority.text()


def test_saving_stores_what_the_calendar_counted(qtbot, dialog, ctx, seeded) -> None:
    choose(dialog, LeaveKind.HOLIDAY, "2027-02-15", "2027-03-05")
    qtbot.mouseClick(dialog.employer, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.reason, "Seizoenswerk in de bollenteelt")
    settle(qtbot, dialog)
    assert save_button(dialog).isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    with ctx.session() as session:
        leave = session.scalars(select(LeaveRequest).where(LeaveRequest.person_id == seeded.sanne_id)).one()
        assert (leave.days, leave.employer_statement, leave.decided_by) == (10, True, LeaveDecider.HEAD_TEACHER)
        assert leave.received_on == TODAY

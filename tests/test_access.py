"""Need-to-know rules: health grounds, editing per role, and the AVG/Wpg regime of records."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.models.access import (
    HIDDEN,
    Regime,
    Viewer,
    can_edit,
    can_read_health,
    redact_exemption,
    regime_of,
)
from desktop.models.enums import UserRole

CONSULTANT = Viewer("u-cons", UserRole.CONSULTANT, ("GM0505",))
OTHER_CONSULTANT = Viewer("u-other", UserRole.CONSULTANT, ("GM0505",))
ADMIN = Viewer("u-admin", UserRole.ADMINISTRATOR, ("GM0505",))
LEAD = Viewer("u-lead", UserRole.TEAM_LEAD, ("GM0505",))
SYSADMIN = Viewer("u-sys", UserRole.SYSTEM_ADMINISTRATOR)

EXEMPTION_5A = {
    "article": "5a", "received_on": date(2025, 6, 1), "decision": "granted", "statement_date": date(2025, 5, 20),
    "statement_by": "doctor", "doctor_appointed": True, "never_fit": False, "motivation": "ernstige epilepsie",
}


@pytest.mark.parametrize(
    ("viewer", "allowed"),
    [(CONSULTANT, True), (OTHER_CONSULTANT, False), (ADMIN, False), (LEAD, True), (SYSADMIN, False)],
)
def test_health_grounds_only_for_handling_consultant_and_team_lead(viewer, allowed):
    assert can_read_health(viewer, "u-cons") is allowed
    shown = redact_exemption(EXEMPTION_5A, viewer, "u-cons")
    assert (shown["motivation"] == "ernstige epilepsie") is allowed
    assert (shown["statement_date"] == HIDDEN) is not allowed
    # What an administrator needs to print the letter stays visible.
    assert shown["decision"] == "granted" and shown["received_on"] == date(2025, 6, 1)


def test_other_articles_are_not_health_data():
    exemption_5b = {**EXEMPTION_5A, "article": "5b", "motivation": "bedenkingen tegen de richting"}
    assert redact_exemption(exemption_5b, ADMIN, "u-cons") == exemption_5b


def test_no_handling_consultant_means_only_the_team_lead():
    assert not can_read_health(CONSULTANT, None)
    assert can_read_health(LEAD, None)


def test_editing_per_role():
    assert can_edit(CONSULTANT, "journal_entries")
    # The administrator's assessment of a melding is recorded as a journal line.
    assert can_edit(ADMIN, "journal_entries")
    assert can_edit(ADMIN, "absence_reports")
    assert not can_edit(LEAD, "persons")
    # Schools and gemeenten are the functioneel beheerder's; users come from the server's accounts only.
    assert can_edit(SYSADMIN, "schools") and not can_edit(ADMIN, "schools")
    assert not can_edit(SYSADMIN, "users") and not can_edit(CONSULTANT, "users")
    # Per field: assigning is the administrator's and the team lead's; the team lead assigns and closes only.
    assert can_edit(ADMIN, "cases", "assigned_user_id") and not can_edit(CONSULTANT, "cases", "assigned_user_id")
    assert can_edit(LEAD, "cases", "assigned_user_id") and not can_edit(LEAD, "cases", "phase")


def test_regimes():
    assert regime_of("interventions", "official_report") is Regime.WPG
    assert regime_of("interventions", "halt") is Regime.AVG
    assert regime_of("persons") is Regime.AVG

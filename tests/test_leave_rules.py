"""Extra verlof counted in school days (Lpw art. 11 onder f/g, 13a, 14): the rules, table-driven, and the domain
command that registers a request with the same rules as the form."""

from __future__ import annotations

import re
from datetime import date

import pytest

from desktop.models import LeaveRequest, Person, User
from desktop.models.enums import Decision, LeaveDecider, LeaveKind, UserRole
from desktop.models.errors import DomainError
from desktop.models.exemptions import register_leave_request
from desktop.models.law import (
    LATE_HOLIDAY_LEAVE_WARNING,
    LeaveAuthority,
    LeaveRefusal,
    Period,
    SchoolCalendar,
    assess_leave_request,
)
from desktop.models.school_calendar import ensure_school_holidays, load_school_holidays

HOLIDAY = "holiday"
CIRCUMSTANCES = "important_circumstances"
HEAD = LeaveAuthority.HEAD_TEACHER
OFFICER = LeaveAuthority.ATTENDANCE_OFFICER
NOT_ALLOWED = LeaveAuthority.NOT_ALLOWED


def D(text: str) -> date:
    return date.fromisoformat(text)


MIDDEN = SchoolCalendar(
    Period(r["first_day"], r["last_day"])  # type: ignore[arg-type]
    for r in load_school_holidays()
    if r["holiday_region"] == "midden"
)

# (kind, first day, last day, employer statement, vakantieverlof already this year, school days already
#  granted, received on) -> (school days, who decides, refusals, late)
CASES = [
    # Three calendar weeks over the voorjaarsvakantie (20-28 February 2027) are 10 school days.
    (HOLIDAY, "2027-02-15", "2027-03-05", True, False, 0, "2026-12-01", 10, HEAD, (), False),
    (HOLIDAY, "2027-02-15", "2027-03-08", True, False, 0, "2026-12-01", 11, NOT_ALLOWED,
     (LeaveRefusal.HOLIDAY_TOO_LONG,), False),
    (HOLIDAY, "2027-03-08", "2027-03-19", True, True, 0, "2026-12-01", 10, NOT_ALLOWED,
     (LeaveRefusal.HOLIDAY_TWICE,), False),
    # The first two lesweken of 2026-2027 in regio midden: 31 August through 13 September 2026.
    (HOLIDAY, "2026-09-07", "2026-09-11", True, False, 0, "2026-06-01", 5, NOT_ALLOWED,
     (LeaveRefusal.HOLIDAY_FIRST_WEEKS,), False),
    (HOLIDAY, "2026-09-14", "2026-09-18", True, False, 0, "2026-06-01", 5, HEAD, (), False),
    (HOLIDAY, "2026-08-24", "2026-08-31", True, False, 0, "2026-06-01", 1, NOT_ALLOWED,
     (LeaveRefusal.HOLIDAY_FIRST_WEEKS,), False),
    (HOLIDAY, "2027-03-08", "2027-03-12", False, False, 0, "2026-12-01", 5, NOT_ALLOWED,
     (LeaveRefusal.NO_EMPLOYER_STATEMENT,), False),
    # Less than 8 weeks before the first day: a warning, not a refusal.
    (HOLIDAY, "2027-03-08", "2027-03-12", True, False, 0, "2027-01-20", 5, HEAD, (), True),
    (HOLIDAY, "2027-03-08", "2027-03-12", True, False, 0, "2027-01-11", 5, HEAD, (), False),  # exactly 8 weeks
    # Every rule at once, in the order they are shown.
    (HOLIDAY, "2026-09-01", "2026-09-16", False, True, 0, "2026-08-20", 12, NOT_ALLOWED,
     (LeaveRefusal.HOLIDAY_TOO_LONG, LeaveRefusal.HOLIDAY_TWICE, LeaveRefusal.HOLIDAY_FIRST_WEEKS,
      LeaveRefusal.NO_EMPLOYER_STATEMENT), True),
    # Within a holiday there is nothing to ask leave for.
    (HOLIDAY, "2026-10-17", "2026-10-25", True, False, 0, "2026-06-01", 0, NOT_ALLOWED,
     (LeaveRefusal.NO_SCHOOL_DAYS,), False),
    # Gewichtige omstandigheden: school days decide, not calendar days (15 weekdays, 10 school days).
    (CIRCUMSTANCES, "2027-02-15", "2027-03-05", False, False, 0, "2027-02-10", 10, HEAD, (), False),
    (CIRCUMSTANCES, "2027-02-15", "2027-03-08", False, False, 0, "2027-02-10", 11, OFFICER, (), False),
    (CIRCUMSTANCES, "2027-03-08", "2027-03-12", False, False, 6, "2027-03-01", 5, OFFICER, (), False),
    (CIRCUMSTANCES, "2027-03-08", "2027-03-12", False, False, 5, "2027-03-01", 5, HEAD, (), False),
    # Neither the first lesweken nor vakantieverlof taken before limit gewichtige omstandigheden.
    (CIRCUMSTANCES, "2026-09-01", "2026-09-02", False, True, 0, "2026-09-01", 2, HEAD, (), False),
]


@pytest.mark.parametrize(
    ("kind", "start", "end", "statement", "taken", "granted", "received", "days", "authority", "refusals", "late"),
    CASES,
)
def test_the_rules_of_extra_verlof(
    kind, start, end, statement, taken, granted, received, days, authority, refusals, late
) -> None:
    result = assess_leave_request(
        kind, D(start), D(end), MIDDEN, received_on=D(received), employer_statement=statement,
        already_granted_days=granted, holiday_leave_already_this_year=taken,
    )
    assert (result.school_days, result.counted_from_calendar) == (days, True)
    assert result.authority == authority
    assert result.refusals == refusals
    assert result.late_notice is late


def test_every_refusal_is_one_sentence_naming_its_article() -> None:
    for refusal in LeaveRefusal:
        assert refusal.label.endswith(").") and re.search(r"\.\s+[A-Z]", refusal.label) is None
        assert "Leerplichtwet art. " in refusal.label
    assert "8 weken" in LATE_HOLIDAY_LEAVE_WARNING and "art. 13a" in LATE_HOLIDAY_LEAVE_WARNING


def test_a_period_the_calendar_does_not_know_takes_the_given_days() -> None:
    result = assess_leave_request(CIRCUMSTANCES, D("2028-03-06"), D("2028-03-24"), MIDDEN, days=11)
    assert (result.school_days, result.counted_from_calendar, result.authority) == (11, False, OFFICER)
    # Without a number: the weekdays that are no feestdag.
    result = assess_leave_request(CIRCUMSTANCES, D("2028-03-06"), D("2028-03-24"), MIDDEN)
    assert result.school_days == 15
    # The first two lesweken of a year the calendar does not know cannot be checked ...
    result = assess_leave_request(HOLIDAY, D("2028-09-04"), D("2028-09-06"), MIDDEN, employer_statement=True)
    assert result.first_weeks_unknown and result.allowed
    # ... but the end of a known summer holiday starts the next schooljaar: 30 August 2027 in regio midden.
    result = assess_leave_request(HOLIDAY, D("2027-09-06"), D("2027-09-08"), MIDDEN, employer_statement=True)
    assert result.refusals == (LeaveRefusal.HOLIDAY_FIRST_WEEKS,)


# --- The domain command -----------------------------------------------------------------------------------


@pytest.fixture
def person_id(store) -> str:
    with store.session() as session:
        ensure_school_holidays(session)
        person = Person(bsn="123456782", first_names="Lotte", last_name="Visser", birth_date=D("2016-05-04"))
        session.add(person)
        session.flush()
        return person.id


def register(store, person_id: str, **fields) -> LeaveRequest:
    with store.session() as session:
        leave = register_leave_request(session, person_id, **fields)
        session.flush()
        session.expunge(leave)
        return leave


HOLIDAY_LEAVE = {"kind": LeaveKind.HOLIDAY, "received_on": D("2026-12-01"), "reason": "Seizoenswerk"}


def test_the_command_counts_the_school_days_and_says_who_decides(store, person_id) -> None:
    leave = register(store, person_id, **HOLIDAY_LEAVE, start_date=D("2027-02-15"), end_date=D("2027-03-05"),
                     employer_statement=True)
    assert (leave.days, leave.decided_by, leave.employer_statement) == (10, LeaveDecider.HEAD_TEACHER, True)
    leave = register(store, person_id, kind=LeaveKind.IMPORTANT_CIRCUMSTANCES, received_on=D("2027-02-01"),
                     start_date=D("2027-03-08"), end_date=D("2027-03-22"), reason="Begrafenis in Suriname")
    assert (leave.days, leave.decided_by) == (11, LeaveDecider.ATTENDANCE_OFFICER)


@pytest.mark.parametrize(
    ("fields", "sentence"),
    [
        ({"start_date": D("2027-02-15"), "end_date": D("2027-03-08"), "employer_statement": True},
         LeaveRefusal.HOLIDAY_TOO_LONG.label),
        ({"start_date": D("2026-09-07"), "end_date": D("2026-09-11"), "employer_statement": True},
         LeaveRefusal.HOLIDAY_FIRST_WEEKS.label),
        ({"start_date": D("2027-03-08"), "end_date": D("2027-03-12")}, LeaveRefusal.NO_EMPLOYER_STATEMENT.label),
        ({"start_date": D("2027-03-08"), "end_date": D("2027-03-12"), "employer_statement": True, "days": 4},
         "volgens de schoolkalender 5 schooldagen"),
        ({"start_date": D("2027-03-08"), "end_date": D("2027-03-12"), "employer_statement": True,
          "decided_by": LeaveDecider.ATTENDANCE_OFFICER}, "directeur van de school"),
        ({"start_date": D("2027-03-08"), "end_date": D("2027-03-12"), "employer_statement": True,
          "decision": Decision.GRANTED}, "motivering"),
        # A period without school days is not registered, not even as refused.
        ({"start_date": D("2026-10-17"), "end_date": D("2026-10-25"), "employer_statement": True,
          "decision": Decision.REFUSED, "motivation": "Schoolvakantie"}, LeaveRefusal.NO_SCHOOL_DAYS.label),
    ],
)
def test_the_command_refuses_what_the_law_does_not_allow(store, person_id, fields, sentence) -> None:
    with pytest.raises(DomainError) as refused:
        register(store, person_id, **HOLIDAY_LEAVE, **fields)
    assert sentence in str(refused.value)
    with store.session() as session:
        assert session.query(LeaveRequest).count() == 0


def test_a_refused_request_is_registered_with_its_refusal(store, person_id) -> None:
    leave = register(store, person_id, **HOLIDAY_LEAVE, start_date=D("2027-02-15"), end_date=D("2027-03-08"),
                     employer_statement=True, decision=Decision.REFUSED, decided_on=D("2026-12-02"),
                     motivation="Meer dan tien schooldagen.")
    assert (leave.days, leave.decision) == (11, Decision.REFUSED)


def test_a_second_vakantieverlof_in_the_schooljaar_is_refused(store, person_id) -> None:
    register(store, person_id, **HOLIDAY_LEAVE, start_date=D("2027-02-15"), end_date=D("2027-03-05"),
             employer_statement=True, decision=Decision.GRANTED, decided_on=D("2026-12-02"),
             motivation="Seizoensgebonden beroep.")
    with pytest.raises(DomainError, match="één keer per schooljaar"):
        register(store, person_id, **HOLIDAY_LEAVE, start_date=D("2027-06-07"), end_date=D("2027-06-11"),
                 employer_statement=True)
    # The next schooljaar may have its own.
    leave = register(store, person_id, **HOLIDAY_LEAVE, start_date=D("2026-06-08"), end_date=D("2026-06-12"),
                     employer_statement=True)
    assert leave.days == 5


def _user(store, name: str, role: UserRole, designated: bool) -> str:
    with store.session() as session:
        user = User(username=name, display_name=name.title(), role=role, municipality_codes=[],
                    leerplichtambtenaar=designated)
        session.add(user)
        session.flush()
        return user.id


def test_the_leerplichtambtenaar_decides_after_hearing_the_head_teacher(store, person_id) -> None:
    officer = _user(store, "lpa", UserRole.CONSULTANT, True)
    over_ten = {"kind": LeaveKind.IMPORTANT_CIRCUMSTANCES, "received_on": D("2027-02-01"),
                "start_date": D("2027-03-08"), "end_date": D("2027-03-22"), "reason": "Ziekte van een ouder",
                "decided_by": LeaveDecider.ATTENDANCE_OFFICER, "decision": Decision.GRANTED,
                "decided_on": D("2027-02-10"), "motivation": "Zwaarwegend.", "user_id": officer}
    with pytest.raises(DomainError, match=r"art\. 14 lid 3"):
        register(store, person_id, **over_ten)
    leave = register(store, person_id, **over_ten, head_teacher_heard=True)
    assert (leave.days, leave.head_teacher_heard, leave.decided_by_user_id) == (11, True, officer)
    with pytest.raises(DomainError, match=r"art\. 14 lid 3"):
        register(store, person_id, **{**over_ten, "decided_by": LeaveDecider.HEAD_TEACHER}, head_teacher_heard=True)


@pytest.mark.parametrize(
    ("role", "designated", "sentence"),
    [
        (UserRole.ADMINISTRATOR, True, "administratief medewerker ondertekent geen besluit op verlof van meer dan 10"),
        (UserRole.CONSULTANT, False, "niet aangewezen als leerplichtambtenaar"),
        (None, False, "geen bekende ondertekenaar"),
    ],
)
def test_a_decision_over_ten_days_needs_the_designated_leerplichtambtenaar(
    store, person_id, role, designated, sentence
) -> None:
    """Lpw art. 14 lid 3 and 16: a refusal is a decision too and needs the same authority as a grant."""
    user_id = _user(store, "iemand", role, designated) if role is not None else None
    for decision in (Decision.GRANTED, Decision.REFUSED):
        with pytest.raises(DomainError, match=sentence):
            register(store, person_id, kind=LeaveKind.IMPORTANT_CIRCUMSTANCES, received_on=D("2027-02-01"),
                     start_date=D("2027-03-08"), end_date=D("2027-03-22"), reason="Ziekte van een ouder",
                     head_teacher_heard=True, decision=decision, decided_on=D("2027-02-10"),
                     motivation="Gewogen.", user_id=user_id)
    # Without a decision the request is only registered, by anyone who registers.
    leave = register(store, person_id, kind=LeaveKind.IMPORTANT_CIRCUMSTANCES, received_on=D("2027-02-01"),
                     start_date=D("2027-03-08"), end_date=D("2027-03-22"), reason="Ziekte van een ouder",
                     user_id=user_id)
    assert leave.decision is None and leave.decided_by == LeaveDecider.ATTENDANCE_OFFICER

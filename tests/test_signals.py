"""Worklist signals over constructed records in an in-memory SQLite database."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from desktop.commands.signals import format_signals, register
from desktop.models import (
    AbsenceReport,
    Base,
    Case,
    DropoutTrajectory,
    Exemption,
    HomeSitterEpisode,
    Intervention,
    LeaveRequest,
    Person,
)
from desktop.models.enums import (
    AbsenceKind,
    CaseKind,
    CaseStatus,
    Decision,
    InterventionKind,
    LeaveDecider,
    LeaveKind,
    VsvKind,
)
from desktop.models.law import DutyStatus, Period, add_months
from desktop.models.signals import (
    Signal,
    SignalKind,
    compute_signals,
    decision_objection_deadline,
    exemption_expiry,
    exemption_renewal_deadline,
    leave_request_authority,
    leave_request_authority_in_session,
    person_duty_overview,
)

D = date.fromisoformat
_bsn_counter = itertools.count(10_000_001)
_case_counter = itertools.count(1)


def next_bsn() -> str:
    while True:
        first_eight = f"{next(_bsn_counter):08d}"
        check = sum(int(c) * w for c, w in zip(first_eight, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return first_eight + str(check)


@pytest.fixture
def session() -> Iterator[Session]:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        yield s
    engine.dispose()


def person(session: Session, born: str, name: str = "Test", **fields) -> Person:
    p = Person(bsn=next_bsn(), first_names=name, last_name="Jansen", birth_date=D(born), **fields)
    session.add(p)
    session.flush()
    return p


def open_case(session: Session, p: Person, kind: CaseKind = CaseKind.RELATIVE, **fields) -> Case:
    c = Case(
        case_number=f"2026-{next(_case_counter):06d}",
        person_id=p.id,
        kind=kind,
        opened_on=D("2026-01-05"),
        **fields,
    )
    session.add(c)
    session.flush()
    return c


def exemption(session: Session, p: Person, article: str, **fields) -> Exemption:
    defaults = {"received_on": D("2025-06-01"), "decision": Decision.GRANTED, "decided_on": D("2025-06-20")}
    e = Exemption(person_id=p.id, article=article, **{**defaults, **fields})
    session.add(e)
    session.flush()
    return e


def of_kind(signals: list[Signal], kind: SignalKind) -> list[Signal]:
    return [s for s in signals if s.kind is kind]


# --- Exemptions ----------------------------------------------------------------------------------


def test_renewal_signal_for_art_5_exemptions(session: Session) -> None:
    p = person(session, "2015-03-03", "Anna")
    yearly = exemption(session, p, "5b", valid_from=D("2025-08-01"), valid_until=D("2026-07-31"))
    renewed = exemption(session, p, "5c", valid_from=D("2025-08-01"), valid_until=D("2026-07-31"))
    exemption(
        session,
        p,
        "5c",
        received_on=D("2026-05-20"),
        decision=None,
        decided_on=None,
        renewal_of_id=renewed.id,
    )
    exemption(session, p, "5a", never_fit=True, valid_from=D("2025-08-01"), valid_until=None)
    exemption(session, p, "5b", decision=Decision.REFUSED, valid_until=D("2026-07-31"))
    exemption(session, p, "5a", valid_until=D("2026-07-31"), deleted=True)
    # Art. 3b runs per schooljaar without the art. 6 renewal.
    exemption(session, p, "3b", valid_from=D("2025-08-01"), valid_until=D("2026-07-31"))
    session.flush()

    signals = compute_signals(session, D("2026-06-01"))
    renewals = of_kind(signals, SignalKind.EXEMPTION_RENEWAL)
    assert [(s.record_id, s.due) for s in renewals] == [(yearly.id, D("2026-07-01"))]
    assert renewals[0].record_type == "exemption"
    assert renewals[0].person_id == p.id
    assert "1 juli 2026" in renewals[0].detail
    assert "onder b" in renewals[0].detail
    # 31 July lies beyond the six-week horizon from 1 June.
    assert of_kind(signals, SignalKind.EXEMPTION_EXPIRING) == []
    # The renewal deadline is outside a two-week horizon.
    assert of_kind(compute_signals(session, D("2026-06-01"), horizon_weeks=2), SignalKind.EXEMPTION_RENEWAL) == []


def test_expiry_after_renewal_deadline_has_passed(session: Session) -> None:
    p = person(session, "2012-10-10", "Bram")
    yearly = exemption(session, p, "5b", valid_until=D("2026-07-31"))
    substitute = exemption(session, p, "3b", valid_until=D("2026-07-31"))
    short = exemption(session, p, "15", valid_until=D("2026-07-10"))
    exemption(session, p, "15", valid_until=D("2026-07-01"))  # ended yesterday
    session.flush()

    signals = compute_signals(session, D("2026-07-02"))
    assert of_kind(signals, SignalKind.EXEMPTION_RENEWAL) == []
    expiring = of_kind(signals, SignalKind.EXEMPTION_EXPIRING)
    assert {(s.record_id, s.due) for s in expiring} == {
        (short.id, D("2026-07-10")),
        (yearly.id, D("2026-07-31")),
        (substitute.id, D("2026-07-31")),
    }
    assert expiring[0].record_id == short.id
    assert "niet verlengd" in expiring[0].detail
    assert [s.due for s in expiring] == sorted(s.due for s in expiring)


def test_renewal_window_reaches_across_the_year(session: Session) -> None:
    p = person(session, "2016-01-20")
    early = exemption(session, p, "5a", valid_until=D("2026-07-31"), statement_date=D("2025-05-01"))
    session.flush()
    # 1 July is more than six weeks away on 1 May, inside a ten-week horizon.
    assert of_kind(compute_signals(session, D("2026-05-01")), SignalKind.EXEMPTION_RENEWAL) == []
    ahead = compute_signals(session, D("2026-05-01"), horizon_weeks=10)
    assert [s.record_id for s in of_kind(ahead, SignalKind.EXEMPTION_RENEWAL)] == [early.id]


def test_outdated_medical_statement(session: Session) -> None:
    p = person(session, "2019-11-11", "Cas")
    old = exemption(
        session,
        p,
        "5a",
        received_on=D("2026-04-20"),
        statement_date=D("2026-01-10"),
        decision=None,
        decided_on=None,
    )
    exemption(  # exactly three months: still valid (art. 7)
        session,
        p,
        "5a",
        received_on=D("2026-04-20"),
        statement_date=D("2026-01-20"),
        decision=None,
        decided_on=None,
    )
    exemption(  # an old, finished exemption is history, not work
        session,
        p,
        "5a",
        received_on=D("2024-06-01"),
        statement_date=D("2023-01-01"),
        decided_on=D("2024-06-20"),
        valid_until=D("2024-07-31"),
    )
    exemption(  # art. 5 onder b needs no such statement
        session,
        p,
        "5b",
        received_on=D("2026-04-20"),
        statement_date=D("2025-01-01"),
        decision=None,
        decided_on=None,
    )
    session.flush()

    outdated = of_kind(compute_signals(session, D("2026-06-01")), SignalKind.MEDICAL_STATEMENT_OUTDATED)
    assert [(s.record_id, s.due) for s in outdated] == [(old.id, D("2026-04-10"))]
    assert "10 januari 2026" in outdated[0].detail


# --- Ages ----------------------------------------------------------------------------------------


def test_turning_18_for_everyone_or_only_active_persons(session: Session) -> None:
    with_case = person(session, "2008-06-15", "Daan")
    open_case(session, with_case)
    without_case = person(session, "2008-06-16", "Eva")
    closed = person(session, "2008-06-17", "Fenna")
    open_case(session, closed, status=CaseStatus.CLOSED, closed_on=D("2026-03-01"))
    home_sitter = person(session, "2008-06-18", "Gijs")
    session.add(HomeSitterEpisode(person_id=home_sitter.id, start_date=D("2026-01-10")))
    too_late = person(session, "2008-07-14", "Hugo")  # 18 one day after the horizon
    open_case(session, too_late)
    on_horizon = person(session, "2008-07-13", "Ilse")
    open_case(session, on_horizon)
    already = person(session, "2008-05-31", "Joep")  # turned 18 yesterday
    open_case(session, already)
    deceased = person(session, "2008-06-20", "Kees", deceased_on=D("2026-02-01"))
    open_case(session, deceased)
    session.flush()

    today = D("2026-06-01")
    turning = of_kind(compute_signals(session, today, active_only=True), SignalKind.TURNING_18)
    assert [(s.person_id, s.due) for s in turning] == [
        (with_case.id, D("2026-06-15")),
        (home_sitter.id, D("2026-06-18")),
        (on_horizon.id, D("2026-07-13")),
    ]
    assert all(s.record_type == "person" for s in turning)
    everyone = of_kind(compute_signals(session, today), SignalKind.TURNING_18)
    assert {s.person_id for s in everyone} == {with_case.id, without_case.id, closed.id, home_sitter.id, on_horizon.id}


def test_turning_18_on_1_march_when_born_on_leap_day(session: Session) -> None:
    leap = person(session, "2008-02-29", "Lotte")
    open_case(session, leap)
    session.flush()
    # 2026 is not a leap year: the 18th birthday is 1 March.
    signals = of_kind(compute_signals(session, D("2026-03-01"), horizon_weeks=1), SignalKind.TURNING_18)
    assert [s.due for s in signals] == [D("2026-03-01")]
    assert of_kind(compute_signals(session, D("2026-03-02"), horizon_weeks=1), SignalKind.TURNING_18) == []
    earlier = of_kind(compute_signals(session, D("2026-02-22"), horizon_weeks=1), SignalKind.TURNING_18)
    assert [s.due for s in earlier] == [D("2026-03-01")]  # the horizon ends on 1 March itself
    assert of_kind(compute_signals(session, D("2026-02-21"), horizon_weeks=1), SignalKind.TURNING_18) == []


def test_dropout_age_limit_is_a_parameter(session: Session) -> None:
    at_23 = person(session, "2003-06-20", "Mila")
    session.add(DropoutTrajectory(person_id=at_23.id, vsv_kind=VsvKind.OLD, start_date=D("2025-09-01")))
    qualified = person(session, "2003-06-21", "Noah", qualified_on=D("2025-07-01"))
    open_case(session, qualified, kind=CaseKind.DROPOUT)
    exempt = person(session, "2003-06-22", "Olaf", qualification_exempt=True)
    open_case(session, exempt, kind=CaseKind.DROPOUT)
    at_27 = person(session, "1999-06-25", "Pien")
    open_case(session, at_27, kind=CaseKind.DROPOUT)
    session.flush()

    today = D("2026-06-01")
    default = of_kind(compute_signals(session, today), SignalKind.DROPOUT_AGE_LIMIT)
    assert [(s.person_id, s.due) for s in default] == [(at_23.id, D("2026-06-20"))]
    assert "23 jaar" in default[0].detail
    region = of_kind(compute_signals(session, today, dropout_age_limit=27), SignalKind.DROPOUT_AGE_LIMIT)
    assert [(s.person_id, s.due) for s in region] == [(at_27.id, D("2026-06-25"))]


# --- Bezwaar -------------------------------------------------------------------------------------


def test_open_objection_periods(session: Session) -> None:
    p = person(session, "2014-04-04", "Quinten")
    open_period = exemption(session, p, "5b", decided_on=D("2026-05-01"), received_on=D("2026-04-01"))
    exemption(session, p, "5c", decided_on=D("2026-04-10"), received_on=D("2026-04-01"))  # ended 22 May
    exemption(session, p, "5a", decision=None, decided_on=None)  # no decision yet
    officer = LeaveRequest(
        person_id=p.id,
        kind=LeaveKind.IMPORTANT_CIRCUMSTANCES,
        start_date=D("2026-06-08"),
        end_date=D("2026-06-26"),
        days=15,
        decided_by=LeaveDecider.ATTENDANCE_OFFICER,
        decision=Decision.REFUSED,
        decided_on=D("2026-04-20"),
    )
    head = LeaveRequest(
        person_id=p.id,
        kind=LeaveKind.HOLIDAY,
        start_date=D("2026-06-08"),
        end_date=D("2026-06-10"),
        days=3,
        decided_by=LeaveDecider.HEAD_TEACHER,
        decision=Decision.GRANTED,
        decided_on=D("2026-05-20"),
    )
    session.add_all([officer, head])
    session.flush()

    objections = of_kind(compute_signals(session, D("2026-06-01")), SignalKind.OBJECTION_PERIOD_OPEN)
    assert [(s.record_type, s.record_id, s.due) for s in objections] == [
        ("leave_request", officer.id, D("2026-06-01")),  # last day is today
        ("exemption", open_period.id, D("2026-06-12")),
    ]
    assert "afgewezen" in objections[0].detail
    assert "toegekend" in objections[1].detail


def test_objection_period_extended_past_holidays(session: Session) -> None:
    p = person(session, "2014-04-04", "Roos")
    # Decided Thursday 2 April 2026: six weeks end on Thursday 14 May, Hemelvaartsdag, so the period
    # runs to Friday 15 May.
    decision = exemption(session, p, "5b", received_on=D("2026-03-01"), decided_on=D("2026-04-02"))
    session.flush()
    assert decision_objection_deadline(decision.decided_on) == D("2026-05-15")
    on_friday = of_kind(compute_signals(session, D("2026-05-15")), SignalKind.OBJECTION_PERIOD_OPEN)
    assert [s.due for s in on_friday] == [D("2026-05-15")]
    assert of_kind(compute_signals(session, D("2026-05-16")), SignalKind.OBJECTION_PERIOD_OPEN) == []


# --- Halt ----------------------------------------------------------------------------------------


def absence(session: Session, c: Case, hours: float | None, late: int | None = None, **fields) -> None:
    session.add(
        AbsenceReport(
            person_id=c.person_id,
            case_id=c.id,
            received_on=D("2026-03-01"),
            kind=AbsenceKind.SIXTEEN_HOURS,
            hours_absent=hours,
            times_late=late,
            **fields,
        )
    )


def test_halt_eligibility_on_cases(session: Session) -> None:
    today = D("2026-06-01")
    eligible = open_case(session, person(session, "2012-01-01", "Sem"))
    absence(session, eligible, 6)
    absence(session, eligible, 4.5)
    late = open_case(session, person(session, "2011-05-05", "Tess"))
    absence(session, late, None, 12)
    too_much = open_case(session, person(session, "2012-02-02", "Umut"))
    absence(session, too_much, 61)
    too_young = open_case(session, person(session, "2014-06-02", "Vera"))  # 12 tomorrow
    absence(session, too_young, 20)
    adult = open_case(session, person(session, "2008-05-31", "Wout"))  # 18 yesterday
    absence(session, adult, 20)
    earlier = person(session, "2012-03-03", "Xander")
    earlier_case = open_case(session, earlier)
    absence(session, earlier_case, 20)
    session.add(Intervention(person_id=earlier.id, kind=InterventionKind.HALT, date=D("2025-01-15")))
    reported = open_case(session, person(session, "2012-04-04", "Yara"))
    absence(session, reported, 20)
    session.add(
        Intervention(
            person_id=reported.person_id,
            case_id=reported.id,
            kind=InterventionKind.OFFICIAL_REPORT,
            date=D("2026-05-01"),
        )
    )
    closed = open_case(
        session, person(session, "2012-05-05", "Zoë"), status=CaseStatus.CLOSED, closed_on=D("2026-05-01")
    )
    absence(session, closed, 20)
    few = open_case(session, person(session, "2012-06-06", "Ahmed"))
    absence(session, few, 8, 11)
    deleted_report = open_case(session, person(session, "2012-07-07", "Bo"))
    absence(session, deleted_report, 30, deleted=True)
    session.flush()

    halt = of_kind(compute_signals(session, today), SignalKind.HALT_ELIGIBLE)
    assert {s.record_id for s in halt} == {eligible.id, late.id}
    assert all(s.due is None and s.record_type == "case" for s in halt)
    by_case = {s.record_id: s for s in halt}
    assert "10,5 uur" in by_case[eligible.id].detail
    assert eligible.case_number in by_case[eligible.id].detail
    # Undated signals come last.
    signals = compute_signals(session, today)
    assert signals[-len(halt) :] == sorted(halt, key=lambda s: (s.title, s.record_id))


# --- The list as a whole -------------------------------------------------------------------------


def test_signals_sorted_without_bsn_and_by_municipality(session: Session) -> None:
    a = person(session, "2008-06-15", "Anouk", municipality_code="GM0505")
    open_case(session, a)
    b = person(session, "2014-04-04", "Bas", municipality_code="GM0482")
    exemption(session, b, "5b", decided_on=D("2026-05-01"), received_on=D("2026-04-01"))
    exemption(session, b, "5c", valid_until=D("2026-07-31"))
    c = person(session, "2012-01-01", "Cor", municipality_code="GM0505")
    absence(session, open_case(session, c), 10)
    session.flush()

    signals = compute_signals(session, D("2026-06-01"))
    assert [s.kind for s in signals] == [
        SignalKind.OBJECTION_PERIOD_OPEN,
        SignalKind.TURNING_18,
        SignalKind.EXEMPTION_RENEWAL,
        SignalKind.HALT_ELIGIBLE,
    ]
    dated = [s.due for s in signals if s.due is not None]
    assert dated == sorted(dated)
    bsns = {a.bsn, b.bsn, c.bsn}
    for signal in signals:
        assert not any(bsn in signal.title or bsn in signal.detail for bsn in bsns)
        assert signal.title and signal.detail
    dordrecht = compute_signals(session, D("2026-06-01"), municipality_codes=["GM0505"])
    assert {s.person_id for s in dordrecht} == {a.id, c.id}
    text = format_signals(signals)
    assert "15-06-2026" in text and "geen datum" in text
    assert format_signals([]) == "Geen signalen."


def test_empty_database_has_no_signals(session: Session) -> None:
    assert compute_signals(session, D("2026-06-01")) == []


def test_signals_command_registers() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()

    def add(name, handler, help_text):
        command = sub.add_parser(name, help=help_text)
        command.set_defaults(handler=handler)
        return command

    register(add)
    args = parser.parse_args(["signals", "--weeks", "3", "--age-limit", "27", "--active"])
    assert (args.weeks, args.age_limit, args.active) == (3, 27, True)
    defaults = parser.parse_args(["signals"])
    assert (defaults.weeks, defaults.age_limit, defaults.active) == (6, 23, False)


# --- Facts per record ----------------------------------------------------------------------------


def test_person_duty_overview(session: Session) -> None:
    p = person(session, "2010-09-02", "Dirk")
    overview = person_duty_overview(p, D("2026-06-01"))
    assert overview.status is DutyStatus.COMPULSORY
    assert overview.compulsory_start == D("2015-10-01")
    assert overview.compulsory_end == D("2027-07-31")
    assert overview.qualification_duty == Period(D("2027-08-01"), D("2028-09-01"))
    assert overview.eighteenth_birthday == D("2028-09-02")
    assert overview.dropout_support_end == D("2033-09-01")
    assert person_duty_overview(p, D("2033-09-02"), dropout_age_limit=27).status is DutyStatus.DROPOUT_SUPPORT
    exempt = person(session, "2008-03-10", "Els", qualification_exempt=True)
    assert person_duty_overview(exempt, D("2025-01-01")).status is DutyStatus.NONE
    assert person_duty_overview(exempt, D("2025-01-01")).qualification_duty is None


def test_exemption_facts(session: Session) -> None:
    p = person(session, "2015-03-03")
    stored = exemption(session, p, "5b", valid_until=D("2026-07-31"))
    assert exemption_expiry(stored) == D("2026-07-31")
    assert exemption_renewal_deadline(stored) == D("2026-07-01")
    derived = exemption(session, p, "5c", valid_from=D("2025-09-01"), valid_until=None)
    assert exemption_expiry(derived) == D("2026-07-31")
    never_fit = exemption(session, p, "5a", never_fit=True, valid_until=None)
    assert exemption_expiry(never_fit) is None
    assert exemption_renewal_deadline(never_fit) is None
    travel = exemption(session, p, "5a_travel", valid_until=D("2026-07-31"))
    assert exemption_renewal_deadline(travel) is None


def test_leave_request_authority_from_history(session: Session) -> None:
    p = person(session, "2015-03-03")

    def leave(kind: LeaveKind, start: str, days: int, decision: Decision | None = Decision.GRANTED) -> LeaveRequest:
        request = LeaveRequest(
            person_id=p.id,
            kind=kind,
            start_date=D(start),
            end_date=D(start),
            days=days,
            decided_by=LeaveDecider.HEAD_TEACHER,
            decision=decision,
        )
        session.add(request)
        session.flush()
        return request

    leave(LeaveKind.IMPORTANT_CIRCUMSTANCES, "2025-10-01", 7)
    leave(LeaveKind.IMPORTANT_CIRCUMSTANCES, "2025-06-01", 9)  # previous schooljaar
    leave(LeaveKind.IMPORTANT_CIRCUMSTANCES, "2025-11-01", 9, decision=Decision.REFUSED)
    new = leave(LeaveKind.IMPORTANT_CIRCUMSTANCES, "2026-03-01", 4, decision=None)
    assert leave_request_authority(new) == "head_teacher"
    assert leave_request_authority_in_session(session, new) == "attendance_officer"  # 7 + 4 > 10

    holiday = leave(LeaveKind.HOLIDAY, "2026-02-01", 5, decision=None)
    assert leave_request_authority_in_session(session, holiday) == "head_teacher"
    leave(LeaveKind.HOLIDAY, "2025-12-01", 3)
    assert leave_request_authority_in_session(session, holiday) == "not_allowed"  # once per schooljaar
    early = leave(LeaveKind.HOLIDAY, "2026-08-25", 3, decision=None)
    assert leave_request_authority_in_session(session, early) == "head_teacher"
    assert leave_request_authority_in_session(session, early, first_school_day=D("2026-08-17")) == "not_allowed"
    assert leave_request_authority_in_session(session, early, first_school_day=D("2026-08-10")) == "head_teacher"


def test_signals_command_prints_from_an_unlocked_profile(store, profile, passphrase, monkeypatch, capsys) -> None:
    import argparse

    from desktop.commands.signals import cmd_signals

    birthday = date.today() + timedelta(days=7)
    if (birthday.month, birthday.day) == (2, 29):
        birthday += timedelta(days=1)
    with store.session() as s:
        p = Person(bsn=next_bsn(), first_names="Fleur", last_name="de Wit", birth_date=add_months(birthday, -18 * 12))
        s.add(p)
    bsn = p.bsn
    store.close()
    monkeypatch.setenv("VANGNET_PASSPHRASE", passphrase)
    args = argparse.Namespace(data_dir=str(profile.path), weeks=6, age_limit=23, active=False)
    assert cmd_signals(args) == 0
    out = capsys.readouterr().out
    assert "Wordt 18: Fleur de Wit" in out
    assert bsn not in out

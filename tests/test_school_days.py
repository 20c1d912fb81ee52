"""School days from the school calendar (Lpw art. 3 lid 1, 13a, 14): the shipped calendar of regio midden,
the start of leerplicht on the first school day of the month, and property tests of the arithmetic."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.models import law
from desktop.models.law import (
    Period,
    SchoolCalendar,
    SchoolYear,
    compulsory_start,
    compulsory_start_month,
    duty_status,
    first_lesson_day,
    first_school_day_of_month,
    is_holiday,
    is_school_day,
    school_days_between,
)
from desktop.models.school_calendar import load_school_holidays


def D(text: str) -> date:
    return date.fromisoformat(text)


def shipped(region: str = "midden") -> SchoolCalendar:
    records = [r for r in load_school_holidays() if r["holiday_region"] == region]
    names = {Period(r["first_day"], r["last_day"]): str(r["name"]) for r in records}  # type: ignore[arg-type]
    return SchoolCalendar(names, names)


MIDDEN = shipped()


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2026-10-16", True),  # Friday before the herfstvakantie
        ("2026-10-19", False),  # Monday in the herfstvakantie of regio midden (17-25 October 2026)
        ("2026-10-26", True),
        ("2026-10-24", False),  # Saturday
        ("2027-04-27", False),  # Koningsdag, inside the meivakantie too
        ("2027-05-05", False),  # Bevrijdingsdag (dutch_public_holidays, every year by default)
        ("2027-05-06", False),  # Hemelvaartsdag
        ("2027-05-17", False),  # Tweede Pinksterdag
        ("2027-05-18", True),
        ("2026-01-05", True),  # the first day after the kerstvakantie
        ("2026-01-02", False),
        ("2025-08-29", False),  # summer holiday of regio midden until 31 August 2025
    ],
)
def test_is_school_day(day: str, expected: bool) -> None:
    assert is_school_day(D(day), MIDDEN) is expected


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        ("2026-10-12", "2026-10-30", 10),  # three weeks over the herfstvakantie: two weeks of school
        ("2026-10-17", "2026-10-25", 0),  # the holiday itself
        ("2026-12-14", "2027-01-08", 10),  # over the kerstvakantie
        ("2027-04-19", "2027-05-21", 17),  # meivakantie, Bevrijdingsdag, Hemelvaart and Pinksteren
        ("2026-09-07", "2026-09-11", 5),
        ("2026-09-11", "2026-09-07", 0),  # an end before the start counts nothing
    ],
)
def test_school_days_between(start: str, end: str, days: int) -> None:
    assert school_days_between(D(start), D(end), MIDDEN) == days


@pytest.mark.parametrize(
    ("year", "month", "first"),
    [
        (2026, 1, "2026-01-05"),  # after the kerstvakantie
        (2024, 11, "2024-11-04"),  # after the herfstvakantie of regio midden (26 October - 3 November 2024)
        (2025, 9, "2025-09-01"),
        (2025, 8, "2025-09-01"),  # August 2025 lies wholly in the summer holiday: the first school day after it
        (2026, 8, "2026-08-31"),
        (2026, 5, "2026-05-04"),  # after the meivakantie
        (2026, 10, "2026-10-01"),
        (2027, 3, "2027-03-01"),  # Monday after the voorjaarsvakantie
    ],
)
def test_first_school_day_of_month(year: int, month: int, first: str) -> None:
    assert first_school_day_of_month(year, month, MIDDEN) == D(first)


@pytest.mark.parametrize(
    ("born", "start"),
    [
        ("2020-12-10", "2026-01-05"),  # 5 in December 2025: January 2026, after the kerstvakantie
        ("2020-07-31", "2025-09-01"),  # 5 in July 2025: August has no school day in regio midden
        ("2021-08-01", "2026-09-01"),  # born on the 1st still moves to the next month
        ("2021-09-15", "2026-10-01"),
        ("2019-12-01", "2025-01-06"),  # kerstvakantie until Sunday 5 January 2025
        ("2010-09-02", "2015-10-01"),  # the calendar does not reach 2015: the administrative date
        ("2022-12-10", "2028-01-01"),  # nor 2028
    ],
)
def test_compulsory_start_is_the_first_school_day_of_the_month(born: str, start: str) -> None:
    assert compulsory_start(D(born), MIDDEN) == D(start)
    # Without a calendar: the administrative date, the 1st of the month.
    assert compulsory_start(D(born)) == compulsory_start_month(D(born))


def test_duty_status_follows_the_first_school_day() -> None:
    born = D("2020-12-10")
    assert duty_status(born, D("2026-01-02")) is law.DutyStatus.COMPULSORY  # the administrative date
    assert duty_status(born, D("2026-01-02"), holidays=MIDDEN) is law.DutyStatus.BEFORE_COMPULSORY
    assert duty_status(born, D("2026-01-05"), holidays=MIDDEN) is law.DutyStatus.COMPULSORY


def test_what_the_calendar_knows() -> None:
    assert MIDDEN.school_years == [SchoolYear(2024), SchoolYear(2025), SchoolYear(2026)]
    # The summer holiday before 2024-2025 is not shipped: until the first holiday of that year nothing is known.
    assert not MIDDEN.covers(D("2024-09-02"))
    assert MIDDEN.covers(D("2024-10-26"))
    assert MIDDEN.covers(D("2027-08-29"))  # the summer holiday that closes 2026-2027
    assert not MIDDEN.covers(D("2027-08-30"))
    assert first_lesson_day(SchoolYear(2025), MIDDEN) == D("2025-09-01")
    assert first_lesson_day(SchoolYear(2026), MIDDEN) == D("2026-08-31")
    assert first_lesson_day(SchoolYear(2024), MIDDEN) is None
    assert law.first_two_lesson_weeks(SchoolYear(2026), MIDDEN) == Period(D("2026-08-31"), D("2026-09-13"))
    names = [name for name, _ in MIDDEN.holidays_between(D("2026-10-12"), D("2026-10-30"))]
    assert names == ["Herfstvakantie"]
    # Regio zuid starts a week later after the summer of 2026, and noord two weeks earlier.
    assert first_lesson_day(SchoolYear(2026), shipped("zuid")) == D("2026-08-24")
    assert first_lesson_day(SchoolYear(2026), shipped("noord")) == D("2026-08-17")


def test_a_gap_in_the_known_years_is_not_covered() -> None:
    gap = SchoolCalendar([p for p in MIDDEN if law.school_year(p.start) != SchoolYear(2025)])
    assert not gap.covers(D("2026-03-02"))
    assert not gap.covers_period(D("2025-06-02"), D("2026-11-02"))
    # Without the summer of 2026 the year 2026-2027 is known from its first holiday on.
    assert not gap.covers(D("2026-10-12"))
    assert gap.covers_period(D("2026-10-19"), D("2026-11-06"))


# --- Property tests ---------------------------------------------------------------------------------

days_2024_2028 = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))


@st.composite
def calendars(draw) -> SchoolCalendar:
    """Arbitrary school holidays: up to eight periods of 1 to 50 days, possibly overlapping."""
    periods = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(days_2024_2028)
        periods.append(Period(start, start + timedelta(days=draw(st.integers(0, 49)))))
    return SchoolCalendar(periods)


def reference_count(start: date, end: date, periods: list[Period]) -> int:
    """Counted the long way: every weekday that is no feestdag and lies in no holiday period."""
    total = 0
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        if day.isoweekday() <= 5 and not is_holiday(day) and all(not (p.start <= day <= p.end) for p in periods):
            total += 1
    return total


@settings(max_examples=150, deadline=None)
@given(calendars(), days_2024_2028, st.integers(0, 120))
def test_count_agrees_with_a_day_by_day_reference(calendar: SchoolCalendar, start: date, length: int) -> None:
    end = start + timedelta(days=length)
    assert school_days_between(start, end, calendar) == reference_count(start, end, list(calendar))
    # The same holidays as a plain list of periods give the same count.
    assert school_days_between(start, end, list(calendar)) == school_days_between(start, end, calendar)


@settings(max_examples=150, deadline=None)
@given(calendars(), days_2024_2028, st.integers(0, 90), st.integers(0, 90))
def test_counts_add_up_over_adjoining_periods(calendar: SchoolCalendar, start: date, first: int, second: int) -> None:
    middle = start + timedelta(days=first)
    end = middle + timedelta(days=1 + second)
    whole = school_days_between(start, end, calendar)
    assert whole == school_days_between(start, middle, calendar) + school_days_between(
        middle + timedelta(days=1), end, calendar
    )
    assert 0 <= whole <= school_days_between(start, end, ())


@settings(max_examples=100, deadline=None)
@given(calendars(), days_2024_2028, st.integers(0, 60), days_2024_2028, st.integers(0, 20))
def test_another_holiday_never_adds_school_days(
    calendar: SchoolCalendar, start: date, length: int, extra_start: date, extra_length: int
) -> None:
    end = start + timedelta(days=length)
    more = SchoolCalendar([*calendar, Period(extra_start, extra_start + timedelta(days=extra_length))])
    assert school_days_between(start, end, more) <= school_days_between(start, end, calendar)


@settings(max_examples=150, deadline=None)
@given(calendars(), st.integers(2024, 2028), st.integers(1, 12))
def test_first_school_day_of_month_is_the_first_from_the_1st(calendar: SchoolCalendar, year: int, month: int) -> None:
    first = first_school_day_of_month(year, month, calendar)
    assert is_school_day(first, calendar)
    assert first >= date(year, month, 1)
    assert school_days_between(date(year, month, 1), first - timedelta(days=1), calendar) == 0


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=date(2018, 1, 1), max_value=date(2023, 12, 31)))
def test_compulsory_start_with_the_shipped_calendar(born: date) -> None:
    administrative = compulsory_start_month(born)
    start = compulsory_start(born, MIDDEN)
    first = first_school_day_of_month(administrative.year, administrative.month, MIDDEN)
    if MIDDEN.covers(administrative) and MIDDEN.covers(first):
        # The first school day from the 1st: no school day lies between.
        assert start == first
        assert is_school_day(start, MIDDEN)
        assert school_days_between(administrative, start - timedelta(days=1), MIDDEN) == 0
        assert law.age_on(born, start) == 5
    else:
        # The calendar cannot tell: the administrative date.
        assert start == administrative

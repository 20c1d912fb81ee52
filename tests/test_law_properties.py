"""Property tests for the rules of law, each against an independent formulation written here."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.models.law import (
    DutyStatus,
    age_on,
    compulsory_end,
    compulsory_start,
    dutch_public_holidays,
    duty_status,
    easter_sunday,
    is_holiday,
    is_valid_bsn,
    kings_day,
    objection_deadline,
    qualification_duty,
    school_year,
)

# --- An independent 11-proef -----------------------------------------------------------------------


def reference_bsn_check(value: str) -> bool:
    """The 11-proef written from the other end: positions counted from the right, the last digit
    weighted -1, the others by their position (2..9)."""
    cleaned = re.sub(r"[ .]", "", value)
    if not re.fullmatch(r"[0-9]{8,9}", cleaned):
        return False
    cleaned = cleaned.zfill(9)
    if set(cleaned) == {"0"}:
        return False
    total = 0
    for position, char in enumerate(reversed(cleaned), start=1):
        digit = ord(char) - ord("0")
        total += -digit if position == 1 else position * digit
    return total % 11 == 0


def make_valid_bsn(first_eight: str) -> str | None:
    """Complete eight digits with a check digit, or None when no digit 0-9 satisfies the proof."""
    weighted = sum(int(c) * w for c, w in zip(first_eight, range(9, 1, -1), strict=True))
    check = weighted % 11
    if check == 10 or (first_eight == "00000000" and check == 0):
        return None
    return first_eight + str(check)


bsn_alphabet = st.sampled_from([*"0123456789 .", "a", "-", "\t", "٣", "１"])


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=bsn_alphabet, min_size=0, max_size=13))
def test_bsn_matches_reference_on_arbitrary_text(value: str) -> None:
    assert is_valid_bsn(value) == reference_bsn_check(value)


@settings(max_examples=400, deadline=None)
@given(st.from_regex(r"[0-9]{9}", fullmatch=True))
def test_bsn_matches_reference_on_nine_digits(value: str) -> None:
    assert is_valid_bsn(value) == reference_bsn_check(value)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"[0-9]{8}", fullmatch=True), st.integers(0, 8), st.integers(1, 9))
def test_generated_bsn_valid_and_single_digit_errors_caught(first_eight: str, position: int, delta: int) -> None:
    bsn = make_valid_bsn(first_eight)
    if bsn is None:
        assert not any(is_valid_bsn(first_eight + str(d)) for d in range(10))
        return
    assert is_valid_bsn(bsn)
    assert is_valid_bsn(f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}")
    # The weights are all non-zero modulo 11, so changing one digit always breaks the proof.
    changed = str((int(bsn[position]) + delta) % 10)
    mutated = bsn[:position] + changed + bsn[position + 1 :]
    assert not is_valid_bsn(mutated)


# --- Dates ---------------------------------------------------------------------------------------

birth_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


@given(days)
def test_school_year_contains_day(day: date) -> None:
    sy = school_year(day)
    assert sy.start <= day <= sy.end
    assert (sy.end - sy.start).days in (364, 365)
    assert school_year(sy.end + timedelta(days=1)).start_year == sy.start_year + 1


@given(birth_dates, days)
def test_age_agrees_with_tuple_comparison(born: date, on: date) -> None:
    # Independent formulation: compare (month, day), with 29 February as 1 March outside leap years.
    month_day = (born.month, born.day)
    leap = on.year % 4 == 0 and (on.year % 100 != 0 or on.year % 400 == 0)
    if month_day == (2, 29) and not leap:
        month_day = (3, 1)
    expected = on.year - born.year - (1 if (on.month, on.day) < month_day else 0)
    assert age_on(born, on) == expected


@given(birth_dates)
def test_compulsory_start_is_first_of_month_after_fifth_birthday(born: date) -> None:
    start = compulsory_start(born)
    assert start.day == 1
    assert age_on(born, start) == 5
    last_day_before = start - timedelta(days=1)
    # The 5th birthday lies in the month before the start.
    assert age_on(born, last_day_before.replace(day=1) - timedelta(days=1)) == 4


@given(birth_dates)
def test_duty_periods_join_without_gaps(born: date) -> None:
    end = compulsory_end(born)
    assert end.month == 7 and end.day == 31
    assert age_on(born, end) == 16
    period = qualification_duty(born)
    assert period is not None
    assert period.start == end + timedelta(days=1)
    assert age_on(born, period.end) == 17
    assert age_on(born, period.end + timedelta(days=1)) == 18
    assert duty_status(born, end) is DutyStatus.COMPULSORY
    assert duty_status(born, period.start) is DutyStatus.QUALIFICATION_DUTY
    assert duty_status(born, period.end) is DutyStatus.QUALIFICATION_DUTY
    assert duty_status(born, period.end + timedelta(days=1)) is DutyStatus.DROPOUT_SUPPORT


@given(days)
def test_objection_deadline_is_first_working_day_from_six_weeks(sent: date) -> None:
    deadline = objection_deadline(sent)
    six_weeks = sent + timedelta(weeks=6)
    assert deadline >= six_weeks
    assert deadline.weekday() < 5
    # Every day skipped was a Saturday, Sunday or holiday.
    day = six_weeks
    while day < deadline:
        assert day.weekday() >= 5 or is_holiday(day)
        day += timedelta(days=1)
    assert not is_holiday(deadline)


@given(st.integers(1900, 2400))
def test_easter_is_a_sunday_in_its_window_and_holidays_follow_it(year: int) -> None:
    easter = easter_sunday(year)
    assert easter.weekday() == 6
    assert date(year, 3, 22) <= easter <= date(year, 4, 25)
    holidays = dutch_public_holidays(year)
    for offset in (1, 39, 50):  # Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag
        assert easter + timedelta(days=offset) in holidays
    assert easter - timedelta(days=2) not in holidays
    assert easter - timedelta(days=2) in dutch_public_holidays(year, include_good_friday=True)
    assert (easter + timedelta(days=39)).weekday() == 3
    assert kings_day(year).weekday() != 6
    assert {date(year, 1, 1), date(year, 5, 5), date(year, 12, 25), date(year, 12, 26)} <= set(holidays)

"""Rules of law: each expectation below is worked out by hand from the article text."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.models import law
from desktop.models.law import (
    ATW_EQUATED_DAYS,
    DutyStatus,
    ExemptionArticle,
    Period,
    SchoolYear,
    add_months,
    age_on,
    birthday_in_year,
    compulsory_end,
    compulsory_start,
    dutch_public_holidays,
    duty_status,
    easter_sunday,
    eighteenth_birthday,
    exemption_valid_until,
    halt_eligible,
    is_holiday,
    is_valid_bsn,
    kings_day,
    leave_authority,
    luxury_absence_outcome,
    medical_statement_valid,
    objection_deadline,
    qualification_duty,
    renewal_deadline,
    school_year,
)

D = date.fromisoformat


# --- School year ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "label"),
    [
        ("2023-08-01", "2023-2024"),
        ("2024-07-31", "2023-2024"),
        ("2024-08-01", "2024-2025"),
        ("2024-01-01", "2023-2024"),
        ("2023-12-31", "2023-2024"),
        ("2023-07-31", "2022-2023"),
        ("2024-02-29", "2023-2024"),
    ],
)
def test_school_year_boundaries(day: str, label: str) -> None:
    sy = school_year(D(day))
    assert str(sy) == label
    assert sy.start.month == 8 and sy.start.day == 1
    assert sy.end.month == 7 and sy.end.day == 31
    assert D(day) in sy


def test_school_year_start_end_and_navigation() -> None:
    sy = school_year(D("2023-10-05"))
    assert sy.start == D("2023-08-01")
    assert sy.end == D("2024-07-31")
    assert str(sy.next()) == "2024-2025"
    assert str(sy.previous()) == "2022-2023"
    assert SchoolYear.parse("2023-2024") == sy
    assert SchoolYear.parse("2023/2024") == sy
    assert sy.period.days == 366  # contains 29 February 2024
    assert D("2024-08-01") not in sy
    with pytest.raises(ValueError):
        SchoolYear.parse("2023-2025")
    with pytest.raises(ValueError):
        SchoolYear.parse("twintig")


def test_period_is_inclusive_and_validated() -> None:
    p = Period(D("2025-01-01"), D("2025-01-31"))
    assert D("2025-01-01") in p
    assert D("2025-01-31") in p
    assert D("2024-12-31") not in p
    assert D("2025-02-01") not in p
    assert "2025-01-15" not in p  # only dates are members
    assert p.days == 31
    assert Period(D("2025-03-03"), D("2025-03-03")).days == 1
    with pytest.raises(ValueError):
        Period(D("2025-02-01"), D("2025-01-31"))


# --- Ages ----------------------------------------------------------------------------------------


def test_age_turns_on_the_birthday_itself() -> None:
    born = D("2010-09-02")
    assert age_on(born, D("2015-09-01")) == 4
    assert age_on(born, D("2015-09-02")) == 5
    assert age_on(born, D("2028-09-01")) == 17
    assert age_on(born, D("2028-09-02")) == 18
    assert eighteenth_birthday(born) == D("2028-09-02")


def test_leap_day_birthday_is_1_march_in_non_leap_years() -> None:
    born = D("2008-02-29")
    assert birthday_in_year(born, 2026) == D("2026-03-01")
    assert birthday_in_year(born, 2028) == D("2028-02-29")
    assert age_on(born, D("2026-02-28")) == 17
    assert age_on(born, D("2026-03-01")) == 18
    assert eighteenth_birthday(born) == D("2026-03-01")
    # In a leap year the birthday is 29 February itself.
    assert age_on(born, D("2028-02-28")) == 19
    assert age_on(born, D("2028-02-29")) == 20


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(D("2025-05-31"), 3) == D("2025-08-31")
    assert add_months(D("2024-11-30"), 3) == D("2025-02-28")
    assert add_months(D("2023-11-30"), 3) == D("2024-02-29")
    assert add_months(D("2025-01-31"), -2) == D("2024-11-30")
    assert add_months(D("2025-12-15"), 1) == D("2026-01-15")


# --- Start and end of leerplicht (Lpw art. 3) ----------------------------------------------------


@pytest.mark.parametrize(
    ("born", "start"),
    [
        ("2010-09-02", "2015-10-01"),  # the example in the domain guide
        ("2010-09-01", "2015-10-01"),  # born on the 1st still moves to the next month
        ("2010-09-30", "2015-10-01"),
        ("2010-12-31", "2016-01-01"),  # across the year boundary
        ("2010-12-01", "2016-01-01"),
        ("2019-01-31", "2024-02-01"),
        ("2019-02-28", "2024-03-01"),  # turns 5 on 28 Feb 2024, a leap year
        ("2020-02-29", "2025-04-01"),  # turns 5 on 1 March 2025 (non-leap), so April
        ("2016-02-29", "2021-04-01"),
        ("2012-02-29", "2017-04-01"),
        ("2004-02-29", "2009-04-01"),
    ],
)
def test_compulsory_start(born: str, start: str) -> None:
    assert compulsory_start(D(born)) == D(start)


@pytest.mark.parametrize(
    ("born", "end"),
    [
        ("2009-07-31", "2025-07-31"),  # turns 16 on the last day of 2024-2025
        ("2009-08-01", "2026-07-31"),  # turns 16 on the first day of 2025-2026
        ("2009-01-01", "2025-07-31"),
        ("2008-12-31", "2025-07-31"),
        ("2008-07-31", "2024-07-31"),
        ("2008-02-29", "2024-07-31"),  # 16 on 29 Feb 2024
        ("2007-02-28", "2023-07-31"),
    ],
)
def test_compulsory_end_by_sixteenth_birthday(born: str, end: str) -> None:
    assert compulsory_end(D(born)) == D(end)


def test_compulsory_end_twelve_school_years_can_end_it_earlier() -> None:
    born = D("2009-08-01")  # turns 16 in 2025-2026, so leerplicht would run to 31 July 2026
    assert compulsory_end(born, twelve_years_completed_in=D("2025-03-15")) == D("2025-07-31")
    assert compulsory_end(born, twelve_years_completed_in=D("2024-08-01")) == D("2025-07-31")
    # A later twelfth year never extends leerplicht beyond the 16-year rule.
    assert compulsory_end(born, twelve_years_completed_in=D("2027-01-01")) == D("2026-07-31")
    # Same school year: no change.
    assert compulsory_end(born, twelve_years_completed_in=D("2026-07-31")) == D("2026-07-31")


# --- Kwalificatieplicht (art. 4a/4b) -------------------------------------------------------------


def test_qualification_duty_runs_to_day_before_eighteenth_birthday() -> None:
    period = qualification_duty(D("2009-08-01"))
    assert period == Period(D("2026-08-01"), D("2027-07-31"))
    period = qualification_duty(D("2009-07-31"))
    assert period == Period(D("2025-08-01"), D("2027-07-30"))
    assert D("2027-07-30") in period
    assert D("2027-07-31") not in period


def test_qualification_duty_leap_day_birth() -> None:
    # Turns 18 on 1 March 2026 (non-leap): duty until 28 February 2026.
    period = qualification_duty(D("2008-02-29"))
    assert period == Period(D("2024-08-01"), D("2026-02-28"))


def test_qualification_duty_ends_before_startkwalificatie() -> None:
    born = D("2008-03-10")  # compulsory to 2024-07-31, 18 on 2026-03-10
    period = qualification_duty(born, qualified_on=D("2025-07-04"))
    assert period == Period(D("2024-08-01"), D("2025-07-03"))
    # A diploma after the 18th birthday changes nothing.
    assert qualification_duty(born, qualified_on=D("2026-06-01")) == Period(D("2024-08-01"), D("2026-03-09"))


def test_qualification_duty_none_when_nothing_remains() -> None:
    born = D("2008-03-10")
    assert qualification_duty(born, qualified_on=D("2024-07-10")) is None  # diploma before the end
    assert qualification_duty(born, qualified_on=D("2024-08-01")) is None  # diploma on the first day
    one_day = qualification_duty(born, qualified_on=D("2024-08-02"))
    assert one_day == Period(D("2024-08-01"), D("2024-08-01"))


def test_qualification_duty_follows_twelve_year_end() -> None:
    period = qualification_duty(D("2009-08-01"), twelve_years_completed_in=D("2025-01-01"))
    assert period == Period(D("2025-08-01"), D("2027-07-31"))


# --- Duty status ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("2015-09-30", DutyStatus.BEFORE_COMPULSORY),
        ("2015-10-01", DutyStatus.COMPULSORY),
        ("2026-07-31", DutyStatus.COMPULSORY),  # turns 16 on 2026-09-02, so until the end of 2026-2027
        ("2027-07-31", DutyStatus.COMPULSORY),
        ("2027-08-01", DutyStatus.QUALIFICATION_DUTY),
        ("2028-09-01", DutyStatus.QUALIFICATION_DUTY),
        ("2028-09-02", DutyStatus.DROPOUT_SUPPORT),
        ("2033-09-01", DutyStatus.DROPOUT_SUPPORT),
        ("2033-09-02", DutyStatus.NONE),
    ],
)
def test_duty_status_timeline(on: str, expected: DutyStatus) -> None:
    assert duty_status(D("2010-09-02"), D(on)) is expected


def test_duty_status_values_are_stable_strings() -> None:
    assert [s.value for s in DutyStatus] == [
        "before_compulsory",
        "compulsory",
        "qualification_duty",
        "dropout_support",
        "none",
    ]
    assert DutyStatus("compulsory") == "compulsory"
    assert DutyStatus.COMPULSORY.label == "Leerplichtig"


def test_duty_status_dropout_age_limit_is_a_parameter() -> None:
    born = D("2000-05-05")
    assert duty_status(born, D("2023-05-04")) is DutyStatus.DROPOUT_SUPPORT
    assert duty_status(born, D("2023-05-05")) is DutyStatus.NONE
    assert duty_status(born, D("2023-05-05"), dropout_age_limit=27) is DutyStatus.DROPOUT_SUPPORT
    assert duty_status(born, D("2027-05-04"), dropout_age_limit=27) is DutyStatus.DROPOUT_SUPPORT
    assert duty_status(born, D("2027-05-05"), dropout_age_limit=27) is DutyStatus.NONE


def test_duty_status_with_startkwalificatie() -> None:
    born = D("2008-03-10")
    qualified = D("2025-07-04")
    # Still leerplichtig on the day of a diploma obtained before leerplicht ends.
    assert duty_status(born, D("2024-07-01"), qualified_on=D("2024-06-20")) is DutyStatus.COMPULSORY
    assert duty_status(born, D("2025-07-03"), qualified_on=qualified) is DutyStatus.QUALIFICATION_DUTY
    assert duty_status(born, D("2025-07-04"), qualified_on=qualified) is DutyStatus.NONE
    # Over 18 with a diploma: no longer in the RMC target group.
    assert duty_status(born, D("2027-01-01"), qualified_on=qualified) is DutyStatus.NONE
    # Over 18, diploma only later: in the target group until that day.
    assert duty_status(born, D("2027-01-01"), qualified_on=D("2027-06-30")) is DutyStatus.DROPOUT_SUPPORT


def test_qualification_exempt_has_no_kwalificatieplicht() -> None:
    born = D("2008-03-10")
    assert qualification_duty(born, qualification_exempt=True) is None
    assert duty_status(born, D("2024-07-31"), qualification_exempt=True) is DutyStatus.COMPULSORY
    assert duty_status(born, D("2024-08-01"), qualification_exempt=True) is DutyStatus.NONE
    assert duty_status(born, D("2027-01-01"), qualification_exempt=True) is DutyStatus.NONE


def test_duty_status_leap_day_child() -> None:
    born = D("2020-02-29")
    assert duty_status(born, D("2025-03-31")) is DutyStatus.BEFORE_COMPULSORY
    assert duty_status(born, D("2025-04-01")) is DutyStatus.COMPULSORY


# --- BSN -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["111222333", "123456782", "1234.56.782", "123 456 782", " 123456782 ", "12345672", "012345672"],
)
def test_valid_bsn(value: str) -> None:
    assert is_valid_bsn(value)


@pytest.mark.parametrize(
    "value",
    [
        "123456789",  # fails the 11-proef
        "123456781",
        "000000000",  # all zeros
        "00000000",  # eight zeros, padded to nine
        "0000.000.00",
        "1234567",  # too short
        "1234567820",  # too long
        "12345678a",
        "",
        "12-34-56-782",  # only spaces and dots are ignored
        "１２３４５６７８２",  # full-width digits are not ASCII
        "\t123456782",
    ],
)
def test_invalid_bsn(value: str) -> None:
    assert not is_valid_bsn(value)


def test_bsn_non_string_is_invalid() -> None:
    assert not is_valid_bsn(123456782)  # type: ignore[arg-type]
    assert not is_valid_bsn(None)  # type: ignore[arg-type]


# --- Halt ----------------------------------------------------------------------------------------

BORN_HALT = D("2011-06-15")  # 12 on 2023-06-15, 18 on 2029-06-15


def test_halt_age_bounds() -> None:
    assert not halt_eligible(BORN_HALT, D("2023-06-14"), 10, 0, False)
    assert halt_eligible(BORN_HALT, D("2023-06-15"), 10, 0, False)
    assert halt_eligible(BORN_HALT, D("2029-06-14"), 10, 0, False)
    assert not halt_eligible(BORN_HALT, D("2029-06-15"), 10, 0, False)


@pytest.mark.parametrize(
    ("hours", "late", "expected"),
    [
        (8.5, 0, False),
        (9, 0, True),
        (0, 11, False),
        (0, 12, True),
        (60, 0, True),
        (60.5, 0, False),
        (20, 60, True),
        (20, 61, False),
        (61, 13, False),
        (8, 11, False),
    ],
)
def test_halt_hour_and_lateness_bounds(hours: float, late: int, expected: bool) -> None:
    assert halt_eligible(BORN_HALT, D("2025-01-10"), hours, late, False) is expected


def test_halt_only_once_for_absence() -> None:
    assert not halt_eligible(BORN_HALT, D("2025-01-10"), 20, 0, True)


def test_halt_rejects_negative_counts() -> None:
    with pytest.raises(ValueError):
        halt_eligible(BORN_HALT, D("2025-01-10"), -1, 0, False)


# --- Luxe verzuim --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "first", "announced", "expected"),
    [
        (1, True, False, "warning"),
        (0.5, True, False, "warning"),
        (1.5, True, False, "official_report"),
        (2, True, False, "official_report"),
        (1, False, False, "official_report"),
        (1, True, True, "official_report"),
    ],
)
def test_luxury_absence(days: float, first: bool, announced: bool, expected: str) -> None:
    assert luxury_absence_outcome(days, first, announced) == expected


# --- Extra verlof --------------------------------------------------------------------------------


def test_holiday_leave() -> None:
    assert leave_authority("holiday", 10) == "head_teacher"
    assert leave_authority("holiday", 1) == "head_teacher"
    assert leave_authority("holiday", 11) == "not_allowed"
    assert leave_authority("holiday", 3, in_first_two_weeks=True) == "not_allowed"
    assert leave_authority("holiday", 3, holiday_leave_already_this_year=True) == "not_allowed"
    # Days of leave for important circumstances do not use up holiday leave.
    assert leave_authority("holiday", 5, already_granted_days=8) == "head_teacher"


def test_important_circumstances_leave() -> None:
    assert leave_authority("important_circumstances", 10) == "head_teacher"
    assert leave_authority("important_circumstances", 11) == "attendance_officer"
    assert leave_authority("important_circumstances", 4, already_granted_days=6) == "head_teacher"
    assert leave_authority("important_circumstances", 4, already_granted_days=7) == "attendance_officer"
    # The first two weeks only bar holiday leave.
    assert leave_authority("important_circumstances", 2, in_first_two_weeks=True) == "head_teacher"


def test_leave_rejects_unknown_kind_and_empty_requests() -> None:
    with pytest.raises(ValueError):
        leave_authority("sabbatical", 3)
    with pytest.raises(ValueError):
        leave_authority("holiday", 0)


# --- Holidays (Algemene termijnenwet) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2000, "2000-04-23"),
        (2008, "2008-03-23"),  # early
        (2011, "2011-04-24"),  # late
        (2016, "2016-03-27"),
        (2019, "2019-04-21"),
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (2027, "2027-03-28"),
        (2038, "2038-04-25"),  # latest possible date
        (2285, "2285-03-22"),  # earliest possible date
    ],
)
def test_easter(year: int, easter: str) -> None:
    assert easter_sunday(year) == D(easter)


def test_holidays_2025() -> None:
    holidays = dutch_public_holidays(2025)
    assert holidays == {
        D("2025-01-01"): "Nieuwjaarsdag",
        D("2025-04-20"): "Eerste Paasdag",
        D("2025-04-21"): "Tweede Paasdag",
        D("2025-04-26"): "Koningsdag",  # 27 April 2025 is a Sunday
        D("2025-05-05"): "Bevrijdingsdag",
        D("2025-05-29"): "Hemelvaartsdag",
        D("2025-06-08"): "Eerste Pinksterdag",
        D("2025-06-09"): "Tweede Pinksterdag",
        D("2025-12-25"): "Eerste Kerstdag",
        D("2025-12-26"): "Tweede Kerstdag",
    }


def test_holidays_without_optional_days() -> None:
    holidays = dutch_public_holidays(2025, include_liberation_day=False)
    assert D("2025-04-18") not in holidays
    assert D("2025-05-05") not in holidays
    assert D("2025-05-30") not in holidays
    assert len(holidays) == 9


def test_holidays_with_the_wider_reading() -> None:
    holidays = dutch_public_holidays(2025, include_good_friday=True, equated_days=ATW_EQUATED_DAYS)
    assert holidays[D("2025-04-18")] == "Goede Vrijdag"
    assert holidays[D("2025-05-30")] == "Met een feestdag gelijkgestelde dag"
    assert len(holidays) == 12


def test_ascension_on_liberation_day_keeps_both() -> None:
    assert dutch_public_holidays(2016)[D("2016-05-05")] == "Hemelvaartsdag en Bevrijdingsdag"


@pytest.mark.parametrize(
    ("year", "day"),
    [
        (2014, "2014-04-26"),  # first Koningsdag: the 27th was a Sunday
        (2024, "2024-04-27"),  # a Saturday: stays
        (2025, "2025-04-26"),
        (2026, "2026-04-27"),
        (2031, "2031-04-26"),
        (2006, "2006-04-29"),  # Koninginnedag 30 April on a Sunday
        (2013, "2013-04-30"),
    ],
)
def test_kings_day(year: int, day: str) -> None:
    assert kings_day(year) == D(day)


def test_is_holiday() -> None:
    assert is_holiday(D("2025-04-26"))
    assert not is_holiday(D("2025-04-27"))  # Sunday, but not the holiday itself
    assert not is_holiday(D("2025-04-28"))  # never moved to the Monday
    assert not is_holiday(D("2024-12-27"))  # a decreed day counts only when the region applies decrees
    assert is_holiday(D("2024-12-27"), equated_days=ATW_EQUATED_DAYS)
    assert not is_holiday(D("2025-04-18"))  # Goede Vrijdag: not in the specified list
    assert is_holiday(D("2025-04-18"), include_good_friday=True)
    assert is_holiday(D("2030-01-01"))
    assert not is_holiday(D("2025-06-10"))


# --- Bezwaar period (Awb 6:7, 6:8; Algemene termijnenwet) ----------------------------------------


@pytest.mark.parametrize(
    ("sent", "deadline"),
    [
        ("2024-01-01", "2024-02-12"),  # Monday → Monday six weeks later
        ("2024-01-31", "2024-03-13"),  # across a leap February
        ("2025-07-31", "2025-09-11"),
        ("2025-03-15", "2025-04-28"),  # ends Sat 26 April (Koningsdag moved to Saturday) → Monday
        ("2025-03-16", "2025-04-28"),  # ends Sun 27 April 2025 → Monday 28 (Koningsdag is not Monday)
        ("2026-03-16", "2026-04-28"),  # ends Mon 27 April 2026, Koningsdag → Tuesday
        ("2023-03-16", "2023-04-28"),  # ends Thu 27 April 2023 (Koningsdag) → Friday
        ("2025-03-10", "2025-04-22"),  # ends on Tweede Paasdag
        ("2025-03-07", "2025-04-18"),  # ends on Goede Vrijdag: not a listed holiday, so it stays
        ("2025-03-22", "2025-05-06"),  # ends Sat 3 May, Mon 5 May (Bevrijdingsdag) → Tuesday
        ("2025-04-17", "2025-05-30"),  # ends on Hemelvaartsdag → Friday
        ("2025-04-28", "2025-06-10"),  # ends on Tweede Pinksterdag
        ("2025-11-13", "2025-12-29"),  # ends on Eerste Kerstdag, then Tweede Kerstdag and weekend
        ("2025-11-20", "2026-01-02"),  # ends on Nieuwjaarsdag → Friday 2 January
        ("2024-02-17", "2024-04-02"),  # Sat 30 March, Easter Sunday, Tweede Paasdag → Tuesday
        ("2025-04-18", "2025-05-30"),  # ends Friday 30 May 2025, an ordinary working day
    ],
)
def test_objection_deadline(sent: str, deadline: str) -> None:
    assert objection_deadline(D(sent)) == D(deadline)


def test_objection_deadline_options_follow_the_law_text() -> None:
    # A region applying the decreed bridge days moves a deadline on the Friday after Hemelvaart.
    assert objection_deadline(D("2025-04-18"), equated_days=ATW_EQUATED_DAYS) == D("2025-06-02")
    # A region counting Goede Vrijdag moves past it and the Easter weekend.
    assert objection_deadline(D("2025-03-07"), include_good_friday=True) == D("2025-04-22")
    # The 5 May rule is a named switch.
    assert objection_deadline(D("2025-03-24"), include_liberation_day=False) == D("2025-05-05")
    assert objection_deadline(D("2025-03-24")) == D("2025-05-06")


def test_objection_deadline_is_never_a_weekend_or_holiday() -> None:
    day = D("2024-01-01")
    while day < D("2027-01-01"):
        deadline = objection_deadline(day)
        assert deadline.weekday() < 5
        assert not is_holiday(deadline)
        assert 42 <= (deadline - day).days <= 42 + 5
        day = date.fromordinal(day.toordinal() + 1)


# --- Exemptions ----------------------------------------------------------------------------------


def test_exemption_article_codes_and_labels() -> None:
    assert [a.value for a in ExemptionArticle] == ["5a", "5b", "5c", "5a_travel", "15", "3a", "3b", "11g"]
    assert ExemptionArticle("5a") is not ExemptionArticle("5a_travel")
    assert "onder a" in ExemptionArticle.ART_5A.label
    assert ExemptionArticle.ART_5A_TRAVEL.label.startswith("Art. 5a ")
    assert ExemptionArticle.ART_5B.renewed_each_year
    assert not ExemptionArticle.ART_15.renewed_each_year
    assert ExemptionArticle.ART_3B.is_substitute_programme


@pytest.mark.parametrize(
    ("article", "start", "until"),
    [
        ("5a", "2024-08-01", "2025-07-31"),
        ("5a", "2025-07-31", "2025-07-31"),
        ("5b", "2025-08-01", "2026-07-31"),
        ("5c", "2024-02-29", "2024-07-31"),
        ("5a_travel", "2024-09-01", "2025-07-31"),
        ("15", "2024-12-01", "2025-07-31"),
        ("3a", "2025-01-06", "2025-07-31"),
        ("3b", "2025-08-20", "2026-07-31"),
    ],
)
def test_exemption_valid_until_end_of_school_year(article: str, start: str, until: str) -> None:
    assert exemption_valid_until(article, D(start)) == D(until)


def test_never_fit_statement_has_no_end() -> None:
    assert exemption_valid_until("5a", D("2024-09-01"), never_fit=True) is None
    assert exemption_valid_until(ExemptionArticle.ART_5A, D("2024-09-01"), never_fit=True) is None
    # Only art. 5 onder a knows such a statement; art. 5a (travelling) keeps its end.
    assert exemption_valid_until("5a_travel", D("2024-09-01"), never_fit=True) == D("2025-07-31")
    with pytest.raises(ValueError):
        exemption_valid_until("5d", D("2024-09-01"))


def test_renewal_deadline_is_1_july() -> None:
    assert renewal_deadline(D("2025-07-31")) == D("2025-07-01")
    assert renewal_deadline(D("2026-07-31")) == D("2026-07-01")
    assert renewal_deadline(D("2025-06-15")) == D("2025-07-01")


def test_statement_expiry_and_substitute_programme_decision() -> None:
    assert law.medical_statement_expires(D("2025-11-30")) == D("2026-02-28")
    assert law.substitute_programme_decision_deadline(D("2026-01-29")) == D("2026-02-26")


def test_first_notification_a_month_before_leerplicht() -> None:
    assert law.first_exemption_notification_deadline(D("2010-09-02")) == D("2015-09-01")


@pytest.mark.parametrize(
    ("statement", "notification", "valid"),
    [
        ("2025-01-15", "2025-04-15", True),  # exactly three months old
        ("2025-01-15", "2025-04-16", False),
        ("2025-01-31", "2025-04-30", True),  # April has no 31st
        ("2025-01-31", "2025-05-01", False),
        ("2024-11-30", "2025-02-28", True),
        ("2024-11-30", "2025-03-01", False),
        ("2023-11-30", "2024-02-29", True),  # leap year
        ("2025-03-01", "2025-03-01", True),  # same day
        ("2025-03-02", "2025-03-01", False),  # dated after the notification
    ],
)
def test_medical_statement_valid(statement: str, notification: str, valid: bool) -> None:
    assert medical_statement_valid(D(statement), D(notification)) is valid


# --- Region settings -----------------------------------------------------------------------------


def test_over_18_reporting_period_is_a_parameter() -> None:
    assert law.OVER_18_REPORTING_DAYS == 28
    assert law.over_18_reporting_date(D("2025-09-01")) == D("2025-09-29")
    assert law.over_18_reporting_date(D("2025-09-01"), reporting_days=35) == D("2025-10-06")


def test_dropout_support_end_and_retention() -> None:
    assert law.dropout_support_end(D("2004-02-29")) == D("2027-02-28")  # 23 on 1 March 2027
    assert law.dropout_support_end(D("2004-02-29"), dropout_age_limit=27) == D("2031-02-28")
    assert law.compulsory_file_retention_until(D("2010-09-02")) == D("2029-09-02")


def test_liability_from_twelve_and_letters_from_eighteen() -> None:
    born = D("2010-09-02")
    assert not law.young_person_liable(born, D("2022-09-01"))
    assert law.young_person_liable(born, D("2022-09-02"))
    assert not law.letters_to_young_person(born, D("2028-09-01"))
    assert law.letters_to_young_person(born, D("2028-09-02"))


def test_sixteen_hours_threshold() -> None:
    assert not law.relative_absence_reportable(15.5)
    assert law.relative_absence_reportable(16)

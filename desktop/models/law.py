"""Rules of law for leerplicht, kwalificatieplicht and bezwaar as pure functions (no database, no Qt).

Every rule names its source. Thresholds that regions set differently are parameters with a documented
default; items marked VERIFY were not confirmed against the current text of the law.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from desktop.models.enums import Decision, ExemptionArticle, LabeledEnum, LeaveKind

# --- Region settings (defaults; a region may configure other values) ------------------------------

#: Upper age (exclusive) of the Doorstroompunt/RMC target group: young people without a
#: startkwalificatie are supported until they turn this age. National default 23; the region Zuid-Holland
#: Zuid works up to 27.
DEFAULT_DROPOUT_AGE_LIMIT = 23

#: An MBO student of 18 or older is reported after this many days of continuous absence (the region's
#: reading of "4 weeks"; VERIFY against the Besluit Verzuimmelding and keep configurable).
OVER_18_REPORTING_DAYS = 28

#: Lpw art. 21a: a school reports 16 hours of unauthorised absence within 4 consecutive lesweken.
SIXTEEN_HOURS_THRESHOLD = 16.0

#: Halt for verzuim (Halt's criteria for verwijzers): bounds on hours absent and times late.
HALT_MIN_HOURS = 9.0
HALT_MIN_TIMES_LATE = 12
HALT_MAX_HOURS = 60.0
HALT_MAX_TIMES_LATE = 60

#: Lpw art. 13a and 14: the most school days of leave the head teacher may grant per schooljaar.
HEAD_TEACHER_MAX_LEAVE_DAYS = 10

#: Lpw art. 7: a statement for an exemption under art. 5 onder a may be at most this many months old.
MEDICAL_STATEMENT_MAX_AGE_MONTHS = 3

#: Awb art. 6:7: the bezwaar period.
OBJECTION_PERIOD_WEEKS = 6

#: VNG Selectielijst 2020: leerplicht files are kept until this many years after the date of birth.
COMPULSORY_FILE_RETENTION_YEARS = 19


# --- Small value types ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A period of whole days; both ``start`` and ``end`` are inclusive."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        """Number of days in the period, both ends counted."""
        return (self.end - self.start).days + 1


@dataclass(frozen=True, order=True)
class SchoolYear:
    """A schooljaar: 1 August up to and including 31 July of the next calendar year (WPO/WVO art. 1)."""

    start_year: int

    @property
    def start(self) -> date:
        return date(self.start_year, 8, 1)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 7, 31)

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}"

    def next(self) -> SchoolYear:
        return SchoolYear(self.start_year + 1)

    def previous(self) -> SchoolYear:
        return SchoolYear(self.start_year - 1)

    @classmethod
    def parse(cls, label: str) -> SchoolYear:
        """Read a label such as ``2023-2024`` (also ``2023/2024``)."""
        parts = label.strip().replace("/", "-").split("-")
        if len(parts) != 2 or not all(p.isascii() and p.isdigit() for p in parts):
            raise ValueError(f"not a school year label: {label!r}")
        first, second = int(parts[0]), int(parts[1])
        if second != first + 1:
            raise ValueError(f"not a school year label: {label!r}")
        return cls(first)


def school_year(d: date) -> SchoolYear:
    """The schooljaar that contains ``d`` (1 August to 31 July)."""
    return SchoolYear(d.year if d.month >= 8 else d.year - 1)


class DutyStatus(LabeledEnum):
    """Which duty applies to a young person on a given day."""

    BEFORE_COMPULSORY = ("before_compulsory", "Nog niet leerplichtig")
    COMPULSORY = ("compulsory", "Leerplichtig")  # volledige leerplicht, Lpw art. 3
    QUALIFICATION_DUTY = ("qualification_duty", "Kwalificatieplichtig")  # kwalificatieplicht, Lpw art. 4a/4b
    # RMC target group: 18 up to the age limit, no startkwalificatie
    DROPOUT_SUPPORT = ("dropout_support", "RMC-doelgroep (18+ zonder startkwalificatie)")
    NONE = ("none", "Geen leer- of kwalificatieplicht")


class LeaveAuthority(StrEnum):
    HEAD_TEACHER = "head_teacher"
    ATTENDANCE_OFFICER = "attendance_officer"
    NOT_ALLOWED = "not_allowed"


class LuxuryAbsenceOutcome(StrEnum):
    WARNING = "warning"
    OFFICIAL_REPORT = "official_report"


# --- Dates and ages ------------------------------------------------------------------------------


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole calendar months; a day that does not exist becomes the month's last day.

    31 May + 3 months is 31 August; 30 November + 3 months is 28 (or 29) February.
    """
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def birthday_in_year(birth_date: date, year: int) -> date:
    """The day in ``year`` on which the person has a birthday.

    Someone born on 29 February has a birthday on 1 March in a year that is not a leap year: the Dutch
    legal reading of when an age is reached. This is the only place that rule lives; every age in this
    module goes through here.
    """
    if birth_date.month == 2 and birth_date.day == 29 and not calendar.isleap(year):
        return date(year, 3, 1)
    return birth_date.replace(year=year)


def date_reaching_age(birth_date: date, age: int) -> date:
    """The day on which a person born on ``birth_date`` reaches ``age`` (years)."""
    return birthday_in_year(birth_date, birth_date.year + age)


def age_on(birth_date: date, on: date) -> int:
    """Age in whole years on day ``on`` (the age is reached at the start of the birthday).

    A day before the birth gives a negative number rather than an error, so that bad data never stops a
    list from being computed.
    """
    years = on.year - birth_date.year
    if on < birthday_in_year(birth_date, on.year):
        years -= 1
    return years


def eighteenth_birthday(birth_date: date) -> date:
    """The day the person turns 18: adult, holds the parents' rights and duties (Lpw art. 1b)."""
    return date_reaching_age(birth_date, 18)


def young_person_liable(birth_date: date, on: date) -> bool:
    """From 12 the jongere is responsible too (Lpw art. 2 lid 3): Halt and a PV against him/her."""
    return age_on(birth_date, on) >= 12


def letters_to_young_person(birth_date: date, on: date) -> bool:
    """From 18 letters are addressed to the jongere instead of the parents (Lpw art. 1b)."""
    return age_on(birth_date, on) >= 18


# --- The school calendar: school days --------------------------------------------------------------


class SchoolCalendar:
    """The school holidays of one holiday region (noord, midden, zuid), as published per schooljaar.

    Holds the holidays as :class:`Period` values and knows for which days it can tell a school day from a
    holiday: a school year whose holidays are not in the calendar is unknown, and so are the days before
    the first and after the last holiday of an unbroken run of known school years (the summer holiday
    that opens a school year is listed under the year before it).
    """

    def __init__(self, holidays: Iterable[Period] = (), names: Mapping[Period, str] | None = None) -> None:
        self.holidays: tuple[Period, ...] = tuple(sorted(set(holidays), key=lambda p: (p.start, p.end)))
        self.names: dict[Period, str] = dict(names or {})
        spans: dict[SchoolYear, tuple[date, date]] = {}
        for holiday in self.holidays:
            # A holiday belongs to the school year in which it starts (summer: the one it closes).
            year = school_year(holiday.start)
            first, last = spans.get(year, (holiday.start, holiday.end))
            spans[year] = (min(first, holiday.start), max(last, holiday.end))
        self._spans = spans
        self._days = frozenset(
            holiday.start + timedelta(days=offset) for holiday in self.holidays for offset in range(holiday.days)
        )

    def __iter__(self) -> Iterator[Period]:
        return iter(self.holidays)

    def __len__(self) -> int:
        return len(self.holidays)

    def __bool__(self) -> bool:
        return bool(self.holidays)

    @property
    def school_years(self) -> list[SchoolYear]:
        """The school years whose holidays the calendar holds."""
        return sorted(self._spans)

    def in_holiday(self, day: date) -> bool:
        """Whether ``day`` falls in one of the school holidays."""
        return day in self._days

    def holidays_between(self, start: date, end: date) -> list[tuple[str, Period]]:
        """The holidays (name, period) that share a day with ``start`` through ``end``."""
        return [
            (self.names.get(holiday, ""), holiday)
            for holiday in self.holidays
            if holiday.start <= end and holiday.end >= start
        ]

    def covers(self, day: date) -> bool:
        """Whether the calendar can tell if ``day`` is a school day."""
        year = school_year(day)
        if year not in self._spans:
            # August of a year not yet published can still lie inside the summer holiday before it.
            before = self._spans.get(year.previous())
            return before is not None and day <= before[1]
        first = year
        while first.previous() in self._spans:
            first = first.previous()
        last = year
        while last.next() in self._spans:
            last = last.next()
        return self._spans[first][0] <= day <= self._spans[last][1]

    def covers_period(self, start: date, end: date) -> bool:
        """Whether every day from ``start`` through ``end`` lies within what the calendar knows."""
        if end < start:
            return True
        if not (self.covers(start) and self.covers(end)):
            return False
        between = range(school_year(start).start_year + 1, school_year(end).start_year)
        return all(SchoolYear(y) in self._spans for y in between)


def _in_school_holiday(holidays: Iterable[Period]) -> Callable[[date], bool]:
    if isinstance(holidays, SchoolCalendar):
        return holidays.in_holiday
    periods = tuple(holidays)
    return lambda day: any(day in period for period in periods)


def is_school_day(day: date, holidays: Iterable[Period]) -> bool:
    """Whether ``day`` is a school day: Monday to Friday, outside the school holidays of the holiday region
    (``holidays``, e.g. a :class:`SchoolCalendar`) and not an algemeen erkende feestdag.

    Leerplicht starts on a school day (Lpw art. 3 lid 1) and verlof is counted in school days (art. 13a lid
    2, art. 14). The feestdagen are those of :func:`dutch_public_holidays` with its defaults (Bevrijdingsdag
    every year, Goede Vrijdag not; VERIFY against the school's own free days: schools set some days
    themselves, and those a calendar of the holiday region does not know).
    """
    return day.weekday() < 5 and not is_holiday(day) and not _in_school_holiday(holidays)(day)


def school_days_between(start: date, end: date, holidays: Iterable[Period]) -> int:
    """The number of school days from ``start`` through ``end`` (both counted; 0 when ``end`` is earlier).

    Weekends, the school holidays in ``holidays`` and the feestdagen of :func:`is_school_day` do not count
    (Lpw art. 13a lid 2 and art. 14 limit verlof in school days).
    """
    in_holiday = _in_school_holiday(holidays)
    count = 0
    day = start
    while day <= end:
        if day.weekday() < 5 and not in_holiday(day) and not is_holiday(day):
            count += 1
        day += timedelta(days=1)
    return count


def next_school_day(day: date, holidays: Iterable[Period]) -> date:
    """``day`` itself when it is a school day, else the first school day after it (see :func:`is_school_day`)."""
    in_holiday = _in_school_holiday(holidays)
    for _ in range(366):
        if day.weekday() < 5 and not in_holiday(day) and not is_holiday(day):
            return day
        day += timedelta(days=1)
    raise ValueError("no school day within a year: the holidays cover the whole year")


def first_school_day_of_month(year: int, month: int, holidays: Iterable[Period]) -> date:
    """The first school day of the month (Lpw art. 3 lid 1: leerplicht starts on it).

    A month without a school day (an August that lies inside the summer holiday) has none; then the first
    school day after it, the day school starts.
    """
    return next_school_day(date(year, month, 1), holidays)


def first_lesson_day(year: SchoolYear, holidays: SchoolCalendar) -> date | None:
    """The first school day of the schooljaar, after the summer holiday (the start of the first two lesweken
    of Lpw art. 13a lid 2); ``None`` when the calendar does not know the summer holiday before it."""
    if not holidays.covers(year.start):
        return None
    return next_school_day(year.start, holidays)


def first_two_lesson_weeks(year: SchoolYear, holidays: SchoolCalendar) -> Period | None:
    """The first two lesweken of the schooljaar (Lpw art. 13a lid 2): from its first school day through the
    day before the same weekday two weeks later; ``None`` when the calendar does not know it."""
    first = first_lesson_day(year, holidays)
    return None if first is None else Period(first, first + timedelta(days=13))


# --- Leerplicht and kwalificatieplicht -----------------------------------------------------------


def compulsory_start_month(birth_date: date) -> date:
    """The administrative start of leerplicht: the 1st of the month after the month of the 5th birthday.

    Lpw art. 3 lid 1 names the first school day of that month (:func:`compulsory_start`); counts that must
    not depend on a school calendar (the statistics' count on 1 October) use this date. A child born on the
    1st of a month still starts in the next month (born 2010-09-01 → 2015-10-01). Born on 29 February and
    turning 5 in a non-leap year: 5 on 1 March, so 1 April.
    """
    fifth = date_reaching_age(birth_date, 5)
    return add_months(fifth.replace(day=1), 1)


def compulsory_start(birth_date: date, holidays: SchoolCalendar | None = None) -> date:
    """Start of leerplicht (Lpw art. 3 lid 1): the first school day of the month after the month in which
    the child turns 5.

    With a school calendar that knows that month, its first school day (:func:`first_school_day_of_month`:
    born 2020-12-10 → Monday 5 January 2026 in regio midden, after the Christmas holiday). Without one,
    or when the calendar does not reach that month, the administrative date
    :func:`compulsory_start_month`, the 1st of that month.
    """
    month = compulsory_start_month(birth_date)
    if holidays is None or not holidays.covers(month):
        return month
    first = first_school_day_of_month(month.year, month.month, holidays)
    return first if holidays.covers(first) else month


def compulsory_end(birth_date: date, twelve_years_completed_in: date | None = None) -> date:
    """Last day of full leerplicht: 31 July of the schooljaar in which the jongere turns 16.

    Lpw art. 3 (VERIFY: the twelve-year rule may be numbered art. 4 lid 1 in the current text): it ends
    earlier, at the end of the schooljaar after which the jongere attended twelve full school years
    (primary school finished in fewer than eight years counts as eight). Pass any day of that schooljaar
    as ``twelve_years_completed_in``; the earlier of the two ends applies.
    """
    end = school_year(date_reaching_age(birth_date, 16)).end
    if twelve_years_completed_in is not None:
        end = min(end, school_year(twelve_years_completed_in).end)
    return end


def qualification_duty(
    birth_date: date,
    qualified_on: date | None = None,
    *,
    twelve_years_completed_in: date | None = None,
    qualification_exempt: bool = False,
) -> Period | None:
    """Kwalificatieplicht (Lpw art. 4a, 4b): the day after full leerplicht until the day before the 18th
    birthday, or until the day before a startkwalificatie (``qualified_on``), whichever comes first.

    ``None`` when nothing remains, e.g. a havo diploma obtained before leerplicht ended. A praktijkonderwijs
    certificate or a VSO profile 'arbeidsmarkt'/'dagbesteding' also ends the duty (art. 4a lid 2): pass
    the date it was obtained as ``qualified_on``, or ``qualification_exempt=True`` when only the fact is
    known (then there is no kwalificatieplicht at all).
    """
    if qualification_exempt:
        return None
    start = compulsory_end(birth_date, twelve_years_completed_in) + timedelta(days=1)
    end = eighteenth_birthday(birth_date) - timedelta(days=1)
    if qualified_on is not None:
        end = min(end, qualified_on - timedelta(days=1))
    if end < start:
        return None
    return Period(start, end)


def duty_status(
    birth_date: date,
    on: date,
    qualified_on: date | None = None,
    dropout_age_limit: int = DEFAULT_DROPOUT_AGE_LIMIT,
    *,
    twelve_years_completed_in: date | None = None,
    qualification_exempt: bool = False,
    holidays: SchoolCalendar | None = None,
) -> DutyStatus:
    """Which duty applies on ``on``.

    - ``before_compulsory`` before :func:`compulsory_start` (the first school day of the month after the
      5th birthday when ``holidays`` knows it, else the 1st of that month; Lpw art. 3 lid 1);
    - ``compulsory`` up to and including :func:`compulsory_end` (Lpw art. 3), even with a diploma;
    - ``qualification_duty`` inside :func:`qualification_duty` (art. 4a/4b);
    - ``dropout_support`` from 18 until ``dropout_age_limit`` without a startkwalificatie on that day (the
      RMC target group; default 23, the region works up to 27);
    - ``none`` otherwise (qualified, past the age limit, or ``qualification_exempt`` under art. 4a lid 2:
      a praktijkonderwijs certificate or VSO profile is not a drop-out).
    """
    if on < compulsory_start(birth_date, holidays):
        return DutyStatus.BEFORE_COMPULSORY
    if on <= compulsory_end(birth_date, twelve_years_completed_in):
        return DutyStatus.COMPULSORY
    if qualification_exempt:
        return DutyStatus.NONE
    period = qualification_duty(birth_date, qualified_on, twelve_years_completed_in=twelve_years_completed_in)
    if period is not None and on in period:
        return DutyStatus.QUALIFICATION_DUTY
    qualified = qualified_on is not None and qualified_on <= on
    if not qualified and 18 <= age_on(birth_date, on) < dropout_age_limit:
        return DutyStatus.DROPOUT_SUPPORT
    return DutyStatus.NONE


def dropout_support_end(birth_date: date, dropout_age_limit: int = DEFAULT_DROPOUT_AGE_LIMIT) -> date:
    """Last day in the RMC target group: the day before the ``dropout_age_limit`` birthday."""
    return date_reaching_age(birth_date, dropout_age_limit) - timedelta(days=1)


def compulsory_file_retention_until(birth_date: date, years: int = COMPULSORY_FILE_RETENTION_YEARS) -> date:
    """VNG Selectielijst 2020: a leerplicht file may be destroyed from this day (default 19 years)."""
    return date_reaching_age(birth_date, years)


# --- Identification ------------------------------------------------------------------------------

_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def is_valid_bsn(value: str) -> bool:
    """Whether ``value`` is a well-formed burgerservicenummer (11-proef, Wet algemene bepalingen BSN).

    Spaces and dots are ignored; eight digits get a leading zero (old sofi-numbers written without it);
    then exactly nine ASCII digits must give a weighted sum (weights 9..2 and -1) divisible by 11, and
    the number may not be all zeros.
    """
    if not isinstance(value, str):
        return False
    digits = value.replace(" ", "").replace(".", "")
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or not (digits.isascii() and digits.isdigit()):
        return False
    if digits == "000000000":
        return False
    total = sum(int(c) * w for c, w in zip(digits, _BSN_WEIGHTS, strict=True))
    return total % 11 == 0


# --- Enforcement ---------------------------------------------------------------------------------


def halt_eligible(
    birth_date: date,
    on: date,
    hours_absent: float,
    times_late: int,
    earlier_halt_for_absence: bool,
) -> bool:
    """Whether a Halt referral for verzuim is possible (Halt's criteria for verwijzers).

    Age 12 up to 18 on ``on`` (Lpw art. 2 lid 3 makes the jongere responsible from 12); at least
    9 hours absent or 12 times late; at most 60 hours and at most 60 times late; never referred to Halt
    for verzuim before. Consent of the jongere (and of the parents under 16) is asked separately.
    """
    if hours_absent < 0 or times_late < 0:
        raise ValueError("hours absent and times late cannot be negative")
    if earlier_halt_for_absence:
        return False
    if not 12 <= age_on(birth_date, on) < 18:
        return False
    enough = hours_absent >= HALT_MIN_HOURS or times_late >= HALT_MIN_TIMES_LATE
    not_too_much = hours_absent <= HALT_MAX_HOURS and times_late <= HALT_MAX_TIMES_LATE
    return enough and not_too_much


def luxury_absence_outcome(days: float, first_time: bool, school_announced: bool) -> str:
    """Outcome of luxe verzuim (OM richtlijn 2017R002): ``"warning"`` or ``"official_report"``.

    A warning for at most one day, the first time, when the school had not announced it would report;
    anything else leads to a proces-verbaal.
    """
    if days < 0:
        raise ValueError("days absent cannot be negative")
    if days <= 1 and first_time and not school_announced:
        return LuxuryAbsenceOutcome.WARNING
    return LuxuryAbsenceOutcome.OFFICIAL_REPORT


def leave_authority(
    kind: str,
    days: int,
    already_granted_days: int = 0,
    in_first_two_weeks: bool = False,
    holiday_leave_already_this_year: bool = False,
) -> str:
    """Who decides on a request for extra verlof: ``head_teacher``, ``attendance_officer`` or
    ``not_allowed``.

    ``holiday`` (vakantieverlof, Lpw art. 11 onder f, 13a): only the head teacher, at most once per
    schooljaar, at most 10 school days, never in the first two lesweken of the schooljaar; otherwise not
    allowed. ``already_granted_days`` does not limit it: the once-a-year rule does.

    ``important_circumstances`` (gewichtige omstandigheden, art. 11 onder g, 14): the head teacher while
    the total in the schooljaar (``already_granted_days`` + ``days``) is at most 10 school days; beyond
    that the leerplichtambtenaar, after hearing the head teacher.
    """
    leave_kind = LeaveKind(kind)
    if days < 1 or already_granted_days < 0:
        raise ValueError("leave is at least one day and earlier leave cannot be negative")
    if leave_kind is LeaveKind.HOLIDAY:
        if in_first_two_weeks or holiday_leave_already_this_year or days > HEAD_TEACHER_MAX_LEAVE_DAYS:
            return LeaveAuthority.NOT_ALLOWED
        return LeaveAuthority.HEAD_TEACHER
    if already_granted_days + days <= HEAD_TEACHER_MAX_LEAVE_DAYS:
        return LeaveAuthority.HEAD_TEACHER
    return LeaveAuthority.ATTENDANCE_OFFICER


class LeaveRefusal(LabeledEnum):
    """Why the law does not allow a request for extra verlof; the label is the one sentence a user reads."""

    NO_SCHOOL_DAYS = (
        "no_school_days",
        "De aangevraagde periode bevat geen schooldagen, dus er is geen verlof nodig (Leerplichtwet art. 11).",
    )
    HOLIDAY_TOO_LONG = (
        "holiday_too_long",
        "Vakantieverlof kan voor ten hoogste 10 schooldagen worden verleend (Leerplichtwet art. 13a lid 2).",
    )
    HOLIDAY_TWICE = (
        "holiday_twice",
        "Vakantieverlof kan maar één keer per schooljaar worden verleend (Leerplichtwet art. 13a lid 2).",
    )
    HOLIDAY_FIRST_WEEKS = (
        "holiday_first_weeks",
        "Vakantieverlof kan niet in de eerste twee lesweken van het schooljaar vallen (Leerplichtwet art. 13a "
        "lid 2).",
    )
    NO_EMPLOYER_STATEMENT = (
        "no_employer_statement",
        "Vakantieverlof vraagt een werkgeversverklaring dat het beroep van een ouder vakantie in de "
        "schoolvakanties uitsluit (Leerplichtwet art. 11 onder f).",
    )


#: The notice a request for vakantieverlof is expected to give. VERIFY: the ministry's guidance and the model
#: verlofregelingen ask for the request 8 weeks before the first day, unless that was not possible; art. 13a
#: itself does not make a late request a ground for refusal, so a late request is a warning, not a refusal.
HOLIDAY_LEAVE_NOTICE_WEEKS = 8

#: The warning for a late request for vakantieverlof.
LATE_HOLIDAY_LEAVE_WARNING = (
    "Deze aanvraag kwam minder dan 8 weken vóór de eerste verlofdag binnen; dat is geen weigeringsgrond in "
    "Leerplichtwet art. 13a, maar vraag of eerder aanvragen niet mogelijk was."
)


@dataclass(frozen=True)
class LeaveAssessment:
    """What the law says about a request for extra verlof: its school days, who decides, and why not."""

    school_days: int
    #: Whether ``school_days`` was counted from the school calendar (else given, or weekdays only).
    counted_from_calendar: bool
    authority: str
    refusals: tuple[LeaveRefusal, ...]
    #: Vakantieverlof asked for less than 8 weeks before its first day (a warning).
    late_notice: bool
    #: The first two lesweken of the schooljaar could not be checked: the calendar does not know them.
    first_weeks_unknown: bool = False

    @property
    def allowed(self) -> bool:
        return not self.refusals

    @property
    def refusal(self) -> LeaveRefusal | None:
        """The first reason the law gives against the request (the sentence to show), if any."""
        return self.refusals[0] if self.refusals else None


def holiday_leave_in_first_two_weeks(start: date, end: date, holidays: SchoolCalendar) -> bool | None:
    """Whether a period of vakantieverlof touches the first two lesweken of a schooljaar (Lpw art. 13a lid 2);
    ``None`` when the calendar does not know the start of a schooljaar the period lies in."""
    unknown = False
    for year in range(school_year(start).start_year, school_year(end).start_year + 1):
        weeks = first_two_lesson_weeks(SchoolYear(year), holidays)
        if weeks is None:
            unknown = True
        elif start <= weeks.end and end >= weeks.start:
            return True
    return None if unknown else False


def assess_leave_request(
    kind: str,
    start: date,
    end: date,
    holidays: SchoolCalendar,
    *,
    days: int | None = None,
    received_on: date | None = None,
    employer_statement: bool = False,
    already_granted_days: int = 0,
    holiday_leave_already_this_year: bool = False,
) -> LeaveAssessment:
    """The rules of extra verlof applied to one request, counted in school days.

    School days are counted from the school calendar (:func:`school_days_between`); for a period the
    calendar does not know, ``days`` as the caller counted them, or else the weekdays without feestdagen.

    ``holiday`` (vakantieverlof, Lpw art. 11 onder f, 13a): refused when longer than 10 school days, when
    vakantieverlof was already granted this schooljaar, when it touches the first two lesweken of the
    schooljaar (all art. 13a lid 2), and without a werkgeversverklaring that the parent's job rules out a
    holiday in the school holidays (the condition of art. 11 onder f). A request made less than 8 weeks
    before the first day is a warning (:data:`HOLIDAY_LEAVE_NOTICE_WEEKS`). The head teacher decides.

    ``important_circumstances`` (gewichtige omstandigheden, art. 11 onder g, 14): never refused here; the
    head teacher decides while the school days of the schooljaar stay at most 10, beyond that the
    leerplichtambtenaar (art. 14 lid 3), see :func:`leave_authority`.

    A period without school days needs no verlof at all (art. 11 frees from school attendance only).
    """
    leave_kind = LeaveKind(kind)
    if end < start:
        raise ValueError(f"period ends ({end}) before it starts ({start})")
    from_calendar = holidays.covers_period(start, end)
    if from_calendar:
        counted = school_days_between(start, end, holidays)
    elif days is not None:
        counted = days
    else:
        counted = school_days_between(start, end, ())
    refusals: list[LeaveRefusal] = []
    first_weeks_unknown = False
    late = False
    if counted < 1:
        refusals.append(LeaveRefusal.NO_SCHOOL_DAYS)
    if leave_kind is LeaveKind.HOLIDAY:
        if counted > HEAD_TEACHER_MAX_LEAVE_DAYS:
            refusals.append(LeaveRefusal.HOLIDAY_TOO_LONG)
        if holiday_leave_already_this_year:
            refusals.append(LeaveRefusal.HOLIDAY_TWICE)
        first_weeks = holiday_leave_in_first_two_weeks(start, end, holidays)
        first_weeks_unknown = first_weeks is None
        if first_weeks:
            refusals.append(LeaveRefusal.HOLIDAY_FIRST_WEEKS)
        if not employer_statement:
            refusals.append(LeaveRefusal.NO_EMPLOYER_STATEMENT)
        late = received_on is not None and received_on > start - timedelta(weeks=HOLIDAY_LEAVE_NOTICE_WEEKS)
    if refusals:
        authority: str = LeaveAuthority.NOT_ALLOWED
    else:
        authority = leave_authority(kind, counted, already_granted_days)
    return LeaveAssessment(counted, from_calendar, authority, tuple(refusals), late, first_weeks_unknown)


def over_18_reporting_date(first_day_absent: date, reporting_days: int = OVER_18_REPORTING_DAYS) -> date:
    """First day an MBO student of 18+ can be reported: after ``reporting_days`` of continuous absence
    (the region reads "4 weeks" as 28 days; VERIFY)."""
    return first_day_absent + timedelta(days=reporting_days)


def relative_absence_reportable(hours_in_four_lesson_weeks: float, threshold: float = SIXTEEN_HOURS_THRESHOLD) -> bool:
    """Lpw art. 21a: 16 hours of unauthorised absence within 4 consecutive lesweken must be reported."""
    return hours_in_four_lesson_weeks >= threshold


# --- Exemptions ----------------------------------------------------------------------------------


def exemption_valid_until(article: str, start: date, never_fit: bool = False) -> date | None:
    """Last day an exemption or substitute programme is valid: the end of the schooljaar of ``start``.

    Exemptions under art. 5 are notified per schooljaar (Lpw art. 6); art. 3a/3b and 15 are granted per
    schooljaar too. ``None`` (no end) for art. 5 onder a with a statement that the child will never be
    fit (art. 6: no yearly renewal then). ``never_fit`` has no effect for other articles.
    """
    code = ExemptionArticle(article)
    if code is ExemptionArticle.ART_5A and never_fit:
        return None
    return school_year(start).end


def renewal_deadline(valid_until: date) -> date:
    """Lpw art. 6: the notification for the next schooljaar must be made before 1 July.

    Returns 1 July of the year in which the schooljaar of ``valid_until`` ends; the renewal must be in
    before that day.
    """
    return date(school_year(valid_until).end.year, 7, 1)


def first_exemption_notification_deadline(birth_date: date, holidays: SchoolCalendar | None = None) -> date:
    """Lpw art. 6: a first exemption under art. 5 is notified at least one month before leerplicht starts
    (:func:`compulsory_start`, on its first school day when ``holidays`` knows it)."""
    return add_months(compulsory_start(birth_date, holidays), -1)


def medical_statement_valid(statement_date: date, notification_date: date) -> bool:
    """Lpw art. 7: the statement for art. 5 onder a is at most three months old on the notification date.

    A statement dated after the notification did not exist when the notification was made: not valid.
    Exactly three calendar months old still counts (see :func:`add_months` for month ends).
    """
    if statement_date > notification_date:
        return False
    return notification_date <= add_months(statement_date, MEDICAL_STATEMENT_MAX_AGE_MONTHS)


def medical_statement_expires(statement_date: date) -> date:
    """Last notification date on which a 5-onder-a statement is still valid (Lpw art. 7)."""
    return add_months(statement_date, MEDICAL_STATEMENT_MAX_AGE_MONTHS)


def substitute_programme_decision_deadline(received_on: date) -> date:
    """Art. 3a/3b: the decision on a request for vervangende leerplicht is due within four weeks."""
    return received_on + timedelta(weeks=4)


#: Art. 3a/3b: a copy of the decision goes out within two weeks of the decision (VERIFY the addressee).
SUBSTITUTE_PROGRAMME_COPY_WEEKS = 2
#: Art. 3a: vervangende leerplicht is possible from this age.
SUBSTITUTE_PROGRAMME_MIN_AGE = 14
#: Besluit vrijstelling leerplicht trekkende bevolking: the months of the travelling season (March-October).
TRAVELLING_SEASON_MONTHS = (3, 10)
#: Besluit vrijstelling leerplicht trekkende bevolking: no exemption when an accessible rijdende school is
#: less than this many kilometres from where the child stays.
TRAVELLING_SCHOOL_DISTANCE_KM = 5

_MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
    "november", "december",
)


def _nl(d: date) -> str:
    return f"{d.day} {_MONTHS_NL[d.month - 1]} {d.year}"


#: How each article is named in a letter: in full, with 'onder', so that art. 5 onder a is never read as art. 5a.
EXEMPTION_LEGAL_BASIS: Mapping[ExemptionArticle, str] = {
    ExemptionArticle.ART_5A: "artikel 5, onder a, van de Leerplichtwet 1969",
    ExemptionArticle.ART_5B: "artikel 5, onder b, van de Leerplichtwet 1969",
    ExemptionArticle.ART_5C: "artikel 5, onder c, van de Leerplichtwet 1969",
    ExemptionArticle.ART_5A_TRAVEL: (
        "artikel 5a van de Leerplichtwet 1969 en het Besluit vrijstelling leerplicht trekkende bevolking"
    ),
    ExemptionArticle.ART_15: "artikel 15 van de Leerplichtwet 1969",
    ExemptionArticle.ART_3A: "artikel 3a van de Leerplichtwet 1969",
    ExemptionArticle.ART_3B: "artikel 3b van de Leerplichtwet 1969",
    ExemptionArticle.ART_11G: "artikel 11, onder g, en artikel 14 van de Leerplichtwet 1969",
}

#: What the exemption frees from, in the words of the letter.
EXEMPTION_SUBJECT: Mapping[ExemptionArticle, str] = {
    ExemptionArticle.ART_5A: "vrijstelling van de verplichting om uw kind als leerling van een school in te schrijven",
    ExemptionArticle.ART_5B: "vrijstelling van de verplichting om uw kind als leerling van een school in te schrijven",
    ExemptionArticle.ART_5C: "vrijstelling van de verplichting om uw kind als leerling van een school in Nederland "
    "in te schrijven",
    ExemptionArticle.ART_5A_TRAVEL: "vrijstelling van de verplichting om uw kind als leerling van een school in te "
    "schrijven tijdens het reisseizoen",
    ExemptionArticle.ART_15: "vrijstelling van de kwalificatieplicht",
    ExemptionArticle.ART_3A: "vervangende leerplicht",
    ExemptionArticle.ART_3B: "vervangende leerplicht in het laatste leerplichtige schooljaar",
    ExemptionArticle.ART_11G: "vrijstelling van geregeld schoolbezoek wegens gewichtige omstandigheden",
}


def exemption_outcomes(article: ExemptionArticle | str) -> tuple[Decision, ...]:
    """The outcomes open for an exemption under ``article``.

    A kennisgeving (art. 5 onder a/b/c, art. 5a) is confirmed, or found incomplete or invalid: the exemption
    follows from the law itself when the kennisgeving meets its requirements (Lpw art. 5-9; ABRvS 26 July 2006,
    ECLI:NL:RVS:2006:AY5094). A request (art. 3a, 3b, 11 onder g with 14, 15) is granted or refused by the
    college. Both can be withdrawn by the parents or be inadmissible (buiten behandeling, Awb art. 4:5).
    """
    if ExemptionArticle(article).is_notification:
        return (Decision.CONFIRMED, Decision.INCOMPLETE, Decision.WITHDRAWN, Decision.INADMISSIBLE)
    return (Decision.GRANTED, Decision.REFUSED, Decision.WITHDRAWN, Decision.INADMISSIBLE)


def exemption_outcome_problem(article: ExemptionArticle | str, decision: Decision | str) -> str | None:
    """Why ``decision`` is no outcome for ``article`` (one Dutch sentence), or None (see exemption_outcomes)."""
    code, outcome = ExemptionArticle(article), Decision(decision)
    if outcome in exemption_outcomes(code):
        return None
    if code.is_notification:
        return (
            f"Een beroep op vrijstelling op grond van {EXEMPTION_LEGAL_BASIS[code]} is een kennisgeving, geen "
            "aanvraag: die wordt bevestigd of onvolledig verklaard, niet toegekend of afgewezen."
        )
    return (
        f"Over {EXEMPTION_SUBJECT[code]} ({EXEMPTION_LEGAL_BASIS[code]}) beslist het college op een aanvraag: "
        "toekennen of afwijzen, niet bevestigen."
    )


def exemption_outcome_is_besluit(article: ExemptionArticle | str, decision: Decision | str) -> bool:
    """Whether this outcome is a besluit open to bezwaar (Awb art. 1:3, 6:7): granting, refusing or leaving a
    request unhandled (Awb art. 4:5) is; confirming a kennisgeving or finding it incomplete is not, for the
    exemption follows from the law itself (ABRvS 26 July 2006, ECLI:NL:RVS:2006:AY5094; ABRvS 18 March 2009,
    ECLI:NL:RVS:2009:BH6321); a withdrawal by the parents is no decision at all."""
    if ExemptionArticle(article).is_notification:
        return False
    return Decision(decision) in (Decision.GRANTED, Decision.REFUSED, Decision.INADMISSIBLE)


def notification_deadline(for_year: SchoolYear, birth_date: date, holidays: SchoolCalendar | None = None) -> date:
    """Last day a kennisgeving under art. 5 for the schooljaar ``for_year`` is in time (Lpw art. 6).

    Before 1 July preceding that schooljaar, so at the latest on 30 June; for a child whose leerplicht begins
    in or after the start of that schooljaar (the first kennisgeving) at least one month before leerplicht
    begins (:func:`first_exemption_notification_deadline`). After leerplicht has begun no first kennisgeving
    for that schooljaar can be made (HR 22 May 2012, ECLI:NL:PHR:2012:BV9201, for art. 5 onder b).
    """
    start = compulsory_start(birth_date, holidays)
    if start >= for_year.start:
        return first_exemption_notification_deadline(birth_date, holidays)
    return date(for_year.start_year, 6, 30)


def notification_late(
    received_on: date, for_year: SchoolYear, birth_date: date, holidays: SchoolCalendar | None = None
) -> str | None:
    """One Dutch sentence when a kennisgeving under art. 5 onder b or c for ``for_year`` came in after the term
    of Lpw art. 6 (see :func:`notification_deadline`), naming the term and the first schooljaar it can still
    serve; None when it is in time."""
    deadline = notification_deadline(for_year, birth_date, holidays)
    if received_on <= deadline:
        return None
    following = for_year.next()
    return (
        f"De kennisgeving is ontvangen op {_nl(received_on)}; voor het schooljaar {for_year} moest zij uiterlijk "
        f"{_nl(deadline)} binnen zijn (Leerplichtwet art. 6). Zij kan pas gelden voor het schooljaar {following}, "
        f"en moet daarvoor vóór 1 juli {following.start_year} opnieuw worden gedaan."
    )


def notification_school_year(received_on: date) -> SchoolYear:
    """The schooljaar a kennisgeving received on ``received_on`` is taken to be for when nobody said: from
    1 April the coming schooljaar (renewals come in before 1 July, art. 6), before that the running one."""
    running = school_year(received_on)
    return running.next() if 4 <= received_on.month <= 7 else running


@dataclass(frozen=True)
class ExemptionFacts:
    """What is on record for one exemption: the article, the person, the period and the evidence per article."""

    article: ExemptionArticle
    birth_date: date
    received_on: date
    for_year: SchoolYear
    #: Whether the pupil is enrolled at a school on :attr:`begins` (art. 5 onder a frees from enrolment).
    enrolled: bool = False
    enrolled_at: str = ""
    qualified_on: date | None = None
    qualification_exempt: bool = False
    # art. 5 onder a (art. 7)
    statement_date: date | None = None
    statement_by: str | None = None
    doctor_appointed: bool | None = None
    never_fit: bool = False
    # art. 5 onder b (art. 8)
    denomination_objection: str = ""
    attended_denomination_last_year: bool | None = None
    # art. 5 onder c (art. 9)
    school_abroad: str = ""
    abroad_head_statement: bool | None = None
    # art. 5a (Besluit vrijstelling leerplicht trekkende bevolking)
    travelling_occupation: str | None = None
    travels_along: bool | None = None
    travelling_school_nearby: bool | None = None
    # art. 3a, 3b, 15
    programme: str = ""
    practical_time: bool | None = None
    institution: str = ""
    # art. 11 onder g, 14
    head_teacher_heard: bool | None = None
    holidays: SchoolCalendar | None = None

    @property
    def begins(self) -> date:
        """The day the exemption would begin: the kennisgeving's date, or the start of the schooljaar it is for."""
        return max(self.received_on, self.for_year.start)


def exemption_ineligible(facts: ExemptionFacts) -> str | None:
    """Why this person cannot have this exemption at all (one Dutch sentence), or None; such a kennisgeving or
    request is not registered.

    - Art. 5 onder a frees from the duty to enrol (art. 5): not for a pupil enrolled at a school on the day
      it would begin.
    - Art. 15 frees from kwalificatieplicht: only for someone kwalificatieplichtig (art. 4a, 4b) in that
      schooljaar.
    - Art. 3a: from 14 years (:data:`SUBSTITUTE_PROGRAMME_MIN_AGE`) and while leerplichtig (art. 3).
    - Art. 3b: in the last schooljaar of leerplicht (art. 3).
    - Art. 5 and 5a: only while leerplichtig or kwalificatieplichtig.
    """
    code, begins = facts.article, facts.begins
    status = duty_status(
        facts.birth_date, begins, facts.qualified_on, qualification_exempt=facts.qualification_exempt,
        holidays=facts.holidays,
    )
    age = age_on(facts.birth_date, begins)
    if code is ExemptionArticle.ART_5A and facts.enrolled:
        where = f" bij {facts.enrolled_at}" if facts.enrolled_at else ""
        return (
            f"De leerling staat op {_nl(begins)} ingeschreven{where}; vrijstelling op grond van artikel 5, onder a, "
            "van de Leerplichtwet 1969 geldt alleen voor een jongere die niet ingeschreven is. Bij verzuim wegens "
            "ziekte of gewichtige omstandigheden geldt artikel 11."
        )
    if code is ExemptionArticle.ART_15 and status is not DutyStatus.QUALIFICATION_DUTY:
        return (
            f"Vrijstelling van de kwalificatieplicht (artikel 15 van de Leerplichtwet 1969) kan alleen voor een "
            f"kwalificatieplichtige jongere; deze jongere is op {_nl(begins)} {age} jaar en "
            f"{status.label.lower()} (artikel 3, 4a en 4b)."
        )
    if code is ExemptionArticle.ART_3A:
        if age < SUBSTITUTE_PROGRAMME_MIN_AGE:
            return (
                f"Vervangende leerplicht (artikel 3a van de Leerplichtwet 1969) kan vanaf 14 jaar; deze jongere is op "
                f"{_nl(begins)} {age} jaar."
            )
        if status is not DutyStatus.COMPULSORY:
            return (
                "Vervangende leerplicht (artikel 3a van de Leerplichtwet 1969) geldt tijdens de leerplicht; deze "
                f"jongere is {status.label.lower()}."
            )
    if code is ExemptionArticle.ART_3B:
        last_year = school_year(compulsory_end(facts.birth_date))
        if facts.for_year != last_year or status is not DutyStatus.COMPULSORY:
            return (
                f"Vervangende leerplicht in het mbo (artikel 3b van de Leerplichtwet 1969) geldt in het laatste "
                f"leerplichtige schooljaar van deze jongere, {last_year}, niet in {facts.for_year}."
            )
    if code.is_notification and status not in (DutyStatus.COMPULSORY, DutyStatus.QUALIFICATION_DUTY):
        return (
            f"Deze jongere is op {_nl(begins)} {status.label.lower()}; een beroep op vrijstelling op grond van "
            f"{EXEMPTION_LEGAL_BASIS[code]} is dan niet nodig."
        )
    return None


def exemption_requirements_unmet(facts: ExemptionFacts) -> tuple[str, ...]:
    """What the law requires and the record does not show, one Dutch sentence each with its article. While any
    remain, a kennisgeving cannot be confirmed (it is incomplete or invalid) and a request cannot be granted.

    - Art. 5 onder a (art. 7): a statement by a doctor, psychologist or orthopedagoog-generalist appointed by
      burgemeester en wethouders, not the one treating the child, at most three months old on the day of the
      kennisgeving (:func:`medical_statement_valid`).
    - Art. 5 onder b (art. 6, 8): the richting objected to; invalid when the child attended a school of that
      richting in the preceding year (art. 8) — the question must be answered; in time (art. 6).
    - Art. 5 onder c (art. 6, 9): the school abroad and a statement of its head that the child is enrolled
      there and attends it regularly; in time (art. 6).
    - Art. 5a: kermisexploitant or circusmedewerker travelling in March-October, the child travels along, and
      no accessible rijdende school within 5 km (Besluit vrijstelling leerplicht trekkende bevolking).
    - Art. 15: a programme through which the jongere otherwise receives enough education.
    - Art. 3a: a programme with practical time; art. 3b: the programme at an mbo-instelling.
    - Art. 11 onder g with 14: the head of the school heard (art. 14 lid 3).
    """
    code = facts.article
    problems: list[str] = []
    if code is ExemptionArticle.ART_5A:
        if facts.statement_date is None or not facts.statement_by:
            problems.append(
                "Er is geen verklaring van een arts, psycholoog of orthopedagoog-generalist (artikel 7 van de "
                "Leerplichtwet 1969)."
            )
        else:
            if not facts.doctor_appointed:
                problems.append(
                    "De verklaring moet komen van een deskundige die burgemeester en wethouders hebben aangewezen, "
                    "niet van de behandelaar van het kind (artikel 7 van de Leerplichtwet 1969)."
                )
            if not medical_statement_valid(facts.statement_date, facts.received_on):
                problems.append(
                    f"De verklaring van {_nl(facts.statement_date)} was op de dag van de kennisgeving "
                    f"({_nl(facts.received_on)}) ouder dan drie maanden of nog niet opgemaakt (artikel 7 van de "
                    "Leerplichtwet 1969)."
                )
    elif code is ExemptionArticle.ART_5B:
        if not facts.denomination_objection.strip():
            problems.append(
                "De kennisgeving noemt niet tegen welke richting van het onderwijs de bedenkingen bestaan "
                "(artikel 5, onder b, en artikel 8 van de Leerplichtwet 1969)."
            )
        if facts.attended_denomination_last_year is None:
            problems.append(
                "Nog niet nagegaan of het kind in het voorafgaande jaar een school van die richting bezocht "
                "(artikel 8 van de Leerplichtwet 1969)."
            )
        elif facts.attended_denomination_last_year:
            problems.append(
                "Het kind bezocht in het voorafgaande jaar een school van de richting waartegen de bedenkingen "
                "bestaan; het beroep op vrijstelling is dan ongeldig (artikel 8 van de Leerplichtwet 1969)."
            )
    elif code is ExemptionArticle.ART_5C:
        if not facts.school_abroad.strip():
            problems.append(
                "De school in het buitenland is niet genoemd (artikel 5, onder c, van de Leerplichtwet 1969)."
            )
        if not facts.abroad_head_statement:
            problems.append(
                "Er is geen verklaring van het hoofd van de school in het buitenland dat het kind daar staat "
                "ingeschreven en de school geregeld bezoekt (artikel 9 van de Leerplichtwet 1969)."
            )
    elif code is ExemptionArticle.ART_5A_TRAVEL:
        if not facts.travelling_occupation:
            problems.append(
                "Vrijstelling wegens een trekkende bestaanswijze geldt voor ouders die als kermisexploitant of "
                "circusmedewerker rondtrekken (artikel 5a van de Leerplichtwet 1969 en het Besluit vrijstelling "
                "leerplicht trekkende bevolking)."
            )
        if not facts.travels_along:
            problems.append("De vrijstelling geldt alleen als het kind met de ouders meereist (Besluit vrijstelling "
                            "leerplicht trekkende bevolking).")
        if facts.travelling_school_nearby is None:
            problems.append("Nog niet nagegaan of er binnen 5 km van de standplaats een toegankelijke rijdende school "
                            "is (Besluit vrijstelling leerplicht trekkende bevolking).")
        elif facts.travelling_school_nearby:
            problems.append("Binnen 5 km van de standplaats is een toegankelijke rijdende school; dan geldt de "
                            "vrijstelling niet (Besluit vrijstelling leerplicht trekkende bevolking).")
    elif code is ExemptionArticle.ART_15:
        if not facts.programme.strip():
            problems.append("Beschrijf het onderwijs dat de jongere op een andere wijze volgt; vrijstelling kan alleen "
                            "als dat voldoende onderwijs is (artikel 15 van de Leerplichtwet 1969).")
    elif code is ExemptionArticle.ART_3A:
        if not facts.programme.strip():
            problems.append("Beschrijf het vervangende programma (artikel 3a van de Leerplichtwet 1969).")
        if not facts.practical_time:
            problems.append("Vervangende leerplicht is een programma met onderwijs en praktijktijd (artikel 3a van de "
                            "Leerplichtwet 1969); het programma moet praktijktijd bevatten.")
    elif code is ExemptionArticle.ART_3B:
        if not facts.programme.strip():
            problems.append("Beschrijf het programma in het mbo (artikel 3b van de Leerplichtwet 1969).")
        if not facts.institution.strip():
            problems.append("Noem de mbo-instelling waar de jongere het programma volgt (artikel 3b van de "
                            "Leerplichtwet 1969).")
    elif code is ExemptionArticle.ART_11G and not facts.head_teacher_heard:
        problems.append("De leerplichtambtenaar beslist na het horen van de directeur van de school (artikel 14, "
                        "derde lid, van de Leerplichtwet 1969).")
    if code in (ExemptionArticle.ART_5B, ExemptionArticle.ART_5C):
        late = notification_late(facts.received_on, facts.for_year, facts.birth_date, facts.holidays)
        if late is not None:
            problems.append(late)
    return tuple(problems)


def exemption_period(facts: ExemptionFacts, decided_on: date) -> Period | None:
    """The period an exemption runs after it was confirmed or granted; None for art. 5 onder a with a
    statement that the child will never be fit (no end, art. 6).

    Art. 5 and 3a/3b/15 run per schooljaar (:func:`exemption_valid_until`), from the start of the schooljaar
    the kennisgeving is for (or the later decision). Art. 5a runs in the travelling season of the Besluit
    vrijstelling leerplicht trekkende bevolking, 1 March to 31 October.
    """
    start = max(facts.for_year.start, min(facts.received_on, decided_on))
    if facts.article is ExemptionArticle.ART_5A_TRAVEL:
        first, last = TRAVELLING_SEASON_MONTHS
        year = start.year if start.month <= last else start.year + 1
        season_start = date(year, first, 1)
        return Period(max(start, season_start), date(year, last, 31))
    until = exemption_valid_until(facts.article, start, facts.never_fit)
    return None if until is None else Period(start, until)


# --- Holidays and the bezwaar period -------------------------------------------------------------

#: Days equated with a holiday by royal decree (Algemene termijnenwet art. 3 lid 3), one decree per
#: three years, for regions that apply them (see dutch_public_holidays). VERIFY every date against the
#: published decrees before relying on it; 2020-2022 are
#: not listed here.
ATW_EQUATED_DAYS: frozenset[date] = frozenset(
    {
        # Besluit van 24 oktober 2016 (BWBR0038666)
        date(2017, 4, 28),
        date(2017, 5, 26),
        date(2018, 5, 11),
        date(2018, 12, 24),
        date(2018, 12, 31),
        date(2019, 5, 31),
        date(2019, 12, 27),
        # Besluit gelijkstelling 2023-2025
        date(2023, 4, 28),
        date(2023, 5, 19),
        date(2024, 5, 10),
        date(2024, 12, 27),
        date(2025, 5, 30),
        # Besluit gelijkstelling 2026-2028
        date(2026, 1, 2),
        date(2026, 5, 15),
        date(2027, 5, 7),
        date(2028, 4, 28),
        date(2028, 5, 26),
    }
)


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm of Meeus/Jones/Butcher)."""
    golden = year % 19
    century, year_in_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    moon_correction = (century + 8) // 25
    solar = (century - moon_correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - solar + 15) % 30
    leap_years, year_rest = divmod(year_in_century, 4)
    weekday_shift = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    correction = (golden + 11 * epact + 22 * weekday_shift) // 451
    month, day = divmod(epact + weekday_shift - 7 * correction + 114, 31)
    return date(year, month, day + 1)


def kings_day(year: int) -> date:
    """The day the King's (Queen's) birthday is celebrated.

    From 2014: 27 April, or Saturday 26 April when the 27th is a Sunday. 1949-2013: 30 April, when a
    Sunday moved to Saturday 29 April (VERIFY: before 1980 a Sunday moved to Monday 1 May).
    """
    if year >= 2014:
        day = date(year, 4, 27)
        return day - timedelta(days=1) if day.weekday() == 6 else day
    day = date(year, 4, 30)
    if day.weekday() == 6:
        return date(year, 5, 1) if year < 1980 else day - timedelta(days=1)
    return day


def dutch_public_holidays(
    year: int,
    *,
    include_good_friday: bool = False,
    include_liberation_day: bool = True,
    equated_days: Iterable[date] | None = None,
) -> dict[date, str]:
    """The algemeen erkende feestdagen of the Algemene termijnenwet in ``year``, with Dutch names.

    Art. 3 lid 1: Nieuwjaarsdag, tweede Paas- en Pinksterdag, both Kerstdagen, Hemelvaartsdag, the day
    the King's birthday is celebrated and 5 May (every year since the 1980s amendment; the
    once-in-five-years rule for 5 May belongs to collective agreements, not to this law: VERIFY and
    switch off with ``include_liberation_day=False``). Eerste Paas- and Pinksterdag are Sundays and
    listed for completeness. By default exactly the days named in Vangnet's specification are used.
    Art. 3 lid 2 and royal decrees may equate Goede Vrijdag and bridge days as well (VERIFY against the
    current text): a region that follows that reading passes ``include_good_friday=True`` and
    ``equated_days=ATW_EQUATED_DAYS``; both only ever move a deadline later.
    """
    equated = frozenset() if equated_days is None else frozenset(equated_days)
    return dict(_holidays(year, include_good_friday, include_liberation_day, equated))


@lru_cache(maxsize=512)
def _holidays(
    year: int, include_good_friday: bool, include_liberation_day: bool, equated: frozenset[date]
) -> tuple[tuple[date, str], ...]:
    easter = easter_sunday(year)
    holidays = {
        date(year, 1, 1): "Nieuwjaarsdag",
        easter: "Eerste Paasdag",
        easter + timedelta(days=1): "Tweede Paasdag",
        kings_day(year): "Koningsdag" if year >= 2014 else "Koninginnedag",
        easter + timedelta(days=39): "Hemelvaartsdag",
        easter + timedelta(days=49): "Eerste Pinksterdag",
        easter + timedelta(days=50): "Tweede Pinksterdag",
        date(year, 12, 25): "Eerste Kerstdag",
        date(year, 12, 26): "Tweede Kerstdag",
    }
    if include_good_friday:
        holidays[easter - timedelta(days=2)] = "Goede Vrijdag"
    if include_liberation_day:
        # Hemelvaartsdag can fall on 5 May too; keep both names then.
        liberation = date(year, 5, 5)
        holidays[liberation] = (
            f"{holidays[liberation]} en Bevrijdingsdag" if liberation in holidays else "Bevrijdingsdag"
        )
    for day in equated:
        if day.year == year and day not in holidays:
            holidays[day] = "Met een feestdag gelijkgestelde dag"
    return tuple(sorted(holidays.items()))


def is_holiday(
    d: date,
    *,
    include_good_friday: bool = False,
    include_liberation_day: bool = True,
    equated_days: Iterable[date] | None = None,
) -> bool:
    """Whether ``d`` is an algemeen erkende feestdag (or equated day) of the Algemene termijnenwet."""
    equated = frozenset() if equated_days is None else frozenset(equated_days)
    return d in _holiday_dates(d.year, include_good_friday, include_liberation_day, equated)


@lru_cache(maxsize=512)
def _holiday_dates(
    year: int, include_good_friday: bool, include_liberation_day: bool, equated: frozenset[date]
) -> frozenset[date]:
    return frozenset(day for day, _ in _holidays(year, include_good_friday, include_liberation_day, equated))


def extend_past_non_working_days(
    d: date,
    *,
    include_good_friday: bool = False,
    include_liberation_day: bool = True,
    equated_days: Iterable[date] | None = None,
) -> date:
    """Algemene termijnenwet art. 1 lid 1: a period ending on a Saturday, Sunday or holiday runs until
    the next day that is none of these."""
    equated = None if equated_days is None else frozenset(equated_days)
    while d.weekday() >= 5 or is_holiday(
        d,
        include_good_friday=include_good_friday,
        include_liberation_day=include_liberation_day,
        equated_days=equated,
    ):
        d += timedelta(days=1)
    return d


def objection_deadline(
    sent_on: date,
    *,
    include_good_friday: bool = False,
    include_liberation_day: bool = True,
    equated_days: Iterable[date] | None = None,
) -> date:
    """Last day for a bezwaarschrift against a decision sent on ``sent_on``.

    Awb 6:7 and 6:8 lid 1: six weeks, starting the day after the decision was sent, so the last day is
    the same weekday six weeks after sending. Algemene termijnenwet art. 1: when that day is a Saturday,
    Sunday or holiday (art. 3; Goede Vrijdag and decreed days only when asked for) the period runs until the next
    working day. (Awb 6:9: a bezwaarschrift posted in time and received within a week is also in time.)
    """
    last_day = sent_on + timedelta(weeks=OBJECTION_PERIOD_WEEKS)
    return extend_past_non_working_days(
        last_day,
        include_good_friday=include_good_friday,
        include_liberation_day=include_liberation_day,
        equated_days=equated_days,
    )

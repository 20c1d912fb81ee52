"""Worklist signals and per-record legal facts: the rules of law in ``law`` applied to the stored records.

Queries are set-based: SQL narrows every signal to a date window (indexed columns), and the exact legal
rule is applied in Python only to the rows inside that window.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from babel.dates import format_date
from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.models import law
from desktop.models.cases import AbsenceReport, Case, Intervention
from desktop.models.enums import CaseKind, CaseStatus, InterventionKind, LabeledEnum, LeaveDecider
from desktop.models.enums import ExemptionArticle as StoredArticle
from desktop.models.exemptions import EXEMPTING_OUTCOMES, Exemption, LeaveRequest, leave_days_granted_this_year
from desktop.models.registry import Person
from desktop.models.school_calendar import school_calendar
from desktop.models.trajectories import DropoutTrajectory, HomeSitterEpisode

# Decisions are looked up this far back: six weeks plus the longest run of non-working days (a Christmas
# or Easter period with decreed days), with margin. The exact deadline is computed per decision.
_OBJECTION_LOOKBACK = timedelta(weeks=law.OBJECTION_PERIOD_WEEKS, days=14)
_RENEWABLE = (StoredArticle.ART_5A, StoredArticle.ART_5B, StoredArticle.ART_5C)


class SignalKind(LabeledEnum):
    EXEMPTION_RENEWAL = ("exemption_renewal", "Vrijstelling verlengen")
    EXEMPTION_EXPIRING = ("exemption_expiring", "Vrijstelling loopt af")
    MEDICAL_STATEMENT_OUTDATED = ("medical_statement_outdated", "Verklaring ouder dan drie maanden")
    TURNING_18 = ("turning_18", "Wordt 18 jaar")
    DROPOUT_AGE_LIMIT = ("dropout_age_limit", "Bereikt de leeftijdsgrens van de RMC-doelgroep")
    OBJECTION_PERIOD_OPEN = ("objection_period_open", "Bezwaartermijn loopt")
    HALT_ELIGIBLE = ("halt_eligible", "Halt-verwijzing mogelijk")
    UNKNOWN_SCHOOL = ("unknown_school", "School onbekend in de regio")


@dataclass(frozen=True)
class Signal:
    """One line of the worklist. ``title`` and ``detail`` are Dutch and never contain a BSN."""

    kind: SignalKind
    due: date | None
    title: str
    detail: str
    record_type: str  # "person", "case", "exemption", "leave_request"
    record_id: str
    person_id: str | None


def dutch_date(d: date) -> str:
    """'2 september 2026'."""
    return format_date(d, format="long", locale="nl_NL")


# --- Facts per record, for the screens -----------------------------------------------------------


@dataclass(frozen=True)
class DutyOverview:
    """A person's duty on a day and the dates on which it changes."""

    status: law.DutyStatus
    compulsory_start: date
    compulsory_end: date
    qualification_duty: law.Period | None
    eighteenth_birthday: date
    dropout_support_end: date


def person_duty_overview(
    person: Person,
    on: date,
    dropout_age_limit: int = law.DEFAULT_DROPOUT_AGE_LIMIT,
    holidays: law.SchoolCalendar | None = None,
) -> DutyOverview:
    """Duty status on ``on`` with its start and end dates (Lpw art. 3, 4a, 4b; RMC age limit as a setting).

    Leerplicht starts on the first school day of the month after the 5th birthday (art. 3 lid 1) when the
    school calendar ``holidays`` knows that month, else on the 1st of it."""
    exempt = bool(person.qualification_exempt)
    return DutyOverview(
        status=law.duty_status(
            person.birth_date,
            on,
            person.qualified_on,
            dropout_age_limit,
            qualification_exempt=exempt,
            holidays=holidays,
        ),
        compulsory_start=law.compulsory_start(person.birth_date, holidays),
        compulsory_end=law.compulsory_end(person.birth_date),
        qualification_duty=law.qualification_duty(person.birth_date, person.qualified_on, qualification_exempt=exempt),
        eighteenth_birthday=law.eighteenth_birthday(person.birth_date),
        dropout_support_end=law.dropout_support_end(person.birth_date, dropout_age_limit),
    )


def exemption_expiry(exemption: Exemption) -> date | None:
    """The stored end date, or the legal one (end of the schooljaar; none for a 'never fit' 5 onder a)."""
    if exemption.valid_until is not None:
        return exemption.valid_until
    start = exemption.valid_from or exemption.received_on
    if start is None:
        return None
    return law.exemption_valid_until(str(exemption.article), start, bool(exemption.never_fit))


def exemption_renewal_deadline(exemption: Exemption) -> date | None:
    """1 July before the end (Lpw art. 6) for art. 5 onder a/b/c; ``None`` when no renewal is due."""
    if not law.ExemptionArticle(str(exemption.article)).renewed_each_year or exemption.never_fit:
        return None
    expiry = exemption_expiry(exemption)
    return None if expiry is None else law.renewal_deadline(expiry)


def decision_objection_deadline(decided_on: date | None) -> date | None:
    """Last day for bezwaar against a decision sent on ``decided_on`` (Awb 6:7, 6:8; Atw)."""
    return None if decided_on is None else law.objection_deadline(decided_on)


def leave_request_authority(
    request: LeaveRequest,
    already_granted_days: int = 0,
    in_first_two_weeks: bool = False,
    holiday_leave_already_this_year: bool = False,
) -> str:
    """Who decides on this request for extra verlof (Lpw art. 11f/13a, 11g/14)."""
    return law.leave_authority(
        str(request.kind),
        request.days,
        already_granted_days=already_granted_days,
        in_first_two_weeks=in_first_two_weeks,
        holiday_leave_already_this_year=holiday_leave_already_this_year,
    )


def leave_request_authority_in_session(
    session: Session, request: LeaveRequest, first_school_day: date | None = None
) -> str:
    """As :func:`leave_request_authority`, with the earlier leave of the same schooljaar read from the
    database. ``first_school_day`` (regions start the schooljaar on different days) enables the
    'first two lesweken' rule for vakantieverlof (Lpw art. 13a lid 2); without it, the first school day of
    the schooljaar in the region's school calendar, when the calendar knows it."""
    circumstance_days, had_holiday_leave = leave_days_granted_this_year(
        session, request.person_id, request.start_date, except_id=request.id
    )
    if first_school_day is None:
        first_school_day = law.first_lesson_day(law.school_year(request.start_date), school_calendar(session))
    in_first_two_weeks = (
        first_school_day is not None and first_school_day <= request.start_date < first_school_day + timedelta(weeks=2)
    )
    return leave_request_authority(request, circumstance_days, in_first_two_weeks, had_holiday_leave)


# --- Signals -------------------------------------------------------------------------------------


def compute_signals(
    session: Session,
    today: date,
    horizon_weeks: int = 6,
    dropout_age_limit: int = law.DEFAULT_DROPOUT_AGE_LIMIT,
    *,
    municipality_codes: Collection[str] | None = None,
    active_only: bool = False,
) -> list[Signal]:
    """All signals due from ``today`` up to ``horizon_weeks`` ahead (plus open items), sorted by due date.

    ``municipality_codes`` limits the list to persons of those gemeenten. ``active_only`` limits the age
    signals (18, age limit) to persons with an open case, an open thuiszitter episode or an open VSV
    trajectory; by default every registered person counts, as the region follows all young people.
    """
    horizon_end = today + timedelta(weeks=horizon_weeks)
    context = _Context(session, today, horizon_end, dropout_age_limit, municipality_codes, active_only)
    signals: list[Signal] = []
    for producer in (
        _exemption_renewals,
        _exemptions_expiring,
        _outdated_medical_statements,
        _turning_18,
        _reaching_dropout_age_limit,
        _open_objection_periods,
        _halt_eligible_cases,
        _unknown_schools,
    ):
        signals.extend(producer(context))
    return sorted(signals, key=_sort_key)


def _sort_key(signal: Signal) -> tuple[Any, ...]:
    # Undated signals (Halt) come after the dated ones.
    return (signal.due is None, signal.due or date.max, signal.kind.value, signal.title, signal.record_id)


@dataclass(frozen=True)
class _Context:
    session: Session
    today: date
    horizon_end: date
    dropout_age_limit: int
    municipality_codes: Collection[str] | None
    active_only: bool

    def persons(self) -> Any:
        """Conditions every signal shares on the person: present, alive, in the chosen gemeenten."""
        conditions = [Person.deleted.is_(False), Person.deceased_on.is_(None)]
        if self.municipality_codes is not None:
            conditions.append(Person.municipality_code.in_(list(self.municipality_codes)))
        return and_(*conditions)

    def with_person(self, model: Any, *columns: Any) -> Any:
        """The rows of ``model`` (and ``columns``) with their person, of the persons signals are about."""
        return select(model, Person, *columns).join(Person, Person.id == model.person_id).where(self.persons())


def _name(person: Person) -> str:
    return person.full_name


def _granted_not_renewed() -> Any:
    renewal = aliased(Exemption)
    renewed = exists().where(renewal.renewal_of_id == Exemption.id, renewal.deleted.is_(False))
    return and_(Exemption.deleted.is_(False), Exemption.decision.in_(EXEMPTING_OUTCOMES), ~renewed)


def _article_label(exemption: Exemption) -> str:
    return law.ExemptionArticle(str(exemption.article)).label


def _exemption_renewals(ctx: _Context) -> Iterable[Signal]:
    """Art. 5 onder a/b/c exemptions whose renewal (before 1 July, Lpw art. 6) falls in the window."""
    years = [
        y for y in range(ctx.today.year, ctx.horizon_end.year + 1) if ctx.today <= date(y, 7, 1) <= ctx.horizon_end
    ]
    if not years:
        return
    # The schooljaar ending in year Y (1 August Y-1 .. 31 July Y) has its renewal deadline on 1 July Y.
    ranges = [Exemption.valid_until.between(date(y - 1, 8, 1), date(y, 7, 31)) for y in years]
    query = (
        ctx.with_person(Exemption)
        .where(
            _granted_not_renewed(),
            Exemption.article.in_(_RENEWABLE),
            Exemption.never_fit.is_(False),
            or_(*ranges),
        )
    )
    for exemption, person in ctx.session.execute(query):
        deadline = exemption_renewal_deadline(exemption)
        if deadline is None or not ctx.today <= deadline <= ctx.horizon_end:
            continue
        yield Signal(
            kind=SignalKind.EXEMPTION_RENEWAL,
            due=deadline,
            title=f"Vrijstelling verlengen: {_name(person)}",
            detail=(
                f"{_article_label(exemption)}, geldig tot en met {dutch_date(exemption.valid_until)}. "
                f"Voor het volgende schooljaar moet de vrijstelling vóór {dutch_date(deadline)} opnieuw "
                "worden aangevraagd (artikel 6 Leerplichtwet 1969)."
            ),
            record_type="exemption",
            record_id=exemption.id,
            person_id=person.id,
        )


def _exemptions_expiring(ctx: _Context) -> Iterable[Signal]:
    """Exemptions and substitute programmes ending in the window without a renewal.

    An exemption whose renewal deadline also lies in the window shows as a renewal signal instead, so
    each exemption appears once.
    """
    query = (
        ctx.with_person(Exemption)
        .where(
            _granted_not_renewed(),
            Exemption.valid_until.between(ctx.today, ctx.horizon_end),
        )
    )
    for exemption, person in ctx.session.execute(query):
        deadline = exemption_renewal_deadline(exemption)
        if deadline is not None and ctx.today <= deadline <= ctx.horizon_end:
            continue  # listed as a renewal signal
        yield Signal(
            kind=SignalKind.EXEMPTION_EXPIRING,
            due=exemption.valid_until,
            title=f"Vrijstelling loopt af: {_name(person)}",
            detail=(
                f"{_article_label(exemption)} is geldig tot en met {dutch_date(exemption.valid_until)} "
                "en is niet verlengd."
            ),
            record_type="exemption",
            record_id=exemption.id,
            person_id=person.id,
        )


def _outdated_medical_statements(ctx: _Context) -> Iterable[Signal]:
    """Art. 5 onder a: the statement was more than three months old on the notification date (art. 7).

    Looked at for pending requests and for exemptions that still run (or, without an end, were notified
    in the past year).
    """
    query = (
        ctx.with_person(Exemption)
        .where(
            Exemption.deleted.is_(False),
            Exemption.article == StoredArticle.ART_5A,
            Exemption.statement_date.is_not(None),
            or_(
                Exemption.decision.is_(None),
                and_(Exemption.decision.in_(EXEMPTING_OUTCOMES), Exemption.valid_until >= ctx.today),
                and_(
                    Exemption.decision.in_(EXEMPTING_OUTCOMES),
                    Exemption.valid_until.is_(None),
                    Exemption.received_on >= ctx.today - timedelta(days=365),
                ),
            ),
        )
    )
    for exemption, person in ctx.session.execute(query):
        if law.medical_statement_valid(exemption.statement_date, exemption.received_on):
            continue
        yield Signal(
            kind=SignalKind.MEDICAL_STATEMENT_OUTDATED,
            due=law.medical_statement_expires(exemption.statement_date),
            title=f"Verklaring te oud: {_name(person)}",
            detail=(
                f"De verklaring voor artikel 5 onder a is van {dutch_date(exemption.statement_date)} en was "
                f"bij de kennisgeving op {dutch_date(exemption.received_on)} ouder dan drie maanden "
                "(artikel 7 Leerplichtwet 1969). Vraag een nieuwe verklaring."
            ),
            record_type="exemption",
            record_id=exemption.id,
            person_id=person.id,
        )


def _active_person() -> Any:
    """An open case, an open thuiszitter episode or an open VSV trajectory."""
    return or_(
        exists().where(Case.person_id == Person.id, Case.deleted.is_(False), Case.status == CaseStatus.OPEN),
        exists().where(
            HomeSitterEpisode.person_id == Person.id,
            HomeSitterEpisode.deleted.is_(False),
            HomeSitterEpisode.end_date.is_(None),
        ),
        exists().where(
            DropoutTrajectory.person_id == Person.id,
            DropoutTrajectory.deleted.is_(False),
            DropoutTrajectory.end_date.is_(None),
        ),
    )


def _born_window(ctx: _Context, age: int) -> tuple[date, date]:
    """Birth dates that can reach ``age`` in the window, one day wider on each side for 29 February."""
    first = law.add_months(ctx.today, -12 * age) - timedelta(days=1)
    last = law.add_months(ctx.horizon_end, -12 * age) + timedelta(days=1)
    return first, last


def _persons_reaching(ctx: _Context, age: int, extra: Iterable[Any]) -> Iterable[tuple[Person, date]]:
    first, last = _born_window(ctx, age)
    conditions = [ctx.persons(), Person.birth_date.between(first, last), *extra]
    if ctx.active_only:
        conditions.append(_active_person())
    for person in ctx.session.scalars(select(Person).where(*conditions)):
        birthday = law.date_reaching_age(person.birth_date, age)
        if ctx.today <= birthday <= ctx.horizon_end:
            yield person, birthday


def _turning_18(ctx: _Context) -> Iterable[Signal]:
    """At 18 leerplicht and kwalificatieplicht end and the jongere gets the parents' rights (art. 1b)."""
    for person, birthday in _persons_reaching(ctx, 18, ()):
        qualified = person.qualified_on is not None and person.qualified_on <= birthday
        consequence = (
            "Brieven gaan vanaf dan naar de jongere zelf."
            if qualified
            else "De kwalificatieplicht eindigt; zonder startkwalificatie volgt het Doorstroompunt de jongere."
        )
        yield Signal(
            kind=SignalKind.TURNING_18,
            due=birthday,
            title=f"Wordt 18: {_name(person)}",
            detail=f"{_name(person)} wordt 18 jaar op {dutch_date(birthday)}. {consequence}",
            record_type="person",
            record_id=person.id,
            person_id=person.id,
        )


def _reaching_dropout_age_limit(ctx: _Context) -> Iterable[Signal]:
    """Young people without a startkwalificatie leaving the RMC target group at the age limit."""
    limit = ctx.dropout_age_limit
    extra = (Person.qualification_exempt.is_(False),)
    for person, birthday in _persons_reaching(ctx, limit, extra):
        if person.qualified_on is not None and person.qualified_on <= birthday:
            continue
        yield Signal(
            kind=SignalKind.DROPOUT_AGE_LIMIT,
            due=birthday,
            title=f"Wordt {limit}: {_name(person)}",
            detail=(
                f"{_name(person)} wordt {limit} jaar op {dutch_date(birthday)} en valt dan buiten de "
                "doelgroep van het Doorstroompunt. Sluit het traject af of draag het over."
            ),
            record_type="person",
            record_id=person.id,
            person_id=person.id,
        )


def _open_objection_periods(ctx: _Context) -> Iterable[Signal]:
    """Decisions of the leerplichtambtenaar whose bezwaar period (Awb 6:7) has not ended yet.

    The decision date is taken as the day the decision was sent.
    """
    since = ctx.today - _OBJECTION_LOOKBACK
    exemptions = (
        ctx.with_person(Exemption)
        .where(
            Exemption.deleted.is_(False),
            Exemption.decision.is_not(None),
            Exemption.decided_on.between(since, ctx.today),
        )
    )
    for exemption, person in ctx.session.execute(exemptions):
        signal = _objection_signal(
            ctx,
            person,
            exemption.decided_on,
            "exemption",
            exemption.id,
            f"Besluit {exemption.decision.label.lower()} ({_article_label(exemption)})",
        )
        if signal is not None:
            yield signal
    leave = (
        ctx.with_person(LeaveRequest)
        .where(
            LeaveRequest.deleted.is_(False),
            LeaveRequest.decided_by == LeaveDecider.ATTENDANCE_OFFICER,
            LeaveRequest.decision.is_not(None),
            LeaveRequest.decided_on.between(since, ctx.today),
        )
    )
    for request, person in ctx.session.execute(leave):
        signal = _objection_signal(
            ctx,
            person,
            request.decided_on,
            "leave_request",
            request.id,
            f"Besluit verlof {request.decision.label.lower()} ({request.days} dagen)",
        )
        if signal is not None:
            yield signal


def _objection_signal(
    ctx: _Context, person: Person, decided_on: date, record_type: str, record_id: str, decision_text: str
) -> Signal | None:
    """The open-bezwaar signal for one decision, or None when its period has ended."""
    deadline = law.objection_deadline(decided_on)
    if deadline < ctx.today:
        return None
    return Signal(
        kind=SignalKind.OBJECTION_PERIOD_OPEN,
        due=deadline,
        title=f"Bezwaartermijn loopt: {_name(person)}",
        detail=f"{decision_text} van {dutch_date(decided_on)}: bezwaar mogelijk tot en met {dutch_date(deadline)}.",
        record_type=record_type,
        record_id=record_id,
        person_id=person.id,
    )


def _halt_eligible_cases(ctx: _Context) -> Iterable[Signal]:
    """Open relatief-verzuim cases that meet Halt's criteria on the hours and lateness reported.

    The counts are the sums over the case's verzuimmeldingen. Excluded: persons referred to Halt before,
    and cases in which a proces-verbaal was already drawn up.
    """
    totals = (
        select(
            AbsenceReport.case_id.label("case_id"),
            func.sum(func.coalesce(AbsenceReport.hours_absent, 0)).label("hours"),
            func.sum(func.coalesce(AbsenceReport.times_late, 0)).label("late"),
        )
        .where(AbsenceReport.deleted.is_(False), AbsenceReport.case_id.is_not(None))
        .group_by(AbsenceReport.case_id)
        .subquery()
    )
    earlier_halt = exists().where(
        Intervention.person_id == Case.person_id,
        Intervention.deleted.is_(False),
        Intervention.kind == InterventionKind.HALT,
    )
    official_report = exists().where(
        Intervention.case_id == Case.id,
        Intervention.deleted.is_(False),
        Intervention.kind == InterventionKind.OFFICIAL_REPORT,
    )
    youngest = law.add_months(ctx.today, -12 * 12) + timedelta(days=1)
    oldest = law.add_months(ctx.today, -12 * 18) - timedelta(days=1)
    query = (
        ctx.with_person(Case, totals.c.hours, totals.c.late)
        .join(totals, totals.c.case_id == Case.id)
        .where(
            Case.deleted.is_(False),
            Case.status == CaseStatus.OPEN,
            Case.kind == CaseKind.RELATIVE,
            Person.birth_date.between(oldest, youngest),
            ~earlier_halt,
            ~official_report,
        )
    )
    for case, person, hours, late in ctx.session.execute(query):
        hours = float(hours or 0)
        late = int(late or 0)
        if not law.halt_eligible(person.birth_date, ctx.today, hours, late, False):
            continue
        yield Signal(
            kind=SignalKind.HALT_ELIGIBLE,
            due=None,
            title=f"Halt mogelijk: {_name(person)}",
            detail=(
                f"Zaak {case.case_number}: {format_hours(hours)} uur verzuim en {late} keer te laat gemeld. "
                "De jongere voldoet aan de criteria voor een Halt-verwijzing; vraag toestemming van de "
                "jongere (en van de ouders onder 16 jaar)."
            ),
            record_type="case",
            record_id=case.id,
            person_id=person.id,
        )


def _unknown_schools(ctx: _Context) -> Iterable[Signal]:
    """Meldingen naming a school (BRIN and vestiging) the region's school list does not hold yet: one signal
    per school for the functioneel beheerder, who maintains the list (the melding itself is kept whole)."""
    location = func.coalesce(AbsenceReport.school_location, "00")
    rows = ctx.session.execute(
        select(
            AbsenceReport.school_brin,
            location,
            func.count(),
            func.min(AbsenceReport.id),
            func.min(AbsenceReport.received_on),
        )
        .where(
            AbsenceReport.school_id.is_(None),
            AbsenceReport.school_brin.is_not(None),
            AbsenceReport.deleted.is_(False),
        )
        .group_by(AbsenceReport.school_brin, location)
        .order_by(AbsenceReport.school_brin, location)
    ).all()
    for brin, vestiging, count, report_id, since in rows:
        meldingen = "1 melding" if count == 1 else f"{count} meldingen"
        yield Signal(
            kind=SignalKind.UNKNOWN_SCHOOL,
            due=None,
            title=f"Onbekende school {brin}{vestiging} ({meldingen})",
            detail=(
                f"Sinds {dutch_date(since)} noemen verzuimmeldingen deze school, die niet in de scholenlijst "
                "staat. Voeg haar toe (functioneel beheer, scholen importeren); de meldingen houden hun BRIN."
            ),
            record_type="absence_report",
            record_id=report_id,
            person_id=None,
        )


def format_hours(hours: float) -> str:
    """Hours as the worklist writes them: one decimal at most, with a decimal comma (12,5; 16)."""
    text = f"{hours:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")

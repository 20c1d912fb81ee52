"""Vrijstellingen, vervangende leerplicht and extra verlof, each with its decision: the records, and the domain
commands that register a kennisgeving or request and decide on it under the law and the signer's mandate."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column, validates

from desktop.models.base import Base, SyncedMixin
from desktop.models.constraints import enum_type, period_check, validates_period
from desktop.models.entities import ADMINISTRATOR, ART_5_ONDER_A, CONSULTANT, ScopeClass, entity
from desktop.models.enums import (
    Decision,
    ExemptionArticle,
    LeaveDecider,
    LeaveKind,
    StatementBy,
    TravellingOccupation,
)
from desktop.models.errors import DomainError
from desktop.models.law import (
    ExemptionFacts,
    LeaveAssessment,
    LeaveAuthority,
    LeaveRefusal,
    SchoolCalendar,
    SchoolYear,
    assess_leave_request,
    exemption_ineligible,
    exemption_outcome_problem,
    exemption_outcomes,
    exemption_period,
    exemption_requirements_unmet,
    notification_school_year,
    school_year,
)
from desktop.models.mandate import SigningAct, mandate_rules, signer_for, signing_refusal
from desktop.models.registry import CBS_CODE_LENGTH, Enrollment, Person, School
from desktop.models.school_calendar import school_calendar


@entity(
    label="Vrijstelling", plural="Vrijstellingen en vervangende leerplicht", interchange="exemption",
    scope=ScopeClass.PERSON_CHILD, writers=frozenset({CONSULTANT, ADMINISTRATOR}), inzage=(9, "received_on"),
    # The statement behind an exemption under art. 5 onder a reveals the child's health.
    health_fields=frozenset({"statement_date", "statement_by", "doctor_appointed", "never_fit", "motivation"}),
    health_when=("article", ART_5_ONDER_A),
    fields={
        "article": "Artikel", "valid_from": "Geldig vanaf", "valid_until": "Geldig tot en met",
        "renewal_of_id": "Verlenging van", "never_fit": "Blijvend ongeschikt", "statement_date": "Datum verklaring",
        "statement_by": "Verklaring door", "doctor_appointed": "Arts aangewezen door de gemeente",
        "denomination_objection": "Bedenkingen tegen de richting", "school_abroad": "School in het buitenland",
        "substitute_programme": "Vervangend programma", "registered_with_duo_on": "Gemeld aan DUO op",
        "attended_denomination_last_year": "Vorig jaar een school van die richting bezocht",
        "abroad_head_statement": "Verklaring van het hoofd van de buitenlandse school",
        "travelling_occupation": "Trekkende bestaanswijze", "travels_along": "Kind reist mee",
        "travelling_school_nearby": "Rijdende school binnen 5 km", "practical_time": "Programma met praktijktijd",
        "institution": "Instelling", "head_teacher_heard": "Directeur gehoord",
    },
)
class Exemption(SyncedMixin, Base):
    """A vrijstelling (Lpw art. 5 onder a/b/c, 5a, 15, 11 onder g) or vervangende leerplicht (art. 3a, 3b).

    Art. 5 and 5a work by a kennisgeving that is confirmed or found incomplete; the others are requests that
    are granted or refused (``law.exemption_outcomes``). ``school_year`` is the schooljaar the kennisgeving or
    request is for. Art. 5 exemptions are renewed every year before 1 July (art. 6), except a 5 onder a
    statement that the child will never be fit (``never_fit``); ``renewal_of_id`` links a renewal to the
    exemption it renews.
    """

    __tablename__ = "exemptions"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"))
    article: Mapped[ExemptionArticle] = mapped_column(enum_type(ExemptionArticle, "article"))
    school_year: Mapped[str | None] = mapped_column(String(9))  # '2023-2024'
    received_on: Mapped[date] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)
    decision: Mapped[Decision | None] = mapped_column(enum_type(Decision, "decision"))
    decided_by_user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date, index=True)
    renewal_of_id: Mapped[str | None] = mapped_column(ForeignKey("exemptions.id"))
    # Evidence for art. 5 onder a: the statement, by whom, and whether the gemeente appointed that expert.
    never_fit: Mapped[bool] = mapped_column(Boolean, default=False)
    statement_date: Mapped[date | None] = mapped_column(Date)
    statement_by: Mapped[StatementBy | None] = mapped_column(enum_type(StatementBy, "statement_by"))
    doctor_appointed: Mapped[bool | None] = mapped_column(Boolean)
    # Art. 5 onder b: the denomination objected to; art. 5 onder c: the school abroad.
    denomination_objection: Mapped[str | None] = mapped_column(Text)
    school_abroad: Mapped[str | None] = mapped_column(String(200))
    # Art. 8: whether the child attended a school of the richting objected to in the preceding year.
    attended_denomination_last_year: Mapped[bool | None] = mapped_column(Boolean)
    # Art. 9: the statement of the head of the school abroad.
    abroad_head_statement: Mapped[bool | None] = mapped_column(Boolean)
    # Art. 5a (Besluit vrijstelling leerplicht trekkende bevolking).
    travelling_occupation: Mapped[TravellingOccupation | None] = mapped_column(
        enum_type(TravellingOccupation, "travelling_occupation")
    )
    travels_along: Mapped[bool | None] = mapped_column(Boolean)
    travelling_school_nearby: Mapped[bool | None] = mapped_column(Boolean)
    # Art. 3a/3b/15: the programme (art. 15: the education the jongere otherwise receives), with practical time
    # (3a) at an institution (3b: the mbo-instelling).
    substitute_programme: Mapped[str | None] = mapped_column(Text)
    practical_time: Mapped[bool | None] = mapped_column(Boolean)
    institution: Mapped[str | None] = mapped_column(String(200))
    # Art. 11 onder g with 14 lid 3: the head teacher was heard.
    head_teacher_heard: Mapped[bool | None] = mapped_column(Boolean)
    registered_with_duo_on: Mapped[date | None] = mapped_column(Date)
    motivation: Mapped[str | None] = mapped_column(Text)
    municipality_code: Mapped[str | None] = mapped_column(String(CBS_CODE_LENGTH), index=True)

    __table_args__ = (
        period_check("valid_from", "valid_until"),
        period_check("received_on", "decided_on", "decided_after_received"),
        Index("ix_exemptions_article_received", "article", "received_on"),
    )

    _check_period = validates_period("valid_from", "valid_until")

    @validates("received_on", "decided_on")
    def _validate_decided(self, key: str, value: date | None) -> date | None:
        received = value if key == "received_on" else self.received_on
        decided = value if key == "decided_on" else self.decided_on
        if received is not None and decided is not None and decided < received:
            raise DomainError("De beslisdatum mag niet vóór de ontvangstdatum liggen.")
        return value


@entity(
    label="Verlofaanvraag", plural="Verlofaanvragen", interchange="leave_request", scope=ScopeClass.PERSON_CHILD,
    writers=frozenset({CONSULTANT, ADMINISTRATOR}), inzage=(10, "start_date"),
    fields={
        "days": "Dagen", "decided_by": "Beslisser", "head_teacher_heard": "Directeur gehoord",
        "employer_statement": "Werkgeversverklaring",
    },
)
class LeaveRequest(SyncedMixin, Base):
    """A request for extra verlof: vakantieverlof (art. 11f, 13a) or gewichtige omstandigheden (11g, 14).

    By law the head teacher decides up to 10 school days; beyond 10 days the leerplichtambtenaar decides.
    ``days`` are school days, counted from the school calendar where it knows the period. Vakantieverlof
    needs a werkgeversverklaring (``employer_statement``): the parent's job rules out a holiday in the school
    holidays (art. 11 onder f).
    """

    __tablename__ = "leave_requests"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"))
    school_id: Mapped[str | None] = mapped_column(ForeignKey("schools.id"))
    kind: Mapped[LeaveKind] = mapped_column(enum_type(LeaveKind, "kind"))
    received_on: Mapped[date | None] = mapped_column(Date)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    days: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[LeaveDecider] = mapped_column(enum_type(LeaveDecider, "decided_by"))
    head_teacher_heard: Mapped[bool | None] = mapped_column(Boolean)
    employer_statement: Mapped[bool | None] = mapped_column(Boolean)
    decision: Mapped[Decision | None] = mapped_column(enum_type(Decision, "decision"))
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by_user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    motivation: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        period_check("start_date", "end_date"),
        sa.CheckConstraint("days > 0", name="days_positive"),
    )

    _check_period = validates_period("start_date", "end_date")

    @validates("days")
    def _validate_days(self, _key: str, value: int) -> int:
        if value is not None and value <= 0:
            raise DomainError("Het aantal verlofdagen moet groter zijn dan nul.")
        return value


def leave_days_granted_this_year(
    session: Session, person_id: str, on: date, *, except_id: str | None = None
) -> tuple[int, bool]:
    """Days of leave for important circumstances already granted this schooljaar, and whether holiday
    leave was already granted (vakantieverlof: once per schooljaar); ``except_id`` leaves one request out
    (the one being decided)."""
    year = school_year(on)
    granted = sa.select(LeaveRequest.kind, LeaveRequest.days).where(
        LeaveRequest.person_id == person_id,
        LeaveRequest.decision == Decision.GRANTED,
        LeaveRequest.start_date.between(year.start, year.end),
        LeaveRequest.deleted.is_(False),
    )
    if except_id is not None:
        granted = granted.where(LeaveRequest.id != except_id)
    rows = session.execute(granted).all()
    days = sum(row.days for row in rows if row.kind == LeaveKind.IMPORTANT_CIRCUMSTANCES)
    holiday = any(row.kind == LeaveKind.HOLIDAY for row in rows)
    return days, holiday


def assess_leave(
    session: Session,
    person_id: str,
    kind: LeaveKind | str,
    start: date,
    end: date,
    *,
    days: int | None = None,
    received_on: date | None = None,
    employer_statement: bool = False,
    except_id: str | None = None,
    calendar: SchoolCalendar | None = None,
) -> LeaveAssessment:
    """The law on a request for extra verlof (Lpw art. 11 onder f/g, 13a, 14), with the school days counted
    from the region's school calendar and the leave already granted this schooljaar read from the database
    (``except_id`` leaves out the request itself)."""
    granted_days, holiday_taken = leave_days_granted_this_year(session, person_id, start, except_id=except_id)
    return assess_leave_request(
        str(LeaveKind(kind)),
        start,
        end,
        calendar if calendar is not None else school_calendar(session),
        days=days,
        received_on=received_on,
        employer_statement=employer_statement,
        already_granted_days=granted_days,
        holiday_leave_already_this_year=holiday_taken,
    )


#: The outcomes after which the pupil is exempt: a granted request or a confirmed kennisgeving.
EXEMPTING_OUTCOMES: tuple[Decision, ...] = tuple(outcome for outcome in Decision if outcome.exempts)


# --- Registering and deciding a vrijstelling ---------------------------------------------------------------

#: The evidence each article records (the columns a registration may fill).
ARTICLE_FIELDS: Mapping[ExemptionArticle, frozenset[str]] = {
    ExemptionArticle.ART_5A: frozenset({"statement_date", "statement_by", "doctor_appointed", "never_fit"}),
    ExemptionArticle.ART_5B: frozenset({"denomination_objection", "attended_denomination_last_year"}),
    ExemptionArticle.ART_5C: frozenset({"school_abroad", "abroad_head_statement"}),
    ExemptionArticle.ART_5A_TRAVEL: frozenset({"travelling_occupation", "travels_along", "travelling_school_nearby"}),
    ExemptionArticle.ART_15: frozenset({"substitute_programme", "institution"}),
    ExemptionArticle.ART_3A: frozenset({"substitute_programme", "practical_time", "institution"}),
    ExemptionArticle.ART_3B: frozenset({"substitute_programme", "institution"}),
    ExemptionArticle.ART_11G: frozenset({"head_teacher_heard", "valid_from", "valid_until"}),
}
_COMMON_FIELDS = frozenset({"case_id", "renewal_of_id", "motivation", "registered_with_duo_on"})


def enrolment_on(session: Session, person_id: str, day: date) -> str | None:
    """The name of the school the person is enrolled at on ``day``, or None when not enrolled."""
    row = session.execute(
        sa.select(School.name)
        .join(Enrollment, Enrollment.school_id == School.id)
        .where(
            Enrollment.person_id == person_id,
            Enrollment.deleted.is_(False),
            Enrollment.start_date <= day,
            sa.or_(Enrollment.end_date.is_(None), Enrollment.end_date >= day),
        )
        .limit(1)
    ).first()
    return None if row is None else (row[0] or "een school")


def exemption_facts(
    session: Session,
    person: Person,
    article: ExemptionArticle | str,
    received_on: date,
    for_year: SchoolYear,
    fields: Mapping[str, Any],
    calendar: SchoolCalendar | None = None,
) -> ExemptionFacts:
    """What the law needs to know about an exemption, from the person, the database and the fields."""
    code = ExemptionArticle(article)
    begins = max(received_on, for_year.start)
    school = enrolment_on(session, person.id, begins)

    def text(name: str) -> str:
        return str(fields.get(name) or "")

    return ExemptionFacts(
        article=code,
        birth_date=person.birth_date,
        received_on=received_on,
        for_year=for_year,
        enrolled=school is not None,
        enrolled_at=school or "",
        qualified_on=person.qualified_on,
        qualification_exempt=bool(person.qualification_exempt),
        statement_date=fields.get("statement_date"),
        statement_by=fields.get("statement_by"),
        doctor_appointed=fields.get("doctor_appointed"),
        never_fit=bool(fields.get("never_fit")),
        denomination_objection=text("denomination_objection"),
        attended_denomination_last_year=fields.get("attended_denomination_last_year"),
        school_abroad=text("school_abroad"),
        abroad_head_statement=fields.get("abroad_head_statement"),
        travelling_occupation=fields.get("travelling_occupation"),
        travels_along=fields.get("travels_along"),
        travelling_school_nearby=fields.get("travelling_school_nearby"),
        programme=text("substitute_programme"),
        practical_time=fields.get("practical_time"),
        institution=text("institution"),
        head_teacher_heard=fields.get("head_teacher_heard"),
        holidays=calendar if calendar is not None else school_calendar(session),
    )


def _record_fields(exemption: Exemption) -> dict[str, Any]:
    names = ARTICLE_FIELDS[ExemptionArticle(exemption.article)]
    return {name: getattr(exemption, name) for name in names}


def _for_year(exemption: Exemption) -> SchoolYear:
    if exemption.school_year:
        return SchoolYear.parse(exemption.school_year)
    return school_year(exemption.received_on)


@dataclass(frozen=True)
class ExemptionReview:
    """What the law and the mandate say about deciding one exemption."""

    facts: ExemptionFacts
    #: Why this person cannot have this exemption at all (then only 'niet-ontvankelijk' or 'ingetrokken').
    ineligible: str | None
    #: What the law requires and the record does not show (then no confirming or granting).
    unmet: tuple[str, ...]
    outcomes: tuple[Decision, ...]
    #: Why the signed-in user may not decide (Lpw art. 16; mandate rules), or None.
    signing_refusal: str | None

    def outcome_problem(self, decision: Decision | str) -> str | None:
        """Why ``decision`` cannot be taken now (one Dutch sentence), or None."""
        outcome = Decision(decision)
        wrong = exemption_outcome_problem(self.facts.article, outcome)
        if wrong is not None:
            return wrong
        if outcome.exempts and self.ineligible is not None:
            return self.ineligible
        if outcome.exempts and self.unmet:
            return self.unmet[0]
        return None


def review_exemption(session: Session, exemption: Exemption, user_id: str | None) -> ExemptionReview:
    """The law on an exemption as recorded, and whether ``user_id`` may decide on it."""
    person = session.get_one(Person, exemption.person_id)
    facts = exemption_facts(
        session, person, exemption.article, exemption.received_on, _for_year(exemption), _record_fields(exemption)
    )
    refusal = signing_refusal(SigningAct.EXEMPTION_DECISION, signer_for(session, user_id), mandate_rules(session))
    return ExemptionReview(
        facts, exemption_ineligible(facts), exemption_requirements_unmet(facts),
        exemption_outcomes(exemption.article), refusal,
    )


def register_exemption(
    session: Session,
    person_id: str,
    article: ExemptionArticle | str,
    received_on: date,
    *,
    school_year_label: str | None = None,
    **fields: Any,
) -> Exemption:
    """Register a kennisgeving (art. 5 onder a/b/c, 5a) or request (art. 3a, 3b, 11 onder g, 15) as received.

    ``school_year_label`` is the schooljaar it is for (default :func:`law.notification_school_year`). Refused
    when the person cannot have this exemption at all (:func:`law.exemption_ineligible`: art. 5 onder a for an
    enrolled pupil, art. 15 for someone not kwalificatieplichtig, art. 3a under 14, art. 3b outside the last
    leerplichtige schooljaar) and for fields that are not evidence of this article. What is still missing
    (:func:`law.exemption_requirements_unmet`) does not stop the registration: the answer to an incomplete
    kennisgeving is 'onvolledig'.
    """
    person = session.get(Person, person_id)
    if person is None:
        raise DomainError("Kies eerst een leerling.")
    code = ExemptionArticle(article)
    unknown = set(fields) - ARTICLE_FIELDS[code] - _COMMON_FIELDS
    if unknown:
        raise DomainError(f"{code.label} kent geen gegevens '{', '.join(sorted(unknown))}'.")
    try:
        for_year = SchoolYear.parse(school_year_label) if school_year_label else notification_school_year(received_on)
    except ValueError:
        raise DomainError(f"'{school_year_label}' is geen schooljaar; schrijf het als 2026-2027.") from None
    facts = exemption_facts(session, person, code, received_on, for_year, fields)
    ineligible = exemption_ineligible(facts)
    if ineligible is not None:
        raise DomainError(ineligible)
    exemption = Exemption(
        person_id=person_id,
        article=code,
        received_on=received_on,
        school_year=str(for_year),
        municipality_code=person.municipality_code,
        **fields,
    )
    session.add(exemption)
    return exemption


def decide_exemption(
    session: Session,
    exemption_id: str,
    decision: Decision | str,
    decided_on: date,
    motivation: str,
    *,
    user_id: str | None,
) -> Exemption:
    """Record the outcome of a kennisgeving or request, decided by ``user_id`` on behalf of the college.

    Refused unless the signer may decide exemptions (Lpw art. 16: the designated leerplichtambtenaar, per the
    region's mandate), unless the outcome fits the legal construction (a kennisgeving is confirmed or
    incomplete, a request granted or refused, both may be withdrawn or inadmissible) and unless the law's
    requirements are on record for confirming or granting. A confirmed or granted exemption gets its period
    (:func:`law.exemption_period`).
    """
    exemption = session.get(Exemption, exemption_id)
    if exemption is None or exemption.deleted:
        raise DomainError("Deze vrijstelling bestaat niet (meer).")
    outcome = Decision(decision)
    if not motivation.strip():
        raise DomainError("Een besluit heeft een motivering nodig.")
    review = review_exemption(session, exemption, user_id)
    if review.signing_refusal is not None:
        raise DomainError(review.signing_refusal)
    problem = review.outcome_problem(outcome)
    if problem is not None:
        raise DomainError(problem)
    exemption.decision = outcome
    exemption.decided_on = decided_on
    exemption.decided_by_user_id = user_id
    exemption.motivation = motivation.strip()
    if outcome.exempts:
        if exemption.article is ExemptionArticle.ART_11G and exemption.valid_from and exemption.valid_until:
            return exemption  # the period of the leave asked for
        period = exemption_period(review.facts, decided_on)
        exemption.valid_from = period.start if period else max(review.facts.for_year.start, exemption.received_on)
        exemption.valid_until = period.end if period else None
    return exemption


def leave_signing_refusal(session: Session, over_ten_days: bool, user_id: str | None) -> str | None:
    """Why ``user_id`` may not record the leerplichtambtenaar's decision on leave (Lpw art. 14 lid 3, 16), or
    None. Up to 10 school days the head teacher decides and the office only records the school's decision."""
    act = SigningAct.LEAVE_DECISION_OVER_10_DAYS if over_ten_days else SigningAct.LEAVE_DECISION
    return signing_refusal(act, signer_for(session, user_id), mandate_rules(session))


#: The outcomes of a leave request: a request is granted or refused (a refusal is a decision too), or withdrawn
#: or inadmissible.
LEAVE_OUTCOMES: tuple[Decision, ...] = (Decision.GRANTED, Decision.REFUSED, Decision.WITHDRAWN, Decision.INADMISSIBLE)


def register_leave_request(
    session: Session,
    person_id: str,
    *,
    kind: LeaveKind | str,
    start_date: date,
    end_date: date,
    days: int | None = None,
    received_on: date | None = None,
    employer_statement: bool | None = None,
    decided_by: LeaveDecider | str | None = None,
    head_teacher_heard: bool | None = None,
    decision: Decision | str | None = None,
    motivation: str | None = None,
    calendar: SchoolCalendar | None = None,
    user_id: str | None = None,
    **fields: Any,
) -> LeaveRequest:
    """Register a request for extra verlof with the rules of the law (Lpw art. 11 onder f/g, 13a, 14).

    ``days`` are school days: counted from the region's school calendar where it knows the period (a
    different number given is refused), else the number given. A request the law does not allow (see
    ``law.assess_leave_request``: vakantieverlof over 10 school days, a second one in the schooljaar, in the
    first two lesweken, without werkgeversverklaring) is registered only with its refusal; a period without
    school days is not registered at all. Who decides follows from the law: over 10 school days of
    gewichtige omstandigheden the leerplichtambtenaar, after hearing the head teacher (art. 14 lid 3); that
    decision is recorded only by ``user_id`` when the mandate lets them sign it (designated leerplichtambtenaar,
    Lpw art. 16; :func:`leave_signing_refusal`). A refusal is a decision too and needs the same authority.
    Up to 10 school days the office records the head teacher's decision.
    """
    if session.get(Person, person_id) is None:
        raise DomainError("Kies eerst een leerling.")
    if end_date < start_date:
        raise DomainError("De laatste verlofdag ligt vóór de eerste.")
    leave_kind = LeaveKind(kind)
    assessment = assess_leave(
        session, person_id, leave_kind, start_date, end_date, days=days, received_on=received_on,
        employer_statement=bool(employer_statement), calendar=calendar,
    )
    if assessment.counted_from_calendar and days is not None and days != assessment.school_days:
        raise DomainError(
            f"De periode telt volgens de schoolkalender {assessment.school_days} schooldagen, niet {days}."
        )
    outcome = Decision(decision) if decision is not None else None
    refusal = assessment.refusal
    if refusal is LeaveRefusal.NO_SCHOOL_DAYS or (refusal is not None and outcome is not Decision.REFUSED):
        raise DomainError(refusal.label)
    officer = assessment.authority == LeaveAuthority.ATTENDANCE_OFFICER
    decider = LeaveDecider.ATTENDANCE_OFFICER if officer else LeaveDecider.HEAD_TEACHER
    if decided_by is not None and LeaveDecider(decided_by) is not decider:
        raise DomainError(
            "Over meer dan 10 schooldagen verlof wegens gewichtige omstandigheden beslist de leerplichtambtenaar "
            "(Leerplichtwet art. 14 lid 3)."
            if officer
            else "Over dit verlof beslist de directeur van de school (Leerplichtwet art. 13a en 14 lid 1)."
        )
    if outcome is not None and not (motivation or "").strip():
        raise DomainError("Een besluit heeft een motivering nodig.")
    if officer and outcome is not None and not head_teacher_heard:
        raise DomainError("De leerplichtambtenaar beslist na het horen van de directeur (Leerplichtwet art. 14 lid 3).")
    if officer and outcome is not None:
        refusal_to_sign = leave_signing_refusal(session, True, user_id)
        if refusal_to_sign is not None:
            raise DomainError(refusal_to_sign)
    if outcome is not None and outcome not in LEAVE_OUTCOMES:
        raise DomainError(f"'{outcome.label}' is geen besluit op een verlofaanvraag; kies toegekend of afgewezen.")
    leave = LeaveRequest(
        person_id=person_id,
        kind=leave_kind,
        start_date=start_date,
        end_date=end_date,
        days=assessment.school_days,
        received_on=received_on,
        employer_statement=employer_statement,
        decided_by=decider,
        head_teacher_heard=head_teacher_heard if officer else None,
        decision=outcome,
        motivation=(motivation or "").strip() or None,
        decided_by_user_id=user_id if officer and outcome is not None else None,
        **fields,
    )
    session.add(leave)
    return leave

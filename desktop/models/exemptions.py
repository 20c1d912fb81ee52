"""Vrijstellingen, vervangende leerplicht and extra verlof, each with its decision."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column, validates

from desktop.models.base import Base, SyncedMixin
from desktop.models.constraints import enum_type, period_check, validates_period
from desktop.models.entities import ADMINISTRATOR, ART_5_ONDER_A, CONSULTANT, ScopeClass, entity
from desktop.models.enums import Decision, ExemptionArticle, LeaveDecider, LeaveKind, StatementBy
from desktop.models.errors import DomainError
from desktop.models.law import LeaveAssessment, SchoolCalendar, assess_leave_request, school_year
from desktop.models.registry import CBS_CODE_LENGTH
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
    },
)
class Exemption(SyncedMixin, Base):
    """A vrijstelling (Lpw art. 5 onder a/b/c, 5a, 15, 11 onder g) or vervangende leerplicht (art. 3a, 3b).

    Art. 5 exemptions are renewed every year before 1 July (art. 6), except a 5 onder a statement that the
    child will never be fit (``never_fit``); ``renewal_of_id`` links a renewal to the exemption it renews.
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
    # Art. 3a/3b: the substitute programme.
    substitute_programme: Mapped[str | None] = mapped_column(Text)
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

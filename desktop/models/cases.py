"""Verzuimmeldingen and the cases (zaken) they lead to: journal, appointments and interventions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, Numeric, String, Text, event
from sqlalchemy.orm import Mapped, Session, mapped_column, validates

from desktop.models.base import Base, SyncedMixin, utcnow
from desktop.models.constraints import enum_type, period_check, validates_period
from desktop.models.entities import (
    ADMINISTRATOR,
    CONSULTANT,
    OFFICIAL_REPORT,
    TEAM_LEAD,
    ScopeClass,
    entity,
)
from desktop.models.enums import (
    AbsenceKind,
    AppointmentKind,
    CaseCloseReason,
    CaseKind,
    CasePhase,
    CaseRoute,
    CaseStatus,
    DuoCloseReason,
    DuoExplanation,
    DuoStatus,
    InterventionKind,
    InterventionOutcome,
    JournalKind,
    OmOutcome,
    ReportSource,
    ReportSuspect,
)
from desktop.models.errors import DomainError
from desktop.models.registry import CBS_CODE_LENGTH, Person

CASE_NUMBER_LENGTH = 11  # '2023-000123'


def case_kind_for_report(kind: AbsenceKind | str) -> CaseKind:
    """The kind of case a verzuimmelding opens: verzuim 18+ an 18+ case, every other kind relatief verzuim."""
    return CaseKind.OVER_18 if AbsenceKind(kind) == AbsenceKind.OVER_18 else CaseKind.RELATIVE


def format_case_number(year: int, sequence: int) -> str:
    """A case number 'jjjj-nnnnnn': the year the case was opened and its place in that year."""
    return f"{year}-{sequence:06d}"


class CaseNumbers:
    """Hands out case numbers 'jjjj-nnnnnn': the next after the highest this device knows of the year.

    Numbers are handed out offline, so two devices can pick the same one; the server then gives the
    later case the next free number (sync/server/natural_keys.py) and the device shows that one.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.last: dict[int, int] = {}

    def next(self, year: int) -> str:
        if year not in self.last:
            last = self.session.scalar(
                sa.select(sa.func.max(Case.case_number)).where(
                    Case.case_number >= f"{year}-", Case.case_number < f"{year}-\uffff"
                )
            )
            self.last[year] = int(last.split("-", 1)[1]) if last and last.split("-", 1)[1].isdigit() else 0
        self.last[year] += 1
        return format_case_number(year, self.last[year])


@entity(
    label="Verzuimmelding", plural="Verzuimmeldingen", interchange="absence_report", scope=ScopeClass.CASE_CHILD,
    writers=frozenset({CONSULTANT, ADMINISTRATOR}), inzage=(5, "received_on"),
    fields={
        "duo_number": "Meldingsnummer DUO", "source": "Bron", "school_brin": "BRIN", "school_location": "Vestiging",
        "absence_start": "Verzuim vanaf", "absence_end": "Verzuim tot en met",
        "suspected_reason": "Vermoedelijke reden", "all_lessons_missed": "Alle lessen gemist",
        "school_actions": "Acties van de school", "municipality_action_wanted": "Actie gemeente gewenst",
        "municipality_action_reason": "Reden actie gemeente", "lesson_location": "Leslocatie",
        "reporter_name": "Melder", "reporter_function": "Functie melder", "reporter_phone": "Telefoon melder",
        "reporter_email": "E-mail melder", "contact_phone": "Telefoon ouder of leerling",
        "residence_address": "Verblijfadres", "days_absent": "Verzuimdagen", "duo_status": "DUO-status",
        "duo_status_on": "DUO-status op", "duo_close_reason": "DUO-reden afsluiten",
        "duo_explanation": "DUO-toelichting", "duo_contact_name": "Contactpersoon voor DUO",
        "duo_contact_phone": "Telefoon contactpersoon", "duo_contact_email": "E-mail contactpersoon",
        "duo_feedback_sent_at": "Teruggemeld aan DUO op",
    },
)
class AbsenceReport(SyncedMixin, Base):
    """A verzuimmelding with every field of the Besluit Verzuimmelding and the status fed back to DUO."""

    __tablename__ = "absence_reports"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    duo_number: Mapped[str | None] = mapped_column(String(40), unique=True)  # DUO's melding id
    source: Mapped[ReportSource] = mapped_column(enum_type(ReportSource, "source"), default=ReportSource.DUO)
    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    # From the school (Besluit Verzuimmelding).
    school_id: Mapped[str | None] = mapped_column(ForeignKey("schools.id"), index=True)
    school_brin: Mapped[str | None] = mapped_column(String(4))
    school_location: Mapped[str | None] = mapped_column(String(2))
    kind: Mapped[AbsenceKind] = mapped_column(enum_type(AbsenceKind, "kind"))
    absence_start: Mapped[dt.date | None] = mapped_column(Date)
    absence_end: Mapped[dt.date | None] = mapped_column(Date)
    suspected_reason: Mapped[str | None] = mapped_column(Text)
    all_lessons_missed: Mapped[bool | None] = mapped_column(Boolean)
    school_actions: Mapped[str | None] = mapped_column(Text)
    municipality_action_wanted: Mapped[bool | None] = mapped_column(Boolean)
    municipality_action_reason: Mapped[str | None] = mapped_column(Text)
    lesson_location: Mapped[str | None] = mapped_column(String(160))
    reporter_name: Mapped[str | None] = mapped_column(String(120))
    reporter_function: Mapped[str | None] = mapped_column(String(80))
    reporter_phone: Mapped[str | None] = mapped_column(String(30))
    reporter_email: Mapped[str | None] = mapped_column(String(120))
    contact_phone: Mapped[str | None] = mapped_column(String(30))  # parent's or pupil's phone
    residence_address: Mapped[str | None] = mapped_column(String(200))  # if different from the BRP address
    days_absent: Mapped[int | None] = mapped_column(Integer)
    hours_absent: Mapped[float | None] = mapped_column(Numeric(6, 1, asdecimal=False))
    times_late: Mapped[int | None] = mapped_column(Integer)
    # Back to DUO from the gemeente.
    duo_status: Mapped[DuoStatus | None] = mapped_column(enum_type(DuoStatus, "duo_status"))
    duo_status_on: Mapped[dt.date | None] = mapped_column(Date)
    duo_close_reason: Mapped[DuoCloseReason | None] = mapped_column(
        enum_type(DuoCloseReason, "duo_close_reason")
    )
    duo_explanation: Mapped[DuoExplanation | None] = mapped_column(enum_type(DuoExplanation, "duo_explanation"))
    duo_contact_name: Mapped[str | None] = mapped_column(String(120))
    duo_contact_phone: Mapped[str | None] = mapped_column(String(30))
    duo_contact_email: Mapped[str | None] = mapped_column(String(120))
    duo_feedback_sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # Woongemeente at registration: figures count by it, even after a move.
    municipality_code: Mapped[str | None] = mapped_column(String(CBS_CODE_LENGTH), index=True)

    __table_args__ = (
        period_check("absence_start", "absence_end"),
        sa.CheckConstraint("hours_absent IS NULL OR hours_absent >= 0", name="hours_absent_positive"),
        sa.CheckConstraint("days_absent IS NULL OR days_absent >= 0", name="days_absent_positive"),
        Index("ix_absence_reports_municipality_received", "municipality_code", "received_on"),
    )

    _check_period = validates_period("absence_start", "absence_end")


@entity(
    label="Zaak", plural="Zaken", interchange="case", scope=ScopeClass.CASE,
    writers=frozenset({CONSULTANT, ADMINISTRATOR, TEAM_LEAD}), inzage=(4, "opened_on"),
    # Assigning is the administrator's and the team lead's; the team lead assigns and closes, nothing else.
    field_writers={"assigned_user_id": frozenset({ADMINISTRATOR, TEAM_LEAD})},
    role_fields={
        TEAM_LEAD: frozenset({"assigned_user_id", "status", "closed_on", "close_reason", "close_explanation"}),
    },
    retention_fields=frozenset({"kind", "person_id"}),
    fields={
        "case_number": "Zaaknummer", "phase": "Fase", "route": "Route", "route_motivation": "Motivering route",
        "assigned_user_id": "Consulent", "opened_on": "Geopend op", "closed_on": "Gesloten op",
        "close_reason": "Reden van sluiten", "close_explanation": "Toelichting bij sluiten",
        "needs_investigation": "Nader onderzoek nodig", "summary": "Samenvatting",
    },
)
class Case(SyncedMixin, Base):
    """A zaak handled by a consultant along the MAS phases, opened and closed with a reason."""

    __tablename__ = "cases"

    case_number: Mapped[str] = mapped_column(String(CASE_NUMBER_LENGTH + 4), unique=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    kind: Mapped[CaseKind] = mapped_column(enum_type(CaseKind, "kind"))
    status: Mapped[CaseStatus] = mapped_column(enum_type(CaseStatus, "status"), default=CaseStatus.OPEN)
    phase: Mapped[CasePhase] = mapped_column(enum_type(CasePhase, "phase"), default=CasePhase.OBSERVE)
    route: Mapped[CaseRoute | None] = mapped_column(enum_type(CaseRoute, "route"))
    # 'Pas toe of leg uit': why the case deviates from the usual route.
    route_motivation: Mapped[str | None] = mapped_column(Text)
    assigned_user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    opened_on: Mapped[dt.date] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    close_reason: Mapped[CaseCloseReason | None] = mapped_column(enum_type(CaseCloseReason, "close_reason"))
    close_explanation: Mapped[str | None] = mapped_column(Text)
    municipality_code: Mapped[str | None] = mapped_column(String(CBS_CODE_LENGTH), index=True)
    school_id: Mapped[str | None] = mapped_column(ForeignKey("schools.id"), index=True)
    needs_investigation: Mapped[bool] = mapped_column(Boolean, default=False)
    summary: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        period_check("opened_on", "closed_on"),
        Index("ix_cases_status_assigned_user", "status", "assigned_user_id"),
        Index("ix_cases_kind_opened_on", "kind", "opened_on"),
        Index("ix_cases_opened_on", "opened_on"),
    )

    _check_period = validates_period("opened_on", "closed_on", "De sluitdatum")


@entity(
    label="Journaalregel", plural="Journaal", interchange="journal_entry", scope=ScopeClass.CASE_CHILD,
    writers=frozenset({CONSULTANT, ADMINISTRATOR, TEAM_LEAD}), inzage=(6, "occurred_at"), append_only=True,
    fields={
        "text": "Tekst", "contact_with": "Contact met", "author_user_id": "Auteur", "occurred_at": "Tijdstip",
        "created_at": "Vastgelegd op",
    },
)
class JournalEntry(SyncedMixin, Base):
    """An append-only journal line of a case: notes, contacts, conversations, changes; who and when."""

    __tablename__ = "journal_entries"

    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"))
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    kind: Mapped[JournalKind] = mapped_column(enum_type(JournalKind, "kind"))
    text: Mapped[str] = mapped_column(Text)
    contact_with: Mapped[str | None] = mapped_column(String(160))
    author_user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    __table_args__ = (Index("ix_journal_entries_case_occurred", "case_id", "occurred_at"),)

    # Sync bookkeeping (version, updated_at, deleted) may change; the content never does.
    PROTECTED_FIELDS = ("case_id", "person_id", "kind", "text", "contact_with", "author_user_id", "occurred_at")


@entity(
    label="Afspraak", plural="Afspraken en termijnen", interchange="appointment", scope=ScopeClass.CASE_CHILD,
    writers=frozenset({CONSULTANT, ADMINISTRATOR}), inzage=(7, "starts_at"),
    fields={
        "is_deadline": "Termijn", "starts_at": "Begint om", "ends_at": "Eindigt om", "location": "Plaats",
        "purpose": "Doel", "attendees": "Aanwezigen", "done": "Afgehandeld", "done_at": "Afgehandeld op",
    },
)
class Appointment(SyncedMixin, Base):
    """An appointment or a deadline (agreement, decision term, renewal) for a case or person."""

    __tablename__ = "appointments"

    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"), index=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[AppointmentKind] = mapped_column(
        enum_type(AppointmentKind, "kind"), default=AppointmentKind.APPOINTMENT
    )
    is_deadline: Mapped[bool] = mapped_column(Boolean, default=False)
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    ends_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    location: Mapped[str | None] = mapped_column(String(160))
    purpose: Mapped[str | None] = mapped_column(Text)
    attendees: Mapped[str | None] = mapped_column(String(200))
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        period_check("starts_at", "ends_at"),
        Index("ix_appointments_user_starts", "user_id", "starts_at"),
        Index("ix_appointments_done_starts", "done", "starts_at"),
    )

    _check_period = validates_period("starts_at", "ends_at", "Het eindtijdstip")


@entity(
    label="Interventie", plural="Interventies", interchange="intervention", scope=ScopeClass.CASE_CHILD,
    writers=frozenset({CONSULTANT, ADMINISTRATOR}), inzage=(8, "date"),
    wpg_kinds=frozenset({OFFICIAL_REPORT}),
    retention_fields=frozenset({"kind", "date"}),
    fields={
        "date": "Datum", "referred_to": "Verwezen naar", "suspect": "Verdachte", "consent_pupil": "Instemming jongere",
        "consent_parents": "Instemming ouders", "report_number": "Nummer proces-verbaal",
        "outcome_on": "Resultaat op", "om_outcome": "Afdoening OM", "om_outcome_on": "Afdoening OM op",
        "copy_to_child_protection": "Afschrift aan de Raad",
    },
)
class Intervention(SyncedMixin, Base):
    """A step in a case: warning, help referral, Halt, proces-verbaal, Raad voor de Kinderbescherming, SVB."""

    __tablename__ = "interventions"

    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    kind: Mapped[InterventionKind] = mapped_column(enum_type(InterventionKind, "kind"))
    date: Mapped[dt.date] = mapped_column(Date)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    referred_to: Mapped[str | None] = mapped_column(String(160))  # help organisation, Halt office
    suspect: Mapped[ReportSuspect | None] = mapped_column(enum_type(ReportSuspect, "suspect"))
    hours_absent: Mapped[float | None] = mapped_column(Numeric(6, 1, asdecimal=False))
    times_late: Mapped[int | None] = mapped_column(Integer)
    consent_pupil: Mapped[bool | None] = mapped_column(Boolean)  # Halt: consent of the jongere
    consent_parents: Mapped[bool | None] = mapped_column(Boolean)  # Halt: parents' consent under 16
    report_number: Mapped[str | None] = mapped_column(String(40))  # PV number
    outcome: Mapped[InterventionOutcome | None] = mapped_column(enum_type(InterventionOutcome, "outcome"))
    outcome_on: Mapped[dt.date | None] = mapped_column(Date)
    om_outcome: Mapped[OmOutcome | None] = mapped_column(enum_type(OmOutcome, "om_outcome"))
    om_outcome_on: Mapped[dt.date | None] = mapped_column(Date)
    copy_to_child_protection: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        period_check("date", "outcome_on", "outcome_after_date"),
        period_check("date", "om_outcome_on", "om_outcome_after_date"),
        Index("ix_interventions_kind_date", "kind", "date"),
    )

    @validates("date", "outcome_on", "om_outcome_on")
    def _validate_dates(self, key: str, value: Any) -> Any:
        start = value if key == "date" else self.date
        for other_key in ("outcome_on", "om_outcome_on"):
            end = value if key == other_key else getattr(self, other_key)
            if start is not None and end is not None and end < start:
                raise DomainError("De datum van de uitkomst mag niet vóór de datum van de interventie liggen.")
        return value


# -- the values of a new case, journal line and melding: one definition for the domain commands
#    (open_case, add_journal_entry, register_absence_report) and for imports that write them in bulk.

def case_values(
    *,
    person_id: str,
    kind: CaseKind | str,
    opened_on: dt.date,
    case_number: str,
    municipality_code: str | None,
    school_id: str | None = None,
    assigned_user_id: str | None = None,
    needs_investigation: bool = False,
    summary: str | None = None,
) -> dict[str, Any]:
    """Every field of a newly opened case: open, in the MAS phase 'waarnemen', on no route yet."""
    return {
        "case_number": case_number,
        "person_id": person_id,
        "kind": CaseKind(kind),
        "status": CaseStatus.OPEN,
        "phase": CasePhase.OBSERVE,
        "route": None,
        "route_motivation": None,
        "assigned_user_id": assigned_user_id,
        "opened_on": opened_on,
        "closed_on": None,
        "close_reason": None,
        "close_explanation": None,
        "municipality_code": municipality_code,
        "school_id": school_id,
        "needs_investigation": needs_investigation,
        "summary": summary or None,
    }


def journal_values(
    case_id: str | None,
    person_id: str,
    kind: JournalKind | str,
    text: str,
    occurred_at: dt.datetime,
    *,
    contact_with: str | None = None,
    author_user_id: str | None = None,
) -> dict[str, Any]:
    """Every field of a new journal line; a line without text is refused."""
    if not text.strip():
        raise DomainError("Een journaalregel heeft tekst nodig.")
    return {
        "case_id": case_id,
        "person_id": person_id,
        "kind": JournalKind(kind),
        "text": text.strip(),
        "contact_with": contact_with or None,
        "author_user_id": author_user_id,
        "occurred_at": occurred_at,
    }


_REPORT_FIELDS = tuple(
    c.name for c in AbsenceReport.__table__.columns if c.name not in ("id", "version", "updated_at", "deleted")
)


def absence_report_values(
    *, person_id: str, kind: AbsenceKind | str, received_on: dt.date, source: ReportSource, **details: Any
) -> dict[str, Any]:
    """Every field of a new verzuimmelding: what is not given is empty (the DUO feedback fields too)."""
    unknown = set(details) - set(_REPORT_FIELDS)
    if unknown:
        raise KeyError(f"absence_reports: {sorted(unknown)}")
    values: dict[str, Any] = dict.fromkeys(_REPORT_FIELDS)
    values.update(details)
    values.update(person_id=person_id, kind=AbsenceKind(kind), received_on=received_on, source=source)
    return values


@event.listens_for(Session, "before_flush")
def _guard_before_flush(session: Session, _context: Any, _instances: Any) -> None:
    """Journal entries are append-only; a person needs a BSN or an onderwijsnummer."""
    for obj in session.deleted:
        if isinstance(obj, JournalEntry):
            raise DomainError("Een journaalregel kan niet worden verwijderd.")
    for obj in session.dirty:
        if isinstance(obj, JournalEntry):
            state = sa.inspect(obj)
            for field in JournalEntry.PROTECTED_FIELDS:
                if state.attrs[field].history.has_changes():
                    raise DomainError("Een journaalregel kan niet worden gewijzigd; voeg een nieuwe regel toe.")
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Person):
            obj.check_identifier()

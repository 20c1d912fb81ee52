"""What the person file and the case window show: a person's details, duty dates and timeline; a case
with its journal, appointments, interventions and meldingen. Showing a BSN or opening a file is logged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import (
    AbsenceReport,
    Appointment,
    Case,
    DocumentRecord,
    Enrollment,
    Exemption,
    Guardian,
    HomeSitterEpisode,
    Intervention,
    JournalEntry,
    LeaveRequest,
    Municipality,
    Person,
    School,
    User,
    law,
)
from desktop.models.enums import InterventionKind
from desktop.models.errors import DomainError
from desktop.models.school_calendar import school_calendar


@dataclass(frozen=True)
class TimelineEvent:
    when: dt.datetime
    kind: str  # melding, journaal, brief, interventie, afspraak, zaak, vrijstelling, verlof
    title: str
    detail: str
    case_id: str | None = None


@dataclass
class PersonFile:
    person: Person
    municipality_name: str
    duty_label: str
    duty_dates: list[tuple[str, dt.date | None]]
    guardians: list[Guardian]
    enrollments: list[tuple[Enrollment, str]]
    cases: list[Case]
    exemptions: list[Exemption]
    leave_requests: list[LeaveRequest]
    home_sitter_episodes: list[HomeSitterEpisode]
    timeline: list[TimelineEvent]


def _as_datetime(value: dt.date | dt.datetime | None) -> dt.datetime:
    if value is None:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return dt.datetime.combine(value, dt.time.min, tzinfo=dt.UTC)


def _records_of(session: Session, owner: Any, owner_id: str, *order: Any) -> list[Any]:
    """The records, not deleted, whose ``owner`` column (a person's or a case's id) holds ``owner_id``."""
    model = owner.class_
    query = select(model).where(owner == owner_id, model.deleted.is_(False))
    return list(session.scalars(query.order_by(*order) if order else query))


def load_person_file(session: Session, person_id: str, today: dt.date | None = None) -> PersonFile:
    """Everything the person file window shows, in a handful of indexed queries."""
    today = today or dt.date.today()
    person = session.get(Person, person_id)
    if person is None or person.deleted:
        raise DomainError("Deze leerling bestaat niet (meer).")
    municipality_name = ""
    if person.municipality_code:
        municipality_name = (
            session.scalar(select(Municipality.name).where(Municipality.cbs_code == person.municipality_code)) or ""
        )
    # Leerplicht starts on the first school day of the month after the 5th birthday (Lpw art. 3 lid 1).
    calendar = school_calendar(session)
    status = law.duty_status(person.birth_date, today, person.qualified_on, holidays=calendar)
    qualification = law.qualification_duty(person.birth_date, person.qualified_on)
    duty_dates: list[tuple[str, dt.date | None]] = [
        ("Leerplichtig vanaf", law.compulsory_start(person.birth_date, calendar)),
        ("Volledige leerplicht tot en met", law.compulsory_end(person.birth_date)),
        ("Kwalificatieplicht tot en met", qualification.end if qualification else None),
        ("18 jaar op", law.eighteenth_birthday(person.birth_date)),
    ]
    if person.qualified_on:
        duty_dates.append(("Startkwalificatie behaald op", person.qualified_on))

    guardians = _records_of(session, Guardian.person_id, person_id, Guardian.last_name)
    enrollments = [
        (row[0], row[1])
        for row in session.execute(
            select(Enrollment, School.name)
            .join(School, School.id == Enrollment.school_id)
            .where(Enrollment.person_id == person_id, Enrollment.deleted.is_(False))
            .order_by(Enrollment.start_date.desc())
        )
    ]
    cases = _records_of(session, Case.person_id, person_id, Case.opened_on.desc())
    exemptions = _records_of(session, Exemption.person_id, person_id, Exemption.received_on.desc())
    leave_requests = _records_of(session, LeaveRequest.person_id, person_id, LeaveRequest.start_date.desc())
    episodes = _records_of(session, HomeSitterEpisode.person_id, person_id, HomeSitterEpisode.start_date.desc())
    case_numbers = {case.id: case.case_number for case in cases}
    timeline: list[TimelineEvent] = []
    for case in cases:
        timeline.append(
            TimelineEvent(
                _as_datetime(case.opened_on), "zaak", f"Zaak {case.case_number} geopend", case.kind.label, case.id
            )
        )
        if case.closed_on:
            reason = case.close_reason.label if case.close_reason else ""
            timeline.append(
                TimelineEvent(
                    _as_datetime(case.closed_on), "zaak", f"Zaak {case.case_number} gesloten", reason, case.id
                )
            )
    for report in _records_of(session, AbsenceReport.person_id, person_id):
        detail = report.kind.label
        if report.hours_absent:
            detail += f", {report.hours_absent:g} uur afwezig".replace(".", ",")
        timeline.append(
            TimelineEvent(_as_datetime(report.received_on), "melding", "Verzuimmelding", detail, report.case_id)
        )
    for entry in _records_of(session, JournalEntry.person_id, person_id):
        prefix = f"Zaak {case_numbers[entry.case_id]}: " if entry.case_id in case_numbers else ""
        timeline.append(
            TimelineEvent(
                _as_datetime(entry.occurred_at), "journaal", prefix + entry.kind.label, entry.text, entry.case_id
            )
        )
    for intervention in _records_of(session, Intervention.person_id, person_id):
        outcome = intervention.outcome.label if intervention.outcome else ""
        timeline.append(
            TimelineEvent(
                _as_datetime(intervention.date), "interventie", intervention.kind.label, outcome, intervention.case_id
            )
        )
    for appointment in _records_of(session, Appointment.person_id, person_id):
        timeline.append(
            TimelineEvent(
                _as_datetime(appointment.starts_at),
                "afspraak",
                appointment.kind.label,
                appointment.purpose or appointment.location or "",
                appointment.case_id,
            )
        )
    for document in _records_of(session, DocumentRecord.person_id, person_id):
        timeline.append(
            TimelineEvent(
                _as_datetime(document.generated_at),
                "brief",
                document.kind.replace("_", " ").capitalize(),
                document.addressee or "",
                document.case_id,
            )
        )
    for exemption in exemptions:
        decision = exemption.decision.label if exemption.decision else "nog niet beslist"
        timeline.append(
            TimelineEvent(
                _as_datetime(exemption.received_on),
                "vrijstelling",
                "Vrijstelling aangevraagd",
                f"{exemption.article.label} – {decision}",
                exemption.case_id,
            )
        )
    for leave in leave_requests:
        decision = leave.decision.label if leave.decision else "nog niet beslist"
        timeline.append(
            TimelineEvent(
                _as_datetime(leave.received_on or leave.start_date),
                "verlof",
                "Verlofaanvraag",
                f"{leave.kind.label}, {leave.days} dagen – {decision}",
                leave.case_id,
            )
        )
    timeline.sort(key=lambda event: event.when, reverse=True)
    return PersonFile(
        person=person,
        municipality_name=municipality_name,
        duty_label=status.label,
        duty_dates=duty_dates,
        guardians=guardians,
        enrollments=enrollments,
        cases=cases,
        exemptions=exemptions,
        leave_requests=leave_requests,
        home_sitter_episodes=episodes,
        timeline=timeline,
    )


def reveal_bsn(session: Session, person_id: str) -> str | None:
    """The BSN of a person, for the one moment the user asked to see it; the showing goes into the
    access log (by person id, never the number) in the same transaction."""
    from desktop.models.audit import AuditAction, record

    bsn = session.scalar(select(Person.bsn).where(Person.id == person_id))
    record(session, AuditAction.REVEAL_BSN, "person", person_id)
    return bsn


def record_person_view(session: Session, person_id: str) -> None:
    """One access-log entry for opening a person's file (NEN 7513: every view of a child's file)."""
    from desktop.models.audit import AuditAction, record

    record(session, AuditAction.VIEW_PERSON, "person", person_id)


@dataclass
class CaseDetail:
    case: Case
    person: Person
    consultant_name: str
    journal: list[JournalEntry]
    appointments: list[Appointment]
    interventions: list[Intervention]
    reports: list[AbsenceReport]
    earlier_halt_for_absence: bool


def load_case(session: Session, case_id: str) -> CaseDetail:
    case = session.get(Case, case_id)
    if case is None or case.deleted:
        raise DomainError("Deze zaak bestaat niet (meer).")
    person = session.get_one(Person, case.person_id)
    consultant = session.get(User, case.assigned_user_id) if case.assigned_user_id else None
    journal = _records_of(
        session, JournalEntry.case_id, case_id, JournalEntry.occurred_at.desc(), JournalEntry.created_at.desc()
    )
    appointments = _records_of(session, Appointment.case_id, case_id, Appointment.starts_at.desc())
    interventions = _records_of(session, Intervention.case_id, case_id, Intervention.date.desc())
    reports = _records_of(session, AbsenceReport.case_id, case_id, AbsenceReport.received_on.desc())
    earlier_halt = bool(
        session.scalar(
            select(func.count(Intervention.id)).where(
                Intervention.person_id == case.person_id,
                Intervention.kind == InterventionKind.HALT,
                Intervention.deleted.is_(False),
            )
        )
    )
    return CaseDetail(
        case,
        person,
        consultant.display_name if consultant else "",
        journal,
        appointments,
        interventions,
        reports,
        earlier_halt,
    )

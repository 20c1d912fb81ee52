"""The werkvoorraad: new meldingen to assess, today's appointments, deadlines, and the rules-of-law
signals of ``desktop.models.signals``, each as a WorkItem that names the record it opens (a RecordRef).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import AbsenceReport, Appointment, Exemption, Person
from desktop.models.enums import AbsenceKind, AppointmentKind, ExemptionArticle
from desktop.models.exemptions import EXEMPTING_OUTCOMES
from desktop.models.law import medical_statement_valid, school_year
from desktop.models.record_ref import RecordRef
from desktop.models.search import PERSON_NAME
from desktop.models.signals import compute_signals, format_hours

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkItem:
    """One signal on the werkvoorraad and the record it opens."""

    category: str  # Dutch group title
    title: str
    detail: str
    due: dt.date | None
    person_id: str | None
    case_id: str | None = None
    record: RecordRef | None = None  # what opening the item shows; None: nothing to open


def worklist(session: Session, today: dt.date | None = None) -> list[WorkItem]:
    """The werkvoorraad: new meldingen, today's appointments and deadlines, plus the rules-of-law signals
    (``desktop.models.signals``); when those cannot be computed, simple exemption checks stand in for them."""
    today = today or dt.date.today()
    items = basic_worklist(session, today, include_exemptions=False)
    try:
        items.extend(_work_item_from_signal(signal) for signal in compute_signals(session, today))
    except Exception:
        log.exception("Signalen konden niet worden berekend; alleen de eenvoudige werkvoorraad wordt getoond")
        return basic_worklist(session, today, include_exemptions=True)
    return items


def _work_item_from_signal(signal: Any) -> WorkItem:
    record_type = str(getattr(signal, "record_type", "person"))
    record_id = getattr(signal, "record_id", None)
    kind = getattr(signal, "kind", None)
    # A signal names its record by the interchange name ('case', 'exemption'); the item by its table.
    if record_id:
        record: RecordRef | None = RecordRef.of_kind(record_type, record_id, signal.person_id)
    else:
        record = RecordRef("persons", signal.person_id, signal.person_id) if signal.person_id else None
    return WorkItem(
        category=str(getattr(kind, "label", kind) or "Signaal"),
        title=str(signal.title),
        detail=str(signal.detail),
        due=signal.due,
        person_id=signal.person_id,
        case_id=record_id if record_type == "case" else None,
        record=record,
    )


def _open_appointments(session: Session, name: Any, *conditions: Any, limit: int | None = None) -> Any:
    """Appointments and deadlines not done yet that meet ``conditions``, with their person's name, in order."""
    query = (
        select(
            Appointment.id,
            Appointment.person_id,
            Appointment.case_id,
            Appointment.starts_at,
            Appointment.location,
            Appointment.purpose,
            Appointment.kind,
            name,
        )
        .outerjoin(Person, Person.id == Appointment.person_id)
        .where(*conditions, Appointment.done.is_(False), Appointment.deleted.is_(False))
        .order_by(Appointment.starts_at)
    )
    return session.execute(query if limit is None else query.limit(limit))


def _appointment_item(category: str, title: str, detail: str, due: dt.date, row: Any) -> WorkItem:
    """A work item about an appointment: it opens the appointment's case, or its person without one."""
    if row.case_id:
        record: RecordRef | None = RecordRef("cases", row.case_id, row.person_id)
    else:
        record = RecordRef("persons", row.person_id, row.person_id) if row.person_id else None
    return WorkItem(category, title, detail, due, row.person_id, row.case_id, record)


def basic_worklist(session: Session, today: dt.date, include_exemptions: bool = True) -> list[WorkItem]:
    items: list[WorkItem] = []
    name = PERSON_NAME.label("name")
    # New meldingen to assess: not yet linked to a case and no status back to DUO.
    # They carry no legal deadline: the detail says when each came in instead.
    for row in session.execute(
        select(
            AbsenceReport.id,
            AbsenceReport.person_id,
            AbsenceReport.kind,
            AbsenceReport.received_on,
            AbsenceReport.hours_absent,
            name,
        )
        .join(Person, Person.id == AbsenceReport.person_id)
        .where(AbsenceReport.case_id.is_(None), AbsenceReport.duo_status.is_(None), AbsenceReport.deleted.is_(False))
        .order_by(AbsenceReport.received_on)
        .limit(500)
    ):
        hours = "" if row.hours_absent is None else f", {format_hours(row.hours_absent)} uur"
        items.append(
            WorkItem(
                "Nieuwe meldingen beoordelen",
                row.name,
                f"{AbsenceKind(row.kind).label}{hours}; ontvangen {row.received_on:%d-%m-%Y}",
                None,
                row.person_id,
                None,
                RecordRef("absence_reports", row.id, row.person_id),
            )
        )
    # Appointments today.
    start = dt.datetime.combine(today, dt.time.min, tzinfo=dt.UTC)
    end = start + dt.timedelta(days=1)
    for row in _open_appointments(
        session, name, Appointment.starts_at >= start, Appointment.starts_at < end, Appointment.is_deadline.is_(False)
    ):
        when = row.starts_at.strftime("%H:%M")
        items.append(
            _appointment_item(
                "Afspraken vandaag",
                f"{when} {row.name or ''}".strip(),
                row.purpose or row.location or AppointmentKind(row.kind).label,
                today,
                row,
            )
        )
    # Deadlines within two weeks (decision terms, agreements).
    horizon = dt.datetime.combine(today + dt.timedelta(days=14), dt.time.max, tzinfo=dt.UTC)
    for row in _open_appointments(
        session, name, Appointment.is_deadline.is_(True), Appointment.starts_at <= horizon, limit=500
    ):
        items.append(
            _appointment_item(
                "Termijnen",
                row.name or AppointmentKind(row.kind).label,
                row.purpose or AppointmentKind(row.kind).label,
                row.starts_at.date(),
                row,
            )
        )
    if not include_exemptions:
        return items
    # Exemptions to renew before 1 July (art. 6): granted, yearly, ending this schooljaar, not renewed.
    renewed = sa.orm.aliased(Exemption)
    year_end = school_year(today).end
    for row in session.execute(
        select(Exemption.id, Exemption.person_id, Exemption.article, Exemption.valid_until, name)
        .join(Person, Person.id == Exemption.person_id)
        .where(
            Exemption.decision.in_(EXEMPTING_OUTCOMES),
            Exemption.article.in_([ExemptionArticle.ART_5A, ExemptionArticle.ART_5B, ExemptionArticle.ART_5C]),
            Exemption.valid_until.is_not(None),
            Exemption.valid_until >= today,
            Exemption.valid_until <= year_end,
            Exemption.deleted.is_(False),
            ~sa.exists().where(renewed.renewal_of_id == Exemption.id),
        )
        .order_by(Exemption.valid_until)
        .limit(500)
    ):
        items.append(
            WorkItem(
                "Vrijstellingen verlengen",
                row.name,
                f"{ExemptionArticle(row.article).label}; vóór 1 juli",
                dt.date(year_end.year, 7, 1),
                row.person_id,
                None,
                RecordRef("exemptions", row.id, row.person_id),
            )
        )
    # Undecided requests for 5 onder a whose statement is older than three months.
    for row in session.execute(
        select(Exemption.id, Exemption.person_id, Exemption.statement_date, Exemption.received_on, name)
        .join(Person, Person.id == Exemption.person_id)
        .where(
            Exemption.article == ExemptionArticle.ART_5A,
            Exemption.decision.is_(None),
            Exemption.statement_date.is_not(None),
            Exemption.deleted.is_(False),
        )
    ):
        if not medical_statement_valid(row.statement_date, row.received_on):
            items.append(
                WorkItem(
                    "Verklaringen te oud",
                    row.name,
                    "De verklaring is ouder dan drie maanden (art. 7)",
                    row.received_on,
                    row.person_id,
                    None,
                    RecordRef("exemptions", row.id, row.person_id),
                )
            )
    return items

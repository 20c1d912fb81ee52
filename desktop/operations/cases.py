"""Operations on a zaak: reading it for the case window, and what a consultant does with it (MAS phase, route,
journal, appointments, interventions, closing, opening a new case)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject

from desktop.models import case_commands
from desktop.models.cases import Case
from desktop.models.enums import (
    AppointmentKind,
    CaseCloseReason,
    CaseKind,
    CasePhase,
    CaseRoute,
    DuoCloseReason,
    InterventionKind,
    JournalKind,
)
from desktop.models.person_file import CaseDetail, load_case
from desktop.operations.context import AppContext
from desktop.operations.op import CollectionOp, QueryOp


def detail(ctx: AppContext, case_id: str, *, parent: QObject | None = None) -> QueryOp[CaseDetail]:
    """The case with its person, journal, appointments, interventions and meldingen."""
    return QueryOp(ctx, lambda session: load_case(session, case_id), parent=parent)


def set_phase(
    ctx: AppContext, case_id: str, phase: CasePhase | str, *, parent: QObject | None = None
) -> CollectionOp[None]:
    """To another MAS phase; the journal records the step."""
    return CollectionOp(
        ctx, lambda session: _none(case_commands.set_case_phase(session, case_id, phase)), parent=parent
    )


def set_route(
    ctx: AppContext, case_id: str, route: CaseRoute | str, motivation: str, *, parent: QObject | None = None
) -> CollectionOp[None]:
    """Choose the route; another than the usual one needs a motivation ('pas toe of leg uit')."""
    return CollectionOp(
        ctx, lambda session: _none(case_commands.set_case_route(session, case_id, route, motivation)), parent=parent
    )


def add_journal_entry(
    ctx: AppContext,
    case_id: str,
    person_id: str,
    kind: JournalKind | str,
    text: str,
    contact_with: str = "",
    *,
    parent: QObject | None = None,
) -> CollectionOp[None]:
    return CollectionOp(
        ctx,
        lambda session: _none(
            case_commands.add_journal_entry(session, case_id, person_id, kind, text, contact_with=contact_with)
        ),
        parent=parent,
    )


def add_appointment(
    ctx: AppContext,
    case_id: str,
    starts_at: dt.datetime,
    kind: AppointmentKind | str,
    location: str = "",
    purpose: str = "",
    is_deadline: bool = False,
    *,
    parent: QObject | None = None,
) -> CollectionOp[None]:
    def write(session) -> None:
        case = session.get(Case, case_id)
        case_commands.add_appointment(session, case, starts_at, kind, location, purpose, is_deadline)

    return CollectionOp(ctx, write, parent=parent)


def add_intervention(
    ctx: AppContext,
    case_id: str,
    kind: InterventionKind | str,
    on: dt.date,
    values: dict[str, Any],
    *,
    parent: QObject | None = None,
) -> CollectionOp[None]:
    """Record an intervention; a Halt referral or proces-verbaal is checked against its rules first."""

    def write(session) -> None:
        case = session.get(Case, case_id)
        case_commands.add_intervention(session, case, kind, on, **values)

    return CollectionOp(ctx, write, parent=parent)


def close(
    ctx: AppContext,
    case_id: str,
    reason: CaseCloseReason | str,
    closed_on: dt.date,
    duo_reason: DuoCloseReason | str | None,
    explanation: str,
    *,
    parent: QObject | None = None,
) -> CollectionOp[None]:
    """Close the case; its meldingen are closed for DUO with the reason given."""
    return CollectionOp(
        ctx,
        lambda session: _none(case_commands.close_case(session, case_id, reason, closed_on, duo_reason, explanation)),
        parent=parent,
    )


def open_case(
    ctx: AppContext,
    person_id: str,
    kind: CaseKind | str,
    opened_on: dt.date,
    *,
    assigned_user_id: str | None = None,
    needs_investigation: bool = False,
    summary: str = "",
    parent: QObject | None = None,
) -> CollectionOp[str]:
    """A new case (with its number and a journal line); the result is its id."""

    def write(session) -> str:
        case = case_commands.open_case(
            session,
            person_id,
            kind,
            opened_on,
            assigned_user_id=assigned_user_id,
            needs_investigation=needs_investigation,
            summary=summary,
        )
        return case.id

    return CollectionOp(ctx, write, parent=parent)


def _none(_value: object) -> None:
    """Domain commands return the changed row; the windows read it again through the change signal."""
    return None

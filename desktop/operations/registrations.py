"""Registering what arrives at the office: a verzuimmelding, a request for a vrijstelling or extra verlof, a
thuiszitter, a Doorstroompunt trajectory. Each write's result is the new record's id."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject

from desktop.models import case_commands
from desktop.models.enums import AbsenceKind, ExemptionArticle, VsvKind
from desktop.models.exemptions import assess_leave
from desktop.models.law import LeaveAssessment, SchoolCalendar, assess_leave_request
from desktop.models.school_calendar import school_calendar
from desktop.models.search import school_choices
from desktop.operations.context import AppContext
from desktop.operations.op import CollectionOp


def register_absence_report(
    ctx: AppContext,
    person_id: str,
    kind: AbsenceKind | str,
    received_on: dt.date,
    *,
    parent: QObject | None = None,
    **fields: Any,
) -> CollectionOp[str]:
    def write(session) -> str:
        report = case_commands.register_absence_report(session, person_id, kind, received_on, **fields)
        session.flush()
        return report.id

    return CollectionOp(ctx, write, parent=parent)


def register_exemption(
    ctx: AppContext,
    person_id: str,
    article: ExemptionArticle | str,
    received_on: dt.date,
    *,
    parent: QObject | None = None,
    **fields: Any,
) -> CollectionOp[str]:
    def write(session) -> str:
        exemption = case_commands.register_exemption(session, person_id, article, received_on, **fields)
        session.flush()
        return exemption.id

    return CollectionOp(ctx, write, parent=parent)


def register_leave_request(
    ctx: AppContext, person_id: str, *, parent: QObject | None = None, **fields: Any
) -> CollectionOp[str]:
    def write(session) -> str:
        leave = case_commands.register_leave_request(session, person_id, **fields)
        session.flush()
        return leave.id

    return CollectionOp(ctx, write, parent=parent)


def register_home_sitter(
    ctx: AppContext, person_id: str, start_date: dt.date, reason: str = "", *, parent: QObject | None = None
) -> CollectionOp[str]:
    def write(session) -> str:
        episode = case_commands.register_home_sitter(session, person_id, start_date, reason)
        session.flush()
        return episode.id

    return CollectionOp(ctx, write, parent=parent)


def register_dropout_trajectory(
    ctx: AppContext,
    person_id: str,
    vsv_kind: VsvKind | str,
    start_date: dt.date,
    coach_user_id: str | None = None,
    *,
    parent: QObject | None = None,
) -> CollectionOp[str]:
    def write(session) -> str:
        trajectory = case_commands.register_dropout_trajectory(session, person_id, vsv_kind, start_date, coach_user_id)
        session.flush()
        return trajectory.id

    return CollectionOp(ctx, write, parent=parent)


def school_calendar_now(ctx: AppContext) -> SchoolCalendar:
    """The region's school calendar. Synchronous: the leave form counts school days with it as the user types."""
    return ctx.read(school_calendar)


def leave_assessment_now(
    ctx: AppContext,
    person_id: str | None,
    kind: str,
    start: dt.date,
    end: dt.date,
    *,
    calendar: SchoolCalendar,
    days: int | None = None,
    received_on: dt.date | None = None,
    employer_statement: bool = False,
) -> LeaveAssessment:
    """What the law says about a request for extra verlof (school days, who decides, why not), with the leave
    already granted to the person this schooljaar. Synchronous: the leave form shows it as the user types."""
    if person_id is None:
        return assess_leave_request(
            kind, start, end, calendar, days=days, received_on=received_on, employer_statement=employer_statement
        )
    return ctx.read(
        lambda session: assess_leave(
            session, person_id, kind, start, end, days=days, received_on=received_on,
            employer_statement=employer_statement, calendar=calendar,
        )
    )


def schools_now(ctx: AppContext) -> list[tuple[str, str]]:
    """Every school as (id, name), for a form's school field. Synchronous: the form is built with it."""
    return ctx.read(school_choices)

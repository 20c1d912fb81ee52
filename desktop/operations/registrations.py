"""Registering what arrives at the office: a verzuimmelding, a request for a vrijstelling or extra verlof, a
thuiszitter, a Doorstroompunt trajectory. Each write's result is the new record's id."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from desktop.models import case_commands
from desktop.models import exemptions as exemption_commands
from desktop.models.enums import AbsenceKind, ExemptionArticle, VsvKind
from desktop.models.errors import DomainError
from desktop.models.exemptions import assess_leave, exemption_facts, leave_signing_refusal
from desktop.models.law import (
    LeaveAssessment,
    SchoolCalendar,
    SchoolYear,
    assess_leave_request,
    exemption_ineligible,
    exemption_requirements_unmet,
)
from desktop.models.registry import Person
from desktop.models.school_calendar import school_calendar
from desktop.models.search import school_choices
from desktop.models.session_user import current_user
from desktop.operations.context import AppContext
from desktop.operations.op import CollectionOp, QueryOp


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
        exemption = exemption_commands.register_exemption(session, person_id, article, received_on, **fields)
        session.flush()
        return exemption.id

    return CollectionOp(ctx, write, parent=parent)


def register_leave_request(
    ctx: AppContext, person_id: str, *, parent: QObject | None = None, **fields: Any
) -> CollectionOp[str]:
    def write(session) -> str:
        user = current_user(session)
        leave = exemption_commands.register_leave_request(
            session, person_id, user_id=user.user_id if user else None, **fields
        )
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


@dataclass(frozen=True)
class LeaveCheck:
    """The law on a leave request as the form holds it, and whether the signed-in user may record the
    leerplichtambtenaar's decision on it (None: allowed)."""

    assessment: LeaveAssessment
    signing_refusal: str | None


def leave_check(
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
    parent: QObject | None = None,
) -> QueryOp[LeaveCheck]:
    """What the law says about a request for extra verlof (school days, who decides, why not), with the leave
    already granted to the person this schooljaar, and the signed-in user's authority for a decision over 10
    school days (Lpw art. 14 lid 3, 16)."""

    def read(session) -> LeaveCheck:
        if person_id is None:
            assessment = assess_leave_request(
                kind, start, end, calendar, days=days, received_on=received_on, employer_statement=employer_statement
            )
        else:
            assessment = assess_leave(
                session, person_id, kind, start, end, days=days, received_on=received_on,
                employer_statement=employer_statement, calendar=calendar,
            )
        user = current_user(session)
        return LeaveCheck(assessment, leave_signing_refusal(session, True, user.user_id if user else None))

    return QueryOp(ctx, read, parent=parent)


def school_calendar_query(ctx: AppContext, *, parent: QObject | None = None) -> QueryOp[SchoolCalendar]:
    """The region's school calendar (the leave form counts school days with it as the user types)."""
    return QueryOp(ctx, school_calendar, parent=parent)


@dataclass(frozen=True)
class ExemptionCheck:
    """The law on a kennisgeving or request as the registration form holds it."""

    #: Why this person cannot have this exemption at all (registration refused), or None.
    ineligible: str | None
    #: What the law requires and the form does not show yet (registration allowed; no confirming or granting).
    unmet: tuple[str, ...]


def exemption_check(
    ctx: AppContext,
    person_id: str,
    article: ExemptionArticle | str,
    received_on: dt.date,
    school_year_label: str,
    fields: dict[str, Any],
    *,
    parent: QObject | None = None,
) -> QueryOp[ExemptionCheck]:
    """Whether the person can have this exemption (enrolment, age, duty) and what is still missing."""

    def read(session) -> ExemptionCheck:
        person = session.get(Person, person_id)
        if person is None:
            raise DomainError("Kies eerst een leerling.")
        try:
            for_year = SchoolYear.parse(school_year_label)
        except ValueError:
            raise DomainError(f"'{school_year_label}' is geen schooljaar; schrijf het als 2026-2027.") from None
        facts = exemption_facts(session, person, article, received_on, for_year, fields)
        return ExemptionCheck(exemption_ineligible(facts), exemption_requirements_unmet(facts))

    return QueryOp(ctx, read, parent=parent)


def schools_now(ctx: AppContext) -> list[tuple[str, str]]:
    """Every school as (id, name), for a form's school field. Synchronous: the form is built with it."""
    return ctx.read(school_choices)

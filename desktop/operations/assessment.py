"""Assessing a new melding ('Nieuwe melding beoordelen'): reading it with the pupil's earlier meldingen, and
saving the consultant's MAS choice."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject

from desktop.models.assessment import AssessmentChoice, ReportForAssessment, assess_report, load_report_for_assessment
from desktop.models.registry import User
from desktop.models.session_user import current_user
from desktop.operations.context import AppContext
from desktop.operations.op import CollectionOp, QueryOp


def report(ctx: AppContext, report_id: str, *, parent: QObject | None = None) -> QueryOp[ReportForAssessment]:
    """The melding and what the dialog shows beside it."""
    return QueryOp(ctx, lambda session: load_report_for_assessment(session, report_id), parent=parent)


def assess(
    ctx: AppContext,
    report_id: str,
    choice: AssessmentChoice,
    on: dt.date,
    *,
    parent: QObject | None = None,
    **details: Any,
) -> CollectionOp[str | None]:
    """Save the assessment; the result is the id of the case the melding now belongs to (None without one).
    The signed-in user becomes the consultant of a case it opens."""

    def write(session) -> str | None:
        report = assess_report(session, report_id, choice, on, user_id=_current_user_id(session), **details)
        session.flush()
        return report.case_id

    return CollectionOp(ctx, write, parent=parent)


def _current_user_id(session) -> str | None:
    user = current_user(session)
    # Only a known users record can be the case's consultant (the id may be missing before a first sync).
    if user is None or session.get(User, user.user_id) is None:
        return None
    return user.user_id

"""Reference data a form reads once, in the background, when it opens: the schools for a school field and the
region's school calendar for the checks the form makes as the user types."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.models.law import SchoolCalendar
from desktop.models.school_calendar import school_calendar as read_school_calendar
from desktop.models.search import school_choices
from desktop.operations.context import AppContext
from desktop.operations.op import QueryOp


def schools(ctx: AppContext, *, parent: QObject | None = None) -> QueryOp[list[tuple[str, str]]]:
    """Every school as (id, name)."""
    return QueryOp(ctx, school_choices, parent=parent)


def school_calendar(ctx: AppContext, *, parent: QObject | None = None) -> QueryOp[SchoolCalendar]:
    """The region's school calendar (holidays; leerplicht starts on a school day, Lpw art. 3 lid 1)."""
    return QueryOp(ctx, read_school_calendar, parent=parent)

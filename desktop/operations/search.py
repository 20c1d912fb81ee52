"""The global search: persons, cases and schools as the user types."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from desktop.models.search import SchoolEntry, SearchResult, school_directory
from desktop.models.search import search as find
from desktop.operations.context import AppContext
from desktop.operations.op import QueryOp


def search(
    ctx: AppContext, text: str, schools: Sequence[SchoolEntry] | None = None, *, parent: QObject | None = None
) -> QueryOp[tuple[list[SearchResult], list[SchoolEntry]]]:
    """The results for ``text`` and the school directory they were matched against (read when ``schools`` is
    None; the caller keeps it until a change of schools). The full-text index answers in milliseconds."""

    def run(session) -> tuple[list[SearchResult], list[SchoolEntry]]:
        directory = list(schools) if schools is not None else school_directory(session)
        return find(session, text, schools=directory), directory

    return QueryOp(ctx, run, parent=parent)

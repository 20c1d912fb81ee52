"""The global search: persons, cases and schools as the user types."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.models.search import SchoolEntry, SearchResult, school_directory, search
from desktop.operations.context import AppContext


def search_now(
    ctx: AppContext, text: str, schools: Sequence[SchoolEntry] | None = None
) -> tuple[list[SearchResult], list[SchoolEntry]]:
    """The results for ``text`` and the school directory they were matched against (read when ``schools`` is
    None; the caller keeps it until a change of schools). Synchronous: the search box is debounced and answers
    from the full-text index in milliseconds, and what it shows must match what is typed."""

    def run(session) -> tuple[list[SearchResult], list[SchoolEntry]]:
        directory = list(schools) if schools is not None else school_directory(session)
        return search(session, text, schools=directory), directory

    return ctx.read(run)

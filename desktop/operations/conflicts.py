"""The sync state as the windows show it: the status bar's counts, the conflicts and refused changes of a record,
the Conflicten list, and the user's decisions on them."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject
from sqlalchemy import select

from desktop.models.cases import Case
from desktop.operations.changes import OpChanges
from desktop.operations.context import AppContext
from desktop.operations.op import CollectionOp, QueryOp
from desktop.sync_service import (
    CONFLICT,
    NOT_APPLIED,
    REFUSED,
    ConflictItem,
    FailedItem,
    ParkedItem,
    ProblemKey,
    ProblemList,
    ProblemRow,
    SyncService,
    problem_detail,
    problem_list,
    problem_rows,
)
from sync.engine import LocalStatus, local_status, record_problems

# The choices on conflicts and refused changes.
KEEP_LOCAL, KEEP_SERVER, RETRY, DISCARD = "local", "server", "retry", "discard"
STUCK = "stuck"  # refused changes that cannot be sent again: their record left this device
# Where conflicts and refused changes are kept: a change there means the Conflicten list reads again.
PROBLEM_TABLES = ("sync_conflicts", "sync_parked")


def status(ctx: AppContext, *, parent: QObject | None = None) -> QueryOp[LocalStatus]:
    """Last sync, changes waiting to be sent, open conflicts and refused changes, for the status bar."""
    return QueryOp(ctx, local_status, parent=parent)


def case_problems(ctx: AppContext, case_id: str, *, parent: QObject | None = None) -> QueryOp[tuple[int, int]]:
    """(open conflicts, refused changes) of one case, for the banner of the case window."""
    return QueryOp(ctx, lambda session: record_problems(session, "cases", [case_id]), parent=parent)


def person_problems(
    ctx: AppContext, person_id: str, *, parent: QObject | None = None
) -> QueryOp[tuple[int, int]]:
    """(open conflicts, refused changes) of a person and the person's cases, for the banner of the file."""

    def read(session) -> tuple[int, int]:
        case_ids = list(session.scalars(select(Case.id).where(Case.person_id == person_id)))
        own = record_problems(session, "persons", [person_id])
        cases = record_problems(session, "cases", case_ids)
        return own[0] + cases[0], own[1] + cases[1]

    return QueryOp(ctx, read, parent=parent)


def problems(
    ctx: AppContext,
    categories: Iterable[str] | None,
    table: str | None,
    sort: str,
    descending: bool,
    first: int,
    *,
    parent: QObject | None = None,
) -> QueryOp[ProblemList]:
    """Counts, ids and the first rows of what waits under Conflicten."""
    return QueryOp(
        ctx, lambda session: problem_list(session, categories, table, sort, descending, first), parent=parent
    )


def rows(
    ctx: AppContext, keys: list[ProblemKey], *, parent: QObject | None = None
) -> QueryOp[dict[ProblemKey, ProblemRow]]:
    """One page of lines of the Conflicten list."""
    return QueryOp(ctx, lambda session: problem_rows(session, keys), parent=parent)


def detail(
    ctx: AppContext, key: ProblemKey, *, parent: QObject | None = None
) -> QueryOp[ConflictItem | ParkedItem | FailedItem | None]:
    """Everything about the selected line; None when it was decided meanwhile."""
    return QueryOp(ctx, lambda session: problem_detail(session, key), parent=parent)


def decide(
    ctx: AppContext,
    service: SyncService,
    choice: str,
    keys: list[ProblemKey],
    *,
    parent: QObject | None = None,
) -> CollectionOp[dict[str, int]]:
    """Carry out a choice for these lines (items of a kind the choice does not fit are left alone); the result
    counts what was done per category (progress with ``with_progress``).

    On the writer thread, but in the sync engine's own transactions, one per chunk of decisions, so that a
    choice over 10,000 lines never holds one long lock; it announces a change of everything, because keeping
    the server's values changes the records themselves.
    """
    ids = {category: [i for k, i in keys if k == category] for category in (CONFLICT, REFUSED, NOT_APPLIED)}

    def work(_session, progress: Callable[[int, int, str], None] | None = None) -> dict[str, int]:
        def step(done: int, total: int) -> None:
            if progress is not None:
                progress(done, total, "")

        done: dict[str, int] = {}
        if choice in (KEEP_LOCAL, KEEP_SERVER) and ids[CONFLICT]:
            done[CONFLICT] = service.resolve_many(ids[CONFLICT], choice, step)
        if choice == RETRY and ids[REFUSED]:
            done[REFUSED] = service.retry_many(ids[REFUSED], step)
            done[STUCK] = len(ids[REFUSED]) - done[REFUSED]
        if choice == RETRY and ids[NOT_APPLIED]:
            done[NOT_APPLIED] = service.refetch_many(ids[NOT_APPLIED], step)
        if choice == DISCARD and ids[REFUSED]:
            done[REFUSED] = service.discard_many(ids[REFUSED], step)
        return done

    return CollectionOp(ctx, work, parent=parent, changes=OpChanges.of_everything())

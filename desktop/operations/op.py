"""The mechanism of the operations layer: a write on the single writer thread in one transaction, a query on
the read pool, and plain background work, each reporting back on the GUI thread.

Built on ``desktop.background.run_in_background`` (the one way Vangnet runs work off the GUI thread). Errors
follow one rule: a ``VangnetError`` goes to the caller's ``failure`` handler (or, without one, a message box
with its Dutch sentence); any other exception goes to the crash handler, after the caller's ``fault`` handler
has had the chance to end its busy state. Work for a profile that was locked meanwhile reports no error:
nobody is waiting for it any more.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session

from desktop.background import run_in_background
from desktop.errors import VangnetError
from desktop.models.store import Store
from desktop.operations.changes import ChangeTracker, OpChanges
from desktop.operations.context import AppContext

log = logging.getLogger(__name__)

T = TypeVar("T")
Progress = Callable[[int, int, str], None]
LOCKED = "Vangnet is vergrendeld."


class BackgroundOp(Generic[T]):
    """Work that needs no database, off the GUI thread: ``op()`` (or ``op(progress)`` with progress).

    For drawing a letter's first page, signing in at the server, unlocking a profile. ``success``,
    ``failure`` and ``fault`` run on the GUI thread, and only while ``parent`` still exists.
    """

    _writes = False

    def __init__(self, op: Callable[..., T], *, parent: QObject | None = None) -> None:
        self._op = op
        self._parent = parent
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[VangnetError], None] | None = None
        self._on_fault: Callable[[BaseException], None] | None = None
        self._on_progress: Progress | None = None

    # -- what the caller wants to hear ------------------------------------------------------------

    def success(self, fn: Callable[[T], None]) -> Self:
        """Called with the result."""
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[VangnetError], None]) -> Self:
        """Called with an error the user can act on; show its Dutch message (``str(exc)``)."""
        self._on_failure = fn
        return self

    def fault(self, fn: Callable[[BaseException], None]) -> Self:
        """Called with any other error before it goes to the crash handler: end a busy state, never show it."""
        self._on_fault = fn
        return self

    def with_progress(self, fn: Progress) -> Self:
        """The work receives a ``progress(done, total, text)`` callable; ``fn`` hears it on the GUI thread."""
        self._on_progress = fn
        return self

    def run_in_background(self) -> Self:
        run_in_background(
            self._work(),
            self._succeeded,
            self._failed,
            on_progress=self._progressed if self._on_progress is not None else None,
            writes=self._writes,
        )
        return self

    # -- on the worker thread ---------------------------------------------------------------------

    def _work(self) -> Callable[..., Any]:
        op = self._op
        if self._on_progress is not None:
            return lambda progress: op(progress)
        return op

    # -- on the GUI thread ------------------------------------------------------------------------

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _cut_off(self) -> bool:
        """Whether the work's answer no longer matters because the profile was locked meanwhile."""
        return False

    def _progressed(self, done: int, total: int, text: str) -> None:
        if self._on_progress is not None and self._parent_alive():
            self._on_progress(done, total, text)

    def _succeeded(self, result: Any) -> None:
        on_success, alive = self._on_success, self._parent_alive()
        self._release()
        if on_success is not None and alive:
            on_success(result)

    def _failed(self, exc: BaseException) -> None:
        parent, on_failure, on_fault, alive = self._parent, self._on_failure, self._on_fault, self._parent_alive()
        cut_off = self._cut_off()
        self._release()
        if not alive:
            log.debug("Fout van een achtergrondtaak niet gemeld: het venster is gesloten (%s)", type(exc).__name__)
            return
        if isinstance(exc, VangnetError):
            if on_failure is not None:
                on_failure(exc)
            elif not cut_off:
                QMessageBox.warning(parent if isinstance(parent, QWidget) else None, "Vangnet", str(exc))
            return
        if on_fault is not None:
            on_fault(exc)
        if cut_off:
            log.info("Achtergrondtaak afgebroken door het vergrendelen: %s", type(exc).__name__)
            return
        raise exc

    def _release(self) -> None:
        """Done: hold on to no window (a closed dialog must be free to go) and to no handler."""
        self._parent = None
        self._on_success = self._on_failure = self._on_fault = self._on_progress = None


class _StoreOp(BackgroundOp[T]):
    """Work on the open store of ``ctx``; the store is the one open when the work was started."""

    def __init__(self, ctx: AppContext, op: Callable[..., T], *, parent: QObject | None = None) -> None:
        super().__init__(op, parent=parent)
        self._ctx = ctx
        self._store: Store | None = None

    def run_in_background(self) -> Self:
        self._store = self._ctx.store
        return super().run_in_background()

    def _cut_off(self) -> bool:
        return not self._ctx.is_open or self._ctx.store is not self._store

    def _call(self, session: Session, progress: Progress | None) -> T:
        return self._op(session) if progress is None else self._op(session, progress)

    def _open_store(self) -> Store:
        store = self._store
        if store is None or not store.is_open:
            raise VangnetError(LOCKED)
        return store


class QueryOp(_StoreOp[T]):
    """A read: ``op(session)`` (or ``op(session, progress)``) on the read pool; its result goes to ``success``."""

    def _work(self) -> Callable[..., Any]:
        def read(progress: Progress | None = None) -> T:
            with self._open_store().session() as session:
                return self._call(session, progress)

        if self._on_progress is not None:
            return lambda progress: read(progress)
        return lambda: read()


class CollectionOp(_StoreOp[T]):
    """A write: ``op(session)`` (or ``op(session, progress)``) on the single writer thread, in one transaction.

    After the commit, what changed is broadcast as ``ctx.changed(OpChanges)`` (also when the window that
    started the write has closed), then ``success`` hears the result. A rule the write breaks rolls the whole
    transaction back and reaches ``failure`` as a ``DomainError``. ``changes`` adds what the session cannot
    see (writes the sync engine makes in transactions of its own).
    """

    _writes = True

    def __init__(
        self,
        ctx: AppContext,
        op: Callable[..., T],
        *,
        parent: QObject | None = None,
        changes: OpChanges | None = None,
    ) -> None:
        super().__init__(ctx, op, parent=parent)
        self._declared = changes

    def _work(self) -> Callable[..., Any]:
        def write(progress: Progress | None = None) -> tuple[T, OpChanges]:
            with self._open_store().session() as session:
                tracker = ChangeTracker(session)
                try:
                    result = self._call(session, progress)
                    session.flush()
                    changes = tracker.changes(self._declared)
                finally:
                    tracker.close()
            return result, changes

        if self._on_progress is not None:
            return lambda progress: write(progress)
        return lambda: write()

    def _succeeded(self, outcome: Any) -> None:
        result, changes = outcome
        if changes.noticeable and self._ctx.is_open:
            self._ctx.changed.emit(changes)
        super()._succeeded(result)

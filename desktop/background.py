"""Background work for the window: run a function off the GUI thread and hand its result back by signal.

Widgets are never touched inside the function. Database writes go through one serial worker so that two
writes never compete for the database lock. This is the one way the app runs work off the GUI thread; the
windows reach it through ``desktop.operations`` (``CollectionOp`` on the write pool, ``QueryOp`` and
``BackgroundOp`` on the read pool). Work that mostly waits (a sync round, which backs off while the server is
away; the database's full page check, which starts a few seconds after unlocking) runs on a lane of its own,
so that it never holds up the windows' queries. Outside it stays only the unlock that starts before the
QApplication exists (``desktop.app``), which says why.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the worker arrive there queued."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class Task(QRunnable):
    """One piece of background work. ``op`` may take a ``progress(done, total, text)`` keyword."""

    def __init__(self, op: Callable[..., Any], relay: _Relay, with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._op = op
        self._relay = relay
        self._with_progress = with_progress

    def run(self) -> None:
        try:
            if self._with_progress:
                result = self._op(progress=lambda done, total, text="": self._relay.progressed.emit(done, total, text))
            else:
                result = self._op()
        except BaseException as exc:
            exc.__vangnet_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._report(self._relay.failed, exc)
            return
        self._report(self._relay.succeeded, result)

    @staticmethod
    def _report(signal, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The window that asked for this work was closed meanwhile: nobody is waiting for the answer.
            log.debug("Resultaat van een achtergrondtaak niet afgeleverd: het venster is gesloten")


_pool: QThreadPool | None = None
_write_pool: QThreadPool | None = None
_long_pool: QThreadPool | None = None
# Relays are kept alive until their task has reported back.
_live_relays: set[_Relay] = set()


def read_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


def write_pool() -> QThreadPool:
    """A pool with exactly one thread: every database write is serialised through it."""
    global _write_pool
    if _write_pool is None:
        _write_pool = QThreadPool()
        _write_pool.setMaxThreadCount(1)
    return _write_pool


def long_pool() -> QThreadPool:
    """The lane for work that mostly waits: a sync round and the full page check can run side by side."""
    global _long_pool
    if _long_pool is None:
        _long_pool = QThreadPool()
        _long_pool.setMaxThreadCount(2)
    return _long_pool


def run_in_background(
    op: Callable[..., Any],
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    parent: QObject | None = None,
    *,
    on_progress: Callable[[int, int, str], None] | None = None,
    writes: bool = False,
    waits: bool = False,
) -> _Relay:
    """Run ``op`` on a worker thread; ``on_success(result)`` or ``on_error(exc)`` run on the GUI thread.

    With ``on_progress``, ``op`` receives a ``progress(done, total, text)`` callable. With ``writes=True``
    the work joins the single write queue; with ``waits=True`` (work that mostly waits, and writes in
    transactions of its own) it runs on :func:`long_pool`. Returns the relay whose signals report back.
    """
    relay = _Relay(parent)
    _live_relays.add(relay)

    def finished_ok(result: Any) -> None:
        _live_relays.discard(relay)
        if on_success is not None:
            on_success(result)

    def finished_error(exc: BaseException) -> None:
        _live_relays.discard(relay)
        if on_error is not None:
            on_error(exc)
        else:
            log.error("Achtergrondtaak mislukt: %s", type(exc).__name__)
            raise exc

    relay.succeeded.connect(finished_ok)
    relay.failed.connect(finished_error)
    if on_progress is not None:
        relay.progressed.connect(on_progress)
    task = Task(op, relay, with_progress=on_progress is not None)
    (write_pool() if writes else long_pool() if waits else read_pool()).start(task)
    return relay


def wait_for_background(msecs: int = 30_000) -> bool:
    """Wait until the windows' queries and writes have finished (used when locking and quitting). Work on the
    long lane is stopped and waited for by its owner (``SyncService.stop``, ``Store.close``)."""
    ok = True
    for pool in (_pool, _write_pool):
        if pool is not None:
            ok = pool.waitForDone(msecs) and ok
    return ok

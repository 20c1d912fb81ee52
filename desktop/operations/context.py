"""The application context every window gets: the profile, the open store, the settings, and the one signal
that tells the windows what a write changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from desktop.errors import VangnetError
from desktop.models.store import Profile, Store
from desktop.operations.changes import OpChanges
from desktop.settings import Settings

T = TypeVar("T")


class AppContext(QObject):
    """What every window needs: the profile, the open store (None while locked) and the settings.

    ``changed`` fires on the GUI thread after every write that changed something a window shows, with the
    write's :class:`OpChanges`. Windows read and write through ``desktop.operations``; ``session`` and
    ``read`` are for that layer (and for tests that set up data), not for the windows.
    """

    changed = Signal(OpChanges)
    store_opened = Signal()
    store_closed = Signal()

    def __init__(self, profile: Profile, settings: Settings, store: Store | None = None) -> None:
        super().__init__()
        self.profile = profile
        self.settings = settings
        self.store = store
        self.today: Callable[[], dt.date] = dt.date.today

    def announce_everything_changed(self) -> None:
        """Tell the windows that rows of any kind may have changed outside the operations layer's writer (a sync
        round that brought rows from the server): every window that shows data reads it again."""
        self.changed.emit(OpChanges.of_everything())

    @property
    def is_open(self) -> bool:
        return self.store is not None and self.store.is_open

    def open_store(self) -> Store:
        """The open store, or the Dutch refusal while Vangnet is locked."""
        if self.store is None:
            raise VangnetError("Vangnet is vergrendeld.")
        return self.store

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short transaction on the open store (commits on success, rolls back on any error)."""
        with self.open_store().session() as session:
            yield session

    def read(self, fn: Callable[[Session], T]) -> T:
        """Run a short read query on the open store, on the calling thread."""
        with self.session() as session:
            return fn(session)

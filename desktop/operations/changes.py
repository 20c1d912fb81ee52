"""What a write changed, as the windows hear it after the write: ``OpChanges``, collected from the session.

Plain Python without Qt: the tracker listens to the write's own SQLAlchemy session, so an operation never has
to say by hand what it touched; writes that bypass the session's bookkeeping (the sync engine's chunked
decisions, say) declare their changes instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session

# Bookkeeping of who looked at what (the access log and its chain head in local_meta): recording that a file
# was opened changes nothing another window shows, so such a write alone is not announced.
BOOKKEEPING_TABLES = frozenset({"audit_log", "local_meta"})


@dataclass(frozen=True)
class OpChanges:
    """The tables (and, where known, the record ids per table) one operation changed.

    ``everything`` stands for changes of any kind that are not listed one by one: a sync round that brought
    rows from the server, or a decision over conflicts that put server values back.
    """

    tables: frozenset[str] = frozenset()
    records: frozenset[tuple[str, str]] = frozenset()
    everything: bool = False

    @classmethod
    def of(cls, *tables: str) -> OpChanges:
        return cls(tables=frozenset(tables))

    @classmethod
    def of_everything(cls) -> OpChanges:
        return cls(everything=True)

    def touches(self, *tables: str) -> bool:
        """Whether any of these tables may have changed."""
        return self.everything or not self.tables.isdisjoint(tables)

    def touches_record(self, table: str, record_id: str) -> bool:
        """Whether this record may have changed (also true when the table changed without ids, as in a
        bulk write)."""
        if self.everything:
            return True
        if table not in self.tables:
            return False
        ids = self.ids(table)
        return not ids or record_id in ids

    def ids(self, table: str) -> frozenset[str]:
        """The ids changed in ``table`` as far as they are known."""
        return frozenset(record_id for name, record_id in self.records if name == table)

    @property
    def empty(self) -> bool:
        return not self.everything and not self.tables

    @property
    def noticeable(self) -> bool:
        """Whether a window could show something different now (not only an access-log entry was written)."""
        return self.everything or not self.tables <= BOOKKEEPING_TABLES

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(self.tables | other.tables, self.records | other.records, self.everything or other.everything)

    def __repr__(self) -> str:
        if self.everything:
            return "OpChanges(everything)"
        return f"OpChanges({', '.join(sorted(self.tables))})"


class ChangeTracker:
    """Collects the tables and record ids a session writes, from its flushes and its DML statements."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._tables: set[str] = set()
        self._records: set[tuple[str, str]] = set()
        self._listeners: list[tuple[str, Callable[..., Any]]] = [
            ("after_flush", self._after_flush),
            ("do_orm_execute", self._on_execute),
        ]
        for name, listener in self._listeners:
            event.listen(session, name, listener)

    def _after_flush(self, session: Session, _context: Any) -> None:
        # Still the state before the flush here: new, changed and deleted objects are all listed.
        changed = (obj for obj in session.dirty if session.is_modified(obj, include_collections=False))
        for obj in chain(session.new, changed, session.deleted):
            table = getattr(type(obj), "__tablename__", None)
            if table is None:
                continue
            self._tables.add(table)
            identity = inspect(obj).identity
            record_id = getattr(obj, "id", None) if identity is None else identity[0]
            if record_id is not None:
                self._records.add((table, str(record_id)))

    def _on_execute(self, state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            table = getattr(state.statement, "table", None)
            name = getattr(table, "name", None)
            if name:
                self._tables.add(name)

    def changes(self, declared: OpChanges | None = None) -> OpChanges:
        found = OpChanges(frozenset(self._tables), frozenset(self._records))
        return found | declared if declared is not None else found

    def close(self) -> None:
        for name, listener in self._listeners:
            if event.contains(self._session, name, listener):
                event.remove(self._session, name, listener)

"""The bulk writer: many rows inserted or changed straight through the driver, and their operations for
the server queued in the same transaction. The one write path of imports and merges, at bulk speed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.driver import BulkInsert, default_maker
from desktop.models.outbox import queue_inserts, queue_updates


def bulk_insert(session: Session, table: sa.Table, records: Sequence[dict[str, Any]], batch: int = 2000) -> None:
    """Insert many validated rows and queue their operations for the server in the same transaction (the
    one write path, in bulk). ``records`` hold Python values; a column missing from a record gets its
    default (scalar or callable) or NULL.
    """
    if not records:
        return
    writer = BulkInsert(session.connection(), table)
    spec = [(column.name, default_maker(column)) for column in table.columns]
    pending: list[Any] = []
    written: list[dict[str, Any]] = []
    for record in records:
        pending.append(writer.parameters([record[name] if name in record else default() for name, default in spec]))
        written.append(record)
        if len(pending) == batch:
            writer.execute(pending)
            queue_inserts(session, table, written)
            pending, written = [], []
    if pending:
        writer.execute(pending)
        queue_inserts(session, table, written)


def bulk_update(session: Session, table: sa.Table, changes: dict[str, dict[str, Any]]) -> int:
    """Change fields of existing rows ({id: {field: new value}}) and queue the update operations in the same
    transaction; returns how many rows changed. Fields that already hold the new value are left alone."""
    if not changes:
        return 0
    names = sorted({name for fields in changes.values() for name in fields})
    current: dict[str, sa.Row[Any]] = {}
    ids = list(changes)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        version = table.c.version if "version" in table.c else sa.literal(0).label("version")
        query = select(table.c.id, version, *(table.c[n] for n in names)).where(table.c.id.in_(chunk))
        for stored in session.execute(query):
            current[stored.id] = stored
    now = dt.datetime.now(dt.UTC)
    updates = []
    for record_id, fields in changes.items():
        row = current.get(record_id)
        if row is None:
            continue
        differing = {name: (getattr(row, name), value) for name, value in fields.items() if getattr(row, name) != value}
        if not differing:
            continue
        values = {name: new for name, (_old, new) in differing.items()}
        if "updated_at" in table.c:
            values["updated_at"] = now
        session.execute(sa.update(table).where(table.c.id == record_id).values(**values))
        updates.append((record_id, row.version, differing))
    queue_updates(session, table, updates)
    return len(updates)

"""The bulk writer: many rows inserted or changed straight through the driver, and their operations for
the server queued in the same transaction. The one write path of imports and merges, at bulk speed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.outbox import queue_inserts, queue_updates


def sqlite_datetime(value: dt.datetime) -> str:
    """SQLAlchemy's SQLite DATETIME storage format (the time zone is not stored), without its format string."""
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}"
    )


def _default_maker(column: sa.Column[Any]) -> Any:
    """A function of nothing giving a column's value when a record leaves it out: its default, or None."""
    default = column.default
    if default is None:
        return lambda: None
    if not isinstance(default, sa.ColumnDefault):
        raise TypeError(f"{column.name}: a default the database makes cannot be given in bulk")
    if default.is_scalar:
        value = default.arg
        return lambda: value
    make = default.arg
    return lambda: make(None)


def bulk_insert(session: Session, table: sa.Table, records: Sequence[dict[str, Any]], batch: int = 2000) -> None:
    """Insert many validated rows straight through the driver, using the columns' own bind processors, and
    queue their operations for the server in the same transaction (the one write path, in bulk).

    A column missing from a record gets its default (scalar or callable) or NULL.
    """
    if not records:
        return
    connection = session.connection()
    dialect = connection.dialect
    spec = []
    for column in table.columns:
        process: Callable[[Any], Any] | None = column.type._cached_bind_processor(dialect)
        if isinstance(column.type, sa.Boolean) and dialect.name == "sqlite":
            process = None  # the driver stores a bool as 1/0, as the processor would
        elif type(column.type) is sa.Date and dialect.name == "sqlite":
            process = dt.date.isoformat  # SQLite's DATE storage format, in C instead of a format string
        elif isinstance(column.type, sa.DateTime) and dialect.name == "sqlite":
            process = sqlite_datetime
        spec.append((column.name, process, _default_maker(column)))
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    names = [name for name, _process, _default in spec]
    statement = (
        f"INSERT INTO {table.name} ({', '.join(names)}) "  # noqa: S608 - names come from the model
        f"VALUES ({', '.join([marker] * len(names))})"
    )
    pending: list[tuple] = []
    written: list[dict[str, Any]] = []
    for record in records:
        values = []
        for name, process, default in spec:
            value = record[name] if name in record else default()
            if value is not None and process is not None:
                value = process(value)
            values.append(value)
        pending.append(tuple(values))
        written.append(record)
        if len(pending) == batch:
            connection.exec_driver_sql(statement, pending)
            queue_inserts(session, table, written)
            pending, written = [], []
    if pending:
        connection.exec_driver_sql(statement, pending)
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

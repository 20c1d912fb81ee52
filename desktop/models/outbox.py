"""The outbox: every local change of a synced row writes its operation in the same transaction."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, event, insert, inspect, select, update
from sqlalchemy.orm import Session

from desktop.models.base import new_id
from desktop.models.codec import NOT_SYNCED_FIELDS, to_json
from desktop.models.driver import BulkInsert
from desktop.models.sync_tables import sync_outbox, sync_state

# The changes of an insert queued by a bulk writer: the row's values, read when the operation is sent.
DEFERRED = ""
# Session.info flag: set while the sync engine applies server rows, so they make no operations.
APPLYING_SERVER_CHANGES = "vangnet_sync_applying"
DEVICE_COUNTER_KEY = "device_counter"
_OUTBOX_ATTR = "_vangnet_outbox_uninstall"


def is_synced(obj: Any) -> bool:
    """Whether a change of this object goes to the server (users rows come from the server only)."""
    table = getattr(type(obj), "__table__", None)
    return table is not None and {"id", "version", "deleted"} <= set(table.columns.keys()) and _queues(table.name)


def install_outbox(target: Any, device_id_provider: Callable[[], str] | None = None) -> Callable[[], None]:
    """Listen on a Session class or sessionmaker; returns a function that removes the listener.

    device_id_provider is kept for callers that want the device in each operation; the server
    learns the device from the access token, so operations do not carry it.
    """

    def before_flush(session: Session, _context: Any, _instances: Any) -> None:
        if session.info.get(APPLYING_SERVER_CHANGES):
            return
        ops = _collect(session)
        if ops:
            _write(session, ops)

    event.listen(target, "before_flush", before_flush)
    return lambda: event.remove(target, "before_flush", before_flush)


def ensure_outbox(store: Any) -> None:
    """Every edit in an opened store writes its outbox entry in the same transaction; installed once per store."""
    if getattr(store, _OUTBOX_ATTR, None) is None:
        setattr(store, _OUTBOX_ATTR, install_outbox(store.Session))


def _collect(session: Session) -> list[dict[str, Any]]:
    ops: list[dict[str, Any]] = []
    for obj in list(session.new):
        if not is_synced(obj):
            continue
        if obj.id is None:
            obj.id = str(uuid.uuid4())
        mapper = inspect(obj).mapper
        changes = {}
        for attr in mapper.column_attrs:
            name = attr.columns[0].name
            if name in NOT_SYNCED_FIELDS:
                continue
            value = getattr(obj, attr.key)
            if value is None:
                default = attr.columns[0].default
                if default is not None and getattr(default, "is_scalar", False):
                    value = default.arg
                elif default is not None and getattr(default, "is_callable", False):
                    # Computed now and kept on the object: the row and its operation carry the same value.
                    value = default.arg(None)
                    setattr(obj, attr.key, value)
            if value is not None:
                changes[name] = {"old": None, "new": to_json(value)}
        ops.append(_op(obj, "insert", changes))
    for obj in list(session.dirty):
        if not is_synced(obj) or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        changes = {}
        deleting = False
        for attr in state.mapper.column_attrs:
            name = attr.columns[0].name
            hist = state.attrs[attr.key].history
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if name == "deleted":
                if new and not old:
                    deleting = True
                elif old and not new:
                    changes["deleted"] = {"old": True, "new": False}
                continue
            if name in NOT_SYNCED_FIELDS or to_json(old) == to_json(new):
                continue
            changes[name] = {"old": to_json(old), "new": to_json(new)}
        if deleting:
            ops.append(_op(obj, "delete", {}))
        elif changes:
            ops.append(_op(obj, "update", changes))
    for obj in list(session.deleted):
        if is_synced(obj):
            ops.append(_op(obj, "delete", {}))
    return ops


def _op(obj: Any, kind: str, changes: dict[str, Any]) -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "table_name": type(obj).__table__.name,
        "record_id": str(obj.id),
        "kind": kind,
        "base_version": int(obj.version or 0),
        "changes": json.dumps(changes, sort_keys=True),
        "created_at": datetime.now(UTC).isoformat(),
    }


def next_device_counter(session: Session | Connection, count: int) -> int:
    """Reserve `count` counter values; returns the first. Runs in the caller's transaction."""
    with _no_autoflush(session):
        current = session.execute(select(sync_state.c.value).where(sync_state.c.key == DEVICE_COUNTER_KEY)).scalar()
        if current is None:
            session.execute(insert(sync_state).values(key=DEVICE_COUNTER_KEY, value=str(count)))
            return 1
        session.execute(
            update(sync_state).where(sync_state.c.key == DEVICE_COUNTER_KEY).values(value=str(int(current) + count))
        )
        return int(current) + 1


_OUTBOX_COLUMNS = (
    "op_id", "device_counter", "table_name", "record_id", "kind", "base_version", "changes", "created_at",
)


def _insert_ops(target: Session | Connection, rows: list[tuple[Any, ...]]) -> None:
    """Operations (their values in the order of ``_OUTBOX_COLUMNS``) into the outbox with the bulk insert: a
    bulk writer queues tens of thousands at once."""
    with _no_autoflush(target):
        connection = target.connection() if isinstance(target, Session) else target
        BulkInsert(connection, sync_outbox, _OUTBOX_COLUMNS).insert(rows)


def _write(session: Session | Connection, ops: list[dict[str, Any]]) -> None:
    first = next_device_counter(session, len(ops))
    for offset, op in enumerate(ops):
        op["device_counter"] = first + offset
    _insert_ops(session, [tuple(op[c] for c in _OUTBOX_COLUMNS) for op in ops])


def _no_autoflush(target: Session | Connection) -> Any:
    return target.no_autoflush if isinstance(target, Session) else contextlib.nullcontext()


def _queues(table: str) -> bool:
    """Whether writes of a table go to the server: synced, and not written by the server alone (users)."""
    from desktop.models import entities

    found = entities.get(table)
    return found is not None and not found.server_managed


def _applying(target: Session | Connection) -> bool:
    return isinstance(target, Session) and bool(target.info.get(APPLYING_SERVER_CHANGES))


def queue_inserts(target: Session | Connection, table: Any, records: Iterable[Mapping[str, Any]]) -> int:
    """Insert operations for rows a bulk writer has just written in this transaction; returns how many.

    The bulk writers (imports, the demo region, a restored export) write rows with executemany for speed;
    this queues their operations in the same transaction, one executemany more. Rows the server already
    has (version > 0) and deleted rows are not queued. ``records`` hold every column's Python value.
    """
    if _applying(target) or not _queues(table.name):
        return 0
    now = datetime.now(UTC).isoformat()
    ids = [str(record["id"]) for record in records if not record.get("version") and not record.get("deleted")]
    if not ids:
        return 0
    # The values are read from the row when the operation is sent (DEFERRED): nothing is encoded twice.
    first = next_device_counter(target, len(ids))
    name = table.name
    rows = [
        (new_id(), first + offset, name, record_id, "insert", 0, DEFERRED, now) for offset, record_id in enumerate(ids)
    ]
    _insert_ops(target, rows)
    return len(rows)


def insert_changes(session: Session, table: Any, record_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The changes of DEFERRED inserts: each row's current values (a row that is gone is left out)."""
    columns = [c for c in table.columns if c.name not in NOT_SYNCED_FIELDS]
    found: dict[str, dict[str, Any]] = {}
    ids = list(record_ids)
    for start in range(0, len(ids), 500):
        for row in session.execute(select(table.c.id, *columns).where(table.c.id.in_(ids[start : start + 500]))):
            values = row._mapping
            found[row.id] = {
                c.name: {"old": None, "new": to_json(values[c.name])} for c in columns if values[c.name] is not None
            }
    return found


def queue_updates(
    target: Session | Connection, table: Any, updates: Iterable[tuple[str, int, Mapping[str, tuple[Any, Any]]]]
) -> int:
    """Update operations for rows a bulk writer changed in this transaction: (id, version, {field: (old, new)})."""
    if _applying(target) or not _queues(table.name):
        return 0
    now = datetime.now(UTC).isoformat()
    ops = []
    for record_id, version, fields in updates:
        changes = {
            name: {"old": to_json(old), "new": to_json(new)}
            for name, (old, new) in fields.items()
            if name not in NOT_SYNCED_FIELDS and to_json(old) != to_json(new)
        }
        if changes:
            ops.append(_bulk_op(table.name, str(record_id), "update", int(version or 0), changes, now))
    if ops:
        _write(target, ops)
    return len(ops)


def _bulk_op(table: str, record_id: str, kind: str, base: int, changes: dict[str, Any], now: str) -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "table_name": table,
        "record_id": record_id,
        "kind": kind,
        "base_version": base,
        "changes": _encode(changes),
        "created_at": now,
    }


_encode = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def unqueued_rows(session: Session) -> dict[str, int]:
    """Per synced table, rows that neither the server has (version 0) nor the outbox holds: writes that
    bypassed the one write path. Server-managed tables (users) are left out: the server writes those."""
    from desktop.models import entities

    waiting = {(r[0], r[1]) for r in session.execute(select(sync_outbox.c.table_name, sync_outbox.c.record_id))}
    found: dict[str, int] = {}
    for entity in entities.entities():
        if entity.server_managed:
            continue
        table = entity.model.__table__
        ids = session.execute(select(table.c.id).where(table.c.version == 0, table.c.deleted.is_(False))).scalars()
        missing = sum(1 for record_id in ids if (entity.table, record_id) not in waiting)
        if missing:
            found[entity.table] = missing
    return found


def enqueue_existing(session: Session, tables: list[Any]) -> int:
    """Queue rows made before the outbox was installed (a profile filled offline: the demo region, an
    import) as inserts; returns how many. Rows the server has seen (version > 0), deleted rows and rows
    already waiting in the outbox are left alone. ``tables`` are Core tables, parents first.
    """
    waiting = {(r[0], r[1]) for r in session.execute(select(sync_outbox.c.table_name, sync_outbox.c.record_id))}
    ops: list[dict[str, Any]] = []
    now = datetime.now(UTC).isoformat()
    for table in tables:
        columns = [c for c in table.columns if c.name not in NOT_SYNCED_FIELDS]
        rows = session.execute(
            select(table.c.id, *columns).where(table.c.version == 0, table.c.deleted.is_(False))
        ).all()
        for row in rows:
            if (table.name, row.id) in waiting:
                continue
            values = row._mapping
            changes = {
                c.name: {"old": None, "new": to_json(values[c.name])} for c in columns if values[c.name] is not None
            }
            ops.append(
                {
                    "op_id": str(uuid.uuid4()),
                    "table_name": table.name,
                    "record_id": str(row.id),
                    "kind": "insert",
                    "base_version": 0,
                    "changes": json.dumps(changes, sort_keys=True),
                    "created_at": now,
                }
            )
    if ops:
        _write(session, ops)
    return len(ops)

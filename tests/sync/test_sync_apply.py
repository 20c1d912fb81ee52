"""Pulled row states go into the desktop's own tables exactly as SQLAlchemy's insert and update put them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, Boolean, Date, DateTime, Enum, Integer, Numeric, Table, create_engine, event, select
from sqlalchemy.orm import sessionmaker

import desktop.models  # noqa: F401 - every table on the metadata
import sync.engine as engine_module
from desktop.models.base import Base
from desktop.models.codec import NOT_SYNCED_FIELDS, to_json
from desktop.models.outbox import APPLYING_SERVER_CHANGES
from desktop.models.sync_tables import create_sync_tables
from sync.client import SyncClient
from sync.engine import SyncEngine, synced_tables
from sync.protocol import RowState

TABLES = synced_tables(Base.metadata)


def _value(column: Any, variant: int, tag: str) -> Any:
    """A JSON value for a column as a device pushes it (to_json of a Python value)."""
    kind = column.type
    if isinstance(kind, Enum):
        members = list(kind.enum_class) if kind.enum_class else list(kind.enums)
        return to_json(members[variant % len(members)])
    if isinstance(kind, DateTime):
        return to_json(datetime(2025, 3, 5 + variant, 9, 30, 15, 250, tzinfo=UTC))
    if isinstance(kind, Date):
        return to_json(date(2025, 3, 5 + variant))
    if isinstance(kind, Boolean):
        return bool(variant % 2)
    if isinstance(kind, Numeric):
        return to_json(Decimal("12.50") + variant)
    if isinstance(kind, Integer):
        return 7 + variant
    if isinstance(kind, JSON):
        return ["GM0505", f"GM0{600 + variant}"]
    length = getattr(kind, "length", None) or 40
    return f"{tag}{variant}{column.name}"[:length]


def _state(table: Table, record_id: str, version: int, variant: int, skip: set[str]) -> RowState:
    tag = record_id.rsplit("-", 1)[1]
    data = {c.name: _value(c, variant, tag) for c in table.columns if c.name not in NOT_SYNCED_FIELDS | skip}
    # The second state of each first record is a tombstone.
    deleted = version > 1 and tag == "0"
    return RowState(table=table.name, id=record_id, version=version, server_seq=version, deleted=deleted, data=data)


def _apply(path: Path, pages: list[tuple[list[RowState], dict[tuple[str, str], set[str]]]]) -> dict[str, list]:
    db = create_engine(f"sqlite:///{path}")
    # Format rules (BSN 11-proef, CBS code) are the model's business, not the apply's.
    event.listen(db, "connect", lambda conn, _record: conn.execute("PRAGMA ignore_check_constraints = ON"))
    Base.metadata.create_all(db, tables=list(TABLES.values()))
    create_sync_tables(db)
    session = sessionmaker(db, expire_on_commit=False)
    sync = SyncEngine(session, SyncClient("http://127.0.0.1:9"), TABLES)
    for page, pending in pages:
        sync._pending_fields = lambda _s, table, ids, pending=pending: {
            i: f for (t, i), f in pending.items() if t == table and i in ids
        }
        with session() as s, s.begin():
            s.info[APPLYING_SERVER_CHANGES] = True
            assert sync._apply_rows(s, page) == len(page)
    out = {}
    with db.connect() as conn:
        for name, table in TABLES.items():
            out[name] = [tuple(r) for r in conn.execute(select(table).order_by(table.c.id))]
    db.dispose()
    return out


@pytest.mark.parametrize("skipped", [set(), {"gender", "notes", "phone", "active", "in_region"}])
def test_fast_apply_matches_sqlalchemy_for_every_column_type(tmp_path: Path, monkeypatch, skipped) -> None:
    """Insert, then update with other values (one record keeping a field with a local change open)."""
    first = [_state(t, f"{name[:8]}-{i}", 1, i, skipped) for name, t in TABLES.items() for i in range(3)]
    second = [_state(t, f"{name[:8]}-{i}", 2, i + 1, set()) for name, t in TABLES.items() for i in range(3)]
    pending = {("persons", "persons-1"): {"last_name", "deleted"}, ("cases", "cases-2"): {"status"}}
    pages = [(first, {}), (second, pending)]
    fast = _apply(tmp_path / "fast.sqlite3", pages)
    monkeypatch.setattr(engine_module, "_make_plan", lambda *_args: None)
    core = _apply(tmp_path / "core.sqlite3", pages)
    for name, table in TABLES.items():
        stamp = list(table.columns.keys()).index("updated_at")
        assert len(fast[name]) == 3
        assert all(row[stamp] is not None for row in fast[name])
        # The local apply time differs between the runs; every other column is the same.
        strip = [[v for k, v in enumerate(row) if k != stamp] for row in fast[name]]
        assert strip == [[v for k, v in enumerate(row) if k != stamp] for row in core[name]], name
    persons = TABLES["persons"]
    with create_engine(f"sqlite:///{tmp_path / 'fast.sqlite3'}").connect() as conn:
        kept = conn.execute(select(persons.c.last_name, persons.c.version).where(persons.c.id == "persons-1")).one()
    # The field with a local change open kept its local value; the rest moved on.
    assert kept == ("11last_name"[: persons.c.last_name.type.length], 2)

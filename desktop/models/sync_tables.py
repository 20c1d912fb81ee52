"""Local sync bookkeeping tables (outbox, state, conflicts, parked operations) in the desktop database."""

from __future__ import annotations

from sqlalchemy import Column, Connection, Engine, Index, Integer, MetaData, String, Table, Text

from desktop.models.base import Base

metadata: MetaData = Base.metadata

# One row per local change not yet answered by the server, written in the edit's own transaction. A queue:
# read in order of its sequence number, and small between syncs, so it has no index beyond its key (an
# import queues a row per record, and an index on random ids would cost a scattered write for each).
sync_outbox = Table(
    "sync_outbox",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("op_id", String(36), nullable=False),
    Column("device_counter", Integer, nullable=False),
    Column("table_name", String(64), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("kind", String(8), nullable=False),
    Column("base_version", Integer, nullable=False),
    Column("changes", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
)

# Key/value state: pull cursor, device counter, device id, tokens (the database itself is encrypted).
sync_state = Table(
    "sync_state",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# A conflict the user resolves: both values per field, or a delete-versus-edit.
sync_conflicts = Table(
    "sync_conflicts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("table_name", String(64), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("fields", Text, nullable=False),
    Column("op_id", String(36), nullable=True),
    Column("created_at", String(40), nullable=False),
    Column("resolved_at", String(40), nullable=True),
    Column("resolution", String(16), nullable=True),
    Index("ix_sync_conflicts_record", "table_name", "record_id"),
)

# An operation the server rejected: shown to the user; later edits of the same record wait behind it.
sync_parked = Table(
    "sync_parked",
    metadata,
    Column("op_id", String(36), primary_key=True),
    Column("device_counter", Integer, nullable=False),
    Column("table_name", String(64), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("kind", String(8), nullable=False),
    Column("base_version", Integer, nullable=False),
    Column("changes", Text, nullable=False),
    Column("reason", String(64), nullable=False),
    Column("message", Text, nullable=False),
    Column("parked_at", String(40), nullable=False),
    Index("ix_sync_parked_record", "table_name", "record_id"),
)

SYNC_TABLES = (sync_outbox, sync_state, sync_conflicts, sync_parked)


def create_sync_tables(bind: Engine | Connection) -> None:
    """Create just these tables (tests and fresh profiles; the app's Alembic migration does the same)."""
    metadata.create_all(bind, tables=list(SYNC_TABLES))

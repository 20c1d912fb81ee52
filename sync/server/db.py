"""Server storage: schema-generic synced records plus accounts, devices, tokens and the op ledger."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Engine,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)

metadata = MetaData()

accounts = Table(
    "accounts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("username", String(150), nullable=False, unique=True),
    Column("display_name", String(200), nullable=False, default=""),
    Column("role", String(32), nullable=False),
    Column("municipality_codes", Text, nullable=False, default="[]"),
    Column("password_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", String(40), nullable=False),
    # Designated leerplichtambtenaar (Lpw art. 16) and boa registration number (Sv art. 142): who may sign what.
    Column("leerplichtambtenaar", Boolean, nullable=False, default=False),
    Column("boa_number", String(30), nullable=True),
)

devices = Table(
    "devices",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("account_id", String(36), nullable=False, index=True),
    Column("name", String(200), nullable=False, default=""),
    Column("created_at", String(40), nullable=False),
    Column("last_seen_at", String(40), nullable=True),
    Column("revoked_at", String(40), nullable=True),
    # Bumped when the device's tokens are revoked: access tokens carry it and older ones are refused.
    Column("token_generation", Integer, nullable=False, default=0),
)

refresh_tokens = Table(
    "refresh_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("device_id", String(36), nullable=False, index=True),
    Column("family_id", String(36), nullable=False),
    Column("expires_at", Integer, nullable=False),
    Column("used", Boolean, nullable=False, default=False),
    Column("revoked", Boolean, nullable=False, default=False),
)

records = Table(
    "records",
    metadata,
    Column("table_name", String(64), primary_key=True),
    Column("record_id", String(36), primary_key=True),
    Column("data", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("server_seq", Integer, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("field_versions", Text, nullable=False, default="{}"),
    # Scope columns, derived from the document at write time (see scope.py).
    Column("municipality_code", String(16), nullable=True),
    Column("owner_user_id", String(36), nullable=True),
    Column("assigned_user_id", String(36), nullable=True),
    Column("person_id", String(36), nullable=True),
    Column("case_id", String(36), nullable=True),
    Column("chk", Integer, nullable=False, default=0),
    Column("updated_at", String(40), nullable=False),
    Index("ix_records_server_seq", "server_seq"),
    Index("ix_records_person_id", "person_id"),
    Index("ix_records_case_id", "case_id"),
    Index("ix_records_municipality_seq", "municipality_code", "server_seq"),
    Index("ix_records_record_id", "record_id"),
)

# Which consultant may see which record (need-to-know caseload), maintained by scope.py.
record_access = Table(
    "record_access",
    metadata,
    Column("user_id", String(36), primary_key=True),
    Column("table_name", String(64), primary_key=True),
    Column("record_id", String(36), primary_key=True),
    Index("ix_record_access_record_id", "record_id"),
)

# A record that left someone's scope: the device purges it when it pulls past server_seq.
purges = Table(
    "purges",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("server_seq", Integer, nullable=False, index=True),
    Column("table_name", String(64), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("user_id", String(36), nullable=True),
    Column("municipality_code", String(16), nullable=True),
)

# Operation ids are unique per device: the same id from another device is another operation.
applied_ops = Table(
    "applied_ops",
    metadata,
    Column("op_id", String(36), primary_key=True),
    Column("device_id", String(36), primary_key=True),
    Column("body_hash", String(64), nullable=False),
    Column("result", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
)

# Earlier values of the fields a keeping period is computed from (birth date, kind, end dates): a
# retention marker is checked against them too, so an edit cannot shorten a term and delete at once.
retention_history = Table(
    "retention_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("table_name", String(64), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("field", String(64), nullable=False),
    Column("value", Text, nullable=True),
    Column("changed_at", String(40), nullable=False),
    Index("ix_retention_history_record", "record_id"),
)

# The owner of each natural key (a BSN, a case number, ...): see natural_keys.py.
record_keys = Table(
    "record_keys",
    metadata,
    Column("table_name", String(64), primary_key=True),
    Column("key_name", String(64), primary_key=True),
    Column("value", String(200), primary_key=True),
    Column("record_id", String(36), nullable=False),
    Index("ix_record_keys_value", "value"),
)

counters = Table(
    "counters",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", Integer, nullable=False),
)

# Who did what, without the data itself (no field values, no names).
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("account_id", String(36), nullable=True),
    Column("device_id", String(36), nullable=True),
    Column("action", String(64), nullable=False),
    Column("object", String(120), nullable=True),
    Column("result", String(64), nullable=False),
)


# The server's own hash chain over the access log: every entry a device delivered (with the device's own
# hash, so the two chains can be compared) and every server audit row, sealed in order (see audit_chain.py).
audit_chain = Table(
    "audit_chain",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    # The device's entry id, or 'server:<audit_log.id>' for the server's own rows.
    Column("entry_id", String(60), nullable=False, unique=True),
    Column("source", String(10), nullable=False),
    Column("occurred_at", String(40), nullable=False),
    Column("actor", String(80), nullable=False),
    Column("device", String(80), nullable=False),
    Column("action", String(64), nullable=False),
    Column("object_type", String(40), nullable=False),
    Column("object_id", String(120), nullable=True),
    Column("result", String(64), nullable=False),
    # Who delivered a device entry (the authenticated account and device), when.
    Column("account_id", String(36), nullable=True),
    Column("via_device", String(36), nullable=True),
    Column("received_at", String(40), nullable=False),
    # The device's own chain: its sequence number and hashes, checked on arrival.
    Column("client_seq", Integer, nullable=True),
    Column("client_prev_hash", String(64), nullable=True),
    Column("client_hash", String(64), nullable=True),
    Column("prev_hash", String(64), nullable=False),
    Column("entry_hash", String(64), nullable=False),
    Index("ix_audit_chain_object_id", "object_id"),
    Index("ix_audit_chain_actor", "actor"),
    Index("ix_audit_chain_via_device_seq", "via_device", "client_seq"),
)

# One row (id 1): the chain's head, and how far the server's audit rows have been sealed. Writers lock it.
audit_chain_head = Table(
    "audit_chain_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("entry_hash", String(64), nullable=False),
    Column("sealed_log_id", Integer, nullable=False),
)


# Letter and report templates published by the system administrator (functioneel beheerder): every version
# is kept, so a letter made with an older text can be made again exactly on any device. ``revision`` comes
# from the 'template_revision' counter; devices ask for what changed since the revision they last saw.
template_versions = Table(
    "template_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("source", Text, nullable=False),
    Column("author_id", String(36), nullable=False),
    Column("author", String(150), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("revision", Integer, nullable=False),
    UniqueConstraint("kind", "version", name="uq_template_versions_kind_version"),
    Index("ix_template_versions_revision", "revision"),
)

# The documents that go with the templates: 'opmaak' (layout settings) and 'organisaties' (addresses of the
# Raad and the SVB). Only the newest content of each is kept.
template_documents = Table(
    "template_documents",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("content", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("author_id", String(36), nullable=False),
    Column("author", String(150), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("revision", Integer, nullable=False),
    Index("ix_template_documents_revision", "revision"),
)

# The number each device prints in the 'Ons kenmerk' of its documents, handed out once per device (never reused).
device_numbers = Table(
    "device_numbers",
    metadata,
    Column("device_id", String(36), primary_key=True),
    Column("number", Integer, nullable=False),
    Column("assigned_at", String(40), nullable=False),
    UniqueConstraint("number", name="uq_device_numbers_number"),
)


def make_engine(database_url: str) -> Engine:
    """Engine for the server database; SQLite gets WAL and a busy timeout, PostgreSQL psycopg 3."""
    if database_url.startswith("postgresql://"):
        database_url = "postgresql+psycopg://" + database_url[len("postgresql://") :]
    if database_url.startswith("sqlite"):
        path = database_url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            database_url, connect_args={"check_same_thread": False, "timeout": 30}, pool_pre_ping=True
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    return create_engine(database_url, pool_size=10, max_overflow=20, pool_pre_ping=True)


def dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)

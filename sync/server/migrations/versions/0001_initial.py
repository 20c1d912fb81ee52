"""Initial server schema: accounts, devices, tokens, synced records, scope, op ledger, audit log.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("username", sa.String(150), nullable=False, unique=True),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("municipality_codes", sa.Text, nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("account_id", sa.String(36), nullable=False, index=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("last_seen_at", sa.String(40), nullable=True),
        sa.Column("revoked_at", sa.String(40), nullable=True),
        sa.Column("token_generation", sa.Integer, nullable=False),
    )
    op.create_table(
        "refresh_tokens",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("device_id", sa.String(36), nullable=False, index=True),
        sa.Column("family_id", sa.String(36), nullable=False),
        sa.Column("expires_at", sa.Integer, nullable=False),
        sa.Column("used", sa.Boolean, nullable=False),
        sa.Column("revoked", sa.Boolean, nullable=False),
    )
    op.create_table(
        "records",
        sa.Column("table_name", sa.String(64), primary_key=True),
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("server_seq", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("field_versions", sa.Text, nullable=False),
        sa.Column("municipality_code", sa.String(16), nullable=True),
        sa.Column("owner_user_id", sa.String(36), nullable=True),
        sa.Column("assigned_user_id", sa.String(36), nullable=True),
        sa.Column("person_id", sa.String(36), nullable=True),
        sa.Column("case_id", sa.String(36), nullable=True),
        sa.Column("chk", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_records_server_seq", "records", ["server_seq"])
    op.create_index("ix_records_person_id", "records", ["person_id"])
    op.create_index("ix_records_case_id", "records", ["case_id"])
    op.create_index("ix_records_municipality_seq", "records", ["municipality_code", "server_seq"])
    op.create_table(
        "record_access",
        sa.Column("user_id", sa.String(36), primary_key=True),
        sa.Column("table_name", sa.String(64), primary_key=True),
        sa.Column("record_id", sa.String(36), primary_key=True),
    )
    op.create_table(
        "purges",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("server_seq", sa.Integer, nullable=False, index=True),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("user_id", sa.String(36), nullable=True),
        sa.Column("municipality_code", sa.String(16), nullable=True),
    )
    op.create_table(
        "applied_ops",
        sa.Column("op_id", sa.String(36), primary_key=True),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("body_hash", sa.String(64), nullable=False),
        sa.Column("result", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "counters",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )
    op.bulk_insert(
        sa.table("counters", sa.column("name", sa.String), sa.column("value", sa.Integer)),
        [{"name": "server_seq", "value": 0}],
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("account_id", sa.String(36), nullable=True),
        sa.Column("device_id", sa.String(36), nullable=True),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("object", sa.String(120), nullable=True),
        sa.Column("result", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    for name in (
        "audit_log",
        "counters",
        "applied_ops",
        "purges",
        "record_access",
        "records",
        "refresh_tokens",
        "devices",
        "accounts",
    ):
        op.drop_table(name)

"""The sync bookkeeping tables: outbox, state, conflicts and parked operations.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("device_counter", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("op_id", name=op.f("uq_sync_outbox_op_id")),
    )
    op.create_index("ix_sync_outbox_record", "sync_outbox", ["table_name", "record_id"], unique=False)
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("resolved_at", sa.String(length=40), nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index("ix_sync_conflicts_record", "sync_conflicts", ["table_name", "record_id"], unique=False)
    op.create_table(
        "sync_parked",
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("device_counter", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("parked_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_sync_parked")),
    )
    op.create_index("ix_sync_parked_record", "sync_parked", ["table_name", "record_id"], unique=False)


def downgrade() -> None:
    for table in ("sync_parked", "sync_conflicts", "sync_outbox"):
        op.drop_index(f"ix_{table}_record", table_name=table)
    for table in ("sync_parked", "sync_conflicts", "sync_state", "sync_outbox"):
        op.drop_table(table)

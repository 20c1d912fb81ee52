"""The server's hash-chained access log: entries delivered by devices plus the server's own audit rows.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

GENESIS_HASH = "0" * 64


def upgrade() -> None:
    op.create_table(
        "audit_chain",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("entry_id", sa.String(60), nullable=False, unique=True),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("occurred_at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(80), nullable=False),
        sa.Column("device", sa.String(80), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("object_type", sa.String(40), nullable=False),
        sa.Column("object_id", sa.String(120), nullable=True),
        sa.Column("result", sa.String(64), nullable=False),
        sa.Column("account_id", sa.String(36), nullable=True),
        sa.Column("via_device", sa.String(36), nullable=True),
        sa.Column("received_at", sa.String(40), nullable=False),
        sa.Column("client_seq", sa.Integer, nullable=True),
        sa.Column("client_prev_hash", sa.String(64), nullable=True),
        sa.Column("client_hash", sa.String(64), nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_chain_object_id", "audit_chain", ["object_id"])
    op.create_index("ix_audit_chain_actor", "audit_chain", ["actor"])
    op.create_index("ix_audit_chain_via_device_seq", "audit_chain", ["via_device", "client_seq"])
    head = op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.Column("sealed_log_id", sa.Integer, nullable=False),
    )
    op.bulk_insert(head, [{"id": 1, "seq": 0, "entry_hash": GENESIS_HASH, "sealed_log_id": 0}])


def downgrade() -> None:
    op.drop_table("audit_chain_head")
    op.drop_index("ix_audit_chain_via_device_seq", "audit_chain")
    op.drop_index("ix_audit_chain_actor", "audit_chain")
    op.drop_index("ix_audit_chain_object_id", "audit_chain")
    op.drop_table("audit_chain")

"""Operation ids are unique per device; earlier values of the fields retention is decided on.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # An op id answers only for the device that sent it: the key becomes (op id, device); the op id leads,
    # so a lookup of a batch of op ids is one index scan whatever the planner knows of the table.
    _rekey_applied_ops(["op_id", "device_id"])
    op.create_table(
        "retention_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("value", sa.Text, nullable=True),
        sa.Column("changed_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_retention_history_record", "retention_history", ["record_id"])


def downgrade() -> None:
    op.drop_index("ix_retention_history_record", "retention_history")
    op.drop_table("retention_history")
    _rekey_applied_ops(["op_id"])


def _rekey_applied_ops(key: list[str]) -> None:
    """Copy the ledger into a table with another primary key (portable: no named key to drop)."""
    op.create_table(
        "applied_ops_new",
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("body_hash", sa.String(64), nullable=False),
        sa.Column("result", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint(*key),
    )
    op.execute(
        "INSERT INTO applied_ops_new (op_id, device_id, body_hash, result, created_at)"
        " SELECT op_id, device_id, body_hash, result, created_at FROM applied_ops"
    )
    op.drop_table("applied_ops")
    op.rename_table("applied_ops_new", "applied_ops")

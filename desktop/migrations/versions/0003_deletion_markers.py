"""Deletion markers left by the retention job, so removals sync to the server.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deletion_markers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deletion_markers")),
    )
    with op.batch_alter_table("deletion_markers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deletion_markers_record_id"), ["record_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("deletion_markers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deletion_markers_record_id"))
    op.drop_table("deletion_markers")

"""Indexes on record_id alone: a push loads its records and their access by id, whatever the table.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_records_record_id", "records", ["record_id"])
    op.create_index("ix_record_access_record_id", "record_access", ["record_id"])


def downgrade() -> None:
    op.drop_index("ix_record_access_record_id", "record_access")
    op.drop_index("ix_records_record_id", "records")

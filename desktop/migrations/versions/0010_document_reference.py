"""Every made letter and report keeps its own 'Ons kenmerk' in the document register: year, the device's
number and its sequence, so that it is unique without the server at print time. Earlier records keep none.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document_records") as batch:
        batch.add_column(sa.Column("reference", sa.String(40), nullable=True))
        batch.create_index("ix_document_records_reference", ["reference"])


def downgrade() -> None:
    with op.batch_alter_table("document_records") as batch:
        batch.drop_index("ix_document_records_reference")
        batch.drop_column("reference")

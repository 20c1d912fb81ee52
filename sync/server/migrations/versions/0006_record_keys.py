"""Natural keys on the server (record_keys): the owner of each BSN, onderwijsnummer, case number, DUO
meldingsnummer, CBS code and BRIN with vestiging, filled from the stored records.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from sync.server.natural_keys import backfill

    op.create_table(
        "record_keys",
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("key_name", sa.String(64), nullable=False),
        sa.Column("value", sa.String(200), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "key_name", "value", name="pk_record_keys"),
    )
    op.create_index("ix_record_keys_value", "record_keys", ["value"])
    backfill(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_record_keys_value", "record_keys")
    op.drop_table("record_keys")

"""Every device gets a number of its own, once, for the 'Ons kenmerk' of the documents it makes: year, device
number and the device's own sequence are unique without asking the server at print time.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "device_numbers",
        sa.Column("device_id", sa.String(36), primary_key=True),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("assigned_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("number", name="uq_device_numbers_number"),
    )


def downgrade() -> None:
    op.drop_table("device_numbers")

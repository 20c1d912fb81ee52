"""A request for vakantieverlof records whether a werkgeversverklaring was handed in: the parent's job rules
out a holiday in the school holidays (Lpw art. 11 onder f, 13a). Earlier requests keep no value.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("leave_requests") as batch:
        batch.add_column(sa.Column("employer_statement", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("leave_requests") as batch:
        batch.drop_column("employer_statement")

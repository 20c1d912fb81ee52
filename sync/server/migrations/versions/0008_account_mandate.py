"""Accounts record whether the user is the designated leerplichtambtenaar (Lpw art. 16) and his or her boa
registration number (Sv art. 142): the server checks with them who may sign a pushed decision, proces-verbaal
or document.

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
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("leerplichtambtenaar", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("boa_number", sa.String(30), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("boa_number")
        batch.drop_column("leerplichtambtenaar")

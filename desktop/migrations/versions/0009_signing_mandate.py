"""Who may sign on behalf of the college: users record whether they are the designated leerplichtambtenaar
(Lpw art. 16) and their boa registration number (Sv art. 142); the region's mandate rules per act come from
the server as reference data.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("leerplichtambtenaar", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("boa_number", sa.String(length=30), nullable=True))
    op.create_table(
        "mandate_rules",
        sa.Column("act", sa.String(length=40), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("requires_designation", sa.Boolean(), nullable=False),
        sa.Column("requires_boa", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mandate_rules")),
        sa.UniqueConstraint("act", name=op.f("uq_mandate_rules_act")),
    )


def downgrade() -> None:
    op.drop_table("mandate_rules")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("boa_number")
        batch.drop_column("leerplichtambtenaar")

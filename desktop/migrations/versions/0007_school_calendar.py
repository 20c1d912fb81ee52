"""The school calendar: the school holidays per schooljaar and vakantieregio, as reference data.

The shipped holidays come into a new profile with `vangnet init` and from the server, as the gemeenten do.

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
        "school_holidays",
        sa.Column("school_year", sa.String(length=9), nullable=False),
        sa.Column(
            "holiday_region",
            sa.Enum("noord", "midden", "zuid", name="holiday_region", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "last_day IS NULL OR first_day IS NULL OR last_day >= first_day", name=op.f("ck_school_holidays_period")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_holidays")),
        sa.UniqueConstraint("school_year", "holiday_region", "name", name="uq_school_holidays_school_year"),
    )


def downgrade() -> None:
    op.drop_table("school_holidays")

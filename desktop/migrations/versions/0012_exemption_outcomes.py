"""Exemptions record the evidence each article asks for (Lpw art. 5a, 8, 9, 3a, 3b, 14), and a kennisgeving is
confirmed or found incomplete while a request is granted or refused; both can be withdrawn or inadmissible.
Earlier records keep their values ('granted'/'refused').

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

OLD_DECISIONS = ("granted", "refused")
NEW_DECISIONS = ("granted", "refused", "confirmed", "incomplete", "withdrawn", "inadmissible")


def _decision(values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(
        *values, name="decision", native_enum=False, create_constraint=True, length=max(map(len, values))
    )


def upgrade() -> None:
    with op.batch_alter_table("exemptions") as batch:
        batch.alter_column("decision", existing_type=_decision(OLD_DECISIONS), type_=_decision(NEW_DECISIONS),
                           existing_nullable=True)
        batch.add_column(sa.Column("attended_denomination_last_year", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("abroad_head_statement", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column(
            "travelling_occupation",
            sa.Enum("fairground", "circus", name="travelling_occupation", native_enum=False, create_constraint=True,
                    length=10),
            nullable=True,
        ))
        batch.add_column(sa.Column("travels_along", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("travelling_school_nearby", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("practical_time", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("institution", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("head_teacher_heard", sa.Boolean(), nullable=True))
    with op.batch_alter_table("leave_requests") as batch:
        batch.alter_column("decision", existing_type=_decision(OLD_DECISIONS), type_=_decision(NEW_DECISIONS),
                           existing_nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("leave_requests") as batch:
        batch.alter_column("decision", existing_type=_decision(NEW_DECISIONS), type_=_decision(OLD_DECISIONS),
                           existing_nullable=True)
    with op.batch_alter_table("exemptions") as batch:
        batch.drop_constraint(op.f("ck_exemptions_travelling_occupation"), type_="check")
        for column in ("head_teacher_heard", "institution", "practical_time", "travelling_school_nearby",
                       "travels_along", "travelling_occupation", "abroad_head_statement",
                       "attended_denomination_last_year"):
            batch.drop_column(column)
        batch.alter_column("decision", existing_type=_decision(NEW_DECISIONS), type_=_decision(OLD_DECISIONS),
                           existing_nullable=True)

"""A proces-verbaal identifies its suspect fully and quotes the hearing: persons and guardians gain a place of
birth, guardians a date of birth (Sv art. 27a lid 1), and the verhoor of a suspect (caution, rights, statement or
silence; Sv art. 29 lid 2, 27c lid 2, 488ab) becomes a record of its own. Earlier rows keep no value.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("persons") as batch:
        batch.add_column(sa.Column("birth_place", sa.String(length=80), nullable=True))
    with op.batch_alter_table("guardians") as batch:
        batch.add_column(sa.Column("birth_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("birth_place", sa.String(length=80), nullable=True))
    op.create_table(
        "hearings",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("guardian_id", sa.String(length=36), nullable=True),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("held_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("place", sa.String(length=160), nullable=False),
        sa.Column("appeared", sa.Boolean(), nullable=False),
        sa.Column("caution_given", sa.Boolean(), nullable=False),
        sa.Column("legal_aid_informed", sa.Boolean(), nullable=False),
        sa.Column("minor_rights_informed", sa.Boolean(), nullable=True),
        sa.Column("accompanied_by", sa.String(length=160), nullable=True),
        sa.Column("lawyer", sa.String(length=160), nullable=True),
        sa.Column("interpreter", sa.String(length=160), nullable=True),
        sa.Column("remains_silent", sa.Boolean(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_hearings_case_id_cases")),
        sa.ForeignKeyConstraint(["guardian_id"], ["guardians.id"], name=op.f("fk_hearings_guardian_id_guardians")),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_hearings_person_id_persons")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_hearings_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hearings")),
    )
    with op.batch_alter_table("hearings") as batch:
        batch.create_index(batch.f("ix_hearings_case_id"), ["case_id"], unique=False)
        batch.create_index(batch.f("ix_hearings_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("hearings") as batch:
        batch.drop_index(batch.f("ix_hearings_person_id"))
        batch.drop_index(batch.f("ix_hearings_case_id"))
    op.drop_table("hearings")
    with op.batch_alter_table("guardians") as batch:
        batch.drop_column("birth_place")
        batch.drop_column("birth_date")
    with op.batch_alter_table("persons") as batch:
        batch.drop_column("birth_place")

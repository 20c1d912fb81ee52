"""The initial schema: every synchronised table of the domain model.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


# The CHECK texts are frozen here (not imported from the model) so this revision never changes meaning.
def _digits(column: str, length: int) -> str:
    parts = [f"length({column}) = {length}"]
    parts += [f"substr({column}, {i}, 1) BETWEEN '0' AND '9'" for i in range(1, length + 1)]
    return " AND ".join(parts)


_WEIGHTED = " + ".join(f"({weight}) * CAST(substr(bsn, {i}, 1) AS INTEGER)" for i, weight in enumerate(BSN_WEIGHTS, 1))
BSN_CHECK = f"bsn IS NULL OR ({_digits('bsn', 9)} AND bsn <> '000000000' AND ({_WEIGHTED}) % 11 = 0)"
EDUCATION_NUMBER_CHECK = f"education_number IS NULL OR ({_digits('education_number', 9)})"

# Creation order; dropped in reverse.
TABLES = (
    "municipalities",
    "persons",
    "schools",
    "users",
    "address_history",
    "cases",
    "enrollments",
    "guardians",
    "transfers",
    "absence_reports",
    "appointments",
    "document_records",
    "dropout_trajectories",
    "exemptions",
    "home_sitter_episodes",
    "interventions",
    "journal_entries",
    "leave_requests",
)


def upgrade() -> None:
    op.create_table(
        "municipalities",
        sa.Column("cbs_code", sa.String(length=6), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("in_region", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "substr(cbs_code, 1, 2) = 'GM' AND length(cbs_code) = 6", name=op.f("ck_municipalities_cbs_code_format")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_municipalities")),
        sa.UniqueConstraint("cbs_code", name=op.f("uq_municipalities_cbs_code")),
    )
    op.create_table(
        "persons",
        sa.Column("bsn", sa.String(length=9), nullable=True),
        sa.Column("education_number", sa.String(length=9), nullable=True),
        sa.Column("first_names", sa.String(length=120), nullable=False),
        sa.Column("call_name", sa.String(length=60), nullable=True),
        sa.Column("prefix", sa.String(length=20), nullable=True),
        sa.Column("last_name", sa.String(length=120), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column(
            "gender",
            sa.Enum("male", "female", "other", "unknown", name="gender", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("municipality_code", sa.String(length=6), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("email", sa.String(length=120), nullable=True),
        sa.Column("qualified_on", sa.Date(), nullable=True),
        sa.Column("qualification_exempt", sa.Boolean(), nullable=False),
        sa.Column("deceased_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("street", sa.String(length=120), nullable=True),
        sa.Column("house_number", sa.String(length=16), nullable=True),
        sa.Column("postal_code", sa.String(length=7), nullable=True),
        sa.Column("city", sa.String(length=80), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(BSN_CHECK, name=op.f("ck_persons_bsn_11_proef")),
        sa.CheckConstraint(EDUCATION_NUMBER_CHECK, name=op.f("ck_persons_education_number_format")),
        sa.CheckConstraint("bsn IS NOT NULL OR education_number IS NOT NULL", name=op.f("ck_persons_has_identifier")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persons")),
        sa.UniqueConstraint("bsn", name=op.f("uq_persons_bsn")),
        sa.UniqueConstraint("education_number", name=op.f("uq_persons_education_number")),
    )
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_persons_birth_date"), ["birth_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_persons_last_name"), ["last_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_persons_municipality_code"), ["municipality_code"], unique=False)
        batch_op.create_index("ix_persons_name_birth", ["last_name", "first_names", "birth_date"], unique=False)

    op.create_table(
        "schools",
        sa.Column("brin", sa.String(length=4), nullable=False),
        sa.Column("location", sa.String(length=2), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "PO", "SO", "VO", "VSO", "ISK", "PrO", "MBO", name="kind", native_enum=False, create_constraint=True
            ),
            nullable=False,
        ),
        sa.Column("municipality_code", sa.String(length=6), nullable=True),
        sa.Column("denomination", sa.String(length=60), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("email", sa.String(length=120), nullable=True),
        sa.Column("contact_name", sa.String(length=120), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("street", sa.String(length=120), nullable=True),
        sa.Column("house_number", sa.String(length=16), nullable=True),
        sa.Column("postal_code", sa.String(length=7), nullable=True),
        sa.Column("city", sa.String(length=80), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint("length(brin) = 4 AND length(location) = 2", name=op.f("ck_schools_brin_format")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schools")),
        sa.UniqueConstraint("brin", "location", name="uq_schools_brin_location"),
    )
    with op.batch_alter_table("schools", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_schools_brin"), ["brin"], unique=False)
        batch_op.create_index(batch_op.f("ix_schools_municipality_code"), ["municipality_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_schools_name"), ["name"], unique=False)

    op.create_table(
        "users",
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "consultant",
                "administrator",
                "team_lead",
                "system_administrator",
                name="role",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("municipality_codes", sa.JSON(), nullable=False),
        sa.Column("job_title", sa.String(length=80), nullable=True),
        sa.Column("email", sa.String(length=120), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "address_history",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("from_date", sa.Date(), nullable=False),
        sa.Column("to_date", sa.Date(), nullable=True),
        sa.Column("municipality_code", sa.String(length=6), nullable=True),
        sa.Column("street", sa.String(length=120), nullable=True),
        sa.Column("house_number", sa.String(length=16), nullable=True),
        sa.Column("postal_code", sa.String(length=7), nullable=True),
        sa.Column("city", sa.String(length=80), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "to_date IS NULL OR from_date IS NULL OR to_date >= from_date", name=op.f("ck_address_history_period")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_address_history_person_id_persons")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_address_history")),
    )
    with op.batch_alter_table("address_history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_address_history_person_id"), ["person_id"], unique=False)

    op.create_table(
        "cases",
        sa.Column("case_number", sa.String(length=15), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "relative",
                "absolute",
                "over_18",
                "home_sitter",
                "dropout",
                name="kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum("open", "closed", name="status", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column(
            "phase",
            sa.Enum(
                "observe", "analyse", "plan", "act", "evaluate", name="phase", native_enum=False, create_constraint=True
            ),
            nullable=False,
        ),
        sa.Column(
            "route",
            sa.Enum("care", "halt", "civil", "criminal", name="route", native_enum=False, create_constraint=True),
            nullable=True,
        ),
        sa.Column("route_motivation", sa.Text(), nullable=True),
        sa.Column("assigned_user_id", sa.String(length=36), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column(
            "close_reason",
            sa.Enum(
                "back_to_school",
                "attendance_restored",
                "other_education",
                "work",
                "exemption",
                "qualified",
                "turned_18",
                "turned_23",
                "moved",
                "legitimately_absent",
                "referred",
                "official_report",
                "not_reachable",
                "deceased",
                "other",
                name="close_reason",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column("close_explanation", sa.Text(), nullable=True),
        sa.Column("municipality_code", sa.String(length=6), nullable=True),
        sa.Column("school_id", sa.String(length=36), nullable=True),
        sa.Column("needs_investigation", sa.Boolean(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "closed_on IS NULL OR opened_on IS NULL OR closed_on >= opened_on", name=op.f("ck_cases_period")
        ),
        sa.ForeignKeyConstraint(["assigned_user_id"], ["users.id"], name=op.f("fk_cases_assigned_user_id_users")),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_cases_person_id_persons")),
        sa.ForeignKeyConstraint(["school_id"], ["schools.id"], name=op.f("fk_cases_school_id_schools")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("case_number", name=op.f("uq_cases_case_number")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_assigned_user_id"), ["assigned_user_id"], unique=False)
        batch_op.create_index("ix_cases_kind_opened_on", ["kind", "opened_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_municipality_code"), ["municipality_code"], unique=False)
        batch_op.create_index("ix_cases_opened_on", ["opened_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_school_id"), ["school_id"], unique=False)
        batch_op.create_index("ix_cases_status_assigned_user", ["status", "assigned_user_id"], unique=False)

    op.create_table(
        "enrollments",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("school_id", sa.String(length=36), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("level", sa.String(length=40), nullable=True),
        sa.Column("grade", sa.Integer(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name=op.f("ck_enrollments_period")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_enrollments_person_id_persons")),
        sa.ForeignKeyConstraint(["school_id"], ["schools.id"], name=op.f("fk_enrollments_school_id_schools")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrollments")),
    )
    with op.batch_alter_table("enrollments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enrollments_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_enrollments_school_id"), ["school_id"], unique=False)

    op.create_table(
        "guardians",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column(
            "relation",
            sa.Enum(
                "mother",
                "father",
                "parent",
                "guardian",
                "foster_parent",
                "carer",
                "other",
                name="relation",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("has_authority", sa.Boolean(), nullable=False),
        sa.Column("first_names", sa.String(length=120), nullable=True),
        sa.Column("initials", sa.String(length=20), nullable=True),
        sa.Column("prefix", sa.String(length=20), nullable=True),
        sa.Column("last_name", sa.String(length=120), nullable=False),
        sa.Column(
            "gender",
            sa.Enum("male", "female", "other", "unknown", name="gender", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("email", sa.String(length=120), nullable=True),
        sa.Column("receives_mail", sa.Boolean(), nullable=False),
        sa.Column("street", sa.String(length=120), nullable=True),
        sa.Column("house_number", sa.String(length=16), nullable=True),
        sa.Column("postal_code", sa.String(length=7), nullable=True),
        sa.Column("city", sa.String(length=80), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_guardians_person_id_persons")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guardians")),
    )
    with op.batch_alter_table("guardians", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guardians_person_id"), ["person_id"], unique=False)

    op.create_table(
        "transfers",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("school_year", sa.String(length=9), nullable=True),
        sa.Column("brin_vo", sa.String(length=4), nullable=True),
        sa.Column("brin_mbo", sa.String(length=4), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "registered",
                "enrolled",
                "not_registered",
                "dropped_out",
                "other",
                name="status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("status_date", sa.Date(), nullable=True),
        sa.Column("guided", sa.Boolean(), nullable=False),
        sa.Column("guided_by_user_id", sa.String(length=36), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("municipality_code", sa.String(length=6), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["guided_by_user_id"], ["users.id"], name=op.f("fk_transfers_guided_by_user_id_users")),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_transfers_person_id_persons")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfers")),
    )
    with op.batch_alter_table("transfers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transfers_municipality_code"), ["municipality_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_transfers_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_transfers_school_year"), ["school_year"], unique=False)

    op.create_table(
        "absence_reports",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("duo_number", sa.String(length=40), nullable=True),
        sa.Column(
            "source",
            sa.Enum("duo", "import", "manual", name="source", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("school_id", sa.String(length=36), nullable=True),
        sa.Column("school_brin", sa.String(length=4), nullable=True),
        sa.Column("school_location", sa.String(length=2), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "sixteen_hours",
                "long_term",
                "luxury",
                "beginning",
                "signal",
                "other",
                "over_18",
                name="kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("absence_start", sa.Date(), nullable=True),
        sa.Column("absence_end", sa.Date(), nullable=True),
        sa.Column("suspected_reason", sa.Text(), nullable=True),
        sa.Column("all_lessons_missed", sa.Boolean(), nullable=True),
        sa.Column("school_actions", sa.Text(), nullable=True),
        sa.Column("municipality_action_wanted", sa.Boolean(), nullable=True),
        sa.Column("municipality_action_reason", sa.Text(), nullable=True),
        sa.Column("lesson_location", sa.String(length=160), nullable=True),
        sa.Column("reporter_name", sa.String(length=120), nullable=True),
        sa.Column("reporter_function", sa.String(length=80), nullable=True),
        sa.Column("reporter_phone", sa.String(length=30), nullable=True),
        sa.Column("reporter_email", sa.String(length=120), nullable=True),
        sa.Column("contact_phone", sa.String(length=30), nullable=True),
        sa.Column("residence_address", sa.String(length=200), nullable=True),
        sa.Column("days_absent", sa.Integer(), nullable=True),
        sa.Column("hours_absent", sa.Numeric(precision=6, scale=1, asdecimal=False), nullable=True),
        sa.Column("times_late", sa.Integer(), nullable=True),
        sa.Column(
            "duo_status",
            sa.Enum("in_progress", "closed", "noted", name="duo_status", native_enum=False, create_constraint=True),
            nullable=True,
        ),
        sa.Column("duo_status_on", sa.Date(), nullable=True),
        sa.Column(
            "duo_close_reason",
            sa.Enum(
                "back_to_school",
                "other_education",
                "work",
                "other",
                "deceased",
                "long_term_ill",
                "legitimately_absent",
                name="duo_close_reason",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column(
            "duo_explanation",
            sa.Enum(
                "pupil_seen",
                "action_ongoing",
                "no_further_action",
                name="duo_explanation",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column("duo_contact_name", sa.String(length=120), nullable=True),
        sa.Column("duo_contact_phone", sa.String(length=30), nullable=True),
        sa.Column("duo_contact_email", sa.String(length=120), nullable=True),
        sa.Column("duo_feedback_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("municipality_code", sa.String(length=6), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "absence_end IS NULL OR absence_start IS NULL OR absence_end >= absence_start",
            name=op.f("ck_absence_reports_period"),
        ),
        sa.CheckConstraint(
            "days_absent IS NULL OR days_absent >= 0", name=op.f("ck_absence_reports_days_absent_positive")
        ),
        sa.CheckConstraint(
            "hours_absent IS NULL OR hours_absent >= 0", name=op.f("ck_absence_reports_hours_absent_positive")
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_absence_reports_case_id_cases")),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_absence_reports_person_id_persons")),
        sa.ForeignKeyConstraint(["school_id"], ["schools.id"], name=op.f("fk_absence_reports_school_id_schools")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_absence_reports")),
        sa.UniqueConstraint("duo_number", name=op.f("uq_absence_reports_duo_number")),
    )
    with op.batch_alter_table("absence_reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_absence_reports_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_absence_reports_municipality_code"), ["municipality_code"], unique=False)
        batch_op.create_index(
            "ix_absence_reports_municipality_received", ["municipality_code", "received_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_absence_reports_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_absence_reports_received_on"), ["received_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_absence_reports_school_id"), ["school_id"], unique=False)

    op.create_table(
        "appointments",
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "appointment",
                "hearing",
                "agreement",
                "follow_up",
                "decision_due",
                "renewal",
                "objection",
                name="kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("is_deadline", sa.Boolean(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("location", sa.String(length=160), nullable=True),
        sa.Column("purpose", sa.Text(), nullable=True),
        sa.Column("attendees", sa.String(length=200), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "ends_at IS NULL OR starts_at IS NULL OR ends_at >= starts_at", name=op.f("ck_appointments_period")
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_appointments_case_id_cases")),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_appointments_person_id_persons")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_appointments_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appointments_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_appointments_done_starts", ["done", "starts_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_appointments_person_id"), ["person_id"], unique=False)
        batch_op.create_index("ix_appointments_user_starts", ["user_id", "starts_at"], unique=False)

    op.create_table(
        "document_records",
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column("template_version", sa.String(length=20), nullable=True),
        sa.Column("generated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("generated_by_user_id", sa.String(length=36), nullable=True),
        sa.Column("addressee", sa.String(length=200), nullable=True),
        sa.Column("merge_data", sa.Text(), nullable=True),
        sa.Column("file_name", sa.String(length=200), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_document_records_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["generated_by_user_id"], ["users.id"], name=op.f("fk_document_records_generated_by_user_id_users")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_document_records_person_id_persons")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_records")),
    )
    with op.batch_alter_table("document_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_records_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_document_records_generated_at", ["generated_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_document_records_person_id"), ["person_id"], unique=False)

    op.create_table(
        "dropout_trajectories",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column(
            "vsv_kind",
            sa.Enum("new", "old", name="vsv_kind", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("coach_user_id", sa.String(length=36), nullable=True),
        sa.Column("last_school_id", sa.String(length=36), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "back_to_school",
                "regular_work",
                "bbl",
                "other_route",
                name="outcome",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("municipality_code", sa.String(length=6), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_dropout_trajectories_period"),
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_dropout_trajectories_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["coach_user_id"], ["users.id"], name=op.f("fk_dropout_trajectories_coach_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["last_school_id"], ["schools.id"], name=op.f("fk_dropout_trajectories_last_school_id_schools")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_dropout_trajectories_person_id_persons")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dropout_trajectories")),
    )
    with op.batch_alter_table("dropout_trajectories", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dropout_trajectories_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dropout_trajectories_coach_user_id"), ["coach_user_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_dropout_trajectories_municipality_code"), ["municipality_code"], unique=False
        )
        batch_op.create_index("ix_dropout_trajectories_period", ["start_date", "end_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_dropout_trajectories_person_id"), ["person_id"], unique=False)

    op.create_table(
        "exemptions",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column(
            "article",
            sa.Enum(
                "5a",
                "5b",
                "5c",
                "5a_travel",
                "15",
                "3a",
                "3b",
                "11g",
                name="article",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("school_year", sa.String(length=9), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column(
            "decision",
            sa.Enum("granted", "refused", name="decision", native_enum=False, create_constraint=True),
            nullable=True,
        ),
        sa.Column("decided_by_user_id", sa.String(length=36), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("renewal_of_id", sa.String(length=36), nullable=True),
        sa.Column("never_fit", sa.Boolean(), nullable=False),
        sa.Column("statement_date", sa.Date(), nullable=True),
        sa.Column(
            "statement_by",
            sa.Enum(
                "doctor", "psychologist", "pedagogue", name="statement_by", native_enum=False, create_constraint=True
            ),
            nullable=True,
        ),
        sa.Column("doctor_appointed", sa.Boolean(), nullable=True),
        sa.Column("denomination_objection", sa.Text(), nullable=True),
        sa.Column("school_abroad", sa.String(length=200), nullable=True),
        sa.Column("substitute_programme", sa.Text(), nullable=True),
        sa.Column("registered_with_duo_on", sa.Date(), nullable=True),
        sa.Column("motivation", sa.Text(), nullable=True),
        sa.Column("municipality_code", sa.String(length=6), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "decided_on IS NULL OR received_on IS NULL OR decided_on >= received_on",
            name=op.f("ck_exemptions_decided_after_received"),
        ),
        sa.CheckConstraint(
            "valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from", name=op.f("ck_exemptions_period")
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_exemptions_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["decided_by_user_id"], ["users.id"], name=op.f("fk_exemptions_decided_by_user_id_users")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_exemptions_person_id_persons")),
        sa.ForeignKeyConstraint(
            ["renewal_of_id"], ["exemptions.id"], name=op.f("fk_exemptions_renewal_of_id_exemptions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exemptions")),
    )
    with op.batch_alter_table("exemptions", schema=None) as batch_op:
        batch_op.create_index("ix_exemptions_article_received", ["article", "received_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_exemptions_municipality_code"), ["municipality_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_exemptions_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_exemptions_valid_until"), ["valid_until"], unique=False)

    op.create_table(
        "home_sitter_episodes",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("school_id", sa.String(length=36), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column(
            "end_reason",
            sa.Enum(
                "resolved", "turned_18", "moved", "other", name="end_reason", native_enum=False, create_constraint=True
            ),
            nullable=True,
        ),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("municipality_code", sa.String(length=6), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_home_sitter_episodes_period"),
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_home_sitter_episodes_case_id_cases")),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_home_sitter_episodes_person_id_persons")),
        sa.ForeignKeyConstraint(["school_id"], ["schools.id"], name=op.f("fk_home_sitter_episodes_school_id_schools")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_home_sitter_episodes")),
    )
    with op.batch_alter_table("home_sitter_episodes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_home_sitter_episodes_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_home_sitter_episodes_municipality_code"), ["municipality_code"], unique=False
        )
        batch_op.create_index("ix_home_sitter_episodes_period", ["start_date", "end_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_home_sitter_episodes_person_id"), ["person_id"], unique=False)

    op.create_table(
        "interventions",
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "warning",
                "help_referral",
                "halt",
                "official_report",
                "child_protection",
                "svb",
                name="kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("referred_to", sa.String(length=160), nullable=True),
        sa.Column(
            "suspect",
            sa.Enum("parents", "pupil", "both", name="suspect", native_enum=False, create_constraint=True),
            nullable=True,
        ),
        sa.Column("hours_absent", sa.Numeric(precision=6, scale=1, asdecimal=False), nullable=True),
        sa.Column("times_late", sa.Integer(), nullable=True),
        sa.Column("consent_pupil", sa.Boolean(), nullable=True),
        sa.Column("consent_parents", sa.Boolean(), nullable=True),
        sa.Column("report_number", sa.String(length=40), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "pending",
                "completed",
                "failed",
                "declined",
                "withdrawn",
                name="outcome",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.Column(
            "om_outcome",
            sa.Enum(
                "pending",
                "dismissed",
                "penalty_order",
                "settlement",
                "fine",
                "community_service",
                "conditional",
                "acquittal",
                "other",
                name="om_outcome",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column("om_outcome_on", sa.Date(), nullable=True),
        sa.Column("copy_to_child_protection", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "om_outcome_on IS NULL OR date IS NULL OR om_outcome_on >= date",
            name=op.f("ck_interventions_om_outcome_after_date"),
        ),
        sa.CheckConstraint(
            "outcome_on IS NULL OR date IS NULL OR outcome_on >= date", name=op.f("ck_interventions_outcome_after_date")
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_interventions_case_id_cases")),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_interventions_person_id_persons")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_interventions_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interventions")),
    )
    with op.batch_alter_table("interventions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interventions_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_interventions_kind_date", ["kind", "date"], unique=False)
        batch_op.create_index(batch_op.f("ix_interventions_person_id"), ["person_id"], unique=False)

    op.create_table(
        "journal_entries",
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "note",
                "contact",
                "conversation",
                "phone_call",
                "email",
                "letter",
                "home_visit",
                "school_visit",
                "phase_change",
                "route_change",
                "status_change",
                "assignment",
                name="kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("contact_with", sa.String(length=160), nullable=True),
        sa.Column("author_user_id", sa.String(length=36), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["author_user_id"], ["users.id"], name=op.f("fk_journal_entries_author_user_id_users")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_journal_entries_case_id_cases")),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_journal_entries_person_id_persons")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_entries")),
    )
    with op.batch_alter_table("journal_entries", schema=None) as batch_op:
        batch_op.create_index("ix_journal_entries_case_occurred", ["case_id", "occurred_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_journal_entries_person_id"), ["person_id"], unique=False)

    op.create_table(
        "leave_requests",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("school_id", sa.String(length=36), nullable=True),
        sa.Column(
            "kind",
            sa.Enum("holiday", "important_circumstances", name="kind", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column(
            "decided_by",
            sa.Enum("head_teacher", "attendance_officer", name="decided_by", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("head_teacher_heard", sa.Boolean(), nullable=True),
        sa.Column(
            "decision",
            sa.Enum("granted", "refused", name="decision", native_enum=False, create_constraint=True),
            nullable=True,
        ),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_by_user_id", sa.String(length=36), nullable=True),
        sa.Column("motivation", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint("days > 0", name=op.f("ck_leave_requests_days_positive")),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name=op.f("ck_leave_requests_period")
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_leave_requests_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["decided_by_user_id"], ["users.id"], name=op.f("fk_leave_requests_decided_by_user_id_users")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_leave_requests_person_id_persons")),
        sa.ForeignKeyConstraint(["school_id"], ["schools.id"], name=op.f("fk_leave_requests_school_id_schools")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leave_requests")),
    )
    with op.batch_alter_table("leave_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_leave_requests_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)

"""Published letter templates (every version) and their layout and organisation documents.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "template_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("author_id", sa.String(36), nullable=False),
        sa.Column("author", sa.String(150), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.UniqueConstraint("kind", "version", name="uq_template_versions_kind_version"),
    )
    op.create_index("ix_template_versions_revision", "template_versions", ["revision"])
    op.create_table(
        "template_documents",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("author_id", sa.String(36), nullable=False),
        sa.Column("author", sa.String(150), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
    )
    op.create_index("ix_template_documents_revision", "template_documents", ["revision"])
    op.bulk_insert(
        sa.table("counters", sa.column("name", sa.String), sa.column("value", sa.Integer)),
        [{"name": "template_revision", "value": 0}],
    )


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM counters WHERE name = 'template_revision'"))
    op.drop_index("ix_template_documents_revision", "template_documents")
    op.drop_table("template_documents")
    op.drop_index("ix_template_versions_revision", "template_versions")
    op.drop_table("template_versions")

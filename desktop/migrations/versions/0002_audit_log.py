"""The access log (hash-chained, append-only) and the profile's local facts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Frozen copy of desktop.models.audit.APPEND_ONLY_TRIGGERS as of this revision.
TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
       WHEN NEW.seq IS NOT OLD.seq OR NEW.entry_id IS NOT OLD.entry_id OR NEW.occurred_at IS NOT OLD.occurred_at
         OR NEW.actor IS NOT OLD.actor OR NEW.device IS NOT OLD.device OR NEW.action IS NOT OLD.action
         OR NEW.object_type IS NOT OLD.object_type OR NEW.object_id IS NOT OLD.object_id
         OR NEW.result IS NOT OLD.result OR NEW.prev_hash IS NOT OLD.prev_hash
         OR NEW.entry_hash IS NOT OLD.entry_hash
       BEGIN SELECT RAISE(ABORT, 'het toegangslogboek kan niet worden gewijzigd'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'het toegangslogboek kan niet worden gewijzigd'); END""",
)


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("device", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("object_type", sa.String(length=40), nullable=False),
        sa.Column("object_id", sa.String(length=36), nullable=True),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
        sa.UniqueConstraint("entry_id", name=op.f("uq_audit_log_entry_id")),
        sa.UniqueConstraint("prev_hash", name=op.f("uq_audit_log_prev_hash")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_object_id"), ["object_id"], unique=False)
    op.create_table(
        "local_meta",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_local_meta")),
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    op.drop_table("local_meta")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_object_id"))
        batch_op.drop_index(batch_op.f("ix_audit_log_action"))
    op.drop_table("audit_log")

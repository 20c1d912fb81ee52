"""The outbox keeps no index beyond its sequence number: answers find their entry by it.

A bulk import queues a row per record; an index on random ids (the operation's, the record's) cost a
scattered b-tree write for each. The operation id stays a column (the server keys its idempotency on it).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_outbox", recreate="always") as batch:
        batch.drop_constraint("uq_sync_outbox_op_id", type_="unique")
        batch.drop_index("ix_sync_outbox_record")


def downgrade() -> None:
    with op.batch_alter_table("sync_outbox", recreate="always") as batch:
        batch.create_unique_constraint("uq_sync_outbox_op_id", ["op_id"])
        batch.create_index("ix_sync_outbox_record", ["table_name", "record_id"])

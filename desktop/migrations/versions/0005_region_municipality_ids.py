"""The region's gemeenten get the id every device and server gives them (derived from the CBS code).

A profile made before the ids were shared has its gemeenten under ids of its own; the server's rows,
pulled later, would collide with them on the CBS code. Gemeenten are referred to by code, never by id,
so only the rows themselves change; any queued insert of them is dropped (the server has them).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.models.region import REGION_VERSION, region_municipality_rows

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    for row in region_municipality_rows():
        old = connection.execute(
            sa.text("SELECT id FROM municipalities WHERE cbs_code = :code"), {"code": row["cbs_code"]}
        ).scalar()
        if old is None or old == row["id"]:
            continue
        connection.execute(
            sa.text("UPDATE municipalities SET id = :new, version = :version WHERE id = :old AND version = 0"),
            {"new": row["id"], "old": old, "version": REGION_VERSION},
        )
        connection.execute(
            sa.text("DELETE FROM sync_outbox WHERE table_name = 'municipalities' AND record_id = :old"), {"old": old}
        )


def downgrade() -> None:
    """The shared ids stay: nothing refers to them but the rows themselves."""

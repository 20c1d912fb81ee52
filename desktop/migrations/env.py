"""Alembic environment for the local database: runs on the connection Vangnet hands over, never a URL."""

from __future__ import annotations

from alembic import context

import desktop.models  # noqa: F401  (registers every table on Base.metadata)
from desktop.models.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Migraties draaien alleen via Vangnet zelf, op een geopende database.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

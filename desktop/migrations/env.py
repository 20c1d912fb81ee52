"""Alembic environment for the local database: runs on the connection Vangnet hands over, never a URL."""

from __future__ import annotations

from alembic import context

from desktop.models.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Migraties draaien alleen via Vangnet zelf, op een geopende database.")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

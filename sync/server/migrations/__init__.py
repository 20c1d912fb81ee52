"""Alembic migrations of the sync server database, run programmatically at start."""

"""Runs the Alembic migrations of the local database on the open, keyed connection."""

from __future__ import annotations

import logging

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from desktop.paths import migrations_path

log = logging.getLogger(__name__)


def alembic_config() -> Config:
    # No alembic.ini and no URL: the connection is handed over in attributes.
    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(store, *, backup_first: bool = True, target: str = "head") -> bool:
    """Bring the store's schema to ``target``; back it up first when it holds a schema already.

    Returns True when a migration ran.
    """
    engine = store.engine
    current = current_revision(engine)
    head = head_revision() if target == "head" else target
    if current == head:
        return False
    if backup_first and current is not None:
        backup = store.backup()
        log.info("Back-up voor migratie gemaakt: %s", backup.name)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
    log.info("Database bijgewerkt van schemaversie %s naar %s", current, head)
    return True

"""Runs the Alembic migrations of the local database on the open, keyed connection.

Alembic itself takes a third of a second to import. Nearly every start finds the profile at the newest
schema already, so the head revision is read from the migration scripts' own ``revision`` and
``down_revision`` lines and the profile's revision from ``alembic_version`` with plain SQL; Alembic is
imported only when a migration has to run.
"""

from __future__ import annotations

import ast
import logging
from functools import lru_cache
from pathlib import Path

from sqlalchemy import inspect, text

from desktop.paths import migrations_path

log = logging.getLogger(__name__)

VERSION_TABLE = "alembic_version"


def alembic_config():
    from alembic.config import Config

    # No alembic.ini and no URL: the connection is handed over in attributes.
    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    return config


def _script_revisions(path: Path) -> tuple[str, str | None] | None:
    """``(revision, down_revision)`` of one migration script, read without running it."""
    found: dict[str, object] = {}
    for node in ast.parse(path.read_text("utf-8"), str(path)).body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                    found[target.id] = ast.literal_eval(node.value) if node.value is not None else None
    revision = found.get("revision")
    if not isinstance(revision, str):
        return None
    down = found.get("down_revision")
    if down is not None and not isinstance(down, str):
        raise RuntimeError(f"Migratie {path.name} heeft meer dan één voorganger; dat wordt niet ondersteund.")
    return revision, down


@lru_cache(maxsize=4)
def _head_of(folder: str) -> str | None:
    revisions: dict[str, str | None] = {}
    for path in sorted(Path(folder).glob("*.py")):
        pair = _script_revisions(path)
        if pair is not None:
            revisions[pair[0]] = pair[1]
    parents = {down for down in revisions.values() if down is not None}
    heads = [revision for revision in revisions if revision not in parents]
    if len(heads) > 1:
        raise RuntimeError(f"De migraties hebben meer dan één eindpunt: {', '.join(sorted(heads))}.")
    return heads[0] if heads else None


def head_revision() -> str | None:
    """The newest schema revision the bundled migrations lead to."""
    return _head_of(str(migrations_path() / "versions"))


def current_revision(engine) -> str | None:
    """The profile's schema revision, or None for an empty database."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:
        raise RuntimeError("De database heeft meer dan één schemaversie; dat wordt niet ondersteund.")
    return rows[0] if rows else None


def upgrade(store, *, backup_first: bool = True, target: str = "head") -> bool:
    """Bring the store's schema to ``target``; back it up first when it holds a schema already.

    Returns True when a migration ran.
    """
    engine = store.engine
    current = current_revision(engine)
    head = head_revision() if target == "head" else target
    if current == head:
        return False
    from alembic import command

    if backup_first and current is not None:
        backup = store.backup()
        log.info("Back-up voor migratie gemaakt: %s", backup.name)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
    log.info("Database bijgewerkt van schemaversie %s naar %s", current, head)
    return True

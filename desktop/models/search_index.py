"""The full-text index behind the global search: names and identifiers of persons in an FTS5 table.

The index is a plain FTS5 table keyed by the rowid of ``persons`` and kept in step by triggers. It is
created by :func:`ensure_search_index` (idempotent) rather than by a migration: a batch migration that
rebuilds ``persons`` drops its triggers and renumbers rowids, so every start checks and repairs it.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine

log = logging.getLogger(__name__)

INDEX_TABLE = "person_search"
TRIGGERS = ("person_search_ai", "person_search_au", "person_search_ad")

_NAME_SQL = (
    "trim(coalesce({p}.first_names,'') || ' ' || coalesce({p}.call_name,'') || ' ' || "
    "coalesce({p}.prefix,'') || ' ' || coalesce({p}.last_name,''))"
)
_IDS_SQL = "trim(coalesce({p}.bsn,'') || ' ' || coalesce({p}.education_number,''))"

_CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX_TABLE} USING fts5("
    "name, ids, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)

_CREATE_TRIGGERS = (
    # Interpolated parts are module constants, never user input.
    f"""CREATE TRIGGER IF NOT EXISTS person_search_ai AFTER INSERT ON persons BEGIN
        INSERT INTO {INDEX_TABLE}(rowid, name, ids)
        SELECT new.rowid, {_NAME_SQL.format(p='new')}, {_IDS_SQL.format(p='new')} WHERE new.deleted = 0;
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS person_search_au AFTER UPDATE ON persons BEGIN
        DELETE FROM {INDEX_TABLE} WHERE rowid = old.rowid;
        INSERT INTO {INDEX_TABLE}(rowid, name, ids)
        SELECT new.rowid, {_NAME_SQL.format(p='new')}, {_IDS_SQL.format(p='new')} WHERE new.deleted = 0;
    END""",  # noqa: S608
    f"""CREATE TRIGGER IF NOT EXISTS person_search_ad AFTER DELETE ON persons BEGIN
        DELETE FROM {INDEX_TABLE} WHERE rowid = old.rowid;
    END""",  # noqa: S608
)


def _existing(connection, kind: str, names: tuple[str, ...]) -> set[str]:
    rows = connection.exec_driver_sql(
        f"SELECT name FROM sqlite_master WHERE type = ? AND name IN ({','.join('?' * len(names))})",  # noqa: S608
        (kind, *names),
    ).fetchall()
    return {row[0] for row in rows}


def ensure_search_index(engine: Engine, *, verify_counts: bool = True) -> bool:
    """Create the search index and its triggers when missing, and rebuild it when it is out of step.

    ``verify_counts=False`` skips comparing the number of indexed and stored persons (a full count on a
    large region), for the start-up path; run the full check afterwards in the background.
    Returns True when the index was (re)built. Does nothing (False) when there is no ``persons`` table yet.
    """
    if engine.dialect.name != "sqlite":
        return False
    with engine.begin() as connection:
        if not _existing(connection, "table", ("persons",)):
            return False
        had_table = bool(_existing(connection, "table", (INDEX_TABLE,)))
        had_triggers = _existing(connection, "trigger", TRIGGERS) == set(TRIGGERS)
        connection.exec_driver_sql(_CREATE_TABLE)
        for statement in _CREATE_TRIGGERS:
            connection.exec_driver_sql(statement)
        stale = not had_table or not had_triggers
        if not stale and verify_counts:
            indexed = connection.exec_driver_sql(f"SELECT count(*) FROM {INDEX_TABLE}").scalar_one()  # noqa: S608
            persons = connection.exec_driver_sql("SELECT count(*) FROM persons WHERE deleted = 0").scalar_one()
            stale = indexed != persons
        if stale:
            rebuild(connection)
            log.info("Zoekindex opnieuw opgebouwd")
        return stale


def rebuild(connection) -> None:
    """Fill the index from scratch inside the caller's transaction."""
    connection.exec_driver_sql(f"DELETE FROM {INDEX_TABLE}")  # noqa: S608
    connection.exec_driver_sql(
        f"INSERT INTO {INDEX_TABLE}(rowid, name, ids) SELECT p.rowid, {_NAME_SQL.format(p='p')}, "  # noqa: S608
        f"{_IDS_SQL.format(p='p')} FROM persons AS p WHERE p.deleted = 0"
    )


def fts_query(user_text: str) -> str | None:
    """Turn what a user typed into a safe FTS5 query: every word quoted as a literal, prefix-matched.

    Quotes, operators (AND, NEAR(), column filters such as ``bsn:1*``) and apostrophes are taken
    literally; the result is None when nothing searchable remains.
    """
    terms = []
    for word in user_text.split():
        literal = word.replace('"', '""')
        # A term of only punctuation gives no tokens; FTS5 would reject an empty phrase.
        if not any(ch.isalnum() for ch in word):
            continue
        terms.append(f'"{literal}"*')
    return " ".join(terms) if terms else None

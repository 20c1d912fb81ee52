"""Finding and ordering persons by name: the FTS5 index behind the global search, and the Dutch collations
with their index behind sorted lists.

The search index is a plain FTS5 table keyed by the rowid of ``persons`` and kept in step by triggers.
The sort index orders persons by surname under the ``nl_achternaam`` collation. Both are created by
:func:`ensure_search_index` (idempotent) rather than by a migration: a batch migration that rebuilds
``persons`` drops its triggers and indexes and renumbers rowids, so every start checks and repairs them.
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from collections.abc import Callable

from sqlalchemy import Engine

log = logging.getLogger(__name__)

# -- Dutch sorting -----------------------------------------------------------------------------------

#: Case- and accent-insensitive text order ('Émile' with 'Emile', 'Ömer' with 'Omer').
COLLATION = "nl"
#: As ``nl``, and leading tussenvoegsels ignored as Dutch registers do ('van der Berg' under B).
SURNAME_COLLATION = "nl_achternaam"
SORT_INDEX = "ix_persons_sort_nl"

# Words that stand before a surname and are not sorted on (Dutch, Flemish, German and French forms as
# they occur in the BRP); only stripped while something of the name remains.
TUSSENVOEGSELS = frozenset({
    "van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "op", "aan", "uit", "bij", "onder",
    "over", "voor", "tot", "von", "vom", "zu", "zum", "zur", "le", "la", "les", "du", "des", "d'", "l'",
})
# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ł": "l",
                               "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "ß": "ss", "þ": "th"})


@functools.lru_cache(maxsize=65536)
def sort_key(text: str | None) -> str:
    """The text as compared: without accents, case-folded, punctuation as spaces, spaces collapsed."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    kept = []
    for char in decomposed:
        if unicodedata.combining(char):
            continue
        kept.append(char if char.isalnum() or char == "'" else " ")
    return " ".join("".join(kept).casefold().split())


@functools.lru_cache(maxsize=65536)
def surname_sort_key(text: str | None) -> str:
    """As :func:`sort_key`, with leading tussenvoegsels left out ('van der Berg' sorts as 'berg')."""
    words = sort_key(text).split()
    while len(words) > 1 and words[0] in TUSSENVOEGSELS:
        words.pop(0)
    # 'd'Ancona' and 'l'Abbé' written without a space.
    if words and len(words[0]) > 2 and words[0][:2] in ("d'", "l'"):
        words[0] = words[0][2:]
    return " ".join(word.replace("'", "") for word in words)


def _compare(key: Callable[[str], str]) -> Callable[[str, str], int]:
    def compare(left: str, right: str) -> int:
        a, b = key(left), key(right)
        if a != b:
            return -1 if a < b else 1
        # Equal under the collation: fall back on the written form so that the order is total.
        return (left > right) - (left < right)

    return compare


_compare_text = _compare(lambda value: sort_key(value).replace("'", ""))
_compare_surname = _compare(surname_sort_key)


def register_collations(dbapi_connection) -> None:
    """Make the Dutch collations known to one SQLite (SQLCipher) connection."""
    dbapi_connection.create_collation(COLLATION, _compare_text)
    dbapi_connection.create_collation(SURNAME_COLLATION, _compare_surname)


_CREATE_SORT_INDEX = (
    f"CREATE INDEX IF NOT EXISTS {SORT_INDEX} ON persons "
    f"(last_name COLLATE {SURNAME_COLLATION}, first_names COLLATE {COLLATION})"
)

# -- the search index ---------------------------------------------------------------------------------

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
        # Profiles opened through the store have the collations on every connection already.
        register_collations(connection.connection.driver_connection)
        connection.exec_driver_sql(_CREATE_SORT_INDEX)
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

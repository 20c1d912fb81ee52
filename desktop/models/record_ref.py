"""A reference to one record by the table it lives in: the one vocabulary for 'open this' across the program.

The table is a table name of the entity registry (``desktop.models.entities``): ``persons``, ``cases``,
``exemptions``, ``absence_reports``, ``schools`` and so on. Sources that name kinds of records in a word of
their own (the signals of the werkvoorraad, the search results) translate that word here, once, through the
registry's interchange names (``person``, ``case``, ``absence_report``: the record types of the JSONL format).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from desktop.models import entities


@dataclass(frozen=True)
class RecordRef:
    """One record: its registry ``table``, its ``id``, and the person whose file it belongs to when known."""

    table: str
    id: str
    person_id: str | None = None

    def __post_init__(self) -> None:
        if entities.get(self.table) is None:
            raise ValueError(f"unknown table {self.table!r}")

    @classmethod
    def of_kind(cls, kind: str, record_id: str, person_id: str | None = None) -> RecordRef:
        """The reference for a record named by its interchange name (``'case'`` gives table ``cases``)."""
        return cls(table_of_kind(kind), record_id, person_id)


@cache
def table_of_kind(kind: str) -> str:
    """The registry table whose interchange name is ``kind``; ValueError for a name the registry does not know."""
    found = entities.by_interchange(kind)
    if found is None:
        raise ValueError(f"unknown kind of record {kind!r}")
    return found.table

"""Finding records: person and case search, the person and school choices of the forms, and how a
person's name and BSN are shown in lists.

Plain Python over SQLAlchemy (no Qt). Persons are found through the full-text index (``search_index``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import Person, School
from desktop.models.enums import CaseKind
from desktop.models.record_ref import RecordRef
from desktop.models.search_index import INDEX_TABLE, fts_query

SEARCH_LIMIT = 25


def person_display_name(first_names: str | None, prefix: str | None, last_name: str | None) -> str:
    """'Jansen, Piet van' style for lists: surname first so that sorting reads naturally."""
    given = " ".join(part for part in (first_names, prefix) if part)
    return f"{last_name or ''}, {given}".strip(", ")


# The same 'Jansen, Piet van' in SQL, for the lists and the worklist to show and filter on.
PERSON_NAME = func.trim(Person.last_name + ", " + Person.first_names + func.coalesce(" " + Person.prefix, ""))


def mask_bsn(bsn: str | None) -> str:
    """A BSN as shown until the user asks to see it."""
    return "•••••••••" if bsn else ""


@dataclass(frozen=True)
class SearchResult:
    kind: str  # 'person', 'case' or 'school' (the interchange name of its table); 'none' for 'Niets gevonden'
    id: str
    title: str
    subtitle: str

    @property
    def ref(self) -> RecordRef | None:
        """The record this result opens; None for a line that stands for no record."""
        if self.kind == "none" or not self.id:
            return None
        return RecordRef.of_kind(self.kind, self.id, self.id if self.kind == "person" else None)


def search_person_rowids(session: Session, user_text: str, limit: int = SEARCH_LIMIT) -> list[int]:
    """The bare FTS query: rowids of persons whose name or identifiers match every typed word."""
    query = fts_query(user_text)
    if query is None:
        return []
    rows = session.execute(
        sa.text(f"SELECT rowid FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH :q LIMIT :n"),  # noqa: S608
        {"q": query, "n": limit},
    )
    return [row[0] for row in rows]


@dataclass(frozen=True)
class SchoolEntry:
    id: str
    name: str
    brin: str
    location: str
    city: str


def school_directory(session: Session) -> list[SchoolEntry]:
    """All schools (a few hundred): the search matches them in memory instead of querying per keystroke."""
    rows = session.execute(
        select(School.id, School.name, School.brin, School.location, School.city)
        .where(School.deleted.is_(False))
        .order_by(School.name)
    )
    return [SchoolEntry(r.id, r.name, r.brin, r.location, r.city or "") for r in rows]


# One statement per search: the FTS match and the persons it points at, without a second round trip.
_PERSON_SEARCH_SQL = sa.text(
    f"SELECT p.id, p.first_names, p.prefix, p.last_name, p.birth_date, p.city FROM {INDEX_TABLE} "  # noqa: S608
    f"JOIN persons AS p ON p.rowid = {INDEX_TABLE}.rowid "
    f"WHERE {INDEX_TABLE} MATCH :q AND p.deleted = 0 LIMIT :n"
)
_CASE_NUMBER_SQL = sa.text(
    "SELECT c.id, c.case_number, c.kind, p.first_names, p.prefix, p.last_name FROM cases AS c "
    "JOIN persons AS p ON p.id = c.person_id "
    "WHERE c.case_number >= :low AND c.case_number < :high AND c.deleted = 0 ORDER BY c.case_number LIMIT 10"
)


def _short_date(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    text = str(value or "")
    # SQLite hands the stored ISO text back when a raw statement reads a date column.
    return f"{text[8:10]}-{text[5:7]}-{text[0:4]}" if len(text) >= 10 else ""


def search(
    session: Session,
    user_text: str,
    limit: int = SEARCH_LIMIT,
    schools: Sequence[SchoolEntry] | None = None,
) -> list[SearchResult]:
    """Persons by name, BSN or onderwijsnummer; cases by number; schools by name or BRIN.

    ``schools`` is the caller's cached :func:`school_directory`; without it the schools are read here.
    """
    user_text = user_text.strip()
    if len(user_text) < 2:
        return []
    results: list[SearchResult] = []
    query = fts_query(user_text)
    if query is not None:
        rows = sorted(
            session.execute(_PERSON_SEARCH_SQL, {"q": query, "n": limit}).all(),
            key=lambda r: ((r[3] or "").lower(), (r[1] or "").lower()),
        )
        for person_id, first_names, prefix, last_name, birth_date, city in rows:
            born = _short_date(birth_date)
            results.append(
                SearchResult(
                    "person",
                    person_id,
                    person_display_name(first_names, prefix, last_name),
                    " · ".join(part for part in (f"geboren {born}" if born else "", city or "") if part),
                )
            )
    compact = user_text.replace(" ", "")
    looks_like_case_number = compact[:4].isdigit() and (len(compact) == 4 or compact[4:5] == "-")
    if looks_like_case_number:
        # Case numbers start with the year: a range on the unique index, not a scan.
        for case_id, number, kind, first_names, prefix, last_name in session.execute(
            _CASE_NUMBER_SQL, {"low": compact, "high": compact + "\uffff"}
        ):
            results.append(
                SearchResult(
                    "case",
                    case_id,
                    f"Zaak {number}",
                    f"{CaseKind(kind).label} · {person_display_name(first_names, prefix, last_name)}",
                )
            )
    if schools is None:
        schools = school_directory(session)
    needle = user_text.casefold()
    code = compact.upper()
    found = [
        school
        for school in schools
        if needle in school.name.casefold() or (len(code) >= 4 and (school.brin + school.location).startswith(code))
    ]
    for school in found[:5]:
        subtitle = f"School {school.brin}{school.location}" + (f" · {school.city}" if school.city else "")
        results.append(SearchResult("school", school.id, school.name, subtitle))
    return results


def person_choices(session: Session, user_text: str, limit: int = 15) -> list[SearchResult]:
    """Persons for a 'kies leerling' field in the registration forms."""
    return [result for result in search(session, user_text, limit) if result.kind == "person"]


def school_choices(session: Session) -> list[tuple[str, str]]:
    """Every school as (id, 'Naam (BRINvestiging)'), by name: the school fields of forms and list filters."""
    return [
        (row.id, f"{row.name} ({row.brin}{row.location})")
        for row in session.execute(
            select(School.id, School.name, School.brin, School.location)
            .where(School.deleted.is_(False))
            .order_by(School.name)
        )
    ]

"""Person matching for imports: same BSN is the same person; an onderwijsnummer person that gets a BSN is merged.

A merge moves every record of the merged person to the surviving one and writes an access-log entry
naming both by internal id only.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.audit import AuditAction, record
from desktop.models.base import Base
from desktop.models.bulk import bulk_update
from desktop.models.registry import Person

# A merged person that was synchronised already stays as a tombstone carrying this note.
MERGED_NOTE_PREFIX = "Samengevoegd met persoon "


@dataclass(frozen=True)
class Match:
    """How a row's identifiers map onto persons: the person to use, and what must happen first."""

    person_id: str | None
    conflict: str | None = None  # Dutch reason when the identifiers contradict each other
    conflict_column: str = "education_number"  # the identifier the reason is about
    merge_from: str | None = None  # an onderwijsnummer-only person to merge into ``person_id``
    add_bsn_to: str | None = None  # an onderwijsnummer person that receives the row's BSN


class PersonIndex:
    """BSN and onderwijsnummer → person id for the whole table, loaded once and kept current."""

    def __init__(self, session: Session) -> None:
        self.by_bsn: dict[str, str] = {}
        self.by_edu: dict[str, str] = {}
        self.bsn_of: dict[str, str | None] = {}
        # Identifiers of removed persons: a new person may not take them (the database keeps them unique).
        self.removed: set[str] = set()
        redirects: dict[str, str] = {}
        rows = session.execute(select(Person.id, Person.bsn, Person.education_number, Person.deleted, Person.notes))
        for person_id, bsn, edu, deleted, notes in rows:
            if deleted:
                if edu and notes and notes.startswith(MERGED_NOTE_PREFIX):
                    redirects[edu] = notes[len(MERGED_NOTE_PREFIX) :].strip()
                else:
                    self.removed.update(value for value in (bsn, edu) if value)
                continue
            self.bsn_of[person_id] = bsn
            if bsn:
                self.by_bsn[bsn] = person_id
            if edu:
                self.by_edu[edu] = person_id
        for edu, target in redirects.items():
            if edu in self.by_edu:
                continue
            if target in self.bsn_of:
                self.by_edu[edu] = target
            else:  # the survivor was deleted or removed since: the number is held by the merged tombstone
                self.removed.add(edu)

    def match(self, bsn: str | None, edu: str | None) -> Match:
        by_bsn = self.by_bsn.get(bsn) if bsn else None
        by_edu = self.by_edu.get(edu) if edu else None
        for value, found, column in ((bsn, by_bsn, "bsn"), (edu, by_edu, "education_number")):
            if value and not found and value in self.removed:
                return Match(None, "deze leerling is in Vangnet verwijderd; zet de persoon eerst terug", column)
        if by_bsn and by_edu and by_bsn != by_edu:
            if self.bsn_of.get(by_edu):
                return Match(None, conflict="het onderwijsnummer hoort bij een persoon met een ander BSN")
            return Match(by_bsn, merge_from=by_edu)
        if by_bsn:
            return Match(by_bsn)
        if by_edu:
            if bsn and self.bsn_of.get(by_edu):
                return Match(None, conflict="het onderwijsnummer hoort bij een persoon met een ander BSN")
            if bsn:
                return Match(by_edu, add_bsn_to=by_edu)
            return Match(by_edu)
        return Match(None)

    def add(self, person_id: str, bsn: str | None, edu: str | None) -> None:
        self.bsn_of[person_id] = bsn
        if bsn:
            self.by_bsn[bsn] = person_id
        if edu:
            self.by_edu[edu] = person_id


def person_foreign_keys() -> list[sa.Column]:
    """Every column of the model that refers to ``persons.id``."""
    columns = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if any(fk.column.table.name == "persons" and fk.column.name == "id" for fk in column.foreign_keys):
                columns.append(column)
    return columns


def apply_match(session: Session, index: PersonIndex, match: Match, bsn: str | None) -> str | None:
    """Carry out what a match requires (add a BSN or merge) and return the person id to use."""
    if match.person_id is None:
        return None
    if match.add_bsn_to:
        person = session.get_one(Person, match.add_bsn_to)
        person.bsn = bsn
        index.add(person.id, bsn, person.education_number)
        record(session, AuditAction.MERGE_PERSON, "person", person.id)
    elif match.merge_from:
        merge_persons(session, survivor_id=match.person_id, merged_id=match.merge_from, index=index)
    return match.person_id


def merge_persons(session: Session, survivor_id: str, merged_id: str, index: PersonIndex | None = None) -> None:
    """Move every record of ``merged_id`` to ``survivor_id`` and retire the merged person.

    A merged person that never reached the server is removed and its onderwijsnummer moves to the
    survivor; one that did stays as a tombstone (so the deletion synchronises) that points at the survivor.
    """
    session.flush()
    survivor = session.get(Person, survivor_id)
    merged = session.get(Person, merged_id)
    if survivor is None or merged is None or survivor_id == merged_id:
        return
    # Every record of the merged person moves to the survivor, each move queued for the server.
    for column in person_foreign_keys():
        table = column.table
        ids = session.execute(select(table.c.id).where(column == merged_id)).scalars().all()
        bulk_update(session, table, {record_id: {column.name: survivor_id} for record_id in ids})
    # Fill gaps in the survivor from the merged person; the survivor's own data wins.
    for attribute in (
        "call_name",
        "prefix",
        "street",
        "house_number",
        "postal_code",
        "city",
        "municipality_code",
        "phone",
        "email",
        "qualified_on",
    ):
        if getattr(survivor, attribute) is None and getattr(merged, attribute) is not None:
            setattr(survivor, attribute, getattr(merged, attribute))
    edu = merged.education_number
    session.flush()
    # The bulk updates above bypassed the identity map: reload what the session holds.
    session.expire_all()
    merged = session.get_one(Person, merged_id)
    survivor = session.get_one(Person, survivor_id)
    if merged.version == 0:
        session.delete(merged)
        session.flush()
        if edu and survivor.education_number is None:
            survivor.education_number = edu
    else:
        merged.deleted = True
        merged.notes = f"{MERGED_NOTE_PREFIX}{survivor_id}"
    session.flush()
    if index is not None:
        index.bsn_of.pop(merged_id, None)
        if edu:
            index.by_edu[edu] = survivor_id
    record(session, AuditAction.MERGE_PERSON, "person", survivor_id)

"""Persons and addresses from a population extract (BRP-style CSV/XLSX), and enrolments from a school list.

One BRP row is one address period of a person: several rows with different 'Datum vestiging' are moves.
The latest address becomes the person's current one; every period lands in the address history.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.base import new_id
from desktop.models.enums import Gender
from desktop.models.importers import fields as f
from desktop.models.importers.base import (
    Column,
    Gemeenten,
    ImportResult,
    ParsedFile,
    ParsedRow,
    RowIssue,
    Schools,
    TabularImporter,
    differing,
)
from desktop.models.importers.files import ProgressCallback
from desktop.models.importers.persons import PersonIndex, apply_match
from desktop.models.registry import AddressHistory, Enrollment, Person

GENDER_SPELLINGS = {"m": "male", "v": "female", "x": "other", "o": "unknown", "man": "male", "vrouw": "female"}

COLUMNS = (
    Column("BSN", "bsn", f.bsn, required=True, aliases=("Burgerservicenummer",)),
    Column("Onderwijsnummer", "education_number", f.education_number),
    Column("Voornamen", "first_names", f.text(120), required=True, aliases=("Voornaam",)),
    Column("Roepnaam", "call_name", f.text(60)),
    Column("Voorvoegsel", "prefix", f.text(20), aliases=("Tussenvoegsel", "Voorvoegsel geslachtsnaam")),
    Column("Achternaam", "last_name", f.text(120), required=True, aliases=("Geslachtsnaam",)),
    Column("Geboortedatum", "birth_date", f.date, required=True),
    Column("Geboorteplaats", "birth_place", f.text(80)),
    Column("Geslacht", "gender", f.choice(Gender, GENDER_SPELLINGS), aliases=("Geslachtsaanduiding",)),
    Column("Straat", "street", f.text(120), aliases=("Straatnaam",)),
    Column("Huisnummer", "house_number", f.text(16)),
    Column("Postcode", "postal_code", f.postal_code),
    Column("Woonplaats", "city", f.text(80), aliases=("Plaats",)),
    Column(
        "Gemeente",
        "municipality",
        f.cbs_code,
        required=True,
        aliases=("Gemeentecode", "Gemeente van inschrijving", "Woongemeente"),
    ),
    Column(
        "Datum vestiging",
        "from_date",
        f.date,
        aliases=("Datum aanvang adreshouding", "Datum inschrijving adres", "Verhuisdatum"),
    ),
    Column("Datum overlijden", "deceased_on", f.date),
)

PERSON_FIELDS = ("first_names", "call_name", "prefix", "last_name", "birth_date", "birth_place")
ADDRESS_FIELDS = ("street", "house_number", "postal_code", "city")
IDENTITY_FIELDS = ("first_names", "last_name", "birth_date")


class BrpImporter(TabularImporter):
    kind = "brp"
    title = "BRP-uittreksel (personen en adressen)"
    columns = COLUMNS

    def row_key(self, values: dict[str, Any]) -> tuple[str, Any] | None:
        if values["bsn"] is None:
            return None
        return "from_date", (values["bsn"], values["from_date"])

    def check(self, session: Session, parsed: ParsedFile) -> list[RowIssue]:
        gemeenten = Gemeenten(session)
        index = PersonIndex(session)
        issues = []
        first_row: dict[str, ParsedRow] = {}
        for row in parsed.rows:
            values = row.values
            _code, reason = gemeenten.resolve(values["municipality"])
            if reason:
                issues.append(RowIssue(row.row, "Gemeente", reason))
            if values["bsn"] is None:
                continue
            earlier = first_row.setdefault(values["bsn"], row)
            if earlier is not row:
                for name in IDENTITY_FIELDS:
                    if (
                        values[name] is not None
                        and earlier.values[name] is not None
                        and values[name] != earlier.values[name]
                    ):
                        issues.append(
                            RowIssue(
                                row.row,
                                self.header_of(name),
                                f"andere persoonsgegevens dan rij {earlier.row} met hetzelfde BSN",
                            )
                        )
            issues += self.person_issues(row, index.match(values["bsn"], values["education_number"]), unknown=None)
        return issues

    def write(
        self, session: Session, rows: Sequence[ParsedRow], result: ImportResult, progress: ProgressCallback
    ) -> None:
        if session.get_bind().dialect.name == "sqlite":
            session.execute(sa.text("PRAGMA defer_foreign_keys = ON"))
        gemeenten = Gemeenten(session)
        index = PersonIndex(session)
        groups: dict[str, list[ParsedRow]] = defaultdict(list)
        for row in rows:
            groups[row.values["bsn"]].append(row)
        for done, (bsn, group) in enumerate(groups.items()):
            # Periods in order of 'Datum vestiging'; a row without one is the current address.
            group.sort(key=lambda r: r.values["from_date"] or dt.date.max)
            latest = group[-1].values
            edu = next((r.values["education_number"] for r in group if r.values["education_number"]), None)
            code, _ = gemeenten.resolve(latest["municipality"])
            person_data: dict[str, Any] = {name: latest[name] for name in PERSON_FIELDS if latest[name] is not None}
            person_data.update({name: latest[name] for name in ADDRESS_FIELDS})
            person_data["municipality_code"] = code
            if latest["gender"] is not None:
                person_data["gender"] = latest["gender"]
            if latest["deceased_on"] is not None:
                person_data["deceased_on"] = latest["deceased_on"]
            person_id = apply_match(session, index, index.match(bsn, edu), bsn)
            if person_id is None:
                person = Person(id=new_id(), bsn=bsn, education_number=edu, **person_data)
                session.add(person)
                index.add(person.id, bsn, edu)
                result.created["personen"] += 1
                history: list[AddressHistory] = []
            else:
                person = session.get_one(Person, person_id)
                changed = differing(person, person_data)
                if edu and person.education_number is None:
                    changed["education_number"] = edu
                result.found_again(person, changed, "personen")
                history = list(
                    session.scalars(
                        select(AddressHistory).where(
                            AddressHistory.person_id == person_id, AddressHistory.deleted.is_(False)
                        )
                    )
                )
            self._write_history(session, person.id, group, history, gemeenten, result)
            if done % 500 == 0:
                progress(done, len(groups), "Personen verwerken")
                session.flush()

    def _write_history(
        self,
        session: Session,
        person_id: str,
        group: list[ParsedRow],
        history: list[AddressHistory],
        gemeenten: Gemeenten,
        result: ImportResult,
    ) -> None:
        dated = [row.values for row in group if row.values["from_date"] is not None]
        by_start = {entry.from_date: entry for entry in history}
        for position, values in enumerate(dated):
            following = dated[position + 1]["from_date"] if position + 1 < len(dated) else None
            to_date = following - dt.timedelta(days=1) if following else None
            code, _ = gemeenten.resolve(values["municipality"])
            data = {name: values[name] for name in ADDRESS_FIELDS}
            data["municipality_code"] = code
            entry = by_start.get(values["from_date"])
            if entry is None:
                entry = AddressHistory(person_id=person_id, from_date=values["from_date"], to_date=to_date, **data)
                session.add(entry)
                by_start[entry.from_date] = entry
                result.created["adressen"] += 1
            else:
                for name, value in data.items():
                    setattr(entry, name, value)
                if following:
                    entry.to_date = to_date
        if dated:
            # An open period that started before the newest move ends the day before it.
            newest = dated[-1]["from_date"]
            for start, entry in by_start.items():
                if start < newest and entry.to_date is None:
                    later = sorted(s for s in by_start if s > start)
                    entry.to_date = later[0] - dt.timedelta(days=1)


ENROLLMENT_COLUMNS = (
    Column("BSN", "bsn", f.bsn, aliases=("Burgerservicenummer",)),
    Column("Onderwijsnummer", "education_number", f.education_number),
    Column("BRIN", "brin", f.brin, required=True, aliases=("BRIN-nummer",)),
    Column("Vestiging", "location", f.location, aliases=("Vestigingsnummer",)),
    Column("Datum inschrijving", "start_date", f.date, required=True, aliases=("Begindatum", "Inschrijfdatum")),
    Column("Datum uitschrijving", "end_date", f.date, aliases=("Einddatum", "Uitschrijfdatum")),
    Column("Niveau", "level", f.text(40), aliases=("Opleiding", "Leerweg")),
    Column("Leerjaar", "grade", f.integer(0, 12), aliases=("Groep",)),
)


class EnrollmentsImporter(TabularImporter):
    """Inschrijvingen: which person attends which school location from when until when."""

    kind = "enrollments"
    title = "Inschrijvingen"
    columns = ENROLLMENT_COLUMNS

    def check_row(self, values: dict[str, Any]) -> Iterable[tuple[str, str]]:
        yield from self.identity_issues(values)
        if values["start_date"] and values["end_date"] and values["end_date"] < values["start_date"]:
            yield "end_date", "de datum van uitschrijving ligt vóór de datum van inschrijving"

    def row_key(self, values: dict[str, Any]) -> tuple[str, Any] | None:
        ident = values["bsn"] or values["education_number"]
        return "start_date", (ident, values["brin"], values["location"], values["start_date"])

    def check(self, session: Session, parsed: ParsedFile) -> list[RowIssue]:
        schools = Schools(session)
        index = PersonIndex(session)
        issues = []
        for row in parsed.rows:
            values = row.values
            if values["brin"] and schools.find(values["brin"], values["location"]) is None:
                issues.append(RowIssue(row.row, "BRIN", "onbekende school (importeer eerst de scholen)"))
            if values["bsn"] or values["education_number"]:
                issues += self.person_issues(row, index.match(values["bsn"], values["education_number"]))
        return issues

    def write(
        self, session: Session, rows: Sequence[ParsedRow], result: ImportResult, progress: ProgressCallback
    ) -> None:
        schools = Schools(session)
        index = PersonIndex(session)
        # A row's person and school were found by ``check``; a key with None finds nothing.
        existing: dict[tuple[str | None, str | None, dt.date], Enrollment] = {
            (e.person_id, e.school_id, e.start_date): e
            for e in session.scalars(select(Enrollment).where(Enrollment.deleted.is_(False)))
        }
        for position, row in enumerate(rows):
            values = row.values
            person_id = apply_match(
                session, index, index.match(values["bsn"], values["education_number"]), values["bsn"]
            )
            school_id = schools.find(values["brin"], values["location"])
            key = (person_id, school_id, values["start_date"])
            entry = existing.get(key)
            data = {"end_date": values["end_date"], "level": values["level"], "grade": values["grade"]}
            if entry is None:
                entry = Enrollment(person_id=person_id, school_id=school_id, start_date=values["start_date"], **data)
                session.add(entry)
                existing[key] = entry
                result.created["inschrijvingen"] += 1
                continue
            result.found_again(entry, differing(entry, data), "inschrijvingen")
            if position % 500 == 0:
                progress(position, len(rows), "Inschrijvingen verwerken")

"""VO→MBO transfer statuses (BSN, BRIN VO, BRIN MBO, status, date) from a CSV or XLSX list."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.enums import TransferStatus
from desktop.models.importers import fields as f
from desktop.models.importers.base import (
    Column,
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
from desktop.models.law import school_year
from desktop.models.registry import Person
from desktop.models.trajectories import Transfer

STATUS_SPELLINGS = {
    "aangemeld bij mbo": "registered",
    "ingeschreven mbo": "enrolled",
    "geplaatst": "enrolled",
    "niet aangemeld bij mbo": "not_registered",
    "uitval": "dropped_out",
    "overig": "other",
}

COLUMNS = (
    Column("BSN", "bsn", f.bsn, required=True, aliases=("Burgerservicenummer",)),
    Column("BRIN VO", "brin_vo", f.brin, required=True, aliases=("BRIN vo-school", "BRIN herkomst")),
    Column("BRIN MBO", "brin_mbo", f.brin, aliases=("BRIN mbo-instelling", "BRIN bestemming")),
    Column("Status", "status", f.choice(TransferStatus, STATUS_SPELLINGS), required=True, aliases=("Overstapstatus",)),
    Column("Datum status", "status_date", f.date, required=True, aliases=("Statusdatum", "Datum")),
    Column("Schooljaar", "school_year", f.school_year),
    Column("Begeleid", "guided", f.boolean, aliases=("Begeleid door LVS",)),
    Column("Toelichting", "notes", f.text(2000), aliases=("Opmerking",)),
)


class TransfersImporter(TabularImporter):
    kind = "transfers"
    title = "Overstap vo-mbo"
    columns = COLUMNS

    def check_row(self, values: dict[str, Any]) -> Iterable[tuple[str, str]]:
        if values["status"] in (TransferStatus.REGISTERED, TransferStatus.ENROLLED) and not values["brin_mbo"]:
            yield "brin_mbo", "bij de status aangemeld of ingeschreven hoort een BRIN MBO"

    def row_key(self, values: dict[str, Any]) -> tuple[str, Any] | None:
        if values["bsn"] is None:
            return None
        year = values["school_year"] or (str(school_year(values["status_date"])) if values["status_date"] else None)
        return "bsn", (values["bsn"], year)

    def check(self, session: Session, parsed: ParsedFile) -> list[RowIssue]:
        schools = Schools(session)
        index = PersonIndex(session)
        issues = []
        for row in parsed.rows:
            values = row.values
            for key, header in (("brin_vo", "BRIN VO"), ("brin_mbo", "BRIN MBO")):
                if values[key] and values[key] not in schools.brins:
                    issues.append(
                        RowIssue(row.row, header, f"onbekende school {values[key]} (importeer eerst de scholen)")
                    )
            if values["bsn"]:
                issues += self.person_issues(row, index.match(values["bsn"], None))
        return issues

    def write(
        self, session: Session, rows: Sequence[ParsedRow], result: ImportResult, progress: ProgressCallback
    ) -> None:
        index = PersonIndex(session)
        # A row's person was found by ``check``; a key with None finds nothing.
        existing: dict[tuple[str | None, str | None], Transfer] = {
            (t.person_id, t.school_year): t
            for t in session.scalars(select(Transfer).where(Transfer.deleted.is_(False)))
        }
        for position, row in enumerate(rows):
            values = row.values
            person_id = apply_match(session, index, index.match(values["bsn"], None), values["bsn"])
            year = values["school_year"] or str(school_year(values["status_date"]))
            data = {
                "brin_vo": values["brin_vo"],
                "brin_mbo": values["brin_mbo"],
                "status": values["status"],
                "status_date": values["status_date"],
                "notes": values["notes"],
            }
            if values["guided"] is not None:
                data["guided"] = values["guided"]
            entry = existing.get((person_id, year))
            if entry is None:
                municipality = session.scalar(select(Person.municipality_code).where(Person.id == person_id))
                entry = Transfer(person_id=person_id, school_year=year, municipality_code=municipality, **data)
                session.add(entry)
                existing[(person_id, year)] = entry
                result.created["overstappen"] += 1
                continue
            result.found_again(entry, differing(entry, data), "overstappen")
            if position % 500 == 0:
                progress(position, len(rows), "Overstappen verwerken")

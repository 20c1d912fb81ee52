"""Schools (BRIN, vestiging, name, kind, gemeente) from a CSV or XLSX list; a known BRIN+vestiging is updated."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.entities import may_write
from desktop.models.enums import SchoolKind
from desktop.models.importers import fields as f
from desktop.models.importers.base import (
    Column,
    Gemeenten,
    ImportResult,
    ParsedFile,
    ParsedRow,
    RowIssue,
    TabularImporter,
    differing,
)
from desktop.models.importers.files import ImportRefused, ProgressCallback
from desktop.models.registry import School

SCHOOL_KIND_SPELLINGS = {
    "basisonderwijs": "PO",
    "bao": "PO",
    "sbo": "SO",
    "speciaal basisonderwijs": "SO",
    "praktijkonderwijs": "PrO",
    "pro": "PrO",
    "vmbo": "VO",
    "havo": "VO",
    "vwo": "VO",
    "mbo": "MBO",
    "roc": "MBO",
    "isk": "ISK",
    "vso": "VSO",
    "so": "SO",
    "vo": "VO",
    "po": "PO",
}

COLUMNS = (
    Column("BRIN", "brin", f.brin, required=True, aliases=("BRIN-nummer", "Brinnummer")),
    Column("Vestiging", "location", f.location, aliases=("Vestigingsnummer",)),
    Column("Naam", "name", f.text(160), required=True, aliases=("Naam school", "Schoolnaam", "Vestigingsnaam")),
    Column(
        "Soort",
        "kind",
        f.choice(SchoolKind, SCHOOL_KIND_SPELLINGS),
        required=True,
        aliases=("Onderwijssoort", "Sector"),
    ),
    Column("Gemeente", "municipality", f.cbs_code, required=True, aliases=("Gemeentecode", "Vestigingsgemeente")),
    Column("Straat", "street", f.text(120), aliases=("Straatnaam",)),
    Column("Huisnummer", "house_number", f.text(16)),
    Column("Postcode", "postal_code", f.postal_code),
    Column("Plaats", "city", f.text(80), aliases=("Plaatsnaam", "Vestigingsplaats")),
    Column("Denominatie", "denomination", f.text(60), aliases=("Richting",)),
    Column("Telefoon", "phone", f.text(30), aliases=("Telefoonnummer",)),
    Column("E-mail", "email", f.text(120), aliases=("E-mailadres",)),
    Column("Contactpersoon", "contact_name", f.text(120)),
)

FIELDS = (
    "name",
    "kind",
    "street",
    "house_number",
    "postal_code",
    "city",
    "denomination",
    "phone",
    "email",
    "contact_name",
)


class SchoolsImporter(TabularImporter):
    kind = "schools"
    title = "Scholen"
    columns = COLUMNS

    def row_key(self, values: dict[str, Any]) -> tuple[str, Any] | None:
        if values["brin"] is None:
            return None
        return "brin", (values["brin"], values["location"] or "00")

    def check(self, session: Session, parsed: ParsedFile) -> list[RowIssue]:
        from desktop.models.session_user import current_user

        user = current_user(session)
        if user is not None and not may_write(user.role, "schools"):
            # The school list is reference data every device shares: the functioneel beheerder keeps it.
            raise ImportRefused(
                "Er is niets geïmporteerd: de scholenlijst wordt bijgehouden door de functioneel beheerder. "
                f"U bent aangemeld als {user.role.label.lower()}."
            )
        gemeenten = Gemeenten(session)
        issues = []
        for row in parsed.rows:
            _code, reason = gemeenten.resolve(row.values["municipality"])
            if reason:
                issues.append(RowIssue(row.row, "Gemeente", reason))
        return issues

    def write(
        self, session: Session, rows: Sequence[ParsedRow], result: ImportResult, progress: ProgressCallback
    ) -> None:
        gemeenten = Gemeenten(session)
        existing = {(school.brin, school.location): school for school in session.scalars(select(School))}
        for position, row in enumerate(rows):
            values = row.values
            code, _ = gemeenten.resolve(values["municipality"])
            key = (values["brin"], values["location"] or "00")
            data = {name: values[name] for name in FIELDS}
            data["municipality_code"] = code
            school = existing.get(key)
            if school is None:
                school = School(brin=key[0], location=key[1], **data)
                session.add(school)
                existing[key] = school
                result.created["scholen"] += 1
                continue
            # An empty cell leaves the known value alone.
            changed = differing(school, {name: value for name, value in data.items() if value is not None})
            if school.deleted:
                changed["deleted"] = False
            result.found_again(school, changed, "scholen")
            if position % 500 == 0:
                progress(position, len(rows), "Scholen verwerken")

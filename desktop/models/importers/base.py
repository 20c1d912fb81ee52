"""The import interface: parse a file (no writes), validate it against the database, apply it in one transaction.

``parse`` turns a file into rows and per-row problems; ``validate`` adds what only the database knows
(unknown gemeente or school, conflicts) and returns a Dutch report naming row, column and reason;
``apply`` writes either every row or, when the user chooses so, only the valid ones — inside one
SAVEPOINT, so an error half-way leaves the database exactly as it was.
"""

from __future__ import annotations

import contextlib
import gc
import re
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import audit
from desktop.models.errors import DomainError
from desktop.models.importers import fields as f
from desktop.models.importers.files import (
    DEFAULT_LIMITS,
    ImportRefused,
    Limits,
    ProgressCallback,
    Table,
    no_progress,
    read_table,
)
from desktop.models.registry import Municipality, School

if TYPE_CHECKING:
    from desktop.models.importers.persons import Match

# How many rejected rows a report lists in full before it summarises the rest.
REPORT_DETAIL_LIMIT = 200
UNKNOWN_PUPIL = "leerling onbekend in Vangnet (importeer eerst de BRP-gegevens)"


@dataclass(frozen=True)
class RowIssue:
    """One reason a row cannot be imported. ``row`` is the line in the file (the header is line 1)."""

    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"rij {self.row}" if self.row else "bestand"
        return f"{where}, kolom '{self.column}': {self.reason}" if self.column else f"{where}: {self.reason}"


@dataclass
class ParsedRow:
    row: int
    values: dict[str, Any]


@dataclass
class ParsedFile:
    """What a file holds, converted, before anything touches the database."""

    path: Path
    kind: str
    rows: list[ParsedRow]
    issues: list[RowIssue] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    file_type: str = "csv"

    @property
    def total_rows(self) -> int:
        return len(self.rows)


@dataclass
class ImportReport:
    """The outcome of validation: every rejected row with its column and reason (Dutch)."""

    kind: str
    total_rows: int
    issues: list[RowIssue] = field(default_factory=list)

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({issue.row for issue in self.issues})

    @property
    def valid_rows(self) -> int:
        return self.total_rows - len(self.rejected_rows)

    @property
    def ok(self) -> bool:
        return not self.issues

    def format(self, limit: int = REPORT_DETAIL_LIMIT) -> str:
        lines = [f"{self.total_rows} rijen gelezen: {self.valid_rows} goed, {len(self.rejected_rows)} afgekeurd."]
        ordered = sorted(self.issues, key=lambda issue: (issue.row, issue.column))
        for issue in ordered[:limit]:
            lines.append(f"- {str(issue)[0].upper()}{str(issue)[1:]}")
        if len(ordered) > limit:
            lines.append(f"… en nog {len(ordered) - limit} meldingen.")
        return "\n".join(lines)


@dataclass
class ImportResult:
    """What an applied import did."""

    report: ImportReport
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: int = 0
    skipped_rows: list[int] = field(default_factory=list)
    applied: bool = True

    def summary(self) -> str:
        parts = []
        for what, counter in (("nieuw", self.created), ("bijgewerkt", self.updated)):
            if counter:
                parts.append(f"{what}: " + ", ".join(f"{count} {name}" for name, count in sorted(counter.items())))
        if self.unchanged:
            parts.append(f"ongewijzigd: {self.unchanged}")
        if self.skipped_rows:
            parts.append(f"overgeslagen rijen: {len(self.skipped_rows)}")
        if not self.applied:
            return "Controle zonder import: er is niets gewijzigd. " + (
                "Het bestand is in orde." if self.report.ok else "Zie de afgekeurde rijen hierboven."
            )
        return "Import voltooid. " + ("; ".join(parts) if parts else "Er was niets te wijzigen.") + "."

    def found_again(self, record: Any, changed: Mapping[str, Any], label: str) -> None:
        """A record the file holds again: set its ``changed`` fields, and count it as updated (``label``)
        or as unchanged."""
        for name, value in changed.items():
            setattr(record, name, value)
        if changed:
            self.updated[label] += 1
        else:
            self.unchanged += 1


def differing(record: Any, data: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of ``data`` that the record holds another value of."""
    return {name: value for name, value in data.items() if getattr(record, name) != value}


class Importer(ABC):
    """One kind of import file. Subclasses implement ``parse``, ``check`` and ``write``."""

    kind: str = ""
    title: str = ""

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits

    @abstractmethod
    def parse(self, path: str | Path, progress: ProgressCallback = no_progress) -> ParsedFile:
        """Read and convert the file; no database access. Raises ``ImportRefused`` for an unusable file."""

    def check(self, session: Session, parsed: ParsedFile) -> list[RowIssue]:
        """Problems only the database can reveal (unknown references, conflicts). Default: none."""
        return []

    @abstractmethod
    def write(
        self, session: Session, rows: Sequence[ParsedRow], result: ImportResult, progress: ProgressCallback
    ) -> None:
        """Write the given (valid) rows; runs inside the import's SAVEPOINT."""

    def validate(self, session: Session, parsed: ParsedFile) -> ImportReport:
        issues = list(parsed.issues)
        issues.extend(self.check(session, parsed))
        return ImportReport(kind=self.kind, total_rows=parsed.total_rows, issues=issues)

    def apply(
        self,
        session: Session,
        parsed: ParsedFile,
        only_valid: bool = False,
        progress: ProgressCallback = no_progress,
        report: ImportReport | None = None,
    ) -> ImportResult:
        """Import all rows, or with ``only_valid`` the valid ones; all or nothing in one SAVEPOINT."""
        report = report or self.validate(session, parsed)
        if not report.ok and not only_valid:
            _audit_import(session, self.kind, 0, result="refused")
            raise ImportRefused(
                f"Er is niets geïmporteerd: {len(report.rejected_rows)} van de {report.total_rows} rijen zijn "
                "afgekeurd. Verbeter het bestand, of importeer alleen de goede rijen.\n" + report.format()
            )
        rejected = set(report.rejected_rows)
        rows = [row for row in parsed.rows if row.row not in rejected]
        result = ImportResult(report=report, skipped_rows=sorted(rejected))
        try:
            with session.begin_nested(), bulk_write_settings(session):
                self.write(session, rows, result, progress)
                session.flush()
                _audit_import(session, self.kind, len(rows))
        except DomainError as error:
            _audit_import(session, self.kind, 0, result="refused")
            raise ImportRefused(f"Er is niets geïmporteerd: {error}") from None
        except sa.exc.IntegrityError:
            _audit_import(session, self.kind, 0, result="refused")
            raise ImportRefused(
                "Er is niets geïmporteerd: de gegevens botsen met wat al in Vangnet staat "
                "(dubbel nummer of ontbrekende verwijzing)."
            ) from None
        progress(len(rows), len(rows), "Klaar")
        return result


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """An import holds hundreds of thousands of new dicts: the cyclic garbage collector would scan them over
    and over while they are made. Nothing in an import makes cycles, so it pauses for the import."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@contextlib.contextmanager
def bulk_write_settings(session: Session) -> Iterator[None]:
    """A larger page cache that is not spilled mid-transaction, for the duration of one import (SQLite).

    A large import touches every index page; written out only at the commit, each page is encrypted
    and written once instead of several times.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    cache = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    spill = connection.exec_driver_sql("PRAGMA cache_spill").scalar_one()
    connection.exec_driver_sql("PRAGMA cache_size = -262144")
    connection.exec_driver_sql("PRAGMA cache_spill = OFF")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(cache)}")
        connection.exec_driver_sql(f"PRAGMA cache_spill = {int(spill)}")


def _audit_import(session: Session, kind: str, rows: int, result: str = "ok") -> None:
    """One access-log entry per import, also a refused one (object: the import kind; no content)."""
    audit.record(session, audit.AuditAction.IMPORT, f"import:{kind}"[:40], None, result=result)


# -- tabular files ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column of a tabular import: its Dutch header, the key it fills, and its converter."""

    header: str
    key: str
    convert: f.Converter
    required: bool = False
    aliases: tuple[str, ...] = ()
    description: str = ""


def normalise_header(name: Any) -> str:
    text = str(name).replace("\ufeff", "").strip().casefold()
    text = re.sub(r"[_\-./]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


class TabularImporter(Importer):
    """An importer of a CSV or XLSX list with one record per row and Dutch column names."""

    columns: tuple[Column, ...] = ()

    def required_headers(self) -> list[str]:
        return [column.header for column in self.columns if column.required]

    def _map_header(self, table: Table) -> dict[int, Column]:
        known: dict[str, Column] = {}
        for declared in self.columns:
            for name in (declared.header, *declared.aliases):
                known[normalise_header(name)] = declared
        mapping: dict[int, Column] = {}
        seen: dict[str, int] = {}
        for index, name in enumerate(table.header):
            column = known.get(normalise_header(name))
            if column is None:
                continue
            if column.key in seen:
                raise ImportRefused(f"De kolom '{column.header}' komt twee keer voor in de kopregel.")
            seen[column.key] = index
            mapping[index] = column
        missing = [column.header for column in self.columns if column.required and column.key not in seen]
        if missing:
            found = ", ".join(
                f"'{f.mask_numbers(str(name).strip())[:40]}'" for name in table.header[:12] if str(name).strip()
            )
            raise ImportRefused(
                f"Verplichte kolom(men) ontbreken: {', '.join(repr(name) for name in missing)}. "
                f"Gevonden kolommen: {found or 'geen'}. Is dit wel een bestand van het type '{self.title}'?"
            )
        return mapping

    def parse(self, path: str | Path, progress: ProgressCallback = no_progress) -> ParsedFile:
        path = Path(path)
        table = read_table(path, self.limits)
        mapping = self._map_header(table)
        parsed = ParsedFile(
            path=path,
            kind=self.kind,
            rows=[],
            encoding=table.encoding,
            delimiter=table.delimiter,
            file_type=table.file_type,
        )
        total = len(table.rows)
        # Dates, BRINs, kinds and gemeenten repeat a lot: convert each distinct short cell once per column.
        memo: dict[str, dict[Any, tuple[Any, str | None]]] = {column.key: {} for column in mapping.values()}
        for position, cells in enumerate(table.rows):
            line = table.line_numbers[position] if table.line_numbers else position + 2
            values: dict[str, Any] = {}
            failed: set[str] = set()
            for index, column in mapping.items():
                raw = cells[index] if index < len(cells) else None
                if f.is_blank(raw):
                    values[column.key] = None
                    if column.required:
                        parsed.issues.append(RowIssue(line, column.header, "verplicht veld is leeg"))
                    continue
                cache = memo[column.key]
                key = (type(raw), raw)
                known = cache.get(key) if not isinstance(raw, str) or len(raw) <= 40 else None
                if known is None:
                    try:
                        known = (column.convert(raw), None)
                    except f.CellError as error:
                        known = (None, str(error))
                    if len(cache) < 50_000:
                        cache[key] = known
                values[column.key] = known[0]
                if known[1] is not None:
                    failed.add(column.key)
                    parsed.issues.append(RowIssue(line, column.header, known[1]))
            for column in self.columns:
                values.setdefault(column.key, None)
            if len(cells) > len(table.header) and any(not f.is_blank(cell) for cell in cells[len(table.header) :]):
                parsed.issues.append(RowIssue(line, "", "de rij heeft meer velden dan de kopregel"))
            for column_key, reason in self.check_row(values):
                if column_key in failed:
                    continue  # the cell's own error says enough
                parsed.issues.append(RowIssue(line, self.header_of(column_key), reason))
            parsed.rows.append(ParsedRow(line, values))
            if position % 1000 == 0:
                progress(position, total, "Bestand lezen")
        parsed.issues.extend(self.check_duplicates(parsed.rows))
        return parsed

    def header_of(self, key: str) -> str:
        for column in self.columns:
            if column.key == key:
                return column.header
        return key

    def person_issues(self, row: ParsedRow, match: Match, unknown: str | None = UNKNOWN_PUPIL) -> list[RowIssue]:
        """Why a row's pupil cannot be used, if so: its identifiers contradict each other, or (with an
        ``unknown`` message) Vangnet does not know the pupil yet."""
        if match.conflict:
            return [RowIssue(row.row, self.header_of(match.conflict_column), match.conflict)]
        if unknown is not None and match.person_id is None:
            return [RowIssue(row.row, "BSN", unknown)]
        return []

    @staticmethod
    def identity_issues(values: dict[str, Any]) -> Iterable[tuple[str, str]]:
        """A row that names its pupil needs a BSN or an onderwijsnummer."""
        if not values["bsn"] and not values["education_number"]:
            yield "bsn", "vul een BSN of een onderwijsnummer in"

    def check_row(self, values: dict[str, Any]) -> Iterable[tuple[str, str]]:
        """Checks across the fields of one row: (column key, reason)."""
        return ()

    def row_key(self, values: dict[str, Any]) -> tuple[str, Any] | None:
        """The key that must be unique within the file: (column key, value); None for no check."""
        return None

    def check_duplicates(self, rows: Sequence[ParsedRow]) -> list[RowIssue]:
        first_seen: dict[Any, int] = {}
        issues = []
        for row in rows:
            key = self.row_key(row.values)
            if key is None or key[1] is None:
                continue
            if key[1] in first_seen:
                issues.append(
                    RowIssue(
                        row.row, self.header_of(key[0]), f"dubbel in het bestand (ook in rij {first_seen[key[1]]})"
                    )
                )
            else:
                first_seen[key[1]] = row.row
        return issues


# -- lookups shared by importers ----------------------------------------------------------------------


class Gemeenten:
    """The gemeenten known to Vangnet, by CBS code and by name."""

    def __init__(self, session: Session) -> None:
        self.by_code: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        for code, name in session.execute(select(Municipality.cbs_code, Municipality.name)):
            self.by_code[code] = code
            self.by_name[name.casefold()] = code

    def resolve(self, value: str | None) -> tuple[str | None, str | None]:
        """(code, None) when known; (None, Dutch reason) when not."""
        if value is None:
            return None, None
        if value.startswith("naam:"):
            name = value[5:]
            code = self.by_name.get(name.casefold())
            return (code, None) if code else (None, f"onbekende gemeente '{name[:40]}'")
        if value in self.by_code:
            return value, None
        return None, f"onbekende gemeente {value} (niet in de gemeentelijst van Vangnet)"


class Schools:
    """The schools known to Vangnet, by (BRIN, vestiging) and by BRIN."""

    def __init__(self, session: Session) -> None:
        self.by_location: dict[tuple[str, str], str] = {}
        self.brins: set[str] = set()
        for school_id, brin, location in session.execute(
            select(School.id, School.brin, School.location).where(School.deleted.is_(False))
        ):
            self.by_location[(brin, location)] = school_id
            self.brins.add(brin)

    def find(self, brin: str | None, location: str | None) -> str | None:
        if brin is None:
            return None
        found = self.by_location.get((brin, location or "00"))
        if found is None and location is None:
            # Without a vestiging, a BRIN with exactly one location is unambiguous.
            candidates = [school_id for (b, _loc), school_id in self.by_location.items() if b == brin]
            found = candidates[0] if len(candidates) == 1 else None
        return found

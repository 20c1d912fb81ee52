"""Import of the Vangnet interchange format (JSON Lines): every entity, validated field by field.

Used to restore an export, and to migrate from a previous system. Records keep their ids, versions and
timestamps. Gemeenten, schools, users and persons that already exist under another id are matched by
their natural key (CBS code; BRIN + vestiging; user name; BSN or onderwijsnummer) and references follow.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy import CursorResult, select
from sqlalchemy.orm import Session

from desktop.models import entities
from desktop.models.base import Base, table_of
from desktop.models.bulk import bulk_insert
from desktop.models.cases import JournalEntry
from desktop.models.exporters.jsonl import (
    END_TYPE,
    FORMAT_NAME,
    FORMAT_VERSION,
    MODEL_BY_TYPE,
    RECORD_TYPES,
    skip_to_lines,
)
from desktop.models.importers.base import Importer, ImportResult, ParsedFile, ParsedRow, RowIssue, gc_paused
from desktop.models.importers.fields import mask_numbers
from desktop.models.importers.files import ImportRefused, Limits, ProgressCallback, check_size, no_progress
from desktop.models.law import is_valid_bsn
from desktop.models.outbox import queue_updates
from desktop.models.record_schema import FieldError, column_parser

# Natural keys by which an existing record is recognised under another id.
NATURAL_KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "municipality": (("cbs_code",),),
    "school": (("brin", "location"),),
    "user": (("username",),),
    "person": (("bsn",), ("education_number",)),
}
SYSTEM_FIELDS = ("type",)
_PERIOD = re.compile(r"^(\w+) IS NULL OR (\w+) IS NULL OR \1 >= \2$")
_MAX_LINE_CHARS = 1_000_000
TYPE_LABELS = {e.interchange: e.label.lower() for e in entities.entities()}


@dataclass(frozen=True)
class _ColumnRule:
    name: str
    convert: Any
    required: bool
    default: Any


def _text_limit(column: sa.Column) -> int:
    """For a plain text column, the longest value accepted (0: not a plain text column)."""
    kind = column.type
    if getattr(kind, "enum_class", None) is not None or not isinstance(kind, sa.String):
        return 0
    return kind.length or 1_000_000_000


def _default_of(column: sa.Column) -> Any:
    default = column.default
    if not isinstance(default, sa.ColumnDefault):  # none, or one the database makes
        return None
    if default.is_scalar:
        return default.arg
    if default.is_callable:
        return default.arg(None)
    return None


class _TableRules:
    def __init__(self, model: type[Base]) -> None:
        table = table_of(model)
        self.table = table
        self.columns: dict[str, _ColumnRule] = {}
        for column in table.columns:
            required = not column.nullable and column.default is None
            self.columns[column.name] = _ColumnRule(column.name, column_parser(column), required, column.default)
        # The per-record loop reads this flat list: (name, convert, required, nullable, column with default).
        self.fast = [
            (
                name,
                rule.convert,
                rule.required,
                table.c[name].nullable,
                table.c[name] if rule.default is not None else None,
                _text_limit(table.c[name]),
            )
            for name, rule in self.columns.items()
        ]
        self.allowed_keys = frozenset(self.columns) | frozenset(SYSTEM_FIELDS)
        self.periods = []
        for constraint in table.constraints:
            if isinstance(constraint, sa.CheckConstraint):
                match = _PERIOD.match(str(constraint.sqltext).strip())
                if match:
                    self.periods.append((match.group(2), match.group(1)))
        self.foreign_keys: dict[str, str] = {}
        for column in table.columns:
            for fk in column.foreign_keys:
                self.foreign_keys[column.name] = fk.column.table.name
        self.unique: list[tuple[str, ...]] = [(c.name,) for c in table.columns if c.unique and not c.primary_key]
        for constraint in table.constraints:
            if isinstance(constraint, sa.UniqueConstraint):
                names = tuple(c.name for c in constraint.columns)
                if names not in self.unique:
                    self.unique.append(names)


_RULES: dict[str, _TableRules] = {}


def rules_for(type_name: str) -> _TableRules:
    if type_name not in _RULES:
        _RULES[type_name] = _TableRules(MODEL_BY_TYPE[type_name])
    return _RULES[type_name]


TABLE_TO_TYPE = {model.__tablename__: name for name, model in RECORD_TYPES}


# A full region exports to a few hundred megabytes; the file is streamed, so a larger limit is safe.
JSONL_LIMITS = Limits(max_file_bytes=4 * 1024 * 1024 * 1024)


class VangnetJsonlImporter(Importer):
    kind = "vangnet-jsonl"
    title = "Vangnet-uitwisselbestand (JSON Lines)"

    def __init__(self, limits: Limits = JSONL_LIMITS) -> None:
        super().__init__(limits)
        # The plan ``check`` made, kept for ``write`` with the rows it was made for.
        self._cached_plan: tuple[frozenset[int], _Plan] | None = None

    def parse(self, path: str | Path, progress: ProgressCallback = no_progress) -> ParsedFile:
        with gc_paused():
            return self._parse(Path(path), progress)

    def _parse(self, path: Path, progress: ProgressCallback) -> ParsedFile:
        check_size(path, self.limits)
        parsed = ParsedFile(path=path, kind=self.kind, rows=[], encoding="utf-8", file_type="jsonl")
        header_seen = False
        end_count: int | None = None
        records = 0
        size = path.stat().st_size
        read = 0
        # Streamed line by line: a full region is hundreds of megabytes.
        with path.open("rb") as handle:
            refusal = skip_to_lines(handle)
            if refusal is not None:
                raise ImportRefused(refusal)
            for number, raw in enumerate(handle, start=1):
                read += len(raw)
                if number % 5000 == 0:
                    progress(read, size, "Bestand lezen")
                if not raw.strip():
                    continue
                if len(raw) > _MAX_LINE_CHARS:
                    if not header_seen:
                        raise ImportRefused("Dit is geen Vangnet-uitwisselbestand: de eerste regel is te lang.")
                    parsed.issues.append(RowIssue(number, "", "regel te lang"))
                    parsed.rows.append(ParsedRow(number, {"type": None}))
                    continue
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    if not header_seen:
                        raise ImportRefused("Dit is geen Vangnet-uitwisselbestand: het is geen UTF-8.") from None
                    parsed.issues.append(RowIssue(number, "", "geen geldige UTF-8-tekst"))
                    parsed.rows.append(ParsedRow(number, {"type": None}))
                    continue
                try:
                    record = json.loads(line)
                except (ValueError, RecursionError):
                    if not header_seen:
                        raise ImportRefused(
                            "Dit is geen Vangnet-uitwisselbestand: de eerste regel is geen JSON."
                        ) from None
                    parsed.issues.append(RowIssue(number, "", "geen geldige JSON"))
                    parsed.rows.append(ParsedRow(number, {"type": None}))
                    continue
                if not header_seen:
                    if not isinstance(record, dict) or record.get("type") != FORMAT_NAME:
                        raise ImportRefused(
                            f"Dit is geen Vangnet-uitwisselbestand: de eerste regel moet type '{FORMAT_NAME}' hebben."
                        )
                    version = record.get("format_version")
                    if version != FORMAT_VERSION:
                        raise ImportRefused(
                            f"Formaatversie {str(version)[:10]} wordt niet ondersteund (verwacht {FORMAT_VERSION})."
                        )
                    header_seen = True
                    continue
                if isinstance(record, dict) and record.get("type") == END_TYPE:
                    end_count = record.get("records") if isinstance(record.get("records"), int) else -1
                    continue
                if end_count is not None:
                    parsed.issues.append(RowIssue(number, "", "record na de afsluitregel"))
                records += 1
                if not isinstance(record, dict):
                    parsed.issues.append(RowIssue(number, "", "een record moet een JSON-object zijn"))
                    parsed.rows.append(ParsedRow(number, {"type": None}))
                    continue
                parsed.rows.append(ParsedRow(number, self._convert(number, record, parsed.issues)))
        if not header_seen:
            raise ImportRefused("Het bestand is leeg.")
        if end_count is not None and end_count != records:
            raise ImportRefused(
                f"Het bestand is onvolledig: de afsluitregel noemt {end_count} records, er zijn er {records}."
            )
        return parsed

    def _convert(self, number: int, record: dict[str, Any], issues: list[RowIssue]) -> dict[str, Any]:
        type_name = record.get("type")
        if not isinstance(type_name, str) or type_name not in MODEL_BY_TYPE:
            issues.append(RowIssue(number, "type", f"onbekend recordtype '{mask_numbers(str(type_name)[:40])}'"))
            return {"type": None}
        rules = rules_for(type_name)
        values: dict[str, Any] = {"type": type_name}
        extra = record.keys() - rules.allowed_keys
        for key in sorted(extra):
            issues.append(RowIssue(number, mask_numbers(str(key)[:40]), "onbekend veld"))
        for name, convert, required, nullable, with_default, text_limit in rules.fast:
            raw = record.get(name)
            # Most values are short texts: accept those inline, without a function call.
            if text_limit and type(raw) is str and len(raw) <= text_limit:
                values[name] = raw
                continue
            if raw is None:
                if with_default is not None and (name not in record or not nullable):
                    values[name] = _default_of(with_default)
                else:
                    values[name] = None
                    if required:
                        issues.append(RowIssue(number, name, "verplicht veld ontbreekt"))
                continue
            try:
                values[name] = convert(raw)
            except FieldError as error:
                issues.append(RowIssue(number, name, str(error)))
                values[name] = None
        for start, end in rules.periods:
            if values.get(start) is not None and values.get(end) is not None:
                try:
                    if values[end] < values[start]:
                        issues.append(RowIssue(number, end, f"ligt vóór {start}"))
                except TypeError:
                    issues.append(RowIssue(number, end, "tijdstippen met en zonder tijdzone door elkaar"))
        if type_name == "person":
            if values.get("bsn") is not None and not (len(values["bsn"]) == 9 and is_valid_bsn(values["bsn"])):
                issues.append(RowIssue(number, "bsn", "het BSN voldoet niet aan de 11-proef"))
            edu = values.get("education_number")
            if edu is not None and not (len(edu) == 9 and edu.isascii() and edu.isdigit()):
                issues.append(RowIssue(number, "education_number", "een onderwijsnummer bestaat uit negen cijfers"))
            if not values.get("bsn") and not edu:
                issues.append(RowIssue(number, "bsn", "een persoon heeft een BSN of een onderwijsnummer nodig"))
        if type_name == "municipality":
            code = values.get("cbs_code")
            if code is not None and not re.fullmatch(r"GM\d{4}", code):
                issues.append(RowIssue(number, "cbs_code", "geen CBS-code (GM gevolgd door vier cijfers)"))
        if type_name == "school":
            if values.get("brin") is not None and len(values["brin"]) != 4:
                issues.append(RowIssue(number, "brin", "een BRIN-nummer heeft vier tekens"))
            if values.get("location") is not None and len(values["location"]) != 2:
                issues.append(RowIssue(number, "location", "een vestigingsnummer heeft twee tekens"))
        if type_name == "user":
            codes = values.get("municipality_codes") or []
            if not isinstance(codes, list) or any(
                not isinstance(c, str) or not re.fullmatch(r"GM\d{4}", c) for c in codes
            ):
                issues.append(RowIssue(number, "municipality_codes", "verwacht een lijst van CBS-codes (GM0505)"))
        if type_name == "leave_request" and values.get("days") is not None and values["days"] <= 0:
            issues.append(RowIssue(number, "days", "het aantal dagen moet groter zijn dan nul"))
        return values

    # -- validation against the file and the database -----------------------------------------------

    def check(self, session: Session, parsed: ParsedFile) -> list[RowIssue]:
        plan = self._plan(session, parsed)
        rejected = {issue.row for issue in (*parsed.issues, *plan.issues)}
        # ``write`` reuses this plan when it is handed exactly the rows judged valid here.
        self._cached_plan = (frozenset(row.row for row in parsed.rows if row.row not in rejected), plan)
        return plan.issues

    def _plan(self, session: Session, parsed: ParsedFile) -> _Plan:
        """Decide per record: insert, update or reject; work out id remapping by natural key."""
        plan = _Plan()
        bad = {issue.row for issue in parsed.issues}
        by_type: dict[str, list[ParsedRow]] = defaultdict(list)
        for row in parsed.rows:
            if row.values.get("type"):
                by_type[row.values["type"]].append(row)
        valid_ids: dict[str, set[str]] = defaultdict(set)
        rejected_ids: dict[str, dict[str, int]] = defaultdict(dict)
        for type_name, _model in RECORD_TYPES:
            rows = by_type.get(type_name, [])
            if not rows:
                continue
            rules = rules_for(type_name)
            table = rules.table
            remap = plan.remap[table.name]
            # Duplicate ids and unique values within the file.
            key_sets = [("id",), *rules.unique]
            seen: list[dict[Any, int]] = [{} for _ in key_sets]
            for row in rows:
                if row.row in bad:
                    continue
                values_of = row.values
                for columns, first_rows in zip(key_sets, seen, strict=True):
                    if len(columns) == 1:
                        key = values_of.get(columns[0])
                        if key is None:
                            continue
                    else:
                        key = tuple(values_of.get(name) for name in columns)
                        if None in key:
                            continue
                    earlier = first_rows.get(key)
                    if earlier is not None:
                        label = "+".join(columns)
                        plan.issues.append(
                            RowIssue(row.row, columns[0], f"dubbel in het bestand: {label} ook op regel {earlier}")
                        )
                        bad.add(row.row)
                        break
                    first_rows[key] = row.row
            candidates = [row for row in rows if row.row not in bad]
            # Into an empty table (the usual restore) nothing can exist already: skip the lookups.
            empty = session.execute(select(table.c.id).limit(1)).first() is None
            existing_ids: set[Any] = set()
            if not empty:
                existing_ids = self._existing(session, table, "id", [row.values["id"] for row in candidates])
                self._match_existing(session, type_name, rules, candidates, remap, plan, bad)
            for row in rows:
                if row.values.get("id") is None:
                    continue
                if row.row in bad:
                    rejected_ids[table.name][row.values["id"]] = row.row
                else:
                    valid_ids[table.name].add(row.values["id"])
            # References: to a valid record of the file or to one in the database.
            if rules.foreign_keys:
                self._check_references(session, rules, candidates, plan, bad, valid_ids, rejected_ids)
            if type_name == "journal_entry":
                self._check_journal(session, candidates, existing_ids, plan, bad)
            for row in candidates:
                if row.row in bad:
                    continue
                target = remap.get(row.values["id"], row.values["id"])
                if target in existing_ids or target != row.values["id"]:
                    plan.updates[type_name].append(row)
                else:
                    plan.inserts[type_name].append(row)
        return plan

    def _check_references(
        self,
        session: Session,
        rules: _TableRules,
        candidates: list[ParsedRow],
        plan: _Plan,
        bad: set[int],
        valid_ids: dict[str, set[str]],
        rejected_ids: dict[str, dict[str, int]],
    ) -> None:
        """Every reference must point at a valid record of the file or at a record in the database."""
        table_name = rules.table.name
        references = [(column, target, valid_ids[target]) for column, target in rules.foreign_keys.items()]
        unresolved: list[tuple[ParsedRow, str, str, Any]] = []
        for row in candidates:
            if row.row in bad:
                continue
            values_of = row.values
            for column, target, valid in references:
                value = values_of.get(column)
                if value is not None and value not in valid:
                    unresolved.append((row, column, target, value))
        if not unresolved:
            return
        in_db: dict[str, set[Any]] = {}
        for target in {target for _row, _column, target, _value in unresolved}:
            wanted = [plan.remap[target].get(v, v) for _r, _c, t, v in unresolved if t == target]
            in_db[target] = self._existing(session, _table_named(target), "id", wanted)
        for row, column, target, value in unresolved:
            if row.row in bad and row.values["id"] in rejected_ids[table_name]:
                continue
            if plan.remap[target].get(value, value) in in_db[target]:
                continue
            if value in rejected_ids[target]:
                reason = f"verwijst naar een afgekeurd record (regel {rejected_ids[target][value]})"
            else:
                label = TYPE_LABELS.get(TABLE_TO_TYPE.get(target, ""), target)
                reason = f"verwijst naar een onbekende {label}"
            plan.issues.append(RowIssue(row.row, column, reason))
            bad.add(row.row)
            valid_ids[table_name].discard(row.values["id"])
            rejected_ids[table_name][row.values["id"]] = row.row

    def _match_existing(
        self,
        session: Session,
        type_name: str,
        rules: _TableRules,
        candidates: list[ParsedRow],
        remap: dict[str, str],
        plan: _Plan,
        bad: set[int],
    ) -> None:
        """Natural-key matches and unique-value conflicts against records already in the database."""
        table = rules.table
        # Natural keys: an existing record under another id is the same record.
        for columns in NATURAL_KEYS.get(type_name, ()):
            if len(columns) == 1:
                found = self._existing_map(session, table, columns[0], [r.values.get(columns[0]) for r in candidates])
                for row in candidates:
                    target = found.get(row.values.get(columns[0]))
                    if target and target != row.values["id"] and row.values["id"] not in remap:
                        remap[row.values["id"]] = target
            else:
                keys = {tuple(r.values.get(c) for c in columns) for r in candidates}
                for db_id, *key in session.execute(select(table.c.id, *(table.c[c] for c in columns))):
                    if tuple(key) in keys:
                        for row in candidates:
                            if tuple(row.values.get(c) for c in columns) == tuple(key) and row.values["id"] != db_id:
                                remap.setdefault(row.values["id"], db_id)
        # Other unique values must not belong to another record in the database.
        for columns in rules.unique:
            if type_name in NATURAL_KEYS and columns in NATURAL_KEYS[type_name]:
                continue
            if len(columns) != 1:
                continue
            column = columns[0]
            found = self._existing_map(session, table, column, [r.values.get(column) for r in candidates])
            for row in candidates:
                owner = found.get(row.values.get(column))
                target = remap.get(row.values["id"], row.values["id"])
                if owner is not None and owner != target:
                    plan.issues.append(
                        RowIssue(row.row, column, "deze waarde hoort al bij een ander record in Vangnet")
                    )
                    bad.add(row.row)
        if type_name == "person":
            self._check_person_keys(session, candidates, remap, plan, bad)

    def _check_person_keys(
        self, session: Session, rows: list[ParsedRow], remap: dict[str, str], plan: _Plan, bad: set[int]
    ) -> None:
        """BSN and onderwijsnummer must not point at two different existing persons."""
        from desktop.models.registry import Person

        table = table_of(Person)
        by_bsn = self._existing_map(session, table, "bsn", [r.values.get("bsn") for r in rows])
        by_edu = self._existing_map(
            session, table, "education_number", [r.values.get("education_number") for r in rows]
        )
        for row in rows:
            a = by_bsn.get(row.values.get("bsn"))
            b = by_edu.get(row.values.get("education_number"))
            if a and b and a != b:
                plan.issues.append(
                    RowIssue(
                        row.row,
                        "education_number",
                        "BSN en onderwijsnummer horen in Vangnet bij twee verschillende personen; voeg ze eerst samen",
                    )
                )
                bad.add(row.row)
                remap.pop(row.values["id"], None)

    def _check_journal(
        self, session: Session, rows: list[ParsedRow], existing: set[str], plan: _Plan, bad: set[int]
    ) -> None:
        """Journal lines are append-only: an existing line may come again, but unchanged."""
        table = JournalEntry.__table__
        ids = [row.values["id"] for row in rows if row.values["id"] in existing]
        stored: dict[str, tuple] = {}
        for start in range(0, len(ids), 500):
            for record in session.execute(
                select(table.c.id, table.c.text, table.c.kind, table.c.case_id).where(
                    table.c.id.in_(ids[start : start + 500])
                )
            ):
                stored[record[0]] = tuple(record[1:])
        for row in rows:
            old = stored.get(row.values["id"])
            if old is not None and old != (row.values["text"], row.values["kind"], row.values["case_id"]):
                plan.issues.append(RowIssue(row.row, "text", "een bestaande journaalregel kan niet worden gewijzigd"))
                bad.add(row.row)

    @staticmethod
    def _existing(session: Session, table: sa.Table, column: str, values: list[Any]) -> set[Any]:
        found: set[Any] = set()
        wanted = [value for value in set(values) if value is not None]
        for start in range(0, len(wanted), 500):
            found.update(
                session.scalars(select(table.c[column]).where(table.c[column].in_(wanted[start : start + 500])))
            )
        return found

    @staticmethod
    def _existing_map(session: Session, table: sa.Table, column: str, values: list[Any]) -> dict[Any, str]:
        found: dict[Any, str] = {}
        wanted = [value for value in set(values) if value is not None]
        for start in range(0, len(wanted), 500):
            batch = wanted[start : start + 500]
            for value, record_id in session.execute(
                select(table.c[column], table.c.id).where(table.c[column].in_(batch))
            ):
                found[value] = record_id
        return found

    # -- writing -------------------------------------------------------------------------------------

    def write(
        self, session: Session, rows: Sequence[ParsedRow], result: ImportResult, progress: ProgressCallback
    ) -> None:
        if session.get_bind().dialect.name == "sqlite":
            session.execute(sa.text("PRAGMA defer_foreign_keys = ON"))
        wanted = frozenset(row.row for row in rows)
        cached = self._cached_plan
        self._cached_plan = None
        if cached is not None and cached[0] == wanted:
            plan = cached[1]
        else:
            plan = self._plan(session, ParsedFile(path=Path("."), kind=self.kind, rows=list(rows)))
        if plan.issues and plan is not (cached[1] if cached else None):
            # Rows that only became invalid because rows they refer to were left out.
            raise ImportRefused(
                "Er is niets geïmporteerd: sommige goede records verwijzen naar afgekeurde records.\n"
                + "\n".join(f"- {issue}" for issue in plan.issues[:50])
            )
        total = len(rows)
        self._insert_all(session, plan, result, progress, total)

    def _insert_all(
        self, session: Session, plan: _Plan, result: ImportResult, progress: ProgressCallback, total: int
    ) -> None:
        done = 0
        for type_name, model in RECORD_TYPES:
            table = table_of(model)
            inserts = plan.inserts.get(type_name, [])
            if inserts:
                # Every value was validated and converted while parsing; the bulk writer stores them as they
                # are (a field the record leaves out stays empty) and queues the records the server never
                # had (version 0) like any other write.
                rules = rules_for(type_name)
                spec = []
                for column in table.columns:
                    target = table.name if column.name == "id" else rules.foreign_keys.get(column.name)
                    spec.append((column.name, plan.remap.get(target) if target else None))
                records = []
                for row in inserts:
                    source = row.values
                    record: dict[str, Any] = {}
                    for name, remap in spec:
                        value = source.get(name)
                        if value is not None and remap:
                            value = remap.get(value, value)
                        record[name] = value
                    records.append(record)
                bulk_insert(session, table, records)
                result.created[TYPE_LABELS[type_name]] += len(inserts)
            for row in plan.updates.get(type_name, []):
                values = self._db_values(plan, table, row)
                record_id = values.pop("id")
                before = session.execute(select(table).where(table.c.id == record_id)).first()
                # A Core update through the session gives a CursorResult (the session's stubs say Result).
                outcome = cast(
                    CursorResult[Any], session.execute(sa.update(table).where(table.c.id == record_id).values(**values))
                )
                if outcome.rowcount:
                    result.updated[TYPE_LABELS[type_name]] += 1
                if before is not None and not values.get("version"):
                    # A change of a record the server never had, or a local edit of one it has.
                    old = before._mapping
                    fields = {name: (old[name], value) for name, value in values.items() if name in old}
                    queue_updates(session, table, [(record_id, old["version"] or 0, fields)])
            done += len(inserts) + len(plan.updates.get(type_name, []))
            progress(done, total, f"Importeren: {TYPE_LABELS[type_name]}")

    @staticmethod
    def _db_values(plan: _Plan, table: sa.Table, row: ParsedRow) -> dict[str, Any]:
        rules = rules_for(row.values["type"])
        values: dict[str, Any] = {name: row.values.get(name) for name in rules.columns}
        values["id"] = plan.remap[table.name].get(values["id"], values["id"])
        for column, target_table in rules.foreign_keys.items():
            if values.get(column) is not None:
                values[column] = plan.remap[target_table].get(values[column], values[column])
        return values


class _Plan:
    def __init__(self) -> None:
        self.issues: list[RowIssue] = []
        self.remap: dict[str, dict[str, str]] = defaultdict(dict)
        self.inserts: dict[str, list[ParsedRow]] = defaultdict(list)
        self.updates: dict[str, list[ParsedRow]] = defaultdict(list)


def _table_named(name: str) -> sa.Table:
    from desktop.models.base import Base

    return Base.metadata.tables[name]

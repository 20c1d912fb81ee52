"""`vangnet-server import vangnet-jsonl FILE`: an office's migration file or a full export, straight into
the central database.

The file is the Vangnet interchange format (desktop/models/exporters/jsonl.py). Every record is checked
as a push is: its type is a registry entity, every field is known and valid under the shared record
schema, and every reference points at a record of the file or one already on the server. Gemeenten
(CBS code), schools (BRIN + vestiging), users (username) and persons (BSN or onderwijsnummer) that the
server already has are recognised by that natural key: the record takes the server's id and the
references in the file follow. Any other key a push would refuse (a BSN or DUO number the server gives
to another record) is refused; a case number that is taken gets the next free one, as a pushed case
does. A user the server has no account for gets a new, disabled account without a usable password; its
users row is written by the server, as `users add` does.

All or nothing: one refused record and nothing is written; the problems are named by line, type and
field, never by value. Otherwise everything goes in one transaction, through store.ImportWriter, which
gives the records the versions, sequence numbers and access rows a push would have given them.
Importing the same file again changes nothing; a record that differs from the server's is updated
field by field (a journal line, which is append-only, is refused instead). A record the server removed
because its keeping period passed is not brought back.
"""

from __future__ import annotations

import gc
import json
import re
import secrets
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, Table, UniqueConstraint, insert, select

from desktop.models import entities as registry
from desktop.models.exporters.jsonl import END_TYPE, FORMAT_NAME, FORMAT_VERSION, skip_to_lines
from desktop.models.record_schema import UUID_PATTERN, FieldError, TableSchema, schema_for
from desktop.models.region import municipality_id
from sync.server import natural_keys, scope, store
from sync.server.auth import hash_password
from sync.server.db import accounts, audit_log, records

KIND = "vangnet-jsonl"
#: Keys of a record line that are not fields: the type, and what the server gives every record itself.
NOT_FIELDS = frozenset({"type", "id", "version", "updated_at", "deleted"})
#: The keys (natural_keys.keys_of) by which a record already on the server is recognised under another id,
#: as the desktop importer does; users are matched to accounts by username.
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "municipalities": ("cbs_code",),
    "schools": ("brin+location",),
    "persons": ("bsn", "education_number"),
}
MAX_LINE_BYTES = 1_000_000
SHOWN_PROBLEMS = 20
PROGRESS_EVERY = 100_000
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")

Progress = Callable[[str, float, int], None]


class FileRefused(Exception):
    """The file as a whole is not an importable Vangnet file (the message says why, in Dutch)."""


@dataclass(frozen=True)
class Problem:
    """Why one record is refused: its line, type and field, and a reason that never repeats a value."""

    line: int
    type_label: str
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f", veld {self.field}" if self.field else ""
        return f"Regel {self.line} ({self.type_label}{where}): {self.message}"


@dataclass(slots=True)
class _Record:
    line: int
    entity: registry.Entity
    record_id: str
    data: dict[str, Any]
    deleted: bool
    final_id: str = ""


@dataclass
class ImportReport:
    """What an import did (or, with problems, why it did nothing)."""

    records: int = 0
    problems: list[Problem] = field(default_factory=list)
    refused: int = 0
    inserted: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    renumbered: Counter[str] = field(default_factory=Counter)
    accounts_created: int = 0
    accounts_matched: int = 0
    removed_earlier: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _entities_by_type() -> dict[str, registry.Entity]:
    return {e.interchange: e for e in registry.entities()}


def _label(entity: registry.Entity | None) -> str:
    return entity.label.lower() if entity is not None else "onbekend type"


def _shown(name: Any) -> str | None:
    """A field name as it may be printed: only names shaped like a field, never something like a value."""
    return name if isinstance(name, str) and _FIELD_NAME.match(name) else None


def _problem_field(schema: TableSchema, doc: dict[str, Any]) -> str | None:
    """The field (or fields, joined by '+') behind schema.problem's first reason."""
    values: dict[str, Any] = {}
    for name, value in doc.items():
        try:
            values[name] = schema.parse(name, value)
        except FieldError:
            return _shown(name)
    for name in schema.required:
        if doc.get(name) is None:
            return name
    for check in schema.checks:
        if check.problem({name: values.get(name) for name in check.fields}):
            return "+".join(sorted(check.fields))
    return None


def _unique_keys(entity: registry.Entity) -> list[tuple[str, ...]]:
    """The unique columns of an entity's table on the devices (one or several columns per key)."""
    return _unique_keys_of(entity.model.__table__)


@cache
def _unique_keys_of(table: Table) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = [(c.name,) for c in table.columns if c.unique and not c.primary_key]
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            names = tuple(c.name for c in constraint.columns)
            if names and names not in keys:
                keys.append(names)
    return keys


def _keys(record: _Record, names: tuple[str, ...] | None = None) -> list[natural_keys.KeyId]:
    """The natural keys (record_keys) a record holds, or only those named."""
    table = record.entity.table
    values = natural_keys.key_values(table, record.data)
    return [(table, name, value) for name, value in values.items() if names is None or name in names]


# -- reading ------------------------------------------------------------------------------------------


@dataclass
class _File:
    records: list[_Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    count: int = 0
    #: (table, id) -> line of the records refused on their own, so references to them can say so.
    refused: dict[tuple[str, str], int] = field(default_factory=dict)


def read_file(path: Path, progress: Progress | None = None) -> _File:
    """Every record of the file, each checked on its own against the shared record schema."""
    by_type = _entities_by_type()
    parsed = _File()
    try:
        size = path.stat().st_size or 1
        handle = path.open("rb")
    except OSError:
        raise FileRefused("Het bestand kan niet worden gelezen.") from None
    header_seen = False
    end_count: int | None = None
    done = 0
    with handle:
        refusal = skip_to_lines(handle)
        if refusal is not None:
            raise FileRefused(refusal)
        for number, raw in enumerate(handle, start=1):
            done += len(raw)
            if progress is not None and number % 5000 == 0:
                progress("Lezen en controleren", done / size, parsed.count)
            if not raw.strip():
                continue
            if len(raw) > MAX_LINE_BYTES:
                if not header_seen:
                    raise FileRefused("Dit is geen Vangnet-uitwisselbestand: de eerste regel is te lang.")
                parsed.count += 1
                parsed.problems.append(Problem(number, "onbekend type", None, "de regel is te lang"))
                continue
            try:
                item = json.loads(raw)
            except (ValueError, RecursionError):
                if not header_seen:
                    raise FileRefused("Dit is geen Vangnet-uitwisselbestand: de eerste regel is geen JSON.") from None
                parsed.count += 1
                parsed.problems.append(Problem(number, "onbekend type", None, "geen geldige JSON (UTF-8)"))
                continue
            if not header_seen:
                if not isinstance(item, dict) or item.get("type") != FORMAT_NAME:
                    raise FileRefused(
                        f"Dit is geen Vangnet-uitwisselbestand: de eerste regel moet type '{FORMAT_NAME}' hebben."
                    )
                if item.get("format_version") != FORMAT_VERSION:
                    raise FileRefused(f"Deze formaatversie wordt niet ondersteund (verwacht {FORMAT_VERSION}).")
                header_seen = True
                continue
            if isinstance(item, dict) and item.get("type") == END_TYPE:
                records = item.get("records")
                end_count = records if isinstance(records, int) and not isinstance(records, bool) else -1
                continue
            parsed.count += 1
            if end_count is not None:
                parsed.problems.append(Problem(number, "onbekend type", None, "record na de afsluitregel"))
                continue
            problem = _check_record(number, item, by_type, parsed)
            if problem is not None:
                parsed.problems.append(problem)
    if not header_seen:
        raise FileRefused("Het bestand is leeg.")
    if end_count is None:
        raise FileRefused("Het bestand is onvolledig: de afsluitregel (type 'einde') ontbreekt.")
    if end_count != parsed.count:
        raise FileRefused(
            f"Het bestand is onvolledig: de afsluitregel noemt {_number(max(end_count, 0))} records,"
            f" er zijn er {_number(parsed.count)}."
        )
    if progress is not None:
        progress("Lezen en controleren", 1.0, parsed.count)
    return parsed


def _check_record(number: int, item: Any, by_type: dict[str, registry.Entity], parsed: _File) -> Problem | None:
    if not isinstance(item, dict):
        return Problem(number, "onbekend type", None, "een record moet een JSON-object zijn")
    type_name = item.get("type")
    entity = by_type.get(type_name) if isinstance(type_name, str) else None
    schema = schema_for(entity.table) if entity is not None else None
    if entity is None or schema is None:
        return Problem(number, "onbekend type", "type", "onbekend recordtype")
    label = _label(entity)
    record_id = item.get("id")
    if not isinstance(record_id, str) or not UUID_PATTERN.match(record_id):
        return Problem(number, label, "id", "geen geldige id (een UUID in kleine letters)")
    deleted = item.get("deleted", False)
    doc = {name: value for name, value in item.items() if name not in NOT_FIELDS}
    message = schema.problem(doc)
    if message is not None or not isinstance(deleted, bool):
        parsed.refused.setdefault((entity.table, record_id), number)
        if message is None:
            return Problem(number, label, "deleted", "verwacht true of false")
        return Problem(number, label, _problem_field(schema, doc), message)
    parsed.records.append(_Record(number, entity, record_id, doc, deleted))
    return None


# -- checking against the file and the server --------------------------------------------------------


class _Plan:
    """Natural keys, references and stored rows: decides per record, and collects every refusal."""

    def __init__(self, conn: Connection, parsed: _File, writer: store.ImportWriter) -> None:
        self.conn = conn
        self.writer = writer
        self.problems = list(parsed.problems)
        self.records = list(parsed.records)
        self.refused: dict[tuple[str, str], int] = dict(parsed.refused)  # (table, id in the file) -> line
        self.remap: dict[str, dict[str, str]] = defaultdict(dict)
        self.new_users: list[_Record] = []
        self.matched_users = 0
        self.removed_earlier: list[_Record] = []
        self.gone: set[tuple[str, str]] = set()
        self._live: list[_Record] | None = None
        order = {e.table: i for i, e in enumerate(registry.entities())}
        self.records.sort(key=lambda r: (order[r.entity.table], r.line))

    def refuse(self, record: _Record, name: str | None, message: str) -> None:
        self.problems.append(Problem(record.line, _label(record.entity), name, message))
        self.refused[(record.entity.table, record.record_id)] = record.line
        self._live = None

    def live(self) -> list[_Record]:
        """The records not refused (so far)."""
        if self._live is None:
            refused = self.refused
            self._live = [r for r in self.records if (r.entity.table, r.record_id) not in refused]
        return self._live

    def run(self) -> None:
        self.check_duplicates()
        self.match_natural_keys()
        self.match_accounts()
        self.check_same_target()
        self.check_keys()
        self.skip_removed()
        self.check_references()
        self.check_stored()
        self.problems.sort(key=lambda p: p.line)

    def check_duplicates(self) -> None:
        """An id, and every unique value of the devices' tables, once per file."""
        seen: dict[tuple[Any, ...], int] = {}
        for record in self.records:
            table = record.entity.table
            first = seen.setdefault((table, "id", record.record_id), record.line)
            if first != record.line:
                self.refuse(record, "id", f"dubbel in het bestand: deze id staat ook op regel {first}")
                continue
            for columns in _unique_keys(record.entity):
                value = tuple(record.data.get(name) for name in columns)
                if None in value:
                    continue
                first = seen.setdefault((table, columns, value), record.line)
                if first != record.line:
                    self.refuse(
                        record, "+".join(columns), f"dubbel in het bestand: deze waarde staat ook op regel {first}"
                    )
                    break

    def match_natural_keys(self) -> None:
        """A gemeente, school or person the server holds under its key (record_keys) takes the server's id."""
        mine = [r for r in self.live() if r.entity.table in NATURAL_KEYS and not r.deleted]
        held = {id(r): _keys(r, NATURAL_KEYS[r.entity.table]) for r in mine}
        owners = self.writer.key_owners(key for keys in held.values() for key in keys)
        for record in mine:
            table = record.entity.table
            targets = {owner for key in held[id(record)] if (owner := owners[key])}
            if len(targets) > 1:
                message = "BSN en onderwijsnummer horen op de server bij twee verschillende leerlingen"
                self.refuse(record, "bsn+education_number", message)
                continue
            if targets:
                target = next(iter(targets))
            elif table == "municipalities":
                # A gemeente has the same id everywhere: the one derived from its CBS code.
                target = municipality_id(record.data["cbs_code"])
            else:
                target = record.record_id
            if target != record.record_id:
                self.remap[table][record.record_id] = target

    def match_accounts(self) -> None:
        """Each user to the server account of the same username; without one, a new (disabled) account."""
        users = [r for r in self.live() if r.entity.table == "users"]
        if not users:
            return
        found = self.conn.execute(select(accounts.c.id, accounts.c.username))
        by_name = {name: account_id for account_id, name in found}
        ids = set(by_name.values())
        for record in users:
            target = by_name.get(record.data["username"])
            if target is None and record.record_id in ids:
                target = record.record_id  # the same account under a name changed on the server
            if target is None:
                self.new_users.append(record)
                continue
            self.matched_users += 1
            if target != record.record_id:
                self.remap["users"][record.record_id] = target

    def check_same_target(self) -> None:
        """Two records of the file that come down to one record on the server."""
        seen: dict[tuple[str, str], int] = {}
        for record in self.live():
            table = record.entity.table
            record.final_id = self.remap[table].get(record.record_id, record.record_id)
            first = seen.setdefault((table, record.final_id), record.line)
            if first != record.line:
                self.refuse(record, "id", f"dit is op de server hetzelfde gegeven als dat op regel {first}")

    def check_keys(self) -> None:
        """A BSN, DUO number, CBS code, ... that the server gives to another record is refused, as a push
        is; a taken case number is not: the new case gets the next free number, as a pushed one does."""
        keyed = {e.table for e in registry.entities() if natural_keys.keys_of(e.table)}
        mine = [r for r in self.live() if not r.deleted and r.entity.table in keyed]
        held = {id(r): _keys(r) for r in mine}
        owners = self.writer.key_owners(key for keys in held.values() for key in keys)
        for record in mine:
            for key in held[id(record)]:
                owner = owners[key]
                if owner is None or owner == record.final_id or key[:2] == ("cases", "case_number"):
                    continue
                label = _label(record.entity)
                self.refuse(record, key[1], f"er staat op de server al een andere {label} met deze waarde")
                break

    def final(self, table: str, value: str) -> str:
        remap = self.remap.get(table)
        return remap.get(value, value) if remap else value

    def skip_removed(self) -> None:
        """Records whose file the server removed after its keeping period stay removed."""
        removed = {
            tuple(obj.split(":", 1))
            for (obj,) in self.conn.execute(
                select(audit_log.c.object).where(audit_log.c.action == "retention_delete", audit_log.c.result == "ok")
            )
            if obj and ":" in obj
        }
        if not removed:
            return
        persons = {i for t, i in removed if t == scope.PERSONS}
        cases = {i for t, i in removed if t == scope.CASES}
        skipped: set[tuple[str, str]] = set()
        for record in self.live():
            table = record.entity.table
            person = self.final(scope.PERSONS, p) if (p := record.data.get("person_id")) else None
            case = self.final(scope.CASES, c) if (c := record.data.get("case_id")) else None
            gone = (table, record.final_id) in removed or person in persons or case in cases
            if gone:
                if table == scope.CASES:
                    cases.add(record.final_id)
                skipped.add((table, record.record_id))
                self.removed_earlier.append(record)
        self.records = [r for r in self.records if (r.entity.table, r.record_id) not in skipped]
        self._live = None
        self.gone = {(r.entity.table, r.final_id) for r in self.removed_earlier}

    def check_references(self) -> None:
        """Every reference (after the natural keys) points at a record of the file or one on the server."""
        gone = self.gone
        live = self.live()
        references = {
            e.table: tuple(schema.references.items())
            for e in registry.entities()
            if (schema := schema_for(e.table)) is not None  # every entity of the registry has one
        }
        in_file = {(r.entity.table, r.final_id) for r in live}
        wanted: set[tuple[str, str]] = set()
        for record in live:
            for name, target in references[record.entity.table]:
                value = record.data.get(name)
                if value is not None and (target, self.final(target, value)) not in in_file:
                    wanted.add((target, self.final(target, value)))
        valid = in_file | self.existing(wanted)
        file_ids = {(r.entity.table, r.record_id): r.line for r in self.records}
        for record in live:
            table = record.entity.table
            for name, target in references[table]:
                value = record.data.get(name)
                if value is None:
                    continue
                final = self.final(target, value)
                if (target, final) in valid:
                    record.data[name] = final
                    continue
                line = self.refused.get((target, value))
                if line is not None:
                    message = f"verwijst naar een afgekeurd record (regel {line})"
                elif (target, final) in gone:
                    message = "verwijst naar een gegeven dat de server na de bewaartermijn heeft verwijderd"
                elif (target, value) in file_ids:
                    message = f"verwijst naar een afgekeurd record (regel {file_ids[(target, value)]})"
                else:
                    message = f"verwijst naar een onbekende {_label(registry.get(target))}"
                self.refuse(record, name, message)
                valid.discard((table, record.final_id))
                break

    def existing(self, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        by_table: dict[str, list[str]] = defaultdict(list)
        for table, record_id in keys:
            by_table[table].append(record_id)
        found: set[tuple[str, str]] = set()
        for table, ids in by_table.items():
            for start in range(0, len(ids), store.IMPORT_CHUNK):
                chunk = sorted(ids[start : start + store.IMPORT_CHUNK])
                found.update(
                    (table, record_id)
                    for (record_id,) in self.conn.execute(
                        select(records.c.record_id).where(
                            records.c.table_name == table, store._any_of(self.conn, records.c.record_id, chunk)
                        )
                    )
                )
        return found

    def check_stored(self) -> None:
        """Records the server has: identical ones stay, others are updated, but a journal line never changes."""
        mine = [r for r in self.live() if r.entity.table != "users"]
        self.writer.load((r.entity.table, r.final_id) for r in mine)
        for record in mine:
            if not record.entity.append_only:
                continue
            changed = self.writer.changes(record.entity.table, record.final_id, record.data, record.deleted)
            if changed:
                self.refuse(
                    record,
                    _shown(changed[0]),
                    f"een {_label(record.entity)} staat al op de server en kan niet worden gewijzigd",
                )


# -- writing ------------------------------------------------------------------------------------------


class _Refused(Exception):
    """Raised inside the transaction so that nothing of a refused import is kept."""


@contextmanager
def _serialised(engine: Engine) -> Any:
    # On SQLite the server serialises its writers with a lock in the process; an import in that same
    # process (the tests) takes it too.
    with store._sqlite_write_lock if engine.dialect.name == "sqlite" else nullcontext():
        yield


def import_file(
    engine: Engine,
    path: str | Path,
    *,
    owner_user_id: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a Vangnet JSONL file into the server database, all or nothing. FileRefused for a bad file.

    ``owner_user_id`` stands for the account that would have pushed the records (see ImportWriter).
    """
    collecting = gc.isenabled()
    # Hundreds of thousands of small dicts would start the cyclic collector over and over; none of
    # them forms a cycle.
    gc.disable()
    try:
        return _import(engine, Path(path), owner_user_id, progress)
    finally:
        if collecting:
            gc.enable()


def _import(engine: Engine, path: Path, owner_user_id: str | None, progress: Progress | None) -> ImportReport:
    parsed = read_file(path, progress)
    report = ImportReport(records=parsed.count)
    try:
        with _serialised(engine), engine.begin() as conn:
            writer = store.ImportWriter(conn, owner_user_id)
            if progress is not None:
                progress("Vergelijken met de server", 0.0, 0)
            plan = _Plan(conn, parsed, writer)
            plan.run()
            if progress is not None:
                progress("Vergelijken met de server", 1.0, parsed.count)
            if plan.problems:
                report.problems = plan.problems
                report.refused = len({p.line for p in plan.problems})
                raise _Refused
            report.removed_earlier = len(plan.removed_earlier)
            report.accounts_matched = plan.matched_users
            report.accounts_created = _create_accounts(conn, plan.new_users)
            if plan.new_users:
                report.inserted["users"] = len(plan.new_users)
            report.unchanged["users"] = plan.matched_users
            items = [(r.entity.table, r.final_id, r.data, r.deleted) for r in plan.live() if r.entity.table != "users"]

            def writing(done: int, total: int) -> None:
                # done and total count the access rows too; the records written are at most all of them.
                if progress is not None:
                    progress("Schrijven", done / max(total, 1), min(done, len(items)))

            counts = writer.write(items, writing)
            report.inserted.update(counts["inserted"])
            report.updated.update(counts["updated"])
            report.unchanged.update(counts["unchanged"])
            report.renumbered.update(counts["renumbered"])
            store.audit(conn, "import_jsonl", "ok")
    except _Refused:
        pass
    report.unchanged = +report.unchanged
    return report


def _create_accounts(conn: Connection, users: list[_Record]) -> int:
    """A disabled account per new user, with the file's id, role and gemeenten, and its users row."""
    if not users:
        return 0
    # A valid hash of a secret that is thrown away: no password opens it, and a login attempt costs as
    # much time as one on any other account.
    unusable = hash_password(secrets.token_urlsafe(32))
    now = store.now_iso()
    for record in users:
        data = record.data
        codes = sorted(set(data.get("municipality_codes") or []))
        conn.execute(
            insert(accounts).values(
                id=record.final_id,
                username=data["username"],
                display_name=data.get("display_name") or "",
                role=data["role"],
                municipality_codes=json.dumps(codes),
                password_hash=unusable,
                active=False,
                created_at=now,
                leerplichtambtenaar=bool(data.get("leerplichtambtenaar")),
                boa_number=(str(data.get("boa_number") or "").strip() or None),
            )
        )
        document = {name: value for name, value in data.items() if value is not None}
        document.update(municipality_codes=codes, active=False)
        store.upsert_reference(conn, "users", record.final_id, document)
        store.audit(conn, "user_import", "ok", account_id=record.final_id)
    return len(users)


# -- the command --------------------------------------------------------------------------------------


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _counted(counts: Counter[str]) -> str:
    """'68.000 leerlingen, 1 zaak, ...' in the registry's order, with its labels."""
    parts = []
    for entity in registry.entities():
        count = counts.get(entity.table, 0)
        if count:
            name = entity.label if count == 1 else entity.plural
            parts.append(f"{_number(count)} {_lower_first(name)}")
    return ", ".join(parts)


def _lower_first(name: str) -> str:
    # 'Leerlingen' -> 'leerlingen', but 'VSV-traject' keeps its capitals.
    return name if name[1:2].isupper() else name[:1].lower() + name[1:]


class TerminalProgress:
    """Progress on stderr: one percentage line kept up to date on a terminal, else a line per 100.000 records."""

    def __init__(self, stream: IO[str], every: int = PROGRESS_EVERY) -> None:
        self.stream = stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.every = every
        self.last: tuple[str, int] | None = None
        self.next_count: dict[str, int] = {}

    def __call__(self, phase: str, fraction: float, count: int) -> None:
        percent = min(100, int(fraction * 100))
        if self.tty:
            if self.last != (phase, percent):
                if self.last is not None and self.last[0] != phase:
                    self.stream.write("\n")
                self.stream.write(f"\r{phase}: {percent}%")
                self.stream.flush()
                self.last = (phase, percent)
            return
        due = self.next_count.setdefault(phase, self.every)
        if count >= due or (fraction >= 1.0 and self.last != (phase, 100)):
            self.stream.write(f"{phase}: {_number(count)} records ({percent}%)\n")
            self.stream.flush()
            self.next_count[phase] = (count // self.every + 1) * self.every
            self.last = (phase, percent)

    def close(self) -> None:
        if self.tty and self.last is not None:
            self.stream.write("\n")
            self.stream.flush()


def run(engine: Engine, path: str, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """The command: exit 0 with a summary, 1 when the file or a record is refused (nothing written)."""
    out = out or sys.stdout
    err = err or sys.stderr
    progress = TerminalProgress(err)
    try:
        report = import_file(engine, path, progress=progress)
    except FileRefused as exc:
        progress.close()
        print(f"Er is niets geïmporteerd. {exc}", file=err)
        return 1
    progress.close()
    if not report.ok:
        print(
            f"Er is niets geïmporteerd: {_number(report.refused)} van de {_number(report.records)} records afgekeurd.",
            file=err,
        )
        for problem in report.problems[:SHOWN_PROBLEMS]:
            print(str(problem), file=err)
        if len(report.problems) > SHOWN_PROBLEMS:
            print(f"... en nog {_number(len(report.problems) - SHOWN_PROBLEMS)} problemen.", file=err)
        return 1
    print("Geïmporteerd: " + (_counted(report.inserted) or "niets nieuws") + ".", file=out)
    if report.updated:
        print("Bijgewerkt: " + _counted(report.updated) + ".", file=out)
    if report.unchanged:
        print("Al op de server en ongewijzigd: " + _counted(report.unchanged) + ".", file=out)
    if report.renumbered:
        print(
            "Met een nieuw zaaknummer (het nummer uit het bestand was op de server al in gebruik): "
            + _counted(report.renumbered)
            + ".",
            file=out,
        )
    if report.accounts_created or report.accounts_matched:
        print(
            f"Accounts: {_number(report.accounts_created)} nieuw (uitgeschakeld, nog zonder wachtwoord),"
            f" {_number(report.accounts_matched)} gekoppeld aan een bestaand account.",
            file=out,
        )
    if report.removed_earlier:
        print(
            f"Niet teruggezet: {_number(report.removed_earlier)} records die de server na de bewaartermijn"
            " heeft verwijderd.",
            file=out,
        )
    return 0

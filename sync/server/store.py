"""Applying pushed operations (field-level merge, scope checks) and serving pulls, on the server DB."""

from __future__ import annotations

import copy
import functools
import json
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, cast

from sqlalchemy import (
    ARRAY,
    Connection,
    String,
    and_,
    any_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table
from sqlalchemy.exc import IntegrityError

from desktop.models import entities as registry
from desktop.models.record_schema import FieldError, TableSchema, schema_for
from sync.protocol import (
    CHECKSUM_MODULUS,
    FieldConflict,
    OpResult,
    OpStatus,
    Purge,
    PushOp,
    RowState,
    TableSummary,
    row_checksum,
)
from sync.server import mandate, natural_keys, scope
from sync.server.db import (
    applied_ops,
    audit_log,
    counters,
    dumps,
    purges,
    record_access,
    record_keys,
    records,
    retention_history,
)
from sync.server.scope import Principal

if TYPE_CHECKING:
    import psycopg

# Fields whose change can change who sees a file.
SCOPE_FIELDS = frozenset({"assigned_user_id", "person_id", "case_id", "municipality_code", "deleted"})

MESSAGES = {
    "unknown_table": "Dit soort gegevens kan niet worden gesynchroniseerd.",
    "forbidden": "U hebt geen toegang tot dit gegeven.",
    "not_found": "Dit gegeven bestaat niet (meer) op de server.",
    "invalid_field": "Een veld van deze wijziging is ongeldig.",
    "append_only": "Journaalregels kunnen niet worden gewijzigd of verwijderd.",
    "out_of_scope": "Na deze wijziging zou het gegeven buiten uw caseload vallen.",
    "reassign_forbidden": "Alleen een administratief medewerker of teamleider kan een zaak toewijzen.",
    "idempotency_mismatch": "Deze wijziging is eerder met een andere inhoud verstuurd.",
    "invalid_value": "Een waarde van deze wijziging past niet bij het gegeven.",
    "invalid_base_version": "Deze wijziging gaat uit van een versie die de server niet kent.",
    "field_forbidden": "U mag een veld van deze wijziging niet wijzigen.",
    "health_forbidden": (
        "Gegevens over de gezondheid (vrijstelling art. 5 onder a) legt alleen de behandelend consulent"
        " of de teamleider vast."
    ),
    "parent_not_found": (
        "Het gegeven waar deze wijziging naar verwijst bestaat niet op de server of valt buiten uw toegang."
    ),
    "gemeente_forbidden": "U werkt niet voor de gemeente die deze wijziging noemt.",
    "server_managed": "Gebruikers worden op de server beheerd, niet vanaf een apparaat.",
    "duplicate_key": "Er bestaat al een gegeven met dezelfde sleutel.",
    "signing_forbidden": "De ondertekenaar is niet bevoegd voor deze handeling namens het college.",
}


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


def audit(
    conn: Connection,
    action: str,
    result: str,
    principal: Principal | None = None,
    obj: str | None = None,
    account_id: str | None = None,
    device_id: str | None = None,
) -> None:
    """One audit row; object is 'table:uuid' at most, never a field value."""
    conn.execute(
        insert(audit_log).values(
            at=now_iso(),
            account_id=principal.user_id if principal else account_id,
            device_id=principal.device_id if principal else device_id,
            action=action,
            object=obj,
            result=result,
        )
    )


# Per field: [version, device that wrote it] (None: the server), as JSON in the database; a bare version is one
# whose writer is not known.
FieldVersion = int | list[Any]


@dataclass
class _Row:
    table: str
    record_id: str
    data: dict[str, Any]
    version: int
    deleted: bool
    field_versions: dict[str, FieldVersion]
    municipality: str | None
    owner: str | None
    assigned: str | None
    person_id: str | None
    case_id: str | None
    exists: bool = True


class _Ctx:
    """One push transaction: cached rows and access sets, and the writes flushed in bulk at the end.

    Pushes are serialised (the counter row is locked first), so the cache cannot go stale.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.rows: dict[tuple[str, str], _Row | None] = {}
        # Access sets are replaced (set_access), never changed in place.
        self.access: dict[tuple[str, str], AbstractSet[str]] = {}
        self.access_before: dict[tuple[str, str], AbstractSet[str]] = {}
        self.dirty: dict[tuple[str, str], _Row] = {}
        self.touched: dict[tuple[str, str], int] = {}
        self.purges: list[tuple[str, str, str | None, str | None]] = []
        self.persons: set[str] = set()
        self.cases: set[str] = set()
        self.person_cases: dict[str, set[str]] = {}
        self.audits: list[dict[str, Any]] = []
        self.history: list[dict[str, Any]] = []
        self.keys = natural_keys.Keys(conn)

    def touch(self, key: tuple[str, str]) -> None:
        self.touched.setdefault(key, len(self.touched))

    def audit(self, principal: Principal, action: str, result: str, obj: str) -> None:
        self.audits.append(
            {
                "at": now_iso(),
                "account_id": principal.user_id,
                "device_id": principal.device_id,
                "action": action,
                "object": obj,
                "result": result,
            }
        )

    def remember_retention(
        self, entity: registry.Entity, record_id: str, before: dict[str, Any], changed: Iterable[str]
    ) -> None:
        """Keep the earlier value of each field a keeping period is computed from (see audit_deletions)."""
        now = now_iso()
        for name in set(changed) & entity.retention_fields:
            self.history.append(
                {
                    "table_name": entity.table,
                    "record_id": record_id,
                    "field": name,
                    "value": dumps(before.get(name)),
                    "changed_at": now,
                }
            )

    def load(self, keys: Iterable[tuple[str, str]]) -> None:
        wanted = [k for k in set(keys) if k not in self.rows and k[1]]
        for chunk in _chunked(wanted, 500):
            ids = sorted({k[1] for k in chunk})
            found = self.conn.execute(select(records).where(records.c.record_id.in_(ids))).mappings().all()
            for r in found:
                key = (r["table_name"], r["record_id"])
                if key not in self.rows:
                    self.rows[key] = _row_from(r)
            for k in chunk:
                self.rows.setdefault(k, None)
        self.load_access(wanted)

    def load_access(self, keys: Iterable[tuple[str, str]]) -> None:
        wanted = [k for k in set(keys) if k not in self.access and k[1]]
        for chunk in _chunked(wanted, 500):
            ids = sorted({k[1] for k in chunk})
            found: dict[tuple[str, str], set[str]] = {k: set() for k in chunk}
            for user_id, table, record_id in self.conn.execute(
                select(record_access.c.user_id, record_access.c.table_name, record_access.c.record_id).where(
                    record_access.c.record_id.in_(ids)
                )
            ):
                if (table, record_id) in found:
                    found[(table, record_id)].add(user_id)
            self.access.update(found)
            for k in chunk:
                self.access_before[k] = set(found[k])

    def row(self, table: str, record_id: str | None) -> _Row | None:
        if record_id is None:
            return None
        key = (table, record_id)
        if key not in self.rows:
            self.load([key])
        return self.rows[key]

    def access_of(self, table: str, record_id: str | None) -> AbstractSet[str]:
        if record_id is None:
            return set()
        key = (table, record_id)
        if key not in self.access:
            self.load_access([key])
        return self.access[key]

    def load_person_cases(self, person_ids: Iterable[str]) -> None:
        wanted = [p for p in set(person_ids) if p and p not in self.person_cases]
        for chunk in _chunked(wanted, 500):
            for p in chunk:
                self.person_cases[p] = set()
            found = (
                self.conn.execute(
                    select(records).where(records.c.table_name == scope.CASES, records.c.person_id.in_(chunk))
                )
                .mappings()
                .all()
            )
            for r in found:
                key = (scope.CASES, r["record_id"])
                self.rows.setdefault(key, _row_from(r))
                row = self.rows[key]
                if row is not None and row.person_id in self.person_cases:
                    self.person_cases[row.person_id].add(r["record_id"])

    def cases_of_person(self, person_id: str) -> list[_Row]:
        self.load_person_cases([person_id])
        rows = [self.rows.get((scope.CASES, c)) for c in self.person_cases[person_id]]
        return [r for r in rows if r is not None and r.person_id == person_id]

    def store(self, row: _Row, old_person: str | None) -> None:
        key = (row.table, row.record_id)
        self.rows[key] = row
        self.dirty[key] = row
        if row.table == scope.CASES:
            if old_person and old_person in self.person_cases:
                self.person_cases[old_person].discard(row.record_id)
            if row.person_id:
                self.load_person_cases([row.person_id])
                self.person_cases[row.person_id].add(row.record_id)

    def set_access(self, key: tuple[str, str], new: set[str]) -> bool:
        old = self.access_of(*key)
        if old == new:
            return False
        for user_id in old - new:
            self.purges.append((key[0], key[1], user_id, None))
        self.access[key] = set(new)
        return True


def _row_from(r: Any) -> _Row:
    return _Row(
        r["table_name"],
        r["record_id"],
        json.loads(r["data"]),
        r["version"],
        bool(r["deleted"]),
        json.loads(r["field_versions"]),
        r["municipality_code"],
        r["owner_user_id"],
        r["assigned_user_id"],
        r["person_id"],
        r["case_id"],
    )


def _chunked(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _case_consultants(row: _Row | None) -> set[str]:
    """Consultants who see a case: its assignee while the case is not deleted."""
    if row is None or row.deleted:
        return set()
    if row.assigned:
        return {row.assigned}
    return {row.owner} if row.owner else set()


def _person_consultants(ctx: _Ctx, person_id: str) -> set[str]:
    users = {u for c in ctx.cases_of_person(person_id) for u in _case_consultants(c)}
    if not users:
        person = ctx.row(scope.PERSONS, person_id)
        if person is not None and person.owner:
            users = {person.owner}
    return users


def _compute_scope(ctx: _Ctx, row: _Row, dossier: set[str] | None = None) -> tuple[str | None, set[str]]:
    """(own gemeente, principals with access) of a row.

    Principals are consultant user ids and 'gm:<code>' for gemeenten. A person's whole file (the
    person and everything with its person_id) is visible to every gemeente any of its records names,
    so a device never holds a child record whose parent it may not see.
    """
    table = row.table
    own = scope.own_municipality(table, row.data)
    if table in scope.REFERENCE_TABLES:
        return own, set()
    gemeenten = {scope.gemeente_key(own)} if own else set()
    if dossier is not None:
        gemeenten |= dossier
    elif row.person_id:
        gemeenten |= {a for a in ctx.access_of(scope.PERSONS, row.person_id) if scope.is_gemeente_key(a)}
    if table == scope.CASES:
        users = _case_consultants(row)
    elif table == scope.PERSONS:
        users = {u for c in ctx.cases_of_person(row.record_id) for u in _case_consultants(c)}
        if not users and row.owner:
            users = {row.owner}
    elif row.case_id:
        users = _case_consultants(ctx.row(scope.CASES, row.case_id))
    elif row.person_id:
        users = _person_consultants(ctx, row.person_id)
    else:
        users = {row.owner} if row.owner else set()
    return own, users | gemeenten


def _reject(op: PushOp, reason: str, message: str | None = None) -> OpResult:
    return OpResult(op_id=op.op_id, status="rejected", reason=reason, message=message or MESSAGES[reason])


def _conflict(op: PushOp, kind: Literal["delete_edit", "edit_delete", "exists"], row: _Row) -> OpResult:
    """A conflict the device resolves, with the server's row as it stands."""
    return OpResult(op_id=op.op_id, status="conflict", conflict_kind=kind, server_row=_public(row), version=row.version)


def _refresh_links(row: _Row) -> None:
    row.person_id, row.case_id = scope.derive_links(row.table, row.record_id, row.data)
    row.assigned = _text(row.data.get("assigned_user_id")) if row.table == scope.CASES else None


def _text(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _shape_problem(op: PushOp, schema: TableSchema) -> tuple[str, str] | None:
    """(reason, message) when an operation does not fit the model before anything stored is looked at."""
    if op.kind == "insert" and op.base_version != 0:
        return "invalid_base_version", "Een nieuw gegeven begint bij versie 0."
    if op.kind == "delete" and op.changes:
        return "invalid_field", "Een verwijdering draagt geen velden."
    for name, change in op.changes.items():
        if name == "deleted":
            # Only a restore travels as a field; a delete is an operation of its own (with its conflict check).
            if op.kind != "update" or change.new is not False:
                return "invalid_field", "Verwijderen gaat met een verwijderopdracht, niet met een veld."
            continue
        if name not in schema.fields:
            return "invalid_field", f"Onbekend veld '{name}' voor {schema.entity.label.lower()}."
        try:
            schema.parse(name, change.new)
        except FieldError as error:
            return "invalid_value", str(error)
    return None


def _reference_problem(
    ctx: _Ctx, principal: Principal, schema: TableSchema, data: dict[str, Any], names: Iterable[str]
) -> bool:
    """Whether a reference the change sets points at a record that is not there or that the writer may
    not see: a file is reached only through what the writer already has (never by knowing an id)."""
    for name in names:
        target = schema.references.get(name)
        value = data.get(name)
        if target is None or value is None:
            continue
        if ctx.row(target, value) is None:
            return True
        if target in scope.CASE_FILE_TABLES and not scope.can_read(principal, target, ctx.access_of(target, value)):
            return True
    return False


def _apply_op(ctx: _Ctx, principal: Principal, op: PushOp) -> OpResult:
    table = op.table
    obj = f"{table}:{op.record_id}"
    entity = registry.get(table)
    schema = schema_for(table)
    if entity is None or schema is None:
        return _reject(op, "unknown_table")
    if entity.server_managed:
        ctx.audit(principal, "push_" + op.kind, "denied", obj)
        return _reject(op, "server_managed")
    if not scope.can_write_table(principal, table):
        ctx.audit(principal, "push_" + op.kind, "denied", obj)
        return _reject(op, "forbidden")
    shape = _shape_problem(op, schema)
    if shape is not None:
        return _reject(op, *shape)

    cached = ctx.row(table, op.record_id)
    # A copy: a rejection further down must leave the cached state untouched.
    row = copy.deepcopy(cached)
    if row is not None and not scope.can_read(principal, table, ctx.access_of(table, op.record_id)):
        ctx.audit(principal, "push_" + op.kind, "denied", obj)
        # An existing record outside the scope looks exactly like a record that does not exist.
        return _reject(op, "not_found" if op.kind != "insert" else "forbidden")
    if row is not None and op.base_version > row.version:
        # A version the server never gave out would pass every field as unchanged by others.
        return _reject(op, "invalid_base_version")
    before = dict(row.data) if row is not None else None
    applied: list[str] = []

    if op.kind == "insert":
        if row is not None:
            return _conflict(op, "exists", row)
        data = {name: change.new for name, change in op.changes.items()}
        row = _Row(
            table,
            op.record_id,
            data,
            1,
            False,
            {name: [1, principal.device_id] for name in data},
            None,
            principal.user_id,
            None,
            None,
            None,
            exists=False,
        )
        conflicts: dict[str, FieldConflict] = {}
        changed = True
    else:
        if row is None:
            return _reject(op, "not_found")
        if table in scope.APPEND_ONLY_TABLES:
            return _reject(op, "append_only")
        changed, conflicts = False, {}
        if op.kind == "delete":
            if row.deleted:
                return OpResult(op_id=op.op_id, status="applied", version=row.version)
            if any(_changed_by_other(row, name, op.base_version, principal.device_id) for name in row.field_versions):
                return _conflict(op, "delete_edit", row)
            row.deleted = True
            row.version += 1
            row.field_versions["deleted"] = [row.version, principal.device_id]
            changed = True
        else:
            restoring = "deleted" in op.changes and op.changes["deleted"].new is False
            if row.deleted and not restoring:
                return _conflict(op, "edit_delete", row)
            new_version = row.version + 1
            for name, change in op.changes.items():
                current = row.deleted if name == "deleted" else row.data.get(name)
                if not _changed_by_other(row, name, op.base_version, principal.device_id):
                    if current != change.new or name not in row.data:
                        _set_field(row, name, change.new)
                        row.field_versions[name] = [new_version, principal.device_id]
                        changed = True
                        applied.append(name)
                elif current != change.new:
                    conflicts[name] = FieldConflict(client=change.new, server=current)
            if changed:
                row.version = new_version

    requested = [n for n in op.changes if n != "deleted"]
    refusal = registry.write_refusal(
        principal.role, table, op.kind, requested, before, row.data, reads_health=scope.may_read_health(principal)
    )
    if refusal is not None:
        ctx.audit(principal, "push_" + op.kind, "denied", obj)
        if refusal == "field_forbidden" and "assigned_user_id" in requested:
            refusal = "reassign_forbidden"
        return _reject(op, refusal)
    if op.kind != "delete":
        names = list(row.data) if op.kind == "insert" else [n for n in applied if n != "deleted"]
        problem = schema.problem(row.data, None if op.kind == "insert" else names)
        if problem:
            return _reject(op, "invalid_value", problem)
        if _reference_problem(ctx, principal, schema, row.data, names):
            ctx.audit(principal, "push_" + op.kind, "denied", obj)
            return _reject(op, "parent_not_found")
        # Who signs a decision, proces-verbaal or document: by the server's own accounts and mandate rules.
        unsigned = mandate.signing_problem(ctx.conn, principal.user_id, table, row.data, names, op.kind == "insert",
                                           ctx.row)
        if unsigned is not None:
            ctx.audit(principal, "push_" + op.kind, "denied", obj)
            return _reject(op, "signing_forbidden", unsigned)
        own = row.data.get("municipality_code")
        if (
            table in scope.CASE_FILE_TABLES
            and "municipality_code" in names
            and own is not None
            and own not in principal.municipality_codes
        ):
            ctx.audit(principal, "push_" + op.kind, "denied", obj)
            return _reject(op, "gemeente_forbidden")

    old_person = row.person_id
    _refresh_links(row)
    municipality, access = _compute_scope(ctx, row)
    # A deleted case leaves its consultant's scope on purpose; any other change must stay in scope.
    if op.kind != "delete" and not scope.can_read(principal, table, access):
        ctx.audit(principal, "push_" + op.kind, "denied", obj)
        return _reject(op, "out_of_scope")
    adjusted: dict[str, Any] = {}
    if changed:
        # A BSN, a case number, ...: one owner each, as in every local database.
        taken, adjusted = natural_keys.settle(
            ctx.keys,
            table,
            row.record_id,
            None if cached is None or cached.deleted else cached.data,
            None if row.deleted else row.data,
        )
        if taken is not None:
            return _reject(op, "duplicate_key", taken)
        for name, value in adjusted.items():
            row.data[name] = value
            row.field_versions[name] = [row.version, None]
    if changed:
        row.municipality = municipality
        key = (table, row.record_id)
        ctx.store(row, old_person)
        ctx.set_access(key, access)
        ctx.touch(key)
        if before is not None:
            ctx.remember_retention(entity, row.record_id, before, applied)
        # A change of who/where in a person's file changes who sees the file: recompute it at the end.
        if _changes_file_scope(op, row, old_person):
            ctx.persons.update(p for p in (old_person, row.person_id) if p)
            if table == scope.CASES:
                ctx.cases.add(row.record_id)
    status: OpStatus = "conflict" if conflicts else "applied"
    return OpResult(
        op_id=op.op_id,
        status=status,
        version=row.version,
        conflict_kind="field" if conflicts else None,
        conflicts=conflicts,
        # The stored record goes back when it differs from what the device sent (a renumbered case).
        server_row=_public(row) if conflicts or adjusted else None,
    )


def redact_result(principal: Principal, table: str, result: OpResult) -> OpResult:
    """An answer with the server's values as this principal may receive them (need-to-know on health fields)."""
    if result.server_row is None or not scope.needs_redaction(principal, table, result.server_row):
        return result
    hidden = registry.health_fields(table)
    return result.model_copy(
        update={
            "server_row": scope.redact(principal, table, result.server_row),
            "conflicts": {name: c for name, c in result.conflicts.items() if name not in hidden},
        }
    )


def _changes_file_scope(op: PushOp, row: _Row, old_person: str | None) -> bool:
    parent = row.table in (scope.PERSONS, scope.CASES)
    if op.kind != "update":
        return parent or (op.kind == "insert" and scope.own_municipality(row.table, row.data) is not None)
    touched = SCOPE_FIELDS & set(op.changes)
    return bool(touched) and (parent or "municipality_code" in touched or old_person != row.person_id)


def _changed_by_other(row: _Row, name: str, base_version: int, device_id: str) -> bool:
    """Whether another device changed this field after the version the client started from.

    field_versions holds [version, device] per field: a device's later edit of a field it wrote
    itself (before it pulled that write back) is not a conflict with itself.
    """
    entry = row.field_versions.get(name)
    if entry is None:
        return False
    version, writer = (entry, None) if isinstance(entry, int) else (entry[0], entry[1])
    return version > base_version and writer != device_id


def _set_field(row: _Row, name: str, value: Any) -> None:
    if name == "deleted":
        row.deleted = bool(value)
    else:
        row.data[name] = value


def _public(row: _Row) -> dict[str, Any]:
    return {**row.data, "id": row.record_id, "version": row.version, "deleted": row.deleted}


def _cascade(ctx: _Ctx) -> None:
    """Recompute who sees the files (persons and everything hanging off them) this transaction changed."""
    if not ctx.persons and not ctx.cases:
        return
    persons = set(ctx.persons)
    ctx.load_person_cases(persons)
    cases = set(ctx.cases) | {c for p in persons for c in ctx.person_cases.get(p, set())}
    keys: set[tuple[str, str]] = {(scope.PERSONS, p) for p in persons}
    ctx.load(keys)
    for column, values in ((records.c.person_id, persons), (records.c.case_id, cases)):
        for chunk in _chunked(sorted(values), 500):
            for r in ctx.conn.execute(select(records).where(column.in_(chunk))).mappings():
                key = (r["table_name"], r["record_id"])
                ctx.rows.setdefault(key, _row_from(r))
                keys.add(key)
    for key, row in ctx.rows.items():
        if row is not None and (row.person_id in persons or row.case_id in cases):
            keys.add(key)
    files = {key: found for key in keys if (found := ctx.rows.get(key)) is not None}
    ctx.load_access(files)
    dossiers: dict[str, set[str]] = {}
    for member in files.values():
        own = scope.own_municipality(member.table, member.data) if member.table not in scope.REFERENCE_TABLES else None
        if member.person_id and own:
            dossiers.setdefault(member.person_id, set()).add(scope.gemeente_key(own))
    for key in sorted(files):
        member = files[key]
        dossier = dossiers.get(member.person_id, set()) if member.person_id in persons else None
        _own, access = _compute_scope(ctx, member, dossier)
        if ctx.set_access(key, access):
            ctx.touch(key)


def _flush(ctx: _Ctx) -> dict[tuple[str, str], int]:
    """Number the touched rows and purges from the locked counter and write everything in bulk."""
    conn = ctx.conn
    value = conn.execute(select(counters.c.value).where(counters.c.name == "server_seq")).scalar_one()
    _cascade(ctx)
    ordered = sorted(ctx.touched, key=lambda key: (scope.table_order(key[0]), ctx.touched[key]))
    seqs: dict[tuple[str, str], int] = {}
    for key in ordered:
        value += 1
        seqs[key] = value
    now = now_iso()
    inserts, updates = [], []
    for key, row in ctx.dirty.items():
        values = _stored_values(row, seqs[key], now)
        if row.exists:
            updates.append({"k_table": key[0], "k_id": key[1], **values})
        else:
            inserts.append({"table_name": key[0], "record_id": key[1], **values})
            row.exists = True
    if inserts:
        conn.execute(insert(records), inserts)
    _update_records(ctx, updates, ordered, seqs)
    # Access: write the difference with what was read.
    grants, revokes = [], []
    for key, now_set in ctx.access.items():
        before = ctx.access_before.get(key, set())
        grants += [{"user_id": u, "table_name": key[0], "record_id": key[1]} for u in sorted(now_set - before)]
        revokes += [{"k_user": u, "k_table": key[0], "k_id": key[1]} for u in sorted(before - now_set)]
    _revoke_access(conn, revokes)
    if grants:
        conn.execute(insert(record_access), grants)
    value = _write_purges_and_logs(ctx, value)
    ctx.keys.flush()
    conn.execute(update(counters).where(counters.c.name == "server_seq").values(value=value))
    return seqs


# The same text as db.dumps, without making a new encoder for every document.
_encode = json.JSONEncoder(sort_keys=True, separators=(",", ":"), default=str).encode


def _stored_values(row: _Row, seq: int, now: str) -> dict[str, Any]:
    """The columns of a record's stored row (its key aside), as a flush writes them."""
    return {
        "data": _encode(row.data),
        "version": row.version,
        "deleted": row.deleted,
        "field_versions": _encode(row.field_versions),
        "municipality_code": row.municipality,
        "owner_user_id": row.owner,
        "assigned_user_id": row.assigned,
        "person_id": row.person_id,
        "case_id": row.case_id,
        "chk": row_checksum(row.record_id, row.version),
        "updated_at": now,
        "server_seq": seq,
    }


def _update_records(
    ctx: _Ctx, updates: list[dict[str, Any]], ordered: list[tuple[str, str]], seqs: dict[tuple[str, str], int]
) -> None:
    """Write the changed records (their stored values keyed by k_table and k_id), and the new number of
    the records only renumbered."""
    conn = ctx.conn
    where = and_(records.c.table_name == bindparam("k_table"), records.c.record_id == bindparam("k_id"))
    if updates:
        cols = [c for c in updates[0] if not c.startswith("k_")]
        conn.execute(update(records).where(where).values({c: bindparam(c) for c in cols}), updates)
    seq_only = [{"k_table": k[0], "k_id": k[1], "server_seq": seqs[k]} for k in ordered if k not in ctx.dirty]
    if seq_only:
        conn.execute(update(records).where(where).values(server_seq=bindparam("server_seq")), seq_only)


def _revoke_access(conn: Connection, revokes: list[dict[str, str]]) -> None:
    """Delete access rows, each given as k_user, k_table and k_id."""
    if revokes:
        conn.execute(
            delete(record_access).where(
                record_access.c.user_id == bindparam("k_user"),
                record_access.c.table_name == bindparam("k_table"),
                record_access.c.record_id == bindparam("k_id"),
            ),
            revokes,
        )


def _write_purges_and_logs(ctx: _Ctx, value: int) -> int:
    """Write the purges, numbered on from ``value``, the audit entries and the retention history; returns
    the last number given."""
    conn = ctx.conn
    if ctx.purges:
        rows = []
        # Children before parents, so a device never holds a child whose parent it already removed.
        for table, record_id, user_id, municipality in sorted(ctx.purges, key=lambda p: -scope.table_order(p[0])):
            value += 1
            rows.append(
                {
                    "server_seq": value,
                    "table_name": table,
                    "record_id": record_id,
                    "user_id": user_id,
                    "municipality_code": municipality,
                }
            )
        conn.execute(insert(purges), rows)
    if ctx.audits:
        conn.execute(insert(audit_log), ctx.audits)
    if ctx.history:
        conn.execute(insert(retention_history), ctx.history)
    return value


def _lock_counter(conn: Connection) -> None:
    """Serialise writers: the counter row stays locked until commit, so sequence order is commit order."""
    if conn.dialect.name == "postgresql":
        conn.execute(select(counters.c.value).where(counters.c.name == "server_seq").with_for_update())


_sqlite_write_lock = threading.Lock()


def push(engine: Any, principal: Principal, ops: list[PushOp]) -> list[OpResult]:
    """Apply a batch in one transaction (writers are serialised; pulls run alongside)."""
    for attempt in range(3):
        try:
            if engine.dialect.name == "sqlite":
                with _sqlite_write_lock:
                    return _push_once(engine, principal, ops)
            return _push_once(engine, principal, ops)
        except IntegrityError:
            if attempt == 2:
                raise
    raise RuntimeError("unreachable")


def _push_once(engine: Any, principal: Principal, ops: list[PushOp]) -> list[OpResult]:
    with engine.begin() as conn:
        _lock_counter(conn)
        ctx = _Ctx(conn)
        previous: dict[str, tuple[str, str]] = {}
        # An op id answers only for the device that sent it.
        for chunk in _chunked(sorted({o.op_id for o in ops}), 500):
            for op_id, body_hash, result in conn.execute(
                select(applied_ops.c.op_id, applied_ops.c.body_hash, applied_ops.c.result).where(
                    applied_ops.c.device_id == principal.device_id, applied_ops.c.op_id.in_(chunk)
                )
            ):
                previous[op_id] = (body_hash, result)
        keys = {(o.table, o.record_id) for o in ops}
        # Everything the changes refer to (parents, schools, users), loaded with the records themselves,
        # and the owners of the natural keys they name.
        wanted_keys: list[natural_keys.KeyId] = []
        for o in ops:
            schema = schema_for(o.table)
            if schema is None:
                continue
            for name, change in o.changes.items():
                target = schema.references.get(name)
                if target is not None and isinstance(change.new, str):
                    keys.add((target, change.new))
            wanted_keys += natural_keys.wanted_keys(o.table, {n: c.new for n, c in o.changes.items()})
        ctx.load(keys)
        ctx.keys.load(wanted_keys)
        # Parents of the records being changed, their access and the cases of their persons: in bulk.
        parents = set()
        person_ids = {o.record_id for o in ops if o.table == scope.PERSONS}
        for key in keys:
            row = ctx.rows.get(key)
            if row is not None:
                if row.person_id:
                    parents.add((scope.PERSONS, row.person_id))
                    person_ids.add(row.person_id)
                if row.case_id:
                    parents.add((scope.CASES, row.case_id))
        ctx.load(parents)
        ctx.load_person_cases(person_ids)
        results: list[OpResult] = []
        recorded: dict[str, tuple[PushOp, str, OpResult]] = {}
        blocked: set[tuple[str, str]] = set()
        for op in ops:
            key = (op.table, op.record_id)
            if key in blocked:
                # Later edits of a record whose earlier edit was rejected wait (unanswered) on the device.
                continue
            body_hash = op.body_hash()
            earlier: OpResult | None = None
            if op.op_id in recorded:
                if recorded[op.op_id][1] != body_hash:
                    earlier = _reject(op, "idempotency_mismatch")
                else:
                    earlier = recorded[op.op_id][2]
            elif op.op_id in previous:
                if previous[op.op_id][0] != body_hash:
                    ctx.audit(principal, "push_" + op.kind, "idempotency_mismatch", f"{op.table}:{op.record_id}")
                    results.append(_reject(op, "idempotency_mismatch"))
                    continue
                earlier = OpResult.model_validate_json(previous[op.op_id][1])
            if earlier is not None:
                if earlier.status == "rejected" and earlier.reason == "idempotency_mismatch":
                    results.append(earlier)
                    continue
                duplicate = earlier.model_copy(update={"status": "duplicate", "original_status": earlier.status})
                results.append(redact_result(principal, op.table, duplicate))
                if earlier.status == "rejected":
                    blocked.add(key)
                continue
            # Redacted before it is kept: a replay never carries more than the first answer did.
            result = redact_result(principal, op.table, _apply_op(ctx, principal, op))
            if result.status == "rejected":
                blocked.add(key)
            results.append(result)
            recorded[op.op_id] = (op, body_hash, result)
        seqs = _flush(ctx)
        ledger = []
        now = now_iso()
        for op, body_hash, result in recorded.values():
            if result.status in ("applied", "conflict"):
                result.server_seq = seqs.get((op.table, op.record_id), result.server_seq)
            ledger.append(
                {
                    "op_id": op.op_id,
                    "device_id": principal.device_id,
                    "body_hash": body_hash,
                    "result": result.model_dump_json(),
                    "created_at": now,
                }
            )
        if ledger:
            conn.execute(insert(applied_ops), ledger)
        return results


def _visible_parts(principal: Principal) -> list[Any]:
    """SQL conditions whose union is what this principal may read (no record matches two of them)."""
    parts: list[Any] = [records.c.table_name.in_(sorted(scope.REFERENCE_TABLES))]
    if principal.role == scope.CONSULTANT:
        keys = [principal.user_id]
    elif scope.reads_by_municipality(principal):
        keys = scope.gemeente_keys(principal)
    else:
        keys = []
    if keys:
        parts.append(
            exists().where(
                record_access.c.user_id.in_(keys),
                record_access.c.table_name == records.c.table_name,
                record_access.c.record_id == records.c.record_id,
            )
        )
    return parts


def _visible(principal: Principal) -> Any:
    """SQL condition: the records this principal may read."""
    return or_(*_visible_parts(principal))


_PLAIN_TEXT = re.compile(r"[A-Za-z0-9_.:-]*")


def _json_text(value: str) -> str:
    """A JSON string literal; ids and table names need no escaping, so json.dumps only for the rest."""
    return '"' + value + '"' if _PLAIN_TEXT.fullmatch(value) else json.dumps(value)


def encode_rows(rows: list[Any]) -> str:
    """JSON of row states with the stored document spliced in as is (no parse and re-serialise)."""
    # Table names and ids need no escaping; one check over the whole page says so (else per value).
    plain = _PLAIN_TEXT.fullmatch("".join([r.table_name + r.record_id for r in rows])) is not None
    quote = (lambda value: '"' + value + '"') if plain else _json_text
    return (
        "["
        + ",".join(
            [
                f'{{"table":{quote(r.table_name)},"id":{quote(r.record_id)},"version":{int(r.version)},'
                f'"server_seq":{int(r.server_seq)},"deleted":{"true" if r.deleted else "false"},"data":{r.data}}}'
                for r in rows
            ]
        )
        + "]"
    )


def _row_state(r: Any) -> RowState:
    return RowState(
        table=r.table_name,
        id=r.record_id,
        version=r.version,
        server_seq=r.server_seq,
        deleted=bool(r.deleted),
        data=json.loads(r.data),
    )


class PulledRow(NamedTuple):
    """One row state of a pull page, its document as the stored JSON text."""

    table_name: str
    record_id: str
    version: int
    server_seq: int
    deleted: bool
    data: str


_PULL_COLUMNS = (
    records.c.table_name,
    records.c.record_id,
    records.c.version,
    records.c.server_seq,
    records.c.deleted,
    records.c.data,
)


def pull(conn: Connection, principal: Principal, since: int, limit: int) -> tuple[list[Any], list[Purge], int, bool]:
    """One page of row states (raw rows, data as stored JSON text) and purges after `since`, in order."""
    high = conn.execute(select(counters.c.value).where(counters.c.name == "server_seq")).scalar_one()
    # One query per part of the scope: an OR of them would make PostgreSQL hash all access rows per page.
    row_list: list[PulledRow] = []
    sources = 0
    for part in _visible_parts(principal):
        found = conn.execute(
            select(*_PULL_COLUMNS)
            .where(records.c.server_seq > since, records.c.server_seq <= high, part)
            .order_by(records.c.server_seq)
            .limit(limit + 1)
        ).all()
        if found:
            sources += 1
            row_list += map(PulledRow._make, found)
    if sources > 1:
        row_list.sort(key=_seq_of)
    purge_cond = purges.c.user_id == principal.user_id
    if scope.reads_by_municipality(principal) and principal.municipality_codes:
        purge_cond = or_(purge_cond, purges.c.user_id.in_(scope.gemeente_keys(principal)))
    candidates = conn.execute(
        select(purges.c.server_seq, purges.c.table_name, purges.c.record_id)
        .where(purges.c.server_seq > since, purges.c.server_seq <= high, purge_cond)
        .order_by(purges.c.server_seq)
        .limit(limit + 1)
    ).all()
    rows = row_list
    if candidates:
        # Rows and purges in one sequence order, the page cut after `limit` of them together.
        merged = sorted([(r.server_seq, r) for r in row_list] + [(c.server_seq, c) for c in candidates], key=_first)
        has_more = len(merged) > limit
        merged = merged[:limit]
        rows = [item for _, item in merged if isinstance(item, PulledRow)]
        candidates = [item for _, item in merged if not isinstance(item, PulledRow)]
        last = merged[-1][0] if merged else since
    else:
        has_more = len(rows) > limit
        rows = rows[:limit]
        last = rows[-1].server_seq if rows else since
    next_seq = last if has_more else max(high, since)
    purge_out: list[Purge] = []
    if candidates:
        candidate_ids = {p.record_id for p in candidates}
        sent = {(r.table_name, r.record_id) for r in rows if r.record_id in candidate_ids}
        unsent = {(p.table_name, p.record_id) for p in candidates} - sent
        still_visible = _visible_keys(conn, principal, unsent) if unsent else set()
        done: set[tuple[str, str]] = set()
        for p in candidates:
            key = (p.table_name, p.record_id)
            if key in still_visible or key in sent or key in done:
                continue
            done.add(key)
            purge_out.append(Purge(table=p.table_name, id=p.record_id, server_seq=p.server_seq))
    return rows, purge_out, next_seq, has_more


def _seq_of(row: PulledRow) -> int:
    return row.server_seq


def _first(item: tuple[int, Any]) -> int:
    return item[0]


def _visible_keys(conn: Connection, principal: Principal, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """The keys among `keys` this principal may read (looked up by record id, the table checked here)."""
    tables_of: dict[str, set[str]] = {}
    for table, record_id in keys:
        tables_of.setdefault(record_id, set()).add(table)
    found: set[tuple[str, str]] = set()
    for chunk in _chunked(sorted(tables_of), 500):
        for table, record_id in conn.execute(
            select(records.c.table_name, records.c.record_id).where(records.c.record_id.in_(chunk), _visible(principal))
        ):
            if table in tables_of[record_id]:
                found.add((table, record_id))
    return found


def summary(conn: Connection, principal: Principal) -> dict[str, TableSummary]:
    # One query per part of the scope (they do not overlap): the access part then runs as a semi-join
    # instead of one index probe per record, which an OR of the parts forces on PostgreSQL.
    totals: dict[str, tuple[int, int]] = {}
    for part in _visible_parts(principal):
        for table, count, checksum in conn.execute(
            select(records.c.table_name, func.count(), func.coalesce(func.sum(records.c.chk), 0))
            .where(part)
            .group_by(records.c.table_name)
        ):
            before = totals.get(table, (0, 0))
            totals[table] = (before[0] + int(count), before[1] + int(checksum))
    return {t: TableSummary(count=c, checksum=s % CHECKSUM_MODULUS) for t, (c, s) in totals.items()}


def manifest(conn: Connection, principal: Principal, table: str) -> dict[str, int]:
    rows = conn.execute(
        select(records.c.record_id, records.c.version).where(records.c.table_name == table, _visible(principal))
    )
    return {r[0]: r[1] for r in rows}


def fetch(conn: Connection, principal: Principal, table: str, ids: list[str]) -> list[RowState]:
    rows = conn.execute(
        select(records).where(records.c.table_name == table, records.c.record_id.in_(ids), _visible(principal))
    ).all()
    return [_row_state(r) for r in rows]


def current_seq(conn: Connection) -> int:
    return conn.execute(select(counters.c.value).where(counters.c.name == "server_seq")).scalar_one()


def seed_region(engine: Any) -> int:
    """The region's gemeenten and the shipped school calendar on the server, with the ids every device gives
    them; returns how many records were added.

    Rows that exist are left as they are (the functioneel beheerder may have corrected a name or a date).
    """
    from desktop.models.region import region_municipality_rows
    from desktop.models.school_calendar import school_holiday_documents

    added = 0
    with engine.begin() as conn:
        # By CBS code: a server that made its gemeenten before the ids were shared keeps its own rows
        # (devices give way to them, see SyncEngine._yield_natural_keys).
        existing = {
            json.loads(data).get("cbs_code")
            for (data,) in conn.execute(select(records.c.data).where(records.c.table_name == "municipalities"))
        }
        for row in region_municipality_rows():
            if row["cbs_code"] not in existing:
                upsert_reference(conn, "municipalities", str(row["id"]), {k: v for k, v in row.items() if k != "id"})
                added += 1
        # By school year, vakantieregio and name, the school holidays' natural key.
        holidays = {
            (found.get("school_year"), found.get("holiday_region"), str(found.get("name", "")).lower())
            for found in (
                json.loads(data)
                for (data,) in conn.execute(select(records.c.data).where(records.c.table_name == "school_holidays"))
            )
        }
        for document in school_holiday_documents():
            if (document["school_year"], document["holiday_region"], str(document["name"]).lower()) not in holidays:
                fields = {k: v for k, v in document.items() if k != "id"}
                upsert_reference(conn, "school_holidays", str(document["id"]), fields)
                added += 1
    return added


def upsert_reference(conn: Connection, table: str, record_id: str, data: dict[str, Any]) -> None:
    """Server-side write of a reference record (e.g. the users row of a new account)."""
    _lock_counter(conn)
    ctx = _Ctx(conn)
    row = ctx.row(table, record_id)
    if row is None:
        row = _Row(
            table,
            record_id,
            dict(data),
            1,
            False,
            {k: [1, None] for k in data},
            None,
            None,
            None,
            None,
            None,
            exists=False,
        )
    else:
        changed = {k: v for k, v in data.items() if row.data.get(k) != v}
        if not changed:
            return
        row.version += 1
        for k, v in changed.items():
            row.data[k] = v
            row.field_versions[k] = [row.version, None]
    row.municipality = scope.own_municipality(table, row.data)
    natural_keys.settle(ctx.keys, table, record_id, None, row.data)
    ctx.store(row, None)
    ctx.touch((table, record_id))
    _flush(ctx)


# -- bulk import of a migration file (sync/server/import_jsonl.py) -------------------------------------

IMPORT_CHUNK = 2000


def _load_access_bulk(ctx: _Ctx, keys: Iterable[tuple[str, str]]) -> None:
    """:meth:`_Ctx.load_access` in bigger chunks."""
    conn = ctx.conn
    wanted = sorted({k for k in keys if k[1] and k not in ctx.access})
    for chunk in _chunked(wanted, IMPORT_CHUNK):
        ids = sorted({k[1] for k in chunk})
        found: dict[tuple[str, str], set[str]] = {k: set() for k in chunk}
        for user_id, table, record_id in conn.execute(
            select(record_access.c.user_id, record_access.c.table_name, record_access.c.record_id).where(
                _any_of(conn, record_access.c.record_id, ids)
            )
        ):
            if (table, record_id) in found:
                found[(table, record_id)].add(user_id)
        ctx.access.update(found)
        for k in chunk:
            ctx.access_before[k] = set(found[k])


def _tables_present(conn: Connection, source: Any, tables: Iterable[str]) -> set[str]:
    """The tables among these that have at least one row in ``source`` (records or record_keys)."""
    return {
        table
        for table in tables
        if conn.execute(select(source.c.table_name).where(source.c.table_name == table).limit(1)).first()
    }


_import_keys = sql_table("import_keys", sql_column("table_name"), sql_column("record_id"))


def _stored_rows(conn: Connection, keys: list[tuple[str, str]]) -> Iterable[Any]:
    """The stored records among these keys (mappings of full rows).

    On PostgreSQL a large set of keys goes into a temporary table (COPY) that the records are joined with;
    otherwise, and elsewhere, in chunks.
    """
    if conn.dialect.name != "postgresql" or len(keys) < 10 * IMPORT_CHUNK:
        for chunk in _chunked(keys, IMPORT_CHUNK):
            ids = sorted({k[1] for k in chunk})
            yield from conn.execute(select(records).where(_any_of(conn, records.c.record_id, ids))).mappings()
        return
    conn.exec_driver_sql(
        "CREATE TEMPORARY TABLE IF NOT EXISTS import_keys (table_name text, record_id text) ON COMMIT DROP"
    )
    conn.exec_driver_sql("TRUNCATE import_keys")
    _bulk_insert(conn, "import_keys", ("table_name", "record_id"), keys, lambda _count: None)
    conn.exec_driver_sql("ANALYZE import_keys")
    yield from conn.execute(
        select(records).join(
            _import_keys,
            and_(
                records.c.table_name == _import_keys.c.table_name,
                records.c.record_id == _import_keys.c.record_id,
            ),
        )
    ).mappings()


_import_key_values = sql_table(
    "import_key_values", sql_column("table_name"), sql_column("key_name"), sql_column("value")
)


def _load_keys_bulk(keys: natural_keys.Keys, wanted: Iterable[natural_keys.KeyId]) -> None:
    """:meth:`natural_keys.Keys.load` for hundreds of thousands of keys (a temporary table on PostgreSQL)."""
    conn = keys.conn
    missing = sorted({key for key in wanted if key not in keys.owner})
    if not missing:
        return
    for key in missing:
        keys.owner[key] = None
    present = _tables_present(conn, record_keys, {key[0] for key in missing})
    missing = [key for key in missing if key[0] in present]
    if not missing:
        return
    members = set(missing)
    columns = (record_keys.c.table_name, record_keys.c.key_name, record_keys.c.value, record_keys.c.record_id)
    if conn.dialect.name == "postgresql" and len(missing) >= 10 * IMPORT_CHUNK:
        conn.exec_driver_sql(
            "CREATE TEMPORARY TABLE IF NOT EXISTS import_key_values (table_name text, key_name text, value text)"
            " ON COMMIT DROP"
        )
        conn.exec_driver_sql("TRUNCATE import_key_values")
        _bulk_insert(conn, "import_key_values", ("table_name", "key_name", "value"), missing, lambda _count: None)
        conn.exec_driver_sql("ANALYZE import_key_values")
        v = _import_key_values.c
        found: Iterable[Any] = conn.execute(
            select(*columns).join(
                _import_key_values,
                and_(
                    record_keys.c.table_name == v.table_name,
                    record_keys.c.key_name == v.key_name,
                    record_keys.c.value == v.value,
                ),
            )
        )
    else:
        found = (
            row
            for chunk in _chunked(missing, IMPORT_CHUNK)
            for row in conn.execute(
                select(*columns).where(_any_of(conn, record_keys.c.value, sorted({value for _t, _k, value in chunk})))
            )
        )
    for table, name, value, record_id in found:
        if (table, name, value) in members:
            keys.owner[(table, name, value)] = record_id
            keys.stored.add((table, name, value))


def _import_changes(row: _Row, data: dict[str, Any], deleted: bool) -> list[str]:
    """The fields (and 'deleted') an imported record would change in a stored one; empty when identical."""
    changed = [name for name, value in data.items() if row.data.get(name) != value]
    if row.deleted != deleted:
        changed.append("deleted")
    return changed


_NO_ACCESS: frozenset[str] = frozenset()


@functools.cache
def _keyed_tables() -> frozenset[str]:
    """The tables with natural keys (record_keys)."""
    return frozenset(e.table for e in registry.entities() if natural_keys.keys_of(e.table))


class ImportWriter:
    """Writes the validated records of a migration file as the records a push would have made.

    One writer per transaction: it locks the counter like a push. New records get version 1 and
    field_versions without a device; a stored record that differs is updated field by field (version + 1),
    one that is identical is left alone. Who sees what comes from the push path's own rules: every file
    that gained or changed a record is recomputed by :func:`_cascade` with :func:`_compute_scope`, so the
    access rows are those the same records would have got through the API. ``owner_user_id`` stands for
    the account that pushed them (None: nobody; only the gemeenten then see a person without a case).
    """

    def __init__(self, conn: Connection, owner_user_id: str | None = None) -> None:
        _lock_counter(conn)
        self.ctx = _Ctx(conn)
        self.owner = owner_user_id
        # Stored rows as read, not yet parsed: most of a repeated import is compared as text and left alone.
        self.stored: dict[tuple[str, str], Any] = {}

    def load(self, keys: Iterable[tuple[str, str]]) -> None:
        """Read the stored rows of these keys in bulk."""
        ctx = self.ctx
        wanted = [k for k in set(keys) if k[1] and k not in ctx.rows and k not in self.stored]
        if not wanted:
            return
        members = set(wanted)
        # A table the server holds nothing of (the first migration) needs no lookup.
        present = _tables_present(ctx.conn, records, {k[0] for k in wanted})
        for r in _stored_rows(ctx.conn, [k for k in wanted if k[0] in present]):
            key = (r["table_name"], r["record_id"])
            if key in members:
                self.stored[key] = r
        for key in wanted:
            if key not in self.stored:
                # Not on the server, so without access rows too (removing a record removes those). The
                # empty set is shared: access sets are replaced (set_access), never changed in place.
                ctx.rows[key] = None
                ctx.access[key] = _NO_ACCESS
                ctx.access_before[key] = _NO_ACCESS

    def key_owners(self, wanted: Iterable[natural_keys.KeyId]) -> dict[natural_keys.KeyId, str | None]:
        """The record that holds each natural key on the server (None: nobody), read in bulk."""
        wanted = list(wanted)
        _load_keys_bulk(self.ctx.keys, wanted)
        return {key: self.ctx.keys.owner_of(key) for key in wanted}

    def _stored_row(self, key: tuple[str, str]) -> _Row | None:
        if key not in self.ctx.rows and key not in self.stored:
            self.load([key])
        raw = self.stored.get(key)
        return _row_from(raw) if raw is not None else self.ctx.rows.get(key)

    def changes(self, table: str, record_id: str, data: dict[str, Any], deleted: bool) -> list[str] | None:
        """None for a record the server does not have; else the fields that differ (empty: identical)."""
        key = (table, record_id)
        if self._same_text(key, data, deleted):
            return []
        row = self._stored_row(key)
        return None if row is None else _import_changes(row, data, deleted)

    def _same_text(self, key: tuple[str, str], data: dict[str, Any], deleted: bool) -> bool:
        raw = self.stored.get(key)
        return (
            raw is not None
            and bool(raw["deleted"]) == deleted
            and raw["data"] == _encode({name: value for name, value in data.items() if value is not None})
        )

    def write(
        self,
        items: Iterable[tuple[str, str, dict[str, Any], bool]],
        progress: Callable[[int, int], None] | None = None,
    ) -> dict[str, Counter[str]]:
        """Write (table, id, fields, deleted) items; returns counts per table under inserted, updated,
        unchanged and renumbered (cases whose number the server already gave to another case).

        A field given as None clears a stored value; a new record stores only the fields with a value,
        as a pushed insert does.
        """
        ctx = self.ctx
        counts: dict[str, Counter[str]] = {
            "inserted": Counter(),
            "updated": Counter(),
            "unchanged": Counter(),
            "renumbered": Counter(),
        }
        items = list(items)
        self.load((table, record_id) for table, record_id, _data, _deleted in items)
        # Identical records first, as text; the rest become rows of the push context (with their access).
        pending: list[tuple[str, str, dict[str, Any], bool, list[str] | None]] = []
        # changed: None for a record the server does not have, else the fields that differ.
        changed: list[str] | None
        row: _Row | None
        for table, record_id, data, deleted in items:
            key = (table, record_id)
            if key in self.stored:
                if self._same_text(key, data, deleted):
                    counts["unchanged"][table] += 1
                    continue
                row = _row_from(self.stored.pop(key))
                changed = _import_changes(row, data, deleted)
                if not changed:
                    counts["unchanged"][table] += 1
                    continue
                ctx.rows[key] = row
                pending.append((table, record_id, data, deleted, changed))
            else:
                row = ctx.rows.get(key)
                changed = None if row is None else _import_changes(row, data, deleted)
                if changed == []:
                    counts["unchanged"][table] += 1
                    continue
                pending.append((table, record_id, data, deleted, changed))
        _load_access_bulk(ctx, [(table, record_id) for table, record_id, _d, _x, changed in pending if changed])
        keyed = _keyed_tables()
        # The owners of every natural key these records hold now or will hold, in bulk.
        wanted: list[natural_keys.KeyId] = []
        for table, record_id, data, _deleted, changed in pending:
            if table in keyed:
                wanted += natural_keys.wanted_keys(table, data)
                if changed and (known := ctx.rows[(table, record_id)]) is not None:
                    wanted += natural_keys.wanted_keys(table, known.data)
        _load_keys_bulk(ctx.keys, wanted)
        kept = []
        persons: set[str] = set()
        for item in pending:
            table, record_id, data, _deleted, changed = item
            if changed and "case_number" in changed and table == scope.CASES:
                # A case renumbered by the server (its number was taken) keeps the number it got.
                owner = ctx.keys.owner_of((table, "case_number", data["case_number"]))
                if owner not in (None, record_id):
                    changed.remove("case_number")
                    if not changed:
                        counts["unchanged"][table] += 1
                        continue
            kept.append(item)
            if table == scope.PERSONS:
                persons.add(record_id)
            elif data.get("person_id"):
                persons.add(data["person_id"])
            if changed:
                stored = ctx.rows[(table, record_id)]
                if stored is not None and stored.person_id:
                    persons.add(stored.person_id)
        pending = kept
        # The cases of every person in bulk, so storing a case never looks them up one by one.
        ctx.load_person_cases(persons)
        loose: list[tuple[str, str]] = []
        for table, record_id, data, deleted, changed in pending:
            key = (table, record_id)
            row = ctx.rows.get(key)
            if changed is None:
                values = {name: value for name, value in data.items() if value is not None}
                versions: dict[str, Any] = {name: [1, None] for name in values}
                if deleted:
                    versions["deleted"] = [1, None]
                row = _Row(
                    table, record_id, values, 1, deleted, versions, None, self.owner, None, None, None, exists=False
                )
                old_person = None
                held = None
                counts["inserted"][table] += 1
            else:
                assert row is not None  # a record with changes is one the server has, read above
                before = dict(row.data)
                held = None if row.deleted else before
                old_person = row.person_id
                row.version += 1
                for name in changed:
                    _set_field(row, name, deleted if name == "deleted" else data[name])
                    row.field_versions[name] = [row.version, None]
                entity = registry.get(table)
                if entity is not None:
                    ctx.remember_retention(entity, record_id, before, changed)
                counts["updated"][table] += 1
            if table in keyed:
                # Natural keys as a push settles them: one owner each, a taken case number renumbered.
                after = None if row.deleted else row.data
                taken, adjusted = natural_keys.settle(ctx.keys, table, record_id, held, after)
                if taken is not None:
                    raise ValueError(taken)  # the import checks the keys before it writes anything
                for name, value in adjusted.items():
                    row.data[name] = value
                    row.field_versions[name] = [row.version, None]
                    counts["renumbered"][table] += 1
            _refresh_links(row)
            row.municipality = scope.own_municipality(table, row.data)
            ctx.store(row, old_person)
            ctx.touch(key)
            if table in scope.REFERENCE_TABLES:
                continue
            if old_person:
                ctx.persons.add(old_person)
            if row.person_id:
                ctx.persons.add(row.person_id)
            if table == scope.CASES:
                ctx.cases.add(record_id)
            elif row.case_id:
                ctx.cases.add(row.case_id)
            elif not row.person_id:
                loose.append(key)
        # Records outside any file (no person, no case) get their access as a pushed insert does; the
        # rest when _cascade recomputes the files they belong to.
        for key in loose:
            row = ctx.rows[key]
            assert row is not None  # stored above
            _own, access = _compute_scope(ctx, row)
            ctx.set_access(key, access)
        if ctx.touched:
            _flush_import(ctx, progress)
        return counts


_RECORD_COLUMNS = (
    "table_name",
    "record_id",
    "data",
    "version",
    "deleted",
    "field_versions",
    "municipality_code",
    "owner_user_id",
    "assigned_user_id",
    "person_id",
    "case_id",
    "chk",
    "updated_at",
    "server_seq",
)


def _flush_import(ctx: _Ctx, progress: Callable[[int, int], None] | None = None) -> dict[tuple[str, str], int]:
    """:func:`_flush` for an import: the same cascade, numbering and rows; new records, access rows and
    natural keys written in bulk (COPY on PostgreSQL), the rest (updates, revoked access, purges, audit,
    retention history) as in _flush."""
    conn = ctx.conn
    value = conn.execute(select(counters.c.value).where(counters.c.name == "server_seq")).scalar_one()
    _cascade(ctx)
    # The order _flush gives: by table order, then in the order touched (one bucket per table).
    buckets: dict[int, list[tuple[str, str]]] = {}
    for key in ctx.touched:
        buckets.setdefault(scope.table_order(key[0]), []).append(key)
    ordered = [key for position in sorted(buckets) for key in buckets[position]]
    seqs: dict[tuple[str, str], int] = {}
    for key in ordered:
        value += 1
        seqs[key] = value
    now = now_iso()
    dirty = ctx.dirty
    # In sequence order: the indexes then grow at their end instead of at random places.
    new = [dirty[key] for key in ordered if key in dirty and not dirty[key].exists]
    updates = [
        {"k_table": key[0], "k_id": key[1], **_stored_values(row, seqs[key], now)}
        for key, row in dirty.items()
        if row.exists
    ]

    def inserts() -> Iterable[tuple[Any, ...]]:
        # Encoded while the database takes the rows before them: the two processes work side by side.
        for row in new:
            row.exists = True
            key = (row.table, row.record_id)
            yield (
                row.table,
                row.record_id,
                _encode(row.data),
                row.version,
                row.deleted,
                _new_versions(row.field_versions),
                row.municipality,
                row.owner,
                row.assigned,
                row.person_id,
                row.case_id,
                row_checksum(row.record_id, row.version),
                now,
                seqs[key],
            )

    # Grants by principal, then key: the order of record_access's primary key (one sort of the keys).
    by_principal: dict[str, list[tuple[str, str, str]]] = {}
    revokes = []
    for key in sorted(ctx.access):
        now_set = ctx.access[key]
        before = ctx.access_before.get(key)
        for u in now_set if not before else now_set - before:
            by_principal.setdefault(u, []).append((u, key[0], key[1]))
        if before:
            revokes += [{"k_user": u, "k_table": key[0], "k_id": key[1]} for u in sorted(before - now_set)]
    grants = [grant for principal in sorted(by_principal) for grant in by_principal[principal]]
    total = len(new) + len(updates) + len(grants)
    done = 0

    def advanced(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)

    _bulk_insert(conn, records.name, _RECORD_COLUMNS, inserts(), advanced)
    _update_records(ctx, updates, ordered, seqs)
    if updates:
        advanced(len(updates))
    _revoke_access(conn, revokes)
    _bulk_insert(conn, record_access.name, ("user_id", "table_name", "record_id"), grants, advanced)
    value = _write_purges_and_logs(ctx, value)
    _flush_keys(ctx.keys)
    conn.execute(update(counters).where(counters.c.name == "server_seq").values(value=value))
    return seqs


def _flush_keys(keys: natural_keys.Keys) -> None:
    """:meth:`natural_keys.Keys.flush` with the new owners written in bulk, in the primary key's order."""
    conn = keys.conn
    gone = keys.removed | {key for key in keys.added if key in keys.stored}
    for table, name, value in sorted(gone):
        conn.execute(
            delete(record_keys).where(
                record_keys.c.table_name == table, record_keys.c.key_name == name, record_keys.c.value == value
            )
        )
    added = sorted((table, name, value, record_id) for (table, name, value), record_id in keys.added.items())
    _bulk_insert(conn, record_keys.name, ("table_name", "key_name", "value", "record_id"), added, lambda _n: None)
    keys.stored = (keys.stored - keys.removed) | set(keys.added)
    keys.added.clear()
    keys.removed.clear()


_versions_text: dict[tuple[str, ...], str] = {}


def _new_versions(versions: dict[str, Any]) -> str:
    """field_versions of a new imported record ({name: [1, null]}) as db.dumps writes them.

    The text depends only on the field names, and the records of one table nearly all have the same.
    """
    names = tuple(versions)
    text = _versions_text.get(names)
    if text is None:
        text = _versions_text[names] = "{" + ",".join([f'"{name}":[1,null]' for name in sorted(names)]) + "}"
    return text


def _bulk_insert(
    conn: Connection,
    table: str,
    columns: tuple[str, ...],
    rows: Iterable[tuple[Any, ...]],
    advanced: Callable[[int], None],
    batch: int = 20_000,
) -> None:
    """Insert many rows of a server table: COPY on PostgreSQL, one executemany per batch elsewhere."""
    names = ", ".join(columns)
    if conn.dialect.name == "postgresql":
        # The PostgreSQL driver is psycopg 3 (its COPY protocol); SQLAlchemy types it as any or none.
        driver = cast("psycopg.Connection[Any]", conn.connection.driver_connection)
        count = 0
        with driver.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
                if count == batch:
                    advanced(count)
                    count = 0
        advanced(count)
        return
    marker = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    statement = f"INSERT INTO {table} ({names}) VALUES ({', '.join([marker] * len(columns))})"  # noqa: S608
    pending: list[tuple[Any, ...]] = []
    for row in rows:
        pending.append(row)
        if len(pending) == batch:
            conn.exec_driver_sql(statement, pending)
            advanced(len(pending))
            pending = []
    if pending:
        conn.exec_driver_sql(statement, pending)
    advanced(len(pending))


def _any_of(conn: Connection, column: Any, ids: list[str]) -> Any:
    """column IN ids; on PostgreSQL as = ANY(array), one parameter instead of thousands to compile."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam("ids", ids, type_=ARRAY(String)))
    return column.in_(ids)

"""The sync engine on the desktop: push the outbox, pull pages by server sequence, merge, repair, wipe."""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from pydantic import ValidationError
from sqlalchemy import (
    Column,
    CursorResult,
    Delete,
    MetaData,
    Row,
    String,
    Table,
    UniqueConstraint,
    and_,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError, StatementError
from sqlalchemy.orm import Session

from desktop.models.codec import NOT_SYNCED_FIELDS, from_json, to_json
from desktop.models.driver import bind_processor, insert_statement, python_default
from desktop.models.outbox import APPLYING_SERVER_CHANGES, DEFERRED, insert_changes, next_device_counter
from desktop.models.sync_tables import SYNC_TABLES, sync_conflicts, sync_outbox, sync_parked, sync_state
from sync.client import (
    AuthenticationRequired,
    ServerUnavailable,
    SyncClient,
    SyncError,
    Tokens,
    UpgradeRequired,
    WipeRequired,
)
from sync.protocol import (
    CHECKSUM_MODULUS,
    DEFAULT_PAGE_SIZE,
    MAX_BATCH_BYTES,
    MAX_BATCH_OPS,
    MAX_PAGE_SIZE,
    OpResult,
    PullResponse,
    Purge,
    PushOp,
    RowState,
    row_checksum,
)

log = logging.getLogger("vangnet.sync")

Progress = Callable[[str, int, int | None], None]
CURSOR_KEY = "pull_cursor"
TOKEN_KEY = "tokens"  # noqa: S105 - a state key name, not a secret
SYNC_COUNT_KEY = "sync_count"
LAST_SYNC_KEY = "last_sync_at"
# Records whose refused change the user gave up: fetched again at the start of the next pull.
REFETCH_KEY = "refetch"
OUT_OF_SCOPE_MESSAGE = "Dit dossier is niet meer in uw caseload; deze wijziging is niet verstuurd."
OUT_OF_SCOPE_REFUSED_MESSAGE = "Dit dossier is niet meer in uw caseload; de server heeft deze wijziging niet verwerkt."
GONE_MESSAGE = (
    "Dit gegeven bestaat niet (meer) op de server of valt buiten uw caseload; deze wijziging is niet verstuurd."
)
# The columns that hang a record off a case or a person (a foreign key or not).
FILE_LINKS = (("case_id", "cases"), ("person_id", "persons"))


class SyncCancelled(Exception):
    """Raised inside a run when the app asks sync to stop (locking, quitting); what was committed stays."""


@dataclass
class SyncResult:
    """What one sync run did; `status` and `message` are what the status bar shows."""

    status: str = "ok"  # ok | offline | upgrade_required | login_required | wiped | error | cancelled
    message: str = "Gesynchroniseerd."
    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    purged: int = 0
    # Operations taken out of the outbox unsent (parked) because their record left this device.
    withheld: int = 0
    pages: int = 0
    repaired: list[str] = field(default_factory=list)


def synced_tables(metadata: MetaData) -> dict[str, Table]:
    """The tables of a metadata that synchronise (id, version and deleted columns), parents first."""
    return {
        t.name: t
        for t in metadata.sorted_tables
        if {"id", "version", "deleted"} <= set(t.columns.keys()) and t.name not in {s.name for s in SYNC_TABLES}
    }


def _now() -> str:
    return datetime.now(UTC).isoformat()


def get_state(session: Session, key: str, default: str | None = None) -> str | None:
    value = session.execute(select(sync_state.c.value).where(sync_state.c.key == key)).scalar()
    return default if value is None else value


def set_state(session: Session, key: str, value: str) -> None:
    found = session.execute(select(sync_state.c.key).where(sync_state.c.key == key)).first()
    if found is None:
        session.execute(insert(sync_state).values(key=key, value=value))
    else:
        session.execute(update(sync_state).where(sync_state.c.key == key).values(value=value))


def _refetch_list(session: Session) -> list[tuple[str, str]]:
    raw = get_state(session, REFETCH_KEY)
    return [(str(t), str(i)) for t, i in json.loads(raw)] if raw else []


def _forget_refetch(session: Session, done: set[tuple[str, str]]) -> None:
    # Read again here: the user may have given up another change while the fetch ran.
    set_state(session, REFETCH_KEY, json.dumps([k for k in _refetch_list(session) if k not in done]))


class SyncEngine:
    """Synchronises one local database with the server. Thread-safe: one run at a time."""

    def __init__(
        self,
        session_factory: Callable[[], Session],
        client: SyncClient,
        tables: Mapping[str, Table] | MetaData | None = None,
        *,
        on_wipe: Callable[[], None] | None = None,
        page_size: int = MAX_PAGE_SIZE,
        integrity_every: int = 10,
        before_push: Callable[[], object] | None = None,
    ) -> None:
        """``before_push`` runs at the start of every run, before anything is pulled or compared: the
        retention deletion markers go there, so that the count check never fetches a deleted file back."""
        if tables is None:
            from desktop.models.base import Base

            tables = Base.metadata
        self.tables: dict[str, Table] = synced_tables(tables) if isinstance(tables, MetaData) else dict(tables)
        order = list(self.tables)
        self._order = {name: i for i, name in enumerate(order)}
        # Unique keys of the reference tables other than the id (see _yield_natural_keys).
        from desktop.models import entities

        reference = entities.tables(entities.ScopeClass.REFERENCE)
        self._natural_keys = {name: _unique_keys(table) for name, table in self.tables.items() if name in reference}
        self._children = _child_links(self.tables)
        self.session_factory = session_factory
        self.client = client
        self.on_wipe = on_wipe
        self.page_size = page_size
        self.integrity_every = integrity_every
        self.before_push = before_push
        self._lock = threading.Lock()
        self._outbox_seq: dict[str, int] = {}
        self._clearable_fields: dict[str, frozenset[str]] = {}
        self._plans: dict[tuple[Any, ...], Any] = {}
        client.on_tokens = self._save_tokens
        if not client.tokens.access_token:
            stored = self._load_tokens()
            if stored is not None:
                client.tokens = stored

    # -- tokens ------------------------------------------------------------------------------------
    def login(self, username: str, password: str, device_name: str = "") -> None:
        self.client.login(username, password, device_name)

    def _save_tokens(self, tokens: Tokens) -> None:
        with self.session_factory() as s, s.begin():
            set_state(s, TOKEN_KEY, json.dumps(tokens.__dict__))

    def _load_tokens(self) -> Tokens | None:
        with self.session_factory() as s:
            raw = get_state(s, TOKEN_KEY)
        return Tokens(**json.loads(raw)) if raw else None

    # -- the run -----------------------------------------------------------------------------------
    def sync(self, progress: Progress | None = None, verify: bool | None = None) -> SyncResult:
        """Push, then pull, then (when something changed, or every n-th run) compare checksums."""
        report = progress or (lambda _phase, _done, _total: None)
        result = SyncResult()
        with self._lock:
            try:
                with self.session_factory() as s:
                    initial = get_state(s, CURSOR_KEY) is None
                if self.before_push is not None:
                    self.before_push()
                self._push(result, report)
                self._pull(result, report)
                with self.session_factory() as s, s.begin():
                    runs = int(get_state(s, SYNC_COUNT_KEY, "0") or 0) + 1
                    set_state(s, SYNC_COUNT_KEY, str(runs))
                    set_state(s, LAST_SYNC_KEY, _now())
                # Checksums after an initial sync, after purges and every n-th run: they catch drift
                # (a bug, a restored backup) without costing every sync a full scan.
                scheduled = result.purged or initial or runs % self.integrity_every == 1
                if verify or (verify is None and scheduled):
                    report("verify", 0, None)
                    self._verify(result)
            except WipeRequired as exc:
                self.wipe()
                result.status, result.message = "wiped", exc.message
            except UpgradeRequired as exc:
                result.status, result.message = "upgrade_required", exc.message
            except AuthenticationRequired as exc:
                result.status, result.message = "login_required", exc.message
            except ServerUnavailable as exc:
                result.status, result.message = "offline", exc.message
            except SyncError as exc:
                result.status, result.message = "error", exc.message
            except SyncCancelled:
                result.status, result.message = "cancelled", "Synchroniseren is onderbroken."
        if result.status == "ok" and (result.conflicts or result.rejected):
            parts = []
            if result.conflicts:
                parts.append("1 conflict" if result.conflicts == 1 else f"{result.conflicts} conflicten")
            if result.rejected:
                parts.append(
                    "1 geweigerde wijziging" if result.rejected == 1 else f"{result.rejected} geweigerde wijzigingen"
                )
            verb = "wacht" if result.conflicts + result.rejected == 1 else "wachten"
            result.message = f"Gesynchroniseerd; {' en '.join(parts)} {verb} op u (Extra › Conflicten)."
        report("done", 1, 1)
        return result

    # -- push --------------------------------------------------------------------------------------
    def _next_batch(self) -> list[PushOp]:
        with self.session_factory() as s:
            blocked = {(r[0], r[1]) for r in s.execute(select(sync_parked.c.table_name, sync_parked.c.record_id))}
            rows = s.execute(select(sync_outbox).order_by(sync_outbox.c.device_counter).limit(MAX_BATCH_OPS * 4)).all()
            rows = [r for r in rows if (r.table_name, r.record_id) not in blocked]
            deferred = self._deferred_changes(s, rows)
        # Answers find their outbox entry by its sequence number (the op id has no index of its own).
        self._outbox_seq = {r.op_id: r.seq for r in rows}
        gone = [r.seq for r in rows if r.changes == DEFERRED and r.op_id not in deferred]
        if gone:
            # Inserted in bulk and removed again before they were sent: nothing to send.
            with self.session_factory() as s, s.begin():
                s.execute(delete(sync_outbox).where(sync_outbox.c.seq.in_(gone)))
        batch: list[PushOp] = []
        size = 0
        for r in rows:
            if r.changes == DEFERRED and r.op_id not in deferred:
                continue
            changes = deferred[r.op_id] if r.changes == DEFERRED else json.loads(r.changes)
            op = PushOp(
                op_id=r.op_id,
                device_counter=r.device_counter,
                table=r.table_name,
                record_id=r.record_id,
                kind=r.kind,
                base_version=r.base_version,
                changes=changes,
            )
            op_size = (len(json.dumps(changes)) if r.changes == DEFERRED else len(r.changes)) + 300
            if batch and (len(batch) >= MAX_BATCH_OPS or size + op_size > MAX_BATCH_BYTES):
                break
            batch.append(op)
            size += op_size
        return batch

    def _outbox_entry(self, op: PushOp) -> Any:
        """SQL condition for the outbox row of a sent operation."""
        seq = self._outbox_seq.get(op.op_id)
        if seq is not None:
            return sync_outbox.c.seq == seq
        return and_(
            sync_outbox.c.table_name == op.table,
            sync_outbox.c.record_id == op.record_id,
            sync_outbox.c.op_id == op.op_id,
        )

    def _deferred_changes(self, s: Session, rows: Iterable[Any]) -> dict[str, dict[str, Any]]:
        """op id → changes of the DEFERRED inserts among these outbox rows (their rows' current values)."""
        wanted: dict[str, dict[str, str]] = {}
        for r in rows:
            if r.changes == DEFERRED and r.table_name in self.tables:
                wanted.setdefault(r.table_name, {})[r.record_id] = r.op_id
        found: dict[str, dict[str, Any]] = {}
        for name, ops in wanted.items():
            for record_id, changes in insert_changes(s, self.tables[name], ops).items():
                found[ops[record_id]] = changes
        return found

    def _push(self, result: SyncResult, report: Progress) -> None:
        sent: set[str] = set()
        while True:
            batch = [op for op in self._next_batch() if op.op_id not in sent]
            if not batch:
                return
            report("push", result.pushed, None)
            answer = self.client.push(batch)
            by_id = {r.op_id: r for r in answer.results}
            sent.update(op.op_id for op in batch)
            self._record_answers(batch, by_id, result)

    def _record_answers(self, batch: list[PushOp], by_id: dict[str, OpResult], result: SyncResult) -> None:
        with self.session_factory() as s, s.begin():
            s.info[APPLYING_SERVER_CHANGES] = True
            for op in batch:
                res = by_id.get(op.op_id)
                if res is None:
                    continue  # not answered: stays in the outbox for the next run
                status = res.original_status if res.status == "duplicate" and res.original_status else res.status
                result.pushed += 1
                if status == "rejected":
                    result.rejected += 1
                    s.execute(
                        insert(sync_parked).values(
                            op_id=op.op_id,
                            device_counter=op.device_counter,
                            table_name=op.table,
                            record_id=op.record_id,
                            kind=op.kind,
                            base_version=op.base_version,
                            changes=json.dumps({k: v.model_dump() for k, v in op.changes.items()}),
                            reason=res.reason or "rejected",
                            message=res.message or "De server weigerde deze wijziging.",
                            parked_at=_now(),
                        )
                    )
                elif status == "conflict":
                    result.conflicts += 1
                    fields = {name: {"local": c.client, "server": c.server} for name, c in res.conflicts.items()}
                    if res.conflict_kind == "edit_delete":
                        fields = {name: {"local": ch.new, "server": None} for name, ch in op.changes.items()}
                    elif res.conflict_kind == "exists":
                        # The server row replaces this insert locally: its values live on only here.
                        theirs = res.server_row or {}
                        fields = {
                            name: {"local": ch.new, "server": theirs.get(name)}
                            for name, ch in op.changes.items()
                            if ch.new != theirs.get(name)
                        }
                    s.execute(
                        insert(sync_conflicts).values(
                            id=str(uuid.uuid4()),
                            table_name=op.table,
                            record_id=op.record_id,
                            kind=res.conflict_kind or "field",
                            fields=json.dumps({"fields": fields, "server_row": res.server_row}, default=str),
                            op_id=op.op_id,
                            created_at=_now(),
                        )
                    )
                else:
                    result.applied += 1
                s.execute(delete(sync_outbox).where(self._outbox_entry(op)))
                if status in ("conflict", "applied") and res.server_row is not None:
                    # The device shows what the server holds: after a conflict its own values wait in the
                    # conflict record; an applied change the server completed (a case number that was
                    # taken, renumbered) shows the server's value. Applied after the outbox entry went,
                    # so only other unsent edits stay local.
                    self._apply_server_row(s, op.table, res.server_row, res.server_seq)

    def _apply_server_row(self, s: Session, name: str, server_row: dict[str, Any], seq: int | None) -> None:
        """Apply the row state of an answer as a pulled row, unless a newer state is already here."""
        table = self.tables.get(name)
        if table is None:
            return
        try:
            row = RowState(
                table=name,
                id=server_row["id"],
                version=server_row["version"],
                server_seq=seq or 0,
                deleted=server_row.get("deleted", False),
                data={k: v for k, v in server_row.items() if k not in ("id", "version", "deleted")},
            )
        except (KeyError, ValidationError):
            log.warning("een conflictantwoord zonder bruikbare serverversie; de pull brengt die later")
            return
        local = s.execute(select(table.c.version).where(table.c.id == row.id)).scalar()
        if local is not None and local > row.version:
            return
        self._apply_rows(s, [row])

    # -- pull --------------------------------------------------------------------------------------
    def _pull(self, result: SyncResult, report: Progress) -> None:
        started = _now()
        self._refetch(result)
        with self.session_factory() as s:
            cursor = int(get_state(s, CURSOR_KEY, "0") or 0)
        # The next page is fetched while this one is applied (one request at a time on the client).
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="vangnet-pull") as pool:
            upcoming: Future[PullResponse] | None = None
            while True:
                page = upcoming.result() if upcoming is not None else self.client.pull(cursor, self.page_size)
                upcoming = pool.submit(self.client.pull, page.next, self.page_size) if page.has_more else None
                try:
                    with self.session_factory() as s, s.begin():
                        s.info[APPLYING_SERVER_CHANGES] = True
                        result.pulled += self._apply_rows(s, page.rows)
                        result.purged += self._apply_purges(s, page.purges, result)
                        # The page and the cursor commit together: an interrupted sync resumes right here.
                        set_state(s, CURSOR_KEY, str(page.next))
                except BaseException:
                    if upcoming is not None:
                        upcoming.cancel()
                    raise
                result.pages += 1
                cursor = page.next
                report("pull", result.pulled, None)
                if upcoming is None:
                    break
        self._repair_failures(result, started)

    def _refetch(self, result: SyncResult) -> None:
        """Bring records whose refused change was given up back to the server's state.

        The cursor may be past their last change, so they are fetched by id; one the server does not
        return (it does not exist, or is not visible) leaves this device with what hangs off it.
        """
        with self.session_factory() as s:
            wanted = _refetch_list(s)
        by_table: dict[str, list[str]] = {}
        for name, rid in wanted:
            by_table.setdefault(name, []).append(rid)
        for name, ids in by_table.items():
            for chunk in _chunks(ids, DEFAULT_PAGE_SIZE):
                asked = set(chunk)
                rows: list[RowState] = []
                if name in self.tables:
                    try:
                        rows = [r for r in self.client.fetch(name, chunk).rows if r.table == name and r.id in asked]
                    except SyncError as exc:
                        if type(exc) is not SyncError:
                            raise  # offline, login, upgrade, wipe: the run stops and the list stays
                        # A refusal of this one request must not stop every sync: tried again next run.
                        log.warning("gegevens opnieuw ophalen geweigerd: %s", exc.code)
                        continue
                with self.session_factory() as s, s.begin():
                    s.info[APPLYING_SERVER_CHANGES] = True
                    if name in self.tables:
                        result.pulled += self._apply_rows(s, rows)
                        returned = {r.id for r in rows}
                        gone = asked - returned
                        if gone:
                            result.purged += self._remove_records(s, {name: gone}, result, "not_found", GONE_MESSAGE)
                    _forget_refetch(s, {(name, rid) for rid in asked})

    def _repair_failures(self, result: SyncResult, since: str) -> None:
        """Rows from the server that could not be stored because a record they refer to was missing are
        repaired at once: the missing records and the rows themselves are fetched again, parents first. A row
        that failed in this pull is tried once more too (its parent may have come on a later page). What still
        does not fit (a local record with the same BSN, say) stays as 'kon niet worden verwerkt'."""
        with self.session_factory() as s:
            c = sync_conflicts.c
            found = s.execute(
                select(c.id, c.table_name, c.record_id, c.fields, c.created_at)
                .where(c.kind == "apply_failed", c.resolved_at.is_(None))
                .limit(MAX_PAGE_SIZE)
            ).all()
            wanted: set[tuple[str, str]] = set()
            repairable: list[str] = []
            for conflict_id, name, record_id, fields, created in found:
                stored = json.loads(fields) if fields else {}
                missing = self._missing_parents(s, name, stored.get("server_row") or {})
                # A row refused for want of its parent is tried again once that parent is here, also when
                # it failed in an earlier, interrupted pull.
                if missing or created >= since or stored.get("missing_parent"):
                    wanted |= missing | {(name, record_id)}
                    repairable.append(conflict_id)
        if not repairable:
            return
        with self.session_factory() as s, s.begin():
            # Resolved before the fetch: a row that still fails is recorded again, as what it is.
            _close_conflicts(s, repairable, "repaired")
            ordered = sorted(wanted, key=lambda key: self._order.get(key[0], len(self._order)))
            self._remember_refetch_many(s, ordered)
        self._refetch(result)
        with self.session_factory() as s:
            still = s.execute(
                select(func.count())
                .select_from(sync_conflicts)
                .where(sync_conflicts.c.kind == "apply_failed", sync_conflicts.c.resolved_at.is_(None))
            ).scalar_one()
        if still:
            log.warning("%d gegeven(s) van de server konden hier niet worden verwerkt", still)

    def _missing_parents(self, s: Session, name: str, row: Mapping[str, object]) -> set[tuple[str, str]]:
        """The records a server row refers to that this device does not have."""
        table = self.tables.get(name)
        missing: set[tuple[str, str]] = set()
        for column in table.columns if table is not None else ():
            target = next((fk.column.table.name for fk in column.foreign_keys), None)
            value = row.get(column.name)
            if target in self.tables and isinstance(value, str):
                parent = self.tables[target]
                if s.execute(select(parent.c.id).where(parent.c.id == value)).first() is None:
                    missing.add((target, value))
        return missing

    def _pending_fields(self, s: Session, table: str, ids: list[str]) -> dict[str, set[str]]:
        """Fields of records with local changes not yet answered: the server must not overwrite them."""
        pending: dict[str, set[str]] = {}
        waiting = {
            rid
            for (rid,) in s.execute(select(sync_outbox.c.record_id).where(sync_outbox.c.table_name == table).distinct())
        }
        if not waiting:
            return pending
        for chunk in _chunks([i for i in ids if i in waiting], 500):
            for rid, kind, changes in s.execute(
                select(sync_outbox.c.record_id, sync_outbox.c.kind, sync_outbox.c.changes).where(
                    sync_outbox.c.table_name == table, sync_outbox.c.record_id.in_(chunk)
                )
            ):
                names = pending.setdefault(rid, set())
                names.update(self.tables[table].columns.keys() if changes == DEFERRED else json.loads(changes))
                if kind == "delete":
                    names.add("deleted")
        return pending

    def _apply_rows(self, s: Session, rows: Iterable[RowState]) -> int:
        grouped: dict[str, list[RowState]] = {}
        for row in rows:
            if row.table in self.tables:
                grouped.setdefault(row.table, []).append(row)
        applied = 0
        for name in sorted(grouped, key=lambda n: self._order[n]):
            table = self.tables[name]
            group = grouped[name]
            ids = [r.id for r in group]
            if name in self._natural_keys:
                self._yield_natural_keys(s, table, group)
            existing = self._existing_ids(s, table, ids)
            pending = self._pending_fields(s, name, ids)
            try:
                self._apply_bulk(s, table, group, existing, pending)
                applied += len(group)
                continue
            except Exception as exc:
                if not _row_refused(exc):
                    raise
            # A local constraint (unique BSN, missing parent) or a value the column cannot hold
            # refused the batch. No savepoints (pysqlite's default transaction handling breaks them):
            # row by row, where a refused statement only undoes itself in SQLite and a refused value
            # stops before anything is written; refused rows become visible conflicts and the cursor
            # still moves on. Re-applying a row state that did go in is harmless.
            for row in group:
                exists = s.execute(select(table.c.id).where(table.c.id == row.id)).first() is not None
                try:
                    self._apply_bulk(s, table, [row], {row.id} if exists else set(), pending)
                    applied += 1
                except Exception as exc:
                    if not _row_refused(exc):
                        raise
                    log.debug("een gegeven van de server past hier niet: %s", type(exc).__name__)
                    self._apply_failed(s, row)
        return applied

    def _yield_natural_keys(self, s: Session, table: Table, rows: list[RowState]) -> None:
        """A reference record from the server takes the place of a local one with the same natural key
        (a gemeente's CBS code, a school's BRIN and vestiging) that the server never had, when nothing
        refers to the local one by its id: both describe the same thing, and only one may exist."""
        for columns in self._natural_keys[table.name]:
            keyed = {tuple(row.data.get(c) for c in columns): row.id for row in rows}
            keyed.pop(tuple(None for _ in columns), None)
            for key, server_id in keyed.items():
                condition = [table.c[c] == v for c, v in zip(columns, key, strict=True)]
                for (local_id,) in s.execute(select(table.c.id).where(*condition, table.c.id != server_id)).all():
                    if self._referenced(s, table, local_id):
                        continue  # kept: the row that does not fit becomes a visible apply failure
                    s.execute(delete(table).where(table.c.id == local_id))
                    s.execute(
                        delete(sync_outbox).where(
                            sync_outbox.c.table_name == table.name, sync_outbox.c.record_id == local_id
                        )
                    )

    def _referenced(self, s: Session, table: Table, record_id: str) -> bool:
        for other in self.tables.values():
            for column in other.columns:
                points_here = any(fk.column.table.name == table.name for fk in column.foreign_keys)
                if points_here and s.execute(select(other.c.id).where(column == record_id).limit(1)).first():
                    return True
        return False

    def _row_values(self, table: Table, row: RowState, protected: set[str]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, value in row.data.items():
            column = table.c.get(name)
            if column is None or name in NOT_SYNCED_FIELDS or name in protected:
                continue
            values[name] = from_json(column, value)
        values["version"] = row.version
        if "deleted" not in protected:
            values["deleted"] = row.deleted
        return values

    def _existing_ids(self, s: Session, table: Table, ids: list[str]) -> set[str]:
        conn = s.connection()
        quoted = conn.dialect.identifier_preparer.format_table(table)
        existing: set[str] = set()
        for chunk in _chunks(ids, 500):
            sql = f"SELECT id FROM {quoted} WHERE id IN ({','.join('?' * len(chunk))})"  # noqa: S608 - table name from the schema
            existing.update(r[0] for r in conn.exec_driver_sql(sql, tuple(chunk)))
        return existing

    def _apply_bulk(
        self, s: Session, table: Table, rows: list[RowState], existing: set[str], pending: dict[str, set[str]]
    ) -> None:
        """Insert new rows and update known ones, one executemany per set of columns."""
        inserts: dict[frozenset[str], list[RowState]] = {}
        updates: dict[frozenset[str], list[RowState]] = {}
        clearable = self._clearable(table)
        for row in rows:
            if row.id in existing and not clearable <= row.data.keys():
                # The server's document leaves out a field it never stored: here it is empty too.
                row = row.model_copy(update={"data": {**dict.fromkeys(clearable), **row.data}})
            protected = pending.get(row.id)
            names = [n for n in row.data if not protected or n not in protected]
            if not protected or "deleted" not in protected:
                names.append("deleted")
            target = updates if row.id in existing else inserts
            target.setdefault(frozenset(names), []).append(row)
        for keys, group in inserts.items():
            self._write(s, table, group, keys, is_insert=True)
        for keys, group in updates.items():
            self._write(s, table, group, keys, is_insert=False)

    def _clearable(self, table: Table) -> frozenset[str]:
        """Fields a row state without them leaves empty: the nullable synced columns, health fields excepted
        (a server leaves those out for whoever may not read them, and the device then keeps its own)."""
        found = self._clearable_fields.get(table.name)
        if found is None:
            from desktop.models import entities

            hidden = entities.health_fields(table.name)
            found = frozenset(
                c.name for c in table.columns if c.nullable and c.name not in NOT_SYNCED_FIELDS and c.name not in hidden
            )
            self._clearable_fields[table.name] = found
        return found

    def _write(self, s: Session, table: Table, rows: list[RowState], keys: frozenset[str], is_insert: bool) -> None:
        conn = s.connection()
        cache_key = (table.name, keys, is_insert, conn.dialect.name)
        if cache_key not in self._plans:
            self._plans[cache_key] = _make_plan(conn.dialect, table, keys, is_insert)
        plan = self._plans[cache_key]
        if plan is not None:
            sql, converters, deleted, generated = plan
            try:
                params = [
                    (
                        *[convert(row.data.get(name)) for name, convert in converters],
                        *((deleted(row.deleted),) if deleted is not None else ()),
                        row.version,
                        *[make() for make in generated],
                        row.id,
                    )
                    for row in rows
                ]
            except Exception:
                params = None  # an odd value or default: SQLAlchemy's own path below decides (or refuses)
            if params is not None:
                conn.exec_driver_sql(sql, params)
                return
        protected = set(table.c.keys()) - keys
        values = [self._row_values(table, row, protected) for row in rows]
        if is_insert:
            s.execute(insert(table), [{"id": row.id, **v} for row, v in zip(rows, values, strict=True)])
        else:
            cols = list(values[0])
            stmt = update(table).where(table.c.id == bindparam("_rid")).values({k: bindparam("_v_" + k) for k in cols})
            s.execute(
                stmt,
                [{"_rid": row.id, **{"_v_" + k: v[k] for k in cols}} for row, v in zip(rows, values, strict=True)],
            )

    def _apply_failed(self, s: Session, row: RowState) -> None:
        already = s.execute(
            select(sync_conflicts.c.id).where(
                sync_conflicts.c.table_name == row.table,
                sync_conflicts.c.record_id == row.id,
                sync_conflicts.c.kind == "apply_failed",
                sync_conflicts.c.resolved_at.is_(None),
            )
        ).first()
        if already is None:
            s.execute(
                insert(sync_conflicts).values(
                    id=str(uuid.uuid4()),
                    table_name=row.table,
                    record_id=row.id,
                    kind="apply_failed",
                    fields=json.dumps(
                        {
                            "fields": {},
                            "server_row": {**row.data, "version": row.version},
                            "missing_parent": bool(self._missing_parents(s, row.table, row.data)),
                        }
                    ),
                    op_id=None,
                    created_at=_now(),
                )
            )

    def _apply_purges(self, s: Session, purges: list[Purge], result: SyncResult | None = None) -> int:
        grouped: dict[str, set[str]] = {}
        for p in purges:
            if p.table in self.tables:
                grouped.setdefault(p.table, set()).add(p.id)
        if not grouped:
            return 0
        return self._remove_records(
            s, grouped, result, "out_of_scope", OUT_OF_SCOPE_MESSAGE, refused_message=OUT_OF_SCOPE_REFUSED_MESSAGE
        )

    def _remove_records(
        self,
        s: Session,
        roots: Mapping[str, set[str]],
        result: SyncResult | None,
        reason: str,
        message: str,
        *,
        refused_message: str | None = None,
    ) -> int:
        """Remove records that left this device and everything hanging off them, children first.

        Local rows that were never sent go too (a journal entry typed after a reassignment must not
        keep the file here); their outbox operations are parked with `reason` and `message`, so what
        was typed stays visible under Conflicten and is not sent. With `refused_message`, changes of
        these records the server already refused get `reason` and that message: the server could
        only say it did not know the record, this says why.
        """
        found: dict[str, set[str]] = {name: set(ids) for name, ids in roots.items() if name in self.tables}
        frontier = {name: set(ids) for name, ids in found.items()}
        while frontier:
            reached: dict[str, set[str]] = {}
            for parent, ids in frontier.items():
                for child_name, column in self._children.get(parent, ()):
                    child = self.tables[child_name]
                    known = found.setdefault(child_name, set())
                    for chunk in _chunks(sorted(ids), 500):
                        for (rid,) in s.execute(select(child.c.id).where(child.c[column].in_(chunk))):
                            if rid not in known:
                                known.add(rid)
                                reached.setdefault(child_name, set()).add(rid)
            frontier = reached
        if refused_message is not None:
            for name, ids in found.items():
                for chunk in _chunks(sorted(ids), 500):
                    s.execute(
                        update(sync_parked)
                        .where(sync_parked.c.table_name == name, sync_parked.c.record_id.in_(chunk))
                        .values(reason=reason, message=refused_message)
                    )
        withheld = self._park_unsent(s, found, reason, message)
        if result is not None:
            result.withheld += withheld
        count = 0
        for name in sorted(found, key=lambda n: -self._order[n]):
            if found[name]:
                count += self._delete_rows(s, self.tables[name], sorted(found[name]))
        return count

    def _park_unsent(self, s: Session, records: Mapping[str, set[str]], reason: str, message: str) -> int:
        """Move the outbox operations of these records to the parked ones; returns how many."""
        moved = 0
        parked_at = _now()
        for name, ids in records.items():
            for chunk in _chunks(sorted(ids), 500):
                where = (sync_outbox.c.table_name == name, sync_outbox.c.record_id.in_(chunk))
                ops = s.execute(select(sync_outbox).where(*where)).all()
                if not ops:
                    continue
                # What a bulk insert queued is read from its row now, before the row goes.
                deferred = self._deferred_changes(s, ops)
                s.execute(
                    insert(sync_parked),
                    [
                        {
                            "op_id": op.op_id,
                            "device_counter": op.device_counter,
                            "table_name": op.table_name,
                            "record_id": op.record_id,
                            "kind": op.kind,
                            "base_version": op.base_version,
                            "changes": json.dumps(deferred.get(op.op_id, {})) if op.changes == DEFERRED else op.changes,
                            "reason": reason,
                            "message": message,
                            "parked_at": parked_at,
                        }
                        for op in ops
                    ],
                )
                s.execute(delete(sync_outbox).where(*where))
                moved += len(ops)
        return moved

    def _delete_rows(self, s: Session, table: Table, ids: list[str]) -> int:
        count = 0
        for chunk in _chunks(ids, 500):
            try:
                count += _deleted(s, delete(table).where(table.c.id.in_(chunk)))
                continue
            except IntegrityError:
                pass
            # Row by row, in rounds: a row may wait for another of the same table (a renewal of it).
            left = list(chunk)
            while left:
                kept = []
                for rid in left:
                    try:
                        count += _deleted(s, delete(table).where(table.c.id == rid))
                    except IntegrityError:
                        kept.append(rid)
                if len(kept) == len(left):
                    log.warning("%d verwijderde gegevens worden nog lokaal gebruikt; ze blijven staan", len(kept))
                    break
                left = kept
        return count

    # -- integrity ---------------------------------------------------------------------------------
    def local_summary(self, name: str) -> tuple[int, int]:
        table = self.tables[name]
        with self.session_factory() as s:
            rows = s.execute(select(table.c.id, table.c.version).where(table.c.version > 0)).all()
        return len(rows), sum(row_checksum(r[0], r[1]) for r in rows) % CHECKSUM_MODULUS

    def _verify(self, result: SyncResult) -> None:
        summary = self.client.summary()
        for name in self.tables:
            server = summary.tables.get(name)
            expected = (server.count, server.checksum) if server else (0, 0)
            if self.local_summary(name) != expected:
                self.repair(name)
                result.repaired.append(name)

    def repair(self, name: str) -> None:
        """Bring one table in line with the server's manifest: fetch what differs, purge what is extra."""
        table = self.tables[name]
        manifest = self.client.manifest(name).versions
        with self.session_factory() as s:
            local = {r[0]: r[1] for r in s.execute(select(table.c.id, table.c.version).where(table.c.version > 0))}
        differing = [rid for rid, version in manifest.items() if local.get(rid) != version]
        extra = [rid for rid in local if rid not in manifest]
        for chunk in _chunks(differing, DEFAULT_PAGE_SIZE):
            rows = self.client.fetch(name, chunk).rows
            with self.session_factory() as s, s.begin():
                s.info[APPLYING_SERVER_CHANGES] = True
                self._apply_rows(s, rows)
        if extra:
            with self.session_factory() as s, s.begin():
                s.info[APPLYING_SERVER_CHANGES] = True
                pending = self._pending_fields(s, name, extra)
                self._delete_rows(s, table, [rid for rid in extra if rid not in pending])

    # -- wipe --------------------------------------------------------------------------------------
    def wipe(self) -> None:
        """Remove every synced row and all sync state, then let the desktop wipe the rest of the profile."""
        with self.session_factory() as s, s.begin():
            s.info[APPLYING_SERVER_CHANGES] = True
            if s.get_bind().dialect.name == "sqlite":
                s.execute(text("PRAGMA defer_foreign_keys = ON"))
            for name in reversed(list(self.tables)):
                s.execute(delete(self.tables[name]))
            for table in SYNC_TABLES:
                s.execute(delete(table))
        self.client.tokens = Tokens()
        if self.on_wipe is not None:
            self.on_wipe()

    # -- what the user sees and decides -------------------------------------------------------------
    def open_conflicts(self) -> list[dict[str, Any]]:
        with self.session_factory() as s:
            rows = s.execute(
                select(sync_conflicts)
                .where(sync_conflicts.c.resolved_at.is_(None))
                .order_by(sync_conflicts.c.created_at)
            ).all()
        return [{**r._asdict(), "fields": json.loads(r.fields)} for r in rows]

    def parked_operations(self) -> list[dict[str, Any]]:
        with self.session_factory() as s:
            rows = s.execute(select(sync_parked).order_by(sync_parked.c.device_counter)).all()
        return [{**r._asdict(), "changes": json.loads(r.changes)} for r in rows]

    def discard_parked(self, op_id: str) -> None:
        """The user gives up a rejected change: the record's waiting edits go on, and the next sync
        brings the record back to the server's state (or removes it, when the server has none for
        this device). A rejected insert of a record the server never had is removed at once.
        """
        self.discard_parked_many([op_id])

    def retry_parked(self, op_id: str) -> bool:
        """Send a rejected change again (e.g. after the administrator fixed a permission); False when its
        record is no longer on this device (it then stays parked, to be given up)."""
        return self.retry_parked_many([op_id]) == 1

    def resolve_conflict(self, conflict_id: str, keep: str) -> None:
        """keep='server' accepts the server state; keep='local' sends the local choice again, winning."""
        if keep not in ("local", "server"):
            raise ValueError(keep)
        with self.session_factory() as s, s.begin():
            s.info[APPLYING_SERVER_CHANGES] = True
            c = s.execute(select(sync_conflicts).where(sync_conflicts.c.id == conflict_id)).first()
            if c is None or c.resolved_at is not None:
                return
            _close_conflicts(s, [conflict_id], keep)
            if keep == "local":
                self._send_local_choice(s, c)

    # Many at once: a first sync can leave thousands of these, so they are counted, listed and decided in SQL,
    # a chunk per transaction, never loaded whole.
    DECISION_CHUNK = 500
    PROBLEM_CATEGORIES = ("conflict", "refused", "apply_failed")

    @staticmethod
    def problem_counts(session: Session) -> list[tuple[str, str, int]]:
        """(category, table, count) of what waits for the user: 'conflict' (an open conflict), 'apply_failed'
        (a row from the server that could not be stored here) and 'refused' (a parked operation)."""
        from sqlalchemy import case, literal

        c = sync_conflicts.c
        category = case((c.kind == "apply_failed", literal("apply_failed")), else_=literal("conflict"))
        rows = session.execute(
            select(category, c.table_name, func.count()).where(c.resolved_at.is_(None)).group_by(category, c.table_name)
        ).all()
        parked = session.execute(
            select(sync_parked.c.table_name, func.count()).group_by(sync_parked.c.table_name)
        ).all()
        return [(str(k), str(t), int(n)) for k, t, n in rows] + [("refused", str(t), int(n)) for t, n in parked]

    @staticmethod
    def problem_keys(
        session: Session,
        categories: Iterable[str] | None = None,
        table: str | None = None,
        sort: str = "since",
        descending: bool = False,
        table_rank: Mapping[str, int] | None = None,
    ) -> list[tuple[str, str]]:
        """(category, id) of the open conflicts and parked operations, filtered and sorted in SQL.

        ``sort`` is 'since' (when it arose), 'category' or 'table' (by ``table_rank``, e.g. the order of the
        tables' labels); ties keep the order in which they arose. The id is the conflict's id, or the op_id
        of a parked operation."""
        from sqlalchemy import case, literal, union_all

        wanted = set(categories) if categories is not None else set(SyncEngine.PROBLEM_CATEGORIES)
        c, p = sync_conflicts.c, sync_parked.c
        parts = []
        if wanted & {"conflict", "apply_failed"}:
            category = case((c.kind == "apply_failed", literal("apply_failed")), else_=literal("conflict"))
            part = select(
                category.label("category"),
                c.id.label("key"),
                c.table_name.label("table_name"),
                c.created_at.label("since"),
                literal(0).label("seq"),
            ).where(c.resolved_at.is_(None))
            if not wanted >= {"conflict", "apply_failed"}:
                part = part.where(c.kind == "apply_failed" if "apply_failed" in wanted else c.kind != "apply_failed")
            if table is not None:
                part = part.where(c.table_name == table)
            parts.append(part)
        if "refused" in wanted:
            part = select(
                literal("refused").label("category"),
                p.op_id.label("key"),
                p.table_name.label("table_name"),
                p.parked_at.label("since"),
                p.device_counter.label("seq"),
            )
            if table is not None:
                part = part.where(p.table_name == table)
            parts.append(part)
        if not parts:
            return []
        u = (parts[0] if len(parts) == 1 else union_all(*parts)).subquery()
        rank = {name: i for i, name in enumerate(SyncEngine.PROBLEM_CATEGORIES)}
        first: list[Any] = []
        if sort == "category":
            first = [case(*((u.c.category == k, v) for k, v in rank.items()), else_=len(rank))]
        elif sort == "table" and table_rank:
            first = [
                case(*((u.c.table_name == k, v) for k, v in table_rank.items()), else_=len(table_rank)),
                u.c.table_name,
            ]
        elif sort == "table":
            first = [u.c.table_name]
        terms = [*first, u.c.since, u.c.seq, u.c.key]
        if descending:
            terms = [t.desc() for t in terms]
        # all() fetches in one go; row by row costs several times the query itself at 10,000 rows.
        return [(k, i) for k, i in session.execute(select(u.c.category, u.c.key).order_by(*terms)).all()]

    @staticmethod
    def conflicts_by_id(session: Session, conflict_ids: Iterable[str]) -> list[dict[str, Any]]:
        """The conflict records with these ids, open or not, with their fields decoded (a page of the view)."""
        return _decoded_rows(session, sync_conflicts.c.id, conflict_ids, "fields")

    @staticmethod
    def parked_by_id(session: Session, op_ids: Iterable[str]) -> list[dict[str, Any]]:
        """The parked operations with these op_ids, with their changes decoded (a page of the view)."""
        return _decoded_rows(session, sync_parked.c.op_id, op_ids, "changes")

    def _per_chunk(
        self,
        ids: list[str],
        step: Callable[[Session, list[str]], int],
        progress: Callable[[int, int], None] | None,
        applying: bool = True,
    ) -> int:
        """``step`` for each chunk of ``ids`` in a transaction of its own (in which the rows it writes make no
        operations when ``applying``); returns the sum of its answers. ``progress`` follows the chunks."""
        answered = done = 0
        for chunk in _chunks(ids, self.DECISION_CHUNK):
            with self.session_factory() as s, s.begin():
                if applying:
                    s.info[APPLYING_SERVER_CHANGES] = True
                answered += step(s, chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, len(ids))
        return answered

    def resolve_conflicts(
        self, conflict_ids: Iterable[str], keep: str, progress: Callable[[int, int], None] | None = None
    ) -> int:
        """resolve_conflict for many conflicts, one transaction per chunk; returns how many were still open.

        A row the server sent that could not be stored here ('apply_failed') is no conflict with a choice:
        it is left for refetch_failed."""
        if keep not in ("local", "server"):
            raise ValueError(keep)

        def resolve(s: Session, chunk: list[str]) -> int:
            rows = s.execute(
                select(sync_conflicts)
                .where(
                    sync_conflicts.c.id.in_(chunk),
                    sync_conflicts.c.resolved_at.is_(None),
                    sync_conflicts.c.kind != "apply_failed",
                )
                .order_by(sync_conflicts.c.created_at)
            ).all()
            _close_conflicts(s, [c.id for c in rows], keep)
            if keep == "local":
                for c in rows:
                    self._send_local_choice(s, c)
            return len(rows)

        return self._per_chunk(list(dict.fromkeys(conflict_ids)), resolve, progress)

    def _send_local_choice(self, s: Session, c: Any) -> None:
        """What resolve_conflict does for keep='local', in the caller's transaction: the local values go back
        into the record and into the outbox, winning over the server's."""
        table = self.tables.get(c.table_name)
        if table is None:
            return
        current = s.execute(select(table).where(table.c.id == c.record_id)).first()
        if current is None:
            return
        info = json.loads(c.fields)
        kind = "update"
        changes: dict[str, Any] = {}
        if c.kind == "delete_edit":
            kind = "delete"
            s.execute(update(table).where(table.c.id == c.record_id).values(deleted=True))
        else:
            values = {n: v["local"] for n, v in info["fields"].items() if n in table.c}
            if c.kind == "edit_delete":
                changes["deleted"] = {"old": True, "new": False}
                s.execute(update(table).where(table.c.id == c.record_id).values(deleted=False))
            for n, v in values.items():
                changes[n] = {"old": to_json(getattr(current, n)), "new": v}
            if values:
                s.execute(
                    update(table)
                    .where(table.c.id == c.record_id)
                    .values(**{n: from_json(table.c[n], v) for n, v in values.items()})
                )
        s.execute(
            insert(sync_outbox).values(
                op_id=str(uuid.uuid4()),
                device_counter=next_device_counter(s, 1),
                table_name=c.table_name,
                record_id=c.record_id,
                kind=kind,
                base_version=current.version,
                changes=json.dumps(changes),
                created_at=_now(),
            )
        )

    def retry_parked_many(self, op_ids: Iterable[str], progress: Callable[[int, int], None] | None = None) -> int:
        """retry_parked for many operations, one transaction per chunk; returns how many were sent back to the
        outbox. They keep the order in which they were made, so an insert goes before its record's updates."""
        wanted = list(dict.fromkeys(op_ids))
        ordered: list[Row[Any]] = []  # (device counter, op id)
        with self.session_factory() as s:
            for chunk in _chunks(wanted, self.DECISION_CHUNK):
                ordered += s.execute(
                    select(sync_parked.c.device_counter, sync_parked.c.op_id).where(sync_parked.c.op_id.in_(chunk))
                ).all()
        ids = [op_id for _counter, op_id in sorted(ordered)]
        retried = 0
        for chunk in _chunks(ids, self.DECISION_CHUNK):
            with self.session_factory() as s, s.begin():
                s.info[APPLYING_SERVER_CHANGES] = True
                rows = s.execute(
                    select(sync_parked).where(sync_parked.c.op_id.in_(chunk)).order_by(sync_parked.c.device_counter)
                ).all()
                # The device shows what it sends again; a change whose record left the device stays parked.
                rows = [row for row in rows if self._restore_parked(s, row)]
                if not rows:
                    continue
                s.execute(delete(sync_parked).where(sync_parked.c.op_id.in_([r.op_id for r in rows])))
                first = next_device_counter(s, len(rows))
                now = _now()
                s.execute(
                    insert(sync_outbox),
                    [
                        {
                            "op_id": str(uuid.uuid4()),
                            "device_counter": first + i,
                            "table_name": row.table_name,
                            "record_id": row.record_id,
                            "kind": row.kind,
                            "base_version": row.base_version,
                            "changes": row.changes,
                            "created_at": now,
                        }
                        for i, row in enumerate(rows)
                    ],
                )
            retried += len(rows)
            if progress is not None:
                progress(retried, len(ids))
        return retried

    def _restore_parked(self, s: Session, parked: Any) -> bool:
        """Put a parked change's values back on its row (a pull may have replaced them meanwhile); False when
        the record is not on this device any more and cannot be made again here."""
        table = self.tables.get(parked.table_name)
        if table is None:
            return False
        changes = json.loads(parked.changes) if parked.changes != DEFERRED else {}
        values = {
            name: from_json(table.c[name], change.get("new"))
            for name, change in changes.items()
            if name in table.c and name not in NOT_SYNCED_FIELDS and isinstance(change, dict)
        }
        present = s.execute(select(table.c.id).where(table.c.id == parked.record_id)).first() is not None
        if parked.kind == "delete":
            values = {"deleted": True}
        elif "deleted" in changes:
            values["deleted"] = False
        try:
            if present:
                if values:
                    s.execute(update(table).where(table.c.id == parked.record_id).values(**values))
                return True
            if parked.kind != "insert":
                return False
            s.execute(insert(table).values(id=parked.record_id, version=0, **values))
            return True
        except (IntegrityError, StatementError, ValueError, TypeError):
            # Its parent left the device too (a note on a case reassigned away): it cannot be made again.
            return False

    def discard_parked_many(self, op_ids: Iterable[str], progress: Callable[[int, int], None] | None = None) -> int:
        """discard_parked for many operations, one transaction per chunk; returns how many were given up."""

        def discard(s: Session, chunk: list[str]) -> int:
            rows = s.execute(
                select(sync_parked).where(sync_parked.c.op_id.in_(chunk)).order_by(sync_parked.c.device_counter)
            ).all()
            if rows:
                s.execute(delete(sync_parked).where(sync_parked.c.op_id.in_([r.op_id for r in rows])))
            refetch = [(r.table_name, r.record_id) for r in rows if self._give_up_refused(s, r)]
            self._remember_refetch_many(s, refetch)
            return len(rows)

        return self._per_chunk(list(dict.fromkeys(op_ids)), discard, progress)

    def _give_up_refused(self, s: Session, row: Any) -> bool:
        """What discard_parked does after removing the parked row; True when the record must be fetched again."""
        table = self.tables.get(row.table_name)
        if table is None:
            return False
        version = s.execute(select(table.c.version).where(table.c.id == row.record_id)).scalar()
        if version is None:
            return False  # already gone from this device
        if row.kind == "insert" and version == 0:
            waiting = s.execute(
                select(sync_outbox.c.op_id).where(
                    sync_outbox.c.table_name == row.table_name, sync_outbox.c.record_id == row.record_id
                )
            ).first()
            if waiting is None:
                try:
                    s.execute(delete(table).where(table.c.id == row.record_id, table.c.version == 0))
                    return False
                except IntegrityError:
                    pass  # something typed here hangs off it: the refetch removes both, parking that
        return True

    def refetch_failed(self, conflict_ids: Iterable[str], progress: Callable[[int, int], None] | None = None) -> int:
        """Try again rows from the server that could not be stored here ('apply_failed'): each is closed and its
        record fetched again at the next sync, through the same list as a given-up refusal; when it fails
        again, a new one is shown. Returns how many were open."""

        def close(s: Session, chunk: list[str]) -> int:
            rows = s.execute(
                select(sync_conflicts.c.id, sync_conflicts.c.table_name, sync_conflicts.c.record_id).where(
                    sync_conflicts.c.id.in_(chunk),
                    sync_conflicts.c.kind == "apply_failed",
                    sync_conflicts.c.resolved_at.is_(None),
                )
            ).all()
            _close_conflicts(s, [r.id for r in rows], "refetch")
            self._remember_refetch_many(s, [(r.table_name, r.record_id) for r in rows])
            return len(rows)

        return self._per_chunk(list(dict.fromkeys(conflict_ids)), close, progress, applying=False)

    @staticmethod
    def _remember_refetch_many(s: Session, records: Iterable[tuple[str, str]]) -> None:
        """Have the next sync fetch these records from the server (one read and one write of the list)."""
        wanted = _refetch_list(s)
        known = set(wanted)
        added = [k for k in dict.fromkeys(records) if k not in known]
        if added:
            set_state(s, REFETCH_KEY, json.dumps([*wanted, *added]))


def _decoded_rows(session: Session, key: Column[Any], ids: Iterable[str], encoded: str) -> list[dict[str, Any]]:
    """The rows of ``key``'s table with these keys, as dicts with the JSON column ``encoded`` decoded."""
    rows: list[Row[Any]] = []
    for chunk in _chunks(list(ids), SyncEngine.DECISION_CHUNK):
        rows += session.execute(select(key.table).where(key.in_(chunk))).all()
    return [{**row._asdict(), encoded: json.loads(getattr(row, encoded))} for row in rows]


def _close_conflicts(s: Session, conflict_ids: list[str], resolution: str) -> None:
    if conflict_ids:
        s.execute(
            update(sync_conflicts)
            .where(sync_conflicts.c.id.in_(conflict_ids))
            .values(resolved_at=_now(), resolution=resolution)
        )


def _child_links(tables: Mapping[str, Table]) -> dict[str, list[tuple[str, str]]]:
    """For persons and cases: the (table, column) pairs whose rows hang off their records, found by
    the column names case_id and person_id and by declared foreign keys to them.

    Only these links are followed: the server decides who sees a record by its person and case, so
    what hangs off a case or person that left leaves with it, and nothing else does.
    """
    parents = {parent for _column, parent in FILE_LINKS if parent in tables}
    links: dict[str, set[tuple[str, str]]] = {parent: set() for parent in parents}
    for name, t in tables.items():
        for column, parent in FILE_LINKS:
            if column in t.c and parent in links:
                links[parent].add((name, column))
        for fk in t.foreign_keys:
            target_table, _, target_column = fk.target_fullname.rpartition(".")
            parent = target_table.rpartition(".")[2]  # without a schema name
            if parent in links and target_column == "id":
                links[parent].add((name, fk.parent.name))
    return {parent: sorted(children) for parent, children in links.items()}


def _row_refused(exc: BaseException) -> bool:
    """Whether an error applying one pulled row is that row's own fault: a local constraint, or a
    value the column cannot hold (a number for a date, a list for an enum, text for an integer).
    Anything else (a locked or broken database) still ends the sync."""
    if isinstance(exc, IntegrityError):
        return True
    if isinstance(exc, DBAPIError):
        return False
    # A StatementError that is no DBAPIError wraps a bind processor refusing a value.
    return isinstance(exc, (StatementError, TypeError, ValueError, LookupError, ArithmeticError))


def _make_plan(dialect: Any, table: Table, keys: frozenset[str], is_insert: bool) -> Any:
    """One executemany statement for a table and a set of fields, with what turns a row into its parameters.

    The converters do per value what SQLAlchemy's insert and update do (JSON form to Python, then the
    type's bind processor); a column left out gets its default (insert) or on-update value (update) as
    SQLAlchemy would give it. None: this needs SQLAlchemy itself (another driver, a SQL default).
    """
    if dialect.paramstyle != "qmark":
        return None
    quote = dialect.identifier_preparer.quote
    converters: list[tuple[str, Callable[[Any], Any]]] = []
    generated: list[Callable[[], Any]] = []
    generated_names: list[str] = []
    deleted = None
    for column in table.columns:
        name = column.name
        if name in ("id", "version"):
            continue
        if name == "deleted" and name in keys:
            deleted = _converter(dialect, column)
        elif name in keys and name not in NOT_SYNCED_FIELDS:
            converters.append((name, _converter(dialect, column)))
        else:
            default = column.default if is_insert else column.onupdate
            if default is None:
                continue
            make = _default_maker(dialect, column, default)
            if make is None:
                return None  # made by the database, or from SQLAlchemy's execution context
            generated.append(make)
            generated_names.append(name)
    names = [n for n, _ in converters] + (["deleted"] if deleted is not None else []) + ["version", *generated_names]
    if is_insert:
        sql = insert_statement(dialect, table, [*names, "id"])
    else:
        target = dialect.identifier_preparer.format_table(table)
        sql = f"UPDATE {target} SET {', '.join(f'{quote(n)} = ?' for n in names)} WHERE id = ?"  # noqa: S608
    return sql, converters, deleted, generated


def _converter(dialect: Any, column: Column[Any]) -> Callable[[Any], Any]:
    """JSON value -> what the driver gets for this column, as SQLAlchemy's insert would pass it."""
    process = bind_processor(column, dialect)
    if process is None and isinstance(column.type, String):

        def text_value(value: Any) -> Any:
            return value if value is None or type(value) is str else from_json(column, value)

        return text_value
    if process is None:
        return lambda value: from_json(column, value)
    return lambda value: process(from_json(column, value))


def _default_maker(dialect: Any, column: Column[Any], default: Any) -> Callable[[], Any] | None:
    """A column's Python-side default as the driver gets it, as a function of nothing; None when only
    SQLAlchemy can compute it. One that reads the execution context fails on None, and its batch goes
    SQLAlchemy's own way."""
    make = python_default(default)
    process = bind_processor(column, dialect)
    if make is None or process is None:
        return make
    if getattr(default, "is_scalar", False):
        value = process(make())
        return lambda: value
    return lambda: process(make())


def _deleted(s: Session, statement: Delete) -> int:
    """How many rows the delete removed. The session answers a DML statement with a CursorResult, which its
    signature (``Result``) does not say."""
    return cast(CursorResult[Any], s.execute(statement)).rowcount or 0


def _unique_keys(table: Table) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = [(c.name,) for c in table.columns if c.unique and not c.primary_key]
    keys += [tuple(c.name for c in u.columns) for u in table.constraints if isinstance(u, UniqueConstraint)]
    return [k for k in dict.fromkeys(keys) if k]


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class LocalStatus:
    """What the status bar shows from the local database: waiting changes, open conflicts, last sync."""

    pending: int = 0
    conflicts: int = 0
    parked: int = 0
    last_sync: datetime | None = None


def local_status(session: Session) -> LocalStatus:
    pending = session.execute(select(func.count()).select_from(sync_outbox)).scalar_one()
    conflicts = session.execute(
        select(func.count()).select_from(sync_conflicts).where(sync_conflicts.c.resolved_at.is_(None))
    ).scalar_one()
    parked = session.execute(select(func.count()).select_from(sync_parked)).scalar_one()
    raw = get_state(session, LAST_SYNC_KEY)
    return LocalStatus(pending, conflicts, parked, datetime.fromisoformat(raw) if raw else None)


def record_problems(session: Session, table: str, record_ids: Iterable[str]) -> tuple[int, int]:
    """(open conflicts, parked operations) of some records of one table: the banner on a file."""
    ids = [i for i in record_ids if i]
    if not ids:
        return 0, 0
    conflicts = session.execute(
        select(func.count())
        .select_from(sync_conflicts)
        .where(
            sync_conflicts.c.table_name == table,
            sync_conflicts.c.record_id.in_(ids),
            sync_conflicts.c.resolved_at.is_(None),
        )
    ).scalar_one()
    parked = session.execute(
        select(func.count())
        .select_from(sync_parked)
        .where(sync_parked.c.table_name == table, sync_parked.c.record_id.in_(ids))
    ).scalar_one()
    return conflicts, parked


class BackgroundSync:
    """Runs the engine every `interval` seconds and on demand, in a daemon thread; never stops on errors.

    `stop()` interrupts a run at its next safe point (between batches and pages, or while waiting to
    retry): what was committed stays, the rest continues on the next start.
    """

    def __init__(
        self,
        engine: SyncEngine,
        interval: float = 300.0,
        on_result: Callable[[SyncResult], None] | None = None,
        progress: Progress | None = None,
        *,
        on_start: Callable[[], None] | None = None,
        after_sync: Callable[[SyncResult], None] | None = None,
    ) -> None:
        self.engine = engine
        self.interval = interval
        self.on_result = on_result
        self.progress = progress
        self.on_start = on_start
        self.after_sync = after_sync
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_result: SyncResult | None = None

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="vangnet-sync", daemon=True)
        self._thread.start()

    def request(self) -> None:
        """Sync now (the 'Synchroniseren' button)."""
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> bool:
        """Ask the loop to end and wait for it; False when it did not end within `timeout`."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def sleep(self, seconds: float) -> None:
        """A retry wait for the client that ends at once when the loop is stopped."""
        if self._stop.wait(seconds):
            raise SyncCancelled

    def _report(self, phase: str, done: int, total: int | None) -> None:
        if self._stop.is_set() and phase != "done":
            raise SyncCancelled
        if self.progress is not None:
            self.progress(phase, done, total)

    def _run(self) -> None:
        while not self._stop.is_set():
            if self.on_start is not None:
                self.on_start()
            try:
                self.last_result = self.engine.sync(self._report)
            except Exception as exc:  # the loop must survive anything, or the queue stalls silently
                log.error("synchronisatie mislukt: %s", type(exc).__name__)
                self.last_result = SyncResult(status="error", message="Synchroniseren is mislukt.")
            if self.last_result.status == "ok" and self.after_sync is not None and not self._stop.is_set():
                try:
                    self.after_sync(self.last_result)
                except Exception as exc:  # an extra after a good round never turns it into a failure
                    log.warning("nawerk na synchronisatie mislukt: %s", type(exc).__name__)
            if self.on_result is not None:
                self.on_result(self.last_result)
            if self._stop.is_set():
                return
            if self.last_result.status in ("wiped", "upgrade_required", "login_required"):
                self._wake.wait()
            else:
                self._wake.wait(self.interval)
            self._wake.clear()

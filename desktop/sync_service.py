"""Synchronisation in the app: the outbox on the open store, the sync engine's rounds in the background, and
the state the status bar, the login dialog and the Conflicten view show."""

from __future__ import annotations

import contextvars
import datetime as dt
import logging
import os
import platform
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import Enum as SqlEnum
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.background import run_in_background
from desktop.models import entities
from desktop.models.audit import Actor, current_actor, set_actor
from desktop.models.base import Base
from desktop.models.codec import NOT_SYNCED_FIELDS, from_json, to_json
from desktop.models.entities import field_label, table_label
from desktop.models.outbox import ensure_outbox
from desktop.models.registry import User
from desktop.models.session_user import restore_actor, set_current_user
from desktop.models.store import Store
from sync.client import InsecureServer, SyncClient, Tokens
from sync.engine import (
    LocalStatus,
    Progress,
    SyncCancelled,
    SyncEngine,
    SyncResult,
    local_status,
    record_problems,
)

log = logging.getLogger(__name__)

SERVER_URL_ENV = "VANGNET_SERVER_URL"
DEFAULT_INTERVAL_SECONDS = 300.0
STOP_TIMEOUT_SECONDS = 15.0


def configured_server_url(settings: Any) -> str:
    """The server address: ``VANGNET_SERVER_URL`` when set (automation, ``./run``), else the setting."""
    return (os.environ.get(SERVER_URL_ENV) or "").strip() or (settings.server_url or "").strip()


# -- one round, without Qt: the app's background sync and `vangnet sync` both run these -------------


def before_round(store: Store, client: SyncClient) -> None:
    """Retention deletion markers first: the server removes those files for every device."""
    from sync.audit_sync import push_deletion_markers

    push_deletion_markers(store, client)


def round_engine(store: Store, client: SyncClient, session_factory: Callable[[], Session] | None = None) -> SyncEngine:
    """The sync engine of an open profile, with the deletion markers going first in every round."""
    return SyncEngine(
        session_factory or store.Session, client, Base.metadata, before_push=lambda: before_round(store, client)
    )


@dataclass
class AfterRound:
    """What the steps after a good round brought: access log entries acknowledged, templates received."""

    audit: int = 0
    templates: int = 0


def after_round(store: Store, client: SyncClient, profile_dir: Path, report: Progress | None = None) -> AfterRound:
    """After every good round: the access log's new entries (a refused entry is logged, not fatal) and the
    published letter templates."""
    from desktop.documents.templates import TemplateStore
    from sync.audit_sync import AuditRefused, push_audit
    from sync.client import SyncError
    from sync.template_sync import pull_templates

    done = AfterRound()
    if report is not None:
        report("audit", 0, None)
    try:
        done.audit = push_audit(store, client)
    except AuditRefused as exc:
        done.audit = exc.acknowledged
        log.warning("De server weigerde een regel van het toegangslogboek; die blijft bewaard en wordt gemeld")
    if report is not None:
        report("templates", 0, None)
    # The region's addresses for the letters, and this device's own number for the kenmerken it prints.
    from sync.region_sync import ensure_device_number, pull_region

    try:
        pull_region(TemplateStore.for_profile(profile_dir), client)
        ensure_device_number(store.session, client)
    except SyncError as exc:
        log.warning("Regiogegevens ophalen lukte niet: %s", exc.code)
    # Every office prints the texts the functioneel beheerder published.
    try:
        done.templates = pull_templates(TemplateStore.for_profile(profile_dir), client)
    except SyncError as exc:
        log.warning("Sjablonen ophalen lukte niet: %s", exc.code)
        return done
    if done.templates:
        log.info("%d nieuwe sjabloonversie(s) of opmaakdocumenten van de server", done.templates)
    return done


def remember_user(store: Store, username: str, tokens: Tokens) -> bool:
    """Keep who signed in (name, role, gemeenten, device) in the profile; never the password.

    False while the account's gemeenten are not known yet: its own users record arrives with the first
    pull, and then this is called again."""
    if not tokens.user_id or not store.is_open:
        return True
    with store.session() as session:
        return store_signed_in_user(session, username, tokens)


def store_signed_in_user(session: Session, username: str, tokens: Tokens) -> bool:
    """:func:`remember_user` in a transaction the caller holds (the app's writer); the user also becomes the
    actor of this process's new access log entries."""
    if not tokens.user_id:
        return True
    codes = session.scalar(select(User.municipality_codes).where(User.id == tokens.user_id)) or []
    try:
        set_current_user(session, username, tokens.role, codes, tokens.device_id, tokens.user_id)
    except ValueError:  # a role this version does not know: the account id still names the actor
        set_actor(tokens.user_id, tokens.device_id)
    return bool(codes) or tokens.role == "system_administrator"


def announce_actor(store: Store, tokens: Tokens | None) -> None:
    """The access log names who works here: the stored signed-in user, else the token's account."""
    if not store.is_open:
        return
    user = restore_actor(store)
    if user is None and tokens is not None and tokens.user_id:
        set_actor(tokens.user_id, tokens.device_id)


# -- what a record and a field are called on screen ------------------------------------------------

EMPTY = "(leeg)"


def display_value(table: str, name: str, value: Any) -> str:
    """A field value as a person reads it: Dutch enum labels, dates as '5 maart 2025', Ja/Nee."""
    if value is None or value == "":
        return EMPTY
    column = Base.metadata.tables[table].c.get(name) if table in Base.metadata.tables else None
    if column is not None and isinstance(column.type, SqlEnum) and column.type.enum_class is not None:
        try:
            return column.type.enum_class(value).label
        except (ValueError, AttributeError):
            return str(value)
    if isinstance(value, bool):
        return "Ja" if value else "Nee"
    if column is not None:
        try:
            typed = from_json(column, value)
        except (TypeError, ValueError):
            typed = value
        if isinstance(typed, dt.datetime):
            from babel.dates import format_datetime

            return format_datetime(typed, "d MMMM yyyy HH:mm", locale="nl_NL")
        if isinstance(typed, dt.date):
            from babel.dates import format_date

            return format_date(typed, format="long", locale="nl_NL")
        if isinstance(typed, bool):
            return "Ja" if typed else "Nee"
    return str(value)


DESCRIBE_CHUNK = 500


def describe_record(session: Session, table: str, record_id: str) -> str:
    """'Zaak 2026-000001 – Sanne de Vries': what the record is, without its BSN."""
    return describe_records(session, [(table, record_id)])[(table, record_id)]


def describe_records(session: Session, records: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """describe_record for many records at once: one query per table and one for their persons."""
    tables = Base.metadata.tables
    wanted = list(dict.fromkeys(records))
    by_table: dict[str, list[str]] = {}
    for table, record_id in wanted:
        by_table.setdefault(table, []).append(record_id)
    found: dict[tuple[str, str], Any] = {}
    for table, ids in by_table.items():
        if table not in tables:
            continue
        t = tables[table]
        for start in range(0, len(ids), DESCRIBE_CHUNK):
            for row in session.execute(select(t).where(t.c.id.in_(ids[start : start + DESCRIBE_CHUNK]))):
                found[(table, row.id)] = row._mapping
    persons = {rid: values for (table, rid), values in found.items() if table == "persons"}
    person_ids = sorted({v["person_id"] for v in found.values() if v.get("person_id")} - set(persons))
    if person_ids:
        t = tables["persons"]
        for start in range(0, len(person_ids), DESCRIBE_CHUNK):
            for row in session.execute(select(t).where(t.c.id.in_(person_ids[start : start + DESCRIBE_CHUNK]))):
                persons[row.id] = row._mapping
    described = {}
    for table, record_id in wanted:
        label = table_label(table)
        values = found.get((table, record_id))
        if table not in tables:
            described[(table, record_id)] = label
            continue
        if values is None:
            described[(table, record_id)] = f"{label} (niet meer op dit apparaat)"
            continue
        person = values if table == "persons" else persons.get(values.get("person_id") or "")
        name = ""
        if person is not None:
            name = " ".join(p for p in (person["first_names"], person["prefix"], person["last_name"]) if p)
        if table == "cases":
            text = f"Zaak {values['case_number']}" + (f" – {name}" if name else "")
        elif table == "persons":
            text = f"Leerling {name}"
        elif table in ("schools", "municipalities") and values.get("name"):
            text = f"{label} {values['name']}"
        else:
            text = label + (f" van {name}" if name else "")
        described[(table, record_id)] = text
    return described


# -- what waits for the user under Conflicten ---------------------------------------------------------

# The three kinds the Conflicten view lists: a conflict with a choice, a change the server refused, and a row
# from the server that could not be stored here (not a conflict: it is fetched again).
CONFLICT, REFUSED, NOT_APPLIED = "conflict", "refused", "apply_failed"
CATEGORIES = (CONFLICT, REFUSED, NOT_APPLIED)
ProblemKey = tuple[str, str]  # (category, conflict id or parked op_id)


@dataclass
class ProblemCounts:
    """How many items wait, per (category, table); counted in SQL."""

    groups: dict[tuple[str, str], int] = field(default_factory=dict)

    def count(self, category: str | None = None, table: str | None = None) -> int:
        return sum(
            n
            for (k, t), n in self.groups.items()
            if (category is None or k == category) and (table is None or t == table)
        )

    @property
    def conflicts(self) -> int:
        """Open conflict records, those that could not be stored included: the status bar's 'Conflicten'."""
        return self.count(CONFLICT) + self.count(NOT_APPLIED)

    @property
    def refused(self) -> int:
        return self.count(REFUSED)

    @property
    def total(self) -> int:
        return self.count()

    def tables(self) -> list[str]:
        return sorted({t for _k, t in self.groups}, key=lambda t: (table_label(t), t))


@dataclass
class ProblemRow:
    """One line of the Conflicten list, read a page at a time."""

    key: ProblemKey
    table: str
    record_id: str
    kind: str  # the conflict's kind, or the refused operation's (insert, update, delete)
    record: str
    fields: list[str]  # Dutch labels of the fields concerned
    message: str  # the server's reason for a refusal
    since: dt.datetime | None

    @property
    def category(self) -> str:
        return self.key[0]


@dataclass
class ProblemList:
    """What the view shows first: the counts, the ids in the chosen order and the first page of rows."""

    counts: ProblemCounts
    keys: list[ProblemKey]
    rows: dict[ProblemKey, ProblemRow]


@dataclass
class ConflictField:
    name: str
    label: str
    local: str
    server: str


@dataclass
class ConflictItem:
    id: str
    table: str
    record_id: str
    kind: str
    record: str
    fields: list[ConflictField]
    since: dt.datetime | None = None


@dataclass
class ParkedItem:
    op_id: str
    table: str
    record_id: str
    kind: str
    record: str
    reason: str
    changes: list[tuple[str, str]]
    since: dt.datetime | None = None
    operation: str = ""  # insert, update or delete (``kind`` is its Dutch label)


@dataclass
class FailedItem:
    """A row from the server that could not be stored here: what differs between here and the server."""

    id: str
    table: str
    record_id: str
    record: str
    fields: list[ConflictField]
    present: bool  # whether this device has the record at all
    since: dt.datetime | None = None


KIND_LABELS = {"insert": "Nieuw", "update": "Wijziging", "delete": "Verwijdering"}


def _moment(text: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def table_rank() -> dict[str, int]:
    """The synced tables in the order of their Dutch labels (sorting the list by 'Gegeven' in SQL)."""
    return {name: i for i, name in enumerate(sorted(entities.tables(), key=lambda n: (table_label(n), n)))}


def problem_counts(session: Session) -> ProblemCounts:
    return ProblemCounts({(k, t): n for k, t, n in SyncEngine.problem_counts(session)})


def problem_rows(session: Session, keys: Iterable[ProblemKey]) -> dict[ProblemKey, ProblemRow]:
    """The list lines of these items (one page): a few queries, whatever the number of items."""
    keys = list(keys)
    conflict_ids = [i for k, i in keys if k != REFUSED]
    parked_ids = [i for k, i in keys if k == REFUSED]
    rows: dict[ProblemKey, ProblemRow] = {}
    conflicts = SyncEngine.conflicts_by_id(session, conflict_ids) if conflict_ids else []
    parked = SyncEngine.parked_by_id(session, parked_ids) if parked_ids else []
    names = describe_records(session, [(r["table_name"], r["record_id"]) for r in (*conflicts, *parked)])
    for c in conflicts:
        table = c["table_name"]
        category = NOT_APPLIED if c["kind"] == NOT_APPLIED else CONFLICT
        fields = [field_label(table, n) for n in sorted((c["fields"] or {}).get("fields") or {})]
        rows[(category, c["id"])] = ProblemRow(
            (category, c["id"]), table, c["record_id"], c["kind"], names[(table, c["record_id"])], fields, "",
            _moment(c["created_at"]),
        )
    for p in parked:
        table = p["table_name"]
        fields = [field_label(table, n) for n in sorted(p["changes"] or {})]
        rows[(REFUSED, p["op_id"])] = ProblemRow(
            (REFUSED, p["op_id"]), table, p["record_id"], p["kind"], names[(table, p["record_id"])], fields,
            p["message"], _moment(p["parked_at"]),
        )
    return rows


def problem_list(
    session: Session,
    categories: Iterable[str] | None = None,
    table: str | None = None,
    sort: str = "since",
    descending: bool = False,
    first: int = 100,
) -> ProblemList:
    """Counts, the ids of the items that pass the filter in the chosen order, and the first ``first`` rows."""
    counts = problem_counts(session)
    keys = SyncEngine.problem_keys(session, categories, table, sort, descending, table_rank())
    return ProblemList(counts, keys, problem_rows(session, keys[:first]))


def _conflict_item(session: Session, c: dict[str, Any]) -> ConflictItem:
    fields = c["fields"].get("fields", {})
    table = c["table_name"]
    shown = [
        ConflictField(
            name,
            field_label(table, name),
            display_value(table, name, both.get("local")),
            display_value(table, name, both.get("server")),
        )
        for name, both in sorted(fields.items())
    ]
    if c["kind"] == "edit_delete":
        shown.insert(0, ConflictField("deleted", "Gegeven", "Gewijzigd op dit apparaat", "Verwijderd op de server"))
    elif c["kind"] == "delete_edit":
        shown.insert(0, ConflictField("deleted", "Gegeven", "Verwijderd op dit apparaat", "Gewijzigd op de server"))
    return ConflictItem(c["id"], table, c["record_id"], c["kind"], describe_record(session, table, c["record_id"]),
                        shown, _moment(c["created_at"]))


def _failed_item(session: Session, c: dict[str, Any]) -> FailedItem:
    """The fields in which the server's row differs from this device's (all of them when it is not here)."""
    table = c["table_name"]
    server_row = dict(c["fields"].get("server_row") or {})
    t = Base.metadata.tables.get(table)
    here = None
    if t is not None:
        found = session.execute(select(t).where(t.c.id == c["record_id"])).first()
        here = found._mapping if found is not None else None
    shown = []
    for name, theirs in server_row.items():
        if name in NOT_SYNCED_FIELDS or (t is not None and name not in t.c):
            continue
        if here is None:
            if theirs in (None, ""):
                continue
            shown.append(ConflictField(name, field_label(table, name), "(niet op dit apparaat)",
                                       display_value(table, name, theirs)))
            continue
        ours = here[name]
        try:
            same = from_json(t.c[name], theirs) == ours
        except (TypeError, ValueError):
            same = to_json(ours) == theirs
        if not same:
            shown.append(ConflictField(name, field_label(table, name), display_value(table, name, to_json(ours)),
                                       display_value(table, name, theirs)))
    shown.sort(key=lambda f: f.label)
    return FailedItem(c["id"], table, c["record_id"], describe_record(session, table, c["record_id"]), shown,
                      here is not None, _moment(c["created_at"]))


def problem_detail(session: Session, key: ProblemKey) -> ConflictItem | ParkedItem | FailedItem | None:
    """Everything about one item, for the detail pane; None when it was decided meanwhile."""
    category, item_id = key
    if category == REFUSED:
        found = SyncEngine.parked_by_id(session, [item_id])
        if not found:
            return None
        p = found[0]
        table = p["table_name"]
        changes = [
            (field_label(table, name), display_value(table, name, (change or {}).get("new")))
            for name, change in sorted(p["changes"].items())
        ]
        return ParkedItem(p["op_id"], table, p["record_id"], KIND_LABELS.get(p["kind"], p["kind"]),
                          describe_record(session, table, p["record_id"]), p["message"], changes,
                          _moment(p["parked_at"]), p["kind"])
    found = SyncEngine.conflicts_by_id(session, [item_id])
    if not found or found[0]["resolved_at"] is not None:
        return None
    c = found[0]
    return _failed_item(session, c) if c["kind"] == NOT_APPLIED else _conflict_item(session, c)


class _Round:
    """What one sync round needs off the GUI thread, and the flag that stops it at its next safe point."""

    def __init__(self, store: Store, engine: SyncEngine, profile_dir: Path) -> None:
        self.store = store
        self.engine = engine
        self.profile_dir = profile_dir
        self.stopping = threading.Event()
        self.finished = threading.Event()
        self.finished.set()

    def sleep(self, seconds: float) -> None:
        """The client's wait before a retry: ends at once when the sync is stopped."""
        if self.stopping.wait(seconds):
            raise SyncCancelled

    def run(self, progress: Callable[[int, int, str], None]) -> SyncResult:
        """One round and, after a good one, the access log and the templates; never raises."""

        def report(phase: str, done: int, _total: int | None) -> None:
            if self.stopping.is_set() and phase != "done":
                raise SyncCancelled
            progress(int(done), 0, phase)

        try:
            try:
                result = self.engine.sync(report)
            except Exception as exc:  # a round must end with a result, or the next one is never planned
                log.error("synchronisatie mislukt: %s", type(exc).__name__)
                result = SyncResult(status="error", message="Synchroniseren is mislukt.")
            if result.status == "ok" and not self.stopping.is_set():
                try:
                    after_round(self.store, self.engine.client, self.profile_dir)
                except Exception as exc:  # an extra after a good round never turns it into a failure
                    log.warning("nawerk na synchronisatie mislukt: %s", type(exc).__name__)
            return result
        finally:
            self.finished.set()


class SyncService(QObject):
    """Owns the sync engine of the open store. Signals arrive on the GUI thread.

    Each round is one piece of background work (``desktop.background``, on the lane for work that mostly waits,
    because a round backs off while the server is away); the next round is planned on the GUI thread, after
    ``interval`` seconds or at once on :meth:`request`. What a round brought is announced on ``ctx.changed``
    like any write. Who signed in is stored on the single writer, before the round that depends on it.
    """

    started = Signal()
    progressed = Signal(str, int)
    finished = Signal(object)  # SyncResult
    login_required = Signal(str)
    wipe_required = Signal(str)

    def __init__(
        self,
        ctx: Any,
        *,
        interval: float = DEFAULT_INTERVAL_SECONDS,
        client_factory: Callable[[str], SyncClient] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interval = interval
        self._client_factory = client_factory or (lambda url: SyncClient(url))
        self.engine: SyncEngine | None = None
        self.syncing = False
        self.phase = ""
        self.done = 0
        self.last_result: SyncResult | None = None
        self.setup_error = ""
        self._signed_in_as = ""
        self._user_complete = True
        self._round: _Round | None = None
        self._in_round = False
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next_round)

    # -- state ------------------------------------------------------------------------------------

    @property
    def server_url(self) -> str:
        return configured_server_url(self.ctx.settings)

    @property
    def configured(self) -> bool:
        return bool(self.server_url)

    @property
    def running(self) -> bool:
        return self._round is not None

    @property
    def has_tokens(self) -> bool:
        return self.engine is not None and bool(self.engine.client.tokens.refresh_token)

    @property
    def tokens(self) -> Tokens | None:
        return self.engine.client.tokens if self.engine is not None else None

    def status(self) -> LocalStatus:
        return self.ctx.read(local_status)

    # -- start and stop ---------------------------------------------------------------------------

    def start(self) -> bool:
        """Start syncing the open store (at start and after unlocking); False when there is no server."""
        self.stop()
        store = self.ctx.store
        if store is None or not store.is_open:
            return False
        ensure_outbox(store)
        self.setup_error = ""
        url = self.server_url
        if not url:
            return False
        try:
            client = self._client_factory(url)
        except InsecureServer as exc:
            self.setup_error = exc.message
            return False
        current: _Round | None = None

        def session_factory() -> Session:
            # Locking closes the store: a round that is still going must not open the database again.
            if not store.is_open or (current is not None and current.stopping.is_set()):
                raise SyncCancelled
            return store.Session()

        self.engine = round_engine(store, client, session_factory)
        current = _Round(store, self.engine, self.ctx.profile.path)
        client.sleep = current.sleep
        self._round = current
        self._announce_actor()
        self._next_round()
        return True

    def stop(self) -> None:
        """Stop at the next safe point and wait for it (locking, quitting, another server)."""
        current, engine = self._round, self.engine
        self._round = None
        self.engine = None
        self.syncing = False
        self._in_round = self._again = False
        self._timer.stop()
        if current is not None:
            current.stopping.set()
            if not current.finished.wait(STOP_TIMEOUT_SECONDS):
                log.warning("De synchronisatie stopte niet op tijd")
        if engine is not None:
            engine.client.close()

    def request(self) -> bool:
        """Sync now; False when sync is not running (no server, locked)."""
        if self._round is None:
            return False
        if self._in_round:
            self._again = True  # the round under way may have missed what was asked for: one more after it
        else:
            self._next_round()
        return True

    def _next_round(self) -> None:
        current = self._round
        if current is None or self._in_round:
            return
        self._timer.stop()
        self._in_round = True
        current.finished.clear()
        self._on_started()
        run_in_background(
            current.run,
            lambda result: self._round_ended(current, result),
            lambda exc: self._round_failed(current, exc),
            on_progress=lambda done, _total, phase: self._on_progress(current, phase, done),
            waits=True,
        )

    def _round_failed(self, current: _Round, exc: BaseException) -> None:
        # _Round.run never raises; this is a fault in the program, for the crash handler.
        if current is self._round:
            self._in_round = False
            self.syncing = False
        raise exc

    def _round_ended(self, current: _Round, result: SyncResult) -> None:
        if current is not self._round:
            return  # stopped meanwhile: the store may be closed already
        self._in_round = False
        self.syncing = False
        self.last_result = result
        log.info(
            "Synchronisatie %s: %d verstuurd (%d toegepast, %d conflicten, %d geweigerd), %d ontvangen in %d "
            "pagina's",
            result.status, result.pushed, result.applied, result.conflicts, result.rejected, result.pulled,
            result.pages,
        )
        if result.status == "ok" and not self._user_complete and self._signed_in_as:
            # The account's own users record arrives with the first pull: now its gemeenten are known. The
            # round is told once they are stored.
            self._remember_user(self._signed_in_as, then=lambda: self._on_result(current, result))
        else:
            self._on_result(current, result)

    def _on_result(self, current: _Round, result: SyncResult) -> None:
        if current is not self._round:
            return
        if result.status == "ok" and (
            result.pulled or result.purged or result.conflicts or result.rejected or result.repaired
        ):
            self.ctx.announce_everything_changed()
        self.finished.emit(result)
        if result.status == "login_required":
            self.login_required.emit(result.message)
        elif result.status == "wiped":
            self.wipe_required.emit(result.message)
        if current is not self._round:
            return  # a listener stopped the sync
        if self._again:
            self._again = False
            self._next_round()
        elif result.status not in ("wiped", "upgrade_required", "login_required"):
            # Those wait for the user (a login, a new version); the others come back after the interval.
            self._timer.start(int(self.interval * 1000))

    def _announce_actor(self) -> None:
        store = self.ctx.store
        if store is not None:
            announce_actor(store, self.tokens)

    def _remember_user(self, username: str, then: Callable[[], None] | None = None) -> None:
        """Store who signed in on the single writer; ``then`` runs on the GUI thread once that is done (or
        could not be done because the profile was locked meanwhile)."""
        tokens, store = self.tokens, self.ctx.store
        if tokens is None or not tokens.user_id or store is None or not store.is_open:
            if then is not None:
                then()
            return

        def write() -> tuple[bool, Actor]:
            if not store.is_open:
                raise SyncCancelled
            # The actor is set for the process; this worker thread keeps no actor of its own.
            context = contextvars.copy_context()
            with store.session() as session:
                complete = context.run(store_signed_in_user, session, username, tokens)
            return complete, context.run(current_actor)

        def stored(outcome: tuple[bool, Actor]) -> None:
            complete, actor = outcome
            if self.ctx.store is store:
                self._user_complete = complete
                set_actor(actor.user, actor.device)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            if then is not None:
                then()
            if store.is_open and not isinstance(exc, SyncCancelled):
                raise exc
            log.info("Aangemelde gebruiker niet bewaard: het profiel werd vergrendeld")

        run_in_background(write, stored, failed, writes=True)

    # -- what a round reports ---------------------------------------------------------------------

    def _on_started(self) -> None:
        self.syncing = True
        self.phase, self.done = "", 0
        self.started.emit()

    def _on_progress(self, current: _Round, phase: str, done: int) -> None:
        if current is not self._round:
            return
        self.phase, self.done = phase, done
        self.progressed.emit(phase, done)

    # -- login ------------------------------------------------------------------------------------

    def login(self, username: str, password: str) -> Tokens:
        """Sign this device in (runs off the GUI thread); tokens are stored, the password is not."""
        engine = self.engine
        if engine is None:
            raise InsecureServer(self.setup_error or "Er is geen server ingesteld.", "no_server")
        engine.login(username, password, platform.node()[:200])
        self._signed_in_as = username
        return engine.client.tokens

    def logged_in(self) -> None:
        """After a successful login (GUI thread): name the actor in the access log, then sync now."""
        if self._signed_in_as:
            self._remember_user(self._signed_in_as, then=self.request)
        else:
            self.request()

    # -- conflicts and parked operations ----------------------------------------------------------

    def _local_engine(self) -> SyncEngine:
        """The running engine, or one for local work only (no server set now, conflicts from before)."""
        if self.engine is not None:
            return self.engine
        store = self.ctx.store
        if store is None or not store.is_open:
            raise SyncCancelled
        # Resolving and discarding are local writes; this client is never asked to connect.
        return SyncEngine(store.Session, SyncClient("http://127.0.0.1"), Base.metadata)

    def problem_list(
        self,
        categories: Iterable[str] | None = None,
        table: str | None = None,
        sort: str = "since",
        descending: bool = False,
        first: int = 100,
    ) -> ProblemList:
        """Counts, ids and the first rows of what waits under Conflicten (run it off the GUI thread)."""
        return self.ctx.read(lambda session: problem_list(session, categories, table, sort, descending, first))

    def problem_counts(self) -> ProblemCounts:
        return self.ctx.read(problem_counts)

    def problem_rows(self, keys: list[ProblemKey]) -> dict[ProblemKey, ProblemRow]:
        return self.ctx.read(lambda session: problem_rows(session, keys))

    def problem_detail(self, key: ProblemKey) -> ConflictItem | ParkedItem | FailedItem | None:
        return self.ctx.read(lambda session: problem_detail(session, key))

    def resolve(self, conflict_id: str, keep: str) -> None:
        self._local_engine().resolve_conflict(conflict_id, keep)

    def retry(self, op_id: str) -> None:
        self._local_engine().retry_parked(op_id)

    def discard(self, op_id: str) -> None:
        self._local_engine().discard_parked(op_id)

    def resolve_many(
        self, conflict_ids: list[str], keep: str, progress: Callable[[int, int], None] | None = None
    ) -> int:
        """Keep 'local' or 'server' values for many conflicts, a chunk per transaction; how many were open."""
        return self._local_engine().resolve_conflicts(conflict_ids, keep, progress)

    def retry_many(self, op_ids: list[str], progress: Callable[[int, int], None] | None = None) -> int:
        return self._local_engine().retry_parked_many(op_ids, progress)

    def discard_many(self, op_ids: list[str], progress: Callable[[int, int], None] | None = None) -> int:
        return self._local_engine().discard_parked_many(op_ids, progress)

    def refetch_many(self, conflict_ids: list[str], progress: Callable[[int, int], None] | None = None) -> int:
        """Rows that could not be stored here are fetched again at the next sync."""
        return self._local_engine().refetch_failed(conflict_ids, progress)

    def problems_of(self, table: str, record_ids: list[str]) -> tuple[int, int]:
        """(open conflicts, parked operations) of records shown on one file."""
        return self.ctx.read(lambda session: record_problems(session, table, record_ids))

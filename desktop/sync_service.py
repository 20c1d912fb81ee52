"""Synchronisation in the app: the outbox on the open store, the sync engine in a background thread, and
the state the status bar, the login dialog and the Conflicten view show."""

from __future__ import annotations

import datetime as dt
import logging
import os
import platform
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy import Enum as SqlEnum
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.audit import set_actor
from desktop.models.base import Base
from desktop.models.entities import field_label, table_label
from desktop.models.registry import User
from desktop.models.session_user import restore_actor, set_current_user
from desktop.models.store import Store
from sync.client import InsecureServer, SyncClient, Tokens
from sync.codec import from_json
from sync.engine import (
    BackgroundSync,
    LocalStatus,
    Progress,
    SyncCancelled,
    SyncEngine,
    SyncResult,
    local_status,
    record_problems,
)
from sync.outbox import ensure_outbox

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
        codes = session.scalar(select(User.municipality_codes).where(User.id == tokens.user_id)) or []
    try:
        set_current_user(store, username, tokens.role, codes, tokens.device_id, tokens.user_id)
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


def describe_record(session: Session, table: str, record_id: str) -> str:
    """'Zaak 2026-000001 – Sanne de Vries': what the record is, without its BSN."""
    tables = Base.metadata.tables
    label = table_label(table)
    if table not in tables:
        return label
    t = tables[table]
    row = session.execute(select(t).where(t.c.id == record_id)).first()
    if row is None:
        return f"{label} (niet meer op dit apparaat)"
    values = row._mapping
    person = None
    if table == "persons":
        person = values
    elif values.get("person_id"):
        persons = tables["persons"]
        person = session.execute(select(persons).where(persons.c.id == values["person_id"])).first()
        person = person._mapping if person is not None else None
    name = ""
    if person is not None:
        name = " ".join(p for p in (person["first_names"], person["prefix"], person["last_name"]) if p)
    if table == "cases":
        return f"Zaak {values['case_number']}" + (f" – {name}" if name else "")
    if table == "persons":
        return f"Leerling {name}"
    if table in ("schools", "municipalities") and values.get("name"):
        return f"{label} {values['name']}"
    return label + (f" van {name}" if name else "")


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


@dataclass
class ParkedItem:
    op_id: str
    table: str
    record_id: str
    kind: str
    record: str
    reason: str
    changes: list[tuple[str, str]]


KIND_LABELS = {"insert": "Nieuw", "update": "Wijziging", "delete": "Verwijdering"}


class SyncService(QObject):
    """Owns the sync engine of the open store. Signals arrive on the GUI thread."""

    started = Signal()
    progressed = Signal(str, int)
    finished = Signal(object)  # SyncResult
    login_required = Signal(str)
    wipe_required = Signal(str)
    # Emitted from the sync thread; connected queued to the handlers below.
    _thread_started = Signal()
    _thread_progress = Signal(str, int)
    _thread_result = Signal(object)

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
        self.background: BackgroundSync | None = None
        self.syncing = False
        self.phase = ""
        self.done = 0
        self.last_result: SyncResult | None = None
        self.setup_error = ""
        self._signed_in_as = ""
        self._user_complete = True
        self._thread_started.connect(self._on_started)
        self._thread_progress.connect(self._on_progress)
        self._thread_result.connect(self._on_result)

    # -- state ------------------------------------------------------------------------------------

    @property
    def server_url(self) -> str:
        return configured_server_url(self.ctx.settings)

    @property
    def configured(self) -> bool:
        return bool(self.server_url)

    @property
    def running(self) -> bool:
        return self.background is not None

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
        background: BackgroundSync | None = None

        def session_factory() -> Session:
            # Locking closes the store: a run that is still going must not open the database again.
            if not store.is_open or (background is not None and background.stopping):
                raise SyncCancelled
            return store.Session()

        self.engine = round_engine(store, client, session_factory)
        background = BackgroundSync(
            self.engine,
            interval=self.interval,
            on_result=self._thread_result.emit,
            progress=lambda phase, done, _total: self._thread_progress.emit(phase, int(done)),
            on_start=self._thread_started.emit,
            after_sync=lambda _result: after_round(store, client, self.ctx.profile.path),
        )
        client.sleep = background.sleep
        self.background = background
        self._announce_actor()
        background.start()
        return True

    def stop(self) -> None:
        """Stop at the next safe point and wait for it (locking, quitting, another server)."""
        background, engine = self.background, self.engine
        self.background = None
        self.engine = None
        self.syncing = False
        if background is not None and not background.stop(STOP_TIMEOUT_SECONDS):
            log.warning("De synchronisatie stopte niet op tijd")
        if engine is not None:
            engine.client.close()

    def request(self) -> bool:
        """Sync now; False when sync is not running (no server, locked)."""
        if self.background is None:
            return False
        self.background.request()
        return True

    def _announce_actor(self) -> None:
        store = self.ctx.store
        if store is not None:
            announce_actor(store, self.tokens)

    def _remember_user(self, username: str) -> None:
        tokens, store = self.tokens, self.ctx.store
        if tokens is None or not tokens.user_id or store is None or not store.is_open:
            return
        self._user_complete = remember_user(store, username, tokens)

    # -- signals from the sync thread -------------------------------------------------------------

    def _on_started(self) -> None:
        if self.background is None:
            return
        self.syncing = True
        self.phase, self.done = "", 0
        self.started.emit()

    def _on_progress(self, phase: str, done: int) -> None:
        if self.background is None:
            return
        self.phase, self.done = phase, done
        self.progressed.emit(phase, done)

    def _on_result(self, result: SyncResult) -> None:
        if self.background is None:
            return  # stopped meanwhile: the store may be closed already
        self.syncing = False
        self.last_result = result
        log.info(
            "Synchronisatie %s: %d verstuurd (%d toegepast, %d conflicten, %d geweigerd), %d ontvangen in %d "
            "pagina's",
            result.status, result.pushed, result.applied, result.conflicts, result.rejected, result.pulled,
            result.pages,
        )
        if result.status == "ok" and not self._user_complete and self._signed_in_as:
            # The account's own users record arrives with the first pull: now its gemeenten are known.
            self._remember_user(self._signed_in_as)
        if result.status == "ok" and (
            result.pulled or result.purged or result.conflicts or result.rejected or result.repaired
        ):
            self.ctx.changed.emit("sync")
        self.finished.emit(result)
        if result.status == "login_required":
            self.login_required.emit(result.message)
        elif result.status == "wiped":
            self.wipe_required.emit(result.message)

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
        """After a successful login (GUI thread): name the actor in the access log and sync now."""
        if self._signed_in_as:
            self._remember_user(self._signed_in_as)
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

    def conflicts(self) -> list[ConflictItem]:
        engine = self._local_engine()
        items = []
        with engine.session_factory() as session:
            for c in engine.open_conflicts():
                fields = c["fields"].get("fields", {})
                server_row = c["fields"].get("server_row") or {}
                shown = [
                    ConflictField(
                        name,
                        field_label(c["table_name"], name),
                        display_value(c["table_name"], name, both.get("local")),
                        display_value(c["table_name"], name, both.get("server")),
                    )
                    for name, both in sorted(fields.items())
                ]
                if c["kind"] == "edit_delete":
                    shown.insert(0, ConflictField("deleted", "Gegeven", "Gewijzigd op dit apparaat",
                                                  "Verwijderd op de server"))
                elif c["kind"] == "delete_edit":
                    shown.insert(0, ConflictField("deleted", "Gegeven", "Verwijderd op dit apparaat",
                                                  "Gewijzigd op de server"))
                elif c["kind"] == "apply_failed" and not shown:
                    shown.append(ConflictField("", "Gegeven", "Past niet bij de gegevens op dit apparaat",
                                               "Versie " + str(server_row.get("version", "?"))))
                items.append(
                    ConflictItem(c["id"], c["table_name"], c["record_id"], c["kind"],
                                 describe_record(session, c["table_name"], c["record_id"]), shown)
                )
        return items

    def parked(self) -> list[ParkedItem]:
        engine = self._local_engine()
        items = []
        with engine.session_factory() as session:
            for p in engine.parked_operations():
                table = p["table_name"]
                changes = [
                    (field_label(table, name), display_value(table, name, (change or {}).get("new")))
                    for name, change in sorted(p["changes"].items())
                ]
                items.append(
                    ParkedItem(p["op_id"], p["table_name"], p["record_id"], KIND_LABELS.get(p["kind"], p["kind"]),
                               describe_record(session, p["table_name"], p["record_id"]), p["message"], changes)
                )
        return items

    def resolve(self, conflict_id: str, keep: str) -> None:
        self._local_engine().resolve_conflict(conflict_id, keep)

    def retry(self, op_id: str) -> None:
        self._local_engine().retry_parked(op_id)

    def discard(self, op_id: str) -> None:
        self._local_engine().discard_parked(op_id)

    def problems_of(self, table: str, record_ids: list[str]) -> tuple[int, int]:
        """(open conflicts, parked operations) of records shown on one file."""
        return self.ctx.read(lambda session: record_problems(session, table, record_ids))


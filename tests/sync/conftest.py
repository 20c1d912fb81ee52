"""Fixtures of the sync tests: a real server on a loopback port, on SQLite and on PostgreSQL."""

from __future__ import annotations

import random
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy import Date, DateTime, ForeignKey, MetaData, String, Text, create_engine, event, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

from desktop.models.base import SyncedMixin
from desktop.models.outbox import install_outbox
from desktop.models.sync_tables import create_sync_tables
from sync.client import SyncClient
from sync.engine import SyncEngine, SyncResult
from sync.server import auth
from sync.server.app import create_app
from sync.server.cli import create_account

PASSWORD = "correct horse battery staple"
PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SECRET = b"k" * 32


@pytest.fixture(scope="session", autouse=True)
def _cheap_argon2() -> None:
    # Still Argon2id, at a cost that keeps hundreds of logins in the suite fast.
    auth.set_hash_parameters(1, 8 * 1024)


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str | None]:
    name = "vangnet_test_" + uuid.uuid4().hex[:10]
    try:
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError:
        yield None
        return
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def _reset_postgres(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/server.sqlite3"
    url = request.getfixturevalue("pg_database")
    if url is None:
        pytest.skip("PostgreSQL op 127.0.0.1:5432 is niet bereikbaar")
    _reset_postgres(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/server.sqlite3"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveServer:
    database_url: str
    data_dir: Path
    port: int = field(default_factory=free_port)
    users: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.app = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def engine(self):
        return self.app.state.vangnet.engine

    def start(self, **options: object) -> LiveServer:
        self.app = create_app(self.database_url, data_dir=self.data_dir, secret=SECRET, **options)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._thread.join(10)
            self.app.state.vangnet.engine.dispose()
            self._server = None

    def add_user(self, username: str, role: str, codes: list[str], **signing: Any) -> str:
        user_id = create_account(self.engine, username, PASSWORD, role, codes, display_name=username, **signing)
        self.users[username] = user_id
        return user_id

    def client(self, username: str, **options: object) -> SyncClient:
        client = SyncClient(self.url, sleep=lambda _s: None, **options)
        client.login(username, PASSWORD, device_name="test")
        return client


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[LiveServer]:
    live = LiveServer(database_url, tmp_path / "server-data").start()
    # anna is the aangewezen leerplichtambtenaar and a boa (Lpw art. 16, Sv art. 142); bram is neither.
    live.add_user("anna", "consultant", ["GM0505"], leerplichtambtenaar=True, boa_number="B-10001")
    live.add_user("bram", "consultant", ["GM0505"])
    live.add_user("cora", "administrator", ["GM0505"])
    live.add_user("dirk", "team_lead", ["GM0505"])
    live.add_user("eva", "administrator", ["GM0606"])
    live.add_user("fred", "system_administrator", [])
    yield live
    live.stop()


# -- a small local model, standing in for the desktop's (same table names, same SyncedMixin) ---------
class LocalBase(DeclarativeBase):
    metadata = MetaData()


def _education_number() -> str:
    return f"{random.randrange(100_000_000, 999_999_999)}"


def _case_number() -> str:
    return "2026-" + uuid.uuid4().hex[:6]


def _now() -> datetime:
    return datetime.now(UTC)


# Field values valid under the real model (the server checks every push against it).
class Person(SyncedMixin, LocalBase):
    __tablename__ = "persons"
    bsn: Mapped[str | None] = mapped_column(String(9), unique=True)
    education_number: Mapped[str | None] = mapped_column(String(9), default=_education_number)
    first_names: Mapped[str] = mapped_column(String(120), default="Sem")
    last_name: Mapped[str] = mapped_column(String(120), default="Jansen")
    birth_date: Mapped[date | None] = mapped_column(Date, default=date(2012, 3, 4))
    municipality_code: Mapped[str] = mapped_column(String(6), default="GM0505")


class Case(SyncedMixin, LocalBase):
    __tablename__ = "cases"
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"))
    case_number: Mapped[str] = mapped_column(String(15), default=_case_number)
    kind: Mapped[str] = mapped_column(String(20), default="relative")
    opened_on: Mapped[date] = mapped_column(Date, default=date(2026, 9, 1))
    status: Mapped[str] = mapped_column(String(10), default="open")
    phase: Mapped[str] = mapped_column(String(10), default="observe")
    route: Mapped[str | None] = mapped_column(String(20))
    summary: Mapped[str | None] = mapped_column(Text)
    assigned_user_id: Mapped[str | None] = mapped_column(String(36))
    municipality_code: Mapped[str] = mapped_column(String(6), default="GM0505")


class JournalEntry(SyncedMixin, LocalBase):
    __tablename__ = "journal_entries"
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"))
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"))
    kind: Mapped[str] = mapped_column(String(20), default="note")
    text: Mapped[str] = mapped_column(Text, default="")
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


def make_local_engine(path: Path):
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _fk(dbapi_conn, _record) -> None:
        dbapi_conn.execute("PRAGMA foreign_keys = ON")

    LocalBase.metadata.create_all(engine)
    create_sync_tables(engine)
    return engine


class Device:
    """One desktop: its own SQLite database, outbox, client and sync engine."""

    def __init__(self, server: LiveServer, username: str, path: Path, **client_options: object) -> None:
        self.server = server
        self.username = username
        self.user_id = server.users[username]
        self.db = make_local_engine(path)
        self.Session = sessionmaker(self.db, expire_on_commit=False)
        self._uninstall = install_outbox(self.Session)
        self.client = SyncClient(server.url, sleep=lambda _s: None, **client_options)
        self.wiped = 0
        self.engine = SyncEngine(self.Session, self.client, LocalBase.metadata, on_wipe=self._on_wipe)
        self.engine.login(username, PASSWORD, "test")

    def _on_wipe(self) -> None:
        self.wiped += 1

    def sync(self, **kw: object) -> SyncResult:
        return self.engine.sync(**kw)

    def count(self, table: str) -> int:
        with self.db.connect() as conn:
            return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()  # noqa: S608

    def rows(self, model: type) -> dict[str, object]:
        with self.Session() as s:
            return {o.id: o for o in s.scalars(select(model))}

    def outbox(self) -> int:
        return self.count("sync_outbox")

    def close(self) -> None:
        self._uninstall()
        self.client.close()
        self.db.dispose()


@pytest.fixture
def devices(server: LiveServer, tmp_path: Path) -> Iterator[Callable[..., Device]]:
    made: list[Device] = []

    def make(username: str, **options: object) -> Device:
        device = Device(server, username, tmp_path / f"{username}-{len(made)}.sqlite3", **options)
        made.append(device)
        return device

    yield make
    for device in made:
        device.close()


def new_case(device: Device, *, assigned: str | None = None, bsn: str | None = None) -> tuple[str, str]:
    """A person and an open case on the device (not yet synced); returns (person_id, case_id)."""
    with device.Session.begin() as s:
        person = Person(first_names="Sem", last_name="Jansen", bsn=bsn, birth_date=date(2012, 3, 4))
        s.add(person)
        s.flush()
        case = Case(
            person_id=person.id, case_number="2026-" + person.id[:6], assigned_user_id=assigned or device.user_id
        )
        s.add(case)
        s.flush()
        return person.id, case.id

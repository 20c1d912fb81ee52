"""The engine on the real desktop model (all synced tables): a consultant's file reaches the office."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import create_engine, event, select
from sqlalchemy.orm import sessionmaker

from desktop.models.base import Base
from desktop.models.cases import Case, JournalEntry
from desktop.models.enums import CaseKind, CasePhase, JournalKind
from desktop.models.outbox import install_outbox
from desktop.models.registry import Person, User
from desktop.models.sync_tables import create_sync_tables
from sync.client import SyncClient
from sync.engine import SyncEngine, synced_tables
from tests.sync.conftest import PASSWORD


def _profile(path: Path):
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _fk(dbapi_conn, _record) -> None:
        dbapi_conn.execute("PRAGMA foreign_keys = ON")

    Base.metadata.create_all(engine)
    create_sync_tables(engine)
    Session = sessionmaker(engine, expire_on_commit=False)
    uninstall = install_outbox(Session)
    return engine, Session, uninstall


def test_real_model_round_trip(server, tmp_path: Path) -> None:
    devices = {}
    try:
        for name in ("anna", "cora"):
            engine, Session, uninstall = _profile(tmp_path / f"{name}.sqlite3")
            client = SyncClient(server.url, sleep=lambda _s: None)
            sync = SyncEngine(Session, client, Base.metadata)
            sync.login(name, PASSWORD)
            devices[name] = (engine, Session, uninstall, sync)
        assert len(synced_tables(Base.metadata)) >= 18
        _, anna_session, _, anna = devices["anna"]
        assert anna.sync().status == "ok"
        with anna_session() as s:
            assert {u.username for u in s.scalars(select(User))} >= {"anna", "cora"}
        with anna_session.begin() as s:
            person = Person(
                first_names="Sem",
                last_name="Jansen",
                birth_date=dt.date(2012, 3, 4),
                municipality_code="GM0505",
                bsn="123456782",
            )
            s.add(person)
            s.flush()
            case = Case(
                case_number="2026-000001",
                person_id=person.id,
                kind=CaseKind.RELATIVE,
                opened_on=dt.date(2026, 9, 1),
                assigned_user_id=server.users["anna"],
                municipality_code="GM0505",
            )
            s.add(case)
            s.flush()
            s.add(
                JournalEntry(
                    case_id=case.id,
                    person_id=person.id,
                    kind=JournalKind.NOTE,
                    text="Gesprek",
                    occurred_at=dt.datetime(2026, 9, 2, 10, 0, tzinfo=dt.UTC),
                )
            )
        result = anna.sync()
        assert (result.status, result.applied, result.rejected) == ("ok", 3, 0), result.message
        _, cora_session, _, cora = devices["cora"]
        assert cora.sync().status == "ok"
        with cora_session.begin() as s:
            got = s.get(Case, case.id)
            assert (got.kind, got.opened_on, got.person_id) == (CaseKind.RELATIVE, dt.date(2026, 9, 1), person.id)
            got.phase = CasePhase.ANALYSE
        cora.sync()
        anna.sync()
        with anna_session() as s:
            assert s.get(Case, case.id).phase == CasePhase.ANALYSE
            entry = s.scalars(select(JournalEntry)).one()
            assert entry.occurred_at.replace(tzinfo=dt.UTC) == dt.datetime(2026, 9, 2, 10, 0, tzinfo=dt.UTC)
        assert anna.sync(verify=True).repaired == []
        assert cora.open_conflicts() == [] and cora.parked_operations() == []
    finally:
        for engine, _s, uninstall, sync in devices.values():
            uninstall()
            sync.client.close()
            engine.dispose()

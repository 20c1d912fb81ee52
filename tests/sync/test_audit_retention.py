"""Retention deletion markers reach the server: the records go there too, and from every device's copy."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, update

from desktop.models.retention import DeletionMarker
from sync.audit_sync import push_deletion_markers
from sync.server import audit_chain
from sync.server.db import audit_chain as chain_table
from sync.server.db import records
from tests.sync import records as docs
from tests.sync.records import op


def seed(server, birth_date: str = "1990-04-02") -> dict[str, str]:
    """A person with a case of anna (plus a journal entry) and a case of bram, entered by the administrator."""
    ids = {k: str(uuid.uuid4()) for k in ("person", "case", "journal", "case_bram")}
    cora = server.client("cora")
    answer = cora.push([
        op("persons", ids["person"], **docs.person(birth_date=birth_date)),
        op("cases", ids["case"], **docs.case(ids["person"], assigned_user_id=server.users["anna"])),
        op("cases", ids["case_bram"], **docs.case(ids["person"], assigned_user_id=server.users["bram"])),
    ])
    assert [r.status for r in answer.results] == ["applied"] * 3
    anna = server.client("anna")
    answer = anna.push([op("journal_entries", ids["journal"], **docs.journal(ids["person"], ids["case"]))])
    assert answer.results[0].status == "applied"
    return ids


def mark(store, *keys: tuple[str, str], reason: str = "bewaartermijn") -> None:
    with store.session() as session:
        session.add_all(
            DeletionMarker(table_name=t, record_id=i, reason=reason, deleted_at=datetime.now(UTC)) for t, i in keys
        )


def server_ids(server) -> set[str]:
    with server.engine.connect() as conn:
        return {r[0] for r in conn.execute(select(records.c.record_id))}


def pending(store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).where(DeletionMarker.synced_at.is_(None)))


def test_markers_remove_the_whole_file_on_the_server_and_from_other_devices(server, store) -> None:
    ids = seed(server)
    bram, cora = server.client("bram"), server.client("cora")
    cursors = {c: c.pull(0, 5000).next for c in (bram, cora)}
    assert ids["case_bram"] in {r.id for r in bram.pull(0, 5000).rows}

    anna = server.client("anna")
    # What anna's retention run removed locally, children first.
    mark(store, ("journal_entries", ids["journal"]), ("cases", ids["case"]), ("persons", ids["person"]))
    assert push_deletion_markers(store, anna) == 3
    assert pending(store) == 0

    # Gone from the server, including bram's case that anna's laptop never held.
    assert not set(ids.values()) & server_ids(server)
    purged_bram = {p.id for p in bram.pull(cursors[bram], 5000).purges}
    purged_cora = {p.id for p in cora.pull(cursors[cora], 5000).purges}
    assert {ids["person"], ids["case_bram"]} <= purged_bram
    assert set(ids.values()) <= purged_cora
    with server.engine.connect() as conn:
        logged = conn.execute(
            select(chain_table.c.object_type, chain_table.c.object_id).where(
                chain_table.c.action == "retention_delete", chain_table.c.result == "ok"
            )
        ).all()
        assert audit_chain.verify(conn) == []
    assert ("persons", ids["person"]) in logged

    # An interrupted run sends its markers again: acknowledged as already absent, nothing else happens.
    with store.session() as session:
        session.execute(update(DeletionMarker).values(synced_at=None))
    assert push_deletion_markers(store, anna) == 3


def test_a_file_whose_term_has_not_passed_is_not_removed(server, store) -> None:
    ids = seed(server, birth_date="2012-03-04")
    mark(store, ("persons", ids["person"]))
    assert push_deletion_markers(store, server.client("anna")) == 0
    assert pending(store) == 1
    assert ids["person"] in server_ids(server)


@pytest.mark.parametrize(("user", "tables"), [("eva", ("persons", "cases")), ("dirk", ("persons",))])
def test_markers_outside_the_scope_or_role_remove_nothing(server, store, user, tables) -> None:
    ids = seed(server)
    # eva: another gemeente; dirk: a team lead, who may not change persons.
    mark(store, *[(table, ids[table[:-1] if table == "cases" else "person"]) for table in tables])
    assert push_deletion_markers(store, server.client(user)) == 0
    assert pending(store) == len(tables)
    assert set(ids.values()) <= server_ids(server)
    with server.engine.connect() as conn:
        denied = conn.execute(
            select(func.count()).where(chain_table.c.action == "retention_delete", chain_table.c.result == "denied")
        ).scalar_one()
    assert denied == len(tables)


def test_police_markers_only_for_processen_verbaal(server, store) -> None:
    ids = seed(server)
    mark(store, ("cases", ids["case"]), reason="wpg-termijn")
    assert push_deletion_markers(store, server.client("anna")) == 0
    assert ids["case"] in server_ids(server)


def test_a_sync_run_sends_the_markers_before_it_pulls_or_compares(server, store) -> None:
    from sync.engine import SyncEngine

    ids = seed(server)
    anna = server.client("anna")
    calls: list[str] = []
    pull, summary = anna.pull, anna.summary
    anna.pull = lambda *a, **k: (calls.append("pull"), pull(*a, **k))[1]
    anna.summary = lambda *a, **k: (calls.append("summary"), summary(*a, **k))[1]

    def before_push() -> None:
        calls.append("markers")
        push_deletion_markers(store, anna)

    engine = SyncEngine(store.Session, anna, before_push=before_push)
    mark(store, ("journal_entries", ids["journal"]), ("cases", ids["case"]), ("persons", ids["person"]))
    engine.sync(verify=True)
    assert calls[0] == "markers" and "pull" in calls
    assert pending(store) == 0
    assert not {ids["person"], ids["case"], ids["journal"]} & server_ids(server)

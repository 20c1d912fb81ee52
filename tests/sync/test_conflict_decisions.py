"""Deciding many conflicts and refused changes at once, as the Conflicten view does: counts and ids in SQL,
chunks per transaction, refused changes sent again in their order, and rows that could not be stored fetched
again at the next sync."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, func, insert, select, text
from sqlalchemy.orm import sessionmaker

from desktop.models.sync_tables import create_sync_tables, sync_conflicts, sync_outbox, sync_parked
from sync.client import Tokens
from sync.engine import REFETCH_KEY, SyncEngine, get_state
from sync.protocol import FetchResponse, PullResponse, RowState

PERSON = "11111111-1111-4111-8111-111111111111"
CASE = "22222222-2222-4222-8222-000000000001"


class FakeServer:
    """Serves prepared pull pages and fetches; pushing is not part of these tests."""

    def __init__(self, pages: list[PullResponse], fetched: list[RowState] | None = None) -> None:
        self.tokens = Tokens(access_token="x.y.z")
        self.on_tokens = None
        self.pages = pages
        self.fetched = fetched or []
        self.asked_for: list[tuple[str, list[str]]] = []

    def pull(self, since: int, limit: int) -> PullResponse:
        return self.pages.pop(0) if self.pages else PullResponse(rows=[], purges=[], next=since, has_more=False)

    def fetch(self, table: str, ids: list[str]) -> FetchResponse:
        self.asked_for.append((table, ids))
        return FetchResponse(rows=[r for r in self.fetched if r.table == table and r.id in ids])

    def push(self, ops):
        raise AssertionError("nothing to push")


@pytest.fixture
def Session(tmp_path: Path) -> Iterator[sessionmaker]:
    import desktop.models  # noqa: F401 - registers every table on the metadata
    from desktop.models.base import Base

    db = create_engine(f"sqlite:///{tmp_path}/desktop.sqlite3")
    event.listen(db, "connect", lambda conn, _r: conn.execute("PRAGMA foreign_keys = ON"))
    Base.metadata.create_all(db)
    create_sync_tables(db)
    yield sessionmaker(db, expire_on_commit=False)
    db.dispose()


def engine_for(Session: sessionmaker, server: FakeServer) -> SyncEngine:
    from desktop.models.base import Base

    return SyncEngine(Session, server, Base.metadata)  # type: ignore[arg-type]


def person_row(seq: int) -> RowState:
    return RowState(table="persons", id=PERSON, version=1, server_seq=seq, deleted=False,
                    data={"first_names": "Sem", "last_name": "Jansen", "bsn": "111222333", "birth_date": "2012-03-04",
                          "municipality_code": "GM0505"})


def case_row(seq: int, version: int = 1, **odd: object) -> RowState:
    data = {"person_id": PERSON, "case_number": "2026-000001", "kind": "relative", "status": "open",
            "phase": "plan", "opened_on": "2026-09-01", "municipality_code": "GM0505", **odd}
    return RowState(table="cases", id=CASE, version=version, server_seq=seq, deleted=False, data=data)


def open_failures(Session: sessionmaker) -> list[str]:
    with Session() as s:
        return list(s.scalars(
            select(sync_conflicts.c.id).where(sync_conflicts.c.kind == "apply_failed",
                                              sync_conflicts.c.resolved_at.is_(None))
        ))


def test_a_row_that_could_not_be_stored_is_fetched_again_at_the_next_sync(Session) -> None:
    first = PullResponse(rows=[person_row(1), case_row(2, opened_on=20260901)], purges=[], next=2, has_more=False)
    server = FakeServer([first], fetched=[case_row(2, opened_on=20260901)])
    engine = engine_for(Session, server)
    assert engine.sync(verify=False).status == "ok"
    # Tried once more in the same sync (its parent could have come later); the row itself is wrong, so it stays.
    assert server.asked_for == [("cases", [CASE])]
    failed = open_failures(Session)
    assert len(failed) == 1
    with Session() as s:
        assert SyncEngine.problem_counts(s) == [("apply_failed", "cases", 1)]
        assert SyncEngine.problem_keys(s, ["apply_failed"]) == [("apply_failed", failed[0])]
        assert SyncEngine.problem_keys(s, ["conflict"]) == []
    # Keeping values is no answer to it; trying again is.
    assert engine.resolve_conflicts(failed, "server") == 0
    assert engine.refetch_failed(failed) == 1
    assert engine.refetch_failed(failed) == 0
    with Session() as s:
        assert json.loads(get_state(s, REFETCH_KEY)) == [["cases", CASE]]

    # The server's row was corrected meanwhile; the cursor is past it, so only the fetch by id brings it.
    server.fetched = [case_row(2, version=2)]
    server.asked_for.clear()
    assert engine.sync(verify=False).status == "ok"
    assert server.asked_for == [("cases", [CASE])]
    assert open_failures(Session) == []
    with Session() as s:
        assert s.execute(text("SELECT version, opened_on FROM cases")).one() == (2, "2026-09-01")
        assert json.loads(get_state(s, REFETCH_KEY)) == []
        assert SyncEngine.problem_counts(s) == []


def test_refetched_row_that_still_does_not_fit_is_shown_again(Session) -> None:
    first = PullResponse(rows=[person_row(1), case_row(2, opened_on=20260901)], purges=[], next=2, has_more=False)
    server = FakeServer([first], fetched=[case_row(2, opened_on=20260901)])
    engine = engine_for(Session, server)
    engine.sync(verify=False)
    engine.refetch_failed(open_failures(Session))
    engine.sync(verify=False)
    assert len(open_failures(Session)) == 1


def test_refused_changes_go_back_to_the_outbox_in_their_order_in_chunks(Session, monkeypatch) -> None:
    engine = engine_for(Session, FakeServer([]))
    monkeypatch.setattr(SyncEngine, "DECISION_CHUNK", 3)
    with Session.begin() as s:
        # The refused person is still on this device: a retry puts each change's value back on it.
        s.execute(text(
            "INSERT INTO persons (id, version, updated_at, deleted, first_names, last_name, birth_date, "
            "education_number, gender, qualification_exempt) VALUES (:id, 0, '2026-09-01 08:00:00', 0, 'P1', "
            "'Jansen', '2012-03-04', '123456789', 'unknown', 0)"
        ), {"id": PERSON})
        s.execute(insert(sync_parked), [
            {"op_id": f"op-{n}", "device_counter": n, "table_name": "persons", "record_id": PERSON,
             "kind": "insert" if n == 1 else "update", "base_version": 0,
             "changes": json.dumps({"first_names": {"old": None, "new": f"P{n}"}}),
             "reason": "forbidden", "message": "Geweigerd.", "parked_at": f"2026-09-01T08:00:{60 - n:02d}+00:00"}
            for n in range(1, 8)
        ])
    with Session() as s:
        keys = SyncEngine.problem_keys(s, ["refused"])
    assert [i for _k, i in keys] == [f"op-{n}" for n in range(7, 0, -1)]  # in the order they were parked
    progress: list[tuple[int, int]] = []
    # Asked for in the list's order; sent again in the order they were made, the insert first.
    assert engine.retry_parked_many([i for _k, i in keys], lambda done, total: progress.append((done, total))) == 7
    assert progress == [(3, 7), (6, 7), (7, 7)]
    with Session() as s:
        queued = s.execute(select(sync_outbox.c.kind, sync_outbox.c.changes).order_by(sync_outbox.c.device_counter))
        assert [(kind, json.loads(changes)["first_names"]["new"]) for kind, changes in queued] == [
            ("insert", "P1"), *[("update", f"P{n}") for n in range(2, 8)]
        ]
        # The device shows the last of them, the value that will reach the server.
        assert s.scalar(text("SELECT first_names FROM persons")) == "P7"
        assert s.scalar(select(func.count()).select_from(sync_parked)) == 0


def test_a_row_whose_parent_is_missing_is_repaired_in_the_same_sync(Session) -> None:
    # The case arrives without its person (a page cut elsewhere, a purge racing a reassignment): the person
    # and the case are fetched at once, parents first, and nothing is left for the user.
    first = PullResponse(rows=[case_row(2)], purges=[], next=2, has_more=False)
    server = FakeServer([first], fetched=[person_row(1), case_row(2)])
    engine = engine_for(Session, server)
    assert engine.sync(verify=False).status == "ok"
    assert server.asked_for == [("persons", [PERSON]), ("cases", [CASE])]
    assert open_failures(Session) == []
    with Session() as s:
        assert s.execute(text("SELECT count(*) FROM cases")).scalar() == 1
        assert SyncEngine.problem_counts(s) == []
        assert s.execute(text("SELECT resolution FROM sync_conflicts")).scalars().all() == ["repaired"]


def test_a_row_whose_parent_came_on_a_later_page_is_stored_in_the_same_sync(Session) -> None:
    first = PullResponse(rows=[case_row(2)], purges=[], next=2, has_more=True)
    second = PullResponse(rows=[person_row(3)], purges=[], next=3, has_more=False)
    server = FakeServer([first, second], fetched=[case_row(2)])
    engine = engine_for(Session, server)
    assert engine.sync(verify=False).status == "ok"
    assert server.asked_for == [("cases", [CASE])]
    assert open_failures(Session) == []
    with Session() as s:
        assert s.execute(text("SELECT count(*) FROM cases")).scalar() == 1

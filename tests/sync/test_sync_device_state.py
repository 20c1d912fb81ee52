"""What a device holds after the server said no: a file reassigned away, a conflict, a refused change
given up, and a pulled row that does not fit the local schema."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import bindparam, create_engine, event, select, text
from sqlalchemy.orm import sessionmaker

from desktop.models.sync_tables import create_sync_tables
from sync.client import Tokens
from sync.engine import (
    CURSOR_KEY,
    OUT_OF_SCOPE_MESSAGE,
    OUT_OF_SCOPE_REFUSED_MESSAGE,
    REFETCH_KEY,
    SyncEngine,
    SyncResult,
    get_state,
)
from sync.protocol import FetchResponse, PullResponse, RowState
from sync.server.db import records
from tests.sync.conftest import Case, Device, JournalEntry, Person, new_case

SYNCED = ("persons", "cases", "journal_entries")


def _quiet(*_args: object) -> None:
    """A progress callback that reports nothing."""


def server_case(device: Device, case_id: str) -> dict[str, object]:
    """The server's stored document of a case, with its version and tombstone."""
    with device.server.engine.connect() as conn:
        row = conn.execute(
            select(records.c.data, records.c.version, records.c.deleted).where(
                records.c.table_name == "cases", records.c.record_id == case_id
            )
        ).one()
    return {**json.loads(row.data), "version": row.version, "deleted": bool(row.deleted)}


def local_case(device: Device, case_id: str) -> Case:
    return device.rows(Case)[case_id]


def file_rows(device: Device, ids: set[str]) -> list[tuple[str, str]]:
    """Rows of any synced table that are, or point at, one of these record ids."""
    found = []
    with device.db.connect() as conn:
        for table in SYNCED:
            for column in ("id", "person_id", "case_id"):
                if (table == "persons" and column != "id") or (table == "cases" and column == "case_id"):
                    continue
                query = text(f"SELECT id FROM {table} WHERE {column} IN :ids")  # noqa: S608 - names from this file
                query = query.bindparams(bindparam("ids", expanding=True))
                found += [(table, rid) for (rid,) in conn.execute(query, {"ids": sorted(ids)})]
    return found


# -- 1. a file reassigned away leaves the device whole ---------------------------------------------------
def test_reassigned_case_leaves_the_device_with_what_was_typed_after_it(devices) -> None:
    anna, cora = devices("anna"), devices("cora")
    person_id, case_id = new_case(anna)
    with anna.Session.begin() as s:
        s.add(JournalEntry(case_id=case_id, person_id=person_id, text="Intake met moeder"))
    assert anna.sync().status == "ok"
    assert cora.sync().status == "ok"
    with cora.Session.begin() as s:
        s.get(Case, case_id).assigned_user_id = cora.server.users["bram"]
    assert cora.sync().applied == 1
    # Before anna syncs, she types a note on the file she is about to lose.
    typed = "Gebeld met school: Sem was drie dagen ziek."
    with anna.Session.begin() as s:
        note = JournalEntry(case_id=case_id, person_id=person_id, text=typed)
        s.add(note)
    result = anna.sync()
    assert result.status == "ok", result.message
    assert [(t, anna.count(t)) for t in SYNCED] == [(t, 0) for t in SYNCED]
    assert file_rows(anna, {person_id, case_id, note.id}) == []
    parked = anna.engine.parked_operations()
    assert [(p["table_name"], p["record_id"], p["reason"]) for p in parked] == [
        ("journal_entries", note.id, "out_of_scope")
    ]
    assert parked[0]["changes"]["text"]["new"] == typed
    assert parked[0]["message"].startswith("Dit dossier is niet meer in uw caseload")
    assert anna.outbox() == 0
    again = anna.sync(verify=True)
    assert (again.status, again.pushed, again.pulled, again.purged, again.repaired) == ("ok", 0, 0, 0, [])
    assert [p["op_id"] for p in anna.engine.parked_operations()] == [parked[0]["op_id"]]
    # The note never reached the server; bram gets the file as the server has it.
    bram = devices("bram")
    assert bram.sync().status == "ok"
    assert sorted(j.text for j in bram.rows(JournalEntry).values()) == ["Intake met moeder"]


def test_purge_parks_unsent_operations_of_everything_hanging_off_the_file(devices) -> None:
    anna, cora = devices("anna"), devices("cora")
    person_id, case_id = new_case(anna)
    anna.sync()
    cora.sync()
    with cora.Session.begin() as s:
        s.get(Case, case_id).assigned_user_id = cora.server.users["bram"]
    cora.sync()
    typed = "Huisbezoek gepland."
    with anna.Session.begin() as s:
        s.get(Case, case_id).phase = "analyse"
        s.add(JournalEntry(case_id=case_id, person_id=person_id, text=typed))
    # The pull arrives before these were sent (a push that failed, a pull of its own): none is sent.
    result = SyncResult()
    anna.engine._pull(result, _quiet)
    assert result.withheld == 2
    assert [(t, anna.count(t)) for t in SYNCED] == [(t, 0) for t in SYNCED]
    parked = anna.engine.parked_operations()
    assert sorted((p["table_name"], p["reason"]) for p in parked) == [
        ("cases", "out_of_scope"),
        ("journal_entries", "out_of_scope"),
    ]
    assert all(p["message"].startswith("Dit dossier is niet meer in uw caseload") for p in parked)
    by_table = {p["table_name"]: p["changes"] for p in parked}
    assert by_table["journal_entries"]["text"]["new"] == typed
    assert by_table["cases"]["phase"]["new"] == "analyse"
    assert anna.outbox() == 0
    after = anna.sync(verify=True)
    assert (after.status, after.pushed, after.repaired) == ("ok", 0, [])
    assert server_case(anna, case_id)["phase"] == "observe"


def test_reassigned_case_keeps_the_person_while_another_case_holds_it(devices) -> None:
    anna, cora = devices("anna"), devices("cora")
    person_id, case_id = new_case(anna)
    with anna.Session.begin() as s:
        other = Case(person_id=person_id, case_number="2026-000777", assigned_user_id=anna.user_id)
        s.add(other)
    anna.sync()
    cora.sync()
    with cora.Session.begin() as s:
        s.get(Case, case_id).assigned_user_id = cora.server.users["bram"]
    cora.sync()
    with anna.Session.begin() as s:
        s.add(JournalEntry(case_id=case_id, person_id=person_id, text="Over de overgedragen zaak"))
        s.add(JournalEntry(case_id=other.id, person_id=person_id, text="Over de eigen zaak"))
    assert anna.sync().status == "ok"
    assert set(anna.rows(Case)) == {other.id}
    assert set(anna.rows(Person)) == {person_id}
    assert [j.text for j in anna.rows(JournalEntry).values()] == ["Over de eigen zaak"]
    assert [p["changes"]["text"]["new"] for p in anna.engine.parked_operations()] == ["Over de overgedragen zaak"]
    assert anna.outbox() == 0
    assert anna.sync(verify=True).repaired == []


# -- 2. after a conflict and after a refused change, the device shows the server ----------------------------
def _losing_edit(devices) -> tuple[Device, Device, str]:
    """anna wins phase 'plan'; cora's 'act' loses, with her pull already past anna's change."""
    anna, cora = devices("anna"), devices("cora")
    _, case_id = new_case(anna)
    anna.sync()
    cora.sync()
    with cora.Session.begin() as s:
        s.get(Case, case_id).phase = "act"
    with anna.Session.begin() as s:
        s.get(Case, case_id).phase = "plan"
    anna.sync()
    cora.engine._pull(SyncResult(), _quiet)  # e.g. a run whose push failed: the pending field stays
    assert local_case(cora, case_id).phase == "act"
    return anna, cora, case_id


def test_the_losing_device_shows_the_server_value_as_soon_as_the_conflict_is_answered(devices) -> None:
    _anna, cora, case_id = _losing_edit(devices)
    with cora.Session.begin() as s:
        s.get(Case, case_id).route = "care"  # a later edit of another field, still unsent
    result = SyncResult()
    cora.engine._push(result, _quiet)
    assert (result.conflicts, result.applied) == (1, 1)
    case = local_case(cora, case_id)
    assert (case.phase, case.route) == ("plan", "care")
    server = server_case(cora, case_id)
    assert (server["phase"], server["route"]) == ("plan", "care")
    [conflict] = cora.engine.open_conflicts()
    assert conflict["fields"]["fields"] == {"phase": {"local": "act", "server": "plan"}}
    assert cora.sync().status == "ok"
    case = local_case(cora, case_id)
    assert (case.phase, case.route, case.version) == ("plan", "care", server["version"])


def test_fields_with_unsent_local_edits_stay_local_when_the_server_row_is_applied(devices) -> None:
    _anna, cora, case_id = _losing_edit(devices)
    with cora.Session.begin() as s:
        s.get(Case, case_id).route = "halt"
    engine = cora.engine
    real_push = engine.client.push

    def push_first_only(ops):
        return real_push(ops[:1])  # the route edit stays unanswered, as after a cut connection

    engine.client.push = push_first_only
    result = SyncResult()
    engine._push(result, _quiet)
    engine.client.push = real_push
    assert result.conflicts == 1 and cora.outbox() == 1
    case = local_case(cora, case_id)
    assert (case.phase, case.route) == ("plan", "halt")
    assert server_case(cora, case_id).get("route") is None
    assert cora.sync().status == "ok"
    assert server_case(cora, case_id)["route"] == "halt" == local_case(cora, case_id).route


def test_keeping_the_server_value_only_closes_the_conflict(devices) -> None:
    anna, cora, case_id = _losing_edit(devices)
    assert cora.sync().conflicts == 1
    [conflict] = cora.engine.open_conflicts()
    cora.engine.resolve_conflict(conflict["id"], "server")
    assert cora.engine.open_conflicts() == [] and cora.outbox() == 0
    assert cora.sync().pushed == 0
    anna.sync()
    server = server_case(cora, case_id)
    for device in (anna, cora):
        case = local_case(device, case_id)
        assert (case.phase, case.version, case.deleted) == (server["phase"], server["version"], False)
    assert server["phase"] == "plan"


def test_keeping_the_local_value_wins_on_both_devices(devices) -> None:
    anna, cora, case_id = _losing_edit(devices)
    assert cora.sync().conflicts == 1
    [conflict] = cora.engine.open_conflicts()
    cora.engine.resolve_conflict(conflict["id"], "local")
    assert local_case(cora, case_id).phase == "act"
    result = cora.sync()
    assert (result.applied, result.conflicts) == (1, 0)
    anna.sync()
    assert local_case(anna, case_id).phase == local_case(cora, case_id).phase == "act"
    assert server_case(cora, case_id)["phase"] == "act"
    assert (
        local_case(anna, case_id).version == local_case(cora, case_id).version == server_case(anna, case_id)["version"]
    )


def test_a_local_delete_that_lost_to_an_edit_shows_the_record_again_at_once(devices) -> None:
    anna, cora = devices("anna"), devices("cora")
    _, case_id = new_case(anna)
    anna.sync()
    cora.sync()
    with cora.Session.begin() as s:
        s.get(Case, case_id).route = "civil"
    cora.sync()
    with anna.Session.begin() as s:
        s.get(Case, case_id).deleted = True  # typed before cora's edit arrived
    result = SyncResult()
    anna.engine._push(result, _quiet)
    assert result.conflicts == 1
    case = local_case(anna, case_id)
    assert (case.deleted, case.route, case.version) == (False, "civil", server_case(anna, case_id)["version"])
    [conflict] = anna.engine.open_conflicts()
    assert conflict["kind"] == "delete_edit"
    # 'Mijn waarde houden' deletes it again, and that reaches the server.
    anna.engine.resolve_conflict(conflict["id"], "local")
    assert local_case(anna, case_id).deleted is True
    assert anna.sync().applied == 1
    assert server_case(anna, case_id)["deleted"] is True


def test_every_operation_is_answered_or_visibly_withheld(devices) -> None:
    anna, cora = devices("anna"), devices("cora")
    _, case_id = new_case(anna)
    anna.sync()
    cora.sync()
    with cora.Session.begin() as s:
        s.get(Case, case_id).assigned_user_id = cora.server.users["bram"]
    cora.sync()
    with anna.Session.begin() as s:
        s.get(Case, case_id).phase = "analyse"
    with anna.Session.begin() as s:
        s.get(Case, case_id).route = "care"
    # The first edit is refused (the case is no longer hers); the second waits behind it unanswered
    # and is withheld when the purge arrives: sent or not, each operation is accounted for.
    result = anna.sync()
    assert (result.pushed, result.rejected, result.withheld) == (1, 1, 1)
    assert anna.outbox() == 0 and anna.count("cases") == 0
    parked = {p["message"]: (p["reason"], p["changes"]) for p in anna.engine.parked_operations()}
    assert parked == {
        OUT_OF_SCOPE_REFUSED_MESSAGE: ("out_of_scope", {"phase": {"old": "observe", "new": "analyse"}}),
        OUT_OF_SCOPE_MESSAGE: ("out_of_scope", {"route": {"old": None, "new": "care"}}),
    }


def test_a_refused_change_given_up_shows_the_server_value_after_the_next_sync(devices) -> None:
    anna = devices("anna")
    _, case_id = new_case(anna)
    anna.sync()
    # A consultant may not assign her case to a colleague: the server refuses that change.
    with anna.Session.begin() as s:
        s.get(Case, case_id).assigned_user_id = anna.server.users["bram"]
    assert anna.sync().rejected == 1
    assert local_case(anna, case_id).assigned_user_id == anna.server.users["bram"]
    [parked] = anna.engine.parked_operations()
    anna.engine.discard_parked(parked["op_id"])
    with anna.Session() as s:
        assert json.loads(get_state(s, REFETCH_KEY)) == [["cases", case_id]]
    result = anna.sync()
    assert result.status == "ok" and result.pulled == 1
    case = local_case(anna, case_id)
    assert (case.assigned_user_id, case.version) == (anna.user_id, server_case(anna, case_id)["version"])
    with anna.Session() as s:
        assert json.loads(get_state(s, REFETCH_KEY)) == []
    assert anna.sync(verify=True).repaired == []


def test_a_refused_record_the_server_never_had_goes_with_what_hangs_off_it(devices) -> None:
    anna = devices("anna")
    # A consultant may not create a case for a colleague: the case and the note on it are refused.
    person_id, case_id = new_case(anna, assigned=anna.server.users["bram"])
    with anna.Session.begin() as s:
        s.add(JournalEntry(case_id=case_id, person_id=person_id, text="Eerste contact"))
    result = anna.sync()
    assert (result.applied, result.rejected) == (1, 2)
    parked = {p["table_name"]: p for p in anna.engine.parked_operations()}
    anna.engine.discard_parked(parked["cases"]["op_id"])
    assert set(anna.rows(Case)) == {case_id}  # the note still points at it
    assert anna.sync().status == "ok"
    assert anna.rows(Case) == {} and anna.rows(JournalEntry) == {}
    assert set(anna.rows(Person)) == {person_id}
    assert [p["table_name"] for p in anna.engine.parked_operations()] == ["journal_entries"]
    assert anna.sync(verify=True).repaired == []


def test_a_refused_insert_nothing_hangs_off_is_removed_at_once(devices) -> None:
    anna = devices("anna")
    new_case(anna, assigned=anna.server.users["bram"])
    assert anna.sync().rejected == 1
    [parked] = anna.engine.parked_operations()
    anna.engine.discard_parked(parked["op_id"])
    assert anna.rows(Case) == {}
    with anna.Session() as s:
        assert get_state(s, REFETCH_KEY) is None


# -- 3. a pulled row that does not fit never stops the pull ---------------------------------------------
PERSON = "11111111-1111-4111-8111-111111111111"


def _person_row(seq: int) -> RowState:
    return RowState(
        table="persons",
        id=PERSON,
        version=1,
        server_seq=seq,
        deleted=False,
        data={
            "first_names": "Sem",
            "last_name": "Jansen",
            "bsn": "111222333",
            "birth_date": "2012-03-04",
            "municipality_code": "GM0505",
        },
    )


def _case_row(number: int, seq: int, **odd: object) -> RowState:
    data = {
        "person_id": PERSON,
        "case_number": f"2026-00000{number}",
        "kind": "relative",
        "status": "open",
        "phase": "plan",
        "route": "care",
        "opened_on": "2026-09-01",
        "municipality_code": "GM0505",
        **odd,
    }
    return RowState(
        table="cases",
        id=f"22222222-2222-4222-8222-00000000000{number}",
        version=1,
        server_seq=seq,
        deleted=False,
        data=data,
    )


def _intervention_row(number: int, seq: int, times_late: object) -> RowState:
    return RowState(
        table="interventions",
        id=f"33333333-3333-4333-8333-00000000000{number}",
        version=1,
        server_seq=seq,
        deleted=False,
        data={"person_id": PERSON, "kind": "warning", "date": "2026-10-01", "times_late": times_late},
    )


class PageClient:
    """Serves prepared pull pages; anything else is a test failure."""

    def __init__(self, pages: list[PullResponse]) -> None:
        self.tokens = Tokens(access_token="x.y.z")
        self.on_tokens = None
        self.pages = pages
        self.asked: list[int] = []
        self.fetched: list[tuple[str, list[str]]] = []

    def pull(self, since: int, limit: int) -> PullResponse:
        self.asked.append(since)
        return self.pages[len(self.asked) - 1]

    def fetch(self, table: str, ids: list[str]) -> FetchResponse:
        """The rows as the server still holds them: what the pages served."""
        self.fetched.append((table, sorted(ids)))
        return FetchResponse(rows=[r for p in self.pages for r in p.rows if r.table == table and r.id in ids])

    def push(self, ops):
        raise AssertionError("nothing to push")


@pytest.fixture
def real_model_session(tmp_path: Path) -> Iterator[sessionmaker]:
    """A local database with the desktop's own model and constraints."""
    import desktop.models  # noqa: F401 - registers every table on the metadata
    from desktop.models.base import Base

    db = create_engine(f"sqlite:///{tmp_path}/desktop.sqlite3")
    event.listen(db, "connect", lambda conn, _r: conn.execute("PRAGMA foreign_keys = ON"))
    Base.metadata.create_all(db)
    create_sync_tables(db)
    yield sessionmaker(db, expire_on_commit=False)
    db.dispose()


def _engine(Session: sessionmaker, client: object) -> SyncEngine:
    from desktop.models.base import Base

    return SyncEngine(Session, client, Base.metadata)  # type: ignore[arg-type]


def _failed(Session: sessionmaker) -> dict[str, str]:
    with Session() as s:
        rows = s.execute(text("SELECT record_id, table_name FROM sync_conflicts WHERE kind = 'apply_failed'")).all()
    return {r[0]: r[1] for r in rows}


def test_rows_whose_values_do_not_fit_are_set_aside_and_the_page_still_applies(real_model_session) -> None:
    Session = real_model_session
    bad = [
        _case_row(2, 3, opened_on=20260901),  # a date sent as a number
        _case_row(3, 4, route=["care"]),  # a list where text is expected
        _case_row(4, 5, phase={"fase": "plan"}),  # an object where text is expected
        _intervention_row(2, 7, "vaak"),  # a string where an integer is expected
    ]
    good = [_person_row(1), _case_row(1, 2), _case_row(5, 6), _intervention_row(1, 8, 3)]
    page = PullResponse(rows=sorted(good + bad, key=lambda r: r.server_seq), purges=[], next=8, has_more=True)
    later = PullResponse(rows=[_case_row(6, 9)], purges=[], next=9, has_more=False)
    client = PageClient([page, later])
    result = _engine(Session, client).sync(verify=False)
    assert result.status == "ok", result.message
    assert client.asked == [0, 8]
    with Session() as s:
        assert get_state(s, CURSOR_KEY) == "9"
        cases = dict(s.execute(text("SELECT case_number, phase FROM cases")).all())
        late = s.execute(text("SELECT times_late FROM interventions")).scalars().all()
    assert cases == {"2026-000001": "plan", "2026-000005": "plan", "2026-000006": "plan"}
    assert late == [3]
    assert _failed(Session) == {r.id: r.table for r in bad}
    assert result.pulled == len(good) + 1
    # Each was tried once more at the end of the pull, in case its parent came later; they still do not fit.
    assert sorted(client.fetched) == sorted([("cases", sorted(r.id for r in bad[:3])), ("interventions", [bad[3].id])])


class BrokenOffClient(PageClient):
    """Serves its pages, then the connection is gone."""

    def pull(self, since: int, limit: int) -> PullResponse:
        if len(self.asked) >= len(self.pages):
            from sync.client import ServerUnavailable

            raise ServerUnavailable("geen verbinding met de server")
        return super().pull(since, limit)


def test_a_row_whose_parent_came_after_an_interrupted_pull_is_repaired_when_it_resumes(real_model_session) -> None:
    """An edited person gets a later sequence number than her intervention: a new device pulling by sequence
    meets the intervention first. The pull breaks off before the person's page; when it resumes, the person
    comes and the intervention set aside in the first run is fetched again and stored."""
    Session = real_model_session
    child = PullResponse(rows=[_intervention_row(1, 1, 2)], purges=[], next=1, has_more=True)
    parent = PullResponse(rows=[_person_row(2)], purges=[], next=2, has_more=False)
    first = _engine(Session, BrokenOffClient([child])).sync(verify=False)
    assert first.status != "ok"
    assert list(_failed(Session).values()) == ["interventions"]
    resumed = PageClient([parent, child])  # pulled: only the page after the cursor; fetched: from either
    result = _engine(Session, resumed).sync(verify=False)
    assert result.status == "ok", result.message
    assert resumed.asked == [1]
    assert resumed.fetched == [("interventions", [child.rows[0].id])]
    with Session() as s:
        late = s.execute(text("SELECT times_late FROM interventions")).scalars().all()
        open_failures = s.execute(
            text("SELECT count(*) FROM sync_conflicts WHERE kind = 'apply_failed' AND resolved_at IS NULL")
        ).scalar_one()
    assert late == [2] and open_failures == 0


def test_an_update_that_does_not_fit_leaves_the_local_row_as_it_was(real_model_session) -> None:
    Session = real_model_session
    engine = _engine(Session, PageClient([]))
    with Session() as s, s.begin():
        assert engine._apply_rows(s, [_person_row(1), _case_row(1, 2)]) == 2
    newer = _case_row(1, 3, opened_on=[2026, 9, 1], phase="act")
    newer.version = 2
    fine = _case_row(2, 4)
    with Session() as s, s.begin():
        assert engine._apply_rows(s, [newer, fine]) == 1
    with Session() as s:
        rows = dict(s.execute(text("SELECT case_number, phase FROM cases")).all())
        version = s.execute(text("SELECT version FROM cases WHERE id = :i"), {"i": newer.id}).scalar_one()
    assert rows == {"2026-000001": "plan", "2026-000002": "plan"} and version == 1
    assert _failed(Session) == {newer.id: "cases"}


def test_a_date_as_a_number_in_the_test_model_is_set_aside_too(devices) -> None:
    anna = devices("anna")
    rows = [
        RowState(
            table="persons",
            id="p-good",
            version=1,
            server_seq=1,
            deleted=False,
            data={"first_names": "Kim", "birth_date": "2011-01-02"},
        ),
        RowState(
            table="persons",
            id="p-bad",
            version=1,
            server_seq=2,
            deleted=False,
            data={"first_names": "Noa", "birth_date": 20110102},
        ),
    ]
    with anna.Session() as s, s.begin():
        assert anna.engine._apply_rows(s, rows) == 1
    assert set(anna.rows(Person)) == {"p-good"}
    assert [c["record_id"] for c in anna.engine.open_conflicts()] == ["p-bad"]


def test_a_purged_person_takes_its_whole_file_with_it_on_the_real_model(real_model_session) -> None:
    import datetime as dt

    from desktop.models import JournalEntry as DesktopJournalEntry
    from desktop.models.enums import JournalKind
    from desktop.models.outbox import install_outbox
    from sync.protocol import Purge

    Session = real_model_session
    file_rows = [_person_row(1), _case_row(1, 2), _intervention_row(1, 3, 0)]
    note = RowState(
        table="journal_entries",
        id="44444444-4444-4444-8444-000000000001",
        version=1,
        server_seq=4,
        deleted=False,
        data={
            "person_id": PERSON,
            "case_id": file_rows[1].id,
            "kind": "note",
            "text": "Gesprek",
            "occurred_at": "2026-10-01T10:00:00+00:00",
        },
    )
    first = PullResponse(rows=[*file_rows, note], purges=[], next=4, has_more=False)
    # Only the person is named: the device finds the case, and what hangs off both, itself.
    purge = PullResponse(rows=[], purges=[Purge(table="persons", id=PERSON, server_seq=5)], next=5, has_more=False)
    client = PageClient([first, purge])
    engine = _engine(Session, client)
    assert engine.sync(verify=False).pulled == 4
    uninstall = install_outbox(Session)
    try:
        with Session.begin() as s:
            s.add(
                DesktopJournalEntry(
                    case_id=file_rows[1].id,
                    person_id=PERSON,
                    kind=JournalKind.NOTE,
                    text="Nog niet verstuurd",
                    occurred_at=dt.datetime(2026, 10, 2, 9, 30, tzinfo=dt.UTC),
                )
            )
    finally:
        uninstall()
    result = SyncResult()
    engine._pull(result, _quiet)  # the purge arrives before the note was sent
    assert (result.purged, result.withheld) == (5, 1)
    with Session() as s:
        for table in ("persons", "cases", "interventions", "journal_entries", "sync_outbox"):
            assert s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0, table  # noqa: S608
    [parked] = engine.parked_operations()
    assert (parked["table_name"], parked["reason"]) == ("journal_entries", "out_of_scope")
    assert parked["changes"]["text"]["new"] == "Nog niet verstuurd"

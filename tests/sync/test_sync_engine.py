"""End to end over loopback: outbox, push, pull, merge, conflicts, parking, purge, repair, wipe."""

from __future__ import annotations

from sqlalchemy import select, text

from sync.engine import CURSOR_KEY, SyncResult, get_state
from tests.sync.conftest import Case, JournalEntry, Person, new_case


def test_outbox_is_written_in_the_edit_transaction(devices) -> None:
    anna = devices("anna")
    with anna.Session() as s:
        s.add(Person(first_names="Kim"))
        s.flush()
        s.rollback()
    assert anna.count("persons") == 0
    assert anna.outbox() == 0
    new_case(anna)
    assert anna.count("persons") == 1
    assert anna.outbox() == 2
    with anna.db.connect() as conn:
        kinds = [r[0] for r in conn.execute(text("SELECT kind FROM sync_outbox ORDER BY device_counter"))]
        counters = [r[0] for r in conn.execute(text("SELECT device_counter FROM sync_outbox ORDER BY seq"))]
    assert kinds == ["insert", "insert"]
    assert counters == sorted(counters) and len(set(counters)) == 2


def test_round_trip_between_consultant_and_administrator(devices) -> None:
    anna, cora = devices("anna"), devices("cora")
    person_id, case_id = new_case(anna)
    with anna.Session.begin() as s:
        s.add(JournalEntry(case_id=case_id, person_id=person_id, text="Gesprek met ouders"))
    result = anna.sync()
    assert result.status == "ok", result.message
    assert result.applied == 3 and anna.outbox() == 0
    assert anna.rows(Case)[case_id].version == 1
    assert cora.sync().status == "ok"
    assert set(cora.rows(Case)) == {case_id}
    assert [j.text for j in cora.rows(JournalEntry).values()] == ["Gesprek met ouders"]
    # No-op sync changes nothing and needs no verification round.
    again = anna.sync()
    assert (again.pushed, again.pulled, again.purged) == (0, 0, 0)


def test_different_fields_merge_and_same_field_conflicts_once(devices) -> None:
    anna, cora = devices("anna"), devices("cora")
    _, case_id = new_case(anna)
    anna.sync()
    cora.sync()
    with anna.Session.begin() as s:
        s.get(Case, case_id).phase = "analyse"
    with cora.Session.begin() as s:
        s.get(Case, case_id).summary = "zorgtraject"
    anna.sync()
    assert cora.sync().conflicts == 0
    anna.sync()
    for dev in (anna, cora):
        case = dev.rows(Case)[case_id]
        assert (case.phase, case.summary) == ("analyse", "zorgtraject")
    # Same field, different values: exactly one conflict record, with both values.
    with anna.Session.begin() as s:
        s.get(Case, case_id).phase = "plan"
    with cora.Session.begin() as s:
        s.get(Case, case_id).phase = "act"
    anna.sync()
    result = cora.sync()
    assert result.conflicts == 1
    conflicts = cora.engine.open_conflicts()
    assert len(conflicts) == 1
    assert conflicts[0]["fields"]["fields"] == {"phase": {"local": "act", "server": "plan"}}
    assert cora.rows(Case)[case_id].phase == "plan"
    # The person resolves it: keep the local value, which then wins everywhere.
    cora.engine.resolve_conflict(conflicts[0]["id"], "local")
    assert cora.sync().conflicts == 0
    anna.sync()
    assert anna.rows(Case)[case_id].phase == "act" == cora.rows(Case)[case_id].phase
    assert cora.engine.open_conflicts() == []


def test_same_value_on_both_sides_is_no_conflict(devices) -> None:
    anna, cora = devices("anna"), devices("cora")
    _, case_id = new_case(anna)
    anna.sync()
    cora.sync()
    for dev in (anna, cora):
        with dev.Session.begin() as s:
            s.get(Case, case_id).status = "closed"
    assert anna.sync().conflicts == 0
    assert cora.sync().conflicts == 0


def test_delete_versus_edit_is_a_conflict_in_both_orders(devices) -> None:
    anna, cora = devices("anna"), devices("cora")
    _, case_id = new_case(anna)
    anna.sync()
    cora.sync()
    # edit first, then the delete arrives
    with cora.Session.begin() as s:
        s.get(Case, case_id).summary = "x"
    with anna.Session.begin() as s:
        s.get(Case, case_id).deleted = True
    cora.sync()
    result = anna.sync()
    assert result.conflicts == 1
    assert anna.engine.open_conflicts()[0]["kind"] == "delete_edit"
    assert anna.rows(Case)[case_id].deleted is False  # the server kept the record; nothing lost
    # delete first, then the edit arrives
    with anna.Session.begin() as s:
        s.get(Case, case_id).deleted = True
    cora.sync()
    with cora.Session.begin() as s:
        s.get(Case, case_id).summary = "y"
    anna.sync()
    result = cora.sync()
    assert result.conflicts == 1
    assert cora.engine.open_conflicts()[0]["kind"] == "edit_delete"
    assert cora.rows(Case)[case_id].deleted is True


def test_pull_never_overwrites_pending_local_edits(devices) -> None:
    anna, cora = devices("anna"), devices("cora")
    _, case_id = new_case(anna)
    anna.sync()
    cora.sync()
    with cora.Session.begin() as s:
        s.get(Case, case_id).summary = "server-side"
    cora.sync()
    with anna.Session.begin() as s:
        s.get(Case, case_id).phase = "plan"
    # Pull only (as if the push had failed): the local edit stays visible, the other field arrives.
    anna.engine._pull(SyncResult(), lambda *a: None)
    case = anna.rows(Case)[case_id]
    assert (case.phase, case.summary) == ("plan", "server-side")
    assert anna.outbox() == 1


def test_rejected_operation_is_parked_and_the_rest_goes_on(devices) -> None:
    anna = devices("anna")
    person_id, case_id = new_case(anna)
    anna.sync()
    # A consultant may not assign a case to a colleague: the server rejects that one operation.
    with anna.Session.begin() as s:
        s.get(Case, case_id).assigned_user_id = anna.server.users["bram"]
        s.add(JournalEntry(case_id=case_id, person_id=person_id, text="notitie"))
    with anna.Session.begin() as s:
        s.get(Case, case_id).phase = "plan"  # a later edit of the same record waits behind the parked one
    result = anna.sync()
    assert result.rejected == 1 and result.applied == 1
    parked = anna.engine.parked_operations()
    assert [p["reason"] for p in parked] == ["reassign_forbidden"]
    assert "toewijzen" in parked[0]["message"]
    assert anna.outbox() == 1  # the waiting edit
    anna.engine.discard_parked(parked[0]["op_id"])
    result = anna.sync()
    assert result.applied == 1 and anna.outbox() == 0


def test_version_mismatch_stops_sync_and_keeps_the_outbox(devices) -> None:
    anna = devices("anna")
    new_case(anna)
    anna.client.protocol_version = 99
    result = anna.sync()
    assert result.status == "upgrade_required"
    assert "bijgewerkt" in result.message or "Werk de app bij" in result.message
    assert anna.outbox() == 2
    anna.client.protocol_version = 1
    assert anna.sync().applied == 2


def test_reassignment_purges_the_case_from_the_old_device(devices) -> None:
    anna, bram, cora = devices("anna"), devices("bram"), devices("cora")
    person_id, case_id = new_case(anna)
    with anna.Session.begin() as s:
        s.add(JournalEntry(case_id=case_id, person_id=person_id, text="notitie"))
    anna.sync()
    bram.sync()
    assert bram.count("cases") == 0 and bram.count("persons") == 0
    cora.sync()
    with cora.Session.begin() as s:
        s.get(Case, case_id).assigned_user_id = bram.user_id
    assert cora.sync().applied == 1
    result = anna.sync()
    assert result.purged == 3
    assert (anna.count("cases"), anna.count("persons"), anna.count("journal_entries")) == (0, 0, 0)
    bram.sync()
    assert set(bram.rows(Case)) == {case_id} and bram.count("journal_entries") == 1
    assert anna.sync(verify=True).repaired == []


def test_interrupted_initial_sync_resumes_from_the_saved_cursor(devices) -> None:
    anna = devices("anna")
    with anna.Session.begin() as s:
        for _ in range(30):
            p = Person(first_names="X")
            s.add(p)
            s.flush()
            s.add(Case(person_id=p.id, assigned_user_id=anna.user_id))
    anna.sync()
    cora = devices("cora")
    cora.engine.page_size = 25
    real_pull = cora.client.pull
    calls = []

    def failing_pull(since: int, limit: int = 10):
        calls.append(since)
        if len(calls) == 4:
            from sync.client import ServerUnavailable

            raise ServerUnavailable("weg", "connection")
        return real_pull(since, limit)

    cora.client.pull = failing_pull
    assert cora.sync().status == "offline"
    with cora.Session() as s:
        cursor = int(get_state(s, CURSOR_KEY))
    assert cursor == calls[3] > 0
    # Three pages of 25 were committed: the reference rows first (the region's ten gemeenten, the 45
    # school holidays of the shipped calendar and six users, no local table here), then persons and cases.
    assert cora.count("persons") + cora.count("cases") == 75 - 61
    result = cora.sync()
    assert result.status == "ok"
    assert calls[4] == cursor  # resumed exactly where it stopped: no page transferred twice
    assert cora.count("persons") == 30 and cora.count("cases") == 30


def test_integrity_check_repairs_only_the_damaged_table(devices) -> None:
    anna = devices("anna")
    new_case(anna)
    new_case(anna)
    anna.sync()
    with anna.db.begin() as conn:
        victim = conn.execute(text("SELECT id FROM cases LIMIT 1")).scalar_one()
        conn.execute(text("UPDATE cases SET version = 7 WHERE id = :i"), {"i": victim})
        conn.execute(
            text(
                "INSERT INTO persons (id, version, updated_at, deleted, first_names, last_name, "
                "municipality_code) VALUES ('ghost', 3, '2026-01-01', 0, 'x', 'y', 'GM0505')"
            )
        )
    result = anna.sync(verify=True)
    assert sorted(result.repaired) == ["cases", "persons"]
    assert anna.rows(Case)[victim].version == 1
    assert "ghost" not in anna.rows(Person)
    assert anna.sync(verify=True).repaired == []


def test_revoked_device_is_wiped_on_next_contact(devices) -> None:
    from sync.server.devices import revoke_device

    anna = devices("anna")
    new_case(anna)
    anna.sync()
    assert revoke_device(anna.server.engine, anna.client.tokens.device_id)
    result = anna.sync()
    assert result.status == "wiped"
    assert anna.wiped == 1
    for table in ("persons", "cases", "journal_entries", "sync_outbox", "sync_state"):
        assert anna.count(table) == 0
    with anna.Session() as s:
        assert s.execute(select(Case)).first() is None


def test_background_sync_runs_on_demand_and_survives_errors(devices) -> None:
    import threading

    from sync.engine import BackgroundSync

    anna = devices("anna")
    new_case(anna)
    results = []
    done = threading.Event()
    phases = []

    def on_result(result) -> None:
        results.append(result)
        if len(results) >= 2:
            done.set()

    runner = BackgroundSync(
        anna.engine, interval=3600, on_result=on_result, progress=lambda phase, _d, _t: phases.append(phase)
    )
    original = anna.engine.sync
    calls = []

    def flaky(progress=None, verify=None):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("onverwacht")
        return original(progress, verify)

    anna.engine.sync = flaky
    runner.start()
    runner.request()
    assert done.wait(30)
    runner.stop()
    assert results[0].status == "error" and "mislukt" in results[0].message
    assert results[1].status == "ok" and results[1].applied == 2
    assert "push" in phases and "done" in phases

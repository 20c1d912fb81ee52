"""The access log: one entry per action, append-only, and a hash chain that names an edited or removed entry."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktop.models import audit
from desktop.models.audit import AuditAction, AuditEntry, acting_as, record, search, verify_chain


def fill(store, count: int = 6) -> None:
    with acting_as("gebruiker-1", "apparaat-1"), store.session() as session:
        for number in range(count):
            record(session, AuditAction.VIEW_PERSON, "person", f"persoon-{number}")


def drop_guards(store) -> None:
    # Someone holding the key can drop the triggers; the chain must still tell.
    with store.session() as session:
        session.execute(text("DROP TRIGGER audit_log_no_update"))
        session.execute(text("DROP TRIGGER audit_log_no_delete"))


def test_each_action_writes_exactly_one_entry_with_who_what_when(store):
    with acting_as("user-42", "device-7"), store.session() as session:
        entry = record(session, AuditAction.REVEAL_BSN, "person", "p-1")
    with store.session() as session:
        rows = session.query(AuditEntry).all()
        assert len(rows) == 1
        stored = rows[0]
        assert (stored.actor, stored.device, stored.action, stored.object_type, stored.object_id, stored.result) == (
            "user-42", "device-7", "reveal_bsn", "person", "p-1", "ok",
        )
        assert stored.occurred_at is not None
        assert stored.entry_hash == entry.entry_hash == stored.compute_hash()
        assert verify_chain(session) == []


def test_log_is_append_only(store):
    fill(store)
    with pytest.raises(DBAPIError, match="toegangslogboek"), store.session() as session:
        session.execute(text("UPDATE audit_log SET actor = 'iemand anders' WHERE seq = 2"))
    with pytest.raises(DBAPIError, match="toegangslogboek"), store.session() as session:
        session.execute(text("DELETE FROM audit_log WHERE seq = 2"))
    with store.session() as session:
        session.execute(text("UPDATE audit_log SET synced_at = '2026-01-01 00:00:00' WHERE seq = 2"))
        assert verify_chain(session) == []


def test_edited_entry_is_named(store):
    fill(store)
    drop_guards(store)
    with store.session() as session:
        session.execute(text("UPDATE audit_log SET object_id = 'persoon-x' WHERE seq = 3"))
        problems = verify_chain(session)
    assert [p.seq for p in problems] == [3]
    assert "gewijzigd" in str(problems[0])


def test_removed_entry_is_named(store):
    fill(store)
    drop_guards(store)
    with store.session() as session:
        session.execute(text("DELETE FROM audit_log WHERE seq = 4"))
        problems = verify_chain(session)
    assert len(problems) == 1
    assert "regel 4 ontbreekt" in str(problems[0])


def test_removed_last_entries_are_named(store):
    fill(store)
    drop_guards(store)
    with store.session() as session:
        session.execute(text("DELETE FROM audit_log WHERE seq >= 5"))
        problems = verify_chain(session)
    assert len(problems) == 1
    assert "vanaf 5" in str(problems[0])


def test_rehashed_forgery_is_still_caught(store):
    fill(store)
    drop_guards(store)
    with store.session() as session:
        entry = session.get(AuditEntry, 2)
        session.execute(text("UPDATE audit_log SET actor = 'vervalst' WHERE seq = 2"))
        session.expire_all()
        entry = session.get(AuditEntry, 2)
        # Recomputing this entry's own hash breaks the link from the next entry.
        session.execute(text("UPDATE audit_log SET entry_hash = :h WHERE seq = 2"), {"h": entry.compute_hash()})
        problems = verify_chain(session)
    assert [p.seq for p in problems] == [3]


def test_search_per_record_and_per_user(store):
    with store.session() as session:
        with acting_as("anna", "d1"):
            record(session, AuditAction.VIEW_PERSON, "person", "p-1")
            record(session, AuditAction.VIEW_PERSON, "person", "p-2")
        with acting_as("bram", "d2"):
            record(session, AuditAction.CHANGE, "case", "c-1")
            record(session, AuditAction.VIEW_PERSON, "person", "p-1")
    with store.session() as session:
        assert [e.actor for e in search(session, object_id="p-1")] == ["bram", "anna"]
        assert [e.object_id for e in search(session, actor="anna")] == ["p-2", "p-1"]
        assert len(search(session, action=audit.AuditAction.CHANGE)) == 1


def test_the_signed_in_actor_also_names_entries_written_on_worker_threads():
    import threading

    from desktop.models import audit as audit_module

    audit_module.set_actor("gebruiker-7", "laptop-7")
    seen: list[object] = []
    worker = threading.Thread(target=lambda: seen.append(audit_module.current_actor()))
    worker.start()
    worker.join()
    assert seen == [audit_module.Actor("gebruiker-7", "laptop-7")]
    with audit_module.acting_as("beheer", "server"):
        assert audit_module.current_actor().user == "beheer"
    assert audit_module.current_actor().user == "gebruiker-7"

"""Access log entries travel to the server, which keeps its own hash chain over them and its own rows."""

from __future__ import annotations

import io
import json
from argparse import Namespace

import pytest
import requests
from sqlalchemy import delete, select, text, update

from desktop.models.audit import AuditAction, AuditEntry, acting_as, record
from sync.audit_sync import AuditRefused, pending_audit, push_audit
from sync.client import SyncError
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION
from sync.server import audit_chain
from sync.server.audit_cli import run as run_audit_cli
from sync.server.db import audit_chain as chain_table
from sync.server.db import audit_log


def _log(store, user: str, device: str, count: int, object_id: str = "p-1") -> None:
    with acting_as(user, device), store.session() as session:
        for _ in range(count):
            record(session, AuditAction.VIEW_PERSON, "person", object_id)


def _device_rows(server) -> list:
    with server.engine.connect() as conn:
        return conn.execute(
            select(chain_table).where(chain_table.c.source == "device").order_by(chain_table.c.seq)
        ).all()


def _verify(server) -> list[str]:
    with server.engine.connect() as conn:
        return [str(p) for p in audit_chain.verify(conn)]


def test_entries_reach_the_server_chain_in_batches_and_only_once(server, store) -> None:
    client = server.client("anna")
    _log(store, "anna", client.tokens.device_id, 7)
    assert pending_audit(store) == 7

    assert push_audit(store, client, batch_size=3) == 7
    assert pending_audit(store) == 0
    assert push_audit(store, client) == 0

    rows = _device_rows(server)
    assert [r.client_seq for r in rows] == list(range(1, 8))
    assert {r.account_id for r in rows} == {server.users["anna"]}
    assert {r.via_device for r in rows} == {client.tokens.device_id}
    with store.session() as session:
        local = {e.entry_id: e.entry_hash for e in session.scalars(select(AuditEntry))}
    # The server keeps the device's own hashes, so the two chains can be compared entry by entry.
    assert {r.entry_id: r.client_hash for r in rows} == local
    assert _verify(server) == []


def test_pushing_again_after_a_lost_answer_stores_nothing_twice(server, store) -> None:
    client = server.client("anna")
    _log(store, "anna", client.tokens.device_id, 4)
    assert push_audit(store, client) == 4
    # As if the answer never arrived: the device still thinks nothing was acknowledged.
    with store.session() as session:
        session.execute(update(AuditEntry).values(synced_at=None))
    assert push_audit(store, client) == 4
    assert len(_device_rows(server)) == 4
    assert _verify(server) == []


def test_entries_from_before_the_first_login_are_accepted(server, store) -> None:
    _log(store, "onbekend", "onbekend", 2)
    client = server.client("anna")
    _log(store, "anna", client.tokens.device_id, 1)
    assert push_audit(store, client) == 3
    assert _verify(server) == []


def test_a_device_may_not_push_another_users_entries(server, store) -> None:
    client = server.client("anna")
    _log(store, "anna", client.tokens.device_id, 2)
    _log(store, "bram", client.tokens.device_id, 1)
    _log(store, "anna", "ander-apparaat", 1)

    with pytest.raises(AuditRefused) as refused:
        push_audit(store, client)
    assert refused.value.acknowledged == 2 and refused.value.entry_seq == 3
    assert refused.value.reason == "not_own"
    assert pending_audit(store) == 2
    assert len(_device_rows(server)) == 2
    with server.engine.connect() as conn:
        denied = conn.execute(
            select(chain_table.c.action, chain_table.c.object_type).where(chain_table.c.result == "denied")
        ).all()
    # The refusal is itself in the server's chain, without the entry's content.
    assert ("audit_push", "audit") in denied
    assert _verify(server) == []


def _raw_push(server, client, entries: list[dict]) -> dict:
    return client._request("POST", "/api/v1/audit/push", body={"entries": entries})


def test_an_entry_whose_hash_does_not_match_its_content_is_refused(server, store) -> None:
    client = server.client("anna")
    _log(store, "anna", client.tokens.device_id, 1)
    with store.session() as session:
        wire = session.scalars(select(AuditEntry)).one().wire()
    forged = {**wire, "action": "export"}
    answer = _raw_push(server, client, [forged])
    assert answer["results"] == [{"entry_id": wire["entry_id"], "status": "refused", "reason": "hash"}]
    assert _device_rows(server) == []
    # Same id, other content, after the real one arrived: refused as well.
    assert _raw_push(server, client, [wire])["results"][0]["status"] == "stored"
    changed = {**wire, "result": "fout"}
    assert _raw_push(server, client, [changed])["results"][0]["status"] == "refused"


def test_push_needs_a_session_and_a_small_body(server, store) -> None:
    headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: str(SCHEMA_VERSION),
               "Content-Type": "application/json"}
    answer = requests.post(server.url + "/api/v1/audit/push", data=b'{"entries": []}', headers=headers, timeout=10)
    assert answer.status_code == 401
    client = server.client("anna")
    big = json.dumps({"entries": [], "pad": "x" * (audit_chain.MAX_AUDIT_BYTES + 10)}).encode()
    answer = requests.post(
        server.url + "/api/v1/audit/push",
        data=big,
        headers={**headers, "Authorization": "Bearer " + client.tokens.access_token},
        timeout=10,
    )
    assert answer.status_code == 413
    with pytest.raises(SyncError):
        _raw_push(server, client, [{"entry_id": "x"}])


def test_denied_requests_of_the_server_are_sealed_into_the_chain(server, store) -> None:
    client = server.client("anna")
    with pytest.raises(SyncError):
        server.client("anna").login("anna", "fout wachtwoord")
    # A consultant may not write reference data: a denied push.
    client._request("POST", "/api/v1/sync/push", body={"ops": [{
        "op_id": "00000000-0000-4000-8000-000000000001", "device_counter": 1, "table": "schools",
        "record_id": "00000000-0000-4000-8000-0000000000a1", "kind": "insert", "base_version": 0,
        "changes": {"name": {"old": None, "new": "X"}},
    }]})
    with server.engine.connect() as conn:
        server_rows = conn.execute(
            select(chain_table.c.action, chain_table.c.result).where(chain_table.c.source == "server")
        ).all()
        log_ids = {f"server:{r[0]}" for r in conn.execute(select(audit_log.c.id))}
        chained = {r[0] for r in conn.execute(select(chain_table.c.entry_id))}
        unsealed = len(log_ids - chained)
    assert ("login", "denied") in server_rows and ("push_insert", "denied") in server_rows
    assert unsealed == 0
    assert _verify(server) == []


def _cli(server, action: str = "verify", **options) -> tuple[int, str]:
    out = io.StringIO()
    args = Namespace(action=action, object=options.get("object"), user=options.get("user"), limit=50)
    return run_audit_cli(server.engine, args, out), out.getvalue()


def _seq_of(server, client_seq: int) -> int:
    with server.engine.connect() as conn:
        return conn.execute(select(chain_table.c.seq).where(chain_table.c.client_seq == client_seq)).scalar_one()


def test_server_verify_names_an_edited_entry(server, store) -> None:
    client = server.client("anna")
    _log(store, "anna", client.tokens.device_id, 3)
    push_audit(store, client)
    assert _cli(server) [0] == 0
    target = _seq_of(server, 2)
    with server.engine.begin() as conn:
        conn.execute(update(chain_table).where(chain_table.c.seq == target).values(object_id="p-2"))
    code, out = _cli(server)
    assert code == 1
    assert f"regel {target}: de inhoud is gewijzigd" in out


def test_server_verify_names_a_removed_entry_and_a_removed_last_entry(server, store) -> None:
    client = server.client("anna")
    _log(store, "anna", client.tokens.device_id, 4)
    push_audit(store, client)
    middle, last = _seq_of(server, 2), _seq_of(server, 4)
    with server.engine.begin() as conn:
        conn.execute(delete(chain_table).where(chain_table.c.seq.in_([middle, last])))
    problems = _verify(server)
    assert f"regel {middle + 1}: regel {middle} ontbreekt (verwijderd)" in problems
    assert any(f"vanaf {last}" in p for p in problems)


def test_server_verify_notices_a_changed_server_row_and_a_gap_in_a_devices_chain(server, store) -> None:
    client = server.client("anna")
    _log(store, "anna", client.tokens.device_id, 3)
    with store.session() as session:
        wires = [e.wire() for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))]
    # Entry 2 never reaches the server (removed on the device before it synced).
    assert [r["status"] for r in _raw_push(server, client, [wires[0], wires[2]])["results"]] == ["stored"] * 2
    with server.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET result = 'ok' WHERE action = 'login'"))
        conn.execute(update(audit_log).where(audit_log.c.action == "login").values(result="denied"))
    problems = _verify(server)
    assert any("regel 3 van apparaat" in p and "sluit niet aan op regel 1" in p for p in problems)
    assert any("serverregel" in p and "gewijzigd na het verzegelen" in p for p in problems)


def test_server_search_per_object_and_per_user(server, store) -> None:
    client = server.client("anna")
    _log(store, "anna", client.tokens.device_id, 2, object_id="p-1")
    _log(store, "anna", client.tokens.device_id, 1, object_id="p-9")
    push_audit(store, client)
    code, out = _cli(server, "zoek", object="p-9")
    assert code == 0 and out.count("p-9") == 1 and "p-1" not in out
    code, out = _cli(server, "zoek", user=server.users["anna"])
    assert out.count("view_person") == 3

"""The server over loopback, on SQLite and PostgreSQL: protocol, idempotency, tokens, authorization."""

from __future__ import annotations

import base64
import json
import threading
import time
import uuid

import pytest
import requests
from sqlalchemy import func, select

from sync.client import AuthenticationRequired, SyncClient
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION, Change
from sync.server import auth
from sync.server.db import audit_log, records
from sync.server.devices import revoke_device
from tests.sync import records as docs
from tests.sync.conftest import PASSWORD, SECRET
from tests.sync.records import op

HEADERS = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: str(SCHEMA_VERSION)}


def seed_case(client: SyncClient, user_id: str, municipality: str = "GM0505") -> dict[str, str]:
    ids = {k: str(uuid.uuid4()) for k in ("person", "case", "journal", "exemption")}
    answer = client.push(
        [
            op("persons", ids["person"], **docs.person(municipality, bsn="123456782", education_number=None)),
            op("cases", ids["case"], **docs.case(ids["person"], municipality, assigned_user_id=user_id)),
            op("journal_entries", ids["journal"], **docs.journal(ids["person"], ids["case"])),
            op("exemptions", ids["exemption"], **docs.exemption(ids["person"], "5a")),
        ]
    )
    assert [r.status for r in answer.results] == ["applied"] * 4
    return ids


def visible(client: SyncClient) -> set[str]:
    return {r.id for r in client.pull(0, 5000).rows}


def raw(server, method: str, path: str, token: str | None = None, **kw: object) -> requests.Response:
    headers = dict(HEADERS)
    if token:
        headers["Authorization"] = "Bearer " + token
    headers.update(kw.pop("headers", {}))  # type: ignore[arg-type]
    return requests.request(method, server.url + path, headers=headers, timeout=30, **kw)


def test_health_and_openapi_only_in_development(server) -> None:
    assert requests.get(server.url + "/api/v1/health", timeout=5).json()["status"] == "ok"
    assert requests.get(server.url + "/api/openapi.json", timeout=5).status_code == 404


def test_every_sync_endpoint_requires_a_token(server) -> None:
    for method, path in [
        ("GET", "/api/v1/sync/pull?since=0"),
        ("POST", "/api/v1/sync/push"),
        ("GET", "/api/v1/sync/summary"),
        ("GET", "/api/v1/sync/manifest?table=cases"),
        ("POST", "/api/v1/sync/fetch"),
    ]:
        answer = raw(server, method, path, json={})
        assert answer.status_code == 401, path
        assert answer.json()["error"] == "unauthorized"


# -- authorization matrix ------------------------------------------------------------------------------
READ = {
    # user: which of person, case, journal, exemption, municipality they see
    "anna": {"person", "case", "journal", "exemption", "municipality"},
    "bram": {"municipality"},
    "cora": {"person", "case", "journal", "exemption", "municipality"},
    "dirk": {"person", "case", "journal", "exemption", "municipality"},
    "eva": {"municipality"},
    "fred": {"municipality"},
}
WRITE = {
    # result of an update of one field of each record
    "anna": {
        "person": "applied",
        "case": "applied",
        "journal": "append_only",
        "exemption": "applied",
        "municipality": "forbidden",
    },
    "bram": {
        "person": "not_found",
        "case": "not_found",
        "journal": "not_found",
        "exemption": "not_found",
        "municipality": "forbidden",
    },
    "cora": {
        "person": "applied",
        "case": "applied",
        "journal": "append_only",
        # The motivation of an art. 5 onder a exemption is health data, which an administrator does not see.
        "exemption": "health_forbidden",
        "municipality": "forbidden",
    },
    "dirk": {
        "person": "forbidden",
        # The team lead assigns and closes cases; the case summary is the consultant's.
        "case": "field_forbidden",
        "journal": "append_only",
        "exemption": "forbidden",
        "municipality": "forbidden",
    },
    "eva": {
        "person": "not_found",
        "case": "not_found",
        "journal": "not_found",
        "exemption": "not_found",
        "municipality": "forbidden",
    },
    "fred": {
        "person": "forbidden",
        "case": "forbidden",
        "journal": "forbidden",
        "exemption": "forbidden",
        "municipality": "applied",
    },
}
TABLES = {
    "person": "persons",
    "case": "cases",
    "journal": "journal_entries",
    "exemption": "exemptions",
    "municipality": "municipalities",
}
FIELDS = {
    "person": "first_names",
    "case": "summary",
    "journal": "text",
    "exemption": "motivation",
    "municipality": "name",
}


def test_authorization_matrix_roles_gemeenten_endpoints_records(server) -> None:
    anna = server.client("anna")
    ids = seed_case(anna, server.users["anna"])
    fred = server.client("fred")
    ids["municipality"] = str(uuid.uuid4())
    gemeente = op("municipalities", ids["municipality"], cbs_code="GM0999", name="Proefgemeente")
    assert fred.push([gemeente]).results[0].status == "applied"
    clients = {name: server.client(name) for name in READ}
    for name, client in clients.items():
        seen = visible(client)
        assert {k for k in TABLES if ids[k] in seen} == READ[name], name
        for key, table in TABLES.items():
            fetched = {r.id for r in client.fetch(table, [ids[key]]).rows}
            assert (ids[key] in fetched) == (key in READ[name]), (name, key)
            assert (ids[key] in client.manifest(table).versions) == (key in READ[name]), (name, key)
    with server.engine.connect() as conn:
        before = dict(conn.execute(select(records.c.record_id, records.c.version)).all())
        denied_before = conn.execute(select(func.count()).where(audit_log.c.result == "denied")).scalar_one()
    expected_denials = 0
    for name, client in clients.items():
        for key, table in TABLES.items():
            with server.engine.connect() as conn:
                base = conn.execute(select(records.c.version).where(records.c.record_id == ids[key])).scalar_one()
            change = {FIELDS[key]: f"door {name}"}
            answer = client.push([op(table, ids[key], "update", base=base, **change)]).results[0]
            expected = WRITE[name][key]
            assert (answer.status if answer.status == "applied" else answer.reason) == expected, (name, key)
            if expected in ("forbidden", "not_found", "field_forbidden", "health_forbidden"):
                expected_denials += 1
    with server.engine.connect() as conn:
        after = dict(conn.execute(select(records.c.record_id, records.c.version)).all())
        denied_after = conn.execute(select(func.count()).where(audit_log.c.result == "denied")).scalar_one()
        objects = [r[0] for r in conn.execute(select(audit_log.c.object).where(audit_log.c.result == "denied"))]
    # Denied requests changed nothing, and every one of them is in the audit log (without field values).
    for key in TABLES:
        applied = sum(1 for name in WRITE if WRITE[name][key] == "applied")
        assert after[ids[key]] == before[ids[key]] + applied, key
    assert denied_after - denied_before == expected_denials
    assert all(o is None or o.count(":") == 1 for o in objects)


def test_consultant_cannot_create_records_for_someone_elses_case(server) -> None:
    anna = server.client("anna")
    ids = seed_case(anna, server.users["anna"])
    bram = server.client("bram")
    answer = bram.push(
        [
            op("journal_entries", str(uuid.uuid4()), **docs.journal(ids["person"], ids["case"])),
            op("cases", str(uuid.uuid4()), **docs.case(ids["person"], assigned_user_id=server.users["bram"])),
        ]
    ).results
    # A file is reached only through what the writer already sees, never by knowing its id.
    assert [(r.status, r.reason) for r in answer] == [("rejected", "parent_not_found")] * 2
    eva = server.client("eva")
    answer = eva.push([op("persons", str(uuid.uuid4()), **docs.person("GM0505"))]).results[0]
    assert (answer.status, answer.reason) == ("rejected", "gemeente_forbidden")


# -- idempotency ------------------------------------------------------------------------------------------
def test_same_batch_twice_has_one_effect(server) -> None:
    anna = server.client("anna")
    pid = str(uuid.uuid4())
    batch = [
        op("persons", pid, **docs.person(first_names="A")),
        op("persons", pid, "update", base=1, first_names="B"),
    ]
    first = anna.push(batch).results
    second = anna.push(batch).results
    assert [r.status for r in first] == ["applied", "applied"]
    assert [(r.status, r.original_status) for r in second] == [("duplicate", "applied")] * 2
    assert [r.version for r in second] == [r.version for r in first]
    row = anna.fetch("persons", [pid]).rows[0]
    assert (row.version, row.data["first_names"]) == (2, "B")


def test_same_batch_concurrently_has_one_effect(server) -> None:
    anna = server.client("anna")
    pids = [str(uuid.uuid4()) for _ in range(20)]
    batch = [op("persons", p, **docs.person(first_names="A")) for p in pids]
    answers: list[list[str]] = []

    def send() -> None:
        client = SyncClient(server.url, anna.tokens, sleep=lambda _s: None)
        answers.append([r.status for r in client.push(batch).results])

    threads = [threading.Thread(target=send) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(answers) == 3
    for i in range(len(pids)):
        assert sorted(a[i] for a in answers) == ["applied", "duplicate", "duplicate"]
    assert {r.version for r in anna.fetch("persons", pids).rows} == {1}


def test_reused_op_id_with_another_body_is_refused(server) -> None:
    anna = server.client("anna")
    first = op("persons", str(uuid.uuid4()), **docs.person(first_names="A"))
    anna.push([first])
    forged = first.model_copy(update={"changes": {"first_names": Change(new="B")}})
    answer = anna.push([forged]).results[0]
    assert (answer.status, answer.reason) == ("rejected", "idempotency_mismatch")
    assert anna.fetch("persons", [first.record_id]).rows[0].data["first_names"] == "A"


def test_one_invalid_operation_in_500_is_rejected_alone(server) -> None:
    cora = server.client("cora")
    batch = [op("persons", str(uuid.uuid4()), **docs.person(first_names=f"P{i}")) for i in range(500)]
    batch[250] = op("persons", str(uuid.uuid4()), **docs.person(bad_field=1))
    results = cora.push(batch).results
    assert [r.status for r in results].count("applied") == 499
    assert (results[250].status, results[250].reason) == ("rejected", "invalid_field")
    assert len(cora.manifest("persons").versions) == 499
    # Sequence numbers follow the order of the batch.
    seqs = [r.server_seq for r in results if r.status == "applied"]
    assert seqs == sorted(seqs)


def test_batch_limits(server) -> None:
    cora = server.client("cora")
    too_many = {"ops": [op("persons", str(uuid.uuid4())).model_dump(mode="json") for _ in range(501)]}
    answer = raw(server, "POST", "/api/v1/sync/push", cora.tokens.access_token, json=too_many)
    assert answer.status_code == 422
    assert "Bad" not in answer.text and answer.json()["error"] == "invalid_request"


# -- tokens -----------------------------------------------------------------------------------------------
def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_forged_expired_and_foreign_tokens_are_refused(server) -> None:
    anna = server.client("anna")
    claims = auth.verify_access_token(SECRET, anna.tokens.access_token)
    payload = {
        "sub": claims.user_id,
        "dev": claims.device_id,
        "gen": 0,
        "aud": auth.AUDIENCE,
        "iat": int(time.time()),
        "exp": int(time.time()) + 600,
    }
    header, body, signature = anna.tokens.access_token.split(".")
    forged = {
        "alg_none": _b64({"alg": "none", "typ": "JWT"}) + "." + _b64(payload) + ".",
        "alg_hs512": _b64({"alg": "HS512"}) + "." + body + "." + signature,
        "tampered": header + "." + _b64({**payload, "sub": server.users["cora"]}) + "." + signature,
        "wrong_key": auth.sign_access_token(b"x" * 32, claims.user_id, claims.device_id, 0),
        "garbage": "abc.def",
    }
    for name, token in forged.items():
        answer = raw(server, "GET", "/api/v1/sync/pull?since=0", token)
        assert (answer.status_code, answer.json()["error"]) == (401, "token_invalid"), name
    expired = auth.sign_access_token(SECRET, claims.user_id, claims.device_id, 0, now=time.time() - 3600)
    answer = raw(server, "GET", "/api/v1/sync/pull?since=0", expired)
    assert (answer.status_code, answer.json()["error"]) == (401, "token_expired")
    # A token for another audience, signed with the right key.
    other = auth.sign_access_token(SECRET, claims.user_id, claims.device_id, 0)
    h, p, _ = other.split(".")
    p2 = _b64({**json.loads(base64.urlsafe_b64decode(p + "==")), "aud": "elders"})
    import hashlib
    import hmac as hmac_mod

    sig = base64.urlsafe_b64encode(hmac_mod.new(SECRET, f"{h}.{p2}".encode(), hashlib.sha256).digest())
    answer = raw(server, "GET", "/api/v1/sync/pull?since=0", f"{h}.{p2}.{sig.rstrip(b'=').decode()}")
    assert answer.status_code == 401


def test_expired_access_token_mid_sync_is_refreshed(server) -> None:
    anna = server.client("anna")
    claims = auth.verify_access_token(SECRET, anna.tokens.access_token)
    old_refresh = anna.tokens.refresh_token
    anna.tokens.access_token = auth.sign_access_token(
        SECRET, claims.user_id, claims.device_id, claims.generation, now=time.time() - 3600
    )
    assert anna.pull(0).rows
    assert anna.tokens.refresh_token != old_refresh


def test_refresh_rotation_and_reuse_revokes_the_device_tokens(server) -> None:
    anna = server.client("anna")
    first = anna.tokens
    rotated = anna.refresh()
    assert rotated.refresh_token != first.refresh_token and rotated.device_id == first.device_id
    thief = SyncClient(server.url, sleep=lambda _s: None)
    thief.tokens.refresh_token = first.refresh_token
    with pytest.raises(AuthenticationRequired) as err:
        thief.refresh()
    assert err.value.code == "token_reused"
    # Every token of the device is now dead: the rotated refresh token and the current access token.
    with pytest.raises(AuthenticationRequired):
        anna.refresh()
    answer = raw(server, "GET", "/api/v1/sync/pull?since=0", rotated.access_token)
    assert (answer.status_code, answer.json()["error"]) == (401, "token_revoked")
    # Logging in again on the same device works.
    anna.login("anna", PASSWORD)
    assert anna.pull(0).rows


def test_revoked_device_and_disabled_user_get_a_wipe_instruction(server) -> None:
    anna = server.client("anna")
    assert revoke_device(server.engine, anna.tokens.device_id)
    for answer in (
        raw(server, "GET", "/api/v1/sync/pull?since=0", anna.tokens.access_token),
        raw(server, "POST", "/api/v1/auth/refresh", json={"refresh_token": anna.tokens.refresh_token}),
        raw(
            server,
            "POST",
            "/api/v1/auth/login",
            json={"username": "anna", "password": PASSWORD, "device_id": anna.tokens.device_id},
        ),
    ):
        assert answer.status_code == 401 and answer.json()["wipe"] is True
    from sync.server.cli import main

    bram = server.client("bram")
    assert main(["--database-url", server.database_url, "users", "disable", "bram"]) == 0
    answer = raw(server, "GET", "/api/v1/sync/pull?since=0", bram.tokens.access_token)
    assert answer.status_code == 401 and answer.json()["wipe"] is True


def test_login_is_generic_and_rate_limited(server) -> None:
    wrong = raw(server, "POST", "/api/v1/auth/login", json={"username": "anna", "password": "fout"})
    unknown = raw(server, "POST", "/api/v1/auth/login", json={"username": "niemand", "password": "fout"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    codes = [
        raw(server, "POST", "/api/v1/auth/login", json={"username": "anna", "password": "fout"}).status_code
        for _ in range(10)
    ]
    assert codes[-1] == 429
    limited = raw(server, "POST", "/api/v1/auth/login", json={"username": "anna", "password": PASSWORD})
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1


# -- versions and limits ----------------------------------------------------------------------------------
def test_unsupported_protocol_or_schema_gets_426(server) -> None:
    anna = server.client("anna")
    for headers in ({PROTOCOL_HEADER: "99"}, {SCHEMA_HEADER: "99"}, {PROTOCOL_HEADER: "x"}):
        answer = raw(server, "GET", "/api/v1/sync/pull?since=0", anna.tokens.access_token, headers=headers)
        assert (answer.status_code, answer.json()["error"]) == (426, "upgrade_required")
        assert answer.headers[PROTOCOL_HEADER] == str(PROTOCOL_VERSION)
    no_headers = requests.get(server.url + "/api/v1/sync/pull", timeout=5)
    assert no_headers.status_code == 426


def test_huge_body_is_refused_before_it_is_read(server) -> None:
    anna = server.client("anna")
    started = time.monotonic()
    answer = raw(
        server,
        "POST",
        "/api/v1/sync/push",
        anna.tokens.access_token,
        data=b"{" + b" " * (50 * 1024 * 1024),
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 413
    assert time.monotonic() - started < 10

    def chunks():
        yield b'{"ops": ['
        for _ in range(400):
            yield b" " * 10_000

    answer = raw(
        server,
        "POST",
        "/api/v1/sync/push",
        anna.tokens.access_token,
        data=chunks(),
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 413


def test_no_personal_data_in_logs_or_audit(server, caplog) -> None:
    caplog.set_level("DEBUG")
    anna = server.client("anna")
    seed_case(anna, server.users["anna"])
    anna.push([op("persons", str(uuid.uuid4()), **docs.person("GM9999", bsn="123456782"))])
    with server.engine.connect() as conn:
        audit_text = json.dumps([list(map(str, r)) for r in conn.execute(select(audit_log))])
    for secret in ("123456782", "Sem", PASSWORD, anna.tokens.access_token, anna.tokens.refresh_token):
        assert secret not in caplog.text
        assert secret not in audit_text

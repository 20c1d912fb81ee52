"""Failure cases of the sync design: cut connections, crashes at ack points, bad answers, strict TLS."""

from __future__ import annotations

import datetime as dt
import inspect
import ipaddress
import json
import ssl
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from sync.client import (
    InsecureServer,
    ServerUnavailable,
    SyncClient,
    SyncError,
    check_url,
)
from sync.engine import CURSOR_KEY, get_state
from sync.server.db import records
from tests.sync.conftest import Case, Device, JournalEntry, Person, new_case
from tests.sync.faults import CuttingProxy, ScriptedServer


@pytest.fixture
def proxy(server):
    p = CuttingProxy(server.port)
    yield p
    p.close()


def proxied_device(server, proxy, tmp_path: Path, username: str = "anna") -> Device:
    device = Device(server, username, tmp_path / f"{username}-proxied.sqlite3")
    device.client.base_url = proxy.url
    return device


def server_versions(server, table: str) -> dict[str, int]:
    with server.engine.connect() as conn:
        return dict(
            conn.execute(select(records.c.record_id, records.c.version).where(records.c.table_name == table)).all()
        )


def test_connection_cut_mid_push_answer_lost_gives_exactly_one_effect(server, proxy, tmp_path) -> None:
    anna = proxied_device(server, proxy, tmp_path)
    try:
        _, case_id = new_case(anna)
        with anna.Session.begin() as s:
            s.get(Case, case_id).phase = "plan"
        proxy.arm("response", b"POST /api/v1/sync/push")
        result = anna.sync()
        assert proxy.cuts == 1
        assert result.status == "ok", result.message
        assert anna.outbox() == 0
        # Insert and update applied once each: version 2, not 3 or 4.
        assert server_versions(server, "cases")[case_id] == 2
        assert anna.rows(Case)[case_id].phase == "plan"
    finally:
        anna.close()


def test_connection_cut_before_the_server_commits(server, proxy, tmp_path) -> None:
    anna = proxied_device(server, proxy, tmp_path)
    try:
        _, case_id = new_case(anna)
        proxy.arm("request", b"POST /api/v1/sync/push")
        assert anna.sync().status == "ok"
        assert proxy.cuts == 1
        assert server_versions(server, "cases") == {case_id: 1}
    finally:
        anna.close()


def test_connection_cut_mid_pull_resumes(server, proxy, tmp_path) -> None:
    cora = server.client("cora")
    anna_direct = Device(server, "anna", tmp_path / "direct.sqlite3")
    for _ in range(5):
        new_case(anna_direct)
    anna_direct.sync()
    anna_direct.close()
    dirk = proxied_device(server, proxy, tmp_path, "dirk")
    try:
        dirk.engine.page_size = 4
        proxy.arm("response", b"GET /api/v1/sync/pull?since=10")
        assert dirk.sync().status == "ok"
        assert (dirk.count("persons"), dirk.count("cases")) == (5, 5)
        assert dirk.sync(verify=True).repaired == []
    finally:
        dirk.close()
        cora.close()


def test_client_killed_after_server_commit_before_local_ack(devices, monkeypatch) -> None:
    anna = devices("anna")
    _, case_id = new_case(anna)
    real = anna.engine._record_answers

    def crash(*_a: object, **_k: object) -> None:
        raise SystemExit("killed")

    monkeypatch.setattr(anna.engine, "_record_answers", crash)
    with pytest.raises(SystemExit):
        anna.sync()
    assert anna.outbox() == 2  # nothing acknowledged locally
    monkeypatch.setattr(anna.engine, "_record_answers", real)
    result = anna.sync()
    assert result.applied == 2  # answered as duplicates of the applied operations
    assert server_versions(anna.server, "cases") == {case_id: 1}


def test_client_killed_while_applying_a_page_keeps_the_old_cursor(devices, monkeypatch) -> None:
    anna, cora = devices("anna"), devices("cora")
    new_case(anna)
    anna.sync()

    def crash(*_a: object, **_k: object) -> int:
        raise SystemExit("killed")

    monkeypatch.setattr(cora.engine, "_apply_purges", crash)
    with pytest.raises(SystemExit):
        cora.sync()
    with cora.Session() as s:
        assert get_state(s, CURSOR_KEY) is None
    assert cora.count("cases") == 0  # the page's rows rolled back with the cursor
    monkeypatch.undo()
    assert cora.sync().status == "ok"
    assert cora.count("cases") == 1


def test_server_restart_mid_sync(devices) -> None:
    anna = devices("anna")
    _, case_id = new_case(anna)
    anna.server.stop()
    result = anna.sync()
    assert result.status == "offline"
    assert "verbinding" in result.message or "bereikbaar" in result.message
    assert anna.outbox() == 2
    anna.server.start()
    assert anna.sync().applied == 2
    assert server_versions(anna.server, "cases") == {case_id: 1}


@pytest.mark.parametrize("skew", [dt.timedelta(hours=1), dt.timedelta(days=1), dt.timedelta(days=365)])
def test_clock_skew_does_not_change_the_merge(devices, skew) -> None:
    anna, cora = devices("anna"), devices("cora")
    _, case_id = new_case(anna)
    anna.sync()
    cora.sync()
    now = dt.datetime.now(dt.UTC)
    with anna.Session.begin() as s:
        case = s.get(Case, case_id)
        case.phase, case.updated_at = "plan", now + skew
    with cora.Session.begin() as s:
        case = s.get(Case, case_id)
        case.summary, case.updated_at = "r", now - skew
    anna.sync()
    assert cora.sync().conflicts == 0
    anna.sync()
    assert (anna.rows(Case)[case_id].phase, anna.rows(Case)[case_id].summary) == ("plan", "r")


def test_two_devices_create_a_case_for_the_same_person_offline(devices) -> None:
    anna, cora = devices("anna"), devices("cora")
    cora.sync()
    with cora.Session.begin() as s:
        person = Person(first_names="Noa", bsn="111222333")
        s.add(person)
    cora.sync()
    anna_person = person.id
    # The administrator assigns a case to anna, so anna receives the person.
    with cora.Session.begin() as s:
        s.add(Case(person_id=anna_person, assigned_user_id=anna.user_id, case_number="A-1"))
    cora.sync()
    anna.sync()
    with anna.Session.begin() as s:
        s.add(Case(person_id=anna_person, assigned_user_id=anna.user_id, case_number="A-2"))
    with cora.Session.begin() as s:
        s.add(Case(person_id=anna_person, assigned_user_id=anna.user_id, case_number="C-1"))
    anna.sync()
    cora.sync()
    anna.sync()
    numbers = {dev.username: sorted(c.case_number for c in dev.rows(Case).values()) for dev in (anna, cora)}
    # Both cases exist everywhere (nothing silently dropped); merging them is a person's decision.
    assert numbers == {"anna": ["A-1", "A-2", "C-1"], "cora": ["A-1", "A-2", "C-1"]}


def test_local_unique_constraint_refusal_becomes_a_visible_conflict(devices) -> None:
    anna, cora = devices("anna"), devices("cora")
    new_case(anna, bsn="999999990")
    new_case(cora, bsn="999999990")  # the same child entered twice, offline
    anna.sync()
    result = cora.sync()
    assert result.status == "ok"
    kinds = [c["kind"] for c in cora.engine.open_conflicts()]
    assert kinds.count("apply_failed") >= 1
    assert cora.sync().status == "ok"  # the sync does not stall on it


# -- a bad server ------------------------------------------------------------------------------------------
def json_answer(data: object, status: int = 200, **headers: str) -> tuple[int, dict[str, str], bytes]:
    return status, {"Content-Type": "application/json", **headers}, json.dumps(data).encode()


PULL_OK = {"rows": [], "purges": [], "next": 0, "has_more": False}


def scripted_client(script, **kw) -> tuple[ScriptedServer, SyncClient, list[float]]:
    srv = ScriptedServer(script)
    sleeps: list[float] = []
    client = SyncClient(srv.url(), sleep=sleeps.append, **kw)
    client.tokens.access_token = "x.y.z"
    return srv, client, sleeps


def test_500_then_success_is_retried_with_backoff() -> None:
    srv, client, sleeps = scripted_client([json_answer({"error": "server_error"}, 500), json_answer(PULL_OK)])
    try:
        assert client.pull(0).next == 0
        assert len(sleeps) == 1 and 0 <= sleeps[0] <= 30
    finally:
        srv.close()


def test_429_retry_after_is_honoured() -> None:
    srv, client, sleeps = scripted_client(
        [json_answer({"error": "busy"}, 429, **{"Retry-After": "7"}), json_answer(PULL_OK)]
    )
    try:
        client.pull(0)
        assert sleeps == [7.0]
    finally:
        srv.close()


@pytest.mark.parametrize(
    "answer",
    [
        (200, {"Content-Type": "text/html"}, b"<html><body>Proxy error</body></html>"),
        (200, {"Content-Type": "application/json"}, b'{"rows": [{"table": "ca'),
        (502, {"Content-Type": "text/html"}, b"<html>Bad gateway</html>"),
    ],
)
def test_html_truncated_and_gateway_answers_apply_nothing(answer, tmp_path) -> None:
    from sqlalchemy.orm import sessionmaker

    from desktop.models.outbox import install_outbox
    from sync.engine import SyncEngine
    from tests.sync.conftest import LocalBase, make_local_engine

    srv, client, sleeps = scripted_client([answer])
    db = make_local_engine(tmp_path / "local.sqlite3")
    Session = sessionmaker(db, expire_on_commit=False)
    install_outbox(Session)
    engine = SyncEngine(Session, client, LocalBase.metadata)
    try:
        result = engine.sync()
        assert result.status == "offline"
        assert "server" in result.message.lower()
        assert len(sleeps) == client.max_attempts - 1
        with Session() as s:
            assert get_state(s, CURSOR_KEY) is None
            assert s.scalars(select(Case)).first() is None
    finally:
        srv.close()
        db.dispose()


def test_huge_answer_is_refused() -> None:
    big = json.dumps({"rows": [], "purges": [], "next": 0, "has_more": False, "pad": "x" * 3_000_000}).encode()
    srv, client, _ = scripted_client([(200, {"Content-Type": "application/json"}, big)], max_answer_bytes=1_000_000)
    try:
        with pytest.raises(SyncError) as err:
            client.pull(0)
        assert err.value.code == "answer_too_large"
    finally:
        srv.close()


def test_unreachable_server_is_offline_not_a_crash() -> None:
    client = SyncClient("http://127.0.0.1:9", sleep=lambda _s: None, max_attempts=2)
    client.tokens.access_token = "x.y.z"
    with pytest.raises(ServerUnavailable):
        client.pull(0)


# -- TLS -----------------------------------------------------------------------------------------------------
def test_plain_http_only_to_loopback() -> None:
    assert check_url("http://127.0.0.1:8000") == "http://127.0.0.1:8000"
    assert check_url("http://localhost:8000/") == "http://localhost:8000"
    assert check_url("http://[::1]:8000") == "http://[::1]:8000"
    assert check_url("https://vangnet.example.nl") == "https://vangnet.example.nl"
    for url in ("http://10.1.2.3", "http://vangnet.example.nl", "ftp://127.0.0.1", "vangnet.example.nl"):
        with pytest.raises(InsecureServer):
            check_url(url)
    # There is no way to switch certificate checking off.
    assert not {"verify", "insecure", "verify_tls"} & set(inspect.signature(SyncClient).parameters)


def _cert(subject: str, issuer_key, issuer_name, key, *, days: int = 30, ca: bool = False, sans=()):
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(issuer_name or x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=2) if days > 0 else now - dt.timedelta(days=10))
        .not_valid_after(now + dt.timedelta(days=days) if days > 0 else now - dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName(list(sans)), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    base = tmp_path_factory.mktemp("pki")
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = _cert("Vangnet test CA", ca_key, None, ca_key, days=30, ca=True)
    (base / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    loopback = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]

    def leaf(name: str, days: int, sans, signer_key=ca_key, signer=ca) -> Path:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = _cert("server", signer_key, signer.subject if signer else None, key, days=days, sans=sans)
        path = base / f"{name}.pem"
        path.write_bytes(
            cert.public_bytes(serialization.Encoding.PEM)
            + key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        return path

    return {
        "ca": str(base / "ca.pem"),
        "good": leaf("good", 30, loopback),
        "expired": leaf("expired", -1, loopback),
        "wrong_host": leaf("wrong", 30, [x509.DNSName("vangnet.example.nl")]),
    }


def _tls_server(cert: Path) -> ScriptedServer:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert)
    return ScriptedServer([json_answer({"status": "ok", "protocol": 1, "schema": 1})], tls_context=context)


def test_tls_good_certificate_is_accepted(pki) -> None:
    srv = _tls_server(pki["good"])
    try:
        client = SyncClient(srv.url("https", "localhost"), ca_bundle=pki["ca"], sleep=lambda _s: None)
        assert client.health()["status"] == "ok"
    finally:
        srv.close()


@pytest.mark.parametrize("which", ["expired", "wrong_host", "self_signed"])
def test_tls_bad_certificates_are_refused(pki, which) -> None:
    # The self-signed certificate is signed by its own key, not by the trusted CA.
    srv = _tls_server(pki[which]) if which != "self_signed" else None
    if srv is None:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = _cert("localhost", key, None, key, sans=[x509.DNSName("localhost")])
        path = Path(pki["ca"]).parent / "selfsigned.pem"
        path.write_bytes(
            cert.public_bytes(serialization.Encoding.PEM)
            + key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        srv = _tls_server(path)
    try:
        client = SyncClient(srv.url("https", "localhost"), ca_bundle=pki["ca"], sleep=lambda _s: None)
        with pytest.raises(SyncError) as err:
            client.health()
        assert err.value.code == "tls"
        assert "certificaat" in err.value.message
        assert srv.requests == []
    finally:
        srv.close()


def test_journal_entries_never_conflict(devices) -> None:
    anna, cora = devices("anna"), devices("cora")
    person_id, case_id = new_case(anna)
    anna.sync()
    cora.sync()
    for dev, text in ((anna, "a"), (cora, "c")):
        with dev.Session.begin() as s:
            s.add(JournalEntry(case_id=case_id, person_id=person_id, text=text))
    anna.sync()
    assert cora.sync().conflicts == 0
    anna.sync()
    assert sorted(j.text for j in anna.rows(JournalEntry).values()) == ["a", "c"]

"""The server's technical log (uvicorn access and error lines) and its access log hold no BSN, token or password.

uvicorn's loggers do not propagate to the root logger, so the suite-wide log guard does not see them:
this test listens on them directly, with the access log switched on as in production.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
import uuid

import uvicorn
from sqlalchemy import select

from desktop.models.audit import AuditAction, acting_as, record
from sync.audit_sync import push_audit
from sync.client import SyncClient, SyncError
from sync.protocol import Change, PushOp
from sync.server.app import create_app
from sync.server.cli import create_account
from sync.server.db import audit_chain, audit_log
from tests.log_guard import _Collector, leaks_in
from tests.sync.conftest import PASSWORD, SECRET, free_port

BSN = "123456782"


def test_server_logs_and_audit_tables_hold_no_personal_data_or_secrets(sqlite_url, tmp_path, store) -> None:
    app = create_app(sqlite_url, data_dir=tmp_path / "server", secret=SECRET)
    create_account(app.state.vangnet.engine, "anna", PASSWORD, "consultant", ["GM0505"])
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="debug", access_log=True, lifespan="off")
    server = uvicorn.Server(config)
    collector = _Collector()
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.01)
    # uvicorn configures its loggers on start; listen on them (and the server's own) from then on.
    watched = [logging.getLogger(name) for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "vangnet")]
    for logger in watched:
        logger.addHandler(collector)
    try:
        client = SyncClient(f"http://127.0.0.1:{port}", sleep=lambda _s: None)
        with contextlib.suppress(SyncError):
            client.login("anna", "verkeerd wachtwoord van anna")
        client.login("anna", PASSWORD, device_name="laptop")
        person, case = str(uuid.uuid4()), str(uuid.uuid4())
        client.push([
            PushOp(op_id=str(uuid.uuid4()), device_counter=1, table="persons", record_id=person, kind="insert",
                   base_version=0, changes={"bsn": Change(new=BSN), "first_names": Change(new="Sem")}),
            PushOp(op_id=str(uuid.uuid4()), device_counter=2, table="cases", record_id=case, kind="insert",
                   base_version=0, changes={"person_id": Change(new=person)}),
        ])
        client.pull(0)
        with acting_as("anna", client.tokens.device_id), store.session() as session:
            record(session, AuditAction.REVEAL_BSN, "person", person)
        assert push_audit(store, client) == 1
        client.refresh()
        client.close()
    finally:
        for logger in watched:
            logger.removeHandler(collector)
        server.should_exit = True
        thread.join(10)
    lines = [text for _name, text in collector.messages]
    # The access log did run: the scan is not vacuous.
    assert any("/api/v1/audit/push" in line for line in lines)
    secrets = (PASSWORD, "verkeerd wachtwoord van anna", client.tokens.access_token, client.tokens.refresh_token)
    assert [leak for line in lines for leak in leaks_in(line, secrets)] == []
    with app.state.vangnet.engine.connect() as conn:
        stored = json.dumps([list(map(str, r)) for r in conn.execute(select(audit_log))])
        stored += json.dumps([list(map(str, r)) for r in conn.execute(select(audit_chain))])
    assert BSN not in stored and "Sem" not in stored
    # The tables hold hashes and ids (hex and digits), so the shape checks would misfire: look for the values.
    assert not [secret for secret in secrets if secret in stored]
    app.state.vangnet.engine.dispose()

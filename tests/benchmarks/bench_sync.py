"""Sync benchmark on loopback: initial sync, push/pull of 100, no-op, resume, 20 clients, merges.

Run: .venv/bin/python tests/benchmarks/bench_sync.py [--records 100000] [--database-url URL]
Without --database-url a fresh PostgreSQL database on 127.0.0.1 is used (SQLite if unreachable).
The server runs as `vangnet-server` in a subprocess; the client measurements are this process.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.orm import sessionmaker  # noqa: E402

from desktop.models.outbox import install_outbox  # noqa: E402
from sync.client import SyncClient  # noqa: E402
from sync.engine import SyncEngine  # noqa: E402
from sync.protocol import Change, PushOp  # noqa: E402
from sync.server import auth, store  # noqa: E402
from sync.server.cli import create_account  # noqa: E402
from sync.server.db import make_engine  # noqa: E402
from sync.server.migrate import upgrade  # noqa: E402
from sync.server.scope import Principal  # noqa: E402
from tests.benchmarks.report import figure  # noqa: E402
from tests.sync import records as docs  # noqa: E402
from tests.sync.conftest import Case, LocalBase, make_local_engine  # noqa: E402

PASSWORD = "benchmark password 2026"
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database(url: str | None) -> tuple[str, object]:
    if url:
        return url, lambda: None
    name = "vangnet_bench_" + uuid.uuid4().hex[:8]
    try:
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception:
        path = Path(tempfile.mkdtemp()) / "bench.sqlite3"
        return f"sqlite:///{path}", lambda: None

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"), {"n": name})
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))

    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", drop


def seed(url: str, records: int) -> dict[str, str]:
    """Accounts plus `records` rows of about 1 KB (persons, cases, journal entries) written directly."""
    auth.set_hash_parameters(1, 8 * 1024)
    engine = make_engine(url)
    upgrade(engine)
    users = {
        name: create_account(engine, name, PASSWORD, role, ["GM0505"])
        for name, role in (("beheer", "administrator"), ("cons", "consultant"))
    }
    users["beheer2"] = create_account(engine, "beheer2", PASSWORD, "administrator", ["GM0505"])
    users["beheer3"] = create_account(engine, "beheer3", PASSWORD, "administrator", ["GM0505"])
    # Twenty consultants with a small caseload each (ten cases), for the concurrency figure.
    consultants = [create_account(engine, f"c{i}", PASSWORD, "consultant", ["GM0505"]) for i in range(20)]
    cases_made = 0
    principal = Principal(users["beheer"], "administrator", frozenset({"GM0505"}), "seed")
    filler = "x" * 900
    ops: list[PushOp] = []
    made = 0
    # Records valid under the shared schema (the server checks every one), about 1 KB each.
    while made < records:
        pid, cid = str(uuid.uuid4()), str(uuid.uuid4())
        ops.append(_op("persons", pid, **docs.person(first_names="Kind", notes=filler)))
        owner = consultants[cases_made % 20] if cases_made < 200 else users["cons"]
        cases_made += 1
        ops.append(_op("cases", cid, **docs.case(pid, assigned_user_id=owner, summary=filler)))
        made += 2
        for _ in range(min(8, records - made)):
            ops.append(_op("journal_entries", str(uuid.uuid4()), **docs.journal(pid, cid, text=filler)))
            made += 1
        if len(ops) >= 480:
            store.push(engine, principal, ops)
            ops = []
    if ops:
        store.push(engine, principal, ops)
    if engine.dialect.name == "postgresql":
        # What autovacuum does on a live server: fresh statistics after a bulk load.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    return users


def _op(table: str, rid: str, **changes: object) -> PushOp:
    return PushOp(
        op_id=str(uuid.uuid4()),
        device_counter=0,
        table=table,
        record_id=rid,
        kind="insert",
        base_version=0,
        changes={k: Change(new=v) for k, v in changes.items()},
    )


class Device:
    def __init__(self, url: str, username: str, path: Path) -> None:
        self.db = make_local_engine(path)
        with self.db.begin() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        self.Session = sessionmaker(self.db, expire_on_commit=False)
        install_outbox(self.Session)
        self.client = SyncClient(url)
        self.engine = SyncEngine(self.Session, self.client, LocalBase.metadata)
        self.engine.login(username, PASSWORD, "bench")

    def sync(self, **kw):
        return self.engine.sync(**kw)

    def apply_failures(self) -> int:
        """Rows from the server this device could not store: every device should end with none."""
        with self.Session() as s:
            return int(
                s.execute(
                    text("SELECT count(*) FROM sync_conflicts WHERE kind = 'apply_failed' AND resolved_at IS NULL")
                ).scalar_one()
            )


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return (time.perf_counter() - start) * 1000, out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_sync")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--database-url")
    args = parser.parse_args(argv)
    url, drop = database(args.database_url)
    work = Path(tempfile.mkdtemp())
    results: dict[str, object] = {"backend": url.split(":")[0], "records": args.records}
    server = None
    try:
        t0 = time.perf_counter()
        seed(url, args.records)
        results["seed_s"] = round(time.perf_counter() - t0, 1)
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.server.cli",
                "--database-url",
                url,
                "--data-dir",
                str(work / "srv"),
                "serve",
                "--port",
                str(port),
            ],
            cwd=ROOT,
            env={**os.environ, "VANGNET_SERVER_SECRET": "bench"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            with contextlib.suppress(Exception):
                if SyncClient(base, max_attempts=1).health()["status"] == "ok":
                    break
            time.sleep(0.1)

        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        admin = Device(base, "beheer", work / "admin.sqlite3")
        ms, first = timed(admin.sync)
        results["initial_sync_s"] = round(ms / 1000, 2)
        results["initial_rows"] = first.pulled
        results["peak_client_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        results["rss_before_mb"] = round(rss_before, 1)
        results["first_sync_after_initial_ms"] = round(timed(admin.sync)[0], 1)
        results["noop_sync_ms"] = round(statistics.median(timed(admin.sync)[0] for _ in range(5)), 1)

        with admin.Session() as s:
            case_ids = [c for (c,) in s.execute(text("SELECT id FROM cases LIMIT 100"))]
        with admin.Session.begin() as s:
            for cid in case_ids:
                s.get(Case, cid).phase = "plan"
        results["push_100_edits_ms"] = round(timed(admin.sync)[0], 1)
        other = Device(base, "beheer2", work / "other.sqlite3")
        other.sync()
        with admin.Session.begin() as s:
            for cid in case_ids:
                s.get(Case, cid).status = "closed"
        admin.sync()
        results["pull_100_changes_ms"] = round(timed(other.sync)[0], 1)

        # An initial sync killed at 50 %: how much is transferred again after the restart?
        victim = Device(base, "beheer3", work / "victim.sqlite3")
        real_pull = victim.client.pull
        pages: list[int] = []
        total_pages = max(1, first.pages)

        def pull(since: int, limit: int = 1000):
            pages.append(since)
            if len(pages) == total_pages // 2 + 1:
                raise KeyboardInterrupt
            return real_pull(since, limit)

        victim.client.pull = pull
        with contextlib.suppress(KeyboardInterrupt):
            victim.sync()
        committed = len(pages) - 1
        victim.client.pull = lambda since, limit=1000: (pages.append(since), real_pull(since, limit))[1]
        victim.sync()
        pages_after = pages[committed + 1 :]
        results["resume_pages_repeated"] = sum(1 for p in pages_after if p in pages[:committed])
        results["apply_failures"] = {
            d: dev.apply_failures()
            for d, dev in (("beheer", admin), ("beheer2", other), ("beheer3 (resumed after a kill)", victim))
        }

        # 20 consultants at once, each with ten cases: edit five and sync, all at the same moment.
        clients = [Device(base, f"c{i}", work / f"c{i}.sqlite3") for i in range(20)]
        for d in clients:
            d.sync()
        latencies: list[float] = []
        start = threading.Barrier(len(clients))

        def run(d: Device, k: int) -> None:
            with d.Session() as s:
                own = [c for (c,) in s.execute(text("SELECT id FROM cases LIMIT 5"))]
            with d.Session.begin() as s:
                for cid in own:
                    s.get(Case, cid).summary = f"r{k}"
            start.wait()
            latencies.append(timed(d.sync)[0])

        threads = [threading.Thread(target=run, args=(d, k)) for k, d in enumerate(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        results["20_clients_p95_ms"] = round(statistics.quantiles(latencies, n=20)[-1], 1)

        # Different fields on two devices: no conflicts. Same field: exactly one conflict per record.
        for d in (admin, other):
            d.sync()
        with admin.Session.begin() as s:
            for cid in case_ids:
                s.get(Case, cid).phase = "act"
        with other.Session.begin() as s:
            for cid in case_ids:
                s.get(Case, cid).summary = "b"
        a, b = admin.sync(), other.sync()
        results["different_fields_conflicts"] = a.conflicts + b.conflicts
        admin.sync()
        with admin.Session.begin() as s:
            for cid in case_ids:
                s.get(Case, cid).phase = "evaluate"
        with other.Session.begin() as s:
            for cid in case_ids:
                s.get(Case, cid).phase = "observe"
        admin.sync()
        other.sync()
        per_record = [len([c for c in other.engine.open_conflicts() if c["record_id"] == cid]) for cid in case_ids]
        results["same_field_conflicts_per_record"] = sorted(set(per_record))
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        drop()
    report(results)
    return 0


def report(r: dict[str, object]) -> None:
    print(f"  database: {r['backend']}, records: {r['records']}, seeding {r.get('seed_s')} s")
    if "initial_sync_s" not in r:
        print(json.dumps(r, indent=2))
        return
    figure("initial sync (s)", float(r["initial_sync_s"]), "s", 10)
    figure("peak client memory (MB, whole process)", float(r["peak_client_rss_mb"]), "MB", 250)
    figure("push of 100 edits", float(r["push_100_edits_ms"]), "ms", 100)
    figure("pull of 100 changes", float(r["pull_100_changes_ms"]), "ms", 150)
    figure("no-op sync", float(r["noop_sync_ms"]), "ms", 30)
    figure("first sync right after the initial sync", float(r["first_sync_after_initial_ms"]), "ms", 50)
    figure("pages transferred again after a kill at 50 %", float(r["resume_pages_repeated"]), "pages", 1)
    figure("20 clients at once, p95", float(r.get("20_clients_p95_ms", 0)), "ms", 1000)
    for name, count in dict(r.get("apply_failures") or {}).items():
        verdict = "binnen doel" if count == 0 else "BUITEN DOEL"
        print(f"  rows not stored on device {name}: {count} (doel 0)   {verdict}")
    different = int(r["different_fields_conflicts"])
    verdict = "binnen doel" if different == 0 else "BUITEN DOEL"
    print(f"  different fields edited concurrently: {different} conflicts (doel 0)   {verdict}")
    print(
        f"  same field edited concurrently: conflict records per record {r['same_field_conflicts_per_record']}"
        " (doel [1])"
    )


if __name__ == "__main__":
    raise SystemExit(main())

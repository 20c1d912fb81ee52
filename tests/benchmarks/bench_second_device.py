"""Benchmark: the first sync of a new device on a full-size region, and whether it is a complete, working copy.

    .venv/bin/python -m tests.benchmarks second_device [--persons 68000] [--database-url URL]

An office's region (``--persons`` demo persons; 68,000 is the full region) is made in an encrypted profile
and loaded into a fresh PostgreSQL database (or ``--database-url``) with `vangnet-server import
vangnet-jsonl`; a `vangnet-server` process serves it. A new profile made with `vangnet init` signs in with an
administrator of all gemeenten and runs `vangnet sync` (real processes, as a scheduled job would). Reported
beside their targets: the first sync's time, and refused changes, apply failures and conflicts (target 0).
Then the new device's worklist signals and figures are compared with the office's own profile: they must be
equal. Exits 1 when a target is missed or the copy differs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.models.region import load_region  # noqa: E402
from tests.benchmarks.bench_server_import import database  # noqa: E402
from tests.benchmarks.report import figure  # noqa: E402

PASSPHRASE = "oefenen met vangnet"
PASSWORD = "benchmark van het tweede apparaat"
FIRST_SYNC_TARGET_S = 120.0


def vangnet(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "desktop.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=3600)
    if done.returncode not in (0, 1):
        raise SystemExit(f"vangnet {args[0]} mislukt: {done.stderr[-1500:]}")
    return done


def server(*args: str, url: str, data_dir: Path, stdin: str | None = None) -> None:
    done = subprocess.run([sys.executable, "-m", "sync.server.cli", "--database-url", url, "--data-dir",
                           str(data_dir), *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"vangnet-server {args[0]} mislukt: {done.stderr[-1500:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_second_device")
    parser.add_argument("--persons", type=int, default=68_000)
    parser.add_argument("--database-url")
    args = parser.parse_args(argv)
    from tests.sync.server_process import ServerProcess

    work = Path(tempfile.mkdtemp(prefix="vangnet-tweede-"))
    url, drop = database(args.database_url)
    env = {**os.environ, "VANGNET_PASSPHRASE": PASSPHRASE, "VANGNET_SERVER_PASSWORD": PASSWORD}
    env.pop("VANGNET_SERVER_URL", None)
    office, second, data_dir = work / "kantoor", work / "tweede", work / "server"
    process = None
    try:
        started = time.perf_counter()
        vangnet("demo", "--data-dir", str(office), "--persons", str(args.persons), env=env)
        vangnet("export", "--data-dir", str(office), str(work / "regio.jsonl"), env=env)
        made = time.perf_counter() - started
        started = time.perf_counter()
        server("import", "vangnet-jsonl", str(work / "regio.jsonl"), url=url, data_dir=data_dir)
        imported = time.perf_counter() - started
        gemeenten = [a for code in load_region().codes for a in ("--gemeente", code)]
        server("users", "add", "tweede", "--role", "administrator", *gemeenten, "--password-stdin", url=url,
               data_dir=data_dir, stdin=PASSWORD + "\n")
        process = ServerProcess(url, data_dir, work / "server.log").start()
        vangnet("init", "--data-dir", str(second), env=env)
        vangnet("login", "--data-dir", str(second), "--server", process.url, "--user", "tweede", env=env)
        started = time.perf_counter()
        first = vangnet("sync", "--data-dir", str(second), env=env)
        first_sync = time.perf_counter() - started
        state = json.loads(vangnet("status", "--json", "--data-dir", str(second), env=env).stdout)
        failures = _apply_failures(second)
        same = {}
        year = _school_year(dt.date.today())
        for name, command in {
            "signalen": ("signals", "--weeks", "8"),
            "cijfers": ("stats", "--schooljaar", year, "--json"),
        }.items():
            outputs = [vangnet(*command, "--data-dir", str(p), env=env).stdout for p in (office, second)]
            same[name] = outputs[0] == outputs[1] and bool(outputs[0].strip())
    finally:
        if process is not None:
            process.stop()
        drop()
    print(f"  regio: {args.persons} personen gemaakt en geëxporteerd in {made:.0f} s; op de server in {imported:.0f} s")
    print(f"  eerste synchronisatie: {first.stdout.strip()}")
    figure("eerste synchronisatie van een nieuw apparaat", first_sync, "s", FIRST_SYNC_TARGET_S)
    for name, count in (
        ("geweigerde wijzigingen", state["refused"]),
        ("gegevens die niet konden worden verwerkt", failures),
        ("conflicten", state["conflicts"] - failures),
    ):
        print(f"  {name:<58} {count:>10d}   doel 0   {'binnen doel' if count == 0 else 'BUITEN DOEL'}")
    for name, equal in same.items():
        print(f"  {name} gelijk aan die van het kantoor: {'ja' if equal else 'NEE'}")
    missed = first_sync > FIRST_SYNC_TARGET_S or state["refused"] or state["conflicts"] or not all(same.values())
    return 1 if missed else 0


def _apply_failures(folder: Path) -> int:
    from sqlalchemy import func, select

    from desktop.models.store import Profile
    from desktop.models.sync_tables import sync_conflicts

    store = Profile(folder).unlock(PASSPHRASE)
    try:
        with store.session() as session:
            return session.scalar(
                select(func.count()).select_from(sync_conflicts).where(
                    sync_conflicts.c.kind == "apply_failed", sync_conflicts.c.resolved_at.is_(None)
                )
            )
    finally:
        store.close()


def _school_year(today: dt.date) -> str:
    start = today.year if today.month >= 8 else today.year - 1
    return f"{start}-{start + 1}"


if __name__ == "__main__":
    raise SystemExit(main())

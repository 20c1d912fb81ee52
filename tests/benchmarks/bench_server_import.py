"""Benchmark of `vangnet-server import vangnet-jsonl`: a whole region's export into the central database.

    .venv/bin/python -m tests.benchmarks server_import [--persons 69000] [--database-url URL] [--file FILE]

Builds a demo region of ``--persons`` persons (69,000 make just over 500,000 records; 68,000 is the full
region) in a plain SQLite database, exports it with the desktop's JSONL exporter, and runs the real
command (`python -m sync.server.cli import vangnet-jsonl FILE`, a subprocess) into a fresh PostgreSQL
database on 127.0.0.1 (or ``--database-url``). Target: 500,000 records in at most 60 s (scaled to the
file's size). Then the same file again, which must write nothing. Every table of the server is counted
against the file. Exits 1 when the target is missed or a count differs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from desktop.models import Base, entities  # noqa: E402
from desktop.models.demo import generate_demo  # noqa: E402
from desktop.models.exporters.jsonl import export_jsonl  # noqa: E402
from sync.server.db import make_engine, records  # noqa: E402
from tests.benchmarks.report import figure  # noqa: E402

TARGET_RECORDS = 500_000
TARGET_SECONDS = 60.0
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def database(url: str | None) -> tuple[str, Callable[[], None]]:
    """The given database, or a new PostgreSQL database that the returned function drops again."""
    if url:
        return url, lambda: None
    name = "vangnet_bench_import_" + uuid.uuid4().hex[:8]
    admin = sa.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            others = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"
            conn.execute(sa.text(others), {"n": name})
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()

    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", drop


def build_file(work: Path, persons: int) -> tuple[Path, float, float]:
    """(file, seconds to make the demo region, seconds to export it)."""
    engine = sa.create_engine(f"sqlite:///{work / 'demo.sqlite3'}")
    Base.metadata.create_all(engine)
    started = time.perf_counter()
    generate_demo(engine, persons=persons, seed=1, today=dt.date(2025, 3, 3))
    built = time.perf_counter() - started
    with engine.begin() as conn:
        # The demo gives a pupil who came from abroad an empty gemeente on an exemption, which the shared
        # record schema refuses (a CBS code or nothing): the import would rightly refuse the whole file.
        conn.execute(sa.text("UPDATE exemptions SET municipality_code = NULL WHERE municipality_code = ''"))
    path = work / "regio.jsonl"
    started = time.perf_counter()
    with Session(engine) as session:
        export_jsonl(session, path)
    exported = time.perf_counter() - started
    engine.dispose()
    return path, built, exported


def file_counts(path: Path) -> Counter[str]:
    by_type = {e.interchange: e.table for e in entities.entities()}
    counts: Counter[str] = Counter()
    with path.open("rb") as handle:
        next(handle)
        for raw in handle:
            type_name = json.loads(raw)["type"]
            if type_name in by_type:
                counts[by_type[type_name]] += 1
    return counts


def run_import(url: str, path: Path) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "sync.server.cli", "--database-url", url, "import", "vangnet-jsonl", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"import mislukt ({done.returncode}):\n{done.stderr[-3000:]}")
    return seconds, done.stdout


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--persons", type=int, default=69_000, help="personen in de demoregio")
    parser.add_argument("--database-url", help="standaard: een nieuwe PostgreSQL-database op 127.0.0.1")
    parser.add_argument("--file", help="een bestaand exportbestand in plaats van een nieuwe demoregio")
    parser.add_argument("--work-dir", help="map voor de tijdelijke bestanden")
    args = parser.parse_args(argv)
    url, drop = database(args.database_url)
    missed = False
    try:
        with tempfile.TemporaryDirectory(dir=args.work_dir) as folder:
            if args.file:
                path = Path(args.file)
            else:
                path, built, exported = build_file(Path(folder), args.persons)
                figure(f"demoregio {args.persons} personen gemaakt", built, "s")
                figure("export JSONL", exported, "s")
            expected = file_counts(path)
            total = sum(expected.values())
            figure(f"bestand: records ({path.stat().st_size / 1e6:.0f} MB)", total, "records")
            seconds, output = run_import(url, path)
            target = TARGET_SECONDS * total / TARGET_RECORDS
            figure(f"vangnet-server import, {total} records (hele opdracht)", seconds, "s", target)
            figure("records per seconde", total / seconds, "rec/s", TARGET_RECORDS / TARGET_SECONDS,
                   lower_is_better=False)
            missed |= seconds > target
            again, repeat = run_import(url, path)
            figure("hetzelfde bestand nog eens (niets nieuws)", again, "s")
            if "Geïmporteerd: niets nieuws." not in repeat:
                print("  FOUT: de tweede import schreef iets:\n" + repeat, file=sys.stderr)
                missed = True
            engine = make_engine(url)
            with engine.connect() as conn:
                per_table = sa.select(records.c.table_name, sa.func.count()).group_by(records.c.table_name)
                stored = Counter({table: count for table, count in conn.execute(per_table)})
            engine.dispose()
            # The region's gemeenten were on the server already (matched by CBS code, not added).
            different = {t for t in expected if t != "municipalities" and stored[t] != expected[t]}
            if different:
                print(f"  FOUT: aantallen verschillen voor {sorted(different)}", file=sys.stderr)
                missed = True
            print("  " + output.strip().splitlines()[0][:200] + " ...")
    finally:
        drop()
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

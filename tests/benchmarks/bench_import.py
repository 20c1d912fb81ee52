"""Benchmark of imports and exports (issue 7's performance targets), on encrypted profiles.

    .venv/bin/python tests/benchmarks/bench_import.py [--persons 68000] [--rows 10000] [--work-dir DIR]

Measures: a DUO download of ``--rows`` meldingen (every pupil new: persons, cases and journal lines are
created) imported in one transaction, target ≤ 10 s for 10,000 rows; the same file again (nothing new);
a demo region of ``--persons`` persons exported to JSON Lines, target ≤ 60 s; and that export imported
into an empty profile, target ≤ 60 s, after which every entity table of the copy is compared row by row
(hash of all rows in id order) with the source. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import sqlalchemy as sa

from desktop.models import Base, School
from desktop.models.enums import SchoolKind
from desktop.models.keyfile import KdfParams
from desktop.models.region import ensure_municipalities
from desktop.models.store import Profile

PASSPHRASE = "oefenen met vangnet"
TARGETS = {"duo_10000_s": 10.0, "export_s": 60.0, "reimport_s": 60.0}

try:
    from tests.benchmarks.report import figure
except ImportError:  # pragma: no cover - when run as a plain script from elsewhere

    def figure(name: str, value: float, unit: str, target: float | None = None, **_kw) -> None:
        suffix = f"   doel {target:g} {unit}   verhouding {value / target:.2f}" if target else ""
        print(f"  {name:<58} {value:>10.3f} {unit}{suffix}")


def _bsns(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    found: set[str] = set()
    while len(found) < count:
        digits = f"{rng.randrange(10_000_000, 99_999_999):08d}"
        check = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2), strict=True)) % 11
        if check < 10:
            found.add(digits + str(check))
    return sorted(found)


def write_duo_file(path: Path, rows: int, brins: list[str], seed: int = 11) -> Path:
    from tests.imports.test_duo_verzuim import HEADER, duo_row

    rng = random.Random(seed)
    kinds = ["16 uur in 4 lesweken", "Luxe verzuim", "Signaalverzuim", "Overig verzuim", "Verzuim 18+"]
    gemeenten = ["GM0482", "GM0505", "GM0512", "GM0590", "GM0642"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        for index, bsn in enumerate(_bsns(rows, seed)):
            received = dt.date(2024, 9, 2) + dt.timedelta(days=rng.randrange(200))
            writer.writerow(
                duo_row(
                    f"VZ{index:07d}",
                    bsn,
                    **{
                        "Datum melding": received.strftime("%d-%m-%Y"),
                        "Begindatum verzuim": (received - dt.timedelta(days=28)).strftime("%d-%m-%Y"),
                        "Einddatum verzuim": (received - dt.timedelta(days=1)).strftime("%d-%m-%Y"),
                        "BRIN": rng.choice(brins),
                        "Soort verzuim": rng.choice(kinds),
                        "Woongemeente": rng.choice(gemeenten),
                        "Achternaam": f"Leerling{index}",
                        "Geboortedatum": dt.date(
                            2008 + rng.randrange(8), 1 + rng.randrange(12), 1 + rng.randrange(28)
                        ).strftime("%d-%m-%Y"),
                        "Uren verzuim": str(16 + rng.randrange(40)),
                    },
                )
            )
    return path


def _new_profile(folder: Path):
    return Profile(folder).create(PASSPHRASE, kdf=KdfParams.minimum())


def bench_duo(work: Path, rows: int) -> dict[str, float]:
    from desktop.models.importers import run_import

    store = _new_profile(work / "duo")
    brins = [f"{10 + i:02d}{chr(65 + i % 26)}{chr(65 + (i * 7) % 26)}" for i in range(40)]
    with store.session() as session:
        ensure_municipalities(session)
        for brin in brins:
            session.add(
                School(brin=brin, location="00", name=f"School {brin}", kind=SchoolKind.VO, municipality_code="GM0505")
            )
    path = write_duo_file(work / "duo.csv", rows, brins)
    started = time.perf_counter()
    with store.session() as session:
        result = run_import(session, "duo-verzuim", path)
    first = time.perf_counter() - started
    assert result.created["meldingen"] == rows, result.summary()
    started = time.perf_counter()
    with store.session() as session:
        again = run_import(session, "duo-verzuim", path)
    second = time.perf_counter() - started
    assert again.created["meldingen"] == 0
    store.close()
    return {"first": first, "again": second}


def _table_digests(store) -> dict[str, str]:
    """Per entity table: the row count and a hash of every row in id order (to prove the copy is exact)."""
    import hashlib

    from desktop.models.exporters.jsonl import RECORD_TYPES

    digests = {}
    with store.session() as session:
        for _name, model in RECORD_TYPES:
            table = model.__table__
            digest = hashlib.sha256()
            count = 0
            for row in session.execute(sa.select(table).order_by(table.c.id)).yield_per(5000):
                digest.update(repr(tuple(row)).encode())
                count += 1
            digests[table.name] = f"{count}:{digest.hexdigest()}"
    return digests


def bench_region(work: Path, persons: int) -> dict[str, float]:
    from desktop.models.demo import generate_demo
    from desktop.models.exporters.jsonl import export_jsonl
    from desktop.models.importers import run_import

    source = _new_profile(work / "bron")
    started = time.perf_counter()
    with source.session() as session:
        generate_demo(session, persons=persons, seed=1, today=dt.date(2025, 3, 3))
    built = time.perf_counter() - started
    path = work / "regio.jsonl"
    started = time.perf_counter()
    with source.session() as session:
        records = export_jsonl(session, path)
    exported = time.perf_counter() - started
    counts = _table_digests(source)
    source.close()
    target = _new_profile(work / "doel")
    started = time.perf_counter()
    with target.session() as session:
        result = run_import(session, "vangnet-jsonl", path)
    imported = time.perf_counter() - started
    assert result.report.ok, result.report.format()[:2000]
    copied = _table_digests(target)
    target.close()
    # The target profile may hold its gemeenten already (matched by CBS code, under their own ids).
    different = {name for name in counts if name != "municipalities" and counts[name] != copied[name]}
    assert not different, f"tabellen verschillen na de import: {sorted(different)}"
    return {
        "built": built,
        "export": exported,
        "import": imported,
        "records": records,
        "megabytes": path.stat().st_size / 1e6,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--persons", type=int, default=68_000, help="personen in de demoregio (68000 = volledig)")
    parser.add_argument("--rows", type=int, default=10_000, help="rijen in het DUO-bestand")
    parser.add_argument("--work-dir", help="map voor de profielen (standaard: een tijdelijke map)")
    parser.add_argument("--skip-region", action="store_true", help="alleen de DUO-import meten")
    parser.add_argument("--skip-duo", action="store_true", help="alleen export en import van de regio meten")
    args = parser.parse_args(argv)
    Base.metadata  # noqa: B018 - the model is imported above; keep the import visibly used
    with tempfile.TemporaryDirectory(dir=args.work_dir) as folder:
        work = Path(folder)
        missed = False
        if not args.skip_duo:
            duo = bench_duo(work, args.rows)
            target = TARGETS["duo_10000_s"] * args.rows / 10_000
            figure(f"DUO-import {args.rows} meldingen (nieuw)", duo["first"], "s", target)
            figure(f"DUO-import {args.rows} meldingen (zelfde bestand opnieuw)", duo["again"], "s")
            missed |= duo["first"] > target
        if not args.skip_region:
            region = bench_region(work, args.persons)
            figure(f"demoregio {args.persons} personen gemaakt", region["built"], "s")
            figure(
                f"export JSONL ({region['records']} records, {region['megabytes']:.0f} MB)",
                region["export"],
                "s",
                TARGETS["export_s"],
            )
            figure("import JSONL in een leeg profiel", region["import"], "s", TARGETS["reimport_s"])
            missed |= region["export"] > TARGETS["export_s"] or region["import"] > TARGETS["reimport_s"]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Jaarverslag figures for the full region (target ≤ 2 s) and the jaarverslag PDF with ten gemeente pages
(target ≤ 10 s), on a demo region in an encrypted (SQLCipher) profile.

Run: `.venv/bin/python -m tests.benchmarks stats [--persons 68000] [--keep DIR]`.
Not collected by pytest (the file name does not start with 'test_').
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.documents.jaarverslag import page_count, render_jaarverslag
from desktop.models.demo import generate_demo
from desktop.models.keyfile import KdfParams
from desktop.models.statistics import compute_figures, compute_region_figures
from desktop.models.store import Profile
from tests.benchmarks.report import figure

FIGURES_TARGET = 2.0
REPORT_TARGET = 10.0
SCHOOL_YEAR = "2023-2024"
PASSPHRASE = "benchmark wachtwoord lang genoeg"


def run(folder: Path, persons: int) -> None:
    profile = Profile(folder / "profiel")
    with profile.create(PASSPHRASE, kdf=KdfParams.minimum()) as store:
        started = time.perf_counter()
        with store.session() as session:
            generate_demo(session, persons=persons, seed=1, today=date(2025, 6, 1))
        print(f"  demoregio van {persons} personen gemaakt in {time.perf_counter() - started:.1f} s", flush=True)
    # A fresh unlock, as a user would have: no warm page cache from the generator.
    with profile.unlock(PASSPHRASE) as store, store.session() as session:
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            figures = compute_figures(session, SCHOOL_YEAR)
            timings.append(time.perf_counter() - started)
        figure(f"cijfers regio {SCHOOL_YEAR} (eerste keer)", timings[0], "s", FIGURES_TARGET)
        figure(f"cijfers regio {SCHOOL_YEAR} (mediaan van 3)", statistics.median(timings), "s", FIGURES_TARGET)
        started = time.perf_counter()
        region = compute_region_figures(session, SCHOOL_YEAR)
        figure("cijfers regio en tien gemeenten (één doorgang)", time.perf_counter() - started, "s",
               FIGURES_TARGET)
        out = folder / "jaarverslag.pdf"
        started = time.perf_counter()
        region = compute_region_figures(session, SCHOOL_YEAR)
        render_jaarverslag(region, out)
        elapsed = time.perf_counter() - started
        figure(f"jaarverslag PDF, {page_count(region)} pagina's (cijfers + opmaak)", elapsed, "s", REPORT_TARGET)
        print(f"  meldingen relatief verzuim {figures.value('relatief_verzuim.totaal')}, leerlingen "
              f"{figures.value('leerlingen')}, PDF {out.stat().st_size / 1024:.0f} KiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--persons", type=int, default=68000, help="personen in de demoregio (68000: volledig)")
    parser.add_argument("--keep", help="map waarin het profiel en de PDF blijven staan")
    args = parser.parse_args(argv)
    if args.keep:
        folder = Path(args.keep)
        folder.mkdir(parents=True, exist_ok=True)
        run(folder, args.persons)
    else:
        with tempfile.TemporaryDirectory() as name:
            run(Path(name), args.persons)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

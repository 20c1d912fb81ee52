"""Benchmark: letters from the database. One letter (target 100 ms) and a batch of 1,000 letters (target 60 s),
as one PDF and as one PDF per letter, each registered in the DocumentRecord register.

Run: .venv/bin/python -m tests.benchmarks letters [--count 1000]
Not collected by pytest (file name does not start with 'test_').
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.documents.from_database import (
    LetterOptions,
    jobs_for_targets,
    letter_jobs,
    make_letters,
    targets_for_case_numbers,
)
from desktop.documents.layout import LayoutSettings
from desktop.documents.letters import generate_letter
from desktop.models.keyfile import KdfParams
from desktop.models.store import Profile
from tests.documents.dbseed import LETTER_DATE, seed_families, seed_many_cases

ONE_LETTER_TARGET = 0.100
BATCH_TARGET = 60.0


def _line(label: str, seconds: float, target: float) -> str:
    return f"{label}: {seconds:.3f} s (target {target:g} s, ratio {seconds / target:.2f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000, help="letters in the batch (default 1000)")
    args = parser.parse_args(argv)
    settings = LayoutSettings()
    options = LetterOptions(letter_date=LETTER_DATE)
    with tempfile.TemporaryDirectory() as folder:
        profile = Profile(Path(folder) / "profiel")
        store = profile.create("benchmark wachtwoord lang genoeg", kdf=KdfParams.minimum())
        try:
            with store.session() as session:
                seeded = seed_families(session)
                numbers = seed_many_cases(session, args.count)

            # One letter: read the case, guardians and school, decide the addressees, render the PDF.
            with store.session() as session:  # first letter: fonts and templates are loaded once
                warm = letter_jobs(session, "waarschuwing", seeded.sanne_case, options=options)[0]
            generate_letter(warm.kind, warm.context, settings=settings)
            timings = []
            for _ in range(30):
                start = time.perf_counter()
                with store.session() as session:
                    job = letter_jobs(session, "waarschuwing", seeded.daan_case, options=options)[0]
                generate_letter(job.kind, job.context, settings=settings)
                timings.append(time.perf_counter() - start)
            one = statistics.median(timings)
            print(_line(f"one letter from the database, median of {len(timings)}", one, ONE_LETTER_TARGET)
                  + f"; slowest {max(timings) * 1000:.0f} ms")

            for one_file in (True, False):
                shown = [0.0]

                def progress(done: int, total: int, shown: list[float] = shown) -> None:
                    now = time.perf_counter()
                    if now - shown[0] > 5 or done == total:
                        shown[0] = now
                        print(f"  {done}/{total}", flush=True)

                start = time.perf_counter()
                with store.session() as session:
                    targets = targets_for_case_numbers(session, numbers)
                    jobs, problems = jobs_for_targets(session, "waarschuwing", targets, options)
                built = time.perf_counter() - start
                out = Path(folder) / ("serie.pdf" if one_file else "los")
                made = make_letters(store.session, jobs, out, one_file, progress, settings)
                elapsed = time.perf_counter() - start
                assert len(made) == len(jobs) == args.count and not problems
                mode = "one PDF" if one_file else "one PDF per letter"
                scaled = elapsed * 1000 / args.count
                print(_line(f"batch of {len(made)} letters from the database ({mode}, registered)", elapsed,
                            BATCH_TARGET * args.count / 1000)
                      + f"; of which reading the database {built:.1f} s; per 1,000: {scaled:.1f} s")
        finally:
            store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

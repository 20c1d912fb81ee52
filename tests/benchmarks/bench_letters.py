"""Benchmark: one letter (target 100 ms) and a batch of 1,000 letters (target 60 s), with progress.

Run: .venv/bin/python tests/benchmarks/bench_letters.py [--count 1000] [--separate]
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

from desktop.documents.layout import LayoutSettings
from desktop.documents.letters import LETTER_KINDS, BatchItem, render_batch, render_letter
from desktop.documents.samples import sample_context

ONE_LETTER_TARGET = 0.100
BATCH_TARGET = 60.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--separate", action="store_true", help="one PDF per letter instead of one file")
    args = parser.parse_args(argv)
    settings = LayoutSettings()
    kinds = sorted(LETTER_KINDS)

    start = time.perf_counter()
    render_letter(kinds[0], sample_context(kinds[0]), settings=settings)
    cold = time.perf_counter() - start
    timings = []
    for kind in kinds * 3:
        context = sample_context(kind)
        start = time.perf_counter()
        render_letter(kind, context, settings=settings)
        timings.append(time.perf_counter() - start)
    one = statistics.median(timings)
    print(f"first letter (fonts loaded): {cold * 1000:.0f} ms")
    print(f"one letter, median of {len(timings)}: {one * 1000:.1f} ms "
          f"(target {ONE_LETTER_TARGET * 1000:.0f} ms, ratio {one / ONE_LETTER_TARGET:.2f}); "
          f"slowest {max(timings) * 1000:.1f} ms")

    items = []
    for index in range(args.count):
        kind = kinds[index % len(kinds)]
        context = sample_context(kind)
        context.case_number = f"2025-{index:06d}"
        items.append(BatchItem(kind, context))
    last_report = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last_report[0] > 2 or done == total:
            last_report[0] = now
            print(f"  {done}/{total}", flush=True)

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / ("los" if args.separate else "batch.pdf")
        start = time.perf_counter()
        results = render_batch(items, target, not args.separate, progress, settings)
        elapsed = time.perf_counter() - start
        size = sum(p.stat().st_size for p in {r.path for r in results})
    mode = "one PDF per letter" if args.separate else "one PDF"
    print(f"batch of {args.count} letters ({mode}): {elapsed:.1f} s, {size / 1e6:.1f} MB "
          f"(target {BATCH_TARGET:.0f} s for 1,000, ratio {elapsed / BATCH_TARGET * 1000 / args.count:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

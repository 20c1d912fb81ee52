"""Runs a benchmark by name: `python -m tests.benchmarks NAME [options]`; without a name, lists them."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def available() -> list[str]:
    folder = Path(__file__).parent
    return sorted(m.name[len("bench_"):] for m in pkgutil.iter_modules([str(folder)]) if m.name.startswith("bench_"))


def main(argv: list[str]) -> int:
    names = available()
    if not argv or argv[0] in {"-h", "--help"}:
        print("Gebruik: python -m tests.benchmarks NAAM [opties]   (NAAM 'all' draait ze allemaal)")
        print("Beschikbaar: " + ", ".join(names))
        return 0
    chosen = names if argv[0] == "all" else [argv[0]]
    for name in chosen:
        if name not in names:
            print(f"Onbekende benchmark '{name}'. Beschikbaar: {', '.join(names)}", file=sys.stderr)
            return 2
        module = importlib.import_module(f"tests.benchmarks.bench_{name}")
        print(f"== {name} ==", flush=True)
        module.main(argv[1:] if argv[0] != "all" else [])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

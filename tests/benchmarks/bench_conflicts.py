"""The Conflicten view with 10,000 open items (what a second laptop met after its first sync).

Run: `.venv/bin/python -m tests.benchmarks conflicts [--items 10000] [--persons 2000] [--work-dir DIR]`.
Builds a small demo region, adds conflicts, refused changes and rows that could not be stored, straight into
the sync tables, then measures offscreen: the first rows visible after opening the view, a filter, the
last page when scrolled, the detail of one line, the memory and widget count, and the bulk choices per table
carried out in the background. Target: first rows within 200 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VANGNET_NO_CRASH_DIALOG", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import sqlalchemy as sa

from tests.benchmarks.report import figure

PASSPHRASE = "oefenen met vangnet"
TARGETS = {"first_rows_ms": 200.0, "filter_ms": 200.0, "scroll_page_ms": 50.0, "detail_ms": 50.0, "rss_delta_mb": 60.0}
CASE_PHASES = ("observe", "analyse", "plan", "act", "evaluate")
CITIES = ("Dordrecht", "Papendrecht", "Zwijndrecht", "Sliedrecht", "Gorinchem")
REFUSALS = (
    ("forbidden", "U hebt geen toegang tot dit gegeven."),
    ("out_of_scope", "Dit dossier is niet meer in uw caseload; de server heeft deze wijziging niet verwerkt."),
)


def add_problems(engine: Any, count: int, seed: int = 1, refused: float = 0.08, failed: float = 0.04) -> dict[str, int]:
    """Put ``count`` open items straight into the local sync tables: mostly conflicts on cases, persons and
    journal entries, some refused changes (parked) and some rows that could not be stored (apply_failed).
    Records are taken from the profile where it has them. Returns how many of each kind were added."""
    from desktop.models.base import Base
    from desktop.models.sync_tables import sync_conflicts, sync_parked

    tables = Base.metadata.tables
    rng = random.Random(seed)
    with engine.connect() as connection:
        ids = {
            name: list(connection.execute(sa.select(tables[name].c.id).limit(20_000)).scalars())
            for name in ("cases", "persons", "journal_entries", "schools")
        }
    for found in ids.values():
        if not found:
            found.append(str(uuid.uuid4()))
    start = dt.datetime(2026, 9, 1, 8, 0, tzinfo=dt.UTC)
    conflicts: list[dict[str, Any]] = []
    parked: list[dict[str, Any]] = []
    added = {"conflict": 0, "refused": 0, "apply_failed": 0}
    for number in range(count):
        when = (start + dt.timedelta(seconds=7 * number)).isoformat()
        draw = rng.random()
        if draw < refused:
            table = rng.choice(("schools", "persons", "journal_entries"))
            reason, message = REFUSALS[0] if table == "schools" else rng.choice(REFUSALS)
            changes = (
                {"name": {"old": None, "new": f"Nieuwe school {number}"}, "brin": {"old": None, "new": "99ZZ"}}
                if table == "schools"
                else {"city": {"old": "Dordrecht", "new": rng.choice(CITIES)}}
                if table == "persons"
                else {"text": {"old": "", "new": "Gesprek met moeder gevoerd; afspraak over terugkeer."}}
            )
            parked.append(
                {
                    "op_id": str(uuid.uuid4()),
                    "device_counter": number + 1,
                    "table_name": table,
                    "record_id": rng.choice(ids[table]) if table != "schools" else str(uuid.uuid4()),
                    "kind": "insert" if table == "schools" else "update",
                    "base_version": 1,
                    "changes": json.dumps(changes),
                    "reason": reason,
                    "message": message,
                    "parked_at": when,
                }
            )
            added["refused"] += 1
            continue
        if draw < refused + failed:
            record_id = rng.choice(ids["persons"])
            server_row = {"id": record_id, "version": 7, "city": rng.choice(CITIES), "street": "Kerkstraat",
                          "first_names": "Sanne", "last_name": "Vries", "prefix": "de"}
            kind, table, fields = "apply_failed", "persons", {"fields": {}, "server_row": server_row}
            added["apply_failed"] += 1
        else:
            table = rng.choices(("cases", "persons", "journal_entries"), weights=(6, 3, 1))[0]
            kind = rng.choices(("field", "edit_delete", "delete_edit", "exists"), weights=(90, 5, 3, 2))[0]
            if table == "cases":
                local, server = rng.sample(CASE_PHASES, 2)
                values = {"phase": {"local": local, "server": server}}
            elif table == "persons":
                local, server = rng.sample(CITIES, 2)
                values = {"city": {"local": local, "server": server}}
            else:
                values = {"text": {"local": "Leerling belde af wegens ziekte.", "server": "Ziek gemeld door vader."}}
            record_id = rng.choice(ids[table])
            fields = {"fields": values, "server_row": {"id": record_id, "version": 3}}
            added["conflict"] += 1
        conflicts.append(
            {
                "id": str(uuid.uuid4()),
                "table_name": table,
                "record_id": record_id,
                "kind": kind,
                "fields": json.dumps(fields),
                "op_id": str(uuid.uuid4()),
                "created_at": when,
                "resolved_at": None,
                "resolution": None,
            }
        )
    with engine.begin() as connection:
        for rows, table in ((conflicts, sync_conflicts), (parked, sync_parked)):
            for begin in range(0, len(rows), 5000):
                if rows[begin : begin + 5000]:
                    connection.execute(table.insert(), rows[begin : begin + 5000])
    return added


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def wait_for(app: Any, condition: Any, timeout_s: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("wachten duurde te lang")
        time.sleep(0.001)


def build_profile(path: Path, persons: int, items: int) -> None:
    from desktop.models.demo import generate_demo
    from desktop.models.keyfile import KdfParams
    from desktop.models.store import Profile

    profile = Profile(path)
    store = profile.create(PASSPHRASE, kdf=KdfParams.minimum())
    try:
        generate_demo(store.engine, persons=persons, seed=1)
        added = add_problems(store.engine, items)
    finally:
        store.close()
    print(f"  profiel met {persons} personen en {added} in {path}", flush=True)


def measure(app: Any, path: Path, results: dict[str, float]) -> None:
    """Opened as a person opens it: from Extra › Conflicten in a started main window."""
    from PySide6.QtWidgets import QWidget

    from desktop.app import open_store
    from desktop.models.store import Profile
    from desktop.operations.context import AppContext
    from desktop.settings import Settings
    from desktop.sync_service import CONFLICT, NOT_APPLIED, REFUSED
    from desktop.views.conflicts_view import KEEP_LOCAL, KEEP_SERVER, RETRY
    from desktop.views.main_window import MainWindow

    profile = Profile(path)
    store = open_store(profile, PASSPHRASE)
    ctx = AppContext(profile, Settings(profile.settings_path), store)
    window = MainWindow(ctx, lambda text: open_store(profile, text))
    window.resize(1366, 768)
    window.show()
    window.start()
    worklist = window.page("worklist")
    wait_for(app, lambda: bool(worklist.items) or not worklist.loading)
    app.processEvents()
    before = rss_mb()

    started = time.perf_counter()
    view = window.open_conflicts()
    wait_for(app, lambda: view.model.rowCount() > 0)
    view.table.viewport().repaint()  # the visible rows are read and drawn
    results["first_rows_ms"] = (time.perf_counter() - started) * 1000
    results["rows"] = view.model.rowCount()
    results["pages_read_at_open"] = view.model.pages_loaded
    results["widgets"] = len(view.findChildren(QWidget))

    started = time.perf_counter()
    view.set_filter(None, "persons")
    wait_for(app, lambda: not view.loading)
    view.table.viewport().repaint()
    results["filter_ms"] = (time.perf_counter() - started) * 1000
    results["filter_rows"] = view.model.rowCount()
    view.set_filter(None, None)
    wait_for(app, lambda: not view.loading)

    started = time.perf_counter()
    view.table.scrollToBottom()
    view.table.viewport().repaint()
    results["scroll_page_ms"] = (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    view.table.selectRow(view.model.rowCount() // 2)
    results["detail_ms"] = (time.perf_counter() - started) * 1000
    results["rss_delta_mb"] = rss_mb() - before

    def bulk(choice: str, table: str | None, category: str | None = None) -> tuple[int, float, int]:
        """(items the choice applies to, seconds until done, longest pause of the event loop in ms)."""
        view.set_filter(category, table)
        wait_for(app, lambda: not view.loading)
        keys = view.scope_keys()
        fitting = {KEEP_LOCAL: {CONFLICT}, KEEP_SERVER: {CONFLICT}, RETRY: {REFUSED, NOT_APPLIED}}[choice]
        ticks = []
        started = time.perf_counter()
        view.decide(choice, keys)
        while view.busy:
            ticks.append(time.perf_counter())
            app.processEvents()
            time.sleep(0.005)
        seconds = time.perf_counter() - started
        gaps = [b - a for a, b in itertools.pairwise(ticks)] or [0.0]
        return sum(1 for k, _id in keys if k in fitting), seconds, round(max(gaps) * 1000)

    n, seconds, gap = bulk(KEEP_SERVER, "cases")
    results["bulk_server_items"], results["bulk_server_s"], results["bulk_server_gap_ms"] = n, seconds, gap
    n, seconds, gap = bulk(KEEP_LOCAL, "persons")
    results["bulk_local_items"], results["bulk_local_s"], results["bulk_local_gap_ms"] = n, seconds, gap
    n, seconds, gap = bulk(RETRY, None, NOT_APPLIED)
    results["bulk_refetch_items"], results["bulk_refetch_s"], results["bulk_refetch_gap_ms"] = n, seconds, gap
    window.close()
    app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--persons", type=int, default=2_000)
    parser.add_argument("--work-dir", type=Path, default=None)
    args = parser.parse_args(argv)

    from desktop.app import make_application

    app = make_application()
    with tempfile.TemporaryDirectory(dir=args.work_dir) as folder:
        path = Path(folder) / "profiel"
        build_profile(path, args.persons, args.items)
        results: dict[str, float] = {}
        measure(app, path, results)

    print(f"  {int(results['rows'])} regels; {int(results['widgets'])} widgets in de view, "
          f"{int(results['pages_read_at_open'])} pagina('s) gelezen bij openen")
    figure("eerste regels zichtbaar na Extra › Conflicten", results["first_rows_ms"], "ms", TARGETS["first_rows_ms"])
    figure(f"filter per gegeven ({int(results['filter_rows'])} regels)", results["filter_ms"], "ms",
           TARGETS["filter_ms"])
    figure("laatste pagina na scrollen naar het eind", results["scroll_page_ms"], "ms", TARGETS["scroll_page_ms"])
    figure("detail van een regel", results["detail_ms"], "ms", TARGETS["detail_ms"])
    figure("extra geheugen (RSS) voor de view", results["rss_delta_mb"], "MB", TARGETS["rss_delta_mb"])
    for key, text in (("server", "waarden van de server houden"), ("local", "mijn waarden houden"),
                      ("refetch", "opnieuw ophalen (kon niet worden verwerkt)")):
        items = int(results[f"bulk_{key}_items"])
        figure(f"{text}: {items} regels, op de achtergrond", results[f"bulk_{key}_s"], "s")
        figure("  langste pauze van het venster daarbij", results[f"bulk_{key}_gap_ms"], "ms", 200.0)
    failures = [key for key, limit in TARGETS.items() if results[key] > limit]
    failures += [f"bulk_{key}_gap_ms" for key in ("server", "local", "refetch") if results[f"bulk_{key}_gap_ms"] > 200]
    print("\nAlle doelen gehaald." if not failures else "\nNiet gehaald: " + ", ".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`vangnet import`, `vangnet export` and `vangnet inzage`: files in and out of a profile, from the command line."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from desktop.commands.common import unlock
from desktop.errors import VangnetError
from desktop.models.importers import KINDS

LIST_NAMES = {
    "leerlingen": "persons",
    "zaken": "cases",
    "vrijstellingen": "exemptions",
    "verlof": "leave_requests",
    "thuiszitters": "home_sitters",
    "vsv": "dropouts",
    "documenten": "documents",
}


class ExportError(VangnetError):
    pass


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    command = add(
        "import", cmd_import, "lees een bestand in (DUO-verzuim, scholen, BRP, inschrijvingen, overstap, Vangnet)"
    )
    command.add_argument("kind", choices=KINDS, metavar="SOORT", help="soort bestand: " + ", ".join(KINDS))
    command.add_argument("file", metavar="BESTAND", help="CSV-, XLSX- of JSONL-bestand")
    command.add_argument(
        "--alleen-geldige",
        action="store_true",
        dest="only_valid",
        help="importeer de goede rijen en sla afgekeurde rijen over",
    )
    command.add_argument(
        "--controleer", action="store_true", dest="dry_run", help="controleer het bestand zonder iets te importeren"
    )

    export = add("export", cmd_export, "exporteer alles (JSONL) of een lijst (CSV/XLSX)")
    export.add_argument("file", nargs="?", metavar="BESTAND.jsonl", help="uitwisselbestand met alle gegevens")
    export.add_argument(
        "--lijst", choices=[*LIST_NAMES, "werkvoorraad", "cijfers"], help="welke lijst (met --csv of --xlsx)"
    )
    export.add_argument("--csv", metavar="BESTAND.csv", help="schrijf de lijst als CSV")
    export.add_argument("--xlsx", metavar="BESTAND.xlsx", help="schrijf de lijst als XLSX")

    inzage = add("inzage", cmd_inzage, "alle gegevens over één persoon (AVG art. 15) als PDF of JSON")
    inzage.add_argument("--persoon", required=True, metavar="ID", help="id van de persoon")
    inzage.add_argument("--out", required=True, metavar="BESTAND", help="BESTAND.pdf of BESTAND.json")


def _progress_printer() -> Callable[[int, int, str], None]:
    shown = [-1]

    def progress(done: int, total: int, text: str = "") -> None:
        if not sys.stderr.isatty() or not total:
            return
        percent = int(done * 100 / total)
        if percent // 5 != shown[0]:
            shown[0] = percent // 5
            print(f"\r{text}: {percent}%   ", end="", file=sys.stderr, flush=True)

    return progress


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.models.importers import ImportRefused, run_import

    started = time.perf_counter()
    with unlock(args) as store, store.session() as session:
        try:
            result = run_import(
                session,
                args.kind,
                Path(args.file),
                only_valid=args.only_valid,
                dry_run=args.dry_run,
                progress=_progress_printer(),
            )
        except ImportRefused as refused:
            if sys.stderr.isatty():
                print(file=sys.stderr)
            print(refused.message)
            return 1
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(result.report.format())
    print(result.summary() + f" ({time.perf_counter() - started:.1f} s)")
    return 0 if result.applied or result.report.ok else 1


def cmd_export(args: argparse.Namespace) -> int:
    if args.file is None and args.lijst is None:
        raise ExportError("Geef een bestand (.jsonl) of een lijst met --lijst en --csv of --xlsx.")
    started = time.perf_counter()
    with unlock(args) as store, store.session() as session:
        if args.file:
            from desktop.models.exporters.jsonl import export_jsonl

            if not args.file.lower().endswith(".jsonl"):
                raise ExportError("Een volledige export heeft de extensie .jsonl.")
            count = export_jsonl(session, Path(args.file), progress=_progress_printer())
            print(f"{count} records geëxporteerd naar {args.file} ({time.perf_counter() - started:.1f} s).")
        if args.lijst:
            from desktop.models.exporters.tabular import figures_table, list_table, worklist_table, write_table

            targets = [target for target in (args.csv, args.xlsx) if target]
            if not targets:
                raise ExportError("Geef bij --lijst ook --csv BESTAND of --xlsx BESTAND.")
            if args.lijst == "werkvoorraad":
                headers, rows = worklist_table(session)
                title = "Werkvoorraad"
            elif args.lijst == "cijfers":
                headers, rows = figures_table(session)
                title = "Cijfers"
            else:
                headers, rows = list_table(session, LIST_NAMES[args.lijst])
                title = args.lijst.capitalize()
            for target in targets:
                write_table(Path(target), headers, rows, title)
                print(f"{len(rows)} regels geschreven naar {target}.")
    return 0


def cmd_inzage(args: argparse.Namespace) -> int:
    from desktop.models.exporters.inzage import write_inzage

    if Path(args.out).suffix.lower() not in {".pdf", ".json"}:
        raise ExportError("Kies een bestandsnaam die eindigt op .pdf of .json.")
    with unlock(args) as store, store.session() as session:
        from desktop.models.errors import DomainError

        try:
            write_inzage(session, args.persoon, Path(args.out))
        except DomainError as error:
            raise ExportError(str(error)) from None
    print(f"Inzage geschreven naar {args.out}.")
    return 0

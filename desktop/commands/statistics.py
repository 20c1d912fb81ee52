"""`vangnet stats` and `vangnet report jaarverslag`: the jaarverslag figures on the command line."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from desktop.commands.common import unlock
from desktop.errors import VangnetError
from desktop.models.errors import DomainError
from desktop.models.statistics import Figures, compute_figures, compute_region_figures, figures_to_json

REPORT_KINDS = ("jaarverslag",)
OUTPUT_SUFFIXES = (".pdf", ".csv", ".xlsx")


class StatsError(VangnetError):
    pass


def _number(value: int | None) -> str:
    from desktop.documents.jaarverslag import nl_number

    return nl_number(value)


def format_table(figures: Figures) -> str:
    """The figures as a readable Dutch table: label, this year, last year, change."""
    from desktop.documents.jaarverslag import nl_change
    from desktop.models.law import SchoolYear

    year = figures.school_year
    previous = str(SchoolYear.parse(year).previous())
    where = (
        f"gemeente {figures.municipality_name} ({figures.municipality_code})"
        if figures.municipality_code
        else "de regio"
    )
    lines = [f"Cijfers {year} voor {where}; definities {figures.definitions}", ""]
    width = max(len(figures.definitions.label(key)) for key in figures.values)
    lines.append(f"{'Kengetal':<{width}}  {year:>10}  {previous:>10}  {'verschil':>9}")
    lines.append("-" * (width + 37))
    for key, figure in figures.values.items():
        lines.append(
            f"{figures.definitions.label(key):<{width}}  {_number(figure.value):>10}  "
            f"{_number(figure.previous):>10}  {nl_change(figure.change_pct):>9}"
        )
    expected, end = figures.home_sitter_balance()
    if expected != end:
        lines.append("")
        lines.append(
            f"Let op: de thuiszittersstroom sluit niet (aanvang + nieuw − beëindigd = {expected}, einde = {end})."
        )
    return "\n".join(lines)


def cmd_stats(args: argparse.Namespace) -> int:
    with unlock(args) as store, store.session() as session:
        try:
            figures = compute_figures(session, args.schooljaar, args.gemeente)
        except DomainError as error:
            raise StatsError(str(error)) from None
    if args.json:
        print(json.dumps(figures_to_json(figures), ensure_ascii=False, indent=2))
    else:
        print(format_table(figures))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise StatsError("Kies een bestandsnaam die eindigt op .pdf, .csv of .xlsx.")
    if not out.parent.exists():
        raise StatsError(f"De map {out.parent} bestaat niet.")
    started = time.perf_counter()
    with unlock(args) as store, store.session() as session:
        try:
            region = compute_region_figures(session, args.schooljaar)
        except DomainError as error:
            raise StatsError(str(error)) from None
    if suffix == ".pdf":
        from desktop.documents.jaarverslag import page_count, render_jaarverslag

        render_jaarverslag(region, out)
        detail = f"{page_count(region)} pagina's"
    elif suffix == ".csv":
        from desktop.documents.figures_export import write_csv

        write_csv(region, out)
        detail = f"{len(region.municipalities)} gemeenten en de regio"
    else:
        from desktop.documents.figures_export import write_xlsx

        write_xlsx(region, out)
        detail = f"{len(region.municipalities)} gemeenten en de regio"
    print(
        f"Jaarverslag {region.region.school_year} geschreven naar {out} ({detail}, "
        f"{time.perf_counter() - started:.1f} s).",
        file=sys.stderr,
    )
    return 0


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    stats = add("stats", cmd_stats, "toon de jaarcijfers van de regio of een gemeente")
    stats.add_argument("--schooljaar", required=True, help="bijvoorbeeld 2023-2024")
    stats.add_argument("--gemeente", help="CBS-code van een gemeente, bijvoorbeeld GM0505 (standaard: de regio)")
    stats.add_argument("--json", action="store_true", help="uitvoer als JSON (vaste vorm, zie docs/statistics.md)")
    report = add("report", cmd_report, "maak het jaarverslag als PDF, of de cijfers per gemeente als CSV of XLSX")
    report.add_argument("kind", choices=REPORT_KINDS, help="soort verslag")
    report.add_argument("--schooljaar", required=True, help="bijvoorbeeld 2023-2024")
    report.add_argument("--out", required=True, help="uitvoerbestand: .pdf, .csv of .xlsx")

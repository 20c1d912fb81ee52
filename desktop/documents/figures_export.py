"""The jaarverslag figures of the region and each gemeente as CSV or XLSX, for the gemeenten's own use.

Text cells that a spreadsheet could read as a formula are escaped (a leading apostrophe).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.models.law import SchoolYear
from desktop.models.statistics import FIGURE_KEYS, Figures, RegionFigures

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
HEADER = ("schooljaar", "gemeentecode", "gemeente", "kengetal", "omschrijving", "waarde", "vorig_jaar",
          "verandering_pct")


def escape_cell(value: Any) -> Any:
    """A text that starts like a formula gets a leading apostrophe; numbers and None pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _all(region: RegionFigures) -> list[tuple[str, str, Figures]]:
    rows = [("", f"Regio {region.region_name}", region.region)]
    rows += [(code, f.municipality_name or code, f) for code, f in region.municipalities.items()]
    return rows


def figure_records(region: RegionFigures) -> list[tuple[Any, ...]]:
    """One row per gemeente (the region first) and figure, in the columns of ``HEADER``."""
    records = []
    for code, name, figures in _all(region):
        for key in FIGURE_KEYS:
            figure = figures[key]
            records.append((figures.school_year, code, name, key, figures.definitions.label(key), figure.value,
                            figure.previous, figure.change_pct))
    return records


def write_csv(region: RegionFigures, out: str | Path) -> None:
    """Semicolon-separated, UTF-8 with BOM and decimal commas: what Dutch Excel opens correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for record in figure_records(region):
        *text, value, previous, change = record
        writer.writerow([
            *(escape_cell(t) for t in text),
            value,
            "" if previous is None else previous,
            "" if change is None else format_decimal(change, format="0.0", locale="nl_NL"),
        ])
    Path(out).write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")


def write_xlsx(region: RegionFigures, out: str | Path) -> None:
    """Three sheets: the figures side by side per gemeente, the same as a list, and the definitions."""
    year = region.region.school_year
    previous_year = str(SchoolYear.parse(year).previous())
    book = Workbook()
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="E8F1F2")

    wide = book.active
    assert isinstance(wide, Worksheet)  # a new workbook opens on its one worksheet
    wide.title = "Cijfers per gemeente"
    columns = _all(region)
    wide.append([escape_cell(f"Jaarcijfers {year} ({previous_year} tussen haakjes in de lijst), "
                             f"definities {region.region.definitions}")])
    wide.append(["Kengetal", "Omschrijving", *(escape_cell(name) for _, name, _ in columns)])
    wide.append(["", "", *(escape_cell(code) for code, _, _ in columns)])
    for key in FIGURE_KEYS:
        wide.append([key, escape_cell(region.region.definitions.label(key)),
                     *(figures.value(key) for _, _, figures in columns)])
    for cell in wide[2]:
        cell.font, cell.fill = bold, head_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    wide.column_dimensions["A"].width = 42
    wide.column_dimensions["B"].width = 46
    for index in range(len(columns)):
        wide.column_dimensions[get_column_letter(3 + index)].width = 14
    wide.freeze_panes = "C4"

    flat = book.create_sheet("Lijst")
    flat.append(list(HEADER))
    for record in figure_records(region):
        *text, value, previous, change = record
        flat.append([*(escape_cell(t) for t in text), value, previous, change])
    for cell in flat[1]:
        cell.font, cell.fill = bold, head_fill
    for letter, width in zip("ABCDEFGH", (11, 13, 24, 42, 46, 10, 11, 15), strict=True):
        flat.column_dimensions[letter].width = width
    flat.freeze_panes = "A2"

    definitions = book.create_sheet("Definities")
    d = region.region.definitions
    definitions.append([escape_cell(f"{d.name}, versie {d.version}")])
    definitions.append([escape_cell(d.reference_date_note)])
    definitions.append(["Kengetal", "Omschrijving", "Definitie"])
    for definition in d.definitions:
        definitions.append([definition.key, escape_cell(definition.label), escape_cell(definition.description)])
    for cell in definitions[3]:
        cell.font, cell.fill = bold, head_fill
    definitions.column_dimensions["A"].width = 42
    definitions.column_dimensions["B"].width = 46
    definitions.column_dimensions["C"].width = 110
    book.properties.title = f"Jaarcijfers leerplicht {year}"
    book.properties.creator = "Vangnet"
    book.save(str(out))

"""CSV and XLSX exports of lists (worklists, case lists, figures), safe to open in a spreadsheet.

A text cell starting with '=', '+', '-', '@' (or a tab or carriage return) would be run as a formula by
Excel or LibreOffice (CSV/formula injection); such cells get a leading apostrophe. Numbers stay numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from desktop.fileio import atomic_write_bytes
from desktop.models.errors import DomainError

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: Any) -> Any:
    """The value to write: text that a spreadsheet would treat as a formula gets an apostrophe in front."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float):
        return value
    if isinstance(value, dt.datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    text = str(getattr(value, "label", value))
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """Semicolon-separated UTF-8 with BOM: what Dutch Excel opens correctly by double-click."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([escape_cell(header) for header in headers])
    for row in rows:
        writer.writerow([escape_cell(value) for value in row])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def xlsx_bytes(headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str = "Lijst") -> bytes:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(title))
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=escape_cell(header))
        cell.font = Font(bold=True)
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        cells = []
        for value in row:
            escaped = escape_cell(value)
            cell = WriteOnlyCell(sheet, value=escaped)
            if isinstance(escaped, str):
                # Never let openpyxl store text as a formula, whatever it starts with.
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    cleaned = "".join(char for char in title if char not in "[]:*?/\\")
    return (cleaned or "Lijst")[:31]


def write_table(path: str | Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str = "Lijst") -> Path:
    """Write a list as CSV or XLSX (by the file's extension), atomically and readable by the owner only."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        data = xlsx_bytes(headers, rows, title)
    elif suffix == ".csv":
        data = csv_bytes(headers, rows)
    else:
        raise DomainError("Kies een bestandsnaam die eindigt op .csv of .xlsx.")
    atomic_write_bytes(path, data)
    return path


def list_table(session: Any, name: str) -> tuple[list[str], list[tuple]]:
    """The headers and rows of one of the application's lists (``desktop.models.lists.LIST_SPECS``)."""
    from desktop.models.lists import LIST_SPECS, list_rowids, list_rows

    spec = LIST_SPECS[name]
    rowids = list_rowids(session, spec)
    rows: list[tuple] = []
    for start in range(0, len(rowids), 2000):
        batch = rowids[start : start + 2000]
        values = list_rows(session, spec, batch)
        for rowid in batch:
            # The first two values are the record id and person id: internal, not for the sheet.
            rows.append(tuple(values[rowid][2:]))
    return [column.header for column in spec.columns], rows


def worklist_table(session: Any, today: dt.date | None = None) -> tuple[list[str], list[tuple]]:
    from desktop.models.worklist import worklist

    items = worklist(session, today)
    headers = ["Soort", "Onderwerp", "Toelichting", "Uiterste datum"]
    return headers, [(item.category, item.title, item.detail, item.due) for item in items]


def figures_table(session: Any) -> tuple[list[str], list[tuple]]:
    """The totals of the 'cijfers' list export (:func:`counts_overview`)."""
    return ["Onderwerp", "Aantal"], [tuple(row) for row in counts_overview(session)]


def counts_overview(session: Any) -> list[tuple[str, int]]:
    """A few totals of the whole store: persons, open and closed cases, meldingen, vrijstellingen, verlof,
    running thuiszitter episodes and Doorstroompunt trajectories."""
    from sqlalchemy import func, select

    from desktop.models import (
        AbsenceReport,
        Case,
        DropoutTrajectory,
        Exemption,
        HomeSitterEpisode,
        LeaveRequest,
        Person,
    )
    from desktop.models.enums import CaseStatus

    def count(model, *where) -> int:
        return session.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False), *where)) or 0

    return [
        ("Leerlingen", count(Person)),
        ("Open zaken", count(Case, Case.status == CaseStatus.OPEN)),
        ("Gesloten zaken", count(Case, Case.status == CaseStatus.CLOSED)),
        ("Verzuimmeldingen", count(AbsenceReport)),
        ("Vrijstellingen", count(Exemption)),
        ("Verlofaanvragen", count(LeaveRequest)),
        ("Lopende thuiszitters", count(HomeSitterEpisode, HomeSitterEpisode.end_date.is_(None))),
        ("Lopende trajecten Doorstroompunt", count(DropoutTrajectory, DropoutTrajectory.end_date.is_(None))),
    ]

"""Reading import files safely: size limits, zip-bomb/zip-slip/XXE checks on XLSX, encodings and delimiters.

Every check here runs before a parser sees the content; a refusal is one Dutch sentence without file data.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from desktop.errors import VangnetError


class ImportRefused(VangnetError):
    """The whole file is refused before anything is imported (wrong file, unsafe archive, missing columns)."""


@dataclass(frozen=True)
class Limits:
    """Upper bounds for one import file. The defaults fit a full regional DUO download with room to spare."""

    max_file_bytes: int = 100 * 1024 * 1024
    max_rows: int = 1_000_000
    max_zip_entries: int = 1_000
    max_zip_uncompressed: int = 400 * 1024 * 1024
    # Sheet XML compresses well (often 10-30x); a zip bomb compresses thousands of times.
    max_zip_ratio: int = 200
    # Entries below this size are not judged by their ratio: tiny repetitive parts compress very well.
    ratio_floor_bytes: int = 1024 * 1024
    max_field_chars: int = 100_000


DEFAULT_LIMITS = Limits()

ZIP_MAGIC = b"PK\x03\x04"
_XML_DANGER = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_CHUNK = 64 * 1024


@dataclass
class Table:
    """The raw cells of a file: a header and the data rows, with how the file was read."""

    header: list[str]
    rows: list[list[Any]]
    encoding: str | None = None
    delimiter: str | None = None
    file_type: str = "csv"
    # Line number in the file of each data row (a CSV field may span lines; a blank row is skipped).
    line_numbers: list[int] = field(default_factory=list)


def check_size(path: Path, limits: Limits = DEFAULT_LIMITS) -> int:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportRefused(f"Het bestand '{path.name}' bestaat niet.") from None
    except OSError:
        raise ImportRefused(f"Het bestand '{path.name}' kan niet worden gelezen.") from None
    if not path.is_file():
        raise ImportRefused(f"'{path.name}' is geen bestand.")
    if size > limits.max_file_bytes:
        raise ImportRefused(
            f"Het bestand is te groot ({size // (1024 * 1024)} MB); de grens is "
            f"{limits.max_file_bytes // (1024 * 1024)} MB. Splits het bestand."
        )
    if size == 0:
        raise ImportRefused("Het bestand is leeg.")
    return size


def _unsafe_member_name(name: str) -> bool:
    """A member path that would land outside the folder it is unpacked in (zip-slip) or is ambiguous."""
    if not name or "\x00" in name or "\\" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return True
    return any(part == ".." for part in PurePosixPath(name).parts)


def check_zip(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse an XLSX (a zip archive) that is a zip bomb, holds paths escaping its folder, or XML entities.

    The declared sizes in a zip can lie, so every entry is also read in chunks and its real size counted.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportRefused("Het bestand is geen geldig XLSX-bestand (het zip-archief is beschadigd).") from None
    with archive:
        try:
            infos = archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError):
            raise ImportRefused("Het bestand is geen geldig XLSX-bestand (het zip-archief is beschadigd).") from None
        if len(infos) > limits.max_zip_entries:
            raise ImportRefused(f"Het XLSX-bestand bevat te veel onderdelen ({len(infos)}); het wordt niet gelezen.")
        for info in infos:
            if _unsafe_member_name(info.filename):
                raise ImportRefused("Het XLSX-bestand bevat een pad buiten de eigen map; het wordt niet gelezen.")
            if info.flag_bits & 0x1:
                raise ImportRefused("Het XLSX-bestand is met een wachtwoord beveiligd; sla het onbeveiligd op.")
        declared = sum(info.file_size for info in infos)
        if declared > limits.max_zip_uncompressed:
            raise ImportRefused(
                "Het XLSX-bestand is uitgepakt te groot (mogelijk een zip-bom); het wordt niet gelezen."
            )
        for info in infos:
            if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.max_zip_ratio * max(
                info.compress_size, 1
            ):
                raise ImportRefused(
                    "Het XLSX-bestand is verdacht sterk gecomprimeerd (mogelijk een zip-bom); het wordt niet gelezen."
                )
        names = {info.filename for info in infos}
        if "xl/workbook.xml" not in names:
            raise ImportRefused("Het bestand is geen XLSX-werkmap (xl/workbook.xml ontbreekt).")
        total = 0
        for info in infos:
            tail = b""
            try:
                with archive.open(info) as member:
                    while chunk := member.read(_CHUNK):
                        total += len(chunk)
                        if total > limits.max_zip_uncompressed:
                            raise ImportRefused(
                                "Het XLSX-bestand is uitgepakt te groot (mogelijk een zip-bom); het wordt niet gelezen."
                            )
                        # Keep a short tail so a marker split over two chunks is still found.
                        if _XML_DANGER.search(tail + chunk):
                            raise ImportRefused(
                                "Het XLSX-bestand bevat XML-entiteiten (DOCTYPE/ENTITY); het wordt niet gelezen."
                            )
                        tail = chunk[-16:]
            except ImportRefused:
                raise
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
                raise ImportRefused("Het XLSX-bestand is beschadigd en kan niet worden gelezen.") from None
            except Exception:  # zlib and CRC errors surface under several types
                raise ImportRefused("Het XLSX-bestand is beschadigd en kan niet worden gelezen.") from None


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes as UTF-8 (with or without BOM) or else Windows-1252; returns (text, encoding name)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise ImportRefused("Het bestand begint als UTF-8 maar bevat ongeldige tekens.") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportRefused("Het bestand is in UTF-16 opgeslagen; sla het op als CSV (UTF-8).")
    if b"\x00" in data:
        raise ImportRefused("Het bestand bevat binaire gegevens; het is geen CSV-bestand.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        raise ImportRefused(
            "De tekencodering van het bestand wordt niet herkend; sla het op als CSV (UTF-8)."
        ) from None


def sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: ';' (Dutch Excel), ',' or a tab, counted outside quotes."""
    first = ""
    for line in text.splitlines():
        if line.strip():
            first = line
            break
    counts = {";": 0, ",": 0, "\t": 0}
    quoted = False
    for char in first:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda key: counts[key])
    return best if counts[best] else ","


def _read_csv(path: Path, limits: Limits) -> Table:
    data = path.read_bytes()
    head = data[:512].lstrip(codecs.BOM_UTF8).lstrip()
    if head.startswith(b"<?xml") or _XML_DANGER.search(head):
        raise ImportRefused("XML-bestanden worden niet ingelezen; gebruik CSV of XLSX.")
    text, encoding = decode_text(data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=False)
    header: list[str] | None = None
    rows: list[list[Any]] = []
    lines: list[int] = []
    old_limit = csv.field_size_limit()
    csv.field_size_limit(limits.max_field_chars)
    try:
        start_line = 1
        for record in reader:
            line = start_line
            start_line = reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = record
                continue
            rows.append(record)
            lines.append(line)
            if len(rows) > limits.max_rows:
                raise ImportRefused(f"Het bestand heeft meer dan {limits.max_rows} rijen; splits het bestand.")
    except csv.Error:
        raise ImportRefused(
            f"Het CSV-bestand kan vanaf regel {reader.line_num} niet worden gelezen "
            "(te lang veld of onjuiste aanhalingstekens)."
        ) from None
    finally:
        csv.field_size_limit(old_limit)
    if header is None:
        raise ImportRefused("Het bestand bevat geen kopregel met kolomnamen.")
    return Table(header=header, rows=rows, encoding=encoding, delimiter=delimiter, line_numbers=lines)


def _read_xlsx(path: Path, limits: Limits) -> Table:
    check_zip(path, limits)
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for malformed workbooks
        raise ImportRefused("Het XLSX-bestand kan niet worden gelezen.") from None
    try:
        if not workbook.worksheets:
            raise ImportRefused("Het XLSX-bestand bevat geen werkblad.")
        sheet = workbook.worksheets[0]
        header: list[str] | None = None
        rows: list[list[Any]] = []
        lines: list[int] = []
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = ["" if value is None else value for value in values]
                if not any(str(cell).strip() for cell in cells):
                    continue
                if header is None:
                    header = [str(cell) for cell in cells]
                    continue
                rows.append(cells)
                lines.append(number)
                if len(rows) > limits.max_rows:
                    raise ImportRefused(f"Het bestand heeft meer dan {limits.max_rows} rijen; splits het bestand.")
        except ImportRefused:
            raise
        except Exception:
            raise ImportRefused("Het XLSX-bestand is beschadigd en kan niet worden gelezen.") from None
    finally:
        workbook.close()
    if header is None:
        raise ImportRefused("Het werkblad bevat geen kopregel met kolomnamen.")
    return Table(header=header, rows=rows, file_type="xlsx", line_numbers=lines)


def read_table(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Table:
    """Read a CSV or XLSX file after the safety checks; the type follows the content, not the name."""
    path = Path(path)
    check_size(path, limits)
    suffix = path.suffix.lower()
    if suffix in {".xml", ".xls", ".ods"}:
        raise ImportRefused(f"Bestanden van het type '{suffix}' worden niet ingelezen; gebruik CSV of XLSX.")
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic == ZIP_MAGIC:
        return _read_xlsx(path, limits)
    if suffix == ".xlsx":
        raise ImportRefused("Het bestand heeft de naam van een XLSX-bestand maar is het niet.")
    return _read_csv(path, limits)


ProgressCallback = Callable[[int, int, str], None]


def no_progress(_done: int, _total: int, _text: str = "") -> None:
    return None

"""A corpus of bad files, one per failure: each is refused with a Dutch message naming the problem,
and the database is exactly as before (every table hashed before and after)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop.models.importers import ImportRefused, Limits, run_import
from tests.imports.conftest import bsn_numbers, invalid_bsn, table_fingerprint, write_csv, write_xlsx
from tests.imports.test_duo_verzuim import HEADER, duo_row


def _rewrite_zip(
    source: Path,
    target: Path,
    extra: dict[str, bytes] | None = None,
    replace: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", compression) as rewritten:
        for info in original.infolist():
            data = (replace or {}).get(info.filename, original.read(info.filename))
            rewritten.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            rewritten.writestr(name, data)
    return target


def _valid_xlsx(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "goed.xlsx", HEADER, [duo_row("VZ1", next(bsn_numbers()))])


def _bsn() -> str:
    return next(bsn_numbers(30_000_000))


def _csv(tmp_path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    return write_csv(tmp_path / "meldingen.csv", header, rows)


CASES = {
    "missing_column": (
        lambda tmp: _csv(tmp, [duo_row("VZ1", _bsn())[:11]], HEADER[:11]),
        "Verplichte kolom(men) ontbreken: 'Soort verzuim'",
    ),
    "wrong_file_kind": (
        lambda tmp: write_csv(tmp / "scholen.csv", ["BRIN", "Naam", "Soort"], [["12AB", "School", "VO"]]),
        "Verplichte kolom(men) ontbreken: 'Meldingsnummer', 'Datum melding'",
    ),
    "bad_date": (
        lambda tmp: _csv(tmp, [duo_row("VZ1", _bsn(), **{"Datum melding": "31-02-2024"})]),
        "Rij 2, kolom 'Datum melding': '31-02-2024' is geen bestaande datum",
    ),
    "unreadable_date": (
        lambda tmp: _csv(tmp, [duo_row("VZ1", _bsn(), **{"Begindatum verzuim": "maandag"})]),
        "Rij 2, kolom 'Begindatum verzuim': 'maandag' is geen datum (verwacht dd-mm-jjjj)",
    ),
    "invalid_bsn": (
        lambda tmp: _csv(tmp, [duo_row("VZ1", invalid_bsn())]),
        "Rij 2, kolom 'BSN': het BSN voldoet niet aan de 11-proef",
    ),
    "no_identifier": (
        lambda tmp: _csv(tmp, [duo_row("VZ1")]),
        "Rij 2, kolom 'BSN': vul een BSN of een onderwijsnummer in",
    ),
    "unknown_gemeente": (
        lambda tmp: _csv(tmp, [duo_row("VZ1", _bsn(), Woongemeente="GM0363")]),
        "Rij 2, kolom 'Woongemeente': onbekende gemeente GM0363",
    ),
    "unknown_kind": (
        lambda tmp: _csv(tmp, [duo_row("VZ1", _bsn(), **{"Soort verzuim": "spijbelen"})]),
        "Rij 2, kolom 'Soort verzuim': onbekende waarde 'spijbelen'",
    ),
    "end_before_start": (
        lambda tmp: _csv(tmp, [duo_row("VZ1", _bsn(), **{"Einddatum verzuim": "01-01-2024"})]),
        "Rij 2, kolom 'Einddatum verzuim': de einddatum ligt vóór de begindatum",
    ),
    "duplicate_in_file": (
        lambda tmp: _csv(tmp, [duo_row("VZ1", _bsn()), duo_row("VZ1", next(bsn_numbers(40_000_000)))]),
        "Rij 3, kolom 'Meldingsnummer': dubbel in het bestand (ook in rij 2)",
    ),
    "extra_fields": (
        lambda tmp: _csv(tmp, [[*duo_row("VZ1", _bsn()), "over"]]),
        "Rij 2: de rij heeft meer velden dan de kopregel",
    ),
    "undecodable_encoding": (
        lambda tmp: _bytes(tmp, ";".join(HEADER).encode() + b"\r\n\x81\x8d\x90;\x9d\r\n"),
        "De tekencodering van het bestand wordt niet herkend",
    ),
    "utf16": (
        lambda tmp: _bytes(tmp, ";".join(HEADER).encode("utf-16")),
        "Het bestand is in UTF-16 opgeslagen",
    ),
    "binary": (
        lambda tmp: _bytes(tmp, b"\x7fELF\x02\x01\x01\x00" + bytes(range(256))),
        "Het bestand bevat binaire gegevens",
    ),
    "empty": (lambda tmp: _bytes(tmp, b""), "Het bestand is leeg."),
    "xml_file": (
        lambda tmp: _bytes(
            tmp, b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
        ),
        "XML-bestanden worden niet ingelezen",
    ),
    "header_only_blank": (lambda tmp: _bytes(tmp, b"\r\n\r\n  \r\n"), "Het bestand bevat geen kopregel"),
    "fake_xlsx": (
        lambda tmp: _bytes(tmp, b"Meldingsnummer;Datum melding\r\n", name="melding.xlsx"),
        "heeft de naam van een XLSX-bestand maar is het niet",
    ),
    "zip_slip": (
        lambda tmp: _rewrite_zip(_valid_xlsx(tmp), tmp / "slip.xlsx", extra={"../../buiten.txt": b"x"}),
        "pad buiten de eigen map",
    ),
    "zip_slip_absolute": (
        lambda tmp: _rewrite_zip(_valid_xlsx(tmp), tmp / "slip2.xlsx", extra={"/etc/cron.d/x": b"x"}),
        "pad buiten de eigen map",
    ),
    "zip_bomb": (
        lambda tmp: _rewrite_zip(
            _valid_xlsx(tmp), tmp / "bom.xlsx", extra={"xl/media/leeg.bin": bytes(60 * 1024 * 1024)}
        ),
        "mogelijk een zip-bom",
    ),
    "xxe_in_sheet": (
        lambda tmp: _xxe(tmp),
        "XML-entiteiten (DOCTYPE/ENTITY)",
    ),
    "broken_zip": (
        lambda tmp: _bytes(tmp, b"PK\x03\x04" + b"\x00" * 200, name="kapot.xlsx"),
        "geen geldig XLSX-bestand",
    ),
}


def _bytes(tmp: Path, data: bytes, name: str = "meldingen.csv") -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


def _xxe(tmp: Path) -> Path:
    source = _valid_xlsx(tmp)
    with zipfile.ZipFile(source) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    doctype = b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    if sheet.startswith(b"<?xml"):
        end = sheet.index(b"?>") + 2
        evil = sheet[:end] + doctype + sheet[end:]
    else:
        evil = b'<?xml version="1.0" encoding="UTF-8"?>' + doctype + sheet
    return _rewrite_zip(source, tmp / "xxe.xlsx", replace={"xl/worksheets/sheet1.xml": evil})


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_refused_and_nothing_changes(session, tmp_path, case):
    make, expected = CASES[case]
    path = make(tmp_path)
    before = table_fingerprint(session)
    with pytest.raises(ImportRefused) as refused:
        run_import(session, "duo-verzuim", path)
    assert expected in refused.value.message
    session.rollback()
    assert table_fingerprint(session) == before


def test_oversize_file_is_refused_before_reading(session, tmp_path):
    path = _csv(tmp_path, [duo_row(f"VZ{i}", b) for i, b in zip(range(50), bsn_numbers(), strict=False)])
    before = table_fingerprint(session)
    with pytest.raises(ImportRefused) as refused:
        run_import(session, "duo-verzuim", path, limits=Limits(max_file_bytes=1024))
    assert "Het bestand is te groot" in refused.value.message
    assert table_fingerprint(session) == before


def test_declared_size_of_zip_entries_is_checked_before_reading(session, tmp_path):
    path = _valid_xlsx(tmp_path)
    with pytest.raises(ImportRefused) as refused:
        run_import(session, "duo-verzuim", path, limits=Limits(max_zip_uncompressed=1000))
    assert "uitgepakt te groot" in refused.value.message


def test_refusal_messages_never_contain_the_bsn(session, tmp_path):
    wrong = invalid_bsn()
    valid = _bsn()
    # An invalid BSN, and a valid one in a date column: neither is echoed back.
    path = _csv(
        tmp_path, [duo_row("VZ1", wrong, Woongemeente="GM0363"), duo_row("VZ2", valid, **{"Datum melding": valid})]
    )
    with pytest.raises(ImportRefused) as refused:
        run_import(session, "duo-verzuim", path)
    assert "Rij 3, kolom 'Datum melding': '(nummer)' is geen datum" in refused.value.message
    assert wrong not in refused.value.message and valid not in refused.value.message


@pytest.mark.parametrize(
    ("encoding", "bom", "delimiter"),
    [
        ("utf-8", False, ";"),
        ("utf-8", True, ";"),
        ("cp1252", False, ";"),
        ("utf-8", False, ","),
        ("cp1252", False, ","),
    ],
)
def test_encodings_and_delimiters_are_recognised(session, tmp_path, encoding, bom, delimiter):
    from desktop.models import Person

    rows = [
        duo_row(
            "VZ1",
            next(bsn_numbers()),
            Achternaam="Çelik-Ĳsselmeer" if encoding == "utf-8" else "Çelik-Göksu",
            Voornamen="Zoë, René",
        )
    ]
    path = write_csv(tmp_path / "duo.csv", HEADER, rows, delimiter=delimiter, encoding=encoding, bom=bom)
    result = run_import(session, "duo-verzuim", path)
    assert result.report.ok, result.report.format()
    person = session.query(Person).one()
    assert person.first_names == "Zoë, René"
    assert person.last_name.startswith("Çelik-")

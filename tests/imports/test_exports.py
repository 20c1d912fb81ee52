"""List exports escape formulas in CSV and XLSX; the inzage (AVG art. 15) holds everything about one person."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os

import pytest
import sqlalchemy as sa

from desktop.models import Case, Person, User
from desktop.models.enums import CaseKind, UserRole
from desktop.models.exporters.inzage import AccessEntry, collect, inzage_pdf, write_inzage
from desktop.models.exporters.tabular import escape_cell, list_table, write_table
from tests.imports.conftest import bsn_numbers

DANGEROUS = ['=HYPERLINK("http://x","klik")', "+31 6 1234", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_formula_prefixes_are_escaped(value):
    assert escape_cell(value) == "'" + value


def test_ordinary_values_are_left_alone():
    assert escape_cell("Jansen") == "Jansen"
    assert escape_cell(-3) == -3 and escape_cell(2.5) == 2.5
    assert escape_cell(dt.date(2024, 3, 1)) == "01-03-2024"
    assert escape_cell(None) == "" and escape_cell(True) == "ja"
    assert escape_cell(CaseKind.RELATIVE) == "Relatief verzuim"


def test_csv_export_escapes_every_dangerous_cell(tmp_path):
    path = write_table(tmp_path / "lijst.csv", ["Naam", "=Kop"], [[value, value] for value in DANGEROUS])
    text = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == ["Naam", "'=Kop"]
    for row, value in zip(rows[1:], DANGEROUS, strict=True):
        assert row == ["'" + value, "'" + value]
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"


def test_xlsx_export_stores_text_never_formulas(tmp_path):
    import openpyxl

    path = write_table(tmp_path / "lijst.xlsx", ["Naam", "Uren"], [[value, -4] for value in DANGEROUS], "Werk/voorraad")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet.title == "Werkvoorraad"
    for row, value in zip(sheet.iter_rows(min_row=2), DANGEROUS, strict=True):
        # XML stores a carriage return as a line feed; what matters is the apostrophe in front.
        assert row[0].data_type == "s" and row[0].value == ("'" + value).replace("\r", "\n")
        assert row[1].value == -4


def test_case_list_export_from_the_application_lists(session, tmp_path):
    person = Person(
        bsn=next(bsn_numbers()),
        first_names="=cmd|' /C calc'!A0",
        last_name="@Evil",
        birth_date=dt.date(2010, 1, 1),
        municipality_code="GM0505",
    )
    session.add(person)
    session.flush()
    session.add(
        Case(case_number="2024-000001", person_id=person.id, kind=CaseKind.RELATIVE, opened_on=dt.date(2024, 1, 2))
    )
    session.flush()
    headers, rows = list_table(session, "persons")
    assert "Naam" in headers and len(rows) == 1
    path = write_table(tmp_path / "leerlingen.csv", headers, rows)
    text = path.read_bytes().decode("utf-8-sig")
    body = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))[1]
    assert all(not cell.startswith(("=", "+", "-", "@")) for cell in body)
    assert any(cell.startswith("'@Evil") for cell in body)


def _person_with_file(session):
    consultant = User(username="consulent1", display_name="C. Consulent", role=UserRole.CONSULTANT)
    session.add(consultant)
    person = Person(
        bsn=next(bsn_numbers()),
        first_names="Emma",
        prefix="de",
        last_name="Groot",
        birth_date=dt.date(2011, 6, 1),
        municipality_code="GM0590",
        city="Papendrecht",
    )
    session.add(person)
    session.flush()
    case = Case(
        case_number="2024-000007",
        person_id=person.id,
        kind=CaseKind.RELATIVE,
        opened_on=dt.date(2024, 2, 1),
        assigned_user_id=consultant.id,
    )
    session.add(case)
    other = Person(
        bsn=next(bsn_numbers(60_000_000)), first_names="Ander", last_name="Kind", birth_date=dt.date(2011, 1, 1)
    )
    session.add(other)
    session.flush()
    session.add(
        Case(case_number="2024-000008", person_id=other.id, kind=CaseKind.ABSOLUTE, opened_on=dt.date(2024, 2, 1))
    )
    session.flush()
    return person


def test_inzage_json_holds_the_persons_data_and_access_history(session, tmp_path):
    person = _person_with_file(session)
    access = [AccessEntry(dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.UTC), "consulent1", "dossier bekeken")]
    path = write_inzage(session, person.id, tmp_path / "inzage.json", access=access)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["Persoon"]["Achternaam"] == "Groot" and data["Persoon"]["BSN"] == person.bsn
    assert data["Persoon"]["Gemeente"] == "Papendrecht"
    assert [case["Zaaknummer"] for case in data["Zaken"]] == ["2024-000007"]
    assert data["Zaken"][0]["Consulent"] == "C. Consulent"
    assert data["Zaken"][0]["Soort"] == "Relatief verzuim"
    assert data["Wie heeft het dossier ingezien of gewijzigd"] == [
        {"Tijdstip": "01-03-2024 09:30", "Door": "consulent1", "Handeling": "dossier bekeken", "Resultaat": "ok"}
    ]
    assert "Kind" not in json.dumps(data)  # nothing about another person


def test_inzage_reads_the_access_log_when_no_entries_are_given(session):
    from desktop.models import audit

    person = _person_with_file(session)
    with audit.acting_as("consulent1", "laptop-7"):
        audit.record(session, audit.AuditAction.VIEW_PERSON, "person", person.id)
    data = collect(session, person.id)
    history = data["Wie heeft het dossier ingezien of gewijzigd"]
    assert len(history) == 1 and history[0]["Door"] == "consulent1"
    assert history[0]["Handeling"] == audit.ACTION_LABELS[audit.AuditAction.VIEW_PERSON]


def test_inzage_pdf_is_a_readable_pdf(session, tmp_path):
    person = _person_with_file(session)
    data = inzage_pdf(session, person.id, access=[])
    assert data.startswith(b"%PDF-") and len(data) > 2000
    path = write_inzage(session, person.id, tmp_path / "inzage.pdf", access=[])
    assert path.read_bytes().startswith(b"%PDF-")
    from desktop.models import audit

    exports = audit.search(session, object_id=person.id, action=audit.AuditAction.EXPORT)
    assert len(exports) == 1


def test_inzage_for_unknown_person_is_a_clear_error(session):
    from desktop.models.errors import DomainError

    with pytest.raises(DomainError, match="staat niet in Vangnet"):
        collect(session, "bestaat-niet")
    assert session.scalar(sa.select(sa.func.count()).select_from(Person)) == 0

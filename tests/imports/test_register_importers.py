"""Schools, BRP persons with addresses and moves, enrolments and VO→MBO transfers: valid files and refusals."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from desktop.models import AddressHistory, Enrollment, Person, School, Transfer
from desktop.models.enums import Gender, SchoolKind, TransferStatus
from desktop.models.importers import ImportRefused, run_import
from tests.imports.conftest import bsn_numbers, invalid_bsn, table_fingerprint, write_csv, write_xlsx

SCHOOL_HEADER = ["BRIN", "Vestiging", "Naam", "Soort", "Gemeente", "Straat", "Huisnummer", "Postcode", "Plaats"]
BRP_HEADER = [
    "BSN",
    "Voornamen",
    "Voorvoegsel",
    "Achternaam",
    "Geboortedatum",
    "Geslacht",
    "Straat",
    "Huisnummer",
    "Postcode",
    "Woonplaats",
    "Gemeente",
    "Datum vestiging",
]


def test_schools_are_created_and_updated(session, tmp_path):
    rows = [
        ["78GH", "00", "Insula College", "VO", "GM0505", "Overkampweg", "2", "3318 AR", "Dordrecht"],
        ["78GH", "1", "Insula College Noord", "vmbo", "Dordrecht", "", "", "", "Dordrecht"],
        ["12AB", "00", "Johan de Witt-gymnasium (nieuw)", "VO", "505", "", "", "", ""],
    ]
    result = run_import(session, "schools", write_csv(tmp_path / "scholen.csv", SCHOOL_HEADER, rows, delimiter=","))
    assert result.report.ok, result.report.format()
    assert result.created["scholen"] == 2 and result.updated["scholen"] == 1
    noord = session.scalars(sa.select(School).where(School.brin == "78GH", School.location == "01")).one()
    assert noord.kind == SchoolKind.VO and noord.municipality_code == "GM0505"
    main = session.scalars(sa.select(School).where(School.brin == "78GH", School.location == "00")).one()
    assert main.postal_code == "3318 AR"


def test_schools_refused_for_unknown_gemeente_and_bad_kind(session, tmp_path):
    rows = [["78GH", "00", "X", "VO", "GM9999", "", "", "", ""], ["79GH", "00", "Y", "hbo", "GM0505", "", "", "", ""]]
    before = table_fingerprint(session)
    with pytest.raises(ImportRefused) as refused:
        run_import(session, "schools", write_csv(tmp_path / "s.csv", SCHOOL_HEADER, rows))
    assert "Rij 2, kolom 'Gemeente': onbekende gemeente GM9999" in refused.value.message
    assert "Rij 3, kolom 'Soort': onbekende waarde 'hbo'" in refused.value.message
    assert table_fingerprint(session) == before


def test_brp_persons_with_moves_build_address_history(session, tmp_path):
    numbers = bsn_numbers()
    first, second = next(numbers), next(numbers)
    rows = [
        [
            first,
            "Sanne",
            "van",
            "Dijk",
            "14-05-2011",
            "V",
            "Voorstraat",
            "10",
            "3311AB",
            "Dordrecht",
            "GM0505",
            "01-01-2015",
        ],
        [
            first,
            "Sanne",
            "van",
            "Dijk",
            "14-05-2011",
            "V",
            "Markt",
            "3a",
            "3351 AB",
            "Papendrecht",
            "GM0590",
            "01-09-2023",
        ],
        [
            second,
            "Mohammed",
            "",
            "El Amrani",
            "2009-12-01",
            "M",
            "Kerkstraat",
            "1",
            "3331 AA",
            "Zwijndrecht",
            "GM0642",
            "",
        ],
    ]
    result = run_import(session, "brp", write_csv(tmp_path / "brp.csv", BRP_HEADER, rows))
    assert result.report.ok, result.report.format()
    assert result.created["personen"] == 2 and result.created["adressen"] == 2
    sanne = session.scalars(sa.select(Person).where(Person.bsn == first)).one()
    assert sanne.municipality_code == "GM0590" and sanne.city == "Papendrecht" and sanne.gender == Gender.FEMALE
    periods = session.scalars(
        sa.select(AddressHistory).where(AddressHistory.person_id == sanne.id).order_by(AddressHistory.from_date)
    ).all()
    assert [(p.from_date, p.to_date, p.municipality_code) for p in periods] == [
        (dt.date(2015, 1, 1), dt.date(2023, 8, 31), "GM0505"),
        (dt.date(2023, 9, 1), None, "GM0590"),
    ]

    # A later extract with a new move closes the open period and never duplicates the person.
    later = [
        [first, "Sanne", "van", "Dijk", "14-05-2011", "V", "Dam", "1", "3311 AA", "Dordrecht", "GM0505", "01-03-2025"]
    ]
    result = run_import(session, "brp", write_csv(tmp_path / "brp2.csv", BRP_HEADER, later))
    assert result.created["personen"] == 0 and result.updated["personen"] == 1
    assert session.scalar(sa.select(sa.func.count()).select_from(Person)) == 2
    periods = session.scalars(
        sa.select(AddressHistory).where(AddressHistory.person_id == sanne.id).order_by(AddressHistory.from_date)
    ).all()
    assert periods[1].to_date == dt.date(2025, 2, 28) and periods[2].to_date is None


def test_brp_refuses_invalid_bsn_and_conflicting_rows(session, tmp_path):
    bsn = next(bsn_numbers())
    rows = [
        [invalid_bsn(), "A", "", "B", "01-01-2010", "M", "", "", "", "", "GM0505", ""],
        [bsn, "Sanne", "", "Dijk", "14-05-2011", "V", "", "", "", "", "GM0505", "01-01-2015"],
        [bsn, "Sanne", "", "Dijk", "15-05-2011", "V", "", "", "", "", "GM0505", "01-01-2016"],
        [bsn, "Sanne", "", "Dijk", "14-05-2011", "V", "", "", "", "", "GM0505", "01-01-2015"],
    ]
    before = table_fingerprint(session)
    with pytest.raises(ImportRefused) as refused:
        run_import(session, "brp", write_xlsx(tmp_path / "brp.xlsx", BRP_HEADER, rows))
    message = refused.value.message
    assert "Rij 2, kolom 'BSN': het BSN voldoet niet aan de 11-proef" in message
    assert "Rij 4, kolom 'Geboortedatum': andere persoonsgegevens dan rij 3 met hetzelfde BSN" in message
    assert "Rij 5, kolom 'Datum vestiging': dubbel in het bestand (ook in rij 3)" in message
    assert table_fingerprint(session) == before


def _person(session, bsn: str) -> Person:
    person = Person(
        bsn=bsn, first_names="Lotte", last_name="Bakker", birth_date=dt.date(2008, 3, 1), municipality_code="GM0505"
    )
    session.add(person)
    session.flush()
    return person


def test_enrollments_link_persons_to_school_locations(session, tmp_path):
    bsn = next(bsn_numbers())
    person = _person(session, bsn)
    header = ["BSN", "BRIN", "Vestiging", "Datum inschrijving", "Datum uitschrijving", "Niveau", "Leerjaar"]
    rows = [
        [bsn, "12AB", "01", "01-08-2020", "31-07-2024", "havo", "4"],
        [bsn, "34CD", "", "01-08-2024", "", "mbo-2", "1"],
    ]
    result = run_import(session, "enrollments", write_csv(tmp_path / "inschrijvingen.csv", header, rows))
    assert result.created["inschrijvingen"] == 2
    enrollments = session.scalars(sa.select(Enrollment).where(Enrollment.person_id == person.id)).all()
    assert {e.level for e in enrollments} == {"havo", "mbo-2"}
    again = run_import(session, "enrollments", write_csv(tmp_path / "inschrijvingen.csv", header, rows))
    assert again.unchanged == 2

    unknown = [
        [next(bsn_numbers(50_000_000)), "12AB", "00", "01-08-2020", "", "", ""],
        [bsn, "99XX", "00", "01-08-2020", "", "", ""],
    ]
    with pytest.raises(ImportRefused) as refused:
        run_import(session, "enrollments", write_csv(tmp_path / "x.csv", header, unknown))
    assert "Rij 2, kolom 'BSN': leerling onbekend in Vangnet" in refused.value.message
    assert "Rij 3, kolom 'BRIN': onbekende school" in refused.value.message


def test_transfers_import_and_update_per_school_year(session, tmp_path):
    bsn = next(bsn_numbers())
    person = _person(session, bsn)
    header = ["BSN", "BRIN VO", "BRIN MBO", "Status", "Datum status", "Schooljaar", "Begeleid"]
    rows = [[bsn, "12AB", "34CD", "Aangemeld", "15-03-2024", "2023-2024", "nee"]]
    result = run_import(session, "transfers", write_csv(tmp_path / "overstap.csv", header, rows))
    assert result.created["overstappen"] == 1
    rows = [[bsn, "12AB", "34CD", "ingeschreven", "01-06-2024", "2023-2024", "ja"]]
    result = run_import(session, "transfers", write_csv(tmp_path / "overstap2.csv", header, rows))
    assert result.updated["overstappen"] == 1
    transfer = session.scalars(sa.select(Transfer).where(Transfer.person_id == person.id)).one()
    assert transfer.status == TransferStatus.ENROLLED and transfer.guided is True
    assert transfer.status_date == dt.date(2024, 6, 1) and transfer.municipality_code == "GM0505"

    bad = [[bsn, "12AB", "", "Aangemeld", "15-03-2024", "2024/2026", ""]]
    with pytest.raises(ImportRefused) as refused:
        run_import(session, "transfers", write_csv(tmp_path / "overstap3.csv", header, bad))
    assert "Rij 2, kolom 'Schooljaar': '2024/2026' is geen schooljaar" in refused.value.message
    assert (
        "Rij 2, kolom 'BRIN MBO': bij de status aangemeld of ingeschreven hoort een BRIN MBO" in refused.value.message
    )


def test_only_the_functioneel_beheerder_imports_the_school_list(session, tmp_path):
    from desktop.models.session_user import set_current_user

    rows = [["78GH", "00", "Insula College", "VO", "GM0505", "", "", "", "Dordrecht"]]
    path = write_csv(tmp_path / "scholen.csv", SCHOOL_HEADER, rows, delimiter=",")
    set_current_user(session, "cora", "administrator", ["GM0505"], "apparaat-1", "u-cora")
    before = table_fingerprint(session)
    with pytest.raises(ImportRefused) as refused:
        run_import(session, "schools", path)
    assert "functioneel beheerder" in refused.value.message and "administratief medewerker" in refused.value.message
    assert table_fingerprint(session, exclude=("audit_log", "local_meta")) == {
        k: v for k, v in before.items() if k not in ("audit_log", "local_meta")
    }
    set_current_user(session, "fred", "system_administrator", [], "apparaat-2", "u-fred")
    assert run_import(session, "schools", path).created["scholen"] == 1

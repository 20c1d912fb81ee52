"""DUO verzuimmeldingen: valid CSV/XLSX files, updates instead of doubles, cases opened or joined, person merge."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from desktop.models import AbsenceReport, Case, JournalEntry, Person, School
from desktop.models.enums import AbsenceKind, CaseKind
from desktop.models.importers import ImportRefused, run_import
from tests.imports.conftest import SCHOOLS, bsn_numbers, table_fingerprint, write_csv, write_xlsx

HEADER = [
    "Meldingsnummer",
    "Datum melding",
    "BSN",
    "Onderwijsnummer",
    "Achternaam",
    "Voorvoegsel",
    "Voornamen",
    "Geboortedatum",
    "Woongemeente",
    "BRIN",
    "Vestiging",
    "Soort verzuim",
    "Begindatum verzuim",
    "Einddatum verzuim",
    "Vermoedelijke reden",
    "Alle lessen verzuimd",
    "Actie gemeente gewenst",
    "Naam melder",
    "Uren verzuim",
    "Aantal keer te laat",
]


def duo_row(number: str, bsn: str = "", edu: str = "", **overrides: object) -> list[object]:
    row = {
        "Meldingsnummer": number,
        "Datum melding": "12-03-2024",
        "BSN": bsn,
        "Onderwijsnummer": edu,
        "Achternaam": "Jansen",
        "Voorvoegsel": "",
        "Voornamen": "Piet",
        "Geboortedatum": "01-02-2010",
        "Woongemeente": "GM0505",
        "BRIN": "12AB",
        "Vestiging": "00",
        "Soort verzuim": "16 uur in 4 lesweken",
        "Begindatum verzuim": "05-02-2024",
        "Einddatum verzuim": "01-03-2024",
        "Vermoedelijke reden": "Onbekend",
        "Alle lessen verzuimd": "nee",
        "Actie gemeente gewenst": "ja",
        "Naam melder": "M. de Vries",
        "Uren verzuim": "16,5",
        "Aantal keer te laat": "3",
    }
    row.update(overrides)
    return [row[name] for name in HEADER]


def count(session, model) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(model))


def test_valid_csv_creates_persons_meldingen_and_cases(session, tmp_path):
    numbers = bsn_numbers()
    rows = [duo_row(f"VZ{i:05d}", next(numbers)) for i in range(4)]
    rows.append(duo_row("VZ00099", edu="123456789", **{"Soort verzuim": "Verzuim 18+"}))
    path = write_csv(tmp_path / "duo.csv", HEADER, rows)

    result = run_import(session, "duo-verzuim", path)

    assert result.report.ok, result.report.format()
    assert result.created["meldingen"] == 5
    assert result.created["personen"] == 5
    assert result.created["zaken"] == 5
    report = session.scalars(sa.select(AbsenceReport).where(AbsenceReport.duo_number == "VZ00001")).one()
    assert report.kind == AbsenceKind.SIXTEEN_HOURS
    assert report.hours_absent == 16.5
    assert report.times_late == 3
    assert report.all_lessons_missed is False
    assert report.municipality_action_wanted is True
    assert report.absence_start == dt.date(2024, 2, 5)
    assert report.school_id is not None and report.municipality_code == "GM0505"
    case = session.get(Case, report.case_id)
    assert case.kind == CaseKind.RELATIVE and case.case_number.startswith("2024-")
    over_18 = session.scalars(sa.select(AbsenceReport).where(AbsenceReport.duo_number == "VZ00099")).one()
    assert session.get(Case, over_18.case_id).kind == CaseKind.OVER_18
    assert session.get(Person, over_18.person_id).education_number == "123456789"


def test_same_file_twice_never_doubles_and_updates_changes(session, tmp_path):
    numbers = bsn_numbers()
    bsn = next(numbers)
    path = write_csv(tmp_path / "duo.csv", HEADER, [duo_row("VZ1", bsn), duo_row("VZ2", next(numbers))])
    run_import(session, "duo-verzuim", path)
    session.commit()

    again = run_import(session, "duo-verzuim", path)
    assert again.created["meldingen"] == 0 and again.unchanged == 2
    assert count(session, AbsenceReport) == 2

    changed = write_csv(tmp_path / "duo2.csv", HEADER, [duo_row("VZ1", bsn, **{"Uren verzuim": "20"})])
    result = run_import(session, "duo-verzuim", changed)
    assert result.updated["meldingen"] == 1
    assert count(session, AbsenceReport) == 2
    assert session.scalars(sa.select(AbsenceReport.hours_absent).where(AbsenceReport.duo_number == "VZ1")).one() == 20


def test_new_melding_joins_the_open_case(session, tmp_path):
    bsn = next(bsn_numbers())
    run_import(session, "duo-verzuim", write_csv(tmp_path / "a.csv", HEADER, [duo_row("VZ1", bsn)]))
    result = run_import(
        session,
        "duo-verzuim",
        write_csv(tmp_path / "b.csv", HEADER, [duo_row("VZ2", bsn, **{"Datum melding": "20-04-2024"})]),
    )
    assert result.created["zaken"] == 0 and result.created["meldingen"] == 1
    assert count(session, Case) == 1
    case_ids = set(session.scalars(sa.select(AbsenceReport.case_id)))
    assert len(case_ids) == 1
    notes = session.scalars(sa.select(JournalEntry.text).where(JournalEntry.case_id.in_(case_ids))).all()
    assert sorted(notes) == [
        "DUO-verzuimmelding (16 uur in 4 lesweken), gemeld op 20-04-2024 toegevoegd aan de zaak.",
        "Zaak geopend (Relatief verzuim) na DUO-verzuimmelding (16 uur in 4 lesweken), gemeld op 12-03-2024.",
    ]


def test_duplicate_melding_within_file_is_refused_and_nothing_changes(session, tmp_path):
    numbers = bsn_numbers()
    path = write_csv(tmp_path / "duo.csv", HEADER, [duo_row("VZ1", next(numbers)), duo_row("VZ1", next(numbers))])
    before = table_fingerprint(session)
    with pytest.raises(ImportRefused) as refused:
        run_import(session, "duo-verzuim", path)
    assert "Rij 3, kolom 'Meldingsnummer': dubbel in het bestand (ook in rij 2)" in refused.value.message
    assert table_fingerprint(session) == before
    from desktop.models import audit

    logged = audit.search(session, action=audit.AuditAction.IMPORT)
    assert [(entry.object_type, entry.result) for entry in logged] == [("import:duo-verzuim", "refused")]


def test_only_valid_rows_imports_the_good_ones(session, tmp_path):
    numbers = bsn_numbers()
    rows = [duo_row("VZ1", next(numbers)), duo_row("VZ2", next(numbers), **{"Datum melding": "31-02-2024"})]
    path = write_csv(tmp_path / "duo.csv", HEADER, rows)
    result = run_import(session, "duo-verzuim", path, only_valid=True)
    assert result.report.rejected_rows == [3]
    assert result.skipped_rows == [3]
    assert result.created["meldingen"] == 1
    assert session.scalars(sa.select(AbsenceReport.duo_number)).all() == ["VZ1"]


def test_dry_run_reports_without_writing(session, tmp_path):
    path = write_csv(tmp_path / "duo.csv", HEADER, [duo_row("VZ1", next(bsn_numbers()))])
    before = table_fingerprint(session)
    result = run_import(session, "duo-verzuim", path, dry_run=True)
    assert not result.applied and result.report.ok
    assert "niets gewijzigd" in result.summary()
    assert table_fingerprint(session) == before


def test_xlsx_download_with_date_cells(session, tmp_path):
    numbers = bsn_numbers()
    rows = []
    for i in range(3):
        row = duo_row(f"X{i}", next(numbers))
        row[HEADER.index("Datum melding")] = dt.datetime(2024, 3, 12)
        row[HEADER.index("Uren verzuim")] = 18
        rows.append(row)
    path = write_xlsx(tmp_path / "duo.xlsx", HEADER, rows)
    result = run_import(session, "duo-verzuim", path)
    assert result.created["meldingen"] == 3
    assert set(session.scalars(sa.select(AbsenceReport.received_on))) == {dt.date(2024, 3, 12)}


def test_person_known_by_education_number_gets_bsn_without_duplicate(session, tmp_path):
    bsn = next(bsn_numbers())
    run_import(session, "duo-verzuim", write_csv(tmp_path / "a.csv", HEADER, [duo_row("VZ1", edu="987654321")]))
    session.commit()
    result = run_import(
        session, "duo-verzuim", write_csv(tmp_path / "b.csv", HEADER, [duo_row("VZ2", bsn, edu="987654321")])
    )
    assert result.created["personen"] == 0
    persons = session.scalars(sa.select(Person)).all()
    assert len(persons) == 1
    assert persons[0].bsn == bsn and persons[0].education_number == "987654321"
    from desktop.models import audit

    entries = audit.search(session, object_id=persons[0].id, action=audit.AuditAction.MERGE_PERSON)
    assert len(entries) == 1
    assert audit.verify_chain(session) == []


def test_two_persons_for_one_pupil_are_merged_with_their_records(session, tmp_path):
    numbers = bsn_numbers()
    bsn = next(numbers)
    run_import(session, "duo-verzuim", write_csv(tmp_path / "a.csv", HEADER, [duo_row("VZ1", edu="987654321")]))
    run_import(session, "duo-verzuim", write_csv(tmp_path / "b.csv", HEADER, [duo_row("VZ2", bsn)]))
    session.commit()
    assert count(session, Person) == 2

    result = run_import(
        session, "duo-verzuim", write_csv(tmp_path / "c.csv", HEADER, [duo_row("VZ3", bsn, edu="987654321")])
    )
    assert result.report.ok
    persons = session.scalars(sa.select(Person).where(Person.deleted.is_(False))).all()
    assert len(persons) == 1
    survivor = persons[0]
    assert survivor.bsn == bsn and survivor.education_number == "987654321"
    assert set(session.scalars(sa.select(AbsenceReport.person_id))) == {survivor.id}
    assert set(session.scalars(sa.select(Case.person_id))) == {survivor.id}
    assert set(session.scalars(sa.select(JournalEntry.person_id))) == {survivor.id}
    from desktop.models import audit

    assert audit.search(session, object_id=survivor.id, action=audit.AuditAction.MERGE_PERSON)
    logged = " ".join(f"{e.object_type} {e.object_id} {e.result}" for e in audit.search(session))
    assert bsn not in logged


def test_merge_keeps_a_synced_person_as_tombstone(session, tmp_path):
    numbers = bsn_numbers()
    bsn = next(numbers)
    run_import(session, "duo-verzuim", write_csv(tmp_path / "a.csv", HEADER, [duo_row("VZ1", edu="987654321")]))
    run_import(session, "duo-verzuim", write_csv(tmp_path / "b.csv", HEADER, [duo_row("VZ2", bsn)]))
    edu_person = session.scalars(sa.select(Person).where(Person.education_number == "987654321")).one()
    edu_person.version = 3  # the server has seen this person
    session.commit()

    run_import(session, "duo-verzuim", write_csv(tmp_path / "c.csv", HEADER, [duo_row("VZ3", bsn, edu="987654321")]))
    session.refresh(edu_person)
    survivor = session.scalars(sa.select(Person).where(Person.bsn == bsn)).one()
    assert edu_person.deleted and survivor.id in edu_person.notes
    assert set(session.scalars(sa.select(AbsenceReport.person_id))) == {survivor.id}
    # A later melding with only the onderwijsnummer lands on the survivor.
    run_import(session, "duo-verzuim", write_csv(tmp_path / "d.csv", HEADER, [duo_row("VZ4", edu="987654321")]))
    assert (
        session.scalars(sa.select(AbsenceReport.person_id).where(AbsenceReport.duo_number == "VZ4")).one()
        == survivor.id
    )


def test_same_pupil_under_two_numbers_within_one_file_becomes_one_person(session, tmp_path):
    numbers = bsn_numbers()
    bsn = next(numbers)
    rows = [
        duo_row("VZ1", edu="987654321"),
        duo_row("VZ2", bsn),
        duo_row("VZ3", bsn, edu="987654321"),
        duo_row("VZ4", edu="987654321"),
    ]
    result = run_import(session, "duo-verzuim", write_csv(tmp_path / "a.csv", HEADER, rows))
    assert result.report.ok, result.report.format()
    persons = session.scalars(sa.select(Person).where(Person.deleted.is_(False))).all()
    assert len(persons) == 1
    assert persons[0].bsn == bsn and persons[0].education_number == "987654321"
    assert set(session.scalars(sa.select(AbsenceReport.person_id))) == {persons[0].id}
    assert count(session, AbsenceReport) == 4


def test_removed_person_is_not_recreated_silently(session, tmp_path):
    bsn = next(bsn_numbers())
    run_import(session, "duo-verzuim", write_csv(tmp_path / "a.csv", HEADER, [duo_row("VZ1", bsn)]))
    session.scalars(sa.select(Person)).one().deleted = True
    session.commit()
    with pytest.raises(ImportRefused) as refused:
        run_import(session, "duo-verzuim", write_csv(tmp_path / "b.csv", HEADER, [duo_row("VZ2", bsn)]))
    assert "Rij 2, kolom 'BSN': deze leerling is in Vangnet verwijderd" in refused.value.message


def _merge_into_bsn_person(session, tmp_path, bsn: str) -> Person:
    """An onderwijsnummer person the server has seen, merged into a BSN person: a tombstone that redirects."""
    run_import(session, "duo-verzuim", write_csv(tmp_path / "a.csv", HEADER, [duo_row("VZ1", edu="987654321")]))
    run_import(session, "duo-verzuim", write_csv(tmp_path / "b.csv", HEADER, [duo_row("VZ2", bsn)]))
    session.scalars(sa.select(Person).where(Person.education_number == "987654321")).one().version = 3
    session.commit()
    run_import(session, "duo-verzuim", write_csv(tmp_path / "c.csv", HEADER, [duo_row("VZ3", bsn, edu="987654321")]))
    session.commit()
    return session.scalars(sa.select(Person).where(Person.bsn == bsn)).one()


def test_a_merged_number_whose_survivor_was_deleted_is_refused_not_added_to_the_deleted_person(session, tmp_path):
    survivor = _merge_into_bsn_person(session, tmp_path, next(bsn_numbers()))
    survivor.deleted = True
    session.commit()
    with pytest.raises(ImportRefused) as refused:
        run_import(session, "duo-verzuim", write_csv(tmp_path / "d.csv", HEADER, [duo_row("VZ4", edu="987654321")]))
    assert "Rij 2, kolom 'Onderwijsnummer': deze leerling is in Vangnet verwijderd" in refused.value.message
    assert session.scalar(sa.select(AbsenceReport.id).where(AbsenceReport.duo_number == "VZ4")) is None


def test_a_merged_number_whose_survivor_was_removed_is_refused_instead_of_failing(session, tmp_path):
    import desktop.models.schema  # noqa: F401 - registers the sync and retention tables the removal writes
    from desktop.models import Base
    from desktop.models.retention import RetentionReport, remove_person_file

    Base.metadata.create_all(session.connection())
    numbers = bsn_numbers()
    survivor = _merge_into_bsn_person(session, tmp_path, next(numbers))
    remove_person_file(session, survivor.id, "bewaartermijn", RetentionReport(), dt.datetime.now(dt.UTC))
    session.commit()
    # A new BSN with the merged onderwijsnummer: the number's person no longer exists to receive it.
    rows = [duo_row("VZ4", next(numbers), edu="987654321")]
    with pytest.raises(ImportRefused) as refused:
        run_import(session, "duo-verzuim", write_csv(tmp_path / "d.csv", HEADER, rows))
    assert "Rij 2, kolom 'Onderwijsnummer': deze leerling is in Vangnet verwijderd" in refused.value.message


def test_a_school_the_region_does_not_know_keeps_its_brin_and_signals_the_beheerder(session, tmp_path):
    from desktop.models.signals import SignalKind, compute_signals

    numbers = bsn_numbers()
    rows = [duo_row("VZ1", next(numbers), BRIN="99ZZ"), duo_row("VZ2", next(numbers), BRIN="99ZZ", Vestiging="01")]
    rows.append(duo_row("VZ3", next(numbers), BRIN="99ZZ"))
    result = run_import(session, "duo-verzuim", write_csv(tmp_path / "duo.csv", HEADER, rows))
    assert result.created["meldingen"] == 3
    reports = session.scalars(sa.select(AbsenceReport).order_by(AbsenceReport.duo_number)).all()
    assert [(r.school_id, r.school_brin, r.school_location) for r in reports] == [
        (None, "99ZZ", "00"), (None, "99ZZ", "01"), (None, "99ZZ", "00")
    ]
    assert count(session, School) == len(SCHOOLS)  # no school was made by the import
    signals = [s for s in compute_signals(session, dt.date(2024, 3, 20)) if s.kind == SignalKind.UNKNOWN_SCHOOL]
    assert [s.title for s in signals] == [
        "Onbekende school 99ZZ00 (2 meldingen)",
        "Onbekende school 99ZZ01 (1 melding)",
    ]
    assert all("scholenlijst" in s.detail for s in signals)

"""Processen-verbaal, Halt and Raad forms made from a constructed database, as a lawyer would check them: one per
suspect, the suspect identified, the hearing with caution and rights, the charge from the duty at the time of
the facts, and nothing without meldingen."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import select

from desktop.documents.from_database import ReportOptions, make_report, regenerate_document, report_contexts
from desktop.documents.official_reports import ReportError
from desktop.models import AbsenceReport, Case, Enrollment, Guardian, Intervention, Person, User
from desktop.models.enums import AbsenceKind, CaseKind, Gender, GuardianRelation, InterventionKind, UserRole
from desktop.models.errors import DomainError
from desktop.models.hearings import Hearing, record_hearing
from desktop.models.records import DocumentRecord

from .conftest import flat, pdf_text
from .dbseed import LETTER_DATE, bsn, seed_families

OPTIONS = ReportOptions(report_date=LETTER_DATE, advice="Een leerstraf.")


def _hear(session, case_id, guardian_id=None, on=LETTER_DATE - dt.timedelta(days=3), **fields):
    values = {"caution_given": True, "legal_aid_informed": True, "statement": "Het spijt me."}
    values.update(fields)
    return record_hearing(session, case_id, guardian_id=guardian_id,
                          held_at=dt.datetime.combine(on, dt.time(14, 0)).astimezone(), place="Stadskantoor Dordrecht",
                          today=LETTER_DATE, **values)


def _identify_parents(session, person_id):
    details = {"mother": ("Anna Maria", dt.date(1982, 5, 1), "Utrecht"),
               "father": ("Jan Pieter", dt.date(1979, 11, 23), "Rotterdam")}
    for guardian in session.scalars(select(Guardian).where(Guardian.person_id == person_id)):
        given, born, place = details[guardian.relation.value]
        guardian.first_names, guardian.birth_date, guardian.birth_place = given, born, place


@pytest.fixture
def seeded(store):
    with store.session() as session:
        seeded = seed_families(session)
        sanne = session.get_one(Case, seeded.sanne_case)
        session.get_one(Person, sanne.person_id).birth_place = "Dordrecht"
        _identify_parents(session, sanne.person_id)
        return seeded


def _guardian(session, person_id, relation):
    return session.scalars(select(Guardian).where(Guardian.person_id == person_id,
                                                  Guardian.relation == relation)).one()


def _text(path, tmp_path):
    return flat(pdf_text(path.read_bytes(), tmp_path))


def test_two_parents_get_a_proces_verbaal_each_with_their_own_hearing(store, seeded, tmp_path):
    with store.session() as session:
        case = session.get_one(Case, seeded.sanne_case)
        mother = _guardian(session, case.person_id, GuardianRelation.MOTHER)
        father = _guardian(session, case.person_id, GuardianRelation.FATHER)
        _hear(session, case.id, mother.id, statement="Ik breng haar elke dag, maar ze gaat niet naar binnen.")
        _hear(session, case.id, father.id, remains_silent=True, statement=None)
    made = make_report(store.session, "pv_ouders", seeded.sanne_case, tmp_path / "pv.pdf", OPTIONS,
                       user_id=seeded.user_id)
    assert len(made) == 2  # one proces-verbaal per suspect, each registered
    text = _text(tmp_path / "pv.pdf", tmp_path)
    assert text.count("PROCES-VERBAAL") == 2 and text.count("Pagina 1 van") == 2
    # Sv art. 27a: surname, all given names, date and place of birth, address.
    assert "Voornamen Anna Maria" in text and "1 mei 1982 te Utrecht" in text
    assert "Voornamen Jan Pieter" in text and "23 november 1979 te Rotterdam" in text
    # The verbalisant from the users record, with boa number and the oath.
    assert "Patrick de Ridder" in text and "B-10001" in text and "ambtseed of ambtsbelofte" in text
    # Time and place of the offence, the charge, the meldingen with school.
    assert "In de periode van 4 januari 2025 tot en met 29 januari 2025, op of bij Het Lingecollege" in text
    assert "artikel 2 lid 1 Leerplichtwet 1969" in text and "artikel 26 lid 1 Leerplichtwet 1969" in text
    # The hearing: caution (Sv art. 29 lid 2), statement or silence; never the help conversation.
    assert "niet verplicht is tot antwoorden" in text
    assert "Ik breng haar elke dag" in text and "beriep zich op het zwijgrecht" in text
    assert "Moeder zegt dat Sanne" not in text
    assert "Er zijn geen verzuimmeldingen" not in text
    with store.session() as session:
        records = [session.get_one(DocumentRecord, m.record_id) for m in made]
        assert {r.addressee for r in records} == {"Openbaar Ministerie (Anna Maria de Vries)",
                                                  'Openbaar Ministerie (Jan Pieter Jansen & <Zn> "sr")'}
        for record in records:
            again = regenerate_document(session, record.id, tmp_path / f"{record.id}.pdf")
            assert hashlib.sha256(again).hexdigest()  # each record makes its own proces-verbaal again
            assert _text(tmp_path / f"{record.id}.pdf", tmp_path).count("PROCES-VERBAAL") == 1


def test_a_suspect_not_fully_identified_is_refused_with_what_is_missing(store, seeded, tmp_path):
    with store.session() as session:
        case = session.get_one(Case, seeded.sanne_case)
        father = _guardian(session, case.person_id, GuardianRelation.FATHER)
        father.birth_place = None
        father.first_names = None
    with store.session() as session, pytest.raises(ReportError, match=r"Vul eerst alle voornamen .* en de "
                                                                      r"geboorteplaats van J\. Jansen"):
        report_contexts(session, "pv_ouders", seeded.sanne_case, OPTIONS, seeded.user_id)
    assert not (tmp_path / "pv.pdf").exists()
    # At the hearing the verbalisant establishes the identity (Sv art. 27a); it is kept on the guardian.
    with store.session() as session:
        case = session.get_one(Case, seeded.sanne_case)
        father = _guardian(session, case.person_id, GuardianRelation.FATHER)
        mother = _guardian(session, case.person_id, GuardianRelation.MOTHER)
        _hear(session, case.id, father.id, given_names="Jan Pieter", birth_place="Rotterdam")
        _hear(session, case.id, mother.id)
    with store.session() as session:
        contexts = report_contexts(session, "pv_ouders", seeded.sanne_case, OPTIONS, seeded.user_id)
    assert sorted(c.suspects[0].given_names for c in contexts) == ["Anna Maria", "Jan Pieter"]


def test_no_hearing_or_one_without_caution_means_no_proces_verbaal(store, seeded):
    with store.session() as session, pytest.raises(ReportError, match="Leg eerst het verhoor"):
        report_contexts(session, "pv_jongere", seeded.sanne_case, OPTIONS, seeded.user_id)
    with store.session() as session:
        _hear(session, seeded.sanne_case, caution_given=False, minor_rights_informed=True)
    with store.session() as session, pytest.raises(ReportError, match="zonder cautie"):
        report_contexts(session, "pv_jongere", seeded.sanne_case, OPTIONS, seeded.user_id)
    # A minor who was not told of the right to be accompanied (Sv art. 488ab): heard again.
    with store.session() as session:
        _hear(session, seeded.sanne_case, on=LETTER_DATE - dt.timedelta(days=1), minor_rights_informed=False)
    with store.session() as session, pytest.raises(ReportError, match="488ab"):
        report_contexts(session, "pv_jongere", seeded.sanne_case, OPTIONS, seeded.user_id)
    with store.session() as session:
        _hear(session, seeded.sanne_case, on=LETTER_DATE, minor_rights_informed=True, accompanied_by="haar moeder")
    with store.session() as session:
        [context] = report_contexts(session, "pv_jongere", seeded.sanne_case, OPTIONS, seeded.user_id)
    assert context.articles == ["artikel 2 lid 3 Leerplichtwet 1969", "artikel 26 lid 2 Leerplichtwet 1969"]
    assert context.statements[0].accompanied_by == "haar moeder"


def test_only_a_boa_signs_a_proces_verbaal(store, seeded):
    with store.session() as session:
        _hear(session, seeded.sanne_case, minor_rights_informed=True)
        clerk = User(username="adm", display_name="Ad Ministratie", role=UserRole.ADMINISTRATOR,
                     municipality_codes=["GM0505"])
        session.add(clerk)
        session.flush()
        clerk_id = clerk.id
    with store.session() as session, pytest.raises(ReportError, match="administratief medewerker"):
        report_contexts(session, "pv_jongere", seeded.sanne_case, OPTIONS, clerk_id)
    with store.session() as session:
        session.get_one(User, seeded.user_id).boa_number = None
    with store.session() as session, pytest.raises(ReportError, match="opsporingsambtenaar"):
        report_contexts(session, "pv_jongere", seeded.sanne_case, OPTIONS, seeded.user_id)


def _young_person(session, seeded, born, case_number, melding_start, melding_end, digits="34567890"):
    person = Person(bsn=bsn(digits), first_names="Kees Willem", last_name="Visser", birth_date=born,
                    birth_place="Gorinchem", gender=Gender.MALE, street="Markt", house_number="3",
                    postal_code="4201 AA", city="Gorinchem", municipality_code="GM0505")
    session.add(person)
    session.flush()
    session.add(Guardian(person_id=person.id, relation=GuardianRelation.MOTHER, has_authority=True,
                         first_names="Ria", last_name="Visser", birth_date=dt.date(1975, 2, 2), birth_place="Leiden"))
    session.add(Enrollment(person_id=person.id, school_id=seeded.school_id, start_date=dt.date(2022, 8, 1)))
    case = Case(case_number=case_number, person_id=person.id, kind=CaseKind.RELATIVE, opened_on=melding_end,
                assigned_user_id=seeded.user_id, municipality_code="GM0505", school_id=seeded.school_id)
    session.add(case)
    session.flush()
    session.add(AbsenceReport(person_id=person.id, case_id=case.id, received_on=melding_end + dt.timedelta(days=3),
                              kind=AbsenceKind.SIXTEEN_HOURS, hours_absent=20, times_late=0, school_id=seeded.school_id,
                              absence_start=melding_start, absence_end=melding_end, municipality_code="GM0505"))
    session.flush()
    return case


def test_a_kwalificatieplichtige_of_17_is_charged_under_the_kwalificatieplicht(store, seeded):
    with store.session() as session:
        # Born 1 September 2007: leerplicht ended 31 July 2024, kwalificatieplicht until 31 August 2025.
        case = _young_person(session, seeded, dt.date(2007, 9, 1), "2025-000017", dt.date(2025, 1, 6),
                             dt.date(2025, 1, 31))
        mother = session.scalars(select(Guardian).where(Guardian.person_id == case.person_id)).one()
        _hear(session, case.id, minor_rights_informed=True)
        _hear(session, case.id, mother.id)
        case_id = case.id
    with store.session() as session:
        [jongere] = report_contexts(session, "pv_jongere", case_id, OPTIONS, seeded.user_id)
        [parent] = report_contexts(session, "pv_ouders", case_id, OPTIONS, seeded.user_id)
    assert jongere.articles == ["artikel 4c lid 1 en 2 Leerplichtwet 1969", "artikel 26 lid 2 Leerplichtwet 1969"]
    assert parent.articles[0] == "artikel 4a lid 1 Leerplichtwet 1969"
    assert "artikel 26 lid 1 Leerplichtwet 1969" in parent.articles
    assert jongere.duty == "kwalificatieplichtig"


def test_a_19_year_old_is_charged_for_verzuim_before_18_under_the_duty_of_that_time(store, seeded, tmp_path):
    with store.session() as session:
        # Born 2 January 2006: kwalificatieplicht ended on 1 January 2024; verzuim in October 2023 counts.
        case = _young_person(session, seeded, dt.date(2006, 1, 2), "2025-000019", dt.date(2023, 10, 2),
                             dt.date(2023, 10, 27))
        # A melding from after the 18th birthday is verzuim 18+, not a punishable fact.
        session.add(AbsenceReport(person_id=case.person_id, case_id=case.id, received_on=dt.date(2025, 1, 10),
                                  kind=AbsenceKind.OVER_18, hours_absent=40, school_id=seeded.school_id,
                                  absence_start=dt.date(2024, 12, 2), absence_end=dt.date(2025, 1, 3),
                                  municipality_code="GM0505"))
        _hear(session, case.id)  # heard as an adult, without the rights of a minor
        case_id = case.id
    # He was 17 at the time of the facts: the rules for minors apply (Sv art. 488 lid 2, 488ab).
    with store.session() as session, pytest.raises(ReportError, match="ten tijde van het feit"):
        report_contexts(session, "pv_jongere", case_id, OPTIONS, seeded.user_id)
    with store.session() as session:
        _hear(session, case_id, on=LETTER_DATE - dt.timedelta(days=1), minor_rights_informed=True)
    made = make_report(store.session, "pv_jongere", case_id, tmp_path / "pv.pdf", OPTIONS, user_id=seeded.user_id)
    assert len(made) == 1
    text = _text(tmp_path / "pv.pdf", tmp_path)
    assert "artikel 4c lid 1 en 2 Leerplichtwet 1969" in text
    assert "In de periode van 2 oktober 2023 tot en met 27 oktober 2023" in text
    assert "2 december 2024" not in text and "1 melding(en)" in text
    assert "ten tijde van het feit minderjarig" in text and "488ab" in text


def test_without_a_melding_under_leerplicht_or_kwalificatieplicht_there_is_no_proces_verbaal(store, seeded):
    with store.session() as session:
        # Born 2 January 2006, reported only for verzuim after the 18th birthday: nothing is punishable.
        case = _young_person(session, seeded, dt.date(2006, 1, 2), "2025-000020", dt.date(2024, 12, 2),
                             dt.date(2025, 1, 3))
        _hear(session, case.id)
        case_id = case.id
    with store.session() as session, pytest.raises(ReportError, match="kwalificatieplichtig"):
        report_contexts(session, "pv_jongere", case_id, OPTIONS, seeded.user_id)
    with store.session() as session:
        for report in session.scalars(select(AbsenceReport).where(AbsenceReport.case_id == seeded.sanne_case)):
            report.deleted = True
    with store.session() as session, pytest.raises(ReportError, match="verzuimmelding"):
        report_contexts(session, "pv_ouders", seeded.sanne_case, OPTIONS, seeded.user_id)


def test_halt_needs_the_criteria_and_the_consent(store, seeded, tmp_path):
    with store.session() as session:
        case = session.get_one(Case, seeded.mila_case)
        halt = Intervention(case_id=case.id, person_id=case.person_id, kind=InterventionKind.HALT,
                            date=LETTER_DATE - dt.timedelta(days=2), referred_to="Halt Zuid-Holland Zuid",
                            consent_pupil=True, consent_parents=None, notes="Mila spijbelt op maandagen.")
        session.add(halt)
    # Mila is 13: the parents' consent is needed too.
    with pytest.raises(ReportError, match="ouders"):
        make_report(store.session, "formulier_halt", seeded.mila_case, tmp_path / "halt.pdf", OPTIONS,
                    user_id=seeded.user_id)
    with store.session() as session:
        session.scalars(select(Intervention).where(Intervention.kind == InterventionKind.HALT)).one() \
            .consent_parents = True
    make_report(store.session, "formulier_halt", seeded.mila_case, tmp_path / "halt.pdf", OPTIONS,
                user_id=seeded.user_id)
    text = _text(tmp_path / "halt.pdf", tmp_path)
    assert "Uren ongeoorloofd verzuim 18" in text and "Voldoet aan Halt-criteria ja" in text
    # Counted on the Halt intervention, the hours decide: 70 hours is beyond Halt's 60.
    with store.session() as session:
        halt = session.scalars(select(Intervention).where(Intervention.kind == InterventionKind.HALT)).one()
        halt.hours_absent, halt.times_late = 70, 0
    with store.session() as session, pytest.raises(ReportError, match="70 uur"):
        report_contexts(session, "formulier_halt", seeded.mila_case, OPTIONS, seeded.user_id)
    assert "Mila spijbelt op maandagen." in text
    # A 19-year-old is not referred to Halt.
    with pytest.raises(ReportError, match="Halt-verwijzing"):
        make_report(store.session, "formulier_halt", seeded.daan_case, tmp_path / "halt2.pdf", OPTIONS,
                    user_id=seeded.user_id)


def test_the_raad_is_told_about_minors_only(store, seeded, tmp_path):
    made = make_report(store.session, "formulier_raad", seeded.sanne_case, tmp_path / "raad.pdf", OPTIONS,
                       user_id=seeded.user_id)
    assert len(made) == 1
    text = _text(tmp_path / "raad.pdf", tmp_path)
    assert "Veel ongeoorloofd verzuim sinds januari." in text and "Het Lingecollege" in text
    with pytest.raises(ReportError, match="minderjarige"):
        make_report(store.session, "formulier_raad", seeded.daan_case, tmp_path / "raad2.pdf", OPTIONS,
                    user_id=seeded.user_id)


def test_a_hearing_is_entered_completely_or_not_at_all(store, seeded):
    with store.session() as session:
        case = session.get_one(Case, seeded.sanne_case)
        other = session.scalars(select(Guardian).where(Guardian.person_id != case.person_id)).first()
        for fields, message in (
            ({"on": LETTER_DATE + dt.timedelta(days=1)}, "toekomst"),
            ({"remains_silent": True}, "zwijgrecht"),
            ({"statement": " "}, "Vul de verklaring"),
            ({}, "488ab"),  # Sanne is 14: the consultant says whether she was told of her right to company
            ({"guardian_id": other.id, "minor_rights_informed": True}, "hoort niet bij"),
        ):
            with pytest.raises(DomainError, match=message):
                _hear(session, case.id, **fields)
        assert session.scalars(select(Hearing)).all() == []
        # A suspect who did not appear: no caution, no statement, and the proces-verbaal says so.
        hearing = _hear(session, case.id, appeared=False, statement="genegeerd", caution_given=True)
        assert hearing.statement is None and not hearing.caution_given

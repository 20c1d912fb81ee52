"""Letters and reports built from a constructed database: addressees, content, register and regeneration."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from sqlalchemy import select

from desktop.documents.context import Appointment
from desktop.documents.from_database import (
    LetterOptions,
    ReportOptions,
    SelectionError,
    jobs_for_targets,
    letter_jobs,
    make_letters,
    make_report,
    regenerate_document,
    targets_for_case_filter,
    targets_for_case_numbers,
)
from desktop.documents.letters import LetterError, generate_letter
from desktop.documents.official_reports import ReportError
from desktop.models import Case, Enrollment, Person
from desktop.models.audit import AuditAction, AuditEntry
from desktop.models.law import objection_deadline
from desktop.models.records import DocumentRecord

from .conftest import flat, pdf_text
from .dbseed import FATHER_LAST_NAME, LETTER_DATE, seed_families


@pytest.fixture
def seeded(store):
    with store.session() as session:
        return seed_families(session)


def _jobs(store, kind, case_id=None, **kwargs):
    kwargs.setdefault("options", LetterOptions(letter_date=LETTER_DATE))
    with store.session() as session:
        return letter_jobs(session, kind, case_id, **kwargs)


def test_parents_living_apart_get_a_letter_each_with_names_printed_as_written(store, seeded, settings, tmp_path):
    jobs = _jobs(store, "uitnodiging_gesprek", seeded.sanne_case)
    # Each parent at his or her own address, and Sanne (14) herself (Lpw art. 2 lid 3).
    assert len(jobs) == 3
    assert jobs[2].context.addressee.name == "Sanne Maria de Vries"
    jobs = jobs[:2]
    streets = sorted(job.context.addressee.address.street for job in jobs)
    assert streets == ["Dordtse Kil 7", "Voorstraat 100 A"]
    father = next(j for j in jobs if j.context.addressee.address.street == "Dordtse Kil 7")
    assert father.context.addressee.salutation == f"heer {FATHER_LAST_NAME}"
    text = flat(pdf_text(generate_letter(father.kind, father.context, settings=settings).pdf, tmp_path))
    # '<', '&' and quotes print exactly as written, in the address window and in the salutation.
    assert f"J. {FATHER_LAST_NAME}" in text
    assert f"Geachte heer {FATHER_LAST_NAME}" in text
    assert "3313 DD DORDRECHT" in text
    assert "Sanne Maria de Vries" in text and "Het Lingecollege" in text
    assert "Patrick de Ridder" in text and "078 111 22 33" in text
    # The appointment comes from the case's planned hearing.
    assert "Stadskantoor, Spuiboulevard 300, Dordrecht" in text and "14.30" in text
    mother = next(j for j in jobs if j is not father)
    assert mother.context.addressee.name == "A. de Vries"
    assert mother.context.addressee.salutation == "mevrouw De Vries"


def test_a_jongere_of_18_receives_the_letter_not_the_parent(store, seeded, settings, tmp_path):
    # A waarschuwing threatens a proces-verbaal, which no longer exists for a 19-year-old (Lpw art. 4a, 26);
    # the RMC invites him to a conversation instead.
    with pytest.raises(LetterError, match=r"Lpw art\. 26"):
        _jobs(store, "waarschuwing", seeded.daan_case)
    appointment = Appointment(date=LETTER_DATE + dt.timedelta(days=7), time=dt.time(10, 0), place="Stadskantoor")
    jobs = _jobs(store, "uitnodiging_gesprek", seeded.daan_case,
                 options=LetterOptions(letter_date=LETTER_DATE, appointment=appointment))
    assert [j.context.addressee.name for j in jobs] == ["Daan Bakker"]
    assert jobs[0].context.addressee.address.street == "Singel 5"
    text = flat(pdf_text(generate_letter("uitnodiging_gesprek", jobs[0].context, settings=settings).pdf, tmp_path))
    assert "Geachte heer Bakker" in text
    assert "M. Bakker" not in text


def test_parents_at_one_address_share_one_letter_and_no_authority_means_no_letter(store, seeded):
    jobs = _jobs(store, "waarschuwing", seeded.mila_case)
    # The parents' joint letter, and one to Mila (13) herself: she is responsible too (Lpw art. 2 lid 3).
    assert len(jobs) == 2
    assert jobs[1].context.addressee.name == "Mila Smit" and jobs[1].context.addressee.note
    assert sorted(jobs[0].context.addressee.name_lines) == ["R. Smit", "en E. Smit"]
    assert jobs[0].context.addressee.address.street == "Kerkplein 2"
    assert "Stiefouder" not in json.dumps(jobs[0].context.addressee.name_lines)


def test_decision_letter_carries_the_computed_objection_deadline(store, seeded, settings, tmp_path):
    jobs = _jobs(store, "besluit_verlof_afgewezen", leave_request_id=seeded.mila_leave)
    text = flat(pdf_text(generate_letter(jobs[0].kind, jobs[0].context, settings=settings).pdf, tmp_path))
    deadline = objection_deadline(LETTER_DATE)
    assert deadline.isoformat() == "2025-04-16"
    assert "16 april 2025" in text


def test_a_confirmed_kennisgeving_gets_a_confirmation_not_a_decision(store, seeded, settings, tmp_path):
    """Art. 5 onder a works by a kennisgeving: confirmed, not granted, and no besluit open to bezwaar (Lpw art. 5-7;
    ABRvS 26 July 2006, ECLI:NL:RVS:2006:AY5094)."""
    with pytest.raises(LetterError, match="vastgelegd: kennisgeving bevestigd"):
        _jobs(store, "besluit_vrijstelling_toegekend", seeded.sanne_case)
    jobs = _jobs(store, "bevestiging_vrijstelling", seeded.sanne_case)
    assert len(jobs) == 2 and jobs[0].source == {"exemption": seeded.sanne_exemption}
    text = flat(pdf_text(generate_letter(jobs[0].kind, jobs[0].context, settings=settings).pdf, tmp_path))
    assert "artikel 5, onder a, van de Leerplichtwet 1969" in text
    assert "artikel 5a" not in text and "aanvraag" not in text
    assert "De onafhankelijke arts verklaart" in text
    assert "Bevestiging van uw kennisgeving" in text and "Bent u het niet eens met dit besluit?" not in text


def test_leave_decision_from_the_leave_request(store, seeded, settings, tmp_path):
    jobs = _jobs(store, "besluit_verlof_afgewezen", leave_request_id=seeded.mila_leave)
    assert len(jobs) == 1
    text = flat(pdf_text(generate_letter(jobs[0].kind, jobs[0].context, settings=settings).pdf, tmp_path))
    assert "Een familiebezoek is geen gewichtige omstandigheid." in text
    assert "bezwaar" in text.lower()
    with pytest.raises(LetterError, match="afgewezen"):
        _jobs(store, "besluit_verlof_toegekend", leave_request_id=seeded.mila_leave)


def test_a_letter_the_case_cannot_support_is_refused_with_the_reason(store, seeded):
    with pytest.raises(LetterError, match="bevestigd"):
        _jobs(store, "besluit_vrijstelling_afgewezen", seeded.sanne_case)
    with pytest.raises(LetterError, match="geen besliste vrijstelling"):
        _jobs(store, "besluit_vrijstelling_toegekend", seeded.daan_case)
    options = LetterOptions(letter_date=LETTER_DATE.replace(year=LETTER_DATE.year + 1))  # after the appointment
    with pytest.raises(LetterError, match="geen gesprek gepland"):
        _jobs(store, "uitnodiging_gesprek", seeded.sanne_case, options=options)


def test_options_choose_addressees_and_fill_in_the_appointment(store, seeded):
    all_jobs = _jobs(store, "uitnodiging_gesprek", seeded.sanne_case)
    only = all_jobs[0].context.addressee.description
    appointment = Appointment(date=LETTER_DATE, time=None, place="Op school", reason="Kennismaken")
    options = LetterOptions(letter_date=LETTER_DATE, addressee_descriptions=[only], appointment=appointment,
                            extra_text="Neem uw agenda mee.")
    jobs = _jobs(store, "uitnodiging_gesprek", seeded.sanne_case, options=options)
    assert [j.context.addressee.description for j in jobs] == [only]
    assert jobs[0].context.appointment.place == "Op school"
    assert jobs[0].context.extra_text == "Neem uw agenda mee."


def test_organisations_and_the_school_are_addressed_as_such(store, seeded):
    school = _jobs(store, "terugkoppeling_school", seeded.sanne_case)
    assert school[0].context.addressee.name_lines == ["Het Lingecollege", "t.a.v. mevrouw K. Smit"]
    assert school[0].context.feedback.status == "In behandeling"
    # Kinderbijslag concerns 16 and 17 (AKW art. 7): Daan (19) is refused; at 17 and not enrolled he is reported.
    with pytest.raises(LetterError, match="Kinderbijslagwet"):
        _jobs(store, "melding_svb", seeded.daan_case)
    with store.session() as session:
        daan = session.get_one(Person, session.get_one(Case, seeded.daan_case).person_id)
        daan.birth_date = dt.date(LETTER_DATE.year - 17, 1, 1)
        for enrollment in session.scalars(select(Enrollment).where(Enrollment.person_id == daan.id)):
            enrollment.end_date = LETTER_DATE - dt.timedelta(days=30)
    svb = _jobs(store, "melding_svb", seeded.daan_case)
    assert svb[0].context.addressee.name_lines[0] == "Sociale Verzekeringsbank"
    assert svb[0].context.pupil.bsn  # only this report to an organisation carries the BSN
    assert not school[0].context.pupil.bsn


def test_made_letters_are_registered_audited_and_regenerate_exactly(store, seeded, settings, tmp_path):
    jobs = _jobs(store, "bevestiging_vrijstelling", seeded.sanne_case)
    live = settings.__class__(sender=settings.sender)  # a real creation date, as in the office
    made = make_letters(store.session, jobs, tmp_path / "los", False, settings=live, user_id=seeded.user_id)
    assert len(made) == 2
    with store.session() as session:
        records = session.scalars(select(DocumentRecord).order_by(DocumentRecord.file_name)).all()
        assert len(records) == 2
        for document in records:
            assert document.kind == "bevestiging_vrijstelling"
            assert document.case_id == seeded.sanne_case
            assert document.generated_by_user_id == seeded.user_id
            assert document.template_version.startswith("v")
            assert document.generated_at is not None
            payload = json.loads(document.merge_data)
            assert payload["source"] == {"case": seeded.sanne_case, "exemption": seeded.sanne_exemption}
            # A confirmation is no besluit: no bezwaar term, but the renewal before 1 July (Lpw art. 6).
            assert not payload["fields"].get("objection.deadline")
            assert payload["fields"]["renewal.deadline"].startswith("1 juli")
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.DOCUMENT)).all()
        assert sorted(a.object_id for a in audit) == sorted(r.id for r in records)
        first = records[0]
        again = regenerate_document(session, first.id, tmp_path / "opnieuw.pdf")
    original = next(m for m in made if m.record_id == first.id).path.read_bytes()
    # The same bytes: same template version, values, layout and creation date.
    assert hashlib.sha256(again).hexdigest() == first.sha256 == hashlib.sha256(original).hexdigest()
    assert again == original


def test_batch_from_case_numbers_reports_cases_that_cannot_get_the_letter(store, seeded, settings, tmp_path):
    with store.session() as session:
        targets = targets_for_case_numbers(session, seeded.case_numbers)
        jobs, problems = jobs_for_targets(session, "bevestiging_vrijstelling", targets,
                                          LetterOptions(letter_date=LETTER_DATE))
        with pytest.raises(SelectionError, match="1999-000009"):
            targets_for_case_numbers(session, ["1999-000009"])
    assert len(jobs) == 2  # Sanne's two parents
    assert len(problems) == 2 and all("geen besliste vrijstelling" in p for p in problems)
    made = make_letters(store.session, jobs, tmp_path / "serie.pdf", True, settings=settings)
    assert {m.path for m in made} == {tmp_path / "serie.pdf"}
    text = flat(pdf_text((tmp_path / "serie.pdf").read_bytes(), tmp_path))
    assert text.count("Pagina 1 van") == 2
    assert "1 juli" in text  # the renewal duty before 1 July (Lpw art. 6)


def test_case_filter_selects_the_cases_of_the_list(store, seeded):
    from desktop.models.lists import ListFilter

    with store.session() as session:
        targets = targets_for_case_filter(session, ListFilter(text="Smit"))
    assert [t.case_id for t in targets] == [seeded.mila_case]


def test_official_reports_from_the_case(store, seeded, tmp_path):
    # The seeded parents are known by initials only: a proces-verbaal identifies its suspect fully (Sv art. 27a)
    # and quotes a hearing, never a help conversation; the full path is in test_reports_from_database.py.
    options = ReportOptions(report_date=LETTER_DATE, facts="Sanne verzuimde 18 uur.")
    with pytest.raises(ReportError, match="Vul eerst alle voornamen"):
        make_report(store.session, "pv_ouders", seeded.sanne_case, tmp_path / "pv.pdf", options,
                    user_id=seeded.user_id)
    assert not (tmp_path / "pv.pdf").exists()
    with store.session() as session:
        assert session.scalars(select(DocumentRecord)).all() == []

"""The content every letter shares: the bezwaarclausule per the Awb, the privacy notice per AVG art. 13, the
letterhead from the region data, 'Ons kenmerk' from the register, the addressees per age, and a batch that
never prints one letter twice."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from sqlalchemy import select

from desktop.documents.context import Addressee, Guardian, PostalAddress
from desktop.documents.from_database import (
    LetterJob,
    LetterOptions,
    Target,
    jobs_for_targets,
    letter_jobs,
    make_letters,
    regenerate_document,
    set_device_number,
    unique_jobs,
)
from desktop.documents.letters import LetterError, addressees_on, render_letter
from desktop.documents.samples import sample_context
from desktop.models.law import objection_deadline
from desktop.models.records import DocumentRecord
from desktop.models.region import load_region, objection_address

from .conftest import flat, pdf_text
from .dbseed import LETTER_DATE, seed_families

REGION = load_region()
DECISION = "besluit_verlof_afgewezen"


@pytest.fixture
def seeded(store):
    with store.session() as session:
        return seed_families(session)


# -- bezwaarclausule (Awb 6:4, 6:5, 6:7, 6:8, 6:9, 8:81) ---------------------------------------------------


@pytest.mark.parametrize("municipality", [m.name for m in REGION.municipalities])
def test_every_gemeente_has_its_college_address_and_the_rechtbank(municipality) -> None:
    where = objection_address(REGION, municipality)
    assert where is not None
    assert where.body == f"het college van burgemeester en wethouders van {municipality}"
    assert where.postal_address.startswith("Postbus ")
    # All ten lie in the arrondissement Rotterdam (Dordrecht and Gorinchem included since 2013).
    assert where.court == "rechtbank Rotterdam" and "3007 BM Rotterdam" in where.court_address


def test_the_clause_counts_a_posted_objection_and_names_the_college_and_rechtbank(settings, tmp_path) -> None:
    context = sample_context(DECISION)
    context.municipality = "Hoeksche Waard"
    text = flat(pdf_text(render_letter(DECISION, context, settings=settings), tmp_path))
    deadline = objection_deadline(context.date)
    assert f"loopt tot en met {deadline.day} april 2025" in text
    assert "moet uiterlijk" not in text and "zijn ontvangen door" not in text
    # Awb 6:9 lid 2: posted before the end and received within a week after it is in time.
    assert "op de post doet en het niet later dan een week daarna binnenkomt" in text
    assert ("Stuur uw bezwaarschrift naar het college van burgemeester en wethouders van Hoeksche Waard, "
            "Postbus 2003, 3260 EA Oud-Beijerland.") in text
    assert "met DigiD" in text  # Awb 2:15: this college accepts objections electronically
    for content in ("uw naam en adres", "de datum", "tegen welk besluit", "waarom u het niet eens bent",
                    "uw handtekening"):  # Awb 6:5
        assert content in text
    assert "voorzieningenrechter van de rechtbank Rotterdam" in text and "voorlopige voorziening" in text


def test_a_college_without_a_digital_way_is_not_given_one(settings, tmp_path) -> None:
    context = sample_context(DECISION)
    context.municipality = "Sliedrecht"
    text = flat(pdf_text(render_letter(DECISION, context, settings=settings), tmp_path))
    assert "digitaal bezwaar" not in text and "Postbus 16, 3360 AA Sliedrecht" in text


def test_a_decision_for_a_gemeente_outside_the_region_is_refused(settings) -> None:
    context = sample_context(DECISION)
    context.municipality = "Amsterdam"
    with pytest.raises(LetterError, match="regiobestand"):
        render_letter(DECISION, context, settings=settings)


# -- privacy notice (AVG art. 13) and letterhead ----------------------------------------------------------


@pytest.mark.parametrize("kind,recipient", [
    ("uitnodiging_gesprek", "DUO"), ("waarschuwing", "Openbaar Ministerie"), ("halt_verwijzing", "Halt"),
    (DECISION, "DUO"),
])
def test_the_privacy_notice_names_controller_officer_basis_recipients_and_the_ap(kind, recipient, settings,
                                                                                tmp_path) -> None:
    text = flat(pdf_text(render_letter(kind, sample_context(kind), settings=settings), tmp_path))
    assert "Verantwoordelijk daarvoor is het college van burgemeester en wethouders van Dordrecht" in text
    assert "Dienst Gezondheid & Jeugd Zuid-Holland Zuid verwerkt de gegevens in opdracht van het college" in text
    assert "functionaris gegevensbescherming van de gemeente Dordrecht, Postbus 8, 3300 AA Dordrecht" in text
    assert "artikel 6, eerste lid, onder c en e" in text and "Leerplichtwet 1969" in text
    assert recipient in text
    assert "in te zien" in text and "verbeteren" in text and "beperken" in text and "bezwaar tegen te maken" in text
    assert "Autoriteit Persoonsgegevens" in text


@pytest.mark.parametrize("kind,basis", [
    ("melding_raad", "Raad voor de Kinderbescherming"), ("melding_svb", "Sociale Verzekeringsbank"),
    ("terugkoppeling_school", "verzuimmelding"),
])
def test_a_letter_to_an_organisation_states_purpose_and_basis_not_the_readers_rights(kind, basis, settings,
                                                                                    tmp_path) -> None:
    text = flat(pdf_text(render_letter(kind, sample_context(kind), settings=settings), tmp_path))
    assert "Verantwoordelijk daarvoor is het college van burgemeester en wethouders van Dordrecht" in text
    assert basis in text and "Gebruik de gegevens alleen voor dat doel" in text
    # The organisation is not the person the data are about: no rights of AVG art. 15-21 offered to it.
    assert "in te zien" not in text and "Autoriteit Persoonsgegevens" not in text


def test_a_letter_to_an_adult_rests_on_the_rmc_function(settings, tmp_path) -> None:
    context = sample_context("uitnodiging_gesprek")
    context.pupil.birth_date = dt.date(2006, 1, 2)  # 19 on the letter's date
    text = flat(pdf_text(render_letter("uitnodiging_gesprek", context, settings=settings), tmp_path))
    assert "regionale meld- en coördinatiefunctie" in text and "8.3.1" in text
    # No proces-verbaal threat for a jongere past the leerplicht and kwalificatieplicht (Lpw art. 26).
    assert "proces-verbaal" not in text


def test_the_letterhead_has_the_office_address_phone_and_website(tmp_path) -> None:
    text = flat(pdf_text(render_letter("waarschuwing", sample_context("waarschuwing")), tmp_path))
    office = REGION.office
    for value in (*office.visiting_address, *office.postal_address, office.phone, office.website):
        assert value in text
    assert "VERIFY" not in text


# -- addressees (Lpw art. 1b, 2 lid 3) -------------------------------------------------------------------

HOME = PostalAddress("Voorstraat 1", "3311 AA", "Dordrecht")
PARENTS = [Guardian("J. de Vries", HOME, True, "heer De Vries"), Guardian("A. Jansen", HOME, True)]
JONGERE = Addressee(["Sam de Vries"], HOME, "heer De Vries")
ON = dt.date(2026, 3, 2)


@pytest.mark.parametrize("age,verzuim_letter,decision", [
    (10, ["ouders"], ["ouders"]),
    (14, ["ouders", "Sam de Vries"], ["ouders"]),
    (17, ["ouders", "Sam de Vries"], ["ouders"]),
    (19, ["Sam de Vries"], ["Sam de Vries"]),
])
def test_addressees_by_age(age, verzuim_letter, decision) -> None:
    born = dt.date(ON.year - age, 1, 15)

    def names(kind: str) -> list[str]:
        return ["ouders" if a.description.startswith("ouder") else a.name
                for a in addressees_on(born, ON, PARENTS, JONGERE, kind)]

    assert names("uitnodiging_gesprek") == verzuim_letter
    assert names("waarschuwing") == verzuim_letter
    assert names(DECISION) == decision
    if 12 <= age < 18:
        own = addressees_on(born, ON, PARENTS, JONGERE, "waarschuwing")[-1]
        # A minor is addressed by name, and told why the letter comes to him too.
        assert own.salutation == "Sam de Vries" and "artikel 2, derde lid" in own.note


def test_the_young_persons_letter_explains_why_it_comes(settings, tmp_path) -> None:
    context = sample_context("waarschuwing")
    recipients = addressees_on(dt.date(2011, 4, 12), context.date, PARENTS, JONGERE, "waarschuwing")
    texts = [flat(pdf_text(render_letter("waarschuwing", dataclasses.replace(context, addressee=r),
                                         settings=settings), tmp_path)) for r in recipients]
    assert "Geachte Sam de Vries," in texts[1] and "U krijgt deze brief zelf" in texts[1]
    assert "Sam de Vries krijgt deze brief ook zelf" in texts[0]


# -- 'Ons kenmerk' from the register ----------------------------------------------------------------------


def test_three_exemption_letters_for_three_pupils_get_three_kenmerken(store, tmp_path, settings) -> None:
    kind = "besluit_vrijstelling_toegekend"
    jobs = []
    for name in ("Sanne de Vries", "Daan Bakker", "Mila Smit"):
        context = sample_context(kind)
        context.pupil = dataclasses.replace(context.pupil, name=name, first_name=name.split()[0])
        context.reference = ""  # the register gives it
        jobs.append(LetterJob(kind, context, None, None))
    with store.session() as session:
        set_device_number(session, 7)
    made = make_letters(store.session, jobs, tmp_path / "los", False, settings=settings)
    with store.session() as session:
        records = {r.id: r for r in session.scalars(select(DocumentRecord))}
    references = [records[m.record_id].reference for m in made]
    year = sample_context(kind).date.year
    assert references == [f"{year}-7-00001", f"{year}-7-00002", f"{year}-7-00003"]
    for m, reference in zip(made, references, strict=True):
        text = flat(pdf_text(m.path.read_bytes(), tmp_path))
        assert f"Ons kenmerk: {reference}" in text  # the footer
        assert json.loads(records[m.record_id].merge_data)["fields"]["reference"] == reference
    # A later batch continues the sequence; making a letter again keeps its kenmerk.
    more = make_letters(store.session, jobs[:1], tmp_path / "later", False, settings=settings)
    with store.session() as session:
        assert session.get(DocumentRecord, more[0].record_id).reference == f"{year}-7-00004"
        again = regenerate_document(session, made[1].record_id)
    assert f"Ons kenmerk: {references[1]}" in flat(pdf_text(again, tmp_path))


# -- a batch never prints one letter twice ----------------------------------------------------------------


def test_a_batch_never_prints_one_letter_twice(store, seeded, tmp_path, settings) -> None:
    options = LetterOptions(letter_date=LETTER_DATE)
    with store.session() as session:
        # The bezwaartermijn signal lists every decision of a pupil: an exemption and a leave decision of one
        # pupil used to give the exemption's letter twice (the leave target fell back to the latest exemption).
        targets = [Target(exemption_id=seeded.sanne_exemption, label="Vrijstelling"),
                   Target(leave_request_id=seeded.mila_leave, label="Verlof"),
                   Target(case_id=seeded.sanne_case, label="Zaak"),
                   Target(exemption_id=seeded.sanne_exemption, label="Vrijstelling")]
        jobs, problems = jobs_for_targets(session, "bevestiging_vrijstelling", targets, options)
        single = letter_jobs(session, "bevestiging_vrijstelling", exemption_id=seeded.sanne_exemption,
                             options=options)
    assert len(jobs) == len(single) == 2  # Sanne's parents live apart: one letter each, once
    assert any(p.startswith("Verlof: ") for p in problems)  # a leave request gets no exemption letter
    assert any("staat al in deze reeks" in p for p in problems)
    made = make_letters(store.session, jobs + jobs, tmp_path / "reeks.pdf", True, settings=settings)
    assert len(made) == 2
    assert len(unique_jobs(jobs + jobs[::-1])) == 2

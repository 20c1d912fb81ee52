"""Proces-verbaal and referral forms: content from the case, the age rules, tables and escaping."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from desktop.documents.context import Statement
from desktop.documents.official_reports import REPORT_KINDS, ReportError, render_report
from desktop.documents.samples import sample_report_context

from .conftest import flat, pdf_info, pdf_text

EXPECTED = {
    # Sv art. 27a: all given names, place and date of birth; the charge with its time and place.
    "pv_ouders": ["PROCES-VERBAAL", "Achternaam de Vries", "Voornamen Johan Pieter", "3 juni 1980 te Rotterdam",
                  "artikel 2 lid 1 Leerplichtwet 1969", "artikel 26 lid 1 Leerplichtwet 1969",
                  "In de periode van 28 oktober 2024 tot en met 21 februari 2025, op of bij Het Voorbeeldcollege",
                  "heeft de verdachte, Johan Pieter de Vries, als degene die het gezag uitoefende over de "
                  "leerplichtige jongere Sanne de Vries, geboren op 12 april 2011",
                  "Eerder veroordeeld voor schoolverzuim: nee."],
    "pv_jongere": ["PROCES-VERBAAL", "artikel 2 lid 3 Leerplichtwet 1969", "artikel 26 lid 2 Leerplichtwet 1969",
                   "die de leeftijd van 12 jaren had bereikt", "12 april 2011 te Dordrecht",
                   "De verdachte stond in de periode van het feit ingeschreven op Het Voorbeeldcollege, "
                   "Schoolstraat 1"],
    "formulier_halt": ["Verwijzingsformulier Halt", "Voldoet aan Halt-criteria ja", "Toestemming jongere ja",
                       "Leeftijd op datum verwijzing 13 jaar", "Uren ongeoorloofd verzuim 27,5"],
    "formulier_raad": ["Raad voor de Kinderbescherming", "J. de Vries (met gezag)", "Ouders geïnformeerd ja",
                       "beschermingsmaatregel"],
}


@pytest.mark.parametrize("kind", sorted(REPORT_KINDS))
def test_report_renders_from_the_case(kind, settings, tmp_path) -> None:
    pdf = render_report(kind, sample_report_context(kind), settings=settings)
    text = flat(pdf_text(pdf, tmp_path))
    for expected in EXPECTED[kind]:
        assert expected in text, expected
    # The absence overview and earlier steps come from the case, with a total row.
    for expected in ["24 februari 2025", "27 januari 2025 t/m 21 februari 2025", "16 uur in 4 lesweken",
                     "Totaal", "2 melding(en)", "27,5", "Officiële waarschuwing verstuurd."]:
        assert expected in text, expected
    assert "Sanne de Vries" in text and "Pagina 1 van" in text
    info = pdf_info(pdf, tmp_path)
    assert info["Title"] == f"{REPORT_KINDS[kind].title} 2025-000123"
    assert "{{" not in text


@pytest.mark.parametrize("kind", ["pv_ouders", "pv_jongere"])
def test_pv_carries_ambtseed_statements_and_advice(kind, settings, tmp_path) -> None:
    text = flat(pdf_text(render_report(kind, sample_report_context(kind), settings=settings), tmp_path))
    assert "buitengewoon opsporingsambtenaar" in text and "BOA-000000" in text
    # Lpw art. 16 lid 2: the leerplichtambtenaar took the oath or the affirmation.
    assert "dat ik sloot en ondertekende op ambtseed of ambtsbelofte te Dordrecht op 20 maart 2025" in text
    # The hearing with the caution (Sv art. 29 lid 2) and the right to a lawyer (Sv art. 27c lid 2).
    assert "Op 4 maart 2025 om" in text and "als verdachte gehoord" in text
    assert "niet verplicht is tot antwoorden (artikel 29, tweede lid, Wetboek van Strafvordering)" in text
    assert "een advocaat te raadplegen" in text
    assert "Ik adviseer een taakstraf" in text


def test_pv_against_a_child_under_12_is_refused(settings) -> None:
    context = sample_report_context("pv_jongere")
    context.pupil = dataclasses.replace(context.pupil, birth_date=date(2014, 3, 21))
    with pytest.raises(ReportError, match="12 jaar"):
        render_report("pv_jongere", context, settings=settings)
    # From the 12th birthday on the first day of the verzuim it is possible (Lpw art. 2 lid 3): the age at the
    # time of the facts counts, not on the day the report is made.
    context.pupil = dataclasses.replace(context.pupil, birth_date=date(2012, 10, 28))
    assert render_report("pv_jongere", context, settings=settings)


def test_halt_form_only_for_12_to_18_and_refuses_failed_criteria(settings, tmp_path) -> None:
    context = sample_report_context("formulier_halt")
    context.pupil = dataclasses.replace(context.pupil, birth_date=date(2006, 1, 1))
    with pytest.raises(ReportError, match="12 tot 18"):
        render_report("formulier_halt", context, settings=settings)
    # Halt's criteria: never referred for verzuim before; a form saying 'nee' is not a referral.
    context = sample_report_context("formulier_halt")
    context.earlier_halt_for_absence = True
    with pytest.raises(ReportError, match="eerder voor verzuim naar Halt"):
        render_report("formulier_halt", context, settings=settings)


def test_pv_needs_a_suspect(settings) -> None:
    context = sample_report_context("pv_ouders")
    context.suspects = []
    with pytest.raises(ReportError, match="verdachte"):
        render_report("pv_ouders", context, settings=settings)


def test_statements_are_escaped_and_additions_printed(settings, tmp_path) -> None:
    context = sample_report_context("pv_ouders")
    context.statements.append(Statement("Moeder <A&B>", date(2025, 3, 5), 'Zij zei: "<nooit> & nergens".',
                                        caution_given=True, legal_aid_informed=True))
    context.additions = "Aanvulling: 5 < 6 & 'klopt'."
    text = flat(pdf_text(render_report("pv_ouders", context, settings=settings), tmp_path))
    assert "Op 5 maart 2025 heb ik Moeder <A&B> als verdachte gehoord." in text
    assert 'De verdachte verklaarde: Zij zei: "<nooit> & nergens".' in text
    assert "Aanvulling: 5 < 6 & 'klopt'." in text


def test_long_absence_overview_spans_pages(settings, tmp_path) -> None:
    context = sample_report_context("pv_ouders")
    context.absences = context.absences * 40
    pdf = render_report("pv_ouders", context, settings=settings)
    pages = int(pdf_info(pdf, tmp_path)["Pages"])
    text = flat(pdf_text(pdf, tmp_path))
    assert pages >= 3 and f"Pagina {pages} van {pages}" in text
    assert "80 melding(en)" in text
    # The header row repeats on every page of the table.
    assert text.count("Melding ontvangen") >= 2


def test_copy_to_the_raad_after_an_earlier_conviction(settings, tmp_path) -> None:
    context = sample_report_context("pv_ouders")
    text = flat(pdf_text(render_report("pv_ouders", context, settings=settings), tmp_path))
    assert "afschrift" not in text
    context.earlier_conviction = True
    text = flat(pdf_text(render_report("pv_ouders", context, settings=settings), tmp_path))
    assert "Eerder veroordeeld voor schoolverzuim: ja." in text
    assert "gaat een afschrift van dit proces-verbaal naar de Raad voor de Kinderbescherming (artikel 22" in text


@pytest.mark.parametrize("kind", sorted(REPORT_KINDS))
def test_report_record_regenerates_the_same_pdf(kind, settings) -> None:
    from desktop.documents.letters import regenerate
    from desktop.documents.official_reports import generate_report

    report = generate_report(kind, sample_report_context(kind), settings=settings)
    assert report.record.kind == kind
    assert report.record.addressee.startswith(("Openbaar Ministerie", "Halt", "Raad voor de Kinderbescherming"))
    assert len(report.record.columns()["template_version"]) <= 20
    assert regenerate(report.record.merge_data, invariant=True) == report.pdf

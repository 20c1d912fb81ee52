"""Each letter kind rendered and read back; bezwaarclausule, layout, metadata and reproducibility."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from desktop.documents.context import dutch_date
from desktop.documents.layout import LayoutSettings
from desktop.documents.letters import LETTER_KINDS, LetterError, generate_letter, render_letter
from desktop.documents.samples import sample_context
from desktop.models.law import objection_deadline, renewal_deadline

from .conftest import flat, pdf_info, pdf_text, pdf_words

# What each kind must say, beyond the common blocks.
EXPECTED = {
    "uitnodiging_gesprek": ["Uitnodiging voor een gesprek", "18 maart 2025", "14.30 uur",
                            "Het Voorbeeldcollege, Schoolstraat 10, Dordrecht", "Wat als u niet kunt komen?",
                            "de ouders met gezag", "artikel 22 van de Leerplichtwet 1969"],
    "waarschuwing": ["Officiële waarschuwing", "18 uur", "proces-verbaal"],
    # A request (art. 11 onder g with 14) is granted, refused or not handled; a kennisgeving (art. 5 onder a) is
    # confirmed or found incomplete, without bezwaarclausule (Lpw art. 5-7; ABRvS ECLI:NL:RVS:2006:AY5094).
    "besluit_vrijstelling_toegekend": ["Wij kennen uw aanvraag toe", "uw aanvraag om vrijstelling van geregeld "
                                       "schoolbezoek wegens gewichtige omstandigheden",
                                       "artikel 11, onder g, en artikel 14 van de Leerplichtwet 1969",
                                       "1 maart 2025 tot en met 31 juli 2025", "onafhankelijke arts"],
    "besluit_vrijstelling_afgewezen": ["Wij wijzen uw aanvraag af", "De directeur van de school is gehoord"],
    "besluit_vrijstelling_buiten_behandeling": ["Wij nemen uw aanvraag niet in behandeling",
                                                "artikel 4:5 van de Algemene wet bestuursrecht"],
    "bevestiging_vrijstelling": ["Bevestiging van uw kennisgeving", "uw kennisgeving",
                                 "artikel 5, onder a, van de Leerplichtwet 1969", "Elk jaar opnieuw",
                                 "geen besluit waartegen u bezwaar kunt maken"],
    "kennisgeving_vrijstelling_onvolledig": ["voldoet niet aan de eisen van de wet", "geldt de vrijstelling niet",
                                             "behandelend arts van Sanne", "artikel 7 van de Leerplichtwet 1969",
                                             "artikel 5, onder a, van de Leerplichtwet 1969", "vóór 1 juli"],
    "besluit_verlof_toegekend": ["7 april 2025 tot en met 25 april 2025", "15 schooldagen",
                                 "gewichtige omstandigheden", "Wij hebben de directeur gehoord", "ernstige ziekte",
                                 "artikel 11, onder g, en artikel 14, derde lid, van de Leerplichtwet 1969"],
    "besluit_verlof_afgewezen": ["Wij wijzen uw aanvraag af", "7 april 2025 tot en met 25 april 2025",
                                 "geen gewichtige omstandigheid"],
    "halt_verwijzing": ["Halt Zuid-West Nederland", "18 uur", "4 keer te laat", "Toestemming van Sanne: ja"],
    "melding_raad": ["Raad voor de Kinderbescherming", "nauwelijks op school", "verwijzing naar het wijkteam",
                     "beschermingsmaatregel"],
    "melding_svb": ["Sociale Verzekeringsbank", "kinderbijslag", "1 februari 2025", "uitgeschreven"],
    "terugkoppeling_school": ["Status: Afgesloten", "Reden van afsluiten: Terug naar school",
                              "Toelichting: Leerling gezien", "V123456789"],
}


def test_every_kind_has_expectations() -> None:
    assert set(EXPECTED) == set(LETTER_KINDS)


@pytest.mark.parametrize("kind", sorted(LETTER_KINDS))
def test_letter_kind_renders_its_content(kind, settings, tmp_path) -> None:
    context = sample_context(kind)
    pdf = render_letter(kind, context, settings=settings)
    assert pdf is not None and pdf.startswith(b"%PDF")
    text = flat(pdf_text(pdf, tmp_path))
    # Common blocks: letterhead, date, ons kenmerk, pupil, consultant, signature, privacy.
    for expected in ["Leerplicht en Voortijdig Schoolverlaten", "Zuid-Holland Zuid", "5 maart 2025",
                     "Ons kenmerk: 2025-1-00042", "Zaaknummer", "2025-000123",
                     "Sanne de Vries, geboren op 12 april 2011", "M. Bakker",
                     "m.bakker@example.nl", "Privacy.", "Pagina 1 van"]:
        assert expected in text, expected
    for expected in EXPECTED[kind]:
        assert expected in text, expected
    assert "{{" not in text and "}}" not in text
    objection = "Bent u het niet eens met dit besluit?"
    if LETTER_KINDS[kind].decision:
        deadline = dutch_date(objection_deadline(context.date))
        assert objection in text
        # Awb 6:7, 6:8 and 6:9: the last day is named, and a bezwaarschrift posted in time counts too.
        assert f"loopt tot en met {deadline}" in text
        assert "op de post doet en het niet later dan een week daarna binnenkomt" in text
        assert "namens het college van burgemeester en wethouders van Dordrecht" in text
        # Awb 6:4: to the college of the pupil's gemeente at its address; Awb 8:81: the rechtbank.
        assert "Stuur uw bezwaarschrift naar het college van burgemeester en wethouders van Dordrecht, " \
               "Postbus 8, 3300 AA Dordrecht." in text
        assert "voorzieningenrechter van de rechtbank Rotterdam" in text and "Postbus 50951" in text
        assert "moet uiterlijk" not in text
    else:
        assert objection not in text


def test_objection_deadline_moves_past_christmas(settings, tmp_path) -> None:
    # Sent 13 November 2025: six weeks end on Christmas Day; 26 December and the weekend follow.
    context = sample_context("besluit_vrijstelling_afgewezen", letter_date=date(2025, 11, 13))
    text = flat(pdf_text(render_letter("besluit_vrijstelling_afgewezen", context, settings=settings), tmp_path))
    assert objection_deadline(date(2025, 11, 13)) == date(2025, 12, 29)
    assert "loopt tot en met 29 december 2025" in text


def test_confirmation_names_the_renewal_date(settings, tmp_path) -> None:
    context = sample_context("bevestiging_vrijstelling")
    text = flat(pdf_text(render_letter("bevestiging_vrijstelling", context, settings=settings), tmp_path))
    expected = dutch_date(renewal_deadline(context.decision.valid_until))
    assert expected == "1 juli 2025"
    assert f"vóór {expected}" in text


def test_confirmation_for_never_fit_has_no_renewal_paragraph(settings, tmp_path) -> None:
    context = sample_context("bevestiging_vrijstelling")
    context.decision = dataclasses.replace(context.decision, valid_until=None, schooljaar="")
    text = flat(pdf_text(render_letter("bevestiging_vrijstelling", context, settings=settings), tmp_path))
    assert "bevestigen wij" in text
    assert "nieuwe kennisgeving" not in text


def test_optional_paragraphs_disappear_when_their_field_is_empty(settings, tmp_path) -> None:
    context = sample_context("uitnodiging_gesprek")
    context.absence = None
    context.appointment = dataclasses.replace(context.appointment, bring=[])
    text = flat(pdf_text(render_letter("uitnodiging_gesprek", context, settings=settings), tmp_path))
    assert "uur afwezig zonder geldige reden" not in text
    assert "Wilt u het volgende meenemen?" not in text
    assert "Bij het gesprek verwacht ik:" in text


def test_missing_date_is_refused(settings) -> None:
    context = sample_context("waarschuwing")
    context.date = None
    with pytest.raises(LetterError, match="datum"):
        render_letter("waarschuwing", context, settings=settings)


def test_unknown_kind_is_refused(settings) -> None:
    with pytest.raises(LetterError, match="Onbekende briefsoort"):
        render_letter("brief_aan_de_koning", sample_context(), settings=settings)


def test_metadata_and_embedded_fonts(settings, tmp_path) -> None:
    pdf = render_letter("uitnodiging_gesprek", sample_context("uitnodiging_gesprek"), settings=settings)
    info = pdf_info(pdf, tmp_path)
    assert info["Title"] == "Uitnodiging voor een gesprek over Sanne de Vries"
    assert info["Author"] == "Leerplicht en Voortijdig Schoolverlaten Zuid-Holland Zuid"
    assert info["Subject"] == "Uitnodiging gesprek"
    assert b"/Lang (nl-NL)" in pdf
    source = tmp_path / "fonts.pdf"
    source.write_bytes(pdf)
    import subprocess

    fonts = subprocess.run(["pdffonts", str(source)], check=True, capture_output=True).stdout.decode()
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows and all("DejaVuSans" in row[0] for row in rows)
    # Columns: name type encoding emb sub uni object-id: every font embedded.
    assert all(row[-5] == "yes" for row in rows)


def test_invariant_output_is_reproducible(settings) -> None:
    first = render_letter("waarschuwing", sample_context("waarschuwing"), settings=settings)
    second = render_letter("waarschuwing", sample_context("waarschuwing"), settings=settings)
    assert first == second


def test_long_letter_numbers_its_pages(settings, tmp_path) -> None:
    context = sample_context("waarschuwing")
    context.extra_text = " ".join(["Dit is een lange aanvullende toelichting van de consulent."] * 90)
    pdf = render_letter("waarschuwing", context, settings=settings)
    text = flat(pdf_text(pdf, tmp_path))
    pages = int(pdf_info(pdf, tmp_path)["Pages"])
    assert pages >= 2
    for page in range(1, pages + 1):
        assert f"Pagina {page} van {pages}" in text


def _words_inside(words, rect, page=1):
    x, y, w, h = rect
    return [word for word, x0, y0, x1, y1, p in words
            if p == page and x0 >= x - 0.5 and x1 <= x + w + 0.5 and y0 >= y - 0.5 and y1 <= y + h + 0.5]


@pytest.mark.parametrize("left,top", [(22, 50), (120, 45)])
def test_address_sits_inside_the_envelope_window(left, top, tmp_path) -> None:
    from reportlab.lib.units import mm

    settings = LayoutSettings(window_left_mm=left, window_top_mm=top, invariant=True)
    context = sample_context("uitnodiging_gesprek")
    pdf = render_letter("uitnodiging_gesprek", context, settings=settings)
    words = pdf_words(pdf, tmp_path)
    window = (left * mm, top * mm, 85 * mm, 35 * mm)  # top-left origin, as pdftotext reports
    inside = " ".join(_words_inside(words, window))
    assert inside == "J. de Vries en A. de Vries-Jansen Voorstraat 100 A 3311 AA DORDRECHT"


def test_very_long_address_shrinks_to_stay_in_the_window(settings, tmp_path) -> None:
    from reportlab.lib.units import mm

    context = sample_context("uitnodiging_gesprek")
    context.addressee.name_lines = [f"Mevrouw Wilhelmina Alexandra de Vries-van Oranje-Nassau {i}" for i in range(6)]
    pdf = render_letter("uitnodiging_gesprek", context, settings=settings)
    words = pdf_words(pdf, tmp_path)
    inside = _words_inside(words, (22 * mm, 50 * mm, 85 * mm, 35 * mm))
    assert "DORDRECHT" in inside and inside.count("Wilhelmina") == 6


def test_generate_letter_returns_a_register_record(settings) -> None:
    letter = generate_letter("waarschuwing", sample_context("waarschuwing"), settings=settings)
    record = letter.record
    assert record.kind == "waarschuwing"
    assert re.fullmatch(r"v\d+-[0-9a-f]{12}", record.template_version)
    assert record.reference == "2025-1-00042" and record.columns()["reference"] == "2025-1-00042"
    assert record.addressee == "J. de Vries en A. de Vries-Jansen, Voorstraat 100 A, 3311 AA Dordrecht"
    assert len(record.sha256) == 64 and len(record.columns()["template_version"]) <= 20


def test_out_may_be_a_path_or_a_binary_file(settings, tmp_path) -> None:
    import io

    path = tmp_path / "brief.pdf"
    assert render_letter("waarschuwing", sample_context("waarschuwing"), path, settings=settings) is None
    buffer = io.BytesIO()
    assert render_letter("waarschuwing", sample_context("waarschuwing"), buffer, settings=settings) is None
    assert path.read_bytes() == buffer.getvalue()


def test_letter_without_addressee_is_refused(settings) -> None:
    context = sample_context("melding_svb")
    context.addressee = dataclasses.replace(context.addressee, name_lines=[])
    with pytest.raises(LetterError, match="geadresseerde"):
        render_letter("melding_svb", context, settings=settings)


def test_objection_body_and_address_can_be_given(settings, tmp_path) -> None:
    from desktop.documents.context import Objection

    context = sample_context("besluit_verlof_afgewezen")
    context.objection = Objection(body="de leerplichtambtenaar van Dordrecht", address="Postbus 9, 3300 AA Dordrecht")
    text = flat(pdf_text(render_letter("besluit_verlof_afgewezen", context, settings=settings), tmp_path))
    assert "Stuur uw bezwaarschrift naar de leerplichtambtenaar van Dordrecht, Postbus 9, 3300 AA Dordrecht." in text
    # The deadline is always computed, never taken from the caller.
    assert f"loopt tot en met {dutch_date(objection_deadline(context.date))}" in text

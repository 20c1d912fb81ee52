"""Templates as data: validation with field and line, escaping, optional parts, versions in the store."""

from __future__ import annotations

import pytest

from desktop.documents.context import FIELD_CATALOGUE
from desktop.documents.letters import LETTER_KINDS, generate_letter, preview_template, regenerate, render_letter
from desktop.documents.official_reports import REPORT_KINDS
from desktop.documents.samples import sample_context
from desktop.documents.templates import (
    MissingFieldError,
    TemplateError,
    TemplateStore,
    builtin_template_dir,
    escape_markup,
    fill,
    parse_template,
)

from .conftest import flat, pdf_text

# The version of the shipped waarschuwing; GOOD is a later one.
SHIPPED = TemplateStore().current("waarschuwing").version
GOOD = """kind = "waarschuwing"
title = "Waarschuwing"
version = 12
required = ["pupil.name"]
subject = "Test {{ pupil.name }}"
body = '''
Geachte {{ addressee.salutation }},

Dit is versie twee voor {{ pupil.name }}.
'''
"""


def test_every_shipped_template_is_valid_and_every_kind_has_one() -> None:
    store = TemplateStore()
    for kind in [*LETTER_KINDS, *REPORT_KINDS, "_bezwaarclausule", "_privacy", "_privacy_organisatie"]:
        template = store.current(kind)
        assert template.kind == kind and template.version >= 1


def test_unknown_field_is_refused_with_field_and_line() -> None:
    source = GOOD.replace("Dit is versie twee", "Dit is {{ leerling.naam }} versie twee")
    with pytest.raises(TemplateError) as error:
        parse_template(source)
    message = str(error.value)
    assert "leerling.naam" in message and "regel 9" in message and "onbekend samenvoegveld" in message


@pytest.mark.parametrize("broken,expected", [
    ("{{ pupil.name", "onvolledig samenvoegveld"),
    ("{{ }}", "onvolledig samenvoegveld"),
    ("pupil.name }}", "onvolledig samenvoegveld"),
])
def test_malformed_merge_fields_are_refused(broken, expected) -> None:
    with pytest.raises(TemplateError, match=expected):
        parse_template(GOOD.replace("Dit is versie twee", broken))


def test_other_template_errors_are_explained() -> None:
    with pytest.raises(TemplateError, match="geen geldig TOML"):
        parse_template("kind = ")
    with pytest.raises(TemplateError, match="mist de verplichte sleutel 'version'"):
        parse_template(GOOD.replace("version = 12\n", ""))
    with pytest.raises(TemplateError, match=r"verplicht veld 'pupil\.naam' bestaat niet"):
        parse_template(GOOD.replace('["pupil.name"]', '["pupil.naam"]'))
    with pytest.raises(TemplateError, match="onbekend blok '@@ tabel'"):
        parse_template(GOOD.replace("Dit is versie twee", "@@ tabel\n"))
    with pytest.raises(TemplateError, match="regel 10: zet '\\?' alleen"):
        parse_template(GOOD.replace("Dit is versie twee voor {{ pupil.name }}.", "Regel een\n? regel twee"))


def test_report_fields_are_not_letter_fields() -> None:
    assert "officer.boa_number" not in FIELD_CATALOGUE
    with pytest.raises(TemplateError, match=r"officer\.boa_number"):
        parse_template(GOOD.replace("Dit is versie twee", "{{ officer.boa_number }}"))


def test_values_and_template_text_are_escaped() -> None:
    assert escape_markup('<b>&"\'') == "&lt;b&gt;&amp;&quot;&#39;"
    filled = fill("**{{ pupil.name }}** & co", {"pupil.name": "<i>A&B</i>"})
    assert filled == "<b>&lt;i&gt;A&amp;B&lt;/i&gt;</b> &amp; co"


def test_names_with_markup_characters_print_as_written(settings, tmp_path) -> None:
    context = sample_context("uitnodiging_gesprek")
    context.pupil.name = 'Jan <b>"Jantje"</b> & Zn\'s'
    context.addressee.name_lines = ["Fam. O'Brien & <Zoon>"]
    context.appointment.place = "Lokaal <1> & 'de aula' **niet vet**"
    text = flat(pdf_text(render_letter("uitnodiging_gesprek", context, settings=settings), tmp_path))
    assert 'Jan <b>"Jantje"</b> & Zn\'s' in text
    assert "Fam. O'Brien & <Zoon>" in text
    assert "Lokaal <1> & 'de aula' **niet vet**" in text


def test_required_field_missing_is_refused(settings) -> None:
    context = sample_context("uitnodiging_gesprek")
    context.appointment.place = ""
    with pytest.raises(MissingFieldError, match=r"appointment\.place"):
        render_letter("uitnodiging_gesprek", context, settings=settings)


def test_new_version_wins_and_old_versions_stay_regenerable(settings, tmp_path) -> None:
    store = TemplateStore(local_dir=tmp_path / "sjablonen")
    context = sample_context("waarschuwing")
    old = generate_letter("waarschuwing", context, settings=settings, store=store)
    assert old.record.template_version.startswith(f"v{SHIPPED}-")

    installed = store.install(GOOD)
    assert store.current("waarschuwing") == installed
    new = generate_letter("waarschuwing", context, settings=settings, store=store)
    assert new.record.template_version == installed.version_label
    assert "Dit is versie twee voor Sanne de Vries." in flat(pdf_text(new.pdf, tmp_path))

    # The register record makes the letter again exactly, with the version it was made with.
    assert regenerate(old.record.merge_data, store=store, invariant=True) == old.pdf
    assert regenerate(new.record.merge_data, store=store, invariant=True) == new.pdf

    # A third version replaces the local file; version 2 is still found in the archive.
    third = store.install(GOOD.replace("version = 12", "version = 13").replace("versie twee", "versie drie"))
    assert store.current("waarschuwing") == third
    assert regenerate(new.record.merge_data, store=store, invariant=True) == new.pdf


def test_install_refuses_an_older_version_and_accepts_the_same_text(tmp_path) -> None:
    store = TemplateStore(local_dir=tmp_path / "sjablonen")
    store.install(GOOD)
    assert store.install(GOOD).version == 12
    with pytest.raises(TemplateError, match="niet nieuwer"):
        store.install(GOOD.replace("versie twee", "andere tekst"))
    with pytest.raises(TemplateError, match="onbekend samenvoegveld"):
        store.install(GOOD.replace("version = 12", "version = 19").replace("{{ pupil.name }}.", "{{ x.y }}."))
    assert store.current("waarschuwing").version == 12


def test_regenerate_reports_a_missing_version(settings, tmp_path) -> None:
    store = TemplateStore(local_dir=tmp_path / "a")
    store.install(GOOD)
    letter = generate_letter("waarschuwing", sample_context("waarschuwing"), settings=settings, store=store)
    with pytest.raises(TemplateError, match="Versie 12 van sjabloon 'waarschuwing'"):
        regenerate(letter.record.merge_data, store=TemplateStore(local_dir=tmp_path / "b"))


def test_preview_uses_the_edited_text_without_storing_it(tmp_path) -> None:
    pdf = preview_template(GOOD)
    assert "Dit is versie twee voor Sanne de Vries." in flat(pdf_text(pdf, tmp_path))
    assert TemplateStore().current("waarschuwing").version == SHIPPED
    shared = (builtin_template_dir() / "_bezwaarclausule.toml").read_text(encoding="utf-8")
    assert "Bent u het niet eens" in flat(pdf_text(preview_template(shared), tmp_path))
    report = (builtin_template_dir() / "pv_ouders.toml").read_text(encoding="utf-8")
    assert "PROCES-VERBAAL" in flat(pdf_text(preview_template(report), tmp_path))


def test_shipped_versions_are_archived_when_used(settings, tmp_path) -> None:
    import shutil

    shipped = tmp_path / "shipped"
    shutil.copytree(builtin_template_dir(), shipped)
    store = TemplateStore(builtin_dir=shipped, local_dir=tmp_path / "lokaal")
    letter = generate_letter("waarschuwing", sample_context("waarschuwing"), settings=settings, store=store)
    # An update of the application replaces the shipped text with a newer version.
    (shipped / "waarschuwing.toml").write_text(GOOD, encoding="utf-8")
    assert store.current("waarschuwing").version == 12
    assert regenerate(letter.record.merge_data, store=store, invariant=True) == letter.pdf

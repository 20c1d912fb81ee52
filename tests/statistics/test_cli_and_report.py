"""`vangnet stats` and `vangnet report jaarverslag` on an encrypted profile; the PDF, CSV and XLSX read back."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.commands.common import PASSPHRASE_ENV
from desktop.documents.figures_export import escape_cell, write_csv, write_xlsx
from desktop.documents.jaarverslag import FIXED_PAGES, nl_change, nl_number, render_jaarverslag, trend_sentence
from desktop.models.keyfile import KdfParams
from desktop.models.law import SchoolYear
from desktop.models.region import Region, RegionMunicipality, load_region
from desktop.models.statistics import (
    FIGURE_KEYS,
    Figure,
    Figures,
    RegionFigures,
    compute_figures,
    compute_region_figures,
    figures_to_json,
)
from desktop.models.store import Profile
from tests.conftest import PASSPHRASE

from .conftest import Admin, pdf_fonts, pdf_pages, pdf_text

YEAR = "2023-2024"


def _fill(admin: Admin) -> None:
    """A small administration across two school years and three gemeenten."""
    for index, code in enumerate(("GM0505", "GM0590", "GM1963")):
        pupil = admin.person(date(2010, 3, 1 + index), code)
        for n in range(3 + index):
            admin.report(pupil, date(2022, 10, 1 + n), "sixteen_hours", gm=code)
        for n in range(4 + 2 * index):
            admin.report(pupil, date(2023, 10, 1 + n), "sixteen_hours" if n % 2 else "other", gm=code)
        admin.report(pupil, date(2024, 1, 8), "luxury", gm=code)
        admin.case(pupil, "absolute", date(2023, 9, 4), gm=code, needs_investigation=index == 0)
        admin.exemption(pupil, "5a", date(2023, 11, 1), "granted", gm=code)
        admin.exemption(pupil, "5b", date(2023, 11, 1), "refused", gm=code)
        admin.home_sitter(pupil, date(2023, 2, 1), date(2023, 12, 1), "resolved", gm=code)
        admin.home_sitter(pupil, date(2024, 2, 1), gm=code)
        case = admin.case(pupil, "relative", date(2023, 10, 1), gm=code)
        admin.intervention(pupil, "official_report", date(2024, 3, 1), case)
        admin.intervention(pupil, "halt", date(2023, 3, 1), case)
        admin.transfer(pupil, YEAR, guided=True, gm=code)
        admin.trajectory(pupil, "old", date(2023, 9, 1), date(2024, 2, 1), "regular_work", gm=code)
        admin.trajectory(pupil, "new", date(2023, 9, 1), date(2024, 2, 1), "bbl", gm=code)


@pytest.fixture
def profile_dir(tmp_path, monkeypatch):
    profile = Profile(tmp_path / "profiel")
    with profile.create(PASSPHRASE, kdf=KdfParams.minimum()) as store, store.session() as session:
        _fill(Admin(session))
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    return profile.path


def test_stats_json_on_the_command_line(profile_dir, capsys) -> None:
    assert main(["--data-dir", str(profile_dir), "stats", "--schooljaar", YEAR, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["gemeente"] is None and data["schooljaar"] == YEAR
    assert data["figures"]["relatief_verzuim.totaal"] == {"value": 21, "previous": 12, "change_pct": 75.0}
    assert data["figures"]["relatief_verzuim.luxe"] == {"value": 3, "previous": 0, "change_pct": None}
    assert data["figures"]["thuiszitters.begin"]["value"] == 3
    assert data["figures"]["halt_verwijzingen"] == {"value": 0, "previous": 3, "change_pct": -100.0}
    assert main(["--data-dir", str(profile_dir), "stats", "--schooljaar", YEAR, "--gemeente", "GM0590",
                 "--json"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert one["gemeente"] == "GM0590"
    assert one["figures"]["relatief_verzuim.totaal"]["value"] == 7


def test_stats_table_and_errors(profile_dir, capsys) -> None:
    assert main(["--data-dir", str(profile_dir), "stats", "--schooljaar", YEAR, "--gemeente", "gm0505"]) == 0
    out = capsys.readouterr().out
    assert "gemeente Dordrecht (GM0505)" in out and "LVS-ZHZ jaarverslag 2024.1" in out
    line = next(row for row in out.splitlines() if row.startswith("Meldingen relatief verzuim"))
    assert line.split()[-3:] == ["5", "3", "+67%"]
    assert main(["--data-dir", str(profile_dir), "stats", "--schooljaar", YEAR, "--gemeente", "GM0001"]) == 2
    assert "hoort niet bij de regio" in capsys.readouterr().err
    assert main(["--data-dir", str(profile_dir), "report", "jaarverslag", "--schooljaar", YEAR, "--out",
                 str(profile_dir / "verslag.doc")]) == 2


def test_report_jaarverslag_pdf_csv_xlsx(profile_dir, tmp_path, capsys) -> None:
    pdf, sheet, table = tmp_path / "jaarverslag.pdf", tmp_path / "cijfers.csv", tmp_path / "cijfers.xlsx"
    for out in (pdf, sheet, table):
        assert main(["--data-dir", str(profile_dir), "report", "jaarverslag", "--schooljaar", YEAR,
                     "--out", str(out)]) == 0
    assert pdf_pages(pdf) == FIXED_PAGES + 10
    text = pdf_text(pdf)
    for needle in ("Inhoud", "Leerlingen en relatief verzuim", "Vrijstellingen", "Thuiszitters",
                   "MatchMakers", "Definities", "LVS-ZHZ jaarverslag", "Hoeksche Waard (GM1963)",
                   "Zwijndrecht (GM0642)", "21 meldingen van relatief verzuim in 2023-2024 (2022-2023: 12), een "
                   "stijging van 75%"):
        assert needle in " ".join(text.split()), needle
    # The contents page's numbers are right: every chapter and gemeente is on the page it names.
    entries = {}
    for line in pdf_text(pdf, page=2, layout=True).splitlines():
        title, _, number = line.strip().rpartition(" ")
        if number.isdigit() and title and not title.startswith("Pagina"):
            entries[title.strip()] = int(number)
    assert len(entries) == FIXED_PAGES - 2 + 10
    headings = {"Hoofdstuk 1": "Leerlingen en relatief verzuim", "Absoluut verzuim": "Absoluut verzuim en "
                "vrijstellingen", "Thuiszitters": "Thuiszitters en handhaving", "Hoofdstuk 2": "Overstap vo-mbo en "
                "MatchMakers", "Definities": "Definitieset"}
    for title, page in entries.items():
        on_page = " ".join(pdf_text(pdf, page=page).split())
        if title.startswith("Infographic "):
            assert f"Infographic gemeente · schooljaar {YEAR} {title.removeprefix('Infographic ')} (GM" in on_page
        else:
            assert next(v for k, v in headings.items() if title.startswith(k)) in on_page, title
    rows = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:4] == ["schooljaar", "gemeentecode", "gemeente", "kengetal"]
    assert len(rows) == 1 + 11 * len(FIGURE_KEYS)
    papendrecht = next(r for r in rows if r[1] == "GM0590" and r[3] == "relatief_verzuim.totaal")
    assert papendrecht[5:] == ["7", "4", "75,0"]
    book = load_workbook(table)
    assert book.sheetnames == ["Cijfers per gemeente", "Lijst", "Definities"]
    wide = book["Cijfers per gemeente"]
    assert wide.cell(2, 3).value == "Regio Zuid-Holland Zuid" and wide.cell(3, 4).value == "GM0482"
    row = next(r for r in wide.iter_rows(values_only=True) if r[0] == "relatief_verzuim.totaal")
    assert row[2] == 21 and sum(v for v in row[3:]) == 21


def _fake(values: dict[str, tuple[int, int | None]], code: str | None = None, name: str | None = None,
          other: int = 0) -> Figures:
    from desktop.models.statistics import DEFINITIONS

    figures = {key: Figure(*values.get(key, (0, 0))) for key in FIGURE_KEYS}
    return Figures(YEAR, code, name, DEFINITIONS, figures, Figure(other, 0))


def test_pdf_shows_dutch_numbers_and_flags_an_unbalanced_flow(tmp_path) -> None:
    flow = {"thuiszitters.begin": (27, 46), "thuiszitters.nieuw": (25, 30), "thuiszitters.opgelost": (29, 35),
            "thuiszitters.18_jaar": (3, 8), "thuiszitters.verhuisd": (9, 6)}
    balanced = _fake({"relatief_verzuim.totaal": (3094, 2646), **flow, "thuiszitters.eind": (11, 27)})
    region = load_region()
    figures = RegionFigures(balanced, {m.cbs_code: _fake({}, m.cbs_code, m.name) for m in region.municipalities},
                            region.name)
    out = tmp_path / "goed.pdf"
    render_jaarverslag(figures, out, invariant=True)
    text = " ".join(pdf_text(out).split())
    assert "3.094 meldingen van relatief verzuim in 2023-2024 (2022-2023: 2.646), een stijging van 17%" in text
    assert "Controle: aanvang + nieuw − beëindigd = einde (11 = 11)" in text
    assert "de stroom sluit niet" not in text
    broken = RegionFigures(_fake({**flow, "thuiszitters.eind": (14, 27)}), figures.municipalities, region.name)
    render_jaarverslag(broken, tmp_path / "fout.pdf", invariant=True)
    text = " ".join(pdf_text(tmp_path / "fout.pdf").split())
    assert "de stroom sluit niet" in text and "geeft 11" in text and "staan er 14" in text


def test_pdf_is_reproducible_and_embeds_fonts(tmp_path, admin, session) -> None:
    _fill(admin)
    region = compute_region_figures(session, YEAR)
    first, second = render_jaarverslag(region, invariant=True), render_jaarverslag(region, invariant=True)
    assert first == second and first.startswith(b"%PDF")
    (tmp_path / "j.pdf").write_bytes(first)
    fonts = pdf_fonts(tmp_path / "j.pdf").splitlines()[2:]
    assert fonts and all("DejaVuSans" in line and " yes " in line for line in fonts)  # embedded, nothing else


def test_number_formatting() -> None:
    assert nl_number(68104) == "68.104" and nl_number(None) == "–"
    assert [nl_change(x) for x in (16.9, -9.4, 0.0, -0.3, 16.5, None)] == ["+17%", "-9%", "0%", "-0,3%", "+17%", "–"]
    assert trend_sentence("zaken", Figure(550, 509), YEAR, "2022-2023") == \
        "550 zaken in 2023-2024 (2022-2023: 509), een stijging van 8%."
    assert trend_sentence("zaken", Figure(4, None), YEAR, "2022-2023").endswith("geen cijfers.")


def test_exports_escape_formulas(tmp_path, admin, session) -> None:
    assert escape_cell("=SUM(A1)") == "'=SUM(A1)" and escape_cell("@x") == "'@x" and escape_cell(-3) == -3
    assert escape_cell("Dordrecht") == "Dordrecht"
    evil = Region("x", "=HYPERLINK(\"http://x\")", "", "", (RegionMunicipality("GM0505", "+cmd|calc", 1),))
    _fill(admin)
    figures = compute_region_figures(session, YEAR, region=evil)
    write_csv(figures, tmp_path / "c.csv")
    write_xlsx(figures, tmp_path / "c.xlsx")
    content = (tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    assert ";'+cmd|calc;" in content and ";+cmd" not in content
    book = load_workbook(tmp_path / "c.xlsx")
    values = [c for row in book["Lijst"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert "'+cmd|calc" in values and not any(v.startswith(("=", "+", "@")) for v in values)
    assert book["Cijfers per gemeente"].cell(2, 4).value == "'+cmd|calc"


def test_json_matches_the_model(session, admin) -> None:
    _fill(admin)
    data = figures_to_json(compute_figures(session, YEAR))
    assert data["figures"]["matchmakers.oud_vsv.geplaatst"]["value"] == 3
    assert SchoolYear.parse(data["schooljaar"]).start == date(2023, 8, 1)

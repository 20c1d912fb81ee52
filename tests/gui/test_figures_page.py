"""The Cijfers view: figures and charts computed in the background, per schooljaar and gemeente."""

from __future__ import annotations

import pytest

from desktop.models.law import school_year
from desktop.models.statistics import FIGURE_KEYS, ChartData
from desktop.views.charts import BarChart, FlowChart, describe_chart, describe_flow, nice_ticks
from desktop.views.figures_page import FiguresPage, change_text, default_school_year


@pytest.mark.parametrize(
    ("maximum", "ticks"),
    [(0, [0, 1]), (1, [0, 1]), (12, [0, 5, 10, 15]), (73, [0, 20, 40, 60, 80]), (3094, [0, 1000, 2000, 3000, 4000])],
)
def test_axis_ticks_are_whole_round_numbers(maximum, ticks):
    assert nice_ticks(maximum) == ticks


def test_numbers_and_changes_are_written_the_dutch_way():
    assert change_text(17.04) == "+17,0%"
    assert change_text(-3.5) == "−3,5%"
    assert change_text(None) == ""
    series = (("2022-2023", (1200, 3)), ("2023-2024", (1500, 4)))
    chart = ChartData("meldingen", "Meldingen", ("16 uur", "Luxe"), series)
    assert describe_chart(chart) == (
        "Meldingen. 16 uur: 2022-2023 1.200, 2023-2024 1.500; Luxe: 2022-2023 3, 2023-2024 4."
    )
    assert describe_flow("Thuiszitters", [("", 10, "aanvang"), ("+", 4, "nieuw"), ("=", 14, "einde")]) == (
        "Thuiszitters: 10 aanvang, plus 4 nieuw, is 14 einde."
    )


def test_default_year_is_the_last_completed_one_when_present():
    import datetime as dt

    assert default_school_year(["2025-2026", "2024-2025"], dt.date(2025, 10, 1)) == "2024-2025"
    assert default_school_year(["2025-2026"], dt.date(2025, 10, 1)) == "2025-2026"


def test_page_computes_in_the_background_and_shows_charts(qtbot, ctx):
    page = FiguresPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    with qtbot.waitExposed(page):
        page.show()
    qtbot.waitUntil(lambda: page.figures is not None and not page.computing, timeout=20_000)
    this_year = str(school_year(ctx.today()))
    assert page.year_combo.currentData() == this_year, "the seeded data lie in the current schooljaar only"
    assert page.municipality_combo.currentText() == "Hele regio"
    assert not page.busy.isVisible()
    assert page.definitions_label.text().startswith("Definities: LVS-ZHZ jaarverslag 2024.1")
    assert page.table.rowCount() == len(FIGURE_KEYS)
    assert page.table.item(1, 0).text() == "Meldingen relatief verzuim"
    # The seeded melding (16 uur) counts once for the region.
    assert page.headlines["relatief_verzuim.totaal"].number.text() == "1"
    charts = page.findChildren(BarChart)
    assert {c.accessibleName() for c in charts} >= {"Meldingen per soort en per schooljaar"}
    assert all(c.accessibleDescription() for c in charts)
    assert page.findChild(FlowChart).accessibleDescription().startswith("Thuiszitters")
    meldingen = page.charts["meldingen"].chart
    assert meldingen.series[1] == (this_year, (1, 0, 0, 0))

    index = page.municipality_combo.findText("Papendrecht")
    assert index > 0
    page.municipality_combo.setCurrentIndex(index)
    assert page.computing and page.busy.isVisibleTo(page)
    qtbot.waitUntil(lambda: not page.computing, timeout=20_000)
    assert page.figures.municipality_code == "GM0590"
    assert page.headlines["relatief_verzuim.totaal"].number.text() == "0", "the melding belongs to Dordrecht"
    page.unload()
    assert page.table.rowCount() == 0

"""The region's jaarverslag as PDF: the figures beside last year's, charts, the definitions used and one
infographic page per gemeente, in the order of the region's own annual report.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, BinaryIO

from babel.numbers import format_decimal
from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.documents.layout import ACCENT, FONT, FONT_BOLD, FONT_ITALIC, GREY, register_fonts
from desktop.models.law import SchoolYear
from desktop.models.statistics import (
    DROPOUT_GROUP_LABELS,
    DROPOUT_OUTCOME_LABELS,
    EXEMPTION_ARTICLE_LABELS,
    EXEMPTION_ARTICLES,
    ChartData,
    Figure,
    Figures,
    RegionFigures,
    chart_data,
    home_sitter_flow,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN
FRAME_TOP = PAGE_HEIGHT - 24 * mm
FRAME_BOTTOM = 18 * mm
FRAME_HEIGHT = FRAME_TOP - FRAME_BOTTOM
LOCALE = "nl_NL"
LIGHT = colors.HexColor("#9cc5cc")  # last year's bars
PALE = colors.HexColor("#e8f1f2")
UP = colors.HexColor("#a33b20")  # warnings
SERVICE = "Leerplicht en Voortijdig Schoolverlaten"

# The pages before the gemeenten: cover, contents, three Leerplicht pages, Doorstroompunt, definitions.
FIXED_PAGES = 7

# --- Dutch numbers -------------------------------------------------------------------------------


def nl_number(value: int | float | None) -> str:
    """3094 → '3.094'; None → '–'."""
    if value is None:
        return "–"
    return format_decimal(value, locale=LOCALE)


def nl_change(pct: float | None) -> str:
    """A change in percent as the report prints it: '+17%', '-9%', '0%'; '0,3%' below one percent."""
    if pct is None:
        return "–"
    # Half up, as the figures themselves: 16,5% prints as 17%.
    quantum = Decimal("1") if abs(pct) >= 1 or pct == 0 else Decimal("0.1")
    shown = Decimal(str(abs(pct))).quantize(quantum, rounding=ROUND_HALF_UP)
    text = format_decimal(shown, format="#,##0.#", locale=LOCALE)
    sign = "+" if pct > 0 else "-" if pct < 0 else ""
    return f"{sign}{text}%"


def trend_sentence(noun: str, figure: Figure, year: str, previous_year: str) -> str:
    """'3.094 meldingen (2022-2023: 2.646), een stijging van 17%.' in the report's words."""
    if figure.previous is None:
        return f"{nl_number(figure.value)} {noun} in {year}; over {previous_year} zijn geen cijfers."
    base = f"{nl_number(figure.value)} {noun} in {year} ({previous_year}: {nl_number(figure.previous)})"
    pct = figure.change_pct
    if pct is None:
        return base + "."
    if pct > 0:
        return f"{base}, een stijging van {nl_change(pct)[1:]}."
    if pct < 0:
        return f"{base}, een daling van {nl_change(pct)[1:]}."
    return f"{base}, gelijk aan vorig jaar."


# --- Styles --------------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("jv_body", fontName=FONT, fontSize=9.5, leading=13.5, spaceAfter=6)
    return {
        "body": body,
        "chapter": ParagraphStyle("jv_chapter", parent=body, fontName=FONT_BOLD, fontSize=8.5,
                                  textColor=GREY, spaceAfter=1),
        "h1": ParagraphStyle("jv_h1", parent=body, fontName=FONT_BOLD, fontSize=17, leading=21,
                             textColor=ACCENT, spaceAfter=8),
        "h2": ParagraphStyle("jv_h2", parent=body, fontName=FONT_BOLD, fontSize=11.5, leading=15,
                             textColor=ACCENT, spaceBefore=8, spaceAfter=4, keepWithNext=True),
        "cell": ParagraphStyle("jv_cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0),
        "cell_bold": ParagraphStyle("jv_cell_bold", parent=body, fontName=FONT_BOLD, fontSize=8.5,
                                    leading=10.5, spaceAfter=0),
        "small": ParagraphStyle("jv_small", parent=body, fontSize=7.8, leading=10, textColor=GREY, spaceAfter=3),
        "note": ParagraphStyle("jv_note", parent=body, fontName=FONT_BOLD, fontSize=9, leading=12,
                               textColor=UP, borderColor=UP, borderWidth=0.8, borderPadding=5,
                               spaceBefore=6, spaceAfter=10),
        "def_key": ParagraphStyle("jv_def_key", parent=body, fontName=FONT_BOLD, fontSize=8, leading=10,
                                  spaceAfter=0),
        "def_text": ParagraphStyle("jv_def_text", parent=body, fontSize=8, leading=10, spaceAfter=0),
        "toc": ParagraphStyle("jv_toc", parent=body, fontSize=11, leading=17),
    }


# --- Tables and charts ---------------------------------------------------------------------------


def _figure_table(rows: Sequence[tuple[str, Figure]], year: str, previous_year: str,
                  styles: dict[str, ParagraphStyle], bold_last: bool = False) -> Table:
    data: list[list[Any]] = [[
        Paragraph("", styles["cell_bold"]),
        Paragraph(year, styles["cell_bold"]),
        Paragraph(previous_year, styles["cell_bold"]),
        Paragraph("Verandering", styles["cell_bold"]),
    ]]
    for index, (label, figure) in enumerate(rows):
        style = styles["cell_bold"] if bold_last and index == len(rows) - 1 else styles["cell"]
        data.append([
            Paragraph(label, style),
            nl_number(figure.value),
            nl_number(figure.previous),
            nl_change(figure.change_pct),
        ])
    table = Table(data, colWidths=[BODY_WIDTH - 3 * 28 * mm, 28 * mm, 28 * mm, 28 * mm], repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),  # else the table sets (unembedded) Helvetica
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#cccccc")),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if bold_last:
        commands.append(("FONT", (1, -1), (-1, -1), FONT_BOLD, 8.5))
    table.setStyle(TableStyle(commands))
    return table


def _nice_max(value: float) -> tuple[float, float]:
    """An axis maximum above ``value`` with a round step (an empty chart still gets an axis 0–5)."""
    top = max(value, 1) * 1.18
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000):
        if top / step <= 6:
            break
    return step * (int(top / step) + 1), step


def chart_drawing(chart: ChartData, width: float, height: float) -> Drawing:
    """A chart of statistics.chart_data as a ReportLab drawing."""
    return bar_chart(chart.categories, [values for _, values in chart.series], [name for name, _ in chart.series],
                     width, height, title=chart.title)


def bar_chart(categories: Sequence[str], series: Sequence[Sequence[int]], names: Sequence[str],
              width: float, height: float, title: str = "", colours: Sequence[Any] = (LIGHT, ACCENT),
              label_size: float = 7.5) -> Drawing:
    """Grouped vertical bars with the value on each bar and a legend under the chart."""
    register_fonts()
    drawing = Drawing(width, height, initialFontName=FONT, initialFontSize=8)  # no unembedded Times
    top_room = 16 if title else 4
    legend_room = 16 if len(names) > 1 else 0
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 24 + legend_room
    # ReportLab takes any number here; the stubs say int (their defaults' type).
    chart.width, chart.height = width - 38, height - chart.y - top_room - 6  # type: ignore[assignment]
    chart.data = [list(s) for s in series]
    top, step = _nice_max(max((v for s in series for v in s), default=0))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = FONT, 7
    chart.valueAxis.labelTextFormat = lambda v: nl_number(int(v))
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.valueAxis.visibleGrid = True
    chart.categoryAxis.categoryNames = list(categories)
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = FONT, label_size
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -3
    chart.barSpacing = 1.5  # type: ignore[assignment]  # any number; the stubs say int
    chart.groupSpacing = 8
    for index, colour in enumerate(colours[: len(series)]):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    chart.barLabelFormat = lambda v: nl_number(int(v))
    chart.barLabels.fontName, chart.barLabels.fontSize = FONT, 6.5
    chart.barLabels.nudge = 6
    chart.barLabels.boxAnchor = "s"
    drawing.add(chart)
    if title:
        drawing.add(String(0, height - 11, title, fontName=FONT_BOLD, fontSize=9, fillColor=ACCENT))
    if len(names) > 1:
        legend = Legend()
        legend.x, legend.y = chart.x, 6
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.fontName, legend.fontSize = FONT, 7.5
        legend.dx = legend.dy = 7
        legend.deltax = 85
        legend.colorNamePairs = list(zip(colours[: len(names)], names, strict=False))
        drawing.add(legend)
    return drawing


class DrawingFlowable(Flowable):
    """A reportlab.graphics drawing placed in the text flow."""

    def __init__(self, drawing: Drawing) -> None:
        super().__init__()
        self.drawing = drawing
        self.width, self.height = drawing.width, drawing.height

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        renderPDF.draw(self.drawing, self.canv, 0, 0)


class HomeSitterFlow(Flowable):
    """Begin + nieuw − beëindigd = eind as a row of boxes, like the report's thuiszitters diagram."""

    def __init__(self, figures: Figures) -> None:
        super().__init__()
        self.figures = figures
        self.width, self.height = BODY_WIDTH, 30 * mm

    def wrap(self, _w: float, _h: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        # Two-line labels fit the narrow boxes.
        wrapped = {"aanvang 1 augustus": "aanvang\n1 augustus", "nieuwe gevallen": "nieuwe\ngevallen",
                   "18 jaar geworden": "18 jaar\ngeworden", "andere reden": "andere\nreden",
                   "einde 31 juli": "einde\n31 juli"}
        boxes = [(op, value, wrapped.get(label, label)) for op, value, label in home_sitter_flow(self.figures)]
        canvas = self.canv
        gap = 7 * mm
        box_w = (self.width - gap * (len(boxes) - 1)) / len(boxes)
        box_h = 24 * mm
        for index, (op, value, label) in enumerate(boxes):
            x = index * (box_w + gap)
            canvas.setFillColor(ACCENT if index in (0, len(boxes) - 1) else PALE)
            canvas.roundRect(x, 3 * mm, box_w, box_h, 3, stroke=0, fill=1)
            canvas.setFillColor(colors.white if index in (0, len(boxes) - 1) else ACCENT)
            canvas.setFont(FONT_BOLD, 17)
            canvas.drawCentredString(x + box_w / 2, 3 * mm + box_h - 10 * mm, nl_number(value))
            canvas.setFont(FONT, 7.5)
            for line_no, line in enumerate(label.split("\n")):
                canvas.drawCentredString(x + box_w / 2, 3 * mm + box_h - 15 * mm - line_no * 9, line)
            if op:
                canvas.setFillColor(GREY)
                canvas.setFont(FONT_BOLD, 14)
                canvas.drawCentredString(x - gap / 2, 3 * mm + box_h / 2 - 4, op)


# --- Pages ---------------------------------------------------------------------------------------


class _NumberedCanvas(Canvas):
    """Holds pages back until the end so every page after the cover can print 'Pagina X van Y'."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab's private page reset, not in the stubs

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            if number > 1:
                self.setFont(FONT, 7.5)
                self.setFillColor(GREY)
                self.drawRightString(PAGE_WIDTH - MARGIN, 10 * mm, f"Pagina {number} van {total}")
            super().showPage()
        super().save()


class _ReportTemplate(BaseDocTemplate):
    def __init__(self, out: Any, region: RegionFigures, service: str, invariant: bool) -> None:
        year = region.region.school_year
        super().__init__(
            out, pagesize=A4, title=f"Jaarverslag leerplicht en voortijdig schoolverlaten {year}",
            author=f"{service} {region.region_name}", subject=f"Jaarcijfers {year}, regio en gemeenten",
            # ReportLab takes the keywords as one string or a list; the stubs allow a list only.
            keywords="jaarverslag, leerplicht, verzuim, vrijstellingen, thuiszitters, doorstroompunt",  # type: ignore[arg-type]
            creator="Vangnet", lang="nl-NL", initialFontName=FONT, invariant=1 if invariant else 0,
            leftMargin=MARGIN, rightMargin=MARGIN, topMargin=24 * mm, bottomMargin=FRAME_BOTTOM,
        )
        self.region = region
        self.service = service
        frame = Frame(MARGIN, FRAME_BOTTOM, BODY_WIDTH, FRAME_HEIGHT, 0, 0, 0, 0, id="body")
        cover = Frame(0, 0, PAGE_WIDTH, PAGE_HEIGHT, 0, 0, 0, 0, id="cover")
        self.addPageTemplates([
            PageTemplate("cover", [cover], autoNextPageTemplate="page"),
            PageTemplate("page", [frame], onPage=self._header),
        ])

    def _header(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT_BOLD, 8)
        canvas.setFillColor(ACCENT)
        canvas.drawString(MARGIN, PAGE_HEIGHT - 13 * mm,
                          f"Jaarverslag {SERVICE} {self.region.region.school_year}")
        canvas.setFont(FONT, 8)
        canvas.setFillColor(GREY)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 13 * mm, self.region.region_name)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, PAGE_HEIGHT - 15.5 * mm, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 15.5 * mm)
        canvas.restoreState()


class CoverPage(Flowable):
    def __init__(self, region: RegionFigures, service: str) -> None:
        super().__init__()
        self.region, self.service = region, service
        self.width, self.height = PAGE_WIDTH, PAGE_HEIGHT

    def wrap(self, _w: float, _h: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        f = self.region.region
        c.setFillColor(ACCENT)
        c.rect(0, PAGE_HEIGHT * 0.45, PAGE_WIDTH, PAGE_HEIGHT * 0.55, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont(FONT, 14)
        c.drawString(MARGIN, PAGE_HEIGHT - 40 * mm, self.service)
        c.setFont(FONT_BOLD, 34)
        c.drawString(MARGIN, PAGE_HEIGHT - 62 * mm, "Jaarverslag")
        c.setFont(FONT_BOLD, 34)
        c.drawString(MARGIN, PAGE_HEIGHT - 78 * mm, f.school_year)
        c.setFont(FONT, 13)
        c.drawString(MARGIN, PAGE_HEIGHT - 92 * mm, f"Leerplicht en Doorstroompunt, regio {self.region.region_name}")
        tiles = [
            ("leerlingen", f["leerlingen"]),
            ("meldingen relatief verzuim", f["relatief_verzuim.totaal"]),
            ("leerlingen absoluut verzuim", f["absoluut_verzuim.totaal"]),
            ("thuiszitters op 31 juli", f["thuiszitters.eind"]),
        ]
        _big_number_grid(c, tiles, MARGIN, PAGE_HEIGHT * 0.45 - 18 * mm, BODY_WIDTH, columns=2,
                         tile_height=26 * mm)
        c.setFont(FONT, 8.5)
        c.setFillColor(GREY)
        c.drawString(MARGIN, 20 * mm, f"Cijfers volgens de definities {f.definitions} (zie de pagina Definities).")
        c.drawString(MARGIN, 15 * mm, "Gemaakt met Vangnet.")


def _arrow(pct: float | None) -> tuple[str, Any]:
    if pct is None or pct == 0:
        return "", GREY
    # One colour for both directions: more meldingen is bad news, more placements good news.
    return ("▲", ACCENT) if pct > 0 else ("▼", ACCENT)


def _big_number_grid(c: Canvas, tiles: Sequence[tuple[str, Figure]], x: float, top: float, width: float,
                     columns: int, tile_height: float) -> float:
    """Big numbers with label, arrow and change; returns the y below the grid."""
    gap = 5 * mm
    tile_w = (width - gap * (columns - 1)) / columns
    y = top
    for index, (label, figure) in enumerate(tiles):
        col = index % columns
        if col == 0 and index:
            y -= tile_height + gap
        tx = x + col * (tile_w + gap)
        c.setFillColor(PALE)
        c.roundRect(tx, y - tile_height, tile_w, tile_height, 4, stroke=0, fill=1)
        c.setFillColor(ACCENT)
        c.setFont(FONT_BOLD, 22)
        c.drawString(tx + 5 * mm, y - 10 * mm, nl_number(figure.value))
        c.setFillColor(colors.black)
        c.setFont(FONT, 8.5)
        c.drawString(tx + 5 * mm, y - 15 * mm, label)
        arrow, colour = _arrow(figure.change_pct)
        c.setFont(FONT, 8)
        if figure.previous is None:
            text = "vorig jaar: geen cijfers"
        elif figure.change_pct is None:
            text = f"vorig jaar {nl_number(figure.previous)}"
        else:
            text = f"{nl_change(figure.change_pct)}  (vorig jaar {nl_number(figure.previous)})"
        c.setFillColor(colour)
        text_x = tx + 5 * mm
        if arrow:
            c.drawString(text_x, y - 20.5 * mm, arrow)
            text_x += 4 * mm
        c.drawString(text_x, y - 20.5 * mm, text)
    return y - tile_height


class MunicipalityPage(Flowable):
    """One gemeente on one page: big numbers with change, a small chart and the thuiszitters flow."""

    def __init__(self, figures: Figures) -> None:
        super().__init__()
        self.figures = figures
        self.width, self.height = BODY_WIDTH, FRAME_HEIGHT

    def wrap(self, _w: float, _h: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        f = self.figures
        top = self.height
        c.setFillColor(ACCENT)
        c.rect(0, top - 22 * mm, self.width, 22 * mm, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont(FONT, 9)
        c.drawString(5 * mm, top - 8 * mm, f"Infographic gemeente · schooljaar {f.school_year}")
        c.setFont(FONT_BOLD, 20)
        c.drawString(5 * mm, top - 17 * mm, f"{f.municipality_name} ({f.municipality_code})")
        exemptions = Figure(
            sum(f.value(f"vrijstelling.{a}.toegekend") for a in EXEMPTION_ARTICLES),
            None if not f.has_previous else sum(
                f[f"vrijstelling.{a}.toegekend"].previous or 0 for a in EXEMPTION_ARTICLES),
        )
        tiles = [
            ("leerlingen op 1 oktober", f["leerlingen"]),
            ("meldingen relatief verzuim", f["relatief_verzuim.totaal"]),
            ("meldingen verzuim 18+", f["verzuim_18_plus"]),
            ("leerlingen absoluut verzuim", f["absoluut_verzuim.totaal"]),
            ("vrijstellingen toegekend", exemptions),
            ("thuiszitters op 31 juli", f["thuiszitters.eind"]),
            ("processen-verbaal", f["processen_verbaal"]),
            ("Halt-verwijzingen", f["halt_verwijzingen"]),
            ("geplaatst door MatchMakers", Figure(
                f.value("matchmakers.oud_vsv.geplaatst") + f.value("matchmakers.nieuw_vsv.geplaatst"),
                None if not f.has_previous else (f["matchmakers.oud_vsv.geplaatst"].previous or 0)
                + (f["matchmakers.nieuw_vsv.geplaatst"].previous or 0),
            )),
        ]
        bottom = _big_number_grid(c, tiles, 0, top - 28 * mm, self.width, columns=3, tile_height=25 * mm)
        year, previous_year = f.school_year, str(SchoolYear.parse(f.school_year).previous())
        chart_h = bottom - 8 * mm
        kinds = ["16 uur", "Overig", "Luxe", "18+"]
        keys = ["relatief_verzuim.16_uur", "relatief_verzuim.overig", "relatief_verzuim.luxe", "verzuim_18_plus"]
        chart = bar_chart(
            kinds,
            [[f[k].previous or 0 for k in keys], [f.value(k) for k in keys]],
            [previous_year, year], self.width / 2 - 4 * mm, min(chart_h, 80 * mm),
            title="Meldingen per soort",
        )
        renderPDF.draw(chart, c, 0, bottom - 6 * mm - chart.height)
        articles = [EXEMPTION_ARTICLE_LABELS[a].replace("Art. ", "").replace(" onder ", "") for a in
                    EXEMPTION_ARTICLES]
        chart2 = bar_chart(
            articles,
            [[f.value(f"vrijstelling.{a}.behandeld") for a in EXEMPTION_ARTICLES],
             [f.value(f"vrijstelling.{a}.toegekend") for a in EXEMPTION_ARTICLES]],
            ["behandeld", "toegekend"], self.width / 2 - 4 * mm, min(chart_h, 80 * mm),
            title=f"Vrijstellingen {year} (artikel)",
        )
        renderPDF.draw(chart2, c, self.width / 2 + 4 * mm, bottom - 6 * mm - chart2.height)
        flow = HomeSitterFlow(f)
        flow_top = bottom - 6 * mm - chart2.height - 8 * mm
        c.setFont(FONT_BOLD, 9)
        c.setFillColor(ACCENT)
        c.drawString(0, flow_top, f"Thuiszitters in {year}")
        flow.wrap(self.width, flow.height)
        flow.drawOn(c, 0, flow_top - 2 * mm - flow.height)
        expected, end = f.home_sitter_balance()
        if expected != end:
            c.setFont(FONT_BOLD, 8)
            c.setFillColor(UP)
            c.drawString(0, flow_top - 4 * mm - flow.height,
                         f"Let op: de stroom sluit niet (aanvang + nieuw − beëindigd = {nl_number(expected)}, "
                         f"einde = {nl_number(end)}).")
        c.setFont(FONT_ITALIC, 7.5)
        c.setFillColor(GREY)
        c.drawString(0, 2 * mm, "▲ meer dan vorig jaar, ▼ minder dan vorig jaar. Per gemeente telt de "
                     "woongemeente die bij de registratie is vastgelegd.")


# --- The story -----------------------------------------------------------------------------------

CHAPTERS: tuple[tuple[str, str], ...] = (
    ("Hoofdstuk 1  Leerplicht: leerlingen en relatief verzuim", "leerplicht"),
    ("Absoluut verzuim en vrijstellingen", "vrijstellingen"),
    ("Thuiszitters en handhaving", "thuiszitters"),
    ("Hoofdstuk 2  Doorstroompunt: overstap vo-mbo en MatchMakers", "doorstroompunt"),
    ("Definities", "definities"),
)


def _contents(region: RegionFigures, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("Inhoud", styles["h1"])]
    rows = [[Paragraph(title, styles["toc"]), str(3 + index)] for index, (title, _) in enumerate(CHAPTERS)]
    for index, figures in enumerate(region.municipalities.values()):
        rows.append([Paragraph(f"Infographic {figures.municipality_name}", styles["toc"]),
                     str(FIXED_PAGES + 1 + index)])
    table = Table(rows, colWidths=[BODY_WIDTH - 20 * mm, 20 * mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 11),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cccccc")),
        ("LINEBELOW", (0, len(CHAPTERS) - 1), (-1, len(CHAPTERS) - 1), 0.8, ACCENT),
    ]))
    story.append(table)
    story.append(Spacer(0, 8 * mm))
    story.append(Paragraph(
        f"Dit jaarverslag geeft de cijfers van {SERVICE} (LVS) over het schooljaar "
        f"{region.region.school_year} voor de regio {region.region_name}, steeds naast die van het schooljaar "
        f"ervoor en de verandering in procenten. De laatste pagina's geven per gemeente de cijfers in één "
        f"oogopslag. Alle cijfers zijn geteld volgens de definities {region.region.definitions}.",
        styles["body"]))
    return story


def _chart(figures: Figures, key: str) -> ChartData:
    return next(chart for chart in chart_data(figures) if chart.key == key)


def _page(flowables: list[Flowable]) -> list[Flowable]:
    """A chapter page: shrunk to fit one page if ever needed, so the page numbers in Inhoud stay right."""
    return [KeepInFrame(BODY_WIDTH, FRAME_HEIGHT, flowables, mode="shrink"), PageBreak()]


def _leerplicht_page(f: Figures, year: str, prev: str, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    kinds = [("16 uur in 4 lesweken", "relatief_verzuim.16_uur"), ("Overig verzuim", "relatief_verzuim.overig"),
             ("Luxe verzuim", "relatief_verzuim.luxe")]
    story: list[Flowable] = [
        Paragraph("HOOFDSTUK 1 · LEERPLICHT/LEERRECHT", styles["chapter"]),
        Paragraph("Leerlingen en relatief verzuim", styles["h1"]),
        Paragraph("Leerlingen", styles["h2"]),
        Paragraph("Leer- en kwalificatieplichtigen die op 1 oktober in de regio wonen: "
                  + trend_sentence("leerlingen", f["leerlingen"], year, prev), styles["body"]),
        Paragraph("Relatief verzuim", styles["h2"]),
        Paragraph("LVS ontving " + trend_sentence("meldingen van relatief verzuim", f["relatief_verzuim.totaal"],
                                                  year, prev)
                  + " Het gaat om verzuim van 16 uur in 4 lesweken, overig verzuim en luxe verzuim van "
                    "leerlingen jonger dan 18.", styles["body"]),
        _figure_table([(label, f[key]) for label, key in kinds]
                      + [("Totaal relatief verzuim", f["relatief_verzuim.totaal"])], year, prev, styles,
                      bold_last=True),
        Spacer(0, 5 * mm),
        DrawingFlowable(chart_drawing(_chart(f, "meldingen"), BODY_WIDTH, 70 * mm)),
        Paragraph("Verzuim 18+", styles["h2"]),
        Paragraph("Meldingen van jongeren van 18 jaar en ouder zonder startkwalificatie: "
                  + trend_sentence("meldingen", f["verzuim_18_plus"], year, prev), styles["body"]),
        _figure_table([("Verzuim 18+", f["verzuim_18_plus"])], year, prev, styles),
    ]
    return _page(story)


def _exemptions_page(f: Figures, year: str, prev: str, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    rows: list[tuple[str, Figure]] = []
    for article in EXEMPTION_ARTICLES:
        label = EXEMPTION_ARTICLE_LABELS[article]
        rows.append((f"{label}: behandeld", f[f"vrijstelling.{article}.behandeld"]))
        rows.append((f"{label}: toegekend", f[f"vrijstelling.{article}.toegekend"]))
    story: list[Flowable] = [
        Paragraph("HOOFDSTUK 1 · LEERPLICHT/LEERRECHT", styles["chapter"]),
        Paragraph("Absoluut verzuim en vrijstellingen", styles["h1"]),
        Paragraph("Absoluut verzuim", styles["h2"]),
        Paragraph(trend_sentence("jongeren met absoluut verzuim (niet ingeschreven op een school)",
                                 f["absoluut_verzuim.totaal"], year, prev)
                  + f" Bij {nl_number(f.value('absoluut_verzuim.vervolgonderzoek'))} van hen was vervolgonderzoek "
                    f"door de consulent nodig.", styles["body"]),
        _figure_table([("Absoluut verzuim", f["absoluut_verzuim.totaal"]),
                       ("Waarvan vervolgonderzoek", f["absoluut_verzuim.vervolgonderzoek"])], year, prev, styles),
        Paragraph("Vrijstellingen en vervangende leerplicht", styles["h2"]),
        Paragraph("Behandeld is het aantal verzoeken waarover in het schooljaar is beslist; toegekend het "
                  "aantal daarvan dat is toegewezen.", styles["body"]),
        _figure_table(rows, year, prev, styles),
        Spacer(0, 4 * mm),
        DrawingFlowable(chart_drawing(_chart(f, "vrijstellingen"), BODY_WIDTH, 62 * mm)),
    ]
    return _page(story)


def _home_sitters_page(f: Figures, year: str, prev: str, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    expected, end = f.home_sitter_balance()
    ended_other = f.home_sitters_ended_other.value
    text = (f"Aan het begin van het schooljaar {year} waren er {nl_number(f.value('thuiszitters.begin'))} "
            f"thuiszitters. Gedurende het schooljaar kwamen er {nl_number(f.value('thuiszitters.nieuw'))} bij en "
            f"werden {nl_number(f.value('thuiszitters.opgelost'))} zaken opgelost; "
            f"{nl_number(f.value('thuiszitters.18_jaar'))} jongeren werden 18 jaar en "
            f"{nl_number(f.value('thuiszitters.verhuisd'))} verhuisden. Aan het einde van het schooljaar waren "
            f"{nl_number(end)} jongeren geregistreerd als thuiszitter")
    eind_prev = f["thuiszitters.eind"].previous
    text += f" (een jaar eerder: {nl_number(eind_prev)})." if eind_prev is not None else "."
    story: list[Flowable] = [
        Paragraph("HOOFDSTUK 1 · LEERPLICHT/LEERRECHT", styles["chapter"]),
        Paragraph("Thuiszitters en handhaving", styles["h1"]),
        Paragraph("Thuiszitters", styles["h2"]),
        Paragraph(text, styles["body"]),
        HomeSitterFlow(f),
    ]
    if ended_other:
        story.append(Paragraph(
            f"{nl_number(ended_other)} perioden eindigden met een andere reden dan opgelost, 18 jaar of "
            f"verhuisd; zij staan apart in de stroom.", styles["small"]))
    if expected != end:
        story.append(Paragraph(
            f"Let op: de stroom sluit niet. Aanvang + nieuw − beëindigd geeft {nl_number(expected)}, maar "
            f"aan het einde staan er {nl_number(end)} thuiszitters geregistreerd. Controleer de begin- en "
            f"einddata van de thuiszitterperioden.", styles["note"]))
    else:
        story.append(Paragraph("Controle: aanvang + nieuw − beëindigd = einde "
                               f"({nl_number(expected)} = {nl_number(end)}).", styles["small"]))
    story += [
        _figure_table([
            ("Thuiszitters bij aanvang (1 augustus)", f["thuiszitters.begin"]),
            ("Nieuwe gevallen", f["thuiszitters.nieuw"]),
            ("Opgelost", f["thuiszitters.opgelost"]),
            ("18 jaar geworden", f["thuiszitters.18_jaar"]),
            ("Verhuisd", f["thuiszitters.verhuisd"]),
            ("Thuiszitters aan het einde (31 juli)", f["thuiszitters.eind"]),
        ], year, prev, styles, bold_last=True),
        Paragraph("Handhaving: Halt en processen-verbaal", styles["h2"]),
        Paragraph("Het aantal Halt-verwijzingen: " + trend_sentence("verwijzingen", f["halt_verwijzingen"],
                                                                    year, prev)
                  + " Processen-verbaal: " + trend_sentence("processen-verbaal", f["processen_verbaal"],
                                                              year, prev), styles["body"]),
        _figure_table([("Halt-verwijzingen", f["halt_verwijzingen"]),
                       ("Processen-verbaal", f["processen_verbaal"])], year, prev, styles),
        Spacer(0, 4 * mm),
        DrawingFlowable(chart_drawing(_chart(f, "handhaving"), BODY_WIDTH * 0.6, 55 * mm)),
    ]
    return _page(story)


def _dropout_page(f: Figures, year: str, prev: str, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph("HOOFDSTUK 2 · DOORSTROOMPUNT", styles["chapter"]),
        Paragraph("Overstap vo-mbo en MatchMakers", styles["h1"]),
        Paragraph("Overstap vo naar mbo", styles["h2"]),
        Paragraph("Leerlingen die bij de overstap van het vo naar het mbo door een LVS-consulent zijn begeleid: "
                  + trend_sentence("jongeren", f["overstap_vo_mbo.begeleid"], year, prev), styles["body"]),
        _figure_table([("Overstap vo-mbo begeleid", f["overstap_vo_mbo.begeleid"])], year, prev, styles),
        Paragraph("MatchMakers", styles["h2"]),
    ]
    sentences = []
    for group, label in DROPOUT_GROUP_LABELS.items():
        sentences.append(f"Geplaatste {label}: " + trend_sentence(
            "jongeren", f[f"matchmakers.{group}.geplaatst"], year, prev))
    story.append(Paragraph(" ".join(sentences), styles["body"]))
    for group, label in DROPOUT_GROUP_LABELS.items():
        rows = [(outcome_label, f[f"matchmakers.{group}.{outcome}"])
                for outcome, outcome_label in DROPOUT_OUTCOME_LABELS.items()]
        rows.append((f"Geplaatst ({label})", f[f"matchmakers.{group}.geplaatst"]))
        story += [Paragraph(f"Uitkomsten {label}", styles["cell_bold"]), Spacer(0, 1.5 * mm),
                  _figure_table(rows, year, prev, styles, bold_last=True), Spacer(0, 4 * mm)]
    story.append(DrawingFlowable(chart_drawing(_chart(f, "matchmakers"), BODY_WIDTH, 62 * mm)))
    return _page(story)


# Definitions shown together on the definitions page (one line for a pair or group of keys).
_DEFINITION_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Leerlingen", ("leerlingen",)),
    ("Relatief verzuim", ("relatief_verzuim.totaal", "relatief_verzuim.16_uur", "relatief_verzuim.overig",
                          "relatief_verzuim.luxe")),
    ("Verzuim 18+", ("verzuim_18_plus",)),
    ("Absoluut verzuim", ("absoluut_verzuim.totaal", "absoluut_verzuim.vervolgonderzoek")),
    ("Vrijstellingen", ("vrijstelling.5a.behandeld", "vrijstelling.5a.toegekend")),
    ("Thuiszitters", ("thuiszitters.begin", "thuiszitters.nieuw", "thuiszitters.opgelost",
                      "thuiszitters.18_jaar", "thuiszitters.verhuisd", "thuiszitters.eind")),
    ("Handhaving", ("processen_verbaal", "halt_verwijzingen")),
    ("Overstap vo-mbo", ("overstap_vo_mbo.begeleid",)),
    ("MatchMakers", ("matchmakers.oud_vsv.terug_naar_onderwijs", "matchmakers.oud_vsv.geplaatst")),
)


# The pages show one article and one outcome as the example of a whole family of keys.
_GENERIC_LABELS = {
    "vrijstelling.5a.behandeld": "Behandeld (per artikel)",
    "vrijstelling.5a.toegekend": "Toegekend (per artikel)",
    "matchmakers.oud_vsv.terug_naar_onderwijs": "Per uitkomst (oud- en nieuw-vsv'ers apart)",
    "matchmakers.oud_vsv.geplaatst": "Geplaatst",
}


def _definitions_page(f: Figures, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    d = f.definitions
    story: list[Flowable] = [
        Paragraph("Definities", styles["h1"]),
        Paragraph(f"Definitieset <b>{d.name}</b>, versie <b>{d.version}</b>. {d.reference_date_note}",
                  styles["body"]),
    ]
    rows = []
    for title, keys in _DEFINITION_GROUPS:
        texts = []
        for key in keys:
            definition = d.get(key)
            if key.startswith("vrijstelling."):
                text = definition.description.replace(EXEMPTION_ARTICLE_LABELS["5a"], "per artikel")
            elif key.startswith("matchmakers."):
                text = definition.description.replace(DROPOUT_GROUP_LABELS["oud_vsv"], "oud- of nieuw-vsv'ers")
                text = text.replace("'terug naar onderwijs'", "terug naar onderwijs, regulier werk, BBL of ander "
                                    "traject")
            else:
                text = definition.description
            label = _GENERIC_LABELS.get(key, definition.label)
            texts.append(f"<i>{label}</i>: {text}" if len(keys) > 1 else text)
        rows.append([Paragraph(title, styles["def_key"]), [Paragraph(t, styles["def_text"]) for t in texts]])
    table = Table(rows, colWidths=[32 * mm, BODY_WIDTH - 32 * mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cccccc")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    story.append(table)
    story.append(Spacer(0, 3 * mm))
    story.append(Paragraph(
        "Vrijstellingen per artikel: art. 5 onder a (lichamelijk of psychisch niet geschikt), 5 onder b "
        "(bedenkingen tegen de richting), 5 onder c (school in het buitenland), art. 15 (vrijstelling "
        "kwalificatieplicht), art. 3a en 3b (vervangende leerplicht). Art. 5a (trekkende bestaanswijze) is een "
        "andere vrijstelling en telt hier niet mee. Alle sleutels en definities staan ook in docs/statistics.md "
        "en in de uitvoer van <i>vangnet stats --json</i>.", styles["small"]))
    return _page(story)


def build_story(region: RegionFigures, service: str = SERVICE) -> list[Flowable]:
    styles = _styles()
    f = region.region
    year = f.school_year
    prev = str(SchoolYear.parse(year).previous())
    story: list[Flowable] = [CoverPage(region, service), NextPageTemplate("page"), PageBreak()]
    story += _page(_contents(region, styles))
    story += _leerplicht_page(f, year, prev, styles)
    story += _exemptions_page(f, year, prev, styles)
    story += _home_sitters_page(f, year, prev, styles)
    story += _dropout_page(f, year, prev, styles)
    story += _definitions_page(f, styles)
    for figures in region.municipalities.values():
        story += [MunicipalityPage(figures), PageBreak()]
    if isinstance(story[-1], PageBreak):
        story.pop()
    return story


def render_jaarverslag(
    region: RegionFigures,
    out: str | Path | BinaryIO | None = None,
    *,
    invariant: bool = False,
    service: str = SERVICE,
) -> bytes | None:
    """Write the jaarverslag PDF to ``out`` (path or binary file); returns the bytes when ``out`` is None."""
    register_fonts()
    target: Any = io.BytesIO() if out is None else (str(out) if isinstance(out, Path) else out)
    doc = _ReportTemplate(target, region, service, invariant)
    doc.build(build_story(region, service), canvasmaker=_NumberedCanvas)
    return target.getvalue() if out is None else None


def page_count(region: RegionFigures) -> int:
    """The number of pages the jaarverslag has: the fixed pages plus one per gemeente."""
    return FIXED_PAGES + len(region.municipalities)

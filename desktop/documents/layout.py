"""Page layout shared by letters and reports: letterhead, envelope window, fonts, page numbers, metadata.

A PDF holds one or more sections (a letter or a report); each section starts on its own first page and
numbers its pages 'Pagina X van Y' on its own, so a batch file prints like separate letters.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import json
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, cast

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepInFrame,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
)

from desktop.documents.templates import FilledBlock, TemplateError
from desktop.fileio import atomic_write_bytes
from desktop.models.errors import DomainError
from desktop.paths import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
ACCENT = colors.HexColor("#1f5f6b")
GREY = colors.HexColor("#555555")
PAGE_WIDTH, PAGE_HEIGHT = A4

_fonts_registered = False


def register_fonts() -> None:
    """Register the DejaVu TTF fonts from resources/fonts (embedded as subsets in every PDF)."""
    global _fonts_registered
    if _fonts_registered:
        return
    for name in (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", f"{name}.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)
    _fonts_registered = True


class LayoutError(DomainError):
    """Layout settings the sheet cannot hold, or a layout file that cannot be read; the message is Dutch."""


@dataclass(frozen=True)
class Sender:
    """The service's details printed on the right of the first page (a setting per region)."""

    # The service's name as printed in the letterhead (one entry per line); joined it is the PDF author.
    letterhead: tuple[str, ...] = ("Leerplicht en Voortijdig Schoolverlaten", "Zuid-Holland Zuid")
    organisation: str = "Dienst Gezondheid & Jeugd"
    address_lines: tuple[str, ...] = ()  # the postal address
    visiting_lines: tuple[str, ...] = ()  # the visiting address
    phone: str = ""
    email: str = ""
    website: str = ""

    @property
    def service_name(self) -> str:
        return " ".join(self.letterhead)


@dataclass(frozen=True)
class LayoutSettings:
    """Layout settings; the window position is in mm from the top-left corner of the A4 sheet."""

    window_left_mm: float = 22.0
    window_top_mm: float = 50.0
    window_width_mm: float = 85.0
    window_height_mm: float = 35.0
    margin_left_mm: float = 22.0  # letterhead and body text
    sender: Sender = field(default_factory=Sender)
    # Reproducible bytes (no creation date, fixed document id): for tests and exact regeneration.
    invariant: bool = False
    # The moment printed as the PDF's creation date (seconds since 1970, UTC). Given, the document id is
    # derived from it too, so a letter made again from its register record is the same file, byte for byte.
    timestamp: float | None = None

    def __post_init__(self) -> None:
        # The window must lie on the sheet, below the letterhead and leave room for the letter itself.
        problems = []
        if self.window_left_mm < 5 or self.window_left_mm + self.window_width_mm > 205:
            problems.append("het adresvenster valt buiten de breedte van het papier")
        if self.window_top_mm < 33:
            problems.append("het adresvenster overlapt het briefhoofd (minimaal 33 mm van boven)")
        if self.window_top_mm + self.window_height_mm > 130:
            problems.append("het adresvenster staat te laag (onderkant uiterlijk 130 mm van boven)")
        if self.window_width_mm < 50 or self.window_height_mm < 20:
            problems.append("het adresvenster is te klein (minimaal 50 × 20 mm)")
        if not 10 <= self.margin_left_mm <= 40:
            problems.append("de linkermarge moet tussen 10 en 40 mm liggen")
        if problems:
            raise LayoutError("Ongeldige opmaakinstelling: " + "; ".join(problems) + ".")

    def to_dict(self) -> dict[str, Any]:
        return {
            "window_left_mm": self.window_left_mm,
            "window_top_mm": self.window_top_mm,
            "window_width_mm": self.window_width_mm,
            "window_height_mm": self.window_height_mm,
            "margin_left_mm": self.margin_left_mm,
            "sender": {
                "letterhead": list(self.sender.letterhead),
                "organisation": self.sender.organisation,
                "address_lines": list(self.sender.address_lines),
                **({"visiting_lines": list(self.sender.visiting_lines)} if self.sender.visiting_lines else {}),
                "phone": self.sender.phone,
                "email": self.sender.email,
                "website": self.sender.website,
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], invariant: bool = False, timestamp: float | None = None) -> LayoutSettings:
        sender = dict(data.get("sender", {}))
        sender["address_lines"] = tuple(sender.get("address_lines", ()))
        sender["visiting_lines"] = tuple(sender.get("visiting_lines", ()))
        if "letterhead" in sender:
            sender["letterhead"] = tuple(sender["letterhead"])
        return cls(
            window_left_mm=float(data.get("window_left_mm", 22.0)),
            window_top_mm=float(data.get("window_top_mm", 50.0)),
            window_width_mm=float(data.get("window_width_mm", 85.0)),
            window_height_mm=float(data.get("window_height_mm", 35.0)),
            margin_left_mm=float(data.get("margin_left_mm", 22.0)),
            sender=Sender(**sender),
            invariant=invariant,
            timestamp=timestamp,
        )

    @classmethod
    def from_record(cls, payload: dict[str, Any], invariant: bool = False) -> LayoutSettings:
        """The settings a registered letter or report was made with, its creation moment included, so that
        it comes out the same again (``invariant`` only for a record made without one)."""
        created = payload.get("created")
        return cls.from_dict(payload["layout"], invariant=invariant and created is None, timestamp=created)

    # Geometry in points, ReportLab's origin being the bottom-left corner.
    @property
    def left(self) -> float:
        return self.margin_left_mm * mm

    def sender_x(self) -> float:
        """The sender block sits beside the window: right of it, or at the margin for a right-hand window."""
        window_right = (self.window_left_mm + self.window_width_mm) * mm
        if window_right <= 125 * mm:
            return min(max(window_right + 12 * mm, 135 * mm), 150 * mm)
        return self.left

    @property
    def body_width(self) -> float:
        return PAGE_WIDTH - self.left - 20 * mm

    def window_rect(self) -> tuple[float, float, float, float]:
        x = self.window_left_mm * mm
        y = PAGE_HEIGHT - (self.window_top_mm + self.window_height_mm) * mm
        return x, y, self.window_width_mm * mm, self.window_height_mm * mm


def stamped(settings: LayoutSettings | None) -> LayoutSettings:
    """Settings with a fixed creation moment (now), unless reproducible output was asked for."""
    settings = settings or LayoutSettings()
    if settings.invariant or settings.timestamp is not None:
        return settings
    return dataclasses.replace(settings, timestamp=float(int(time.time())))


@functools.cache
def make_styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of all documents (shared, never modified)."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13.5, spaceAfter=6.5, alignment=TA_LEFT)
    return {
        "body": body,
        "heading": ParagraphStyle(
            "heading", parent=body, fontName=FONT_BOLD, fontSize=10, spaceBefore=4, spaceAfter=3,
            keepWithNext=True,
        ),
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=14, leading=18, spaceAfter=4,
                                textColor=ACCENT),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=12, bulletIndent=2, spaceAfter=2),
        "address": ParagraphStyle("address", parent=body, fontSize=10, leading=12.5, spaceAfter=0),
        "label": ParagraphStyle("label", parent=body, fontSize=8, leading=11, textColor=GREY, spaceAfter=0),
        "meta": ParagraphStyle("meta", parent=body, fontSize=9, leading=11, spaceAfter=0),
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5, textColor=GREY, spaceAfter=0),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=11,
                                    spaceAfter=0),
    }


def blocks_to_flowables(
    blocks: Iterable[FilledBlock],
    styles: Mapping[str, Any],
    body_style: str = "body",
    inserts: Mapping[str, Callable[[], list[Flowable]]] | None = None,
) -> list[Flowable]:
    """Filled template blocks as flowables; '@@ name' blocks are made by ``inserts`` (a report's tables)."""
    out: list[Flowable] = []
    heading_at: list[int] = []
    for block in blocks:
        if block.type == "heading":
            heading_at.append(len(out))
            out.append(Paragraph(block.items[0], styles["heading"]))
        elif block.type == "paragraph":
            out.append(Paragraph(block.items[0], styles[body_style]))
        elif block.type == "bullets":
            style = styles["bullet"] if body_style == "body" else styles[body_style]
            out.append(
                ListFlowable(
                    # ListFlowable takes ListItems; the stubs do not count ListItem as a flowable.
                    [ListItem(Paragraph(item, style), leftIndent=12) for item in block.items],  # type: ignore[misc]
                    bulletType="bullet",
                    start="•",
                    leftIndent=12,
                    bulletFontName=style.fontName,
                    bulletFontSize=style.fontSize,
                    spaceAfter=6,
                )
            )
        elif block.type == "insert":
            make = (inserts or {}).get(block.items[0])
            if make is None:
                raise TemplateError(f"Het blok '@@ {block.items[0]}' kan in dit document niet worden gebruikt.")
            out.extend(make())
    # A heading never ends a page alone: keep it with what follows.
    for index in reversed(heading_at):
        if index + 1 < len(out):
            out[index : index + 2] = [KeepTogether(out[index : index + 2])]
    return out


@dataclass
class Section:
    """One letter or report inside a PDF."""

    body: list[Flowable]
    reference: str  # ons kenmerk, printed in the footer and on later pages
    subject: str
    address: Sequence[Flowable] | None = None  # None: a report without envelope window


@dataclass(frozen=True)
class DocumentMeta:
    title: str
    author: str = ""  # empty: the service's name from the sender settings
    subject: str = ""
    keywords: str = ""


def _pin_timestamp(canvas: Canvas, moment: float) -> None:
    """Make ``moment`` the PDF's creation date and the seed of its document id (ReportLab uses the clock)."""
    from reportlab.lib.utils import TimeStamp

    stamp = TimeStamp(invariant=True)
    utc = time.gmtime(int(moment))
    stamp.t, stamp.lt, stamp.YMDhms = int(moment), utc, tuple(utc)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    doc = canvas._doc  # type: ignore[attr-defined]  # ReportLab's private PDF document, not in the stubs
    doc._timeStamp = stamp
    signature = hashlib.md5(usedforsecurity=False)
    signature.update(b"a reportlab document")
    signature.update(ascii(stamp.t).encode("ascii"))
    doc.signature = signature


class _SectionCanvas(Canvas):
    """Canvas that holds back pages until the end so each section can print 'Pagina X van Y'."""

    def __init__(self, *args: Any, timestamp: float | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if timestamp is not None:
            _pin_timestamp(self, timestamp)
        self._saved_pages: list[dict[str, Any]] = []
        self._vangnet_section = 0
        self._vangnet_reference = ""

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab's private page reset, not in the stubs

    def save(self) -> None:
        totals: dict[int, int] = {}
        for state in self._saved_pages:
            key = state["_vangnet_section"]
            totals[key] = totals.get(key, 0) + 1
        seen: dict[int, int] = {}
        for state in self._saved_pages:
            self.__dict__.update(state)
            key = self._vangnet_section
            seen[key] = seen.get(key, 0) + 1
            self.setFont(FONT, 7.5)
            self.setFillColor(GREY)
            self.drawRightString(PAGE_WIDTH - 20 * mm, 12 * mm, f"Pagina {seen[key]} van {totals[key]}")
            super().showPage()
        super().save()


def _draw_letterhead(canvas: Canvas, settings: LayoutSettings, with_sender: bool) -> None:
    left = settings.left
    canvas.setFillColor(ACCENT)
    canvas.setFont(FONT_BOLD, 12.5)
    for index, line in enumerate(settings.sender.letterhead[:2]):
        canvas.drawString(left, PAGE_HEIGHT - (18 + 5 * index) * mm, line)
    canvas.setFillColor(GREY)
    canvas.setFont(FONT, 8.5)
    canvas.drawString(left, PAGE_HEIGHT - 28 * mm, settings.sender.organisation)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(left, PAGE_HEIGHT - 31 * mm, PAGE_WIDTH - 20 * mm, PAGE_HEIGHT - 31 * mm)
    if not with_sender:
        return
    sender = settings.sender
    # (text, bold): the addresses under a small heading each when both are known.
    lines: list[tuple[str, bool]] = []
    if sender.visiting_lines:
        lines += [("Bezoekadres", True), *((line, False) for line in sender.visiting_lines)]
    if sender.address_lines:
        if sender.visiting_lines:
            lines.append(("Postadres", True))
        lines += [(line, False) for line in sender.address_lines]
    contact = [(f"{label}  {value}", False) for label, value in
               (("T", sender.phone), ("E", sender.email), ("I", sender.website)) if value]
    if contact and lines:
        lines.append(("", False))
    lines += contact
    x = settings.sender_x()
    y = PAGE_HEIGHT - settings.window_top_mm * mm - 2 * mm
    canvas.setFillColor(GREY)
    for text, bold in lines:
        canvas.setFont(FONT_BOLD if bold else FONT, 8)
        if text:
            canvas.drawString(x, y, text)
        y -= 10.5 if text else 4


def _draw_footer(canvas: Canvas, reference: str) -> None:
    canvas.setFont(FONT, 7.5)
    canvas.setFillColor(GREY)
    if reference:
        canvas.drawString(22 * mm, 12 * mm, f"Ons kenmerk: {reference}")


class VangnetDocTemplate(BaseDocTemplate):
    """Three page templates: 'letter' (with envelope window), 'report' (without) and 'later'."""

    def __init__(
        self,
        out: Any,
        sections: Sequence[Section],
        settings: LayoutSettings,
        meta: DocumentMeta,
        on_section: Callable[[int], None] | None = None,
    ):
        super().__init__(
            out,
            pagesize=A4,
            title=meta.title,
            author=meta.author or settings.sender.service_name,
            subject=meta.subject,
            keywords=meta.keywords,  # type: ignore[arg-type]  # one string or a list; the stubs allow a list only
            creator="Vangnet",
            lang="nl-NL",
            initialFontName=FONT,  # else every page references (unembedded) Helvetica
            invariant=1 if settings.invariant else 0,
            leftMargin=settings.left,
            rightMargin=20 * mm,
            topMargin=25 * mm,
            bottomMargin=22 * mm,
        )
        self.settings = settings
        self.sections = list(sections)
        self.section_index = -1
        self.on_section = on_section
        wx, wy, ww, wh = settings.window_rect()
        body_top = PAGE_HEIGHT - (settings.window_top_mm + settings.window_height_mm + 6) * mm
        bottom = 22 * mm
        width = settings.body_width
        letter_frames = [
            Frame(wx, wy, ww, wh, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="window"),
            Frame(settings.left, bottom, width, body_top - bottom, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="first_body"),
        ]
        report_top = PAGE_HEIGHT - 36 * mm
        report_frame = Frame(settings.left, bottom, width, report_top - bottom, leftPadding=0, rightPadding=0,
                             topPadding=0, bottomPadding=0, id="report_body")
        later_top = PAGE_HEIGHT - 27 * mm
        later_frame = Frame(settings.left, bottom, width, later_top - bottom, leftPadding=0, rightPadding=0,
                            topPadding=0, bottomPadding=0, id="later_body")
        self.addPageTemplates([
            PageTemplate("letter", letter_frames, onPage=self._on_first_page, autoNextPageTemplate="later"),
            PageTemplate("report", [report_frame], onPage=self._on_report_page, autoNextPageTemplate="later"),
            PageTemplate("later", [later_frame], onPage=self._on_later_page),
        ])
        if self.sections and self.sections[0].address is None:
            self._firstPageTemplateIndex = 1

    def _begin_section(self, canvas: Canvas) -> Section:
        self.section_index += 1
        section = self.sections[self.section_index]
        if self.on_section is not None:
            self.on_section(self.section_index)
        pages = cast(_SectionCanvas, canvas)  # the document is built on a _SectionCanvas (build_pdf)
        pages._vangnet_section = self.section_index
        pages._vangnet_reference = section.reference
        return section

    def _on_first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        section = self._begin_section(canvas)
        canvas.saveState()
        _draw_letterhead(canvas, self.settings, with_sender=True)
        _draw_footer(canvas, section.reference)
        canvas.restoreState()

    def _on_report_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        section = self._begin_section(canvas)
        canvas.saveState()
        _draw_letterhead(canvas, self.settings, with_sender=False)
        _draw_footer(canvas, section.reference)
        canvas.restoreState()

    def _on_later_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        section = self.sections[self.section_index]
        cast(_SectionCanvas, canvas)._vangnet_section = self.section_index
        canvas.saveState()
        canvas.setFont(FONT_BOLD, 8)
        canvas.setFillColor(ACCENT)
        canvas.drawString(self.settings.left, PAGE_HEIGHT - 16 * mm, self.settings.sender.service_name)
        canvas.setFont(FONT, 8)
        canvas.setFillColor(GREY)
        canvas.drawString(self.settings.left, PAGE_HEIGHT - 20 * mm, section.subject[:110])
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.5)
        canvas.line(self.settings.left, PAGE_HEIGHT - 22.5 * mm, PAGE_WIDTH - 20 * mm, PAGE_HEIGHT - 22.5 * mm)
        _draw_footer(canvas, section.reference)
        canvas.restoreState()


def _story(sections: Sequence[Section], settings: LayoutSettings) -> list[Flowable]:
    story: list[Flowable] = []
    _, _, ww, wh = settings.window_rect()
    for index, section in enumerate(sections):
        if index:
            story.append(NextPageTemplate("letter" if section.address is not None else "report"))
            story.append(PageBreak())
        if section.address is not None:
            # Shrink rather than overflow: an address outside the window would be lost in the post.
            story.append(KeepInFrame(ww, wh, list(section.address), mode="shrink"))
            story.append(FrameBreak())
        story.extend(section.body)
    return story


def build_pdf(
    sections: Sequence[Section],
    meta: DocumentMeta,
    settings: LayoutSettings,
    out: str | Path | BinaryIO | None = None,
    on_section: Callable[[int], None] | None = None,
) -> bytes | None:
    """Write the sections as one PDF to ``out`` (path or binary file); returns the bytes when ``out`` is None.

    ``on_section(i)`` is called when section ``i`` starts on paper (progress for long batches).
    """
    register_fonts()
    target: Any = io.BytesIO() if out is None else (str(out) if isinstance(out, Path) else out)
    doc = VangnetDocTemplate(target, sections, settings, meta, on_section)
    doc.build(_story(sections, settings), canvasmaker=functools.partial(_SectionCanvas, timestamp=settings.timestamp))
    if out is None:
        return target.getvalue()
    return None


def write_pdf(pdf: bytes, out: str | Path | BinaryIO | None) -> None:
    """Write a made PDF to ``out``: a path or a binary file; nothing when ``out`` is None."""
    if out is None:
        return
    if isinstance(out, str | Path):
        Path(out).write_bytes(pdf)
    else:
        out.write(pdf)


def render_envelope_test_sheet(
    out: str | Path | BinaryIO | None = None, settings: LayoutSettings | None = None
) -> bytes | None:
    """A one-page test sheet: the address frame outlined with its position, to check against an envelope."""
    settings = settings or LayoutSettings()
    register_fonts()
    target: Any = io.BytesIO() if out is None else (str(out) if isinstance(out, Path) else out)
    canvas = Canvas(
        target,
        pagesize=A4,
        invariant=1 if settings.invariant else 0,
        lang="nl-NL",
        initialFontName=FONT,  # type: ignore[arg-type]  # a font name; the stubs type it as a number
    )
    canvas.setTitle("Testvel adresvenster")
    canvas.setAuthor(settings.sender.service_name)
    canvas.setSubject("Controle van de plaats van het adres in het venster van de envelop")
    _draw_letterhead(canvas, settings, with_sender=True)
    x, y, w, h = settings.window_rect()
    canvas.setStrokeColor(colors.red)
    canvas.setLineWidth(0.6)
    canvas.setDash(3, 2)
    canvas.rect(x, y, w, h)
    canvas.setDash()
    # Corner marks 5 mm outside the frame, so a shifted print shows at once.
    for cx, cy in ((x, y), (x + w, y), (x, y + h), (x + w, y + h)):
        canvas.line(cx - 5 * mm, cy, cx + 5 * mm, cy)
        canvas.line(cx, cy - 5 * mm, cx, cy + 5 * mm)
    canvas.setFillColor(colors.black)
    canvas.setFont(FONT, 10)
    sample = ["De heer J. de Vries", "en mevrouw A. Jansen", "Voorstraat 1 A", "3311 AA  DORDRECHT"]
    ty = y + h - 12
    for line in sample:
        canvas.drawString(x, ty, line)
        ty -= 12.5
    canvas.setFont(FONT_BOLD, 12)
    canvas.drawString(settings.left, 120 * mm, "Testvel adresvenster")
    canvas.setFont(FONT, 9.5)
    text_lines = [
        f"Adreskader: {settings.window_left_mm:g} mm van links, {settings.window_top_mm:g} mm van boven, "
        f"{settings.window_width_mm:g} × {settings.window_height_mm:g} mm.",
        "Druk deze pagina af op ware grootte (100%, niet 'passend op pagina').",
        "Vouw het vel zoals een brief en steek het in een vensterenvelop.",
        "Het rode kader moet helemaal binnen het venster vallen, met ruimte rondom.",
        "Valt het kader erbuiten? Pas dan de plaats van het adreskader aan in de instellingen.",
    ]
    ty = 112 * mm
    for line in text_lines:
        canvas.drawString(settings.left, ty, line)
        ty -= 14
    # A 100 mm scale bar to check that the printer did not scale the page.
    canvas.setLineWidth(0.8)
    canvas.setStrokeColor(colors.black)
    canvas.line(settings.left, 30 * mm, settings.left + 100 * mm, 30 * mm)
    for tick in range(0, 101, 10):
        canvas.line(settings.left + tick * mm, 30 * mm, settings.left + tick * mm, 32.5 * mm)
    canvas.setFont(FONT, 8)
    canvas.drawString(settings.left, 25 * mm, "Deze lijn is precies 100 mm lang.")
    canvas.showPage()
    canvas.save()
    if out is None:
        return target.getvalue()
    return None


# ---------------------------------------------------------------------------------------------------------
# Stored settings (the profile keeps them next to its templates, see TemplateStore.layout_path)


def load_layout(path: Path | None) -> LayoutSettings:
    """The saved layout settings, or the defaults when nothing was saved yet; LayoutError when unreadable."""
    if path is None or not path.exists():
        return LayoutSettings()
    try:
        return LayoutSettings.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError, KeyError) as exc:
        raise LayoutError(f"De opmaakinstellingen in {path.name} zijn onleesbaar: {exc}") from exc


def save_layout(path: Path, settings: LayoutSettings) -> None:
    """Write the layout settings (checked when the LayoutSettings was made) atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, json.dumps(settings.to_dict(), ensure_ascii=False, indent=1).encode("utf-8"))

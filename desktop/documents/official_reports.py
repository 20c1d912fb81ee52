"""Official reports: proces-verbaal against parents or a jongere (12+), and the Halt and Raad referral forms.

The prose comes from templates (resources/templates/pv_*.toml, formulier_*.toml); the tables are built here
from the case data and placed where the template says ('@@ verzuimoverzicht', ...).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop.documents.context import ReportContext, dutch_date, from_dict, report_merge_data
from desktop.documents.document_record import GeneratedLetter, make_record
from desktop.documents.layout import (
    FONT,
    DocumentMeta,
    LayoutSettings,
    Section,
    blocks_to_flowables,
    build_pdf,
    make_styles,
    stamped,
    write_pdf,
)
from desktop.documents.templates import (
    FilledBlock,
    LetterTemplate,
    TemplateStore,
    check_required,
    default_store,
    escape_markup,
    fill_blocks,
    fill_plain,
)
from desktop.models.errors import DomainError
from desktop.models.law import age_on, halt_eligible

# Default articles per report (VERIFY against the current text of the Leerplichtwet 1969).
DEFAULT_ARTICLES = {
    "pv_ouders": ["artikel 2 lid 1 Leerplichtwet 1969", "artikel 26 Leerplichtwet 1969"],
    "pv_jongere": ["artikel 2 lid 3 Leerplichtwet 1969", "artikel 26 Leerplichtwet 1969"],
}


@dataclass(frozen=True)
class ReportKind:
    key: str
    title: str
    heading: str


# Who receives each report, for the register.
REPORT_RECIPIENTS = {
    "pv_ouders": "Openbaar Ministerie",
    "pv_jongere": "Openbaar Ministerie",
    "formulier_halt": "Halt",
    "formulier_raad": "Raad voor de Kinderbescherming",
}

REPORT_KINDS: dict[str, ReportKind] = {
    k.key: k
    for k in (
        ReportKind("pv_ouders", "Proces-verbaal (ouders)", "PROCES-VERBAAL"),
        ReportKind("pv_jongere", "Proces-verbaal (jongere)", "PROCES-VERBAAL"),
        ReportKind("formulier_halt", "Verwijzing naar Halt", "Verwijzingsformulier Halt"),
        ReportKind("formulier_raad", "Melding Raad voor de Kinderbescherming", "Meldingsformulier Raad voor de "
                   "Kinderbescherming"),
    )
}


class ReportError(DomainError):
    """A report cannot be made for this case; Dutch message, safe to show."""


def _table(rows: Sequence[Sequence[str | list[str]]], widths: Sequence[float], header: bool, styles: Mapping[str, Any],
           total_row: bool = False) -> Table:
    data = []
    for index, row in enumerate(rows):
        style = styles["cell_bold"] if (header and index == 0) or (total_row and index == len(rows) - 1) else \
            styles["cell"]
        # A list in a cell prints one item per line.
        data.append([
            Paragraph("<br/>".join(escape_markup(c) for c in cell) if isinstance(cell, list | tuple)
                      else escape_markup(cell), style)
            for cell in row
        ])
    table = Table(data, colWidths=list(widths), hAlign="LEFT", repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # the table's own default is Helvetica, never embedded
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5a8")),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e3eef0")))
    else:
        commands.append(("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f1f5f6")))
    table.setStyle(TableStyle(commands))
    return table


def _d(value: Any) -> str:
    return dutch_date(value) if value else ""


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


class _Blocks:
    """The structured blocks of a report, built on demand from the context."""

    def __init__(self, kind: str, context: ReportContext, width: float) -> None:
        self.kind = kind
        self.ctx = context
        self.width = width
        self.styles = make_styles()

    def _pairs(self, rows: Sequence[tuple[str, str | list[str]]]) -> list[Flowable]:
        rows = [(label, value) for label, value in rows if value]
        return [_table(rows, [45 * mm, self.width - 45 * mm], False, self.styles), Spacer(1, 4)]

    def suspect(self) -> list[Flowable]:
        out: list[Flowable] = []
        for suspect in self.ctx.suspects:
            address = ", ".join(p for p in (suspect.address.street,
                                            f"{suspect.address.postal_code} {suspect.address.city}".strip()) if p)
            out += self._pairs([
                ("Naam", suspect.name),
                ("Geboren", " te ".join(p for p in (_d(suspect.birth_date), suspect.birth_place) if p)),
                ("Adres", address),
                ("Hoedanigheid", suspect.role),
            ])
        return out

    def pupil(self) -> list[Flowable]:
        p = self.ctx.pupil
        school = ", ".join(x for x in (p.school, p.school_city) if x)
        return self._pairs([("Naam leerling", p.name), ("Geboren", _d(p.birth_date)), ("School", school)])

    def facts(self) -> list[Flowable]:
        out: list[Flowable] = []
        if self.ctx.facts:
            out.append(Paragraph(escape_markup(self.ctx.facts), self.styles["body"]))
        articles = self.ctx.articles or DEFAULT_ARTICLES.get(self.kind, [])
        if articles:
            out.append(Paragraph("Overtreden wetsartikelen:", self.styles["body"]))
            out += blocks_to_flowables([_bullets(articles)], self.styles)
        return out

    def absences(self) -> list[Flowable]:
        made = self.ctx.date
        assert made is not None  # a report has a date of its own (_check), and so has its record's context
        lines = sorted(self.ctx.absences, key=lambda a: (a.reported_on or a.period_start or made))
        if not lines:
            return [Paragraph("Er zijn geen verzuimmeldingen vastgelegd.", self.styles["body"])]
        rows = [["Melding ontvangen", "Periode", "Soort verzuim", "Uren", "Te laat"]]
        for a in lines:
            period = " t/m ".join(p for p in (_d(a.period_start), _d(a.period_end)) if p)
            rows.append([_d(a.reported_on), period, a.kind, _number(a.hours), str(a.times_late)])
        rows.append(["Totaal", "", f"{len(lines)} melding(en)", _number(sum(a.hours for a in lines)),
                     str(sum(a.times_late for a in lines))])
        w = self.width
        return [_table(rows, [33 * mm, 58 * mm, w - 33 * mm - 58 * mm - 34 * mm, 17 * mm, 17 * mm], True,
                       self.styles, total_row=True), Spacer(1, 6)]

    def earlier_steps(self) -> list[Flowable]:
        steps = sorted(self.ctx.earlier_steps, key=lambda s: s.on)
        if not steps:
            return [Paragraph("Er zijn geen eerdere stappen vastgelegd.", self.styles["body"])]
        rows = [["Datum", "Stap"]] + [[_d(s.on), s.description] for s in steps]
        return [_table(rows, [33 * mm, self.width - 33 * mm], True, self.styles), Spacer(1, 6)]

    def statements(self) -> list[Flowable]:
        if not self.ctx.statements:
            return [Paragraph("Er zijn geen verklaringen afgelegd.", self.styles["body"])]
        out: list[Flowable] = []
        for statement in sorted(self.ctx.statements, key=lambda s: s.on):
            out.append(KeepTogether([
                Paragraph(f"Verklaring van {escape_markup(statement.person)} op {_d(statement.on)}:",
                          self.styles["heading"]),
                Paragraph(f"<i>{escape_markup(statement.text)}</i>", self.styles["body"]),
            ]))
        return out

    def advice(self) -> list[Flowable]:
        text = self.ctx.advice or "Geen advies gegeven."
        return [Paragraph(escape_markup(text), self.styles["body"])]

    def additions(self) -> list[Flowable]:
        if not self.ctx.additions:
            return []
        return [Paragraph(escape_markup(self.ctx.additions), self.styles["body"])]

    def halt_data(self) -> list[Flowable]:
        ctx = self.ctx
        hours = sum(a.hours for a in ctx.absences)
        late = sum(a.times_late for a in ctx.absences)
        halt = ctx.halt
        eligible = (
            halt_eligible(ctx.pupil.birth_date, ctx.date, hours, late, ctx.earlier_halt_for_absence)
            if ctx.pupil.birth_date and ctx.date else False
        )
        age = age_on(ctx.pupil.birth_date, ctx.date) if ctx.pupil.birth_date and ctx.date else None

        def yes_no(value: bool | None) -> str:
            return "onbekend" if value is None else ("ja" if value else "nee")

        return self._pairs([
            ("Leeftijd op datum verwijzing", f"{age} jaar" if age is not None else ""),
            ("Uren ongeoorloofd verzuim", _number(hours)),
            ("Aantal keren te laat", str(late)),
            ("Eerder naar Halt voor verzuim", "ja" if ctx.earlier_halt_for_absence else "nee"),
            ("Voldoet aan Halt-criteria", "ja" if eligible else "nee"),
            ("Toestemming jongere", yes_no(halt.consent_jongere if halt else None)),
            ("Toestemming ouders", yes_no(halt.consent_parents if halt else None)
             + (" (nodig: jonger dan 16)" if age is not None and age < 16 else "")),
            ("Halt-bureau", halt.office if halt else ""),
        ])

    def raad_data(self) -> list[Flowable]:
        ctx = self.ctx
        guardians = [
            f"{g.name} ({'met gezag' if g.has_authority else 'zonder gezag'}), {g.address.street}, "
            f"{g.address.postal_code} {g.address.city}"
            for g in ctx.guardians
        ]
        cp = ctx.child_protection
        return self._pairs([
            ("Ouders / verzorgers", guardians),
            ("Ouders geïnformeerd", "" if cp is None or cp.parents_informed is None
             else ("ja" if cp.parents_informed else "nee")),
            ("Ouders eerder veroordeeld", "" if ctx.earlier_conviction is None
             else ("ja" if ctx.earlier_conviction else "nee")),
        ])

    def signature(self) -> list[Flowable]:
        officer = self.ctx.officer
        rows = [
            ["Plaats en datum", f"{self.ctx.place}, {_d(self.ctx.date)}".strip(", ")],
            ["Naam", officer.name],
            ["Functie", officer.function],
            ["Registratienummer boa", officer.boa_number],
            ["Handtekening", "\n\n\n"],
        ]
        table = _table([r for r in rows if r[1]], [45 * mm, 80 * mm], False, self.styles)
        table.setStyle(TableStyle([("BOTTOMPADDING", (1, -1), (1, -1), 28)]))
        return [Spacer(1, 4), KeepTogether([table])]

    def makers(self) -> dict[str, Callable[[], list[Flowable]]]:
        return {
            "verdachte": self.suspect,
            "leerling": self.pupil,
            "feiten": self.facts,
            "verzuimoverzicht": self.absences,
            "eerdere_stappen": self.earlier_steps,
            "verklaringen": self.statements,
            "advies": self.advice,
            "aanvullingen": self.additions,
            "halt_gegevens": self.halt_data,
            "raad_gegevens": self.raad_data,
            "ondertekening": self.signature,
        }


def _bullets(items: Sequence[str]) -> FilledBlock:
    return FilledBlock("bullets", tuple(escape_markup(i) for i in items))


def _check(kind: str, ctx: ReportContext) -> None:
    if kind not in REPORT_KINDS:
        raise ReportError(f"Onbekende rapportsoort '{kind}'.")
    if ctx.date is None:
        raise ReportError("Het rapport heeft geen datum van opmaak.")
    if kind.startswith("pv_") and not ctx.suspects:
        raise ReportError("Een proces-verbaal heeft een verdachte nodig.")
    birth = ctx.pupil.birth_date
    if kind in ("pv_jongere", "formulier_halt") and birth is None:
        raise ReportError("De geboortedatum van de jongere ontbreekt.")
    if kind == "pv_jongere" and birth is not None and age_on(birth, ctx.date) < 12:
        # Lpw art. 2 lid 3: the jongere is only responsible from 12.
        raise ReportError("Een proces-verbaal tegen de jongere kan pas vanaf 12 jaar.")
    if kind == "formulier_halt" and birth is not None and not 12 <= age_on(birth, ctx.date) < 18:
        raise ReportError("Een Halt-verwijzing voor verzuim kan alleen voor jongeren van 12 tot 18 jaar.")


def _build(kind: str, ctx: ReportContext, template: LetterTemplate, settings: LayoutSettings) -> bytes:
    report = REPORT_KINDS[kind]
    if template.document != "report":
        raise ReportError(f"Sjabloon '{kind}' is geen rapportsjabloon.")
    values = report_merge_data(ctx)
    check_required(template, values)
    styles = make_styles()
    blocks = _Blocks(kind, ctx, settings.body_width)
    body: list[Flowable] = [
        Paragraph(escape_markup(report.heading), styles["title"]),
        Paragraph(escape_markup(fill_plain(template.subject, values)), styles["heading"]),
        Spacer(1, 3 * mm),
    ]
    body += blocks_to_flowables(fill_blocks(template, values), styles, inserts=blocks.makers())
    meta = DocumentMeta(
        title=f"{report.title} {ctx.case_number}".strip(),
        subject=report.title,
        keywords=f"{kind}, {template.version_label}",
    )
    pdf = build_pdf([Section(body=body, reference=ctx.case_number, subject=report.title)], meta, settings)
    assert pdf is not None
    return pdf


def _derived(kind: str, context: ReportContext) -> ReportContext:
    ctx = context
    if not ctx.suspect_names and ctx.suspects:
        ctx = dataclasses.replace(ctx, suspect_names=" en ".join(s.name for s in ctx.suspects))
    if kind == "pv_ouders" and ctx.earlier_conviction and not ctx.copy_to:
        # Parents convicted before: the Raad voor de Kinderbescherming receives a copy (Lpw enforcement).
        ctx = dataclasses.replace(ctx, copy_to="Raad voor de Kinderbescherming")
    return ctx


def generate_report(
    kind: str,
    context: ReportContext,
    out: str | Path | BinaryIO | None = None,
    settings: LayoutSettings | None = None,
    store: TemplateStore | None = None,
) -> GeneratedLetter:
    """Make a report and its register record (the case data is kept in merge_data for regeneration)."""
    settings = stamped(settings)
    store = store or default_store()
    _check(kind, context)
    template = store.current(kind)
    ctx = _derived(kind, context)
    pdf = _build(kind, ctx, template, settings)
    write_pdf(pdf, out)
    suspects = f" ({ctx.suspect_names})" if ctx.suspect_names else ""
    record = make_record(
        kind,
        [template],
        settings.to_dict(),
        settings.timestamp,
        {"document": "report", "context": dataclasses.asdict(ctx)},
        f"{REPORT_RECIPIENTS[kind]}{suspects}",
        pdf,
    )
    return GeneratedLetter(pdf, record)


def render_report(
    kind: str,
    context: ReportContext,
    out: str | Path | BinaryIO | None = None,
    settings: LayoutSettings | None = None,
    store: TemplateStore | None = None,
) -> bytes | None:
    """Render a proces-verbaal or referral form; returns the PDF bytes when ``out`` is None."""
    report = generate_report(kind, context, out, settings, store)
    return report.pdf if out is None else None


def regenerate_report(
    payload: dict[str, Any], out: str | Path | BinaryIO | None, store: TemplateStore, invariant: bool
) -> bytes:
    """A report made again from its record's merge_data (called through `letters.regenerate`)."""
    kind = payload["kind"]
    if kind not in REPORT_KINDS:
        raise ReportError(f"Onbekende rapportsoort '{kind}'.")
    info = payload["templates"][kind]
    template = store.find(kind, info["version"], info["sha256"])
    ctx = from_dict(ReportContext, payload["context"])
    pdf = _build(kind, ctx, template, LayoutSettings.from_record(payload, invariant))
    write_pdf(pdf, out)
    return pdf

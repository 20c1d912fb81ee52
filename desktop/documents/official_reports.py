"""Official reports: proces-verbaal against a parent or a jongere (12+), and the Halt and Raad referral forms.

The prose comes from templates (resources/templates/pv_*.toml, formulier_*.toml); the tables are built here
from the case data and placed where the template says ('@@ verzuimoverzicht', ...). A proces-verbaal has one
suspect: a case with two parents gives two, each its own document with its own pages and register record.
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

from desktop.documents.context import ReportContext, Statement, dutch_date, dutch_time, from_dict, report_merge_data
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
from desktop.models.hearings import HearingFacts, hearing_report_refusal
from desktop.models.law import (
    HALT_MAX_HOURS,
    HALT_MAX_TIMES_LATE,
    HALT_MIN_HOURS,
    HALT_MIN_TIMES_LATE,
    age_on,
    halt_eligible,
)

PV_KINDS = ("pv_ouders", "pv_jongere")
#: Below this age the parents' consent to Halt is asked as well (Halt's criteria for verwijzers).
HALT_PARENTS_CONSENT_BELOW = 16


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
                ("Achternaam", suspect.surname or suspect.name),
                ("Voornamen", suspect.given_names),
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
        ctx = self.ctx
        out: list[Flowable] = []
        if ctx.offence_start and ctx.offence_end:
            period = f"In de periode van {_d(ctx.offence_start)} tot en met {_d(ctx.offence_end)}"
            place = f", op of bij {ctx.offence_place}" if ctx.offence_place else ""
            duty = f" De jongere was in die periode {ctx.duty}." if ctx.duty else ""
            for wording in ctx.charges:
                out.append(Paragraph(escape_markup(
                    f"{period}{place}, heeft de verdachte, {ctx.suspect_names}, {wording}.{duty}"
                ), self.styles["body"]))
        if ctx.facts:
            out.append(Paragraph(escape_markup(ctx.facts), self.styles["body"]))
        if ctx.articles:
            out.append(Paragraph("Overtreden wetsartikelen:", self.styles["body"]))
            out += blocks_to_flowables([_bullets(ctx.articles)], self.styles)
        return out

    def absences(self) -> list[Flowable]:
        made = self.ctx.date
        assert made is not None  # a report has a date of its own (_check), and so has its record's context
        lines = sorted(self.ctx.absences, key=lambda a: (a.reported_on or a.period_start or made))
        rows = [["Melding ontvangen", "Periode", "Soort verzuim", "School", "Uren", "Te laat"]]
        for a in lines:
            period = " t/m ".join(p for p in (_d(a.period_start), _d(a.period_end)) if p)
            rows.append([_d(a.reported_on), period, a.kind, a.school, _number(a.hours), str(a.times_late)])
        rows.append(["Totaal", "", f"{len(lines)} melding(en)", "", _number(sum(a.hours for a in lines)),
                     str(sum(a.times_late for a in lines))])
        w = self.width
        fixed = 27 * mm + 44 * mm + 14 * mm + 14 * mm
        kind_width = (w - fixed) * 0.45
        return [_table(rows, [27 * mm, 44 * mm, kind_width, w - fixed - kind_width, 14 * mm, 14 * mm], True,
                       self.styles, total_row=True), Spacer(1, 6)]

    def earlier_steps(self) -> list[Flowable]:
        steps = sorted(self.ctx.earlier_steps, key=lambda s: s.on)
        if not steps:
            return [Paragraph("Er zijn geen eerdere stappen vastgelegd.", self.styles["body"])]
        rows = [["Datum", "Stap"]] + [[_d(s.on), s.description] for s in steps]
        return [_table(rows, [33 * mm, self.width - 33 * mm], True, self.styles), Spacer(1, 6)]

    def statements(self) -> list[Flowable]:
        out: list[Flowable] = []
        for statement in sorted(self.ctx.statements, key=lambda s: s.on):
            out.append(KeepTogether([
                Paragraph(f"<i>{escape_markup(text)}</i>" if quoted else escape_markup(text), self.styles["body"])
                for text, quoted in self._hearing(statement)
            ]))
        return out

    def _hearing(self, h: Statement) -> list[tuple[str, bool]]:
        """The paragraphs of the hearing, each with whether it is the suspect's own words."""
        body, quote = False, True
        when = _d(h.on) + (f" om {dutch_time(h.at)} uur" if h.at else "")
        where = f" te {h.place}" if h.place else ""
        if not h.appeared:
            return [(f"Ik heb {h.person} uitgenodigd om als verdachte te worden gehoord op {when}{where}. "
                     "De verdachte is niet verschenen en heeft geen verklaring afgelegd.", body)]
        lines = [(f"Op {when}{where} heb ik {h.person} als verdachte gehoord.", body)]
        if h.caution_given:
            lines.append(("Voor de aanvang van het verhoor heb ik de verdachte medegedeeld dat hij of zij niet "
                          "verplicht is tot antwoorden (artikel 29, tweede lid, Wetboek van Strafvordering).", body))
        if h.legal_aid_informed:
            lines.append(("Ik heb de verdachte gewezen op het recht om voorafgaand aan en tijdens het verhoor een "
                          "advocaat te raadplegen (artikelen 27c, tweede lid, en 28 Wetboek van Strafvordering)."
                          + (f" Bij het verhoor was advocaat {h.lawyer} aanwezig." if h.lawyer
                             else " Bij het verhoor was geen advocaat aanwezig."), body))
        if h.minor_rights_informed:
            lines.append(("De verdachte was bij het verhoor of ten tijde van het feit minderjarig (artikel 488 "
                          "Wetboek van Strafvordering). Ik heb de verdachte gewezen op het recht zich bij het "
                          "verhoor te laten begeleiden door een ouder, voogd of vertrouwenspersoon (artikel 488ab "
                          "Wetboek van Strafvordering)."
                          + (f" De verdachte werd begeleid door {h.accompanied_by}." if h.accompanied_by
                             else " De verdachte werd door niemand begeleid."), body))
        elif h.accompanied_by:
            lines.append((f"De verdachte werd bij het verhoor begeleid door {h.accompanied_by}.", body))
        if h.interpreter:
            lines.append((f"Het verhoor is afgenomen met bijstand van tolk {h.interpreter} (artikel 29b Wetboek "
                          "van Strafvordering).", body))
        if h.remains_silent:
            lines.append(("De verdachte beriep zich op het zwijgrecht en legde geen verklaring af.", body))
        else:
            lines.append(("De verdachte verklaarde:", body))
            lines.append((h.text, quote))
        return lines

    def advice(self) -> list[Flowable]:
        text = self.ctx.advice or "Geen advies gegeven."
        return [Paragraph(escape_markup(text), self.styles["body"])]

    def additions(self) -> list[Flowable]:
        if not self.ctx.additions:
            return []
        return [Paragraph(escape_markup(self.ctx.additions), self.styles["body"])]

    def halt_data(self) -> list[Flowable]:
        ctx = self.ctx
        hours, late = halt_counts(ctx)
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
             + (" (nodig: jonger dan 16)" if age is not None and age < HALT_PARENTS_CONSENT_BELOW
                else " (niet nodig: 16 jaar of ouder)")),
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


def _identification_missing(ctx: ReportContext) -> list[str]:
    suspect = ctx.suspects[0]
    missing = [label for label, value in (
        ("de achternaam", suspect.surname), ("alle voornamen", suspect.given_names),
        ("de geboortedatum", suspect.birth_date), ("de geboorteplaats", suspect.birth_place),
        ("het adres", suspect.address.street and suspect.address.postal_code and suspect.address.city),
    ) if not value]
    return missing


def _check_pv(ctx: ReportContext) -> None:
    """What a proces-verbaal needs before it is drawn up (refused with a Dutch sentence otherwise)."""
    if len(ctx.suspects) != 1:
        raise ReportError("Een proces-verbaal gaat over één verdachte: maak er één per verdachte.")
    missing = _identification_missing(ctx)
    if missing:
        raise ReportError(
            f"Vul eerst {', '.join(missing)} van {ctx.suspects[0].name} in: een proces-verbaal identificeert "
            "de verdachte met naam, voornamen, geboorteplaats, geboortedatum en adres (Wetboek van Strafvordering "
            "art. 27a)."
        )
    if not ctx.officer.boa_number:
        raise ReportError("Een proces-verbaal maakt alleen een buitengewoon opsporingsambtenaar op: het "
                          "registratienummer van de verbalisant ontbreekt (Wetboek van Strafvordering art. 142).")
    if not ctx.articles or not ctx.charges:
        raise ReportError("Het proces-verbaal noemt geen feit en geen overtreden wetsartikelen.")
    if ctx.offence_start is None or ctx.offence_end is None:
        raise ReportError("Het proces-verbaal noemt niet wanneer het verzuim plaatsvond.")
    if not ctx.statements:
        raise ReportError(f"Leg eerst het verhoor van {ctx.suspects[0].name} vast (Leerplichtwet 1969 art. 22).")
    for statement in ctx.statements:
        facts = HearingFacts(statement.on, statement.appeared, statement.caution_given,
                             statement.legal_aid_informed, statement.minor_rights_informed, statement.remains_silent,
                             statement.text)
        facts_on = ctx.offence_start if ctx.suspects[0].role == "jongere" else None
        refusal = hearing_report_refusal(facts, ctx.suspects[0].birth_date, facts_on)
        if refusal is not None:
            raise ReportError(f"{statement.person} {refusal}")


def halt_counts(ctx: ReportContext) -> tuple[float, int]:
    """The hours absent and times late the referral is about: as counted on the Halt intervention, or else
    the sum of the meldingen."""
    hours = ctx.halt_hours if ctx.halt_hours is not None else sum(a.hours for a in ctx.absences)
    late = ctx.halt_times_late if ctx.halt_times_late is not None else sum(a.times_late for a in ctx.absences)
    return hours, late


def halt_refusal(ctx: ReportContext) -> str | None:
    """Why this case cannot be referred to Halt for verzuim (Dutch), or None (Halt's criteria for verwijzers).

    Age 12 up to 18 on the date of the referral; at least 9 hours absent or 12 times late and at most 60 of
    each; never referred for verzuim before; the consent of the jongere, and of the parents below 16.
    """
    birth, on = ctx.pupil.birth_date, ctx.date
    if birth is None or on is None:
        return "De geboortedatum van de jongere ontbreekt."
    age = age_on(birth, on)
    if not 12 <= age < 18:
        return f"Een Halt-verwijzing voor verzuim kan alleen voor jongeren van 12 tot 18 jaar; de jongere is {age}."
    if ctx.earlier_halt_for_absence:
        return "De jongere is eerder voor verzuim naar Halt verwezen: een tweede verwijzing kan niet."
    hours, late = halt_counts(ctx)
    if not halt_eligible(birth, on, hours, late, ctx.earlier_halt_for_absence):
        return (f"Het verzuim ({_number(hours)} uur, {late} keer te laat) past niet in de Halt-criteria: ten minste "
                f"{_number(HALT_MIN_HOURS)} uur of {HALT_MIN_TIMES_LATE} keer te laat, en ten hoogste "
                f"{_number(HALT_MAX_HOURS)} uur en {HALT_MAX_TIMES_LATE} keer te laat.")
    halt = ctx.halt
    if halt is None or halt.consent_jongere is not True:
        return "Leg eerst vast dat de jongere met de Halt-verwijzing instemt."
    if age < HALT_PARENTS_CONSENT_BELOW and halt.consent_parents is not True:
        return "De jongere is jonger dan 16: leg eerst vast dat de ouders met de Halt-verwijzing instemmen."
    if not halt.background.strip():
        return "Vul de achtergrond van de verwijzing in (bij de Halt-interventie)."
    return None


def _check(kind: str, ctx: ReportContext) -> None:
    if kind not in REPORT_KINDS:
        raise ReportError(f"Onbekende rapportsoort '{kind}'.")
    if ctx.date is None:
        raise ReportError("Het rapport heeft geen datum van opmaak.")
    if not ctx.absences:
        # No melding, no report: a proces-verbaal or referral rests on the verzuim the school reported.
        raise ReportError("Er zijn geen verzuimmeldingen vastgelegd: zonder meldingen geen rapport.")
    birth = ctx.pupil.birth_date
    if kind in ("pv_jongere", "formulier_halt", "formulier_raad") and birth is None:
        raise ReportError("De geboortedatum van de jongere ontbreekt.")
    if kind == "pv_jongere" and birth is not None and ctx.offence_start is not None \
            and age_on(birth, ctx.offence_start) < 12:
        # Lpw art. 2 lid 3: the jongere is only responsible from 12, counted on the days of the verzuim.
        raise ReportError("Een proces-verbaal tegen de jongere kan alleen over verzuim vanaf 12 jaar.")
    if kind in PV_KINDS:
        _check_pv(ctx)
    if kind == "formulier_halt":
        refusal = halt_refusal(ctx)
        if refusal is not None:
            raise ReportError(refusal)
    if kind == "formulier_raad" and birth is not None and age_on(birth, ctx.date) >= 18:
        # A child protection measure is for a minor only (Burgerlijk Wetboek boek 1, art. 255).
        raise ReportError("Een melding aan de Raad voor de Kinderbescherming gaat over een minderjarige; de "
                          "jongere is 18 jaar of ouder.")


def _section(kind: str, ctx: ReportContext, template: LetterTemplate, settings: LayoutSettings) -> Section:
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
    return Section(body=body, reference=ctx.case_number, subject=report.title)


def _build_all(kind: str, contexts: Sequence[ReportContext], template: LetterTemplate,
               settings: LayoutSettings) -> bytes:
    """One PDF with a section per report: each numbers its own pages, as separate documents would."""
    report = REPORT_KINDS[kind]
    first = contexts[0]
    meta = DocumentMeta(
        title=f"{report.title} {first.case_number}".strip(),
        subject=report.title,
        keywords=f"{kind}, {template.version_label}",
    )
    pdf = build_pdf([_section(kind, ctx, template, settings) for ctx in contexts], meta, settings)
    assert pdf is not None
    return pdf


def _build(kind: str, ctx: ReportContext, template: LetterTemplate, settings: LayoutSettings) -> bytes:
    return _build_all(kind, [ctx], template, settings)


def _derived(kind: str, context: ReportContext) -> ReportContext:
    ctx = context
    if not ctx.suspect_names and ctx.suspects:
        ctx = dataclasses.replace(ctx, suspect_names=" en ".join(s.name for s in ctx.suspects))
    if kind == "pv_ouders" and ctx.earlier_conviction and not ctx.copy_to:
        # Parents convicted before: the Raad voor de Kinderbescherming receives a copy (Lpw art. 22 lid 5).
        ctx = dataclasses.replace(ctx, copy_to="Raad voor de Kinderbescherming")
    return ctx


def generate_reports(
    kind: str,
    contexts: Sequence[ReportContext],
    out: str | Path | BinaryIO | None = None,
    settings: LayoutSettings | None = None,
    store: TemplateStore | None = None,
) -> list[GeneratedLetter]:
    """Make several reports of one kind in one PDF (a proces-verbaal per suspect) and a register record each.

    Every report is checked before the first page is made; in a shared file each record carries the hash of
    that file, as a batch of letters does.
    """
    if not contexts:
        raise ReportError("Er is geen rapport om te maken.")
    settings = stamped(settings)
    store = store or default_store()
    for context in contexts:
        _check(kind, context)
    template = store.current(kind)
    derived = [_derived(kind, context) for context in contexts]
    pdf = _build_all(kind, derived, template, settings)
    write_pdf(pdf, out)
    results = []
    for ctx in derived:
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
        results.append(GeneratedLetter(pdf, record))
    return results


def generate_report(
    kind: str,
    context: ReportContext,
    out: str | Path | BinaryIO | None = None,
    settings: LayoutSettings | None = None,
    store: TemplateStore | None = None,
) -> GeneratedLetter:
    """Make one report and its register record (the case data is kept in merge_data for regeneration)."""
    return generate_reports(kind, [context], out, settings, store)[0]


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

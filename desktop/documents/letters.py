"""Letters to parents, jongeren and organisations: from template and merge data to PDF, singly or in batches.

Every generated letter comes with a `LetterRecord` for the DocumentRecord register, from which the same
letter can be made again (`regenerate`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop.documents.context import (
    Addressee,
    Guardian,
    LetterContext,
    Objection,
    Privacy,
    Renewal,
    addressees,
    merge_data,
    young_person_responsible,
)
from desktop.documents.document_record import RECORD_FORMAT, GeneratedLetter, LetterRecord, make_record
from desktop.documents.layout import (
    FONT,
    DocumentMeta,
    LayoutSettings,
    Section,
    Sender,
    blocks_to_flowables,
    build_pdf,
    make_styles,
    stamped,
    write_pdf,
)
from desktop.documents.official_reports import REPORT_KINDS, regenerate_report, render_report
from desktop.documents.templates import (
    FilledBlock,
    LetterTemplate,
    TemplateError,
    TemplateStore,
    check_required,
    default_store,
    escape_markup,
    fill,
    fill_blocks,
    fill_plain,
    parse_template,
)
from desktop.models.errors import DomainError
from desktop.models.law import letters_to_young_person, objection_deadline, renewal_deadline
from desktop.models.region import Region, objection_address, profile_region

OBJECTION_TEMPLATE = "_bezwaarclausule"
PRIVACY_TEMPLATE = "_privacy"
# A letter to an organisation: the reader is not the person the data are about (no rights of AVG art. 15-21).
ORGANISATION_PRIVACY_TEMPLATE = "_privacy_organisatie"


@dataclass(frozen=True)
class LetterKind:
    key: str
    title: str
    decision: bool  # a besluit: carries the bezwaarclausule (Awb 3:45)
    to_family: bool  # addressed by the rules of `addressees` (else to an organisation)
    # About the jongere's own verzuim: from 12 the jongere gets the letter too (Lpw art. 2 lid 3, art. 4c).
    young_person_too: bool = False


LETTER_KINDS: dict[str, LetterKind] = {
    k.key: k
    for k in (
        LetterKind("uitnodiging_gesprek", "Uitnodiging gesprek", False, True, young_person_too=True),
        LetterKind("waarschuwing", "Waarschuwing", False, True, young_person_too=True),
        LetterKind("besluit_vrijstelling_toegekend", "Besluit vrijstelling (toegekend)", True, True),
        LetterKind("besluit_vrijstelling_afgewezen", "Besluit vrijstelling (afgewezen)", True, True),
        LetterKind("bevestiging_vrijstelling", "Bevestiging vrijstelling", False, True),
        LetterKind("kennisgeving_vrijstelling_onvolledig", "Kennisgeving vrijstelling onvolledig of ongeldig", False,
                   True),
        LetterKind("besluit_vrijstelling_buiten_behandeling", "Besluit vrijstelling (buiten behandeling)", True, True),
        LetterKind("besluit_verlof_toegekend", "Besluit verlof meer dan 10 dagen (toegekend)", True, True),
        LetterKind("besluit_verlof_afgewezen", "Besluit verlof meer dan 10 dagen (afgewezen)", True, True),
        LetterKind("halt_verwijzing", "Halt-verwijzing", False, True, young_person_too=True),
        LetterKind("melding_raad", "Melding Raad voor de Kinderbescherming", False, False),
        LetterKind("melding_svb", "Melding SVB (kinderbijslag)", False, False),
        LetterKind("terugkoppeling_school", "Terugkoppeling aan de school", False, False),
    )
}

# AVG art. 13 lid 1 onder c: the purposes and the legal basis, per kind of letter. Every processing rests on
# AVG art. 6 lid 1 onder c (a legal obligation of the college) and onder e (a task in the public interest).
_LPW = "de Leerplichtwet 1969"
PRIVACY_BASIS: dict[str, str] = {
    "uitnodiging_gesprek": f"het toezicht op de naleving van de leerplicht en het onderzoek naar schoolverzuim "
                           f"(artikelen 16, 18, 21a en 22 van {_LPW})",
    "waarschuwing": f"het toezicht op de naleving van de leerplicht en de aanpak van schoolverzuim (artikelen 16, "
                    f"18, 21a en 22 van {_LPW})",
    "halt_verwijzing": f"de aanpak van schoolverzuim met een Halt-afdoening (artikelen 22 en 26 van {_LPW}, "
                       "artikel 77e van het Wetboek van Strafrecht)",
    "melding_raad": f"het toezicht op de naleving van de leerplicht (artikelen 16 en 22 van {_LPW}) en het verzoek "
                    "aan de Raad voor de Kinderbescherming om te onderzoeken of een kinderbeschermingsmaatregel "
                    "nodig is (artikel 1:255 van het Burgerlijk Wetboek)",
    "melding_svb": f"de leerplichtadministratie (artikel 18 van {_LPW}) en de melding aan de Sociale "
                   "Verzekeringsbank voor de kinderbijslag (artikel 7 van de Algemene Kinderbijslagwet)",
    "terugkoppeling_school": f"de afhandeling van de verzuimmelding van de school (artikelen 21a en 22 van {_LPW})",
}
DEFAULT_PRIVACY_BASIS = (f"de uitvoering van {_LPW} (artikelen 16 en 18) en de beslissingen die de wet het "
                         "college opdraagt")
#: For a jongere of 18 or older the work rests on the regional meld- en coördinatiefunctie (the Doorstroompunt).
RMC_BASIS = ("de regionale meld- en coördinatiefunctie voortijdig schoolverlaten (artikel 8.3.1 van de Wet educatie "
             "en beroepsonderwijs)")
PRIVACY_RECIPIENTS: dict[str, str] = {
    "uitnodiging_gesprek": "de school van de leerling en DUO (de terugmelding op de verzuimmelding)",
    "waarschuwing": "de school van de leerling en DUO (de terugmelding op de verzuimmelding); bij nieuw verzuim "
                    "kunnen gegevens naar Halt of het Openbaar Ministerie gaan",
    "halt_verwijzing": "Halt en de school van de leerling",
    "melding_raad": "de Raad voor de Kinderbescherming",
    "melding_svb": "de Sociale Verzekeringsbank (SVB)",
    "terugkoppeling_school": "de school van de leerling en DUO",
}
DEFAULT_PRIVACY_RECIPIENTS = "DUO (het register van vrijstellingen en verlof) en de school van de leerling"


class LetterError(DomainError):
    """A letter cannot be made; Dutch message, safe to show."""


@dataclass
class PreparedLetter:
    kind: str
    template: LetterTemplate
    values: dict[str, Any]
    shared: dict[str, LetterTemplate]
    layout: dict[str, Any]
    created: float | None = None  # the PDF's creation moment, kept so regeneration gives the same bytes

    @property
    def subject(self) -> str:
        return str(self.values.get("subject") or "")

    def record(self, pdf: bytes, sha256: str | None = None) -> LetterRecord:
        address = ", ".join(
            part
            for part in (
                self.values.get("addressee.name", ""),
                self.values.get("addressee.address.street", ""),
                f"{self.values.get('addressee.address.postal_code', '')} "
                f"{self.values.get('addressee.address.city', '')}".strip(),
            )
            if part
        )
        templates = [self.template, *self.shared.values()]
        return make_record(
            self.kind, templates, self.layout, self.created, {"fields": self.values}, address, pdf, sha256,
            str(self.values.get("reference") or ""),
        )


def _next_first_of_july(after: date) -> date:
    this_year = date(after.year, 7, 1)
    return this_year if after < this_year else date(after.year + 1, 7, 1)


def _region_in(store: TemplateStore | None) -> Region:
    """The region the letters are printed with: the copy received from the server, else the shipped file."""
    return profile_region(store.local_dir if store is not None else None)


def region_sender(region: Region, base: Sender | None = None) -> Sender:
    """The letterhead and sender block from the region's office (name, visiting and postal address, phone,
    e-mail, website); what ``base`` already fills in (a published layout) is kept."""
    base = base or Sender()
    office = region.office
    return Sender(
        letterhead=office.letterhead or base.letterhead,
        organisation=office.organisation or base.organisation,
        address_lines=base.address_lines or office.postal_address,
        visiting_lines=base.visiting_lines or office.visiting_address,
        phone=base.phone or office.phone,
        email=base.email or office.email,
        website=base.website or office.website,
    )


def with_region_letterhead(settings: LayoutSettings, store: TemplateStore | None) -> LayoutSettings:
    """The settings with the region's address, phone and website in the letterhead where the layout has none."""
    if settings.sender.address_lines and settings.sender.phone and settings.sender.website:
        return settings
    return dataclasses.replace(settings, sender=region_sender(_region_in(store), settings.sender))


def _with_derived(
    kind: LetterKind, context: LetterContext, settings: LayoutSettings, region: Region | None = None
) -> LetterContext:
    """Add the computed fields: the bezwaar deadline and address for decisions, the renewal date for
    confirmations, and the privacy notice of AVG art. 13 for every letter."""
    sent = context.date
    if sent is None:
        raise LetterError("De brief heeft geen datum.")
    region = region or profile_region(None)
    ctx = dataclasses.replace(context)
    found = region.find(ctx.municipality)
    if kind.decision:
        # Awb 6:4 lid 1: the bezwaarschrift goes to the college that made the decision, at its own address; a
        # caller may pass another body and address in context.objection (a mandate the region does not know).
        given = ctx.objection or Objection()
        where = objection_address(region, ctx.municipality)
        court = region.court_of(found) if found else None
        if where is None and not (given.body and given.address):
            raise LetterError(
                f"De gemeente '{ctx.municipality or '(geen)'}' staat niet in het regiobestand: het adres voor "
                "bezwaarschriften is niet bekend."
            )
        # Awb 6:7/6:8: the term starts the day after sending; the letter's date is the date it is sent.
        ctx.objection = Objection(
            deadline=objection_deadline(sent),
            body=given.body or (where.body if where else ""),
            address=given.address or (where.postal_address if where else ""),
            digital=given.digital if given.body else (where.digital if where else ""),
            court=given.court or (where.court if where else ""),
            court_address=given.court_address or (where.court_address if where else ""),
            court_digital=given.court_digital or (court.digital if court else ""),
        )
    if kind.key == "bevestiging_vrijstelling":
        valid_until = ctx.decision.valid_until if ctx.decision else None
        if valid_until is not None:
            ctx.renewal = Renewal(deadline=renewal_deadline(valid_until))
        elif ctx.decision is None or ctx.decision.valid_from is None:
            ctx.renewal = Renewal(deadline=_next_first_of_july(sent))
        # valid_from without valid_until: art. 5 onder a 'never fit', no yearly renewal (Lpw art. 6).
    if not ctx.consequence:
        ctx.consequence = consequence_text(kind.key, ctx)
    ctx.privacy = privacy_notice(kind, ctx, region)
    return ctx


def consequence_text(kind: str, context: LetterContext) -> str:
    """What may follow when an invitation or a warning is ignored. A proces-verbaal for schoolverzuim is only
    possible while the leerplicht or kwalificatieplicht applies, so before the 18th birthday (Lpw art. 2, 4c
    and 26); to a jongere of 18 or older the letter threatens nothing."""
    birth, on = context.pupil.birth_date, context.date
    minor = birth is None or on is None or not letters_to_young_person(birth, on)
    name = context.pupil.first_name or context.pupil.name
    if kind == "uitnodiging_gesprek":
        if minor:
            return ("Komt u niet en laat u niets weten? Dan kan ik verdere stappen zetten, bijvoorbeeld een "
                    "proces-verbaal opmaken. De officier van justitie beslist dan over de zaak.")
        return "Komt u niet en laat u niets weten? Dan neem ik opnieuw contact met u op."
    if kind == "waarschuwing" and minor:
        return (f"Verzuimt {name} opnieuw zonder geldige reden? Dan kan ik een proces-verbaal opmaken. De officier "
                "van justitie beslist daarna over een straf, bijvoorbeeld een geldboete.")
    return ""


def privacy_notice(kind: LetterKind, context: LetterContext, region: Region) -> Privacy:
    """The facts AVG art. 13 lid 1 and 2 ask for: the controller (the college of the pupil's gemeente, Lpw
    art. 16, for which the regional service works under mandate), the functionaris gegevensbescherming, the
    purpose and legal basis of this letter, and its recipients. The rights and the right to complain to the
    Autoriteit Persoonsgegevens are in the template."""
    found = region.find(context.municipality)
    adult = (context.pupil.birth_date is not None and context.date is not None
             and letters_to_young_person(context.pupil.birth_date, context.date))
    basis = PRIVACY_BASIS.get(kind.key, DEFAULT_PRIVACY_BASIS)
    if adult and kind.key in ("uitnodiging_gesprek", "waarschuwing"):
        basis = RMC_BASIS
    processor = region.office.organisation or region.service
    return Privacy(
        controller=found.college if found else "het college van burgemeester en wethouders van uw gemeente",
        processor=processor,
        officer=found.privacy_contact if found else "de functionaris gegevensbescherming van uw gemeente",
        basis=basis,
        recipients=PRIVACY_RECIPIENTS.get(kind.key, DEFAULT_PRIVACY_RECIPIENTS),
    )


def prepare_letter(
    kind: str,
    context: LetterContext,
    settings: LayoutSettings | None = None,
    store: TemplateStore | None = None,
) -> PreparedLetter:
    """Check the kind, compute derived fields and fill the merge values (no PDF yet)."""
    settings = settings or LayoutSettings()
    store = store or default_store()
    if kind not in LETTER_KINDS:
        raise LetterError(f"Onbekende briefsoort '{kind}'.")
    letter_kind = LETTER_KINDS[kind]
    if not any(context.addressee.name_lines):
        raise LetterError("De brief heeft geen geadresseerde.")
    ctx = _with_derived(letter_kind, context, settings, _region_in(store))
    template = store.current(kind)
    values = merge_data(ctx)
    check_required(template, values)
    values["subject"] = values["subject"] or fill_plain(template.subject, values)
    privacy = PRIVACY_TEMPLATE if letter_kind.to_family else ORGANISATION_PRIVACY_TEMPLATE
    shared = {privacy: store.current(privacy)}
    if letter_kind.decision:
        shared[OBJECTION_TEMPLATE] = store.current(OBJECTION_TEMPLATE)
    for part in shared.values():
        check_required(part, values)
    return PreparedLetter(kind, template, values, shared, settings.to_dict(), settings.timestamp)


# ---------------------------------------------------------------------------------------------------------
# Layout of one letter


def _meta_table(values: Mapping[str, Any], styles: Mapping[str, Any], width: float) -> Table:
    # 'Ons kenmerk' is the letter's own number in the register; a record made before it existed printed the
    # case number there, and prints it so again.
    reference = values.get("reference") or values.get("case_number", "")
    rows = [
        ("Datum", values.get("date", "")),
        ("Ons kenmerk", reference),
        ("Zaaknummer", values.get("case_number", "") if values.get("reference") else ""),
        ("Onderwerp", values.get("subject", "")),
    ]
    if values.get("pupil.name"):
        pupil = str(values["pupil.name"])
        if values.get("pupil.birth_date"):
            pupil += f", geboren op {values['pupil.birth_date']}"
        rows.append(("Leerling", pupil))
        if values.get("pupil.school"):
            school = str(values["pupil.school"])
            if values.get("pupil.school_city"):
                school += f", {values['pupil.school_city']}"
            rows.append(("School", school))
    rows += [
        ("Behandeld door", values.get("consultant.name", "")),
        ("Telefoon", values.get("consultant.phone", "")),
        ("E-mail", values.get("consultant.email", "")),
    ]
    data = [
        [Paragraph(label, styles["label"]), Paragraph(escape_markup(str(value)), styles["meta"])]
        for label, value in rows
        if value
    ]
    table = Table(data, colWidths=[30 * mm, width - 30 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # the table's own default is Helvetica, never embedded
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
    ]))
    return table


def _address_lines(values: Mapping[str, Any]) -> list[str]:
    lines = [str(v) for v in values.get("addressee.name_lines") or []]
    lines.append(str(values.get("addressee.address.street", "")))
    postal = re.sub(r"\s+", " ", str(values.get("addressee.address.postal_code", ""))).strip()
    city = str(values.get("addressee.address.city", "")).strip().upper()
    # PostNL: two spaces between postcode and place name, place name in capitals.
    lines.append(f"{postal}  {city}".strip())
    return [line for line in lines if line]


def letter_section(prepared: PreparedLetter, settings: LayoutSettings) -> Section:
    styles = make_styles()
    values = prepared.values
    body: list[Flowable] = [_meta_table(values, styles, settings.body_width), Spacer(1, 5 * mm)]
    body += blocks_to_flowables(fill_blocks(prepared.template, values), styles)
    if OBJECTION_TEMPLATE in prepared.shared:
        objection = blocks_to_flowables(fill_blocks(prepared.shared[OBJECTION_TEMPLATE], values), styles)
        body.append(KeepTogether(objection))
    signature: list[Flowable] = [
        Spacer(1, 2 * mm),
        Paragraph(fill(prepared.template.closing, values), styles["body"]),
        Spacer(1, 8 * mm),
        Paragraph(f"<b>{escape_markup(str(values.get('consultant.name', '')))}</b>", styles["meta"]),
        Paragraph(escape_markup(str(values.get("consultant.function", ""))), styles["meta"]),
    ]
    if OBJECTION_TEMPLATE in prepared.shared and values.get("objection.body"):
        signature.append(Paragraph(f"namens {escape_markup(str(values['objection.body']))}", styles["meta"]))
    body.append(KeepTogether(signature))
    enclosures = values.get("enclosures") or []
    if enclosures:
        body.append(Spacer(1, 5 * mm))
        items = FilledBlock("bullets", tuple(escape_markup(e) for e in enclosures))
        body.append(KeepTogether([Paragraph("Bijlage(n)", styles["heading"]),
                                  *blocks_to_flowables([items], styles)]))
    body.append(Spacer(1, 4 * mm))
    privacy = next((prepared.shared[name] for name in (PRIVACY_TEMPLATE, ORGANISATION_PRIVACY_TEMPLATE)
                    if name in prepared.shared), None)
    if privacy is not None:
        body.append(KeepTogether(blocks_to_flowables(fill_blocks(privacy, values), styles, "small")))
    address = [Paragraph(escape_markup(line), styles["address"]) for line in _address_lines(values)]
    return Section(body=body, reference=str(values.get("reference") or values.get("case_number", "")),
                   subject=prepared.subject, address=address)


def _meta(prepared: Sequence[PreparedLetter]) -> DocumentMeta:
    if len(prepared) == 1:
        one = prepared[0]
        return DocumentMeta(title=one.subject or one.template.title, subject=one.template.title,
                            keywords=f"{one.kind}, {one.values.get('reference') or one.values.get('case_number', '')}")
    return DocumentMeta(title=f"Brieven ({len(prepared)})", subject="Verzameling brieven",
                        keywords=", ".join(sorted({p.kind for p in prepared})))


def _render(prepared: PreparedLetter, settings: LayoutSettings, out: str | Path | BinaryIO | None) -> bytes:
    pdf = build_pdf([letter_section(prepared, settings)], _meta([prepared]), settings)
    assert pdf is not None
    write_pdf(pdf, out)
    return pdf


# ---------------------------------------------------------------------------------------------------------
# Public entry points


def generate_letter(
    kind: str,
    context: LetterContext,
    out: str | Path | BinaryIO | None = None,
    settings: LayoutSettings | None = None,
    store: TemplateStore | None = None,
) -> GeneratedLetter:
    """Make one letter; also returns the register record. Writes to ``out`` when given."""
    settings = stamped(with_region_letterhead(settings or LayoutSettings(), store))
    prepared = prepare_letter(kind, context, settings, store)
    pdf = _render(prepared, settings, out)
    return GeneratedLetter(pdf, prepared.record(pdf))


def render_letter(
    kind: str,
    context: LetterContext,
    out: str | Path | BinaryIO | None = None,
    settings: LayoutSettings | None = None,
    store: TemplateStore | None = None,
) -> bytes | None:
    """Render one letter to ``out`` (path or binary file) or, when ``out`` is None, return the PDF bytes."""
    letter = generate_letter(kind, context, out, settings, store)
    return letter.pdf if out is None else None


def regenerate(
    merge_data_json: str,
    out: str | Path | BinaryIO | None = None,
    store: TemplateStore | None = None,
    invariant: bool = False,
) -> bytes:
    """Make a letter or report again from its register record: same template versions, values and layout."""
    store = store or default_store()
    try:
        payload = json.loads(merge_data_json)
    except ValueError:
        raise LetterError("Deze registratie is beschadigd en kan niet opnieuw worden gemaakt.") from None
    if payload.get("format") != RECORD_FORMAT:
        raise LetterError("Deze registratie heeft een onbekend formaat en kan niet opnieuw worden gemaakt.")
    if payload.get("document") == "report":
        return regenerate_report(payload, out, store, invariant)
    kind = payload["kind"]
    versions = payload["templates"]
    template = store.find(kind, versions[kind]["version"], versions[kind]["sha256"])
    shared = {
        name: store.find(name, info["version"], info["sha256"]) for name, info in versions.items() if name != kind
    }
    settings = LayoutSettings.from_record(payload, invariant)
    prepared = PreparedLetter(kind, template, payload["fields"], shared, payload["layout"], settings.timestamp)
    return _render(prepared, settings, out)


def addressees_on(
    birth_date: date, on: date, guardians: Sequence[Guardian], jongere: Addressee | None = None,
    kind: str | None = None,
) -> list[Addressee]:
    """The lawful addressees of a letter of ``kind`` dated ``on`` about a pupil born on ``birth_date``: the
    parents with authority, the jongere too from 12 for a letter about his or her verzuim (Lpw art. 2 lid 3),
    the jongere alone from 18 (Lpw art. 1b)."""
    letter_kind = LETTER_KINDS.get(kind or "")
    too = bool(letter_kind and letter_kind.young_person_too and young_person_responsible(birth_date, on))
    return addressees(letters_to_young_person(birth_date, on), guardians, jongere, too)


def contexts_for_addressees(context: LetterContext, recipients: Sequence[Addressee]) -> list[LetterContext]:
    """One context per addressee (parents living apart each get their own letter)."""
    return [dataclasses.replace(context, addressee=recipient) for recipient in recipients]


@dataclass(frozen=True)
class BatchItem:
    kind: str
    context: LetterContext


@dataclass(frozen=True)
class BatchResult:
    record: LetterRecord
    path: Path  # the letter's own file, or the shared batch file
    section_index: int | None = None  # in one shared file: the letter's position in that file


class BatchCancelled(Exception):
    """The progress callback asked to stop."""


ProgressCallback = Callable[[int, int], bool | None]


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_") or "brief"


def render_batch(
    items: Sequence[BatchItem],
    out: str | Path,
    one_file: bool,
    progress: ProgressCallback | None = None,
    settings: LayoutSettings | None = None,
    store: TemplateStore | None = None,
) -> list[BatchResult]:
    """Render many letters: one PDF at ``out`` (a file path) or one PDF per letter in the folder ``out``.

    ``progress(done, total)`` is called after each letter; returning False cancels (BatchCancelled).
    Every template and required field is checked before the first page is made, so a batch fails early.
    """
    store = store or default_store()
    settings = stamped(with_region_letterhead(settings or LayoutSettings(), store))
    total = len(items)
    prepared = [prepare_letter(item.kind, item.context, settings, store) for item in items]
    out_path = Path(out)

    def report(done: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise BatchCancelled

    results: list[BatchResult] = []
    if one_file:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        sections = [letter_section(p, settings) for p in prepared]
        # Section i starting on paper means letters 0..i-1 are done.
        try:
            build_pdf(sections, _meta(prepared), settings, out_path, on_section=lambda i: report(i) if i else None)
            report(total)
        except BatchCancelled:
            out_path.unlink(missing_ok=True)  # a half-written file must not be mistaken for the batch
            raise
        pdf = out_path.read_bytes()
        # In a shared file each record carries the hash of that file (computed once).
        digest = hashlib.sha256(pdf).hexdigest()
        return [BatchResult(p.record(pdf, digest), out_path, index) for index, p in enumerate(prepared)]
    out_path.mkdir(parents=True, exist_ok=True)
    try:
        for index, p in enumerate(prepared):
            number = p.values.get("reference") or p.values.get("case_number", "")
            name = f"{index + 1:04d}-{p.kind}-{_safe_name(str(number))}.pdf"
            path = out_path / name
            pdf = _render(p, settings, path)
            results.append(BatchResult(p.record(pdf), path))
            report(index + 1)
    except BatchCancelled:
        # Cancelled: nothing is registered, so the letters already written are removed as well.
        for result in results:
            result.path.unlink(missing_ok=True)
        raise
    return results


class _OverlayStore(TemplateStore):
    """A store in which one template (being edited) replaces the stored one."""

    def __init__(self, base: TemplateStore, template: LetterTemplate) -> None:
        super().__init__(base.builtin_dir, base.local_dir)
        self._overlay = template

    def current(self, kind: str) -> LetterTemplate:
        if kind == self._overlay.kind:
            return self._overlay
        return super().current(kind)


def preview_template(
    source: str, settings: LayoutSettings | None = None, store: TemplateStore | None = None
) -> bytes:
    """PDF preview of a template being edited, filled with fictitious example data.

    Raises TemplateError (with field and line) when the text cannot be used; nothing is stored.
    """
    from desktop.documents.samples import sample_context, sample_report_context

    template = parse_template(source)
    overlay = _OverlayStore(store or default_store(), template)
    if template.document == "report":
        if template.kind not in REPORT_KINDS:
            raise TemplateError(f"Onbekende rapportsoort '{template.kind}'.")
        pdf = render_report(template.kind, sample_report_context(template.kind), None, settings, overlay)
    else:
        kind = template.kind
        if kind == ORGANISATION_PRIVACY_TEMPLATE:
            kind = "terugkoppeling_school"
        elif kind.startswith("_"):
            # A shared part (bezwaarclausule, privacy) is previewed inside a decision letter.
            kind = "besluit_vrijstelling_toegekend"
        if kind not in LETTER_KINDS:
            raise TemplateError(f"Onbekende briefsoort '{kind}'.")
        pdf = generate_letter(kind, sample_context(kind), None, settings, overlay).pdf
    assert pdf is not None
    return pdf

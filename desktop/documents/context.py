"""Merge data for letters and reports: plain dataclasses, the field catalogue and the addressee rules.

No ORM here: the database layer fills these objects; templates may only use fields from `FIELD_CATALOGUE`.
"""

# `_f`/`_group` return dataclasses.field(...) with the Dutch description as metadata, which RUF009 cannot see.
# ruff: noqa: RUF009

from __future__ import annotations

import dataclasses
import functools
import re
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from babel.dates import format_date

from desktop.models.errors import DomainError
from desktop.models.law import age_on


def _f(description: str, default: Any = "", factory: Any = None) -> Any:
    """A merge field with its Dutch description (shown to the template editor)."""
    if factory is not None:
        return field(default_factory=factory, metadata={"nl": description})
    return field(default=default, metadata={"nl": description})


def _group(description: str, factory: Any = None) -> Any:
    """A nested group of merge fields; ``None`` means the group does not apply to this letter."""
    if factory is not None:
        return field(default_factory=factory, metadata={"nl": description, "group": True})
    return field(default=None, metadata={"nl": description, "group": True})


def dutch_date(value: date) -> str:
    """'5 maart 2025': the long Dutch date used in every document."""
    return format_date(value, format="long", locale="nl_NL")


def dutch_time(value: time) -> str:
    """'14.30': Dutch letters write times with a full stop."""
    return f"{value.hour:02d}.{value.minute:02d}"


@dataclass
class PostalAddress:
    street: str = _f("Straat en huisnummer")
    postal_code: str = _f("Postcode")
    city: str = _f("Woonplaats")

    def key(self) -> tuple[str, str]:
        """Normalised form: two guardians with the same key live at the same address."""
        street = re.sub(r"\s+", " ", self.street).strip().lower()
        postal = re.sub(r"\s+", "", self.postal_code).upper()
        return postal, street


@dataclass
class Guardian:
    """A parent or carer (ouder/verzorger) as far as letters need one."""

    name: str
    address: PostalAddress
    has_authority: bool = True
    # 'heer De Vries' or 'mevrouw Jansen'; empty gives a neutral salutation.
    salutation: str = ""


@dataclass
class Addressee:
    name_lines: list[str] = _f("Naamregels van de geadresseerde", factory=list)
    address: PostalAddress = _group("Adres van de geadresseerde", factory=PostalAddress)
    salutation: str = _f("Aanhef zonder 'Geachte', bijvoorbeeld 'heer De Vries'", "heer, mevrouw")
    note: str = _f("Waarom deze geadresseerde de brief krijgt (berekend: de jongere vanaf 12 en de ouders)")
    # The person(s) a letter is for, stored in the DocumentRecord register.
    description: str = ""

    @property
    def name(self) -> str:
        return " ".join(line for line in self.name_lines if line)


@dataclass
class Pupil:
    name: str = _f("Volledige naam van de leerling")
    first_name: str = _f("Roepnaam van de leerling")
    birth_date: date | None = _f("Geboortedatum van de leerling", None)
    school: str = _f("School van de leerling")
    school_city: str = _f("Plaats van de school")
    bsn: str = _f("BSN van de leerling (alleen voor meldingen aan instanties)")


@dataclass
class Consultant:
    name: str = _f("Naam van de consulent")
    function: str = _f("Functie van de consulent", "consulent leerplicht")
    phone: str = _f("Telefoonnummer van de consulent")
    email: str = _f("E-mailadres van de consulent")


@dataclass
class Appointment:
    date: date | None = _f("Datum van het gesprek", None)
    time: time | None = _f("Tijd van het gesprek", None)
    place: str = _f("Plaats van het gesprek")
    reason: str = _f("Reden van het gesprek")
    attendees: list[str] = _f("Wie bij het gesprek moeten zijn (lijst)", factory=list)
    bring: list[str] = _f("Wat de ouders moeten meenemen (lijst)", factory=list)


@dataclass
class Absence:
    kind: str = _f("Soort verzuim, bijvoorbeeld 'luxe verzuim'")
    hours_absent: str = _f("Aantal uren ongeoorloofd afwezig")
    times_late: str = _f("Aantal keren te laat")
    period_start: date | None = _f("Begin van de verzuimperiode", None)
    period_end: date | None = _f("Einde van de verzuimperiode", None)
    reported_on: date | None = _f("Datum van de verzuimmelding", None)
    school_actions: str = _f("Wat de school al heeft gedaan")


@dataclass
class Decision:
    article: str = _f("Wetsartikel zoals het in de brief staat, bijvoorbeeld 'artikel 5, onder a,'")
    legal_basis: str = _f("Volledige grondslag, bijvoorbeeld 'artikel 5, onder a, van de Leerplichtwet 1969'")
    exemption: str = _f("Waarvan de vrijstelling vrijstelt, bijvoorbeeld 'vrijstelling van de kwalificatieplicht'")
    request_received_on: date | None = _f("Datum waarop de kennisgeving of aanvraag is ontvangen", None)
    decided_on: date | None = _f("Datum van het besluit of de bevestiging", None)
    motivation: str = _f("Motivering van het besluit")
    valid_from: date | None = _f("Vrijgesteld vanaf", None)
    valid_until: date | None = _f("Vrijgesteld tot en met", None)
    schooljaar: str = _f("Schooljaar waarvoor de kennisgeving of aanvraag geldt, bijvoorbeeld '2025-2026'")
    missing: list[str] = _f("Wat de wet vraagt en ontbreekt of niet klopt (lijst)", factory=list)


@dataclass
class Leave:
    kind: str = _f("Soort verlof, bijvoorbeeld 'Gewichtige omstandigheden (art. 11g)'")
    start_date: date | None = _f("Eerste dag van het verlof", None)
    end_date: date | None = _f("Laatste dag van het verlof", None)
    days: str = _f("Aantal schooldagen verlof")
    reason: str = _f("Reden van de aanvraag")
    head_heard_on: date | None = _f("Datum waarop de directeur is gehoord", None)


@dataclass
class HaltReferral:
    office: str = _f("Naam van het Halt-bureau", "Halt")
    consent_jongere: bool | None = _f("Jongere stemt in met Halt (ja/nee)", None)
    consent_parents: bool | None = _f("Ouders stemmen in met Halt (ja/nee)", None)
    background: str = _f("Achtergrond en aanleiding van de verwijzing")


@dataclass
class ChildProtectionReport:
    concerns: str = _f("Zorgen over de ontwikkeling van de leerling")
    request: str = _f("Wat de Raad wordt gevraagd")
    earlier_steps: list[str] = _f("Eerdere stappen (lijst)", factory=list)
    parents_informed: bool | None = _f("Ouders zijn geïnformeerd over de melding (ja/nee)", None)


@dataclass
class SvbReport:
    reason: str = _f("Reden van de melding aan de SVB")
    since: date | None = _f("Datum sinds wanneer geen onderwijs wordt gevolgd", None)
    last_school: str = _f("Laatst bezochte school")


# Status values for the feedback to DUO and the school (Besluit Verzuimmelding).
DUO_STATUS = {
    "in_progress": "In behandeling",
    "closed": "Afgesloten",
    "noted": "Ter kennisneming aangenomen",
}
DUO_CLOSE_REASONS = {
    "back_to_school": "Terug naar school",
    "other_education": "Andere opleiding",
    "work": "Werk",
    "other": "Overige redenen",
    "deceased": "Overleden",
    "long_term_ill": "Langdurig ziek",
    "legitimately_absent": "Legitiem afwezig",
}
DUO_EXPLANATIONS = {
    "pupil_seen": "Leerling gezien",
    "action_ongoing": "Actie loopt",
    "no_further_action": "Geen actie meer",
}


@dataclass
class SchoolFeedback:
    duo_number: str = _f("Meldingnummer van DUO")
    reported_on: date | None = _f("Datum van de verzuimmelding", None)
    status: str = _f("Status voor DUO: In behandeling, Afgesloten of Ter kennisneming aangenomen")
    close_reason: str = _f("Reden van afsluiten (DUO)")
    explanation: str = _f("Toelichting (DUO): leerling gezien, actie loopt of geen actie meer")
    agreements: str = _f("Gemaakte afspraken")
    contact: str = _f("Contactpersoon bij de school")

    @classmethod
    def from_codes(
        cls, status: str, close_reason: str = "", explanation: str = "", **kwargs: Any
    ) -> SchoolFeedback:
        """Build from the code names in DUO_STATUS, DUO_CLOSE_REASONS and DUO_EXPLANATIONS."""
        return cls(
            status=DUO_STATUS[status],
            close_reason=DUO_CLOSE_REASONS[close_reason] if close_reason else "",
            explanation=DUO_EXPLANATIONS[explanation] if explanation else "",
            **kwargs,
        )


@dataclass
class Objection:
    deadline: date | None = _f("Laatste dag om bezwaar te maken (berekend)", None)
    body: str = _f("Bestuursorgaan waar het bezwaar naartoe moet")
    address: str = _f("Postadres voor bezwaarschriften")
    digital: str = _f("Hoe digitaal bezwaar kan worden gemaakt (leeg: niet digitaal)")
    court: str = _f("Rechtbank voor een voorlopige voorziening, bijvoorbeeld 'rechtbank Rotterdam'")
    court_address: str = _f("Postadres van de rechtbank")
    court_digital: str = _f("Digitaal loket van de rechtbank")


@dataclass
class Privacy:
    """What AVG art. 13 requires a letter to say about the personal data it is built on (filled per letter)."""

    controller: str = _f("Verwerkingsverantwoordelijke: het college van de gemeente van de leerling")
    processor: str = _f("Wie de gegevens namens het college verwerkt (de regionale dienst)")
    officer: str = _f("Contact van de functionaris gegevensbescherming")
    basis: str = _f("Wettelijke grondslag van de verwerking voor deze brief")
    recipients: str = _f("Aan wie de gegevens voor deze brief worden verstrekt")


@dataclass
class Renewal:
    deadline: date | None = _f("Uiterste datum voor verlenging van de vrijstelling (berekend)", None)


@dataclass
class LetterContext:
    """Everything a letter may print. Groups that do not apply stay ``None``."""

    addressee: Addressee = _group("Geadresseerde", factory=Addressee)
    pupil: Pupil = _group("Leerling", factory=Pupil)
    consultant: Consultant = _group("Consulent", factory=Consultant)
    reference: str = _f("Ons kenmerk: het nummer van deze brief in het documentregister (berekend)")
    case_number: str = _f("Zaaknummer")
    date: date | None = _f("Datum van de brief", None)
    subject: str = _f("Onderwerp (laat leeg voor het onderwerp uit het sjabloon)")
    municipality: str = _f("Gemeente namens wie wordt beslist, bijvoorbeeld 'Dordrecht'")
    appointment: Appointment | None = _group("Gesprek")
    absence: Absence | None = _group("Verzuim")
    decision: Decision | None = _group("Besluit")
    leave: Leave | None = _group("Verlof")
    halt: HaltReferral | None = _group("Halt-verwijzing")
    child_protection: ChildProtectionReport | None = _group("Melding Raad voor de Kinderbescherming")
    svb: SvbReport | None = _group("Melding SVB")
    feedback: SchoolFeedback | None = _group("Terugkoppeling aan de school")
    objection: Objection | None = _group("Bezwaar")
    renewal: Renewal | None = _group("Verlenging")
    privacy: Privacy = _group("Privacy (AVG artikel 13)", factory=Privacy)
    extra_text: str = _f("Aanvullende tekst van de consulent")
    enclosures: list[str] = _f("Bijlagen (lijst)", factory=list)
    consequence: str = _f("Wat er kan volgen als de afspraak of de plicht niet wordt nagekomen (berekend)")


# ---------------------------------------------------------------------------------------------------------
# Field catalogue and flattening


@functools.cache
def _fields_of(cls: type) -> tuple[tuple[dataclasses.Field, Any], ...]:
    """The described fields of a dataclass with their resolved types (resolving is slow: done once)."""
    hints = typing.get_type_hints(cls)
    return tuple((f, _unwrap_optional(hints[f.name])) for f in dataclasses.fields(cls) if "nl" in f.metadata)


def _unwrap_optional(tp: Any) -> Any:
    args = typing.get_args(tp)
    if args and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0] if len(rest) == 1 else tp
    return tp


def _catalogue(cls: type, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for f, tp in _fields_of(cls):
        name = f"{prefix}{f.name}"
        if f.metadata.get("group") and isinstance(tp, type) and dataclasses.is_dataclass(tp):
            out.update(_catalogue(tp, f"{name}."))
        else:
            out[name] = f.metadata["nl"]
    return out


def _extra_fields() -> dict[str, str]:
    return {"addressee.name": "Naam van de geadresseerde(n) op één regel"}


FIELD_CATALOGUE: dict[str, str] = {**_catalogue(LetterContext), **_extra_fields()}
LIST_FIELDS: frozenset[str] = frozenset(
    name for name, text in FIELD_CATALOGUE.items() if text.endswith("(lijst)")
) | {"addressee.name_lines"}


def _as_text(value: Any) -> str | list[str]:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return dutch_date(value)
    if isinstance(value, time):
        return dutch_time(value)
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v not in (None, "")]
    return str(value)


def _flatten(obj: Any, cls: type, prefix: str, out: dict[str, Any]) -> None:
    for f, tp in _fields_of(cls):
        name = f"{prefix}{f.name}"
        value = getattr(obj, f.name) if obj is not None else None
        if f.metadata.get("group") and isinstance(tp, type) and dataclasses.is_dataclass(tp):
            _flatten(value, tp, f"{name}.", out)
        else:
            out[name] = _as_text(value)


def merge_data(context: LetterContext) -> dict[str, Any]:
    """The context as field name → printed text (lists stay lists): what templates see and records store."""
    out: dict[str, Any] = {}
    _flatten(context, LetterContext, "", out)
    out["addressee.name"] = context.addressee.name
    return out


# ---------------------------------------------------------------------------------------------------------
# Addressee rules


class AddresseeError(DomainError):
    """No lawful addressee can be found (message in Dutch, safe to show)."""


def _join_salutations(guardians: Sequence[Guardian]) -> str:
    named = [g.salutation for g in guardians if g.salutation]
    if len(named) == len(guardians) and named:
        return " en ".join(named)
    return "ouder/verzorger" if len(guardians) == 1 else "ouders/verzorgers"


#: From this age the jongere is responsible for enrolment and attendance too (Lpw art. 2 lid 3, and art. 4c for
#: the kwalificatieplicht), so letters about his or her verzuim go to the jongere as well as to the parents.
YOUNG_PERSON_RESPONSIBLE_AGE = 12


def young_person_responsible(birth_date: date | None, on: date) -> bool:
    """True when the jongere is 12 or older on ``on``: from then the Leerplichtwet makes the jongere responsible
    for his or her own enrolment and attendance besides the parents (Lpw art. 2 lid 3; art. 4c lid 1 for the
    kwalificatieplicht)."""
    return birth_date is not None and age_on(birth_date, on) >= YOUNG_PERSON_RESPONSIBLE_AGE


def addressees(
    pupil_age_18_plus: bool,
    guardians: Sequence[Guardian],
    jongere: Addressee | None = None,
    young_person_too: bool = False,
) -> list[Addressee]:
    """Who a letter about a pupil goes to.

    Lpw art. 1b: from 18 the jongere holds the parents' rights and duties, so the letter goes to him or
    her alone. Below 18 it goes to the parents/guardians with parental authority (gezag), one letter per
    distinct address: parents living apart each get their own letter, parents sharing an address one joint
    letter. ``young_person_too``: the jongere of 12 to 17 is responsible as well (Lpw art. 2 lid 3), so a
    letter about his or her verzuim also goes to the jongere, in a letter of his or her own.
    """
    if pupil_age_18_plus:
        if jongere is None:
            raise AddresseeError("De jongere is 18 jaar of ouder: de brief moet aan de jongere zelf.")
        result = dataclasses.replace(jongere)
        result.description = result.description or f"jongere: {result.name}"
        return [result]
    with_authority = [g for g in guardians if g.has_authority]
    if not with_authority:
        raise AddresseeError("Er is geen ouder of verzorger met gezag bekend: de brief kan niet worden verstuurd.")
    if young_person_too and jongere is None:
        raise AddresseeError("De jongere is 12 jaar of ouder en krijgt deze brief ook zelf, maar zijn of haar "
                             "adres is niet bekend.")
    by_address: dict[tuple[str, str], list[Guardian]] = {}
    for guardian in with_authority:
        by_address.setdefault(guardian.address.key(), []).append(guardian)
    result_list = []
    for group in by_address.values():
        names = [g.name for g in group]
        result_list.append(
            Addressee(
                # One name per line keeps long names inside the envelope window.
                name_lines=[names[0], *(f"en {n}" for n in names[1:])],
                address=dataclasses.replace(group[0].address),
                salutation=_join_salutations(group),
                note=(f"{jongere.name} krijgt deze brief ook zelf: vanaf 12 jaar is een jongere er volgens de "
                      "Leerplichtwet 1969 (artikel 2, derde lid) zelf ook verantwoordelijk voor dat hij of zij "
                      "naar school gaat.") if young_person_too and jongere is not None else "",
                description="ouder(s) met gezag: " + ", ".join(names),
            )
        )
    if young_person_too and jongere is not None:
        own = dataclasses.replace(jongere)
        # A minor is addressed by name, without 'heer' or 'mevrouw'.
        own.salutation = jongere.name
        own.note = ("U krijgt deze brief zelf, omdat u 12 jaar of ouder bent: vanaf die leeftijd bent u er volgens "
                    "de Leerplichtwet 1969 (artikel 2, derde lid) zelf ook verantwoordelijk voor dat u naar school "
                    "gaat. Uw ouders krijgen dezelfde brief.")
        own.description = own.description or f"jongere: {own.name}"
        result_list.append(own)
    return result_list


# ---------------------------------------------------------------------------------------------------------
# Official reports (proces-verbaal, Halt and Raad forms)


@dataclass
class Officer:
    name: str = _f("Naam van de verbalisant")
    function: str = _f("Functie van de verbalisant", "leerplichtambtenaar")
    boa_number: str = _f("Registratienummer als buitengewoon opsporingsambtenaar")
    municipality: str = _f("Gemeente die de verbalisant heeft aangewezen")
    phone: str = _f("Telefoonnummer van de verbalisant")
    email: str = _f("E-mailadres van de verbalisant")


@dataclass
class Suspect:
    """The one suspect of a proces-verbaal, identified as Sv art. 27a lid 1 asks: surname, given names, place
    and date of birth, and the address."""

    name: str  # the full name on one line: all given names, prefix and surname
    birth_date: date | None = None
    birth_place: str = ""
    address: PostalAddress = field(default_factory=PostalAddress)
    role: str = "ouder"  # 'vader met gezag', 'verzorger', 'jongere'
    surname: str = ""  # with its prefix: 'de Vries'
    given_names: str = ""  # all of them, in full


@dataclass
class AbsenceLine:
    """One verzuimmelding in the overview of a report."""

    reported_on: date | None
    period_start: date | None
    period_end: date | None
    kind: str
    hours: float = 0
    times_late: int = 0
    school: str = ""


@dataclass
class Step:
    on: date
    description: str


@dataclass
class Statement:
    """The verhoor of the suspect as the verbalisant recorded it: the caution and rights given (Sv art. 29 lid 2,
    27c lid 2, 488ab) and the statement, or the silence, or that the suspect did not appear."""

    person: str
    on: date
    text: str
    at: time | None = None
    place: str = ""
    appeared: bool = True
    caution_given: bool = False
    legal_aid_informed: bool = False
    minor_rights_informed: bool | None = None  # None: the suspect was an adult at the hearing
    accompanied_by: str = ""
    lawyer: str = ""
    interpreter: str = ""
    remains_silent: bool = False


# ReportContext has a field called 'date': later annotations in it name the type by this alias.
_Day = date


@dataclass
class ReportContext:
    """Merge data for an official report; lists become tables through '@@' blocks in the template."""

    case_number: str = _f("Zaaknummer")
    date: date | None = _f("Datum van opmaak", None)
    place: str = _f("Plaats van opmaak")
    officer: Officer = _group("Verbalisant", factory=Officer)
    pupil: Pupil = _group("Leerling", factory=Pupil)
    suspect_names: str = _f("Naam van de verdachte (berekend)")
    facts: str = _f("Omschrijving van de feiten door de verbalisant")
    offence_start: _Day | None = _f("Eerste dag van het verzuim waarover het rapport gaat (berekend)", None)
    offence_end: _Day | None = _f("Laatste dag van het verzuim waarover het rapport gaat (berekend)", None)
    offence_place: str = _f("Plaats van het feit: de school of scholen met adres (berekend)")
    duty: str = _f("Plicht die gold in de periode van het verzuim: leerplicht of kwalificatieplicht (berekend)")
    advice: str = _f("Advies over de afdoening")
    additions: str = _f("Aanvullingen van de consulent")
    halt: HaltReferral | None = _group("Halt-verwijzing")
    child_protection: ChildProtectionReport | None = _group("Melding Raad voor de Kinderbescherming")
    earlier_conviction: bool | None = _f("Ouders eerder veroordeeld voor schoolverzuim (ja/nee)", None)
    copy_to: str = _f("Wie een afschrift krijgt (berekend: de Raad na een eerdere veroordeling)")
    # Structured parts, printed through '@@' blocks (not merge fields).
    suspects: list[Suspect] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    charges: list[str] = field(default_factory=list)  # the words of each charge, after 'heeft de verdachte'
    absences: list[AbsenceLine] = field(default_factory=list)
    earlier_steps: list[Step] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    guardians: list[Guardian] = field(default_factory=list)
    earlier_halt_for_absence: bool = False
    # The hours and times late a Halt referral is about, as counted on the Halt intervention (None: the sum of
    # the meldingen).
    halt_hours: float | None = None
    halt_times_late: int | None = None


REPORT_FIELD_CATALOGUE: dict[str, str] = _catalogue(ReportContext)


def report_merge_data(context: ReportContext) -> dict[str, Any]:
    out: dict[str, Any] = {}
    _flatten(context, ReportContext, "", out)
    return out


# ---------------------------------------------------------------------------------------------------------
# Reading contexts from JSON (command line, tests, exchange with the server)


def _convert(tp: Any, value: Any, path: str) -> Any:
    tp = _unwrap_optional(tp)
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp) and isinstance(value, dict):
        return from_dict(tp, value, f"{path}.")
    if origin is list:
        (item_type,) = typing.get_args(tp) or (Any,)
        return [_convert(item_type, item, f"{path}[{i}]") for i, item in enumerate(value)]
    try:
        if tp is date and isinstance(value, str):
            return date.fromisoformat(value)
        if tp is time and isinstance(value, str):
            return time.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"Ongeldige datum of tijd in '{path}': {value!r}.") from exc
    return value


def from_dict(cls: type, data: dict[str, Any], path: str = "") -> Any:
    """Build a context dataclass from plain JSON data (dates as 'YYYY-MM-DD', times as 'HH:MM')."""
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise ValueError(f"Onbekend veld '{path}{unknown[0]}'.")
    kwargs = {key: _convert(hints[key], value, f"{path}{key}") for key, value in data.items()}
    return cls(**kwargs)

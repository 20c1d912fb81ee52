"""Every legal act Vangnet puts on paper, with the preconditions the law sets for it.

One rule per letter kind, report kind and decision. A rule reads ``ActFacts``: the facts as they were *at the
time of the facts* (a proces-verbaal concerns verzuim on the days of the meldingen, so it can concern verzuim
from before the 18th birthday; a decision is judged on its decision date), the case kind, the exemption
article, what is on record (meldingen, a planned conversation, a decision, the youngster's consent for Halt)
and who signs it (``mandate.signing_refusal``). A refused act gets a ``Refusal``: one Dutch sentence that
names the rule and its article.

The rules (and their articles) are listed in docs/legal-acts.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import law
from desktop.models.cases import AbsenceReport, Appointment, Case, Intervention
from desktop.models.enums import (
    AppointmentKind,
    CaseKind,
    Decision,
    ExemptionArticle,
    InterventionKind,
    LeaveDecider,
)
from desktop.models.errors import DomainError
from desktop.models.exemptions import Exemption, LeaveRequest
from desktop.models.law import DutyStatus
from desktop.models.mandate import (
    ACT_BASIS,
    MandateRules,
    Signer,
    SigningAct,
    mandate_rules,
    signer_for,
    signing_refusal,
)
from desktop.models.registry import Enrollment, Person

#: The kind of the decision on an exemption (per article) and on leave, beside the letter and report kinds.
EXEMPTION_DECISION = "besluit_vrijstelling"
LEAVE_DECISION = "besluit_verlof"

#: The charging articles of a proces-verbaal, by duty on the day of the verzuim (Lpw art. 26 makes
#: breaking them a punishable offence). VERIFY the kwalificatieplicht numbering against BWBR0002628.
PV_ARTICLES: Mapping[tuple[str, DutyStatus], str] = {
    ("pv_ouders", DutyStatus.COMPULSORY): "Lpw art. 2 lid 1 en art. 26",
    ("pv_ouders", DutyStatus.QUALIFICATION_DUTY): "Lpw art. 4c en art. 26",
    ("pv_jongere", DutyStatus.COMPULSORY): "Lpw art. 2 lid 3 en art. 26",
    ("pv_jongere", DutyStatus.QUALIFICATION_DUTY): "Lpw art. 4c en art. 26",
}
_WITH_DUTY = frozenset({DutyStatus.COMPULSORY, DutyStatus.QUALIFICATION_DUTY})
_ENFORCEABLE_CASES = frozenset({CaseKind.RELATIVE, CaseKind.ABSOLUTE, CaseKind.HOME_SITTER})


class LegalActRefused(DomainError):
    """The law or the mandate does not allow this act; the message is the refusal's Dutch sentence."""


@dataclass(frozen=True)
class Refusal:
    """Why an act is not allowed: one Dutch sentence naming the rule, and the article it rests on."""

    reason: str
    article: str


@dataclass(frozen=True)
class ActCheck:
    """The outcome of checking one act: allowed, or refused with its reason."""

    kind: str
    label: str
    refusal: Refusal | None = None

    @property
    def allowed(self) -> bool:
        return self.refusal is None

    @property
    def reason(self) -> str:
        return self.refusal.reason if self.refusal else ""


@dataclass(frozen=True)
class HaltFacts:
    """The Halt intervention on record: the hours it is about and the consent given."""

    hours_absent: float
    times_late: int
    consent_pupil: bool | None
    consent_parents: bool | None
    earlier_halt_for_absence: bool


@dataclass(frozen=True)
class ActFacts:
    """What a rule reads, taken from the record."""

    on: dt.date  # the date of the letter or the decision
    signer: Signer
    rules: MandateRules = field(default_factory=MandateRules.default)
    birth_date: dt.date | None = None
    name: str = "de jongere"
    qualified_on: dt.date | None = None
    qualification_exempt: bool = False
    dropout_age_limit: int = law.DEFAULT_DROPOUT_AGE_LIMIT
    case_kind: CaseKind | None = None
    #: The days of the verzuim on record: the first day of each melding (or the day it came in).
    verzuim_dates: tuple[dt.date, ...] = ()
    enrolled: bool = False  # enrolled at a school on ``on``
    planned_conversation: bool = False
    exemption_article: ExemptionArticle | None = None
    exemption_decision: Decision | None = None
    exemption_date: dt.date | None = None  # decided on, else received on
    leave_days: int | None = None
    leave_decider: LeaveDecider | None = None
    leave_decision: Decision | None = None
    leave_start: dt.date | None = None
    halt: HaltFacts | None = None
    holidays: law.SchoolCalendar | None = None

    def age(self, on: dt.date) -> int | None:
        return law.age_on(self.birth_date, on) if self.birth_date else None

    def duty(self, on: dt.date) -> DutyStatus | None:
        if self.birth_date is None:
            return None
        return law.duty_status(
            self.birth_date, on, self.qualified_on, self.dropout_age_limit,
            qualification_exempt=self.qualification_exempt, holidays=self.holidays,
        )


def _d(day: dt.date) -> str:
    return f"{day.day}-{day.month}-{day.year}"


# ---------------------------------------------------------------------------------------------------------
# The rules, one per kind. Each returns None when allowed.

Rule = Callable[[ActFacts], Refusal | None]


def _needs_birth_date(f: ActFacts) -> Refusal | None:
    if f.birth_date is None:
        return Refusal(f"De geboortedatum van {f.name} ontbreekt; zonder die is niet na te gaan welke plicht gold "
                       "(Lpw art. 3, 4a).", "Lpw art. 3, 4a")
    return None


def _needs_case(f: ActFacts, what: str) -> Refusal | None:
    if f.case_kind is None:
        return Refusal(f"{what} hoort bij een zaak; kies de zaak (Lpw art. 22).", "Lpw art. 22")
    return None


def _enforcement_case(f: ActFacts, what: str) -> Refusal | None:
    """Enforcement (warning, Halt, PV) exists only for leerplicht and kwalificatieplicht (Lpw art. 26); a VSV
    case or verzuim 18+ is RMC work (WEB art. 8.3.3), which has no sanction."""
    if f.case_kind is not None and f.case_kind not in _ENFORCEABLE_CASES:
        return Refusal(
            f"{what} past niet bij een zaak '{f.case_kind.label}': handhaving geldt alleen voor leerplicht en "
            "kwalificatieplicht, de RMC-functie kent geen sanctie (Lpw art. 26; WEB art. 8.3.3).",
            "Lpw art. 26",
        )
    return None


def _facts_days(f: ActFacts) -> tuple[dt.date, ...]:
    """The days the verzuim happened; absoluut verzuim (not enrolled) without a melding counts from the letter
    date."""
    if f.verzuim_dates:
        return tuple(sorted(f.verzuim_dates))
    if f.case_kind in (CaseKind.ABSOLUTE, CaseKind.HOME_SITTER):
        return (f.on,)
    return ()


def _no_verzuim(what: str) -> Refusal:
    return Refusal(f"Er is geen verzuimmelding vastgelegd; {what} vraagt verzuim dat is vastgesteld (Lpw art. 21, "
                   "22).", "Lpw art. 21, 22")


def _sign(f: ActFacts, act: SigningAct) -> Refusal | None:
    reason = signing_refusal(act, f.signer, f.rules)
    if reason is None:
        return None
    return Refusal(reason, ACT_BASIS[act])


def _first(*checks: Callable[[], Refusal | None]) -> Refusal | None:
    for check in checks:
        refusal = check()
        if refusal is not None:
            return refusal
    return None


def rule_invitation(f: ActFacts) -> Refusal | None:
    """Uitnodiging gesprek: the leerplichtambtenaar hears the parents and the jongere (Lpw art. 22 lid 1); the
    RMC invites a jongere of 18 up to the region's upper age without a startkwalificatie (WEB art. 8.3.3). A
    planned conversation must be on record (date, time and place go into the letter)."""

    def duty() -> Refusal | None:
        status = f.duty(f.on)
        if status in _WITH_DUTY or status is DutyStatus.DROPOUT_SUPPORT:
            return None
        return Refusal(
            f"{f.name.capitalize()} is op {_d(f.on)} niet leer- of kwalificatieplichtig en valt niet in de "
            f"RMC-doelgroep (18 tot {f.dropout_age_limit} jaar zonder startkwalificatie); een uitnodiging heeft "
            "geen grond (Lpw art. 22 lid 1; WEB art. 8.3.3).", "Lpw art. 22 lid 1")

    def planned() -> Refusal | None:
        if f.planned_conversation:
            return None
        return Refusal("Er is geen gesprek gepland; leg eerst de afspraak vast (datum, tijd en plaats horen in de "
                       "uitnodiging, Lpw art. 22 lid 1).", "Lpw art. 22 lid 1")

    return _first(lambda: _needs_case(f, "Een uitnodiging"), lambda: _needs_birth_date(f), duty, planned,
                  lambda: _sign(f, SigningAct.LETTER))


def rule_warning(f: ActFacts) -> Refusal | None:
    """Waarschuwing: a warning before a proces-verbaal, so only where one could follow: leerplicht or
    kwalificatieplicht on the day of the verzuim (Lpw art. 26), never to someone who is 18 or older on the
    letter date (no duty after the 18th birthday, art. 4a; art. 1b), never in a VSV/RMC case."""

    def adult() -> Refusal | None:
        age = f.age(f.on)
        if age is not None and age >= 18:
            return Refusal(
                f"{f.name.capitalize()} is {age} jaar: na de 18e verjaardag is er geen leer- of kwalificatieplicht "
                "meer, dus ook geen waarschuwing voor een proces-verbaal (Lpw art. 4a, 26).", "Lpw art. 4a, 26")
        return None

    def duty() -> Refusal | None:
        days = _facts_days(f)
        if not days:
            return _no_verzuim("een waarschuwing")
        if any(f.duty(day) in _WITH_DUTY for day in days):
            return None
        return Refusal(
            f"Op de dagen van het verzuim was {f.name} niet leer- of kwalificatieplichtig; een waarschuwing "
            "heeft geen grond (Lpw art. 26).", "Lpw art. 26")

    return _first(lambda: _needs_case(f, "Een waarschuwing"), lambda: _enforcement_case(f, "Een waarschuwing"),
                  lambda: _needs_birth_date(f), adult, duty, lambda: _sign(f, SigningAct.LETTER))


def rule_halt(f: ActFacts) -> Refusal | None:
    """Halt-verwijzing for verzuim (Sr art. 77e; Besluit Halt-afdoening): a leerplichtige or
    kwalificatieplichtige jongere of 12 to 17 on the day of the verzuim (Lpw art. 2 lid 3), within Halt's
    hours (``law.halt_eligible``: at least 9 hours or 12 times late, at most 60), never referred for verzuim
    before, with the jongere's consent (and the parents' under 16) recorded on the Halt intervention. Only an
    opsporingsambtenaar refers to Halt (Sr art. 77e lid 1)."""

    def facts() -> Refusal | None:
        days = _facts_days(f)
        if not days:
            return _no_verzuim("een Halt-verwijzing")
        if _halt_day(f) is not None:
            return None
        age = f.age(days[-1])
        return Refusal(
            f"{f.name.capitalize()} was op {_d(days[-1])} {age} jaar en {_duty_text(f.duty(days[-1]))}; Halt is er "
            "voor leer- of kwalificatieplichtige jongeren van 12 tot 18 jaar op de dag van het verzuim "
            "(Sr art. 77e; Lpw art. 2 lid 3).", "Sr art. 77e")

    def recorded() -> Refusal | None:
        halt = f.halt
        if halt is None:
            return Refusal("Er is geen Halt-interventie vastgelegd; leg die eerst vast met de uren verzuim en de "
                           "instemming van de jongere (Sr art. 77e).", "Sr art. 77e")
        if halt.earlier_halt_for_absence:
            return Refusal(f"{f.name.capitalize()} is al eerder voor verzuim naar Halt verwezen; een tweede keer kan "
                           "niet (Besluit Halt-afdoening).", "Besluit Halt-afdoening")
        day = _halt_day(f)
        assert f.birth_date is not None and day is not None
        if not law.halt_eligible(f.birth_date, day, halt.hours_absent, halt.times_late, False):
            return Refusal(
                f"Het verzuim ({halt.hours_absent:g} uur, {halt.times_late} keer te laat) past niet bij Halt: ten "
                f"minste {law.HALT_MIN_HOURS:g} uur of {law.HALT_MIN_TIMES_LATE} keer te laat, ten hoogste "
                f"{law.HALT_MAX_HOURS:g} uur en {law.HALT_MAX_TIMES_LATE} keer (Besluit Halt-afdoening).",
                "Besluit Halt-afdoening")
        if halt.consent_pupil is not True:
            return Refusal("De instemming van de jongere met Halt is niet vastgelegd; zonder instemming geen "
                           "Halt-verwijzing (Sr art. 77e lid 1).", "Sr art. 77e lid 1")
        age = f.age(f.on)
        if age is not None and age < 16 and halt.consent_parents is not True:
            return Refusal("De jongere is jonger dan 16: ook de instemming van de ouders moet zijn vastgelegd "
                           "(Sr art. 77e lid 1).", "Sr art. 77e lid 1")
        return None

    def boa() -> Refusal | None:
        if (f.signer.boa_number or "").strip():
            return None
        who = f.signer.display_name or "Deze medewerker"
        return Refusal(f"{who} heeft geen registratienummer als buitengewoon opsporingsambtenaar; naar Halt verwijst "
                       "alleen een opsporingsambtenaar (Sr art. 77e lid 1).", "Sr art. 77e lid 1")

    return _first(lambda: _needs_case(f, "Een Halt-verwijzing"), lambda: _enforcement_case(f, "Een Halt-verwijzing"),
                  lambda: _needs_birth_date(f), facts, recorded, lambda: _sign(f, SigningAct.OFFICIAL_REPORT), boa)


def _halt_day(f: ActFacts) -> dt.date | None:
    """The last day of verzuim on which the jongere was 12 to 17 and leerplichtig or kwalificatieplichtig."""
    for day in reversed(_facts_days(f)):
        age = f.age(day)
        if age is not None and 12 <= age < 18 and f.duty(day) in _WITH_DUTY:
            return day
    return None


def _duty_text(status: DutyStatus | None) -> str:
    return {
        DutyStatus.COMPULSORY: "leerplichtig",
        DutyStatus.QUALIFICATION_DUTY: "kwalificatieplichtig",
        DutyStatus.BEFORE_COMPULSORY: "nog niet leerplichtig",
        DutyStatus.DROPOUT_SUPPORT: "niet meer leer- of kwalificatieplichtig",
    }.get(status, "niet leer- of kwalificatieplichtig") if status else "van onbekende leeftijd"


def _pv_rule(kind: str) -> Rule:
    against_pupil = kind == "pv_jongere"

    def rule(f: ActFacts) -> Refusal | None:
        """Proces-verbaal: a breach of leerplicht or kwalificatieplicht on the day of the verzuim.

        Against the parents: leerplicht art. 2 lid 1, kwalificatieplicht art. 4c, each with art. 26; only while
        the jongere was a minor. Against the jongere: from 12 on the day of the verzuim (art. 2 lid 3, art. 4c,
        with art. 26). Drawn up only by a boa (Sv art. 142, 152)."""

        def facts() -> Refusal | None:
            days = _facts_days(f)
            if not days:
                return _no_verzuim("een proces-verbaal")
            for day in days:
                status = f.duty(day)
                age = f.age(day)
                if status in _WITH_DUTY and age is not None and (not against_pupil or age >= 12) and age < 18:
                    return None
            last = days[-1]
            age = f.age(last)
            if against_pupil and age is not None and age < 12 and f.duty(last) in _WITH_DUTY:
                return Refusal(
                    f"{f.name.capitalize()} was op {_d(last)} {age} jaar; een jongere is pas vanaf 12 jaar zelf "
                    "verantwoordelijk (Lpw art. 2 lid 3).", "Lpw art. 2 lid 3")
            return Refusal(
                f"{f.name.capitalize()} was op de dagen van het verzuim (laatste: {_d(last)}) "
                f"{_duty_text(f.duty(last))}; een proces-verbaal vraagt een overtreding van de leerplicht of de "
                "kwalificatieplicht (Lpw art. 2, 4c en 26).", "Lpw art. 2, 4c, 26")

        return _first(lambda: _needs_case(f, "Een proces-verbaal"),
                      lambda: _enforcement_case(f, "Een proces-verbaal"), lambda: _needs_birth_date(f), facts,
                      lambda: _sign(f, SigningAct.PROCES_VERBAAL))

    return rule


def pv_charging_articles(kind: str, facts: ActFacts) -> str | None:
    """The articles a proces-verbaal charges, from the duty on the last day of verzuim it can concern."""
    for day in reversed(_facts_days(facts)):
        status = facts.duty(day)
        age = facts.age(day)
        if status in _WITH_DUTY and age is not None and age < 18 and (kind != "pv_jongere" or age >= 12):
            return PV_ARTICLES[(kind, status)]
    return None


def rule_child_protection(f: ActFacts) -> Refusal | None:
    """Melding Raad voor de Kinderbescherming: the Raad investigates for a minor whether a child protection
    measure is needed (BW art. 1:255); so only for a jongere under 18 on the date of the melding."""

    def minor() -> Refusal | None:
        age = f.age(f.on)
        if age is not None and age < 18:
            return None
        return Refusal(f"{f.name.capitalize()} is {age} jaar; de Raad voor de Kinderbescherming onderzoekt alleen "
                       "voor minderjarigen (BW art. 1:255).", "BW art. 1:255")

    return _first(lambda: _needs_case(f, "Een melding aan de Raad"), lambda: _needs_birth_date(f), minor,
                  lambda: _sign(f, SigningAct.OFFICIAL_REPORT))


def rule_svb(f: ActFacts) -> Refusal | None:
    """Melding SVB: kinderbijslag for a child of 16 or 17 is paid only while it follows education (Algemene
    Kinderbijslagwet art. 7 lid 2); so only for a jongere of 16 or 17 who is not enrolled on the date."""

    def age_and_school() -> Refusal | None:
        age = f.age(f.on)
        if age not in (16, 17):
            return Refusal(f"{f.name.capitalize()} is {age} jaar; een melding aan de SVB gaat alleen over jongeren "
                           "van 16 en 17 jaar (Algemene Kinderbijslagwet art. 7 lid 2).", "AKW art. 7 lid 2")
        if f.enrolled:
            return Refusal(f"{f.name.capitalize()} staat op {_d(f.on)} ingeschreven bij een school; de SVB wordt "
                           "alleen gemeld wie geen onderwijs volgt (Algemene Kinderbijslagwet art. 7 lid 2).",
                           "AKW art. 7 lid 2")
        return None

    return _first(lambda: _needs_case(f, "Een melding aan de SVB"), lambda: _needs_birth_date(f), age_and_school,
                  lambda: _sign(f, SigningAct.OFFICIAL_REPORT))


def rule_school_feedback(f: ActFacts) -> Refusal | None:
    """Terugkoppeling aan de school: the answer to the school's verzuimmelding (Lpw art. 21, 21a; Besluit
    verzuimmelding), so a melding must be on record."""

    def melding() -> Refusal | None:
        if f.verzuim_dates:
            return None
        return Refusal("Er is geen verzuimmelding van de school vastgelegd om op terug te koppelen (Lpw art. 21, "
                       "21a).", "Lpw art. 21, 21a")

    return _first(lambda: _needs_case(f, "Een terugkoppeling"), melding, lambda: _sign(f, SigningAct.LETTER))


_EXEMPTION_DUTIES: Mapping[ExemptionArticle, tuple[frozenset[DutyStatus], str]] = {
    # Art. 5 and 5a free from the duty to enrol; they concern whoever is or is about to be leerplichtig or
    # kwalificatieplichtig (the notice comes before leerplicht starts, art. 6).
    ExemptionArticle.ART_5A: (frozenset({DutyStatus.BEFORE_COMPULSORY, *_WITH_DUTY}), "Lpw art. 5 onder a"),
    ExemptionArticle.ART_5B: (frozenset({DutyStatus.BEFORE_COMPULSORY, *_WITH_DUTY}), "Lpw art. 5 onder b"),
    ExemptionArticle.ART_5C: (frozenset({DutyStatus.BEFORE_COMPULSORY, *_WITH_DUTY}), "Lpw art. 5 onder c"),
    ExemptionArticle.ART_5A_TRAVEL: (frozenset({DutyStatus.BEFORE_COMPULSORY, *_WITH_DUTY}), "Lpw art. 5a"),
    # Art. 15: exemption from the kwalificatieplicht, so only for a kwalificatieplichtige jongere.
    ExemptionArticle.ART_15: (frozenset({DutyStatus.QUALIFICATION_DUTY}), "Lpw art. 15"),
    # Art. 3a and 3b: a substitute programme inside full leerplicht.
    ExemptionArticle.ART_3A: (frozenset({DutyStatus.COMPULSORY}), "Lpw art. 3a"),
    ExemptionArticle.ART_3B: (frozenset({DutyStatus.COMPULSORY}), "Lpw art. 3b"),
    # Art. 11 onder g: leave for important circumstances, for whoever must attend school.
    ExemptionArticle.ART_11G: (_WITH_DUTY, "Lpw art. 11 onder g"),
}


def exemption_refusal(article: ExemptionArticle, birth_date: dt.date, on: dt.date, status: DutyStatus,
                      name: str = "de jongere") -> Refusal | None:
    """Whether an exemption under ``article`` fits the jongere's duty and age on ``on`` (the decision date)."""
    statuses, basis = _EXEMPTION_DUTIES[article]
    age = law.age_on(birth_date, on)
    if status not in statuses:
        return Refusal(f"{name.capitalize()} is op {_d(on)} {_duty_text(status)} ({age} jaar); een vrijstelling "
                       f"op deze grond past daar niet bij ({basis}).", basis)
    if article is ExemptionArticle.ART_3A and age < 14:
        return Refusal(f"{name.capitalize()} is op {_d(on)} {age} jaar; vervangende leerplicht kan vanaf 14 jaar "
                       "(Lpw art. 3a).", basis)
    if article is ExemptionArticle.ART_3B and law.school_year(on) != law.school_year(law.compulsory_end(birth_date)):
        return Refusal(f"Op {_d(on)} is het niet het laatste schooljaar van de volledige leerplicht van {name}; "
                       "vervangende leerplicht in het mbo geldt alleen voor dat jaar (Lpw art. 3b).", basis)
    return None


def _exemption_rule(expected: Decision | tuple[Decision, ...] | None, *, fits_duty: bool = True) -> Rule:
    """``expected``: the recorded outcome(s) the letter states; ``fits_duty``: whether the article must fit the
    jongere's duty (not for a letter saying a kennisgeving is incomplete or a request inadmissible)."""
    outcomes = (expected,) if isinstance(expected, Decision) else expected

    def rule(f: ActFacts) -> Refusal | None:
        """A decision on (or confirmation of) an exemption: the exemption and its decision on record, an article
        that fits the duty on the decision date, signed by the designated leerplichtambtenaar (Lpw art. 16)."""

        def recorded() -> Refusal | None:
            if f.exemption_article is None:
                return Refusal(f"{f.name.capitalize()}: er is geen besliste vrijstelling voor deze brief "
                               "(Lpw art. 5, 15).", "Lpw art. 5, 15")
            if outcomes is not None and f.exemption_decision is None:
                return Refusal("Over deze vrijstelling is nog niet beslist; leg eerst het besluit vast (Awb art. 1:3).",
                               "Awb art. 1:3")
            if outcomes is not None and f.exemption_decision not in outcomes:
                decided = f.exemption_decision.label.lower() if f.exemption_decision else ""
                return Refusal(f"Voor deze vrijstelling is vastgelegd: {decided}; de brief moet het vastgelegde "
                               "besluit weergeven (Awb art. 3:46).", "Awb art. 3:46")
            return None

        def article() -> Refusal | None:
            assert f.exemption_article is not None and f.birth_date is not None
            day = f.exemption_date or f.on
            status = f.duty(day)
            assert status is not None
            return exemption_refusal(f.exemption_article, f.birth_date, day, status, f.name) if fits_duty else None

        return _first(recorded, lambda: _needs_birth_date(f), article, lambda: _sign(f, SigningAct.EXEMPTION_DECISION))

    return rule


def _leave_rule(expected: Decision | None) -> Rule:
    def rule(f: ActFacts) -> Refusal | None:
        """A decision on leave over 10 school days: taken by the leerplichtambtenaar after hearing the head
        (Lpw art. 14 lid 3); up to 10 school days the head of the school decides (art. 13a, 14 lid 1). Only for
        a jongere with leerplicht or kwalificatieplicht on the first day of the leave."""

        def recorded() -> Refusal | None:
            if f.leave_days is None:
                return Refusal(f"{f.name.capitalize()}: er is geen beslist verlof voor deze brief (Lpw art. 14).",
                               "Lpw art. 14")
            if f.leave_decider is not LeaveDecider.ATTENDANCE_OFFICER:
                # Art. 14 lid 3 counts the schooljaar's total, so the request itself may be shorter.
                return Refusal("Over verlof tot en met 10 schooldagen in het schooljaar beslist de directeur van de "
                               "school; de leerplichtambtenaar neemt geen besluit (Lpw art. 13a, 14 lid 1).",
                               "Lpw art. 14 lid 1")
            if expected is not None and f.leave_decision is None:
                return Refusal("Over deze verlofaanvraag is nog niet beslist; leg eerst het besluit vast "
                               "(Awb art. 1:3).", "Awb art. 1:3")
            if expected is not None and f.leave_decision is not expected:
                return Refusal(f"Dit verlof is {f.leave_decision.label.lower() if f.leave_decision else ''}; de brief "
                               "moet het vastgelegde besluit weergeven (Awb art. 3:46).", "Awb art. 3:46")
            return None

        def duty() -> Refusal | None:
            day = f.leave_start or f.on
            status = f.duty(day)
            if status in _WITH_DUTY:
                return None
            return Refusal(f"{f.name.capitalize()} is op {_d(day)} {_duty_text(status)}; verlof van schoolbezoek "
                           "bestaat alleen bij leer- of kwalificatieplicht (Lpw art. 11 onder g, 14).",
                           "Lpw art. 11 onder g, 14")

        return _first(recorded, lambda: _needs_birth_date(f), duty,
                      lambda: _sign(f, SigningAct.LEAVE_DECISION_OVER_10_DAYS))

    return rule


@dataclass(frozen=True)
class ActRule:
    key: str
    label: str
    act: SigningAct
    rule: Rule
    articles: str  # the articles the rule rests on, for the overview in docs/legal-acts.md


RULES: dict[str, ActRule] = {
    r.key: r
    for r in (
        ActRule("uitnodiging_gesprek", "Uitnodiging gesprek", SigningAct.LETTER, rule_invitation,
                "Lpw art. 22 lid 1; WEB art. 8.3.3"),
        ActRule("waarschuwing", "Waarschuwing", SigningAct.LETTER, rule_warning, "Lpw art. 4a, 26"),
        ActRule("besluit_vrijstelling_toegekend", "Besluit vrijstelling (toegekend)", SigningAct.EXEMPTION_DECISION,
                _exemption_rule(Decision.GRANTED), "Lpw art. 3a, 3b, 5, 5a, 11 onder g, 15, 16"),
        ActRule("besluit_vrijstelling_afgewezen", "Besluit vrijstelling (afgewezen)", SigningAct.EXEMPTION_DECISION,
                _exemption_rule(Decision.REFUSED), "Lpw art. 3a, 3b, 5, 5a, 11 onder g, 15, 16"),
        # A kennisgeving is confirmed (records from before that distinction say 'granted'), Lpw art. 5-9.
        ActRule("bevestiging_vrijstelling", "Bevestiging vrijstelling", SigningAct.EXEMPTION_DECISION,
                _exemption_rule((Decision.CONFIRMED, Decision.GRANTED)), "Lpw art. 5, 6, 16"),
        ActRule("kennisgeving_vrijstelling_onvolledig", "Kennisgeving vrijstelling onvolledig of ongeldig",
                SigningAct.EXEMPTION_DECISION,
                _exemption_rule((Decision.INCOMPLETE, Decision.REFUSED), fits_duty=False), "Lpw art. 5-9, 16"),
        ActRule("besluit_vrijstelling_buiten_behandeling", "Besluit vrijstelling (buiten behandeling)",
                SigningAct.EXEMPTION_DECISION, _exemption_rule(Decision.INADMISSIBLE, fits_duty=False),
                "Awb art. 4:5; Lpw art. 3a, 3b, 11 onder g, 15, 16"),
        ActRule("besluit_verlof_toegekend", "Besluit verlof meer dan 10 dagen (toegekend)",
                SigningAct.LEAVE_DECISION_OVER_10_DAYS, _leave_rule(Decision.GRANTED), "Lpw art. 14 lid 3, 16"),
        ActRule("besluit_verlof_afgewezen", "Besluit verlof meer dan 10 dagen (afgewezen)",
                SigningAct.LEAVE_DECISION_OVER_10_DAYS, _leave_rule(Decision.REFUSED), "Lpw art. 14 lid 3, 16"),
        ActRule("halt_verwijzing", "Halt-verwijzing", SigningAct.OFFICIAL_REPORT, rule_halt,
                "Sr art. 77e; Lpw art. 2 lid 3"),
        ActRule("melding_raad", "Melding Raad voor de Kinderbescherming", SigningAct.OFFICIAL_REPORT,
                rule_child_protection, "BW art. 1:255"),
        ActRule("melding_svb", "Melding SVB (kinderbijslag)", SigningAct.OFFICIAL_REPORT, rule_svb, "AKW art. 7 lid 2"),
        ActRule("terugkoppeling_school", "Terugkoppeling aan de school", SigningAct.LETTER, rule_school_feedback,
                "Lpw art. 21, 21a"),
        ActRule("pv_ouders", "Proces-verbaal (ouders)", SigningAct.PROCES_VERBAAL, _pv_rule("pv_ouders"),
                "Lpw art. 2 lid 1, 4c, 26; Sv art. 142, 152"),
        ActRule("pv_jongere", "Proces-verbaal (jongere)", SigningAct.PROCES_VERBAAL, _pv_rule("pv_jongere"),
                "Lpw art. 2 lid 3, 4c, 26; Sv art. 142, 152"),
        ActRule("formulier_halt", "Verwijzing naar Halt", SigningAct.OFFICIAL_REPORT, rule_halt,
                "Sr art. 77e; Lpw art. 2 lid 3"),
        ActRule("formulier_raad", "Melding Raad voor de Kinderbescherming", SigningAct.OFFICIAL_REPORT,
                rule_child_protection, "BW art. 1:255"),
        ActRule(EXEMPTION_DECISION, "Besluit op een vrijstelling", SigningAct.EXEMPTION_DECISION,
                _exemption_rule(None), "Lpw art. 3a, 3b, 5, 5a, 11 onder g, 15, 16"),
        ActRule(LEAVE_DECISION, "Besluit op verlof van meer dan 10 schooldagen", SigningAct.LEAVE_DECISION_OVER_10_DAYS,
                _leave_rule(None), "Lpw art. 14 lid 3, 16"),
    )
}


def check(kind: str, facts: ActFacts) -> ActCheck:
    """Whether the act ``kind`` is allowed on these facts (pure: reads nothing else)."""
    found = RULES.get(kind)
    if found is None:
        return ActCheck(kind, kind, Refusal(f"Voor de soort '{kind}' is geen wettelijke grondslag vastgelegd; "
                                            "die kan niet worden gemaakt.", ""))
    return ActCheck(kind, found.label, found.rule(facts))


# ---------------------------------------------------------------------------------------------------------
# Facts from the database


def _person_name(person: Person) -> str:
    return " ".join(p for p in (person.call_name or person.first_names.split(" ")[0], person.prefix,
                                person.last_name) if p)


def _verzuim_dates(session: Session, case: Case) -> tuple[dt.date, ...]:
    rows = session.execute(select(AbsenceReport.absence_start, AbsenceReport.received_on).where(
        AbsenceReport.case_id == case.id, AbsenceReport.deleted.is_(False)))
    return tuple(start or received for start, received in rows)


def _planned(session: Session, case: Case, on: dt.date) -> bool:
    start = dt.datetime.combine(on, dt.time.min, tzinfo=dt.UTC)
    return session.scalar(select(Appointment.id).where(
        Appointment.case_id == case.id, Appointment.deleted.is_(False), Appointment.done.is_(False),
        Appointment.is_deadline.is_(False),
        Appointment.kind.in_([AppointmentKind.APPOINTMENT, AppointmentKind.HEARING]),
        Appointment.starts_at >= start).limit(1)) is not None


def _enrolled(session: Session, person: Person, on: dt.date) -> bool:
    return session.scalar(select(Enrollment.id).where(
        Enrollment.person_id == person.id, Enrollment.deleted.is_(False), Enrollment.start_date <= on,
        (Enrollment.end_date.is_(None)) | (Enrollment.end_date >= on)).limit(1)) is not None


def _halt_facts(session: Session, case: Case, person: Person) -> HaltFacts | None:
    halt = session.scalars(select(Intervention).where(
        Intervention.case_id == case.id, Intervention.kind == InterventionKind.HALT,
        Intervention.deleted.is_(False)).order_by(Intervention.date.desc()).limit(1)).first()
    if halt is None:
        return None
    earlier = session.scalar(select(Intervention.id).where(
        Intervention.person_id == person.id, Intervention.kind == InterventionKind.HALT,
        Intervention.deleted.is_(False), Intervention.date < halt.date).limit(1)) is not None
    hours = halt.hours_absent
    if hours is None:
        hours = session.scalar(select(AbsenceReport.hours_absent).where(
            AbsenceReport.case_id == case.id, AbsenceReport.deleted.is_(False))
            .order_by(AbsenceReport.received_on.desc()).limit(1))
    return HaltFacts(float(hours or 0), int(halt.times_late or 0), halt.consent_pupil, halt.consent_parents,
                     earlier)


def facts_for(
    session: Session,
    kind: str,
    case_id: str | None = None,
    *,
    exemption_id: str | None = None,
    leave_request_id: str | None = None,
    user_id: str | None = None,
    on: dt.date | None = None,
    planned_conversation: bool = False,
    dropout_age_limit: int = law.DEFAULT_DROPOUT_AGE_LIMIT,
) -> ActFacts:
    """The facts for act ``kind`` about a case (or an exemption or leave request) on ``on``.

    The signer is the case's consultant, else ``user_id``; for a decision the one who decided it.
    ``planned_conversation`` says a conversation was entered with the letter itself.
    """
    on = on or dt.date.today()
    case = session.get(Case, case_id) if case_id else None
    if case is not None and case.deleted:
        case = None
    exemption = session.get(Exemption, exemption_id) if exemption_id else None
    leave = session.get(LeaveRequest, leave_request_id) if leave_request_id else None
    owner = case or exemption or leave
    person = session.get(Person, owner.person_id) if owner is not None else None
    if case is None and (exemption or leave) is not None:
        linked = (exemption or leave).case_id  # type: ignore[union-attr]
        case = session.get(Case, linked) if linked else None
    if person is not None and exemption is None and kind in _EXEMPTION_KINDS:
        exemption = session.scalars(select(Exemption).where(
            Exemption.person_id == person.id, Exemption.deleted.is_(False), Exemption.decision.is_not(None))
            .order_by(Exemption.decided_on.desc(), Exemption.received_on.desc()).limit(1)).first()
    if person is not None and leave is None and kind in _LEAVE_KINDS:
        leave = session.scalars(select(LeaveRequest).where(
            LeaveRequest.person_id == person.id, LeaveRequest.deleted.is_(False),
            LeaveRequest.decision.is_not(None))
            .order_by(LeaveRequest.decided_on.desc(), LeaveRequest.start_date.desc()).limit(1)).first()
    signer_id = (case.assigned_user_id if case else None) or user_id
    decided = exemption if kind in _EXEMPTION_KINDS else leave if kind in _LEAVE_KINDS else None
    if decided is not None and decided.decided_by_user_id:
        signer_id = decided.decided_by_user_id
    from desktop.models.school_calendar import school_calendar

    facts = ActFacts(on=on, signer=signer_for(session, signer_id), rules=mandate_rules(session),
                     dropout_age_limit=dropout_age_limit, holidays=school_calendar(session))
    if person is None:
        return facts
    facts = replace(
        facts, birth_date=person.birth_date, name=_person_name(person), qualified_on=person.qualified_on,
        qualification_exempt=bool(person.qualification_exempt), enrolled=_enrolled(session, person, on),
    )
    if case is not None:
        facts = replace(
            facts, case_kind=case.kind, verzuim_dates=_verzuim_dates(session, case),
            planned_conversation=planned_conversation or _planned(session, case, on),
            halt=_halt_facts(session, case, person) if kind in ("halt_verwijzing", "formulier_halt") else None,
        )
    if exemption is not None and not exemption.deleted:
        facts = replace(facts, exemption_article=exemption.article, exemption_decision=exemption.decision,
                        exemption_date=exemption.decided_on or exemption.received_on)
    if leave is not None and not leave.deleted:
        facts = replace(facts, leave_days=leave.days, leave_decider=leave.decided_by, leave_decision=leave.decision,
                        leave_start=leave.start_date)
    return facts


_EXEMPTION_KINDS = frozenset({"besluit_vrijstelling_toegekend", "besluit_vrijstelling_afgewezen",
                              "bevestiging_vrijstelling", "kennisgeving_vrijstelling_onvolledig",
                              "besluit_vrijstelling_buiten_behandeling", EXEMPTION_DECISION})
_LEAVE_KINDS = frozenset({"besluit_verlof_toegekend", "besluit_verlof_afgewezen", LEAVE_DECISION})


def act_check(
    session: Session, kind: str, case_id: str | None = None, *, exemption_id: str | None = None,
    leave_request_id: str | None = None, user_id: str | None = None, on: dt.date | None = None,
    planned_conversation: bool = False,
) -> ActCheck:
    """Check act ``kind`` against the record (see :func:`facts_for` for the arguments)."""
    return check(kind, facts_for(session, kind, case_id, exemption_id=exemption_id,
                                 leave_request_id=leave_request_id, user_id=user_id, on=on,
                                 planned_conversation=planned_conversation))


def require_allowed(
    session: Session, kind: str, case_id: str | None = None, *, exemption_id: str | None = None,
    leave_request_id: str | None = None, user_id: str | None = None, on: dt.date | None = None,
    planned_conversation: bool = False,
) -> None:
    """Raise LegalActRefused (its message the Dutch reason) when act ``kind`` is not allowed."""
    result = act_check(session, kind, case_id, exemption_id=exemption_id, leave_request_id=leave_request_id,
                       user_id=user_id, on=on, planned_conversation=planned_conversation)
    if not result.allowed:
        raise LegalActRefused(result.reason)


def acts_for(
    session: Session, kinds: Iterable[str], case_id: str | None = None, *, exemption_id: str | None = None,
    leave_request_id: str | None = None, user_id: str | None = None, on: dt.date | None = None,
) -> list[ActCheck]:
    """For the letter dialog: each kind with allowed or refused and why, about one case or decision. A
    conversation can be entered in the dialog, so the invitation is not refused for want of one here."""
    return [act_check(session, kind, case_id, exemption_id=exemption_id, leave_request_id=leave_request_id,
                      user_id=user_id, on=on, planned_conversation=True) for kind in kinds]


def record_halt_consent(
    session: Session, case_id: str, pupil: bool, parents: bool | None, on: dt.date | None = None
) -> Intervention:
    """Record on the case's latest Halt intervention whether the jongere (and, under 16, the parents) consent to
    the referral (Sr art. 77e lid 1). Raises DomainError (Dutch) and changes nothing when there is none."""
    case = session.get(Case, case_id)
    if case is None or case.deleted:
        raise DomainError("Deze zaak bestaat niet (meer).")
    halt = session.scalars(select(Intervention).where(
        Intervention.case_id == case.id, Intervention.kind == InterventionKind.HALT,
        Intervention.deleted.is_(False)).order_by(Intervention.date.desc()).limit(1)).first()
    if halt is None:
        raise DomainError(f"Zaak {case.case_number} heeft geen Halt-interventie; leg die eerst vast in het dossier.")
    person = session.get_one(Person, case.person_id)
    if parents is None and law.age_on(person.birth_date, on or halt.date) < 16:
        raise DomainError("De jongere is jonger dan 16: geef ook aan of de ouders instemmen (Sr art. 77e lid 1).")
    halt.consent_pupil = pupil
    if parents is not None:
        halt.consent_parents = parents
    return halt

"""Letters and official reports from the database: who receives a letter, what it says, and the register.

`letter_jobs` turns a case (or an exemption or leave decision) into one `LetterJob` per lawful addressee;
`make_letters` renders jobs to PDF and writes each letter to the DocumentRecord register and the access
log; `regenerate_document` makes a registered letter again. No Qt here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.documents import context as ctx_mod
from desktop.documents.context import (
    Absence,
    AbsenceLine,
    Addressee,
    AddresseeError,
    ChildProtectionReport,
    Consultant,
    HaltReferral,
    Leave,
    LetterContext,
    Officer,
    PostalAddress,
    Pupil,
    ReportContext,
    SchoolFeedback,
    Statement,
    Step,
    Suspect,
    SvbReport,
    addressees,
    dutch_date,
    young_person_responsible,
)
from desktop.documents.document_record import GeneratedLetter, format_reference, parse_reference
from desktop.documents.layout import LayoutSettings
from desktop.documents.letters import (
    LETTER_KINDS,
    BatchItem,
    BatchResult,
    LetterError,
    ProgressCallback,
    regenerate,
    render_batch,
)
from desktop.documents.official_reports import REPORT_KINDS, ReportError, generate_reports
from desktop.documents.organisations import ORGANISATION_FILE, ORGANISATIONS
from desktop.documents.templates import TemplateError, TemplateStore
from desktop.models.audit import AuditAction, LocalMeta, record
from desktop.models.cases import AbsenceReport, Appointment, Case, Intervention, JournalEntry
from desktop.models.charges import Offender, charges_for, offence_counts
from desktop.models.enums import (
    AppointmentKind,
    CaseStatus,
    Decision,
    ExemptionArticle,
    Gender,
    GuardianRelation,
    InterventionKind,
    JournalKind,
    LeaveDecider,
)
from desktop.models.errors import DomainError
from desktop.models.exemptions import Exemption, LeaveRequest, review_exemption
from desktop.models.hearings import Hearing, facts_of, hearing_report_refusal, latest_hearing
from desktop.models.law import (
    EXEMPTION_LEGAL_BASIS,
    EXEMPTION_SUBJECT,
    DutyStatus,
    duty_status,
    letters_to_young_person,
)
from desktop.models.mandate import SigningAct, mandate_rules, signer_for, signing_refusal
from desktop.models.records import DocumentRecord
from desktop.models.registry import Enrollment, Municipality, Person, School, User
from desktop.models.registry import Guardian as GuardianRow
from desktop.models.school_calendar import school_calendar

# 'artikel 5, onder a,' as printed in a letter (the templates add 'van de Leerplichtwet 1969'); the full
# citation is decision.legal_basis.
ARTICLE_TEXT = {
    ExemptionArticle.ART_5A: "artikel 5, onder a,",
    ExemptionArticle.ART_5B: "artikel 5, onder b,",
    ExemptionArticle.ART_5C: "artikel 5, onder c,",
    ExemptionArticle.ART_5A_TRAVEL: "artikel 5a",
    ExemptionArticle.ART_15: "artikel 15",
    ExemptionArticle.ART_3A: "artikel 3a",
    ExemptionArticle.ART_3B: "artikel 3b",
    ExemptionArticle.ART_11G: "artikel 11, onder g, en artikel 14",
}

EXEMPTION_KINDS = ("besluit_vrijstelling_toegekend", "besluit_vrijstelling_afgewezen", "bevestiging_vrijstelling",
                   "kennisgeving_vrijstelling_onvolledig", "besluit_vrijstelling_buiten_behandeling")
LEAVE_KINDS = ("besluit_verlof_toegekend", "besluit_verlof_afgewezen")


@dataclass
class LetterOptions:
    """What the consultant or administrator adds to the data from the database."""

    letter_date: dt.date | None = None  # default: today
    extra_text: str = ""
    enclosures: list[str] = field(default_factory=list)
    # Uitnodiging gesprek: the conversation; without it the case's next appointment is used.
    appointment: ctx_mod.Appointment | None = None
    # Which lawful addressees get the letter (their `description`); None means all of them.
    addressee_descriptions: list[str] | None = None


@dataclass(frozen=True)
class LetterJob:
    """One letter to one addressee, with the records it is about (kept in the register)."""

    kind: str
    context: LetterContext
    person_id: str | None
    case_id: str | None
    source: dict[str, str] = field(default_factory=dict)  # record type → id: 'exemption', 'leave_request'

    @property
    def addressee(self) -> str:
        return self.context.addressee.description or self.context.addressee.name


@dataclass(frozen=True)
class Target:
    """A record a letter can be made for: a case, or an exemption or leave request (with or without case)."""

    case_id: str | None = None
    exemption_id: str | None = None
    leave_request_id: str | None = None
    label: str = ""


class SelectionError(DomainError):
    """The cases asked for cannot be found; Dutch message, safe to show."""


# ---------------------------------------------------------------------------------------------------------
# Names and addresses


def _street(row: Any) -> str:
    return " ".join(part for part in (row.street, row.house_number) if part).strip()


def _address(row: Any) -> PostalAddress:
    return PostalAddress(_street(row), (row.postal_code or "").strip(), (row.city or "").strip())


def _capital_prefix(prefix: str | None, last_name: str) -> str:
    """'De Vries': a tussenvoegsel starts with a capital when no initials or first name precede it."""
    if not prefix:
        return last_name
    return f"{prefix[:1].upper()}{prefix[1:]} {last_name}"


def _salutation(gender: Gender | None, prefix: str | None, last_name: str) -> str:
    surname = _capital_prefix(prefix, last_name)
    if gender == Gender.MALE:
        return f"heer {surname}"
    if gender == Gender.FEMALE:
        return f"mevrouw {surname}"
    return ""


def _guardian_name(row: GuardianRow) -> str:
    given = row.initials or row.first_names or ""
    return " ".join(part for part in (given, row.prefix, row.last_name) if part)


def _person_name(person: Person) -> str:
    return person.full_name


def _first_name(person: Person) -> str:
    return person.call_name or (person.first_names or "").split(" ")[0]


def guardians_of(session: Session, person: Person) -> list[ctx_mod.Guardian]:
    """The person's parents and carers as letters need them; a guardian without an address of his or her
    own lives at the pupil's address. Guardians marked 'geen post' are left out."""
    rows = session.scalars(
        select(GuardianRow)
        .where(GuardianRow.person_id == person.id, GuardianRow.deleted.is_(False))
        .order_by(GuardianRow.relation, GuardianRow.last_name)
    )
    home = _address(person)
    result = []
    for row in rows:
        if not row.receives_mail:
            continue
        address = _address(row) if (row.street or row.postal_code) else dataclasses.replace(home)
        result.append(
            ctx_mod.Guardian(
                name=_guardian_name(row),
                address=address,
                has_authority=bool(row.has_authority),
                salutation=_salutation(row.gender, row.prefix, row.last_name),
            )
        )
    return result


def _jongere(person: Person) -> Addressee:
    return Addressee(
        name_lines=[_person_name(person)],
        address=_address(person),
        salutation=_salutation(person.gender, person.prefix, person.last_name),
        description=f"jongere: {_person_name(person)}",
    )


def family_addressees(session: Session, person: Person, on: dt.date, kind: str | None = None) -> list[Addressee]:
    """Lpw art. 1b: the jongere alone from 18, else the parents with authority, one letter per address; for
    a letter about the jongere's own verzuim the jongere of 12 to 17 gets one too (Lpw art. 2 lid 3)."""
    letter_kind = LETTER_KINDS.get(kind or "")
    too = bool(letter_kind and letter_kind.young_person_too and young_person_responsible(person.birth_date, on))
    try:
        return addressees(letters_to_young_person(person.birth_date, on), guardians_of(session, person),
                          _jongere(person), too)
    except AddresseeError as exc:
        raise LetterError(f"{_person_name(person)}: {exc}") from None


def _organisations(store: TemplateStore | None) -> dict[str, Addressee]:
    result = dict(ORGANISATIONS)
    if store is not None and store.local_dir is not None:
        path = store.local_dir / ORGANISATION_FILE
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                for key, value in data.items():
                    result[key] = ctx_mod.from_dict(Addressee, value)
            except ValueError as exc:  # not JSON, or an address that does not parse
                raise LetterError(f"De adressen in {path.name} zijn onleesbaar: {exc}") from exc
    return result


def _school_addressee(school: School | None) -> Addressee:
    if school is None:
        raise LetterError("Er is geen school bekend voor deze zaak: de terugkoppeling kan niet worden verstuurd.")
    attention = f"t.a.v. {school.contact_name}" if school.contact_name else "t.a.v. de verzuimcoördinator"
    return Addressee(
        name_lines=[school.name, attention],
        address=_address(school),
        salutation="heer, mevrouw",
        description=f"school: {school.name}",
    )


# ---------------------------------------------------------------------------------------------------------
# The groups of a letter


def _school_on(session: Session, person: Person, case: Case | None, on: dt.date) -> School | None:
    if case is not None and case.school_id:
        school = session.get(School, case.school_id)
        if school is not None:
            return school
    enrollment = session.scalars(
        select(Enrollment)
        .where(
            Enrollment.person_id == person.id,
            Enrollment.deleted.is_(False),
            Enrollment.start_date <= on,
            or_(Enrollment.end_date.is_(None), Enrollment.end_date >= on),
        )
        .order_by(Enrollment.start_date.desc())
        .limit(1)
    ).first()
    return session.get(School, enrollment.school_id) if enrollment else None


def _last_enrollment(session: Session, person: Person) -> Enrollment | None:
    return session.scalars(
        select(Enrollment)
        .where(Enrollment.person_id == person.id, Enrollment.deleted.is_(False))
        .order_by(Enrollment.start_date.desc())
        .limit(1)
    ).first()


def _pupil(session: Session, person: Person, case: Case | None, on: dt.date, with_bsn: bool) -> Pupil:
    school = _school_on(session, person, case, on)
    return Pupil(
        name=_person_name(person),
        first_name=_first_name(person),
        birth_date=person.birth_date,
        school=school.name if school else "",
        school_city=(school.city or "") if school else "",
        # Only reports to organisations that identify the child by BSN carry it (melding SVB).
        bsn=(person.bsn or "") if with_bsn else "",
    )


def _consultant(session: Session, user_id: str | None) -> Consultant:
    user = session.get(User, user_id) if user_id else None
    if user is None:
        return Consultant()
    return Consultant(
        name=user.display_name,
        function=user.job_title or "consulent leerplicht",
        phone=user.phone or "",
        email=user.email or "",
    )


def _municipality_name(session: Session, code: str | None) -> str:
    if not code:
        return ""
    return session.scalar(select(Municipality.name).where(Municipality.cbs_code == code)) or ""


def _latest_report(session: Session, case: Case | None, person: Person) -> AbsenceReport | None:
    stmt = select(AbsenceReport).where(AbsenceReport.deleted.is_(False))
    if case is not None:
        stmt = stmt.where(AbsenceReport.case_id == case.id)
    else:
        stmt = stmt.where(AbsenceReport.person_id == person.id)
    return session.scalars(stmt.order_by(AbsenceReport.received_on.desc()).limit(1)).first()


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    return f"{value:g}".replace(".", ",")


def _absence(report: AbsenceReport | None) -> Absence | None:
    if report is None:
        return None
    return Absence(
        kind=report.kind.label.lower() if report.kind else "",
        hours_absent=_number(report.hours_absent),
        times_late=_number(report.times_late),
        period_start=report.absence_start,
        period_end=report.absence_end,
        reported_on=report.received_on,
        school_actions=report.school_actions or "",
    )


def _latest_intervention(session: Session, case: Case | None, kind: InterventionKind) -> Intervention | None:
    if case is None:
        return None
    return session.scalars(
        select(Intervention)
        .where(Intervention.case_id == case.id, Intervention.kind == kind, Intervention.deleted.is_(False))
        .order_by(Intervention.date.desc())
        .limit(1)
    ).first()


def _interventions(session: Session, case: Case | None) -> list[Intervention]:
    if case is None:
        return []
    return list(session.scalars(
        select(Intervention)
        .where(Intervention.case_id == case.id, Intervention.deleted.is_(False))
        .order_by(Intervention.date)
    ))


def next_appointment(session: Session, case: Case | None, on: dt.date) -> ctx_mod.Appointment | None:
    if case is None:
        return None
    start = dt.datetime.combine(on, dt.time.min, tzinfo=dt.UTC)
    row = session.scalars(
        select(Appointment)
        .where(
            Appointment.case_id == case.id,
            Appointment.deleted.is_(False),
            Appointment.done.is_(False),
            Appointment.is_deadline.is_(False),
            Appointment.kind.in_([AppointmentKind.APPOINTMENT, AppointmentKind.HEARING]),
            Appointment.starts_at >= start,
        )
        .order_by(Appointment.starts_at)
        .limit(1)
    ).first()
    if row is None:
        return None
    starts = row.starts_at
    if starts.tzinfo is not None:
        starts = starts.astimezone()  # the local time, as the family reads it
    attendees = [part.strip() for part in (row.attendees or "").split(",") if part.strip()]
    return ctx_mod.Appointment(
        date=starts.date(), time=starts.time().replace(second=0, microsecond=0), place=row.location or "",
        reason=row.purpose or "", attendees=attendees,
    )


def _default_attendees(person: Person, on: dt.date) -> list[str]:
    if letters_to_young_person(person.birth_date, on):
        return ["u"]
    # Neutral, as the jongere of 12 or older gets the same letter as the parents (Lpw art. 2 lid 3).
    return ["de ouder(s) of verzorger(s) met gezag", _first_name(person)]


#: Which letter states which outcome, for a kennisgeving (True) or a request (False).
_EXEMPTION_LETTER: dict[tuple[bool, Decision], str] = {
    (True, Decision.CONFIRMED): "bevestiging_vrijstelling",
    (True, Decision.INCOMPLETE): "kennisgeving_vrijstelling_onvolledig",
    (False, Decision.GRANTED): "besluit_vrijstelling_toegekend",
    (False, Decision.REFUSED): "besluit_vrijstelling_afgewezen",
    (False, Decision.INADMISSIBLE): "besluit_vrijstelling_buiten_behandeling",
}


def exemption_outcome(exemption: Exemption) -> Decision | None:
    """The outcome as the law names it: a kennisgeving recorded before the distinction as 'granted' was
    confirmed, as 'refused' found incomplete (Lpw art. 5-9)."""
    decision = exemption.decision
    if decision is not None and exemption.article.is_notification:
        return {Decision.GRANTED: Decision.CONFIRMED, Decision.REFUSED: Decision.INCOMPLETE}.get(decision, decision)
    return decision


def _exemption_for(session: Session, kind: str, person: Person, case: Case | None,
                   exemption_id: str | None) -> Exemption:
    """The exemption the letter ``kind`` is about, refused (one Dutch sentence) unless its recorded outcome is
    the one the letter states: a kennisgeving is confirmed or incomplete, a request granted, refused or left
    unhandled; a withdrawal needs no letter."""
    if exemption_id:
        exemption = session.get(Exemption, exemption_id)
        if exemption is None or exemption.deleted:
            raise LetterError("Deze vrijstelling bestaat niet (meer).")
    else:
        stmt = select(Exemption).where(Exemption.person_id == person.id, Exemption.deleted.is_(False),
                                       Exemption.decision.is_not(None))
        exemption = session.scalars(stmt.order_by(Exemption.decided_on.desc(), Exemption.received_on.desc())
                                    .limit(1)).first()
        if exemption is None:
            raise LetterError(f"{_person_name(person)}: er is geen besliste vrijstelling voor deze brief.")
    outcome = exemption_outcome(exemption)
    if outcome is None:
        raise LetterError("Over deze vrijstelling is nog niet beslist: leg eerst het besluit vast.")
    fitting = _EXEMPTION_LETTER.get((exemption.article.is_notification, outcome))
    if fitting is None:
        raise LetterError(f"Deze vrijstelling is {outcome.label.lower()}; daarvoor is geen brief nodig.")
    if fitting != kind:
        raise LetterError(
            f"Deze {'kennisgeving' if exemption.article.is_notification else 'aanvraag'} is "
            f"{outcome.label.lower()}: kies '{LETTER_KINDS[fitting].title}'."
        )
    return exemption


def _leave_for(session: Session, kind: str, person: Person, leave_request_id: str | None) -> LeaveRequest:
    if leave_request_id:
        leave = session.get(LeaveRequest, leave_request_id)
        if leave is None or leave.deleted:
            raise LetterError("Deze verlofaanvraag bestaat niet (meer).")
    else:
        leave = session.scalars(
            select(LeaveRequest)
            .where(LeaveRequest.person_id == person.id, LeaveRequest.deleted.is_(False),
                   LeaveRequest.decision.is_not(None))
            .order_by(LeaveRequest.decided_on.desc(), LeaveRequest.start_date.desc())
            .limit(1)
        ).first()
        if leave is None:
            raise LetterError(f"{_person_name(person)}: er is geen beslist verlof voor deze brief.")
    if leave.decided_by != LeaveDecider.ATTENDANCE_OFFICER:
        # Lpw art. 14: up to 10 school days the head teacher decides and writes the letter.
        raise LetterError("Over dit verlof beslist de directeur van de school; de leerplichtambtenaar stuurt "
                          "geen besluit.")
    if leave.decision is None:
        raise LetterError("Over deze verlofaanvraag is nog niet beslist: leg eerst het besluit vast.")
    wants_granted = kind == "besluit_verlof_toegekend"
    if wants_granted != (leave.decision == Decision.GRANTED):
        other = "afgewezen" if wants_granted else "toegekend"
        raise LetterError(f"Dit verlof is {other}: kies 'Besluit verlof ({other})'.")
    return leave


def _school_year_text(exemption: Exemption) -> str:
    """The schooljaar the kennisgeving or request is for; an exemption without end (art. 5 onder a, never fit)
    runs from that schooljaar on."""
    if not exemption.school_year:
        return ""
    if exemption.valid_from is not None and exemption.valid_until is None:
        return f"{exemption.school_year} en de volgende schooljaren"
    return exemption.school_year


_DEFAULT_MOTIVATION = {
    Decision.GRANTED: "Uw aanvraag voldoet aan de voorwaarden van de wet.",
    Decision.REFUSED: "Uw aanvraag voldoet niet aan de voorwaarden van de wet.",
    Decision.CONFIRMED: "Uw kennisgeving voldoet aan de eisen van de wet.",
    Decision.INCOMPLETE: "Uw kennisgeving voldoet niet aan de eisen van de wet.",
    Decision.INADMISSIBLE: "Uw aanvraag kan niet in behandeling worden genomen.",
    Decision.WITHDRAWN: "U hebt uw aanvraag ingetrokken.",
}


def _exemption_decision(session: Session, exemption: Exemption, outcome: Decision) -> ctx_mod.Decision:
    """The merge fields of an exemption letter: the article named in full, what it frees from, and for an
    incomplete kennisgeving what the law requires and the record does not show."""
    code = ExemptionArticle(exemption.article)
    missing: list[str] = []
    if outcome in (Decision.INCOMPLETE, Decision.INADMISSIBLE):
        review = review_exemption(session, exemption, exemption.decided_by_user_id)
        missing = ([review.ineligible] if review.ineligible else []) + list(review.unmet)
    return ctx_mod.Decision(
        article=ARTICLE_TEXT.get(code, code.label),
        legal_basis=EXEMPTION_LEGAL_BASIS[code],
        exemption=EXEMPTION_SUBJECT[code],
        request_received_on=exemption.received_on,
        decided_on=exemption.decided_on,
        motivation=exemption.motivation or _DEFAULT_MOTIVATION[outcome],
        valid_from=exemption.valid_from,
        valid_until=exemption.valid_until,
        schooljaar=_school_year_text(exemption),
        missing=missing,
    )


def _feedback(session: Session, case: Case | None, report: AbsenceReport | None) -> SchoolFeedback:
    if report is not None and report.duo_status is not None:
        status = report.duo_status.label
    else:
        status = "Afgesloten" if case is not None and case.status == CaseStatus.CLOSED else "In behandeling"
    return SchoolFeedback(
        duo_number=(report.duo_number or "") if report else "",
        reported_on=report.received_on if report else None,
        status=status,
        close_reason=report.duo_close_reason.label if report and report.duo_close_reason else "",
        explanation=report.duo_explanation.label if report and report.duo_explanation else "",
        agreements=(case.close_explanation or case.summary or "") if case else "",
        contact=(report.reporter_name or "") if report else "",
    )


def _step_text(intervention: Intervention) -> str:
    text = f"{intervention.kind.label} op {dutch_date(intervention.date)}"
    if intervention.referred_to:
        text += f" ({intervention.referred_to})"
    return text


# ---------------------------------------------------------------------------------------------------------
# Building letters


def _refuse_unlawful(
    session: Session, kind: str, case_id: str | None, exemption_id: str | None, leave_request_id: str | None,
    user_id: str | None, on: dt.date, planned_conversation: bool, error: type[DomainError],
) -> None:
    """Raise ``error`` with the Dutch reason when the law or the mandate does not allow this act
    (desktop/models/legal_acts.py): nothing is made for it."""
    from desktop.models.legal_acts import act_check

    result = act_check(session, kind, case_id, exemption_id=exemption_id, leave_request_id=leave_request_id,
                       user_id=user_id, on=on, planned_conversation=planned_conversation)
    if not result.allowed:
        raise error(result.reason)


def letter_jobs(
    session: Session,
    kind: str,
    case_id: str | None = None,
    *,
    exemption_id: str | None = None,
    leave_request_id: str | None = None,
    options: LetterOptions | None = None,
    user_id: str | None = None,
    today: dt.date | None = None,
    store: TemplateStore | None = None,
) -> list[LetterJob]:
    """The letters of one kind for a case (or exemption / leave decision), one per lawful addressee.

    Raises LetterError (Dutch) when the case lacks what the letter needs. ``user_id`` is the consultant
    when the case has none assigned.
    """
    if kind not in LETTER_KINDS:
        raise LetterError(f"Onbekende briefsoort '{kind}'.")
    options = options or LetterOptions()
    on = options.letter_date or today or dt.date.today()
    _refuse_unlawful(session, kind, case_id, exemption_id, leave_request_id, user_id, on,
                     options.appointment is not None, LetterError)
    case = session.get(Case, case_id) if case_id else None
    if case_id and (case is None or case.deleted):
        raise LetterError("Deze zaak bestaat niet (meer).")
    exemption = session.get(Exemption, exemption_id) if exemption_id else None
    leave = session.get(LeaveRequest, leave_request_id) if leave_request_id else None
    owner = case or exemption or leave
    if owner is None:
        raise LetterError("Kies een zaak, vrijstelling of verlofaanvraag voor de brief.")
    person = session.get_one(Person, owner.person_id)
    decided = exemption or leave
    if case is None and decided is not None:
        linked = decided.case_id
        case = session.get(Case, linked) if linked else None

    letter_kind = LETTER_KINDS[kind]
    source: dict[str, str] = {}
    context = LetterContext(
        pupil=_pupil(session, person, case, on, with_bsn=kind == "melding_svb"),
        consultant=_consultant(session, (case.assigned_user_id if case else None) or user_id),
        case_number=case.case_number if case else "",
        date=on,
        municipality=_municipality_name(session, (case.municipality_code if case else None)
                                        or person.municipality_code),
        extra_text=options.extra_text,
        enclosures=list(options.enclosures),
    )
    report = _latest_report(session, case, person)
    context.absence = _absence(report)

    if kind in EXEMPTION_KINDS and leave is not None and exemption_id is None:
        raise LetterError("Dit is een verlofaanvraag: een brief over een vrijstelling hoort hier niet bij.")
    if kind in LEAVE_KINDS and exemption is not None and leave_request_id is None:
        raise LetterError("Dit is een vrijstelling: een brief over verlof hoort hier niet bij.")
    if kind in EXEMPTION_KINDS:
        exemption = _exemption_for(session, kind, person, case, exemption_id)
        assert exemption.decision is not None  # _exemption_for refuses an undecided exemption
        source["exemption"] = exemption.id
        outcome = exemption_outcome(exemption)
        assert outcome is not None
        context.decision = _exemption_decision(session, exemption, outcome)
        if not context.municipality:
            context.municipality = _municipality_name(session, exemption.municipality_code)
        if not context.case_number:
            context.case_number = f"VRS-{exemption.received_on:%Y}-{exemption.id[:6].upper()}"
    elif kind in LEAVE_KINDS:
        leave = _leave_for(session, kind, person, leave_request_id)
        assert leave.decision is not None  # _leave_for refuses an undecided request
        source["leave_request"] = leave.id
        context.leave = Leave(start_date=leave.start_date, end_date=leave.end_date, days=str(leave.days),
                              reason=leave.reason or "", kind=leave.kind.label)
        context.decision = ctx_mod.Decision(
            article="artikel 14, derde lid",
            legal_basis="artikel 11, onder g, en artikel 14, derde lid, van de Leerplichtwet 1969",
            request_received_on=leave.received_on,
            decided_on=leave.decided_on,
            motivation=leave.motivation or _DEFAULT_MOTIVATION[leave.decision],
        )
        if not context.case_number:
            context.case_number = f"VRL-{leave.start_date:%Y}-{leave.id[:6].upper()}"
    elif kind == "uitnodiging_gesprek":
        appointment = options.appointment or next_appointment(session, case, on)
        if appointment is None:
            raise LetterError(f"Zaak {context.case_number}: er is geen gesprek gepland. Leg eerst een afspraak "
                              "vast of vul de gegevens van het gesprek in.")
        appointment = dataclasses.replace(appointment)
        if not appointment.reason:
            appointment.reason = f"Ik wil met u praten over het schoolverzuim van {context.pupil.first_name}."
        if not appointment.attendees:
            appointment.attendees = _default_attendees(person, on)
        context.appointment = appointment
    elif kind == "halt_verwijzing":
        halt = _latest_intervention(session, case, InterventionKind.HALT)
        context.halt = HaltReferral(
            office=(halt.referred_to if halt and halt.referred_to else "Halt"),
            consent_jongere=halt.consent_pupil if halt else None,
            consent_parents=halt.consent_parents if halt else None,
            background=(halt.notes or "") if halt else "",
        )
        if halt is not None and halt.hours_absent is not None and context.absence is not None:
            context.absence = dataclasses.replace(context.absence, hours_absent=_number(halt.hours_absent),
                                                  times_late=_number(halt.times_late))
        elif halt is not None and halt.hours_absent is not None:
            context.absence = Absence(hours_absent=_number(halt.hours_absent), times_late=_number(halt.times_late))
    elif kind == "melding_raad":
        melding = _latest_intervention(session, case, InterventionKind.CHILD_PROTECTION)
        steps = [_step_text(i) for i in _interventions(session, case) if i.kind != InterventionKind.CHILD_PROTECTION]
        context.child_protection = ChildProtectionReport(
            concerns=(melding.notes if melding and melding.notes else (case.summary if case else "") or ""),
            request="Ik vraag de Raad te onderzoeken of een beschermingsmaatregel nodig is.",
            earlier_steps=steps,
        )
    elif kind == "melding_svb":
        svb = _latest_intervention(session, case, InterventionKind.SVB)
        enrollment = _last_enrollment(session, person)
        school = session.get(School, enrollment.school_id) if enrollment else None
        # One school on the page: the one the jongere last attended, as the report says.
        context.pupil = dataclasses.replace(context.pupil, school=school.name if school else "",
                                            school_city=(school.city or "") if school else "")
        context.svb = SvbReport(
            reason=(svb.notes if svb and svb.notes else "De jongere volgt geen onderwijs en is niet ingeschreven "
                    "bij een school."),
            since=enrollment.end_date if enrollment else None,
            last_school=", ".join(p for p in ((school.name if school else ""), (school.city or "") if school else "")
                                  if p),
        )
    elif kind == "terugkoppeling_school":
        context.feedback = _feedback(session, case, report)

    if not context.case_number:
        raise LetterError("De brief heeft geen zaaknummer: koppel de aanvraag aan een zaak.")

    # Who receives it.
    if kind == "terugkoppeling_school":
        recipients = [_school_addressee(_school_on(session, person, case, on))]
    elif not letter_kind.to_family:
        recipients = [dataclasses.replace(_organisations(store)[kind])]
    else:
        recipients = family_addressees(session, person, on, kind)
    if options.addressee_descriptions is not None:
        recipients = [r for r in recipients if r.description in options.addressee_descriptions]
        if not recipients:
            raise LetterError("Kies ten minste één geadresseerde.")
    return [
        LetterJob(kind, dataclasses.replace(context, addressee=recipient), person.id, case.id if case else None,
                  dict(source))
        for recipient in recipients
    ]


# ---------------------------------------------------------------------------------------------------------
# Selecting what to print


def targets_for_case_numbers(session: Session, numbers: Iterable[str]) -> list[Target]:
    wanted = [n.strip() for n in numbers if n.strip()]
    rows = dict(session.execute(select(Case.case_number, Case.id).where(Case.case_number.in_(wanted),
                                                                         Case.deleted.is_(False))).tuples().all())
    missing = [n for n in wanted if n not in rows]
    if missing:
        raise SelectionError(f"Onbekend zaaknummer: {', '.join(missing)}.")
    return [Target(case_id=rows[n], label=f"Zaak {n}") for n in dict.fromkeys(wanted)]


def targets_for_signal(session: Session, signal_kind: str, today: dt.date | None = None) -> list[Target]:
    """The records behind one kind of worklist signal (e.g. 'exemption_renewal', 'halt_eligible')."""
    from desktop.models.signals import SignalKind, compute_signals

    try:
        kind = SignalKind(signal_kind)
    except ValueError:
        names = ", ".join(k.value for k in SignalKind)
        raise SelectionError(f"Onbekend soort signaal '{signal_kind}'. Kies uit: {names}.") from None
    targets: list[Target] = []
    seen: set[tuple[str, str]] = set()
    for signal in compute_signals(session, today or dt.date.today()):
        if signal.kind != kind or (signal.record_type, signal.record_id) in seen:
            continue
        seen.add((signal.record_type, signal.record_id))
        if signal.record_type == "case":
            targets.append(Target(case_id=signal.record_id, label=signal.title))
        elif signal.record_type == "exemption":
            targets.append(Target(exemption_id=signal.record_id, label=signal.title))
        elif signal.record_type == "leave_request":
            targets.append(Target(leave_request_id=signal.record_id, label=signal.title))
        elif signal.person_id:
            case_id = session.scalar(
                select(Case.id).where(Case.person_id == signal.person_id, Case.status == CaseStatus.OPEN,
                                      Case.deleted.is_(False)).order_by(Case.opened_on.desc()).limit(1)
            )
            if case_id:
                targets.append(Target(case_id=case_id, label=signal.title))
    return targets


def targets_for_case_filter(session: Session, list_filter: Any = None, limit: int | None = None) -> list[Target]:
    """The cases of the 'Zaken' list with its filter (a `lists.ListFilter`), in the list's order."""
    from desktop.models.lists import LIST_SPECS, list_rowids, list_rows

    spec = LIST_SPECS["cases"]
    rowids = list_rowids(session, spec, list_filter, limit=limit)
    targets: list[Target] = []
    for start in range(0, len(rowids), 500):
        chunk = rowids[start:start + 500]
        rows = list_rows(session, spec, chunk)
        # Values: record id, person id, then the columns (case number, pupil, ...).
        targets += [Target(case_id=rows[r][0], label=f"Zaak {rows[r][2]} ({rows[r][3]})") for r in chunk if r in rows]
    return targets


def jobs_for_targets(
    session: Session,
    kind: str,
    targets: Sequence[Target],
    options: LetterOptions | None = None,
    user_id: str | None = None,
    store: TemplateStore | None = None,
) -> tuple[list[LetterJob], list[str]]:
    """Letters for many records; a record that cannot get this letter is reported (Dutch), not fatal.

    Every letter is in the result once: two targets that lead to the same letter (two signals about one
    pupil, a case named twice) give one job, and the second is reported as already in the batch.
    """
    jobs: list[LetterJob] = []
    problems: list[str] = []
    seen: set[tuple[object, ...]] = set()
    for target in dict.fromkeys(targets):
        try:
            found = letter_jobs(session, kind, target.case_id, exemption_id=target.exemption_id,
                                leave_request_id=target.leave_request_id, options=options, user_id=user_id,
                                store=store)
        except (LetterError, TemplateError) as exc:
            problems.append(f"{target.label or 'Zaak'}: {exc}")
            continue
        fresh = [job for job in found if _job_key(job) not in seen]
        if found and not fresh:
            problems.append(f"{target.label or 'Zaak'}: deze brief staat al in deze reeks.")
        seen.update(_job_key(job) for job in fresh)
        jobs += fresh
    return jobs, problems


# ---------------------------------------------------------------------------------------------------------
# Making letters and keeping the register


@dataclass(frozen=True)
class MadeLetter:
    record_id: str
    path: Path
    addressee: str
    kind: str


def _register_payload(merge_data: str, job: LetterJob) -> str:
    payload = json.loads(merge_data)
    payload["source"] = {**job.source, **({"case": job.case_id} if job.case_id else {})}
    return json.dumps(payload, ensure_ascii=False, sort_keys=True)


# ---------------------------------------------------------------------------------------------------------
# 'Ons kenmerk' from the register

#: The number the server gave this device for its kenmerken (LocalMeta); 0 before it had one.
DEVICE_NUMBER_KEY = "document_device_number"


def device_number(session: Session) -> int:
    """This device's number in the kenmerken of the register, as the server handed it out."""
    value = session.get(LocalMeta, DEVICE_NUMBER_KEY)
    return int(value.value) if value is not None and value.value.isdigit() else 0


def set_device_number(session: Session, number: int) -> None:
    """Keep the number the server handed out to this device (once; a later different answer is refused)."""
    if number < 1:
        raise DomainError("De server gaf een ongeldig apparaatnummer voor de kenmerken.")
    current = device_number(session)
    if current and current != number:
        raise DomainError("De server gaf dit apparaat een ander nummer voor de kenmerken dan eerder; het "
                          "eerdere nummer blijft in gebruik.")
    session.merge(LocalMeta(key=DEVICE_NUMBER_KEY, value=str(number)))
    session.flush()


def reserve_references(session: Session, count: int, on: dt.date) -> list[str]:
    """``count`` new kenmerken of the year of ``on`` for this device: year, device number and the next numbers
    of the device's own sequence. Unique without asking the server: the device number is this device's alone
    and the sequence counts only this device's documents (the highest one in the register, and the highest one
    ever reserved here, so a cancelled batch's numbers are not given out again)."""
    device = device_number(session)
    prefix = f"{on.year}-{device}-"
    highest = 0
    for (reference,) in session.execute(select(DocumentRecord.reference)
                                        .where(DocumentRecord.reference.like(prefix + "%"))):
        parsed = parse_reference(reference)
        if parsed is not None and parsed[:2] == (on.year, device):
            highest = max(highest, parsed[2])
    key = f"kenmerk:{on.year}:{device}"
    counter = session.get(LocalMeta, key)
    if counter is not None and counter.value.isdigit():
        highest = max(highest, int(counter.value))
    references = [format_reference(on.year, device, highest + i) for i in range(1, count + 1)]
    session.merge(LocalMeta(key=key, value=str(highest + count)))
    session.flush()
    return references


def with_references(session: Session, jobs: Sequence[LetterJob], on: dt.date | None = None) -> list[LetterJob]:
    """The jobs, each with a kenmerk of its own from the register, of the year of its letter date (a job that
    already has one keeps it)."""
    years: dict[int, list[int]] = {}
    for index, job in enumerate(jobs):
        if not job.context.reference:
            years.setdefault((job.context.date or on or dt.date.today()).year, []).append(index)
    result = list(jobs)
    for year, indexes in years.items():
        for index, reference in zip(indexes, reserve_references(session, len(indexes), dt.date(year, 1, 1)),
                                    strict=True):
            job = result[index]
            result[index] = dataclasses.replace(job, context=dataclasses.replace(job.context, reference=reference))
    return result


def _job_key(job: LetterJob) -> tuple[object, ...]:
    address = job.context.addressee
    return (job.kind, job.person_id, job.case_id, tuple(sorted(job.source.items())), job.context.pupil.name,
            address.description or address.name, address.address.key())


def unique_jobs(jobs: Sequence[LetterJob]) -> list[LetterJob]:
    """The jobs with every letter once: the same kind about the same records to the same addressee at the same
    address is one letter, however many targets of a selection led to it."""
    return list({_job_key(job): job for job in reversed(jobs)}.values())[::-1]


def register_letter(
    session: Session, job: LetterJob, result: BatchResult | GeneratedLetter, path: Path | None,
    user_id: str | None,
) -> DocumentRecord:
    """One DocumentRecord (who, what, when, template version, merge values, kenmerk) and an access-log entry.
    A document made without a kenmerk (an official report) gets one from the register here."""
    columns = result.record.columns()
    columns["merge_data"] = _register_payload(str(columns["merge_data"]), job)
    if not columns.get("reference"):
        columns["reference"] = reserve_references(session, 1, dt.date.today())[0]
    document = DocumentRecord(
        person_id=job.person_id,
        case_id=job.case_id,
        generated_by_user_id=_known_user(session, user_id),
        file_name=path.name[:200] if path is not None else None,
        **columns,
    )
    session.add(document)
    session.flush()
    record(session, AuditAction.DOCUMENT, "document_record", document.id)
    return document


def _known_user(session: Session, user_id: str | None) -> str | None:
    """The users-table id of the maker (the column is a foreign key; an unknown id is left empty)."""
    if not user_id:
        return None
    return user_id if session.get(User, user_id) is not None else None


def make_letters(
    session_factory: Callable[[], Any],
    jobs: Sequence[LetterJob],
    out: str | Path,
    one_file: bool,
    progress: ProgressCallback | None = None,
    settings: LayoutSettings | None = None,
    store: TemplateStore | None = None,
    user_id: str | None = None,
) -> list[MadeLetter]:
    """Render the letters (one PDF at ``out``, or one per letter in the folder ``out``), then register each.

    Each letter first gets its own kenmerk from the register (``reserve_references``, in a short transaction
    of its own, so the numbers are taken before the PDFs print them). The same letter to the same addressee
    is made once, however often the selection named it. ``session_factory()`` gives a context manager with a
    session (``Store.session``): the register is written in one short transaction after the PDFs exist, so a
    cancelled batch records nothing.
    """
    jobs = unique_jobs(jobs)
    if not jobs:
        raise LetterError("Er zijn geen brieven om te maken.")
    with session_factory() as session:
        jobs = with_references(session, jobs)
    results = render_batch([BatchItem(j.kind, j.context) for j in jobs], out, one_file, progress, settings, store)
    made: list[MadeLetter] = []
    with session_factory() as session:
        for job, result in zip(jobs, results, strict=True):
            document = register_letter(session, job, result, result.path, user_id)
            made.append(MadeLetter(document.id, result.path, document.addressee or "", job.kind))
    return made


def regenerate_document(session: Session, record_id: str, out: str | Path | None = None,
                        store: TemplateStore | None = None) -> bytes:
    """The registered letter or report made again: same template versions, values, layout and date."""
    document = session.get(DocumentRecord, record_id)
    if document is None or document.deleted:
        raise LetterError("Deze registratie bestaat niet (meer).")
    if not document.merge_data:
        raise LetterError("Bij deze registratie zijn geen gegevens bewaard: de brief kan niet opnieuw worden "
                          "gemaakt.")
    pdf = regenerate(document.merge_data, out, store)
    record(session, AuditAction.DOCUMENT, "document_record", document.id, result="opnieuw")
    return pdf


# ---------------------------------------------------------------------------------------------------------
# Official reports


@dataclass
class ReportOptions:
    report_date: dt.date | None = None
    place: str = ""  # default: the case's gemeente
    boa_number: str = ""  # not used: the verbalisant's boa number is kept on the user (Sv art. 142)
    facts: str = ""
    advice: str = ""
    additions: str = ""
    earlier_conviction: bool | None = None


#: Relations that make a guardian responsible without parental authority: the feitelijke verzorging of
#: Lpw art. 2 lid 1 ('degene die zich met de feitelijke verzorging van een jongere heeft belast').
_CARING_RELATIONS = frozenset({GuardianRelation.FOSTER_PARENT, GuardianRelation.CARER})


@dataclass(frozen=True)
class _SuspectRow:
    """A suspect with the records behind it: the hearing is looked up by ``guardian_id`` (None: the jongere)."""

    suspect: Suspect
    guardian_id: str | None
    birth_date: dt.date | None


def _identification_gaps(suspect: Suspect) -> list[str]:
    """What a proces-verbaal still lacks to identify the suspect (Sv art. 27a lid 1: naam, voornamen,
    geboorteplaats en geboortedatum; and the address where the suspect lives)."""
    missing = []
    if not suspect.surname:
        missing.append("de achternaam")
    if not suspect.given_names:
        missing.append("alle voornamen (voluit)")
    if suspect.birth_date is None:
        missing.append("de geboortedatum")
    if not suspect.birth_place:
        missing.append("de geboorteplaats")
    address = suspect.address
    if not (address.street and address.postal_code and address.city):
        missing.append("het adres")
    return missing


def _dutch_list(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} en {items[-1]}"


def _suspect_rows(session: Session, kind: str, person: Person) -> list[_SuspectRow]:
    """Lpw art. 2 lid 1: the parents with authority and whoever cares for the jongere; art. 2 lid 3 / 4c: the
    jongere. One proces-verbaal per suspect."""
    home = _address(person)
    surname = " ".join(part for part in (person.prefix, person.last_name) if part)
    if kind == "pv_jongere":
        suspect = Suspect(name=_person_name(person), birth_date=person.birth_date,
                          birth_place=(person.birth_place or "").strip(), address=home, role="jongere",
                          surname=surname, given_names=(person.first_names or "").strip())
        return [_SuspectRow(suspect, None, person.birth_date)]
    rows = []
    for row in session.scalars(select(GuardianRow).where(GuardianRow.person_id == person.id,
                                                         GuardianRow.deleted.is_(False))
                               .order_by(GuardianRow.relation, GuardianRow.last_name)):
        if not row.has_authority and row.relation not in _CARING_RELATIONS:
            continue
        address = _address(row) if (row.street or row.postal_code) else home
        given = (row.first_names or "").strip()
        role = (f"{row.relation.label.lower()} met gezag" if row.has_authority
                else f"{row.relation.label.lower()} (feitelijke verzorging)")
        suspect = Suspect(
            name=" ".join(part for part in (given or row.initials, row.prefix, row.last_name) if part),
            birth_date=row.birth_date, birth_place=(row.birth_place or "").strip(), address=address, role=role,
            surname=" ".join(part for part in (row.prefix, row.last_name) if part), given_names=given,
        )
        rows.append(_SuspectRow(suspect, row.id, row.birth_date))
    return rows


def _suspects(session: Session, kind: str, person: Person) -> list[Suspect]:
    return [row.suspect for row in _suspect_rows(session, kind, person)]


def _statement(hearing: Hearing, name: str) -> Statement:
    held = hearing.held_at
    return Statement(
        person=name, on=held.date(), text=hearing.statement or "", at=held.time().replace(second=0, microsecond=0),
        place=hearing.place, appeared=bool(hearing.appeared), caution_given=bool(hearing.caution_given),
        legal_aid_informed=bool(hearing.legal_aid_informed), minor_rights_informed=hearing.minor_rights_informed,
        accompanied_by=hearing.accompanied_by or "", lawyer=hearing.lawyer or "", interpreter=hearing.interpreter or "",
        remains_silent=bool(hearing.remains_silent),
    )


def _hearing_for(session: Session, case: Case, row: _SuspectRow, facts_on: dt.date | None) -> Statement:
    """The suspect's hearing as the proces-verbaal quotes it; refused when there is none or it cannot be used."""
    name = row.suspect.name
    hearing = latest_hearing(session, case.id, row.guardian_id)
    if hearing is None:
        raise ReportError(
            f"Leg eerst het verhoor van {name} vast (Verhoor vastleggen): een proces-verbaal geeft de verklaring "
            "van de verdachte weer, of dat de verdachte zweeg of niet verscheen (Leerplichtwet 1969 art. 22)."
        )
    refusal = hearing_report_refusal(facts_of(hearing), row.birth_date, facts_on)
    if refusal is not None:
        raise ReportError(f"{name} {refusal}")
    return _statement(hearing, name)


def _school_place(school: School | None) -> str:
    if school is None:
        return ""
    address = " ".join(p for p in (school.street, school.house_number) if p)
    where = ", ".join(p for p in (address, " ".join(p for p in (school.postal_code, school.city) if p)) if p)
    return f"{school.name}, {where}" if where else school.name


@dataclass(frozen=True)
class _Facts:
    lines: list[AbsenceLine]
    duties: list[DutyStatus]
    start: dt.date | None
    end: dt.date | None
    places: list[str]


def _facts(session: Session, case: Case, person: Person, kind: str) -> _Facts:
    """The case's verzuimmeldingen that the report can be about, with the duty that applied on their dates.

    For a proces-verbaal only verzuim under leerplicht or kwalificatieplicht counts, read on the first day of
    each melding's period (Lpw art. 2, 4a-4c; a 19-year-old can be charged for verzuim before 18), and against
    the jongere only verzuim from the 12th birthday (art. 2 lid 3).
    """
    reports = list(session.scalars(
        select(AbsenceReport).where(AbsenceReport.case_id == case.id, AbsenceReport.deleted.is_(False))
        .order_by(AbsenceReport.received_on)
    ))
    calendar = school_calendar(session)
    offender = Offender.JONGERE if kind == "pv_jongere" else Offender.PARENT
    lines: list[AbsenceLine] = []
    duties: list[DutyStatus] = []
    starts: list[dt.date] = []
    ends: list[dt.date] = []
    places: list[str] = []
    for report in reports:
        first = report.absence_start or report.received_on
        duty = duty_status(person.birth_date, first, person.qualified_on,
                           qualification_exempt=bool(person.qualification_exempt), holidays=calendar)
        if kind.startswith("pv_") and not offence_counts(offender, duty, person.birth_date, first):
            continue
        school = session.get(School, report.school_id) if report.school_id else None
        lines.append(AbsenceLine(report.received_on, report.absence_start, report.absence_end, report.kind.label,
                                 report.hours_absent or 0, report.times_late or 0,
                                 school.name if school else ""))
        duties.append(duty)
        starts.append(first)
        ends.append(report.absence_end or first)
        place = _school_place(school)
        if place and place not in places:
            places.append(place)
    return _Facts(lines, duties, min(starts, default=None), max(ends, default=None), places)


#: The intervention a report is itself: not one of its earlier steps.
_REPORT_INTERVENTION = {
    "pv_ouders": InterventionKind.OFFICIAL_REPORT,
    "pv_jongere": InterventionKind.OFFICIAL_REPORT,
    "formulier_halt": InterventionKind.HALT,
    "formulier_raad": InterventionKind.CHILD_PROTECTION,
}


def _steps(session: Session, case: Case, kind: str) -> list[Step]:
    """What was done in the case before this report, by date: interventions and the conversations and visits of
    the journal. Only what happened and with whom: what was said in a help conversation stays in the file."""
    own = _REPORT_INTERVENTION[kind]
    steps = [Step(i.date, _step_text(i)) for i in _interventions(session, case) if i.kind != own]
    journal = session.scalars(
        select(JournalEntry).where(JournalEntry.case_id == case.id, JournalEntry.deleted.is_(False),
                                   JournalEntry.kind.in_((JournalKind.CONVERSATION, JournalKind.HOME_VISIT,
                                                          JournalKind.SCHOOL_VISIT)))
        .order_by(JournalEntry.occurred_at)
    )
    for entry in journal:
        with_whom = f" met {entry.contact_with}" if entry.contact_with else ""
        steps.append(Step(entry.occurred_at.date(), f"{entry.kind.label}{with_whom}"))
    return sorted(steps, key=lambda step: step.on)


_SIGNING_ACT = {
    "pv_ouders": SigningAct.PROCES_VERBAAL,
    "pv_jongere": SigningAct.PROCES_VERBAAL,
    "formulier_halt": SigningAct.OFFICIAL_REPORT,
    "formulier_raad": SigningAct.OFFICIAL_REPORT,
}


def report_contexts(
    session: Session, kind: str, case_id: str, options: ReportOptions | None = None,
    user_id: str | None = None, today: dt.date | None = None,
) -> list[ReportContext]:
    """The reports of a kind for a case: one proces-verbaal per suspect (two parents: two), one form otherwise.

    Refused (ReportError, Dutch) when ``user_id`` may not sign this report, when a suspect is not fully
    identified, when there is no verzuimmelding the report can be about, or when a suspect was not heard
    with caution and rights.
    """
    if kind not in REPORT_KINDS:
        raise ReportError(f"Onbekende rapportsoort '{kind}'.")
    options = options or ReportOptions()
    _refuse_unlawful(session, kind, case_id, None, None, user_id, options.report_date or today or dt.date.today(),
                     False, ReportError)
    case = session.get(Case, case_id)
    if case is None or case.deleted:
        raise ReportError("Deze zaak bestaat niet (meer).")
    person = session.get_one(Person, case.person_id)
    on = options.report_date or today or dt.date.today()
    signer = signer_for(session, user_id)
    refusal = signing_refusal(_SIGNING_ACT[kind], signer, mandate_rules(session))
    if refusal is not None:
        raise ReportError(refusal)
    signer_user = session.get(User, signer.user_id) if signer.user_id else None
    municipality = _municipality_name(session, case.municipality_code or person.municipality_code)
    facts = _facts(session, case, person, kind)
    if not facts.lines:
        if kind.startswith("pv_"):
            raise ReportError(
                f"Zaak {case.case_number}: er is geen verzuimmelding uit een periode waarin "
                f"{_person_name(person)} leerplichtig of kwalificatieplichtig was"
                + (" en 12 jaar of ouder" if kind == "pv_jongere" else "")
                + ": zonder meldingen geen proces-verbaal."
            )
        raise ReportError(f"Zaak {case.case_number}: er zijn geen verzuimmeldingen vastgelegd.")
    offender = Offender.JONGERE if kind == "pv_jongere" else Offender.PARENT
    charges = charges_for(offender, facts.duties) if kind.startswith("pv_") else []
    duty_now = duty_status(person.birth_date, on, person.qualified_on,
                           qualification_exempt=bool(person.qualification_exempt))
    duty_label = ", ".join(dict.fromkeys(
        d.label.lower() for d in (facts.duties if kind.startswith("pv_") else [duty_now])
    ))
    halt = _latest_intervention(session, case, InterventionKind.HALT)
    # Halt's criterion 'never referred for verzuim before': referrals before the one this form is about.
    earlier_stmt = select(Intervention.id).where(Intervention.person_id == person.id,
                                                 Intervention.kind == InterventionKind.HALT,
                                                 Intervention.deleted.is_(False))
    if halt is not None:
        earlier_stmt = earlier_stmt.where(Intervention.date < halt.date)
    earlier_halt = session.scalar(earlier_stmt.limit(1)) is not None
    steps = _steps(session, case, kind)
    raad = _latest_intervention(session, case, InterventionKind.CHILD_PROTECTION)
    base = ReportContext(
        case_number=case.case_number,
        date=on,
        place=options.place or municipality,
        officer=Officer(
            name=signer.display_name,
            function="leerplichtambtenaar" if signer.leerplichtambtenaar else "consulent leerplicht",
            boa_number=signer.boa_number or "", municipality=municipality,
            phone=(signer_user.phone or "") if signer_user else "",
            email=(signer_user.email or "") if signer_user else "",
        ),
        pupil=_pupil(session, person, case, on, with_bsn=False),
        facts=options.facts,
        offence_start=facts.start,
        offence_end=facts.end,
        offence_place="; ".join(facts.places),
        duty=duty_label,
        advice=options.advice,
        additions=options.additions,
        halt=HaltReferral(office=(halt.referred_to if halt and halt.referred_to else "Halt"),
                          consent_jongere=halt.consent_pupil if halt else None,
                          consent_parents=halt.consent_parents if halt else None,
                          background=(halt.notes or "") if halt else "") if kind == "formulier_halt" else None,
        child_protection=ChildProtectionReport(
            concerns=options.facts or (raad.notes if raad and raad.notes else "") or case.summary or "",
            request="Onderzoek naar de noodzaak van een beschermingsmaatregel.",
            earlier_steps=[s.description for s in steps],
        ) if kind == "formulier_raad" else None,
        earlier_conviction=options.earlier_conviction,
        articles=[article for charge in charges for article in charge.articles],
        charges=[charge.words(f"{_person_name(person)}, geboren op {dutch_date(person.birth_date)}")
                 for charge in charges],
        absences=facts.lines,
        earlier_steps=steps,
        guardians=guardians_of(session, person),
        earlier_halt_for_absence=earlier_halt,
        halt_hours=halt.hours_absent if halt is not None and kind == "formulier_halt" else None,
        halt_times_late=halt.times_late if halt is not None and kind == "formulier_halt" else None,
    )
    if not kind.startswith("pv_"):
        return [base]
    rows = _suspect_rows(session, kind, person)
    if not rows:
        raise ReportError("Er is geen ouder met gezag of verzorger bekend: een proces-verbaal tegen de ouders "
                          "heeft een verdachte nodig (Leerplichtwet 1969 art. 2 lid 1).")
    contexts = []
    for row in rows:
        gaps = _identification_gaps(row.suspect)
        if gaps:
            raise ReportError(
                f"Vul eerst {_dutch_list(gaps)} van {row.suspect.name} in (bij Verhoor vastleggen, of in het "
                "BRP-uittreksel): een proces-verbaal identificeert de verdachte met naam, voornamen, geboorteplaats, "
                "geboortedatum en adres (Wetboek van Strafvordering art. 27a)."
            )
        contexts.append(dataclasses.replace(
            base, suspects=[row.suspect], suspect_names=row.suspect.name,
            statements=[_hearing_for(session, case, row, facts.start if row.guardian_id is None else None)],
        ))
    return contexts


def report_context(
    session: Session, kind: str, case_id: str, options: ReportOptions | None = None,
    user_id: str | None = None, today: dt.date | None = None,
) -> ReportContext:
    """The first report of :func:`report_contexts` (the first suspect's proces-verbaal), for a preview."""
    return report_contexts(session, kind, case_id, options, user_id, today)[0]


def make_report(
    session_factory: Callable[[], Any], kind: str, case_id: str, out: str | Path,
    options: ReportOptions | None = None, settings: LayoutSettings | None = None,
    store: TemplateStore | None = None, user_id: str | None = None, today: dt.date | None = None,
) -> list[MadeLetter]:
    """Make the reports of a case in one PDF at ``out`` and register each: a proces-verbaal per suspect,
    each its own document (own pages, own register record)."""
    with session_factory() as session:
        contexts = report_contexts(session, kind, case_id, options, user_id, today)
        case = session.get_one(Case, case_id)
        person_id = case.person_id
    generated = generate_reports(kind, contexts, out, settings, store)
    made = []
    with session_factory() as session:
        for report in generated:
            job = LetterJob(kind, LetterContext(), person_id, case_id)
            document = register_letter(session, job, report, Path(out), user_id)
            made.append(MadeLetter(document.id, Path(out), document.addressee or "", kind))
    return made

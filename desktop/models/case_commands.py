"""The write commands of case work, each with its domain rules: journal, MAS phase, route, closing,
appointments and interventions; opening a case; registering meldingen, thuiszitters and Doorstroompunt
trajectories (vrijstellingen and verlof: ``desktop.models.exemptions``). Refusals are ``DomainError`` in Dutch.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import (
    AbsenceReport,
    Appointment,
    Case,
    DropoutTrajectory,
    HomeSitterEpisode,
    Intervention,
    JournalEntry,
    Person,
    School,
)
from desktop.models.base import utcnow
from desktop.models.cases import CaseNumbers, absence_report_values, case_values, journal_values
from desktop.models.enums import (
    AbsenceKind,
    AppointmentKind,
    CaseCloseReason,
    CaseKind,
    CasePhase,
    CaseRoute,
    CaseStatus,
    DuoCloseReason,
    DuoStatus,
    InterventionKind,
    JournalKind,
    ReportSource,
    ReportSuspect,
    VsvKind,
)
from desktop.models.errors import DomainError
from desktop.models.law import (
    age_on,
    halt_eligible,
    young_person_liable,
)

MAS_PHASES: tuple[CasePhase, ...] = (
    CasePhase.OBSERVE,
    CasePhase.ANALYSE,
    CasePhase.PLAN,
    CasePhase.ACT,
    CasePhase.EVALUATE,
)
# The route a case of each kind usually takes; another route needs a motivation ('pas toe of leg uit').
USUAL_ROUTE: dict[CaseKind, CaseRoute] = {
    CaseKind.RELATIVE: CaseRoute.CARE,
    CaseKind.ABSOLUTE: CaseRoute.CARE,
    CaseKind.OVER_18: CaseRoute.CARE,
    CaseKind.HOME_SITTER: CaseRoute.CARE,
    CaseKind.DROPOUT: CaseRoute.CARE,
}


def route_needs_motivation(kind: CaseKind | str, route: CaseRoute | str | None) -> bool:
    """'Pas toe of leg uit': a route other than the usual one for this kind of case needs a motivation."""
    if route is None:
        return False
    return CaseRoute(route) != USUAL_ROUTE[CaseKind(kind)]


def _case(session: Session, case_id: str) -> Case:
    """The case a command changes; one that is not (or no longer) there is refused."""
    case = session.get(Case, case_id)
    if case is None:
        raise DomainError("Deze zaak bestaat niet (meer).")
    return case


def _person(session: Session, person_id: str, missing: str = "Kies eerst een leerling.") -> Person:
    """The person a registration is for; without one chosen, the registration is refused."""
    person = session.get(Person, person_id)
    if person is None:
        raise DomainError(missing)
    return person


def add_journal_entry(
    session: Session,
    case_id: str | None,
    person_id: str,
    kind: JournalKind | str,
    text: str,
    *,
    occurred_at: dt.datetime | None = None,
    contact_with: str | None = None,
    author_user_id: str | None = None,
) -> JournalEntry:
    entry = JournalEntry(
        **journal_values(
            case_id,
            person_id,
            kind,
            text,
            occurred_at or utcnow(),
            contact_with=contact_with,
            author_user_id=author_user_id,
        )
    )
    session.add(entry)
    return entry


def set_case_phase(session: Session, case_id: str, phase: CasePhase | str, note: str = "") -> Case:
    case = _case(session, case_id)
    if case.status == CaseStatus.CLOSED:
        raise DomainError("Een gesloten zaak kan niet van fase veranderen.")
    new_phase = CasePhase(phase)
    if new_phase == case.phase:
        return case
    old = case.phase
    case.phase = new_phase
    text = f"Fase gewijzigd van {old.label} naar {new_phase.label}."
    if note.strip():
        text += " " + note.strip()
    add_journal_entry(session, case.id, case.person_id, JournalKind.PHASE_CHANGE, text)
    return case


def set_case_route(session: Session, case_id: str, route: CaseRoute | str, motivation: str = "") -> Case:
    case = _case(session, case_id)
    new_route = CaseRoute(route)
    if route_needs_motivation(case.kind, new_route) and not motivation.strip():
        raise DomainError("Deze route wijkt af van de gebruikelijke route: leg uit waarom (pas toe of leg uit).")
    case.route = new_route
    case.route_motivation = motivation.strip() or None
    text = f"Route: {new_route.label}."
    if motivation.strip():
        text += f" Motivering: {motivation.strip()}"
    add_journal_entry(session, case.id, case.person_id, JournalKind.ROUTE_CHANGE, text)
    return case


def close_case(
    session: Session,
    case_id: str,
    reason: CaseCloseReason | str,
    closed_on: dt.date,
    duo_close_reason: DuoCloseReason | str | None = None,
    explanation: str = "",
) -> Case:
    """Close a case; its meldingen get DUO status 'afgesloten' with the reason code to report back."""
    case = _case(session, case_id)
    if case.status == CaseStatus.CLOSED:
        raise DomainError("Deze zaak is al gesloten.")
    if closed_on < case.opened_on:
        raise DomainError("De sluitdatum mag niet vóór de openingsdatum liggen.")
    case.status = CaseStatus.CLOSED
    case.closed_on = closed_on
    case.close_reason = CaseCloseReason(reason)
    case.close_explanation = explanation.strip() or None
    reports = session.scalars(select(AbsenceReport).where(AbsenceReport.case_id == case_id)).all()
    if reports and duo_close_reason is None:
        raise DomainError("Kies de reden voor DUO: de meldingen van deze zaak worden afgesloten.")
    for report in reports:
        report.duo_status = DuoStatus.CLOSED
        report.duo_status_on = closed_on
        report.duo_close_reason = DuoCloseReason(duo_close_reason)
    add_journal_entry(
        session,
        case.id,
        case.person_id,
        JournalKind.STATUS_CHANGE,
        f"Zaak gesloten: {case.close_reason.label}." + (f" {explanation.strip()}" if explanation.strip() else ""),
    )
    return case


def add_appointment(
    session: Session,
    case: Case,
    starts_at: dt.datetime,
    kind: AppointmentKind | str = AppointmentKind.APPOINTMENT,
    location: str = "",
    purpose: str = "",
    is_deadline: bool = False,
) -> Appointment:
    appointment = Appointment(
        case_id=case.id,
        person_id=case.person_id,
        user_id=case.assigned_user_id,
        kind=AppointmentKind(kind),
        starts_at=starts_at,
        location=location or None,
        purpose=purpose or None,
        is_deadline=is_deadline,
    )
    session.add(appointment)
    return appointment


def add_intervention(
    session: Session,
    case: Case,
    kind: InterventionKind | str,
    on: dt.date,
    *,
    hours_absent: float | None = None,
    times_late: int | None = None,
    consent_pupil: bool | None = None,
    consent_parents: bool | None = None,
    referred_to: str = "",
    notes: str = "",
    suspect: ReportSuspect | str | None = None,
    copy_to_child_protection: bool = False,
) -> Intervention:
    """Record an intervention. A Halt referral is checked against Halt's criteria first; a
    proces-verbaal names its suspect, and the jongere can be one only from 12 (Lpw art. 2 lid 3)."""
    kind = InterventionKind(kind)
    person = session.get_one(Person, case.person_id)
    if kind == InterventionKind.HALT:
        earlier = bool(
            session.scalar(
                select(func.count(Intervention.id)).where(
                    Intervention.person_id == case.person_id, Intervention.kind == InterventionKind.HALT
                )
            )
        )
        if not halt_eligible(person.birth_date, on, hours_absent or 0, times_late or 0, earlier):
            raise DomainError(
                "Een Halt-verwijzing is niet mogelijk: 12 tot 18 jaar, 9 tot 60 uur verzuim of 12 tot 60 keer "
                "te laat, en niet eerder naar Halt verwezen voor verzuim."
            )
        if not consent_pupil:
            raise DomainError("Voor een Halt-verwijzing is toestemming van de jongere nodig.")
        if age_on(person.birth_date, on) < 16 and not consent_parents:
            raise DomainError("Onder de 16 jaar is ook toestemming van de ouders nodig.")
    if kind == InterventionKind.OFFICIAL_REPORT:
        if suspect is None:
            raise DomainError("Kies tegen wie het proces-verbaal is: de ouders, de jongere of beiden.")
        if ReportSuspect(suspect) != ReportSuspect.PARENTS and not young_person_liable(person.birth_date, on):
            raise DomainError("Een proces-verbaal tegen de jongere kan pas vanaf 12 jaar (art. 2 lid 3).")
    intervention = Intervention(
        case_id=case.id,
        person_id=case.person_id,
        kind=kind,
        date=on,
        hours_absent=hours_absent,
        times_late=times_late,
        consent_pupil=consent_pupil,
        consent_parents=consent_parents,
        referred_to=referred_to or None,
        notes=notes or None,
        suspect=ReportSuspect(suspect) if suspect and kind == InterventionKind.OFFICIAL_REPORT else None,
        copy_to_child_protection=bool(copy_to_child_protection) and kind == InterventionKind.OFFICIAL_REPORT,
    )
    session.add(intervention)
    add_journal_entry(session, case.id, case.person_id, JournalKind.NOTE, f"Interventie: {kind.label}.")
    return intervention


def open_case(
    session: Session,
    person_id: str,
    kind: CaseKind | str,
    opened_on: dt.date,
    *,
    assigned_user_id: str | None = None,
    school_id: str | None = None,
    needs_investigation: bool = False,
    summary: str = "",
) -> Case:
    person = _person(session, person_id)
    case = Case(
        **case_values(
            person_id=person_id,
            kind=kind,
            opened_on=opened_on,
            case_number=CaseNumbers(session).next(opened_on.year),
            municipality_code=person.municipality_code,
            school_id=school_id,
            assigned_user_id=assigned_user_id,
            needs_investigation=needs_investigation,
            summary=summary,
        )
    )
    session.add(case)
    session.flush()
    add_journal_entry(session, case.id, person_id, JournalKind.STATUS_CHANGE, f"Zaak geopend: {case.kind.label}.")
    return case


def register_absence_report(
    session: Session,
    person_id: str,
    kind: AbsenceKind | str,
    received_on: dt.date,
    *,
    school_id: str | None = None,
    absence_start: dt.date | None = None,
    absence_end: dt.date | None = None,
    hours_absent: float | None = None,
    suspected_reason: str = "",
    reporter_name: str = "",
    source: ReportSource = ReportSource.MANUAL,
) -> AbsenceReport:
    person = _person(session, person_id)
    school = session.get(School, school_id) if school_id else None
    report = AbsenceReport(
        **absence_report_values(
            person_id=person_id,
            kind=kind,
            received_on=received_on,
            source=source,
            school_id=school_id,
            school_brin=school.brin if school else None,
            school_location=school.location if school else None,
            absence_start=absence_start,
            absence_end=absence_end,
            hours_absent=hours_absent,
            suspected_reason=suspected_reason or None,
            reporter_name=reporter_name or None,
            municipality_code=person.municipality_code,
        )
    )
    session.add(report)
    return report


def register_home_sitter(session: Session, person_id: str, start_date: dt.date, reason: str = "") -> HomeSitterEpisode:
    person = _person(session, person_id)
    episode = HomeSitterEpisode(
        person_id=person_id, start_date=start_date, reason=reason or None, municipality_code=person.municipality_code
    )
    session.add(episode)
    return episode


def register_dropout_trajectory(
    session: Session, person_id: str, vsv_kind: VsvKind | str, start_date: dt.date, coach_user_id: str | None = None
) -> DropoutTrajectory:
    person = _person(session, person_id, "Kies eerst een jongere.")
    trajectory = DropoutTrajectory(
        person_id=person_id,
        vsv_kind=VsvKind(vsv_kind),
        start_date=start_date,
        coach_user_id=coach_user_id,
        municipality_code=person.municipality_code,
    )
    session.add(trajectory)
    return trajectory

"""Assessing a new verzuimmelding (MAS 'waarnemen'): open a case, add it to the running case, no action
with a motivation, or forward it to zorg or to another gemeente.

A melding waits for assessment while it has no case and no status back to DUO. Every assessment sets
one of the two, so the melding leaves the werkvoorraad, and writes a journal line with the choice and
its motivation (the journal keeps who and when). Plain Python: no Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.case_commands import add_journal_entry, open_case
from desktop.models.cases import AbsenceReport, Case, case_kind_for_report
from desktop.models.enums import (
    AbsenceKind,
    CaseKind,
    CaseStatus,
    DuoCloseReason,
    DuoExplanation,
    DuoStatus,
    JournalKind,
    LabeledEnum,
)
from desktop.models.errors import DomainError
from desktop.models.law import school_year
from desktop.models.registry import Municipality, Person, School


class AssessmentChoice(LabeledEnum):
    OPEN_CASE = ("open_case", "Nieuwe zaak openen")
    ADD_TO_CASE = ("add_to_case", "Toevoegen aan de lopende zaak")
    NO_ACTION = ("no_action", "Geen actie nodig")
    FORWARD_CARE = ("forward_care", "Doorsturen naar zorg")
    FORWARD_MUNICIPALITY = ("forward_municipality", "Doorsturen naar een andere gemeente")


@dataclass(frozen=True)
class EarlierReport:
    """Another melding of the same pupil in the same schooljaar."""

    received_on: dt.date
    kind: AbsenceKind
    school: str
    hours_absent: float | None
    case_number: str | None
    status: str  # Dutch: 'in zaak 2024-000012', 'geen actie', 'wacht op beoordeling'


@dataclass(frozen=True)
class OpenCase:
    id: str
    case_number: str
    kind: CaseKind
    opened_on: dt.date


@dataclass(frozen=True)
class ReportForAssessment:
    """Everything the assessment dialog shows about one melding."""

    report_id: str
    person_id: str
    person_name: str
    birth_date: dt.date
    municipality_code: str | None
    municipality_name: str | None
    kind: AbsenceKind
    received_on: dt.date
    school: str
    school_id: str | None
    absence_start: dt.date | None
    absence_end: dt.date | None
    hours_absent: float | None
    days_absent: int | None
    times_late: int | None
    suspected_reason: str | None
    school_actions: str | None
    municipality_action_wanted: bool | None
    reporter: str | None
    school_year: str
    earlier: tuple[EarlierReport, ...]
    open_cases: tuple[OpenCase, ...]
    other_municipalities: tuple[tuple[str, str], ...]  # (CBS code, name) for forwarding
    assessed: bool

    @property
    def suggested_case_kind(self) -> CaseKind:
        return case_kind_for_report(self.kind)


def is_awaiting_assessment(report: AbsenceReport) -> bool:
    return report.case_id is None and report.duo_status is None and not report.deleted


def _school_text(session: Session, school_id: str | None, brin: str | None, location: str | None) -> str:
    if school_id:
        school = session.get(School, school_id)
        if school is not None:
            return school.name
    if brin:
        return f"BRIN {brin}{location or ''}"
    return "onbekend"


def _status_text(report: AbsenceReport, case_numbers: dict[str, str]) -> str:
    if report.case_id:
        return f"in zaak {case_numbers.get(report.case_id, '')}".strip()
    if report.duo_status is None:
        return "wacht op beoordeling"
    if report.duo_status == DuoStatus.NOTED:
        return "beoordeeld, geen zaak"
    return report.duo_status.label.lower()


def load_report_for_assessment(session: Session, report_id: str) -> ReportForAssessment:
    report = session.get(AbsenceReport, report_id)
    if report is None or report.deleted:
        raise DomainError("Deze melding bestaat niet (meer).")
    person = session.get(Person, report.person_id)
    if person is None:
        raise DomainError("De leerling van deze melding bestaat niet (meer).")
    year = school_year(report.received_on)
    others = session.scalars(
        select(AbsenceReport)
        .where(
            AbsenceReport.person_id == report.person_id,
            AbsenceReport.id != report.id,
            AbsenceReport.deleted.is_(False),
            AbsenceReport.received_on.between(year.start, year.end),
        )
        .order_by(AbsenceReport.received_on.desc())
    ).all()
    case_ids = {r.case_id for r in others if r.case_id}
    case_numbers = dict(
        session.execute(select(Case.id, Case.case_number).where(Case.id.in_(case_ids))).tuples().all()
    ) if case_ids else {}
    earlier = tuple(
        EarlierReport(
            received_on=r.received_on,
            kind=AbsenceKind(r.kind),
            school=_school_text(session, r.school_id, r.school_brin, r.school_location),
            hours_absent=r.hours_absent,
            case_number=case_numbers.get(r.case_id) if r.case_id else None,
            status=_status_text(r, case_numbers),
        )
        for r in others
    )
    open_cases = tuple(
        OpenCase(c.id, c.case_number, CaseKind(c.kind), c.opened_on)
        for c in session.scalars(
            select(Case)
            .where(Case.person_id == report.person_id, Case.status == CaseStatus.OPEN, Case.deleted.is_(False))
            .order_by(Case.opened_on.desc())
        )
    )
    municipalities = session.execute(
        select(Municipality.cbs_code, Municipality.name)
        .where(Municipality.deleted.is_(False))
        .order_by(Municipality.in_region.desc(), Municipality.name)
    ).tuples().all()
    own = report.municipality_code or person.municipality_code
    names = dict(municipalities)
    reporter = ", ".join(part for part in (report.reporter_name, report.reporter_function) if part) or None
    return ReportForAssessment(
        report_id=report.id,
        person_id=person.id,
        person_name=person.full_name,
        birth_date=person.birth_date,
        municipality_code=own,
        municipality_name=names.get(own) if own else None,
        kind=AbsenceKind(report.kind),
        received_on=report.received_on,
        school=_school_text(session, report.school_id, report.school_brin, report.school_location),
        school_id=report.school_id,
        absence_start=report.absence_start,
        absence_end=report.absence_end,
        hours_absent=report.hours_absent,
        days_absent=report.days_absent,
        times_late=report.times_late,
        suspected_reason=report.suspected_reason,
        school_actions=report.school_actions,
        municipality_action_wanted=report.municipality_action_wanted,
        reporter=reporter,
        school_year=str(year),
        earlier=earlier,
        open_cases=open_cases,
        other_municipalities=tuple((code, name) for code, name in municipalities if code != own),
        assessed=not is_awaiting_assessment(report),
    )


def assess_report(
    session: Session,
    report_id: str,
    choice: AssessmentChoice | str,
    on: dt.date,
    *,
    motivation: str = "",
    case_kind: CaseKind | str | None = None,
    case_id: str | None = None,
    forward_to: str = "",
    municipality_code: str | None = None,
    user_id: str | None = None,
) -> AbsenceReport:
    """Record the assessment of a new melding; raises DomainError (Dutch) and changes nothing when the
    choice is incomplete or the melding was assessed already."""
    choice = AssessmentChoice(choice)
    motivation = motivation.strip()
    forward_to = forward_to.strip()
    report = session.get(AbsenceReport, report_id)
    if report is None or report.deleted:
        raise DomainError("Deze melding bestaat niet (meer).")
    if not is_awaiting_assessment(report):
        raise DomainError("Deze melding is al beoordeeld.")
    if on < report.received_on:
        raise DomainError("De beoordeling kan niet vóór de ontvangst van de melding liggen.")
    subject = f"Melding {AbsenceKind(report.kind).label.lower()} van {report.received_on:%d-%m-%Y}"

    case: Case | None
    if choice == AssessmentChoice.OPEN_CASE:
        kind = CaseKind(case_kind) if case_kind else case_kind_for_report(report.kind)
        case = open_case(session, report.person_id, kind, on, assigned_user_id=user_id, school_id=report.school_id)
        _link(report, case.id, on)
        add_journal_entry(session, case.id, report.person_id, JournalKind.NOTE,
                          _with_motivation(f"{subject} beoordeeld: zaak geopend.", motivation),
                          author_user_id=user_id)
    elif choice == AssessmentChoice.ADD_TO_CASE:
        case = session.get(Case, case_id) if case_id else None
        if case is None or case.deleted or case.person_id != report.person_id:
            raise DomainError("Kies de lopende zaak van deze leerling waaraan de melding wordt toegevoegd.")
        if case.status != CaseStatus.OPEN:
            raise DomainError(f"Zaak {case.case_number} is gesloten; open een nieuwe zaak.")
        _link(report, case.id, on)
        add_journal_entry(session, case.id, report.person_id, JournalKind.NOTE,
                          _with_motivation(f"{subject} toegevoegd aan deze zaak.", motivation),
                          author_user_id=user_id)
    elif choice == AssessmentChoice.NO_ACTION:
        if not motivation:
            raise DomainError("Geef een motivering: waarom is er geen actie nodig?")
        _feedback(report, on, DuoStatus.NOTED, explanation=DuoExplanation.NO_FURTHER_ACTION)
        add_journal_entry(session, None, report.person_id, JournalKind.NOTE,
                          f"{subject} beoordeeld: geen actie nodig. Motivering: {motivation}",
                          author_user_id=user_id)
    elif choice == AssessmentChoice.FORWARD_CARE:
        if not forward_to:
            raise DomainError("Vul in naar wie de melding gaat (bijvoorbeeld de jeugdarts of het wijkteam).")
        _feedback(report, on, DuoStatus.NOTED, explanation=DuoExplanation.ACTION_ONGOING)
        add_journal_entry(session, None, report.person_id, JournalKind.NOTE,
                          _with_motivation(f"{subject} doorgestuurd naar zorg: {forward_to}.", motivation),
                          contact_with=forward_to, author_user_id=user_id)
    else:
        target = session.scalar(select(Municipality).where(Municipality.cbs_code == (municipality_code or "")))
        if target is None:
            raise DomainError("Kies de gemeente waar de melding naartoe gaat.")
        own = report.municipality_code
        if own and target.cbs_code == own:
            raise DomainError("Dat is de gemeente van de melding zelf; kies een andere gemeente.")
        _feedback(report, on, DuoStatus.CLOSED, close_reason=DuoCloseReason.OTHER)
        add_journal_entry(session, None, report.person_id, JournalKind.NOTE,
                          _with_motivation(f"{subject} doorgestuurd naar de gemeente {target.name}.", motivation),
                          contact_with=f"Gemeente {target.name}", author_user_id=user_id)
    return report


def _with_motivation(text: str, motivation: str) -> str:
    return f"{text} Toelichting: {motivation}" if motivation else text


def _link(report: AbsenceReport, case_id: str, on: dt.date) -> None:
    report.case_id = case_id
    report.duo_status = DuoStatus.IN_PROGRESS
    report.duo_status_on = on


def _feedback(
    report: AbsenceReport,
    on: dt.date,
    status: DuoStatus,
    *,
    explanation: DuoExplanation | None = None,
    close_reason: DuoCloseReason | None = None,
) -> None:
    report.duo_status = status
    report.duo_status_on = on
    report.duo_explanation = explanation
    report.duo_close_reason = close_reason


__all__ = [
    "AssessmentChoice",
    "EarlierReport",
    "OpenCase",
    "ReportForAssessment",
    "assess_report",
    "is_awaiting_assessment",
    "load_report_for_assessment",
]

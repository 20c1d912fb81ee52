"""Need-to-know: what each role may see and change, and which legal regime (AVG or Wpg) a record falls under.

The same rules apply in the app and on the server. Health-related exemption grounds (the statement for
an exemption under art. 5 onder a) are seen only by the consultant handling the case and the team lead;
administrators print letters about such exemptions but do not read the grounds.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.models.enums import ExemptionArticle, InterventionKind, UserRole

HIDDEN = "afgeschermd"


class Regime(StrEnum):
    """The law a record is processed under."""

    AVG = "avg"  # Algemene verordening gegevensbescherming: the ordinary case file
    WPG = "wpg"  # Wet politiegegevens: investigation data and processen-verbaal (boa work)


#: Fields of an exemption under art. 5 onder a that reveal health: the statement and its grounds.
HEALTH_FIELDS: dict[str, frozenset[str]] = {
    "exemptions": frozenset({"statement_date", "statement_by", "doctor_appointed", "never_fit", "motivation"}),
}

#: Which tables each role may change. Reading follows the sync scope; this is about editing.
EDITABLE_TABLES: dict[UserRole, frozenset[str]] = {
    UserRole.CONSULTANT: frozenset({
        "persons", "guardians", "enrollments", "address_history", "absence_reports", "cases", "journal_entries",
        "appointments", "interventions", "exemptions", "leave_requests", "home_sitter_episodes",
        "dropout_trajectories", "transfers", "document_records",
    }),
    UserRole.ADMINISTRATOR: frozenset({
        "persons", "guardians", "enrollments", "address_history", "absence_reports", "cases", "exemptions",
        "leave_requests", "transfers", "document_records", "schools",
    }),
    # The team lead oversees and reassigns; recording case work is the consultant's.
    UserRole.TEAM_LEAD: frozenset({"cases", "journal_entries", "document_records"}),
    UserRole.SYSTEM_ADMINISTRATOR: frozenset({"users", "municipalities", "schools"}),
}


@dataclass(frozen=True)
class Viewer:
    """Who is looking: enough of the signed-in user to decide what may be shown."""

    user_id: str
    role: UserRole
    municipality_codes: tuple[str, ...] = ()


def regime_of(table: str, kind: str | None = None) -> Regime:
    """Processen-verbaal are Wpg data; everything else in a case file is AVG."""
    if table == "interventions" and kind == InterventionKind.OFFICIAL_REPORT:
        return Regime.WPG
    return Regime.AVG


def can_edit(viewer: Viewer, table: str) -> bool:
    return table in EDITABLE_TABLES.get(viewer.role, frozenset())


def can_read_health(viewer: Viewer, handling_consultant_id: str | None) -> bool:
    """Health grounds: the team lead, and the consultant who handles the case the exemption belongs to."""
    if viewer.role == UserRole.TEAM_LEAD:
        return True
    return viewer.role == UserRole.CONSULTANT and handling_consultant_id is not None and (
        handling_consultant_id == viewer.user_id
    )


def is_health_field(table: str, field: str, article: str | None) -> bool:
    return article == ExemptionArticle.ART_5A and field in HEALTH_FIELDS.get(table, frozenset())


def redact_exemption(values: dict, viewer: Viewer, handling_consultant_id: str | None) -> dict:
    """A copy of an exemption's values with the health fields replaced by ``HIDDEN`` where not allowed."""
    article = values.get("article")
    if article != ExemptionArticle.ART_5A or can_read_health(viewer, handling_consultant_id):
        return dict(values)
    return {
        field: (HIDDEN if field in HEALTH_FIELDS["exemptions"] and value is not None else value)
        for field, value in values.items()
    }


def handles_file(session, viewer: Viewer, person_id: str, case_id: str | None) -> bool:
    """Whether the viewer is the consultant handling the case (or, without a case, a case of the person)."""
    from sqlalchemy import select

    from desktop.models.cases import Case

    if case_id is not None:
        assigned = session.scalar(select(Case.assigned_user_id).where(Case.id == case_id))
        return assigned is not None and assigned == viewer.user_id
    assigned = session.scalars(
        select(Case.assigned_user_id).where(Case.person_id == person_id, Case.deleted.is_(False))
    ).all()
    return viewer.user_id in assigned


def may_read_exemption_health(session, viewer: Viewer | None, exemption) -> bool:
    """The need-to-know check for one exemption's health grounds (no viewer: nobody signed in, hidden)."""
    if viewer is None:
        return False
    if exemption.article != ExemptionArticle.ART_5A:
        return True
    handling = viewer.user_id if handles_file(session, viewer, exemption.person_id, exemption.case_id) else None
    return can_read_health(viewer, handling)

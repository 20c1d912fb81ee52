"""Need-to-know: what each role may see and change, and which legal regime (AVG or Wpg) a record falls under.

The same rules apply in the app and on the server. Health-related exemption grounds (the statement for
an exemption under art. 5 onder a) are seen only by the consultant handling the case and the team lead;
administrators print letters about such exemptions but do not read the grounds.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models import entities
from desktop.models.entities import Regime, regime_of
from desktop.models.enums import ExemptionArticle, UserRole

HIDDEN = "afgeschermd"

__all__ = ["HIDDEN", "Regime", "Viewer", "can_edit", "can_read_health", "regime_of"]


@dataclass(frozen=True)
class Viewer:
    """Who is looking: enough of the signed-in user to decide what may be shown."""

    user_id: str
    role: UserRole
    municipality_codes: tuple[str, ...] = ()


def can_edit(viewer: Viewer, table: str, field: str | None = None) -> bool:
    """Whether the viewer's role may change a table (or one field of it): the server asks the same function."""
    return entities.may_write(viewer.role, table, field)


def can_read_health(viewer: Viewer, handling_consultant_id: str | None) -> bool:
    """Health grounds: the team lead, and the consultant who handles the case the exemption belongs to."""
    if viewer.role == UserRole.TEAM_LEAD:
        return True
    return viewer.role == UserRole.CONSULTANT and handling_consultant_id is not None and (
        handling_consultant_id == viewer.user_id
    )


def redact_exemption(values: dict, viewer: Viewer, handling_consultant_id: str | None) -> dict:
    """A copy of an exemption's values with the health fields replaced by ``HIDDEN`` where not allowed."""
    article = values.get("article")
    if article != ExemptionArticle.ART_5A or can_read_health(viewer, handling_consultant_id):
        return dict(values)
    return {
        field: (HIDDEN if field in entities.health_fields("exemptions") and value is not None else value)
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

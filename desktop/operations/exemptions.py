"""Operations on a vrijstelling: reading it with what the law and the mandate say, and deciding on it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QObject

from desktop.models import exemptions as exemption_commands
from desktop.models.access import may_read_exemption_health
from desktop.models.enums import Decision
from desktop.models.errors import DomainError
from desktop.models.exemptions import Exemption, ExemptionReview, review_exemption
from desktop.models.registry import Person
from desktop.models.session_user import current_user
from desktop.operations.context import AppContext
from desktop.operations.op import CollectionOp, QueryOp


@dataclass(frozen=True)
class ExemptionToDecide:
    exemption: Exemption
    person: Person
    health_visible: bool  # whether the signed-in user may read the health grounds (need-to-know)
    review: ExemptionReview  # the law on the record, and whether the signed-in user may decide


def exemption(ctx: AppContext, exemption_id: str, *, parent: QObject | None = None) -> QueryOp[Exemption | None]:
    """One exemption (to choose between the decision dialog and the person file)."""
    return QueryOp(ctx, lambda session: session.get(Exemption, exemption_id), parent=parent)


def exemption_now(ctx: AppContext, exemption_id: str) -> Exemption | None:
    """:func:`exemption` on the calling thread, for the main window's record router."""
    return ctx.read(lambda session: session.get(Exemption, exemption_id))


def to_decide(ctx: AppContext, exemption_id: str, *, parent: QObject | None = None) -> QueryOp[ExemptionToDecide]:
    """The kennisgeving or request with its person, the law's review and the signed-in user's authority."""

    def read(session) -> ExemptionToDecide:
        found = session.get(Exemption, exemption_id)
        if found is None or found.deleted:
            raise DomainError("Deze vrijstelling bestaat niet (meer).")
        user = current_user(session)
        health = may_read_exemption_health(session, user.viewer if user else None, found)
        review = review_exemption(session, found, user.user_id if user else None)
        return ExemptionToDecide(found, session.get_one(Person, found.person_id), health, review)

    return QueryOp(ctx, read, parent=parent)


def decide(
    ctx: AppContext,
    exemption_id: str,
    decision: Decision | str,
    decided_on: dt.date,
    motivation: str,
    *,
    parent: QObject | None = None,
) -> CollectionOp[None]:
    """Record the outcome, decided by the signed-in user on behalf of the college (refused without mandate)."""

    def write(session) -> None:
        user = current_user(session)
        exemption_commands.decide_exemption(
            session, exemption_id, decision, decided_on, motivation, user_id=user.user_id if user else None
        )

    return CollectionOp(ctx, write, parent=parent)

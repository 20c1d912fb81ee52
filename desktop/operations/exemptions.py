"""Operations on a vrijstelling: reading one, and deciding on a request."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QObject

from desktop.models import case_commands
from desktop.models.access import may_read_exemption_health
from desktop.models.enums import Decision
from desktop.models.exemptions import Exemption
from desktop.models.registry import Person
from desktop.models.session_user import current_user
from desktop.operations.context import AppContext
from desktop.operations.op import CollectionOp


@dataclass(frozen=True)
class ExemptionToDecide:
    exemption: Exemption
    person: Person
    health_visible: bool  # whether the signed-in user may read the health grounds (need-to-know)


def exemption_now(ctx: AppContext, exemption_id: str) -> Exemption | None:
    """One exemption (to choose between the decision dialog and the person file). Synchronous."""
    return ctx.read(lambda session: session.get(Exemption, exemption_id))


def to_decide_now(ctx: AppContext, exemption_id: str) -> ExemptionToDecide:
    """The request with its person, for the decision dialog. Synchronous: the dialog is built with it."""

    def read(session) -> ExemptionToDecide:
        found = session.get(Exemption, exemption_id)
        user = current_user(session)
        health = may_read_exemption_health(session, user.viewer if user else None, found)
        return ExemptionToDecide(found, session.get(Person, found.person_id), health)

    return ctx.read(read)


def decide(
    ctx: AppContext,
    exemption_id: str,
    decision: Decision | str,
    decided_on: dt.date,
    motivation: str,
    *,
    parent: QObject | None = None,
) -> CollectionOp[None]:
    """Grant or refuse, with the motivation the beschikking needs; a granted one gets its validity."""

    def write(session) -> None:
        case_commands.decide_exemption(session, exemption_id, decision, decided_on, motivation)

    return CollectionOp(ctx, write, parent=parent)

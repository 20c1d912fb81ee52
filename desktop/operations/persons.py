"""Operations on a leerling's file: reading it, recording that it was opened, showing the BSN, finding a person."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject

from desktop.models.access import may_read_exemption_health
from desktop.models.person_file import PersonFile, load_person_file, record_person_view, reveal_bsn
from desktop.models.registry import Person
from desktop.models.search import person_choices
from desktop.models.session_user import current_user
from desktop.operations.context import AppContext
from desktop.operations.op import CollectionOp, QueryOp


def file(
    ctx: AppContext, person_id: str, today: dt.date, *, parent: QObject | None = None
) -> QueryOp[tuple[PersonFile, set[str]]]:
    """Everything the person file shows, and the ids of the exemptions whose health grounds (art. 5 onder a)
    the signed-in user may read (need-to-know)."""

    def read(session) -> tuple[PersonFile, set[str]]:
        found = load_person_file(session, person_id, today)
        user = current_user(session)
        viewer = user.viewer if user is not None else None
        readable = {e.id for e in found.exemptions if may_read_exemption_health(session, viewer, e)}
        return found, readable

    return QueryOp(ctx, read, parent=parent)


def person(ctx: AppContext, person_id: str, *, parent: QObject | None = None) -> QueryOp[Person | None]:
    """One person (None when not there), for a form that checks the birth date as the user types."""
    return QueryOp(ctx, lambda session: session.get(Person, person_id), parent=parent)


def find_persons(ctx: AppContext, text: str, limit: int = 15, *, parent: QObject | None = None) -> QueryOp:
    """Persons by name, BSN or onderwijsnummer, for a 'kies leerling' field."""
    return QueryOp(ctx, lambda session: person_choices(session, text, limit), parent=parent)


def record_opened(ctx: AppContext, person_id: str, *, parent: QObject | None = None) -> CollectionOp[None]:
    """One access-log entry for opening the file (NEN 7513); announces nothing a window shows."""
    return CollectionOp(ctx, lambda session: record_person_view(session, person_id), parent=parent)


def show_bsn(ctx: AppContext, person_id: str, *, parent: QObject | None = None) -> CollectionOp[str | None]:
    """The BSN for the one moment the user asked to see it; the showing is logged in the same transaction."""
    return CollectionOp(ctx, lambda session: reveal_bsn(session, person_id), parent=parent)

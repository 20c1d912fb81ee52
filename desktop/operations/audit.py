"""The access log for the team lead: who is in it, searching it (the search is logged too) and logging an export."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject

from desktop.models import audit
from desktop.models.audit import AuditAction, AuditEntry
from desktop.operations.context import AppContext
from desktop.operations.op import CollectionOp, QueryOp


def actors(ctx: AppContext, *, parent: QObject | None = None) -> QueryOp[list[str]]:
    """Everyone who appears in the log."""
    return QueryOp(ctx, audit.actors, parent=parent)


def search(
    ctx: AppContext,
    since: dt.datetime,
    until: dt.datetime,
    limit: int,
    *,
    person_id: str | None = None,
    actor: str | None = None,
    parent: QObject | None = None,
) -> CollectionOp[list[AuditEntry]]:
    """The entries about a person's whole file (``person_id``) or of one user (``actor``) in the period, newest
    first; the search itself is logged in the same transaction."""

    def write(session) -> list[AuditEntry]:
        if person_id is not None:
            ids = audit.person_object_ids(session, person_id)
            found = audit.search(session, object_ids=ids, since=since, until=until, limit=limit)
        else:
            found = audit.search(session, actor=actor, since=since, until=until, limit=limit)
        audit.record(session, AuditAction.SEARCH, "audit_log", person_id)
        session.flush()
        session.expunge_all()
        return found

    return CollectionOp(ctx, write, parent=parent)


def record_export(ctx: AppContext, subject: str | None, *, parent: QObject | None = None) -> CollectionOp[None]:
    """Log that the shown entries were exported (by the person's id when they were about one person)."""

    def write(session) -> None:
        audit.record(session, AuditAction.EXPORT, "audit_log", subject)

    return CollectionOp(ctx, write, parent=parent)

"""Sends the local access log and the retention deletion markers to the server.

Entries go oldest first, in batches; an entry counts as delivered (``synced_at`` filled in, the only
column the append-only log lets change) once the server acknowledged it, as stored or as already
known. Deletion markers work the same way: the server removes the marked records and answers removed
or absent. Both are safe to repeat after an interruption: the server recognises what it already has.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.models.audit import AuditEntry
from desktop.models.retention import DeletionMarker

AUDIT_BATCH = 200
MARKER_BATCH = 200
AUDIT_PATH = "/api/v1/audit/push"
RETENTION_PATH = "/api/v1/retention/markers"


class AuditRefused(Exception):
    """The server refused an entry (not this user's or device's, or its hash does not match)."""

    def __init__(self, acknowledged: int, entry_seq: int, reason: str) -> None:
        super().__init__(f"regel {entry_seq} van het toegangslogboek is door de server geweigerd ({reason})")
        self.acknowledged = acknowledged
        self.entry_seq = entry_seq
        self.reason = reason


def _sessions(store: Any) -> Callable[[], contextlib.AbstractContextManager[Session]]:
    """A factory of committing sessions from a Store (``store.session()``) or a sessionmaker."""
    if hasattr(store, "session") and callable(store.session):
        return store.session

    @contextlib.contextmanager
    def session() -> Iterator[Session]:
        with store() as s, s.begin():
            yield s

    return session


def pending_audit(store: Any) -> int:
    """How many local entries the server has not acknowledged yet."""
    with _sessions(store)() as s:
        return len(s.execute(select(AuditEntry.seq).where(AuditEntry.synced_at.is_(None))).all())


def push_audit(store: Any, client: Any, batch_size: int = AUDIT_BATCH) -> int:
    """Send unacknowledged log entries, oldest first; returns how many the server acknowledged.

    Stops at the first refused entry (raising :class:`AuditRefused` after saving what was acknowledged),
    since the server checks each entry against the one before it in the device's chain.
    """
    session = _sessions(store)
    acknowledged = 0
    after = 0
    while True:
        with session() as s:
            batch = list(
                s.execute(
                    select(AuditEntry)
                    .where(AuditEntry.synced_at.is_(None), AuditEntry.seq > after)
                    .order_by(AuditEntry.seq)
                    .limit(batch_size)
                ).scalars()
            )
            wires = [entry.wire() for entry in batch]
        if not wires:
            return acknowledged
        answer = client._request("POST", AUDIT_PATH, body={"entries": wires})
        status = {r["entry_id"]: r for r in answer.get("results", [])}
        done: list[int] = []
        refused: tuple[int, str] | None = None
        for wire in wires:
            result = status.get(wire["entry_id"])
            if result is None:
                break
            if result["status"] in ("stored", "duplicate"):
                done.append(wire["seq"])
            else:
                refused = (wire["seq"], result.get("reason") or "geweigerd")
                break
        if done:
            with session() as s:
                s.execute(
                    update(AuditEntry).where(AuditEntry.seq.in_(done)).values(synced_at=datetime.now(UTC))
                )
            acknowledged += len(done)
        if refused is not None:
            raise AuditRefused(acknowledged, *refused)
        if len(done) < len(wires):
            return acknowledged
        after = wires[-1]["seq"]


def push_deletion_markers(store: Any, client: Any, batch_size: int = MARKER_BATCH) -> int:
    """Send unacknowledged retention deletion markers; returns how many the server acknowledged.

    A refused marker (not in this user's scope, or the server sees the term has not passed) stays
    pending and is counted out; the server has logged the refusal.
    """
    session = _sessions(store)
    acknowledged = 0
    skipped: set[str] = set()
    while True:
        with session() as s:
            query = select(DeletionMarker).where(DeletionMarker.synced_at.is_(None)).order_by(DeletionMarker.id)
            if skipped:
                query = query.where(DeletionMarker.id.notin_(sorted(skipped)))
            markers = list(s.execute(query.limit(batch_size)).scalars())
            wires = [
                {"id": m.id, "table": m.table_name, "record_id": m.record_id, "reason": m.reason} for m in markers
            ]
        if not wires:
            return acknowledged
        answer = client._request("POST", RETENTION_PATH, body={"markers": wires})
        done = [r["id"] for r in answer.get("results", []) if r.get("status") in ("removed", "absent")]
        skipped |= {w["id"] for w in wires} - set(done)
        if done:
            with session() as s:
                s.execute(
                    update(DeletionMarker).where(DeletionMarker.id.in_(done)).values(synced_at=datetime.now(UTC))
                )
            acknowledged += len(done)

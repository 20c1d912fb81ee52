"""Retention on the server: the deletion markers a device's retention job made remove the records here too.

A device removes a file whose keeping period passed and keeps a deletion marker per removed record
(desktop.models.retention.DeletionMarker). It pushes the markers; the server removes the records
(the document itself, not a tombstone: the data must be gone), writes a purge for everyone who could
see them, so their devices remove them as well, and logs each removal in the access log. A marker
for a person removes the person's whole file on the server, including records outside the pushing
device's scope. Markers are idempotent: a record that is already gone is acknowledged as absent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection, Engine, Row, and_, delete, insert, or_, select, update

from desktop.models.entities import OFFICIAL_REPORT
from desktop.models.enums import CaseKind
from desktop.models.law import add_months
from desktop.models.retention import RetentionSettings, file_expires_on
from sync.protocol import UUID_PATTERN
from sync.server import scope, store
from sync.server.db import counters, purges, record_access, record_keys, records, retention_history
from sync.server.scope import Principal

MAX_MARKERS = 500
MAX_MARKER_BYTES = 256_000
REASONS = ("bewaartermijn", "wpg-termijn")
#: An earlier value of a field a term is computed from keeps counting this long after it was changed, so
#: an edit (a birth date moved back, a warning made a proces-verbaal) never shortens a term at once.
SETTLE_DAYS = 30
QUALIFICATION_KINDS = frozenset({CaseKind.OVER_18.value, CaseKind.DROPOUT.value})
FAR_FUTURE = date(9000, 1, 1)


class Marker(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    id: str = Field(pattern=UUID_PATTERN)
    table: str = Field(min_length=1, max_length=64)
    record_id: str = Field(pattern=UUID_PATTERN)
    reason: Literal["bewaartermijn", "wpg-termijn"]


class RetentionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    markers: list[Marker] = Field(max_length=MAX_MARKERS)


class MarkerResult(BaseModel):
    id: str
    status: Literal["removed", "absent", "refused"]
    removed: int = 0
    reason: str | None = None


class RetentionResponse(BaseModel):
    results: list[MarkerResult]


def apply_markers(
    engine: Engine, principal: Principal, markers: list[Marker], today: date | None = None
) -> list[MarkerResult]:
    """Remove the marked records (one transaction, writers serialised like a push)."""
    if engine.dialect.name == "sqlite":
        with store._sqlite_write_lock:
            return _apply(engine, principal, markers, today or date.today())
    return _apply(engine, principal, markers, today or date.today())


def _apply(engine: Engine, principal: Principal, markers: list[Marker], today: date) -> list[MarkerResult]:
    results: list[MarkerResult] = []
    with engine.begin() as conn:
        store._lock_counter(conn)
        # Earlier values older than the settling time no longer count: they go.
        settled = (datetime.combine(today, datetime.min.time()) - timedelta(days=SETTLE_DAYS)).isoformat()
        conn.execute(delete(retention_history).where(retention_history.c.changed_at < settled))
        seq = conn.execute(select(counters.c.value).where(counters.c.name == "server_seq")).scalar_one()
        # Children before parents, like the device removed them.
        for marker in sorted(markers, key=lambda m: -scope.table_order(m.table)):
            result, seq = _apply_one(conn, principal, marker, seq, today)
            results.append(result)
        conn.execute(update(counters).where(counters.c.name == "server_seq").values(value=seq))
    order = {m.id: i for i, m in enumerate(markers)}
    return sorted(results, key=lambda r: order[r.id])


def _apply_one(
    conn: Connection, principal: Principal, marker: Marker, seq: int, today: date
) -> tuple[MarkerResult, int]:
    obj = f"{marker.table}:{marker.record_id}"
    if marker.table not in scope.CASE_FILE_TABLES:
        store.audit(conn, "retention_delete", "denied", principal, obj=obj)
        return MarkerResult(id=marker.id, status="refused", reason="unknown_table"), seq
    row = conn.execute(
        select(records).where(records.c.table_name == marker.table, records.c.record_id == marker.record_id)
    ).first()
    if row is None:
        return MarkerResult(id=marker.id, status="absent"), seq
    if not scope.can_read(principal, marker.table, _access(conn, [(marker.table, marker.record_id)])) or not (
        scope.can_write_table(principal, marker.table)
    ):
        store.audit(conn, "retention_delete", "denied", principal, obj=obj)
        # Outside the scope looks exactly like absent, but nothing is removed.
        return MarkerResult(id=marker.id, status="refused", reason="not_found"), seq
    problem = _not_expired(conn, marker, row, today)
    if problem:
        store.audit(conn, "retention_delete", "denied", principal, obj=obj)
        return MarkerResult(id=marker.id, status="refused", reason=problem), seq
    keys = _file_keys(conn, marker.record_id) if marker.table == scope.PERSONS else [(marker.table, marker.record_id)]
    seq = _remove(conn, keys, seq)
    store.audit(conn, "retention_delete", "ok", principal, obj=obj)
    return MarkerResult(id=marker.id, status="removed", removed=len(keys)), seq


def _not_expired(conn: Connection, marker: Marker, row: Any, today: date) -> str | None:
    """Whether the server's own values (as they are, and as they were before a recent change) allow removal.

    The device's word is not taken: the term is computed here from the stored file, with every value a
    term-deciding field held in the last SETTLE_DAYS days, and the longest term wins.
    """
    settings = RetentionSettings()
    since = (datetime.combine(today, datetime.min.time()) - timedelta(days=SETTLE_DAYS)).isoformat()
    history = _History(conn, since)
    if marker.reason == "wpg-termijn":
        if marker.table != "interventions":
            return "not_police_data"
        data = json.loads(row.data)
        history.load([row.record_id])
        kinds = history.values(row.record_id, "kind", data.get("kind"))
        if any(kind != OFFICIAL_REPORT for kind in kinds):
            return "not_police_data"
        dates = _days(history.values(row.record_id, "date", data.get("date")))
        if dates is None:
            return "not_expired"
        if add_months(max(dates), 12 * settings.police_data_years) > today:
            return "not_expired"
        return None
    person_id = row.record_id if marker.table == scope.PERSONS else row.person_id
    person = row if marker.table == scope.PERSONS else None
    if person is None and person_id:
        person = conn.execute(
            select(records).where(records.c.table_name == scope.PERSONS, records.c.record_id == person_id)
        ).first()
    if person is None:
        return None  # the person is already gone: the rest of the file follows it
    expires = _file_expiry(conn, history, person, settings)
    if expires is None:
        return "no_birth_date"
    return "not_expired" if expires > today else None


class _History:
    """Earlier values of term-deciding fields, changed since a moment (see store.remember_retention)."""

    def __init__(self, conn: Connection, since: str) -> None:
        self.conn, self.since = conn, since
        self.earlier: dict[tuple[str, str], list[Any]] = {}

    def load(self, record_ids: list[str]) -> None:
        for start in range(0, len(record_ids), 500):
            chunk = record_ids[start : start + 500]
            for record_id, field, value in self.conn.execute(
                select(retention_history.c.record_id, retention_history.c.field, retention_history.c.value).where(
                    retention_history.c.record_id.in_(chunk), retention_history.c.changed_at >= self.since
                )
            ):
                self.earlier.setdefault((record_id, field), []).append(json.loads(value) if value else None)

    def values(self, record_id: str, field: str, current: Any) -> list[Any]:
        return [current, *self.earlier.get((record_id, field), [])]

    def former_children(self, table: str, person_id: str) -> list[str]:
        """Records of a table whose person_id was this person until a recent change."""
        found = self.conn.execute(
            select(retention_history.c.record_id).where(
                retention_history.c.table_name == table,
                retention_history.c.field == "person_id",
                retention_history.c.value == json.dumps(person_id),
                retention_history.c.changed_at >= self.since,
            )
        )
        return [r[0] for r in found]


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _days(values: Iterable[Any]) -> list[date] | None:
    """Every value as a day; None when one of them is not a day."""
    days = [_day(value) for value in values]
    known = [day for day in days if day is not None]
    return known if len(known) == len(days) else None


def _file_expiry(conn: Connection, history: _History, person: Any, settings: RetentionSettings) -> date | None:
    """The day the person's file may go, from the server's rows; None when no birth date is known."""
    person_id = person.record_id
    children: dict[str, Sequence[Row[Any]]] = {}
    for table in (scope.CASES, "dropout_trajectories"):
        ids = history.former_children(table, person_id)
        cond = records.c.person_id == person_id
        if ids:
            cond = or_(cond, records.c.record_id.in_(ids))
        children[table] = conn.execute(
            select(records.c.record_id, records.c.data).where(records.c.table_name == table, cond)
        ).all()
    history.load([person_id] + [r.record_id for rows in children.values() for r in rows])
    data = json.loads(person.data)
    births = _days(history.values(person_id, "birth_date", data.get("birth_date")))
    if births is None:
        return None
    qualified = _days(history.values(person_id, "qualified_on", data.get("qualified_on")))
    qualified_on = None if qualified is None else max(qualified)
    kinds = {
        kind
        for r in children[scope.CASES]
        for kind in history.values(r.record_id, "kind", json.loads(r.data).get("kind"))
    }
    ends = [
        _day(end) or FAR_FUTURE  # an open trajectory keeps the file
        for r in children["dropout_trajectories"]
        for end in history.values(r.record_id, "end_date", json.loads(r.data).get("end_date"))
    ]
    had_qualification = bool(kinds & QUALIFICATION_KINDS) or bool(ends)
    return file_expires_on(
        max(births),
        qualified_on,
        had_qualification,
        max(ends) if ends else None,
        settings,
    )


def _access(conn: Connection, keys: list[tuple[str, str]]) -> set[str]:
    if not keys:
        return set()
    cond = or_(*[and_(record_access.c.table_name == t, record_access.c.record_id == i) for t, i in keys])
    return {r[0] for r in conn.execute(select(record_access.c.user_id).where(cond))}


def _file_keys(conn: Connection, person_id: str) -> list[tuple[str, str]]:
    """Every record of a person's file on the server: the person, its cases and what hangs off either."""
    case_ids = [
        r[0]
        for r in conn.execute(
            select(records.c.record_id).where(records.c.table_name == scope.CASES, records.c.person_id == person_id)
        )
    ]
    cond = or_(records.c.person_id == person_id, records.c.record_id == person_id)
    if case_ids:
        cond = or_(cond, records.c.case_id.in_(case_ids))
    keys = {
        (r[0], r[1])
        for r in conn.execute(select(records.c.table_name, records.c.record_id).where(cond))
        if r[0] in scope.CASE_FILE_TABLES
    }
    return sorted(keys, key=lambda k: (-scope.table_order(k[0]), k[0], k[1]))


def _remove(conn: Connection, keys: list[tuple[str, str]], seq: int) -> int:
    """Delete the records and their access rows; one purge per principal that could see each of them."""
    purge_rows = []
    for table, record_id in keys:
        who = sorted(
            r[0]
            for r in conn.execute(
                select(record_access.c.user_id).where(
                    record_access.c.table_name == table, record_access.c.record_id == record_id
                )
            )
        )
        for user_id in who:
            seq += 1
            purge_rows.append(
                {
                    "server_seq": seq,
                    "table_name": table,
                    "record_id": record_id,
                    "user_id": user_id,
                    "municipality_code": None,
                }
            )
        conn.execute(
            delete(record_access).where(record_access.c.table_name == table, record_access.c.record_id == record_id)
        )
        conn.execute(delete(records).where(records.c.table_name == table, records.c.record_id == record_id))
        conn.execute(delete(record_keys).where(record_keys.c.table_name == table, record_keys.c.record_id == record_id))
    if purge_rows:
        conn.execute(insert(purges), purge_rows)
    return seq

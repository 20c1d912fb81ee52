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
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection, Engine, and_, delete, insert, or_, select, update

from desktop.models.law import date_reaching_age
from desktop.models.retention import RetentionSettings
from sync.server import scope, store
from sync.server.db import counters, purges, record_access, records
from sync.server.scope import Principal

MAX_MARKERS = 500
MAX_MARKER_BYTES = 256_000
REASONS = ("bewaartermijn", "wpg-termijn")
OFFICIAL_REPORT = "official_report"


class Marker(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=36, max_length=36)
    table: str = Field(min_length=1, max_length=64)
    record_id: str = Field(min_length=1, max_length=36)
    reason: Literal["bewaartermijn", "wpg-termijn"]


class RetentionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
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
    """A check the server can make itself: the file is past the shortest term that always applies."""
    data = json.loads(row.data)
    if marker.reason == "wpg-termijn":
        if marker.table != "interventions" or data.get("kind") != OFFICIAL_REPORT:
            return "not_police_data"
        return None
    person = row if marker.table == scope.PERSONS else None
    if person is None and row.person_id:
        person = conn.execute(
            select(records).where(records.c.table_name == scope.PERSONS, records.c.record_id == row.person_id)
        ).first()
    if person is None:
        return None  # the person is already gone: the rest of the file follows it
    birth = json.loads(person.data).get("birth_date")
    if not birth:
        return None
    try:
        born = date.fromisoformat(str(birth)[:10])
    except ValueError:
        return None
    if date_reaching_age(born, RetentionSettings().compulsory_years_after_birth) > today:
        return "not_expired"
    return None


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
                {"server_seq": seq, "table_name": table, "record_id": record_id, "user_id": user_id,
                 "municipality_code": None}
            )
        conn.execute(
            delete(record_access).where(record_access.c.table_name == table, record_access.c.record_id == record_id)
        )
        conn.execute(delete(records).where(records.c.table_name == table, records.c.record_id == record_id))
    if purge_rows:
        conn.execute(insert(purges), purge_rows)
    return seq

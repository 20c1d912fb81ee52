"""The server's access log as a hash chain: entries devices deliver plus the server's own audit rows.

Devices push their local log entries (each carrying its own hash in the device's chain); the server
checks each entry's hash, that it belongs to the pushing user and device, and appends it to its own
chain. The server's own audit rows (logins, denied requests, revocations; written by store.audit) are
sealed into the same chain. :func:`verify` walks the chain and names every edited, removed or
re-ordered entry, every server row changed after sealing, and every gap in a device's own chain.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection, Engine, and_, func, insert, select, update

from desktop.models.audit import ChainProblem, ChainWalker, entry_hash_of
from sync.protocol import MAX_VERSION
from sync.server.db import audit_chain, audit_chain_head, audit_log
from sync.server.scope import Principal

#: Devices push at most this many entries per request, and at most this many bytes.
MAX_AUDIT_BATCH = 500
MAX_AUDIT_BYTES = 512_000
#: Entries written before anyone signed in on the device carry this actor and device.
UNKNOWN = "onbekend"
#: Rows of the server's audit table are sealed from a little before the cursor: on PostgreSQL an id
#: taken earlier may commit later than a higher one.
SEAL_LOOKBACK = 10_000

HEX64 = r"^[0-9a-f]{64}$"


class WireEntry(BaseModel):
    """One device log entry as pushed (see desktop.models.audit.AuditEntry.wire)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    entry_id: str = Field(min_length=36, max_length=36)
    seq: int = Field(ge=1, le=MAX_VERSION)
    occurred_at: str = Field(min_length=20, max_length=40)
    actor: str = Field(min_length=1, max_length=80)
    device: str = Field(min_length=1, max_length=80)
    action: str = Field(min_length=1, max_length=40)
    object_type: str = Field(min_length=1, max_length=40)
    object_id: str | None = Field(default=None, max_length=36)
    result: str = Field(min_length=1, max_length=20)
    prev_hash: str = Field(pattern=HEX64)
    entry_hash: str = Field(pattern=HEX64)


class AuditPushRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    entries: list[WireEntry] = Field(max_length=MAX_AUDIT_BATCH)


EntryStatus = Literal["stored", "duplicate", "refused"]


class EntryResult(BaseModel):
    entry_id: str
    status: EntryStatus
    reason: str | None = None


class AuditPushResponse(BaseModel):
    results: list[EntryResult]
    chain_length: int


REFUSAL_MESSAGES = {
    "not_own": "Deze regel is van een andere gebruiker of een ander apparaat.",
    "hash": "De vingerafdruk van deze regel klopt niet bij de inhoud.",
    "mismatch": "Deze regel is eerder met een andere inhoud ontvangen.",
}


def _canonical(values: dict[str, Any]) -> bytes:
    fields = [
        values["seq"], values["entry_id"], values["source"], values["occurred_at"], values["actor"],
        values["device"], values["action"], values["object_type"], values["object_id"], values["result"],
        values["account_id"], values["via_device"], values["received_at"], values["client_seq"],
        values["client_prev_hash"], values["client_hash"], values["prev_hash"],
    ]
    return json.dumps(fields, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def chain_hash(values: dict[str, Any]) -> str:
    return hashlib.sha256(_canonical(values)).hexdigest()


@dataclass
class _Head:
    seq: int
    entry_hash: str
    sealed_log_id: int


def _lock_head(conn: Connection) -> _Head:
    """Take the chain's write lock (a no-op update of the head row) and read the head."""
    conn.execute(update(audit_chain_head).where(audit_chain_head.c.id == 1).values(seq=audit_chain_head.c.seq))
    row = conn.execute(select(audit_chain_head).where(audit_chain_head.c.id == 1)).one()
    return _Head(row.seq, row.entry_hash, row.sealed_log_id)


def _append(conn: Connection, head: _Head, entries: list[dict[str, Any]]) -> None:
    """Number, link and hash the entries after the head, insert them, and move the head."""
    if not entries:
        return
    for values in entries:
        head.seq += 1
        values["seq"] = head.seq
        values["prev_hash"] = head.entry_hash
        values["entry_hash"] = chain_hash(values)
        head.entry_hash = values["entry_hash"]
    conn.execute(insert(audit_chain), entries)


def _save_head(conn: Connection, head: _Head) -> None:
    conn.execute(
        update(audit_chain_head)
        .where(audit_chain_head.c.id == 1)
        .values(seq=head.seq, entry_hash=head.entry_hash, sealed_log_id=head.sealed_log_id)
    )


def _server_values(row: Any) -> dict[str, Any]:
    """A chain entry for one row of the server's audit table ('table:id' objects split in two)."""
    obj = row.object or ""
    object_type, _sep, object_id = obj.partition(":")
    return {
        "entry_id": f"server:{row.id}",
        "source": "server",
        "occurred_at": row.at,
        "actor": row.account_id or "server",
        "device": row.device_id or "-",
        "action": row.action,
        "object_type": object_type or "-",
        "object_id": object_id or None,
        "result": row.result,
        "account_id": row.account_id,
        "via_device": row.device_id,
        "received_at": row.at,
        "client_seq": None,
        "client_prev_hash": None,
        "client_hash": None,
    }


def _seal_in(conn: Connection, head: _Head) -> int:
    low = max(0, head.sealed_log_id - SEAL_LOOKBACK)
    rows = conn.execute(select(audit_log).where(audit_log.c.id > low).order_by(audit_log.c.id)).all()
    if not rows:
        return 0
    candidates = {f"server:{r.id}" for r in rows if r.id <= head.sealed_log_id}
    already: set[str] = set()
    if candidates:
        already = {
            r[0]
            for r in conn.execute(select(audit_chain.c.entry_id).where(audit_chain.c.entry_id.in_(sorted(candidates))))
        }
    fresh = [_server_values(r) for r in rows if f"server:{r.id}" not in already]
    _append(conn, head, fresh)
    head.sealed_log_id = max(head.sealed_log_id, rows[-1].id)
    return len(fresh)


def seal(engine: Engine) -> int:
    """Append the server audit rows not yet in the chain; returns how many were sealed."""
    with engine.connect() as conn:
        newest = conn.execute(select(func.max(audit_log.c.id))).scalar()
        sealed = conn.execute(select(audit_chain_head.c.sealed_log_id).where(audit_chain_head.c.id == 1)).scalar()
    if newest is None or (sealed is not None and newest <= sealed):
        return 0
    with engine.begin() as conn:
        head = _lock_head(conn)
        count = _seal_in(conn, head)
        _save_head(conn, head)
    return count


def receive(
    engine: Engine, principal: Principal, username: str, entries: list[WireEntry], received_at: str
) -> list[EntryResult]:
    """Store pushed device entries in the chain (idempotent by entry id); refusals are logged too."""
    results: list[EntryResult] = []
    with engine.begin() as conn:
        head = _lock_head(conn)
        # The server's own rows first, so the chain follows the order in which things happened.
        _seal_in(conn, head)
        ids = [e.entry_id for e in entries]
        known = {
            r.entry_id: r.client_hash
            for r in conn.execute(
                select(audit_chain.c.entry_id, audit_chain.c.client_hash).where(audit_chain.c.entry_id.in_(ids))
            )
        }
        own_actors = {principal.user_id, username, UNKNOWN}
        own_devices = {principal.device_id, UNKNOWN}
        new: list[dict[str, Any]] = []
        for entry in entries:
            content_ok = entry_hash_of(entry.model_dump()) == entry.entry_hash
            if entry.entry_id in known:
                if known[entry.entry_id] == entry.entry_hash and content_ok:
                    results.append(EntryResult(entry_id=entry.entry_id, status="duplicate"))
                    continue
                reason = "mismatch"
            elif entry.actor not in own_actors or entry.device not in own_devices:
                reason = "not_own"
            elif not content_ok:
                reason = "hash"
            else:
                known[entry.entry_id] = entry.entry_hash
                results.append(EntryResult(entry_id=entry.entry_id, status="stored"))
                new.append(_device_values(principal, entry, received_at))
                continue
            results.append(EntryResult(entry_id=entry.entry_id, status="refused", reason=reason))
            # A refused entry is itself a denied request: it goes into the chain without its content.
            new.append(_denied(principal, entry.entry_id, received_at))
        _append(conn, head, new)
        _save_head(conn, head)
    return results


def _device_values(principal: Principal, entry: WireEntry, received_at: str) -> dict[str, Any]:
    return {
        "entry_id": entry.entry_id,
        "source": "device",
        "occurred_at": entry.occurred_at,
        "actor": entry.actor,
        "device": entry.device,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "result": entry.result,
        "account_id": principal.user_id,
        "via_device": principal.device_id,
        "received_at": received_at,
        "client_seq": entry.seq,
        "client_prev_hash": entry.prev_hash,
        "client_hash": entry.entry_hash,
    }


def _denied(principal: Principal, entry_id: str, at: str) -> dict[str, Any]:
    return {
        "entry_id": f"denied:{uuid.uuid4()}",
        "source": "server",
        "occurred_at": at,
        "actor": principal.user_id,
        "device": principal.device_id or "-",
        "action": "audit_push",
        "object_type": "audit",
        "object_id": entry_id,
        "result": "denied",
        "account_id": principal.user_id,
        "via_device": principal.device_id,
        "received_at": at,
        "client_seq": None,
        "client_prev_hash": None,
        "client_hash": None,
    }


_COLUMNS = (
    "seq", "entry_id", "source", "occurred_at", "actor", "device", "action", "object_type", "object_id",
    "result", "account_id", "via_device", "received_at", "client_seq", "client_prev_hash", "client_hash",
    "prev_hash", "entry_hash",
)


def verify(conn: Connection) -> list[ChainProblem]:
    """Walk the whole chain and return every problem found (an empty list: the chain is intact)."""
    walker = ChainWalker()
    # Per delivering device: the last (client_seq, client_hash) seen, to find entries removed on a device.
    device_heads: dict[str, tuple[int, str]] = {}
    server_rows: dict[int, int] = {}
    result = conn.execution_options(yield_per=2000).execute(select(audit_chain).order_by(audit_chain.c.seq))
    for row in result:
        values = {name: getattr(row, name) for name in _COLUMNS}
        walker.step(row.seq, row.prev_hash, row.entry_hash, chain_hash(values))
        if row.source == "device":
            walker.problems += _check_device_entry(row, device_heads)
        elif row.entry_id.startswith("server:"):
            server_rows[int(row.entry_id.split(":", 1)[1])] = row.seq
    head = conn.execute(select(audit_chain_head).where(audit_chain_head.c.id == 1)).one()
    walker.check_head(head.seq, head.entry_hash)
    return walker.problems + _check_server_rows(conn, server_rows)


def _check_device_entry(row: Any, device_heads: dict[str, tuple[int, str]]) -> list[ChainProblem]:
    problems = []
    wire = {
        "seq": row.client_seq, "entry_id": row.entry_id, "occurred_at": row.occurred_at, "actor": row.actor,
        "device": row.device, "action": row.action, "object_type": row.object_type, "object_id": row.object_id,
        "result": row.result, "prev_hash": row.client_prev_hash,
    }
    if entry_hash_of(wire) != row.client_hash:
        problems.append(ChainProblem(row.seq, "de regel klopt niet meer met de vingerafdruk van het apparaat"))
    key = row.via_device or "-"
    last = device_heads.get(key)
    if last is None:
        if row.client_seq != 1:
            # The first entry the server got from this device: earlier ones were never delivered.
            problems.append(ChainProblem(
                row.seq, f"de eerste {row.client_seq - 1} regel(s) van apparaat {key} zijn nooit ontvangen"
            ))
    elif row.client_seq != last[0] + 1 or row.client_prev_hash != last[1]:
        problems.append(ChainProblem(
            row.seq,
            f"regel {row.client_seq} van apparaat {key} sluit niet aan op regel {last[0]}"
            " (regels ontbreken of zijn op het apparaat gewijzigd)",
        ))
    device_heads[key] = (row.client_seq, row.client_hash)
    return problems


def _check_server_rows(conn: Connection, sealed: dict[int, int]) -> list[ChainProblem]:
    """Sealed rows of the server's audit table must still exist and still say what was sealed."""
    problems = []
    ids = sorted(sealed)
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        found = {r.id: r for r in conn.execute(select(audit_log).where(audit_log.c.id.in_(chunk)))}
        chained = {
            r.entry_id: r
            for r in conn.execute(
                select(audit_chain).where(audit_chain.c.entry_id.in_([f"server:{i}" for i in chunk]))
            )
        }
        for log_id in chunk:
            seq = sealed[log_id]
            row = found.get(log_id)
            if row is None:
                problems.append(ChainProblem(seq, f"serverregel {log_id} is verwijderd"))
                continue
            mine = _server_values(row)
            stored = chained[f"server:{log_id}"]
            if any(getattr(stored, name) != value for name, value in mine.items()):
                problems.append(ChainProblem(seq, f"serverregel {log_id} is gewijzigd na het verzegelen"))
    return problems


def search(
    conn: Connection,
    *,
    object_id: str | None = None,
    actor: str | None = None,
    limit: int = 500,
) -> list[Any]:
    """Chain entries for one record or one user (account id or name as logged), newest first."""
    query = select(audit_chain).order_by(audit_chain.c.seq.desc()).limit(limit)
    conditions = []
    if object_id is not None:
        conditions.append(audit_chain.c.object_id == object_id)
    if actor is not None:
        conditions.append((audit_chain.c.actor == actor) | (audit_chain.c.account_id == actor))
    if conditions:
        query = query.where(and_(*conditions))
    return list(conn.execute(query))


def chain_length(conn: Connection) -> int:
    return conn.execute(select(audit_chain_head.c.seq).where(audit_chain_head.c.id == 1)).scalar_one()


def refused(results: Iterable[EntryResult]) -> int:
    return sum(1 for r in results if r.status == "refused")

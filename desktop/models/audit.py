"""The access log (NEN 7513 style): who did what to which record, when, with what result.

Entries are append-only (database triggers refuse changes) and hash-chained: each entry's hash covers
the previous entry's hash, so editing or removing an entry is detected by :func:`verify_chain`, which
names the entry. Objects are named by internal id only, never by BSN or name.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import DateTime, Integer, String, event, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop.models.base import Base, new_id

GENESIS_HASH = "0" * 64


class AuditAction:
    """The actions that are logged. Plain strings so the server and old clients agree."""

    VIEW_PERSON = "view_person"
    REVEAL_BSN = "reveal_bsn"
    CREATE = "create"
    CHANGE = "change"
    DELETE = "delete"
    DOCUMENT = "document"
    EXPORT = "export"
    IMPORT = "import"
    MERGE_PERSON = "merge_person"
    RETENTION = "retention"
    UNLOCK = "unlock"
    SEARCH = "search"


ACTION_LABELS = {
    AuditAction.VIEW_PERSON: "dossier bekeken",
    AuditAction.REVEAL_BSN: "BSN getoond",
    AuditAction.CREATE: "aangemaakt",
    AuditAction.CHANGE: "gewijzigd",
    AuditAction.DELETE: "verwijderd",
    AuditAction.DOCUMENT: "document gemaakt",
    AuditAction.EXPORT: "geëxporteerd",
    AuditAction.IMPORT: "geïmporteerd",
    AuditAction.MERGE_PERSON: "personen samengevoegd",
    AuditAction.RETENTION: "bewaartermijn verstreken",
    AuditAction.UNLOCK: "profiel ontgrendeld",
    AuditAction.SEARCH: "gezocht",
}


class AuditEntry(Base):
    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    entry_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(80))
    device: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40), index=True)
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str | None] = mapped_column(String(36), index=True)
    result: Mapped[str] = mapped_column(String(20))
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    entry_hash: Mapped[str] = mapped_column(String(64))
    synced_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    @property
    def stamp(self) -> str:
        """The UTC time as hashed and as sent to the server."""
        return format_stamp(self.occurred_at)

    def canonical(self) -> bytes:
        return canonical_form(
            self.seq, self.entry_id, self.stamp, self.actor, self.device, self.action, self.object_type,
            self.object_id, self.result, self.prev_hash,
        )

    def compute_hash(self) -> str:
        return hashlib.sha256(self.canonical()).hexdigest()

    def wire(self) -> dict:
        """The entry as the server receives it (see sync/audit_sync.py)."""
        return {
            "entry_id": self.entry_id, "seq": self.seq, "occurred_at": self.stamp, "actor": self.actor,
            "device": self.device, "action": self.action, "object_type": self.object_type,
            "object_id": self.object_id, "result": self.result, "prev_hash": self.prev_hash,
            "entry_hash": self.entry_hash,
        }


def format_stamp(moment: datetime) -> str:
    stamp = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_form(
    seq: int, entry_id: str, stamp: str, actor: str, device: str, action: str, object_type: str,
    object_id: str | None, result: str, prev_hash: str,
) -> bytes:
    """The bytes an entry's hash covers. The server recomputes it for entries it receives."""
    fields = [seq, entry_id, stamp, actor, device, action, object_type, object_id, result, prev_hash]
    return json.dumps(fields, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def entry_hash_of(wire: dict) -> str:
    """The hash an entry in wire form (see :meth:`AuditEntry.wire`) ought to carry."""
    return hashlib.sha256(
        canonical_form(
            wire["seq"], wire["entry_id"], wire["occurred_at"], wire["actor"], wire["device"], wire["action"],
            wire["object_type"], wire["object_id"], wire["result"], wire["prev_hash"],
        )
    ).hexdigest()


class LocalMeta(Base):
    """Small facts about this profile (device id, signed-in user, the audit chain's head)."""

    __tablename__ = "local_meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


# SQLite triggers that make the log append-only. Only ``synced_at`` may be filled in afterwards.
APPEND_ONLY_TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
       WHEN NEW.seq IS NOT OLD.seq OR NEW.entry_id IS NOT OLD.entry_id OR NEW.occurred_at IS NOT OLD.occurred_at
         OR NEW.actor IS NOT OLD.actor OR NEW.device IS NOT OLD.device OR NEW.action IS NOT OLD.action
         OR NEW.object_type IS NOT OLD.object_type OR NEW.object_id IS NOT OLD.object_id
         OR NEW.result IS NOT OLD.result OR NEW.prev_hash IS NOT OLD.prev_hash
         OR NEW.entry_hash IS NOT OLD.entry_hash
       BEGIN SELECT RAISE(ABORT, 'het toegangslogboek kan niet worden gewijzigd'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'het toegangslogboek kan niet worden gewijzigd'); END""",
)


@event.listens_for(AuditEntry.__table__, "after_create")
def _create_triggers(target, connection, **_kw) -> None:
    if connection.dialect.name == "sqlite":
        for statement in APPEND_ONLY_TRIGGERS:
            connection.execute(text(statement))


@dataclass(frozen=True)
class Actor:
    user: str
    device: str


UNKNOWN_ACTOR = Actor(user="onbekend", device="onbekend")
_current_actor: contextvars.ContextVar[Actor | None] = contextvars.ContextVar("vangnet_actor", default=None)


# The actor set after signing in holds for the whole process, worker threads included: a thread starts with
# an empty context, and an entry written by a background job must still name who works on this device.
_process_actor: Actor | None = None


def set_actor(user: str, device: str) -> contextvars.Token:
    """Who is working: the signed-in user's id and this device's id (set once after unlocking)."""
    global _process_actor
    actor = Actor(user=user, device=device)
    _process_actor = actor
    return _current_actor.set(actor)


def current_actor() -> Actor:
    """The actor of this context (``acting_as``), else the one set for the process, else 'onbekend'."""
    return _current_actor.get() or _process_actor or UNKNOWN_ACTOR


@contextlib.contextmanager
def acting_as(user: str, device: str) -> Iterator[None]:
    """A different actor for the code inside the block only (this thread or task)."""
    token = _current_actor.set(Actor(user=user, device=device))
    try:
        yield
    finally:
        _current_actor.reset(token)


HEAD_KEY = "audit_head"


def record(
    session: Session,
    action: str,
    object_type: str,
    object_id: str | None,
    result: str = "ok",
    actor: str | None = None,
    *,
    now: datetime | None = None,
) -> AuditEntry:
    """Append one entry to the log in the session's transaction."""
    who = current_actor()
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    entry = AuditEntry(
        seq=seq, entry_id=new_id(), occurred_at=now or datetime.now(UTC), actor=actor or who.user,
        device=who.device, action=action, object_type=object_type, object_id=object_id, result=result,
        prev_hash=prev_hash,
    )
    entry.entry_hash = entry.compute_hash()
    session.add(entry)
    session.merge(LocalMeta(key=HEAD_KEY, value=f"{seq}:{entry.entry_hash}"))
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    reason: str

    def __str__(self) -> str:
        return f"regel {self.seq}: {self.reason}"


class ChainWalker:
    """Walks a hash chain in order of ``seq`` and collects what is wrong with it; the local log and the
    server's chain are checked with the same rules."""

    def __init__(self) -> None:
        self.problems: list[ChainProblem] = []
        self.expected_seq = 1
        self.expected_prev = GENESIS_HASH

    def step(self, seq: int, prev_hash: str, stored_hash: str, computed_hash: str) -> None:
        if seq != self.expected_seq:
            missing = (
                f"regel {self.expected_seq} ontbreekt" if seq == self.expected_seq + 1
                else f"regels {self.expected_seq} tot en met {seq - 1} ontbreken"
            )
            self.problems.append(ChainProblem(seq, f"{missing} (verwijderd)"))
        elif prev_hash != self.expected_prev:
            self.problems.append(ChainProblem(seq, "de verwijzing naar de vorige regel klopt niet"))
        if computed_hash != stored_hash:
            self.problems.append(ChainProblem(seq, "de inhoud is gewijzigd"))
        self.expected_seq, self.expected_prev = seq + 1, stored_hash

    def check_head(self, head_seq: int, head_hash: str) -> None:
        """The separately kept head names the last entry: entries cut off the end are found too."""
        if head_seq >= self.expected_seq:
            self.problems.append(
                ChainProblem(head_seq, f"de laatste regels vanaf {self.expected_seq} zijn verwijderd")
            )
        elif head_seq == self.expected_seq - 1 and head_seq > 0 and head_hash != self.expected_prev:
            self.problems.append(ChainProblem(head_seq, "de laatste regel is gewijzigd"))


def verify_chain(session: Session) -> list[ChainProblem]:
    """Walk the whole chain; return every edited, removed or re-ordered entry (empty list: intact)."""
    walker = ChainWalker()
    # populate_existing: judge what is stored, not objects this session may hold in memory.
    query = select(AuditEntry).order_by(AuditEntry.seq).execution_options(populate_existing=True)
    for entry in session.execute(query).scalars():
        walker.step(entry.seq, entry.prev_hash, entry.entry_hash, entry.compute_hash())
        session.expunge(entry)
    head = session.get(LocalMeta, HEAD_KEY, populate_existing=True)
    if head is not None:
        head_seq, head_hash = head.value.split(":", 1)
        walker.check_head(int(head_seq), head_hash)
    return walker.problems


def search(
    session: Session,
    *,
    object_id: str | None = None,
    object_ids: list[str] | None = None,
    actor: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 500,
) -> list[AuditEntry]:
    """Entries for one record (or a person's whole file) or one user, newest first.

    ``since`` is inclusive and ``until`` exclusive, both in UTC (for the team lead and inzage requests).
    """
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
    if object_id is not None:
        query = query.where(AuditEntry.object_id == object_id)
    if object_ids is not None:
        query = query.where(AuditEntry.object_id.in_(object_ids))
    if actor is not None:
        query = query.where(AuditEntry.actor == actor)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    if since is not None:
        query = query.where(AuditEntry.occurred_at >= _as_utc(since))
    if until is not None:
        query = query.where(AuditEntry.occurred_at < _as_utc(until))
    return list(session.execute(query).scalars())


def _as_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def actors(session: Session) -> list[str]:
    """Every user that appears in the log, for a 'per gebruiker' choice."""
    return sorted(row[0] for row in session.execute(select(AuditEntry.actor).distinct()))


def person_object_ids(session: Session, person_id: str) -> list[str]:
    """The person's id plus the ids of every record of the person's file (cases, exemptions, letters...)."""
    ids = [person_id]
    for table in Base.metadata.sorted_tables:
        if "person_id" in table.c and "id" in table.c:
            ids += [row[0] for row in session.execute(select(table.c.id).where(table.c.person_id == person_id))]
    return ids

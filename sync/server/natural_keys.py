"""Natural keys on the server: what every local database holds unique is unique on the server too.

A BSN, an onderwijsnummer, a DUO meldingsnummer, a gemeente's CBS code and a school's BRIN and vestiging
name one thing each; a second record with the same value would make every device that receives both
refuse one of them. The server keeps each key's owner in ``record_keys`` and refuses a change that would
give a key a second owner — except a case number, which devices hand out offline and which two devices
can therefore pick at the same time: a taken case number is replaced by the next free one of its year,
and the answer carries the record as stored, so the device shows the number that counts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, delete, insert, select

from desktop.models import entities
from sync.server.db import record_keys

CASE_NUMBER = re.compile(r"^(\d{4})-(\d{6})$")
KeyId = tuple[str, str, str]  # (table, key name, value)


@cache
def keys_of(table: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(key name, fields) of a synced table's unique keys other than its id (none for server-written tables)."""
    entity = entities.get(table)
    if entity is None or entity.server_managed:
        return ()
    model_table: sa.Table = entity.model.__table__
    found: dict[str, tuple[str, ...]] = {}
    for column in model_table.columns:
        if column.unique and not column.primary_key:
            found[column.name] = (column.name,)
    for constraint in model_table.constraints:
        if isinstance(constraint, sa.UniqueConstraint):
            fields = tuple(c.name for c in constraint.columns)
            found["+".join(fields)] = fields
    return tuple(found.items())


def key_values(table: str, data: Mapping[str, Any]) -> dict[str, str]:
    """key name → value of a record's keys (a key with an empty part has no value).

    Only text is a key: a pushed value of another type (a number, a list) names no key here and is refused
    as an invalid value when the operation is checked against the schema.
    """
    values: dict[str, str] = {}
    for name, fields in keys_of(table):
        parts = [data.get(field) for field in fields]
        text = [part for part in parts if isinstance(part, str) and part != ""]
        if len(text) < len(parts):
            continue
        values[name] = text[0] if len(text) == 1 else json.dumps(text)
    return values


class Keys:
    """The key owners one push transaction reads and changes, written at its end."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.owner: dict[KeyId, str | None] = {}
        self.stored: set[KeyId] = set()  # keys that have a row in record_keys
        self.added: dict[KeyId, str] = {}
        self.removed: set[KeyId] = set()

    def load(self, wanted: Iterable[KeyId]) -> None:
        missing = sorted({key for key in wanted if key not in self.owner})
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            for key in chunk:
                self.owner[key] = None
            found = self.conn.execute(
                select(
                    record_keys.c.table_name, record_keys.c.key_name, record_keys.c.value, record_keys.c.record_id
                ).where(record_keys.c.value.in_(sorted({value for _t, _k, value in chunk})))
            )
            members = set(chunk)
            for table, name, value, record_id in found:
                if (table, name, value) in members:
                    self.owner[(table, name, value)] = record_id
                    self.stored.add((table, name, value))

    def owner_of(self, key: KeyId) -> str | None:
        if key not in self.owner:
            self.load([key])
        return self.owner[key]

    def claim(self, key: KeyId, record_id: str) -> None:
        self.owner[key] = record_id
        self.added[key] = record_id
        self.removed.discard(key)

    def release(self, key: KeyId, record_id: str) -> None:
        if self.owner_of(key) == record_id:
            self.owner[key] = None
            self.added.pop(key, None)
            self.removed.add(key)

    def free_case_number(self, taken: str, record_id: str) -> str:
        """A case number nobody holds for a taken one: the year's highest number after it plus one (a number
        of another form gets a suffix). The record's own numbers do not count."""
        match = CASE_NUMBER.match(taken)
        if match is None:
            for suffix in range(2, 10_000):
                candidate = f"{taken[:11]}-{suffix}"
                if self.owner_of(("cases", "case_number", candidate)) in (None, record_id):
                    return candidate
            raise RuntimeError("no free case number")
        year = match.group(1)
        stored = self.conn.execute(
            select(sa.func.max(record_keys.c.value)).where(
                record_keys.c.table_name == "cases",
                record_keys.c.key_name == "case_number",
                record_keys.c.value.like(f"{year}-______"),
                record_keys.c.record_id != record_id,
            )
        ).scalar()
        claimed = [
            key[2]
            for key, owner in self.owner.items()
            if owner not in (None, record_id) and key[:2] == ("cases", "case_number")
        ]
        numbers = [int(v[5:]) for v in [stored, *claimed, taken] if v and CASE_NUMBER.match(v) and v[:4] == year]
        number = max(numbers) + 1
        while self.owner_of(("cases", "case_number", f"{year}-{number:06d}")) not in (None, record_id):
            number += 1
        return f"{year}-{number:06d}"

    def flush(self) -> None:
        # Released keys, and keys that move to another record, lose their stored row first.
        gone = self.removed | {key for key in self.added if key in self.stored}
        for table, name, value in sorted(gone):
            self.conn.execute(
                delete(record_keys).where(
                    record_keys.c.table_name == table, record_keys.c.key_name == name, record_keys.c.value == value
                )
            )
        if self.added:
            self.conn.execute(
                insert(record_keys),
                [
                    {"table_name": t, "key_name": n, "value": v, "record_id": record_id}
                    for (t, n, v), record_id in sorted(self.added.items())
                ],
            )
        self.stored = (self.stored - self.removed) | set(self.added)
        self.added.clear()
        self.removed.clear()


def wanted_keys(table: str, changes: Mapping[str, Any]) -> list[KeyId]:
    """The keys an operation's changes name (for loading their owners with the rest of a push)."""
    return [(table, name, value) for name, value in key_values(table, changes).items()]


def settle(
    keys: Keys,
    table: str,
    record_id: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> tuple[str | None, dict[str, Any]]:
    """Move a record's keys from its state ``before`` to ``after`` (None: absent or deleted).

    Returns (a Dutch refusal, or None; the fields the server changed: a taken case number renumbered).
    Nothing is claimed when the change is refused.
    """
    old = key_values(table, before) if before is not None else {}
    new = key_values(table, after) if after is not None else {}
    adjusted: dict[str, Any] = {}
    for name, value in new.items():
        if old.get(name) == value:
            continue
        owner = keys.owner_of((table, name, value))
        if owner is None or owner == record_id:
            continue
        if (table, name) == ("cases", "case_number"):
            adjusted["case_number"] = keys.free_case_number(value, record_id)
            new[name] = adjusted["case_number"]
            continue
        return _refusal(table, name), {}
    for name, value in old.items():
        if new.get(name) != value:
            keys.release((table, name, value), record_id)
    for name, value in new.items():
        if old.get(name) != value:  # a key the change leaves alone stays with its owner, unread
            keys.claim((table, name, value), record_id)
    return None, adjusted


def _refusal(table: str, name: str) -> str:
    entity = entities.get(table)
    fields = dict(keys_of(table))[name]
    labels = " en ".join(entity.label_of(field) for field in fields) if entity else name
    what = entity.label.lower() if entity else "gegeven"
    return f"Er bestaat al een {what} met hetzelfde {labels}."


def backfill(conn: Connection) -> None:
    """Fill record_keys from the stored records (the first owner of a key keeps it)."""
    from sync.server.db import records

    tables = [e.table for e in entities.entities() if keys_of(e.table)]
    seen: set[KeyId] = set()
    rows = []
    for table, record_id, document in conn.execute(
        select(records.c.table_name, records.c.record_id, records.c.data)
        .where(records.c.table_name.in_(tables), records.c.deleted.is_(False))
        .order_by(records.c.server_seq)
    ):
        try:
            data = json.loads(document)
        except ValueError:
            continue
        for name, value in key_values(table, data).items():
            if (table, name, value) not in seen:
                seen.add((table, name, value))
                rows.append({"table_name": table, "key_name": name, "value": value, "record_id": record_id})
    for start in range(0, len(rows), 5000):
        conn.execute(insert(record_keys), rows[start : start + 5000])

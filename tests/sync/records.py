"""Valid record documents for raw pushes: the least each synced table needs under the shared schema."""

from __future__ import annotations

import random
import uuid
from typing import Any

from desktop.models.law import is_valid_bsn
from sync.protocol import Change, PushOp


def new_id() -> str:
    return str(uuid.uuid4())


def valid_bsn(rng: random.Random | None = None) -> str:
    rng = rng or random.Random()
    while True:
        candidate = f"{rng.randrange(10_000_000, 999_999_999):09d}"
        if is_valid_bsn(candidate):
            return candidate


def education_number() -> str:
    return f"{random.randrange(100_000_000, 999_999_999)}"


def person(municipality: str = "GM0505", **fields: Any) -> dict[str, Any]:
    return {
        "first_names": "Sem",
        "last_name": "Jansen",
        "birth_date": "2012-03-04",
        "education_number": education_number(),
        "municipality_code": municipality,
        **fields,
    }


def case(person_id: str, municipality: str = "GM0505", **fields: Any) -> dict[str, Any]:
    return {
        "person_id": person_id,
        "case_number": "2026-" + uuid.uuid4().hex[:6],
        "kind": "relative",
        "opened_on": "2026-09-01",
        "municipality_code": municipality,
        **fields,
    }


def journal(person_id: str, case_id: str | None, **fields: Any) -> dict[str, Any]:
    return {
        "person_id": person_id,
        "case_id": case_id,
        "kind": "note",
        "text": "notitie",
        "occurred_at": "2026-09-02T10:00:00+00:00",
        **fields,
    }


def exemption(person_id: str, article: str = "5a", **fields: Any) -> dict[str, Any]:
    return {"person_id": person_id, "article": article, "received_on": "2026-09-01", **fields}


def intervention(person_id: str, case_id: str | None, kind: str = "warning", **fields: Any) -> dict[str, Any]:
    return {"person_id": person_id, "case_id": case_id, "kind": kind, "date": "2026-09-03", **fields}


def op(table: str, record_id: str, kind: str = "insert", /, base: int = 0, **changes: Any) -> PushOp:
    """One operation with fresh op id; the kind is positional, so a record's own `kind` field can be a change."""
    return PushOp(
        op_id=str(uuid.uuid4()),
        device_counter=1,
        table=table,
        record_id=record_id,
        kind=kind,
        base_version=base,
        changes={k: Change(new=v) for k, v in changes.items()},
    )

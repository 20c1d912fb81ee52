"""`vangnet-server check`: stored records that no longer fit the shared record schema.

The server refuses every change that does not fit, but a record stored before a rule existed (or by an
older release) may not. Such a record never blocks a pull (devices apply what fits and report the rest);
this command names each one by table, id and field problem, never by a value, so the beheerder can
have it corrected.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import IO

from sqlalchemy import Engine, select

from desktop.models import entities
from desktop.models.record_schema import schema_for
from sync.server.db import records

BATCH = 2000


@dataclass(frozen=True)
class StoredProblem:
    table: str
    record_id: str
    problem: str


def stored_problems(engine: Engine) -> tuple[int, list[StoredProblem]]:
    """(records checked, problems) over every live record on the server, table by table."""
    checked = 0
    found: list[StoredProblem] = []
    with engine.connect() as conn:
        for entity in entities.entities():
            schema = schema_for(entity.table)
            if schema is None:
                continue
            result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(
                select(records.c.record_id, records.c.data).where(
                    records.c.table_name == entity.table, records.c.deleted.is_(False)
                )
            )
            for record_id, document in result:
                checked += 1
                try:
                    data = json.loads(document)
                except ValueError:
                    found.append(StoredProblem(entity.table, record_id, "Het opgeslagen gegeven is geen geldige JSON."))
                    continue
                if not isinstance(data, dict):
                    found.append(StoredProblem(entity.table, record_id, "Het opgeslagen gegeven is geen object."))
                    continue
                problem = schema.problem(data)
                if problem is not None:
                    found.append(StoredProblem(entity.table, record_id, problem))
    return checked, found


def run_check(engine: Engine, out: IO[str]) -> int:
    """Print the problems and a count per table; exit code 0 when everything fits, 1 otherwise."""
    checked, found = stored_problems(engine)
    for item in found:
        print(f"{entities.table_label(item.table)} {item.record_id}: {item.problem}", file=out)
    per_table = Counter(entities.table_label(item.table) for item in found)
    for label, count in sorted(per_table.items()):
        print(f"{label}: {count} ongeldig", file=out)
    verdict = "alles in orde" if not found else f"{len(found)} ongeldig"
    print(f"{checked} gegevens gecontroleerd, {verdict}.", file=out)
    return 1 if found else 0

"""`/region` and `/device-number`: the region data every device prints its letters with (the service's office,
each gemeente's college and its addresses for bezwaarschriften, the rechtbank), and the number each device
uses in the 'Ons kenmerk' of its documents."""

import os
from pathlib import Path
from typing import Any

from fastapi import APIRouter
from sqlalchemy import Engine, func, insert, select
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from desktop.models.region import document_hash, region_document
from sync.server import store
from sync.server.db import device_numbers
from sync.server.deps import Auth, Database
from sync.server.scope import Principal

router = APIRouter()

#: A region file of the server's own (an office corrects an address without a new release); else the shipped one.
REGION_FILE_ENV = "VANGNET_REGION_FILE"


def region_file() -> Path | None:
    configured = (os.environ.get(REGION_FILE_ENV) or "").strip()
    return Path(configured) if configured else None


@router.get("/region")
def region(who: Auth) -> dict[str, Any]:
    """The region document with its fingerprint (every role: every letter prints it)."""
    data = region_document(region_file())
    return {"region": data, "sha256": document_hash(data)}


def assign_device_number(engine: Engine, who: Principal) -> int:
    """The device's number for its kenmerken: the one it was given before, else the next free one. Numbers are
    never reused, so two devices never print the same kenmerk (a race for a number is retried)."""
    for _attempt in range(5):
        with engine.begin() as conn:
            known = conn.scalar(select(device_numbers.c.number).where(device_numbers.c.device_id == who.device_id))
            if known is not None:
                return int(known)
            number = int(conn.scalar(select(func.coalesce(func.max(device_numbers.c.number), 0))) or 0) + 1
            try:
                with conn.begin_nested():
                    conn.execute(insert(device_numbers).values(device_id=who.device_id, number=number,
                                                               assigned_at=store.now_iso()))
            except IntegrityError:
                continue
            store.audit(conn, "device_number", "ok", principal=who)
            return number
    raise RuntimeError("no free device number")


@router.post("/device-number")
async def device_number(engine: Database, who: Auth) -> dict[str, int]:
    """This device's number in the kenmerken of the document register (the same answer every time)."""
    return {"number": await run_in_threadpool(assign_device_number, engine, who)}

"""`GET /health`: the server answers and its database can be read."""

from typing import Any

from fastapi import APIRouter

from sync.protocol import PROTOCOL_VERSION, SCHEMA_VERSION
from sync.server import store
from sync.server.deps import Database

router = APIRouter()


@router.get("/health")
def health(engine: Database) -> dict[str, Any]:
    with engine.connect() as conn:
        store.current_seq(conn)
    return {"status": "ok", "protocol": PROTOCOL_VERSION, "schema": SCHEMA_VERSION}

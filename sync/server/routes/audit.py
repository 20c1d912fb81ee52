"""`POST /audit/push`: a device hands in its access log, to be kept in the server's audit chain."""

from typing import Annotated

from fastapi import APIRouter, Depends
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from sync.server import audit_chain, store
from sync.server.audit_chain import AuditPushRequest, AuditPushResponse
from sync.server.db import accounts
from sync.server.deps import Auth, Database, limited_body

router = APIRouter(prefix="/audit")


@router.post("/push", response_model=AuditPushResponse)
async def audit_push(
    engine: Database,
    who: Auth,
    body: Annotated[AuditPushRequest, Depends(limited_body(AuditPushRequest, audit_chain.MAX_AUDIT_BYTES))],
) -> AuditPushResponse:
    """Entries of the device's access log; only the pushing user's and device's own (idempotent by id)."""

    def work() -> AuditPushResponse:
        with engine.connect() as conn:
            username = conn.execute(select(accounts.c.username).where(accounts.c.id == who.user_id)).scalar()
        results = audit_chain.receive(engine, who, username or who.user_id, body.entries, store.now_iso())
        with engine.connect() as conn:
            return AuditPushResponse(results=results, chain_length=audit_chain.chain_length(conn))

    return await run_in_threadpool(work)

"""`POST /retention/markers`: records a device removed because their keeping period passed go here too."""

from typing import Annotated

from fastapi import APIRouter, Depends
from starlette.concurrency import run_in_threadpool

from sync.server import audit_deletions
from sync.server.audit_deletions import RetentionRequest, RetentionResponse
from sync.server.deps import Auth, Database, limited_body

router = APIRouter(prefix="/retention")


@router.post("/markers", response_model=RetentionResponse)
async def retention_markers(
    engine: Database,
    who: Auth,
    body: Annotated[RetentionRequest, Depends(limited_body(RetentionRequest, audit_deletions.MAX_MARKER_BYTES))],
) -> RetentionResponse:
    """Records a device removed because their keeping period passed: removed here too (idempotent)."""
    results = await run_in_threadpool(audit_deletions.apply_markers, engine, who, body.markers)
    return RetentionResponse(results=results)

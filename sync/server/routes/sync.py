"""`/sync/*`: a device pushes its operations, pulls what changed, and checks its copy (summary, manifest, fetch)."""

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from sync.protocol import (
    DEFAULT_PAGE_SIZE,
    MAX_BATCH_BYTES,
    MAX_PAGE_SIZE,
    MAX_PROTOCOL_INT,
    FetchRequest,
    FetchResponse,
    ManifestResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    SummaryResponse,
)
from sync.server import scope, store
from sync.server.deps import Auth, Database, limited_body
from sync.server.scope import Principal

FETCH_BODY_BYTES = 200_000

router = APIRouter(prefix="/sync")


@router.post("/push", response_model=PushResponse)
async def push(
    engine: Database,
    who: Auth,
    body: Annotated[PushRequest, Depends(limited_body(PushRequest, MAX_BATCH_BYTES + 100_000))],
) -> PushResponse:
    # Answers come redacted from the store, each by its own operation's table.
    results = await run_in_threadpool(store.push, engine, who, body.ops)
    return PushResponse(results=results)


@router.get("/pull", response_model=PullResponse)
def pull(
    engine: Database,
    who: Auth,
    since: Annotated[int, Query(ge=0, le=MAX_PROTOCOL_INT)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
) -> Response:
    with engine.connect() as conn:
        rows, purge_list, next_seq, has_more = store.pull(conn, who, since, limit)
    rows = [_redacted_row(who, r) for r in rows]
    # Built by hand: the stored documents go out without being parsed and serialised again.
    body = (
        '{"rows":'
        + store.encode_rows(rows)
        + ',"purges":'
        + json.dumps([p.model_dump() for p in purge_list])
        + ',"next":'
        + str(int(next_seq))
        + ',"has_more":'
        + ("true" if has_more else "false")
        + "}"
    )
    return Response(content=body.encode(), media_type="application/json")


@router.get("/summary", response_model=SummaryResponse)
def summary(engine: Database, who: Auth) -> SummaryResponse:
    with engine.connect() as conn:
        return SummaryResponse(tables=store.summary(conn, who), server_seq=store.current_seq(conn))


@router.get("/manifest", response_model=ManifestResponse)
def manifest(engine: Database, who: Auth, table: Annotated[str, Query(max_length=64)]) -> ManifestResponse:
    with engine.connect() as conn:
        return ManifestResponse(table=table, versions=store.manifest(conn, who, table))


@router.post("/fetch", response_model=FetchResponse)
async def fetch(
    engine: Database,
    who: Auth,
    body: Annotated[FetchRequest, Depends(limited_body(FetchRequest, FETCH_BODY_BYTES))],
) -> FetchResponse:
    def work() -> FetchResponse:
        with engine.connect() as conn:
            rows = store.fetch(conn, who, body.table, body.ids)
        for row in rows:
            row.data = scope.redact(who, row.table, row.data)
        return FetchResponse(rows=rows)

    return await run_in_threadpool(work)


def _redacted_row(principal: Principal, row: store.PulledRow) -> store.PulledRow:
    """A pulled row with the health fields this principal may not read left out (need-to-know)."""
    document = scope.redact_document(principal, row.table_name, row.data)
    if document is row.data:
        return row
    return row._replace(data=document)

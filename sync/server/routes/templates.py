"""`/templates` and `/template-documents`: every device pulls the letter templates, the system administrator
(functioneel beheerder) publishes them."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from sync.protocol import MAX_PROTOCOL_INT
from sync.server import scope, templates
from sync.server.deps import Auth, BodyModel, Database, read_body
from sync.server.scope import Principal

router = APIRouter()


@router.get("/templates")
def template_changes(
    engine: Database, who: Auth, since: Annotated[int, Query(ge=0, le=MAX_PROTOCOL_INT)] = 0
) -> dict[str, Any]:
    """Template versions and template documents published after revision ``since`` (every role)."""
    with engine.connect() as conn:
        return templates.changes_since(conn, since)


@router.put("/templates/{kind}", response_model=templates.PublishedTemplate)
async def put_template(
    kind: Annotated[str, PathParam(max_length=64)], request: Request, engine: Database, who: Auth
) -> Any:
    """A new version of a template."""
    return await _publish(
        request,
        engine,
        who,
        "template_publish",
        f"templates:{kind}",
        templates.TemplatePutRequest,
        lambda body: templates.publish_template(engine, who, kind, body.source),
    )


@router.put("/template-documents/{name}", response_model=templates.PublishedDocument)
async def put_template_document(
    name: Annotated[str, PathParam(max_length=32)], request: Request, engine: Database, who: Auth
) -> Any:
    """The layout ('opmaak') or organisations ('organisaties') document for every office."""
    return await _publish(
        request,
        engine,
        who,
        "template_document",
        f"template_documents:{name}",
        templates.DocumentPutRequest,
        lambda body: templates.publish_document(engine, who, name, body.content),
    )


async def _publish(
    request: Request,
    engine: Engine,
    who: Principal,
    action: str,
    obj: str,
    model: type[BodyModel],
    publish: Callable[[BodyModel], BaseModel],
) -> BaseModel | JSONResponse:
    """A publication by the system administrator (functioneel beheerder); every other role is refused
    before the body is read, so nothing of it is looked at or kept."""
    if who.role != scope.SYSTEM_ADMINISTRATOR:
        return await run_in_threadpool(_refused, engine, who, action, obj, templates.forbidden())
    body = await read_body(request, model, templates.MAX_TEMPLATE_BYTES)
    try:
        return await run_in_threadpool(publish, body)
    except templates.Refusal as refusal:
        return await run_in_threadpool(_refused, engine, who, action, obj, refusal)


def _refused(engine: Engine, who: Principal, action: str, obj: str, refusal: templates.Refusal) -> JSONResponse:
    templates.audit_refusal(engine, who, action, obj, refusal)
    body = {"error": refusal.code, "message": refusal.message, "wipe": False, **refusal.extra}
    return JSONResponse(body, status_code=refusal.status)

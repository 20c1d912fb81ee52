"""The FastAPI application of the sync server: its state, middleware and error answers, and the routers of
sync/server/routes/ under /api/v1."""

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import MAX_BODY_BYTES, PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION
from sync.server import audit_chain, auth, store
from sync.server.db import make_engine
from sync.server.deps import ApiError, ServerState, error_response
from sync.server.migrate import upgrade
from sync.server.routes import audit, health, region, retention, templates
from sync.server.routes import auth as auth_routes
from sync.server.routes import sync as sync_routes

log = logging.getLogger("vangnet.server")

API_PREFIX = "/api/v1"
SUPPORTED_PROTOCOLS = frozenset({PROTOCOL_VERSION, PROTOCOL_VERSION - 1} - {0})
SUPPORTED_SCHEMAS = frozenset({SCHEMA_VERSION, SCHEMA_VERSION - 1} - {0})


class GuardMiddleware:
    """Refuses oversized bodies (413, before reading them) and unsupported protocol/schema versions (426)."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        path: str = scope["path"]
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await error_response(413, "too_large", "Het verzoek is te groot.")(scope, receive, send)
            return
        if path.startswith(API_PREFIX + "/") and path != API_PREFIX + "/health":
            try:
                protocol = int(headers.get(PROTOCOL_HEADER.lower(), "0"))
                schema = int(headers.get(SCHEMA_HEADER.lower(), "0"))
            except ValueError:
                protocol = schema = 0
            if protocol not in SUPPORTED_PROTOCOLS or schema not in SUPPORTED_SCHEMAS:
                response = error_response(
                    426,
                    "upgrade_required",
                    "Deze versie van Vangnet is te oud of te nieuw voor de server. Werk de app bij.",
                    headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: str(SCHEMA_VERSION)},
                )
                await response(scope, receive, send)
                return
        received = 0
        too_large = False

        async def limited_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    too_large = True
                    raise ApiError(413, "too_large", "Het verzoek is te groot.")
            return message

        try:
            await self.app(scope, limited_receive, send)
        except ApiError:
            if too_large:
                await error_response(413, "too_large", "Het verzoek is te groot.")(scope, receive, send)
            else:
                raise


class SealMiddleware:
    """After every write request (POST, PUT) and every refusal, the new server audit rows are sealed into the chain."""

    def __init__(self, app: ASGIApp, engine: Engine) -> None:
        self.app = app
        self.engine = engine

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_post = scope.get("method") in ("POST", "PUT")

        async def seal_then_send(message: Message) -> None:
            # Before the answer leaves: whoever got an answer finds its audit rows in the chain.
            if message["type"] == "http.response.start" and (is_post or message["status"] >= 400):
                try:
                    await run_in_threadpool(audit_chain.seal, self.engine)
                except Exception as exc:  # the next request seals these rows
                    log.error("verzegelen van het toegangslogboek mislukt: %s", type(exc).__name__)
            await send(message)

        await self.app(scope, receive, seal_then_send)


def create_app(
    database_url: str,
    data_dir: Path | None = None,
    development: bool = False,
    secret: bytes | None = None,
    login_attempts: int = 10,
    run_migrations: bool = True,
) -> FastAPI:
    """The server application on the given database (migrated to the newest schema first)."""
    engine = make_engine(database_url)
    if run_migrations:
        upgrade(engine)
        store.seed_region(engine)
    state = ServerState(
        engine,
        secret or auth.load_secret(data_dir),
        auth.RateLimiter(login_attempts, 60.0),
        # Many users can share one office address: a wider limit per address.
        auth.RateLimiter(login_attempts * 5, 60.0),
    )
    app = FastAPI(
        title="Vangnet sync",
        version=f"protocol {PROTOCOL_VERSION}, schema {SCHEMA_VERSION}",
        docs_url="/api/docs" if development else None,
        redoc_url=None,
        openapi_url="/api/openapi.json" if development else None,
    )
    app.state.vangnet = state
    app.add_middleware(GuardMiddleware)
    app.add_middleware(SealMiddleware, engine=engine)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.wipe, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, _exc: RequestValidationError) -> JSONResponse:
        # The default answer echoes the input, which may hold personal data.
        return error_response(422, "invalid_request", "Het verzoek is ongeldig.")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, "http_error", "Het verzoek kan niet worden verwerkt.")

    @app.exception_handler(ClientDisconnect)
    async def _gone(_request: Request, _exc: ClientDisconnect) -> Response:
        # The device went away mid-request (a cut connection): nothing was read whole, nothing is kept,
        # and nobody is left to answer.
        return Response(status_code=400)

    @app.exception_handler(Exception)
    async def _crash(_request: Request, exc: Exception) -> JSONResponse:
        log.error("interne fout: %s", type(exc).__name__)
        return error_response(500, "server_error", "Er ging iets mis op de server. Probeer het later opnieuw.")

    for router in (
        health.router,
        auth_routes.router,
        sync_routes.router,
        audit.router,
        retention.router,
        templates.router,
        region.router,
    ):
        app.include_router(router, prefix=API_PREFIX)
    return app

"""The FastAPI application of the sync server: auth, push, pull and integrity endpoints under /api/v1."""

import json
import logging
import secrets
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Engine, insert, select, update
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import (
    DEFAULT_PAGE_SIZE,
    MAX_BATCH_BYTES,
    MAX_BODY_BYTES,
    MAX_PAGE_SIZE,
    MAX_PROTOCOL_INT,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    FetchRequest,
    FetchResponse,
    LoginRequest,
    ManifestResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    RefreshRequest,
    SummaryResponse,
    TokenResponse,
    strict_json,
)
from sync.server import audit_chain, audit_deletions, auth, scope, store, templates
from sync.server.audit_chain import AuditPushRequest, AuditPushResponse
from sync.server.audit_deletions import RetentionRequest, RetentionResponse
from sync.server.auth import TokenError
from sync.server.db import accounts, devices, make_engine, refresh_tokens
from sync.server.migrate import upgrade
from sync.server.scope import Principal

log = logging.getLogger("vangnet.server")

AUTH_BODY_BYTES = 8_000
WIPE_MESSAGE = "Dit apparaat is ingetrokken. De lokale gegevens worden gewist."
SUPPORTED_PROTOCOLS = frozenset({PROTOCOL_VERSION, PROTOCOL_VERSION - 1} - {0})
SUPPORTED_SCHEMAS = frozenset({SCHEMA_VERSION, SCHEMA_VERSION - 1} - {0})


class ApiError(Exception):
    def __init__(
        self, status: int, code: str, message: str, wipe: bool = False, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(code)
        self.status, self.code, self.message, self.wipe, self.headers = status, code, message, wipe, headers


def _error(
    status: int, code: str, message: str, wipe: bool = False, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"error": code, "message": message, "wipe": wipe}, status_code=status, headers=headers)


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
            await _error(413, "too_large", "Het verzoek is te groot.")(scope, receive, send)
            return
        if path.startswith("/api/v1/") and path != "/api/v1/health":
            try:
                protocol = int(headers.get(PROTOCOL_HEADER.lower(), "0"))
                schema = int(headers.get(SCHEMA_HEADER.lower(), "0"))
            except ValueError:
                protocol = schema = 0
            if protocol not in SUPPORTED_PROTOCOLS or schema not in SUPPORTED_SCHEMAS:
                response = _error(
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
                await _error(413, "too_large", "Het verzoek is te groot.")(scope, receive, send)
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


@dataclass
class ServerState:
    engine: Engine
    secret: bytes
    limiter: auth.RateLimiter
    address_limiter: auth.RateLimiter


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
        return _error(exc.status, exc.code, exc.message, exc.wipe, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, _exc: RequestValidationError) -> JSONResponse:
        # The default answer echoes the input, which may hold personal data.
        return _error(422, "invalid_request", "Het verzoek is ongeldig.")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, "http_error", "Het verzoek kan niet worden verwerkt.")

    @app.exception_handler(ClientDisconnect)
    async def _gone(_request: Request, _exc: ClientDisconnect) -> Response:
        # The device went away mid-request (a cut connection): nothing was read whole, nothing is kept,
        # and nobody is left to answer.
        return Response(status_code=400)

    @app.exception_handler(Exception)
    async def _crash(_request: Request, exc: Exception) -> JSONResponse:
        log.error("interne fout: %s", type(exc).__name__)
        return _error(500, "server_error", "Er ging iets mis op de server. Probeer het later opnieuw.")

    def principal(request: Request) -> Principal:
        header = request.headers.get("authorization", "")
        if not header.lower().startswith("bearer "):
            raise ApiError(401, "unauthorized", "Niet aangemeld.")
        try:
            claims = auth.verify_access_token(state.secret, header[7:].strip())
        except TokenError as exc:
            raise ApiError(401, exc.code, "Uw sessie is verlopen of ongeldig; meld opnieuw aan.") from None
        with engine.connect() as conn:
            row = conn.execute(
                select(
                    devices.c.revoked_at,
                    devices.c.token_generation,
                    devices.c.last_seen_at,
                    accounts.c.active,
                    accounts.c.role,
                    accounts.c.municipality_codes,
                    accounts.c.id,
                )
                .join(accounts, accounts.c.id == devices.c.account_id)
                .where(devices.c.id == claims.device_id)
            ).first()
        if row is None or row.id != claims.user_id:
            raise ApiError(401, "token_invalid", "Uw sessie is verlopen of ongeldig; meld opnieuw aan.")
        if row.revoked_at is not None or not row.active:
            _audit_only("request", "wipe", claims.user_id, claims.device_id)
            raise ApiError(401, "device_revoked", WIPE_MESSAGE, wipe=True)
        if row.token_generation != claims.generation:
            raise ApiError(401, "token_revoked", "Uw sessie is ingetrokken; meld opnieuw aan.")
        if row.last_seen_at is None or row.last_seen_at < store.now_iso()[:16]:
            with engine.begin() as conn:
                conn.execute(
                    update(devices).where(devices.c.id == claims.device_id).values(last_seen_at=store.now_iso())
                )
        return Principal(claims.user_id, row.role, frozenset(json.loads(row.municipality_codes)), claims.device_id)

    def _audit_only(
        action: str, result: str, account_id: str | None, device_id: str | None, obj: str | None = None
    ) -> None:
        with engine.begin() as conn:
            store.audit(conn, action, result, account_id=account_id, device_id=device_id, obj=obj)

    Auth = Annotated[Principal, Depends(principal)]

    def _issue(conn: Any, account: Any, device_id: str, generation: int, family: str) -> TokenResponse:
        token, token_hash = auth.new_refresh_token()
        conn.execute(
            insert(refresh_tokens).values(
                token_hash=token_hash,
                device_id=device_id,
                family_id=family,
                expires_at=int(time.time()) + auth.REFRESH_TOKEN_SECONDS,
                used=False,
                revoked=False,
            )
        )
        return TokenResponse(
            access_token=auth.sign_access_token(state.secret, account.id, device_id, generation),
            refresh_token=token,
            expires_in=auth.ACCESS_TOKEN_SECONDS,
            device_id=device_id,
            user_id=account.id,
            role=account.role,
        )

    @app.get("/api/v1/health")
    def health() -> dict[str, Any]:
        with engine.connect() as conn:
            store.current_seq(conn)
        return {"status": "ok", "protocol": PROTOCOL_VERSION, "schema": SCHEMA_VERSION}

    @app.post("/api/v1/auth/login", response_model=TokenResponse)
    async def login(request: Request) -> TokenResponse:
        body = await _limited_body(request, LoginRequest, AUTH_BODY_BYTES)
        return await run_in_threadpool(_login, body, request.client.host if request.client else "?")

    def _login(body: LoginRequest, client: str) -> TokenResponse:
        user_key, address_key = "u:" + body.username.lower(), "a:" + client
        # The attempt is reserved before the password is verified, so concurrent guesses count too.
        wait = state.limiter.reserve(user_key)
        if not wait:
            wait = state.address_limiter.reserve(address_key)
            if wait:
                state.limiter.release(user_key)
        if wait:
            raise ApiError(
                429,
                "rate_limited",
                "Te veel aanmeldpogingen. Probeer het later opnieuw.",
                headers={"Retry-After": str(int(wait) + 1)},
            )
        failure: ApiError | None = None
        with engine.begin() as conn:
            account = conn.execute(select(accounts).where(accounts.c.username == body.username)).first()
            ok = auth.verify_password(account.password_hash if account else None, body.password)
            device = None
            if not ok or account is None or not account.active:
                store.audit(conn, "login", "denied", account_id=account.id if account else None)
                failure = ApiError(401, "login_failed", "Gebruikersnaam of wachtwoord onjuist.")
            else:
                # The right password: the reserved attempt is given back, as before only failures counted.
                state.limiter.release(user_key)
                state.address_limiter.release(address_key)
            if failure is None and body.device_id:
                device = conn.execute(select(devices).where(devices.c.id == body.device_id)).first()
                if device is not None and (device.account_id != account.id or device.revoked_at is not None):
                    store.audit(conn, "login", "device_refused", account_id=account.id, device_id=body.device_id)
                    failure = ApiError(401, "device_revoked", WIPE_MESSAGE, wipe=True)
            if failure is None:
                if device is None:
                    device_id = str(uuid.uuid4())
                    conn.execute(
                        insert(devices).values(
                            id=device_id,
                            account_id=account.id,
                            name=body.device_name[:200],
                            created_at=store.now_iso(),
                            last_seen_at=store.now_iso(),
                            revoked_at=None,
                            token_generation=0,
                        )
                    )
                    generation = 0
                else:
                    device_id, generation = device.id, device.token_generation
                store.audit(conn, "login", "ok", account_id=account.id, device_id=device_id)
                return _issue(conn, account, device_id, generation, str(uuid.uuid4()))
        raise failure

    @app.post("/api/v1/auth/refresh", response_model=TokenResponse)
    async def refresh(request: Request) -> TokenResponse:
        body = await _limited_body(request, RefreshRequest, AUTH_BODY_BYTES)
        return await run_in_threadpool(_refresh, body)

    def _refresh(body: RefreshRequest) -> TokenResponse:
        token_hash = auth.hash_refresh_token(body.refresh_token)
        failure: ApiError | None = None
        with engine.begin() as conn:
            row = conn.execute(select(refresh_tokens).where(refresh_tokens.c.token_hash == token_hash)).first()
            if row is None or row.expires_at < time.time():
                raise ApiError(401, "token_invalid", "Uw sessie is verlopen; meld opnieuw aan.")
            device = conn.execute(select(devices).where(devices.c.id == row.device_id)).first()
            account = conn.execute(select(accounts).where(accounts.c.id == device.account_id)).first()
            if device.revoked_at is not None or not account.active:
                store.audit(conn, "refresh", "wipe", account_id=account.id, device_id=device.id)
                failure = ApiError(401, "device_revoked", WIPE_MESSAGE, wipe=True)
            else:
                # Claiming the token is one conditional update, so of concurrent requests with the same
                # token exactly one wins, on SQLite as on PostgreSQL; the others are reuse.
                claimed = conn.execute(
                    update(refresh_tokens)
                    .where(
                        refresh_tokens.c.token_hash == token_hash,
                        refresh_tokens.c.used.is_(False),
                        refresh_tokens.c.revoked.is_(False),
                    )
                    .values(used=True)
                ).rowcount
                if claimed == 1:
                    return _issue(conn, account, device.id, device.token_generation, row.family_id)
                # Reuse of a rotated token: someone else may hold it. Revoke every token of the device.
                _revoke_device_tokens(conn, device.id)
                store.audit(conn, "refresh", "reuse_detected", account_id=account.id, device_id=device.id)
                failure = ApiError(401, "token_reused", "Uw sessie is ingetrokken; meld opnieuw aan.")
        raise failure

    @app.post("/api/v1/sync/push", response_model=PushResponse)
    async def push(request: Request, who: Auth) -> PushResponse:
        body = await _limited_body(request, PushRequest, MAX_BATCH_BYTES + 100_000)
        # Answers come redacted from the store, each by its own operation's table.
        results = await run_in_threadpool(store.push, engine, who, body.ops)
        return PushResponse(results=results)

    async def _limited_body(request: Request, model: Any, limit: int) -> Any:
        """The request body as ``model``, refused with 413 when it is larger than ``limit`` (by its declared
        length before reading, and by what arrived) and with 422 when it is not valid."""
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            raise ApiError(413, "too_large", "Het verzoek is te groot.")
        raw = await request.body()
        if len(raw) > limit:
            raise ApiError(413, "too_large", "Het verzoek is te groot.")
        return parse_body(raw, model)

    @app.post("/api/v1/audit/push", response_model=AuditPushResponse)
    async def audit_push(request: Request, who: Auth) -> AuditPushResponse:
        """Entries of the device's access log; only the pushing user's and device's own (idempotent by id)."""
        body = await _limited_body(request, AuditPushRequest, audit_chain.MAX_AUDIT_BYTES)

        def work() -> AuditPushResponse:
            with engine.connect() as conn:
                username = conn.execute(select(accounts.c.username).where(accounts.c.id == who.user_id)).scalar()
            results = audit_chain.receive(engine, who, username or who.user_id, body.entries, store.now_iso())
            with engine.connect() as conn:
                return AuditPushResponse(results=results, chain_length=audit_chain.chain_length(conn))

        return await run_in_threadpool(work)

    @app.post("/api/v1/retention/markers", response_model=RetentionResponse)
    async def retention_markers(request: Request, who: Auth) -> RetentionResponse:
        """Records a device removed because their keeping period passed: removed here too (idempotent)."""
        body = await _limited_body(request, RetentionRequest, audit_deletions.MAX_MARKER_BYTES)
        results = await run_in_threadpool(audit_deletions.apply_markers, engine, who, body.markers)
        return RetentionResponse(results=results)

    @app.get("/api/v1/sync/pull", response_model=PullResponse)
    def pull(
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

    @app.get("/api/v1/templates")
    def template_changes(who: Auth, since: Annotated[int, Query(ge=0, le=MAX_PROTOCOL_INT)] = 0) -> dict[str, Any]:
        """Template versions and template documents published after revision ``since`` (every role)."""
        with engine.connect() as conn:
            return templates.changes_since(conn, since)

    def _refused(who: Principal, action: str, obj: str, refusal: templates.Refusal) -> JSONResponse:
        templates.audit_refusal(engine, who, action, obj, refusal)
        body = {"error": refusal.code, "message": refusal.message, "wipe": False, **refusal.extra}
        return JSONResponse(body, status_code=refusal.status)

    async def _publish(request: Request, who: Principal, action: str, obj: str, model: Any, publish: Any) -> Any:
        """A publication by the system administrator (functioneel beheerder); every other role is refused
        before the body is read, so nothing of it is looked at or kept."""
        if who.role != scope.SYSTEM_ADMINISTRATOR:
            return await run_in_threadpool(_refused, who, action, obj, templates.forbidden())
        body = await _limited_body(request, model, templates.MAX_TEMPLATE_BYTES)
        try:
            return await run_in_threadpool(publish, engine, who, body)
        except templates.Refusal as refusal:
            return await run_in_threadpool(_refused, who, action, obj, refusal)

    @app.put("/api/v1/templates/{kind}", response_model=templates.PublishedTemplate)
    async def put_template(kind: Annotated[str, PathParam(max_length=64)], request: Request, who: Auth) -> Any:
        """A new version of a template."""
        return await _publish(
            request, who, "template_publish", f"templates:{kind}", templates.TemplatePutRequest,
            lambda eng, principal, body: templates.publish_template(eng, principal, kind, body.source),
        )

    @app.put("/api/v1/template-documents/{name}", response_model=templates.PublishedDocument)
    async def put_template_document(name: Annotated[str, PathParam(max_length=32)], request: Request, who: Auth) -> Any:
        """The layout ('opmaak') or organisations ('organisaties') document for every office."""
        return await _publish(
            request, who, "template_document", f"template_documents:{name}", templates.DocumentPutRequest,
            lambda eng, principal, body: templates.publish_document(eng, principal, name, body.content),
        )

    @app.get("/api/v1/sync/summary", response_model=SummaryResponse)
    def summary(who: Auth) -> SummaryResponse:
        with engine.connect() as conn:
            return SummaryResponse(tables=store.summary(conn, who), server_seq=store.current_seq(conn))

    @app.get("/api/v1/sync/manifest", response_model=ManifestResponse)
    def manifest(who: Auth, table: Annotated[str, Query(max_length=64)]) -> ManifestResponse:
        with engine.connect() as conn:
            return ManifestResponse(table=table, versions=store.manifest(conn, who, table))

    @app.post("/api/v1/sync/fetch", response_model=FetchResponse)
    async def fetch(request: Request, who: Auth) -> FetchResponse:
        body = await _limited_body(request, FetchRequest, 200_000)

        def work() -> FetchResponse:
            with engine.connect() as conn:
                rows = store.fetch(conn, who, body.table, body.ids)
            for row in rows:
                row.data = scope.redact(who, row.table, row.data)
            return FetchResponse(rows=rows)

        return await run_in_threadpool(work)

    return app


@dataclass(frozen=True)
class _PulledRow:
    table_name: str
    record_id: str
    version: int
    server_seq: int
    deleted: bool
    data: str


def _redacted_row(principal: Principal, row: Any) -> Any:
    """A pulled row with the health fields this principal may not read left out (need-to-know)."""
    document = scope.redact_document(principal, row.table_name, row.data)
    if document is row.data:
        return row
    return _PulledRow(row.table_name, row.record_id, row.version, row.server_seq, row.deleted, document)


def parse_body(raw: bytes, model: Any) -> Any:
    """A request body as ``model``: strict JSON (no NaN, NUL or lone surrogates) and the model's own rules."""
    try:
        return model.model_validate(strict_json(raw))
    except ValueError:
        raise ApiError(422, "invalid_request", "Het verzoek is ongeldig.") from None


def _revoke_device_tokens(conn: Any, device_id: str) -> None:
    conn.execute(update(refresh_tokens).where(refresh_tokens.c.device_id == device_id).values(revoked=True))
    conn.execute(
        update(devices).where(devices.c.id == device_id).values(token_generation=devices.c.token_generation + 1)
    )


def revoke_device(engine: Engine, device_id: str) -> bool:
    """Administrator action: the device's tokens stop working and its next contact wipes it."""
    with engine.begin() as conn:
        found = conn.execute(select(devices.c.id).where(devices.c.id == device_id)).first()
        if found is None:
            return False
        conn.execute(update(devices).where(devices.c.id == device_id).values(revoked_at=store.now_iso()))
        _revoke_device_tokens(conn, device_id)
        store.audit(conn, "device_revoke", "ok", device_id=device_id)
    return True


def new_password() -> str:
    return secrets.token_urlsafe(12)

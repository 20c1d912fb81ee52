"""What every route of the sync server shares: the server state on ``app.state``, the authenticated principal,
the database engine, the API error and the bounded reading of a request body; reached with ``Depends``."""

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import Engine, select, update

from sync.protocol import strict_json
from sync.server import auth, store
from sync.server.auth import TokenError
from sync.server.db import accounts, devices
from sync.server.scope import Principal

WIPE_MESSAGE = "Dit apparaat is ingetrokken. De lokale gegevens worden gewist."

BodyModel = TypeVar("BodyModel", bound=BaseModel)


class ApiError(Exception):
    """A refusal, answered as ``{"error": code, "message": message, "wipe": wipe}`` with ``status``."""

    def __init__(
        self, status: int, code: str, message: str, wipe: bool = False, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(code)
        self.status, self.code, self.message, self.wipe, self.headers = status, code, message, wipe, headers


def error_response(
    status: int, code: str, message: str, wipe: bool = False, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"error": code, "message": message, "wipe": wipe}, status_code=status, headers=headers)


@dataclass
class ServerState:
    """Held on ``app.state.vangnet`` for the lifetime of the application."""

    engine: Engine
    secret: bytes
    limiter: auth.RateLimiter
    address_limiter: auth.RateLimiter


def server_state(request: Request) -> ServerState:
    state: ServerState = request.app.state.vangnet
    return state


State = Annotated[ServerState, Depends(server_state)]


def database(state: State) -> Engine:
    return state.engine


Database = Annotated[Engine, Depends(database)]


def principal(request: Request, state: State) -> Principal:
    """The account and device behind the bearer token; a revoked device or disabled account is told to wipe."""
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("bearer "):
        raise ApiError(401, "unauthorized", "Niet aangemeld.")
    try:
        claims = auth.verify_access_token(state.secret, header[7:].strip())
    except TokenError as exc:
        raise ApiError(401, exc.code, "Uw sessie is verlopen of ongeldig; meld opnieuw aan.") from None
    engine = state.engine
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
        with engine.begin() as conn:
            store.audit(conn, "request", "wipe", account_id=claims.user_id, device_id=claims.device_id)
        raise ApiError(401, "device_revoked", WIPE_MESSAGE, wipe=True)
    if row.token_generation != claims.generation:
        raise ApiError(401, "token_revoked", "Uw sessie is ingetrokken; meld opnieuw aan.")
    if row.last_seen_at is None or row.last_seen_at < store.now_iso()[:16]:
        with engine.begin() as conn:
            conn.execute(update(devices).where(devices.c.id == claims.device_id).values(last_seen_at=store.now_iso()))
    return Principal(claims.user_id, row.role, frozenset(json.loads(row.municipality_codes)), claims.device_id)


Auth = Annotated[Principal, Depends(principal)]


def parse_body(raw: bytes, model: type[BodyModel]) -> BodyModel:
    """A request body as ``model``: strict JSON (no NaN, NUL or lone surrogates) and the model's own rules."""
    try:
        return model.model_validate(strict_json(raw))
    except ValueError:
        raise ApiError(422, "invalid_request", "Het verzoek is ongeldig.") from None


async def read_body(request: Request, model: type[BodyModel], limit: int) -> BodyModel:
    """The request body as ``model``, refused with 413 when it is larger than ``limit`` (by its declared
    length before reading, and by what arrived) and with 422 when it is not valid."""
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limit:
        raise ApiError(413, "too_large", "Het verzoek is te groot.")
    raw = await request.body()
    if len(raw) > limit:
        raise ApiError(413, "too_large", "Het verzoek is te groot.")
    return parse_body(raw, model)


def limited_body(model: type[BodyModel], limit: int) -> Callable[[Request], Awaitable[BodyModel]]:
    """A dependency reading the body as ``model`` (see ``read_body``). Declared after ``Auth``, so a request
    without a valid token is refused before its body is read."""

    async def dependency(request: Request) -> BodyModel:
        return await read_body(request, model, limit)

    return dependency

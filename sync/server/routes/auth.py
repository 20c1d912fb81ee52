"""`POST /auth/login` and `POST /auth/refresh`: a device signs in and renews its tokens."""

import time
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from sqlalchemy import Connection, Row, insert, select, update
from starlette.concurrency import run_in_threadpool

from sync.protocol import LoginRequest, RefreshRequest, TokenResponse
from sync.server import auth, store
from sync.server.db import accounts, devices, refresh_tokens
from sync.server.deps import WIPE_MESSAGE, ApiError, ServerState, State, limited_body
from sync.server.devices import revoke_device_tokens

AUTH_BODY_BYTES = 8_000

router = APIRouter(prefix="/auth")


@router.post("/login", response_model=TokenResponse)
async def login(
    request: Request, state: State, body: Annotated[LoginRequest, Depends(limited_body(LoginRequest, AUTH_BODY_BYTES))]
) -> TokenResponse:
    return await run_in_threadpool(_login, state, body, request.client.host if request.client else "?")


def _login(state: ServerState, body: LoginRequest, client: str) -> TokenResponse:
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
    # A refusal is raised after the transaction, so its audit row is kept.
    with state.engine.begin() as conn:
        account = conn.execute(select(accounts).where(accounts.c.username == body.username)).first()
        ok = auth.verify_password(account.password_hash if account else None, body.password)
        if not ok or account is None or not account.active:
            store.audit(conn, "login", "denied", account_id=account.id if account else None)
            failure = ApiError(401, "login_failed", "Gebruikersnaam of wachtwoord onjuist.")
        else:
            # The right password: the reserved attempt is given back, as before only failures counted.
            state.limiter.release(user_key)
            state.address_limiter.release(address_key)
            device = None
            if body.device_id:
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
                return _issue(state, conn, account, device_id, generation, str(uuid.uuid4()))
    raise failure


@router.post("/refresh", response_model=TokenResponse)
async def refresh(
    state: State, body: Annotated[RefreshRequest, Depends(limited_body(RefreshRequest, AUTH_BODY_BYTES))]
) -> TokenResponse:
    return await run_in_threadpool(_refresh, state, body)


def _refresh(state: ServerState, body: RefreshRequest) -> TokenResponse:
    token_hash = auth.hash_refresh_token(body.refresh_token)
    failure: ApiError | None = None
    with state.engine.begin() as conn:
        row = conn.execute(select(refresh_tokens).where(refresh_tokens.c.token_hash == token_hash)).first()
        if row is None or row.expires_at < time.time():
            raise ApiError(401, "token_invalid", "Uw sessie is verlopen; meld opnieuw aan.")
        # Devices and accounts are never deleted: a token's device and a device's account are there.
        device = conn.execute(select(devices).where(devices.c.id == row.device_id)).one()
        account = conn.execute(select(accounts).where(accounts.c.id == device.account_id)).one()
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
                return _issue(state, conn, account, device.id, device.token_generation, row.family_id)
            # Reuse of a rotated token: someone else may hold it. Revoke every token of the device.
            revoke_device_tokens(conn, device.id)
            store.audit(conn, "refresh", "reuse_detected", account_id=account.id, device_id=device.id)
            failure = ApiError(401, "token_reused", "Uw sessie is ingetrokken; meld opnieuw aan.")
    raise failure


def _issue(
    state: ServerState, conn: Connection, account: Row, device_id: str, generation: int, family: str
) -> TokenResponse:
    """New tokens for the device: a signed access token and a refresh token in the family ``family``."""
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

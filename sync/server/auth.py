"""Passwords (Argon2id), signed access tokens (HS256 only), rotating refresh tokens, login rate limit."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

AUDIENCE = "vangnet-sync"
ACCESS_TOKEN_SECONDS = 15 * 60
REFRESH_TOKEN_SECONDS = 30 * 24 * 3600

# argon2-cffi's defaults are Argon2id (RFC 9106 low-memory profile: 64 MiB, t=3).
_hasher = PasswordHasher()
# Verifying against this when the user does not exist keeps the timing of both answers equal.
_DUMMY_HASH = _hasher.hash("niet-bestaand-account")


def set_hash_parameters(time_cost: int, memory_cost_kib: int) -> None:
    """Change the Argon2id cost (the test suite lowers it; production keeps the defaults)."""
    global _hasher, _DUMMY_HASH
    _hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost_kib, parallelism=1)
    _DUMMY_HASH = _hasher.hash("niet-bestaand-account")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def load_secret(data_dir: Path | None) -> bytes:
    """The token signing key: VANGNET_SERVER_SECRET, else a random key kept in the data dir (0600)."""
    env = os.environ.get("VANGNET_SERVER_SECRET")
    if env:
        return hashlib.sha256(env.encode()).digest()
    if data_dir is None:
        return secrets.token_bytes(32)
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "server-secret.key"
    if path.exists():
        return bytes.fromhex(path.read_text().strip())
    key = secrets.token_bytes(32)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key.hex())
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return key


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class TokenError(Exception):
    """The token is malformed, forged, for another audience or expired."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class AccessClaims:
    user_id: str
    device_id: str
    generation: int
    expires_at: int


def sign_access_token(secret: bytes, user_id: str, device_id: str, generation: int, now: float | None = None) -> str:
    issued = int(now if now is not None else time.time())
    header = {"alg": "HS256", "typ": "JWT"}
    payload = {
        "sub": user_id,
        "dev": device_id,
        "gen": generation,
        "aud": AUDIENCE,
        "iat": issued,
        "exp": issued + ACCESS_TOKEN_SECONDS,
        "jti": secrets.token_hex(8),
    }
    signing_input = _b64(json.dumps(header).encode()) + "." + _b64(json.dumps(payload).encode())
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + _b64(signature)


def verify_access_token(secret: bytes, token: str, now: float | None = None) -> AccessClaims:
    parts = token.split(".")
    if len(parts) != 3:
        raise TokenError("token_invalid")
    try:
        header = json.loads(_unb64(parts[0]))
        payload = json.loads(_unb64(parts[1]))
        signature = _unb64(parts[2])
    except (ValueError, UnicodeDecodeError):
        raise TokenError("token_invalid") from None
    # Only HS256: 'none' and every other algorithm are refused before looking at the signature.
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise TokenError("token_invalid")
    expected = hmac.new(secret, (parts[0] + "." + parts[1]).encode(), hashlib.sha256).digest()
    if not hmac.compare_digest(expected, signature):
        raise TokenError("token_invalid")
    if not isinstance(payload, dict) or payload.get("aud") != AUDIENCE:
        raise TokenError("token_invalid")
    try:
        expires_at = int(payload["exp"])
        claims = AccessClaims(str(payload["sub"]), str(payload["dev"]), int(payload["gen"]), expires_at)
    except (KeyError, TypeError, ValueError):
        raise TokenError("token_invalid") from None
    if (now if now is not None else time.time()) >= expires_at:
        raise TokenError("token_expired")
    return claims


def new_refresh_token() -> tuple[str, str]:
    """A new opaque refresh token and the hash under which the server stores it."""
    token = secrets.token_urlsafe(32)
    return token, hash_refresh_token(token)


def hash_refresh_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class RateLimiter:
    """Sliding-window limit on failed login attempts per key (user name, client address)."""

    def __init__(self, attempts: int = 10, window_seconds: float = 60.0) -> None:
        self.attempts = attempts
        self.window = window_seconds
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str, now: float | None = None) -> float:
        """0 when another attempt is allowed, else the seconds to wait (records nothing)."""
        moment = now if now is not None else time.monotonic()
        with self._lock:
            hits = self._hits.get(key)
            if not hits:
                return 0.0
            while hits and hits[0] <= moment - self.window:
                hits.popleft()
            if len(hits) >= self.attempts:
                return max(1.0, hits[0] + self.window - moment)
            return 0.0

    def hit(self, key: str, now: float | None = None) -> None:
        """Record a failed attempt."""
        moment = now if now is not None else time.monotonic()
        with self._lock:
            if len(self._hits) > 100_000:
                self._hits.clear()
            self._hits.setdefault(key, deque()).append(moment)

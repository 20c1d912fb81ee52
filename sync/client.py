"""HTTP client of the sync protocol: strict TLS, retries with backoff and jitter, clear Dutch errors."""

from __future__ import annotations

import ipaddress
import json
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests

from desktop.errors import VangnetError
from sync.protocol import (
    DEFAULT_PAGE_SIZE,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    FetchResponse,
    ManifestResponse,
    PullResponse,
    PushOp,
    PushResponse,
    SummaryResponse,
    TokenResponse,
)

MAX_ANSWER_BYTES = 64 * 1024 * 1024
MAX_RETRY_AFTER = 300.0


class SyncError(VangnetError):
    """A sync problem with a message for the user (Dutch, without personal data)."""

    retryable = False

    def __init__(self, message: str, code: str = "error") -> None:
        super().__init__(message)
        self.code = code


class ServerUnavailable(SyncError):
    retryable = True


class AuthenticationRequired(SyncError):
    """The user has to log in again (expired session, reused token)."""


class WipeRequired(SyncError):
    """The server revoked this device: the local profile must be wiped."""


class UpgradeRequired(SyncError):
    """Protocol or schema version not served: sync stops, the outbox is kept."""


class InsecureServer(SyncError):
    """Plain HTTP to a non-loopback host."""


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(base_url: str) -> str:
    """The server URL, refused unless https, or http to a loopback address (development)."""
    parts = urlsplit(base_url)
    if parts.scheme == "https" and parts.hostname:
        return base_url.rstrip("/")
    if parts.scheme == "http" and parts.hostname and is_loopback_host(parts.hostname):
        return base_url.rstrip("/")
    raise InsecureServer("De server moet via HTTPS worden benaderd.", "insecure_url")


@dataclass
class Tokens:
    access_token: str = ""
    refresh_token: str = ""
    device_id: str = ""
    user_id: str = ""
    role: str = ""


class SyncClient:
    """Talks to one server. TLS certificates are always verified; there is no switch to turn that off."""

    def __init__(
        self,
        base_url: str,
        tokens: Tokens | None = None,
        *,
        ca_bundle: str | None = None,
        timeout: tuple[float, float] = (5.0, 60.0),
        max_attempts: int = 5,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        max_answer_bytes: int = MAX_ANSWER_BYTES,
        on_tokens: Callable[[Tokens], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        protocol_version: int = PROTOCOL_VERSION,
        schema_version: int = SCHEMA_VERSION,
    ) -> None:
        self.base_url = check_url(base_url)
        self.tokens = tokens or Tokens()
        self.timeout = timeout
        self.max_attempts = max_attempts
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_answer_bytes = max_answer_bytes
        self.on_tokens = on_tokens
        self.sleep = sleep
        self.protocol_version = protocol_version
        self.schema_version = schema_version
        self._session = requests.Session()
        # Environment proxies and CA overrides would change where and how we connect: ignore them.
        self._session.trust_env = False
        self._verify: str | bool = ca_bundle or True
        self._refresh_lock = threading.Lock()

    def close(self) -> None:
        self._session.close()

    # -- authentication -------------------------------------------------------------------------
    def login(self, username: str, password: str, device_name: str = "") -> Tokens:
        body = {"username": username, "password": password, "device_name": device_name}
        if self.tokens.device_id:
            body["device_id"] = self.tokens.device_id
        data = self._request("POST", "/api/v1/auth/login", body=body, authenticated=False)
        return self._store_tokens(TokenResponse.model_validate(data))

    def refresh(self) -> Tokens:
        if not self.tokens.refresh_token:
            raise AuthenticationRequired("Meld opnieuw aan om te synchroniseren.", "login_required")
        data = self._request(
            "POST", "/api/v1/auth/refresh", body={"refresh_token": self.tokens.refresh_token}, authenticated=False
        )
        return self._store_tokens(TokenResponse.model_validate(data))

    def _store_tokens(self, answer: TokenResponse) -> Tokens:
        self.tokens = Tokens(answer.access_token, answer.refresh_token, answer.device_id, answer.user_id, answer.role)
        if self.on_tokens is not None:
            self.on_tokens(self.tokens)
        return self.tokens

    # -- protocol -------------------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        return self._request("GET", "/api/v1/health", authenticated=False)

    def push(self, ops: list[PushOp]) -> PushResponse:
        body = {"ops": [op.model_dump(mode="json") for op in ops]}
        return PushResponse.model_validate(self._request("POST", "/api/v1/sync/push", body=body))

    def pull(self, since: int, limit: int = DEFAULT_PAGE_SIZE) -> PullResponse:
        data = self._request("GET", "/api/v1/sync/pull", params={"since": since, "limit": limit})
        return PullResponse.model_validate(data)

    def summary(self) -> SummaryResponse:
        return SummaryResponse.model_validate(self._request("GET", "/api/v1/sync/summary"))

    def manifest(self, table: str) -> ManifestResponse:
        return ManifestResponse.model_validate(self._request("GET", "/api/v1/sync/manifest", params={"table": table}))

    def fetch(self, table: str, ids: list[str]) -> FetchResponse:
        data = self._request("POST", "/api/v1/sync/fetch", body={"table": table, "ids": ids})
        return FetchResponse.model_validate(data)

    # -- transport ------------------------------------------------------------------------------
    def _headers(self, authenticated: bool) -> dict[str, str]:
        headers = {
            PROTOCOL_HEADER: str(self.protocol_version),
            SCHEMA_HEADER: str(self.schema_version),
            "Accept": "application/json",
        }
        if authenticated:
            if not self.tokens.access_token:
                raise AuthenticationRequired("Meld aan om te synchroniseren.", "login_required")
            headers["Authorization"] = "Bearer " + self.tokens.access_token
        return headers

    def _delay(self, attempt: int) -> float:
        # Full jitter: many clients coming back after an outage do not hit the server in lockstep.
        return random.uniform(0, min(self.max_backoff, self.backoff * (2**attempt)))

    def _request(
        self,
        method: str,
        path: str,
        body: Any = None,
        params: dict[str, Any] | None = None,
        authenticated: bool = True,
    ) -> Any:
        last: SyncError = ServerUnavailable("De server is niet bereikbaar.", "unreachable")
        refreshed = False
        attempt = 0
        while attempt < self.max_attempts:
            payload = None if body is None else json.dumps(body, separators=(",", ":")).encode()
            headers = self._headers(authenticated)
            if payload is not None:
                headers["Content-Type"] = "application/json"
            try:
                response = self._session.request(
                    method,
                    self.base_url + path,
                    data=payload,
                    params=params,
                    headers=headers,
                    timeout=self.timeout,
                    verify=self._verify,
                    stream=True,
                    allow_redirects=False,
                )
                raw = self._read(response)
            except requests.exceptions.SSLError:
                raise SyncError(
                    "Het certificaat van de server is niet geldig. De verbinding is geweigerd.", "tls"
                ) from None
            except (
                requests.exceptions.ConnectionError,
                requests.exceptions.Timeout,
                requests.exceptions.ChunkedEncodingError,
            ):
                last = ServerUnavailable("De verbinding met de server is verbroken.", "connection")
                attempt += 1
                if attempt < self.max_attempts:
                    self.sleep(self._delay(attempt))
                continue
            except SyncError as exc:
                if not exc.retryable:
                    raise
                last = exc
                attempt += 1
                if attempt < self.max_attempts:
                    self.sleep(self._delay(attempt))
                continue
            status = response.status_code
            data = _json_or_none(raw, response.headers.get("Content-Type", ""))
            code = data.get("error", "") if isinstance(data, dict) else ""
            if status == 200:
                if data is None:
                    last = ServerUnavailable("De server gaf een onvolledig of onleesbaar antwoord.", "bad_answer")
                    attempt += 1
                    if attempt < self.max_attempts:
                        self.sleep(self._delay(attempt))
                    continue
                return data
            if status == 401:
                if isinstance(data, dict) and data.get("wipe"):
                    raise WipeRequired("Dit apparaat is ingetrokken. De lokale gegevens worden gewist.", code)
                if authenticated and not refreshed and code in ("token_expired", "token_invalid", "token_revoked"):
                    refreshed = True
                    self._refresh_once(self.tokens.access_token)
                    continue
                if code == "login_failed":
                    raise AuthenticationRequired("Gebruikersnaam of wachtwoord onjuist.", code)
                raise AuthenticationRequired("Uw sessie is verlopen; meld opnieuw aan.", code or "unauthorized")
            if status == 426:
                raise UpgradeRequired(
                    "Deze versie van Vangnet past niet bij de server. Werk de app bij; uw wijzigingen blijven bewaard.",
                    "upgrade_required",
                )
            if status == 413:
                raise SyncError("Het verzoek was te groot voor de server.", "too_large")
            if status == 429 or status >= 500:
                retry_after = _retry_after(response.headers.get("Retry-After"))
                last = ServerUnavailable(
                    "De server is druk; het wordt straks opnieuw geprobeerd."
                    if status == 429
                    else "De server heeft een storing; het wordt straks opnieuw geprobeerd.",
                    "busy" if status == 429 else "server_error",
                )
                attempt += 1
                if attempt < self.max_attempts:
                    self.sleep(min(MAX_RETRY_AFTER, retry_after) if retry_after is not None else self._delay(attempt))
                continue
            if status == 403:
                raise SyncError("U hebt geen toegang tot deze gegevens.", "forbidden")
            raise SyncError("De server weigerde het verzoek.", code or f"http_{status}")
        raise last

    def _refresh_once(self, stale_access: str) -> None:
        with self._refresh_lock:
            # Another thread may have refreshed meanwhile: then the new token is used as is.
            if self.tokens.access_token == stale_access:
                self.refresh()

    def _read(self, response: requests.Response) -> bytes:
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(65536):
                size += len(chunk)
                if size > self.max_answer_bytes:
                    raise SyncError("Het antwoord van de server is te groot.", "answer_too_large")
                chunks.append(chunk)
        finally:
            response.close()
        return b"".join(chunks)


def _json_or_none(raw: bytes, content_type: str) -> Any:
    if "json" not in content_type.lower():
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None

"""Passwords (Argon2id and a strength policy), signed access tokens (HS256 only), rotating refresh tokens,
login rate limit."""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import itertools
import json
import os
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from desktop.fileio import atomic_write_bytes

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


MIN_PASSWORD_LENGTH = 12
MIN_DISTINCT_CHARACTERS = 6
_COMMON_PASSWORDS_FILE = Path(__file__).with_name("common_passwords.txt")
# Simple leetspeak: the letters a digit or sign may stand for.
_LEET = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
# Alphabet, digits (9 is followed by 0) and the letter rows of QWERTY, AZERTY and QWERTZ keyboards.
_SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "01234567890",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "azertyuiop",
    "qsdfghjklm",
    "wxcvbn",
    "qwertzuiop",
    "yxcvbnm",
)
_SUCCESSORS = tuple(dict(itertools.pairwise(seq)) for s in _SEQUENCES for seq in (s, s[::-1]))
_MIN_RUN = 4


def password_problem(password: str, username: str | None = None) -> str | None:
    """Why the password is too weak for a server account, in one Dutch sentence; None when it is acceptable."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Het wachtwoord moet minstens {MIN_PASSWORD_LENGTH} tekens hebben."
    if username:
        rest = _without_name(password, username)
        # A name adds nothing an attacker does not know: what is left must be strong on its own.
        if rest is not None and password_problem(rest) is not None:
            return "Het wachtwoord bevat de gebruikersnaam."
    lower = password.lower()
    compact = "".join(ch for ch in lower if ch.isalnum())
    core = _strip_decoration(lower)
    if any(_is_repeat(text) for text in (lower, compact, core if len(core) >= _MIN_RUN else "")):
        return "Het wachtwoord is een herhaald patroon."
    if 2 * _sequence_length(lower) >= len(lower):
        return "Het wachtwoord bestaat grotendeels uit een reeks op het toetsenbord of in het alfabet."
    words = _common_words()
    if len(password) in _word_ends(password, 0, words):
        return "Het wachtwoord staat in de lijst met veelgebruikte wachtwoorden."
    count = _common_word_count(password, words)
    if count == 1:
        return "Het wachtwoord is een veelgebruikt woord met alleen cijfers, jaartallen of leestekens eromheen."
    if count == 2:
        return "Het wachtwoord bestaat alleen uit veelgebruikte woorden, cijfers, jaartallen en leestekens."
    if len(set(lower)) < MIN_DISTINCT_CHARACTERS:
        return "Het wachtwoord bevat te weinig verschillende tekens."
    return None


@functools.lru_cache(maxsize=1)
def _common_words() -> dict[str, Any]:
    """The shipped list as a trie (one dict per character; the key '' marks the end of a word)."""
    trie: dict[str, Any] = {}
    for line in _COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines():
        word = line.strip().lower()
        if not word or word.startswith("#"):
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    return trie


def _options(ch: str) -> str:
    low = ch.lower()
    return low + _LEET.get(low, "")


def _word_ends(text: str, start: int, trie: dict[str, Any]) -> set[int]:
    """Every position where a list word read from start ends (case and leetspeak ignored)."""
    ends: set[int] = set()
    frontier = [(start, trie)]
    while frontier:
        i, node = frontier.pop()
        if "" in node:
            ends.add(i)
        if i < len(text):
            frontier.extend((i + 1, node[o]) for o in _options(text[i]) if o in node)
    return ends


def _common_word_count(password: str, trie: dict[str, Any]) -> int | None:
    """1 or 2 when that many list words, with only non-letters beside or between them, make the password."""
    reach: list[set[int]] = [set() for _ in range(len(password) + 1)]
    reach[0].add(0)
    for i, ch in enumerate(password):
        if not reach[i]:
            continue
        if not ch.isalpha():
            reach[i + 1] |= reach[i]
        for end in _word_ends(password, i, trie):
            reach[end] |= {n + 1 for n in reach[i] if n < 2}
    found = reach[-1] - {0}
    return min(found) if found else None


def _without_name(password: str, username: str) -> str | None:
    """The password with every occurrence of the user name taken out; None when it holds none."""
    name = username.lower()
    if len(name) < 3:
        return None
    kept: list[str] = []
    found = False
    i = 0
    while i < len(password):
        if i + len(name) <= len(password) and all(c in _options(password[i + k]) for k, c in enumerate(name)):
            found = True
            i += len(name)
        else:
            kept.append(password[i])
            i += 1
    return "".join(kept) if found else None


def _strip_decoration(text: str) -> str:
    start, end = 0, len(text)
    while start < end and not text[start].isalpha():
        start += 1
    while end > start and not text[end - 1].isalpha():
        end -= 1
    return text[start:end]


def _is_repeat(text: str) -> bool:
    return len(text) >= 2 and text in (text + text)[1:-1]


def _sequence_length(text: str) -> int:
    """How many characters lie in runs of at least four along the alphabet, the digits or a keyboard row."""
    covered: set[int] = set()
    for successor in _SUCCESSORS:
        start = 0
        for i in range(1, len(text) + 1):
            if i < len(text) and successor.get(text[i - 1]) == text[i]:
                continue
            if i - start >= _MIN_RUN:
                covered.update(range(start, i))
            start = i
    return len(covered)


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
    atomic_write_bytes(path, key.hex().encode("ascii"))
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
    """Sliding-window limit on login attempts per key (user name, client address).

    `reserve` checks and records in one step, before the password is verified, so concurrent guesses
    are counted as well; a login that succeeds gives its attempt back with `release`.
    """

    def __init__(self, attempts: int = 10, window_seconds: float = 60.0) -> None:
        self.attempts = attempts
        self.window = window_seconds
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def reserve(self, key: str, now: float | None = None) -> float:
        """0 with the attempt recorded when one is allowed, else the seconds to wait (nothing recorded)."""
        moment = now if now is not None else time.monotonic()
        with self._lock:
            wait = self._wait(key, moment)
            if not wait:
                self._record(key, moment)
            return wait

    def release(self, key: str) -> None:
        """Give back the newest recorded attempt of key (the login it was reserved for succeeded)."""
        with self._lock:
            hits = self._hits.get(key)
            if hits:
                hits.pop()

    def check(self, key: str, now: float | None = None) -> float:
        """0 when another attempt is allowed, else the seconds to wait (records nothing)."""
        with self._lock:
            return self._wait(key, now if now is not None else time.monotonic())

    def hit(self, key: str, now: float | None = None) -> None:
        """Record a failed attempt."""
        with self._lock:
            self._record(key, now if now is not None else time.monotonic())

    def _wait(self, key: str, moment: float) -> float:
        hits = self._hits.get(key)
        if not hits:
            return 0.0
        while hits and hits[0] <= moment - self.window:
            hits.popleft()
        if len(hits) >= self.attempts:
            return max(1.0, hits[0] + self.window - moment)
        return 0.0

    def _record(self, key: str, moment: float) -> None:
        if len(self._hits) > 100_000:
            self._hits.clear()
        self._hits.setdefault(key, deque()).append(moment)

"""The key file: the random database key, wrapped with AES-256-GCM under an Argon2id key from the passphrase.

Only the wrapped key, the salt and the KDF parameters are stored; the passphrase and the raw key never
touch the disk. Changing the passphrase re-wraps the same database key.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.errors import KeyFileDamaged, WrongPassphrase
from desktop.fileio import atomic_write_bytes

KEY_BYTES = 32
FORMAT_VERSION = 1
# OWASP's minimum for Argon2id: 19 MiB and two passes. Calibration only ever goes up from here.
MIN_MEMORY_KIB = 19 * 1024
MIN_TIME_COST = 2
TARGET_SECONDS = 0.5


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    time_cost: int
    parallelism: int = 1

    def __post_init__(self) -> None:
        if self.memory_kib < MIN_MEMORY_KIB or self.time_cost < MIN_TIME_COST or self.parallelism < 1:
            raise ValueError("Argon2id-parameters liggen onder het vereiste minimum.")

    @classmethod
    def minimum(cls) -> KdfParams:
        return cls(memory_kib=MIN_MEMORY_KIB, time_cost=MIN_TIME_COST)


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def calibrate(target_seconds: float = TARGET_SECONDS, max_memory_kib: int = 256 * 1024) -> KdfParams:
    """Pick Argon2id parameters that take about ``target_seconds`` on this machine.

    Memory grows first (it is what makes guessing expensive on GPUs), then the number of passes.
    """
    salt = secrets.token_bytes(16)
    memory, passes = 64 * 1024, MIN_TIME_COST
    while True:
        params = KdfParams(memory_kib=memory, time_cost=passes)
        started = time.perf_counter()
        derive_key("calibration", salt, params)
        elapsed = time.perf_counter() - started
        if elapsed >= target_seconds * 0.8:
            return params
        factor = max(1.2, target_seconds / max(elapsed, 1e-3))
        if memory < max_memory_kib:
            memory = min(max_memory_kib, int(memory * factor))
        else:
            passes = max(passes + 1, int(passes * factor))
        if passes > 64:
            return params


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class KeyFile:
    params: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    def _associated_data(self) -> bytes:
        # Binding the parameters to the ciphertext: a key file whose KDF settings were lowered
        # by someone else no longer opens.
        header = {"format": FORMAT_VERSION, "kdf": "argon2id", **asdict(self.params), "salt": _b64(self.salt)}
        return json.dumps(header, sort_keys=True).encode("utf-8")

    @classmethod
    def wrap(cls, database_key: bytes, passphrase: str, params: KdfParams) -> KeyFile:
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        draft = cls(params=params, salt=salt, nonce=nonce, wrapped_key=b"")
        wrapping_key = derive_key(passphrase, salt, params)
        wrapped = AESGCM(wrapping_key).encrypt(nonce, database_key, draft._associated_data())
        return cls(params=params, salt=salt, nonce=nonce, wrapped_key=wrapped)

    def unwrap(self, passphrase: str) -> bytearray:
        wrapping_key = derive_key(passphrase, self.salt, self.params)
        try:
            key = AESGCM(wrapping_key).decrypt(self.nonce, self.wrapped_key, self._associated_data())
        except InvalidTag:
            raise WrongPassphrase("Het wachtwoord is onjuist.") from None
        return bytearray(key)

    def to_bytes(self) -> bytes:
        document = {
            "format": FORMAT_VERSION,
            "kdf": {"name": "argon2id", **asdict(self.params), "salt": _b64(self.salt)},
            "cipher": "aes-256-gcm",
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
        }
        return json.dumps(document, indent=2).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        try:
            document = json.loads(data.decode("utf-8"))
            if document["format"] != FORMAT_VERSION or document["cipher"] != "aes-256-gcm":
                raise ValueError("unknown format")
            kdf = document["kdf"]
            if kdf["name"] != "argon2id":
                raise ValueError("unknown kdf")
            params = KdfParams(
                memory_kib=int(kdf["memory_kib"]), time_cost=int(kdf["time_cost"]),
                parallelism=int(kdf["parallelism"]),
            )
            return cls(
                params=params, salt=_unb64(kdf["salt"]), nonce=_unb64(document["nonce"]),
                wrapped_key=_unb64(document["wrapped_key"]),
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise KeyFileDamaged(
                "Het sleutelbestand van dit profiel is beschadigd of onleesbaar."
            ) from None

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        return cls.from_bytes(path.read_bytes())

    def save(self, path: Path) -> None:
        atomic_write_bytes(path, self.to_bytes())


def new_database_key() -> bytearray:
    return bytearray(os.urandom(KEY_BYTES))

"""Wire format of the sync protocol, shared by the server and the desktop client."""

from __future__ import annotations

import hashlib
import json
import math
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt

# The server accepts the current and the previous version of both; anything else gets 426.
PROTOCOL_VERSION = 1
SCHEMA_VERSION = 1
PROTOCOL_HEADER = "X-Vangnet-Protocol"
SCHEMA_HEADER = "X-Vangnet-Schema"

MAX_BATCH_OPS = 500
MAX_BATCH_BYTES = 1_000_000
MAX_BODY_BYTES = 2_000_000
DEFAULT_PAGE_SIZE = 1000
MAX_PAGE_SIZE = 5000

#: Every integer of the protocol has a bound (JSON numbers beyond 2**53 lose precision in many parsers).
MAX_PROTOCOL_INT = 2**53
MAX_VERSION = 2**31 - 1
UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
TABLE_PATTERN = r"^[a-z][a-z_]{0,63}$"
FIELD_PATTERN = r"^[a-z][a-z0-9_]{0,62}$"

OpKind = Literal["insert", "update", "delete"]
OpStatus = Literal["applied", "duplicate", "conflict", "rejected"]


class Change(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    old: Any = None
    new: Any = None


FieldName = Annotated[str, Field(pattern=FIELD_PATTERN)]


class PushOp(BaseModel):
    # Strict: '5' or true is not a number here, and an unknown key is refused.
    model_config = ConfigDict(extra="forbid", strict=True)
    op_id: str = Field(pattern=UUID_PATTERN)
    device_counter: StrictInt = Field(ge=0, le=MAX_PROTOCOL_INT)
    table: str = Field(pattern=TABLE_PATTERN)
    record_id: str = Field(pattern=UUID_PATTERN)
    kind: OpKind
    base_version: StrictInt = Field(ge=0, le=MAX_VERSION)
    changes: dict[FieldName, Change] = Field(default_factory=dict, max_length=200)

    def body_hash(self) -> str:
        """Stable hash of everything but the op id: a reused op id with another body is refused."""
        body = self.model_dump(exclude={"op_id"})
        return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


class PushRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    ops: list[PushOp] = Field(max_length=MAX_BATCH_OPS)


class FieldConflict(BaseModel):
    client: Any = None
    server: Any = None


class OpResult(BaseModel):
    op_id: str
    status: OpStatus
    version: int | None = None
    server_seq: int | None = None
    # conflict: the fields that were kept at the server value, with both values
    conflict_kind: Literal["field", "delete_edit", "edit_delete", "exists"] | None = None
    conflicts: dict[str, FieldConflict] = Field(default_factory=dict)
    server_row: dict[str, Any] | None = None
    reason: str | None = None
    message: str | None = None
    # duplicate: what the first delivery of this operation got
    original_status: OpStatus | None = None


class PushResponse(BaseModel):
    results: list[OpResult]


class RowState(BaseModel):
    table: str
    id: str
    version: int
    server_seq: int
    deleted: bool
    data: dict[str, Any]


class Purge(BaseModel):
    table: str
    id: str
    server_seq: int


class PullResponse(BaseModel):
    rows: list[RowState]
    purges: list[Purge]
    next: int
    has_more: bool


class TableSummary(BaseModel):
    count: int
    checksum: int


class SummaryResponse(BaseModel):
    tables: dict[str, TableSummary]
    server_seq: int


class ManifestResponse(BaseModel):
    table: str
    versions: dict[str, int]


class FetchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    table: str = Field(pattern=TABLE_PATTERN)
    ids: list[Annotated[str, Field(pattern=UUID_PATTERN)]] = Field(max_length=DEFAULT_PAGE_SIZE)


class FetchResponse(BaseModel):
    rows: list[RowState]


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    username: str = Field(min_length=1, max_length=150)
    password: str = Field(min_length=1, max_length=1024)
    device_id: str | None = Field(default=None, max_length=36)
    device_name: str = Field(default="", max_length=200)


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    refresh_token: str = Field(min_length=10, max_length=200)


class TokenResponse(BaseModel):
    access_token: str
    refresh_token: str
    expires_in: int
    device_id: str
    user_id: str
    role: str


class ErrorResponse(BaseModel):
    error: str
    message: str
    wipe: bool = False


_UNSAFE_TEXT = re.compile("[\x00\ud800-\udfff]")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"JSON constant {name} is not allowed")


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError("JSON number out of range")
    return value


def _check_text(value: Any) -> None:
    if isinstance(value, str):
        if _UNSAFE_TEXT.search(value):
            raise ValueError("NUL or a lone surrogate in a JSON string")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key)
            _check_text(item)
    elif isinstance(value, list):
        for item in value:
            _check_text(item)


def strict_json(raw: bytes | str) -> Any:
    """JSON as the protocol allows it: no NaN or Infinity, no NUL and no lone surrogates in any string.

    Python's and pydantic's parsers accept all three; a server that stored them would send pull answers
    that are not valid JSON, and PostgreSQL refuses NUL in text. ValueError when the text does not fit.
    """
    try:
        value = json.loads(raw, parse_constant=_refuse_constant, parse_float=_finite_float)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    _check_text(value)
    return value


def row_checksum(record_id: str, version: int) -> int:
    """31-bit checksum of one row state; the per-table checksum is the sum modulo 2**61."""
    digest = hashlib.sha256(f"{record_id}:{version}".encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


CHECKSUM_MODULUS = 2**61 - 1

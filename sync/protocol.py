"""Wire format of the sync protocol, shared by the server and the desktop client."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

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

OpKind = Literal["insert", "update", "delete"]
OpStatus = Literal["applied", "duplicate", "conflict", "rejected"]


class Change(BaseModel):
    model_config = ConfigDict(extra="forbid")
    old: Any = None
    new: Any = None


class PushOp(BaseModel):
    model_config = ConfigDict(extra="forbid")
    op_id: str = Field(min_length=36, max_length=36)
    device_counter: int = Field(ge=0)
    table: str = Field(min_length=1, max_length=64)
    record_id: str = Field(min_length=1, max_length=36)
    kind: OpKind
    base_version: int = Field(ge=0)
    changes: dict[str, Change] = Field(default_factory=dict)

    def body_hash(self) -> str:
        """Stable hash of everything but the op id: a reused op id with another body is refused."""
        body = self.model_dump(exclude={"op_id"})
        return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


class PushRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
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
    model_config = ConfigDict(extra="forbid")
    table: str
    ids: list[str] = Field(max_length=DEFAULT_PAGE_SIZE)


class FetchResponse(BaseModel):
    rows: list[RowState]


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = Field(min_length=1, max_length=150)
    password: str = Field(min_length=1, max_length=1024)
    device_id: str | None = Field(default=None, max_length=36)
    device_name: str = Field(default="", max_length=200)


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
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


def row_checksum(record_id: str, version: int) -> int:
    """31-bit checksum of one row state; the per-table checksum is the sum modulo 2**61."""
    digest = hashlib.sha256(f"{record_id}:{version}".encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


CHECKSUM_MODULUS = 2**61 - 1

"""The Vangnet interchange format (JSON Lines): every entity, one record per line, streamed.

Line 1 is a header (``type: "vangnet-export"``), then one line per row with its ``type``, every column
of the table (ids, versions, timestamps and tombstones included, so that an import reproduces the data
exactly), and a closing ``type: "einde"`` line with the number of records, so a cut-off file is noticed.
The JSON Schema is docs/vangnet-jsonl.schema.json.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.fileio import atomic_replace
from desktop.models import audit, entities
from desktop.models.base import Base, table_of

FORMAT_NAME = "vangnet-export"
FORMAT_VERSION = 1
END_TYPE = "einde"


def skip_to_lines(handle: BinaryIO) -> str | None:
    """Move a file just opened (binary) past a UTF-8 byte-order mark, to its first line. The Dutch reason
    when it cannot be an export at all: a zip or XLSX file, or text in UTF-16."""
    magic = handle.read(4)
    if magic.startswith(b"PK"):
        return "Dit is een zip- of XLSX-bestand, geen Vangnet-uitwisselbestand (JSON Lines)."
    if magic.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "Het bestand is in UTF-16 opgeslagen; een uitwisselbestand is UTF-8."
    handle.seek(len(codecs.BOM_UTF8) if magic.startswith(codecs.BOM_UTF8) else 0)
    return None

# Record types in an order where every reference points backwards (exemptions may refer to each other):
# the entity registry's order, which follows the tables' foreign keys.
RECORD_TYPES: tuple[tuple[str, type[Base]], ...] = tuple((e.interchange, e.model) for e in entities.entities())
TYPE_BY_TABLE = {model.__tablename__: name for name, model in RECORD_TYPES}
MODEL_BY_TYPE = dict(RECORD_TYPES)

ProgressCallback = Callable[[int, int, str], None]


def encode_value(value: Any) -> Any:
    """A column value as JSON: dates and times in ISO 8601, enums by their stored value."""
    if value is None or isinstance(value, bool | int | float | str):
        return value.value if hasattr(value, "value") and isinstance(value, str) else value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return value
    return str(value)


def _column_encoder(column: sa.Column) -> Callable[[Any], Any] | None:
    """How one column's values become JSON (None: as they are)."""
    if isinstance(column.type, sa.Date | sa.DateTime):
        return lambda value: None if value is None else value.isoformat()
    if getattr(column.type, "enum_class", None) is not None:
        return lambda value: None if value is None else getattr(value, "value", value)
    if isinstance(column.type, sa.String | sa.Text | sa.Integer | sa.Boolean | sa.JSON):
        return None
    return encode_value


def iter_records(session: Session, batch_size: int = 2000) -> Iterator[dict[str, Any]]:
    """Every row of every entity table, in reference order, as a JSON-ready dict."""
    for type_name, model in RECORD_TYPES:
        table = table_of(model)
        names = [column.name for column in table.columns]
        encoders = [_column_encoder(column) for column in table.columns]
        plain = all(encoder is None for encoder in encoders)
        result = session.execute(
            select(*table.columns).order_by(table.c.id).execution_options(yield_per=batch_size)
        )
        for row in result:
            record: dict[str, Any] = {"type": type_name}
            if plain:
                record.update(zip(names, row, strict=True))
            else:
                for name, encoder, value in zip(names, encoders, row, strict=True):
                    record[name] = value if encoder is None else encoder(value)
            yield record


def count_records(session: Session) -> int:
    return sum(
        session.scalar(select(sa.func.count()).select_from(model.__table__)) or 0 for _name, model in RECORD_TYPES
    )


def export_jsonl(session: Session, path: str | Path, progress: ProgressCallback | None = None) -> int:
    """Write everything to ``path`` atomically (temp file, fsync, rename; owner-only). Returns the record count."""
    path = Path(path)
    total = count_records(session) if progress else 0
    written = 0
    with atomic_replace(path) as temp, temp.open("w", encoding="utf-8", newline="\n") as handle:
        header = {
            "type": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "exported_at": dt.datetime.now(dt.UTC).isoformat(),
        }
        handle.write(json.dumps(header, ensure_ascii=False) + "\n")
        encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        for record in iter_records(session):
            handle.write(encode(record))
            handle.write("\n")
            written += 1
            if progress and written % 5000 == 0:
                progress(written, total, "Exporteren")
        handle.write(json.dumps({"type": END_TYPE, "records": written}) + "\n")
    audit.record(session, audit.AuditAction.EXPORT, "export:jsonl", None)
    if progress:
        progress(written, written, "Klaar")
    return written


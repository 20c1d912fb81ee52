"""Column values to and from the JSON the protocol carries (dates as ISO text, decimals as text)."""

from __future__ import annotations

import enum
import json
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Float, Integer, Numeric, Time

# Columns every synced table has that are not sent as field changes: the server owns version and
# deleted travels as the operation kind; updated_at is a local timestamp (it would make every
# concurrent edit of two different fields look like a conflict on updated_at).
NOT_SYNCED_FIELDS = frozenset({"id", "version", "deleted", "updated_at"})


def to_json(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def from_json(column: Column[Any], value: Any) -> Any:
    """The Python value for a column from its JSON form (tolerant of already-typed values)."""
    if value is None:
        return None
    col_type = column.type
    if isinstance(col_type, DateTime):
        return datetime.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(col_type, Date):
        return date.fromisoformat(value[:10]) if isinstance(value, str) else value
    if isinstance(col_type, Time):
        return time.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(col_type, Numeric) and not isinstance(col_type, Float):
        return Decimal(str(value))
    if isinstance(col_type, Boolean):
        return bool(value)
    if isinstance(col_type, Integer):
        return int(value)
    if isinstance(col_type, JSON):
        return value
    if isinstance(value, (list, dict)):
        return json.dumps(value)
    return value

"""Rows straight to the database driver: the per-column conversions SQLAlchemy's insert makes, and
``BulkInsert``, the one bulk insert of the bulk writer (``desktop.models.bulk``), the demo region, the outbox
and the sync engine. Only SQLAlchemy's public API."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection


def sqlite_datetime(value: dt.datetime) -> str:
    """SQLAlchemy's SQLite DATETIME storage format (the time zone is not stored), without its format string."""
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}"
    )


def bind_processor(column: sa.Column[Any], dialect: sa.Dialect) -> Callable[[Any], Any] | None:
    """What SQLAlchemy's own insert does to a column's Python value before the driver gets it (the type's
    bind processor for this dialect); None when the driver takes the value as it is."""
    return column.type.dialect_impl(dialect).bind_processor(dialect)


def driver_processor(column: sa.Column[Any], dialect: sa.Dialect) -> Callable[[Any], Any] | None:
    """As ``bind_processor``, for values that were validated already: on SQLite booleans, dates and times
    go in SQLAlchemy's storage format without its per-value checks and format strings."""
    if dialect.name == "sqlite":
        if isinstance(column.type, sa.Boolean):
            return int  # 1/0, as the processor stores it; the driver binds an int much faster than a bool
        if type(column.type) is sa.Date:
            return dt.date.isoformat  # SQLite's DATE storage format, in C instead of a format string
        if isinstance(column.type, sa.DateTime):
            return sqlite_datetime
    return bind_processor(column, dialect)


def python_default(default: Any) -> Callable[[], Any] | None:
    """A column default (or on-update value) given in Python, as a function of nothing; None when the
    database makes it or it needs SQLAlchemy's execution context."""
    if getattr(default, "is_scalar", False):
        value = default.arg
        return lambda: value
    if getattr(default, "is_callable", False):
        make = default.arg
        # SQLAlchemy wraps a function of no arguments as make(context); one that reads the context
        # fails on None here.
        return lambda: make(None)
    return None


def default_maker(column: sa.Column[Any]) -> Callable[[], Any]:
    """A function of nothing giving a column's value when a record leaves it out: its default, or None."""
    if column.default is None:
        return lambda: None
    make = python_default(column.default) if isinstance(column.default, sa.ColumnDefault) else None
    if make is None:
        raise TypeError(f"{column.name}: a default the database makes cannot be given in bulk")
    return make


def insert_statement(dialect: sa.Dialect, table: sa.Table, names: Sequence[str]) -> str:
    """INSERT of the named columns with positional ('?') parameters, for ``exec_driver_sql``."""
    quote = dialect.identifier_preparer
    columns = ", ".join(quote.quote(name) for name in names)
    return f"INSERT INTO {quote.format_table(table)} ({columns}) VALUES ({', '.join('?' * len(names))})"  # noqa: S608 - names come from the model


class BulkInsert:
    """One table's INSERT for many rows at once. Where the driver takes positional parameters (SQLite) the
    rows go straight to it, each value turned into what SQLAlchemy would store; elsewhere SQLAlchemy's own
    executemany takes them. Queueing the rows' operations is the caller's (``bulk_insert`` does both)."""

    def __init__(self, connection: Connection, table: sa.Table, names: Sequence[str] | None = None) -> None:
        dialect = connection.dialect
        self.connection = connection
        self.table = table
        self.names = list(names) if names is not None else [column.name for column in table.columns]
        self.direct = dialect.paramstyle == "qmark"
        self.statement = insert_statement(dialect, table, self.names)
        self.converters: list[tuple[int, Callable[[Any], Any]]] = []
        if self.direct:
            for index, name in enumerate(self.names):
                process = driver_processor(table.c[name], dialect)
                if process is not None:
                    self.converters.append((index, process))

    def parameters(self, values: list[Any]) -> Any:
        """A row's parameters from its Python values, in the order of ``names`` (converted in place)."""
        if not self.direct:
            return dict(zip(self.names, values, strict=True))
        for index, convert in self.converters:
            value = values[index]
            if value is not None:
                values[index] = convert(value)
        return tuple(values)

    def insert(self, rows: list[tuple[Any, ...]]) -> None:
        """Insert rows of Python values, in the order of ``names``."""
        if self.direct and not self.converters:
            self.execute(rows)
        else:
            self.execute([self.parameters(list(row)) for row in rows])

    def execute(self, rows: list[Any]) -> None:
        """Insert rows made by ``parameters``."""
        if not rows:
            return
        if self.direct:
            self.connection.exec_driver_sql(self.statement, rows)
        else:
            self.connection.execute(sa.insert(self.table), rows)

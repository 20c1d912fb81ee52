"""Declarative base and the columns every synchronised table shares."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from sqlalchemy import Boolean, DateTime, Integer, MetaData, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints keep Alembic batch migrations on SQLite deterministic.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A new client-generated record id: a random (version 4) UUID in text form, made without a UUID object
    (imports make hundreds of thousands)."""
    h = os.urandom(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def table_of(model: type[Base]) -> Table:
    """The table a model is declared on (SQLAlchemy types ``__table__`` as any selectable, since a mapping
    may be onto a join; every model here has a table of its own)."""
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped onto one table")
    return table


class SyncedMixin:
    """Columns of every table that synchronises with the server.

    ``version`` is the server's version of the row (0 until the server has seen it), ``deleted`` is
    the tombstone flag: synced rows are never removed by an ordinary delete.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow
    )
    deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

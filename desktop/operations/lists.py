"""Queries of the list pages (Leerlingen, Zaken, ...) and the choices of their filters.

The list model holds row ids only and asks for the visible rows a page at a time from Qt's ``data()``, which
must answer at once: :func:`rows_now` and the first ids of :func:`row_ids_now` are synchronous reads on
purpose (small, indexed, sorted in SQL); all ids of a long list come from :func:`all_row_ids` in the
background.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from desktop.models.lists import FilterOptions, ListFilter, ListSpec, filter_options, list_rowids, list_rows
from desktop.operations.context import AppContext
from desktop.operations.op import QueryOp


def row_ids_now(
    ctx: AppContext, spec: ListSpec, flt: ListFilter, sort_key: str | None, descending: bool, limit: int | None
) -> list[int]:
    """The ids of the matching rows in order (the first ``limit``). Synchronous, see the module docstring."""
    return ctx.read(lambda session: list_rowids(session, spec, flt, sort_key, descending, limit=limit))


def all_row_ids(
    ctx: AppContext,
    spec: ListSpec,
    flt: ListFilter,
    sort_key: str | None,
    descending: bool,
    *,
    parent: QObject | None = None,
) -> QueryOp[list[int]]:
    return QueryOp(ctx, lambda session: list_rowids(session, spec, flt, sort_key, descending), parent=parent)


def rows_now(ctx: AppContext, spec: ListSpec, rowids: Sequence[int]) -> dict[int, tuple]:
    """The visible values of one page of rows. Synchronous: Qt's ``data()`` asks for them."""
    return ctx.read(lambda session: list_rows(session, spec, rowids))


def filter_choices(ctx: AppContext, *, parent: QObject | None = None) -> QueryOp[FilterOptions]:
    """Gemeenten, consultants, schools and schooljaren for the filters and the forms' choices."""
    return QueryOp(ctx, lambda session: filter_options(session, ctx.today()), parent=parent)

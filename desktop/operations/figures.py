"""Cijfers: the jaarverslag's figures for a schooljaar and gemeente, and the choices of schooljaar and gemeente."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from desktop.models.statistics import Figures, available_school_years, compute_figures
from desktop.operations.context import AppContext
from desktop.operations.op import QueryOp

Choices = tuple[list[str], list[tuple[str, str]]]


def choices(ctx: AppContext, region_loader: Callable[[], Any], *, parent: QObject | None = None) -> QueryOp[Choices]:
    """The schooljaren the administration has, and the region's gemeenten as (CBS code, name)."""

    def read(session) -> Choices:
        years = available_school_years(session)
        region = region_loader()
        return years, [(m.cbs_code, m.name) for m in region.municipalities]

    return QueryOp(ctx, read, parent=parent)


def compute(
    ctx: AppContext,
    school_year: str,
    municipality: str | None,
    region_loader: Callable[[], Any],
    *,
    parent: QObject | None = None,
) -> QueryOp[Figures]:
    return QueryOp(
        ctx, lambda session: compute_figures(session, school_year, municipality, region=region_loader()), parent=parent
    )

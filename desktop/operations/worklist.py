"""The werkvoorraad: the signals that need attention today."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject

from desktop.models.worklist import WorkItem, worklist
from desktop.operations.context import AppContext
from desktop.operations.op import QueryOp


def load(ctx: AppContext, today: dt.date, *, parent: QObject | None = None) -> QueryOp[list[WorkItem]]:
    return QueryOp(ctx, lambda session: worklist(session, today), parent=parent)

"""Importing a file: reading and checking it (nothing changes), then importing all rows or only the good ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from desktop.models.importers import ImportReport, ImportResult, get_importer
from desktop.models.importers.base import Importer, ParsedFile
from desktop.operations.changes import OpChanges
from desktop.operations.context import AppContext
from desktop.operations.op import CollectionOp, QueryOp

Progress = Callable[[int, int, str], None]
Checked = tuple[Importer, ParsedFile, ImportReport]


def _quiet(_done: int, _total: int, _text: str = "") -> None:
    """Progress nobody listens to."""


def check(ctx: AppContext, kind: str, path: Path, *, parent: QObject | None = None) -> QueryOp[Checked]:
    """Read and check the file against the database; report progress with ``with_progress``."""

    def read(session, progress: Progress = _quiet) -> Checked:
        importer = get_importer(kind)
        parsed = importer.parse(path, progress)
        return importer, parsed, importer.validate(session, parsed)

    return QueryOp(ctx, read, parent=parent)


def apply(
    ctx: AppContext, importer: Importer, parsed: ParsedFile, only_valid: bool, *, parent: QObject | None = None
) -> CollectionOp[ImportResult]:
    """Import in one transaction, checked again inside it (the database may have changed since the check). An
    import may touch any table, partly through bulk statements: it announces a change of everything."""

    def write(session, progress: Progress = _quiet) -> ImportResult:
        return importer.apply(session, parsed, only_valid=only_valid, progress=progress)

    return CollectionOp(ctx, write, parent=parent, changes=OpChanges.of_everything())

"""Importers of the files Vangnet reads (DUO, schools, BRP, enrolments, transfers, its own JSON Lines)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from desktop.models.importers.base import (
    Importer,
    ImportReport,
    ImportResult,
    ParsedFile,
    RowIssue,
    gc_paused,
)
from desktop.models.importers.files import DEFAULT_LIMITS, ImportRefused, Limits, ProgressCallback, no_progress


def importer_classes() -> dict[str, type[Importer]]:
    from desktop.models.importers.brp import BrpImporter, EnrollmentsImporter
    from desktop.models.importers.duo_verzuim import DuoVerzuimImporter
    from desktop.models.importers.schools import SchoolsImporter
    from desktop.models.importers.transfers import TransfersImporter
    from desktop.models.importers.vangnet_jsonl import VangnetJsonlImporter

    classes: list[type[Importer]] = [
        DuoVerzuimImporter,
        SchoolsImporter,
        BrpImporter,
        EnrollmentsImporter,
        TransfersImporter,
        VangnetJsonlImporter,
    ]
    return {cls.kind: cls for cls in classes}


KINDS = ("duo-verzuim", "schools", "brp", "enrollments", "transfers", "vangnet-jsonl")


def get_importer(kind: str, limits: Limits = DEFAULT_LIMITS) -> Importer:
    classes = importer_classes()
    if kind not in classes:
        raise ImportRefused(f"Onbekende importsoort '{kind[:40]}'. Kies uit: {', '.join(classes)}.")
    # Each importer has its own default limits (the interchange file may be much larger than a list).
    return classes[kind](limits) if limits is not DEFAULT_LIMITS else classes[kind]()


def run_import(
    session: Session,
    kind: str,
    path: str | Path,
    *,
    only_valid: bool = False,
    dry_run: bool = False,
    progress: ProgressCallback = no_progress,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportResult:
    """Parse, validate and (unless ``dry_run``) apply one file; raises ``ImportRefused`` when nothing may change."""
    importer = get_importer(kind, limits)
    with gc_paused():
        parsed = importer.parse(path, progress)
        report = importer.validate(session, parsed)
        if dry_run:
            return ImportResult(report=report, skipped_rows=report.rejected_rows, applied=False)
        return importer.apply(session, parsed, only_valid=only_valid, progress=progress, report=report)


__all__ = [
    "KINDS",
    "ImportRefused",
    "ImportReport",
    "ImportResult",
    "Importer",
    "Limits",
    "ParsedFile",
    "RowIssue",
    "get_importer",
    "importer_classes",
    "run_import",
]

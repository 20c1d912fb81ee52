"""Letters and reports: building them from the database, drawing page 1, saving and registering them, series
printing and making a registered document again."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject

from desktop.documents.context import Appointment
from desktop.documents.from_database import (
    LetterJob,
    LetterOptions,
    MadeLetter,
    ReportOptions,
    jobs_for_targets,
    letter_jobs,
    make_letters,
    make_report,
    next_appointment,
    regenerate_document,
    report_context,
    targets_for_case_filter,
    targets_for_case_numbers,
    targets_for_signal,
)
from desktop.documents.letters import BatchCancelled
from desktop.documents.official_reports import ReportContext
from desktop.documents.templates import TemplateStore
from desktop.errors import VangnetError
from desktop.models.cases import Case
from desktop.models.legal_acts import ActCheck, acts_for
from desktop.models.session_user import current_user
from desktop.operations.changes import OpChanges
from desktop.operations.context import AppContext
from desktop.operations.op import BackgroundOp, CollectionOp, QueryOp

T = TypeVar("T")
SOURCE_FILTER = "filter"
SOURCE_NUMBERS = "numbers"


class FileNotWritten(VangnetError):
    """The PDF could not be written (a full disk, a folder without write permission); nothing is registered."""


class BatchStopped(VangnetError):
    """The user cancelled a series: nothing was made or registered."""


# -- building (in the background: the letter dialog shows a busy state and fills in when the read is done) ---


@dataclass(frozen=True)
class LetterDialogStart:
    """What the letter dialog opens with: the signed-in user, the case's next planned conversation and, for
    every kind, whether the law and the mandate allow it here (with the reason when not)."""

    user_id: str | None
    planned: Appointment | None
    checks: dict[str, ActCheck]


def letter_dialog_start(
    ctx: AppContext, case_id: str, kinds: list[str], today: dt.date, *, parent: QObject | None = None
) -> QueryOp[LetterDialogStart]:
    """Read what the letter dialog needs to open, off the GUI thread."""

    def read(session) -> LetterDialogStart:
        user = current_user(session)
        user_id = user.user_id if user else None
        checks = {check.kind: check for check in acts_for(session, kinds, case_id, user_id=user_id, on=today)}
        return LetterDialogStart(user_id, next_appointment(session, session.get(Case, case_id), today), checks)

    return QueryOp(ctx, read, parent=parent)


def build_letters(
    ctx: AppContext, kind: str, case_id: str, options: LetterOptions, user_id: str | None, store: TemplateStore,
    *, parent: QObject | None = None,
) -> QueryOp[list[LetterJob]]:
    """The letters of a kind for a case, one per lawful addressee; a kind the law does not allow here ends in
    its Dutch reason. Page 1 is drawn afterwards with :func:`preview`."""
    return QueryOp(ctx, lambda s: letter_jobs(s, kind, case_id, options=options, user_id=user_id, store=store),
                   parent=parent)


def build_report(
    ctx: AppContext, kind: str, case_id: str, options: ReportOptions, user_id: str | None, today: dt.date,
    *, parent: QObject | None = None,
) -> QueryOp[ReportContext]:
    """The values of a proces-verbaal or referral form, like :func:`build_letters`."""
    return QueryOp(ctx, lambda s: report_context(s, kind, case_id, options, user_id, today), parent=parent)


def preview(render: Callable[[], T], *, parent: QObject | None = None) -> BackgroundOp[T]:
    """Draw page 1 (``document_common.render_preview``, a template's example) off the GUI thread; plain data in,
    plain data out."""
    return BackgroundOp(render, parent=parent)


# -- saving and registering ---------------------------------------------------------------------------


def save_letters(
    ctx: AppContext,
    jobs: list[LetterJob],
    path: Path,
    settings: Any,
    store: TemplateStore,
    user_id: str | None,
    *,
    parent: QObject | None = None,
) -> CollectionOp[list[MadeLetter]]:
    """Render the letters into one PDF, then register each in the same short transaction."""

    def write(session) -> list[MadeLetter]:
        with _file_errors():
            return make_letters(
                lambda: contextlib.nullcontext(session), jobs, path, True, None, settings, store, user_id
            )

    return CollectionOp(ctx, write, parent=parent)


def save_report(
    ctx: AppContext,
    kind: str,
    case_id: str,
    path: Path,
    options: ReportOptions,
    settings: Any,
    store: TemplateStore,
    user_id: str | None,
    today: dt.date,
    *,
    parent: QObject | None = None,
) -> CollectionOp[list[MadeLetter]]:
    """Render the reports (a proces-verbaal per suspect) into one PDF and register each. It reads and registers
    in two short transactions of its own, so that no transaction stays open while the PDF is drawn."""
    database = ctx.open_store()

    def write(_session) -> list[MadeLetter]:
        with _file_errors():
            return make_report(database.session, kind, case_id, path, options, settings, store, user_id, today)

    return CollectionOp(ctx, write, parent=parent, changes=OpChanges.of("document_records"))


def batch_selection(
    ctx: AppContext,
    kind: str,
    source: str,
    numbers: list[str],
    case_filter: Any,
    options: LetterOptions,
    today: dt.date,
    store: TemplateStore,
    *,
    parent: QObject | None = None,
) -> QueryOp[tuple[list[LetterJob], list[str], int, str | None]]:
    """The letters for a selection of cases (case numbers, the Zaken list's filter or a worklist signal): the
    jobs, the Dutch reasons for cases skipped (a kind the law or the mandate does not allow for a case skips
    it, see desktop/models/legal_acts.py), how many cases were found, and the signed-in user who prints."""
    from desktop.documents.from_database import SelectionError

    def read(session) -> tuple[list[LetterJob], list[str], int, str | None]:
        if source == SOURCE_NUMBERS:
            if not numbers:
                raise SelectionError("Vul een of meer zaaknummers in.")
            targets = targets_for_case_numbers(session, numbers)
        elif source == SOURCE_FILTER:
            targets = targets_for_case_filter(session, case_filter)
        else:
            targets = targets_for_signal(session, source, today)
        user = current_user(session)
        user_id = user.user_id if user else None
        jobs, problems = jobs_for_targets(session, kind, targets, options, user_id, store)
        return jobs, problems, len(targets), user_id

    return QueryOp(ctx, read, parent=parent)


def print_batch(
    ctx: AppContext,
    jobs: list[LetterJob],
    out: Path,
    one_file: bool,
    settings: Any,
    store: TemplateStore,
    user_id: str | None,
    keep_going: Callable[[], bool],
    *,
    parent: QObject | None = None,
) -> CollectionOp[list[MadeLetter]]:
    """Render a series (one PDF, or one per letter in the folder ``out``), then register every letter in one
    short transaction. ``keep_going()`` is asked after each letter; when it says no, nothing is registered and
    the operation ends in :class:`BatchStopped`. Report progress with ``with_progress``."""

    def write(session, progress: Callable[[int, int, str], None] | None = None) -> list[MadeLetter]:
        def report(done: int, total: int) -> bool:
            if progress is not None:
                progress(done, total, "")
            return keep_going()

        try:
            with _file_errors():
                return make_letters(
                    lambda: contextlib.nullcontext(session), jobs, out, one_file, report, settings, store, user_id
                )
        except BatchCancelled:
            raise BatchStopped("Geannuleerd: er is niets gemaakt of vastgelegd.") from None

    return CollectionOp(ctx, write, parent=parent)


def make_again(
    ctx: AppContext, record_id: str, path: Path, store: TemplateStore, *, parent: QObject | None = None
) -> CollectionOp[bytes]:
    """A registered document made again exactly as it was (same template versions, values, layout and date);
    the access log records it."""
    return CollectionOp(ctx, lambda session: regenerate_document(session, record_id, path, store), parent=parent)


@contextlib.contextmanager
def _file_errors():
    try:
        yield
    except OSError as exc:
        raise FileNotWritten(str(exc)) from exc

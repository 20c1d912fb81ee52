"""Brieven in serie afdrukken: a letter kind for a selection of cases (a worklist signal, the cases list's filter
or case numbers), a preview of the first letter, one PDF or one per letter, with progress and cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.from_database import LetterJob, LetterOptions
from desktop.documents.letters import LETTER_KINDS
from desktop.errors import VangnetError
from desktop.models.signals import SignalKind
from desktop.operations import documents
from desktop.operations.context import AppContext
from desktop.operations.documents import SOURCE_FILTER, SOURCE_NUMBERS, BatchStopped
from desktop.views.common import date_edit, error_label, nl_number, to_date
from desktop.views.document_common import (
    PagePreview,
    document_store,
    layout_settings,
    render_preview,
)


class BatchPrintDialog(QDialog):
    """``loaded(n)`` fires when the selection has n letters; ``finished(made)`` after a batch is made."""

    loaded = Signal(int)
    preview_shown = Signal()
    finished_batch = Signal(list)
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, case_filter: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_filter = case_filter
        self.store = document_store(ctx)
        self.settings = layout_settings(self.store)
        self.jobs: list[LetterJob] = []
        self.problems: list[str] = []
        self.user_id: str | None = None  # who prints; read with the selection
        self.progress: QProgressDialog | None = None
        self.progress_seen: list[int] = []  # the progress reports of the last batch, in order
        self._cancel = threading.Event()
        self._generation = 0
        self.choose_path: Callable[[bool], str] = self._ask_path  # replaced in tests
        self.setWindowTitle(self.tr("Brieven in serie afdrukken"))

        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Soort brief"))
        for key, letter in LETTER_KINDS.items():
            self.kind.addItem(letter.title, key)
        self.source = QComboBox()
        self.source.setAccessibleName(self.tr("Welke zaken"))
        self.source.addItem(self.tr("Zaken uit de lijst Zaken (met het filter van die lijst)"), SOURCE_FILTER)
        self.source.addItem(self.tr("Zaaknummers…"), SOURCE_NUMBERS)
        for kind in SignalKind:
            self.source.addItem(self.tr("Werkvoorraad: {label}").format(label=kind.label), kind.value)
        self.numbers = QLineEdit()
        self.numbers.setAccessibleName(self.tr("Zaaknummers"))
        self.numbers.setPlaceholderText(self.tr("bijvoorbeeld 2025-000123, 2025-000124"))
        self.letter_date = date_edit(ctx.today(), self.tr("Datum van de brieven"))
        self.one_file = QRadioButton(self.tr("Eén PDF met alle brieven"))
        self.per_letter = QRadioButton(self.tr("Eén PDF per brief (in een map)"))
        self.one_file.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.one_file)
        group.addButton(self.per_letter)
        output = QVBoxLayout()
        output.addWidget(self.one_file)
        output.addWidget(self.per_letter)

        self.load_button = QPushButton(self.tr("Selectie &laden"))
        self.load_button.clicked.connect(self.load_selection)
        self.summary = QLabel(self.tr("Kies de brief en de zaken, en laad de selectie."))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Samenvatting selectie"))
        self.problem_list = QListWidget()
        self.problem_list.setAccessibleName(self.tr("Overgeslagen zaken"))
        self.problem_list.setMaximumHeight(120)
        self.problem_list.setWordWrap(True)
        self.problem_list.hide()
        self.error = error_label()

        form = QFormLayout()
        form.addRow(self.tr("&Brief:"), self.kind)
        form.addRow(self.tr("&Zaken:"), self.source)
        form.addRow(self.tr("Zaak&nummers:"), self.numbers)
        form.addRow(self.tr("&Datum:"), self.letter_date)
        form.addRow(self.tr("Uitvoer:"), output)
        self.form = form
        left = QVBoxLayout()
        left.addLayout(form)
        load_row = QHBoxLayout()
        load_row.addWidget(self.load_button)
        load_row.addStretch(1)
        left.addLayout(load_row)
        left.addWidget(self.summary)
        left.addWidget(self.problem_list)
        left.addWidget(self.error)
        left.addStretch(1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setMinimumWidth(400)
        left_widget.setMaximumWidth(500)

        self.preview = PagePreview()
        self.preview.show_message(self.tr("Het voorbeeld toont de eerste brief van de selectie."))
        self.make_button = QPushButton(self.tr("Brieven &maken…"))
        self.make_button.setEnabled(False)
        self.make_button.clicked.connect(self.make)
        self.status = QLabel()
        self.status.setWordWrap(True)
        close = QPushButton(self.tr("Sluiten"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.make_button)
        buttons.addWidget(close)

        columns = QHBoxLayout()
        columns.addWidget(left_widget)
        columns.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        self.resize(1040, 700)

        self.source.currentIndexChanged.connect(self._source_changed)
        for signal in (self.kind.currentIndexChanged, self.letter_date.dateChanged, self.numbers.textChanged):
            signal.connect(self._selection_changed)
        self._source_changed()

    # -- selection --------------------------------------------------------------------------------

    def set_kind(self, key: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(key))

    def set_source(self, key: str) -> None:
        self.source.setCurrentIndex(self.source.findData(key))

    def _source_changed(self) -> None:
        self.form.setRowVisible(self.numbers, self.source.currentData() == SOURCE_NUMBERS)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self._generation += 1
        self.jobs = []
        self.make_button.setEnabled(False)

    def load_selection(self) -> None:
        """Find the cases and build their letters in the background; then show the first letter."""
        if not self.ctx.is_open:
            return
        self._generation += 1
        generation = self._generation
        kind = self.kind.currentData()
        source = self.source.currentData()
        numbers = [n.strip() for n in self.numbers.text().replace(";", ",").split(",") if n.strip()]
        case_filter = self.case_filter
        options = LetterOptions(letter_date=to_date(self.letter_date.date()))
        selection = documents.batch_selection(self.ctx, kind, source, numbers, case_filter, options, self.ctx.today(),
                                              self.store, parent=self)
        self.error.clear()
        self.summary.setText(self.tr("Selectie laden…"))
        self.load_button.setEnabled(False)
        selection.success(lambda result: self._loaded(generation, *result)).failure(
            lambda exc: self._load_refused(generation, exc)
        ).fault(lambda _exc: self.load_button.setEnabled(True)).run_in_background()

    def _load_refused(self, generation: int, exc: VangnetError) -> None:
        self.load_button.setEnabled(True)
        if generation != self._generation:
            return
        self.summary.clear()
        self.error.setText(str(exc))
        self.loaded.emit(0)

    def _loaded(self, generation: int, jobs: list[LetterJob], problems: list[str], targets: int,
                user_id: str | None) -> None:
        self.load_button.setEnabled(True)
        if generation != self._generation:
            return
        self.jobs, self.problems, self.user_id = jobs, problems, user_id
        cases = targets - len(problems)
        text = self.tr("{letters} {word} voor {cases} {cases_word}.").format(
            letters=nl_number(len(jobs)), word=self.tr("brief") if len(jobs) == 1 else self.tr("brieven"),
            cases=nl_number(cases), cases_word=self.tr("zaak") if cases == 1 else self.tr("zaken"))
        if problems:
            text += " " + self.tr("{n} overgeslagen (zie de lijst).").format(n=nl_number(len(problems)))
        self.summary.setText(text)
        self.problem_list.clear()
        self.problem_list.addItems(problems)
        self.problem_list.setVisible(bool(problems))
        self.make_button.setEnabled(bool(jobs))
        self.loaded.emit(len(jobs))
        if jobs:
            first = jobs[0]
            settings, store = self.settings, self.store

            def shown(result) -> None:
                if generation == self._generation:
                    self.preview.show_result(result)
                    self.preview_shown.emit()

            def not_shown(exc: BaseException) -> None:
                self.preview.show_message(str(exc))

            self.preview.show_message(self.tr("Voorbeeld maken…"))
            documents.preview(lambda: render_preview(first.kind, first.context, settings, store), parent=self).success(
                shown
            ).failure(not_shown).fault(not_shown).run_in_background()
        else:
            self.preview.show_message(self.tr("Geen brieven in deze selectie."))

    # -- making -----------------------------------------------------------------------------------

    def _ask_path(self, one_file: bool) -> str:
        if one_file:
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Brieven opslaan"),
                                                        str(Path.home() / "brieven.pdf"),
                                                        self.tr("PDF-bestanden (*.pdf)"))
            return path
        return QFileDialog.getExistingDirectory(self, self.tr("Map voor de brieven"), str(Path.home()))

    def make(self) -> None:
        if not self.jobs:
            return
        one_file = self.one_file.isChecked()
        target = self.choose_path(one_file)
        if not target:
            return
        out = Path(target)
        if one_file and out.suffix.lower() != ".pdf":
            out = out.with_suffix(".pdf")
        self._cancel.clear()
        cancel = self._cancel
        self.progress_seen = []
        batch = documents.print_batch(self.ctx, list(self.jobs), out, one_file, self.settings, self.store,
                                      self.user_id, lambda: not cancel.is_set(), parent=self)

        self.progress = QProgressDialog(self.tr("Brieven maken…"), self.tr("Annuleren"), 0, len(self.jobs), self)
        self.progress.setWindowTitle(self.tr("Brieven in serie afdrukken"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self._cancel.set)
        self.progress.setValue(0)
        self.make_button.setEnabled(False)
        self.status.setText(self.tr("Bezig…"))
        batch.with_progress(self._progressed).success(lambda made: self._made(made, out)).failure(
            self._make_refused
        ).fault(self._make_failed).run_in_background()

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress_seen.append(done)
        if self.progress is not None and not self._cancel.is_set():
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress.setLabelText(self.tr("Brief {done} van {total} gemaakt…").format(
                done=nl_number(done), total=nl_number(total)))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self._cancel.set)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _made(self, made: list, out: Path) -> None:
        self._close_progress()
        self.make_button.setEnabled(True)
        self.status.setText(self.tr("{n} brieven gemaakt in {path} en vastgelegd in het documentenregister.").format(
            n=nl_number(len(made)), path=str(out)))
        self.finished_batch.emit(made)

    def _make_failed(self, _exc: BaseException) -> None:
        """The series stopped (a fault goes on to the crash handler afterwards)."""
        self._close_progress()
        self.make_button.setEnabled(True)

    def _make_refused(self, exc: VangnetError) -> None:
        self._make_failed(exc)
        if isinstance(exc, BatchStopped):
            self.status.setText(self.tr("Geannuleerd: er is niets gemaakt of vastgelegd."))
            self.cancelled.emit()
            return
        self.status.setText(self.tr("Niet gemaakt: {reason}").format(reason=str(exc)))

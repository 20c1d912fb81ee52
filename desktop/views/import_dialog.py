"""The import window: choose a file, see the check (rejected rows and a preview), then import all or the good rows.

Reading, checking and importing run in the background through desktop.operations.imports; the import itself is a
write on the single writer thread.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import VangnetError
from desktop.models.importers import ImportReport, ImportResult, importer_classes
from desktop.models.importers.base import Importer, ParsedFile
from desktop.models.search import mask_bsn
from desktop.operations import AppContext, imports

PREVIEW_ROWS = 50
ISSUE_ROWS = 1000


class ImportDialog(QDialog):
    """Import a DUO, school, BRP, enrolment, transfer or Vangnet file with a preview before anything changes."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, path: str | Path | None = None, kind: str | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Bestand importeren")
        self.resize(900, 620)
        self.importer: Importer | None = None
        self.parsed: ParsedFile | None = None
        self.report: ImportReport | None = None
        self.result: ImportResult | None = None
        self.busy = False

        self.kind_combo = QComboBox()
        for key, cls in importer_classes().items():
            self.kind_combo.addItem(cls.title, key)
        if kind is not None:
            self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))
        self.path_edit = QLineEdit(str(path) if path else "")
        self.path_edit.setPlaceholderText("CSV-, XLSX- of JSONL-bestand")
        browse = QPushButton("Bladeren…")
        browse.clicked.connect(self._browse)
        self.check_button = QPushButton("Controleren")
        self.check_button.clicked.connect(self.check)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        file_row.addWidget(self.check_button)
        form = QFormLayout()
        form.addRow("Soort bestand", self.kind_combo)
        form.addRow("Bestand", file_row)

        self.summary = QLabel("Kies een bestand en klik op Controleren. Er verandert dan nog niets.")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setVisible(False)

        self.issues = QTableWidget(0, 3)
        self.issues.setHorizontalHeaderLabels(["Rij", "Kolom", "Reden"])
        self.issues.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.issues.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview = QTableWidget(0, 0)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.issues, "Afgekeurde rijen")
        self.tabs.addTab(self.preview, "Voorbeeld")

        self.import_all = QPushButton("Alles importeren")
        self.import_all.clicked.connect(lambda: self.start_import(only_valid=False))
        self.import_valid = QPushButton("Alleen goede rijen importeren")
        self.import_valid.clicked.connect(lambda: self.start_import(only_valid=True))
        close = QPushButton("Sluiten")
        close.clicked.connect(self.reject)
        for button in (self.import_all, self.import_valid):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_valid)
        buttons.addWidget(self.import_all)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    # -- choosing and checking ----------------------------------------------------------------------

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Bestand kiezen", "", "Lijsten (*.csv *.xlsx *.jsonl *.txt);;Alle bestanden (*)"
        )
        if chosen:
            self.path_edit.setText(chosen)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        self.check_button.setEnabled(not busy)
        self.kind_combo.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        if busy:
            self.import_all.setEnabled(False)
            self.import_valid.setEnabled(False)
        if text:
            self.summary.setText(text)

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        if text:
            self.progress.setFormat(f"{text}: %p%")

    def check(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            self.summary.setText("Kies eerst een bestand.")
            return
        kind = self.kind_combo.currentData()
        self.report = self.parsed = self.result = None
        self._set_busy(True, "Bestand lezen en controleren…")
        imports.check(self.ctx, kind, Path(path), parent=self).with_progress(self._on_progress).success(
            self._checked
        ).failure(self._refused).fault(self._failed).run_in_background()

    def _checked(self, outcome: tuple[Importer, ParsedFile, ImportReport]) -> None:
        self.importer, self.parsed, self.report = outcome
        self._set_busy(False)
        report = self.report
        if report.total_rows == 0:
            text = "Het bestand bevat geen rijen."
        elif report.ok:
            text = f"{report.total_rows} rijen gelezen, alle rijen zijn goed. Er is nog niets geïmporteerd."
        else:
            text = (
                f"{report.total_rows} rijen gelezen: {report.valid_rows} goed, {len(report.rejected_rows)} afgekeurd. "
                "Er is nog niets geïmporteerd. Verbeter het bestand, of importeer alleen de goede rijen."
            )
        self.summary.setText(text)
        self._fill_issues(report)
        self._fill_preview(self.parsed)
        self.tabs.setCurrentIndex(0 if not report.ok else 1)
        self.import_all.setEnabled(report.ok and report.total_rows > 0)
        self.import_valid.setEnabled(not report.ok and report.valid_rows > 0)

    def _fill_issues(self, report: ImportReport) -> None:
        ordered = sorted(report.issues, key=lambda issue: (issue.row, issue.column))[:ISSUE_ROWS]
        self.issues.setRowCount(len(ordered))
        for index, issue in enumerate(ordered):
            for column, value in enumerate((str(issue.row) if issue.row else "", issue.column, issue.reason)):
                self.issues.setItem(index, column, QTableWidgetItem(value))
        self.tabs.setTabText(0, f"Afgekeurde rijen ({len(report.rejected_rows)})")

    def _fill_preview(self, parsed: ParsedFile) -> None:
        rows = parsed.rows[:PREVIEW_ROWS]
        keys: list[str] = []
        for row in rows:
            keys.extend(key for key in row.values if key not in keys)
        self.preview.setColumnCount(len(keys) + 1)
        self.preview.setHorizontalHeaderLabels(["Rij", *keys])
        self.preview.setRowCount(len(rows))
        for index, row in enumerate(rows):
            self.preview.setItem(index, 0, QTableWidgetItem(str(row.row)))
            for column, key in enumerate(keys, start=1):
                value = row.values.get(key)
                # The BSN stays hidden here, as everywhere until the user asks to see it.
                text = mask_bsn(value) if key == "bsn" else _shown(value)
                self.preview.setItem(index, column, QTableWidgetItem(text))

    # -- importing ----------------------------------------------------------------------------------

    def start_import(self, only_valid: bool) -> None:
        if self.importer is None or self.parsed is None or self.busy:
            return
        importer, parsed = self.importer, self.parsed
        self._set_busy(True, "Importeren…")
        imports.apply(self.ctx, importer, parsed, only_valid, parent=self).with_progress(self._on_progress).success(
            self._imported
        ).failure(self._refused).fault(self._failed).run_in_background()

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        self._set_busy(False, result.summary())
        self.import_all.setEnabled(False)
        self.import_valid.setEnabled(False)

    def _refused(self, error: VangnetError) -> None:
        self._failed(error)
        self.summary.setText(error.message)

    def _failed(self, _error: BaseException) -> None:
        """The file could not be processed (a fault goes on to the crash handler afterwards)."""
        self._set_busy(False)
        self.summary.setText("Het bestand kon niet worden verwerkt; er is niets gewijzigd.")
        self.import_all.setEnabled(False)
        self.import_valid.setEnabled(False)


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if hasattr(value, "label") and isinstance(value, str):
        return value.label
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)

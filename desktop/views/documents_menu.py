"""The 'Documenten' menu and the documents register page with its 'Opnieuw maken' button.

Kept apart from the letter dialogs: building the menu must not load the PDF machinery at start-up, so the
dialogs are imported when an action is chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QWidget

from desktop.errors import VangnetError
from desktop.models.lists import LIST_SPECS
from desktop.operations.context import AppContext
from desktop.views.record_list import RecordListPage


def install(window: Any) -> None:
    """The actions of the 'Documenten' menu: series printing (Ctrl+P), templates, layout."""
    window.register_action(
        "batch_print", "documents", window.tr("Brieven in &serie afdrukken…"), lambda: open_batch_print(window),
        "Ctrl+P",
    )
    window.register_action(
        "templates", "documents", window.tr("Sja&blonen beheren…"), lambda: open_template_editor(window)
    )
    window.register_action(
        "layout", "documents", window.tr("&Opmaak en adresvenster…"), lambda: open_layout_dialog(window)
    )


def make_page(window: Any) -> DocumentsPage:
    """The documents register for the main window's navigation; what it makes again is told in the status bar."""
    page = DocumentsPage(window.ctx)
    page.made_again.connect(lambda message: window.statusBar().showMessage(message, 8000))
    return page


class DocumentsPage(RecordListPage):
    """The register of documents made, with 'Opnieuw maken…' under the list.

    ``made_again`` fires with a Dutch status message once a document is made again; ``choose_path`` may be
    replaced (tests) to answer the file name instead of the save dialog."""

    made_again = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, LIST_SPECS["documents"], parent)
        self.choose_path: Callable[[], str] = self._ask_path
        button = QPushButton(self.tr("&Opnieuw maken…"))
        button.setToolTip(self.tr("Maak het gekozen document opnieuw, precies zoals het toen is gemaakt"))
        button.clicked.connect(self.make_again)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        self.layout().addLayout(row)
        self.regenerate_button = button

    def _ask_path(self) -> str:
        path_text, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Document opnieuw maken"),
            str(Path.home() / "document-opnieuw.pdf"),
            self.tr("PDF-bestanden (*.pdf)"),
        )
        return path_text

    def make_again(self) -> None:
        """Make the chosen register entry again, in the background; ``made_again`` says when it is there."""
        from desktop.operations import documents
        from desktop.views.document_common import document_store

        index = self.table.currentIndex()
        record = self.model.record_at(index.row()) if index.isValid() else None
        if not record:
            QMessageBox.information(self, self.tr("Opnieuw maken"), self.tr("Kies eerst een document in de lijst."))
            return
        record_id = record[0]
        path_text = self.choose_path()
        if not path_text:
            return
        store = document_store(self.ctx)

        def refused(exc: VangnetError) -> None:
            QMessageBox.warning(self, self.tr("Opnieuw maken"), str(exc))

        def made(_pdf: bytes) -> None:
            self.made_again.emit(self.tr("Opnieuw gemaakt: {path}").format(path=path_text))

        documents.make_again(self.ctx, record_id, Path(path_text), store, parent=self).success(made).failure(
            refused
        ).run_in_background()


# -------------------------------------------------------------------------------------------------
# The actions: each imports its dialog only when chosen


def _refused(window: Any, text: str) -> None:
    QMessageBox.information(window, window.tr("Documenten"), text)


def open_batch_print(window: Any) -> QDialog | None:
    from desktop.views.batch_print_dialog import BatchPrintDialog
    from desktop.views.document_common import BATCH_ROLES, may

    if not may(window.ctx, BATCH_ROLES):
        _refused(window, window.tr("Brieven in serie afdrukken is voor administratief medewerkers."))
        return None
    # The series can follow the filter of the 'Zaken' list.
    cases_page = window.page("cases")
    dialog = BatchPrintDialog(window.ctx, window, case_filter=cases_page.current_filter())
    dialog.open()
    return dialog


def open_template_editor(window: Any) -> QDialog | None:
    from desktop.views.document_common import TEMPLATE_ROLES, may
    from desktop.views.template_editor import TemplateEditor

    if not may(window.ctx, TEMPLATE_ROLES):
        _refused(window, window.tr("Sjablonen beheren is voor de functioneel beheerder."))
        return None
    dialog = TemplateEditor(window.ctx, window)
    dialog.open()
    return dialog


def open_layout_dialog(window: Any) -> QDialog | None:
    from desktop.views.document_common import TEMPLATE_ROLES, may
    from desktop.views.layout_dialog import LayoutDialog

    if not may(window.ctx, TEMPLATE_ROLES):
        _refused(window, window.tr("De opmaak van brieven is voor de functioneel beheerder."))
        return None
    dialog = LayoutDialog(window.ctx, window)
    dialog.open()
    return dialog

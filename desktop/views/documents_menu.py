"""The 'Documenten' menu and the 'Opnieuw maken' button of the register list.

Kept apart from the letter dialogs: building the menu must not load the PDF machinery at start-up, so the
dialogs are imported when an action is chosen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QMessageBox, QPushButton

from desktop.errors import VangnetError


def add_to_main_window(window: Any) -> None:
    """Add the 'Documenten' menu (series printing Ctrl+P, templates, layout) and 'Opnieuw maken' on the
    register list to a MainWindow; a second call changes nothing."""
    if getattr(window, "documents_menu", None) is not None:
        return
    bar = window.menuBar()
    menu = bar.addMenu(window.tr("&Documenten"))
    # Before 'Help', where a user looks for it.
    actions = bar.actions()
    if len(actions) >= 2:
        bar.insertMenu(actions[-2], menu)
    batch = QAction(window.tr("Brieven in &serie afdrukken…"), window)
    batch.setShortcut(QKeySequence("Ctrl+P"))
    batch.triggered.connect(lambda: open_batch_print(window))
    templates = QAction(window.tr("Sja&blonen beheren…"), window)
    templates.triggered.connect(lambda: open_template_editor(window))
    layout = QAction(window.tr("&Opmaak en adresvenster…"), window)
    layout.triggered.connect(lambda: open_layout_dialog(window))
    for action in (batch, templates, layout):
        menu.addAction(action)
    window.documents_menu = menu
    window.batch_print_action = batch
    window.template_editor_action = templates
    window.layout_action = layout
    _add_regenerate_button(window)


def _add_regenerate_button(window: Any) -> None:
    page = window.page_by_key.get("documents")
    if page is None or page.layout() is None:
        return
    button = QPushButton(window.tr("&Opnieuw maken…"))
    button.setToolTip(window.tr("Maak het gekozen document opnieuw, precies zoals het toen is gemaakt"))
    button.clicked.connect(lambda: regenerate_from_list(window))
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    page.layout().addLayout(row)
    page.regenerate_button = button


# -------------------------------------------------------------------------------------------------
# The actions: each imports its dialog only when chosen


def regenerate_from_list(window: Any) -> None:
    """Make the chosen register entry again, in the background; the status bar says when it is there."""
    from desktop.operations import documents
    from desktop.views.document_common import document_store

    page = window.page_by_key.get("documents")
    if page is None:
        return
    index = page.table.currentIndex()
    record = page.model.record_at(index.row()) if index.isValid() else None
    if not record:
        QMessageBox.information(window, window.tr("Opnieuw maken"), window.tr("Kies eerst een document in de lijst."))
        return
    record_id = record[0]
    chooser = getattr(window, "choose_regenerate_path", None)
    if chooser is None:
        path_text, _filter = QFileDialog.getSaveFileName(
            window,
            window.tr("Document opnieuw maken"),
            str(Path.home() / "document-opnieuw.pdf"),
            window.tr("PDF-bestanden (*.pdf)"),
        )
    else:
        path_text = chooser()
    if not path_text:
        return
    store = document_store(window.ctx)

    def refused(exc: VangnetError) -> None:
        QMessageBox.warning(window, window.tr("Opnieuw maken"), str(exc))

    def made(_pdf: bytes) -> None:
        window.statusBar().showMessage(window.tr("Opnieuw gemaakt: {path}").format(path=path_text), 8000)

    documents.make_again(window.ctx, record_id, Path(path_text), store, parent=window).success(made).failure(
        refused
    ).run_in_background()


def _refused(window: Any, text: str) -> None:
    QMessageBox.information(window, window.tr("Documenten"), text)


def open_batch_print(window: Any) -> QDialog | None:
    from desktop.views.batch_print_dialog import BatchPrintDialog
    from desktop.views.document_common import BATCH_ROLES, may

    if not may(window.ctx, BATCH_ROLES):
        _refused(window, window.tr("Brieven in serie afdrukken is voor administratief medewerkers."))
        return None
    cases_page = window.page_by_key.get("cases")
    case_filter = (
        cases_page.current_filter() if cases_page is not None and hasattr(cases_page, "current_filter") else None
    )
    dialog = BatchPrintDialog(window.ctx, window, case_filter=case_filter)
    window.batch_print_dialog = dialog
    dialog.open()
    return dialog


def open_template_editor(window: Any) -> QDialog | None:
    from desktop.views.document_common import TEMPLATE_ROLES, may
    from desktop.views.template_editor import TemplateEditor

    if not may(window.ctx, TEMPLATE_ROLES):
        _refused(window, window.tr("Sjablonen beheren is voor de functioneel beheerder."))
        return None
    dialog = TemplateEditor(window.ctx, window)
    window.template_editor = dialog
    dialog.open()
    return dialog


def open_layout_dialog(window: Any) -> QDialog | None:
    from desktop.views.document_common import TEMPLATE_ROLES, may
    from desktop.views.layout_dialog import LayoutDialog

    if not may(window.ctx, TEMPLATE_ROLES):
        _refused(window, window.tr("De opmaak van brieven is voor de functioneel beheerder."))
        return None
    dialog = LayoutDialog(window.ctx, window)
    window.layout_dialog = dialog
    dialog.open()
    return dialog

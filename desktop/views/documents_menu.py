"""The 'Documenten' menu and the 'Opnieuw maken' button of the register list.

Kept apart from the letter dialogs: building the menu must not load the PDF machinery at start-up, so the
dialogs are imported when an action is chosen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton


def _letters():
    from desktop.views import letter_dialog

    return letter_dialog


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
    batch.triggered.connect(lambda: _letters().open_batch_print(window))
    templates = QAction(window.tr("Sja&blonen beheren…"), window)
    templates.triggered.connect(lambda: _letters().open_template_editor(window))
    layout = QAction(window.tr("&Opmaak en adresvenster…"), window)
    layout.triggered.connect(lambda: _letters().open_layout_dialog(window))
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
    button.clicked.connect(lambda: _letters().regenerate_from_list(window))
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    page.layout().addLayout(row)
    page.regenerate_button = button

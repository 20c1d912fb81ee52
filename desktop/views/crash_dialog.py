"""The dialog for an unexpected error: what happened in plain Dutch and 'details kopiëren' (no personal data)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


class CrashDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("Vangnet – onverwachte fout"))
        intro = QLabel(
            self.tr(
                "Er ging iets mis dat Vangnet niet verwachtte. Wat u al had opgeslagen is bewaard.\n"
                "Wilt u dit melden bij de functioneel beheerder? Kopieer dan de details hieronder; "
                "er staan geen persoonsgegevens in."
            )
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Details van de fout"))
        self.text.setMinimumHeight(180)
        self.copy_button = QPushButton(self.tr("Details &kopiëren"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(620, 380)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Gekopieerd"))

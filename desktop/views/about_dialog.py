"""'Over Vangnet': version, purpose, licence and the libraries it is built on."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.version import build_info, version


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Over Vangnet"))
        title = QLabel(self.tr("<h2>Vangnet {version}</h2>").format(version=version()))
        build = build_info()
        if build.get("commit"):
            title.setText(title.text() + self.tr("<p>Build {commit} van {date}</p>").format(
                commit=build["commit"], date=build.get("date", "")))
        text = QLabel(
            self.tr(
                "Casemanagement voor leerplicht en voortijdig schoolverlaten.<br><br>"
                "Gegevens staan versleuteld op deze computer en worden gesynchroniseerd met de server van de "
                "regio.<br><br>Licentie: EUPL-1.2.<br>"
                "Gebouwd met Python {python}, Qt for Python (PySide6) {qt}, SQLAlchemy en SQLCipher."
            ).format(python=platform.python_version(), qt=pyside_version)
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

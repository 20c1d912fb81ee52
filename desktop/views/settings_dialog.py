"""Settings: idle lock time, sync server address and language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import (
    LANGUAGES,
    MAX_IDLE_LOCK_MINUTES,
    MAX_SYNC_INTERVAL_MINUTES,
    MIN_IDLE_LOCK_MINUTES,
    MIN_SYNC_INTERVAL_MINUTES,
    Settings,
    is_valid_server_url,
)
from desktop.views.common import error_label


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Instellingen"))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(MIN_IDLE_LOCK_MINUTES, MAX_IDLE_LOCK_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" minuten"))
        self.idle_minutes.setValue(settings.idle_lock_minutes)
        self.idle_minutes.setAccessibleName(self.tr("Automatisch vergrendelen na"))
        self.server_url = QLineEdit(settings.server_url)
        self.server_url.setPlaceholderText("https://vangnet.example.nl")
        self.server_url.setAccessibleName(self.tr("Adres van de server"))
        self.sync_minutes = QSpinBox()
        self.sync_minutes.setRange(MIN_SYNC_INTERVAL_MINUTES, MAX_SYNC_INTERVAL_MINUTES)
        self.sync_minutes.setSuffix(self.tr(" minuten"))
        self.sync_minutes.setValue(settings.sync_interval_minutes)
        self.sync_minutes.setAccessibleName(self.tr("Synchroniseren elke"))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Taal"))
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.problems = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Vergrendelen na inactiviteit:"), self.idle_minutes)
        form.addRow(self.tr("&Serveradres:"), self.server_url)
        form.addRow(self.tr("S&ynchroniseren elke:"), self.sync_minutes)
        form.addRow(self.tr("&Taal:"), self.language)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.server_url.textChanged.connect(self._validate)
        self.setMinimumWidth(480)
        self._validate()

    def _validate(self) -> bool:
        ok = is_valid_server_url(self.server_url.text())
        self.problems.setText(
            "" if ok else self.tr("Het serveradres begint met https:// en bevat geen gebruikersnaam of wachtwoord.")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        return ok

    def accept(self) -> None:
        if not self._validate():
            return
        self.settings.idle_lock_minutes = self.idle_minutes.value()
        self.settings.server_url = self.server_url.text()
        self.settings.sync_interval_minutes = self.sync_minutes.value()
        self.settings.language = self.language.currentData()
        self.settings.sync()
        super().accept()

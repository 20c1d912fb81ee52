"""Signing this device in at the sync server: username and password of the server account.

The password is sent once and never kept: the field is emptied after every attempt, and only the tokens
the server hands out are stored (in the encrypted profile).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import VangnetError
from desktop.operations import account
from desktop.views.common import error_label
from sync.client import WipeRequired


class LoginDialog(QDialog):
    """Calls ``login(username, password)`` off the GUI thread; accepts when it returns."""

    wipe_required = Signal(str)

    def __init__(
        self,
        login: Callable[[str, str], object],
        server_url: str,
        message: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._login = login
        self.busy = False
        self.setWindowTitle(self.tr("Aanmelden bij de server"))
        host = urlsplit(server_url).hostname or server_url
        intro = QLabel(
            self.tr(
                "Meld u aan met uw account op de Vangnet-server <b>{host}</b> om uw wijzigingen te versturen en "
                "die van collega's te ontvangen. Uw wachtwoord wordt niet op deze computer bewaard."
            ).format(host=host)
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.reason = QLabel(message)
        self.reason.setWordWrap(True)
        self.reason.setVisible(bool(message))
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("Gebruikersnaam"))
        self.username.setMaxLength(150)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Wachtwoord"))
        self.password.setMaxLength(1024)
        form = QFormLayout()
        form.addRow(self.tr("&Gebruikersnaam:"), self.username)
        form.addRow(self.tr("&Wachtwoord:"), self.password)
        self.error = error_label()
        self.status = QLabel()
        self.status.hide()
        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton(self.tr("&Aanmelden"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = self.buttons.addButton(self.tr("&Later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.username.textChanged.connect(self._update_button)
        self.password.textChanged.connect(self._update_button)
        self.setMinimumWidth(500)
        self._update_button()

    def _update_button(self) -> None:
        ready = bool(self.username.text().strip()) and bool(self.password.text()) and not self.busy
        self.login_button.setEnabled(ready)

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password or self.busy:
            return
        self.busy = True
        # The password leaves the dialog here; a new attempt means typing it again.
        self.password.clear()
        self.error.clear()
        self.status.setText(self.tr("Bezig met aanmelden…"))
        self.status.show()
        for widget in (self.username, self.password):
            widget.setEnabled(False)
        self._update_button()
        account.sign_in(self._login, username, password, parent=self).success(self._succeeded).failure(
            self._refused
        ).fault(self._failed).run_in_background()

    def _finish_attempt(self) -> None:
        self.busy = False
        self.status.clear()
        self.status.hide()
        for widget in (self.username, self.password):
            widget.setEnabled(True)
        self._update_button()

    def _succeeded(self, _tokens: object) -> None:
        self._finish_attempt()
        self.accept()

    def _refused(self, exc: VangnetError) -> None:
        self._finish_attempt()
        cause = exc.error if isinstance(exc, account.ServerRefused) else exc
        if isinstance(cause, WipeRequired):
            self.wipe_required.emit(cause.message)
            self.reject()
            return
        self.error.setText(exc.message)
        self.password.setFocus()

    def _failed(self, _exc: BaseException) -> None:
        """A fault (it goes on to the crash handler afterwards)."""
        self._finish_attempt()
        self.error.setText(self.tr("Aanmelden is mislukt door een onverwachte fout. Probeer het opnieuw."))
        self.password.setFocus()

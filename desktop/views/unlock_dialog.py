"""Unlocking a profile with its passphrase: the start-up dialog and the panel shown while locked."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import TooManyAttempts, VangnetError
from desktop.models.store import Profile, Store
from desktop.operations import account
from desktop.views.common import error_label

log = logging.getLogger(__name__)


class UnlockPanel(QWidget):
    """Passphrase field and buttons; emits ``unlocked(store)`` once the profile is open."""

    unlocked = Signal(object)
    quit_requested = Signal()

    def __init__(
        self,
        profile: Profile,
        open_store: Callable[[str], Store] | None = None,
        parent: QWidget | None = None,
        *,
        locked_message: str = "",
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self._open_store = open_store or profile.unlock
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._tick)
        self._wait_left = 0
        self.busy = False

        title = QLabel(self.tr("Vangnet is vergrendeld") if locked_message else self.tr("Welkom bij Vangnet"))
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        intro = QLabel(
            locked_message
            or self.tr("Vul uw wachtwoord in om uw gegevens te openen. De gegevens staan versleuteld op deze computer.")
        )
        intro.setWordWrap(True)

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Wachtwoord"))
        self.passphrase.setAccessibleName(self.tr("Wachtwoord"))
        self.passphrase.setMinimumWidth(320)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.passphrase.textChanged.connect(self._update_buttons)
        label = QLabel(self.tr("&Wachtwoord:"))
        label.setBuddy(self.passphrase)

        self.error = error_label()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Bezig met openen"))
        self.progress.hide()

        self.unlock_button = QPushButton(self.tr("&Ontgrendelen"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setAccessibleName(self.tr("Ontgrendelen"))
        self.unlock_button.clicked.connect(self.try_unlock)
        self.change_button = QPushButton(self.tr("Wachtwoord &wijzigen…"))
        self.change_button.setAccessibleName(self.tr("Wachtwoord wijzigen"))
        self.change_button.clicked.connect(self._change_passphrase)
        self.quit_button = QPushButton(self.tr("Afsluiten"))
        self.quit_button.clicked.connect(self.quit_requested)

        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.unlock_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.setTabOrder(self.passphrase, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.change_button)
        self.setTabOrder(self.change_button, self.quit_button)
        self._update_buttons()
        wait = profile.wait_before_next_attempt() if profile.exists() else 0
        if wait > 0:
            self._start_wait(wait)

    def focus_passphrase(self) -> None:
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        self.unlock_button.setEnabled(bool(self.passphrase.text()) and not self.busy and self._wait_left <= 0)
        self.change_button.setEnabled(not self.busy)
        self.passphrase.setEnabled(not self.busy)

    def try_unlock(self) -> None:
        if self.busy or not self.passphrase.text() or self._wait_left > 0:
            return
        passphrase = self.passphrase.text()
        self.busy = True
        self.error.clear()
        self.progress.show()
        self._update_buttons()
        account.unlock(self._open_store, passphrase, parent=self).success(self._opened).failure(self._failed).fault(
            self._failed
        ).run_in_background()

    def _opened(self, store: Store) -> None:
        self.busy = False
        self.progress.hide()
        self.passphrase.clear()
        self._update_buttons()
        self.unlocked.emit(store)

    def _failed(self, exc: BaseException) -> None:
        """A refusal in Dutch, or a fault (which goes on to the crash handler afterwards)."""
        self.busy = False
        self.progress.hide()
        if isinstance(exc, TooManyAttempts):
            self._start_wait(exc.wait_seconds)
        elif isinstance(exc, VangnetError):
            self.error.setText(exc.message)
        else:
            log.error("Openen van het profiel mislukt: %s", type(exc).__name__)
            self.error.setText(self.tr("Het profiel kon niet worden geopend door een onverwachte fout."))
        self.passphrase.selectAll()
        self._update_buttons()
        self.focus_passphrase()

    def _start_wait(self, seconds: float) -> None:
        self._wait_left = int(seconds + 0.999)
        self._tick(initial=True)
        self._wait_timer.start()

    def _tick(self, initial: bool = False) -> None:
        if not initial:
            self._wait_left -= 1
        if self._wait_left <= 0:
            self._wait_timer.stop()
            self.error.clear()
        else:
            self.error.setText(
                self.tr("Te veel onjuiste pogingen. U kunt het over {n} seconden opnieuw proberen.").format(
                    n=self._wait_left
                )
            )
        self._update_buttons()

    def _change_passphrase(self) -> None:
        from desktop.views.change_passphrase_dialog import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self.profile, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.error.setStyleSheet("color: #1b5e20;")
            self.error.setText(self.tr("Het wachtwoord is gewijzigd. Ontgrendel met het nieuwe wachtwoord."))


class UnlockDialog(QDialog):
    """The first window: asks for the passphrase and opens the profile in the background."""

    def __init__(
        self, profile: Profile, open_store: Callable[[str], Store] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Vangnet – ontgrendelen"))
        self.store: Store | None = None
        self.panel = UnlockPanel(profile, open_store, self)
        self.panel.unlocked.connect(self._unlocked)
        self.panel.quit_requested.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.setMinimumWidth(460)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, activated=self.reject)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.panel.focus_passphrase()

    def reject(self) -> None:
        # An unlock in flight cannot be abandoned half-way: the store would stay open.
        if self.panel.busy:
            return
        super().reject()

    def _unlocked(self, store: Store) -> None:
        self.store = store
        self.accept()

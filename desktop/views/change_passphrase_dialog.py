"""Changing the passphrase of a profile: the database key is wrapped again, the data is not touched."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from desktop.errors import VangnetError, WeakPassphrase
from desktop.models.passphrase import check_passphrase_policy
from desktop.models.store import Profile
from desktop.operations import account
from desktop.views.common import error_label


class ChangePassphraseDialog(QDialog):
    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.busy = False
        self.setWindowTitle(self.tr("Wachtwoord wijzigen"))
        self.old = self._field(self.tr("Huidig wachtwoord"))
        self.new = self._field(self.tr("Nieuw wachtwoord"))
        self.repeat = self._field(self.tr("Nieuw wachtwoord herhalen"))
        form = QFormLayout()
        form.addRow(self.tr("&Huidig wachtwoord:"), self.old)
        form.addRow(self.tr("&Nieuw wachtwoord:"), self.new)
        form.addRow(self.tr("Nieuw wachtwoord &herhalen:"), self.repeat)
        self.error = error_label()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Wijzigen"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        for edit in (self.old, self.new, self.repeat):
            edit.textChanged.connect(self._validate)
        self.setMinimumWidth(480)
        self._validate()

    def _field(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        return edit

    def problem(self) -> str:
        if not self.old.text():
            return self.tr("Vul het huidige wachtwoord in.")
        if not self.new.text():
            return self.tr("Vul een nieuw wachtwoord in.")
        try:
            check_passphrase_policy(self.new.text())
        except WeakPassphrase as exc:
            return exc.message
        if self.new.text() == self.old.text():
            return self.tr("Het nieuwe wachtwoord is hetzelfde als het huidige.")
        if self.repeat.text() != self.new.text():
            return self.tr("De twee nieuwe wachtwoorden zijn niet gelijk.")
        return ""

    def _validate(self) -> None:
        problem = self.problem()
        # Only complain about fields the user has reached.
        self.error.setText(problem if (self.new.text() or self.repeat.text()) else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem and not self.busy)

    def _submit(self) -> None:
        if self.problem() or self.busy:
            return
        old, new = self.old.text(), self.new.text()
        self.busy = True
        self.progress.show()
        self._validate()
        account.change_passphrase(self.profile, old, new, parent=self).success(self._done).failure(
            self._failed
        ).fault(self._failed).run_in_background()

    def _done(self, _result) -> None:
        self.busy = False
        self.progress.hide()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        """A refusal in Dutch, or a fault (which goes on to the crash handler afterwards)."""
        self.busy = False
        self.progress.hide()
        self._validate()
        if isinstance(exc, VangnetError):
            self.error.setText(exc.message)

    def reject(self) -> None:
        if not self.busy:
            super().reject()

"""Registering a thuiszitter episode: enrolled, more than four weeks absent, no exemption."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from desktop.operations import CollectionOp, registrations
from desktop.views.common import Validation, date_edit, to_date
from desktop.views.register_form import RegisterDialog


class HomeSitterDialog(RegisterDialog):
    title_text = "Thuiszitter registreren"

    def __init__(self, ctx, person_id=None, parent=None) -> None:
        super().__init__(ctx, person_id, parent)
        self.start = date_edit(ctx.today(), self.tr("Thuiszitter sinds"))
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reden"))
        self.reason.setMaximumHeight(80)
        self.reason.setTabChangesFocus(True)
        self.form.addRow(self.tr("Thuiszitter &sinds:"), self.start)
        self.form.addRow(self.tr("&Reden:"), self.reason)
        self.finish_setup()

    def validate(self) -> Validation:
        check = super().validate()
        check.require("start", to_date(self.start.date()) <= self.ctx.today(),
                      self.tr("De begindatum ligt in de toekomst."))
        return check

    def save_operation(self) -> CollectionOp[str]:
        return registrations.register_home_sitter(
            self.ctx, self.picker.person_id, to_date(self.start.date()), self.reason.toPlainText().strip(), parent=self
        )

"""Cijfers: totals of the local administration (the jaarverslag figures are produced elsewhere)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop.models.queries import counts_overview
from desktop.views.common import AppContext, nl_number


class FiguresPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(self.tr("Cijfers"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.form = QFormLayout()
        box = QGroupBox(self.tr("Totalen in deze administratie"))
        box.setLayout(self.form)
        box.setMaximumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(box)
        layout.addStretch(1)
        self._loaded = False
        # A bound method, so that Qt drops the connection when this page is deleted.
        ctx.changed.connect(self._data_changed)

    def reload(self) -> None:
        if not self.ctx.is_open:
            return
        while self.form.rowCount():
            self.form.removeRow(0)
        for label, value in self.ctx.read(counts_overview):
            number = QLabel(nl_number(value))
            number.setAccessibleName(label)
            self.form.addRow(label + ":", number)
        self._loaded = True

    def _data_changed(self, _kind: str) -> None:
        if self._loaded:
            self.reload()

    def unload(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self._loaded = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

"""Opmaak en adresvenster: where the address frame sits for the office's window envelopes, the sender's details,
and a test sheet to check the position on paper. Saved in the profile next to the templates."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.layout import LayoutError, LayoutSettings, Sender, render_envelope_test_sheet, save_layout
from desktop.operations.context import AppContext
from desktop.views.common import DUTCH, error_label
from desktop.views.document_common import document_store, layout_settings


def _millimetres(value: float, name: str, low: float, high: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setLocale(DUTCH)
    box.setRange(low, high)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setSuffix(" mm")
    box.setValue(value)
    box.setAccessibleName(name)
    return box


class LayoutDialog(QDialog):
    saved = Signal(object)  # LayoutSettings

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = document_store(ctx)
        current = layout_settings(self.store)
        self.choose_path: Callable[[], str] = self._ask_path  # replaced in tests
        self.open_file: Callable[[Path], None] = lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.setWindowTitle(self.tr("Opmaak en adresvenster"))

        self.left = _millimetres(current.window_left_mm, self.tr("Adresvenster van links"), 0, 200)
        self.top = _millimetres(current.window_top_mm, self.tr("Adresvenster van boven"), 0, 200)
        self.width = _millimetres(current.window_width_mm, self.tr("Breedte adresvenster"), 10, 200)
        self.height = _millimetres(current.window_height_mm, self.tr("Hoogte adresvenster"), 10, 150)
        self.margin = _millimetres(current.margin_left_mm, self.tr("Linkermarge"), 0, 60)
        window_form = QFormLayout()
        window_form.addRow(self.tr("Van &links:"), self.left)
        window_form.addRow(self.tr("Van &boven:"), self.top)
        window_form.addRow(self.tr("&Breedte:"), self.width)
        window_form.addRow(self.tr("&Hoogte:"), self.height)
        window_form.addRow(self.tr("Linker&marge tekst:"), self.margin)
        window_box = QGroupBox(self.tr("Adresvenster (gemeten vanaf de linkerbovenhoek van het A4-vel)"))
        window_box.setLayout(window_form)

        sender = current.sender
        self.letterhead = QPlainTextEdit("\n".join(sender.letterhead))
        self.letterhead.setAccessibleName(self.tr("Briefhoofd"))
        self.letterhead.setMaximumHeight(52)
        self.letterhead.setTabChangesFocus(True)
        self.organisation = QLineEdit(sender.organisation)
        self.organisation.setAccessibleName(self.tr("Organisatie"))
        self.address = QPlainTextEdit("\n".join(sender.address_lines))
        self.address.setAccessibleName(self.tr("Adres afzender"))
        self.address.setMaximumHeight(64)
        self.address.setTabChangesFocus(True)
        self.phone = QLineEdit(sender.phone)
        self.phone.setAccessibleName(self.tr("Telefoon"))
        self.email = QLineEdit(sender.email)
        self.email.setAccessibleName(self.tr("E-mail"))
        self.website = QLineEdit(sender.website)
        self.website.setAccessibleName(self.tr("Website"))
        sender_form = QFormLayout()
        sender_form.addRow(self.tr("Briefhoofd (2 regels):"), self.letterhead)
        sender_form.addRow(self.tr("Organisatie:"), self.organisation)
        sender_form.addRow(self.tr("Adres:"), self.address)
        sender_form.addRow(self.tr("Telefoon:"), self.phone)
        sender_form.addRow(self.tr("E-mail:"), self.email)
        sender_form.addRow(self.tr("Website:"), self.website)
        sender_box = QGroupBox(self.tr("Afzender"))
        sender_box.setLayout(sender_form)

        self.error = error_label()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.test_button = QPushButton(self.tr("&Testvel afdrukken…"))
        self.test_button.setToolTip(self.tr("Een vel met het adreskader, om tegen een vensterenvelop te houden"))
        self.test_button.clicked.connect(self.print_test_sheet)
        self.save_button = QPushButton(self.tr("&Opslaan"))
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Sluiten"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(window_box)
        layout.addWidget(sender_box)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        for box in (self.left, self.top, self.width, self.height, self.margin):
            box.valueChanged.connect(self.validate)
        self.validate()

    def settings(self) -> LayoutSettings:
        """The settings as entered; raises LayoutError (Dutch) when the window does not fit the sheet."""
        lines = [line.strip() for line in self.letterhead.toPlainText().splitlines() if line.strip()]
        sender = Sender(
            letterhead=tuple(lines[:2]) or Sender().letterhead,
            organisation=self.organisation.text().strip(),
            address_lines=tuple(line.strip() for line in self.address.toPlainText().splitlines() if line.strip()),
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            website=self.website.text().strip(),
        )
        return LayoutSettings(window_left_mm=self.left.value(), window_top_mm=self.top.value(),
                              window_width_mm=self.width.value(), window_height_mm=self.height.value(),
                              margin_left_mm=self.margin.value(), sender=sender)

    def validate(self) -> bool:
        try:
            self.settings()
        except LayoutError as exc:
            self.error.setText(str(exc))
            self.save_button.setEnabled(False)
            self.test_button.setEnabled(False)
            return False
        self.error.clear()
        self.save_button.setEnabled(True)
        self.test_button.setEnabled(True)
        return True

    def _ask_path(self) -> str:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Testvel opslaan"),
                                                    str(Path.home() / "testvel-adresvenster.pdf"),
                                                    self.tr("PDF-bestanden (*.pdf)"))
        return path

    def print_test_sheet(self) -> Path | None:
        if not self.validate():
            return None
        path_text = self.choose_path()
        if not path_text:
            return None
        path = Path(path_text)
        render_envelope_test_sheet(path, self.settings())
        self.status.setText(self.tr("Testvel opgeslagen in {path}. Druk het af op ware grootte (100%).").format(
            path=str(path)))
        self.open_file(path)
        return path

    def save(self) -> LayoutSettings | None:
        if not self.validate() or self.store.layout_path is None:
            return None
        settings = self.settings()
        save_layout(self.store.layout_path, settings)
        self.status.setText(self.tr("Opgeslagen. Nieuwe brieven gebruiken deze opmaak."))
        self.saved.emit(settings)
        return settings

"""Sjablonen beheren (functioneel beheerder): edit a letter or report template with its merge fields, see a live
preview with example values, store the text as a new version in the profile and publish it to the server."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.context import FIELD_CATALOGUE, REPORT_FIELD_CATALOGUE
from desktop.documents.letters import preview_template
from desktop.documents.preview import first_page_png
from desktop.documents.templates import BLOCK_CATALOGUE, LetterTemplate, TemplateError, parse_template
from desktop.errors import VangnetError
from desktop.operations import account, documents
from desktop.operations.context import AppContext
from desktop.views.common import error_label
from desktop.views.document_common import (
    TEMPLATE_ROLES,
    PagePreview,
    document_store,
    layout_settings,
    may,
)
from sync.client import SyncClient

VERSION_RE = re.compile(r"^(version\s*=\s*)(\d+)", re.MULTILINE)


def with_version(source: str, version: int) -> str:
    """The template text with its 'version = N' line set to ``version``."""
    if VERSION_RE.search(source) is None:
        return f"version = {version}\n{source}"
    return VERSION_RE.sub(lambda m: f"{m.group(1)}{version}", source, count=1)


def sync_service_of(window: Any) -> Any:
    """The main window's sync service (``window.sync``), or None outside the main window."""
    return getattr(window, "sync", None) if window is not None else None


def server_client_of(window: Any) -> SyncClient | None:
    """The signed-in client of the main window's sync service; None without a server or before signing in."""
    service = sync_service_of(window)
    engine = getattr(service, "engine", None) if service is not None else None
    return getattr(engine, "client", None) if engine is not None else None


class TemplateEditor(QDialog):
    """``checked(message)`` fires after each check of the text: empty when the text can be used.

    ``client_source`` gives the sync client to publish with (None when not signed in); by default the
    client of the parent window's sync service. Without a configured server there is no publish button.
    """

    checked = Signal(str)
    preview_shown = Signal()
    saved = Signal(object)  # the stored LetterTemplate
    published = Signal(int)  # the version the server now holds
    publish_failed = Signal(str)  # the Dutch message shown

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        client_source: Callable[[], SyncClient | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        if client_source is None:
            service = sync_service_of(parent)
            self.server_configured = bool(service is not None and getattr(service, "configured", False))
            self._client_source: Callable[[], SyncClient | None] = lambda: server_client_of(parent)
        else:
            self.server_configured = True
            self._client_source = client_source
        self.publishing = False
        self.store = document_store(ctx)
        self.settings = layout_settings(self.store)
        self.current: LetterTemplate | None = None
        self.valid = False
        self._token = 0
        self.setWindowTitle(self.tr("Sjablonen beheren"))

        self.kinds = QListWidget()
        self.kinds.setAccessibleName(self.tr("Sjablonen"))
        for kind in self.store.kinds():
            try:
                template = self.store.current(kind)
            except TemplateError:
                continue
            item = QListWidgetItem(f"{template.title}  (v{template.version})")
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setToolTip(kind)
            self.kinds.addItem(item)
        self.kinds.setMinimumWidth(230)
        self.kinds.sortItems()

        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Tekst van het sjabloon"))
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.version_label = QLabel()
        self.error = error_label()

        self.fields = QListWidget()
        self.fields.setAccessibleName(self.tr("Samenvoegvelden"))
        self.fields.setToolTip(self.tr("Dubbelklik om het veld op de plaats van de cursor in te voegen"))
        self.fields.itemActivated.connect(self._insert_field)
        self.fields.itemDoubleClicked.connect(self._insert_field)
        self.fields.setMaximumHeight(190)

        self.preview = PagePreview()
        self.preview.setMinimumWidth(380)
        self.save_button = QPushButton(self.tr("Opslaan als &nieuwe versie"))
        self.save_button.clicked.connect(self.save)
        self.publish_button = QPushButton(self.tr("&Publiceren naar de server"))
        self.publish_button.setToolTip(self.tr(
            "Slaat de tekst op als nieuwe versie (als die gewijzigd is) en stuurt die naar de server; elk kantoor "
            "krijgt deze tekst bij de volgende synchronisatie."))
        self.publish_button.clicked.connect(self.publish)
        self.publish_button.setVisible(self.server_configured and may(ctx, TEMPLATE_ROLES))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status van het publiceren"))
        close = QPushButton(self.tr("Sluiten"))
        close.clicked.connect(self.reject)

        middle = QVBoxLayout()
        middle.addWidget(self.version_label)
        middle.addWidget(self.editor, 1)
        middle.addWidget(self.error)
        middle.addWidget(self.status)
        middle.addWidget(QLabel(self.tr("Samenvoegvelden (dubbelklik om in te voegen):")))
        middle.addWidget(self.fields)
        middle_widget = QWidget()
        middle_widget.setLayout(middle)
        splitter = QSplitter()
        splitter.addWidget(self.kinds)
        splitter.addWidget(middle_widget)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([300, 620, 440])
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Het voorbeeld gebruikt verzonnen gegevens.")))
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.publish_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(1300, 760)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.check)
        self.editor.textChanged.connect(self._timer.start)
        self.kinds.currentRowChanged.connect(self._load_current)
        if self.kinds.count():
            self.kinds.setCurrentRow(0)

    # -- loading ----------------------------------------------------------------------------------

    def select_kind(self, kind: str) -> None:
        for row in range(self.kinds.count()):
            if self.kinds.item(row).data(Qt.ItemDataRole.UserRole) == kind:
                self.kinds.setCurrentRow(row)
                return

    def _load_current(self, row: int) -> None:
        if row < 0:
            return
        kind = self.kinds.item(row).data(Qt.ItemDataRole.UserRole)
        self.current = self.store.current(kind)
        earlier = len(self.store.history(kind)) - 1
        self.version_label.setText(self.tr("{title}: versie {version}{earlier}").format(
            title=self.current.title, version=self.current.version,
            earlier=self.tr(" ({n} eerdere versies bewaard)").format(n=earlier) if earlier > 0 else ""))
        catalogue = REPORT_FIELD_CATALOGUE if self.current.document == "report" else FIELD_CATALOGUE
        self.fields.clear()
        for name, text in sorted(catalogue.items()):
            item = QListWidgetItem(f"{{{{ {name} }}}} — {text}")
            item.setData(Qt.ItemDataRole.UserRole, f"{{{{ {name} }}}}")
            self.fields.addItem(item)
        if self.current.document == "report":
            for name, text in sorted(BLOCK_CATALOGUE.items()):
                item = QListWidgetItem(f"@@ {name} — {text}")
                item.setData(Qt.ItemDataRole.UserRole, f"@@ {name}")
                self.fields.addItem(item)
        self.editor.setPlainText(self.current.source)
        self._timer.stop()
        self.check()

    def _insert_field(self, item: QListWidgetItem) -> None:
        self.editor.insertPlainText(item.data(Qt.ItemDataRole.UserRole))
        self.editor.setFocus()

    # -- checking and preview ---------------------------------------------------------------------

    def check(self) -> str:
        """Check the text now (unknown fields, markup); start the preview when it can be used."""
        source = self.editor.toPlainText()
        message = ""
        try:
            template = parse_template(source)
            if self.current is not None and template.kind != self.current.kind:
                message = self.tr("De soort in het sjabloon moet '{kind}' blijven.").format(kind=self.current.kind)
        except TemplateError as exc:
            message = str(exc)
        self.valid = not message
        self.error.setText(message)
        self.save_button.setEnabled(self.valid)
        self.publish_button.setEnabled(self.valid and not self.publishing)
        self._token += 1
        if self.valid:
            self._start_preview(source)
        else:
            self.preview.show_message(self.tr("Geen voorbeeld: het sjabloon bevat een fout."))
        self.checked.emit(message)
        return message

    def _start_preview(self, source: str) -> None:
        token, settings, store = self._token, self.settings, self.store

        def op() -> bytes | None:
            return first_page_png(preview_template(source, settings, store))

        def done(png: bytes | None) -> None:
            if token != self._token:
                return
            if png:
                self.preview.show_png(png)
            else:
                self.preview.show_message(self.tr("Het sjabloon is in orde. (Een afbeelding van de pagina vraagt "
                                                  "pdftoppm.)"))
            self.preview_shown.emit()

        def refused(exc: VangnetError) -> None:
            if token != self._token:
                return
            self.error.setText(str(exc))
            self.save_button.setEnabled(False)
            self.publish_button.setEnabled(False)
            self.preview.show_message(self.tr("Geen voorbeeld: {reason}").format(reason=str(exc)))
            self.preview_shown.emit()

        self.preview.show_message(self.tr("Voorbeeld maken…"))
        documents.preview(op, parent=self).success(done).failure(refused).run_in_background()

    # -- saving -----------------------------------------------------------------------------------

    def save(self) -> LetterTemplate | None:
        """Store the text as the next version (the version number is raised here); a faulty text is refused."""
        if self.current is None:
            return None
        if self.check():
            QMessageBox.warning(self, self.tr("Sjabloon niet opgeslagen"), self.error.text())
            return None
        source = self.editor.toPlainText()
        if parse_template(source).content_hash == self.current.content_hash:
            self.error.setText(self.tr("Er is niets gewijzigd."))
            return None
        newest = max(t.version for t in self.store.history(self.current.kind))
        source = with_version(source, newest + 1)
        try:
            template = self.store.install(source)
        except (TemplateError, OSError) as exc:
            self.error.setText(str(exc))
            return None
        row = self.kinds.currentRow()
        self.kinds.item(row).setText(f"{template.title}  (v{template.version})")
        self._load_current(row)
        self.saved.emit(template)
        return template


    # -- publishing -------------------------------------------------------------------------------

    def publish(self) -> bool:
        """Send the current version (saved first when the text was changed) to the server for every office.

        Returns whether publishing started; the answer arrives as ``published`` or ``publish_failed``.
        """
        if self.current is None or self.publishing:
            return False
        if self.check():
            return self._publish_refused(self.error.text())
        if parse_template(self.editor.toPlainText()).content_hash != self.current.content_hash and self.save() is None:
            return self._publish_refused(self.error.text() or self.tr("Het sjabloon kon niet worden opgeslagen."))
        client = self._client_source()
        if client is None:
            return self._publish_refused(self.tr(
                "Er is geen verbinding met de server: meld u aan bij de server en probeer het opnieuw. "
                "De nieuwe versie is wel op deze computer bewaard."))
        template = self.current
        kind, source = template.kind, template.source
        self.publishing = True
        self.publish_button.setEnabled(False)
        self.error.setText("")
        self.status.setText(self.tr("Versie {version} wordt gepubliceerd…").format(version=template.version))

        def done(version: int) -> None:
            self.publishing = False
            self.publish_button.setEnabled(self.valid)
            self.status.setText(self.tr(
                "Versie {version} van ‘{title}’ staat op de server. Elk kantoor krijgt deze tekst bij de volgende "
                "synchronisatie.").format(version=version, title=template.title))
            self.published.emit(version)

        def failed(_exc: BaseException) -> None:
            self.publishing = False
            self.publish_button.setEnabled(self.valid)

        def refused(exc: VangnetError) -> None:
            failed(exc)
            self._publish_refused(self.tr("Niet gepubliceerd: {reason}").format(reason=exc.message))

        account.publish(client, kind, source, parent=self).success(done).failure(refused).fault(
            failed
        ).run_in_background()
        return True

    def _publish_refused(self, message: str) -> bool:
        self.status.setText("")
        self.error.setText(message)
        self.publish_failed.emit(message)
        return False

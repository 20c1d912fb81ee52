"""What the letter, series-printing, template and layout dialogs share: the profile's templates and layout,
who may print in series or change templates, and the page-1 preview."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QTextBrowser, QWidget

from desktop.documents.layout import LayoutError, LayoutSettings, load_layout
from desktop.documents.letters import generate_letter, prepare_letter
from desktop.documents.official_reports import generate_report
from desktop.documents.preview import first_page_png, letter_html
from desktop.documents.templates import TemplateStore
from desktop.models.enums import UserRole
from desktop.operations import users
from desktop.operations.context import AppContext

# Who may print letters in series and who may change the templates (a profile without a signed-in
# user is a single-user profile: its owner may do both).
BATCH_ROLES = frozenset({UserRole.ADMINISTRATOR, UserRole.TEAM_LEAD, UserRole.SYSTEM_ADMINISTRATOR})
TEMPLATE_ROLES = frozenset({UserRole.SYSTEM_ADMINISTRATOR})


def document_store(ctx: AppContext) -> TemplateStore:
    """The profile's templates: shipped texts plus the versions edited or synced into the profile."""
    return TemplateStore.for_profile(ctx.profile.path)


def layout_settings(store: TemplateStore) -> LayoutSettings:
    try:
        return load_layout(store.layout_path)
    except LayoutError:
        return LayoutSettings()


def user_id_of(ctx: AppContext) -> str | None:
    user = users.signed_in_now(ctx)
    return user.user_id if user else None


def may(ctx: AppContext, roles: frozenset[UserRole]) -> bool:
    if not ctx.is_open:
        return False
    user = users.signed_in_now(ctx)
    return user is None or user.role in roles


class PagePreview(QStackedWidget):
    """Page 1 as an image when it can be drawn, else the letter as text; with a message while loading."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image.setAccessibleName(self.tr("Voorbeeld van pagina 1"))
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("QScrollArea { background: #8a8f91; }")
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Voorbeeld van de tekst"))
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        for widget in (scroll, self.text, self.message):
            self.addWidget(widget)
        self.setMinimumWidth(430)
        self.show_message(self.tr("Kies een soort brief."))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.setCurrentWidget(self.message)

    def show_png(self, png: bytes) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.image.setPixmap(pixmap)
        self.setCurrentIndex(0)

    def show_html(self, html: str) -> None:
        self.text.setHtml(html)
        self.setCurrentWidget(self.text)

    def show_result(self, result: tuple[str, Any]) -> None:
        kind, value = result
        if kind == "png":
            self.show_png(value)
        elif kind == "html":
            self.show_html(value)
        else:
            self.show_message(str(value))


def render_preview(
    kind: str, context: Any, settings: LayoutSettings, store: TemplateStore, report: bool = False
) -> tuple[str, Any]:
    """Page 1 as ('png', bytes), or the letter as ('html', text) when no page renderer is installed.

    Runs on a worker thread: plain data in, plain data out.
    """
    if report:
        pdf = generate_report(kind, context, None, settings, store).pdf
        png = first_page_png(pdf)
        return (
            ("png", png)
            if png
            else ("message", "Het voorbeeld van een rapport vraagt pdftoppm; sla het rapport op om het te bekijken.")
        )
    pdf = generate_letter(kind, context, None, settings, store).pdf
    png = first_page_png(pdf)
    if png:
        return "png", png
    return "html", letter_html(prepare_letter(kind, context, settings, store))

"""The global search field: results for name, BSN, case number or school appear under it as you type."""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QWidget,
)

from desktop.errors import VangnetError
from desktop.models.search import SchoolEntry, SearchResult
from desktop.operations import OpChanges, search
from desktop.operations.context import AppContext

log = logging.getLogger(__name__)

DEBOUNCE_MS = 120
KIND_LABELS = {"person": "Leerling", "case": "Zaak", "school": "School"}


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.results: list[SearchResult] = []

    def set_results(self, results: list[SearchResult]) -> None:
        self.beginResetModel()
        self.results = list(results)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.results)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.results):
            return None
        result = self.results[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{result.title}\n{KIND_LABELS.get(result.kind, '')} · {result.subtitle}".rstrip(" ·")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{KIND_LABELS.get(result.kind, '')}: {result.title}, {result.subtitle}"
        if role == Qt.ItemDataRole.UserRole:
            return result.kind
        if role == Qt.ItemDataRole.UserRole + 1:
            return result.id
        return None


class ResultDelegate(QStyledItemDelegate):
    """Title in bold, kind and details on a grey second line."""

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        # Qt turns the newline into a line separator in option.text: read the model's own text.
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        title, _sep, subtitle = text.partition("\n")
        rect = option.rect.adjusted(8, 3, -8, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(option.palette.highlightedText().color() if selected else option.palette.text().color())
        line = QFontMetrics(bold).height()
        painter.drawText(rect.adjusted(0, 0, 0, -line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        painter.setFont(option.font)
        painter.setPen(option.palette.highlightedText().color() if selected else QColor("#5f5f5f"))
        painter.drawText(
            rect.adjusted(0, line + 1, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, subtitle
        )
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        self.initStyleOption(option, index)
        bold = QFont(option.font)
        bold.setBold(True)
        height = QFontMetrics(bold).height() + QFontMetrics(option.font).height()
        return QSize(option.rect.width(), height + 12)


class SearchBox(QLineEdit):
    """Type two characters or more; Down goes into the results, Enter opens (and empties the field), Escape
    closes."""

    open_record = Signal(object)  # RecordRef of the chosen result

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setPlaceholderText(self.tr("Zoek op naam, BSN, zaaknummer of school  (Ctrl+F)"))
        self.setAccessibleName(self.tr("Zoeken"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(360)
        self.setMaximumWidth(560)
        self.model = SearchResultsModel(self)
        self.popup = QListView()
        self.popup.setModel(self.model)
        self.popup.setAccessibleName(self.tr("Zoekresultaten"))
        self.popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.popup.setUniformItemSizes(True)
        self.popup.setItemDelegate(ResultDelegate(self.popup))
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.clicked.connect(self._activate)
        self.popup.hide()
        self.last_query_ms = 0.0
        self.searching = False
        self._generation = 0
        # Schools change rarely: read them once per unlock, not on every keystroke.
        self._schools: list[SchoolEntry] | None = None
        ctx.store_closed.connect(self._forget_schools)
        ctx.store_opened.connect(self._forget_schools)
        ctx.changed.connect(self._data_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.textChanged.connect(self._maybe_hide)

    def attach_popup_to(self, window: QWidget) -> None:
        """The result list floats over the window's content, not as a separate window."""
        self.popup.setParent(window)
        self.popup.hide()

    def run_search(self, then_open: bool = False) -> None:
        """Search in the background; results overtaken by more typing are dropped, so what the list shows
        always matches what is typed. ``then_open`` opens the first result once they are there (Enter)."""
        self._timer.stop()
        self._generation += 1
        text = self.text()
        if not self.ctx.is_open or len(text.strip()) < 2:
            self.searching = False
            self.model.set_results([])
            self.popup.hide()
            return
        generation = self._generation
        self.searching = True
        started = time.perf_counter()
        search.search(self.ctx, text, self._schools, parent=self).success(
            lambda found: self._found(generation, text, started, then_open, *found)
        ).failure(lambda exc: self._not_found(generation, exc)).run_in_background()

    def _not_found(self, generation: int, exc: VangnetError) -> None:
        if generation == self._generation:
            self.searching = False
            log.info("Zoeken niet gelukt: %s", type(exc).__name__)

    def _found(
        self,
        generation: int,
        text: str,
        started: float,
        then_open: bool,
        results: list[SearchResult],
        schools: list[SchoolEntry],
    ) -> None:
        if generation != self._generation or text != self.text():
            return  # the user typed on meanwhile
        self.searching = False
        self._schools = schools
        self.model.set_results(results)
        self.last_query_ms = (time.perf_counter() - started) * 1000
        self._show_popup()
        if then_open:
            self._activate(self.popup.currentIndex())

    def _data_changed(self, changes: OpChanges) -> None:
        if changes.touches("schools"):
            self._forget_schools()

    def _forget_schools(self) -> None:
        self._schools = None

    def _show_popup(self) -> None:
        if self.popup.parent() is None:
            return
        if not self.model.results:
            self.model.set_results([SearchResult("none", "", self.tr("Niets gevonden"), "")])
        window = self.popup.parentWidget()
        top_left = self.mapTo(window, QPoint(0, self.height()))
        rows = min(10, self.model.rowCount())
        row_height = max(self.popup.sizeHintForRow(0), 36)
        self.popup.setGeometry(top_left.x(), top_left.y() + 2, max(self.width(), 480), rows * row_height + 6)
        self.popup.setCurrentIndex(self.model.index(0))
        self.popup.show()
        self.popup.raise_()

    def _maybe_hide(self, text: str) -> None:
        if len(text.strip()) < 2:
            self.model.set_results([])
            self.popup.hide()

    def hide_popup(self) -> None:
        self.popup.hide()

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if self.popup.isVisible():
            current = self.popup.currentIndex().row()
            if key == Qt.Key.Key_Down:
                self.popup.setCurrentIndex(self.model.index(min(current + 1, self.model.rowCount() - 1)))
                return
            if key == Qt.Key.Key_Up:
                self.popup.setCurrentIndex(self.model.index(max(current - 1, 0)))
                return
            if key == Qt.Key.Key_Escape:
                self.popup.hide()
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive() or not self.popup.isVisible() or self.searching:
                self.run_search(then_open=True)
            else:
                self._activate(self.popup.currentIndex())
            return
        if event.matches(QKeySequence.StandardKey.Cancel):
            self.clear()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            QTimer.singleShot(150, self._hide_unless_focused)

    def _hide_unless_focused(self) -> None:
        if not self.hasFocus():
            self.popup.hide()

    def _activate(self, index: QModelIndex) -> None:
        if not index.isValid() or not 0 <= index.row() < len(self.model.results):
            return
        ref = self.model.results[index.row()].ref
        if ref is None:
            return
        self.popup.hide()
        self.clear()
        self.open_record.emit(ref)

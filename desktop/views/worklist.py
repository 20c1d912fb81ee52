"""Werkvoorraad: the signals that need attention, grouped by kind; each line opens its record."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import VangnetError
from desktop.models.worklist import WorkItem
from desktop.operations import OpChanges, worklist
from desktop.operations.context import AppContext
from desktop.views.common import nl_date, show_error

ITEM_ROLE = Qt.ItemDataRole.UserRole
# Groups that ask for action today come first; the others follow alphabetically.
FIRST_CATEGORIES = ("Nieuwe meldingen beoordelen", "Afspraken vandaag", "Termijnen")
#: A new melding opens its assessment (the main window's open_record decides so for this table).
ASSESSMENT_TABLE = "absence_reports"


def _category_rank(category: str) -> tuple[int, str]:
    try:
        return FIRST_CATEGORIES.index(category), ""
    except ValueError:
        return len(FIRST_CATEGORIES), category


class WorklistPage(QWidget):
    """Loads in the background; ``loaded`` fires with the number of signals."""

    open_record = Signal(object)  # RecordRef of the chosen line's record
    loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[WorkItem] = []
        self.loading = False
        self._reload_again = False

        title = QLabel(self.tr("Werkvoorraad"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Samenvatting werkvoorraad"))
        self.refresh_button = QPushButton(self.tr("&Vernieuwen"))
        self.refresh_button.setToolTip(self.tr("Werkvoorraad opnieuw laden (F5)"))
        self.refresh_button.clicked.connect(self.reload)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(self.summary)
        head.addStretch(1)
        head.addWidget(self.refresh_button)

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Signalen"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Signaal"), self.tr("Toelichting"), self.tr("Uiterlijk")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.setColumnWidth(0, 340)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, activated=self.reload)

        self.empty = QLabel(self.tr("Er is niets dat nu uw aandacht vraagt."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        ctx.changed.connect(self._data_changed)

    def _data_changed(self, _changes: OpChanges) -> None:
        self.reload()

    def reload(self) -> None:
        if not self.ctx.is_open:
            return
        if self.loading:
            self._reload_again = True
            return
        self.loading = True
        self.summary.setText(self.tr("Bezig met laden…"))
        worklist.load(self.ctx, self.ctx.today(), parent=self).success(self._show).failure(self._refused).fault(
            self._failed
        ).run_in_background()

    def _failed(self, _exc: BaseException) -> None:
        """The loading stopped (a fault goes on to the crash handler afterwards)."""
        self.loading = False
        self.summary.setText(self.tr("De werkvoorraad kon niet worden geladen."))

    def _refused(self, exc: VangnetError) -> None:
        self._failed(exc)
        if self.ctx.is_open:
            show_error(self, exc)

    def _show(self, items: list[WorkItem]) -> None:
        self.loading = False
        if self._reload_again:
            self._reload_again = False
            self.reload()
        if not self.ctx.is_open:
            return
        self.items = items
        today = self.ctx.today()
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        far = dt.date.max
        for item in sorted(items, key=lambda i: (_category_rank(i.category), i.due or far, i.title)):
            group = groups.get(item.category)
            if group is None:
                group = QTreeWidgetItem([item.category, "", ""])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[item.category] = group
                self.tree.addTopLevelItem(group)
            line = QTreeWidgetItem([item.title, item.detail, nl_date(item.due, "short")])
            if item.due is not None and item.due < today:
                # Overdue: the date in red and said in words for screen readers.
                line.setForeground(2, QBrush(QColor("#b00020")))
                line.setToolTip(2, self.tr("Termijn verstreken"))
            line.setData(0, ITEM_ROLE, item)
            line.setToolTip(1, item.detail)
            if item.record is not None and item.record.table == ASSESSMENT_TABLE:
                line.setToolTip(0, self.tr("Enter of dubbelklik: de melding beoordelen"))
            group.addChild(line)
        for group in groups.values():
            group.setText(0, f"{group.text(0)} ({group.childCount()})")
            group.setFirstColumnSpanned(True)
            group.setExpanded(True)
        self.empty.setVisible(not items)
        self.tree.setVisible(bool(items))
        self.summary.setText(
            self.tr("{n} signalen").format(n=len(items)) if items else self.tr("Geen signalen")
        )
        self.loaded.emit(len(items))

    def unload(self) -> None:
        self.items = []
        self.tree.clear()
        self.summary.clear()

    def _activated(self, tree_item: QTreeWidgetItem, _column: int = 0) -> None:
        item = tree_item.data(0, ITEM_ROLE)
        if isinstance(item, WorkItem) and item.record is not None:
            self.open_record.emit(item.record)

"""The list of the Conflicten view: ids of open conflicts and refused changes, their lines read a page at a time."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop.sync_service import CONFLICT, NOT_APPLIED, REFUSED, ProblemKey, ProblemRow

PAGE_SIZE = 100
MAX_CACHED_PAGES = 30
KEY_ROLE = Qt.ItemDataRole.UserRole
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_COLUMN, RECORD_COLUMN, ABOUT_COLUMN, SINCE_COLUMN = range(4)
# What each sortable column sorts on in SQL; the others keep the current order. A description starts with
# what the record is ('Zaak …', 'Leerling …'), so that column sorts by the Dutch name of the table.
SORT_KEYS = {KIND_COLUMN: "category", RECORD_COLUMN: "table", SINCE_COLUMN: "since"}
CATEGORY_COLOURS = {CONFLICT: "#9a5b00", REFUSED: "#b00020", NOT_APPLIED: "#1f5fa8"}

# Asks for the lines of these keys in the background; the second argument is called with them once they are read.
RowLoader = Callable[[list[ProblemKey], Callable[[dict[ProblemKey, ProblemRow]], None]], None]


class ProblemListModel(QAbstractTableModel):
    """Holds only (category, id) of the items that pass the filter; the visible lines are read a page at a
    time in the background through ``load_rows`` ('Bezig met laden…' until they arrive, then ``dataChanged``)
    and a bounded number of pages is kept."""

    sort_requested = Signal()

    def __init__(self, load_rows: RowLoader, parent: Any = None) -> None:
        super().__init__(parent)
        self._load_rows = load_rows
        self.keys: list[ProblemKey] = []
        self._pages: OrderedDict[int, dict[ProblemKey, ProblemRow]] = OrderedDict()
        self._requested: set[int] = set()
        self._content = 0
        self.sort_column = SINCE_COLUMN
        self.descending = False
        self.pages_loaded = 0
        self.headers = (self.tr("Soort"), self.tr("Omschrijving"), self.tr("Toelichting"), self.tr("Sinds"))

    # -- content ----------------------------------------------------------------------------------

    def set_content(self, keys: list[ProblemKey], first_rows: dict[ProblemKey, ProblemRow]) -> None:
        """New ids in order; ``first_rows`` (read with them, off the GUI thread) fills the first page."""
        self.beginResetModel()
        self._content += 1  # pages asked for before this content are dropped when they arrive
        self.keys = keys
        self._pages.clear()
        self._requested.clear()
        first = keys[:PAGE_SIZE]
        if first and all(k in first_rows for k in first):
            self._pages[0] = {k: first_rows[k] for k in first}
        self.endResetModel()

    def clear(self) -> None:
        self.set_content([], {})

    def key_at(self, row: int) -> ProblemKey | None:
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def row_of(self, key: ProblemKey) -> int:
        try:
            return self.keys.index(key)
        except ValueError:
            return -1

    def item_at(self, row: int) -> ProblemRow | None:
        if not 0 <= row < len(self.keys):
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            self._request(number)
            return None
        self._pages.move_to_end(number)
        return page.get(self.keys[row])

    def is_loading(self, row: int) -> bool:
        """Whether the line of ``row`` is still being read."""
        return row // PAGE_SIZE in self._requested

    def _request(self, number: int) -> None:
        if number in self._requested:
            return
        self._requested.add(number)
        self.pages_loaded += 1
        content = self._content
        keys = self.keys[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
        self._load_rows(keys, lambda rows: self._page_arrived(content, number, rows))

    def _page_arrived(self, content: int, number: int, rows: dict[ProblemKey, ProblemRow]) -> None:
        if content != self._content:
            return  # the list was read again meanwhile
        self._requested.discard(number)
        self._pages[number] = rows
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        first = number * PAGE_SIZE
        last = min(len(self.keys), first + PAGE_SIZE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.headers) - 1))

    @property
    def sort_key(self) -> str:
        return SORT_KEYS[self.sort_column]

    # -- texts ------------------------------------------------------------------------------------

    def category_text(self, category: str) -> str:
        if category == REFUSED:
            return self.tr("Geweigerd")
        if category == NOT_APPLIED:
            return self.tr("Kon niet worden verwerkt")
        return self.tr("Conflict")

    def about_text(self, item: ProblemRow) -> str:
        """The 'Toelichting' column: the fields concerned, or the server's reason for a refusal."""
        fields = ", ".join(item.fields)
        if item.category == REFUSED:
            kind = {"insert": self.tr("Nieuw"), "update": self.tr("Wijziging"), "delete": self.tr("Verwijdering")}
            return f"{kind.get(item.kind, item.kind)}: {item.message}"
        if item.category == NOT_APPLIED:
            return self.tr("De versie van de server kon hier niet worden opgeslagen")
        if item.kind == "edit_delete":
            return self.tr("Hier gewijzigd, op de server verwijderd")
        if item.kind == "delete_edit":
            return self.tr("Hier verwijderd, op de server gewijzigd")
        if item.kind == "exists":
            return self.tr("Bestond al op de server") + (f": {fields}" if fields else "")
        return fields or "—"

    # -- Qt model interface -----------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.keys)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers[section]
            if role == Qt.ItemDataRole.ToolTipRole and section not in SORT_KEYS:
                return self.tr("Op deze kolom kan niet worden gesorteerd")
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.keys):
            return None
        key = self.keys[index.row()]
        if role == KEY_ROLE:
            return key
        if role == CATEGORY_ROLE:
            return key[0]
        if role == Qt.ItemDataRole.ForegroundRole:
            if index.column() == KIND_COLUMN:
                return QBrush(QColor(CATEGORY_COLOURS.get(key[0], "#000000")))
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == KIND_COLUMN:
            return self.category_text(key[0])
        item = self.item_at(index.row())
        if item is None:
            loading = column == RECORD_COLUMN and role == Qt.ItemDataRole.DisplayRole and self.is_loading(index.row())
            return self.tr("Bezig met laden…") if loading else None
        if column == RECORD_COLUMN:
            return item.record
        if column == ABOUT_COLUMN:
            return self.about_text(item)
        if column == SINCE_COLUMN:
            return item.since.astimezone().strftime("%d-%m-%Y %H:%M") if item.since else ""
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done in SQL: the view reads the ids again in the new order."""
        if column not in SORT_KEYS:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self.sort_column, self.descending):
            return
        self.sort_column, self.descending = column, descending
        self.sort_requested.emit()

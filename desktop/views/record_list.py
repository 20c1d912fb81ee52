"""The list pages (Leerlingen, Zaken, Vrijstellingen, ...): filters, sorting in SQL and a lazy table model."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import VangnetError
from desktop.models.lists import FilterOptions, ListFilter, ListSpec
from desktop.models.record_ref import RecordRef
from desktop.operations import OpChanges, lists
from desktop.operations.context import AppContext
from desktop.views.common import nl_number, show_error

PAGE_SIZE = 100
FIRST_ROWS = 200  # ids fetched before the list first shows; the rest follow from a background thread
MAX_CACHED_PAGES = 30
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RecordListModel(QAbstractTableModel):
    """Holds only the row ids of the matching records; the visible rows are fetched a page at a time.

    Qt's ``data()`` must answer at once, so a page of rows (and the first ids of a list) is read synchronously
    through ``desktop.operations.lists``; the ids of a long list follow from the background."""

    complete = Signal(int)  # all ids are loaded; the number of rows

    def __init__(self, ctx: AppContext, spec: ListSpec, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.spec = spec
        self._rowids: list[int] = []
        self._pages: OrderedDict[int, dict[int, tuple]] = OrderedDict()
        self.filter = ListFilter()
        self.sort_key = spec.default_sort
        self.descending = spec.default_descending
        self.pages_loaded = 0
        self.partial = False
        self.progressive = False
        self._generation = 0
        # Until the page is first shown, sorting only records the choice: no query at start-up.
        self.active = False

    # -- loading ----------------------------------------------------------------------------------

    def reload(self, progressive: bool | None = None) -> None:
        """Load the ids of all matching rows. ``progressive``: first the ids of the first rows, at once,
        and the rest from a background thread (``complete`` fires when all are there)."""
        if progressive is None:
            progressive = self.progressive
        self.active = True
        self._generation += 1
        generation = self._generation
        rowids: list[int] = []
        args = (self.spec, self.filter, self.sort_key, self.descending)
        if self.ctx.is_open:
            rowids = lists.row_ids_now(self.ctx, *args, limit=FIRST_ROWS if progressive else None)
        self.beginResetModel()
        self._rowids = rowids
        self._pages.clear()
        self.endResetModel()
        self.partial = progressive and len(rowids) == FIRST_ROWS
        if not self.partial:
            self.complete.emit(len(rowids))
            return
        lists.all_row_ids(self.ctx, *args, parent=self).success(lambda ids: self._all_loaded(generation, ids)).failure(
            self._load_failed
        ).fault(self._load_failed).run_in_background()

    def _all_loaded(self, generation: int, rowids: list[int]) -> None:
        if generation != self._generation or not self.ctx.is_open:
            return  # a newer filter or sort, or a lock, came in between
        self.partial = False
        first = len(self._rowids)
        if rowids[:first] == self._rowids and len(rowids) > first:
            self.beginInsertRows(QModelIndex(), first, len(rowids) - 1)
            self._rowids = rowids
            self.endInsertRows()
        elif rowids[:first] != self._rowids:
            self.beginResetModel()
            self._rowids = rowids
            self._pages.clear()
            self.endResetModel()
        self.complete.emit(len(rowids))

    def _load_failed(self, exc: BaseException) -> None:
        """The rest of the ids did not come (a fault goes on to the crash handler afterwards)."""
        self.partial = False
        if isinstance(exc, VangnetError) and self.ctx.is_open:
            show_error(None, exc)

    def clear(self) -> None:
        """Forget everything (when the profile locks)."""
        self.active = False
        self._generation += 1
        self.beginResetModel()
        self._rowids = []
        self._pages.clear()
        self.endResetModel()

    def _row_values(self, row: int) -> tuple | None:
        page_number = row // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            if not self.ctx.is_open:
                return None
            ids = self._rowids[page_number * PAGE_SIZE : (page_number + 1) * PAGE_SIZE]
            page = lists.rows_now(self.ctx, self.spec, ids)
            self._pages[page_number] = page
            self.pages_loaded += 1
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        return page.get(self._rowids[row])

    # -- Qt model interface -----------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rowids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and 0 <= section < len(self.spec.columns) and role == Qt.ItemDataRole.DisplayRole:
            return self.spec.columns[section].header
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rowids)):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            RECORD_ID_ROLE,
            PERSON_ID_ROLE,
        ):
            return None
        column = self.spec.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind == "int":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        values = self._row_values(index.row())
        if values is None:
            return None
        if role == RECORD_ID_ROLE:
            return values[0]
        if role == PERSON_ID_ROLE:
            return values[1]
        return format_value(column, values[2 + index.column()])

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.spec.columns)) or not self.spec.columns[column].sortable:
            return
        self.sort_key = self.spec.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self.active:
            self.reload()

    def record_at(self, row: int) -> tuple[str, str] | None:
        values = self._row_values(row)
        return (values[0], values[1]) if values else None


def format_value(column, value: Any) -> str:
    if value is None:
        return ""
    if column.kind == "date":
        if isinstance(value, dt.datetime):
            value = value.date()
        return value.strftime("%d-%m-%Y") if isinstance(value, dt.date) else str(value)
    if column.kind == "enum" and column.enum is not None:
        try:
            return column.enum(value).label
        except ValueError:
            return str(value)
    if column.kind == "int":
        return nl_number(value)
    return str(value)


class RecordListPage(QWidget):
    """A titled list with a filter bar; Enter or a double-click opens the record."""

    open_record = Signal(object)  # RecordRef of the row's record (its table is the list's table)

    def __init__(self, ctx: AppContext, spec: ListSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.spec = spec
        self.model = RecordListModel(ctx, spec, self)
        self.model.progressive = True
        self.model.complete.connect(self._show_count)
        self._loaded = False
        self._options: FilterOptions | None = None
        self.options_loading = False
        self._pending_filters: dict[str, Any] = {}

        title = QLabel(self.tr(spec.title))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        title.setAccessibleName(spec.title)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Aantal"))
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.count_label)

        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Filter op naam…"))
        self.text_filter.setAccessibleName(self.tr("Filter op naam"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setMaximumWidth(240)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(250)
        self._text_timer.timeout.connect(self.apply_filters)
        self.text_filter.textChanged.connect(self._text_timer.start)

        self.filter_combos: dict[str, QComboBox] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.text_filter)
        for definition in spec.filters:
            combo = QComboBox()
            combo.setAccessibleName(definition.label)
            combo.setToolTip(definition.label)
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(self.apply_filters)
            self.filter_combos[definition.key] = combo
            bar.addWidget(combo)
        bar.addStretch(1)
        self._fill_static_filters()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(spec.title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(False)
        widest = max(range(len(spec.columns)), key=lambda i: spec.columns[i].width)
        for number, column in enumerate(spec.columns):
            self.table.setColumnWidth(number, column.width)
        header.setSectionResizeMode(widest, QHeaderView.ResizeMode.Stretch)
        sort_column = next(i for i, c in enumerate(spec.columns) if c.key == spec.default_sort)
        header.setSortIndicator(
            sort_column, Qt.SortOrder.DescendingOrder if spec.default_descending else Qt.SortOrder.AscendingOrder
        )
        # Enabling sorting asks the model to sort by the indicator; the model only records it for now.
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._open_index)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self._open_current)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, activated=self._open_current)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.text_filter, next(iter(self.filter_combos.values()), self.table))

        ctx.changed.connect(self._data_changed)

    def _fill_static_filters(self) -> None:
        for definition in self.spec.filters:
            combo = self.filter_combos[definition.key]
            combo.blockSignals(True)
            combo.clear()
            if definition.kind == "enum" and definition.enum is not None:
                combo.addItem(self.tr("{label}: alle").format(label=definition.label), None)
                for member in definition.enum:
                    combo.addItem(member.label, member.value)
            elif definition.kind == "decision":
                combo.addItem(self.tr("Besluit: alle"), None)
                combo.addItem(self.tr("Nog niet beslist"), "pending")
                for member in definition.enum or ():
                    combo.addItem(member.label, member.value)
            elif definition.kind == "open_closed":
                combo.addItem(self.tr("Lopend en beëindigd"), None)
                combo.addItem(self.tr("Lopend"), "open")
                combo.addItem(self.tr("Beëindigd"), "closed")
            self._fit_combo(combo)
            combo.blockSignals(False)

    def _fit_combo(self, combo: QComboBox) -> None:
        # Wide enough for the 'all' choice ('Consulent: iedereen'), which names what the combo filters.
        combo.setMinimumContentsLength(max(12, min(28, len(combo.itemText(0)))))

    def _fill_dynamic_filters(self, options: FilterOptions) -> None:
        for definition in self.spec.filters:
            combo = self.filter_combos[definition.key]
            if definition.kind not in ("municipality", "user", "school", "school_year"):
                continue
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if definition.kind == "municipality":
                combo.addItem(self.tr("Alle gemeenten"), None)
                for code, name in options.municipalities:
                    combo.addItem(name, code)
            elif definition.kind == "user":
                combo.addItem(self.tr("{label}: iedereen").format(label=definition.label), None)
                for user_id, name in options.users:
                    combo.addItem(name, user_id)
            elif definition.kind == "school":
                combo.addItem(self.tr("Alle scholen"), None)
                for school_id, name in options.schools:
                    combo.addItem(name, school_id)
            elif definition.kind == "school_year":
                combo.addItem(self.tr("Alle schooljaren"), None)
                for label in options.school_years:
                    combo.addItem(self.tr("Schooljaar {year}").format(year=label), label)
            index = combo.findData(current)
            combo.setCurrentIndex(max(0, index))
            self._fit_combo(combo)
            combo.blockSignals(False)

    def set_filter(self, key: str, value: Any) -> None:
        """Choose a filter value (from the global search: 'leerlingen van deze school'); a choice read from the
        database (a school, a gemeente) is made once those choices have arrived."""
        self.ensure_loaded()
        if self.options_loading and key in self._dynamic_keys():
            self._pending_filters[key] = value
            return
        combo = self.filter_combos[key]
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def current_filter(self) -> ListFilter:
        values = {key: combo.currentData() for key, combo in self.filter_combos.items()}
        return ListFilter(values=values, text=self.text_filter.text())

    def ensure_loaded(self) -> None:
        """Show the list; the choices of the gemeente, school, user and schooljaar filters are read in the
        background meanwhile (those filters are disabled until they are there)."""
        if not self._loaded and self.ctx.is_open:
            self._loaded = True
            self._read_options()
            self.apply_filters()

    def _dynamic_keys(self) -> set[str]:
        return {d.key for d in self.spec.filters if d.kind in ("municipality", "user", "school", "school_year")}

    def _read_options(self) -> None:
        self.options_loading = True
        for key in self._dynamic_keys():
            self.filter_combos[key].setEnabled(False)
        lists.filter_choices(self.ctx, parent=self).success(self._options_read).failure(
            self._options_not_read
        ).fault(lambda _exc: self._options_not_read(None)).run_in_background()

    def _options_read(self, options: FilterOptions) -> None:
        self.options_loading = False
        if not self._loaded:
            return  # unloaded (locked) meanwhile
        self._options = options
        self._fill_dynamic_filters(options)
        for key in self._dynamic_keys():
            self.filter_combos[key].setEnabled(True)
        pending, self._pending_filters = self._pending_filters, {}
        for key, value in pending.items():
            self.set_filter(key, value)

    def _options_not_read(self, exc: VangnetError | None) -> None:
        self.options_loading = False
        self._pending_filters.clear()
        if exc is not None and self._loaded:
            self.count_label.setText(str(exc))

    def apply_filters(self) -> None:
        if not self.ctx.is_open:
            return
        self.model.filter = self.current_filter()
        self.model.reload()
        if self.model.partial:
            self.count_label.setText(self.tr("meer dan {n} gevonden, bezig met tellen…").format(n=nl_number(200)))
        if self.model.rowCount():
            self.table.selectRow(0)

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("{n} gevonden").format(n=nl_number(count)))

    def unload(self) -> None:
        """Drop all data (on lock)."""
        self.model.clear()
        self._loaded = False
        self._options = None
        self.count_label.clear()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ensure_loaded()

    def _data_changed(self, _changes: OpChanges) -> None:
        if self._loaded:
            self.apply_filters()

    def _open_current(self) -> None:
        self._open_index(self.table.currentIndex())

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        record = self.model.record_at(index.row())
        if record:
            self.open_record.emit(RecordRef(self.spec.table.name, record[0], record[1] or None))

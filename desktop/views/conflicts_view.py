"""The Conflicten view: edits that clashed with the server (both values shown, a person chooses), changes the
server refused (try again or give up) and rows from the server that could not be stored here (fetched again).

A lazy list over the local sync tables with filters per kind and per table, the detail of the selected line
beside it, and choices for one line, a selection or everything shown, carried out in the background.
Nothing here is decided silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import VangnetError
from desktop.models.entities import table_label
from desktop.models.record_ref import RecordRef
from desktop.operations import OpChanges, conflicts
from desktop.operations.conflicts import DISCARD, KEEP_LOCAL, KEEP_SERVER, PROBLEM_TABLES, RETRY, STUCK
from desktop.operations.context import AppContext
from desktop.sync_service import (
    CONFLICT,
    NOT_APPLIED,
    REFUSED,
    ConflictItem,
    FailedItem,
    ParkedItem,
    ProblemCounts,
    ProblemKey,
    ProblemList,
    ProblemRow,
    SyncService,
)
from desktop.views.common import nl_datetime, nl_number, show_error
from desktop.views.conflicts_model import (
    ABOUT_COLUMN,
    KIND_COLUMN,
    PAGE_SIZE,
    RECORD_COLUMN,
    SINCE_COLUMN,
    SORT_KEYS,
    ProblemListModel,
)

VIEW_STYLE = (
    "QFrame#detail { border: 1px solid #d6d6d6; border-radius: 6px; background: palette(base); }"
    " QFrame#bulkBar { border-top: 1px solid #e0e0e0; }"
    " QLabel#detailTitle { font-size: 12pt; font-weight: 600; }"
    " QLabel#muted { color: #5f6368; }"
)
FIELDS_MAX_HEIGHT = 320


class ProblemDetail(QFrame):
    """The selected line in full: both values per field, the server's reason, and the choices for it."""

    chosen = Signal(str)  # KEEP_LOCAL, KEEP_SERVER, RETRY or DISCARD
    open_record = Signal(object)  # RecordRef of the line's case or person

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail")
        self.item: ConflictItem | ParkedItem | FailedItem | None = None
        self.key: ProblemKey | None = None
        self.placeholder = QLabel()
        self.placeholder.setObjectName("muted")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel()
        self.meta.setObjectName("muted")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        self.reason_label.setStyleSheet("color: #b00020;")
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields = QTableWidget(0, 3)
        self.fields.setAccessibleName(self.tr("Velden"))
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.fields.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.fields.verticalHeader().hide()
        self.fields.setWordWrap(True)
        self.fields.setAlternatingRowColors(True)
        self.fields.setShowGrid(False)
        header = self.fields.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.open_button = QPushButton(self.tr("Dossier openen"))
        self.open_button.setFlat(True)
        self.open_button.clicked.connect(self._open)
        self.keep_local_button = QPushButton(self.tr("Mijn waarde houden"))
        self.keep_local_button.setToolTip(
            self.tr("Uw waarde wordt bij de volgende synchronisatie naar de server gestuurd en vervangt daar de "
                    "andere waarde.")
        )
        self.keep_server_button = QPushButton(self.tr("Waarde van de server houden"))
        self.keep_server_button.setToolTip(self.tr("Uw wijziging vervalt; de waarde van de server blijft."))
        self.retry_button = QPushButton(self.tr("Opnieuw proberen"))
        self.discard_button = QPushButton(self.tr("Verwerpen"))
        self.discard_button.setToolTip(self.tr("Geef deze wijziging op; wijzigingen die erop wachten gaan door."))
        for button, choice in (
            (self.keep_local_button, KEEP_LOCAL),
            (self.keep_server_button, KEEP_SERVER),
            (self.retry_button, RETRY),
            (self.discard_button, DISCARD),
        ):
            button.clicked.connect(lambda _checked=False, c=choice: self.chosen.emit(c))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.keep_local_button, self.keep_server_button, self.retry_button, self.discard_button):
            buttons.addWidget(button)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(heading)
        body.addWidget(self.meta)
        body.addSpacing(4)
        body.addWidget(self.explanation)
        body.addWidget(self.reason_label)
        body.addWidget(self.fields)
        body.addStretch(1)
        body.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.body, 1)
        self.show_item(None, None)

    def show_loading(self) -> None:
        """While the selected line is read: no choices for the line shown before."""
        self.key, self.item = None, None
        self.placeholder.setText(self.tr("Bezig met laden…"))
        self.placeholder.setVisible(True)
        self.body.setVisible(False)

    def show_item(
        self, key: ProblemKey | None, item: ConflictItem | ParkedItem | FailedItem | None, empty_list: bool = False
    ) -> None:
        self.key, self.item = key, item
        self.placeholder.setText(
            self.tr("Bij dit filter zijn er geen regels meer.")
            if empty_list
            else self.tr("Kies een regel in de lijst om de details en de keuzes te zien.")
        )
        self.placeholder.setVisible(item is None)
        self.body.setVisible(item is not None)
        if item is None:
            return
        self.title.setText(item.record)
        since = nl_datetime(item.since.astimezone()) if item.since else ""
        for button in (self.keep_local_button, self.keep_server_button, self.retry_button, self.discard_button):
            button.hide()
        self.open_button.setVisible(item.table in ("cases", "persons"))
        self.reason_label.hide()
        if isinstance(item, ParkedItem):
            kind = self.tr("Geweigerd door de server")
            refused = {
                "insert": self.tr("De server weigerde dit nieuwe gegeven."),
                "delete": self.tr("De server weigerde deze verwijdering."),
            }.get(item.operation, self.tr("De server weigerde deze wijziging."))
            self.explanation.setText(
                refused + " " + self.tr("Latere wijzigingen van hetzelfde gegeven wachten tot u kiest; al het andere "
                                        "wordt gewoon verstuurd.")
            )
            self.reason_label.setText(self.tr("Reden van de server: {reason}").format(reason=item.reason))
            self.reason_label.show()
            self._fill((self.tr("Veld"), self.tr("Uw nieuwe waarde")), list(item.changes))
            self.retry_button.setToolTip(
                self.tr("Stuur de wijziging nog eens, bijvoorbeeld nadat de beheerder uw rechten heeft aangepast.")
            )
            self.retry_button.show()
            self.discard_button.show()
        elif isinstance(item, FailedItem):
            kind = self.tr("Kon niet worden verwerkt")
            self.explanation.setText(
                self.tr("Dit is geen conflict: een nieuwere versie van dit gegeven kwam van de server, maar kon op dit "
                        "apparaat niet worden opgeslagen, bijvoorbeeld omdat een BSN of nummer hier al bij een ander "
                        "gegeven staat. Hier blijft de oude versie staan. Met 'Opnieuw proberen' haalt Vangnet het "
                        "gegeven bij de volgende synchronisatie opnieuw op; lukt het weer niet, dan verschijnt het "
                        "hier opnieuw.")
            )
            rows = [(f.label, f.local, f.server) for f in item.fields]
            if not rows:
                same = self.tr("(geen verschil zichtbaar)")
                rows = [(self.tr("Gegeven"), same, same)]
            self._fill((self.tr("Veld"), self.tr("Op dit apparaat"), self.tr("Op de server")), rows)
            self.retry_button.setToolTip(self.tr("Haal dit gegeven bij de volgende synchronisatie opnieuw op."))
            self.retry_button.show()
        else:
            kind = self.tr("Conflict")
            self.explanation.setText(self._conflict_text(item.kind))
            self._fill(
                (self.tr("Veld"), self.tr("Uw waarde (dit apparaat)"), self.tr("Waarde op de server")),
                [(f.label, f.local, f.server) for f in item.fields],
            )
            self.keep_local_button.show()
            self.keep_server_button.show()
        parts = [kind, table_label(item.table)] + ([self.tr("sinds {when}").format(when=since)] if since else [])
        self.meta.setText(" · ".join(parts))

    def _conflict_text(self, kind: str) -> str:
        if kind == "edit_delete":
            return self.tr("U wijzigde dit gegeven, maar iemand anders heeft het op de server verwijderd.")
        if kind == "delete_edit":
            return self.tr("U verwijderde dit gegeven, maar iemand anders heeft het op de server gewijzigd.")
        if kind == "exists":
            return self.tr("Dit gegeven bestond al op de server. Hier staat nu de versie van de server; uw eigen "
                           "waarden staan hieronder.")
        return self.tr("Dit gegeven is op dit apparaat en op de server verschillend gewijzigd. De server houdt nu zijn "
                       "waarde; kies welke waarde moet blijven.")

    def _fill(self, headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
        self.fields.clear()
        self.fields.setColumnCount(len(headers))
        self.fields.setHorizontalHeaderLabels(list(headers))
        self.fields.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.fields.setItem(r, c, cell)
        header = self.fields.horizontalHeader()
        for c in range(1, len(headers)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        self.fields.resizeRowsToContents()
        # As high as its rows (up to a limit), so the choices stay close to the values they are about.
        height = header.sizeHint().height() + self.fields.verticalHeader().length() + 2 * self.fields.frameWidth()
        self.fields.setFixedHeight(min(height + 2, FIELDS_MAX_HEIGHT))

    def field_rows(self) -> list[tuple[str, ...]]:
        """The texts of the fields table, row by row."""
        return [
            tuple(self.fields.item(r, c).text() for c in range(self.fields.columnCount()))
            for r in range(self.fields.rowCount())
        ]

    def set_busy(self, busy: bool) -> None:
        for button in (self.keep_local_button, self.keep_server_button, self.retry_button, self.discard_button):
            button.setEnabled(not busy)

    def _open(self) -> None:
        if self.item is not None:
            person_id = self.item.record_id if self.item.table == "persons" else None
            self.open_record.emit(RecordRef(self.item.table, self.item.record_id, person_id))


class ConflictsView(QWidget):
    """Open conflicts, refused changes and rows that could not be stored, as a lazy list with one detail pane."""

    loaded = Signal()
    changed = Signal()  # a choice was stored: the caller syncs
    decided = Signal(str)  # a choice was carried out: its Dutch summary
    open_record = Signal(object)  # RecordRef of a line's case or person

    def __init__(self, ctx: AppContext, service: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = service
        self.title = self.tr("Conflicten")
        self.loading = False
        self.busy = False
        self.detail_loading = False
        self._detail_reading = 0
        self._loaded_after_detail = False
        self.counts: ProblemCounts | None = None
        self.confirm: Callable[[str], bool] = self._ask
        self._generation = 0
        self._category: str | None = None
        self._table: str | None = None
        self._keep_key: ProblemKey | None = None
        self._keep_row = 0
        self.setStyleSheet(VIEW_STYLE)

        heading = QLabel(self.tr("Conflicten en geweigerde wijzigingen"))
        heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.count_label = QLabel(self.tr("Bezig met lezen…"))
        self.count_label.setAccessibleName(self.tr("Aantallen"))
        self.count_label.setStyleSheet("font-size: 11pt; color: #3c4043;")
        self.refresh_button = QPushButton(self.tr("&Vernieuwen"))
        self.refresh_button.clicked.connect(self.reload)
        self.sync_button = QPushButton(self.tr("Nu &synchroniseren"))
        self.sync_button.clicked.connect(self._sync_now)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(16)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.sync_button)
        intro = QLabel(
            self.tr(
                "Vangnet voegt wijzigingen van verschillende apparaten per veld samen. Waar dat niet kan, blijft de "
                "waarde van de server staan tot u kiest. Uw keuze gaat bij de volgende synchronisatie naar de server."
            )
        )
        intro.setObjectName("muted")
        intro.setWordWrap(True)

        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(self.tr("Soort"))
        self.table_filter = QComboBox()
        self.table_filter.setAccessibleName(self.tr("Gegeven"))
        for combo in (self.kind_filter, self.table_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(230)
        self.kind_filter.activated.connect(self._filter_chosen)
        self.table_filter.activated.connect(self._filter_chosen)
        kind_label = QLabel(self.tr("S&oort:"))
        kind_label.setBuddy(self.kind_filter)
        table_label_widget = QLabel(self.tr("&Gegeven:"))
        table_label_widget.setBuddy(self.table_filter)
        self.shown_label = QLabel()
        self.shown_label.setObjectName("muted")
        filters = QHBoxLayout()
        filters.addWidget(kind_label)
        filters.addWidget(self.kind_filter)
        filters.addSpacing(12)
        filters.addWidget(table_label_widget)
        filters.addWidget(self.table_filter)
        filters.addStretch(1)
        filters.addWidget(self.shown_label)

        self.model = ProblemListModel(self._read_rows, self)
        self.model.sort_requested.connect(self.reload)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Conflicten en geweigerde wijzigingen"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        # Fixed row heights: Qt never measures 10,000 rows to lay them out.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RECORD_COLUMN, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        widths = (
            (KIND_COLUMN, metrics.horizontalAdvance(self.model.category_text(NOT_APPLIED)) + 24),
            (ABOUT_COLUMN, 170),
            (SINCE_COLUMN, metrics.horizontalAdvance("00-00-0000 00:00") + 24),
        )
        for column, width in widths:
            header.resizeSection(column, width)
        header.setSortIndicator(SINCE_COLUMN, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail = ProblemDetail()
        self.detail.chosen.connect(self._choose_for_current)
        self.detail.open_record.connect(self.open_record)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self._sized = False

        self.empty_label = QLabel(
            self.tr("Er zijn geen conflicten en geen geweigerde wijzigingen. Alles wat u hier wijzigde, is bij de "
                    "server bekend.")
        )
        self.empty_label.setObjectName("muted")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(splitter)
        self.pages.addWidget(self.empty_label)

        self.scope_label = QLabel()
        self.scope_label.setStyleSheet("font-weight: 600;")
        self.keep_local_all = QPushButton(self.tr("Mijn waarden houden"))
        self.keep_server_all = QPushButton(self.tr("Waarden van de server houden"))
        self.retry_all = QPushButton(self.tr("Opnieuw proberen"))
        self.discard_all = QPushButton(self.tr("Verwerpen"))
        for button, choice in (
            (self.keep_local_all, KEEP_LOCAL),
            (self.keep_server_all, KEEP_SERVER),
            (self.retry_all, RETRY),
            (self.discard_all, DISCARD),
        ):
            button.clicked.connect(lambda _checked=False, c=choice: self._choose_for_scope(c))
        self.progress = QProgressBar()
        self.progress.setFixedWidth(220)
        self.progress.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #1b5e20;")
        self.bulk_bar = QFrame()
        self.bulk_bar.setObjectName("bulkBar")
        bulk = QHBoxLayout(self.bulk_bar)
        bulk.setContentsMargins(0, 8, 0, 0)
        bulk.addWidget(self.scope_label)
        for button in (self.keep_local_all, self.keep_server_all, self.retry_all, self.discard_all):
            bulk.addWidget(button)
        bulk.addWidget(self.progress)
        bulk.addSpacing(12)
        bulk.addWidget(self.summary, 1)

        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addWidget(self.error)
        layout.addLayout(filters)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.bulk_bar)
        self._update_scope()
        ctx.changed.connect(self._data_changed)
        ctx.store_closed.connect(self._store_closed)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            QTimer.singleShot(0, self, self._size_splitter)

    def _size_splitter(self) -> None:
        """Once laid out: about three fifths for the list, the rest for the detail; then the user's choice stays."""
        width = self.splitter.width()
        if width > 0:
            self.splitter.setSizes([width * 62 // 100, width - width * 62 // 100])

    # -- loading ----------------------------------------------------------------------------------

    def _data_changed(self, changes: OpChanges) -> None:
        if changes.touches(*PROBLEM_TABLES) and self.ctx.is_open:
            self.reload()

    def reload(self) -> None:
        """Read counts and ids (with the first page) in the background; the newest read wins."""
        if not self.ctx.is_open:
            return
        current = self.table.currentIndex()
        if not self.loading and current.isValid():
            self._keep_key, self._keep_row = self.model.key_at(current.row()), current.row()
        self.loading = True
        self._generation += 1
        generation = self._generation
        categories = None if self._category is None else [self._category]
        table, sort, descending = self._table, self.model.sort_key, self.model.descending
        conflicts.problems(self.ctx, categories, table, sort, descending, PAGE_SIZE, parent=self).success(
            lambda result: self._show(generation, result)
        ).failure(self._failed).fault(self._failed).run_in_background()

    def _read_rows(self, keys: list[ProblemKey], deliver: Callable[[dict[ProblemKey, ProblemRow]], None]) -> None:
        """One page of lines, read in the background; nothing while the profile is locked."""
        if not self.ctx.is_open:
            return
        conflicts.rows(self.ctx, keys, parent=self).success(deliver).failure(lambda _exc: None).run_in_background()

    def _store_closed(self) -> None:
        self._generation += 1
        self.loading = False
        self.model.clear()
        self.detail.show_item(None, None)

    def _failed(self, _exc: BaseException) -> None:
        """A reading that failed (a fault goes on to the crash handler afterwards)."""
        self.loading = False
        if not self.ctx.is_open:
            return
        self.error.setText(self.tr("De conflicten konden niet worden gelezen. Probeer het opnieuw."))
        self.error.show()
        self.loaded.emit()

    def _show(self, generation: int, result: ProblemList) -> None:
        if generation != self._generation or not self.ctx.is_open:
            return  # a newer filter, sort or change came in between, or the profile was locked
        self.loading = False
        self.error.hide()
        self.counts = result.counts
        self._fill_filters(result.counts)
        self._show_counts(result.counts)
        self.model.set_content(result.keys, result.rows)
        self.pages.setCurrentWidget(self.empty_label if result.counts.total == 0 else self.pages.widget(0))
        if self._category is None and self._table is None:
            self.shown_label.setText("")
        else:
            self.shown_label.setText(self.tr("{n} getoond").format(n=nl_number(len(result.keys))))
        # 'loaded' once the selected line's detail is shown too.
        self._loaded_after_detail = True
        self._restore_current()
        self._update_scope()
        if not self.detail_loading and self._loaded_after_detail:
            self._loaded_after_detail = False
            self.loaded.emit()

    def _show_counts(self, counts: ProblemCounts) -> None:
        """The same figures as the status bar, which counts every open conflict record as a conflict."""
        text = self.tr("Conflicten: {n}").format(n=nl_number(counts.conflicts))
        if counts.count(NOT_APPLIED):
            text += self.tr(" (waarvan {n} niet verwerkt)").format(n=nl_number(counts.count(NOT_APPLIED)))
        if counts.refused:
            text += self.tr(" · geweigerd: {n}").format(n=nl_number(counts.refused))
        self.count_label.setText(text)

    def _fill_filters(self, counts: ProblemCounts) -> None:
        """Kinds and tables with their counts; each list counts within the other filter."""
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(
            self.tr("Alle soorten ({n})").format(n=nl_number(counts.count(None, self._table))), None
        )
        for category, text in (
            (CONFLICT, self.tr("Conflicten ({n})")),
            (REFUSED, self.tr("Geweigerd door de server ({n})")),
            (NOT_APPLIED, self.tr("Kon niet worden verwerkt ({n})")),
        ):
            n = counts.count(category, self._table)
            if n or category == self._category:
                self.kind_filter.addItem(text.format(n=nl_number(n)), category)
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(self._category)))
        self.kind_filter.blockSignals(False)

        self.table_filter.blockSignals(True)
        self.table_filter.clear()
        self.table_filter.addItem(
            self.tr("Alle gegevens ({n})").format(n=nl_number(counts.count(self._category, None))), None
        )
        tables = counts.tables()
        if self._table is not None and self._table not in tables:
            # The chosen table stays listed when its last line was decided: the list says '(0)', not 'all'.
            tables = sorted([*tables, self._table], key=lambda t: (table_label(t), t))
        for table in tables:
            n = counts.count(self._category, table)
            if n or table == self._table:
                self.table_filter.addItem(f"{table_label(table)} ({nl_number(n)})", table)
        self.table_filter.setCurrentIndex(max(0, self.table_filter.findData(self._table)))
        self.table_filter.blockSignals(False)

    def set_filter(self, category: str | None = None, table: str | None = None) -> None:
        """Show one kind and/or one table (None: all); reads the list again."""
        self._category, self._table = category, table
        self._keep_key, self._keep_row = None, 0
        self.table.clearSelection()
        self.reload()

    def _filter_chosen(self, _index: int) -> None:
        self.set_filter(self.kind_filter.currentData(), self.table_filter.currentData())

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if column not in SORT_KEYS:
            # Only the kind, the table and the time sort (in SQL); the indicator goes back.
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                self.model.sort_column,
                Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)

    def _restore_current(self) -> None:
        """After a reload, the same item stays selected; when it was decided, the one now in its place."""
        rows = self.model.rowCount()
        if rows == 0:
            self._show_detail(None)
            return
        row = self.model.row_of(self._keep_key) if self._keep_key is not None else -1
        if row < 0:
            row = min(self._keep_row, rows - 1)
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.selectRow(row)

    # -- the selected line ------------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_detail(self.model.key_at(current.row()) if current.isValid() else None)

    def _show_detail(self, key: ProblemKey | None) -> None:
        """The detail pane follows the selection: the item is read in the background (the pane says 'Bezig met
        laden…' meanwhile); an answer for a line no longer selected is dropped."""
        self._detail_reading += 1
        reading = self._detail_reading
        if key is None or not self.ctx.is_open:
            self._detail_shown(reading, None, None)
            return
        self.detail_loading = True
        self.detail.show_loading()
        conflicts.detail(self.ctx, key, parent=self).success(
            lambda item: self._detail_shown(reading, key, item)
        ).failure(lambda _exc: self._detail_shown(reading, None, None)).run_in_background()

    def _detail_shown(
        self, reading: int, key: ProblemKey | None, item: ConflictItem | ParkedItem | FailedItem | None
    ) -> None:
        if reading != self._detail_reading:
            return
        self.detail_loading = False
        self.detail.show_item(key if item is not None else None, item, empty_list=self.model.rowCount() == 0)
        self.detail.set_busy(self.busy)
        if self._loaded_after_detail:
            self._loaded_after_detail = False
            self.loaded.emit()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_scope()

    def selected_keys(self) -> list[ProblemKey]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.keys[r] for r in rows if 0 <= r < len(self.model.keys)]

    def scope_keys(self) -> list[ProblemKey]:
        """What the choices below the list apply to: the selection when it holds more than one line, else all
        lines shown (the current filter)."""
        selected = self.selected_keys()
        return selected if len(selected) > 1 else list(self.model.keys)

    def _update_scope(self) -> None:
        selected = len(self.selected_keys())
        keys = self.scope_keys()
        by_category = Counter(k for k, _id in keys)
        if selected > 1:
            text = self.tr("Voor de {n} geselecteerde regels:").format(n=nl_number(len(keys)))
        elif self._table is not None:
            text = self.tr("Voor alle {n} getoonde regels bij {table}:").format(
                n=nl_number(len(keys)), table=table_label(self._table)
            )
        else:
            text = self.tr("Voor alle {n} getoonde regels:").format(n=nl_number(len(keys)))
        self.scope_label.setText(text)
        self.bulk_bar.setVisible(bool(keys) or self.busy or bool(self.summary.text()))
        # While a choice is carried out, its progress takes the place of the choices.
        idle = not self.busy
        self.scope_label.setVisible(bool(keys) and idle)
        conflicts, refused, failed = by_category[CONFLICT], by_category[REFUSED], by_category[NOT_APPLIED]
        self.keep_local_all.setVisible(conflicts > 0 and idle)
        self.keep_server_all.setVisible(conflicts > 0 and idle)
        self.retry_all.setVisible(refused + failed > 0 and idle)
        self.discard_all.setVisible(refused > 0 and idle)
        # With more than one kind in scope each button says how many lines it concerns.
        mixed = sum(1 for n in (conflicts, refused, failed) if n) > 1
        for button, text, n in (
            (self.keep_local_all, self.tr("Mijn waarden houden"), conflicts),
            (self.keep_server_all, self.tr("Waarden van de server houden"), conflicts),
            (self.retry_all, self.tr("Opnieuw proberen"), refused + failed),
            (self.discard_all, self.tr("Verwerpen"), refused),
        ):
            button.setText(f"{text} ({nl_number(n)})" if mixed else text)
        self.keep_local_all.setToolTip(
            self.tr("Bij {n} conflicten gaat uw waarde naar de server.").format(n=nl_number(conflicts))
        )
        self.keep_server_all.setToolTip(
            self.tr("Bij {n} conflicten blijft de waarde van de server.").format(n=nl_number(conflicts))
        )
        self.retry_all.setToolTip(
            self.tr("{refused} geweigerde wijzigingen opnieuw versturen, {failed} gegevens opnieuw ophalen.").format(
                refused=nl_number(refused), failed=nl_number(failed)
            )
        )
        self.discard_all.setToolTip(self.tr("{n} geweigerde wijzigingen verwerpen.").format(n=nl_number(refused)))
        for button in (self.keep_local_all, self.keep_server_all, self.retry_all, self.discard_all):
            button.setEnabled(not self.busy)

    # -- choices ----------------------------------------------------------------------------------

    def _choose_for_current(self, choice: str) -> None:
        key, item = self.detail.key, self.detail.item
        if key is None or item is None or self.busy:
            return
        if choice == DISCARD and not self.confirm(
            self.tr("De geweigerde wijziging van {record} vervalt. Wilt u dat?").format(record=item.record)
        ):
            return
        self.decide(choice, [key])

    def _choose_for_scope(self, choice: str) -> None:
        keys = self.scope_keys()
        if not keys or self.busy:
            return
        if not self.confirm(self._bulk_question(choice, Counter(k for k, _id in keys))):
            return
        self.decide(choice, keys)

    def _bulk_question(self, choice: str, by_category: Counter) -> str:
        conflicts = nl_number(by_category[CONFLICT])
        if choice == KEEP_LOCAL:
            return self.tr(
                "Bij {n} conflicten wordt uw eigen waarde gehouden. Die gaat bij de volgende synchronisatie naar de "
                "server en vervangt daar de andere waarde. Doorgaan?"
            ).format(n=conflicts)
        if choice == KEEP_SERVER:
            return self.tr("Bij {n} conflicten blijft de waarde van de server; uw eigen wijzigingen daarvan "
                           "vervallen. Doorgaan?").format(n=conflicts)
        if choice == DISCARD:
            return self.tr("{n} geweigerde wijzigingen vervallen; de gegevens krijgen weer de stand van de server. "
                           "Doorgaan?").format(n=nl_number(by_category[REFUSED]))
        return self.tr("{refused} geweigerde wijzigingen worden opnieuw verstuurd en {failed} gegevens worden bij de "
                       "volgende synchronisatie opnieuw opgehaald. Doorgaan?").format(
            refused=nl_number(by_category[REFUSED]), failed=nl_number(by_category[NOT_APPLIED])
        )

    def decide(self, choice: str, keys: list[ProblemKey]) -> None:
        """Carry out a choice for these items in the background (one transaction per chunk), with progress;
        the list is read again when it is done. Items of a kind the choice does not fit are left alone."""
        if self.busy or not keys:
            return
        ids = {category: [i for k, i in keys if k == category] for category in (CONFLICT, REFUSED, NOT_APPLIED)}
        self._set_busy(True)
        total = {KEEP_LOCAL: len(ids[CONFLICT]), KEEP_SERVER: len(ids[CONFLICT]), DISCARD: len(ids[REFUSED])}.get(
            choice, len(ids[REFUSED]) + len(ids[NOT_APPLIED])
        )
        self._progressed(0, total, "")
        self.progress.setVisible(total > 1)
        self.summary.setStyleSheet("color: #5f6368;")
        self.summary.setText(
            {
                KEEP_LOCAL: self.tr("Uw waarden worden gehouden; u kunt intussen verder werken…"),
                KEEP_SERVER: self.tr("De waarden van de server worden gehouden; u kunt intussen verder werken…"),
                DISCARD: self.tr("De geweigerde wijzigingen worden verworpen; u kunt intussen verder werken…"),
            }.get(choice, self.tr("Wordt opnieuw geprobeerd; u kunt intussen verder werken…"))
        )
        self._update_scope()

        def done(result: dict[str, int]) -> None:
            self._set_busy(False)
            self.progress.hide()
            text = self._summary(choice, result)
            self.summary.setStyleSheet("color: #1b5e20;")
            self.summary.setText(text)
            self.table.clearSelection()
            self._update_scope()
            self.decided.emit(text)
            # The status bar, the file banners and this list read again through ctx.changed; the caller syncs.
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self.progress.hide()
            self.summary.clear()
            self._update_scope()
            self.reload()
            if isinstance(exc, VangnetError):
                show_error(self, exc, self.tr("Conflicten"))

        conflicts.decide(self.ctx, self.service, choice, keys, parent=self).with_progress(self._progressed).success(
            done
        ).failure(failed).fault(failed).run_in_background()

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{done} van {total}").format(done=nl_number(done), total=nl_number(total)))

    def _summary(self, choice: str, result: dict[str, int]) -> str:
        conflicts, refused, failed = (result.get(k, 0) for k in (CONFLICT, REFUSED, NOT_APPLIED))
        if choice == KEEP_LOCAL:
            return _plural(conflicts, self.tr("1 conflict opgelost: uw waarde gaat bij de volgende synchronisatie "
                                              "naar de server."),
                           self.tr("{n} conflicten opgelost: uw waarden gaan bij de volgende synchronisatie naar de "
                                   "server."))
        if choice == KEEP_SERVER:
            return _plural(conflicts, self.tr("1 conflict opgelost: de waarde van de server blijft."),
                           self.tr("{n} conflicten opgelost: de waarden van de server blijven."))
        if choice == DISCARD:
            return _plural(refused, self.tr("1 geweigerde wijziging verworpen."),
                           self.tr("{n} geweigerde wijzigingen verworpen."))
        parts = []
        if refused:
            parts.append(_plural(refused, self.tr("1 geweigerde wijziging wordt opnieuw verstuurd"),
                                 self.tr("{n} geweigerde wijzigingen worden opnieuw verstuurd")))
        if failed:
            parts.append(_plural(failed, self.tr("1 gegeven wordt bij de volgende synchronisatie opnieuw opgehaald"),
                                 self.tr("{n} gegevens worden bij de volgende synchronisatie opnieuw opgehaald")))
        stuck = result.get(STUCK, 0)
        if stuck:
            parts.append(_plural(stuck, self.tr("1 wijziging kan niet opnieuw: het gegeven staat niet meer op dit "
                                                "apparaat (verwerp haar)"),
                                 self.tr("{n} wijzigingen kunnen niet opnieuw: de gegevens staan niet meer op dit "
                                         "apparaat (verwerp ze)")))
        return (self.tr(" en ").join(parts) or self.tr("Er was niets meer te doen")) + "."

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.detail.set_busy(busy)
        for button in (self.keep_local_all, self.keep_server_all, self.retry_all, self.discard_all):
            button.setEnabled(not busy)

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Conflicten"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _sync_now(self) -> None:
        self.service.request()


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many.format(n=nl_number(n))

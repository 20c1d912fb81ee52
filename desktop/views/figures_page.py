"""Cijfers: the jaarverslag's figures and charts for a schooljaar, for the region or one gemeente, computed
in the background under the named, versioned definitions (desktop.models.statistics)."""

from __future__ import annotations

import datetime as dt

from babel.numbers import format_decimal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import VangnetError
from desktop.models.law import school_year as school_year_of
from desktop.models.statistics import DEFINITIONS, Figures, chart_data, figure_rows, home_sitter_flow
from desktop.operations import OpChanges, figures
from desktop.operations.context import AppContext
from desktop.views.charts import BarChart, FlowChart
from desktop.views.common import nl_number

# Key figures shown as large numbers above the charts.
HEADLINE_KEYS = (
    ("relatief_verzuim.totaal", "Meldingen relatief verzuim"),
    ("verzuim_18_plus", "Verzuim 18+"),
    ("absoluut_verzuim.totaal", "Absoluut verzuim"),
    ("thuiszitters.eind", "Thuiszitters op 31 juli"),
    ("processen_verbaal", "Processen-verbaal"),
    ("halt_verwijzingen", "Halt-verwijzingen"),
)
VALUE_LABELS = {"meldingen": "Meldingen", "vrijstellingen": "Verzoeken", "handhaving": "Aantal",
                "matchmakers": "Jongeren"}


def change_text(change: float | None) -> str:
    """'+17,0%' / '−3,5%' / '' (no previous value)."""
    if change is None:
        return ""
    sign = "+" if change > 0 else ("−" if change < 0 else "")
    return f"{sign}{format_decimal(abs(change), format='#,##0.0', locale='nl_NL')}%"


class HeadlineFigure(QFrame):
    """One key figure: the number large, last year's and the change small."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label_text = label
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("HeadlineFigure { background: white; border: 1px solid #dadce0; border-radius: 4px; }")
        self.number = QLabel("–")
        self.number.setStyleSheet("font-size: 18pt; font-weight: 600; color: #1f5f99;")
        self.caption = QLabel(label)
        self.caption.setWordWrap(True)
        self.previous = QLabel()
        self.previous.setStyleSheet("color: #555555;")
        self.previous.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        layout.addWidget(self.previous)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(label)

    def show_figure(self, value: int, previous: int | None, change: float | None) -> None:
        self.number.setText(nl_number(value))
        if previous is None:
            self.previous.setText("vorig jaar: geen gegevens")
        else:
            change_part = f" ({change_text(change)})" if change is not None else ""
            self.previous.setText(f"vorig jaar {nl_number(previous)}{change_part}")
        self.setAccessibleDescription(f"{self.label_text}: {nl_number(value)}, {self.previous.text()}")


class FiguresPage(QWidget):
    """Loads lazily when first shown; every change of schooljaar or gemeente recomputes in the background."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, region_loader=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        if region_loader is None:
            from desktop.models.region import load_region

            region_loader = load_region
        self._region_loader = region_loader
        self.figures: Figures | None = None
        self.computing = False
        self._generation = 0
        self._loaded = False
        self._options_loading = False

        title = QLabel(self.tr("Cijfers"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(self.tr("Schooljaar"))
        self.year_combo.setMinimumContentsLength(18)
        self.municipality_combo = QComboBox()
        self.municipality_combo.setAccessibleName(self.tr("Gemeente"))
        self.municipality_combo.setMinimumContentsLength(22)
        year_label = QLabel(self.tr("&Schooljaar:"))
        year_label.setBuddy(self.year_combo)
        municipality_label = QLabel(self.tr("&Gemeente:"))
        municipality_label.setBuddy(self.municipality_combo)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Bezig met berekenen"))
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Stand van de berekening"))
        self.definitions_button = QPushButton(self.tr("&Definities…"))
        self.definitions_button.setToolTip(self.tr("Hoe elk cijfer wordt geteld"))
        self.definitions_button.clicked.connect(self.show_definitions)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(16)
        head.addWidget(year_label)
        head.addWidget(self.year_combo)
        head.addSpacing(8)
        head.addWidget(municipality_label)
        head.addWidget(self.municipality_combo)
        head.addSpacing(8)
        head.addWidget(self.busy)
        head.addWidget(self.status)
        head.addStretch(1)
        head.addWidget(self.definitions_button)

        self.definitions_label = QLabel(self.tr("Definities: {name}").format(name=str(DEFINITIONS)))
        self.definitions_label.setAccessibleName(self.tr("Gebruikte definities"))
        self.definitions_label.setStyleSheet("color: #555555;")
        self.definitions_label.setToolTip(DEFINITIONS.reference_date_note)

        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(0, 0, 8, 0)
        headline_row = QGridLayout()
        self.headlines: dict[str, HeadlineFigure] = {}
        for index, (key, label) in enumerate(HEADLINE_KEYS):
            card = HeadlineFigure(self.tr(label))
            self.headlines[key] = card
            headline_row.addWidget(card, 0, index)
        self.content_layout.addLayout(headline_row)

        self.charts: dict[str, BarChart] = {}
        self.flow = FlowChart(self.tr("Thuiszitters: van aanvang naar einde van het schooljaar"))
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(10)
        self.content_layout.addLayout(self.chart_grid, 1)

        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Alle cijfers"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Cijfer"), self.tr("Dit jaar"), self.tr("Vorig jaar"), self.tr("Verandering")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMaximumWidth(1000)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table_title = QLabel(self.tr("Alle cijfers"))
        table_title.setStyleSheet("font-weight: 600;")
        self.content_layout.addWidget(table_title)
        self.content_layout.addWidget(self.table)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)

        self.empty = QLabel(
            self.tr("Er zijn nog geen meldingen of zaken in deze administratie: er is niets te tellen.")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.definitions_label)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.empty)
        self._set_busy(False)

        self.year_combo.currentIndexChanged.connect(self._choice_changed)
        self.municipality_combo.currentIndexChanged.connect(self._choice_changed)
        # A bound method, so that Qt drops the connection when this page is deleted.
        ctx.changed.connect(self._data_changed)

    # -- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the choices (once) and compute the figures for the chosen schooljaar and gemeente."""
        if not self.ctx.is_open:
            return
        self._loaded = True
        if self.year_combo.count() == 0:
            self._load_options()
        else:
            self.compute()

    def _load_options(self) -> None:
        if self._options_loading:
            return
        self._options_loading = True
        self._set_busy(True, self.tr("Schooljaren ophalen…"))
        figures.choices(self.ctx, self._region_loader, parent=self).success(self._options_loaded).failure(
            self._refused
        ).fault(self._failed).run_in_background()

    def _options_loaded(self, options: tuple[list[str], list[tuple[str, str]]]) -> None:
        self._options_loading = False
        years, municipalities = options
        if not self.ctx.is_open:
            return
        if not years:
            self._set_busy(False)
            self.scroll.hide()
            self.empty.show()
            return
        self.scroll.show()
        self.empty.hide()
        for combo in (self.year_combo, self.municipality_combo):
            combo.blockSignals(True)
            combo.clear()
        for year in years:
            self.year_combo.addItem(year, year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(default_school_year(years, self.ctx.today())))
        self.municipality_combo.addItem(self.tr("Hele regio"), None)
        for code, name in municipalities:
            self.municipality_combo.addItem(name, code)
        for combo in (self.year_combo, self.municipality_combo):
            combo.blockSignals(False)
        self.compute()

    def compute(self) -> None:
        year = self.year_combo.currentData()
        if not self.ctx.is_open or not year:
            return
        municipality = self.municipality_combo.currentData()
        self._generation += 1
        generation = self._generation
        where = self.municipality_combo.currentText() if municipality else self.tr("de regio")
        self._set_busy(True, self.tr("Cijfers {year} voor {where} berekenen…").format(year=year, where=where))
        figures.compute(self.ctx, year, municipality, self._region_loader, parent=self).success(
            lambda computed: self._computed(generation, computed)
        ).failure(self._refused).fault(self._failed).run_in_background()

    def _computed(self, generation: int, computed: Figures) -> None:
        if generation != self._generation or not self.ctx.is_open:
            return  # a newer choice came in meanwhile, or the profile locked
        self.figures = computed
        self._set_busy(False)
        self._show(computed)

    def _failed(self, _exc: BaseException) -> None:
        """The work stopped (a fault goes on to the crash handler afterwards)."""
        self._options_loading = False
        self._set_busy(False)
        self.status.setText(self.tr("De cijfers konden niet worden berekend."))

    def _refused(self, exc: VangnetError) -> None:
        self._failed(exc)
        if self.ctx.is_open:
            from desktop.views.common import show_error

            show_error(self, exc)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.computing = busy
        self.busy.setVisible(busy)
        self.status.setText(text)
        self.year_combo.setEnabled(self.year_combo.count() > 0)
        self.municipality_combo.setEnabled(self.municipality_combo.count() > 0)

    # -- showing ----------------------------------------------------------------------------------

    def _show(self, figures: Figures) -> None:
        where = figures.municipality_name or self.tr("de regio")
        self.status.setText(self.tr("Schooljaar {year}, {where}").format(year=figures.school_year, where=where))
        self.definitions_label.setText(
            self.tr("Definities: {name} · vorig jaar is {previous}").format(
                name=str(figures.definitions),
                previous=str(school_year_of(dt.date(int(figures.school_year[:4]) - 1, 8, 1))),
            )
        )
        for key, card in self.headlines.items():
            figure = figures[key]
            card.show_figure(figure.value, figure.previous, figure.change_pct)

        charts = {chart.key: chart for chart in chart_data(figures)}
        for key, chart in charts.items():
            widget = self.charts.get(key)
            if widget is None:
                widget = BarChart(chart, VALUE_LABELS.get(key, "Aantal"))
                self.charts[key] = widget
            else:
                widget.set_chart(chart)
        self.flow.set_steps(home_sitter_flow(figures))
        if self.chart_grid.count() == 0:
            order = [self.charts["meldingen"], self.charts["vrijstellingen"], self.charts["matchmakers"],
                     self.charts["handhaving"]]
            for index, widget in enumerate(order):
                self.chart_grid.addWidget(widget, index // 2, index % 2)
            # The flow reads left to right in six steps: it gets the full width.
            self.chart_grid.addWidget(self.flow, 2, 0, 1, 2)

        rows = figure_rows(figures)
        self.table.setRowCount(len(rows))
        for row, (_key, label, value, previous, change) in enumerate(rows):
            cells = [label, nl_number(value), nl_number(previous) if previous is not None else "—",
                     change_text(change) or "—"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 0:
                    item.setToolTip(figures.definitions.get(_key).description)
                self.table.setItem(row, column, item)
        # Tall enough for every row: the page scrolls, the table does not scroll inside it.
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(row) for row in range(self.table.rowCount()))
        self.table.setFixedHeight(height)

    def show_definitions(self) -> None:
        text = "\n\n".join(f"{d.label}\n{d.description}" for d in DEFINITIONS.definitions)
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Definities {name}").format(name=str(DEFINITIONS)))
        box.setText(DEFINITIONS.reference_date_note)
        box.setDetailedText(text)
        box.setIcon(QMessageBox.Icon.Information)
        box.open()

    # -- life cycle -------------------------------------------------------------------------------

    def _choice_changed(self, _index: int) -> None:
        if self._loaded:
            self.compute()

    def _data_changed(self, _changes: OpChanges) -> None:
        if self._loaded and self.isVisible():
            self.compute()

    def unload(self) -> None:
        self._generation += 1
        self.figures = None
        self._loaded = False
        for combo in (self.year_combo, self.municipality_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(False)
        self.table.setRowCount(0)
        self._set_busy(False)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()


def default_school_year(years: list[str], today: dt.date) -> str:
    """The last completed schooljaar when the administration has it (the jaarverslag's year), else the newest."""
    last_complete = str(school_year_of(today).previous())
    return last_complete if last_complete in years else years[0]

"""The access log for the team lead: who looked at or changed a person's file, or what one user did, per period.

Only the team lead and the system administrator may open it. Persons are chosen through the search and
shown by name and internal id, never by BSN. Every search and every CSV export is itself logged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from babel.dates import format_datetime, get_timezone
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import VangnetError
from desktop.fileio import atomic_write_bytes
from desktop.models.audit import ACTION_LABELS, AuditEntry
from desktop.models.exporters.tabular import csv_bytes
from desktop.models.search import SearchResult
from desktop.operations import audit, persons, users
from desktop.operations.context import AppContext
from desktop.views.common import date_edit, error_label, to_date

DUTCH_TIME = get_timezone("Europe/Amsterdam")
MAX_ROWS = 2000
NOT_ALLOWED = (
    "Het toegangslogboek is alleen in te zien door de teamleider en de functioneel beheerder. "
    "Vraag uw teamleider als iemand wil weten wie een dossier heeft bekeken."
)
OBJECT_LABELS = {
    "person": "leerling",
    "case": "zaak",
    "exemption": "vrijstelling",
    "leave_request": "verlofaanvraag",
    "intervention": "interventie",
    "document": "document",
    "audit_log": "toegangslogboek",
    "profile": "profiel",
}
RESULT_LABELS = {"ok": "gelukt", "denied": "geweigerd", "error": "mislukt"}
HEADERS = ("Tijd", "Gebruiker", "Apparaat", "Handeling", "Object", "Intern nummer", "Resultaat")


def dutch_time(moment: dt.datetime) -> str:
    """'5 maart 2025 14:03:07' in Dutch time (the log keeps UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return format_datetime(aware, "d MMMM yyyy HH:mm:ss", tzinfo=DUTCH_TIME, locale="nl_NL")


def entry_row(entry: AuditEntry) -> tuple[str, ...]:
    return (
        dutch_time(entry.occurred_at),
        entry.actor,
        entry.device,
        ACTION_LABELS.get(entry.action, entry.action),
        OBJECT_LABELS.get(entry.object_type, entry.object_type),
        entry.object_id or "",
        RESULT_LABELS.get(entry.result, entry.result),
    )


class AuditLogModel(QAbstractTableModel):
    """The entries of one search (at most MAX_ROWS), already formatted."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, ...]] = []

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self.rows = [entry_row(e) for e in entries]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None


class AuditLogView(QDialog):
    """Search the log per person or per user over a period; export what is shown as CSV.

    A search is itself logged, so it is a write in the background: ``searched`` fires with the number of lines
    shown, ``exported`` with the file once the export is logged."""

    searched = Signal(int)
    exported = Signal(object)  # Path

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Toegangslogboek"))
        self.person_id: str | None = None
        self.entries: list[AuditEntry] = []
        #: Where to save the export; replaced in tests.
        self.ask_path: Callable[[], str] = self._ask_path

        self.by_person = QRadioButton(self.tr("Per &leerling"))
        self.by_user = QRadioButton(self.tr("Per &gebruiker"))
        self.by_person.setChecked(True)
        self.person_query = QLineEdit()
        self.person_query.setPlaceholderText(self.tr("Naam, geboortedatum of onderwijsnummer"))
        self.person_query.setAccessibleName(self.tr("Leerling zoeken"))
        self.person_query.setClearButtonEnabled(True)
        self.person_results = QListWidget()
        self.person_results.setAccessibleName(self.tr("Gevonden leerlingen"))
        self.person_results.setMaximumHeight(72)
        self.chosen = QLabel(self.tr("Nog geen leerling gekozen."))
        self.chosen.setAccessibleName(self.tr("Gekozen leerling"))
        self.chosen.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.user = QComboBox()
        self.user.setAccessibleName(self.tr("Gebruiker"))
        self.user.setMinimumContentsLength(24)
        today = ctx.today()
        self.since = date_edit(today - dt.timedelta(days=365), self.tr("Vanaf"))
        self.until = date_edit(today, self.tr("Tot en met"))
        self.search_button = QPushButton(self.tr("&Zoeken"))
        self.search_button.setDefault(True)
        self.export_button = QPushButton(self.tr("&Exporteren (CSV)"))
        self.export_button.setEnabled(False)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Aantal regels"))
        self.problem = error_label()

        self.model = AuditLogModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Regels van het toegangslogboek"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((215, 140, 140, 150, 100, 290)):
            header.resizeSection(column, width)

        person_box = QVBoxLayout()
        person_box.addWidget(self.person_query)
        person_box.addWidget(self.person_results)
        person_box.addWidget(self.chosen)
        period = QHBoxLayout()
        period.addWidget(self.since)
        period.addWidget(QLabel(self.tr("tot en met")))
        period.addWidget(self.until)
        period.addStretch(1)
        form = QFormLayout()
        form.addRow(self.by_person, person_box)
        form.addRow(self.by_user, self.user)
        period_label = QLabel(self.tr("&Periode:"))
        period_label.setBuddy(self.since)
        form.addRow(period_label, period)
        buttons = QHBoxLayout()
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.export_button)
        hint = QLabel(self.tr(
            "Records staan hier met hun interne nummer, nooit met het BSN. Zoeken en exporteren komen zelf "
            "ook in het toegangslogboek."
        ))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)

        self.person_query.textChanged.connect(self._find_persons)
        self.person_results.itemActivated.connect(self._choose_person)
        self.person_results.itemClicked.connect(self._choose_person)
        self.user.currentIndexChanged.connect(lambda _i: self.by_user.setChecked(True))
        self.person_query.textEdited.connect(lambda _t: self.by_person.setChecked(True))
        self.search_button.clicked.connect(self.run_search)
        self.export_button.clicked.connect(self.export_csv)
        self._finding = 0
        self._load_users()
        self.resize(1100, 640)

    # -- choosing ---------------------------------------------------------------------------------
    def _load_users(self) -> None:
        """Everyone in the log, read in the background as the window opens ('Bezig met laden…' meanwhile)."""
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(self.tr("Bezig met laden…"), None)
        self.user.blockSignals(False)
        self.user.setEnabled(False)
        self.loading = True
        audit.actors(self.ctx, parent=self).success(self._show_users).failure(
            lambda exc: self._users_not_read(exc)
        ).run_in_background()

    def _users_not_read(self, exc: VangnetError) -> None:
        self.loading = False
        self.user.setItemText(0, self.tr("(kies een gebruiker)"))
        self.problem.setText(str(exc))

    def _show_users(self, names: list[str]) -> None:
        self.loading = False
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(self.tr("(kies een gebruiker)"), None)
        for name in names:
            self.user.addItem(name, name)
        self.user.blockSignals(False)
        self.user.setEnabled(True)

    def _find_persons(self, text: str) -> None:
        """Persons as the user types, found in the background; an answer overtaken by more typing is dropped."""
        self._finding += 1
        finding = self._finding
        self.person_results.clear()
        if len(text.strip()) < 2:
            return
        persons.find_persons(self.ctx, text, 15, parent=self).success(
            lambda results: self._show_persons(finding, results)
        ).failure(lambda exc: self.problem.setText(str(exc))).run_in_background()

    def _show_persons(self, finding: int, results: list[SearchResult]) -> None:
        if finding != self._finding:
            return
        self.person_results.clear()
        for result in results:
            item = QListWidgetItem(f"{result.title} · {result.subtitle} · intern nummer {result.id}")
            item.setData(Qt.ItemDataRole.UserRole, (result.id, result.title))
            self.person_results.addItem(item)

    def _choose_person(self, item: QListWidgetItem) -> None:
        person_id, title = item.data(Qt.ItemDataRole.UserRole)
        self.choose_person(person_id, title)

    def choose_person(self, person_id: str, title: str) -> None:
        self.person_id = person_id
        self.by_person.setChecked(True)
        self.chosen.setText(self.tr("Gekozen: {name} (intern nummer {id})").format(name=title, id=person_id))

    def choose_user(self, name: str) -> None:
        index = self.user.findData(name)
        if index >= 0:
            self.user.setCurrentIndex(index)
        self.by_user.setChecked(True)

    # -- searching --------------------------------------------------------------------------------
    def _period(self) -> tuple[dt.datetime, dt.datetime]:
        first, last = to_date(self.since.date()), to_date(self.until.date())
        # The period is in Dutch days; the log is in UTC.
        start = dt.datetime.combine(first, dt.time.min, tzinfo=DUTCH_TIME)
        end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=DUTCH_TIME)
        return start.astimezone(dt.UTC), end.astimezone(dt.UTC)

    def run_search(self) -> None:
        self.problem.clear()
        first, last = to_date(self.since.date()), to_date(self.until.date())
        if last < first:
            self.problem.setText(self.tr("De einddatum ligt vóór de begindatum."))
            return
        since, until = self._period()
        if self.by_person.isChecked():
            if self.person_id is None:
                self.problem.setText(self.tr("Kies eerst een leerling: zoek op naam en klik op de leerling."))
                return
            search = audit.search(self.ctx, since, until, MAX_ROWS, person_id=self.person_id, parent=self)
        else:
            name = self.user.currentData()
            if not name:
                self.problem.setText(self.tr("Kies een gebruiker."))
                return
            search = audit.search(self.ctx, since, until, MAX_ROWS, actor=name, parent=self)
        self.search_button.setEnabled(False)
        search.success(self._found).failure(self._search_refused).fault(
            lambda _exc: self.search_button.setEnabled(True)
        ).run_in_background()

    def _search_refused(self, exc: VangnetError) -> None:
        self.search_button.setEnabled(True)
        self.problem.setText(str(exc))

    def _found(self, entries: list[AuditEntry]) -> None:
        self.search_button.setEnabled(True)
        self.entries = entries
        self.model.set_entries(self.entries)
        count = len(self.entries)
        if count >= MAX_ROWS:
            self.status.setText(self.tr("De nieuwste {n} regels; kort de periode in voor de rest.").format(n=count))
        elif count:
            self.status.setText(self.tr("{n} regel(s) gevonden.").format(n=count))
        else:
            self.status.setText(self.tr("Geen regels in deze periode."))
        self.export_button.setEnabled(bool(count))
        self.searched.emit(count)

    # -- exporting --------------------------------------------------------------------------------
    def _ask_path(self) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Toegangslogboek exporteren"), "toegangslogboek.csv", self.tr("CSV-bestanden (*.csv)")
        )
        return path

    def export_csv(self) -> Path | None:
        path_text = self.ask_path()
        if not path_text:
            return None
        path = Path(path_text)
        if path.suffix.lower() != ".csv":
            path = path.with_suffix(".csv")
        data = csv_bytes(HEADERS, [entry_row(e) for e in self.entries])
        try:
            atomic_write_bytes(path, data)
        except OSError:
            self.problem.setText(self.tr("Het bestand kon niet worden opgeslagen. Kies een andere map."))
            return None
        subject = self.person_id if self.by_person.isChecked() else None
        count = len(self.entries)

        def logged(_result: None) -> None:
            message = self.tr("{n} regel(s) geëxporteerd naar {name}.")
            self.status.setText(message.format(n=count, name=path.name))
            self.exported.emit(path)

        audit.record_export(self.ctx, subject, parent=self).success(logged).failure(
            lambda exc: self.problem.setText(str(exc))
        ).run_in_background()
        return path


def may_open(ctx: AppContext) -> bool:
    user = users.signed_in_now(ctx)
    return user is not None and user.may_read_access_log


def open_access_log(
    ctx: AppContext,
    parent: QWidget | None = None,
    inform: Callable[[QWidget | None, str, str], Any] | None = None,
) -> AuditLogView | None:
    """The log view for the team lead and the system administrator; a Dutch explanation for anyone else."""
    if not may_open(ctx):
        (inform or QMessageBox.information)(parent, "Toegangslogboek", NOT_ALLOWED)
        return None
    view = AuditLogView(ctx, parent)
    view.show()
    return view


def install(window: Any) -> None:
    """Extra › Toegangslogboek… in the main window."""
    window.register_action(
        "access_log",
        "extra",
        window.tr("&Toegangslogboek…"),
        lambda: open_access_log(window.ctx, window),
        status_tip=window.tr("Wie heeft een dossier bekeken of gewijzigd (teamleider)"),
    )

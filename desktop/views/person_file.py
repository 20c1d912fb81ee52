"""Dossier of one leerling: personal data and duty status, guardians, schools, cases, exemptions, timeline."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import VangnetError
from desktop.models.access import HIDDEN, Regime, regime_of
from desktop.models.enums import ExemptionArticle, InterventionKind
from desktop.models.exemptions import Exemption
from desktop.models.law import age_on
from desktop.models.person_file import PersonFile
from desktop.models.record_ref import RecordRef
from desktop.models.search import mask_bsn
from desktop.operations import OpChanges, persons
from desktop.operations.context import AppContext
from desktop.views.common import nl_date, show_error
from desktop.views.conflict_banner import ConflictBanner

log = logging.getLogger(__name__)
ID_ROLE = Qt.ItemDataRole.UserRole


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], ids: list[str] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            if ids is not None and c == 0:
                item.setData(ID_ROLE, ids[r])
            table.setItem(r, c, item)


class PersonFileView(QWidget):
    """Opens with :meth:`load` (in the background: 'Bezig met laden…' until the file is there); emits requests to
    open a case or an exemption, or to register something for this person."""

    open_record = Signal(object)  # RecordRef of a case or an exemption of this file
    register = Signal(str, str)  # form name, person id
    loaded = Signal()  # the file was read (again) and is shown: the tab takes its title

    def __init__(self, ctx: AppContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.file: PersonFile | None = None
        self.bsn_shown = False
        self.loading = False
        self._reading = 0
        self._shown_after_load: RecordRef | None = None

        self.name_label = QLabel()
        self.name_label.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.duty_label = QLabel()
        self.duty_label.setStyleSheet(
            "background: #e3f2fd; color: #0d47a1; border-radius: 4px; padding: 2px 8px; font-weight: 600;"
        )
        self.duty_label.setAccessibleName(self.tr("Leerplichtstatus"))
        self.bsn_label = QLabel()
        self.bsn_label.setAccessibleName(self.tr("BSN"))
        self.bsn_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bsn_button = QPushButton(self.tr("BSN &tonen"))
        self.bsn_button.setToolTip(self.tr("Het tonen van het BSN wordt vastgelegd."))
        self.bsn_button.clicked.connect(self.toggle_bsn)

        head = QHBoxLayout()
        head.addWidget(self.name_label)
        head.addSpacing(12)
        head.addWidget(self.duty_label)
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("BSN:")))
        head.addWidget(self.bsn_label)
        head.addWidget(self.bsn_button)

        actions = QHBoxLayout()
        for form, text in (
            ("absence", self.tr("Nieuwe &melding")),
            ("case", self.tr("Nieuwe &zaak")),
            ("exemption", self.tr("&Vrijstelling aanvragen")),
            ("leave", self.tr("Ver&lofaanvraag")),
            ("home_sitter", self.tr("T&huiszitter")),
            ("dropout", self.tr("VSV-&traject")),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, f=form: self.register.emit(f, self.person_id))
            actions.addWidget(button)
        actions.addStretch(1)

        # Overview tab: personal data, duty dates, guardians and schools.
        self.personal = QFormLayout()
        self.duty_dates = QFormLayout()
        personal_box = QGroupBox(self.tr("Persoonsgegevens"))
        personal_box.setLayout(self.personal)
        duty_box = QGroupBox(self.tr("Leerplicht en kwalificatieplicht"))
        duty_box.setLayout(self.duty_dates)
        top = QHBoxLayout()
        top.addWidget(personal_box, 3)
        top.addWidget(duty_box, 2)
        self.guardians = _table(
            [self.tr("Naam"), self.tr("Relatie"), self.tr("Gezag"), self.tr("Telefoon"), self.tr("E-mail")],
            self.tr("Ouders en verzorgers"),
        )
        self.enrollments = _table(
            [self.tr("School"), self.tr("Van"), self.tr("Tot"), self.tr("Niveau")], self.tr("Inschrijvingen")
        )
        overview = QWidget()
        overview_layout = QVBoxLayout(overview)
        overview_layout.addLayout(top)
        overview_layout.addWidget(QLabel(self.tr("<b>Ouders en verzorgers</b>")))
        overview_layout.addWidget(self.guardians, 1)
        overview_layout.addWidget(QLabel(self.tr("<b>Inschrijvingen</b>")))
        overview_layout.addWidget(self.enrollments, 1)

        self.cases = _table(
            [self.tr("Zaaknummer"), self.tr("Soort"), self.tr("Fase"), self.tr("Status"), self.tr("Geopend"),
             self.tr("Gesloten")],
            self.tr("Zaken"),
        )
        self.cases.itemActivated.connect(lambda item: self._open_row(self.cases, item.row(), "cases"))
        self.cases.itemDoubleClicked.connect(lambda item: self._open_row(self.cases, item.row(), "cases"))
        self.exemptions = _table(
            [self.tr("Artikel"), self.tr("Ontvangen"), self.tr("Besluit"), self.tr("Geldig tot"),
             self.tr("Verklaring (art. 5 onder a)"), self.tr("Regime")],
            self.tr("Vrijstellingen"),
        )
        self.exemptions.itemDoubleClicked.connect(
            lambda item: self._open_row(self.exemptions, item.row(), "exemptions")
        )
        self.leave = _table(
            [self.tr("Soort"), self.tr("Van"), self.tr("Tot en met"), self.tr("Dagen"), self.tr("Besluit")],
            self.tr("Verlofaanvragen"),
        )
        exemptions_tab = QWidget()
        self.exemptions_tab = exemptions_tab
        exemptions_layout = QVBoxLayout(exemptions_tab)
        exemptions_layout.addWidget(QLabel(self.tr("<b>Vrijstellingen en vervangende leerplicht</b>")))
        exemptions_layout.addWidget(self.exemptions, 1)
        exemptions_layout.addWidget(QLabel(self.tr("<b>Extra verlof</b>")))
        exemptions_layout.addWidget(self.leave, 1)

        self.timeline = _table(
            [self.tr("Datum"), self.tr("Soort"), self.tr("Wat"), self.tr("Toelichting"), self.tr("Regime")],
            self.tr("Tijdlijn"),
        )
        self.timeline.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.timeline.itemDoubleClicked.connect(self._open_timeline_case)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Onderdelen van het dossier"))
        self.tabs.addTab(overview, self.tr("&Overzicht"))
        self.tabs.addTab(self.cases, self.tr("&Zaken"))
        self.tabs.addTab(exemptions_tab, self.tr("Vrijstellingen en ve&rlof"))
        self.tabs.addTab(self.timeline, self.tr("T&ijdlijn"))

        layout = QVBoxLayout(self)
        layout.addWidget(ConflictBanner.for_person(ctx, person_id))
        layout.addLayout(head)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        # A bound method, so that Qt drops the connection when the tab is closed and this view deleted.
        ctx.changed.connect(self._data_changed)

    def _data_changed(self, _changes: OpChanges) -> None:
        if self.ctx.is_open:
            self.load()

    @property
    def ref(self) -> RecordRef:
        """The person whose file this is."""
        return RecordRef("persons", self.person_id, self.person_id)

    def show_record(self, ref: RecordRef) -> None:
        """Bring the part of the file that lists ``ref`` to the front with its row selected (an exemption or a
        leave request); other records leave the file as it is."""
        place = {"exemptions": self.exemptions, "leave_requests": self.leave}.get(ref.table)
        if place is None:
            return
        if self.file is None:
            self._shown_after_load = ref  # selected once the file has been read
            return
        self.tabs.setCurrentIndex(self.tabs.indexOf(self.exemptions_tab))
        for row in range(place.rowCount()):
            item = place.item(row, 0)
            if item is not None and item.data(ID_ROLE) == ref.id:
                place.selectRow(row)
                place.scrollToItem(item)
                return

    @property
    def title(self) -> str:
        if self.file is None:
            return self.tr("Leerling")
        person = self.file.person
        return " ".join(part for part in (person.first_names.split()[0], person.prefix, person.last_name) if part)

    def load(self) -> None:
        """Read the file in the background and show it."""
        today = self.ctx.today()
        self._reading += 1
        reading = self._reading
        if self.file is None and not self.loading:
            self.name_label.setText(self.tr("Bezig met laden…"))
            self.setEnabled(False)
        self.loading = True
        persons.file(self.ctx, self.person_id, today, parent=self).success(
            lambda found: self._loaded(reading, today, *found)
        ).failure(lambda exc: self._not_loaded(reading, exc)).run_in_background()

    def _not_loaded(self, reading: int, exc: VangnetError) -> None:
        if reading != self._reading:
            return
        self.loading = False
        if self.file is None:
            self.name_label.setText(str(exc))
        else:
            show_error(self, exc)

    def _loaded(self, reading: int, today: dt.date, file: PersonFile, readable: set[str]) -> None:
        if reading != self._reading:
            return  # a newer reading is on its way
        self.loading = False
        if self.file is None:
            # The first showing of this file is a view in the access log; reloads after a change are not.
            persons.record_opened(self.ctx, self.person_id, parent=self).run_in_background()
            self.setEnabled(True)
        self._show(today, file, readable)
        pending, self._shown_after_load = self._shown_after_load, None
        if pending is not None:
            self.show_record(pending)
        self.loaded.emit()

    def _show(self, today: dt.date, file: PersonFile, readable: set[str]) -> None:
        self.file = file
        person = file.person
        self.name_label.setText(person.full_name)
        self.duty_label.setText(file.duty_label)
        self._show_bsn(False)
        self.bsn_button.setEnabled(bool(person.bsn))

        _clear_form(self.personal)
        address = " ".join(part for part in (person.street, person.house_number) if part)
        place = " ".join(part for part in (person.postal_code, person.city) if part)
        for label, value in (
            (self.tr("Voornamen"), person.first_names),
            (self.tr("Roepnaam"), person.call_name or ""),
            (self.tr("Achternaam"), " ".join(p for p in (person.prefix, person.last_name) if p)),
            (self.tr("Geboortedatum"), f"{nl_date(person.birth_date)} ({age_on(person.birth_date, today)} jaar)"),
            (self.tr("Geslacht"), person.gender.label),
            (self.tr("Adres"), ", ".join(p for p in (address, place) if p)),
            (self.tr("Gemeente"), file.municipality_name),
            (self.tr("Onderwijsnummer"), person.education_number or ""),
            (self.tr("Telefoon"), person.phone or ""),
        ):
            value_label = QLabel(value or "–")
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value_label.setAccessibleName(label)
            self.personal.addRow(label + ":", value_label)
        _clear_form(self.duty_dates)
        status = QLabel(f"<b>{file.duty_label}</b>")
        self.duty_dates.addRow(self.tr("Status vandaag:"), status)
        for label, value in file.duty_dates:
            self.duty_dates.addRow(label + ":", QLabel(nl_date(value) if value else "–"))

        _fill(
            self.guardians,
            [
                [
                    " ".join(p for p in (g.first_names or g.initials, g.prefix, g.last_name) if p),
                    g.relation.label,
                    self.tr("ja") if g.has_authority else self.tr("nee"),
                    g.phone or "",
                    g.email or "",
                ]
                for g in file.guardians
            ],
        )
        _fill(
            self.enrollments,
            [
                [name, nl_date(e.start_date, "short"), nl_date(e.end_date, "short"), e.level or ""]
                for e, name in file.enrollments
            ],
        )
        _fill(
            self.cases,
            [
                [c.case_number, c.kind.label, c.phase.label, c.status.label, nl_date(c.opened_on, "short"),
                 nl_date(c.closed_on, "short")]
                for c in file.cases
            ],
            [c.id for c in file.cases],
        )
        grounds = {e.id: exemption_ground(e, e.id in readable) for e in file.exemptions}
        _fill(
            self.exemptions,
            [
                [e.article.label, nl_date(e.received_on, "short"),
                 e.decision.label if e.decision else self.tr("Nog niet beslist"), nl_date(e.valid_until, "short"),
                 grounds[e.id], regime_label(regime_of("exemptions"))]
                for e in file.exemptions
            ],
            [e.id for e in file.exemptions],
        )
        _fill(
            self.leave,
            [
                [lr.kind.label, nl_date(lr.start_date, "short"), nl_date(lr.end_date, "short"), str(lr.days),
                 lr.decision.label if lr.decision else self.tr("Nog niet beslist")]
                for lr in file.leave_requests
            ],
            [lr.id for lr in file.leave_requests],
        )
        _fill(
            self.timeline,
            [[nl_date(ev.when, "short"), ev.kind.capitalize(), ev.title, ev.detail, timeline_regime(ev.kind, ev.title)]
             for ev in file.timeline],
            [ev.case_id or "" for ev in file.timeline],
        )
        self.tabs.setTabText(1, self.tr("&Zaken ({n})").format(n=len(file.cases)))
        self.tabs.setTabText(3, self.tr("T&ijdlijn ({n})").format(n=len(file.timeline)))

    def _show_bsn(self, shown: bool) -> None:
        person = self.file.person if self.file else None
        if shown and person is not None:
            # Shown once the showing is in the access log; the button waits meanwhile.
            self.bsn_button.setEnabled(False)
            persons.show_bsn(self.ctx, self.person_id, parent=self).success(self._bsn_revealed).failure(
                self._bsn_refused
            ).fault(lambda _exc: self.bsn_button.setEnabled(True)).run_in_background()
            return
        self.bsn_shown = False
        self.bsn_label.setText(mask_bsn(person.bsn if person else None) or self.tr("geen"))
        self.bsn_button.setText(self.tr("BSN &tonen"))

    def _bsn_revealed(self, bsn: str | None) -> None:
        # The access is recorded without the number itself.
        log.info("BSN getoond voor persoon %s", self.person_id)
        self.bsn_shown = True
        self.bsn_label.setText(bsn or "")
        self.bsn_button.setText(self.tr("BSN &verbergen"))
        self.bsn_button.setEnabled(True)

    def _bsn_refused(self, exc: VangnetError) -> None:
        self.bsn_button.setEnabled(True)
        show_error(self, exc)

    def toggle_bsn(self) -> None:
        self._show_bsn(not self.bsn_shown)

    def _open_row(self, table: QTableWidget, row: int, record_table: str) -> None:
        item = table.item(row, 0)
        if item is not None and item.data(ID_ROLE):
            self.open_record.emit(RecordRef(record_table, item.data(ID_ROLE), self.person_id))

    def _open_timeline_case(self, item: QTableWidgetItem) -> None:
        self._open_row(self.timeline, item.row(), "cases")


REGIME_LABELS = {Regime.AVG: "AVG", Regime.WPG: "Wpg"}
_INTERVENTION_BY_LABEL = {kind.label: kind for kind in InterventionKind}


def regime_label(regime: Regime) -> str:
    return REGIME_LABELS[regime]


def timeline_regime(kind: str, title: str) -> str:
    """AVG, or Wpg for a proces-verbaal (the timeline names interventions by their kind's label)."""
    table = "interventions" if kind == "interventie" else kind
    return regime_label(regime_of(table, _INTERVENTION_BY_LABEL.get(title)))


def exemption_ground(e: Exemption, readable: bool) -> str:
    """The art. 5 onder a statement of an exemption as far as the signed-in user may read it (need-to-know)."""
    if e.article != ExemptionArticle.ART_5A:
        return ""
    if not readable:
        return HIDDEN
    parts = []
    if e.statement_date:
        parts.append(nl_date(e.statement_date, "short"))
    if e.statement_by:
        parts.append(e.statement_by.label.lower())
    if e.never_fit:
        parts.append("nooit geschikt")
    if e.motivation:
        parts.append(e.motivation)
    return ", ".join(parts) or "–"


def _clear_form(form: QFormLayout) -> None:
    while form.rowCount():
        form.removeRow(0)

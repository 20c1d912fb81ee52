"""The Conflicten view: edits that clashed with the server (both values shown, a person chooses) and
changes the server refused (parked: try again or give up). Nothing here is decided silently."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.background import run_in_background
from desktop.sync_service import ConflictItem, ParkedItem, SyncService
from desktop.views.common import AppContext, show_error

CARD_STYLE = (
    "QFrame#card { border: 1px solid #d0d0d0; border-radius: 6px; background: palette(base); }"
    " QLabel#cardTitle { font-weight: 600; font-size: 11pt; }"
    " QLabel#columnHead { color: #555555; font-weight: 600; }"
)
KIND_TEXT = {
    "field": "Dit gegeven is op dit apparaat en op de server verschillend gewijzigd. De server houdt nu zijn "
    "waarde; kies welke waarde moet blijven.",
    "edit_delete": "U wijzigde dit gegeven, maar iemand anders heeft het op de server verwijderd.",
    "delete_edit": "U verwijderde dit gegeven, maar iemand anders heeft het op de server gewijzigd.",
    "exists": "Dit gegeven bestond al op de server.",
    "apply_failed": "Een wijziging van de server past niet bij de gegevens op dit apparaat (bijvoorbeeld een "
    "BSN dat hier al bij een andere leerling staat).",
}


class ConflictCard(QFrame):
    resolve = Signal(str, str)  # conflict id, 'local' or 'server'
    open_record = Signal(str, str)

    def __init__(self, item: ConflictItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("card")
        title = QLabel(item.record)
        title.setObjectName("cardTitle")
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        explanation = QLabel(self.tr(KIND_TEXT.get(item.kind, KIND_TEXT["field"])))
        explanation.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for column, text in enumerate((self.tr("Veld"), self.tr("Uw waarde (dit apparaat)"),
                                       self.tr("Waarde op de server"))):
            head = QLabel(text)
            head.setObjectName("columnHead")
            grid.addWidget(head, 0, column)
        self.value_labels: list[tuple[QLabel, QLabel]] = []
        for row, field in enumerate(item.fields, start=1):
            local, server = QLabel(field.local), QLabel(field.server)
            for label in (local, server):
                label.setWordWrap(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(QLabel(field.label), row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(local, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(server, row, 2, Qt.AlignmentFlag.AlignTop)
            self.value_labels.append((local, server))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.keep_local_button = QPushButton(self.tr("Mijn waarde houden"))
        self.keep_server_button = QPushButton(self.tr("Waarde van de server houden"))
        self.keep_local_button.setToolTip(self.tr("Uw waarde wordt bij de volgende synchronisatie naar de server "
                                                  "gestuurd en vervangt daar de andere waarde."))
        self.keep_server_button.setToolTip(self.tr("Uw wijziging vervalt; de waarde van de server blijft."))
        self.keep_local_button.clicked.connect(lambda: self.resolve.emit(item.id, "local"))
        self.keep_server_button.clicked.connect(lambda: self.resolve.emit(item.id, "server"))
        buttons = QHBoxLayout()
        if item.table in ("cases", "persons"):
            open_button = QPushButton(self.tr("Dossier openen"))
            open_button.setFlat(True)
            open_button.clicked.connect(lambda: self.open_record.emit(item.table, item.record_id))
            buttons.addWidget(open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_local_button)
        buttons.addWidget(self.keep_server_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explanation)
        layout.addLayout(grid)
        layout.addLayout(buttons)

    def set_busy(self, busy: bool) -> None:
        self.keep_local_button.setEnabled(not busy)
        self.keep_server_button.setEnabled(not busy)


class ParkedCard(QFrame):
    retry = Signal(str)
    discard = Signal(str)

    def __init__(self, item: ParkedItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("card")
        title = QLabel(f"{item.record} – {item.kind.lower()}")
        title.setObjectName("cardTitle")
        self.reason_label = QLabel(self.tr("Reden van de server: {reason}").format(reason=item.reason))
        self.reason_label.setWordWrap(True)
        self.reason_label.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.reason_label)
        if item.changes:
            grid = QGridLayout()
            grid.setHorizontalSpacing(24)
            for row, (label, value) in enumerate(item.changes[:12]):
                grid.addWidget(QLabel(label), row, 0, Qt.AlignmentFlag.AlignTop)
                shown = QLabel(value)
                shown.setWordWrap(True)
                grid.addWidget(shown, row, 1, Qt.AlignmentFlag.AlignTop)
            if len(item.changes) > 12:
                grid.addWidget(QLabel(self.tr("… en {n} velden meer").format(n=len(item.changes) - 12)), 12, 0, 1, 2)
            grid.setColumnStretch(1, 1)
            layout.addLayout(grid)
        self.retry_button = QPushButton(self.tr("Opnieuw proberen"))
        self.retry_button.setToolTip(self.tr("Stuur de wijziging nog eens, bijvoorbeeld nadat de beheerder uw "
                                             "rechten heeft aangepast."))
        self.discard_button = QPushButton(self.tr("Verwerpen"))
        self.discard_button.setToolTip(self.tr("Geef deze wijziging op; wijzigingen die erop wachten gaan door."))
        self.retry_button.clicked.connect(lambda: self.retry.emit(item.op_id))
        self.discard_button.clicked.connect(lambda: self.discard.emit(item.op_id))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.discard_button)
        layout.addLayout(buttons)

    def set_busy(self, busy: bool) -> None:
        self.retry_button.setEnabled(not busy)
        self.discard_button.setEnabled(not busy)


class ConflictsView(QWidget):
    """Open conflicts and parked operations of this device, as cards with the choices next to them."""

    loaded = Signal()
    changed = Signal()  # a choice was stored: the caller syncs
    open_record = Signal(str, str)

    def __init__(self, ctx: AppContext, service: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = service
        self.record_id = "conflicts"
        self.title = self.tr("Conflicten")
        self.conflict_cards: dict[str, ConflictCard] = {}
        self.parked_cards: dict[str, ParkedCard] = {}
        self.loading = False
        self.confirm: Callable[[str], bool] = self._ask
        self.setStyleSheet(CARD_STYLE)

        heading = QLabel(self.tr("Conflicten en geweigerde wijzigingen"))
        heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        intro = QLabel(
            self.tr(
                "Vangnet voegt wijzigingen van verschillende apparaten per veld samen. Waar dat niet kan, blijft "
                "de waarde van de server staan tot u kiest. Uw keuze gaat bij de volgende synchronisatie naar de "
                "server."
            )
        )
        intro.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("&Vernieuwen"))
        self.refresh_button.clicked.connect(self.reload)
        self.sync_button = QPushButton(self.tr("Nu &synchroniseren"))
        self.sync_button.clicked.connect(self._sync_now)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.sync_button)

        self.conflicts_heading = QLabel()
        self.conflicts_heading.setStyleSheet("font-size: 12pt; font-weight: 600; margin-top: 8px;")
        self.conflicts_empty = QLabel(self.tr("Er zijn geen conflicten."))
        self.conflicts_box = QVBoxLayout()
        self.parked_heading = QLabel()
        self.parked_heading.setStyleSheet("font-size: 12pt; font-weight: 600; margin-top: 12px;")
        self.parked_intro = QLabel(
            self.tr("De server weigerde deze wijzigingen. Latere wijzigingen van hetzelfde gegeven wachten tot u "
                    "kiest; al het andere wordt gewoon verstuurd.")
        )
        self.parked_intro.setWordWrap(True)
        self.parked_empty = QLabel(self.tr("Er zijn geen geweigerde wijzigingen."))
        self.parked_box = QVBoxLayout()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()

        content = QWidget()
        body = QVBoxLayout(content)
        body.addWidget(self.conflicts_heading)
        body.addWidget(self.conflicts_empty)
        body.addLayout(self.conflicts_box)
        body.addWidget(self.parked_heading)
        body.addWidget(self.parked_intro)
        body.addWidget(self.parked_empty)
        body.addLayout(self.parked_box)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)
        self._set_headings(0, 0)
        ctx.changed.connect(self._data_changed)

    # -- loading ----------------------------------------------------------------------------------

    def _data_changed(self, kind: str) -> None:
        if kind == "sync" and self.ctx.is_open and not self.loading:
            self.reload()

    def reload(self) -> None:
        if not self.ctx.is_open:
            return
        self.loading = True
        service = self.service
        run_in_background(lambda: (service.conflicts(), service.parked()), self._show, self._failed, self)

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.error.setText(self.tr("De conflicten konden niet worden gelezen. Probeer het opnieuw."))
        self.error.show()
        self.loaded.emit()

    def _show(self, result: tuple[list[ConflictItem], list[ParkedItem]]) -> None:
        self.loading = False
        self.error.clear()
        self.error.hide()
        conflicts, parked = result
        for cards in (self.conflict_cards, self.parked_cards):
            for card in cards.values():
                card.setParent(None)
                card.deleteLater()
            cards.clear()
        for item in conflicts:
            card = ConflictCard(item)
            card.resolve.connect(self._resolve)
            card.open_record.connect(self.open_record)
            self.conflicts_box.addWidget(card)
            self.conflict_cards[item.id] = card
        for item in parked:
            card = ParkedCard(item)
            card.retry.connect(self._retry)
            card.discard.connect(self._discard)
            self.parked_box.addWidget(card)
            self.parked_cards[item.op_id] = card
        self._set_headings(len(conflicts), len(parked))
        self.loaded.emit()

    def _set_headings(self, conflicts: int, parked: int) -> None:
        self.conflicts_heading.setText(self.tr("Conflicten ({n})").format(n=conflicts))
        self.parked_heading.setText(self.tr("Geweigerde wijzigingen ({n})").format(n=parked))
        self.conflicts_empty.setVisible(conflicts == 0)
        self.parked_empty.setVisible(parked == 0)
        self.parked_intro.setVisible(parked > 0)

    # -- choices ----------------------------------------------------------------------------------

    def _run_choice(self, card: ConflictCard | ParkedCard, op: Callable[[], None]) -> None:
        card.set_busy(True)

        def done(_result: object) -> None:
            self.changed.emit()
            self.ctx.changed.emit("sync")

        def failed(exc: BaseException) -> None:
            card.set_busy(False)
            show_error(self, exc, self.tr("Conflicten"))

        run_in_background(op, done, failed, self, writes=True)

    def _resolve(self, conflict_id: str, keep: str) -> None:
        card = self.conflict_cards.get(conflict_id)
        if card is not None:
            self._run_choice(card, lambda: self.service.resolve(conflict_id, keep))

    def _retry(self, op_id: str) -> None:
        card = self.parked_cards.get(op_id)
        if card is not None:
            self._run_choice(card, lambda: self.service.retry(op_id))

    def _discard(self, op_id: str) -> None:
        card = self.parked_cards.get(op_id)
        if card is None:
            return
        if not self.confirm(
            self.tr("De geweigerde wijziging van {record} vervalt. Wilt u dat?").format(record=card.item.record)
        ):
            return
        self._run_choice(card, lambda: self.service.discard(op_id))

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Wijziging verwerpen"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _sync_now(self) -> None:
        self.service.request()

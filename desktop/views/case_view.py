"""One zaak: the MAS steps, route with motivation, journal, appointments, interventions and closing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import VangnetError
from desktop.models.case_commands import MAS_PHASES, USUAL_ROUTE, route_needs_motivation
from desktop.models.enums import (
    AppointmentKind,
    CaseCloseReason,
    CasePhase,
    CaseRoute,
    CaseStatus,
    DuoCloseReason,
    InterventionKind,
    JournalKind,
    ReportSuspect,
)
from desktop.models.law import age_on, halt_eligible
from desktop.models.person_file import CaseDetail
from desktop.models.record_ref import RecordRef
from desktop.operations import CollectionOp, cases
from desktop.operations.context import AppContext
from desktop.views.common import (
    DUTCH,
    date_edit,
    enum_combo,
    error_label,
    nl_date,
    nl_datetime,
    show_error,
    to_date,
)
from desktop.views.conflict_banner import ConflictBanner
from desktop.views.person_file import _fill, _table

STEP_STYLE_DONE = "background: #c8e6c9; color: #1b5e20; border-radius: 4px; padding: 6px 10px;"
STEP_STYLE_CURRENT = "background: #1565c0; color: white; border-radius: 4px; padding: 6px 10px; font-weight: 600;"
STEP_STYLE_TODO = "background: #eeeeee; color: #555555; border-radius: 4px; padding: 6px 10px;"


# What each MAS phase asks of the consultant (shown under the steps).
PHASE_HINTS = {
    CasePhase.OBSERVE: "Waarnemen: leg de melding en de feiten vast (lesuren, periode, eerdere meldingen) en "
    "vraag de school wat zij al heeft gedaan.",
    CasePhase.ANALYSE: "Analyseren: spreek de leerling en de ouders, samen of apart; zoek de oorzaak van het "
    "verzuim en betrek zo nodig de jeugdarts of het jeugdteam.",
    CasePhase.PLAN: "Plannen: maak afspraken met leerling, ouders en school over terugkeer en hulp, met wie "
    "wat doet en wanneer u evalueert.",
    CasePhase.ACT: "Handelen: voer het plan uit: zorgroute, waarschuwing, Halt-verwijzing of proces-verbaal "
    "waar dat past; leg elke stap vast in het journaal.",
    CasePhase.EVALUATE: "Evalueren: ga na of het verzuim is gestopt en de afspraken werken; sluit de zaak af of "
    "ga terug naar een eerdere fase.",
}
CLOSED_HINT = "Deze zaak is gesloten; het journaal blijft te lezen."


class CaseView(QWidget):
    """Every change is a write in the background; while one runs the actions wait, and ``saved`` fires when it is
    stored and shown."""

    open_record = Signal(object)  # RecordRef: the person's file
    saved = Signal()
    loaded = Signal()  # the case was read (again) and is shown: the tab takes its title

    def __init__(self, ctx: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.busy = False
        self.loading = False
        self._reading = 0
        self._after_load: list[Callable[[], None]] = []
        self._release_on_load = False
        self._enabled_before: dict[QWidget, bool] = {}

        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.person_button = QPushButton()
        self.person_button.setAccessibleName(self.tr("Dossier van de leerling openen"))
        self.person_button.clicked.connect(self._open_person)
        self.meta_label = QLabel()
        head = QHBoxLayout()
        head.addWidget(self.title_label)
        head.addSpacing(12)
        head.addWidget(self.person_button)
        head.addStretch(1)
        head.addWidget(self.meta_label)
        self.letter_button = QPushButton(self.tr("Brief &maken…"))
        self.letter_button.setToolTip(self.tr("Een brief of rapport over deze zaak maken, bekijken en opslaan"))
        self.letter_button.clicked.connect(self.make_letter)
        head.addWidget(self.letter_button)

        # MAS steps.
        steps = QHBoxLayout()
        self.step_labels: dict[CasePhase, QLabel] = {}
        for number, phase in enumerate(MAS_PHASES):
            if number:
                steps.addWidget(QLabel("→"))
            label = QLabel(f"{number + 1}. {phase.label}")
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAccessibleName(phase.label)
            self.step_labels[phase] = label
            steps.addWidget(label)
        steps.addStretch(1)
        self.previous_button = QPushButton(self.tr("← Vorige fase"))
        self.previous_button.clicked.connect(lambda: self.move_phase(-1))
        self.next_button = QPushButton(self.tr("Volgende fase →"))
        self.next_button.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.next_button.setToolTip(self.tr("Naar de volgende MAS-fase (Ctrl+Shift+N)"))
        self.next_button.clicked.connect(lambda: self.move_phase(1))
        steps.addWidget(self.previous_button)
        steps.addWidget(self.next_button)
        # What the current phase asks of the consultant, under the steps.
        self.phase_hint = QLabel()
        self.phase_hint.setWordWrap(True)
        self.phase_hint.setAccessibleName(self.tr("Wat hoort bij deze fase"))
        self.phase_hint.setStyleSheet("color: #37474f;")
        steps_column = QVBoxLayout()
        steps_column.addLayout(steps)
        steps_column.addWidget(self.phase_hint)
        steps_box = QGroupBox(self.tr("Methodische Aanpak Schoolverzuim"))
        steps_box.setLayout(steps_column)
        steps_column.addStretch(1)

        # Route.
        self.route = enum_combo(CaseRoute, self.tr("Route"), with_empty=self.tr("(nog geen route)"))
        self.route_motivation = QPlainTextEdit()
        self.route_motivation.setAccessibleName(self.tr("Motivering route"))
        self.route_motivation.setPlaceholderText(self.tr("Waarom wijkt deze zaak af van de gebruikelijke route?"))
        self.route_motivation.setMaximumHeight(60)
        self.route_motivation.setTabChangesFocus(True)
        self.route_error = error_label()
        self.route_save = QPushButton(self.tr("Route &opslaan"))
        self.route_save.clicked.connect(self.save_route)
        self.route.currentIndexChanged.connect(self._validate_route)
        self.route_motivation.textChanged.connect(self._validate_route)
        route_form = QFormLayout()
        route_form.addRow(self.tr("&Route:"), self.route)
        route_form.addRow(self.tr("Moti&vering:"), self.route_motivation)
        route_row = QHBoxLayout()
        route_row.addWidget(self.route_error, 1)
        route_row.addWidget(self.route_save)
        route_form.addRow(route_row)
        route_box = QGroupBox(self.tr("Route (pas toe of leg uit)"))
        route_box.setLayout(route_form)

        top = QHBoxLayout()
        top.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(steps_box, 3)
        top.addWidget(route_box, 2)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._journal_tab(), self.tr("&Journaal"))
        self.tabs.addTab(self._appointments_tab(), self.tr("&Afspraken"))
        self.tabs.addTab(self._interventions_tab(), self.tr("&Interventies"))
        self.tabs.addTab(self._close_tab(), self.tr("Af&sluiten"))

        layout = QVBoxLayout(self)
        layout.addWidget(ConflictBanner.for_case(ctx, case_id))
        layout.addLayout(head)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    # -- tabs -------------------------------------------------------------------------------------

    def _journal_tab(self) -> QWidget:
        self.journal = _table(
            [self.tr("Wanneer"), self.tr("Soort"), self.tr("Met"), self.tr("Tekst")], self.tr("Journaal")
        )
        self.journal_kind = enum_combo(JournalKind, self.tr("Soort journaalregel"))
        for automatic in (JournalKind.PHASE_CHANGE, JournalKind.ROUTE_CHANGE, JournalKind.STATUS_CHANGE):
            self.journal_kind.removeItem(self.journal_kind.findData(automatic.value))
        self.journal_with = QLineEdit()
        self.journal_with.setAccessibleName(self.tr("Contact met"))
        self.journal_with.setPlaceholderText(self.tr("bijv. moeder, mentor"))
        self.journal_text = QPlainTextEdit()
        self.journal_text.setAccessibleName(self.tr("Tekst journaalregel"))
        self.journal_text.setPlaceholderText(self.tr("Wat is er gebeurd of afgesproken?"))
        self.journal_text.setMaximumHeight(90)
        self.journal_text.setTabChangesFocus(True)
        self.journal_add = QPushButton(self.tr("&Toevoegen (Ctrl+Enter)"))
        self.journal_add.clicked.connect(self.add_journal)
        self.journal_text.textChanged.connect(
            lambda: self.journal_add.setEnabled(bool(self.journal_text.toPlainText().strip()))
        )
        self.journal_add.setEnabled(False)
        QShortcut(QKeySequence("Ctrl+Return"), self.journal_text, activated=self.add_journal)
        form = QHBoxLayout()
        left = QFormLayout()
        left.addRow(self.tr("Soort:"), self.journal_kind)
        left.addRow(self.tr("Met:"), self.journal_with)
        form.addLayout(left, 1)
        form.addWidget(self.journal_text, 3)
        form.addWidget(self.journal_add)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(self.tr("Journaalregels kunnen niet worden gewijzigd of verwijderd.")))
        layout.addWidget(self.journal, 1)
        layout.addLayout(form)
        return tab

    def _appointments_tab(self) -> QWidget:
        self.appointments = _table(
            [self.tr("Wanneer"), self.tr("Soort"), self.tr("Plaats"), self.tr("Doel"), self.tr("Gedaan")],
            self.tr("Afspraken"),
        )
        self.appointment_when = QDateTimeEdit()
        self.appointment_when.setLocale(DUTCH)
        self.appointment_when.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.appointment_when.setCalendarPopup(True)
        tomorrow = QDateTime(QDateTime.currentDateTime().date().addDays(1), QTime(10, 0))
        self.appointment_when.setDateTime(tomorrow)
        self.appointment_when.setAccessibleName(self.tr("Datum en tijd afspraak"))
        self.appointment_kind = enum_combo(AppointmentKind, self.tr("Soort afspraak"))
        self.appointment_place = QLineEdit()
        self.appointment_place.setAccessibleName(self.tr("Plaats"))
        self.appointment_purpose = QLineEdit()
        self.appointment_purpose.setAccessibleName(self.tr("Doel"))
        self.appointment_deadline = QCheckBox(self.tr("Termijn (geen gesprek)"))
        add = QPushButton(self.tr("Afspraak &toevoegen"))
        add.clicked.connect(self.add_appointment)
        form = QFormLayout()
        form.addRow(self.tr("Wanneer:"), self.appointment_when)
        form.addRow(self.tr("Soort:"), self.appointment_kind)
        form.addRow(self.tr("Plaats:"), self.appointment_place)
        form.addRow(self.tr("Doel:"), self.appointment_purpose)
        form.addRow("", self.appointment_deadline)
        form.addRow("", add)
        tab = QWidget()
        layout = QHBoxLayout(tab)
        layout.addWidget(self.appointments, 3)
        layout.addLayout(form, 2)
        return tab

    def _interventions_tab(self) -> QWidget:
        self.interventions = _table(
            [self.tr("Datum"), self.tr("Soort"), self.tr("Uitkomst"), self.tr("Toelichting")],
            self.tr("Interventies"),
        )
        self.intervention_kind = enum_combo(InterventionKind, self.tr("Soort interventie"))
        self.intervention_date = date_edit(self.ctx.today(), self.tr("Datum interventie"))
        self.hours_absent = QDoubleSpinBox()
        self.hours_absent.setLocale(DUTCH)
        self.hours_absent.setRange(0, 999)
        self.hours_absent.setDecimals(1)
        self.hours_absent.setAccessibleName(self.tr("Uren verzuim"))
        self.times_late = QSpinBox()
        self.times_late.setRange(0, 999)
        self.times_late.setAccessibleName(self.tr("Keren te laat"))
        self.consent_pupil = QCheckBox(self.tr("Jongere stemt in"))
        self.consent_parents = QCheckBox(self.tr("Ouders stemmen in (onder 16 jaar)"))
        self.suspect = enum_combo(ReportSuspect, self.tr("Proces-verbaal tegen"), with_empty=self.tr("(kies)"))
        self.copy_to_council = QCheckBox(self.tr("Afschrift aan de Raad voor de Kinderbescherming"))
        self.referred_to = QLineEdit()
        self.referred_to.setAccessibleName(self.tr("Verwezen naar"))
        self.intervention_notes = QLineEdit()
        self.intervention_notes.setAccessibleName(self.tr("Toelichting interventie"))
        self.halt_check = QLabel()
        self.halt_check.setWordWrap(True)
        self.intervention_error = error_label()
        self.intervention_add = QPushButton(self.tr("Interventie &vastleggen"))
        self.intervention_add.clicked.connect(self.add_intervention)
        for widget in (self.intervention_kind, self.hours_absent, self.times_late):
            signal = widget.currentIndexChanged if isinstance(widget, QComboBox) else widget.valueChanged
            signal.connect(self._check_halt)
        self.intervention_date.dateChanged.connect(self._check_halt)
        self.consent_pupil.toggled.connect(self._check_halt)
        self.suspect.currentIndexChanged.connect(self._check_halt)
        self.consent_parents.toggled.connect(self._check_halt)
        form = QFormLayout()
        form.addRow(self.tr("Soort:"), self.intervention_kind)
        form.addRow(self.tr("Datum:"), self.intervention_date)
        form.addRow(self.tr("Uren verzuim:"), self.hours_absent)
        form.addRow(self.tr("Keren te laat:"), self.times_late)
        form.addRow("", self.consent_pupil)
        form.addRow("", self.consent_parents)
        form.addRow(self.tr("PV tegen:"), self.suspect)
        form.addRow("", self.copy_to_council)
        form.addRow(self.tr("Verwezen naar:"), self.referred_to)
        self.intervention_form = form
        form.addRow(self.tr("Toelichting:"), self.intervention_notes)
        form.addRow(self.halt_check)
        form.addRow(self.intervention_error)
        form.addRow("", self.intervention_add)
        tab = QWidget()
        layout = QHBoxLayout(tab)
        layout.addWidget(self.interventions, 3)
        layout.addLayout(form, 2)
        return tab

    def _close_tab(self) -> QWidget:
        self.close_reason = enum_combo(CaseCloseReason, self.tr("Reden van sluiten"), with_empty=self.tr("(kies)"))
        self.duo_reason = enum_combo(DuoCloseReason, self.tr("Reden voor DUO"), with_empty=self.tr("(kies)"))
        self.close_date = date_edit(self.ctx.today(), self.tr("Sluitdatum"))
        self.close_explanation = QPlainTextEdit()
        self.close_explanation.setAccessibleName(self.tr("Toelichting bij sluiten"))
        self.close_explanation.setMaximumHeight(80)
        self.close_explanation.setTabChangesFocus(True)
        self.close_error = error_label()
        self.close_button = QPushButton(self.tr("Zaak &sluiten"))
        self.close_button.clicked.connect(self.close_this_case)
        for combo in (self.close_reason, self.duo_reason):
            combo.currentIndexChanged.connect(self._validate_close)
        self.close_date.dateChanged.connect(self._validate_close)
        form = QFormLayout()
        form.addRow(self.tr("Reden:"), self.close_reason)
        form.addRow(self.tr("DUO-status:"), QLabel(self.tr("Afgesloten (wordt teruggemeld aan DUO)")))
        form.addRow(self.tr("Reden voor DUO:"), self.duo_reason)
        form.addRow(self.tr("Sluitdatum:"), self.close_date)
        form.addRow(self.tr("Toelichting:"), self.close_explanation)
        form.addRow(self.close_error)
        form.addRow("", self.close_button)
        tab = QWidget()
        outer = QVBoxLayout(tab)
        box = QGroupBox(self.tr("Zaak sluiten"))
        box.setLayout(form)
        box.setMaximumWidth(640)
        outer.addWidget(box)
        outer.addStretch(1)
        return tab

    # -- loading ----------------------------------------------------------------------------------

    @property
    def title(self) -> str:
        return self.tr("Zaak {number}").format(number=self.detail.case.case_number) if self.detail else self.tr("Zaak")

    @property
    def ref(self) -> RecordRef:
        """The case this view shows."""
        return RecordRef("cases", self.case_id, self.detail.person.id if self.detail else None)

    def _open_person(self) -> None:
        if self.detail is not None:
            person_id = self.detail.person.id
            self.open_record.emit(RecordRef("persons", person_id, person_id))

    def load(self, then: Callable[[], None] | None = None) -> None:
        """Read the case in the background and show it; ``then`` runs once it is shown. Until the first reading
        has arrived the window says 'Bezig met laden…' and offers no action."""
        if then is not None:
            self._after_load.append(then)
        self._reading += 1
        reading = self._reading
        if self.detail is None and not self.loading:
            self.title_label.setText(self.tr("Bezig met laden…"))
            self._set_busy(True)
        self.loading = True
        cases.detail(self.ctx, self.case_id, parent=self).success(lambda detail: self._loaded(reading, detail)).failure(
            lambda exc: self._not_loaded(reading, exc)
        ).run_in_background()

    def _not_loaded(self, reading: int, exc: VangnetError) -> None:
        if reading != self._reading:
            return
        self.loading = False
        self._after_load.clear()
        if self._release_on_load:
            self._release_on_load = False
            self._set_busy(False)
        if self.detail is None:
            self.title_label.setText(str(exc))
        else:
            show_error(self, exc, self.tr("Vangnet"))

    def _loaded(self, reading: int, detail: CaseDetail) -> None:
        if reading != self._reading:
            return  # a newer reading is on its way
        if self.detail is None or self._release_on_load:
            # Enabled as the case now is: the reading decides, not the state before the first load or the write.
            self._release_on_load = False
            self._set_busy(False)
        self.loading = False
        self._show(detail)
        waiting, self._after_load = self._after_load, []
        for then in waiting:
            then()
        self.loaded.emit()

    def _show(self, detail: CaseDetail) -> None:
        self.detail = detail
        case = detail.case
        self.title_label.setText(
            self.tr("Zaak {number} · {kind}").format(number=case.case_number, kind=case.kind.label)
        )
        self.person_button.setText(detail.person.full_name)
        meta = [case.status.label, self.tr("geopend {date}").format(date=nl_date(case.opened_on))]
        if detail.consultant_name:
            meta.append(detail.consultant_name)
        if case.closed_on:
            meta.append(self.tr("gesloten {date}").format(date=nl_date(case.closed_on)))
        self.meta_label.setText(" · ".join(meta))
        current = MAS_PHASES.index(case.phase)
        for number, phase in enumerate(MAS_PHASES):
            style = (
                STEP_STYLE_DONE if number < current else STEP_STYLE_CURRENT if number == current else STEP_STYLE_TODO
            )
            self.step_labels[phase].setStyleSheet(style)
        self.phase_hint.setText(PHASE_HINTS[case.phase] if case.status == CaseStatus.OPEN else CLOSED_HINT)
        is_open = case.status == CaseStatus.OPEN
        self.previous_button.setEnabled(is_open and current > 0)
        self.next_button.setEnabled(is_open and current < len(MAS_PHASES) - 1)
        self.route.blockSignals(True)
        self.route.setCurrentIndex(max(0, self.route.findData(case.route.value if case.route else None)))
        self.route.blockSignals(False)
        self.route_motivation.blockSignals(True)
        self.route_motivation.setPlainText(case.route_motivation or "")
        self.route_motivation.blockSignals(False)
        self._validate_route()
        _fill(
            self.journal,
            [
                [nl_datetime(j.occurred_at), j.kind.label, j.contact_with or "", j.text.replace("\n", " ")]
                for j in detail.journal
            ],
        )
        _fill(
            self.appointments,
            [
                [
                    nl_datetime(a.starts_at),
                    a.kind.label,
                    a.location or "",
                    a.purpose or "",
                    self.tr("ja") if a.done else self.tr("nee"),
                ]
                for a in detail.appointments
            ],
        )
        _fill(
            self.interventions,
            [
                [nl_date(i.date, "short"), i.kind.label, i.outcome.label if i.outcome else "", i.notes or ""]
                for i in detail.interventions
            ],
        )
        for widget in (self.journal_add, self.intervention_add, self.close_button, self.route_save):
            widget.setEnabled(is_open and widget is not self.journal_add)
        self.journal_add.setEnabled(is_open and bool(self.journal_text.toPlainText().strip()))
        reports_hours = sum((r.hours_absent or 0) for r in detail.reports)
        if reports_hours and not self.hours_absent.value():
            self.hours_absent.setValue(reports_hours)
        self.tabs.setTabText(0, self.tr("&Journaal ({n})").format(n=len(detail.journal)))
        self._check_halt()
        self._validate_close()

    # -- actions ----------------------------------------------------------------------------------

    def make_letter(self):
        from desktop.views.letter_dialog import LetterDialog

        self.letter_dialog = LetterDialog(self.ctx, self.case_id, self)
        self.letter_dialog.open()
        return self.letter_dialog

    def _write(self, op: CollectionOp, error_target: QLabel | None = None, done=None) -> None:
        """One write in the background; a rule the change breaks is shown in Dutch and nothing is saved.
        ``done`` runs once it is stored, after the case is read again."""

        def saved(_result) -> None:
            def shown() -> None:
                if done is not None:
                    done()
                self.saved.emit()

            # No second change starts until the case is shown as the write left it.
            self._release_on_load = True
            self.load(then=shown)

        def refused(exc: VangnetError) -> None:
            self._set_busy(False)
            if error_target is not None:
                error_target.setText(str(exc))
            else:
                show_error(self, exc, self.tr("Vangnet"))

        self._set_busy(True)
        op.success(saved).failure(refused).fault(lambda _exc: self._set_busy(False)).run_in_background()

    def _set_busy(self, busy: bool) -> None:
        """While a write runs, no second change starts from the old state (a double click moves one phase)."""
        if busy == self.busy:
            return
        self.busy = busy
        buttons = (
            self.previous_button, self.next_button, self.route_save, self.journal_add, self.intervention_add,
            self.close_button,
        )
        if busy:
            self._enabled_before = {button: button.isEnabled() for button in buttons}
        for button in buttons:
            button.setEnabled(False if busy else self._enabled_before.get(button, button.isEnabled()))

    def move_phase(self, step: int) -> None:
        if self.detail is None:
            return
        index = MAS_PHASES.index(self.detail.case.phase) + step
        if 0 <= index < len(MAS_PHASES) and not self.busy:
            self._write(cases.set_phase(self.ctx, self.case_id, MAS_PHASES[index], parent=self))

    def route_problem(self) -> str:
        if self.detail is None:
            return ""
        route = self.route.currentData()
        if route is None:
            return self.tr("Kies een route.")
        if route_needs_motivation(self.detail.case.kind, route) and not self.route_motivation.toPlainText().strip():
            usual = USUAL_ROUTE[self.detail.case.kind].label
            return self.tr("Deze route wijkt af van de gebruikelijke route ({usual}): geef een motivering.").format(
                usual=usual
            )
        return ""

    def _validate_route(self) -> None:
        problem = self.route_problem()
        self.route_error.setText(problem)
        is_open = self.detail is not None and self.detail.case.status == CaseStatus.OPEN
        self.route_save.setEnabled(is_open and not problem)

    def save_route(self) -> None:
        if self.route_problem() or self.busy:
            return
        route = self.route.currentData()
        motivation = self.route_motivation.toPlainText()
        self._write(cases.set_route(self.ctx, self.case_id, route, motivation, parent=self), self.route_error)

    def add_journal(self) -> None:
        text = self.journal_text.toPlainText().strip()
        if not text or self.detail is None or self.detail.case.status != CaseStatus.OPEN or self.busy:
            return
        kind = self.journal_kind.currentData()
        contact = self.journal_with.text()
        person_id = self.detail.case.person_id
        self._write(
            cases.add_journal_entry(self.ctx, self.case_id, person_id, kind, text, contact, parent=self),
            done=self.journal_text.clear,
        )
        self.journal_with.clear()

    def add_appointment(self) -> None:
        if self.detail is None or self.busy:
            return
        when = self.appointment_when.dateTime().toPython()
        starts_at = (
            when.astimezone(dt.UTC) if when.tzinfo else when.replace(tzinfo=dt.datetime.now().astimezone().tzinfo)
        )
        kind = self.appointment_kind.currentData()
        place, purpose = self.appointment_place.text(), self.appointment_purpose.text()
        deadline = self.appointment_deadline.isChecked()
        self._write(
            cases.add_appointment(self.ctx, self.case_id, starts_at, kind, place, purpose, deadline, parent=self)
        )
        self.appointment_place.clear()
        self.appointment_purpose.clear()

    def _check_halt(self) -> None:
        if self.detail is None:
            return
        kind = self.intervention_kind.currentData()
        is_halt = kind == InterventionKind.HALT.value
        is_report = kind == InterventionKind.OFFICIAL_REPORT.value
        for widget in (self.consent_pupil, self.consent_parents):
            self.intervention_form.setRowVisible(widget, is_halt)
        for widget in (self.suspect, self.copy_to_council):
            self.intervention_form.setRowVisible(widget, is_report)
        is_open = self.detail.case.status == CaseStatus.OPEN
        if not is_halt:
            self.halt_check.clear()
            problem = ""
            if is_report:
                suspect = self.suspect.currentData()
                on = to_date(self.intervention_date.date())
                if suspect is None:
                    problem = self.tr("Kies tegen wie het proces-verbaal is.")
                elif suspect != ReportSuspect.PARENTS.value and age_on(self.detail.person.birth_date, on) < 12:
                    problem = self.tr("Een proces-verbaal tegen de jongere kan pas vanaf 12 jaar.")
            self.intervention_error.setText(problem)
            self.intervention_add.setEnabled(is_open and not problem)
            return
        person = self.detail.person
        on = to_date(self.intervention_date.date())
        eligible = halt_eligible(
            person.birth_date,
            on,
            self.hours_absent.value(),
            self.times_late.value(),
            self.detail.earlier_halt_for_absence,
        )
        age = age_on(person.birth_date, on)
        if eligible:
            self.halt_check.setStyleSheet("color: #1b5e20;")
            self.halt_check.setText(self.tr("Voldoet aan de criteria van Halt ({age} jaar).").format(age=age))
        else:
            self.halt_check.setStyleSheet("color: #b00020;")
            reasons = []
            if self.detail.earlier_halt_for_absence:
                reasons.append(self.tr("al eerder naar Halt verwezen voor verzuim"))
            if not 12 <= age < 18:
                reasons.append(self.tr("leeftijd {age} jaar (12 tot 18)").format(age=age))
            hours, late = self.hours_absent.value(), self.times_late.value()
            if hours < 9 and late < 12:
                reasons.append(self.tr("minder dan 9 uur verzuim en minder dan 12 keer te laat"))
            if hours > 60 or late > 60:
                reasons.append(self.tr("meer dan 60 uur of 60 keer te laat"))
            self.halt_check.setText(self.tr("Halt is niet mogelijk: {reasons}.").format(reasons="; ".join(reasons)))
        problem = ""
        if eligible and not self.consent_pupil.isChecked():
            problem = self.tr("Vraag de toestemming van de jongere.")
        elif eligible and age < 16 and not self.consent_parents.isChecked():
            problem = self.tr("Onder de 16 jaar is ook de toestemming van de ouders nodig.")
        self.intervention_error.setText(problem)
        self.intervention_add.setEnabled(self.detail.case.status == CaseStatus.OPEN and eligible and not problem)

    def add_intervention(self) -> None:
        if self.detail is None or self.busy:
            return
        kind = self.intervention_kind.currentData()
        on = to_date(self.intervention_date.date())
        values = {
            "hours_absent": self.hours_absent.value() or None,
            "times_late": self.times_late.value() or None,
            "consent_pupil": self.consent_pupil.isChecked() if kind == InterventionKind.HALT.value else None,
            "consent_parents": self.consent_parents.isChecked() if kind == InterventionKind.HALT.value else None,
            "referred_to": self.referred_to.text(),
            "notes": self.intervention_notes.text(),
            "suspect": self.suspect.currentData() if kind == InterventionKind.OFFICIAL_REPORT.value else None,
            "copy_to_child_protection": self.copy_to_council.isChecked(),
        }

        def added() -> None:
            self.referred_to.clear()
            self.intervention_notes.clear()

        write = cases.add_intervention(self.ctx, self.case_id, kind, on, values, parent=self)
        self._write(write, self.intervention_error, added)

    def close_problem(self) -> str:
        if self.detail is None:
            return ""
        if self.detail.case.status == CaseStatus.CLOSED:
            return self.tr("Deze zaak is gesloten.")
        if self.close_reason.currentData() is None:
            return self.tr("Kies de reden van sluiten.")
        if self.detail.reports and self.duo_reason.currentData() is None:
            return self.tr("Kies de reden voor DUO: de meldingen van deze zaak worden afgesloten.")
        if to_date(self.close_date.date()) < self.detail.case.opened_on:
            return self.tr("De sluitdatum ligt vóór de openingsdatum.")
        return ""

    def _validate_close(self) -> None:
        problem = self.close_problem()
        self.close_error.setText(problem)
        self.close_button.setEnabled(not problem)

    def close_this_case(self) -> None:
        if self.close_problem() or self.busy:
            return
        reason = self.close_reason.currentData()
        duo = self.duo_reason.currentData()
        on = to_date(self.close_date.date())
        explanation = self.close_explanation.toPlainText()
        self._write(cases.close(self.ctx, self.case_id, reason, on, duo, explanation, parent=self), self.close_error)

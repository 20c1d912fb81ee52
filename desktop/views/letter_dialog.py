"""'Brief maken…' from a case: choose the kind and the addressees, see page 1, save or print."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTime, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.context import Appointment
from desktop.documents.from_database import LetterJob, LetterOptions, ReportOptions
from desktop.documents.letters import LETTER_KINDS
from desktop.documents.official_reports import REPORT_KINDS
from desktop.errors import VangnetError
from desktop.models.legal_acts import ActCheck
from desktop.operations import documents
from desktop.operations.context import AppContext
from desktop.views.common import DUTCH, date_edit, error_label, to_date, to_qdate
from desktop.views.document_common import PagePreview, document_store, layout_settings, render_preview


def safe_file_name(text: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in text)
    return keep.strip("-") or "brief"


class LetterDialog(QDialog):
    """Make a letter or report for one case. ``saved`` fires with the made documents (register entries)."""

    saved = Signal(list)
    preview_shown = Signal()
    #: The dialog has read the case: which kinds the law allows, the planned conversation, the signed-in user.
    ready = Signal()
    #: The letters or report of the chosen kind were built (or refused, with the reason in ``error``).
    built = Signal()

    def __init__(self, ctx: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.store = document_store(ctx)
        self.settings = layout_settings(self.store)
        self.jobs: list[LetterJob] = []
        self.report_context: Any = None
        self.busy = False
        self.loading = True
        self.building = False
        self.user_id: str | None = None
        self.checks: dict[str, ActCheck] = {}
        self._preview_token = 0
        self._build_token = 0
        # Replaced in tests: where to save, and how to open a saved file for printing.
        self.choose_path: Callable[[str], str] = self._ask_path
        self.open_file: Callable[[Path], None] = lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.setWindowTitle(self.tr("Brief maken"))

        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Soort brief"))
        for key, letter in LETTER_KINDS.items():
            self.kind.addItem(letter.title, key)
        self.kind.insertSeparator(self.kind.count())
        for key, report in REPORT_KINDS.items():
            self.kind.addItem(report.title, key)
        self.letter_date = date_edit(ctx.today(), self.tr("Datum van de brief"))
        # The kinds the law or the mandate does not allow for this case, each with the rule and its article.
        self.refusals = QLabel()
        self.refusals.setWordWrap(True)
        self.refusals.setAccessibleName(self.tr("Niet mogelijk voor deze zaak"))
        self.refusals.setStyleSheet("color: #5f6368;")

        # Uitnodiging gesprek: the conversation (from the case's next appointment when there is one).
        self.when = QDateTimeEdit()
        self.when.setLocale(DUTCH)
        self.when.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setAccessibleName(self.tr("Datum en tijd van het gesprek"))
        self.place = QLineEdit()
        self.place.setAccessibleName(self.tr("Plaats van het gesprek"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reden van het gesprek"))
        self.reason.setPlaceholderText(self.tr("standaard: het schoolverzuim bespreken"))
        conversation = QFormLayout()
        conversation.addRow(self.tr("Wanneer:"), self.when)
        conversation.addRow(self.tr("Waar:"), self.place)
        conversation.addRow(self.tr("Waarom:"), self.reason)
        self.conversation_box = QGroupBox(self.tr("Gesprek"))
        self.conversation_box.setLayout(conversation)

        # Official reports: the consultant's own text (the verbalisant's boa number is kept on the user).
        self.facts = QPlainTextEdit()
        self.facts.setAccessibleName(self.tr("Feiten"))
        self.facts.setMaximumHeight(70)
        self.facts.setTabChangesFocus(True)
        self.advice = QLineEdit()
        self.advice.setAccessibleName(self.tr("Advies over de afdoening"))
        report_form = QFormLayout()
        report_form.addRow(self.tr("Feiten:"), self.facts)
        report_form.addRow(self.tr("Advies:"), self.advice)
        self.report_box = QGroupBox(self.tr("Rapport"))
        self.report_box.setLayout(report_form)

        self.extra_text = QPlainTextEdit()
        self.extra_text.setAccessibleName(self.tr("Aanvullende tekst"))
        self.extra_text.setPlaceholderText(self.tr("Optioneel: een eigen alinea in de brief"))
        self.extra_text.setMaximumHeight(70)
        self.extra_text.setTabChangesFocus(True)

        self.addressees = QListWidget()
        self.addressees.setAccessibleName(self.tr("Geadresseerden"))
        self.addressees.setMaximumHeight(90)
        self.error = error_label()
        self.status = QLabel()
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Soort:"), self.kind)
        form.addRow(self.tr("&Datum:"), self.letter_date)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.refusals)
        left.addWidget(self.conversation_box)
        left.addWidget(self.report_box)
        left.addWidget(QLabel(self.tr("Aan (volgens de wet; één brief per adres):")))
        left.addWidget(self.addressees)
        left.addWidget(QLabel(self.tr("Aanvullende tekst:")))
        left.addWidget(self.extra_text)
        left.addWidget(self.error)
        left.addWidget(self.status)
        left.addStretch(1)

        self.preview = PagePreview()
        self.save_button = QPushButton(self.tr("&Opslaan als PDF…"))
        self.save_button.clicked.connect(lambda: self.save(open_after=False))
        self.print_button = QPushButton(self.tr("Opslaan en &afdrukken…"))
        self.print_button.setToolTip(self.tr("Slaat de PDF op en opent hem om af te drukken"))
        self.print_button.clicked.connect(lambda: self.save(open_after=True))
        close = QPushButton(self.tr("Sluiten"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)

        columns = QHBoxLayout()
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setMinimumWidth(380)
        left_widget.setMaximumWidth(470)
        columns.addWidget(left_widget)
        columns.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        self.resize(1020, 700)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for signal in (self.letter_date.dateChanged, self.when.dateTimeChanged, self.place.textChanged,
                       self.reason.textChanged, self.extra_text.textChanged,
                       self.facts.textChanged, self.advice.textChanged):
            signal.connect(self._timer.start)
        self.addressees.itemChanged.connect(lambda _item: self._timer.start())
        self._kind_changed()
        self._start()

    # -- state ------------------------------------------------------------------------------------

    @property
    def current_kind(self) -> str:
        return self.kind.currentData() or ""

    @property
    def is_report(self) -> bool:
        return self.current_kind in REPORT_KINDS

    def set_kind(self, key: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(key))

    def _start(self) -> None:
        """Read the case in the background: the kinds the law allows, the planned conversation and the user."""
        if not self.ctx.is_open:
            return
        self.kind.setEnabled(False)
        self.status.setText(self.tr("Zaak lezen…"))
        self.preview.show_message(self.tr("Zaak lezen…"))
        kinds = [key for key in (self.kind.itemData(i) for i in range(self.kind.count())) if key]

        def refused(exc: VangnetError) -> None:
            self.loading = False
            self.status.clear()
            self.error.setText(str(exc))
            self.preview.show_message(self.tr("Geen voorbeeld: {reason}").format(reason=str(exc)))
            self.ready.emit()

        def failed(_exc: BaseException) -> None:
            refused(VangnetError(self.tr("De zaak kon niet worden gelezen.")))

        documents.letter_dialog_start(self.ctx, self.case_id, kinds, self.ctx.today(), parent=self).success(
            self._started
        ).failure(refused).fault(failed).run_in_background()

    def _started(self, start: documents.LetterDialogStart) -> None:
        self.user_id = start.user_id
        self.checks = start.checks
        self._fill_conversation(start.planned)
        self._apply_checks()
        self.loading = False
        self.status.clear()
        self.kind.setEnabled(True)
        self.ready.emit()
        self._kind_changed()

    def _apply_checks(self) -> None:
        """Refused kinds are disabled, with the reason as their tooltip and listed under the choice."""
        model = self.kind.model()
        lines = []
        self.kind.blockSignals(True)
        for index in range(self.kind.count()):
            check = self.checks.get(self.kind.itemData(index) or "")
            if check is None or check.allowed:
                continue
            item = model.item(index) if isinstance(model, QStandardItemModel) else None
            if item is not None:
                item.setEnabled(False)
            self.kind.setItemData(index, check.reason, Qt.ItemDataRole.ToolTipRole)
            lines.append(f"{self.kind.itemText(index)}: {check.reason}")
        current = self.checks.get(self.current_kind)
        if current is not None and not current.allowed:
            first = next((i for i in range(self.kind.count()) if (c := self.checks.get(self.kind.itemData(i) or ""))
                          is not None and c.allowed), -1)
            if first >= 0:
                self.kind.setCurrentIndex(first)
        self.kind.blockSignals(False)
        if lines:
            self.refusals.setText(self.tr("Niet mogelijk voor deze zaak:") + "\n" + "\n".join(lines))
        else:
            self.refusals.clear()

    def refusal_of(self, key: str) -> str:
        """Why the kind ``key`` is disabled (its tooltip), or '' when it is allowed."""
        check = self.checks.get(key)
        return check.reason if check is not None and not check.allowed else ""

    def _fill_conversation(self, planned: Appointment | None) -> None:
        if planned is not None and planned.date is not None:
            when = planned.time or dt.time(9, 0)
            self.when.setDateTime(QDateTime(to_qdate(planned.date), QTime(when.hour, when.minute)))
            self.place.setText(planned.place)
            self.reason.setText(planned.reason)
        else:
            tomorrow = self.ctx.today() + dt.timedelta(days=7)
            self.when.setDateTime(QDateTime(to_qdate(tomorrow), QTime(10, 0)))

    def _kind_changed(self) -> None:
        self.conversation_box.setVisible(self.current_kind == "uitnodiging_gesprek")
        self.report_box.setVisible(self.is_report)
        self.addressees.clear()
        self.refresh()

    def _options(self) -> LetterOptions:
        chosen = None
        if self.addressees.count():
            chosen = [
                self.addressees.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.addressees.count())
                if self.addressees.item(i).checkState() == Qt.CheckState.Checked
            ]
        appointment = None
        if self.current_kind == "uitnodiging_gesprek":
            moment = self.when.dateTime().toPython()
            appointment = Appointment(date=moment.date(), time=moment.time().replace(second=0, microsecond=0),
                                      place=self.place.text().strip(), reason=self.reason.text().strip())
        return LetterOptions(letter_date=to_date(self.letter_date.date()),
                             extra_text=self.extra_text.toPlainText().strip(), appointment=appointment,
                             addressee_descriptions=chosen)

    def _report_options(self) -> ReportOptions:
        return ReportOptions(report_date=to_date(self.letter_date.date()),
                             facts=self.facts.toPlainText().strip(), advice=self.advice.text().strip(),
                             additions=self.extra_text.toPlainText().strip())

    def refresh(self) -> None:
        """Build the letters from the database in the background, then draw page 1 (also in the background)."""
        if self.loading or not self.ctx.is_open or not self.current_kind:
            return
        self.error.clear()
        self.jobs, self.report_context = [], None
        kind = self.current_kind
        self._build_token += 1
        token = self._build_token
        reason = self.refusal_of(kind)
        if reason:
            self._preview_token += 1  # a preview still on its way is out of date
            self.error.setText(reason)
            self.preview.show_message(self.tr("Geen voorbeeld: {reason}").format(reason=reason))
            self.building = False
            self._update_buttons()
            self.built.emit()
            return
        self.building = True
        self._update_buttons()
        self.preview.show_message(self.tr("Brief samenstellen…"))
        first = not self.is_report and self.addressees.count() == 0

        def done(result: Any) -> None:
            if token != self._build_token:
                return
            self.building = False
            if self.is_report:
                self.report_context = result
            else:
                self.jobs = result
                if first:
                    self._fill_addressees(self.jobs)
            self._update_buttons()
            self.built.emit()
            self._start_preview()

        def refused(exc: VangnetError) -> None:
            if token != self._build_token:
                return
            self.building = False
            self._preview_token += 1
            self.error.setText(str(exc))
            self.preview.show_message(self.tr("Geen voorbeeld: {reason}").format(reason=str(exc)))
            self._update_buttons()
            self.built.emit()

        def failed(_exc: BaseException) -> None:
            refused(VangnetError(self.tr("De brief kon niet worden samengesteld.")))

        if self.is_report:
            op: Any = documents.build_report(self.ctx, kind, self.case_id, self._report_options(), self.user_id,
                                             self.ctx.today(), parent=self)
        else:
            # First build for this kind: every lawful addressee, then let the user untick.
            options = dataclasses.replace(self._options(), addressee_descriptions=None) if first else self._options()
            op = documents.build_letters(self.ctx, kind, self.case_id, options, self.user_id, self.store, parent=self)
        op.success(done).failure(refused).fault(failed).run_in_background()

    def _fill_addressees(self, jobs: list[LetterJob]) -> None:
        self.addressees.blockSignals(True)
        self.addressees.clear()
        for job in jobs:
            address = job.context.addressee.address
            text = f"{job.context.addressee.name} — {address.street}, {address.postal_code} {address.city}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, job.context.addressee.description)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.addressees.addItem(item)
        self.addressees.blockSignals(False)

    def _update_buttons(self) -> None:
        ready = (bool(self.jobs) or self.report_context is not None) and not self.busy and not self.building
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    def _start_preview(self) -> None:
        if self.report_context is not None:
            kind, context, report = self.current_kind, self.report_context, True
        else:
            kind, context, report = self.jobs[0].kind, self.jobs[0].context, False
        settings, store = self.settings, self.store
        self.preview.show_message(self.tr("Voorbeeld maken…"))
        # Only the newest request may show: an older one can finish later.
        self._preview_token += 1
        token = self._preview_token

        def done(result: tuple[str, Any]) -> None:
            if token != self._preview_token:
                return
            self.preview.show_result(result)
            self.preview_shown.emit()

        def refused(exc: VangnetError) -> None:
            if token != self._preview_token:
                return
            self.preview.show_message(self.tr("Geen voorbeeld: {reason}").format(reason=str(exc)))
            self.error.setText(str(exc))
            self.preview_shown.emit()

        def failed(_exc: BaseException) -> None:
            if token != self._preview_token:
                return
            self.preview.show_message(self.tr("Geen voorbeeld."))
            self.preview_shown.emit()

        documents.preview(lambda: render_preview(kind, context, settings, store, report), parent=self).success(
            done
        ).failure(refused).fault(failed).run_in_background()

    # -- saving -----------------------------------------------------------------------------------

    def _ask_path(self, suggestion: str) -> str:
        folder = Path.home() / suggestion
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Brief opslaan"), str(folder),
                                                    self.tr("PDF-bestanden (*.pdf)"))
        return path

    def save(self, open_after: bool = False) -> None:
        if self.busy or (not self.jobs and self.report_context is None):
            return
        number = self.jobs[0].context.case_number if self.jobs else self.report_context.case_number
        path_text = self.choose_path(f"{safe_file_name(self.current_kind)}-{safe_file_name(number)}.pdf")
        if not path_text:
            return
        path = Path(path_text)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        store, settings = self.store, self.settings
        user_id = self.user_id
        if self.is_report:
            write = documents.save_report(self.ctx, self.current_kind, self.case_id, path, self._report_options(),
                                          settings, store, user_id, self.ctx.today(), parent=self)
        else:
            write = documents.save_letters(self.ctx, list(self.jobs), path, settings, store, user_id, parent=self)

        def done(made: list) -> None:
            self.busy = False
            self._update_buttons()
            self.status.setText(self.tr("Opgeslagen in {path}: {n} document(en), vastgelegd in het "
                                        "documentenregister.").format(path=str(path), n=len(made)))
            self.saved.emit(made)
            if open_after:
                self.open_file(path)

        def refused(exc: VangnetError) -> None:
            failed(exc)
            self.error.setText(self.tr("Niet opgeslagen: {reason}").format(reason=str(exc)))

        def failed(_exc: BaseException) -> None:
            self.busy = False
            self._update_buttons()

        self.busy = True
        self._update_buttons()
        self.status.setText(self.tr("Bezig met opslaan…"))
        write.success(done).failure(refused).fault(failed).run_in_background()


"""Base of the registration forms: a person picker, validation as you type and one write in the background."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import VangnetError
from desktop.models.law import is_valid_bsn
from desktop.models.registry import Person
from desktop.models.search import SearchResult
from desktop.operations import CollectionOp, QueryOp, persons
from desktop.operations.context import AppContext
from desktop.views.common import ERROR_STYLE, Validation, error_label

log = logging.getLogger(__name__)
REMINDER_STYLE = "color: #5f6b73;"


class PersonPicker(QWidget):
    """Find a leerling by name, BSN or onderwijsnummer; a typed BSN is checked with the 11-proef.

    The search runs in the background; ``person`` is the chosen leerling (read once in the background when
    chosen, ``loading`` meanwhile), so that the form's checks need no query as the user types."""

    changed = Signal()
    failed = Signal(str)

    def __init__(self, ctx: AppContext, person_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id: str | None = None
        self.person: Person | None = None
        self.loading = False
        self._generation = 0
        self._reading = 0
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Naam, BSN of onderwijsnummer"))
        self.query.setAccessibleName(self.tr("Leerling zoeken"))
        self.choices = QComboBox()
        self.choices.setAccessibleName(self.tr("Gevonden leerlingen"))
        self.choices.setMinimumContentsLength(28)
        self.choices.currentIndexChanged.connect(self._chosen)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #555555;")
        self.hint.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.search)
        self.query.textEdited.connect(lambda _t: self._timer.start())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The search field is wide enough for its hint ('Naam, BSN of onderwijsnummer').
        self.query.setMinimumWidth(self.query.fontMetrics().horizontalAdvance(self.query.placeholderText()) + 24)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.choices, 1)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        if person_id:
            self.set_person(person_id)
        else:
            self.choices.addItem(self.tr("(zoek eerst)"), None)

    def set_person(self, person_id: str) -> None:
        self.choices.blockSignals(True)
        self.choices.clear()
        self.choices.addItem(self.tr("Bezig met laden…"), None)
        self.choices.blockSignals(False)
        self._read_person(person_id, self._person_set)

    def _person_set(self, person: Person | None) -> None:
        if person is None:
            self.choices.setItemText(0, self.tr("(zoek eerst)"))
            self.changed.emit()
            return
        self.choices.blockSignals(True)
        self.choices.clear()
        self.choices.addItem(f"{person.full_name} ({person.birth_date.strftime('%d-%m-%Y')})", person.id)
        self.choices.blockSignals(False)
        self.person, self.person_id = person, person.id
        self.changed.emit()

    def _read_person(self, person_id: str, then: Callable[[Person | None], None]) -> None:
        """Read the chosen leerling in the background; an answer overtaken by another choice is dropped."""
        self._reading += 1
        reading = self._reading
        self.loading = True
        self.choices.setEnabled(False)

        def arrived(person: Person | None) -> None:
            if reading != self._reading:
                return
            self.loading = False
            self.choices.setEnabled(True)
            then(person)

        def refused(exc: VangnetError) -> None:
            if reading != self._reading:
                return
            self.loading = False
            self.choices.setEnabled(True)
            self.failed.emit(str(exc))

        persons.person(self.ctx, person_id, parent=self).success(arrived).failure(refused).fault(
            lambda _exc: refused(VangnetError(""))
        ).run_in_background()
        self.changed.emit()

    def search(self) -> None:
        self._timer.stop()
        text = self.query.text().strip()
        digits = text.replace(" ", "").replace(".", "")
        self.hint.setStyleSheet("color: #555555;")
        self.hint.clear()
        if digits.isdigit() and len(digits) >= 8 and not is_valid_bsn(digits):
            self.hint.setStyleSheet("color: #b00020;")
            self.hint.setText(self.tr("Dit BSN is ongeldig: het voldoet niet aan de 11-proef."))
        self.hint.setVisible(bool(self.hint.text()))
        self._generation += 1
        generation = self._generation
        if len(text) < 2:
            self._show_results(generation, text, [])
            return
        persons.find_persons(self.ctx, text, parent=self).success(
            lambda results: self._show_results(generation, text, results)
        ).run_in_background()

    def _show_results(self, generation: int, text: str, results: list[SearchResult]) -> None:
        if generation != self._generation:
            return  # the user typed on meanwhile
        self.choices.blockSignals(True)
        self.choices.clear()
        if not results:
            self.choices.addItem(self.tr("(geen leerling gevonden)") if text else self.tr("(zoek eerst)"), None)
        for result in results:
            self.choices.addItem(f"{result.title} ({result.subtitle})", result.id)
        self.choices.blockSignals(False)
        self._chosen()

    def _chosen(self) -> None:
        person_id = self.choices.currentData()
        if person_id and (person_id != self.person_id or self.person is None):
            self.person, self.person_id = None, None
            self._read_person(person_id, self._person_read)
            return
        if not person_id:
            self._reading += 1  # a read still under way no longer counts
            self.loading = False
            self.choices.setEnabled(True)
            self.person, self.person_id = None, None
        self.changed.emit()

    def _person_read(self, person: Person | None) -> None:
        self.person = person
        self.person_id = person.id if person is not None else None
        self.changed.emit()


class RegisterDialog(QDialog):
    """Subclasses add fields to ``self.form``, implement :meth:`validate` and :meth:`save_operation`.

    What a form needs to offer its choices and make its checks (schools, users, the school calendar) is read
    once in the background as it opens (:meth:`load`); until it is there the form says 'Bezig met laden…' and
    cannot be saved. Saving runs in the background; the dialog closes (accepted, ``saved_id`` set) once the
    record is stored."""

    title_text = "Registreren"

    def __init__(self, ctx: AppContext, person_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr(self.title_text))
        self.saved_id: str | None = None
        self._loads = 0
        self._load_error = ""
        self.picker = PersonPicker(ctx, person_id)
        self.picker.changed.connect(self.revalidate)
        self.picker.failed.connect(self._load_failed)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("&Leerling:"), self.picker)
        self.problems = error_label()
        self.problems.setMinimumHeight(36)
        self.problems.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

    def finish_setup(self) -> None:
        """Called by subclasses after adding their fields: connect every field to the live check."""
        for child in self.findChildren(QWidget):
            for signal_name in ("textChanged", "dateChanged", "currentIndexChanged", "valueChanged", "toggled"):
                signal = getattr(child, signal_name, None)
                if signal is not None and hasattr(signal, "connect") and child is not self.picker.query:
                    with contextlib.suppress(RuntimeError, TypeError):
                        signal.connect(self._edited)
        self.picker.query.textChanged.connect(self._mark_edited)
        self.revalidate()
        if self.picker.person_id is None:
            self.picker.query.setFocus()

    def load(self, op: QueryOp[Any], fill: Callable[[Any], None]) -> None:
        """Read what the form needs in the background; ``fill`` puts it in place on the GUI thread."""
        self._loads += 1

        def arrived(result: Any) -> None:
            self._loads -= 1
            fill(result)
            self.revalidate()

        def refused(exc: VangnetError) -> None:
            self._loads -= 1
            self._load_failed(str(exc))

        op.success(arrived).failure(refused).fault(lambda _exc: refused(VangnetError(""))).run_in_background()

    @property
    def loading(self) -> bool:
        """Whether the form still waits for what it reads in the background."""
        return self._loads > 0 or self.picker.loading

    def _load_failed(self, message: str) -> None:
        self._load_error = message or self.tr("Gegevens voor dit formulier konden niet worden gelezen.")
        self.revalidate()

    def validate(self) -> Validation:
        check = Validation()
        check.require("loaded", not self._load_error, self._load_error)
        check.require("loading", not self.loading, self.tr("Bezig met laden…"))
        check.require("person", self.picker.person_id is not None or self.picker.loading, self.tr("Kies een leerling."))
        return check

    # Until the user changes something, what is still missing is a calm reminder, not an error in red.
    _edited_once = False

    def _mark_edited(self, *_args) -> None:
        if not self._edited_once:
            self._edited_once = True
            self.problems.setStyleSheet(ERROR_STYLE)

    def _edited(self, *_args) -> None:
        self._mark_edited()
        self.revalidate()

    def revalidate(self) -> Validation:
        check = self.validate()
        self.problems.setText("\n".join(check.problems.values()))
        if not self._edited_once:
            self.problems.setStyleSheet(REMINDER_STYLE)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(check.ok)
        return check

    def save_operation(self) -> CollectionOp[str]:
        """The write of what the form holds (its values read here, on the GUI thread); its result is the new id."""
        raise NotImplementedError

    @property
    def saving(self) -> bool:
        return self._saving

    _saving = False

    def submit(self) -> None:
        self._mark_edited()
        if self._saving or not self.revalidate().ok:
            return
        self._set_saving(True)
        self.save_operation().success(self._saved).failure(self._refused).fault(
            lambda _exc: self._set_saving(False)
        ).run_in_background()

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not saving)
        if not saving:
            self.revalidate()

    def _saved(self, record_id: str) -> None:
        self._saving = False
        self.saved_id = record_id
        self.accept()

    def _refused(self, exc: VangnetError) -> None:
        self._set_saving(False)
        self.problems.setText(str(exc))

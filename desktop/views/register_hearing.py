"""Recording the verhoor of a suspect: the case, who was heard, when and where, the caution and rights given,
and the statement or the silence. A proces-verbaal quotes this record and nothing else."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import VangnetError
from desktop.operations import hearings
from desktop.operations.context import AppContext
from desktop.views.common import DUTCH, error_label, to_qdate
from desktop.views.document_common import user_id_of


class HearingDialog(QDialog):
    """Verhoor vastleggen. ``saved_id`` holds the new hearing's id once it is stored."""

    def __init__(self, ctx: AppContext, case_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case: hearings.HearingCase | None = None
        self.saved_id: str | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Verhoor vastleggen"))

        self.case_number = QLineEdit()
        self.case_number.setAccessibleName(self.tr("Zaaknummer"))
        self.case_number.setPlaceholderText(self.tr("bijvoorbeeld 2025-000123"))
        self.find_button = QPushButton(self.tr("Zaak &zoeken"))
        self.find_button.clicked.connect(self.find)
        self.case_number.returnPressed.connect(self.find)
        case_row = QHBoxLayout()
        case_row.addWidget(self.case_number, 1)
        case_row.addWidget(self.find_button)
        self.case_label = QLabel()

        self.suspect = QComboBox()
        self.suspect.setAccessibleName(self.tr("Verdachte"))
        # Who the suspect is, as established at the hearing (Sv art. 27a lid 1).
        self.given_names = QLineEdit()
        self.given_names.setAccessibleName(self.tr("Voornamen voluit"))
        self.birth_date = QLineEdit()
        self.birth_date.setAccessibleName(self.tr("Geboortedatum van de verdachte"))
        self.birth_date.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.birth_place = QLineEdit()
        self.birth_place.setAccessibleName(self.tr("Geboorteplaats"))
        self.held_at = QDateTimeEdit()
        self.held_at.setLocale(DUTCH)
        self.held_at.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.held_at.setCalendarPopup(True)
        self.held_at.setAccessibleName(self.tr("Datum en tijd van het verhoor"))
        self.held_at.setDateTime(QDateTime(to_qdate(ctx.today()), QTime(10, 0)))
        self.place = QLineEdit()
        self.place.setAccessibleName(self.tr("Plaats van het verhoor"))
        self.appeared = QCheckBox(self.tr("De verdachte is verschenen"))
        self.appeared.setChecked(True)
        self.caution = QCheckBox(self.tr("Cautie gegeven: niet verplicht tot antwoorden (Sv art. 29 lid 2)"))
        self.legal_aid = QCheckBox(self.tr("Gewezen op het recht op een advocaat (Sv art. 27c lid 2, art. 28)"))
        self.minor_rights = QCheckBox(
            self.tr("Gewezen op begeleiding door ouder of vertrouwenspersoon (Sv art. 488ab)")
        )
        self.minor_rights.setToolTip(self.tr("Voor wie bij het verhoor of ten tijde van het feit minderjarig was "
                                             "(Sv art. 488 en 488ab)"))
        self.accompanied_by = QLineEdit()
        self.accompanied_by.setAccessibleName(self.tr("Begeleid door"))
        self.lawyer = QLineEdit()
        self.lawyer.setAccessibleName(self.tr("Advocaat aanwezig"))
        self.interpreter = QLineEdit()
        self.interpreter.setAccessibleName(self.tr("Tolk"))
        self.silent = QCheckBox(self.tr("De verdachte beroept zich op het zwijgrecht"))
        self.statement = QPlainTextEdit()
        self.statement.setAccessibleName(self.tr("Verklaring van de verdachte"))
        self.statement.setPlaceholderText(self.tr("De verklaring in de woorden van de verdachte"))
        self.statement.setTabChangesFocus(True)

        form = QFormLayout()
        case_label = QLabel(self.tr("&Zaak:"))
        case_label.setBuddy(self.case_number)
        form.addRow(case_label, case_row)
        form.addRow("", self.case_label)
        form.addRow(self.tr("&Verdachte:"), self.suspect)
        form.addRow(self.tr("Voor&namen (voluit):"), self.given_names)
        form.addRow(self.tr("Geboorte&datum:"), self.birth_date)
        form.addRow(self.tr("Geboorte&plaats:"), self.birth_place)
        form.addRow(self.tr("&Wanneer:"), self.held_at)
        form.addRow(self.tr("&Waar:"), self.place)
        form.addRow("", self.appeared)
        form.addRow("", self.caution)
        form.addRow("", self.legal_aid)
        form.addRow("", self.minor_rights)
        form.addRow(self.tr("&Begeleid door:"), self.accompanied_by)
        form.addRow(self.tr("&Advocaat:"), self.lawyer)
        form.addRow(self.tr("&Tolk:"), self.interpreter)
        form.addRow("", self.silent)
        form.addRow(self.tr("&Verklaring:"), self.statement)
        self.problems = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)

        self.suspect.currentIndexChanged.connect(self._show_identity)
        for signal in (self.suspect.currentIndexChanged, self.held_at.dateTimeChanged, self.place.textChanged,
                       self.given_names.textChanged, self.birth_date.textChanged, self.birth_place.textChanged,
                       self.appeared.toggled, self.silent.toggled, self.statement.textChanged):
            signal.connect(self.revalidate)
        self.revalidate()
        if case_id is not None:
            self._load(hearings.case_by_id(ctx, case_id, parent=self))

    # -- the case -----------------------------------------------------------------------------------

    def find(self) -> None:
        self._load(hearings.find_case(self.ctx, self.case_number.text(), parent=self))

    def _load(self, query: Any) -> None:
        self.problems.clear()
        query.success(self._show_case).failure(lambda exc: self.problems.setText(str(exc))).run_in_background()

    def _show_case(self, case: hearings.HearingCase) -> None:
        self.case = case
        self.case_number.setText(case.case_number)
        self.case_label.setText(self.tr("Leerling: {name}").format(name=case.pupil))
        self.suspect.blockSignals(True)
        self.suspect.clear()
        for suspect in case.suspects:
            self.suspect.addItem(suspect.label, suspect)
        self.suspect.blockSignals(False)
        self._show_identity()
        self.revalidate()

    def _show_identity(self, *_args: Any) -> None:
        """What the file knows of the chosen suspect; the verbalisant completes or corrects it."""
        chosen = self._chosen()
        self.given_names.setText(chosen.given_names if chosen else "")
        self.birth_place.setText(chosen.birth_place if chosen else "")
        born = chosen.birth_date if chosen else None
        self.birth_date.setText(born.strftime("%d-%m-%Y") if born else "")
        # The jongere's date of birth is the register's; a parent's is established here.
        self.birth_date.setReadOnly(chosen is None or chosen.guardian_id is None)

    def _birth_date(self) -> dt.date | None:
        text = self.birth_date.text().strip()
        if not text:
            return None
        try:
            return dt.datetime.strptime(text, "%d-%m-%Y").date()
        except ValueError:
            return None

    # -- checking and saving --------------------------------------------------------------------------

    def _held_at(self) -> dt.datetime:
        moment: dt.datetime = self.held_at.dateTime().toPython()
        return moment.replace(second=0, microsecond=0).astimezone()

    def _chosen(self) -> hearings.HearingSuspect | None:
        data = self.suspect.currentData()
        return data if isinstance(data, hearings.HearingSuspect) else None

    def _minor_rights_apply(self) -> bool:
        """The jongere may have been a minor at the time of the facts (Sv art. 488 lid 2): for the jongere the
        question is always asked; for a parent only when he or she is under 18 at the hearing."""
        chosen = self._chosen()
        return chosen is not None and (chosen.guardian_id is None or chosen.minor_on(self._held_at().date()))

    def revalidate(self, *_args: Any) -> list[str]:
        appeared = self.appeared.isChecked()
        for widget in (self.caution, self.legal_aid, self.accompanied_by, self.lawyer, self.interpreter,
                       self.silent, self.statement):
            widget.setEnabled(appeared)
        minor = self._minor_rights_apply()
        self.minor_rights.setEnabled(appeared and minor)
        if not minor:
            self.minor_rights.setChecked(False)
        self.statement.setEnabled(appeared and not self.silent.isChecked())
        problems = []
        if self.case is None:
            problems.append(self.tr("Zoek eerst de zaak op."))
        if self.birth_date.text().strip() and self._birth_date() is None:
            problems.append(self.tr("Schrijf de geboortedatum als dd-mm-jjjj."))
        if not self.place.text().strip():
            problems.append(self.tr("Vul de plaats van het verhoor in."))
        if self._held_at().date() > self.ctx.today():
            problems.append(self.tr("Een verhoor ligt niet in de toekomst."))
        if appeared and not self.silent.isChecked() and not self.statement.toPlainText().strip():
            problems.append(self.tr("Vul de verklaring in, of kies dat de verdachte zich op het zwijgrecht beroept."))
        if not self._busy:
            self.problems.setText("\n".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems and not self._busy)
        return problems

    def submit(self) -> None:
        if self._busy or self.revalidate() or self.case is None:
            return
        chosen = self._chosen()
        appeared = self.appeared.isChecked()
        minor = self._minor_rights_apply()
        fields = {
            "guardian_id": chosen.guardian_id if chosen else None,
            "held_at": self._held_at(),
            "place": self.place.text().strip(),
            "appeared": appeared,
            "caution_given": self.caution.isChecked(),
            "legal_aid_informed": self.legal_aid.isChecked(),
            "minor_rights_informed": self.minor_rights.isChecked() if minor else None,
            "accompanied_by": self.accompanied_by.text(),
            "lawyer": self.lawyer.text(),
            "interpreter": self.interpreter.text(),
            "remains_silent": self.silent.isChecked(),
            "statement": "" if self.silent.isChecked() else self.statement.toPlainText(),
            "given_names": self.given_names.text(),
            "birth_date": self._birth_date() if chosen is not None and chosen.guardian_id is not None else None,
            "birth_place": self.birth_place.text(),
        }
        self._busy = True
        self.revalidate()
        hearings.save_hearing(self.ctx, self.case.case_id, user_id_of(self.ctx), parent=self, **fields).success(
            self._saved
        ).failure(self._refused).fault(lambda _exc: self._done()).run_in_background()

    def _done(self) -> None:
        self._busy = False
        self.revalidate()

    def _saved(self, hearing_id: str) -> None:
        self._busy = False
        self.saved_id = hearing_id
        self.accept()

    def _refused(self, exc: VangnetError) -> None:
        self._done()
        self.problems.setText(str(exc))


def install(window: Any) -> None:
    """Registreren › Verhoor vastleggen…"""

    def show() -> None:
        HearingDialog(window.ctx, parent=window).exec()

    window.register_action("register_hearing", "register", window.tr("Ver&hoor vastleggen…"), show)

"""'Nieuwe melding beoordelen': the melding with the pupil's earlier meldingen of the schooljaar, and the
MAS choices (open a case, add to the running case, no action with a motivation, forward)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import VangnetError
from desktop.models.assessment import AssessmentChoice, ReportForAssessment
from desktop.models.enums import CaseKind
from desktop.models.law import age_on
from desktop.operations import assessment
from desktop.operations.context import AppContext
from desktop.views.common import Validation, enum_combo, error_label, nl_date, nl_number

#: The table of the records this dialog assesses; the main window's open_record opens them with
#: :func:`open_assessment`.
RECORD_TABLE = "absence_reports"


def _hours_text(hours: float | None) -> str:
    return "" if hours is None else f"{nl_number(hours)} uur"


def _period_text(report: ReportForAssessment) -> str:
    if report.absence_start and report.absence_end:
        days = (report.absence_end - report.absence_start).days + 1
        if days == 1:
            return nl_date(report.absence_start)
        start, end = nl_date(report.absence_start, "short"), nl_date(report.absence_end, "short")
        return f"{start} t/m {end} ({days} dagen)"
    if report.absence_start:
        return f"vanaf {nl_date(report.absence_start)}"
    return "niet opgegeven"


class AssessReportDialog(QDialog):
    """Shows one new melding and saves the consultant's assessment through the domain model."""

    assessed = Signal(str, str)  # report id, case id ('' when no case was opened or chosen)

    def __init__(self, ctx: AppContext, report_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report_id = report_id
        # Read in the background as the dialog opens; the dialog says 'Bezig met laden…' until it is there.
        self.report: ReportForAssessment | None = None
        self.case_id: str | None = None
        self.saving = False
        self.setWindowTitle(self.tr("Nieuwe melding beoordelen"))
        self.setAccessibleName(self.tr("Nieuwe melding beoordelen"))

        self.body = QVBoxLayout()
        self.problems = error_label()
        self.problems.setMinimumHeight(20)
        self.loading_label = QLabel(self.tr("Bezig met laden…"))
        self.body.addWidget(self.loading_label)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body)
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            self.tr("Beoordeling &opslaan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleName(self.tr("Beoordeling opslaan"))
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(940)
        assessment.report(ctx, report_id, parent=self).success(self._show).failure(self._not_read).run_in_background()

    @property
    def loading(self) -> bool:
        return self.report is None

    def _not_read(self, exc: VangnetError) -> None:
        self.loading_label.hide()
        self.problems.setText(str(exc))

    def _show(self, report: ReportForAssessment) -> None:
        self.report = report
        self.loading_label.hide()
        top = QHBoxLayout()
        top.addWidget(self._report_box(), 1)
        top.addWidget(self._earlier_box(), 1)
        self.body.addLayout(top)
        self.body.addWidget(self._choice_box())
        if report.assessed:
            self.problems.setText(self.tr("Deze melding is al beoordeeld."))
            for button in self.choices.buttons():
                button.setEnabled(False)
            self.save_button.setEnabled(False)
        else:
            self._choose_default()
        self.revalidate()
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))

    # -- building ---------------------------------------------------------------------------------

    def _report_box(self) -> QGroupBox:
        report = self.report
        box = QGroupBox(self.tr("Melding"))
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

        def row(label: str, text: str, name: str, wrap: bool = False) -> QLabel:
            value = QLabel(text or "—")
            # Only free text wraps; a wrapped label in a form gets its height before its final width.
            value.setWordWrap(wrap)
            if wrap:
                value.setMinimumWidth(300)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(name)
            form.addRow(label, value)
            return value

        age = age_on(report.birth_date, report.received_on)
        person = self.tr("{name}\n{age} jaar, geboren {born}").format(
            name=report.person_name, age=age, born=nl_date(report.birth_date, "short")
        )
        if report.municipality_name:
            person += self.tr(", gemeente {name}").format(name=report.municipality_name)
        self.person_label = row(self.tr("Leerling:"), person, self.tr("Leerling"))
        self.kind_label = row(self.tr("Soort:"), report.kind.label, self.tr("Soort verzuim"))
        row(self.tr("School:"), report.school, self.tr("School"))
        row(self.tr("Ontvangen:"), nl_date(report.received_on), self.tr("Ontvangen op"))
        row(self.tr("Periode:"), _period_text(report), self.tr("Periode van het verzuim"))
        extent = [_hours_text(report.hours_absent)]
        if report.days_absent:
            extent.append(self.tr("{n} dagen").format(n=nl_number(report.days_absent)))
        if report.times_late:
            extent.append(self.tr("{n} keer te laat").format(n=nl_number(report.times_late)))
        self.hours_label = row(
            self.tr("Verzuim:"), ", ".join(p for p in extent if p), self.tr("Omvang van het verzuim")
        )
        row(self.tr("Reden volgens school:"), report.suspected_reason or "", self.tr("Vermoedelijke reden"), True)
        if report.school_actions:
            row(self.tr("Wat de school deed:"), report.school_actions, self.tr("Acties van de school"), True)
        if report.municipality_action_wanted:
            row(self.tr("Verzoek school:"), self.tr("De school vraagt actie van de gemeente."),
                self.tr("Verzoek van de school"), True)
        if report.reporter:
            row(self.tr("Melder:"), report.reporter, self.tr("Melder"), True)
        return box

    def _earlier_box(self) -> QGroupBox:
        report = self.report
        box = QGroupBox(self.tr("Eerdere meldingen in schooljaar {year}").format(year=report.school_year))
        layout = QVBoxLayout(box)
        self.earlier = QTreeWidget()
        self.earlier.setAccessibleName(self.tr("Eerdere meldingen in dit schooljaar"))
        self.earlier.setRootIsDecorated(False)
        self.earlier.setAlternatingRowColors(True)
        self.earlier.setHeaderLabels([self.tr("Ontvangen"), self.tr("Soort"), self.tr("Uren"), self.tr("Stand")])
        for earlier in report.earlier:
            item = QTreeWidgetItem([
                nl_date(earlier.received_on, "short"), earlier.kind.label, nl_number(earlier.hours_absent),
                earlier.status,
            ])
            item.setToolTip(1, earlier.school)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.earlier.addTopLevelItem(item)
        header = self.earlier.header()
        header.setStretchLastSection(False)
        for column in (0, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.no_earlier = QLabel(self.tr("Geen eerdere meldingen van deze leerling in dit schooljaar."))
        self.no_earlier.setWordWrap(True)
        self.no_earlier.setStyleSheet("color: #555555;")
        layout.addWidget(self.earlier)
        layout.addWidget(self.no_earlier)
        self.earlier.setVisible(bool(report.earlier))
        self.no_earlier.setVisible(not report.earlier)
        if not report.earlier:
            layout.addStretch(1)
        return box

    def _choice_box(self) -> QGroupBox:
        report = self.report
        box = QGroupBox(self.tr("Beoordeling"))
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        self.choices = QButtonGroup(self)
        self.choice_buttons: dict[AssessmentChoice, QRadioButton] = {}
        for number, choice in enumerate(AssessmentChoice):
            button = QRadioButton(self.tr(choice.label))
            button.setAccessibleName(self.tr(choice.label))
            self.choices.addButton(button, number)
            self.choice_buttons[choice] = button
            grid.addWidget(button, number, 0)

        self.case_kind = enum_combo(CaseKind, self.tr("Soort zaak"))
        self.case_kind.setCurrentIndex(max(0, self.case_kind.findData(report.suggested_case_kind.value)))
        grid.addWidget(self.case_kind, 0, 1)

        self.open_case = QComboBox()
        self.open_case.setAccessibleName(self.tr("Lopende zaak"))
        for case in report.open_cases:
            self.open_case.addItem(
                self.tr("Zaak {number}: {kind}, geopend {date}").format(
                    number=case.case_number, kind=case.kind.label, date=nl_date(case.opened_on, "short")
                ),
                case.id,
            )
        if not report.open_cases:
            self.open_case.addItem(self.tr("Deze leerling heeft geen lopende zaak"), None)
            self.choice_buttons[AssessmentChoice.ADD_TO_CASE].setEnabled(False)
        grid.addWidget(self.open_case, 1, 1)

        self.no_action_hint = QLabel(self.tr("Schrijf hieronder waarom er geen actie nodig is."))
        self.no_action_hint.setStyleSheet("color: #555555;")
        grid.addWidget(self.no_action_hint, 2, 1)

        self.forward_to = QLineEdit()
        self.forward_to.setPlaceholderText(self.tr("Bijvoorbeeld: jeugdarts GGD, wijkteam, zorgcoördinator school"))
        self.forward_to.setAccessibleName(self.tr("Doorsturen naar (organisatie)"))
        grid.addWidget(self.forward_to, 3, 1)

        self.municipality = QComboBox()
        self.municipality.setAccessibleName(self.tr("Andere gemeente"))
        self.municipality.addItem(self.tr("Kies een gemeente…"), None)
        for code, name in report.other_municipalities:
            self.municipality.addItem(name, code)
        grid.addWidget(self.municipality, 4, 1)

        self.motivation_label = QLabel()
        self.motivation = QPlainTextEdit()
        self.motivation.setAccessibleName(self.tr("Motivering"))
        self.motivation.setTabChangesFocus(True)
        self.motivation.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.motivation.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        self.motivation_label.setBuddy(self.motivation)
        rows = len(AssessmentChoice)
        grid.addWidget(self.motivation_label, rows, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.motivation, rows, 1)

        self.choices.idToggled.connect(lambda _id, _on: self.revalidate())
        for widget in (self.case_kind, self.open_case, self.municipality):
            widget.currentIndexChanged.connect(self.revalidate)
        self.forward_to.textChanged.connect(self.revalidate)
        self.motivation.textChanged.connect(self.revalidate)
        return box

    def _choose_default(self) -> None:
        preferred = AssessmentChoice.ADD_TO_CASE if self.report.open_cases else AssessmentChoice.OPEN_CASE
        self.choice_buttons[preferred].setChecked(True)

    # -- state ------------------------------------------------------------------------------------

    @property
    def choice(self) -> AssessmentChoice | None:
        for choice, button in self.choice_buttons.items():
            if button.isChecked():
                return choice
        return None

    def choose(self, choice: AssessmentChoice) -> None:
        self.choice_buttons[choice].setChecked(True)

    def validate(self) -> Validation:
        check = Validation()
        choice = self.choice
        check.require("choice", choice is not None, self.tr("Kies wat er met de melding gebeurt."))
        motivation = self.motivation.toPlainText().strip()
        if choice == AssessmentChoice.NO_ACTION:
            check.require("motivation", bool(motivation),
                          self.tr("Geef een motivering: waarom is er geen actie nodig?"))
        elif choice == AssessmentChoice.ADD_TO_CASE:
            check.require("case", self.open_case.currentData() is not None, self.tr("Kies de lopende zaak."))
        elif choice == AssessmentChoice.FORWARD_CARE:
            check.require("forward", bool(self.forward_to.text().strip()),
                          self.tr("Vul in naar wie de melding gaat."))
        elif choice == AssessmentChoice.FORWARD_MUNICIPALITY:
            check.require("municipality", self.municipality.currentData() is not None,
                          self.tr("Kies de gemeente waar de melding naartoe gaat."))
        return check

    def revalidate(self) -> Validation:
        choice = self.choice
        self.case_kind.setEnabled(choice == AssessmentChoice.OPEN_CASE)
        self.open_case.setEnabled(choice == AssessmentChoice.ADD_TO_CASE and bool(self.report.open_cases))
        self.no_action_hint.setEnabled(choice == AssessmentChoice.NO_ACTION)
        self.forward_to.setEnabled(choice == AssessmentChoice.FORWARD_CARE)
        self.municipality.setEnabled(choice == AssessmentChoice.FORWARD_MUNICIPALITY)
        required = choice == AssessmentChoice.NO_ACTION
        self.motivation_label.setText(self.tr("&Motivering (verplicht):") if required else self.tr("&Toelichting:"))
        self.motivation.setPlaceholderText(
            self.tr("Waarom is er geen actie nodig? Bijvoorbeeld: ziekte gemeld en bevestigd door de school.")
            if required else self.tr("Optioneel: komt in het journaal bij de beoordeling.")
        )
        check = self.validate()
        if not self.report.assessed:
            self.problems.setText("\n".join(check.problems.values()))
            self.save_button.setEnabled(check.ok)
        return check

    def submit(self) -> None:
        if self.report is None or self.saving or self.report.assessed or not self.revalidate().ok:
            return
        choice = self.choice
        on = max(self.ctx.today(), self.report.received_on)
        write = assessment.assess(
            self.ctx,
            self.report_id,
            choice,
            on,
            motivation=self.motivation.toPlainText(),
            case_kind=self.case_kind.currentData(),
            case_id=self.open_case.currentData(),
            forward_to=self.forward_to.text(),
            municipality_code=self.municipality.currentData(),
            parent=self,
        )
        self._set_saving(True)
        write.success(self._assessed).failure(self._refused).fault(lambda _exc: self._set_saving(False))
        write.run_in_background()

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.save_button.setEnabled(not saving)
        if not saving:
            self.revalidate()

    def _assessed(self, case_id: str | None) -> None:
        self.saving = False
        self.case_id = case_id
        self.assessed.emit(self.report_id, self.case_id or "")
        self.accept()

    def _refused(self, exc: VangnetError) -> None:
        self._set_saving(False)
        self.problems.setText(str(exc))


def open_assessment(ctx: AppContext, report_id: str, parent: QWidget | None = None) -> AssessReportDialog | None:
    """Open the assessment dialog for the melding ``report_id`` (window-modal; returns it)."""
    if not report_id:
        return None
    dialog = AssessReportDialog(ctx, report_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

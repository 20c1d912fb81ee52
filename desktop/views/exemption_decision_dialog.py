"""Deciding on a request for a vrijstelling: granted or refused, with the motivation the letter needs."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.errors import VangnetError
from desktop.models.enums import Decision
from desktop.models.law import exemption_valid_until, objection_deadline
from desktop.operations import exemptions
from desktop.operations.context import AppContext
from desktop.views.common import Validation, date_edit, enum_combo, error_label, nl_date, to_date


class ExemptionDecisionDialog(QDialog):
    """Saving runs in the background; the dialog closes (accepted) once the decision is stored."""

    def __init__(self, ctx: AppContext, exemption_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.exemption_id = exemption_id
        self.setWindowTitle(self.tr("Besluit op vrijstelling"))
        self.saving = False
        request = exemptions.to_decide_now(ctx, exemption_id)
        self.exemption, person, self.health_visible = request.exemption, request.person, request.health_visible
        summary = QLabel(
            self.tr("<b>{name}</b><br>{article}<br>Ontvangen op {date}").format(
                name=person.full_name, article=self.exemption.article.label, date=nl_date(self.exemption.received_on)
            )
        )
        summary.setWordWrap(True)
        self.decision = enum_combo(Decision, self.tr("Besluit"), with_empty=self.tr("(kies)"))
        self.decided_on = date_edit(ctx.today(), self.tr("Datum besluit"))
        self.motivation = QPlainTextEdit()
        self.motivation.setAccessibleName(self.tr("Motivering"))
        self.motivation.setPlaceholderText(self.tr("De motivering komt in de beschikking."))
        self.motivation.setTabChangesFocus(True)
        self.consequences = QLabel()
        self.consequences.setWordWrap(True)
        self.problems = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Besluit:"), self.decision)
        form.addRow(self.tr("&Datum besluit:"), self.decided_on)
        form.addRow(self.tr("&Motivering:"), self.motivation)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.consequences)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.decision.currentIndexChanged.connect(self.revalidate)
        self.decided_on.dateChanged.connect(self.revalidate)
        self.motivation.textChanged.connect(self.revalidate)
        self.setMinimumWidth(560)
        self.revalidate()

    def validate(self) -> Validation:
        check = Validation()
        decided = to_date(self.decided_on.date())
        check.require("decision", self.decision.currentData() is not None, self.tr("Kies toekennen of afwijzen."))
        check.require("date", decided >= self.exemption.received_on,
                      self.tr("De beslisdatum ligt vóór de ontvangstdatum."))
        check.require("date_future", decided <= self.ctx.today(), self.tr("De beslisdatum ligt in de toekomst."))
        check.require("motivation", bool(self.motivation.toPlainText().strip()),
                      self.tr("Een besluit heeft een motivering nodig."))
        return check

    def revalidate(self) -> Validation:
        check = self.validate()
        self.problems.setText("\n".join(check.problems.values()))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(check.ok)
        decided = to_date(self.decided_on.date())
        lines = [self.tr("Bezwaar mogelijk tot en met {date}.").format(date=nl_date(objection_deadline(decided)))]
        if self.decision.currentData() == Decision.GRANTED.value and not self.health_visible:
            # 'Never fit' is part of the health grounds: the validity follows from it, so it is not shown.
            lines.insert(0, self.tr("De geldigheid volgt uit de verklaring; die is voor u afgeschermd."))
        elif self.decision.currentData() == Decision.GRANTED.value:
            until = exemption_valid_until(self.exemption.article, decided, self.exemption.never_fit)
            lines.insert(0, self.tr("Geldig tot en met {date}.").format(date=nl_date(until)) if until
                         else self.tr("Geldig zonder einddatum (nooit geschikt)."))
        self.consequences.setText(" ".join(lines))
        return check

    def submit(self) -> None:
        if self.saving or not self.revalidate().ok:
            return
        decision = self.decision.currentData()
        decided = to_date(self.decided_on.date())
        motivation = self.motivation.toPlainText()
        self._set_saving(True)
        exemptions.decide(self.ctx, self.exemption_id, decision, decided, motivation, parent=self).success(
            lambda _result: self.accept()
        ).failure(self._refused).fault(lambda _exc: self._set_saving(False)).run_in_background()

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not saving)
        if not saving:
            self.revalidate()

    def _refused(self, exc: VangnetError) -> None:
        self._set_saving(False)
        self.problems.setText(str(exc))

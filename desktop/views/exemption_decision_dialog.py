"""Answering a kennisgeving or request for a vrijstelling: confirmed or incomplete (a kennisgeving), granted or
refused (a request), withdrawn or inadmissible (both), with the motivation the letter needs. Only a signer the
mandate allows may decide (Lpw art. 16); the form says why not."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.errors import VangnetError
from desktop.models.enums import Decision, ExemptionArticle
from desktop.models.law import exemption_outcome_is_besluit, exemption_period, objection_deadline
from desktop.operations import exemptions
from desktop.operations.context import AppContext
from desktop.operations.exemptions import ExemptionToDecide
from desktop.views.common import Validation, date_edit, enum_combo, error_label, nl_date, to_date
from desktop.views.register_form import REMINDER_STYLE

WARNING_STYLE = "color: #8a4b00;"


class ExemptionDecisionDialog(QDialog):
    """The record is read in the background (``loaded`` when it is shown); saving runs in the background and
    the dialog closes (accepted) once the decision is stored."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, exemption_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.exemption_id = exemption_id
        self.setWindowTitle(self.tr("Besluit op vrijstelling"))
        self.saving = False
        self.request: ExemptionToDecide | None = None
        self.summary = QLabel(self.tr("Gegevens worden gelezen…"))
        self.summary.setWordWrap(True)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(WARNING_STYLE)
        self.missing.setAccessibleName(self.tr("Wat de wet vraagt en ontbreekt"))
        self.missing.hide()
        self.decision = enum_combo((), self.tr("Besluit"), with_empty=self.tr("(kies)"))
        self.decided_on = date_edit(ctx.today(), self.tr("Datum besluit"))
        self.motivation = QPlainTextEdit()
        self.motivation.setAccessibleName(self.tr("Motivering"))
        self.motivation.setPlaceholderText(self.tr("De motivering komt in de brief."))
        self.motivation.setTabChangesFocus(True)
        self.consequences = QLabel()
        self.consequences.setWordWrap(True)
        self.consequences.setStyleSheet(REMINDER_STYLE)
        self.problems = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Uitkomst:"), self.decision)
        form.addRow(self.tr("&Datum:"), self.decided_on)
        form.addRow(self.tr("&Motivering:"), self.motivation)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.missing)
        layout.addLayout(form)
        layout.addWidget(self.consequences)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.decision.currentIndexChanged.connect(self.revalidate)
        self.decided_on.dateChanged.connect(self.revalidate)
        self.motivation.textChanged.connect(self.revalidate)
        self.setMinimumWidth(600)
        self._set_enabled(False)
        exemptions.to_decide(ctx, exemption_id, parent=self).success(self._loaded).failure(
            self._unavailable
        ).run_in_background()

    # -- loading -----------------------------------------------------------------------------------

    def _loaded(self, request: ExemptionToDecide) -> None:
        self.request = request
        exemption, review = request.exemption, request.review
        kind = self.tr("Kennisgeving") if exemption.article.is_notification else self.tr("Aanvraag")
        self.summary.setText(
            self.tr("<b>{name}</b><br>{kind}: {article}<br>Ontvangen op {date}, voor het schooljaar {year}").format(
                name=request.person.full_name, kind=kind, article=exemption.article.label,
                date=nl_date(exemption.received_on), year=exemption.school_year or "",
            )
        )
        self.decision.blockSignals(True)
        for outcome in review.outcomes:
            self.decision.addItem(outcome.label, outcome.value)
        self.decision.blockSignals(False)
        reasons = ([review.ineligible] if review.ineligible else []) + list(review.unmet)
        if reasons:
            verb = self.tr("bevestigen") if exemption.article.is_notification else self.tr("toekennen")
            self.missing.setText(
                self.tr("Niet te {verb} zolang dit ontbreekt:").format(verb=verb) + "\n• " + "\n• ".join(reasons)
            )
            self.missing.show()
        self._set_enabled(review.signing_refusal is None)
        if review.signing_refusal is not None:
            for widget in (self.decision, self.decided_on, self.motivation):
                widget.setToolTip(review.signing_refusal)
        self.revalidate()
        self.loaded.emit()

    def _unavailable(self, exc: VangnetError) -> None:
        self.summary.setText(str(exc))
        self.loaded.emit()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.decision, self.decided_on, self.motivation):
            widget.setEnabled(enabled)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(enabled)

    # -- the live check ----------------------------------------------------------------------------

    @property
    def health_visible(self) -> bool:
        return bool(self.request and self.request.health_visible)

    def validate(self) -> Validation:
        check = Validation()
        if self.request is None:
            check.problems["loading"] = ""
            return check
        review, exemption = self.request.review, self.request.exemption
        if review.signing_refusal is not None:
            check.problems["mandate"] = review.signing_refusal
            return check
        decided = to_date(self.decided_on.date())
        outcome = self.decision.currentData()
        check.require("decision", outcome is not None, self.tr("Kies de uitkomst."))
        if outcome is not None:
            problem = review.outcome_problem(outcome)
            check.require("law", problem is None, problem or "")
        check.require("date", decided >= exemption.received_on, self.tr("De beslisdatum ligt vóór de ontvangstdatum."))
        check.require("date_future", decided <= self.ctx.today(), self.tr("De beslisdatum ligt in de toekomst."))
        check.require("motivation", bool(self.motivation.toPlainText().strip()),
                      self.tr("Een besluit heeft een motivering nodig."))
        return check

    def revalidate(self) -> Validation:
        check = self.validate()
        self.problems.setText("\n".join(text for text in check.problems.values() if text))
        if self.request is None or self.saving:
            return check
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(check.ok)
        self.consequences.setText(self._consequences())
        return check

    def _consequences(self) -> str:
        assert self.request is not None
        exemption, review = self.request.exemption, self.request.review
        outcome = self.decision.currentData()
        if outcome is None:
            return ""
        decision = Decision(outcome)
        decided = to_date(self.decided_on.date())
        lines: list[str] = []
        if decision.exempts and exemption.article is ExemptionArticle.ART_5A and not self.health_visible:
            # 'Never fit' is part of the health grounds: the validity follows from it, so it is not shown.
            lines.append(self.tr("De geldigheid volgt uit de verklaring; die is voor u afgeschermd."))
        elif decision.exempts:
            period = exemption_period(review.facts, decided)
            lines.append(
                self.tr("Vrijgesteld van {start} tot en met {end}.").format(
                    start=nl_date(period.start), end=nl_date(period.end))
                if period
                else self.tr("Vrijgesteld zonder einddatum: de verklaring zegt dat de leerling nooit geschikt zal "
                             "worden, dus geen jaarlijkse kennisgeving.")
            )
        if exemption_outcome_is_besluit(exemption.article, decision):
            deadline = nl_date(objection_deadline(decided))
            lines.append(self.tr("Bezwaar mogelijk tot en met {date}.").format(date=deadline))
        elif exemption.article.is_notification and decision in (Decision.CONFIRMED, Decision.INCOMPLETE):
            lines.append(self.tr("Geen besluit met bezwaar: de vrijstelling volgt uit de wet zelf; de brief bevestigt "
                                 "of zegt wat ontbreekt."))
        return " ".join(lines)

    # -- saving ------------------------------------------------------------------------------------

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

"""Registering a kennisgeving (art. 5 onder a/b/c, 5a) or a request (art. 3a, 3b, 11 onder g, 15) for a
vrijstelling or vervangende leerplicht, with the fields each article asks for. The law's checks run in the
background as the user types: what the person cannot have refuses the registration, what is still missing is
shown (the answer to an incomplete kennisgeving is 'onvolledig')."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop.models.enums import ExemptionArticle, StatementBy, TravellingOccupation
from desktop.models.law import SchoolYear, medical_statement_expires, notification_school_year
from desktop.operations import CollectionOp, registrations
from desktop.operations.registrations import ExemptionCheck
from desktop.views.common import Validation, date_edit, enum_combo, nl_date, to_date
from desktop.views.register_form import REMINDER_STYLE, RegisterDialog

WARNING_STYLE = "color: #8a4b00;"
CHECKING = "Bezig met toetsen aan de wet…"


def _tristate(text: str) -> QComboBox:
    """A yes/no question that must be answered: (niet nagegaan) / ja / nee."""
    combo = QComboBox()
    combo.addItem("(nog niet nagegaan)", None)
    combo.addItem("Ja", True)
    combo.addItem("Nee", False)
    combo.setAccessibleName(text)
    return combo


class ExemptionRequestDialog(RegisterDialog):
    title_text = "Vrijstelling: kennisgeving of aanvraag registreren"

    def __init__(self, ctx, person_id=None, parent=None) -> None:
        super().__init__(ctx, person_id, parent)
        today = ctx.today()
        self.article = enum_combo(ExemptionArticle, self.tr("Artikel"))
        self.kind_note = QLabel()
        self.kind_note.setWordWrap(True)
        self.kind_note.setStyleSheet(REMINDER_STYLE)
        self.received_on = date_edit(today, self.tr("Datum ontvangen"))
        self.school_year = QComboBox()
        self.school_year.setAccessibleName(self.tr("Voor schooljaar"))
        running = SchoolYear(today.year if today.month >= 8 else today.year - 1)
        for year in (running.previous(), running, running.next()):
            self.school_year.addItem(str(year), str(year))
        self.school_year.setCurrentIndex(self.school_year.findData(str(notification_school_year(today))))
        # Art. 5 onder a (art. 7)
        self.statement_date = date_edit(today, self.tr("Datum verklaring"))
        self.statement_by = enum_combo(StatementBy, self.tr("Verklaring door"))
        self.doctor_appointed = QCheckBox(
            self.tr("De deskundige is door burgemeester en wethouders aangewezen en behandelt het kind niet")
        )
        self.never_fit = QCheckBox(self.tr("Verklaring dat de leerling nooit geschikt zal worden"))
        self.statement_info = QLabel()
        self.statement_info.setStyleSheet(REMINDER_STYLE)
        # Art. 5 onder b (art. 8)
        self.denomination = QLineEdit()
        self.denomination.setAccessibleName(self.tr("Richting waartegen bedenkingen bestaan"))
        self.attended = _tristate(self.tr("Vorig jaar een school van die richting bezocht"))
        # Art. 5 onder c (art. 9)
        self.school_abroad = QLineEdit()
        self.school_abroad.setAccessibleName(self.tr("School in het buitenland"))
        self.head_statement = QCheckBox(
            self.tr("Verklaring van het hoofd van die school: ingeschreven en geregeld aanwezig")
        )
        # Art. 5a (Besluit vrijstelling leerplicht trekkende bevolking)
        self.occupation = enum_combo(TravellingOccupation, self.tr("Trekkende bestaanswijze"),
                                     with_empty=self.tr("(kies)"))
        self.travels_along = QCheckBox(self.tr("Het kind reist met de ouders mee (maart tot en met oktober)"))
        self.school_nearby = _tristate(self.tr("Toegankelijke rijdende school binnen 5 km van de standplaats"))
        # Art. 3a / 3b / 15
        self.programme = QPlainTextEdit()
        self.programme.setAccessibleName(self.tr("Programma of ander onderwijs"))
        self.programme.setMaximumHeight(70)
        self.programme.setTabChangesFocus(True)
        self.practical_time = QCheckBox(self.tr("Het programma bevat praktijktijd"))
        self.institution = QLineEdit()
        self.institution.setAccessibleName(self.tr("Instelling"))
        # Art. 11 onder g / 14
        self.valid_from = date_edit(today, self.tr("Eerste dag"))
        self.valid_until = date_edit(today, self.tr("Laatste dag"))
        self.head_heard = QCheckBox(self.tr("De directeur van de school is gehoord (art. 14 lid 3)"))
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(WARNING_STYLE)
        self.missing.setAccessibleName(self.tr("Wat de wet vraagt en ontbreekt"))

        self.form.addRow(self.tr("&Artikel:"), self.article)
        self.form.addRow("", self.kind_note)
        self.form.addRow(self.tr("&Ontvangen op:"), self.received_on)
        self.form.addRow(self.tr("Voor &schooljaar:"), self.school_year)
        self._rows: dict[ExemptionArticle, list[QWidget]] = {article: [] for article in ExemptionArticle}
        five_a, five_b, five_c = ExemptionArticle.ART_5A, ExemptionArticle.ART_5B, ExemptionArticle.ART_5C
        travel, art_15 = ExemptionArticle.ART_5A_TRAVEL, ExemptionArticle.ART_15
        art_3a, art_3b, art_11g = ExemptionArticle.ART_3A, ExemptionArticle.ART_3B, ExemptionArticle.ART_11G
        self._add((five_a,), self.tr("Datum &verklaring:"), self.statement_date)
        self._add((five_a,), self.tr("Verklaring door:"), self.statement_by)
        self._add((five_a,), "", self.doctor_appointed)
        self._add((five_a,), "", self.never_fit)
        self._add((five_a,), "", self.statement_info)
        self._add((five_b,), self.tr("Bedenkingen tegen:"), self.denomination)
        self._add((five_b,), self.tr("Vorig jaar zo'n school:"), self.attended)
        self._add((five_c,), self.tr("School in buitenland:"), self.school_abroad)
        self._add((five_c,), "", self.head_statement)
        self._add((travel,), self.tr("Beroep ouders:"), self.occupation)
        self._add((travel,), "", self.travels_along)
        self._add((travel,), self.tr("Rijdende school < 5 km:"), self.school_nearby)
        self._add((art_15, art_3a, art_3b), self.tr("Programma:"), self.programme)
        self._add((art_3a,), "", self.practical_time)
        self._add((art_15, art_3a, art_3b), self.tr("Instelling:"), self.institution)
        self._add((art_11g,), self.tr("Van:"), self.valid_from)
        self._add((art_11g,), self.tr("Tot en met:"), self.valid_until)
        self._add((art_11g,), "", self.head_heard)
        self.form.addRow("", self.missing)
        self.article.currentIndexChanged.connect(self._show_article_fields)
        self._show_article_fields()
        # The law's check of what the form holds, in the background.
        self._law: ExemptionCheck | None = None
        self._law_key: tuple | None = None
        self._pending_key: tuple | None = None
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(150)
        self._check_timer.timeout.connect(self._run_check)
        self.finish_setup()

    def _add(self, articles: tuple[ExemptionArticle, ...], label: str, widget: QWidget) -> None:
        self.form.addRow(label, widget)
        for article in articles:
            self._rows[article].append(widget)

    def current_article(self) -> ExemptionArticle:
        return ExemptionArticle(self.article.currentData())

    def _show_article_fields(self) -> None:
        article = self.current_article()
        shown = set(map(id, self._rows[article]))
        for widgets in self._rows.values():
            for widget in widgets:
                self.form.setRowVisible(widget, id(widget) in shown)
        if article.is_notification:
            self.kind_note.setText(self.tr(
                "Een kennisgeving van de ouders: de vrijstelling volgt uit de wet als de kennisgeving aan de eisen "
                "voldoet. U bevestigt haar, of laat weten dat zij onvolledig of ongeldig is."
            ))
        else:
            self.kind_note.setText(self.tr("Een aanvraag: het college kent toe of wijst af."))

    def fields(self) -> dict[str, Any]:
        """The evidence of the chosen article, as the domain command takes it."""
        article = self.current_article()
        if article is ExemptionArticle.ART_5A:
            return {
                "statement_date": to_date(self.statement_date.date()),
                "statement_by": self.statement_by.currentData(),
                "doctor_appointed": self.doctor_appointed.isChecked(),
                "never_fit": self.never_fit.isChecked(),
            }
        if article is ExemptionArticle.ART_5B:
            return {"denomination_objection": self.denomination.text().strip(),
                    "attended_denomination_last_year": self.attended.currentData()}
        if article is ExemptionArticle.ART_5C:
            return {"school_abroad": self.school_abroad.text().strip(),
                    "abroad_head_statement": self.head_statement.isChecked()}
        if article is ExemptionArticle.ART_5A_TRAVEL:
            return {"travelling_occupation": self.occupation.currentData(),
                    "travels_along": self.travels_along.isChecked(),
                    "travelling_school_nearby": self.school_nearby.currentData()}
        if article is ExemptionArticle.ART_11G:
            return {"valid_from": to_date(self.valid_from.date()), "valid_until": to_date(self.valid_until.date()),
                    "head_teacher_heard": self.head_heard.isChecked()}
        fields: dict[str, Any] = {"substitute_programme": self.programme.toPlainText().strip(),
                                  "institution": self.institution.text().strip()}
        if article is ExemptionArticle.ART_3A:
            fields["practical_time"] = self.practical_time.isChecked()
        return fields

    def _key(self) -> tuple:
        return (self.picker.person_id, self.article.currentData(), to_date(self.received_on.date()),
                self.school_year.currentData(), tuple(sorted(self.fields().items())))

    def _run_check(self) -> None:
        key = self._pending_key
        if key is None or key[0] is None:
            return
        person_id, article, received, year, fields = key
        registrations.exemption_check(self.ctx, person_id, article, received, year, dict(fields), parent=self).success(
            lambda result: self._checked(key, result)
        ).run_in_background()

    def _checked(self, key: tuple, result: ExemptionCheck) -> None:
        if key != self._pending_key:
            return  # the user changed the form meanwhile
        self._law, self._law_key = result, key
        self.revalidate()

    def validate(self) -> Validation:
        check = super().validate()
        article = self.current_article()
        received = to_date(self.received_on.date())
        check.require("received", received <= self.ctx.today(), self.tr("De ontvangstdatum ligt in de toekomst."))
        self.statement_info.clear()
        if article is ExemptionArticle.ART_5A:
            statement = to_date(self.statement_date.date())
            self.statement_info.setText(
                self.tr("Een verklaring van deze datum is bruikbaar voor een kennisgeving tot en met {date} "
                        "(art. 7).").format(date=nl_date(medical_statement_expires(statement)))
            )
        if article is ExemptionArticle.ART_11G:
            check.require("period", self.valid_until.date() >= self.valid_from.date(),
                          self.tr("De laatste dag ligt vóór de eerste."))
        if self.picker.person_id is None:
            self.missing.clear()
            return check
        key = self._key()
        if key != self._law_key:
            if key != self._pending_key:
                self._pending_key = key
                self._check_timer.start()
            check.problems.setdefault("law", self.tr(CHECKING))
            return check
        assert self._law is not None
        if self._law.ineligible is not None:
            check.problems["law"] = self._law.ineligible
        verb = self.tr("bevestigen") if article.is_notification else self.tr("toekennen")
        lead = self.tr("U kunt registreren, maar nog niet {verb}:").format(verb=verb)
        unmet = self._law.unmet if self._law.ineligible is None else ()
        self.missing.setText(lead + "\n• " + "\n• ".join(unmet) if unmet else "")
        return check

    def save_operation(self) -> CollectionOp[str]:
        return registrations.register_exemption(
            self.ctx, self.picker.person_id, self.article.currentData(), to_date(self.received_on.date()),
            school_year_label=self.school_year.currentData(), parent=self, **self.fields(),
        )

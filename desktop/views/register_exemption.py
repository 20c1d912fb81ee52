"""Requesting a vrijstelling or vervangende leerplicht, with the fields and checks of each article."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop.models.enums import ExemptionArticle, StatementBy
from desktop.models.law import age_on, medical_statement_expires, medical_statement_valid
from desktop.operations import CollectionOp, registrations
from desktop.views.common import Validation, date_edit, enum_combo, nl_date, to_date
from desktop.views.register_form import RegisterDialog


class ExemptionRequestDialog(RegisterDialog):
    title_text = "Vrijstelling aanvragen"

    def __init__(self, ctx, person_id=None, parent=None) -> None:
        super().__init__(ctx, person_id, parent)
        today = ctx.today()
        self.article = enum_combo(ExemptionArticle, self.tr("Artikel"))
        self.received_on = date_edit(today, self.tr("Datum ontvangen"))
        # Art. 5 onder a
        self.statement_date = date_edit(today, self.tr("Datum verklaring"))
        self.statement_by = enum_combo(StatementBy, self.tr("Verklaring door"))
        self.doctor_appointed = QCheckBox(self.tr("Deskundige is door de gemeente aangewezen (niet de behandelaar)"))
        self.never_fit = QCheckBox(self.tr("Verklaring dat de leerling nooit geschikt zal worden"))
        self.statement_info = QLabel()
        # Art. 5 onder b / c / 3a / 3b
        self.denomination = QLineEdit()
        self.denomination.setAccessibleName(self.tr("Richting waartegen bedenkingen bestaan"))
        self.school_abroad = QLineEdit()
        self.school_abroad.setAccessibleName(self.tr("School in het buitenland"))
        self.programme = QPlainTextEdit()
        self.programme.setAccessibleName(self.tr("Vervangend programma"))
        self.programme.setMaximumHeight(70)
        self.programme.setTabChangesFocus(True)
        self.form.addRow(self.tr("&Artikel:"), self.article)
        self.form.addRow(self.tr("&Ontvangen op:"), self.received_on)
        self._article_rows: dict[str, list[QWidget]] = {"5a": [], "5b": [], "5c": [], "3a": [], "3b": []}
        self._add("5a", self.tr("Datum &verklaring:"), self.statement_date)
        self._add("5a", self.tr("Verklaring door:"), self.statement_by)
        self._add("5a", "", self.doctor_appointed)
        self._add("5a", "", self.never_fit)
        self._add("5a", "", self.statement_info)
        self._add("5b", self.tr("Bedenkingen tegen:"), self.denomination)
        self._add("5c", self.tr("School in buitenland:"), self.school_abroad)
        self._add("3a", self.tr("Programma:"), self.programme)
        self._article_rows["3b"] = self._article_rows["3a"]
        self.article.currentIndexChanged.connect(self._show_article_fields)
        self._show_article_fields()
        self.finish_setup()

    def _add(self, article: str, label: str, widget: QWidget) -> None:
        self.form.addRow(label, widget)
        self._article_rows[article].append(widget)

    def _show_article_fields(self) -> None:
        article = self.article.currentData()
        shown = set(map(id, self._article_rows.get(article, [])))
        for widgets in self._article_rows.values():
            for widget in widgets:
                visible = id(widget) in shown
                self.form.setRowVisible(widget, visible)

    def validate(self) -> Validation:
        check = super().validate()
        article = self.article.currentData()
        received = to_date(self.received_on.date())
        check.require("received", received <= self.ctx.today(), self.tr("De ontvangstdatum ligt in de toekomst."))
        self.statement_info.clear()
        if article == "5a":
            statement = to_date(self.statement_date.date())
            check.require(
                "statement",
                medical_statement_valid(statement, received),
                self.tr("De verklaring is ouder dan drie maanden of van na de ontvangst (art. 7)."),
            )
            check.require(
                "appointed",
                self.doctor_appointed.isChecked(),
                self.tr(
                    "De verklaring moet komen van een door de gemeente aangewezen deskundige, niet van de "
                    "behandelaar (art. 7)."
                ),
            )
            self.statement_info.setText(
                self.tr("Verklaring bruikbaar tot en met {date}.").format(
                    date=nl_date(medical_statement_expires(statement))
                )
            )
        elif article == "5b":
            check.require(
                "denomination",
                bool(self.denomination.text().strip()),
                self.tr("Vul in tegen welke richting de bedenkingen bestaan (art. 8)."),
            )
        elif article == "5c":
            check.require(
                "abroad",
                bool(self.school_abroad.text().strip()),
                self.tr("Vul de school in het buitenland in (art. 9)."),
            )
        elif article in ("3a", "3b"):
            check.require(
                "programme", bool(self.programme.toPlainText().strip()), self.tr("Beschrijf het vervangende programma.")
            )
            person = self.picker.person
            if article == "3a" and person is not None:
                check.require(
                    "age",
                    age_on(person.birth_date, received) >= 14,
                    self.tr("Vervangende leerplicht (art. 3a) kan vanaf 14 jaar."),
                )
        return check

    def save_operation(self) -> CollectionOp[str]:
        article = self.article.currentData()
        fields = {}
        if article == "5a":
            fields = {
                "statement_date": to_date(self.statement_date.date()),
                "statement_by": self.statement_by.currentData(),
                "doctor_appointed": self.doctor_appointed.isChecked(),
                "never_fit": self.never_fit.isChecked(),
            }
        elif article == "5b":
            fields = {"denomination_objection": self.denomination.text().strip()}
        elif article == "5c":
            fields = {"school_abroad": self.school_abroad.text().strip()}
        elif article in ("3a", "3b"):
            fields = {"substitute_programme": self.programme.toPlainText().strip()}
        return registrations.register_exemption(
            self.ctx, self.picker.person_id, article, to_date(self.received_on.date()), parent=self, **fields
        )

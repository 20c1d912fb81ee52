"""Verhoor vastleggen: the consultant finds the case, chooses who was heard, ticks the caution and rights and
types the statement; the record is what a proces-verbaal quotes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from desktop.models import Person
from desktop.models.hearings import Hearing
from desktop.views.register_hearing import HearingDialog


def _save_enabled(dialog: HearingDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


def test_a_hearing_is_recorded_through_the_form(qtbot, ctx, seeded):
    dialog = HearingDialog(ctx)
    qtbot.addWidget(dialog)
    assert not _save_enabled(dialog) and "Zoek eerst de zaak op" in dialog.problems.text()
    qtbot.keyClicks(dialog.case_number, f"{dt.date.today().year}-000001")
    qtbot.keyClick(dialog.case_number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.suspect.count() == 2, timeout=10_000)
    assert "Sanne de Vries (jongere)" in dialog.case_label.text() + dialog.suspect.itemText(0)
    assert dialog.suspect.itemText(1) == "Monique de Vries (moeder, met gezag)"
    # The jongere (14) is a minor: the question of Sv art. 488ab is asked.
    assert dialog.minor_rights.isEnabled()
    assert dialog.given_names.text() == "Sanne" and dialog.birth_date.isReadOnly()
    dialog.given_names.setText("Sanne Johanna")
    qtbot.keyClicks(dialog.birth_place, "Dordrecht")
    qtbot.keyClicks(dialog.place, "Stadskantoor Dordrecht")
    assert not _save_enabled(dialog) and "Vul de verklaring in" in dialog.problems.text()
    dialog.caution.setChecked(True)
    dialog.legal_aid.setChecked(True)
    dialog.minor_rights.setChecked(True)
    qtbot.keyClicks(dialog.accompanied_by, "haar moeder")
    qtbot.keyClicks(dialog.statement, "Ik ga vanaf maandag weer.")
    assert _save_enabled(dialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=10_000)
    with ctx.store.session() as session:
        hearing = session.scalars(select(Hearing)).one()
        assert hearing.case_id == seeded.case_id and hearing.guardian_id is None
        assert hearing.caution_given and hearing.legal_aid_informed and hearing.minor_rights_informed
        assert hearing.statement == "Ik ga vanaf maandag weer." and hearing.accompanied_by == "haar moeder"
        # The identification established at the hearing is kept on the file (Sv art. 27a).
        person = session.get(Person, seeded.sanne_id)
        assert person.first_names == "Sanne Johanna" and person.birth_place == "Dordrecht"


def test_silence_needs_no_statement_and_an_unknown_case_is_named(qtbot, ctx, seeded):
    dialog = HearingDialog(ctx, seeded.case_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.suspect.count() == 2, timeout=10_000)
    dialog.suspect.setCurrentIndex(1)  # the mother: an adult, no question of art. 488ab
    assert not dialog.minor_rights.isEnabled()
    assert dialog.given_names.text() == "Monique" and not dialog.birth_date.isReadOnly()
    dialog.birth_date.setText("31-02-1980")
    assert "dd-mm-jjjj" in dialog.problems.text() and not _save_enabled(dialog)
    dialog.birth_date.setText("03-02-1980")
    qtbot.keyClicks(dialog.place, "Huisbezoek")
    dialog.silent.setChecked(True)
    assert not dialog.statement.isEnabled() and _save_enabled(dialog)
    dialog.case_number.setText("1999-999999")
    dialog.find()
    qtbot.waitUntil(lambda: "bestaat niet" in dialog.problems.text(), timeout=10_000)


def test_the_form_stands_in_the_register_menu(main_window):
    action = main_window.action("register_hearing")
    assert action is not None and "Verhoor vastleggen" in action.text().replace("&", "")

"""The main flows driven like a person: unlock, search, register, MAS steps, exemptions, auto-lock."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from desktop.models import AbsenceReport, Case, Exemption, JournalEntry, User
from desktop.models.enums import CasePhase, CaseRoute, Decision, ExemptionArticle, JournalKind, UserRole
from desktop.models.record_ref import RecordRef
from desktop.operations import OpChanges
from desktop.views.case_view import CaseView
from desktop.views.person_file import PersonFileView
from desktop.views.unlock_dialog import UnlockDialog
from tests.conftest import PASSPHRASE


def _save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_unlock_with_wrong_then_right_passphrase(qtbot, gui_profile):
    profile, _seeded = gui_profile
    dialog = UnlockDialog(profile)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.panel
    assert not panel.unlock_button.isEnabled(), "zonder wachtwoord valt er niets te ontgrendelen"

    qtbot.keyClicks(panel.passphrase, "dit is niet het wachtwoord")
    qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "onjuist" in panel.error.text(), timeout=15_000)
    assert dialog.store is None
    assert dialog.isVisible()

    panel.passphrase.clear()
    qtbot.keyClicks(panel.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)
    assert dialog.store is not None and dialog.store.is_open
    dialog.store.close()


def test_search_as_you_type_and_open_person_with_masked_bsn(qtbot, main_window, seeded, caplog):
    window = main_window
    qtbot.keyClicks(window.search, "vries san")
    qtbot.waitUntil(lambda: window.search.popup.isVisible(), timeout=5_000)
    titles = [result.title for result in window.search.model.results]
    assert "Vries, Sanne de" in titles
    qtbot.keyClick(window.search, Qt.Key.Key_Return)

    view = window.tabs.currentWidget()
    assert isinstance(view, PersonFileView)
    qtbot.waitUntil(lambda: not view.loading, timeout=5_000)  # the file is read in the background
    assert view.name_label.text() == "Sanne de Vries"
    assert view.duty_label.text() == "Leerplichtig"
    assert seeded.sanne_bsn not in view.bsn_label.text()
    assert view.bsn_label.text() == "•••••••••"

    with caplog.at_level(logging.INFO, logger="desktop"):
        qtbot.mouseClick(view.bsn_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.bsn_label.text() == seeded.sanne_bsn, timeout=5_000)
    assert view.bsn_label.text() == seeded.sanne_bsn
    assert any("BSN getoond voor persoon" in record.getMessage() for record in caplog.records)
    assert all(seeded.sanne_bsn not in record.getMessage() for record in caplog.records)
    qtbot.mouseClick(view.bsn_button, Qt.MouseButton.LeftButton)
    assert view.bsn_label.text() == "•••••••••"

    # Opening the file and showing the BSN are each one entry in the access log, by id only.
    from desktop.models.audit import AuditEntry

    with window.ctx.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.object_id == seeded.sanne_id)).all()
        assert sorted(entry.action for entry in entries) == ["reveal_bsn", "view_person"]
        assert all(seeded.sanne_bsn not in (entry.object_id or "") for entry in entries)

    # The timeline shows the melding, the case and the journal entry.
    kinds = {view.timeline.item(row, 1).text() for row in range(view.timeline.rowCount())}
    assert {"Melding", "Zaak", "Journaal"} <= kinds


def test_search_by_bsn_case_number_and_odd_input(qtbot, main_window, seeded):
    search = main_window.search
    search.setText(seeded.sanne_bsn[:6])
    search.run_search()
    qtbot.waitUntil(lambda: not search.searching, timeout=5_000)  # the search runs in the background
    assert [r.id for r in search.model.results if r.kind == "person"] == [seeded.sanne_id]

    search.setText(f"{dt.date.today().year}-0000")
    search.run_search()
    qtbot.waitUntil(lambda: not search.searching, timeout=5_000)  # the search runs in the background
    assert any(r.kind == "case" and r.id == seeded.case_id for r in search.model.results)

    search.setText("O'Brien")
    search.run_search()
    qtbot.waitUntil(lambda: not search.searching, timeout=5_000)  # the search runs in the background
    assert [r.id for r in search.model.results if r.kind == "person"] == [seeded.daan_id]

    for odd in ('"', 'NEAR(', "bsn:1*", "ids:12*", "AND OR NOT", "*", "a\"b'c", "(("):
        search.setText(odd)
        search.run_search()  # must not raise; nothing matches literally
        qtbot.waitUntil(lambda: not search.searching, timeout=5_000)  # the search runs in the background
        assert all(r.kind != "person" or r.id for r in search.model.results)

    search.setText("lingecollege")
    search.run_search()
    qtbot.waitUntil(lambda: not search.searching, timeout=5_000)  # the search runs in the background
    assert any(r.kind == "school" and r.id == seeded.school_id for r in search.model.results)


def test_register_melding_and_see_it_in_the_worklist(qtbot, main_window, seeded):
    window = main_window
    dialog = window.make_register_dialog("absence")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not _save_button(dialog).isEnabled()
    assert "Kies een leerling" in dialog.problems.text()

    qtbot.keyClicks(dialog.picker.query, "Daan")
    qtbot.waitUntil(lambda: dialog.picker.person_id == seeded.daan_id, timeout=5_000)
    # 16 uur in 4 lesweken with no hours yet: the form says what is wrong.
    assert "minstens 16 uur" in dialog.problems.text()
    dialog.hours.setValue(20)
    dialog.absence_start.setDate(QDate.currentDate().addDays(-10))
    dialog.absence_end.setDate(QDate.currentDate().addDays(-12))
    assert "vóór de eerste" in dialog.problems.text()
    dialog.absence_end.setDate(QDate.currentDate().addDays(-2))
    assert dialog.problems.text() == ""
    with qtbot.waitSignal(window.page("worklist").loaded, timeout=20_000):
        qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)

    new_reports = [item for item in window.page("worklist").items if item.category == "Nieuwe meldingen beoordelen"]
    assert [item.person_id for item in new_reports] == [seeded.daan_id]
    assert new_reports[0].title == "O'Brien, Daan"
    with window.ctx.session() as session:
        report = session.scalars(select(AbsenceReport).where(AbsenceReport.person_id == seeded.daan_id)).one()
        assert report.hours_absent == 20

    # Activating the line opens the assessment of that melding.
    from desktop.views.assess_report_dialog import AssessReportDialog

    worklist = window.page("worklist")
    group = worklist.tree.findItems("Nieuwe meldingen beoordelen (1)", Qt.MatchFlag.MatchExactly)[0]
    worklist.tree.itemActivated.emit(group.child(0), 0)
    opened = [d for d in window.findChildren(AssessReportDialog) if d.isVisible()]
    assert [d.report_id for d in opened] == [report.id]
    opened[0].reject()


def test_case_moves_through_the_mas_steps_with_journal_and_route(qtbot, main_window, seeded):
    window = main_window
    view = window.open_record(RecordRef("cases", seeded.case_id))
    qtbot.waitUntil(lambda: not view.loading, timeout=5_000)  # the case is read in the background
    assert isinstance(view, CaseView)
    assert not view.previous_button.isEnabled()

    for _ in range(4):
        with qtbot.waitSignal(view.saved, timeout=5_000):
            qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.detail.case.phase == CasePhase.EVALUATE
    assert not view.next_button.isEnabled()

    qtbot.keyClicks(view.journal_with, "moeder")
    qtbot.keyClicks(view.journal_text, "Gesprek gevoerd; Sanne gaat weer naar school.")
    with qtbot.waitSignal(view.saved, timeout=5_000):
        qtbot.keyClick(view.journal_text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.journal_text.toPlainText() == ""
    texts = [view.journal.item(row, 3).text() for row in range(view.journal.rowCount())]
    assert "Gesprek gevoerd; Sanne gaat weer naar school." in texts

    # Deviating from the usual route needs a motivation.
    view.route.setCurrentIndex(view.route.findData(CaseRoute.CRIMINAL.value))
    assert not view.route_save.isEnabled()
    assert "motivering" in view.route_error.text()
    qtbot.keyClicks(view.route_motivation, "Eerdere hulp is geweigerd.")
    assert view.route_save.isEnabled()
    with qtbot.waitSignal(view.saved, timeout=5_000):
        qtbot.mouseClick(view.route_save, Qt.MouseButton.LeftButton)

    with window.ctx.session() as session:
        case = session.get(Case, seeded.case_id)
        assert case.phase == CasePhase.EVALUATE
        assert case.route == CaseRoute.CRIMINAL
        assert case.route_motivation == "Eerdere hulp is geweigerd."
        kinds = [j.kind for j in session.scalars(select(JournalEntry).where(JournalEntry.case_id == case.id))]
        assert kinds.count(JournalKind.PHASE_CHANGE) == 4
        assert JournalKind.ROUTE_CHANGE in kinds
        assert JournalKind.CONTACT in kinds or JournalKind.NOTE in kinds

    # Closing asks for the DUO reason because the case has a melding.
    view.tabs.setCurrentIndex(3)
    view.close_reason.setCurrentIndex(1)
    assert "DUO" in view.close_error.text()
    assert not view.close_button.isEnabled()
    view.duo_reason.setCurrentIndex(1)
    assert view.close_button.isEnabled()
    with qtbot.waitSignal(view.saved, timeout=5_000):
        qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    assert view.detail.case.closed_on == dt.date.today()
    with window.ctx.session() as session:
        report = session.scalars(select(AbsenceReport).where(AbsenceReport.case_id == seeded.case_id)).one()
        assert report.duo_status == "closed"
        assert report.duo_close_reason is not None


def test_halt_referral_checks_eligibility(qtbot, main_window, seeded):
    view = main_window.open_record(RecordRef("cases", seeded.case_id))
    qtbot.waitUntil(lambda: not view.loading, timeout=5_000)  # the case is read in the background
    view.tabs.setCurrentIndex(2)
    view.intervention_kind.setCurrentIndex(view.intervention_kind.findData("halt"))
    view.hours_absent.setValue(4)
    view.times_late.setValue(0)
    assert "niet mogelijk" in view.halt_check.text()
    assert not view.intervention_add.isEnabled()
    view.hours_absent.setValue(18)
    assert "Voldoet" in view.halt_check.text()
    assert not view.intervention_add.isEnabled(), "toestemming ontbreekt nog"
    view.consent_pupil.setChecked(True)
    view.consent_parents.setChecked(True)
    assert view.intervention_add.isEnabled()
    with qtbot.waitSignal(view.saved, timeout=5_000):
        qtbot.mouseClick(view.intervention_add, Qt.MouseButton.LeftButton)
    assert view.interventions.rowCount() == 1
    assert view.interventions.item(0, 1).text() == "Halt-verwijzing"


def test_request_and_decide_exemption(qtbot, main_window, seeded):
    from desktop.models.session_user import set_current_user
    from desktop.views.exemption_decision_dialog import ExemptionDecisionDialog

    window = main_window
    # The consultant handling the pupil, designated leerplichtambtenaar (Lpw art. 16): may decide exemptions.
    set_current_user(window.ctx.store, "pdr", "consultant", ["GM0505"], "laptop-1", user_id=seeded.user_id)
    with window.ctx.session() as session:
        session.get(User, seeded.user_id).leerplichtambtenaar = True
    # Sanne is enrolled at a school: art. 5 onder a frees from enrolment, so it is refused for her.
    enrolled = window.make_register_dialog("exemption", seeded.sanne_id)
    qtbot.addWidget(enrolled)
    enrolled.show()
    enrolled.article.setCurrentIndex(enrolled.article.findData(ExemptionArticle.ART_5A.value))
    qtbot.waitUntil(lambda: "staat op" in enrolled.problems.text() and "ingeschreven" in enrolled.problems.text())
    assert not _save_button(enrolled).isEnabled()

    dialog = window.make_register_dialog("exemption", seeded.mila_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.article.setCurrentIndex(dialog.article.findData(ExemptionArticle.ART_5A.value))
    dialog.statement_date.setDate(QDate.currentDate().addMonths(-4))
    # What is missing does not stop the registration (the answer is 'onvolledig'), but it is said.
    qtbot.waitUntil(lambda: "ouder dan drie maanden" in dialog.missing.text())
    assert "aangewezen" in dialog.missing.text()
    assert dialog.statement_date.isVisible() and not dialog.school_abroad.isVisible()
    dialog.statement_date.setDate(QDate.currentDate().addMonths(-1))
    dialog.doctor_appointed.setChecked(True)
    qtbot.waitUntil(lambda: dialog.problems.text() == "" and dialog.missing.text() == "")
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.saved_id

    decision = ExemptionDecisionDialog(window.ctx, dialog.saved_id, window)
    qtbot.addWidget(decision)
    with qtbot.waitSignal(decision.loaded, timeout=10_000):
        decision.show()
    assert not _save_button(decision).isEnabled()
    # A kennisgeving is confirmed, not granted.
    assert decision.decision.findData(Decision.GRANTED.value) == -1
    decision.decision.setCurrentIndex(decision.decision.findData(Decision.CONFIRMED.value))
    assert "motivering" in decision.problems.text()
    qtbot.keyClicks(decision.motivation, "Verklaring van de aangewezen arts bevestigt de ongeschiktheid.")
    assert "Geen besluit met bezwaar" in decision.consequences.text()
    with qtbot.waitSignal(decision.accepted, timeout=5_000):
        qtbot.mouseClick(_save_button(decision), Qt.MouseButton.LeftButton)

    with window.ctx.session() as session:
        exemption = session.get(Exemption, dialog.saved_id)
        assert exemption.decision == Decision.CONFIRMED
        assert exemption.decided_on == dt.date.today()
        assert exemption.decided_by_user_id == seeded.user_id
        assert exemption.valid_until is not None and exemption.valid_until.month == 7


def test_an_administratief_medewerker_cannot_decide_an_exemption(qtbot, main_window, seeded):
    from desktop.models.session_user import set_current_user
    from desktop.views.exemption_decision_dialog import ExemptionDecisionDialog

    window = main_window
    set_current_user(window.ctx.store, "adm", "administrator", ["GM0505"], "pc-1", user_id=seeded.user_id)
    with window.ctx.session() as session:
        exemption_id = session.scalars(select(Exemption.id).where(Exemption.person_id == seeded.mila_id)).first()
        session.get(User, seeded.user_id).role = UserRole.ADMINISTRATOR
    dialog = ExemptionDecisionDialog(window.ctx, exemption_id, window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    assert not dialog.decision.isEnabled() and not _save_button(dialog).isEnabled()
    assert "administratief medewerker ondertekent geen besluit op een vrijstelling" in dialog.problems.text()
    assert "Leerplichtwet art. 16" in dialog.decision.toolTip()


def test_leave_request_says_who_decides(qtbot, main_window, seeded):
    dialog = main_window.make_register_dialog("leave", seeded.sanne_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("important_circumstances"))
    dialog.start.setDate(QDate.currentDate().addDays(7))
    dialog.end.setDate(QDate.currentDate().addDays(30))
    dialog.days.setValue(12)
    qtbot.waitUntil(dialog.is_checked)
    assert "leerplichtambtenaar" in dialog.authority.text()
    dialog.days.setValue(3)
    qtbot.waitUntil(dialog.is_checked)
    assert "directeur" in dialog.authority.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData("holiday"))
    dialog.days.setValue(12)
    qtbot.waitUntil(dialog.is_checked)
    assert "Niet toegestaan" in dialog.authority.text()


def test_auto_lock_after_idle_time_and_unlock_returns_to_the_same_place(qtbot, main_window, seeded):
    window = main_window
    window.navigate(2)
    window.open_record(RecordRef("persons", seeded.sanne_id))
    window.open_record(RecordRef("cases", seeded.case_id))
    window.tabs.setCurrentIndex(1)
    window.idle_timer.setInterval(50)
    window.idle_timer.start()
    with qtbot.waitSignal(window.locked, timeout=5_000):
        pass
    assert window.is_locked
    assert window.ctx.store is None
    assert window.tabs.count() == 1, "dossiers zijn gesloten tijdens het vergrendelen"
    assert window.page("cases").model.rowCount() == 0
    assert not window.toolbar.isEnabled()

    panel = window.unlock_panel
    qtbot.keyClicks(panel.passphrase, "fout wachtwoord hier")
    qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "onjuist" in panel.error.text(), timeout=15_000)
    assert window.is_locked
    panel.passphrase.clear()
    qtbot.keyClicks(panel.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=15_000):
        qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)
    assert not window.is_locked
    assert window.tabs.count() == 3
    assert window.tabs.currentIndex() == 1
    assert isinstance(window.tabs.currentWidget(), PersonFileView)
    assert window.nav.currentRow() == 2
    assert window.page("cases").model.rowCount() == 1


def test_manual_lock_with_shortcut(qtbot, main_window):
    with qtbot.waitSignal(main_window.locked, timeout=5_000):
        main_window.action("lock").trigger()
    assert main_window.is_locked and main_window.ctx.store is None


def test_person_file_opens_its_case_and_registers_a_home_sitter(qtbot, main_window, seeded):
    window = main_window
    view = window.open_record(RecordRef("persons", seeded.sanne_id))
    qtbot.waitUntil(lambda: not view.loading, timeout=5_000)  # the file is read in the background
    assert view.cases.rowCount() == 1
    view.tabs.setCurrentIndex(1)
    view.cases.itemActivated.emit(view.cases.item(0, 0))
    assert isinstance(window.tabs.currentWidget(), CaseView)
    assert window.tabs.currentWidget().case_id == seeded.case_id

    dialog = window.make_register_dialog("home_sitter", seeded.sanne_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=5_000)  # the leerling is read in the background
    dialog.start.setDate(QDate.currentDate().addDays(3))
    assert "toekomst" in dialog.problems.text()
    dialog.start.setDate(QDate.currentDate().addDays(-40))
    qtbot.keyClicks(dialog.reason, "Angstklachten, school zoekt passend aanbod.")
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    page = window.navigate_to("home_sitters")
    page.ensure_loaded()
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == "Vries, Sanne de"


def test_new_absolute_absence_case_checks_the_duty_and_opens(qtbot, main_window, seeded):
    dialog = main_window.make_register_dialog("case")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.picker.query, "mila")
    qtbot.waitUntil(lambda: dialog.picker.person_id == seeded.mila_id, timeout=5_000)
    assert dialog.duty.text() == "Leerplichtig"
    assert _save_button(dialog).isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    with main_window.ctx.session() as session:
        case = session.get(Case, dialog.saved_id)
        assert case.kind == "absolute" and case.person_id == seeded.mila_id
        assert case.case_number == f"{dt.date.today().year}-000002"


def test_a_typed_bsn_is_checked_with_the_eleven_test(qtbot, main_window):
    dialog = main_window.make_register_dialog("absence")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.picker.query, "123456789")
    qtbot.waitUntil(lambda: "11-proef" in dialog.picker.hint.text(), timeout=5_000)
    assert dialog.picker.hint.isVisible()
    assert dialog.picker.person_id is None


def test_official_report_names_its_suspect(qtbot, main_window, seeded):
    from desktop.models import Intervention

    view = main_window.open_record(RecordRef("cases", seeded.case_id))
    qtbot.waitUntil(lambda: not view.loading, timeout=5_000)  # the case is read in the background
    view.tabs.setCurrentIndex(2)
    view.intervention_kind.setCurrentIndex(view.intervention_kind.findData("official_report"))
    assert "tegen wie" in view.intervention_error.text()
    assert not view.intervention_add.isEnabled()
    view.suspect.setCurrentIndex(view.suspect.findData("both"))
    view.copy_to_council.setChecked(True)
    assert view.intervention_add.isEnabled()
    with qtbot.waitSignal(view.saved, timeout=5_000):
        qtbot.mouseClick(view.intervention_add, Qt.MouseButton.LeftButton)
    with main_window.ctx.session() as session:
        report = session.scalars(select(Intervention).where(Intervention.case_id == seeded.case_id)).one()
        assert report.kind == "official_report" and report.suspect == "both"
        assert report.copy_to_child_protection is True


def test_closed_records_no_longer_listen_for_changes(qtbot, main_window, seeded):
    window = main_window
    window.open_record(RecordRef("persons", seeded.sanne_id))
    window.open_record(RecordRef("cases", seeded.case_id))
    while window.tabs.count() > 1:
        window.close_tab(window.tabs.count() - 1)
    # Carry out the pending deleteLater of the closed views before the next change arrives.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    with qtbot.waitSignal(window.page("worklist").loaded, timeout=20_000):
        window.ctx.changed.emit(OpChanges.of("cases"))
    assert window.tabs.count() == 1

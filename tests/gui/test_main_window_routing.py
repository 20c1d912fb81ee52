"""The main window sends a werkvoorraad item to the right window and reports damage found in the background."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.models import AbsenceReport
from desktop.models.enums import AbsenceKind
from desktop.models.record_ref import RecordRef
from desktop.models.store import IntegrityStatus
from desktop.models.worklist import WorkItem
from desktop.views.assess_report_dialog import AssessReportDialog


def test_a_new_melding_on_the_worklist_opens_the_assessment(qtbot, main_window, seeded):
    window = main_window
    with window.ctx.session() as session:
        report = AbsenceReport(person_id=seeded.daan_id, received_on=window.ctx.today(),
                               kind=AbsenceKind.SIXTEEN_HOURS, hours_absent=16, school_id=seeded.school_id,
                               municipality_code="GM0505")
        session.add(report)
        session.flush()
        report_id = report.id
    item = WorkItem(category="Nieuwe meldingen", title="Melding", detail="", due=None, person_id=seeded.daan_id,
                    record=RecordRef("absence_reports", report_id, seeded.daan_id))
    window.open_record(item.record)
    dialogs = [d for d in window.findChildren(AssessReportDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].report_id == report_id
    dialogs[0].reject()


def test_damage_found_by_the_background_check_is_told_to_the_user(qtbot, main_window, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append(f"{title}: {text}"))
    store = main_window.ctx.store
    assert main_window.integrity_checked.emit in store.integrity_listeners
    with qtbot.waitSignal(main_window.integrity_checked, timeout=5_000):
        for listener in list(store.integrity_listeners):
            listener(IntegrityStatus.DAMAGED)
    qtbot.waitUntil(lambda: bool(shown), timeout=5_000)
    assert shown[0].startswith("Database beschadigd:")
    assert "back-up" in shown[0]


def test_a_good_background_check_says_nothing(qtbot, main_window, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append("melding"))
    with qtbot.waitSignal(main_window.integrity_checked, timeout=5_000):
        main_window.integrity_checked.emit(IntegrityStatus.OK)
    assert shown == []


def test_navigation_is_not_highlighted_while_a_file_is_in_front(qtbot, main_window, seeded):
    window = main_window
    window.navigate_to("cases")
    assert window.nav.currentItem().isSelected()
    window.open_record(RecordRef("persons", seeded.daan_id))
    assert window.tabs.currentIndex() > 0
    assert not window.nav.currentItem().isSelected()
    window.tabs.setCurrentIndex(0)
    assert window.nav.currentItem().isSelected()
    assert window.nav.currentItem().text() == "Zaken"


def test_case_view_says_what_the_current_phase_asks(qtbot, main_window, seeded):
    view = main_window.open_record(RecordRef("cases", seeded.case_id))
    qtbot.waitUntil(lambda: not view.loading, timeout=5_000)  # the case is read in the background
    first = view.phase_hint.text()
    assert first.split(":")[0] in {"Waarnemen", "Analyseren", "Plannen", "Handelen", "Evalueren"}
    with qtbot.waitSignal(view.saved, timeout=5_000):
        view.move_phase(1)
    assert view.phase_hint.text() != first


def test_a_new_form_reminds_calmly_and_turns_red_after_an_edit(qtbot, main_window):
    from desktop.views.common import ERROR_STYLE
    from desktop.views.register_form import REMINDER_STYLE

    dialog = main_window.make_register_dialog("absence")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Kies een leerling" in dialog.problems.text()
    assert dialog.problems.styleSheet() == REMINDER_STYLE
    dialog.hours.setValue(3)
    assert dialog.problems.styleSheet() == ERROR_STYLE

"""The main window is assembled by id: every page and menu action is found by its id in its place, and every kind
of record, from every place that names one, opens in the right view through open_record."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from desktop.models import Exemption, Guardian, LeaveRequest
from desktop.models.enums import Decision, ExemptionArticle, GuardianRelation, LeaveDecider, LeaveKind
from desktop.models.record_ref import RecordRef
from desktop.models.search import SearchResult
from desktop.views.case_view import CaseView
from desktop.views.conflicts_view import ConflictsView
from desktop.views.exemption_decision_dialog import ExemptionDecisionDialog
from desktop.views.person_file import ID_ROLE, PersonFileView
from tests.gui.test_conflicts_view import city_conflict, phase_conflict, put

PAGES = ("worklist", "persons", "cases", "exemptions", "leave_requests", "home_sitters", "dropouts", "documents",
         "figures")
MENU_LABELS = {
    "file": "&Bestand",
    "register": "&Registreren",
    "go": "&Ga naar",
    "extra": "E&xtra",
    "documents": "&Documenten",
    "help": "&Help",
}
ACTIONS = {
    "file": ["lock", "close_tab", "import", "quit"],
    "register": ["register_absence", "register_case", "register_exemption", "register_leave",
                 "register_home_sitter", "register_dropout", "register_hearing"],
    "go": ["search", *(f"go_{page_id}" for page_id in PAGES)],
    "extra": ["sync", "conflicts", "login", "settings", "change_passphrase", "access_log"],
    "documents": ["batch_print", "templates", "layout"],
    "help": ["about"],
}


# -- pages and actions by id ----------------------------------------------------------------------


def test_every_page_is_reachable_by_id(qtbot, main_window):
    window = main_window
    assert window.page_ids() == PAGES
    for row, page_id in enumerate(PAGES):
        page = window.navigate_to(page_id)
        assert page is window.page(page_id)
        assert window.page_stack.currentWidget() is page
        assert window.nav.currentRow() == row
        assert window.nav.currentItem().data(Qt.ItemDataRole.UserRole) == page_id
    # Ga naar › Zaken (Ctrl+3) is the page's action, by id.
    action = window.action("go_cases")
    assert action.shortcut().toString() == "Ctrl+3"
    action.trigger()
    assert window.page_stack.currentWidget() is window.page("cases")


def test_every_action_is_reachable_by_id_in_its_menu(main_window):
    window = main_window
    bar = [action.menu() for action in window.menuBar().actions()]
    assert bar == [window.menu(menu_id) for menu_id in MENU_LABELS]
    assert [menu.title() for menu in bar] == list(MENU_LABELS.values())
    for menu_id, action_ids in ACTIONS.items():
        shown = [action for action in window.menu(menu_id).actions() if not action.isSeparator()]
        assert shown == [window.action(action_id) for action_id in action_ids], menu_id
        for action_id in action_ids:
            assert window.action(action_id).objectName() == f"action_{action_id}"
    assert sorted(window.action_ids()) == sorted(a for ids in ACTIONS.values() for a in ids)


def test_an_id_is_registered_once_and_unknown_ids_are_refused(main_window):
    window = main_window
    with pytest.raises(ValueError, match="registered twice"):
        window.register_action("lock", "file", "Nog eens", lambda: None)
    with pytest.raises(ValueError, match="registered twice"):
        window.register_page("cases", "Nog eens", QWidget)
    with pytest.raises(KeyError):
        window.register_action("elders", "onbekend", "Elders", lambda: None)
    with pytest.raises(KeyError):
        window.page("onbekend")
    with pytest.raises(KeyError):
        window.action("onbekend")


def _keys(standard: QKeySequence.StandardKey) -> list[str]:
    """The platform's first key for a standard action, as the menu shows it (none on some platforms)."""
    key = QKeySequence(standard).toString()
    return [key] if key else []


def test_the_menus_read_as_a_person_knows_them(qtbot, main_window):
    """Labels, shortcuts and separators of the menu bar; VANGNET_SCREENSHOT_DIR keeps a picture of each menu."""
    expected = [
        ("&Bestand", [("&Vergrendelen", ["Ctrl+L"]), ("Tabblad &sluiten", _keys(QKeySequence.StandardKey.Close)),
                      ("&Importeren…", ["Ctrl+I"]), "---", ("&Afsluiten", _keys(QKeySequence.StandardKey.Quit))]),
        ("&Registreren", [("Nieuwe &verzuimmelding…", ["Ctrl+M"]),
                          ("Nieuwe zaak &absoluut verzuim…", ["Ctrl+Shift+A"]),
                          ("V&rijstelling aanvragen…", ["Ctrl+Shift+V"]), ("Ver&lofaanvraag…", ["Ctrl+Shift+L"]),
                          ("&Thuiszitter…", ["Ctrl+Shift+T"]), ("VSV-&traject…", ["Ctrl+Shift+D"]),
                          ("Ver&hoor vastleggen…", [])]),
        ("&Ga naar", [("&Zoeken", _keys(QKeySequence.StandardKey.Find)), "---",
                      *((label, [f"Ctrl+{n}"]) for n, label in enumerate(
                          ("Werkvoorraad", "Leerlingen", "Zaken", "Vrijstellingen", "Verlof", "Thuiszitters",
                           "Doorstroompunt", "Documenten", "Cijfers"), start=1))]),
        ("E&xtra", [("Nu &synchroniseren", ["F5", "Ctrl+R"]), ("&Conflicten…", []),
                    ("&Aanmelden bij de server…", []), "---",
                    ("&Instellingen…", _keys(QKeySequence.StandardKey.Preferences)),
                    ("&Wachtwoord wijzigen…", []), ("&Toegangslogboek…", [])]),
        ("&Documenten", [("Brieven in &serie afdrukken…", ["Ctrl+P"]), ("Sja&blonen beheren…", []),
                         ("&Opmaak en adresvenster…", [])]),
        ("&Help", [("&Over Vangnet", [])]),
    ]
    bar = main_window.menuBar()
    shown = [
        (entry.text(), ["---" if a.isSeparator() else (a.text(), [k.toString() for k in a.shortcuts()])
                        for a in entry.menu().actions()])
        for entry in bar.actions()
    ]
    assert shown == expected
    assert [main_window.nav.item(i).text() for i in range(main_window.nav.count())] == [
        label for label, _keys in expected[2][1][2:]
    ]
    folder = os.environ.get("VANGNET_SCREENSHOT_DIR")
    if folder:
        main_window.grab().save(str(Path(folder) / "hoofdvenster.png"))
        for number, entry in enumerate(bar.actions()):
            menu = entry.menu()
            place = bar.actionGeometry(entry)
            menu.popup(bar.mapToGlobal(QPoint(place.left(), place.bottom())))
            qtbot.waitUntil(menu.isVisible, timeout=5_000)
            menu.grab().save(str(Path(folder) / f"menu-{number + 1}-{menu.objectName()}.png"))
            menu.hide()


# -- one record reference -------------------------------------------------------------------------


def test_a_record_reference_names_a_table_of_the_entity_registry():
    assert RecordRef.of_kind("case", "c1") == RecordRef("cases", "c1")
    assert RecordRef.of_kind("leave_request", "l1", "p1") == RecordRef("leave_requests", "l1", "p1")
    with pytest.raises(ValueError, match="unknown table"):
        RecordRef("case", "c1")
    with pytest.raises(ValueError, match="unknown kind"):
        RecordRef.of_kind("zaak", "c1")


def test_search_results_name_their_record_by_table():
    assert SearchResult("person", "p1", "Vries, Sanne de", "").ref == RecordRef("persons", "p1", "p1")
    assert SearchResult("case", "c1", "2026-000001", "").ref == RecordRef("cases", "c1")
    assert SearchResult("school", "s1", "Het Lingecollege", "").ref == RecordRef("schools", "s1")
    assert SearchResult("none", "", "Niets gevonden", "").ref is None


# -- open_record: each kind of record in its view ---------------------------------------------------


def test_a_person_opens_their_file_once(qtbot, main_window, seeded):
    window = main_window
    view = window.open_record(RecordRef("persons", seeded.sanne_id))
    qtbot.waitUntil(lambda: not view.loading, timeout=5_000)  # the file is read in the background
    assert isinstance(view, PersonFileView) and view.person_id == seeded.sanne_id
    assert window.tabs.currentWidget() is view
    tabs = window.tabs.count()
    assert window.open_record(RecordRef("persons", seeded.sanne_id, seeded.sanne_id)) is view
    assert window.tabs.count() == tabs


def test_a_case_opens_its_window_and_the_case_its_person(qtbot, main_window, seeded):
    window = main_window
    view = window.open_record(RecordRef("cases", seeded.case_id))
    qtbot.waitUntil(lambda: not view.loading, timeout=5_000)  # the case is read in the background
    assert isinstance(view, CaseView) and view.case_id == seeded.case_id
    assert view.ref == RecordRef("cases", seeded.case_id, seeded.sanne_id)
    view.person_button.click()
    assert isinstance(window.tabs.currentWidget(), PersonFileView)
    assert window.tabs.currentWidget().person_id == seeded.sanne_id


def test_an_undecided_exemption_opens_its_decision(main_window, seeded, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(ExemptionDecisionDialog, "exec", lambda dialog: shown.append(dialog.exemption_id) or 0)
    with main_window.ctx.session() as session:
        exemption_id = session.query(Exemption.id).filter(Exemption.person_id == seeded.mila_id).scalar()
    dialog = main_window.open_record(RecordRef("exemptions", exemption_id, seeded.mila_id))
    assert isinstance(dialog, ExemptionDecisionDialog)
    assert shown == [exemption_id]


def test_a_decided_exemption_and_a_leave_request_open_the_file_on_that_record(qtbot, main_window, seeded):
    window = main_window
    today = dt.date.today()
    with window.ctx.session() as session:
        exemption = Exemption(person_id=seeded.daan_id, article=ExemptionArticle.ART_5C, received_on=today,
                              decision=Decision.GRANTED, decided_on=today, school_abroad="Lycée, Luik",
                              municipality_code="GM0590")
        leave = LeaveRequest(person_id=seeded.sanne_id, kind=LeaveKind.IMPORTANT_CIRCUMSTANCES, start_date=today,
                             end_date=today, days=1, decided_by=LeaveDecider.HEAD_TEACHER)
        session.add_all([exemption, leave])
        session.flush()
        exemption_id, leave_id = exemption.id, leave.id

    view = window.open_record(RecordRef("exemptions", exemption_id))
    qtbot.waitUntil(lambda: not view.loading, timeout=5_000)  # the file is read in the background
    assert isinstance(view, PersonFileView) and view.person_id == seeded.daan_id
    assert view.tabs.currentWidget() is view.exemptions_tab
    assert view.exemptions.item(view.exemptions.currentRow(), 0).data(ID_ROLE) == exemption_id

    view = window.open_record(RecordRef("leave_requests", leave_id, seeded.sanne_id))
    qtbot.waitUntil(lambda: not view.loading, timeout=5_000)  # the file is read in the background
    assert isinstance(view, PersonFileView) and view.person_id == seeded.sanne_id
    assert view.tabs.currentWidget() is view.exemptions_tab
    assert view.leave.item(view.leave.currentRow(), 0).data(ID_ROLE) == leave_id


def test_another_record_of_a_person_opens_their_file(main_window, seeded):
    window = main_window
    with window.ctx.session() as session:
        guardian = Guardian(person_id=seeded.daan_id, relation=GuardianRelation.FATHER, has_authority=True,
                            first_names="Kees", last_name="O'Brien")
        session.add(guardian)
        session.flush()
        guardian_id = guardian.id
    view = window.open_record(RecordRef("guardians", guardian_id, seeded.daan_id))
    assert isinstance(view, PersonFileView) and view.person_id == seeded.daan_id
    assert view.tabs.currentIndex() == 0
    tabs = window.tabs.count()
    assert window.open_record(RecordRef("appointments", "zonder-persoon")) is None
    assert window.tabs.count() == tabs


def test_a_school_opens_the_list_of_its_pupils(qtbot, main_window, seeded):
    window = main_window
    page = window.open_record(RecordRef("schools", seeded.school_id))
    assert page is window.page("persons")
    assert window.page_stack.currentWidget() is page
    qtbot.waitUntil(lambda: not page.options_loading, timeout=5_000)  # the schools are read in the background
    assert page.current_filter().values["school"] == seeded.school_id


# -- every source of a record reference goes through open_record -------------------------------------


def test_a_work_item_opens_its_record(qtbot, main_window, seeded):
    worklist = main_window.page("worklist")
    halt = next(item for item in worklist.items if item.record is not None and item.record.table == "cases")
    assert halt.record == RecordRef("cases", seeded.case_id, seeded.sanne_id)
    group = worklist.tree.topLevelItem(0)
    line = next(group.child(i) for i in range(group.childCount()) if group.child(i).text(0) == halt.title)
    worklist.tree.itemActivated.emit(line, 0)
    assert isinstance(main_window.tabs.currentWidget(), CaseView)
    assert main_window.tabs.currentWidget().case_id == seeded.case_id


def test_a_search_result_opens_its_record_and_empties_the_field(qtbot, main_window, seeded):
    search = main_window.search
    qtbot.keyClicks(search, "lingecollege")
    search.run_search()
    qtbot.waitUntil(lambda: not search.searching, timeout=5_000)  # the search runs in the background
    row = next(i for i, r in enumerate(search.model.results) if r.kind == "school")
    search.popup.setCurrentIndex(search.model.index(row))
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert search.text() == ""
    assert main_window.page_stack.currentWidget() is main_window.page("persons")
    qtbot.waitUntil(lambda: not main_window.page("persons").options_loading, timeout=5_000)  # read in the background
    assert main_window.page("persons").current_filter().values["school"] == seeded.school_id


def test_a_list_row_opens_its_record(qtbot, main_window, seeded, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(ExemptionDecisionDialog, "exec", lambda dialog: shown.append(dialog.exemption_id) or 0)
    page = main_window.navigate_to("exemptions")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    with qtbot.waitSignal(page.open_record) as opened:
        page.table.doubleClicked.emit(page.model.index(0, 0))
    ref = opened.args[0]
    assert ref.table == "exemptions" and ref.person_id == seeded.mila_id
    assert shown == [ref.id]

    page = main_window.navigate_to("cases")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    page.table.doubleClicked.emit(page.model.index(0, 0))
    assert isinstance(main_window.tabs.currentWidget(), CaseView)
    assert main_window.tabs.currentWidget().case_id == seeded.case_id


def test_a_conflict_line_opens_its_case_or_person(qtbot, main_window, seeded):
    put(main_window.ctx, conflicts=[phase_conflict(seeded.case_id, 0), city_conflict(seeded.daan_id, 1)])
    view = main_window.open_conflicts()
    assert isinstance(view, ConflictsView)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 and view.detail.item is not None, timeout=20_000)
    opened = []
    for row in range(2):
        main_window.tabs.setCurrentWidget(view)
        view.table.selectRow(row)
        qtbot.waitUntil(lambda r=row: view.detail.item is not None and view.detail.key == view.model.keys[r],
                        timeout=10_000)
        assert view.detail.open_button.isVisibleTo(view)
        view.detail.open_button.click()
        opened.append(main_window.tabs.currentWidget())
    kinds = {type(widget) for widget in opened}
    assert kinds == {CaseView, PersonFileView}
    assert {getattr(widget, "case_id", None) or widget.person_id for widget in opened} == {
        seeded.case_id, seeded.daan_id,
    }

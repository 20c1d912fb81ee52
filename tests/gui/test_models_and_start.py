"""Item models under qtmodeltester, lazy fetching, list filters, the smoke test and the crash report."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from PySide6.QtCore import Qt

from desktop import crash
from desktop.app import run_gui
from desktop.models import Person
from desktop.models.lists import LIST_SPECS, ListFilter
from desktop.models.search import SearchResult, search
from desktop.settings import Settings, is_valid_server_url
from desktop.views.record_list import PAGE_SIZE, RecordListModel
from desktop.views.search_box import SearchResultsModel
from tests.conftest import PASSPHRASE
from tests.gui.conftest import make_bsn


@pytest.mark.parametrize("list_name", sorted(LIST_SPECS))
def test_every_list_model_passes_the_model_tester(qtmodeltester, ctx, list_name):
    model = RecordListModel(ctx, LIST_SPECS[list_name])
    model.reload()
    qtmodeltester.check(model, force_py=True)
    # The tester stays connected: every reset from sorting and filtering is checked as it happens.
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.DescendingOrder)
        model.index(0, column).data()
    model.clear()
    assert model.rowCount() == 0


def test_search_results_model_passes_the_model_tester(qtmodeltester, ctx):
    model = SearchResultsModel()
    model.set_results(ctx.read(lambda session: search(session, "vries")))
    assert model.rowCount() >= 1
    qtmodeltester.check(model, force_py=True)
    model.set_results([SearchResult("person", "x", "Naam", "toelichting")])
    assert model.index(0).data() == "Naam\nLeerling · toelichting"


def test_list_model_fetches_only_visible_pages(ctx):
    with ctx.session() as session:
        for number in range(350):
            session.add(
                Person(education_number=f"{200000000 + number}", first_names="Kind", last_name=f"Test{number:03d}",
                       birth_date=dt.date(2014, 1, 1) + dt.timedelta(days=number), municipality_code="GM0505")
            )
    model = RecordListModel(ctx, LIST_SPECS["persons"])
    model.reload()
    assert model.rowCount() == 353
    assert model.pages_loaded == 0, "only ids are loaded up front"
    assert model.index(0, 0).data() == "Jansen, Mila"
    assert model.pages_loaded == 1
    model.index(PAGE_SIZE - 1, 0).data()
    assert model.pages_loaded == 1
    model.index(300, 0).data()
    assert model.pages_loaded == 2

    # Filtering and sorting happen in SQL.
    model.filter = ListFilter(values={"municipality": "GM0590"})
    model.reload()
    assert model.rowCount() == 1 and model.index(0, 0).data() == "O'Brien, Daan"
    model.filter = ListFilter(text="test34")
    model.reload()
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [
        f"Test{n}, Kind" for n in range(340, 350)
    ]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 1).data() == (dt.date(2014, 1, 1) + dt.timedelta(days=349)).strftime("%d-%m-%Y")


def test_cases_list_filters_by_status_kind_and_school_year(ctx, seeded):
    model = RecordListModel(ctx, LIST_SPECS["cases"])
    model.reload()
    assert model.rowCount() == 1
    model.filter = ListFilter(values={"status": "closed"})
    model.reload()
    assert model.rowCount() == 0
    model.filter = ListFilter(values={"kind": "relative", "consultant": seeded.user_id})
    model.reload()
    assert model.rowCount() == 1
    assert model.index(0, 5).data() == "Patrick de Ridder"
    model.filter = ListFilter(values={"school_year": "2001-2002"})
    model.reload()
    assert model.rowCount() == 0


def test_smoke_test_opens_the_main_window_and_exits_zero(gui_profile, monkeypatch, qapp):
    profile, _seeded = gui_profile
    monkeypatch.setenv("VANGNET_PASSPHRASE", PASSPHRASE)
    assert run_gui(profile.path, smoke_test=True) == 0
    # The profile was closed again: it can be unlocked by the next start.
    profile.unlock(PASSPHRASE).close()


def test_smoke_test_fails_on_a_wrong_passphrase_or_a_missing_profile(gui_profile, monkeypatch, tmp_path, qapp):
    profile, _seeded = gui_profile
    monkeypatch.setenv("VANGNET_PASSPHRASE", "dit is het verkeerde wachtwoord")
    assert run_gui(profile.path, smoke_test=True) != 0
    assert run_gui(tmp_path / "bestaat-niet", smoke_test=True) != 0


def test_crash_details_hold_no_personal_data():
    bsn = make_bsn("34567891")
    try:
        raise ValueError(f"persoon {bsn} met naam Sanne de Vries niet gevonden")
    except ValueError:
        details = crash.safe_details(*sys.exc_info())
    assert bsn not in details and "Sanne" not in details
    assert "builtins.ValueError" in details
    assert "test_models_and_start.py" in details


def test_crash_dialog_copies_details(qtbot, qapp):
    from desktop.views.crash_dialog import CrashDialog

    dialog = CrashDialog("Vangnet 0.1.0\nFout: builtins.ValueError")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert qapp.clipboard().text() == "Vangnet 0.1.0\nFout: builtins.ValueError"


def test_settings_have_defaults_and_survive_a_restart(tmp_path, qapp):
    settings = Settings(tmp_path / "instellingen.ini")
    assert settings.idle_lock_minutes == 10
    assert settings.server_url == ""
    assert settings.language == "nl"
    settings.idle_lock_minutes = 3
    settings.server_url = "https://vangnet.example.nl"
    settings.sync()
    again = Settings(tmp_path / "instellingen.ini")
    assert again.idle_lock_minutes == 3
    assert again.server_url == "https://vangnet.example.nl"
    assert again.version == 1
    again.idle_lock_minutes = 100000
    assert again.idle_lock_minutes == 120
    assert is_valid_server_url("")
    assert not is_valid_server_url("https://gebruiker:geheim@vangnet.example.nl")
    assert not is_valid_server_url("ftp://vangnet.example.nl")


def test_settings_dialog_validates_the_server_address(qtbot, tmp_path):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.views.settings_dialog import SettingsDialog

    settings = Settings(tmp_path / "instellingen.ini")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.server_url, "vangnet.example.nl")
    assert not ok.isEnabled() and "https://" in dialog.problems.text()
    dialog.server_url.setText("https://vangnet.example.nl")
    dialog.idle_minutes.setValue(5)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert Settings(tmp_path / "instellingen.ini").idle_lock_minutes == 5


def test_qt_standard_buttons_are_dutch(qapp):
    from desktop.app import install_translations

    translators = install_translations(qapp)
    assert len(translators) == 2, "qtbase_nl and vangnet_nl are both loaded"
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Annuleren"


def test_list_page_shows_first_rows_at_once_and_the_rest_from_the_background(qtbot, ctx):
    from desktop.views.record_list import FIRST_ROWS, RecordListPage

    with ctx.session() as session:
        for number in range(250):
            session.add(
                Person(education_number=f"{400000000 + number}", first_names="Kind", last_name=f"Lijst{number:03d}",
                       birth_date=dt.date(2012, 1, 1), municipality_code="GM0505")
            )
    page = RecordListPage(ctx, LIST_SPECS["persons"])
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.model.complete, timeout=10_000) as blocker:
        page.show()
        assert page.model.partial
        assert page.model.rowCount() == FIRST_ROWS
        assert "meer dan" in page.count_label.text()
    assert blocker.args == [253]
    assert page.model.rowCount() == 253
    assert page.count_label.text() == "253 gevonden"
    assert page.model.index(252, 0).data() == "Vries, Sanne de"


def test_import_is_reachable_from_the_file_menu(main_window, qtbot, monkeypatch):
    from desktop.views import import_dialog

    shown = []
    monkeypatch.setattr(import_dialog.ImportDialog, "exec", lambda self: shown.append(self.windowTitle()) or 0)
    main_window.action("import").trigger()
    assert shown == ["Bestand importeren"]
    assert main_window.action("import").shortcut().toString() == "Ctrl+I"

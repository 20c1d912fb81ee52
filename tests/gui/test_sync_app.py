"""The app against a real sync server on loopback: sign in, status bar, conflicts resolved by clicking,
refused changes discarded, a revoked device wiped, a wrong password answered in Dutch."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import create_engine, event, select
from sqlalchemy.orm import sessionmaker

from desktop.models import Case, Person, School
from desktop.models.audit import current_actor
from desktop.models.base import Base
from desktop.models.enums import CaseKind, CasePhase, SchoolKind
from desktop.models.outbox import install_outbox
from desktop.models.record_ref import RecordRef
from desktop.models.session_user import current_user
from desktop.models.sync_tables import create_sync_tables
from desktop.operations import OpChanges
from desktop.views.conflict_banner import ConflictBanner
from desktop.views.conflicts_view import ConflictsView
from sync.client import SyncClient
from sync.engine import SyncEngine
from sync.server import auth
from sync.server.db import records
from sync.server.devices import revoke_device
from tests.sync.conftest import PASSWORD, LiveServer

SYNC_TIMEOUT_MS = 30_000


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    auth.set_hash_parameters(1, 8 * 1024)  # still Argon2id, cheap enough for a handful of logins
    server = LiveServer(f"sqlite:///{tmp_path}/server.sqlite3", tmp_path / "server-data").start()
    server.add_user("anna", "consultant", ["GM0505"])
    server.add_user("cora", "administrator", ["GM0505"])
    yield server
    server.stop()


@pytest.fixture
def window(qtbot, ctx, live_server, monkeypatch):
    from desktop.views.main_window import MainWindow

    monkeypatch.setenv("VANGNET_SERVER_URL", live_server.url)
    win = MainWindow(ctx, lambda text: ctx.profile.unlock(text))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    with qtbot.waitExposed(win):
        win.show()
    win.start()
    yield win
    win.close()


class OtherDevice:
    """A colleague's laptop: the desktop model in plain SQLite with its own outbox and engine."""

    def __init__(self, server: LiveServer, username: str, path: Path) -> None:
        self.db = create_engine(f"sqlite:///{path}")
        event.listen(self.db, "connect", lambda conn, _r: conn.execute("PRAGMA foreign_keys = ON"))
        Base.metadata.create_all(self.db)
        create_sync_tables(self.db)
        self.Session = sessionmaker(self.db, expire_on_commit=False)
        self._uninstall = install_outbox(self.Session)
        self.engine = SyncEngine(self.Session, SyncClient(server.url, sleep=lambda _s: None), Base.metadata)
        self.engine.login(username, PASSWORD)

    def sync(self):
        result = self.engine.sync()
        assert result.status == "ok", result.message
        return result

    def close(self) -> None:
        self._uninstall()
        self.engine.client.close()
        self.db.dispose()


def sign_in(qtbot, window, username: str = "anna", password: str = PASSWORD):
    """Type the account into the login dialog the app shows, like a person, and wait for the first sync."""
    qtbot.waitUntil(lambda: window.login_dialog is not None and window.login_dialog.isVisible(), timeout=15_000)
    dialog = window.login_dialog
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    with qtbot.waitSignal(window.sync.finished, timeout=SYNC_TIMEOUT_MS, check_params_cb=_ok) as blocker:
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def _ok(result) -> bool:
    return result.status == "ok"


def sync_now(qtbot, window):
    """Extra › Nu synchroniseren (F5 or Ctrl+R), and wait for the round to end."""
    assert [k.toString() for k in window.action("sync").shortcuts()] == ["F5", "Ctrl+R"]
    with qtbot.waitSignal(window.sync.finished, timeout=SYNC_TIMEOUT_MS) as blocker:
        window.action("sync").trigger()
    return blocker.args[0]


def new_case(ctx, assigned_user_id: str, number: str = "2026-900001") -> str:
    with ctx.session() as session:
        person = Person(first_names="Noor", last_name="Bakker", birth_date=dt.date(2012, 5, 6),
                        education_number="1" + number[-8:].replace("-", "0"), municipality_code="GM0505")
        session.add(person)
        session.flush()
        case = Case(case_number=number, person_id=person.id, kind=CaseKind.RELATIVE, opened_on=dt.date(2026, 9, 1),
                    assigned_user_id=assigned_user_id, municipality_code="GM0505")
        session.add(case)
        session.flush()
        case_id = case.id
    ctx.changed.emit(OpChanges.of("cases"))
    return case_id


def server_row(server: LiveServer, table: str, record_id: str):
    with server.engine.connect() as conn:
        return conn.execute(
            select(records).where(records.c.table_name == table, records.c.record_id == record_id)
        ).mappings().first()


def screenshot(widget, name: str) -> None:
    folder = os.environ.get("VANGNET_SCREENSHOT_DIR")
    if folder:
        widget.grab().save(str(Path(folder) / name))


def test_app_signs_in_syncs_and_shows_it_in_the_status_bar(qtbot, window, live_server, ctx):
    qtbot.waitUntil(lambda: window.sync_label.text() == "● Aanmelden nodig", timeout=15_000)
    result = sign_in(qtbot, window)
    assert result.pulled >= 2  # the server's accounts arrive as users
    assert window.sync_label.text() == "● Online"
    assert "nog niet" not in window.last_sync_label.text()
    assert window.pending_label.text() == "Te versturen: 0"
    assert window.conflicts_label.text() == "Conflicten: 0"
    # Local access log entries now name the signed-in user and this device; the profile remembers who.
    assert current_actor().user == "anna"
    assert current_actor().device == window.sync.tokens.device_id
    user = current_user(ctx.store)
    assert (user.username, user.role.value, user.municipality_codes) == ("anna", "consultant", ("GM0505",))
    assert user.user_id == live_server.users["anna"]

    case_id = new_case(ctx, live_server.users["anna"])
    qtbot.waitUntil(lambda: window.pending_label.text() == "Te versturen: 2", timeout=5_000)
    result = sync_now(qtbot, window)
    assert (result.status, result.applied) == ("ok", 2), result.message
    assert window.pending_label.text() == "Te versturen: 0"
    row = server_row(live_server, "cases", case_id)
    assert row is not None and row["version"] == 1


def test_conflict_resolved_by_clicking_reaches_the_server(qtbot, window, live_server, ctx, tmp_path):
    sign_in(qtbot, window)
    case_id = new_case(ctx, live_server.users["anna"])
    assert sync_now(qtbot, window).applied == 2
    cora = OtherDevice(live_server, "cora", tmp_path / "cora.sqlite3")
    try:
        cora.sync()
        with cora.Session.begin() as s:
            s.get(Case, case_id).phase = CasePhase.ANALYSE
        cora.sync()
        with ctx.session() as session:
            session.get(Case, case_id).phase = CasePhase.PLAN
        result = sync_now(qtbot, window)
        assert result.conflicts == 1, result.message
        assert window.conflicts_label.text() == "Conflicten: 1"
        with ctx.session() as session:
            assert session.get(Case, case_id).phase == CasePhase.ANALYSE  # the server value holds meanwhile

        # The case file says so.
        view = window.open_record(RecordRef("cases", case_id))
        qtbot.waitUntil(lambda: not view.loading, timeout=5_000)  # the case is read in the background
        banner = view.findChild(ConflictBanner)
        assert banner.isVisible()
        assert banner.text.text().startswith("Deze zaak heeft een conflict met de server")

        # Clicking the status bar opens the Conflicten view: the line is selected, its detail shows both values.
        qtbot.mouseClick(window.conflicts_label, Qt.MouseButton.LeftButton)
        conflicts = window.tabs.currentWidget()
        assert isinstance(conflicts, ConflictsView)
        qtbot.waitUntil(lambda: conflicts.model.rowCount() == 1 and conflicts.detail.item is not None, timeout=10_000)
        assert conflicts.count_label.text() == window.conflicts_label.text() == "Conflicten: 1"
        item = conflicts.detail.item
        assert item.record == "Zaak 2026-900001 – Noor Bakker"
        assert [(f.label, f.local, f.server) for f in item.fields] == [("Fase", "Plannen", "Analyseren")]
        assert conflicts.detail.field_rows() == [("Fase", "Plannen", "Analyseren")]
        assert conflicts.detail.keep_local_button.isVisible()
        screenshot(window, "conflicten.png")

        with qtbot.waitSignal(window.sync.finished, timeout=SYNC_TIMEOUT_MS, check_params_cb=_ok) as blocker:
            qtbot.mouseClick(conflicts.detail.keep_local_button, Qt.MouseButton.LeftButton)
        assert blocker.args[0].applied == 1
        qtbot.waitUntil(lambda: conflicts.model.rowCount() == 0 and not conflicts.loading, timeout=10_000)
        assert window.conflicts_label.text() == conflicts.count_label.text() == "Conflicten: 0"
        assert not banner.isVisible()

        # The server has the chosen value, and the colleague receives it.
        cora.sync()
        with cora.Session() as s:
            assert s.get(Case, case_id).phase == CasePhase.PLAN
        with ctx.session() as session:
            assert session.get(Case, case_id).phase == CasePhase.PLAN
    finally:
        cora.close()


def test_refused_change_is_shown_and_discarded(qtbot, window, live_server, ctx):
    sign_in(qtbot, window)
    # A consultant may not add schools (reference data): the server refuses, the rest goes on.
    with ctx.session() as session:
        school = School(brin="99ZZ", location="00", name="Nieuwe school", kind=SchoolKind.VO, city="Dordrecht",
                        municipality_code="GM0505")
        session.add(school)
        session.flush()
        school_id = school.id
    case_id = new_case(ctx, live_server.users["anna"])
    result = sync_now(qtbot, window)
    assert (result.rejected, result.applied) == (1, 2), result.message
    assert window.conflicts_label.text() == "Conflicten: 0 · geweigerd: 1"
    assert server_row(live_server, "cases", case_id) is not None

    view = window.open_conflicts()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and view.detail.item is not None, timeout=10_000)
    assert view.count_label.text() == "Conflicten: 0 · geweigerd: 1"
    assert view.detail.item.record == "School Nieuwe school"
    assert view.detail.reason_label.text() == "Reden van de server: U hebt geen toegang tot dit gegeven."
    asked = []
    view.confirm = lambda text: asked.append(text) or True
    with qtbot.waitSignal(view.decided, timeout=10_000):
        qtbot.mouseClick(view.detail.discard_button, Qt.MouseButton.LeftButton)
    assert asked and "vervalt" in asked[0]
    qtbot.waitUntil(lambda: view.model.rowCount() == 0 and not view.loading, timeout=10_000)
    assert view.count_label.text() == "Conflicten: 0"
    assert view.pages.currentWidget() is view.empty_label
    with ctx.session() as session:
        assert session.get(School, school_id) is None  # never reached the server, so it is gone here too
    qtbot.waitUntil(lambda: window.conflicts_label.text() == "Conflicten: 0", timeout=10_000)


def test_revoked_device_wipes_the_profile_and_says_so(qtbot, window, live_server, ctx, monkeypatch):
    from desktop.views import main_window as main_window_module

    sign_in(qtbot, window)
    shown = []
    monkeypatch.setattr(
        main_window_module.QMessageBox, "information", lambda _parent, title, text: shown.append((title, text))
    )
    assert revoke_device(live_server.engine, window.sync.tokens.device_id)
    profile_dir = ctx.profile.path
    assert profile_dir.exists()
    with qtbot.waitSignal(window.sync.wipe_required, timeout=SYNC_TIMEOUT_MS):
        window.action("sync").trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown[0][0] == "Apparaat ingetrokken"
    assert "zijn gewist" in shown[0][1]
    assert not profile_dir.exists()
    assert ctx.store is None
    assert not window.isVisible()


def test_login_with_a_wrong_password_says_so_in_dutch(qtbot, window, live_server):
    qtbot.waitUntil(lambda: window.login_dialog is not None and window.login_dialog.isVisible(), timeout=15_000)
    dialog = window.login_dialog
    assert dialog.windowTitle() == "Aanmelden bij de server"
    qtbot.keyClicks(dialog.username, "anna")
    qtbot.keyClicks(dialog.password, "dit is niet het wachtwoord")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=15_000)
    assert dialog.error.text() == "Gebruikersnaam of wachtwoord onjuist."
    assert dialog.isVisible()
    assert dialog.password.text() == ""  # the password is not kept, not even in the field
    assert window.sync.tokens is not None and not window.sync.tokens.refresh_token
    screenshot(dialog, "aanmelden.png")


def test_templates_published_on_the_server_arrive_with_the_next_sync(qtbot, window, live_server, ctx):
    from desktop.documents.templates import TemplateStore, builtin_template_dir
    from sync.template_sync import publish_template
    from tests.sync.test_template_sync import KIND, version_of

    live_server.add_user("fred", "system_administrator", [])
    shipped = (builtin_template_dir() / f"{KIND}.toml").read_text(encoding="utf-8")
    publish_template(live_server.client("fred"), KIND, version_of(shipped, 7, "Gepubliceerd."))
    sign_in(qtbot, window)
    office = TemplateStore.for_profile(ctx.profile.path)
    qtbot.waitUntil(lambda: office.current(KIND).version == 7, timeout=15_000)
    assert "Gepubliceerd." in office.current(KIND).source

"""The team lead's access log window: per person and per user, per period, CSV export, role check."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.models.audit import AuditAction, AuditEntry, acting_as, record, verify_chain
from desktop.models.enums import UserRole
from desktop.models.session_user import set_current_user
from desktop.views.audit_log_view import NOT_ALLOWED, AuditLogView, open_access_log


def _history(ctx, seeded) -> None:
    """pdr looked at Sanne's file and revealed her BSN; kim changed Sanne's case; pdr looked at Mila last year."""
    now = dt.datetime.now(dt.UTC)
    with ctx.session() as session:
        with acting_as("pdr", "laptop-7"):
            record(session, AuditAction.VIEW_PERSON, "person", seeded.mila_id, now=now - dt.timedelta(days=400))
            record(session, AuditAction.VIEW_PERSON, "person", seeded.sanne_id, now=now - dt.timedelta(days=3))
            record(session, AuditAction.REVEAL_BSN, "person", seeded.sanne_id, now=now - dt.timedelta(days=3))
        with acting_as("kim", "laptop-9"):
            record(session, AuditAction.CHANGE, "case", seeded.case_id, now=now - dt.timedelta(days=1))


def _as(ctx, role: UserRole, name: str = "teamleider") -> None:
    set_current_user(ctx.store, name, role, ["GM0505"], "laptop-1")


def _view(qtbot, ctx) -> AuditLogView:
    view = AuditLogView(ctx)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.loading, timeout=5_000)  # the users in the log are read in the background
    return view


def _column(view: AuditLogView, column: int) -> list[str]:
    return [row[column] for row in view.model.rows]


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (UserRole.TEAM_LEAD, True),
        (UserRole.SYSTEM_ADMINISTRATOR, True),
        (UserRole.CONSULTANT, False),
        (UserRole.ADMINISTRATOR, False),
        (None, False),
    ],
)
def test_only_the_team_lead_and_system_administrator_may_open_it(qtbot, ctx, role, allowed) -> None:
    if role is not None:
        _as(ctx, role)
    told: list[str] = []
    view = open_access_log(ctx, None, inform=lambda _parent, _title, text: told.append(text))
    if allowed:
        qtbot.addWidget(view)
        assert isinstance(view, AuditLogView) and told == []
    else:
        assert view is None and told == [NOT_ALLOWED]


def test_search_per_person_covers_the_whole_file_within_the_period(qtbot, ctx, seeded) -> None:
    _as(ctx, UserRole.TEAM_LEAD)
    _history(ctx, seeded)
    view = _view(qtbot, ctx)
    qtbot.keyClicks(view.person_query, "Sanne")
    qtbot.waitUntil(lambda: view.person_results.count() > 0, timeout=5_000)  # found in the background
    assert view.person_results.count() == 1
    shown = view.person_results.item(0).text()
    assert seeded.sanne_id in shown and seeded.sanne_bsn not in shown
    view._choose_person(view.person_results.item(0))
    with qtbot.waitSignal(view.searched, timeout=5_000):
        qtbot.mouseClick(view.search_button, Qt.MouseButton.LeftButton)

    # The person's own entries and her case's, newest first; Mila's is not hers.
    assert _column(view, 3) == ["gewijzigd", "BSN getoond", "dossier bekeken"]
    assert _column(view, 1) == ["kim", "pdr", "pdr"]
    assert _column(view, 2) == ["laptop-9", "laptop-7", "laptop-7"]
    assert _column(view, 5) == [seeded.case_id, seeded.sanne_id, seeded.sanne_id]
    assert set(_column(view, 6)) == {"gelukt"}
    # Dutch time, e.g. '5 maart 2025 14:03:07'.
    assert any(month in _column(view, 0)[0] for month in ("januari", "februari", "maart", "april", "mei", "juni",
               "juli", "augustus", "september", "oktober", "november", "december"))
    assert view.status.text() == "3 regel(s) gevonden."

    # A period of the last two days leaves out the earlier view; the first search is in the log now.
    view.since.setDate(view.since.date().currentDate().addDays(-2))
    with qtbot.waitSignal(view.searched, timeout=5_000):
        qtbot.mouseClick(view.search_button, Qt.MouseButton.LeftButton)
    assert _column(view, 3) == ["gezocht", "gewijzigd"]
    assert view.model.rows[0][1:5] == ("teamleider", "laptop-1", "gezocht", "toegangslogboek")


def test_search_per_user_and_an_empty_period(qtbot, ctx, seeded) -> None:
    _as(ctx, UserRole.TEAM_LEAD)
    _history(ctx, seeded)
    view = _view(qtbot, ctx)
    view.since.setDate(view.since.date().currentDate().addYears(-2))
    view.choose_user("pdr")
    with qtbot.waitSignal(view.searched, timeout=5_000):
        qtbot.mouseClick(view.search_button, Qt.MouseButton.LeftButton)
    assert _column(view, 3) == ["BSN getoond", "dossier bekeken", "dossier bekeken"]
    assert _column(view, 5)[-1] == seeded.mila_id

    view.until.setDate(view.since.date())
    with qtbot.waitSignal(view.searched, timeout=5_000):
        qtbot.mouseClick(view.search_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 0 and view.status.text() == "Geen regels in deze periode."
    assert not view.export_button.isEnabled()


def test_a_person_must_be_chosen_and_the_period_must_be_the_right_way_round(qtbot, ctx) -> None:
    _as(ctx, UserRole.TEAM_LEAD)
    view = _view(qtbot, ctx)
    qtbot.mouseClick(view.search_button, Qt.MouseButton.LeftButton)
    assert view.problem.text().startswith("Kies eerst een leerling")
    view.since.setDate(view.until.date().addDays(1))
    qtbot.mouseClick(view.search_button, Qt.MouseButton.LeftButton)
    assert view.problem.text() == "De einddatum ligt vóór de begindatum."


def test_searching_and_exporting_are_logged_themselves(qtbot, ctx, seeded, tmp_path) -> None:
    _as(ctx, UserRole.TEAM_LEAD)
    _history(ctx, seeded)
    view = _view(qtbot, ctx)
    view.choose_person(seeded.sanne_id, "Sanne de Vries")
    with qtbot.waitSignal(view.searched, timeout=5_000):
        qtbot.mouseClick(view.search_button, Qt.MouseButton.LeftButton)
    view.ask_path = lambda: str(tmp_path / "log")
    with qtbot.waitSignal(view.exported, timeout=5_000):
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)

    written = (tmp_path / "log.csv").read_bytes().decode("utf-8-sig").splitlines()
    assert written[0] == "Tijd;Gebruiker;Apparaat;Handeling;Object;Intern nummer;Resultaat"
    assert len(written) == 4 and seeded.sanne_bsn not in "".join(written)
    with ctx.session() as session:
        own = session.scalars(
            select(AuditEntry).where(AuditEntry.actor == "teamleider").order_by(AuditEntry.seq)
        ).all()
        assert [(e.action, e.object_type, e.object_id, e.device) for e in own] == [
            (AuditAction.SEARCH, "audit_log", seeded.sanne_id, "laptop-1"),
            (AuditAction.EXPORT, "audit_log", seeded.sanne_id, "laptop-1"),
        ]
        assert verify_chain(session) == []


def test_menu_action_in_the_main_window(qtbot, main_window, monkeypatch) -> None:
    menus = [a for a in main_window.menuBar().actions() if a.menu() is not None]
    assert [a.text() for a in menus].count("E&xtra") == 1
    extra = next(a.menu() for a in menus if a.text() == "E&xtra")
    action = main_window.action("access_log")
    assert action in extra.actions()
    assert action.text() == "&Toegangslogboek…"

    told: list[str] = []
    monkeypatch.setattr(
        "desktop.views.audit_log_view.QMessageBox.information", lambda _p, _t, text: told.append(text)
    )
    action.trigger()
    assert told == [NOT_ALLOWED] and main_window.findChild(AuditLogView) is None

    _as(main_window.ctx, UserRole.TEAM_LEAD)
    action.trigger()
    view = main_window.findChild(AuditLogView)
    assert isinstance(view, AuditLogView) and view.isVisible()
    view.close()


def test_log_model_passes_the_model_tester(qtbot, qtmodeltester, ctx, seeded) -> None:
    _as(ctx, UserRole.TEAM_LEAD)
    _history(ctx, seeded)
    view = _view(qtbot, ctx)
    qtbot.keyClicks(view.person_query, "Sanne")
    qtbot.waitUntil(lambda: view.person_results.count() > 0, timeout=5_000)  # found in the background
    view._choose_person(view.person_results.item(0))
    with qtbot.waitSignal(view.searched, timeout=5_000):
        qtbot.mouseClick(view.search_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 3
    qtmodeltester.check(view.model, force_py=True)

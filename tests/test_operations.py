"""The operations layer: writes run on the writer thread and announce their changes, errors go where they belong,
queries report progress."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from desktop import crash
from desktop.models import Person
from desktop.models.audit import AuditAction, record
from desktop.models.errors import DomainError
from desktop.operations import AppContext, CollectionOp, OpChanges, QueryOp
from desktop.settings import Settings


@pytest.fixture
def ctx(store, profile):
    return AppContext(profile, Settings(profile.settings_path), store)


@pytest.fixture
def crash_hook():
    crash.caught.clear()
    crash.install(show_dialog=False)
    yield crash.caught
    crash.caught.clear()
    crash.uninstall()


def _add_person(session, name: str = "Noor") -> str:
    person = Person(
        education_number="100000009",
        first_names=name,
        last_name="Bakker",
        birth_date=dt.date(2013, 5, 6),
        municipality_code="GM0505",
    )
    session.add(person)
    session.flush()
    return person.id


def _persons(ctx) -> int:
    return ctx.read(lambda session: session.scalar(select(func.count()).select_from(Person)))


def test_a_write_runs_off_the_gui_thread_and_its_changes_arrive_on_the_signal(qtbot, ctx):
    gui_thread = threading.get_ident()
    seen: dict = {}
    events: list = []

    def write(session):
        seen["thread"] = threading.get_ident()
        return _add_person(session)

    ctx.changed.connect(lambda changes: events.append(("changed", changes)))
    op = CollectionOp(ctx, write).success(lambda person_id: events.append(("success", person_id)))
    with qtbot.waitSignal(ctx.changed, timeout=5_000) as blocker:
        op.run_in_background()
    qtbot.waitUntil(lambda: len(events) == 2, timeout=5_000)

    assert seen["thread"] != gui_thread
    changes = blocker.args[0]
    assert isinstance(changes, OpChanges)
    person_id = events[1][1]
    assert changes.touches("persons") and not changes.touches("cases")
    assert changes.ids("persons") == {person_id}
    assert changes.touches_record("persons", person_id)
    assert [kind for kind, _value in events] == ["changed", "success"], "windows hear the change first"
    assert _persons(ctx) == 1


def test_a_domain_error_reaches_the_failure_handler_and_nothing_is_written(qtbot, ctx):
    refused: list[str] = []
    announced: list = []
    ctx.changed.connect(announced.append)

    def write(session):
        _add_person(session)
        raise DomainError("Deze zaak bestaat niet (meer).")

    CollectionOp(ctx, write).failure(lambda exc: refused.append(str(exc))).run_in_background()
    qtbot.waitUntil(lambda: bool(refused), timeout=5_000)
    assert refused == ["Deze zaak bestaat niet (meer)."]
    assert _persons(ctx) == 0, "the whole transaction is rolled back"
    assert announced == []


def test_without_a_failure_handler_the_message_is_shown(qtbot, ctx, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))

    def write(_session):
        raise DomainError("Kies eerst een leerling.")

    CollectionOp(ctx, write).run_in_background()
    qtbot.waitUntil(lambda: bool(told), timeout=5_000)
    assert told == ["Kies eerst een leerling."]


def test_another_exception_reaches_the_crash_hook_after_the_fault_handler(qtbot, ctx, crash_hook, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))
    cleaned: list[type] = []
    refused: list = []

    def write(_session):
        raise ValueError("programmeerfout")

    op = CollectionOp(ctx, write).failure(refused.append).fault(lambda exc: cleaned.append(type(exc)))
    op.run_in_background()
    qtbot.waitUntil(lambda: bool(crash_hook), timeout=5_000)
    assert [type(exc) for exc in crash_hook] == [ValueError]
    assert cleaned == [ValueError]
    assert refused == [] and told == [], "a fault is never shown as a message"


def test_a_query_reports_progress_and_its_result(qtbot, ctx):
    with ctx.session() as session:
        _add_person(session)
    steps: list[tuple[int, int, str]] = []
    results: list = []
    gui_thread = threading.get_ident()

    def count(session, progress):
        for done in range(1, 4):
            progress(done, 3, f"stap {done}")
        return threading.get_ident(), session.scalar(select(func.count()).select_from(Person))

    QueryOp(ctx, count).with_progress(lambda *step: steps.append(step)).success(results.append).run_in_background()
    qtbot.waitUntil(lambda: bool(results), timeout=5_000)
    thread, found = results[0]
    assert found == 1 and thread != gui_thread
    assert steps == [(1, 3, "stap 1"), (2, 3, "stap 2"), (3, 3, "stap 3")]


def test_an_access_log_entry_alone_is_not_announced(qtbot, ctx):
    announced: list = []
    done: list = []
    ctx.changed.connect(announced.append)
    CollectionOp(ctx, lambda session: record(session, AuditAction.VIEW_PERSON, "person", "p1")).success(
        done.append
    ).run_in_background()
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    assert announced == []


def test_declared_changes_are_added_to_what_the_session_saw(qtbot, ctx):
    with qtbot.waitSignal(ctx.changed, timeout=5_000) as blocker:
        CollectionOp(ctx, lambda _session: None, changes=OpChanges.of_everything()).run_in_background()
    assert blocker.args[0].touches("sync_conflicts", "cases")


def test_a_write_on_a_locked_profile_is_refused_in_dutch(qtbot, ctx):
    store, ctx.store = ctx.store, None
    refused: list[str] = []
    try:
        CollectionOp(ctx, _add_person).failure(lambda exc: refused.append(str(exc))).run_in_background()
        qtbot.waitUntil(lambda: bool(refused), timeout=5_000)
    finally:
        ctx.store = store
    assert refused == ["Vangnet is vergrendeld."]

"""The Conflicten view with many items: a lazy list model, filters with counts, one detail pane, and choices for
a line, a selection or a whole table carried out in the background while the window stays usable."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import time
import uuid
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, insert, select

from desktop.models import Case, Person, School
from desktop.models.enums import CasePhase, SchoolKind
from desktop.models.outbox import APPLYING_SERVER_CHANGES
from desktop.models.sync_tables import sync_conflicts, sync_outbox, sync_parked
from desktop.sync_service import CONFLICT, NOT_APPLIED, REFUSED, SyncService
from desktop.views.conflicts_model import KIND_COLUMN, RECORD_COLUMN, ProblemListModel
from desktop.views.conflicts_view import ConflictsView
from sync.engine import REFETCH_KEY, get_state, local_status
from tests.benchmarks.bench_conflicts import add_problems

LOAD_MS = 20_000
START = dt.datetime(2026, 9, 1, 8, 0, tzinfo=dt.UTC)


def conflict_row(table: str, record_id: str, n: int = 0, kind: str = "field", fields: dict | None = None,
                 server_row: dict | None = None) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "table_name": table,
        "record_id": record_id,
        "kind": kind,
        "fields": json.dumps({"fields": fields or {}, "server_row": server_row}),
        "op_id": str(uuid.uuid4()) if kind != "apply_failed" else None,
        "created_at": (START + dt.timedelta(seconds=n)).isoformat(),
    }


def phase_conflict(case_id: str, n: int = 0, local: str = "plan", server: str = "analyse") -> dict[str, Any]:
    return conflict_row("cases", case_id, n, fields={"phase": {"local": local, "server": server}})


def city_conflict(person_id: str, n: int = 0) -> dict[str, Any]:
    return conflict_row("persons", person_id, n, fields={"city": {"local": "Zwijndrecht", "server": "Dordrecht"}})


def parked_row(table: str, record_id: str, n: int, kind: str = "update", changes: dict | None = None,
               message: str = "U hebt geen toegang tot dit gegeven.") -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "device_counter": 1000 + n,
        "table_name": table,
        "record_id": record_id,
        "kind": kind,
        "base_version": 0 if kind == "insert" else 1,
        "changes": json.dumps(changes or {"city": {"old": "Dordrecht", "new": "Gorinchem"}}),
        "reason": "forbidden",
        "message": message,
        "parked_at": (START + dt.timedelta(seconds=n)).isoformat(),
    }


def put(ctx, conflicts: list[dict] = (), parked: list[dict] = ()) -> None:
    """Straight into the sync tables, as a first sync leaves them."""
    with ctx.store.engine.begin() as connection:
        if conflicts:
            connection.execute(insert(sync_conflicts), list(conflicts))
        if parked:
            connection.execute(insert(sync_parked), list(parked))


def scalar(ctx, statement):
    with ctx.session() as session:
        return session.scalar(statement)


@pytest.fixture
def service(ctx):
    return SyncService(ctx)


@pytest.fixture
def make_view(qtbot, ctx, service):
    def make() -> ConflictsView:
        view = ConflictsView(ctx, service)
        qtbot.addWidget(view)
        view.resize(1366, 768)
        with qtbot.waitExposed(view):
            view.show()
        with qtbot.waitSignal(view.loaded, timeout=LOAD_MS):
            view.reload()
        return view

    return make


def texts(view: ConflictsView, column: int) -> list[str]:
    return [view.model.index(r, column).data() for r in range(view.model.rowCount())]


def combo_items(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def choose(qtbot, view: ConflictsView, combo, data) -> None:
    """Pick an entry of a filter as a person does (the activated signal), and wait for the list."""
    index = combo.findData(data)
    assert index >= 0, combo_items(combo)
    combo.setCurrentIndex(index)
    with qtbot.waitSignal(view.loaded, timeout=LOAD_MS):
        combo.activated.emit(index)


def wait_done(qtbot, view: ConflictsView) -> None:
    # The selected line's detail is read in the background after the list.
    qtbot.waitUntil(lambda: not view.busy and not view.loading and not view.detail_loading, timeout=LOAD_MS)


def test_model_passes_the_model_tester(qtbot, qtmodeltester, ctx, service, make_view):
    view = make_view()
    assert view.model.rowCount() == 0
    assert view.pages.currentWidget() is view.empty_label
    qtmodeltester.check(view.model, force_py=True)
    # The tester keeps watching while the list fills with every kind.
    add_problems(ctx.store.engine, 250, seed=3)
    with qtbot.waitSignal(view.loaded, timeout=LOAD_MS):
        view.reload()
    assert view.model.rowCount() == 250
    assert {k for k, _id in view.model.keys} == {CONFLICT, REFUSED, NOT_APPLIED}
    standalone = ProblemListModel(lambda keys, deliver: deliver(service.problem_rows(keys)))
    result = service.problem_list(first=100)
    standalone.set_content(result.keys, result.rows)
    qtmodeltester.check(standalone, force_py=True)


def test_ten_thousand_conflicts_open_as_a_lazy_list(qtbot, ctx, seeded, make_view):
    put(ctx, [phase_conflict(seeded.case_id, n) if n % 2 else city_conflict(seeded.sanne_id, n) for n in range(10_000)])
    empty = ConflictsView(ctx, SyncService(ctx))
    qtbot.addWidget(empty)
    widgets_without_items = len(empty.findChildren(QWidget))

    view = make_view()
    assert view.model.rowCount() == 10_000
    assert view.count_label.text() == "Conflicten: 10.000"
    with ctx.session() as session:
        assert local_status(session).conflicts == 10_000  # what the status bar shows
    # No widget per item: the view holds as many widgets as without any.
    assert len(view.findChildren(QWidget)) == widgets_without_items
    # The first page came with the ids; drawing the first rows read nothing more.
    view.table.viewport().repaint()
    assert view.model.pages_loaded == 0
    assert texts(view, KIND_COLUMN)[:3] == ["Conflict"] * 3
    assert view.model.index(0, RECORD_COLUMN).data() == "Leerling Sanne de Vries"
    case_number = scalar(ctx, select(Case.case_number))
    assert view.model.index(1, RECORD_COLUMN).data() == f"Zaak {case_number} – Sanne de Vries"
    # Scrolling to the end reads the page shown there, not the ones in between.
    view.table.scrollToBottom()
    view.table.viewport().repaint()
    assert 1 <= view.model.pages_loaded <= 2
    # The first line is selected and its detail shows both values.
    assert view.detail.field_rows() == [("Woonplaats", "Zwijndrecht", "Dordrecht")]
    assert view.detail.keep_local_button.isVisible() and not view.detail.retry_button.isVisible()


def test_filter_per_table_and_per_kind_with_counts(qtbot, ctx, seeded, make_view):
    cases = [phase_conflict(seeded.case_id, n) for n in range(30)]
    persons = [city_conflict(seeded.mila_id, 100 + n) for n in range(20)]
    schools = [parked_row("schools", seeded.school_id, n, changes={"name": {"old": "A", "new": "B"}}) for n in range(5)]
    put(ctx, cases + persons, schools)
    view = make_view()
    assert combo_items(view.table_filter) == ["Alle gegevens (55)", "Leerling (20)", "School (5)", "Zaak (30)"]
    assert combo_items(view.kind_filter) == ["Alle soorten (55)", "Conflicten (50)", "Geweigerd door de server (5)"]

    choose(qtbot, view, view.table_filter, "persons")
    assert view.model.rowCount() == 20
    assert all(text.startswith("Leerling Mila Jansen") for text in texts(view, RECORD_COLUMN))
    assert view.shown_label.text() == "20 getoond"
    assert view.scope_label.text() == "Voor alle 20 getoonde regels bij Leerling:"
    # The kinds now count within Leerling.
    assert combo_items(view.kind_filter) == ["Alle soorten (20)", "Conflicten (20)"]

    choose(qtbot, view, view.table_filter, None)
    choose(qtbot, view, view.kind_filter, REFUSED)
    assert texts(view, KIND_COLUMN) == ["Geweigerd"] * 5
    assert combo_items(view.table_filter) == ["Alle gegevens (5)", "School (5)"]
    assert view.retry_all.isVisible() and view.discard_all.isVisible() and not view.keep_local_all.isVisible()

    # Sorting by kind is done in SQL: the refused changes come after the conflicts.
    choose(qtbot, view, view.kind_filter, None)
    with qtbot.waitSignal(view.loaded, timeout=LOAD_MS):
        view.table.sortByColumn(KIND_COLUMN, Qt.SortOrder.AscendingOrder)
    assert texts(view, KIND_COLUMN)[-5:] == ["Geweigerd"] * 5
    assert texts(view, KIND_COLUMN)[0] == "Conflict"


def test_server_values_for_a_whole_table_in_the_background(qtbot, ctx, seeded, make_view):
    put(ctx, [phase_conflict(seeded.case_id, n) for n in range(6_000)] +
        [city_conflict(seeded.sanne_id, 10_000 + n) for n in range(4_000)])
    pending_before = scalar(ctx, select(func.count()).select_from(sync_outbox))
    view = make_view()
    choose(qtbot, view, view.table_filter, "cases")
    assert view.model.rowCount() == 6_000
    assert view.keep_server_all.text() == "Waarden van de server houden"
    asked: list[str] = []
    view.confirm = lambda text: asked.append(text) or True

    # The event loop keeps turning while the choice is carried out.
    beats: list[float] = []
    timer = QTimer(view)
    timer.setInterval(10)
    timer.timeout.connect(lambda: beats.append(time.perf_counter()))
    timer.start()
    started = time.perf_counter()
    view.keep_server_all.click()
    assert time.perf_counter() - started < 0.5
    assert view.busy and not view.keep_server_all.isEnabled()
    assert asked == ["Bij 6.000 conflicten blijft de waarde van de server; uw eigen wijzigingen daarvan vervallen. "
                     "Doorgaan?"]
    with qtbot.waitSignal(view.decided, timeout=60_000) as blocker:
        pass
    timer.stop()
    assert blocker.args == ["6.000 conflicten opgelost: de waarden van de server blijven."]
    wait_done(qtbot, view)
    assert len(beats) > 3
    assert max(b - a for a, b in itertools.pairwise(beats)) < 1.0
    assert view.summary.text() == "6.000 conflicten opgelost: de waarden van de server blijven."

    # Every conflict of Zaak is resolved for the server, the Leerling ones wait; nothing was queued.
    with ctx.session() as session:
        left = dict(session.execute(
            select(sync_conflicts.c.table_name, func.count())
            .where(sync_conflicts.c.resolved_at.is_(None))
            .group_by(sync_conflicts.c.table_name)
        ).all())
        resolutions = set(session.scalars(
            select(sync_conflicts.c.resolution).where(sync_conflicts.c.table_name == "cases")
        ))
    assert left == {"persons": 4_000}
    assert resolutions == {"server"}
    assert scalar(ctx, select(func.count()).select_from(sync_outbox)) == pending_before
    # The list read itself again: the filter on Zaak is empty now, the counts agree.
    assert view.model.rowCount() == 0
    assert view.count_label.text() == "Conflicten: 4.000"
    assert combo_items(view.table_filter) == ["Alle gegevens (4.000)", "Leerling (4.000)", "Zaak (0)"]
    assert view.table_filter.currentText() == "Zaak (0)"
    assert view.detail.placeholder.text() == "Bij dit filter zijn er geen regels meer."


def test_my_values_for_a_selection(qtbot, ctx, seeded, make_view):
    with ctx.session() as session:
        session.info[APPLYING_SERVER_CHANGES] = True
        session.get(Case, seeded.case_id).phase = CasePhase.ANALYSE  # the server's value holds meanwhile
    put(ctx, [phase_conflict(seeded.case_id, 0), city_conflict(seeded.mila_id, 1), city_conflict(seeded.daan_id, 2),
              city_conflict(seeded.sanne_id, 3)])
    view = make_view()
    view.confirm = lambda _text: True
    view.table.selectRow(0)
    view.table.selectionModel().select(
        view.model.index(2, 0), view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows,
    )
    assert view.scope_label.text() == "Voor de 2 geselecteerde regels:"
    with qtbot.waitSignal(view.decided, timeout=LOAD_MS) as blocker:
        view.keep_local_all.click()
    assert blocker.args == ["2 conflicten opgelost: uw waarden gaan bij de volgende synchronisatie naar de server."]
    wait_done(qtbot, view)
    assert view.model.rowCount() == 2
    with ctx.session() as session:
        assert session.get(Case, seeded.case_id).phase == CasePhase.PLAN
        assert session.get(Person, seeded.daan_id).city == "Zwijndrecht"
        assert session.get(Person, seeded.mila_id).city == "Dordrecht"  # not selected: untouched
        queued = session.execute(select(sync_outbox.c.table_name, sync_outbox.c.changes)).all()
    assert sorted((t, set(json.loads(c))) for t, c in queued) == [("cases", {"phase"}), ("persons", {"city"})]


def test_bulk_keep_local_does_what_one_choice_does(ctx, seeded, service):
    """The chunked path and the single choice leave the same record and the same queued operation."""
    with ctx.session() as session:
        session.info[APPLYING_SERVER_CHANGES] = True
        session.get(Person, seeded.mila_id).city = "Dordrecht"
        session.get(Person, seeded.daan_id).city = "Dordrecht"
    one, many = city_conflict(seeded.mila_id, 0), city_conflict(seeded.daan_id, 1)
    put(ctx, [one, many])
    service.resolve(one["id"], "local")
    assert service.resolve_many([many["id"], many["id"], "unknown"], "local") == 1
    assert service.resolve_many([many["id"]], "local") == 0  # decided already
    with ctx.session() as session:
        ops = {
            rid: (kind, json.loads(changes), version)
            for rid, kind, changes, version in session.execute(
                select(sync_outbox.c.record_id, sync_outbox.c.kind, sync_outbox.c.changes, sync_outbox.c.base_version)
            )
        }
        cities = {session.get(Person, pid).city for pid in (seeded.mila_id, seeded.daan_id)}
    assert ops[seeded.mila_id] == ops[seeded.daan_id]
    assert ops[seeded.mila_id][1] == {"city": {"old": "Dordrecht", "new": "Zwijndrecht"}}
    assert cities == {"Zwijndrecht"}


def test_refused_changes_discarded_one_and_many(qtbot, ctx, seeded, make_view):
    with ctx.session() as session:
        school = School(brin="99ZZ", location="00", name="Nieuwe school", kind=SchoolKind.VO, city="Dordrecht",
                        municipality_code="GM0505")
        session.add(school)
        session.flush()
        school_id = school.id
        # The server refused it: its outbox entry became the parked operation below.
        session.execute(sync_outbox.delete().where(sync_outbox.c.record_id == school_id))
    put(ctx, parked=[
        parked_row("schools", school_id, 0, "insert", {"name": {"old": None, "new": "Nieuwe school"}}),
        parked_row("persons", seeded.sanne_id, 1),
        parked_row("persons", seeded.mila_id, 2),
    ])
    view = make_view()
    assert view.count_label.text() == "Conflicten: 0 · geweigerd: 3"
    assert view.detail.item.record == "School Nieuwe school"
    assert view.detail.reason_label.text() == "Reden van de server: U hebt geen toegang tot dit gegeven."
    assert view.detail.field_rows() == [("Naam", "Nieuwe school")]
    assert view.detail.discard_button.isVisible() and not view.detail.keep_local_button.isVisible()
    asked: list[str] = []
    view.confirm = lambda text: asked.append(text) or True
    with qtbot.waitSignal(view.decided, timeout=LOAD_MS) as blocker:
        view.detail.discard_button.click()
    assert asked == ["De geweigerde wijziging van School Nieuwe school vervalt. Wilt u dat?"]
    assert blocker.args == ["1 geweigerde wijziging verworpen."]
    wait_done(qtbot, view)
    assert scalar(ctx, select(func.count()).select_from(School).where(School.id == school_id)) == 0
    assert view.model.rowCount() == 2
    assert view.detail.item.record == "Leerling Sanne de Vries"  # the next line took its place

    with qtbot.waitSignal(view.decided, timeout=LOAD_MS) as blocker:
        view.discard_all.click()
    assert blocker.args == ["2 geweigerde wijzigingen verworpen."]
    wait_done(qtbot, view)
    assert view.pages.currentWidget() is view.empty_label
    with ctx.session() as session:
        refetch = json.loads(get_state(session, REFETCH_KEY))
    # Given up: the next sync brings these records back to the server's state.
    assert sorted(map(tuple, refetch)) == sorted([("persons", seeded.sanne_id), ("persons", seeded.mila_id)])


def test_apply_failure_is_its_own_kind_and_is_fetched_again(qtbot, ctx, seeded, make_view):
    server_row = {"id": seeded.sanne_id, "version": 9, "first_names": "Sanne", "prefix": "de", "last_name": "Vries",
                  "city": "Zwijndrecht", "updated_at": "2026-09-01T08:00:00+00:00"}
    put(ctx, [conflict_row("persons", seeded.sanne_id, 0, "apply_failed", server_row=server_row),
              phase_conflict(seeded.case_id, 1)])
    view = make_view()
    assert view.count_label.text() == "Conflicten: 2 (waarvan 1 niet verwerkt)"
    assert combo_items(view.kind_filter) == ["Alle soorten (2)", "Conflicten (1)", "Kon niet worden verwerkt (1)"]
    assert texts(view, KIND_COLUMN) == ["Kon niet worden verwerkt", "Conflict"]
    detail = view.detail
    assert detail.meta.text().startswith("Kon niet worden verwerkt · Leerling")
    assert "geen conflict" in detail.explanation.text()
    assert detail.field_rows() == [("Woonplaats", "Dordrecht", "Zwijndrecht")]
    assert detail.retry_button.isVisible()
    assert not detail.keep_local_button.isVisible() and not detail.keep_server_button.isVisible()
    assert not detail.discard_button.isVisible()

    # With both kinds shown, each choice says how many lines it concerns.
    assert view.retry_all.text() == "Opnieuw proberen (1)"
    assert view.keep_server_all.text() == "Waarden van de server houden (1)"

    with qtbot.waitSignal(view.decided, timeout=LOAD_MS) as blocker:
        detail.retry_button.click()
    assert blocker.args == ["1 gegeven wordt bij de volgende synchronisatie opnieuw opgehaald."]
    wait_done(qtbot, view)
    with ctx.session() as session:
        row = session.execute(select(sync_conflicts).where(sync_conflicts.c.kind == "apply_failed")).one()
        refetch = json.loads(get_state(session, REFETCH_KEY))
    assert row.resolution == "refetch" and row.resolved_at is not None
    assert refetch == [["persons", seeded.sanne_id]]
    assert texts(view, KIND_COLUMN) == ["Conflict"]
    assert view.count_label.text() == "Conflicten: 1"


def test_status_bar_and_view_count_the_same(qtbot, ctx, seeded, main_window):
    add_problems(ctx.store.engine, 120, seed=5)
    main_window.refresh_status()
    view = main_window.open_conflicts()
    qtbot.waitUntil(lambda: view.counts is not None and not view.loading, timeout=LOAD_MS)
    counts = view.counts
    with ctx.session() as session:
        state = local_status(session)
    assert (counts.conflicts, counts.refused) == (state.conflicts, state.parked)
    failed = counts.count(NOT_APPLIED)
    assert failed and counts.count(CONFLICT) and counts.refused
    assert main_window.conflicts_label.text() == f"Conflicten: {state.conflicts} · geweigerd: {state.parked}"
    assert view.count_label.text() == (
        f"Conflicten: {state.conflicts} (waarvan {failed} niet verwerkt) · geweigerd: {state.parked}"
    )
    assert view.model.rowCount() == 120

"""Background work: results and errors arrive on the GUI thread, progress is reported, writes queue up."""

from __future__ import annotations

import sys
import threading

from PySide6.QtWidgets import QMessageBox

from desktop import crash
from desktop.background import run_in_background, wait_for_background, write_pool
from desktop.models.errors import DomainError
from desktop.views.common import show_error


def test_result_arrives_on_the_gui_thread(qtbot):
    gui_thread = threading.get_ident()
    seen = {}

    def op():
        seen["worker"] = threading.get_ident()
        return 42

    # The worker may finish before a signal spy could connect: wait for the callback instead.
    run_in_background(op, lambda result: seen.update(result=result, thread=threading.get_ident()))
    qtbot.waitUntil(lambda: "result" in seen, timeout=5_000)
    assert seen["result"] == 42
    assert seen["thread"] == gui_thread
    assert seen["worker"] != gui_thread


def test_errors_and_progress_are_reported(qtbot):
    errors, steps = [], []

    def op(progress):
        for done in range(1, 4):
            progress(done, 3, f"stap {done}")
        raise ValueError("mislukt")

    run_in_background(op, None, errors.append, on_progress=lambda d, t, text: steps.append((d, t, text)))
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert isinstance(errors[0], ValueError)
    assert steps == [(1, 3, "stap 1"), (2, 3, "stap 2"), (3, 3, "stap 3")]


def test_writes_run_one_at_a_time(qtbot):
    assert write_pool().maxThreadCount() == 1
    active, overlap, done = [0], [False], []
    lock = threading.Lock()

    def write(number):
        def op():
            with lock:
                active[0] += 1
                overlap[0] = overlap[0] or active[0] > 1
            with lock:
                active[0] -= 1
            return number

        return op

    for number in range(5):
        run_in_background(write(number), done.append, writes=True)
    assert wait_for_background(5_000)
    qtbot.waitUntil(lambda: len(done) == 5, timeout=5_000)
    assert done == [0, 1, 2, 3, 4], "the write queue keeps the order"
    assert not overlap[0]


def test_a_fault_in_background_work_reaches_the_crash_handler(qtbot):
    def op():
        raise RuntimeError("programmeerfout")

    run_in_background(op)
    qtbot.waitUntil(lambda: bool(crash.caught), timeout=5_000)
    assert [type(exc) for exc in crash.caught] == [RuntimeError]
    crash.caught.clear()


def test_a_domain_error_is_told_and_a_value_error_reaches_the_crash_handler(qtbot, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))

    def refused():
        raise DomainError("Deze zaak bestaat niet (meer).")

    def faulty():
        raise ValueError("invalid literal for int()")

    for op in (refused, faulty):
        run_in_background(op, None, lambda exc: show_error(None, exc))
    qtbot.waitUntil(lambda: bool(told) and bool(crash.caught), timeout=5_000)
    assert told == ["Deze zaak bestaat niet (meer)."]
    assert [type(exc) for exc in crash.caught] == [ValueError]
    crash.caught.clear()


def test_emitting_signals_keeps_the_reference_count_of_true(qtbot):
    """Every report back is a signal emitted from Python. A Qt binding whose ``emit`` hands back True without
    taking a reference lowers True's count by one per emit, until the interpreter aborts on deallocating it
    ("bool_dealloc", seen at exit after a few thousand emits); PySide6 6.12.0 did that."""
    from PySide6.QtCore import QObject, Signal

    class Source(QObject):
        fired = Signal(object)

    source = Source()
    heard = []
    source.fired.connect(heard.append)
    before = sys.getrefcount(True)
    for n in range(500):
        source.fired.emit(n)
    assert len(heard) == 500
    heard.clear()
    assert sys.getrefcount(True) - before >= 0

"""Background work: results and errors arrive on the GUI thread, progress is reported, writes queue up."""

from __future__ import annotations

import threading

from desktop.background import run_in_background, wait_for_background, write_pool


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

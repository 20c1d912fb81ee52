"""`./run` as a person starts it (offscreen, with the app's smoke test), then a second profile signed in with the
demo account: a complete copy of the demo region, with nothing waiting, refused or in conflict."""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sync.server_process import ServerProcess

ROOT = Path(__file__).resolve().parents[1]
DEMO_PASSPHRASE = "oefenen met vangnet"
DEMO_PASSWORD = "demo van de vangnet-server"


def vangnet(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def counts(path: Path) -> collections.Counter:
    return collections.Counter(json.loads(line)["type"] for line in path.read_text("utf-8").splitlines()[1:-1])


@pytest.mark.slow
def test_run_then_a_second_profile_with_the_demo_account(tmp_path: Path) -> None:
    from tests.sync.conftest import free_port

    demo = tmp_path / "demo"
    env = {
        **os.environ,
        "VANGNET_DEMO_DIR": str(demo),
        "VANGNET_DEMO_PERSONS": "120",
        "VANGNET_DEMO_PORT": str(free_port()),
        "QT_QPA_PLATFORM": "offscreen",
        "VANGNET_NO_CRASH_DIALOG": "1",
    }
    env.pop("VANGNET_SERVER_URL", None)
    env.pop("VANGNET_PASSPHRASE", None)
    started = subprocess.run([str(ROOT / "run"), "--smoke-test"], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=600)
    assert started.returncode == 0, started.stderr[-3000:]
    assert "Gesynchroniseerd" in started.stdout + started.stderr
    # Started again: the profile exists and is signed in; the second start only syncs.
    again = subprocess.run([str(ROOT / "run"), "--smoke-test"], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=600)
    assert again.returncode == 0, again.stderr[-3000:]
    assert "Demoregio maken" not in again.stderr

    server = ServerProcess(f"sqlite:///{demo}/server.db", demo / "server", tmp_path / "server.log").start()
    try:
        plain = {**os.environ, "VANGNET_PASSPHRASE": DEMO_PASSPHRASE, "VANGNET_SERVER_PASSWORD": DEMO_PASSWORD}
        plain.pop("VANGNET_SERVER_URL", None)
        second = tmp_path / "tweede"
        for args in (("init",), ("login", "--server", server.url, "--user", "demo"), ("sync",)):
            done = vangnet(*args, "--data-dir", str(second), env=plain)
            assert done.returncode == 0, done.stderr[-2000:]
        for profile in (demo / "profiel", second):
            state = json.loads(vangnet("status", "--json", "--data-dir", str(profile), env=plain).stdout)
            assert (state["waiting"], state["refused"], state["conflicts"]) == (0, 0, 0), state
        first_copy, second_copy = tmp_path / "eerste.jsonl", tmp_path / "tweede.jsonl"
        vangnet("export", str(first_copy), "--data-dir", str(demo / "profiel"), env=plain)
        vangnet("export", str(second_copy), "--data-dir", str(second), env=plain)
        assert counts(second_copy) == counts(first_copy)
        assert counts(second_copy)["person"] == 120
    finally:
        server.stop()

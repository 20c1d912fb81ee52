"""`vangnet login`, `vangnet sync` and `vangnet status` against a real sync server on loopback: a profile
made with `vangnet init` signs in and syncs, a wrong password and an offline server end in one Dutch line
and exit 2, a refused change ends in exit 1, a revoked device is wiped as the app wipes it."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.commands.sync import ProgressLine
from desktop.models import Municipality, School
from desktop.models.enums import SchoolKind
from desktop.models.keyfile import KdfParams
from desktop.models.outbox import ensure_outbox
from desktop.models.session_user import current_user
from sync.client import SyncClient
from sync.engine import TOKEN_KEY, get_state
from sync.server import auth
from sync.server.devices import revoke_device
from tests.conftest import PASSPHRASE
from tests.sync.conftest import PASSWORD, LiveServer

WRONG_PASSWORD = "dit is niet het wachtwoord van anna"
STATUS_KEYS = {"server", "user", "last_sync", "waiting", "refused", "conflicts"}


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    auth.set_hash_parameters(1, 8 * 1024)  # still Argon2id, cheap enough for a handful of logins
    server = LiveServer(f"sqlite:///{tmp_path}/server.sqlite3", tmp_path / "server-data").start()
    server.add_user("anna", "consultant", ["GM0505"])
    yield server
    server.stop()


@pytest.fixture
def cli(monkeypatch, profile):
    """The environment of a scheduled job: passphrase and server password from the environment, no terminal."""
    monkeypatch.setenv("VANGNET_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("VANGNET_SERVER_PASSWORD", PASSWORD)
    monkeypatch.delenv("VANGNET_SERVER_URL", raising=False)
    monkeypatch.delenv("VANGNET_DATA_DIR", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    # Profiles made through the CLI calibrate Argon2id; keep the suite quick.
    monkeypatch.setattr("desktop.models.store.calibrate", KdfParams.minimum)
    # Retries against a server that is down follow at once instead of after a backoff.
    monkeypatch.setattr(SyncClient, "_delay", lambda _self, _attempt: 0.0)
    return ["--data-dir", str(profile.path)]


def signed_in(cli, live_server, capsys) -> None:
    assert main(["init", *cli]) == 0
    assert main(["login", "--server", live_server.url, "--user", "anna", *cli]) == 0
    capsys.readouterr()


def status(cli, capsys) -> dict:
    assert main(["status", "--json", *cli]) == 0
    return json.loads(capsys.readouterr().out)


def test_init_login_sync_and_status(cli, profile, live_server, capsys):
    from desktop.documents.templates import TemplateStore, builtin_template_dir
    from sync.template_sync import publish_template
    from tests.sync.test_template_sync import KIND, version_of

    assert main(["init", *cli]) == 0
    store = profile.unlock(PASSPHRASE)
    with store, store.session() as session:
        assert session.scalar(select(func.count()).select_from(Municipality)) >= 10  # the region's gemeenten
    capsys.readouterr()
    assert status(cli, capsys) == {
        "server": None, "user": None, "last_sync": None, "waiting": 0, "refused": 0, "conflicts": 0
    }

    assert main(["login", "--server", live_server.url, "--user", "anna", *cli]) == 0
    out = capsys.readouterr().out
    assert f"Aangemeld bij {live_server.url} als anna." in out

    # A text the functioneel beheerder published arrives with the round, as in the app.
    live_server.add_user("fred", "system_administrator", [])
    shipped = (builtin_template_dir() / f"{KIND}.toml").read_text(encoding="utf-8")
    publish_template(live_server.client("fred"), KIND, version_of(shipped, 7, "Gepubliceerd."))

    assert main(["sync", *cli]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Gesynchroniseerd: 0 verstuurd, ")
    assert "Ophalen… " in captured.err and "Sjablonen ophalen…" in captured.err  # plain lines without a terminal
    assert TemplateStore.for_profile(profile.path).current(KIND).version == 7

    state = status(cli, capsys)
    assert set(state) == STATUS_KEYS
    assert (state["server"], state["user"]) == (live_server.url, "anna")
    assert (state["waiting"], state["refused"], state["conflicts"]) == (0, 0, 0)
    assert state["last_sync"] is not None and "T" in state["last_sync"]

    # The account's own record came with the pull: the profile now knows its gemeenten too.
    store = profile.unlock(PASSPHRASE)
    with store:
        user = current_user(store)
        assert (user.username, user.role.value, user.municipality_codes) == ("anna", "consultant", ("GM0505",))
        assert user.user_id == live_server.users["anna"]
        with store.session() as session:
            assert json.loads(get_state(session, TOKEN_KEY))["device_id"] == user.device_id

    # --data-dir before the subcommand works as well; the lines without --json are Dutch.
    assert main([*cli, "status"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [f"Server: {live_server.url}", "Aangemeld als: anna"]
    assert "Te versturen: 0" in lines and "Geweigerd: 0" in lines and "Conflicten: 0" in lines


def test_wrong_password_is_one_dutch_line_and_leaves_no_trace(cli, profile, live_server, capsys, monkeypatch,
                                                              no_secrets_in_logs):
    assert main(["init", *cli]) == 0
    capsys.readouterr()
    monkeypatch.setenv("VANGNET_SERVER_PASSWORD", WRONG_PASSWORD)
    assert main(["login", "--server", live_server.url, "--user", "anna", *cli]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "vangnet: Aanmelden mislukt: Gebruikersnaam of wachtwoord onjuist.\n"

    monkeypatch.delenv("VANGNET_SERVER_PASSWORD")
    assert main(["login", "--server", live_server.url, "--user", "anna", *cli]) == 2  # no terminal to ask on
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "VANGNET_SERVER_PASSWORD" in err

    assert main(["login", "--server", "http://vangnet.example.nl", "--user", "anna", *cli]) == 2
    assert "Ongeldig serveradres" in capsys.readouterr().err

    # Nothing was stored: no address that never took a login, no tokens, and never the password.
    assert status(cli, capsys)["server"] is None
    for path in profile.path.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert WRONG_PASSWORD.encode() not in content and PASSWORD.encode() not in content, path.name
    logged = " ".join(text for _name, text in no_secrets_in_logs.collector.messages)
    assert WRONG_PASSWORD not in logged and PASSWORD not in logged


def test_sync_while_the_server_is_down_says_offline(cli, live_server, capsys):
    signed_in(cli, live_server, capsys)
    live_server.stop()
    assert main(["sync", *cli]) == 2
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]
    assert last.startswith("vangnet: Niet gesynchroniseerd (offline): ")
    assert "Traceback" not in err
    assert status(cli, capsys)["last_sync"] is None  # the profile still opens and says what it knows


def test_refused_change_exits_1_and_shows_in_status(cli, profile, live_server, capsys):
    signed_in(cli, live_server, capsys)
    assert main(["sync", *cli]) == 0
    capsys.readouterr()
    # A consultant may not add schools (reference data): the server refuses, the round completes.
    store = profile.unlock(PASSPHRASE)
    with store:
        ensure_outbox(store)
        with store.session() as session:
            session.add(School(brin="99ZZ", location="00", name="Nieuwe school", kind=SchoolKind.VO,
                               city="Dordrecht", municipality_code="GM0505"))
    assert status(cli, capsys)["waiting"] == 1
    capsys.readouterr()
    assert main(["sync", *cli]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("Gesynchroniseerd: 1 verstuurd")
    assert captured.err.strip().splitlines()[-1] == (
        "vangnet: Gesynchroniseerd, maar 1 geweigerde wijziging wacht op u: zie Extra › Conflicten in de app."
    )
    state = status(cli, capsys)
    assert (state["waiting"], state["refused"], state["conflicts"]) == (0, 1, 0)
    assert main(["status", *cli]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Geweigerd: 1" in lines
    assert lines[-1] == "1 geweigerde wijziging wacht op u: zie Extra › Conflicten in de app."


def test_sync_without_login_and_after_revocation(cli, profile, live_server, capsys, monkeypatch):
    assert main(["init", *cli]) == 0
    assert main(["sync", *cli]) == 2
    assert "Er is geen server ingesteld" in capsys.readouterr().err
    monkeypatch.setenv("VANGNET_SERVER_URL", live_server.url)
    assert main(["sync", *cli]) == 2
    assert "Niet gesynchroniseerd (aanmelden nodig)" in capsys.readouterr().err
    monkeypatch.delenv("VANGNET_SERVER_URL")

    assert main(["login", "--server", live_server.url, "--user", "anna", *cli]) == 0
    store = profile.unlock(PASSPHRASE)
    with store:
        device_id = current_user(store).device_id
    assert revoke_device(live_server.engine, device_id)
    assert main(["sync", *cli]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("vangnet: Niet gesynchroniseerd (apparaat ingetrokken): ")
    assert err.endswith("Het profiel op deze computer is gewist.")
    assert not profile.path.exists()


def test_the_installed_command_with_data_dir_after_the_subcommand(profile, live_server, tmp_path):
    """The real `vangnet` program in a process of its own, as a scheduled job runs it."""
    profile.create(PASSPHRASE, kdf=KdfParams.minimum()).close()
    installed = Path(sys.executable).with_name("vangnet")
    command = [str(installed)] if installed.exists() else [sys.executable, "-m", "desktop.cli"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("VANGNET_")}
    env.update(VANGNET_PASSPHRASE=PASSPHRASE, VANGNET_SERVER_PASSWORD=PASSWORD, QT_QPA_PLATFORM="offscreen")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*command, *args, "--data-dir", str(profile.path)], capture_output=True, text=True,
                              env=env, stdin=subprocess.DEVNULL, timeout=120, check=False)

    login = run("login", "--server", live_server.url, "--user", "anna")
    assert login.returncode == 0, login.stderr
    synced = run("sync")
    assert synced.returncode == 0, synced.stderr
    assert "Verbinden met de server…" in synced.stderr.splitlines()
    shown = run("status", "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["waiting"] == 0
    for result in (login, synced, shown):
        assert PASSWORD not in result.stdout + result.stderr


def test_progress_is_one_updating_line_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = ProgressLine(stream)
    for phase, done in (("start", 0), ("push", 0), ("push", 500), ("pull", 1200), ("verify", 0)):
        progress(phase, done)
    progress("done", 1, 1)
    text = stream.getvalue()
    assert "\n" not in text and text.count("\r") >= 6
    assert "Versturen… 500" in text and "Ophalen… 1200" in text
    assert text.endswith("\r")

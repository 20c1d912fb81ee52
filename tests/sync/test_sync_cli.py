"""The `vangnet-server` admin commands and the server secret."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest
import requests

from sync.server import auth
from sync.server.cli import main
from tests.sync.conftest import SECRET, LiveServer


def test_users_and_devices_commands(tmp_path: Path, monkeypatch, capsys) -> None:
    url = f"sqlite:///{tmp_path}/cli.sqlite3"
    monkeypatch.setattr("sys.stdin", io.StringIO("een heel lang wachtwoord\n"))
    assert (
        main(
            [
                "--database-url",
                url,
                "users",
                "add",
                "jan",
                "--role",
                "consultant",
                "--gemeente",
                "GM0505",
                "--password-stdin",
            ]
        )
        == 0
    )
    user_id = capsys.readouterr().out.strip()
    assert len(user_id) == 36
    monkeypatch.setattr("sys.stdin", io.StringIO("kort\n"))
    assert main(["--database-url", url, "users", "add", "piet", "--role", "consultant", "--password-stdin"]) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("een heel lang wachtwoord\n"))
    assert main(["--database-url", url, "users", "add", "jan", "--role", "consultant", "--password-stdin"]) == 1
    capsys.readouterr()
    server = LiveServer(url, tmp_path / "data").start()
    try:
        answer = requests.post(
            server.url + "/api/v1/auth/login",
            timeout=10,
            json={"username": "jan", "password": "een heel lang wachtwoord", "device_name": "L1"},
            headers={"X-Vangnet-Protocol": "1", "X-Vangnet-Schema": "1"},
        )
        device_id = answer.json()["device_id"]
        assert main(["--database-url", url, "devices", "list", "jan"]) == 0
        listing = capsys.readouterr().out
        assert device_id in listing and "actief" in listing and "een heel lang" not in listing
        assert main(["--database-url", url, "devices", "revoke", device_id]) == 0
        assert main(["--database-url", url, "devices", "revoke", "onbekend"]) == 1
        main(["--database-url", url, "devices", "list"])
        assert "ingetrokken" in capsys.readouterr().out
        assert main(["--database-url", url, "users", "list"]) == 0
        assert "jan" in capsys.readouterr().out
    finally:
        server.stop()


def test_openapi_is_served_in_development(tmp_path: Path) -> None:
    server = LiveServer(f"sqlite:///{tmp_path}/dev.sqlite3", tmp_path / "data").start(development=True)
    try:
        spec = requests.get(server.url + "/api/openapi.json", timeout=10).json()
        assert "/api/v1/sync/push" in spec["paths"] and "/api/v1/auth/login" in spec["paths"]
    finally:
        server.stop()


def test_server_secret_is_random_and_owner_only(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("VANGNET_SERVER_SECRET", raising=False)
    first = auth.load_secret(tmp_path)
    assert auth.load_secret(tmp_path) == first and len(first) == 32 and first != SECRET
    mode = stat.S_IMODE(os.stat(tmp_path / "server-secret.key").st_mode)
    assert mode == 0o600
    monkeypatch.setenv("VANGNET_SERVER_SECRET", "uit de omgeving")
    assert auth.load_secret(tmp_path) != first


def test_plain_token_helpers_reject_garbage() -> None:
    with pytest.raises(auth.TokenError):
        auth.verify_access_token(SECRET, "a.b.c")
    limiter = auth.RateLimiter(attempts=2, window_seconds=10)
    assert limiter.check("k", now=0) == 0
    limiter.hit("k", now=0)
    limiter.hit("k", now=1)
    assert limiter.check("k", now=2) > 0
    assert limiter.check("k", now=11) == 0


def test_audit_verify_and_search_on_the_command_line(tmp_path: Path, monkeypatch, capsys) -> None:
    url = f"sqlite:///{tmp_path}/cli.sqlite3"
    monkeypatch.setattr("sys.stdin", io.StringIO("een heel lang wachtwoord\n"))
    assert main(["--database-url", url, "users", "add", "els", "--role", "team_lead", "--password-stdin"]) == 0
    capsys.readouterr()
    assert main(["--database-url", url, "audit", "verify"]) == 0
    assert "fout" not in capsys.readouterr().out.lower()
    assert main(["--database-url", url, "audit", "zoek"]) == 0
    assert capsys.readouterr().out.strip()

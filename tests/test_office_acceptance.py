"""An office with three devices, across real processes: the server as `vangnet-server`, the devices with the
`vangnet` command only (and the app for one decision), on SQLite and on PostgreSQL.

The office's data is loaded into the server as a migration; a team lead's laptop, the office workstation and a
consultant's laptop each make a profile, sign in and sync. The workstation imports a DUO file and syncs; the
team lead's next sync has it; the consultant holds exactly her own cases; nothing waits, is refused or is in
conflict anywhere; edits of different fields of one case merge, and an edit of the same field is one conflict
that 'Mijn waarde houden' in the app settles on every device.
"""

from __future__ import annotations

import collections
import datetime as dt
import io
import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import OperationalError

from desktop.cli import main as vangnet
from desktop.models.keyfile import KdfParams
from desktop.models.region import load_region
from sync.client import SyncClient
from sync.server.db import accounts, records
from tests.conftest import PASSPHRASE
from tests.imports.conftest import bsn_numbers, write_csv
from tests.sync.server_process import ServerProcess

PASSWORD = "correct horse battery staple"
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SERVER = [sys.executable, "-m", "sync.server.cli"]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/kantoor.sqlite3"
        return
    name = "vangnet_office_" + uuid.uuid4().hex[:10]
    try:
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError:
        pytest.skip("PostgreSQL op 127.0.0.1:5432 is niet bereikbaar")
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    with admin.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"), {"n": name})
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


def server_command(database_url: str, data_dir: Path, *args: str, password: str | None = None) -> str:
    done = subprocess.run(
        [*SERVER, "--database-url", database_url, "--data-dir", str(data_dir), *args],
        input=(password + "\n") if password else None, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def run(capsys, *args: str) -> tuple[int, str]:
    """One `vangnet` command line, as a scheduled job runs it; (exit code, what it printed on stdout)."""
    capsys.readouterr()
    code = vangnet(list(args))
    return code, capsys.readouterr().out


def counts(path: Path) -> collections.Counter:
    return collections.Counter(json.loads(line)["type"] for line in path.read_text("utf-8").splitlines()[1:-1])


@pytest.mark.slow
def test_an_office_with_three_devices(database_url, tmp_path: Path, monkeypatch, capsys, qtbot) -> None:
    from desktop.models.demo import generate_demo
    from desktop.models.exporters.jsonl import export_jsonl
    from desktop.models.store import Profile

    monkeypatch.setenv("VANGNET_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("VANGNET_SERVER_URL", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    monkeypatch.setattr("desktop.models.store.calibrate", KdfParams.minimum)
    monkeypatch.setattr(SyncClient, "_delay", lambda _self, _attempt: 0.0)

    # The office's data, as its previous system exported it, goes onto the server as a migration.
    source = Profile(tmp_path / "oud-systeem").create(PASSPHRASE, kdf=KdfParams.minimum())
    with source.session() as session:
        generate_demo(session, persons=150, seed=7, today=dt.date(2026, 10, 5))
        export_jsonl(session, tmp_path / "kantoor.jsonl")
    source.close()
    office_file = counts(tmp_path / "kantoor.jsonl")
    data_dir = tmp_path / "server"
    server_command(database_url, data_dir, "import", "vangnet-jsonl", str(tmp_path / "kantoor.jsonl"))
    codes = load_region().codes
    gemeenten = [arg for code in codes for arg in ("--gemeente", code)]
    server_command(database_url, data_dir, "users", "add", "leiding", "--role", "team_lead", *gemeenten,
                   "--password-stdin", password=PASSWORD)
    server_command(database_url, data_dir, "users", "add", "werkplek", "--role", "administrator", *gemeenten,
                   "--password-stdin", password=PASSWORD)
    # A consultant of the old system: her migrated account is switched on with a password of her own.
    engine = create_engine(database_url)
    with engine.connect() as conn:
        assigned = collections.Counter(
            json.loads(data).get("assigned_user_id")
            for (data,) in conn.execute(select(records.c.data).where(records.c.table_name == "cases"))
        )
        consultant_id = next(user for user, _n in assigned.most_common() if user)
        consultant = conn.execute(select(accounts.c.username).where(accounts.c.id == consultant_id)).scalar_one()
    server_command(database_url, data_dir, "users", "enable", consultant, "--password-stdin", password=PASSWORD)

    server = ServerProcess(database_url, data_dir, tmp_path / "server.log").start()
    monkeypatch.setenv("VANGNET_SERVER_PASSWORD", PASSWORD)
    devices = {name: tmp_path / name for name in ("leiding", "werkplek", consultant)}
    try:
        for name, folder in devices.items():
            assert run(capsys, "init", "--data-dir", str(folder))[0] == 0
            assert run(capsys, "login", "--data-dir", str(folder), "--server", server.url, "--user", name)[0] == 0
            code, out = run(capsys, "sync", "--data-dir", str(folder))
            assert code == 0, out

        # The team lead's laptop has every record of the office (and the two new accounts as users, and the
        # shipped school calendar that every profile and server holds).
        assert run(capsys, "export", "--data-dir", str(devices["leiding"]), str(tmp_path / "lead.jsonl"))[0] == 0
        lead = counts(tmp_path / "lead.jsonl")
        expected = office_file + collections.Counter({"user": 2, "school_holiday": 45})
        assert lead == expected, lead - office_file

        # ... and the same figures and worklist signals as the system the data came from.
        for args in (("stats", "--schooljaar", "2025-2026", "--json"), ("signals", "--weeks", "8")):
            source_out = run(capsys, *args, "--data-dir", str(tmp_path / "oud-systeem"))[1]
            assert run(capsys, *args, "--data-dir", str(devices["leiding"]))[1] == source_out, args[0]

        # The workstation imports a DUO file with new pupils and meldingen, then syncs; the team lead gets them.
        from tests.imports.test_duo_verzuim import HEADER, duo_row

        numbers = bsn_numbers(52_000_000)
        rows = [duo_row(f"ACC{n:04d}", next(numbers)) for n in range(6)]
        duo = write_csv(tmp_path / "duo.csv", HEADER, rows)
        assert run(capsys, "import", "duo-verzuim", str(duo), "--data-dir", str(devices["werkplek"]))[0] == 0
        assert run(capsys, "sync", "--data-dir", str(devices["werkplek"]))[0] == 0
        assert run(capsys, "sync", "--data-dir", str(devices["leiding"]))[0] == 0
        run(capsys, "export", "--data-dir", str(devices["leiding"]), str(tmp_path / "lead2.jsonl"))
        after = counts(tmp_path / "lead2.jsonl")
        assert after["absence_report"] == lead["absence_report"] + 6
        assert after["person"] == lead["person"] + 6 and after["case"] == lead["case"] + 6

        # The consultant holds exactly the cases assigned to her, with their files.
        with engine.connect() as conn:
            own_cases = {
                r.record_id
                for r in conn.execute(select(records.c.record_id, records.c.data).where(
                    records.c.table_name == "cases", records.c.deleted.is_(False)))
                if json.loads(r.data).get("assigned_user_id") == consultant_id
            }
        consultant_profile = Profile(devices[consultant]).unlock(PASSPHRASE)
        with consultant_profile.session() as session:
            held = {case_id for (case_id,) in session.execute(text("SELECT id FROM cases WHERE deleted = 0"))}
            persons = {p for (p,) in session.execute(text("SELECT DISTINCT person_id FROM cases"))}
            all_persons = {p for (p,) in session.execute(text("SELECT id FROM persons"))}
        consultant_profile.close()
        assert held == own_cases and held
        assert all_persons == persons

        for folder in devices.values():
            code, out = run(capsys, "status", "--json", "--data-dir", str(folder))
            state = json.loads(out)
            assert (state["waiting"], state["refused"], state["conflicts"]) == (0, 0, 0), (folder.name, state)

        # Different fields of one case on two devices merge; the same field is one conflict.
        case_id = sorted(own_cases)[0]
        edit(devices[consultant], case_id, summary="Gesprek met moeder gevoerd")
        edit(devices["werkplek"], case_id, phase="analyse")
        for name in (consultant, "werkplek", consultant):
            assert run(capsys, "sync", "--data-dir", str(devices[name]))[0] == 0
        for name in (consultant, "werkplek"):
            assert field(devices[name], case_id, "summary", "phase") == ("Gesprek met moeder gevoerd", "analyse")
        edit(devices["werkplek"], case_id, summary="Door het kantoor bijgewerkt")
        edit(devices[consultant], case_id, summary="Huisbezoek afgesproken")
        assert run(capsys, "sync", "--data-dir", str(devices["werkplek"]))[0] == 0
        assert run(capsys, "sync", "--data-dir", str(devices[consultant]))[0] == 1  # a conflict waits for her
        assert json.loads(run(capsys, "status", "--json", "--data-dir", str(devices[consultant]))[1])["conflicts"] == 1
        keep_mine_in_the_app(qtbot, devices[consultant])
        assert run(capsys, "sync", "--data-dir", str(devices[consultant]))[0] == 0
        assert run(capsys, "sync", "--data-dir", str(devices["werkplek"]))[0] == 0
        for name in (consultant, "werkplek"):
            assert field(devices[name], case_id, "summary") == ("Huisbezoek afgesproken",)
            state = json.loads(run(capsys, "status", "--json", "--data-dir", str(devices[name]))[1])
            assert (state["waiting"], state["refused"], state["conflicts"]) == (0, 0, 0)
        assert server.server_errors() == []
    finally:
        server.stop()
        engine.dispose()


def edit(folder: Path, case_id: str, **values: str) -> None:
    """An edit in the profile as the app makes it (through the session: the outbox records it)."""
    from desktop.models import Case
    from desktop.models.store import Profile

    store = Profile(folder).unlock(PASSPHRASE)
    try:
        with store.session() as session:
            case = session.get(Case, case_id)
            for name, value in values.items():
                setattr(case, name, value)
    finally:
        store.close()


def field(folder: Path, case_id: str, *names: str) -> tuple:
    from desktop.models import Case
    from desktop.models.store import Profile

    store = Profile(folder).unlock(PASSPHRASE)
    try:
        with store.session() as session:
            case = session.get(Case, case_id)
            return tuple(str(getattr(case, name)) for name in names)
    finally:
        store.close()


def keep_mine_in_the_app(qtbot, folder: Path) -> None:
    """Extra › Conflicten in the app: the conflict is selected, and 'Mijn waarde houden' is clicked."""
    from PySide6.QtCore import Qt

    from desktop.models.store import Profile
    from desktop.operations.context import AppContext
    from desktop.settings import Settings
    from desktop.sync_service import SyncService
    from desktop.views.conflicts_view import ConflictsView

    profile = Profile(folder)
    ctx = AppContext(profile, Settings(profile.settings_path), profile.unlock(PASSPHRASE))
    try:
        view = ConflictsView(ctx, SyncService(ctx))
        qtbot.addWidget(view)
        with qtbot.waitExposed(view):
            view.show()
        with qtbot.waitSignal(view.loaded, timeout=20_000):
            view.reload()
        assert view.model.rowCount() == 1
        assert view.detail.keep_local_button.isVisible()
        qtbot.mouseClick(view.detail.keep_local_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not view.busy and view.model.rowCount() == 0, timeout=20_000)
        view.close()
    finally:
        ctx.store.close()

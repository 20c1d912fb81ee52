"""The `vangnet` command: one Dutch line on errors, profile commands, audit verify and wiping."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.cli import main
from desktop.models import Person
from desktop.models.audit import AuditAction, acting_as, record
from desktop.models.keyfile import KdfParams
from tests.conftest import PASSPHRASE


@pytest.fixture
def cli_env(monkeypatch, profile):
    monkeypatch.setenv("VANGNET_PASSPHRASE", PASSPHRASE)
    # Profiles made through the CLI calibrate Argon2id; keep the suite quick.
    monkeypatch.setattr("desktop.models.store.calibrate", KdfParams.minimum)
    return ["--data-dir", str(profile.path)]


def test_init_backup_restore_passwd(cli_env, profile, capsys, monkeypatch):
    assert main(["init", *cli_env]) == 0
    assert profile.exists()
    assert main(["init", *cli_env]) == 2
    assert "bestaat al een profiel" in capsys.readouterr().err
    assert main(["backup", *cli_env]) == 0
    assert len(profile.backups()) == 1
    assert main(["restore", *cli_env]) == 0
    monkeypatch.setenv("VANGNET_NEW_PASSPHRASE", "een nieuwe lange zin hier")
    assert main(["passwd", *cli_env]) == 0
    assert main(["backup", *cli_env]) == 2
    assert capsys.readouterr().err.strip().endswith("Het wachtwoord is onjuist.")


def test_errors_are_one_dutch_line_without_traceback(cli_env, capsys, monkeypatch):
    assert main(["backup", *cli_env]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "vangnet init" in err
    monkeypatch.setenv("VANGNET_PASSPHRASE", "kort")
    assert main(["init", *cli_env]) == 2
    assert "te kort" in capsys.readouterr().err


def test_audit_verify_reports_intact_and_tampered(cli_env, profile, capsys):
    store = profile.create(PASSPHRASE, kdf=KdfParams.minimum())
    with acting_as("u1", "d1"), store.session() as session:
        for number in range(3):
            record(session, AuditAction.VIEW_PERSON, "person", f"p{number}")
    with store.session() as session:
        session.connection().exec_driver_sql("DROP TRIGGER audit_log_no_update")
        session.connection().exec_driver_sql("UPDATE audit_log SET actor = 'x' WHERE seq = 2")
    store.close()
    assert main(["audit", "verify", *cli_env]) == 1
    assert "regel 2: de inhoud is gewijzigd" in capsys.readouterr().out
    assert main(["audit", "zoek", "--persoon", "p1", *cli_env]) == 0
    assert "dossier bekeken" in capsys.readouterr().out


def test_wipe_leaves_nothing_recognisable(cli_env, profile, tmp_path, capsys):
    store = profile.create(PASSPHRASE, kdf=KdfParams.minimum())
    with store.session() as session:
        session.add(Person(bsn="111222333", first_names="Zwaantje", last_name="Xylofoonmaker",
                           birth_date=date(2013, 1, 2)))
    store.backup()
    key_document = profile.key_path.read_bytes()
    database_head = profile.db_path.read_bytes()[:4096]
    store.close()
    assert main(["wipe", *cli_env]) == 2  # no confirmation without a terminal
    assert profile.exists()
    assert main(["wipe", "--yes", *cli_env]) == 0
    assert not profile.path.exists()
    needles = [key_document[20:80], database_head[100:200], b"Xylofoonmaker", b"111222333"]
    for path in tmp_path.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert not any(needle in content for needle in needles), path.name
    assert main(["wipe", "--yes", *cli_env]) == 2
    assert "geen profiel" in capsys.readouterr().err


def test_wipe_refuses_an_open_profile(cli_env, profile, capsys):
    store = profile.create(PASSPHRASE, kdf=KdfParams.minimum())
    try:
        assert main(["wipe", "--yes", *cli_env]) == 2
        assert "al geopend" in capsys.readouterr().err
        assert profile.exists()
    finally:
        store.close()


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("Vangnet ")

"""Starting the program imports only what the main window needs; the full command list stays available."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.cli import _needs_feature_commands, build_parser, main


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], False),
        (["--smoke-test"], False),
        (["gui", "--smoke-test"], False),
        (["--data-dir", "/tmp/x", "gui"], False),
        (["--data-dir", "/tmp/x", "letters", "kinds"], True),
        (["stats", "--schooljaar", "2023-2024"], True),
        (["--help"], True),
        (["demo", "--persons", "10"], False),
    ],
)
def test_feature_commands_are_loaded_only_when_named(argv, expected):
    assert _needs_feature_commands(argv) is expected


def test_full_help_lists_the_feature_commands(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    for command in ("gui", "letters", "audit", "wipe", "stats"):
        assert command in out


def test_core_parser_leaves_out_the_feature_commands():
    core = build_parser(with_feature_commands=False)
    assert core.parse_args(["gui", "--smoke-test"]).smoke_test is True
    with pytest.raises(SystemExit):
        core.parse_args(["letters", "kinds"])


def test_version_is_printed_without_starting_anything(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith("Vangnet ")


def test_starting_the_gui_command_line_does_not_import_documents_or_alembic():
    script = (
        "import sys\n"
        "import desktop.cli as cli\n"
        "cli.build_parser(with_feature_commands=cli._needs_feature_commands(['gui']))\n"
        "print(sorted(m for m in ('alembic', 'reportlab', 'desktop.documents.letters') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"


def test_edits_made_by_a_command_queue_for_the_server(profile, store, monkeypatch):
    import argparse

    from sqlalchemy import func, select

    from desktop.commands.common import unlock
    from desktop.models import Municipality
    from desktop.models.sync_tables import sync_outbox
    from tests.conftest import PASSPHRASE

    store.close()
    monkeypatch.setenv("VANGNET_PASSPHRASE", PASSPHRASE)
    with unlock(argparse.Namespace(data_dir=str(profile.path))) as opened, opened.session() as session:
        session.add(Municipality(cbs_code="GM0505", name="Dordrecht", in_region=True))
        session.flush()
        queued = session.scalar(select(func.count()).select_from(sync_outbox))
    assert queued == 1

"""'Publiceren naar de server' in Sjablonen beheren, against a real loopback server (SQLite)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.documents.templates import TemplateStore
from desktop.models.keyfile import KdfParams
from desktop.models.store import Profile
from sync.template_sync import publish_template, pull_templates
from tests.conftest import PASSPHRASE
from tests.sync.conftest import LiveServer
from tests.sync.test_template_sync import KIND, server_versions, version_of

EXTRA = "Vanaf dit schooljaar bellen wij u ook."


@pytest.fixture
def live(sqlite_url, tmp_path):
    server = LiveServer(sqlite_url, tmp_path / "server-data").start()
    server.add_user("anna", "consultant", ["GM0505"])
    server.add_user("fred", "system_administrator", [])
    yield server
    server.stop()


@pytest.fixture
def ctx(tmp_path):
    from desktop.background import wait_for_background
    from desktop.operations.context import AppContext
    from desktop.settings import Settings

    profile = Profile(tmp_path / "profiel")
    store = profile.create(PASSPHRASE, kdf=KdfParams.minimum())
    context = AppContext(profile, Settings(profile.settings_path), store)
    yield context
    wait_for_background()
    store.close()


def open_editor(qtbot, ctx, **options):
    from desktop.views.template_editor import TemplateEditor

    editor = TemplateEditor(ctx, **options)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.preview_shown, timeout=20_000):
        editor.select_kind(KIND)
    return editor


def add_paragraph(qtbot, editor, text: str) -> None:
    cursor = editor.editor.textCursor()
    cursor.setPosition(editor.editor.toPlainText().rindex("'''"))
    editor.editor.setTextCursor(cursor)
    with qtbot.waitSignal(editor.preview_shown, timeout=20_000):
        qtbot.keyClicks(editor.editor, text)


def test_the_administrator_publishes_and_another_office_receives_the_same_text(qtbot, ctx, live, tmp_path):
    fred = live.client("fred")
    editor = open_editor(qtbot, ctx, client_source=lambda: fred)
    assert editor.publish_button.isVisibleTo(editor) and editor.publish_button.isEnabled()
    add_paragraph(qtbot, editor, EXTRA)
    with qtbot.waitSignal(editor.published, timeout=10_000) as published:
        qtbot.mouseClick(editor.publish_button, Qt.MouseButton.LeftButton)
    assert published.args == [2]
    assert "Versie 2 van ‘Melding Raad voor de Kinderbescherming’ staat op de server" in editor.status.text()
    assert editor.error.text() == ""
    # Saved as the next version on this computer and the very same text on the server.
    local = TemplateStore.for_profile(ctx.profile.path).current(KIND)
    assert local.version == 2 and EXTRA in local.source
    assert server_versions(live) == [(KIND, 2, local.content_hash)]
    other = TemplateStore.for_profile(tmp_path / "ander-kantoor")
    assert pull_templates(other, live.client("anna")) == 1
    assert other.current(KIND).content_hash == local.content_hash


def test_refusals_from_the_server_are_shown_in_dutch(qtbot, ctx, live):
    anna = live.client("anna")
    editor = open_editor(qtbot, ctx, client_source=lambda: anna)
    add_paragraph(qtbot, editor, EXTRA)
    with qtbot.waitSignal(editor.publish_failed, timeout=10_000) as failed:
        qtbot.mouseClick(editor.publish_button, Qt.MouseButton.LeftButton)
    assert failed.args[0] == "Niet gepubliceerd: Alleen de functioneel beheerder mag sjablonen publiceren."
    assert editor.error.text() == failed.args[0] and server_versions(live) == []

    # Another administrator published version 3 meanwhile: this office's version 3 is refused by name.
    fred = live.client("fred")
    shipped = TemplateStore().current(KIND).source
    publish_template(fred, KIND, version_of(shipped, 3, "Van een ander kantoor."))
    editor._client_source = lambda: fred
    add_paragraph(qtbot, editor, "Nog een zin.")
    with qtbot.waitSignal(editor.publish_failed, timeout=10_000) as failed:
        qtbot.mouseClick(editor.publish_button, Qt.MouseButton.LeftButton)
    assert "de server heeft al versie 3; versie 3 is niet hoger" in failed.args[0]
    assert "Synchroniseer" in failed.args[0]
    assert [v for _k, v, _h in server_versions(live)] == [3]


def test_without_a_server_there_is_no_publish_button_and_no_client_is_explained(qtbot, ctx):
    editor = open_editor(qtbot, ctx)
    assert not editor.publish_button.isVisibleTo(editor)

    # In the main window the sync service decides: configured but not signed in yet.
    window = QWidget()
    qtbot.addWidget(window)
    window.sync = SimpleNamespace(configured=True, engine=None)
    editor = open_editor(qtbot, ctx, parent=window)
    assert editor.publish_button.isVisibleTo(editor)
    with qtbot.waitSignal(editor.publish_failed, timeout=5_000) as failed:
        qtbot.mouseClick(editor.publish_button, Qt.MouseButton.LeftButton)
    assert "meld u aan bij de server" in failed.args[0]

"""Letters in the app: 'Brief maken…' from a case, batch printing, the register list and the template editor."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.models.keyfile import KdfParams
from desktop.models.records import DocumentRecord
from desktop.models.store import Profile
from tests.conftest import PASSPHRASE
from tests.documents.dbseed import LETTER_DATE, seed_families


@pytest.fixture
def letters_profile(tmp_path):
    profile = Profile(tmp_path / "profiel")
    store = profile.create(PASSPHRASE, kdf=KdfParams.minimum())
    try:
        with store.session() as session:
            seeded = seed_families(session)
    finally:
        store.close()
    return profile, seeded


@pytest.fixture
def letters_ctx(letters_profile):
    from desktop.settings import Settings
    from desktop.views.common import AppContext

    profile, _seeded = letters_profile
    context = AppContext(profile, Settings(profile.settings_path), profile.unlock(PASSPHRASE))
    context.today = lambda: LETTER_DATE
    yield context
    from desktop.background import wait_for_background

    wait_for_background()
    if context.store is not None:
        context.store.close()


def _count_records(ctx) -> int:
    return ctx.read(lambda s: s.scalar(select(func.count(DocumentRecord.id))))


def test_make_a_letter_from_the_case_view(qtbot, letters_ctx, letters_profile, tmp_path):
    from desktop.views.case_view import CaseView

    _profile, seeded = letters_profile
    view = CaseView(letters_ctx, seeded.sanne_case)
    qtbot.addWidget(view)
    view.load()
    view.resize(1366, 768)
    view.show()
    qtbot.mouseClick(view.letter_button, Qt.MouseButton.LeftButton)
    dialog = view.letter_dialog
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_shown, timeout=20_000):
        dialog.set_kind("waarschuwing")
    # Sanne's parents live apart: two lawful addressees, both ticked.
    assert dialog.addressees.count() == 2
    names = [dialog.addressees.item(i).text() for i in range(2)]
    assert any(n.startswith('J. Jansen & <Zn> "sr" — Dordtse Kil 7') for n in names)
    assert dialog.preview.currentWidget() is not dialog.preview.message
    # Only the mother gets this one.
    father = next(i for i in range(2) if "Dordtse Kil" in dialog.addressees.item(i).text())
    with qtbot.waitSignal(dialog.preview_shown, timeout=20_000):
        dialog.addressees.item(father).setCheckState(Qt.CheckState.Unchecked)
    assert [j.context.addressee.name for j in dialog.jobs] == ["A. de Vries"]
    target = tmp_path / "waarschuwing.pdf"
    dialog.choose_path = lambda suggestion: str(target)
    opened = []
    dialog.open_file = opened.append
    with qtbot.waitSignal(dialog.saved, timeout=20_000) as saved:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert target.exists() and opened == [target]
    assert len(saved.args[0]) == 1
    assert "vastgelegd in het documentenregister" in dialog.status.text()
    assert _count_records(letters_ctx) == 1
    record = letters_ctx.read(lambda s: s.scalars(select(DocumentRecord)).one())
    assert record.kind == "waarschuwing" and record.case_id == seeded.sanne_case
    assert json.loads(record.merge_data)["fields"]["addressee.name"] == "A. de Vries"


def test_the_dialog_says_why_a_letter_cannot_be_made(qtbot, letters_ctx, letters_profile):
    from desktop.views.letter_dialog import LetterDialog

    _profile, seeded = letters_profile
    dialog = LetterDialog(letters_ctx, seeded.daan_case)
    qtbot.addWidget(dialog)
    dialog.set_kind("besluit_vrijstelling_toegekend")
    assert "geen besliste vrijstelling" in dialog.error.text()
    assert not dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.preview_shown, timeout=20_000):
        dialog.set_kind("waarschuwing")
    # Daan is 19: the letter goes to him, not to his mother.
    assert dialog.addressees.count() == 1
    assert dialog.addressees.item(0).text().startswith("Daan Bakker")
    assert dialog.save_button.isEnabled()

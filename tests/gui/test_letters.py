"""Letters in the app: 'Brief maken…' from a case, batch printing, the register list and the template editor."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.models.keyfile import KdfParams
from desktop.models.records import DocumentRecord
from desktop.models.store import Profile
from desktop.operations import OpChanges
from desktop.views.batch_print_dialog import BatchPrintDialog
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
    from desktop.operations.context import AppContext
    from desktop.settings import Settings

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
    qtbot.waitUntil(lambda: not view.loading, timeout=5_000)  # the case is read in the background
    view.resize(1366, 768)
    view.show()
    qtbot.mouseClick(view.letter_button, Qt.MouseButton.LeftButton)
    dialog = view.letter_dialog
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_shown, timeout=20_000):
        dialog.set_kind("waarschuwing")
    # Sanne's parents live apart, and Sanne (14) is responsible herself too (Lpw art. 2 lid 3): three lawful
    # addressees, all ticked.
    assert dialog.addressees.count() == 3
    names = [dialog.addressees.item(i).text() for i in range(3)]
    assert any(n.startswith('J. Jansen & <Zn> "sr" — Dordtse Kil 7') for n in names)
    assert any(n.startswith("Sanne Maria de Vries") for n in names)
    assert dialog.preview.currentWidget() is not dialog.preview.message
    # Only the mother gets this one.
    for other in (i for i in range(3) if not dialog.addressees.item(i).text().startswith("A. de Vries")):
        with qtbot.waitSignal(dialog.preview_shown, timeout=20_000):
            dialog.addressees.item(other).setCheckState(Qt.CheckState.Unchecked)
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
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20_000)  # the case is read in the background
    # Kinds the law does not allow for Daan (19, verzuim 18+) are disabled, the reason as tooltip and listed.
    for key, reason in (("besluit_vrijstelling_toegekend", "geen besliste vrijstelling"),
                        ("waarschuwing", "Lpw art. 26"), ("melding_svb", "Kinderbijslagwet"),
                        ("pv_jongere", "Lpw art. 26")):
        index = dialog.kind.findData(key)
        assert not dialog.kind.model().item(index).isEnabled(), key
        assert reason in dialog.kind.itemData(index, Qt.ItemDataRole.ToolTipRole), key
        assert reason in dialog.refusals.text()
    with qtbot.waitSignal(dialog.built, timeout=20_000):
        dialog.set_kind("waarschuwing")
    assert "Lpw art. 26" in dialog.error.text()
    assert not dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.preview_shown, timeout=20_000):
        dialog.set_kind("uitnodiging_gesprek")
    # Daan is 19: the RMC invites him, not his mother.
    assert dialog.addressees.count() == 1
    assert dialog.addressees.item(0).text().startswith("Daan Bakker")
    assert dialog.save_button.isEnabled()


@pytest.fixture
def letters_window(qtbot, letters_ctx):
    from desktop.views.main_window import MainWindow

    window = MainWindow(letters_ctx, lambda text: letters_ctx.profile.unlock(text))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitExposed(window):
        window.show()
    with qtbot.waitSignal(window.page("worklist").loaded, timeout=20_000):
        window.start()
    yield window
    window.close()


def test_batch_print_three_cases_with_progress_and_three_register_entries(qtbot, letters_window, letters_profile,
                                                                          tmp_path):
    _profile, seeded = letters_profile
    window = letters_window
    assert window.action("batch_print").shortcut().toString() == "Ctrl+P"
    assert window.menu("documents").title() == "&Documenten"
    window.action("batch_print").trigger()
    dialog = window.findChild(BatchPrintDialog)
    dialog.set_kind("terugkoppeling_school")
    dialog.set_source("numbers")
    qtbot.keyClicks(dialog.numbers, ", ".join(seeded.case_numbers))
    with qtbot.waitSignal(dialog.preview_shown, timeout=20_000), \
            qtbot.waitSignal(dialog.loaded, timeout=20_000) as loaded:
        qtbot.mouseClick(dialog.load_button, Qt.MouseButton.LeftButton)
    assert loaded.args == [3]
    assert dialog.summary.text() == "3 brieven voor 3 zaken."
    assert dialog.preview.currentWidget() is not dialog.preview.message
    dialog.per_letter.setChecked(True)
    folder = tmp_path / "serie"
    dialog.choose_path = lambda one_file: str(folder)
    with qtbot.waitSignal(dialog.finished_batch, timeout=60_000) as finished:
        qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
        assert dialog.progress is not None and dialog.progress.maximum() == 3
    assert len(finished.args[0]) == 3
    assert dialog.progress_seen == [1, 2, 3]
    assert dialog.progress is None  # the progress dialog closed when the batch finished
    assert "3 brieven gemaakt" in dialog.status.text()
    assert len(list(folder.glob("*.pdf"))) == 3
    records = letters_window.ctx.read(lambda s: s.scalars(select(DocumentRecord)).all())
    assert sorted(r.case_id for r in records) == sorted([seeded.sanne_case, seeded.daan_case, seeded.mila_case])
    assert {r.kind for r in records} == {"terugkoppeling_school"}


def test_batch_print_names_the_cases_it_skips(qtbot, letters_window):
    window = letters_window
    window.action("batch_print").trigger()
    dialog = window.findChild(BatchPrintDialog)
    dialog.set_kind("bevestiging_vrijstelling")
    dialog.set_source("filter")  # the 'Zaken' list without a filter: all three cases
    with qtbot.waitSignal(dialog.loaded, timeout=20_000) as loaded:
        qtbot.mouseClick(dialog.load_button, Qt.MouseButton.LeftButton)
    assert loaded.args == [2]  # Sanne's two parents
    assert dialog.problem_list.count() == 2
    assert all("geen besliste vrijstelling" in dialog.problem_list.item(i).text() for i in range(2))
    assert "2 overgeslagen" in dialog.summary.text()


def test_batch_print_skips_a_case_the_law_does_not_allow_with_the_reason(qtbot, letters_window, letters_profile):
    _profile, seeded = letters_profile
    window = letters_window
    window.action("batch_print").trigger()
    dialog = window.findChild(BatchPrintDialog)
    dialog.set_kind("waarschuwing")
    dialog.set_source("numbers")
    qtbot.keyClicks(dialog.numbers, ", ".join(seeded.case_numbers))
    with qtbot.waitSignal(dialog.loaded, timeout=20_000) as loaded:
        qtbot.mouseClick(dialog.load_button, Qt.MouseButton.LeftButton)
    assert loaded.args == [len(dialog.jobs)] and dialog.jobs  # Sanne's and Mila's letters; nothing for Daan
    assert {job.case_id for job in dialog.jobs} == {seeded.sanne_case, seeded.mila_case}
    assert dialog.problem_list.count() == 1
    skipped = dialog.problem_list.item(0).text()
    assert seeded.case_numbers[1] in skipped and "Lpw art. 26" in skipped
    assert "1 overgeslagen" in dialog.summary.text()


def test_register_list_makes_a_document_again(qtbot, letters_window, letters_profile, tmp_path):
    from desktop.documents.from_database import LetterOptions, letter_jobs, make_letters

    _profile, seeded = letters_profile
    ctx = letters_window.ctx
    jobs = ctx.read(lambda s: letter_jobs(s, "uitnodiging_gesprek", seeded.daan_case,
                                          options=LetterOptions(letter_date=LETTER_DATE)))
    made = make_letters(ctx.store.session, jobs, tmp_path / "eerst.pdf", True)
    ctx.changed.emit(OpChanges.of("document_records"))
    page = letters_window.navigate_to("documents")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    page.table.selectRow(0)
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.choose_path = lambda: str(tmp_path / "opnieuw.pdf")
    qtbot.mouseClick(page.regenerate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Opnieuw gemaakt" in letters_window.statusBar().currentMessage(), timeout=20_000)
    assert (tmp_path / "opnieuw.pdf").read_bytes() == made[0].path.read_bytes()


def test_template_editor_refuses_an_unknown_field_and_saves_a_new_version(qtbot, letters_ctx):
    from desktop.documents.templates import TemplateStore
    from desktop.views.template_editor import TemplateEditor

    editor = TemplateEditor(letters_ctx)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.preview_shown, timeout=20_000):
        editor.select_kind("waarschuwing")
    original = editor.current
    # Type an unknown field at the end of the body.
    cursor = editor.editor.textCursor()
    cursor.setPosition(editor.editor.toPlainText().rindex("'''"))
    editor.editor.setTextCursor(cursor)
    with qtbot.waitSignal(editor.checked, timeout=5_000) as checked:
        qtbot.keyClicks(editor.editor, "Groet aan {{ leerling.naam }}")
    message = checked.args[0]
    assert "onbekend samenvoegveld 'leerling.naam'" in message and "waarschuwing" in message
    assert editor.error.text() == message
    assert not editor.save_button.isEnabled()
    store = TemplateStore.for_profile(letters_ctx.profile.path)
    assert store.current("waarschuwing").content_hash == original.content_hash
    # A known field from the list makes the text valid again; saving stores the next version in the profile.
    text = editor.editor.toPlainText().replace("{{ leerling.naam }}", "{{ pupil.first_name }}")
    with qtbot.waitSignal(editor.preview_shown, timeout=20_000):
        editor.editor.setPlainText(text)
        editor.check()
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(editor.saved, timeout=5_000) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].version == original.version + 1
    stored = TemplateStore.for_profile(letters_ctx.profile.path).current("waarschuwing")
    assert stored.version == original.version + 1 and "{{ pupil.first_name }}" in stored.source
    assert (letters_ctx.profile.path / "sjablonen" / "waarschuwing.toml").exists()


def test_layout_settings_are_checked_saved_in_the_profile_and_print_a_test_sheet(qtbot, letters_ctx, tmp_path):
    from desktop.documents.layout import load_layout
    from desktop.documents.templates import TemplateStore
    from desktop.views.layout_dialog import LayoutDialog

    dialog = LayoutDialog(letters_ctx)
    qtbot.addWidget(dialog)
    dialog.top.setValue(20)
    assert "briefhoofd" in dialog.error.text() and not dialog.save_button.isEnabled()
    dialog.top.setValue(48)
    dialog.left.setValue(110)
    dialog.address.setPlainText("Postbus 100\n3300 AA  Dordrecht")
    assert dialog.save_button.isEnabled()
    sheet = tmp_path / "testvel.pdf"
    dialog.choose_path = lambda: str(sheet)
    opened = []
    dialog.open_file = opened.append
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert sheet.read_bytes().startswith(b"%PDF") and opened == [sheet]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = load_layout(TemplateStore.for_profile(letters_ctx.profile.path).layout_path)
    assert saved.window_left_mm == 110 and saved.window_top_mm == 48
    assert saved.sender.address_lines == ("Postbus 100", "3300 AA  Dordrecht")

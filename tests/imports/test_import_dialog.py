"""The import window: the check shows rejected rows and a preview without changing anything; then the
good rows are imported in the background."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

pytest.importorskip("PySide6")

from desktop.models import AbsenceReport, Municipality, School
from desktop.models.enums import SchoolKind
from tests.imports.conftest import bsn_numbers, invalid_bsn, write_csv
from tests.imports.test_duo_verzuim import HEADER, duo_row


@pytest.fixture
def ctx(store, profile):
    from desktop.operations.context import AppContext
    from desktop.settings import Settings

    with store.session() as session:
        session.add(Municipality(cbs_code="GM0505", name="Dordrecht", in_region=True))
        session.add(School(brin="12AB", location="00", name="School", kind=SchoolKind.VO, municipality_code="GM0505"))
    return AppContext(profile, Settings(profile.path / "instellingen.ini"), store)


def _count(ctx) -> int:
    return ctx.read(lambda session: session.scalar(sa.select(sa.func.count()).select_from(AbsenceReport)))


def test_check_then_import_only_the_good_rows(qtbot, ctx, tmp_path):
    from desktop.views.import_dialog import ImportDialog

    valid = next(bsn_numbers())
    path = write_csv(tmp_path / "duo.csv", HEADER, [duo_row("VZ1", valid), duo_row("VZ2", invalid_bsn())])
    dialog = ImportDialog(ctx, path=path, kind="duo-verzuim")
    qtbot.addWidget(dialog)
    changes = []
    ctx.changed.connect(changes.append)

    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.busy, timeout=20_000)
    texts = [dialog.issues.item(r, 2).text() for r in range(dialog.issues.rowCount())]
    assert dialog.issues.rowCount() == 1, texts
    assert dialog.issues.item(0, 0).text() == "3" and dialog.issues.item(0, 1).text() == "BSN"
    assert "11-proef" in dialog.issues.item(0, 2).text()
    assert dialog.preview.rowCount() == 2
    headers = [dialog.preview.horizontalHeaderItem(i).text() for i in range(dialog.preview.columnCount())]
    bsn_column = headers.index("bsn")
    assert dialog.preview.item(0, bsn_column).text() != valid  # masked
    assert not dialog.import_all.isEnabled() and dialog.import_valid.isEnabled()
    assert _count(ctx) == 0

    dialog.import_valid.click()
    qtbot.waitUntil(lambda: dialog.result is not None and not dialog.busy, timeout=20_000)
    assert dialog.result.created["meldingen"] == 1
    assert "Import voltooid" in dialog.summary.text()
    assert _count(ctx) == 1
    # One announcement, and it covers the imported meldingen.
    assert [c.touches("absence_reports") for c in changes] == [True]


def test_refused_file_shows_the_reason(qtbot, ctx, tmp_path):
    from desktop.views.import_dialog import ImportDialog

    path = tmp_path / "leeg.csv"
    path.write_bytes(b"")
    dialog = ImportDialog(ctx, path=path, kind="schools")
    qtbot.addWidget(dialog)
    dialog.check_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and "leeg" in dialog.summary.text(), timeout=20_000)
    assert dialog.summary.text() == "Het bestand is leeg."
    assert not dialog.import_all.isEnabled() and not dialog.import_valid.isEnabled()


def test_a_fault_while_checking_reaches_the_crash_handler_not_the_user(qtbot, ctx, tmp_path, monkeypatch):
    from desktop.operations import imports
    from desktop.views import import_dialog

    def broken(_kind):
        raise RuntimeError("programmeerfout")

    monkeypatch.setattr(imports, "get_importer", broken)
    path = write_csv(tmp_path / "duo.csv", HEADER, [duo_row("VZ1", next(bsn_numbers()))])
    dialog = import_dialog.ImportDialog(ctx, path=path, kind="duo-verzuim")
    qtbot.addWidget(dialog)
    with qtbot.captureExceptions() as exceptions:
        dialog.check_button.click()
        qtbot.waitUntil(lambda: bool(exceptions), timeout=20_000)
    assert [type(exc) for _type, exc, _tb in exceptions] == [RuntimeError]
    assert dialog.summary.text() == "Het bestand kon niet worden verwerkt; er is niets gewijzigd."
    assert not dialog.busy and _count(ctx) == 0

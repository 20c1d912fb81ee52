"""Batch printing: one file or one file per letter, progress and cancelling, a record per letter."""

from __future__ import annotations

import json

import pytest

from desktop.documents.letters import BatchCancelled, BatchItem, regenerate, render_batch, render_letter
from desktop.documents.samples import sample_context
from desktop.documents.templates import MissingFieldError

from .conftest import flat, pdf_info, pdf_text

KINDS = ["uitnodiging_gesprek", "waarschuwing", "besluit_verlof_afgewezen", "melding_svb"]


def _items() -> list[BatchItem]:
    items = []
    for index, kind in enumerate(KINDS):
        context = sample_context(kind)
        context.case_number = f"2025-00010{index}"
        context.reference = f"2025-1-0010{index}"
        items.append(BatchItem(kind, context))
    return items


def test_one_file_numbers_pages_per_letter(settings, tmp_path) -> None:
    calls: list[tuple[int, int]] = []
    target = tmp_path / "batch" / "brieven.pdf"
    results = render_batch(_items(), target, True, lambda done, total: calls.append((done, total)), settings)
    pdf = target.read_bytes()
    text = flat(pdf_text(pdf, tmp_path))
    # Page counts of the letters on their own add up to the batch file.
    singles = [render_letter(item.kind, item.context, settings=settings) for item in _items()]
    counts = [int(pdf_info(single, tmp_path)["Pages"]) for single in singles]
    assert int(pdf_info(pdf, tmp_path)["Pages"]) == sum(counts)
    for count in counts:
        assert f"Pagina {count} van {count}" in text
    assert text.count("Pagina 1 van") == len(KINDS)
    for index in range(len(KINDS)):
        assert f"Ons kenmerk: 2025-1-0010{index}" in text
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert [r.section_index for r in results] == [0, 1, 2, 3]
    assert all(r.path == target for r in results)


def test_one_file_per_letter_with_records_that_regenerate(settings, tmp_path) -> None:
    calls: list[int] = []
    results = render_batch(_items(), tmp_path / "los", False, lambda done, total: calls.append(done), settings)
    assert calls == [1, 2, 3, 4]
    assert [r.path.name for r in results] == [
        f"{i + 1:04d}-{kind}-2025-1-0010{i}.pdf" for i, kind in enumerate(KINDS)
    ]
    for result in results:
        data = json.loads(result.record.merge_data)
        # Each file is named by the letter's own kenmerk, which its record keeps.
        assert data["fields"]["reference"] == result.record.reference == result.path.stem[-12:]
        assert regenerate(result.record.merge_data, invariant=True) == result.path.read_bytes()


def test_cancel_stops_the_batch_and_leaves_no_letters_behind(settings, tmp_path) -> None:
    calls: list[int] = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return done < 2

    with pytest.raises(BatchCancelled):
        render_batch(_items(), tmp_path / "los", False, progress, settings)
    assert calls == [1, 2]
    # Nothing is registered after a cancel, so no unregistered letter may stay on disk.
    assert not list((tmp_path / "los").glob("*.pdf"))
    with pytest.raises(BatchCancelled):
        render_batch(_items(), tmp_path / "een.pdf", True, lambda done, total: done < 1, settings)
    assert not (tmp_path / "een.pdf").exists()


def test_batch_checks_every_letter_before_printing(settings, tmp_path) -> None:
    items = _items()
    items[-1].context.svb.reason = ""
    with pytest.raises(MissingFieldError, match=r"svb\.reason"):
        render_batch(items, tmp_path / "los", False, None, settings)
    assert not list((tmp_path / "los").glob("*.pdf"))

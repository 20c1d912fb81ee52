"""Helpers for the document tests: PDF text and word positions through poppler-utils."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.documents.layout import LayoutSettings, Sender


@pytest.fixture(autouse=True)
def _poppler() -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils (pdftotext, pdfinfo) is not installed")


def pdf_text(pdf: bytes, tmp_path: Path, layout: bool = False) -> str:
    source = tmp_path / "doc.pdf"
    source.write_bytes(pdf)
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(source), "-"]
    return subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")


def flat(text: str) -> str:
    """Text with all whitespace runs made single spaces (line breaks depend on the layout)."""
    return re.sub(r"\s+", " ", text)


def pdf_words(pdf: bytes, tmp_path: Path) -> list[tuple[str, float, float, float, float, int]]:
    """Every word with its box in points from the top-left corner, and its page number (1-based)."""
    source = tmp_path / "words.pdf"
    source.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(source), "-"], check=True, capture_output=True).stdout
    words = []
    page = 0
    for line in html.decode("utf-8").splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            words.append((m.group(5), x0, y0, x1, y1, page))
    return words


def pdf_info(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    source = tmp_path / "info.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(["pdfinfo", str(source)], check=True, capture_output=True).stdout.decode("utf-8")
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


@pytest.fixture
def settings() -> LayoutSettings:
    return LayoutSettings(
        sender=Sender(address_lines=("Postbus 100", "3300 AA  Dordrecht"), phone="078 000 00 00",
                      email="leerplicht@example.nl"),
        invariant=True,
    )

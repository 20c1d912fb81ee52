"""Previews of a letter for the windows: page 1 as a PNG image, or the letter as simple HTML.

The image comes from poppler's `pdftoppm` when it is installed (Linux and most offices); without it the
windows show the HTML version, built from the same filled template, so a preview always works, also in
the installed bundle. No Qt here.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from desktop.documents.letters import (
    OBJECTION_TEMPLATE,
    ORGANISATION_PRIVACY_TEMPLATE,
    PRIVACY_TEMPLATE,
    PreparedLetter,
    _address_lines,
)
from desktop.documents.templates import FilledBlock, escape_markup, fill, fill_blocks

PREVIEW_DPI = 80


def first_page_png(pdf: bytes, dpi: int = PREVIEW_DPI, page: int = 1) -> bytes | None:
    """One page of ``pdf`` as PNG bytes, or None when no renderer is installed or it fails."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    with tempfile.TemporaryDirectory(prefix="vangnet-voorbeeld-") as folder:
        source = Path(folder) / "brief.pdf"
        source.write_bytes(pdf)
        try:
            subprocess.run(
                [tool, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(source),
                 str(Path(folder) / "pagina")],
                check=True, capture_output=True, timeout=20,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        image = Path(folder) / "pagina.png"
        return image.read_bytes() if image.exists() else None


def _blocks_html(blocks: list[FilledBlock], small: bool = False) -> str:
    style = ' style="font-size: small; color: #555555;"' if small else ""
    out: list[str] = []
    for block in blocks:
        if block.type == "heading":
            out.append(f"<h4>{block.items[0]}</h4>")
        elif block.type == "paragraph":
            out.append(f"<p{style}>{block.items[0]}</p>")
        elif block.type == "bullets":
            out.append("<ul>" + "".join(f"<li>{item}</li>" for item in block.items) + "</ul>")
    return "\n".join(out)


def letter_html(prepared: PreparedLetter) -> str:
    """The letter as HTML (values escaped as in the PDF): address, reference lines, body, signature."""
    values: dict[str, Any] = prepared.values
    address = "<br/>".join(escape_markup(line) for line in _address_lines(values))
    meta_rows = [
        ("Datum", values.get("date", "")),
        ("Ons kenmerk", values.get("reference") or values.get("case_number", "")),
        ("Zaaknummer", values.get("case_number", "") if values.get("reference") else ""),
        ("Onderwerp", values.get("subject", "")),
        ("Leerling", values.get("pupil.name", "")),
        ("Behandeld door", values.get("consultant.name", "")),
    ]
    meta = "".join(
        f"<tr><td style='color:#555555; padding-right:12px;'>{label}</td><td>{escape_markup(str(value))}</td></tr>"
        for label, value in meta_rows if value
    )
    parts = [
        f"<p style='margin-left: 8px; border: 1px dashed #bbbbbb; padding: 6px;'>{address}</p>",
        f"<table>{meta}</table>",
        _blocks_html(fill_blocks(prepared.template, values)),
    ]
    if OBJECTION_TEMPLATE in prepared.shared:
        parts.append(_blocks_html(fill_blocks(prepared.shared[OBJECTION_TEMPLATE], values)))
    parts.append(f"<p>{fill(prepared.template.closing, values)}</p>")
    parts.append(f"<p><b>{escape_markup(str(values.get('consultant.name', '')))}</b><br/>"
                 f"{escape_markup(str(values.get('consultant.function', '')))}</p>")
    for privacy in (PRIVACY_TEMPLATE, ORGANISATION_PRIVACY_TEMPLATE):
        if privacy in prepared.shared:
            parts.append(_blocks_html(fill_blocks(prepared.shared[privacy], values), small=True))
    return "<html><body style='font-family: sans-serif;'>" + "\n".join(parts) + "</body></html>"

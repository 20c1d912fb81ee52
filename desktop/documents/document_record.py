"""What the DocumentRecord register keeps of a made letter or report: enough to make it again exactly."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.documents.templates import LetterTemplate

# The version of the merge_data layout; `letters.regenerate` refuses a record of another format.
RECORD_FORMAT = 1

# 'Ons kenmerk': year, the number the server gave this device, and the device's own sequence in that year.
# Two devices never print the same kenmerk, also when both work offline: each counts only its own numbers.
_REFERENCE = re.compile(r"^(\d{4})-(\d+)-(\d+)$")


def format_reference(year: int, device: int, sequence: int) -> str:
    """'2026-3-00017': the 17th document this year of the device with number 3."""
    return f"{year}-{device}-{sequence:05d}"


def parse_reference(text: str | None) -> tuple[int, int, int] | None:
    """(year, device, sequence) of a kenmerk made by ``format_reference``; None for anything else."""
    found = _REFERENCE.match(text or "")
    if found is None:
        return None
    year, device, sequence = (int(part) for part in found.groups())
    return year, device, sequence


@dataclass(frozen=True)
class LetterRecord:
    """What the DocumentRecord register keeps of one letter (who, what, when is added by the caller)."""

    kind: str
    template_version: str
    addressee: str
    merge_data: str  # JSON: merge values, template versions and layout, enough to regenerate
    sha256: str  # of the PDF file the letter was written to
    reference: str = ""  # 'Ons kenmerk' as printed; empty for a document made before it had one

    def columns(self) -> dict[str, str | None]:
        """Values for the DocumentRecord columns of the same names (lengths as the model allows)."""
        return {
            "kind": self.kind,
            "template_version": self.template_version,
            "addressee": self.addressee[:200],
            "merge_data": self.merge_data,
            "sha256": self.sha256,
            "reference": self.reference or None,
        }


@dataclass(frozen=True)
class GeneratedLetter:
    pdf: bytes
    record: LetterRecord


def make_record(
    kind: str,
    templates: Sequence[LetterTemplate],
    layout: dict[str, Any],
    created: float | None,
    content: dict[str, Any],
    addressee: str,
    pdf: bytes,
    sha256: str | None = None,
    reference: str = "",
) -> LetterRecord:
    """The register record of a made letter or report: the versions of its templates (its own first), the
    layout and creation moment, and ``content`` (a letter's merge values, a report's context)."""
    payload = {
        "format": RECORD_FORMAT,
        "kind": kind,
        "templates": {t.kind: {"version": t.version, "sha256": t.content_hash} for t in templates},
        "layout": layout,
        **content,
    }
    if created is not None:
        payload["created"] = created
    return LetterRecord(
        kind=kind,
        template_version=templates[0].version_label,
        addressee=addressee,
        merge_data=json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str),
        sha256=sha256 or hashlib.sha256(pdf).hexdigest(),
        reference=reference,
    )

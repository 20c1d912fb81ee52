"""What the DocumentRecord register keeps of a made letter or report: enough to make it again exactly."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.documents.templates import LetterTemplate

# The version of the merge_data layout; `letters.regenerate` refuses a record of another format.
RECORD_FORMAT = 1


@dataclass(frozen=True)
class LetterRecord:
    """What the DocumentRecord register keeps of one letter (who, what, when is added by the caller)."""

    kind: str
    template_version: str
    addressee: str
    merge_data: str  # JSON: merge values, template versions and layout, enough to regenerate
    sha256: str  # of the PDF file the letter was written to

    def columns(self) -> dict[str, str]:
        """Values for the DocumentRecord columns of the same names (lengths as the model allows)."""
        return {
            "kind": self.kind,
            "template_version": self.template_version,
            "addressee": self.addressee[:200],
            "merge_data": self.merge_data,
            "sha256": self.sha256,
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
    )

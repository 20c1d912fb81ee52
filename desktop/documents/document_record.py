"""What the DocumentRecord register keeps of a made letter or report: enough to make it again exactly."""

from __future__ import annotations

from dataclasses import dataclass

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

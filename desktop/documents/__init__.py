"""Letters, official reports and their templates as PDF (ReportLab). No Qt here.

Public entry points: `render_letter`, `generate_letter`, `render_batch`, `regenerate`, `preview_template`,
`render_report`, `generate_report`, `render_envelope_test_sheet`, `addressees`; merge data in
`desktop.documents.context`.
"""

from __future__ import annotations

from desktop.documents.context import (
    Addressee,
    AddresseeError,
    Guardian,
    LetterContext,
    PostalAddress,
    ReportContext,
    addressees,
)
from desktop.documents.document_record import GeneratedLetter, LetterRecord
from desktop.documents.layout import LayoutSettings, Sender, render_envelope_test_sheet
from desktop.documents.letters import (
    LETTER_KINDS,
    BatchCancelled,
    BatchItem,
    BatchResult,
    LetterError,
    addressees_on,
    contexts_for_addressees,
    generate_letter,
    preview_template,
    regenerate,
    render_batch,
    render_letter,
)
from desktop.documents.official_reports import REPORT_KINDS, ReportError, generate_report, render_report
from desktop.documents.templates import MissingFieldError, TemplateError, TemplateStore

__all__ = [
    "LETTER_KINDS",
    "REPORT_KINDS",
    "Addressee",
    "AddresseeError",
    "BatchCancelled",
    "BatchItem",
    "BatchResult",
    "GeneratedLetter",
    "Guardian",
    "LayoutSettings",
    "LetterContext",
    "LetterError",
    "LetterRecord",
    "MissingFieldError",
    "PostalAddress",
    "ReportContext",
    "ReportError",
    "Sender",
    "TemplateError",
    "TemplateStore",
    "addressees",
    "addressees_on",
    "contexts_for_addressees",
    "generate_letter",
    "generate_report",
    "preview_template",
    "regenerate",
    "render_batch",
    "render_envelope_test_sheet",
    "render_letter",
    "render_report",
]

"""One error hierarchy: every error a user is told about is a VangnetError; a ValueError is a fault."""

from __future__ import annotations

import sys

import pytest

from desktop import crash
from desktop.documents.context import AddresseeError
from desktop.documents.from_database import SelectionError
from desktop.documents.layout import LayoutError, LayoutSettings
from desktop.documents.letters import LetterError
from desktop.documents.official_reports import ReportError
from desktop.documents.templates import MissingFieldError, TemplateError
from desktop.errors import VangnetError
from desktop.models.errors import DomainError
from desktop.models.exporters.tabular import write_table
from desktop.models.importers.fields import CellError
from desktop.models.record_schema import FieldError

DOMAIN_ERRORS = [
    AddresseeError,
    CellError,
    FieldError,
    LayoutError,
    LetterError,
    MissingFieldError,
    ReportError,
    SelectionError,
    TemplateError,
]


def test_domain_error_is_a_vangnet_error_and_no_value_error() -> None:
    assert issubclass(DomainError, VangnetError)
    assert not issubclass(DomainError, ValueError)
    assert str(DomainError("Deze zaak bestaat niet (meer).")) == "Deze zaak bestaat niet (meer)."


@pytest.mark.parametrize("error", DOMAIN_ERRORS, ids=lambda error: error.__name__)
def test_every_error_with_a_dutch_message_is_a_domain_error(error) -> None:
    assert issubclass(error, DomainError)
    assert error("Een zin in het Nederlands.").message == "Een zin in het Nederlands."


def test_rules_the_user_must_hear_raise_domain_errors(tmp_path) -> None:
    with pytest.raises(DomainError, match=r"\.csv of \.xlsx"):
        write_table(tmp_path / "lijst.txt", ["Naam"], [["Sanne"]])
    with pytest.raises(DomainError, match="briefhoofd"):
        LayoutSettings(window_top_mm=20)


def test_crash_report_leaves_out_domain_messages_which_may_name_a_pupil() -> None:
    try:
        raise LetterError("Sanne de Vries: er is geen ouder met gezag bekend.")
    except LetterError:
        details = crash.safe_details(*sys.exc_info())
    assert "Sanne" not in details
    assert "desktop.documents.letters.LetterError" in details
    try:
        raise VangnetError("Vangnet is vergrendeld.")
    except VangnetError:
        details = crash.safe_details(*sys.exc_info())
    assert "Melding: Vangnet is vergrendeld." in details

"""The addressee rules of the Leerplichtwet: parents with authority, one letter per address, the jongere at 18."""

from __future__ import annotations

import pytest

from desktop.documents.context import Addressee, AddresseeError, Guardian, PostalAddress, addressees
from desktop.documents.letters import BatchItem, contexts_for_addressees, render_batch
from desktop.documents.samples import sample_context

from .conftest import flat, pdf_text

HOME = PostalAddress("Voorstraat 100 A", "3311 AA", "Dordrecht")
OTHER = PostalAddress("Kerkplein 2", "3311 BC", "Dordrecht")


def test_parents_at_one_address_get_one_joint_letter() -> None:
    result = addressees(False, [
        Guardian("J. de Vries", HOME, True, "heer De Vries"),
        # The same address written differently is still the same address.
        Guardian("A. Jansen", PostalAddress("voorstraat  100 a", "3311aa", "DORDRECHT"), True, "mevrouw Jansen"),
    ])
    assert len(result) == 1
    assert result[0].name_lines == ["J. de Vries", "en A. Jansen"]
    assert result[0].salutation == "heer De Vries en mevrouw Jansen"
    assert result[0].address == HOME


def test_parents_living_apart_each_get_a_letter() -> None:
    result = addressees(False, [
        Guardian("J. de Vries", HOME, True, "heer De Vries"),
        Guardian("A. Jansen", OTHER, True, "mevrouw Jansen"),
    ])
    assert [(a.name, a.address.street, a.salutation) for a in result] == [
        ("J. de Vries", "Voorstraat 100 A", "heer De Vries"),
        ("A. Jansen", "Kerkplein 2", "mevrouw Jansen"),
    ]


def test_parent_without_authority_gets_no_letter() -> None:
    result = addressees(False, [
        Guardian("J. de Vries", HOME, True),
        Guardian("P. Pietersen", OTHER, False),
    ])
    assert [a.name for a in result] == ["J. de Vries"]
    assert result[0].salutation == "ouder/verzorger"


def test_no_guardian_with_authority_is_an_error() -> None:
    with pytest.raises(AddresseeError, match="gezag"):
        addressees(False, [Guardian("P. Pietersen", OTHER, False)])


def test_jongere_of_18_gets_the_letter_not_the_parents() -> None:
    jongere = Addressee(["S. de Vries"], OTHER, "mevrouw De Vries")
    result = addressees(True, [Guardian("J. de Vries", HOME, True)], jongere)
    assert len(result) == 1
    assert result[0].name == "S. de Vries" and result[0].address == OTHER
    with pytest.raises(AddresseeError):
        addressees(True, [Guardian("J. de Vries", HOME, True)])


def test_separate_letters_reach_both_addresses(settings, tmp_path) -> None:
    recipients = addressees(False, [
        Guardian("J. de Vries", HOME, True, "heer De Vries"),
        Guardian("A. Jansen", OTHER, True, "mevrouw Jansen"),
    ])
    contexts = contexts_for_addressees(sample_context("uitnodiging_gesprek"), recipients)
    results = render_batch([BatchItem("uitnodiging_gesprek", c) for c in contexts], tmp_path / "uit", False,
                           settings=settings)
    texts = [flat(pdf_text(r.path.read_bytes(), tmp_path)) for r in results]
    assert "Geachte heer De Vries," in texts[0] and "Voorstraat 100 A" in texts[0]
    assert "Kerkplein" not in texts[0] and "Jansen" not in texts[0]
    assert "Geachte mevrouw Jansen," in texts[1] and "Kerkplein 2" in texts[1] and "Voorstraat" not in texts[1]
    assert [r.record.addressee for r in results] == [
        "J. de Vries, Voorstraat 100 A, 3311 AA Dordrecht",
        "A. Jansen, Kerkplein 2, 3311 BC Dordrecht",
    ]


def test_age_on_the_letter_date_decides() -> None:
    from datetime import date

    from desktop.documents.letters import addressees_on

    parents = [Guardian("J. de Vries", HOME, True)]
    jongere = Addressee(["S. de Vries"], OTHER, "mevrouw De Vries")
    born = date(2007, 5, 10)
    assert [a.name for a in addressees_on(born, date(2025, 5, 9), parents, jongere)] == ["J. de Vries"]
    assert [a.name for a in addressees_on(born, date(2025, 5, 10), parents, jongere)] == ["S. de Vries"]

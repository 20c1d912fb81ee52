"""The charge of a proces-verbaal follows the offender and the duty on the days of the verzuim (Lpw art. 2,
4a-4c, 26)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.models.charges import Offender, charge_for, charges_for, offence_counts
from desktop.models.law import DutyStatus


@pytest.mark.parametrize(("offender", "duty", "articles"), [
    (Offender.PARENT, DutyStatus.COMPULSORY, ("artikel 2 lid 1", "artikel 26 lid 1")),
    (Offender.PARENT, DutyStatus.QUALIFICATION_DUTY, ("artikel 4a lid 1", "artikel 4b", "artikel 26 lid 1")),
    (Offender.JONGERE, DutyStatus.COMPULSORY, ("artikel 2 lid 3", "artikel 26 lid 2")),
    (Offender.JONGERE, DutyStatus.QUALIFICATION_DUTY, ("artikel 4c lid 1 en 2", "artikel 26 lid 2")),
])
def test_each_offender_and_duty_has_its_articles(offender, duty, articles):
    charge = charge_for(offender, duty)
    assert charge is not None and charge.duty is duty
    assert tuple(a.removesuffix(" Leerplichtwet 1969") for a in charge.articles) == articles
    assert "{jongere}" not in charge.words("Sanne de Vries, geboren op 12 april 2011")


@pytest.mark.parametrize("duty", [DutyStatus.BEFORE_COMPULSORY, DutyStatus.DROPOUT_SUPPORT, DutyStatus.NONE])
def test_outside_leerplicht_and_kwalificatieplicht_nothing_is_charged(duty):
    assert charge_for(Offender.PARENT, duty) is None and charge_for(Offender.JONGERE, duty) is None
    assert not offence_counts(Offender.PARENT, duty, date(2010, 1, 1), date(2024, 1, 1))


def test_the_jongere_answers_for_verzuim_from_the_twelfth_birthday_only():
    born = date(2012, 10, 28)
    assert not offence_counts(Offender.JONGERE, DutyStatus.COMPULSORY, born, date(2024, 10, 27))
    assert offence_counts(Offender.JONGERE, DutyStatus.COMPULSORY, born, date(2024, 10, 28))
    assert offence_counts(Offender.PARENT, DutyStatus.COMPULSORY, born, date(2020, 1, 6))


def test_verzuim_under_both_duties_gives_both_charges_leerplicht_first():
    charges = charges_for(Offender.JONGERE, [DutyStatus.QUALIFICATION_DUTY, DutyStatus.COMPULSORY,
                                             DutyStatus.COMPULSORY, DutyStatus.NONE])
    assert [c.duty for c in charges] == [DutyStatus.COMPULSORY, DutyStatus.QUALIFICATION_DUTY]

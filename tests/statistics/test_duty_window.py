"""The SQL birth-date window for 'leerlingen' agrees with law.py person by person, edge dates included."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from desktop.models import law
from desktop.models.statistics import duty_person_ids, duty_window

COUNTED = {law.DutyStatus.COMPULSORY, law.DutyStatus.QUALIFICATION_DUTY}
REFERENCE_DATES = [date(2023, 10, 1), date(2024, 10, 1), date(2024, 3, 1), date(2023, 3, 1), date(2024, 2, 29),
                   date(2024, 8, 1), date(2024, 7, 31), date(2025, 1, 1)]


def _edge_births(on: date) -> list[date]:
    window = duty_window(on)
    births = []
    for edge in (window.earliest, window.full_duty_earliest, window.latest):
        births += [edge + timedelta(days=d) for d in range(-3, 4)]
    for year in range(on.year - 19, on.year - 3):
        births += [date(year, 2, 28), date(year, 3, 1), date(year, 7, 31), date(year, 8, 1), date(year, 9, 30),
                   date(year, 10, 1), date(year, 10, 2)]
        if year % 4 == 0:
            births.append(date(year, 2, 29))
    rng = random.Random(on.toordinal())
    births += [date(on.year - 20, 1, 1) + timedelta(days=rng.randrange(17 * 366)) for _ in range(150)]
    return births


@pytest.mark.parametrize("on", REFERENCE_DATES, ids=str)
def test_sql_window_agrees_with_law(admin, session, on) -> None:
    expected = set()
    for index, birth in enumerate(_edge_births(on)):
        # Every fourth person with a diploma around the day, every seventh exempt (art. 4a lid 2).
        qualified = None
        if index % 4 == 1:
            qualified = on + timedelta(days=(index % 3) - 1)
        exempt = index % 7 == 3
        person = admin.person(birth, qualified_on=qualified, qualification_exempt=exempt)
        status = law.duty_status(birth, on, qualified, qualification_exempt=exempt)
        if status in COUNTED:
            expected.add(person.id)
    counted = duty_person_ids(session, on)
    assert counted == expected
    assert len(expected) > 20  # the sample really straddles the window


def test_window_edges_follow_the_law() -> None:
    window = duty_window(date(2023, 10, 1))
    assert window.latest == date(2018, 9, 30)  # 5 before October: leerplichtig from 1 October
    assert law.compulsory_start(window.latest) <= date(2023, 10, 1) < law.compulsory_start(
        window.latest + timedelta(days=1))
    assert window.full_duty_earliest == date(2007, 8, 1)
    assert law.compulsory_end(window.full_duty_earliest) == date(2024, 7, 31)
    assert law.compulsory_end(window.full_duty_earliest - timedelta(days=1)) == date(2023, 7, 31)
    assert window.earliest == date(2005, 10, 2)  # 18 on 2 October: the day before is still counted
    assert law.age_on(window.earliest, date(2023, 10, 1)) == 17
    assert law.age_on(window.earliest - timedelta(days=1), date(2023, 10, 1)) == 18

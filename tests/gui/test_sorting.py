"""Lists sort names as a Dutch reader expects: accents and case ignored, tussenvoegsels left out."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.models import Case, Person
from desktop.models.enums import CaseKind
from desktop.models.lists import LIST_SPECS, ListFilter, list_rowids
from desktop.models.search_index import SORT_INDEX, sort_key, surname_sort_key
from desktop.views.record_list import RecordListModel


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Ömer", "omer"),
        ("Émile", "emile"),
        ("ÇELİK", "celik"),
        ("Søren", "soren"),
        ("Jansen-Smit", "jansen smit"),
        ("  de   Vries ", "de vries"),
    ],
)
def test_sort_key_ignores_accents_case_and_punctuation(written, key):
    assert sort_key(written) == key


@pytest.mark.parametrize(
    ("surname", "key"),
    [
        ("van der Berg", "berg"),
        ("de Jong", "jong"),
        ("Van 't Hof", "hof"),
        ("d'Ancona", "ancona"),
        ("van", "van"),  # nothing else left: the word is the name
        ("Oosterhout", "oosterhout"),
        ("Özdemir", "ozdemir"),
    ],
)
def test_surname_key_leaves_out_tussenvoegsels(surname, key):
    assert surname_sort_key(surname) == key


NAMES = [
    # (first names, tussenvoegsel, surname as stored)
    ("Ömer", None, "Özdemir"),
    ("émile", None, "Dubois"),
    ("Emma", None, "dubois"),
    ("Piet", "van der", "Berg"),
    ("Kees", None, "van Dam"),  # tussenvoegsel written into the surname, as some imports deliver it
    ("Anna", "de", "Jong"),
    ("Otto", None, "Oosterhout"),
    ("Eva", None, "Ellis"),
    ("Zoë", None, "Aalders"),
]
EXPECTED = ["Aalders", "Berg", "van Dam", "Dubois", "dubois", "Ellis", "Jong", "Oosterhout", "Özdemir"]


@pytest.fixture
def named(ctx):
    with ctx.session() as session:
        for number, (first, prefix, last) in enumerate(NAMES):
            session.add(Person(education_number=f"{300000000 + number}", first_names=first, prefix=prefix,
                               last_name=last, birth_date=dt.date(2012, 1, 1), municipality_code="GM0590"))
    return ctx


def _shown(ctx, spec_name: str, sort_key_name: str, descending: bool = False, column: int = 0) -> list[str]:
    """What the list shows in ``column``, sorted in SQL as the model asks, checked against list_rowids."""
    spec = LIST_SPECS[spec_name]
    flt = ListFilter(values={"municipality": "GM0590"})
    rowids = ctx.read(lambda session: list_rowids(session, spec, flt, sort_key_name, descending))
    model = RecordListModel(ctx, spec)
    model.filter = flt
    model.sort_key, model.descending = sort_key_name, descending
    model.reload()
    assert model._rowids == rowids
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_persons_list_sorts_by_surname_the_dutch_way(named):
    shown = _shown(named, "persons", "name")
    # Daan O'Brien of the seeded profile lives in this gemeente too.
    surnames = [text.split(",")[0] for text in shown if not text.startswith("O'Brien")]
    assert surnames == EXPECTED
    assert shown[shown.index("Dubois, émile") + 1] == "dubois, Emma", "é sorts as e, case ignored"
    assert shown.index("O'Brien, Daan") == shown.index("Jong, Anna de") + 1


def test_descending_is_the_exact_reverse(named):
    ascending = _shown(named, "persons", "name")
    assert _shown(named, "persons", "name", descending=True) == ascending[::-1]


def test_cases_list_sorts_by_the_pupil_the_same_way(named):
    with named.session() as session:
        persons = session.query(Person).filter(Person.municipality_code == "GM0590").all()
        for number, person in enumerate(persons):
            session.add(Case(case_number=f"2024-{900 + number:06d}", person_id=person.id, kind=CaseKind.RELATIVE,
                             opened_on=dt.date(2024, 9, 1), municipality_code="GM0590"))
    column = [c.key for c in LIST_SPECS["cases"].columns].index("person")
    pupils = [text.split(",")[0] for text in _shown(named, "cases", "person", column=column)]
    assert [p for p in pupils if p != "O'Brien"] == EXPECTED


def test_sorted_list_passes_the_model_tester(qtmodeltester, named):
    model = RecordListModel(named, LIST_SPECS["persons"])
    model.reload()
    qtmodeltester.check(model, force_py=True)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data().startswith("Aalders")


def test_the_name_order_comes_from_an_index(named):
    # First rows of a long list must not wait for a sort of the whole table.
    def plan(session):
        from sqlalchemy import text

        return " ".join(
            row[-1] for row in session.execute(text(
                "EXPLAIN QUERY PLAN SELECT rowid FROM persons WHERE deleted = 0 "
                "ORDER BY last_name COLLATE nl_achternaam, first_names COLLATE nl, rowid LIMIT 10"
            ))
        )

    text_plan = named.read(plan)
    assert SORT_INDEX in text_plan
    assert "TEMP B-TREE" not in text_plan

"""The person search index: created idempotently, kept in step by triggers, repaired, injection-safe."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.models import Person
from desktop.models.search import search, search_person_rowids
from desktop.models.search_index import ensure_search_index, fts_query
from tests.gui.conftest import make_bsn


def test_index_is_idempotent_and_follows_inserts_updates_and_deletes(ctx, seeded):
    engine = ctx.store.engine
    assert ensure_search_index(engine) is False, "already built and in step"
    with ctx.session() as session:
        session.add(Person(bsn=make_bsn("45678912"), first_names="Jip", last_name="Çelik",
                           birth_date=dt.date(2013, 5, 1)))
    with ctx.session() as session:
        assert [r.title for r in search(session, "celik")] == ["Çelik, Jip"], "diacritics are folded"
        person = session.scalars(select(Person).where(Person.first_names == "Jip")).one()
        person.last_name = "Yilmaz"
    with ctx.session() as session:
        assert search(session, "celik") == []
        assert [r.title for r in search(session, "yilmaz jip")] == ["Yilmaz, Jip"]
        person = session.scalars(select(Person).where(Person.first_names == "Jip")).one()
        person.deleted = True
    with ctx.session() as session:
        assert search(session, "yilmaz") == []
    assert ensure_search_index(engine) is False


def test_index_is_rebuilt_when_triggers_are_lost(ctx, seeded):
    engine = ctx.store.engine
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER person_search_ai")
    with ctx.session() as session:
        session.add(Person(education_number="300000001", first_names="Noor", last_name="Bakker",
                           birth_date=dt.date(2012, 1, 1)))
    with ctx.session() as session:
        assert search_person_rowids(session, "Bakker") == []
    assert ensure_search_index(engine) is True
    with ctx.session() as session:
        assert len(search_person_rowids(session, "Bakker")) == 1


@pytest.mark.parametrize(
    "typed",
    ['O\'Brien', '"', '""', 'NEAR(a b)', 'bsn:1*', 'name:Vries', 'a AND b', 'x OR', 'NOT y', '^start', 'a*b',
     '(((', ')', '-', "'; DROP TABLE persons; --", "\\", "\x00", "🙂"],
)
def test_odd_input_is_matched_literally_without_errors(ctx, seeded, typed):
    with ctx.session() as session:
        search(session, typed)
        search_person_rowids(session, typed)
        assert session.scalar(select(Person.id).where(Person.id == seeded.sanne_id)) == seeded.sanne_id


def test_fts_query_quotes_every_word():
    assert fts_query("O'Brien jan") == '"O\'Brien"* "jan"*'
    assert fts_query('say "hi"') == '"say"* """hi"""*'
    assert fts_query("  ") is None
    assert fts_query("( ) *") is None

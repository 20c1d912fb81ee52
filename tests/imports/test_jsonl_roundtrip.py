"""The Vangnet JSON Lines format: export then import into an empty profile gives the same data; bad records
are refused by line and field; existing persons are matched by BSN, never duplicated."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop.models import Base, Case, Person
from desktop.models.demo import generate_demo
from desktop.models.exporters.jsonl import RECORD_TYPES, export_jsonl
from desktop.models.importers import ImportRefused, run_import
from tests.imports.conftest import table_fingerprint

# Logs and the sync bookkeeping differ by nature (each copy queues its own operations, with their own ids).
LOG_TABLES = ("audit_log", "local_meta", "sync_outbox", "sync_state")
TODAY = dt.date(2025, 3, 3)


def _entity_tables() -> set[str]:
    return {model.__tablename__ for _name, model in RECORD_TYPES}


@pytest.fixture
def demo_session():
    engine = sa.create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        generate_demo(session, persons=120, seed=7, today=TODAY)
        session.commit()
        yield session
    engine.dispose()


def _empty_session() -> Session:
    engine = sa.create_engine("sqlite://")
    Base.metadata.create_all(engine)
    return Session(engine)


def test_every_entity_of_the_model_has_a_record_type():
    import desktop.models as models

    entity_tables = {
        getattr(models, name).__tablename__
        for name in models.__all__
        if isinstance(getattr(models, name), type) and hasattr(getattr(models, name), "__tablename__")
    }
    assert entity_tables <= _entity_tables()


def test_round_trip_of_a_demo_region_is_exact(demo_session, tmp_path):
    path = tmp_path / "alles.jsonl"
    written = export_jsonl(demo_session, path)
    demo_session.commit()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["type"] == "vangnet-export"
    assert json.loads(lines[-1]) == {"type": "einde", "records": written}
    assert {json.loads(line)["type"] for line in lines[1:-1]} >= {"person", "case", "journal_entry", "absence_report"}

    target = _empty_session()
    result = run_import(target, "vangnet-jsonl", path)
    target.commit()
    assert result.report.ok, result.report.format()
    assert sum(result.created.values()) == written

    original = table_fingerprint(demo_session, exclude=LOG_TABLES)
    copy = table_fingerprint(target, exclude=LOG_TABLES)
    assert set(original) >= _entity_tables()
    assert copy == original

    # Exporting the copy gives the same records again (the header's timestamp aside).
    again = tmp_path / "opnieuw.jsonl"
    export_jsonl(target, again)
    assert again.read_text(encoding="utf-8").splitlines()[1:] == lines[1:]


def test_round_trip_into_an_encrypted_profile(demo_session, tmp_path, store):
    path = tmp_path / "alles.jsonl"
    export_jsonl(demo_session, path)
    with store.session() as session:
        result = run_import(session, "vangnet-jsonl", path)
        assert result.report.ok, result.report.format()
    with store.session() as session:
        for _name, model in RECORD_TYPES:
            if model.__tablename__ == "municipalities":
                continue  # a new profile may hold its gemeenten already (matched by CBS code)
            table = model.__table__
            assert (
                session.execute(sa.select(sa.func.count()).select_from(table)).scalar()
                == demo_session.execute(sa.select(sa.func.count()).select_from(table)).scalar()
            ), table.name
        persons = dict(session.execute(sa.select(Person.id, Person.bsn)).all())
    assert persons == dict(demo_session.execute(sa.select(Person.id, Person.bsn)).all())


def _export_lines(demo_session, tmp_path: Path) -> list[dict]:
    path = tmp_path / "bron.jsonl"
    export_jsonl(demo_session, path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def test_bad_records_are_refused_by_line_and_field(demo_session, tmp_path):
    records = _export_lines(demo_session, tmp_path)[:-1]  # without the closing line
    person_line = next(i for i, r in enumerate(records) if r["type"] == "person")
    case_line = next(i for i, r in enumerate(records) if r["type"] == "case")
    records[person_line]["birth_date"] = "2010-02-30"
    person_id = next(r["id"] for r in records[person_line + 1 :] if r["type"] == "person")
    records[case_line]["kind"] = "spijbelen"
    records.append({"type": "raket", "id": "x"})
    records.append(
        {"type": "guardian", "id": "g-1", "person_id": person_id, "relation": "mother", "last_name": "X", "onzin": 1}
    )
    records.append(
        {"type": "guardian", "id": "g-2", "person_id": "bestaat-niet", "relation": "mother", "last_name": "X"}
    )
    path = _write(tmp_path / "fout.jsonl", records)
    target = _empty_session()
    with pytest.raises(ImportRefused) as refused:
        run_import(target, "vangnet-jsonl", path)
    message = refused.value.message
    assert f"Rij {person_line + 1}, kolom 'birth_date': geen bestaande datum" in message
    assert f"Rij {case_line + 1}, kolom 'kind': onbekende waarde" in message
    assert f"Rij {len(records) - 2}, kolom 'type': onbekend recordtype 'raket'" in message
    assert f"Rij {len(records) - 1}, kolom 'onzin': onbekend veld" in message
    assert f"Rij {len(records)}, kolom 'person_id': verwijst naar een onbekende leerling" in message
    # Records of the rejected person are named as depending on a rejected record.
    assert "verwijst naar een afgekeurd record" in message
    assert target.scalar(sa.select(sa.func.count()).select_from(Person)) == 0


def test_only_valid_records_skips_dependants_of_rejected_ones(demo_session, tmp_path):
    records = _export_lines(demo_session, tmp_path)[:-1]
    person = next(
        r
        for r in records
        if r["type"] == "person" and any(c["type"] == "case" and c["person_id"] == r["id"] for c in records)
    )
    person["bsn"] = "123456789"  # fails the 11-proef
    path = _write(tmp_path / "deels.jsonl", records)
    target = _empty_session()
    result = run_import(target, "vangnet-jsonl", path, only_valid=True)
    target.commit()
    assert result.report.rejected_rows
    assert target.get(Person, person["id"]) is None
    assert target.scalar(sa.select(sa.func.count()).select_from(Case).where(Case.person_id == person["id"])) == 0
    others = sum(1 for r in records if r["type"] == "person") - 1
    assert target.scalar(sa.select(sa.func.count()).select_from(Person)) == others


def test_truncated_file_is_refused(demo_session, tmp_path):
    records = _export_lines(demo_session, tmp_path)
    del records[-2]
    path = _write(tmp_path / "kort.jsonl", records)
    with pytest.raises(ImportRefused) as refused:
        run_import(_empty_session(), "vangnet-jsonl", path)
    assert "Het bestand is onvolledig" in refused.value.message


def test_not_a_vangnet_file_is_refused(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"type": "iets anders"}\n', encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        run_import(_empty_session(), "vangnet-jsonl", path)
    assert "geen Vangnet-uitwisselbestand" in refused.value.message


def test_migration_matches_existing_person_by_bsn(session, tmp_path):
    from tests.imports.conftest import bsn_numbers

    bsn = next(bsn_numbers())
    existing = Person(bsn=bsn, first_names="Anna", last_name="Smit", birth_date=dt.date(2010, 1, 1))
    session.add(existing)
    session.commit()
    records = [
        {"type": "vangnet-export", "format_version": 1},
        {
            "type": "person",
            "id": "oud-systeem-1",
            "bsn": bsn,
            "first_names": "Anna Maria",
            "last_name": "Smit",
            "birth_date": "2010-01-01",
        },
        {
            "type": "case",
            "id": "zaak-1",
            "case_number": "2019-000001",
            "person_id": "oud-systeem-1",
            "kind": "relative",
            "opened_on": "2019-09-01",
        },
    ]
    result = run_import(session, "vangnet-jsonl", _write(tmp_path / "migratie.jsonl", records))
    assert result.report.ok, result.report.format()
    session.commit()
    persons = session.scalars(sa.select(Person)).all()
    assert len(persons) == 1 and persons[0].id == existing.id and persons[0].first_names == "Anna Maria"
    assert session.get(Case, "zaak-1").person_id == existing.id


def test_json_schema_describes_every_record_type_and_column(demo_session, tmp_path):
    schema_path = Path(__file__).resolve().parents[2] / "docs" / "vangnet-jsonl.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    definitions = schema["$defs"]
    for name, model in RECORD_TYPES:
        columns = {column.name for column in model.__table__.columns}
        assert set(definitions[name]["properties"]) == columns | {"type"}, name
    for record in _export_lines(demo_session, tmp_path)[1:-1]:
        definition = definitions[record["type"]]
        assert set(record) <= set(definition["properties"])
        assert set(definition["required"]) <= set(record)

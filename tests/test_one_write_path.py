"""One write path: every command that writes leaves no synced row without a queued operation or a server version.

Each command runs on a real encrypted profile, opened as the app and the `vangnet` command open it; after
each one, `unqueued_rows` must be empty: whatever the server does not have yet waits in the outbox.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from desktop.models import Person, School
from desktop.models.enums import AbsenceKind, CaseKind, JournalKind, SchoolKind
from desktop.models.keyfile import KdfParams
from desktop.models.outbox import APPLYING_SERVER_CHANGES, DEFERRED, unqueued_rows
from desktop.models.region import ensure_municipalities
from desktop.models.store import Profile
from desktop.models.sync_tables import sync_outbox
from tests.imports.conftest import bsn_numbers, write_csv

PASSPHRASE = "oefenen met vangnet"
TODAY = dt.date(2026, 10, 5)


@pytest.fixture
def store(tmp_path: Path):
    store = Profile(tmp_path / "profiel").create(PASSPHRASE, kdf=KdfParams.minimum())
    with store.session() as session:
        ensure_municipalities(session)
        # The region's schools, as the server would have sent them.
        session.info[APPLYING_SERVER_CHANGES] = True
        session.add(School(brin="12AB", location="00", name="Het Lingecollege", kind=SchoolKind.VO,
                           municipality_code="GM0505", version=1))
    yield store
    store.close()


def assert_all_queued(store) -> int:
    with store.session() as session:
        assert unqueued_rows(session) == {}
        return session.execute(sa.select(sa.func.count()).select_from(sync_outbox)).scalar_one()


def test_the_demo_region_is_queued(store) -> None:
    from desktop.models.demo import generate_demo

    with store.session() as session:
        generate_demo(session, persons=150, seed=3, today=TODAY)
    assert assert_all_queued(store) > 500


def test_duo_brp_school_and_transfer_imports_are_queued(store, tmp_path: Path) -> None:
    from desktop.models.importers import run_import
    from tests.imports.test_duo_verzuim import HEADER, duo_row
    from tests.imports.test_register_importers import BRP_HEADER, SCHOOL_HEADER

    numbers = bsn_numbers(31_000_000)
    with store.session() as session:
        run_import(session, "schools", write_csv(tmp_path / "scholen.csv", SCHOOL_HEADER, [
            ["78GH", "00", "Insula College", "VO", "GM0505", "Overkampweg", "2", "3318 AR", "Dordrecht"],
        ], delimiter=","))
    assert_all_queued(store)
    brp = [[next(numbers), "Sem", "", "Jansen", "04-03-2012", "M", "Kerkstraat", "1", "3311 AB", "Dordrecht",
            "GM0505", "01-01-2020"] for _ in range(3)]
    with store.session() as session:
        run_import(session, "brp", write_csv(tmp_path / "brp.csv", BRP_HEADER, brp))
    assert_all_queued(store)
    duo = [duo_row(f"VZ{i:05d}", next(numbers)) for i in range(5)]
    with store.session() as session:
        result = run_import(session, "duo-verzuim", write_csv(tmp_path / "duo.csv", HEADER, duo))
    assert result.created["meldingen"] == 5
    queued = assert_all_queued(store)
    # The same file with one changed hour count: an update, queued too.
    duo[0] = duo_row("VZ00000", duo[0][HEADER.index("BSN")], **{"Uren verzuim": "40"})
    with store.session() as session:
        run_import(session, "duo-verzuim", write_csv(tmp_path / "duo2.csv", HEADER, duo))
    assert assert_all_queued(store) == queued + 1


def test_a_restored_export_queues_what_the_server_never_had(store, tmp_path: Path) -> None:
    from desktop.models.demo import generate_demo
    from desktop.models.exporters.jsonl import export_jsonl
    from desktop.models.importers import run_import

    source = Profile(tmp_path / "bron").create(PASSPHRASE, kdf=KdfParams.minimum())
    with source.session() as session:
        generate_demo(session, persons=60, seed=4, today=TODAY)
        export_jsonl(session, tmp_path / "alles.jsonl")
    source.close()
    with store.session() as session:
        run_import(session, "vangnet-jsonl", tmp_path / "alles.jsonl")
    assert assert_all_queued(store) > 200


def test_merges_domain_commands_assessment_letters_and_retention_are_queued(store) -> None:
    from desktop.models import case_commands
    from desktop.models.assessment import assess_report
    from desktop.models.importers.persons import merge_persons
    from desktop.models.retention import run_retention

    numbers = bsn_numbers(41_000_000)
    with store.session() as session:
        first = Person(first_names="Sem", last_name="Jansen", birth_date=dt.date(2012, 3, 4), bsn=next(numbers),
                       municipality_code="GM0505")
        second = Person(first_names="Sem", last_name="Jansen", birth_date=dt.date(2012, 3, 4),
                        education_number="123456789", municipality_code="GM0505")
        session.add_all([first, second])
        session.flush()
        case = case_commands.open_case(session, second.id, CaseKind.RELATIVE, TODAY)
        case_commands.add_journal_entry(session, case.id, second.id, JournalKind.NOTE, "Gesprek gepland.")
        report = case_commands.register_absence_report(session, first.id, AbsenceKind.SIXTEEN_HOURS, TODAY)
        session.flush()
        assess_report(session, report.id, "open_case", TODAY, case_kind=CaseKind.RELATIVE)
        ids = (first.id, second.id)
    assert_all_queued(store)
    with store.session() as session:
        merge_persons(session, survivor_id=ids[0], merged_id=ids[1])
    assert_all_queued(store)
    with store.session() as session:
        moved = session.execute(
            sa.select(sync_outbox.c.changes).where(sync_outbox.c.table_name == "cases", sync_outbox.c.kind == "update")
        ).scalars().all()
    assert any("person_id" in json.loads(c) for c in moved if c != DEFERRED)
    run_retention(store.Session, TODAY + dt.timedelta(days=365 * 30))
    assert_all_queued(store)

"""Retention with a fake clock: expired files removed locally with a marker that syncs; resumable."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from desktop.models import Case, DropoutTrajectory, Intervention, JournalEntry, Person
from desktop.models.audit import AuditEntry, verify_chain
from desktop.models.enums import CaseKind, InterventionKind, JournalKind, VsvKind
from desktop.models.law import is_valid_bsn
from desktop.models.retention import DeletionMarker, RetentionSettings, file_expires_on, run_retention

TODAY = date(2026, 11, 28)


def valid_bsns():
    candidate = 100_000_000
    while True:
        candidate += 1
        if is_valid_bsn(str(candidate)):
            yield str(candidate)


def person(session, last_name: str, birth: date, **extra) -> Person:
    bsns = session.info.setdefault("bsns", valid_bsns())
    made = Person(bsn=next(bsns), first_names="Test", last_name=last_name, birth_date=birth, **extra)
    session.add(made)
    session.flush()
    return made


def case_for(session, who: Person, number: str, kind=CaseKind.RELATIVE, opened=date(2015, 1, 5)) -> Case:
    made = Case(case_number=number, person_id=who.id, kind=kind, opened_on=opened)
    session.add(made)
    session.flush()
    session.add(JournalEntry(
        case_id=made.id, person_id=who.id, kind=JournalKind.NOTE, text="gesprek gevoerd",
        occurred_at=datetime(2015, 1, 6, 10, 0),
    ))
    return made


@pytest.fixture
def region(store):
    with store.session() as session:
        old = person(session, "Oud", date(2006, 5, 1))  # 19 on 2025-05-01: expired
        case_for(session, old, "2015-000001")
        young = person(session, "Jong", date(2012, 3, 3))
        pv_case = case_for(session, young, "2019-000002")
        session.add(Intervention(case_id=pv_case.id, person_id=young.id, kind=InterventionKind.OFFICIAL_REPORT,
                                 date=date(2020, 2, 1)))
        session.add(Intervention(case_id=pv_case.id, person_id=young.id, kind=InterventionKind.HALT,
                                 date=date(2020, 2, 1)))
        rmc = person(session, "Doorstroom", date(2005, 1, 10))  # 19 in 2024, but an RMC trajectory until 2026
        case_for(session, rmc, "2023-000003", kind=CaseKind.DROPOUT, opened=date(2023, 9, 1))
        session.add(DropoutTrajectory(person_id=rmc.id, vsv_kind=VsvKind.NEW, start_date=date(2023, 9, 1),
                                      end_date=date(2026, 1, 31)))
        for number in range(5):
            extra = person(session, f"Oud{number}", date(2004, 1, 1))
            case_for(session, extra, f"2014-00001{number}")
    return store


def counts(store) -> dict[str, int]:
    with store.session() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model))
            for model in (Person, Case, JournalEntry, Intervention, DropoutTrajectory, DeletionMarker)
        }


def test_expiry_follows_the_longest_applicable_term():
    settings = RetentionSettings()
    assert file_expires_on(date(2006, 5, 1), None, False, None, settings) == date(2025, 5, 1)
    # Kwalificatieplicht ended the day before the 18th birthday; two years later.
    assert file_expires_on(date(2006, 5, 1), None, True, None, settings) == date(2026, 4, 30)
    assert file_expires_on(date(2005, 1, 10), None, True, date(2026, 1, 31), settings) == date(2028, 1, 31)


def test_retention_removes_expired_files_and_old_police_data_with_markers(region):
    report = run_retention(region.Session, TODAY, batch_size=2)
    after = counts(region)
    assert after["persons"] == 2  # 'Jong' and 'Doorstroom' remain
    assert after["interventions"] == 1  # the PV of 2020 is past 5 years; the Halt referral stays
    assert report.persons_expired == 6
    assert report.police_records_expired == 1
    assert report.removed["persons"] == 6 and report.removed["cases"] == 6 and report.removed["journal_entries"] == 6
    assert after["deletion_markers"] == sum(report.removed.values())
    text = "\n".join(report.lines())
    assert "Oud" not in text and "111222333" not in text
    with region.session() as session:
        assert verify_chain(session) == []
        assert session.scalar(select(func.count()).where(AuditEntry.action == "retention")) == 7


def test_interrupted_run_continues_without_doing_anything_twice(region):
    class Stop(Exception):
        pass

    def stop_after_first_batch(done, total):
        raise Stop

    with pytest.raises(Stop):
        run_retention(region.Session, TODAY, batch_size=2, progress=stop_after_first_batch)
    assert counts(region)["persons"] == 6  # the first batch of two was committed
    run_retention(region.Session, TODAY, batch_size=2)
    again = run_retention(region.Session, TODAY, batch_size=2)
    assert not again.removed
    after = counts(region)
    assert after["persons"] == 2
    with region.session() as session:
        markers = session.execute(select(DeletionMarker.record_id)).scalars().all()
    assert len(markers) == len(set(markers))


def test_nothing_expires_before_its_time(region):
    report = run_retention(region.Session, date(2020, 1, 1))
    assert report.persons_expired == 0
    assert counts(region)["persons"] == 8

"""The school calendar as reference data: the shipped file, a new profile (`vangnet init`), a new server, and a
device that syncs with it (the same records everywhere, nothing to upload, no conflict)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.models import Person, SchoolHoliday
from desktop.models.errors import DomainError
from desktop.models.outbox import unqueued_rows
from desktop.models.person_file import load_person_file
from desktop.models.region import load_region
from desktop.models.school_calendar import (
    CALENDAR_FILE,
    ensure_school_holidays,
    load_school_holidays,
    school_calendar,
    school_holiday_id,
)
from desktop.models.sync_tables import sync_conflicts, sync_outbox
from desktop.paths import resource_path
from sync.server import store as server_store
from sync.server.db import make_engine, records
from sync.server.migrate import upgrade
from tests.conftest import PASSPHRASE
from tests.test_cli_sync import cli, live_server, signed_in  # noqa: F401  (fixtures)

SHIPPED_YEARS = ("2024-2025", "2025-2026", "2026-2027")
NAMES = ("Herfstvakantie", "Kerstvakantie", "Voorjaarsvakantie", "Meivakantie", "Zomervakantie")
LENGTHS = {"Herfstvakantie": 9, "Kerstvakantie": 16, "Voorjaarsvakantie": 9, "Meivakantie": 9, "Zomervakantie": 44}


def test_the_shipped_file_has_every_holiday_of_three_school_years_for_the_three_regions() -> None:
    holidays = load_school_holidays()
    assert len(holidays) == 45
    assert Counter((h["school_year"], h["holiday_region"]) for h in holidays) == {
        (year, region): 5 for year in SHIPPED_YEARS for region in ("noord", "midden", "zuid")
    }
    for holiday in holidays:
        first, last = holiday["first_day"], holiday["last_day"]
        assert isinstance(first, dt.date) and isinstance(last, dt.date)
        assert holiday["name"] in NAMES
        # Rijksoverheid publishes each holiday from a Saturday through a Sunday.
        assert (first.isoweekday(), last.isoweekday()) == (6, 7), holiday
        assert (last - first).days + 1 == LENGTHS[str(holiday["name"])], holiday
    header = resource_path(*CALENDAR_FILE).read_text(encoding="utf-8").split("school_year,")[0]
    assert "https://www.rijksoverheid.nl/onderwerpen/schoolvakanties" in header


def test_the_region_is_in_regio_midden() -> None:
    # All of Zuid-Holland, and so every gemeente of Zuid-Holland Zuid, is in vakantieregio midden.
    assert load_region().holiday_region == "midden"


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("2025-2026,midden,Herfstvakantie,2025-10-26,2025-10-18", "klopt niet"),
        ("2025-2026,oost,Herfstvakantie,2025-10-18,2025-10-26", "onleesbaar"),
        ("2024-2025,midden,Herfstvakantie,2025-10-18,2025-10-26", "klopt niet"),  # not in that school year
        ("2025-2026,midden,Herfstvakantie,18-10-2025,2025-10-26", "onleesbaar"),
    ],
)
def test_a_broken_calendar_file_is_refused_in_dutch(tmp_path: Path, line: str, words: str) -> None:
    path = tmp_path / "vakanties.csv"
    path.write_text(f"# kop\nschool_year,holiday_region,name,first_day,last_day\n{line}\n", encoding="utf-8")
    with pytest.raises(DomainError, match=words):
        load_school_holidays(path)


def test_a_holiday_named_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "vakanties.csv"
    row = "2025-2026,midden,Herfstvakantie,2025-10-18,2025-10-26"
    path.write_text(f"school_year,holiday_region,name,first_day,last_day\n{row}\n{row}\n", encoding="utf-8")
    with pytest.raises(DomainError, match="tweede keer"):
        load_school_holidays(path)


def test_ensure_adds_the_shipped_holidays_once_as_the_servers_rows(store) -> None:
    with store.session() as session:
        assert ensure_school_holidays(session) == 45
        assert ensure_school_holidays(session) == 0
    with store.session() as session:
        rows = session.scalars(select(SchoolHoliday)).all()
        assert {row.version for row in rows} == {1}
        assert unqueued_rows(session) == {}
        assert session.scalar(select(func.count()).select_from(sync_outbox)) == 0
        calendar = school_calendar(session)
        assert len(calendar) == 15  # regio midden: five holidays in each of three school years
        assert school_calendar(session, "zuid").holidays != calendar.holidays


def test_a_corrected_holiday_is_left_as_it_is(store) -> None:
    with store.session() as session:
        ensure_school_holidays(session)
        autumn = session.get(SchoolHoliday, school_holiday_id("2026-2027", "midden", "Herfstvakantie"))
        autumn.last_day = dt.date(2026, 10, 27)
    with store.session() as session:
        assert ensure_school_holidays(session) == 0
        autumn = session.get(SchoolHoliday, school_holiday_id("2026-2027", "midden", "Herfstvakantie"))
        assert autumn.last_day == dt.date(2026, 10, 27)


def test_the_person_file_starts_leerplicht_on_the_first_school_day(store) -> None:
    with store.session() as session:
        ensure_school_holidays(session)
        person = Person(bsn="123456782", first_names="Noor", last_name="Bakker", birth_date=dt.date(2020, 12, 10))
        session.add(person)
        session.flush()
        file = load_person_file(session, person.id, today=dt.date(2026, 1, 2))
    dates = dict(file.duty_dates)
    # Five in December 2025; January 2026 starts with the kerstvakantie: Monday 5 January.
    assert dates["Leerplichtig vanaf"] == dt.date(2026, 1, 5)
    assert file.duty_label == "Nog niet leerplichtig"


def test_vangnet_init_loads_the_calendar_into_a_new_profile(cli, profile) -> None:  # noqa: F811
    assert main(["init", *cli]) == 0
    with profile.unlock(PASSPHRASE) as store, store.session() as session:
        assert session.scalar(select(func.count()).select_from(SchoolHoliday)) == 45
        assert unqueued_rows(session) == {}


def test_a_new_server_holds_the_same_records(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/server.sqlite3")
    upgrade(engine)
    server_store.seed_region(engine)
    assert server_store.seed_region(engine) == 0  # a second start adds nothing
    with engine.connect() as conn:
        found = conn.execute(
            select(records.c.record_id, records.c.version).where(records.c.table_name == "school_holidays")
        ).all()
    expected = {str(h["id"]) for h in load_school_holidays()}
    assert {record_id for record_id, _version in found} == expected
    assert {version for _id, version in found} == {1}
    engine.dispose()


def test_a_new_profile_syncs_the_calendar_without_uploads_or_conflicts(cli, profile, live_server, capsys) -> None:  # noqa: F811
    signed_in(cli, live_server, capsys)
    assert main(["sync", *cli]) == 0
    with profile.unlock(PASSPHRASE) as store, store.session() as session:
        assert session.scalar(select(func.count()).select_from(SchoolHoliday)) == 45
        assert session.scalar(select(func.count()).select_from(sync_conflicts)) == 0
        assert session.scalar(select(func.count()).select_from(sync_outbox)) == 0

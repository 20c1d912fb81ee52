"""The school calendar: the school holidays per schooljaar and vakantieregio, as synced reference data.

A first set comes with the program (``resources/calendar/schoolvakanties.csv``) and is loaded into every new
profile and every server, like the region's gemeenten (same ids everywhere, version 1); the functioneel
beheerder keeps it up to date. The rules that count school days with it are in ``law.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from pathlib import Path

from sqlalchemy import Date, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop.models.base import Base, SyncedMixin
from desktop.models.constraints import enum_type, period_check, validates_period
from desktop.models.entities import SYSTEM_ADMINISTRATOR, RetentionClass, ScopeClass, entity
from desktop.models.enums import HolidayRegion
from desktop.models.errors import DomainError
from desktop.models.law import Period, SchoolCalendar, SchoolYear, school_year
from desktop.paths import resource_path

CALENDAR_FILE = ("calendar", "schoolvakanties.csv")
# Every device and every server names a shipped holiday by the same id, derived from its school year,
# region and name: the rows a new profile and a new server each make are one and the same record.
SCHOOL_HOLIDAY_NAMESPACE = uuid.UUID("2b7c4e91-0d36-4f5a-8c1e-5a9d3f6b7e20")
CALENDAR_VERSION = 1
_FIELDS = ("school_year", "holiday_region", "name", "first_day", "last_day")


@entity(
    label="Schoolvakantie", plural="Schoolvakanties", interchange="school_holiday", scope=ScopeClass.REFERENCE,
    writers=frozenset({SYSTEM_ADMINISTRATOR}), retention=RetentionClass.NONE,
    fields={
        "holiday_region": "Vakantieregio", "name": "Vakantie", "first_day": "Eerste dag", "last_day": "Laatste dag",
    },
)
class SchoolHoliday(SyncedMixin, Base):
    """One school holiday (herfst, kerst, voorjaar, mei, zomer) of one vakantieregio in one schooljaar.

    The summer holiday is listed under the schooljaar it closes, as the Rijksoverheid publishes it.
    """

    __tablename__ = "school_holidays"

    school_year: Mapped[str] = mapped_column(String(9))  # '2025-2026'
    holiday_region: Mapped[HolidayRegion] = mapped_column(enum_type(HolidayRegion, "holiday_region"))
    name: Mapped[str] = mapped_column(String(40))
    first_day: Mapped[dt.date] = mapped_column(Date)
    last_day: Mapped[dt.date] = mapped_column(Date)

    __table_args__ = (
        UniqueConstraint("school_year", "holiday_region", "name", name="uq_school_holidays_school_year"),
        period_check("first_day", "last_day"),
    )

    _check_period = validates_period("first_day", "last_day", "De laatste dag")


def school_holiday_id(year: str, holiday_region: str, name: str) -> str:
    """The record id of a shipped school holiday, the same on every device and server."""
    return str(uuid.uuid5(SCHOOL_HOLIDAY_NAMESPACE, f"schoolvakantie:{year}:{holiday_region}:{name.lower()}"))


def _default_path() -> Path:
    return resource_path(*CALENDAR_FILE)


def load_school_holidays(path: str | Path | None = None) -> list[dict[str, object]]:
    """The school holidays of a calendar file (default the shipped one) as records: id, school_year,
    holiday_region, name, first_day, last_day (dates as ``date``). Lines starting with '#' are comments."""
    text = Path(path or _default_path()).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    records: list[dict[str, object]] = []
    seen: set[tuple[str, str, str]] = set()
    for number, item in enumerate(csv.DictReader(lines), start=1):
        try:
            year = str(SchoolYear.parse(item["school_year"]))
            region = HolidayRegion(item["holiday_region"].strip())
            name = item["name"].strip()
            first, last = dt.date.fromisoformat(item["first_day"]), dt.date.fromisoformat(item["last_day"])
        except (KeyError, ValueError, AttributeError):
            raise DomainError(f"Regel {number} van het vakantiebestand is onleesbaar.") from None
        if not name or last < first or str(school_year(first)) != year:
            raise DomainError(f"Regel {number} van het vakantiebestand klopt niet (naam, data of schooljaar).")
        key = (year, region.value, name.lower())
        if key in seen:
            raise DomainError(f"Regel {number} van het vakantiebestand noemt een vakantie voor de tweede keer.")
        seen.add(key)
        records.append(
            {
                "id": school_holiday_id(year, region.value, name),
                "school_year": year,
                "holiday_region": region,
                "name": name,
                "first_day": first,
                "last_day": last,
            }
        )
    return records


def school_holiday_documents(path: str | Path | None = None) -> list[dict[str, object]]:
    """The shipped school holidays as the server stores records: JSON values (dates as ISO text)."""
    return [
        {
            key: value.isoformat() if isinstance(value, dt.date) else str(value)
            for key, value in record.items()
        }
        for record in load_school_holidays(path)
    ]


def ensure_school_holidays(session: Session, path: str | Path | None = None) -> int:
    """Insert the shipped school holidays that are not in the database yet; returns how many were added.

    They come with the program, not from a user: the server makes the same rows (same ids, version 1), so
    they are stored as the server's version and queue nothing for upload. A holiday the database already
    has (by school year, region and name) is left as it is: the functioneel beheerder may have corrected it.
    """
    from desktop.models.outbox import APPLYING_SERVER_CHANGES

    existing = {
        (year, str(region), name.lower())
        for year, region, name in session.execute(
            select(SchoolHoliday.school_year, SchoolHoliday.holiday_region, SchoolHoliday.name)
        )
    }
    added = 0
    applying = session.info.get(APPLYING_SERVER_CHANGES)
    session.info[APPLYING_SERVER_CHANGES] = True
    try:
        for record in load_school_holidays(path):
            key = (str(record["school_year"]), str(record["holiday_region"]), str(record["name"]).lower())
            if key not in existing:
                session.add(SchoolHoliday(**record, version=CALENDAR_VERSION))
                added += 1
        session.flush()
    finally:
        session.info[APPLYING_SERVER_CHANGES] = applying
    return added


def school_calendar(session: Session, holiday_region: HolidayRegion | str | None = None) -> SchoolCalendar:
    """The school calendar of a vakantieregio (default: the region's own, from the region file)."""
    if holiday_region is None:
        from desktop.models.region import load_region

        holiday_region = load_region().holiday_region
    rows = session.execute(
        select(SchoolHoliday.name, SchoolHoliday.first_day, SchoolHoliday.last_day).where(
            SchoolHoliday.holiday_region == HolidayRegion(holiday_region), SchoolHoliday.deleted.is_(False)
        )
    )
    names = {Period(first, last): name for name, first, last in rows}
    return SchoolCalendar(names, names)

"""The region served (its gemeenten by CBS code), read from data so that another region needs no code."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.enums import HolidayRegion
from desktop.models.errors import DomainError
from desktop.models.registry import Municipality
from desktop.paths import resource_path

DEFAULT_REGION_FILE = ("regions", "zhz.json")
# Every device and every server names a gemeente by the same id, derived from its CBS code: the rows a new
# profile and a new server each make from the region file are one and the same record.
MUNICIPALITY_NAMESPACE = uuid.UUID("6f1c2b9e-5a4d-4c1e-9a8b-0d3e7f2a6b51")
REGION_VERSION = 1


def municipality_id(cbs_code: str) -> str:
    """The record id of a gemeente, the same everywhere."""
    return str(uuid.uuid5(MUNICIPALITY_NAMESPACE, "gemeente:" + cbs_code))


def region_municipality_rows(region: Region | None = None) -> list[dict[str, object]]:
    """The region's gemeenten as record documents (id, cbs_code, name, in_region)."""
    region = region or load_region()
    return [
        {"id": municipality_id(m.cbs_code), "cbs_code": m.cbs_code, "name": m.name, "in_region": True}
        for m in region.municipalities
    ]


@dataclass(frozen=True)
class RegionMunicipality:
    cbs_code: str
    name: str
    population: int

    @property
    def code(self) -> str:
        return self.cbs_code


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    service: str
    note: str
    municipalities: tuple[RegionMunicipality, ...]
    #: The vakantieregio of the region's schools (all of Zuid-Holland is in regio midden): its school holidays
    #: are the region's school calendar (resources/calendar/schoolvakanties.csv).
    holiday_region: HolidayRegion = HolidayRegion.MIDDLE

    def population_shares(self) -> dict[str, float]:
        """Share of the region's population per CBS code (sums to 1)."""
        total = sum(m.population for m in self.municipalities) or 1
        return {m.cbs_code: m.population / total for m in self.municipalities}

    def by_code(self, cbs_code: str) -> RegionMunicipality:
        for municipality in self.municipalities:
            if municipality.cbs_code == cbs_code:
                return municipality
        raise KeyError(cbs_code)

    @property
    def codes(self) -> list[str]:
        return [m.cbs_code for m in self.municipalities]


def _default_path() -> Path:
    return resource_path(*DEFAULT_REGION_FILE)


def load_region(path: str | Path | None = None) -> Region:
    """Read a region file (default ``resources/regions/zhz.json``)."""
    data = json.loads(Path(path or _default_path()).read_text(encoding="utf-8"))
    municipalities = tuple(
        RegionMunicipality(cbs_code=item["cbs_code"], name=item["name"], population=int(item["population"]))
        for item in data["municipalities"]
    )
    if len({m.cbs_code for m in municipalities}) != len(municipalities):
        raise DomainError("Het regiobestand noemt een gemeente meer dan eens.")
    return Region(
        code=data["code"],
        name=data["name"],
        service=data.get("service", ""),
        note=data.get("note", ""),
        municipalities=municipalities,
        holiday_region=_holiday_region(data.get("holiday_region", HolidayRegion.MIDDLE.value)),
    )


def _holiday_region(value: object) -> HolidayRegion:
    if value not in HolidayRegion.values():
        raise DomainError("Het regiobestand noemt een onbekende vakantieregio (noord, midden of zuid).")
    return HolidayRegion(str(value))


def ensure_municipalities(session: Session, region: Region | None = None) -> int:
    """Insert the region's gemeenten that are not in the database yet; returns how many were added.

    They come with the region, not from a user: the server makes the same rows (same ids, version 1), so
    they are stored as the server's version and queue nothing for upload.
    """
    from desktop.models.outbox import APPLYING_SERVER_CHANGES

    existing = set(session.scalars(select(Municipality.cbs_code)))
    added = 0
    applying = session.info.get(APPLYING_SERVER_CHANGES)
    session.info[APPLYING_SERVER_CHANGES] = True
    try:
        for row in region_municipality_rows(region):
            if row["cbs_code"] not in existing:
                session.add(Municipality(**row, version=REGION_VERSION))
                added += 1
        session.flush()
    finally:
        session.info[APPLYING_SERVER_CHANGES] = applying
    return added

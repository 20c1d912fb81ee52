"""The region served (its gemeenten by CBS code), read from data so that another region needs no code."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.registry import Municipality

DEFAULT_REGION_FILE = ("regions", "zhz.json")


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
    try:
        from desktop.paths import resource_path
    except ImportError:  # pragma: no cover - the resolver is part of the application package
        return Path(__file__).resolve().parents[2].joinpath("resources", *DEFAULT_REGION_FILE)
    return resource_path(*DEFAULT_REGION_FILE)


def load_region(path: str | Path | None = None) -> Region:
    """Read a region file (default ``resources/regions/zhz.json``)."""
    data = json.loads(Path(path or _default_path()).read_text(encoding="utf-8"))
    municipalities = tuple(
        RegionMunicipality(cbs_code=item["cbs_code"], name=item["name"], population=int(item["population"]))
        for item in data["municipalities"]
    )
    if len({m.cbs_code for m in municipalities}) != len(municipalities):
        raise ValueError("Het regiobestand noemt een gemeente meer dan eens.")
    return Region(
        code=data["code"],
        name=data["name"],
        service=data.get("service", ""),
        note=data.get("note", ""),
        municipalities=municipalities,
    )


def ensure_municipalities(session: Session, region: Region | None = None) -> int:
    """Insert the region's gemeenten that are not in the database yet; returns how many were added."""
    region = region or load_region()
    existing = set(session.scalars(select(Municipality.cbs_code)))
    added = 0
    for item in region.municipalities:
        if item.cbs_code not in existing:
            session.add(Municipality(cbs_code=item.cbs_code, name=item.name, in_region=True))
            added += 1
    session.flush()
    return added

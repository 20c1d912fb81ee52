"""The region served (its gemeenten by CBS code, the service's office, the rechtbank of each gemeente), read from
data so that another region needs no code.

The server publishes the region file it holds (``GET /api/v1/region``); a device keeps the copy it received in
its template folder (``REGION_DOCUMENT``) and prints its letters from that, so an address corrected on the server
reaches every office with the next sync. Values nobody could check are listed under ``verify`` in the file; they
are never printed as such.
"""

from __future__ import annotations

import functools
import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.enums import HolidayRegion
from desktop.models.errors import DomainError
from desktop.models.registry import Municipality
from desktop.paths import resource_path

DEFAULT_REGION_FILE = ("regions", "zhz.json")
# The name of the region document the server publishes, as a device keeps it beside its templates.
REGION_DOCUMENT = "regio.json"
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
class Court:
    """A rechtbank: where a voorlopige voorziening is asked for (Awb 8:81) and, later, beroep is lodged."""

    name: str
    postal_address: tuple[str, ...] = ()
    digital: str = ""  # the rechtbank's digital counter, e.g. 'loket.rechtspraak.nl/bestuursrecht'


@dataclass(frozen=True)
class Office:
    """The regional service that writes the letters: its letterhead and how people reach it."""

    letterhead: tuple[str, ...] = ()
    organisation: str = ""
    visiting_address: tuple[str, ...] = ()
    postal_address: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""
    website: str = ""


@dataclass(frozen=True)
class RegionMunicipality:
    cbs_code: str
    name: str
    population: int
    #: Where the college van burgemeester en wethouders receives a bezwaarschrift by post (Awb 6:4 lid 1).
    college_postal_address: tuple[str, ...] = ()
    #: How the college accepts a bezwaarschrift electronically; empty when it has not opened that way (Awb 2:15).
    objection_digital: str = ""
    website: str = ""
    #: Key of the rechtbank in ``Region.courts`` whose arrondissement holds the gemeente (Awb 8:7, Wet op de
    #: rechterlijke indeling).
    court: str = ""
    #: Contact of the functionaris gegevensbescherming (AVG art. 37-39); empty: reached at the college's address.
    privacy_officer: str = ""
    verify: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        return self.cbs_code

    @property
    def college(self) -> str:
        """The bestuursorgaan that decides on leerplicht matters of its inhabitants (Lpw art. 16)."""
        return f"het college van burgemeester en wethouders van {self.name}"

    @property
    def privacy_contact(self) -> str:
        if self.privacy_officer:
            return self.privacy_officer
        address = ", ".join(self.college_postal_address)
        text = f"de functionaris gegevensbescherming van de gemeente {self.name}"
        return f"{text}, {address}" if address else text


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
    office: Office = field(default_factory=Office)
    courts: Mapping[str, Court] = field(default_factory=dict)
    verify: tuple[str, ...] = ()

    def population_shares(self) -> dict[str, float]:
        """Share of the region's population per CBS code (sums to 1)."""
        total = sum(m.population for m in self.municipalities) or 1
        return {m.cbs_code: m.population / total for m in self.municipalities}

    def by_code(self, cbs_code: str) -> RegionMunicipality:
        for municipality in self.municipalities:
            if municipality.cbs_code == cbs_code:
                return municipality
        raise KeyError(cbs_code)

    def find(self, code_or_name: str | None) -> RegionMunicipality | None:
        """The gemeente with this CBS code or name (case-insensitive), or None."""
        if not code_or_name:
            return None
        wanted = code_or_name.strip().lower()
        for municipality in self.municipalities:
            if wanted in (municipality.cbs_code.lower(), municipality.name.lower()):
                return municipality
        return None

    def court_of(self, municipality: RegionMunicipality) -> Court | None:
        return self.courts.get(municipality.court)

    @property
    def codes(self) -> list[str]:
        return [m.cbs_code for m in self.municipalities]


@dataclass(frozen=True)
class ObjectionAddress:
    """Where and how a bezwaarschrift against a decision of the college goes, and the rechtbank for urgency."""

    body: str  # 'het college van burgemeester en wethouders van Dordrecht'
    postal_address: str  # 'Postbus 8, 3300 AA Dordrecht'
    digital: str  # how it may be lodged electronically; empty: not opened (Awb 2:15 lid 1)
    court: str  # 'rechtbank Rotterdam'
    court_address: str


def objection_address(region: Region, municipality: str | None) -> ObjectionAddress | None:
    """Who receives a bezwaarschrift: the bestuursorgaan that made the decision (Awb 6:4 lid 1), for leerplicht
    the college van burgemeester en wethouders of the pupil's gemeente (Lpw art. 16), at its postal address; by
    e-mail or web form only where the college has opened that way (Awb 2:15 lid 1). A voorlopige voorziening is
    asked of the voorzieningenrechter of the rechtbank of the arrondissement where the college has its seat
    (Awb 8:7 lid 1, 8:81). None when ``municipality`` is not one of the region's gemeenten.
    """
    found = region.find(municipality)
    if found is None:
        return None
    court = region.court_of(found)
    return ObjectionAddress(
        body=found.college,
        postal_address=", ".join(found.college_postal_address),
        digital=found.objection_digital,
        court=court.name if court else "",
        court_address=", ".join(court.postal_address) if court else "",
    )


def _default_path() -> Path:
    return resource_path(*DEFAULT_REGION_FILE)


def load_region(path: str | Path | None = None) -> Region:
    """Read a region file (default ``resources/regions/zhz.json``)."""
    return region_from_data(json.loads(Path(path or _default_path()).read_text(encoding="utf-8")))


def region_document(path: str | Path | None = None) -> dict[str, Any]:
    """The region file as the server publishes it: its data, checked by parsing it first."""
    data: dict[str, Any] = json.loads(Path(path or _default_path()).read_text(encoding="utf-8"))
    region_from_data(data)
    return data


def document_hash(data: Mapping[str, Any]) -> str:
    """The fingerprint of a region document, the same on the server and on every device."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def profile_region(folder: Path | None) -> Region:
    """The region a device prints with: the copy received from the server in ``folder`` (its template folder),
    else the region file shipped with the program. Read once per version of the file (a batch of letters
    reads it once)."""
    path = folder / REGION_DOCUMENT if folder is not None else None
    if path is None or not path.exists():
        path = _default_path()
    return _region_at(str(path), path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _region_at(path: str, _mtime_ns: int) -> Region:
    return load_region(path)


def _lines(value: object, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(line, str) for line in value):
        raise DomainError(f"Het regiobestand heeft een ongeldige waarde bij '{what}': verwacht een lijst regels.")
    return tuple(value)


def _text(data: Mapping[str, Any], key: str, what: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise DomainError(f"Het regiobestand heeft een ongeldige waarde bij '{what}.{key}': verwacht tekst.")
    return value


def region_from_data(data: Mapping[str, Any]) -> Region:
    """A region from the data of a region file; DomainError (Dutch) naming what is wrong."""
    try:
        municipalities = tuple(
            RegionMunicipality(
                cbs_code=item["cbs_code"],
                name=item["name"],
                population=int(item["population"]),
                college_postal_address=_lines(item.get("college_postal_address"), f"{item['name']}.postadres"),
                objection_digital=_text(item, "objection_digital", item["name"]),
                website=_text(item, "website", item["name"]),
                court=_text(item, "court", item["name"]),
                privacy_officer=_text(item, "privacy_officer", item["name"]),
                verify=_lines(item.get("verify"), f"{item['name']}.verify"),
            )
            for item in data["municipalities"]
        )
        office_data = data.get("office") or {}
        office = Office(
            letterhead=_lines(office_data.get("letterhead"), "office.letterhead"),
            organisation=_text(office_data, "organisation", "office"),
            visiting_address=_lines(office_data.get("visiting_address"), "office.visiting_address"),
            postal_address=_lines(office_data.get("postal_address"), "office.postal_address"),
            phone=_text(office_data, "phone", "office"),
            email=_text(office_data, "email", "office"),
            website=_text(office_data, "website", "office"),
        )
        courts = {
            key: Court(name=_text(value, "name", key), postal_address=_lines(value.get("postal_address"), key),
                       digital=_text(value, "digital", key))
            for key, value in (data.get("courts") or {}).items()
        }
        code, name = data["code"], data["name"]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DomainError(f"Het regiobestand is onvolledig of ongeldig ({exc}).") from None
    if len({m.cbs_code for m in municipalities}) != len(municipalities):
        raise DomainError("Het regiobestand noemt een gemeente meer dan eens.")
    unknown = sorted({m.court for m in municipalities if m.court and m.court not in courts})
    if unknown:
        raise DomainError(f"Het regiobestand noemt een onbekende rechtbank: {', '.join(unknown)}.")
    return Region(
        code=code,
        name=name,
        service=data.get("service", ""),
        note=data.get("note", ""),
        municipalities=municipalities,
        holiday_region=_holiday_region(data.get("holiday_region", HolidayRegion.MIDDLE.value)),
        office=office,
        courts=courts,
        verify=_lines(data.get("verify"), "verify"),
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

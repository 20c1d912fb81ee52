"""Deterministic demo data: a whole region with pupils, schools, users and several school years of work.

Everything is fictitious (names, BSNs that only pass the 11-proef, schools, BRINs) but shaped like the
region's own jaarverslag, so every screen, list and figure has something real-looking to show. Rows go
in through bulk Core inserts with client-generated ids; the same seed and ``today`` give the same data.
"""

from __future__ import annotations

import bisect
import functools
import json
import random
import time
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine, Table
from sqlalchemy.orm import Session

from desktop.models import demo_data as words
from desktop.models.base import Base, table_of
from desktop.models.cases import (
    AbsenceReport,
    Appointment,
    Case,
    Intervention,
    JournalEntry,
    case_kind_for_report,
    format_case_number,
)
from desktop.models.driver import BulkInsert
from desktop.models.errors import DomainError
from desktop.models.exemptions import Exemption, LeaveRequest
from desktop.models.outbox import queue_inserts
from desktop.models.records import DocumentRecord
from desktop.models.region import REGION_VERSION, Region, load_region, municipality_id
from desktop.models.registry import AddressHistory, Enrollment, Guardian, Municipality, Person, School, User
from desktop.models.trajectories import DropoutTrajectory, HomeSitterEpisode, Transfer

ProgressCallback = Callable[[int, int], None]

FIRST_SCHOOL_YEAR = 2022  # the jaarverslag's previous year: every figure has a year to compare with
CHUNK = 5000
DEMO_CACHE_KIB = 96 * 1024
BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)

# Tables in foreign-key order: a chunk of a table is only written after its parents' buffers.
INSERT_ORDER: tuple[type[Base], ...] = (
    Municipality,
    User,
    School,
    Person,
    AddressHistory,
    Guardian,
    Enrollment,
    Case,
    AbsenceReport,
    JournalEntry,
    Appointment,
    Intervention,
    Exemption,
    LeaveRequest,
    HomeSitterEpisode,
    DropoutTrajectory,
    Transfer,
    DocumentRecord,
)


@dataclass
class DemoSummary:
    """What ``generate_demo`` wrote."""

    seed: int
    persons: int
    today: date
    school_years: list[str]
    counts: dict[str, int] = field(default_factory=dict)  # table name -> rows inserted
    usernames: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())

    def __str__(self) -> str:
        years = f"{self.school_years[0]} t/m {self.school_years[-1]}" if self.school_years else "geen"
        return (
            f"{self.persons} personen, {self.counts.get('cases', 0)} zaken, {self.total_rows} rijen; "
            f"schooljaren {years}; {len(self.usernames)} gebruikers (seed {self.seed})"
        )


# --- small date helpers --------------------------------------------------------------------------------


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February: the Dutch legal reading reaches the age on 1 March
        return date(d.year + years, 3, 1)


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _is_school_day(d: date) -> bool:
    if d.weekday() >= 5:
        return False
    md = (d.month, d.day)
    # Approximate holidays of region zuid/midden; only used to keep demo dates plausible.
    holidays = (
        ((7, 13), (8, 31)),
        ((12, 23), (12, 31)),
        ((1, 1), (1, 5)),
        ((4, 26), (5, 5)),
        ((10, 14), (10, 22)),
        ((2, 17), (2, 25)),
    )
    return not any(a <= md <= b for a, b in holidays)


@functools.lru_cache(maxsize=1 << 16)
def _school_year_label(start_year: int) -> str:
    return f"{start_year}-{start_year + 1}"


class _Writer:
    """Buffers rows per table and writes them in chunks with the bulk insert, parents first."""

    def __init__(
        self, connection: Connection, stamp: datetime, progress: ProgressCallback | None, estimate: int
    ) -> None:
        self.connection = connection
        self.progress = progress
        self.estimate = max(estimate, 1)
        self.done = 0
        self.tables: list[Table] = [table_of(model) for model in INSERT_ORDER]
        self.buffers: dict[str, list[Any]] = {t.name: [] for t in self.tables}
        self.counts: dict[str, int] = {t.name: 0 for t in self.tables}
        self.templates = {t.name: self._template(t, stamp) for t in self.tables}
        self.checked: set[str] = set()
        # On SQLite the rows go straight to the driver in SQLAlchemy's own storage format: per-row
        # parameter processing would otherwise cost more than the inserts. The CHECK constraints in
        # the database still validate every value.
        self.inserts = {t.name: BulkInsert(connection, t) for t in self.tables}
        # The rows' values for their operations to the server, queued with each chunk (one write path).
        self.queued: dict[str, list[dict[str, Any]]] = {t.name: [] for t in self.tables}

    @staticmethod
    def _template(table: Table, stamp: datetime) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for column in table.columns:
            value = None
            default = column.default
            if isinstance(default, sa.ColumnDefault) and default.is_scalar:
                value = default.arg
            elif default is not None and isinstance(column.type, sa.DateTime):
                value = stamp
            row[column.name] = value
        row.update(version=0, deleted=False, updated_at=stamp)
        return row

    def add(self, model: type[Base], **values: Any) -> None:
        name = model.__tablename__
        template = self.templates[name]
        if name not in self.checked:  # catches misspelt columns once per table, not per row
            unknown = set(values) - set(template)
            if unknown:
                raise KeyError(f"{name}: {sorted(unknown)}")
            self.checked.add(name)
        buffer = self.buffers[name]
        insert = self.inserts[name]
        get = values.get
        record = [get(column, template[column]) for column in insert.names]
        self.queued[name].append(dict(zip(insert.names, record, strict=True)))
        buffer.append(insert.parameters(record))
        if len(buffer) >= CHUNK:
            self.flush_through(name)

    def flush_through(self, name: str) -> None:
        for table in self.tables:
            self._flush(table)
            if table.name == name:
                break

    def _flush(self, table: Table) -> None:
        rows = self.buffers[table.name]
        if not rows:
            return
        self.inserts[table.name].execute(rows)
        queue_inserts(self.connection, table, self.queued[table.name])
        self.queued[table.name].clear()
        self.counts[table.name] += len(rows)
        self.done += len(rows)
        rows.clear()
        if self.progress is not None:
            self.progress(min(self.done, self.estimate - 1), self.estimate)

    def close(self) -> None:
        for table in self.tables:
            self._flush(table)
        if self.progress is not None:
            self.progress(self.done, self.done)


class _Person:
    """What the generator needs to remember about a person between phases (ids and timeline)."""

    id: str
    birth: date
    gender: str
    first: str
    prefix: str | None
    last: str
    gm: str  # the woongemeente since ``moved_on`` (or birth)
    street: str
    nr: str
    pc: str
    place: str

    __slots__ = (
        "birth",
        "bsn",
        "edu",
        "enr",
        "exempt",
        "first",
        "gender",
        "gm",
        "id",
        "last",
        "moved_on",
        "nr",
        "pc",
        "place",
        "prefix",
        "prev",
        "qualified",
        "street",
    )

    def __init__(self) -> None:
        self.enr: list[list[Any]] = []  # [school index, start, end or None, level]
        self.prev: tuple[str, str, str, str, str, date] | None = None
        self.moved_on: date | None = None
        self.qualified: date | None = None
        self.exempt = False
        self.bsn: str | None = None
        self.edu: str | None = None

    def school_at(self, d: date) -> int | None:
        for school, start, end, _level in self.enr:
            if start <= d and (end is None or d <= end):
                return school
        return None

    def gm_at(self, d: date) -> str | None:
        """The woongemeente on a day; None while the pupil lived abroad (no Dutch gemeente)."""
        if self.prev is not None and self.moved_on is not None and d < self.moved_on:
            return self.prev[0] or None
        return self.gm

    @property
    def display(self) -> str:
        return " ".join(part for part in (self.first, self.prefix, self.last) if part)


# Who ``_Generator.pick`` may take: the day and the ids already taken are bound when the test is made.


def _enrolled_on(day: date, taken: Container[str] = frozenset()) -> Callable[[_Person], bool]:
    """A person enrolled at a school on ``day`` and not among ``taken``."""
    return lambda q: q.id not in taken and q.school_at(day) is not None


def _left_school_on(day: date, taken: Container[str]) -> Callable[[_Person], bool]:
    """A person not among ``taken``, not exempt, once enrolled but at no school on ``day``."""
    return lambda q: q.id not in taken and not q.exempt and q.school_at(day) is None and bool(q.enr)


def _turning_18_enrolled(day: date, last: date) -> Callable[[_Person], bool]:
    """A person enrolled on ``day`` who turns 18 after it and no later than ``last``."""
    return lambda q: q.school_at(day) is not None and day < _add_years(q.birth, 18) <= last


@dataclass
class _CasePlan:
    person: _Person
    kind: str
    opened: date
    closes: date | None  # None: still open on ``today``
    close_reason: str | None
    school: int | None
    hours: float | None = None
    report_kind: str | None = None
    interventions: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    needs_investigation: bool = False
    id: str = ""


class _Generator:
    def __init__(self, writer: _Writer, region: Region, persons: int, seed: int, today: date) -> None:
        self.w = writer
        self.region = region
        self.n = persons
        self.rng = random.Random(seed)
        self.today = today
        self.scale = persons / words.REFERENCE_PUPILS
        self.years = list(range(FIRST_SCHOOL_YEAR, (today.year if today.month >= 8 else today.year - 1) + 1))
        self.case_seq: dict[int, int] = {}
        self.id_counter = self.rng.getrandbits(32) << 8
        self.duo_seq = 0
        self.schools: list[dict[str, Any]] = []
        self.schools_by_kind: dict[str, list[int]] = {}
        self.consultants: dict[str, list[str]] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self.people: list[_Person] = []
        self.open_cases: list[_CasePlan] = []

    # --- primitives ----------------------------------------------------------------------------------

    def new_id(self) -> str:
        """A UUID4-formatted id from the seeded generator.

        The first twelve hex digits count up, so bulk inserts append to the primary-key index instead of
        splitting pages all over it (several times faster on a large SQLCipher file).
        """
        self.id_counter += 1
        h = f"{self.id_counter:012x}{self.rng.getrandbits(80):020x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:32]}"

    def count(self, value: float) -> int:
        """Scale a regional figure to this demo, rounding stochastically (so small demos still get some)."""
        scaled = value * self.scale
        whole = int(scaled)
        return whole + (1 if self.rng.random() < scaled - whole else 0)

    def between(self, start: date, end: date) -> date:
        if end <= start:
            return start
        return start + timedelta(days=self.rng.randint(0, (end - start).days))

    def school_day(self, start: date, end: date) -> date:
        end = min(end, self.today)
        for _ in range(12):
            d = self.between(start, end)
            if _is_school_day(d):
                return d
        return self.between(start, end)

    def moment(self, d: date, first_hour: int = 9, last_hour: int = 16) -> datetime:
        return datetime(
            d.year,
            d.month,
            d.day,
            self.rng.randint(first_hour, last_hour),
            self.rng.choice((0, 15, 30, 45)),
            tzinfo=UTC,
        )

    def phone(self) -> str:
        return f"06-{self.rng.randint(10_000_000, 99_999_999)}"

    def office_phone(self) -> str:
        return f"078-{self.rng.randint(6_000_000, 6_999_999)}"

    def year_window(self, year: int) -> tuple[date, date]:
        """Working days of a school year for events (late August to mid July), cut off at ``today``."""
        return date(year, 8, 26), min(date(year + 1, 7, 12), self.today)

    def year_fraction(self, year: int) -> float:
        start, end = date(year, 8, 26), date(year + 1, 7, 12)
        if self.today >= end:
            return 1.0
        if self.today <= start:
            return 0.0
        return (self.today - start).days / (end - start).days

    # --- region, users, schools ----------------------------------------------------------------------

    def write_region(self) -> None:
        existing = set(self.w.connection.scalars(sa.select(Municipality.cbs_code)))
        for m in self.region.municipalities:
            if m.cbs_code not in existing:
                self.w.add(
                    Municipality, id=municipality_id(m.cbs_code), cbs_code=m.cbs_code, name=m.name, in_region=True,
                    version=REGION_VERSION,
                )
        self.shares = self.region.population_shares()
        self.codes = self.region.codes
        self.weights = [self.shares[c] for c in self.codes]

    def write_users(self) -> None:
        existing = {row.username: row.id for row in self.w.connection.execute(sa.select(User.username, User.id))}
        all_codes = list(self.codes)

        def add(username: str, role: str, codes: list[str], title: str, leerplichtambtenaar: bool = False) -> str:
            # A leerplicht consultant is the aangewezen leerplichtambtenaar (Lpw art. 16) and a boa (Sv art. 142)
            # with a registration number; a MatchMaker and the office staff are neither.
            if username in existing:
                return existing[username]
            first = self.rng.choice(words.MEN_NAMES + words.WOMEN_NAMES)
            prefix, last, _ = self.rng.choice(words.SURNAMES)
            display = " ".join(p for p in (first, prefix, last) if p)
            user_id = self.new_id()
            self.w.add(
                User,
                id=user_id,
                username=username,
                display_name=display,
                role=role,
                municipality_codes=codes,
                job_title=title,
                email=f"{username}@example.com",
                phone=self.office_phone(),
                active=True,
                leerplichtambtenaar=leerplichtambtenaar,
                boa_number=f"B-{70001 + len(self.users):05d}" if leerplichtambtenaar and role == "consultant" else None,
            )
            self.users[username] = {"id": user_id, "name": display}
            return user_id

        for m in self.region.municipalities:
            slug = m.name.lower().replace(" ", "-").replace("'", "")
            number = max(1, round(self.shares[m.cbs_code] * 14))
            ids = []
            for i in range(number):
                username = f"consulent.{slug}" + (str(i + 1) if i else "")
                ids.append(add(username, "consultant", [m.cbs_code], "Consulent leerplicht", True))
            self.consultants[m.cbs_code] = ids
        self.isk_consultant = add("consulent.isk", "consultant", all_codes, "Consulent leerplicht ISK", True)
        self.matchmakers = [add(f"matchmaker.{i}", "consultant", all_codes, "MatchMaker") for i in (1, 2, 3)]
        self.admins = [
            add("medewerker.administratie", "administrator", all_codes, "Administratief medewerker"),
            add("medewerker.administratie2", "administrator", all_codes, "Administratief medewerker"),
        ]
        add("teamleider", "team_lead", all_codes, "Teamleider LVS", True)
        add("beheerder", "system_administrator", all_codes, "Functioneel beheerder")
        self.usernames = sorted(set(existing) | set(self.users))
        self.user_names = {u["id"]: u["name"] for u in self.users.values()}

    def pick_gm(self) -> str:
        return self.rng.choices(self.codes, self.weights)[0]

    def address(self, gm: str) -> tuple[str, str, str, str]:
        places = words.PLACES.get(gm) or [(self.region.by_code(gm).name, 1.0, (3300, 3399))]
        place, _share, (low, high) = self.rng.choices(places, [p[1] for p in places])[0]
        number = str(self.rng.randint(1, 180))
        if self.rng.random() < 0.1:
            number += self.rng.choice("abc")
        letters = "ABCDEGHJKLMNPRTVWXZ"
        postal = f"{self.rng.randint(low, high)} {self.rng.choice(letters)}{self.rng.choice(letters)}"
        return self.rng.choice(words.STREETS), number, postal, place

    def write_schools(self) -> None:
        existing_brins = set(self.w.connection.scalars(sa.select(School.brin)))
        plan = {
            "PO": max(len(self.codes), round(150 * self.scale)),
            "SO": max(1, round(6 * self.scale)),
            "VO": max(4, round(22 * self.scale)),
            "VSO": max(1, round(5 * self.scale)),
            "PrO": max(1, round(4 * self.scale)),
            "ISK": max(1, round(3 * self.scale)),
            "MBO": max(2, round(8 * self.scale)),
        }
        hubs = ["GM0505", "GM0512", "GM1963", "GM0642", "GM0590", "GM0610", "GM0531", "GM0482", "GM0523", "GM1978"]
        hub_weights = [35, 12, 15, 8, 6, 6, 5, 4, 4, 5]
        for kind, number in plan.items():
            for i in range(number):
                if kind == "PO":  # every gemeente has primary schools, the rest by population
                    gm = self.codes[i] if i < len(self.codes) else self.pick_gm()
                    prefix = self.rng.choice(words.PO_PREFIXES)
                    name = f"{prefix} {words.PO_NAMES[i % len(words.PO_NAMES)]}"
                    if i >= len(words.PO_NAMES):
                        name += f" {self.address(gm)[3]}"
                else:
                    gm = self.rng.choices(hubs, hub_weights)[0] if kind in ("VO",) else hubs[i % 3]
                    names = {
                        "SO": words.SO_NAMES,
                        "VO": words.VO_NAMES,
                        "VSO": words.VSO_NAMES,
                        "PrO": words.PRO_NAMES,
                        "ISK": words.ISK_NAMES,
                        "MBO": words.MBO_NAMES,
                    }[kind]
                    name = names[i % len(names)] + (f" {i // len(names) + 1}" if i >= len(names) else "")
                while True:
                    brin = (
                        f"{self.rng.randint(0, 31):02d}{self.rng.choice('ABCDEFGHJKLMNPRSTUVWXZ')}"
                        f"{self.rng.choice('ABCDEFGHJKLMNPRSTUVWXZ')}"
                    )
                    if brin not in existing_brins:
                        existing_brins.add(brin)
                        break
                street, number_, postal, place = self.address(gm)
                school = {
                    "id": self.new_id(),
                    "brin": brin,
                    "location": "00",
                    "name": name,
                    "kind": kind,
                    "municipality_code": gm,
                    "place": place,
                }
                self.w.add(
                    School,
                    id=school["id"],
                    brin=brin,
                    location="00",
                    name=name,
                    kind=kind,
                    municipality_code=gm,
                    street=street,
                    house_number=number_,
                    postal_code=postal,
                    city=place,
                    phone=self.office_phone(),
                    email=f"administratie@{brin.lower()}.example.com",
                    contact_name=self.rng.choice(words.REPORTER_FUNCTIONS),
                    active=True,
                    denomination=self.rng.choice(
                        (
                            "openbaar",
                            "protestants-christelijk",
                            "rooms-katholiek",
                            "algemeen bijzonder",
                            "reformatorisch",
                        )
                    ),
                )
                self.schools_by_kind.setdefault(kind, []).append(len(self.schools))
                self.schools.append(school)
        self.po_by_gm: dict[str, list[int]] = {}
        self.vo_by_gm: dict[str, list[int]] = {}
        for index in self.schools_by_kind["PO"]:
            self.po_by_gm.setdefault(self.schools[index]["municipality_code"], []).append(index)
        for index in self.schools_by_kind["VO"]:
            self.vo_by_gm.setdefault(self.schools[index]["municipality_code"], []).append(index)

    def pick_school(self, kind: str, gm: str) -> int:
        if kind == "PO" and self.po_by_gm.get(gm):
            return self.rng.choice(self.po_by_gm[gm])
        if kind == "VO" and self.vo_by_gm.get(gm) and self.rng.random() < 0.6:
            return self.rng.choice(self.vo_by_gm[gm])
        return self.rng.choice(self.schools_by_kind[kind])

    # --- persons -------------------------------------------------------------------------------------

    def bsn_numbers(self, needed: int) -> list[str]:
        numbers: list[str] = []
        for prefix in self.rng.sample(range(10_000_000, 100_000_000), int(needed * 1.2) + 20):
            digits = str(prefix)
            check = sum(int(c) * w for c, w in zip(digits, BSN_WEIGHTS[:8], strict=True)) % 11
            if check < 10:  # the ninth digit must make the weighted sum divisible by 11
                numbers.append(digits + str(check))
                if len(numbers) == needed:
                    break
        return numbers

    def build_persons(self) -> None:
        ages = list(range(3, 28))
        age_weights = [0.8, 1.0] + [1.0] * 13 + [0.9] * 5 + [0.45] * 5
        bsns = self.bsn_numbers(self.n)
        education_base = self.rng.randint(100_000_000, 104_000_000)
        surname_weights = [s[2] for s in words.SURNAMES]
        for i in range(self.n):
            p = _Person()
            p.id = self.new_id()
            age = self.rng.choices(ages, age_weights)[0]
            p.birth = _add_years(self.today, -age) - timedelta(days=self.rng.randint(0, 364))
            p.gender = "female" if self.rng.random() < 0.49 else "male"
            if self.rng.random() < 0.002:
                p.gender = "other"
            first_names = words.GIRL_NAMES if p.gender == "female" else words.BOY_NAMES
            p.first = self.rng.choice(first_names)
            if self.rng.random() < 0.3:
                p.first += " " + self.rng.choice(first_names)
            p.prefix, p.last, _ = self.rng.choices(words.SURNAMES, surname_weights)[0]
            p.gm = self.pick_gm()
            p.street, p.nr, p.pc, p.place = self.address(p.gm)
            newcomer = age >= 6 and self.rng.random() < 0.025
            # A few newcomers are known by an onderwijsnummer only (no BSN yet).
            if newcomer and self.rng.random() < 0.4:
                p.edu = str(education_base + i)
            else:
                p.bsn = bsns[i]
            if newcomer:
                arrival = self.between(max(_add_years(p.birth, 5), _add_years(self.today, -4)), self.today)
                p.moved_on = arrival
                p.prev = ("", "", "", "", "", p.birth)  # lived outside the Netherlands
            elif self.rng.random() < 0.3:
                moved = self.between(p.birth + timedelta(days=60), self.today - timedelta(days=30))
                prev_gm = p.gm if self.rng.random() < 0.6 else self.pick_gm()
                street, nr, pc, place = self.address(prev_gm)
                p.prev = (prev_gm, street, nr, pc, place, p.birth)
                p.moved_on = moved
            self.timeline(p, arrival=p.moved_on if newcomer else None)
            self.people.append(p)
        self.people_by_birth = sorted(self.people, key=lambda q: (q.birth, q.id))
        self.birth_ordinals = [q.birth.toordinal() for q in self.people_by_birth]

    def timeline(self, p: _Person, arrival: date | None) -> None:
        """The school career of a person, cut off at ``today`` (future enrolments are not known yet)."""
        b = p.birth
        r = self.rng.random
        vo_year = b.year + 12 + (1 if b.month >= 10 else 0)
        segments: list[list[Any]] = []
        special = r() < 0.04
        segments.append(
            [
                self.pick_school("SO" if special else "PO", p.gm),
                _add_years(b, 4) + timedelta(days=1),
                date(vo_year, 7, 31),
                "SO" if special else "groep 1-8",
            ]
        )
        x = r()
        if (special and r() < 0.6) or x < 0.03:
            segments.append([self.pick_school("VSO", p.gm), date(vo_year, 8, 1), date(vo_year + 6, 7, 31), "VSO"])
            p.exempt = r() < 0.5  # profiel arbeidsmarkt or dagbesteding
        elif x < 0.06:
            segments.append([self.pick_school("PrO", p.gm), date(vo_year, 8, 1), date(vo_year + 5, 7, 31), "PrO"])
            p.exempt = True
        elif x < 0.58:
            track = self.rng.choice(("vmbo-b", "vmbo-k", "vmbo-gt"))
            segments.append([self.pick_school("VO", p.gm), date(vo_year, 8, 1), date(vo_year + 4, 7, 31), track])
            years = self.rng.choice((2, 3, 3, 4))
            level = {2: "mbo-2", 3: "mbo-3", 4: "mbo-4"}[years]
            start = date(vo_year + 4, 8, 1)
            segments.append(
                [
                    self.pick_school("MBO", p.gm),
                    start,
                    date(vo_year + 4 + years, 7, 10),
                    f"{level} {'BBL' if r() < 0.2 else 'BOL'}",
                ]
            )
            p.qualified = date(vo_year + 4 + years, 7, 1)
        elif x < 0.82:
            segments.append([self.pick_school("VO", p.gm), date(vo_year, 8, 1), date(vo_year + 5, 7, 31), "havo"])
            p.qualified = date(vo_year + 5, 7, 1)
        else:
            segments.append([self.pick_school("VO", p.gm), date(vo_year, 8, 1), date(vo_year + 6, 7, 31), "vwo"])
            p.qualified = date(vo_year + 6, 7, 1)
        if arrival is not None:
            self.restart(p, arrival + timedelta(days=self.rng.randint(14, 60)), segments)
            return
        p.enr = segments
        self.cut_at_today(p)

    def restart(self, p: _Person, start: date, segments: list[list[Any]] | None = None) -> None:
        """No enrolment before ``start`` (newcomer or absolute verzuim); newcomers of 12+ start at an ISK."""
        kept = []
        for school, begin, end, level in segments if segments is not None else p.enr:
            if end is not None and end < start:
                continue
            kept.append([school, max(begin, start), end, level])
        if (
            kept
            and _age(p.birth, start) >= 12
            and kept[0][3] not in ("SO", "VSO", "PrO")
            and p.prev
            and p.prev[0] == ""
        ):
            isk_end = min(start + timedelta(days=540), kept[0][2] or start + timedelta(days=540))
            kept[0][1] = isk_end + timedelta(days=1)
            kept.insert(0, [self.rng.choice(self.schools_by_kind["ISK"]), start, isk_end, "ISK"])
            kept = [seg for seg in kept if seg[2] is None or seg[1] <= seg[2]]
        p.enr = kept
        self.cut_at_today(p)

    def gap(self, p: _Person, left: date, back: date | None) -> None:
        """Not enrolled from ``left`` until ``back`` (for good when ``back`` is None)."""
        kept: list[list[Any]] = []
        for school, begin, end, level in p.enr:
            if end is not None and end < left:
                kept.append([school, begin, end, level])
                continue
            if begin < left:
                kept.append([school, begin, left - timedelta(days=1), level])
            if back is not None and (end is None or end >= back):
                kept.append([school, max(begin, back), end, level])
        p.enr = kept
        self.cut_at_today(p)

    def cut_at_today(self, p: _Person) -> None:
        p.enr = [seg for seg in p.enr if seg[1] <= self.today]
        for seg in p.enr:
            if seg[2] is not None and seg[2] >= self.today:
                seg[2] = None
        if p.qualified is not None and p.qualified > self.today:
            p.qualified = None

    def pick(
        self, on: date, low: int, high: int, accept: Callable[[_Person], bool] | None = None, tries: int = 40
    ) -> _Person | None:
        """A random person aged ``low``..``high`` on ``on`` for whom ``accept`` holds."""
        first = bisect.bisect_left(self.birth_ordinals, (_add_years(on, -(high + 1)) + timedelta(days=1)).toordinal())
        last = bisect.bisect_right(self.birth_ordinals, _add_years(on, -low).toordinal())
        if first >= last:
            return None
        for _ in range(tries):
            p = self.people_by_birth[self.rng.randrange(first, last)]
            if accept is None or accept(p):
                return p
        return None

    # --- school careers changed by events (planned before persons are written) -----------------------

    def plan_career_events(self) -> None:
        self.new_dropouts: dict[int, list[tuple[_Person, date]]] = {}
        self.old_dropouts: dict[int, list[_Person]] = {}
        self.absolute: dict[int, list[_CasePlan]] = {}
        taken: set[str] = set()
        for year in self.years:
            fig = words.FIGURES[min(year, 2023)]
            fraction = self.year_fraction(year)
            start, end = self.year_window(year)
            october = date(year, 10, 1)

            def enrolled_unqualified(p: _Person, on: date = october) -> bool:
                return (
                    p.id not in taken
                    and p.school_at(on) is not None
                    and not p.exempt
                    and (p.qualified is None or p.qualified > on + timedelta(days=365))
                )

            drops = []
            # VSV is measured from 1 October: no new dropouts before that date is reached.
            for _ in range(self.count(float(fig["new_dropouts"]) * fraction) if october < self.today else 0):
                p = self.pick(october, 16, 22, enrolled_unqualified)
                if p is None:
                    continue
                taken.add(p.id)
                left = self.between(october + timedelta(days=1), min(date(year + 1, 7, 31), self.today))
                p.enr = [seg for seg in p.enr if seg[1] <= left]
                p.enr[-1][2] = left
                p.qualified = None
                drops.append((p, left))
            self.new_dropouts[year] = drops

            placed_old = sum(fig["placements_old"].values())
            olds = []
            for _ in range(self.count(placed_old * 2.0 * fraction)):
                p = self.pick(
                    date(year, 8, 1),
                    19,
                    26,
                    _left_school_on(date(year, 8, 1), taken),
                )
                if p is None:
                    continue
                taken.add(p.id)
                p.qualified = None
                olds.append(p)
            self.old_dropouts[year] = olds

            plans = []
            investigated = self.count(float(fig["absolute_investigated"]) * fraction)
            for i in range(self.count(float(fig["absolute"]) * fraction)):
                opened = self.school_day(start, end)
                p = self.pick(opened, 5, 16, _enrolled_on(opened, taken))
                if p is None:
                    continue
                taken.add(p.id)
                duration = self.rng.randint(10, 75 if i < investigated else 40)
                closes = opened + timedelta(days=duration)
                plan = _CasePlan(
                    p,
                    "absolute",
                    opened,
                    closes if closes <= self.today else None,
                    "back_to_school"
                    if self.rng.random() < 0.85
                    else self.rng.choice(("moved", "other_education", "exemption", "other")),
                    None,
                    needs_investigation=i < investigated,
                )
                # Unenrolled from some weeks before the case until a school was found.
                left = opened - timedelta(days=self.rng.randint(10, 60))
                found = plan.closes if plan.close_reason == "back_to_school" else None
                self.gap(p, left, found)
                plans.append(plan)
            self.absolute[year] = plans

    # --- writing persons -----------------------------------------------------------------------------

    def write_people(self) -> None:
        for p in self.people:
            self.w.add(
                Person,
                id=p.id,
                bsn=p.bsn,
                education_number=p.edu,
                first_names=p.first,
                call_name=p.first.split()[0],
                prefix=p.prefix,
                last_name=p.last,
                birth_date=p.birth,
                gender=p.gender,
                street=p.street,
                house_number=p.nr,
                postal_code=p.pc,
                city=p.place,
                municipality_code=p.gm,
                qualified_on=p.qualified,
                qualification_exempt=p.exempt,
                phone=self.phone() if _age(p.birth, self.today) >= 14 else None,
            )
            current_from = p.moved_on or p.birth
            if p.prev is not None and p.prev[0]:
                gm, street, nr, pc, place, since = p.prev
                self.w.add(
                    AddressHistory,
                    id=self.new_id(),
                    person_id=p.id,
                    from_date=since,
                    to_date=current_from - timedelta(days=1),
                    municipality_code=gm,
                    street=street,
                    house_number=nr,
                    postal_code=pc,
                    city=place,
                )
            self.w.add(
                AddressHistory,
                id=self.new_id(),
                person_id=p.id,
                from_date=current_from,
                to_date=None,
                municipality_code=p.gm,
                street=p.street,
                house_number=p.nr,
                postal_code=p.pc,
                city=p.place,
            )
            self.write_guardians(p)
            for school, start, end, level in p.enr:
                self.w.add(
                    Enrollment,
                    id=self.new_id(),
                    person_id=p.id,
                    school_id=self.schools[school]["id"],
                    start_date=start,
                    end_date=end,
                    level=level,
                )

    def write_guardians(self, p: _Person) -> None:
        age = _age(p.birth, self.today)
        if age >= 23:
            return
        authority = age < 18
        r = self.rng.random()
        if r < 0.05:
            relations = [self.rng.choice(("guardian", "foster_parent"))]
        elif r < 0.25:
            relations = ["mother" if self.rng.random() < 0.8 else "father"]
        else:
            relations = ["mother", "father"]
        separated = len(relations) == 2 and self.rng.random() < 0.2
        for relation in relations:
            woman = relation == "mother" or (relation != "father" and self.rng.random() < 0.6)
            first = self.rng.choice(words.WOMEN_NAMES if woman else words.MEN_NAMES)
            if relation == "father" or (relation == "mother" and self.rng.random() < 0.3):
                prefix, last = p.prefix, p.last
            else:
                prefix, last, _ = self.rng.choice(words.SURNAMES)
            street, nr, pc, place = p.street, p.nr, p.pc, p.place
            if separated and relation == "father":
                street, nr, pc, place = self.address(p.gm)
            self.w.add(
                Guardian,
                id=self.new_id(),
                person_id=p.id,
                relation=relation,
                has_authority=authority and relation != "foster_parent",
                first_names=first,
                initials=first[0] + ".",
                prefix=prefix,
                last_name=last,
                gender="female" if woman else "male",
                street=street,
                house_number=nr,
                postal_code=pc,
                city=place,
                phone=self.phone(),
                email=f"{first.lower()}.{last.lower().replace(' ', '')}{self.rng.randint(1, 99)}@example.com",
                receives_mail=True,
            )

    # --- cases ---------------------------------------------------------------------------------------

    def consultant_for(self, gm: str | None) -> str:
        """A consultant of the gemeente; of the first gemeente for a pupil living abroad (None)."""
        ids = self.consultants.get(gm) if gm is not None else None
        return self.rng.choice(ids or self.consultants[self.codes[0]])

    def case_number(self, opened: date) -> str:
        seq = self.case_seq.get(opened.year, 0) + 1
        self.case_seq[opened.year] = seq
        return format_case_number(opened.year, seq)

    def write_case(self, plan: _CasePlan, user_id: str | None = None) -> str:
        p = plan.person
        gm = p.gm_at(plan.opened)
        user_id = user_id or (
            self.isk_consultant
            if plan.school is not None and self.schools[plan.school]["kind"] == "ISK"
            else self.consultant_for(gm)
        )
        plan.id = self.new_id()
        kinds = [k for k, _ in plan.interventions]
        route, motivation = "care", None
        if "official_report" in kinds:
            route = "criminal"
            if "help_referral" not in kinds and "halt" not in kinds:
                motivation = self.rng.choice(
                    (
                        "Ouders werken niet mee en weigeren hulp; vrijwillige hulp is niet mogelijk gebleken.",
                        "Luxe verzuim na eerdere waarschuwing: volgens de richtlijn proces-verbaal.",
                    )
                )
        elif "halt" in kinds:
            route = "halt"
        elif "child_protection" in kinds:
            route = "civil"
            motivation = "Zorgen over de ontwikkeling van het kind; hulp in vrijwillig kader loopt vast."
        open_ = plan.closes is None
        if open_:
            days = (self.today - plan.opened).days
            phase = (
                "observe"
                if days < 14
                else "analyse"
                if days < 30
                else "plan"
                if days < 50
                else "act"
                if days < 80
                else "evaluate"
            )
        else:
            phase = "evaluate"
        school_id = self.schools[plan.school]["id"] if plan.school is not None else None
        case_number = self.case_number(plan.opened)
        self.w.add(
            Case,
            id=plan.id,
            case_number=case_number,
            person_id=p.id,
            kind=plan.kind,
            status="open" if open_ else "closed",
            phase=phase,
            route=route,
            route_motivation=motivation,
            assigned_user_id=user_id,
            opened_on=plan.opened,
            closed_on=plan.closes,
            close_reason=None if open_ else plan.close_reason,
            municipality_code=gm,
            school_id=school_id,
            needs_investigation=plan.needs_investigation,
        )
        self.write_case_work(plan, user_id, case_number, school_id)
        for kind, values in plan.interventions:
            self.w.add(
                Intervention, id=self.new_id(), case_id=plan.id, person_id=p.id, kind=kind, user_id=user_id, **values
            )
        if open_:
            self.open_cases.append(plan)
        return plan.id

    def journal(self, plan: _CasePlan, kind: str, text: str, on: date, author: str, contact: str | None = None) -> None:
        if on > self.today:
            return
        occurred = self.moment(on, 8, 17)
        self.w.add(
            JournalEntry,
            id=self.new_id(),
            case_id=plan.id,
            person_id=plan.person.id,
            kind=kind,
            text=text,
            contact_with=contact,
            author_user_id=author,
            occurred_at=occurred,
            created_at=occurred,
        )

    def write_case_work(self, plan: _CasePlan, user_id: str, case_number: str, school_id: str | None) -> None:
        p = plan.person
        name = p.first.split()[0]
        school_name = self.schools[plan.school]["name"] if plan.school is not None else "school"
        intro = {
            "relative": f"Verzuimmelding ontvangen van {school_name}"
            + (f": {plan.hours:g} uur ongeoorloofd afwezig." if plan.hours else "."),
            "over_18": f"Melding verzuim 18+ ontvangen van {school_name}.",
            "absolute": f"{name} staat niet ingeschreven op een school (signaal uit de leerlingadministratie).",
            "home_sitter": f"{name} zit langer dan vier weken thuis zonder vrijstelling; gemeld door {school_name}.",
            "dropout": f"{name} heeft het onderwijs verlaten zonder startkwalificatie.",
        }[plan.kind]
        end = plan.closes or self.today
        self.journal(plan, "note", intro, plan.opened, self.rng.choice(self.admins))
        call = self.between(plan.opened + timedelta(days=1), plan.opened + timedelta(days=6))
        if call <= end:
            self.journal(
                plan,
                "phone_call",
                self.rng.choice(
                    (
                        "Telefonisch contact met moeder; zij herkent het verzuim en wil meewerken.",
                        "Vader gebeld. Hij geeft aan dat het thuis lastig is; gesprek ingepland.",
                        "Ouders telefonisch niet bereikt, voicemail ingesproken en brief verstuurd.",
                        f"Contact met de verzuimcoördinator van {school_name} over de aanwezigheid.",
                    )
                ),
                call,
                user_id,
                contact="ouder" if self.rng.random() < 0.7 else "school",
            )
        hearing = plan.opened + timedelta(days=self.rng.randint(5, 14))
        while not _is_school_day(hearing):
            hearing += timedelta(days=1)
        place = school_name if self.rng.random() < 0.6 else "Kantoor LVS, Dordrecht"
        if hearing <= end:
            self.case_appointment(
                self.new_id(),
                plan,
                user_id,
                "hearing",
                is_deadline=False,
                starts_at=self.moment(hearing),
                location=place,
                purpose="Gesprek naar aanleiding van het verzuim (art. 22 Leerplichtwet)",
                attendees="leerling en ouders",
                done=hearing < self.today,
                done_at=self.moment(hearing) if hearing < self.today else None,
            )
            self.w.add(
                DocumentRecord,
                id=self.new_id(),
                person_id=p.id,
                case_id=plan.id,
                kind="uitnodiging_gesprek",
                template_version="1",
                generated_at=self.moment(plan.opened + timedelta(days=1)),
                generated_by_user_id=user_id,
                addressee="de ouders/verzorgers van " + name if _age(p.birth, hearing) < 18 else p.display,
                merge_data=json.dumps(
                    {"kenmerk": case_number, "datum_gesprek": hearing.isoformat(), "locatie": place}, ensure_ascii=False
                ),
            )
            if hearing < self.today:
                self.journal(
                    plan,
                    "conversation",
                    self.rng.choice(
                        (
                            f"Gesprek met {name} en moeder. Afgesproken dat {name} weer volledig naar school gaat; "
                            "de mentor houdt de aanwezigheid wekelijks bij.",
                            f"Gesprek met {name}. Achterliggende problemen besproken; toestemming voor verwijzing "
                            "naar het jeugdteam.",
                            "Gesprek met beide ouders op school. School en ouders maken een plan voor geleidelijke "
                            "terugkeer.",
                            f"{name} verscheen niet op het gesprek; nieuwe uitnodiging verstuurd.",
                        )
                    ),
                    hearing,
                    user_id,
                    contact="leerling en ouders",
                )
        if plan.closes is not None:
            reason = plan.close_reason or "other"
            self.journal(plan, "status_change", f"Zaak gesloten: {reason.replace('_', ' ')}.", plan.closes, user_id)
            return
        # Still open: the consultant's next steps, some of them today so the worklist has something.
        forced_today = len(self.open_cases) < 6
        if forced_today or self.rng.random() < 0.12:
            next_day = self.today
        else:
            next_day = self.today + timedelta(days=self.rng.randint(1, 21))
        self.case_appointment(
            self.new_id(),
            plan,
            user_id,
            "follow_up",
            is_deadline=False,
            starts_at=self.moment(next_day),
            location=place,
            purpose="Vervolggesprek en evaluatie van de afspraken",
            attendees="leerling, ouders en mentor",
            done=False,
        )
        if self.rng.random() < 0.5:
            due = self.today + timedelta(days=self.rng.randint(-3, 28))
            self.case_appointment(
                self.new_id(),
                plan,
                user_id,
                "agreement",
                is_deadline=True,
                starts_at=self.moment(due, 9, 9),
                purpose=self.rng.choice(
                    (
                        "School stuurt het aanwezigheidsoverzicht",
                        "Ouders leveren de verklaring van de huisarts in",
                        "Terugkoppeling van het jeugdteam over de aanmelding",
                    )
                ),
                done=False,
            )

    def case_appointment(self, record_id: str, plan: _CasePlan, user_id: str, kind: str, **fields: Any) -> None:
        """An appointment or deadline in a case. The caller draws ``record_id`` first, as for every other
        record, so that the seeded draws keep their order."""
        self.w.add(
            Appointment, id=record_id, case_id=plan.id, person_id=plan.person.id, user_id=user_id, kind=kind, **fields
        )

    def person_deadline(self, p: _Person, kind: str, due: date, purpose: str) -> None:
        """A deadline about a person outside a case, at nine in the morning, for a consultant of the gemeente."""
        self.w.add(
            Appointment,
            id=self.new_id(),
            person_id=p.id,
            user_id=self.consultant_for(p.gm),
            kind=kind,
            is_deadline=True,
            starts_at=self.moment(due, 9, 9),
            purpose=purpose,
            done=False,
        )

    # --- verzuimmeldingen -----------------------------------------------------------------------------

    def absence_report(self, plan: _CasePlan, kind: str, received: date, hours: float | None) -> None:
        p = plan.person
        school = self.schools[plan.school] if plan.school is not None else None
        closed = plan.closes is not None
        self.duo_seq += 1
        from_duo = self.rng.random() < 0.95
        days = max(1, round((hours or 8) / 5.5))
        start = received - timedelta(days=self.rng.randint(7, 28))
        consultant = None
        if closed:
            status = "closed"
            reason = {
                "back_to_school": "back_to_school",
                "attendance_restored": "back_to_school",
                "other_education": "other_education",
                "work": "work",
                "moved": "other",
                "legitimately_absent": "legitimately_absent",
            }.get(plan.close_reason or "", "other")
            explanation = "no_further_action"
        elif (self.today - received).days < 3:
            status, reason, explanation = None, None, None
        else:
            status, reason, explanation = "in_progress", None, self.rng.choice(("pupil_seen", "action_ongoing"))
        if status is not None:
            consultant = self.user_names.get(self.consultant_for(p.gm_at(received)))
        reporter_first = self.rng.choice(words.WOMEN_NAMES + words.MEN_NAMES)
        reporter_prefix, reporter_last, _ = self.rng.choice(words.SURNAMES)
        self.w.add(
            AbsenceReport,
            id=self.new_id(),
            person_id=p.id,
            case_id=plan.id,
            duo_number=f"VZM{received.year}{self.duo_seq:07d}" if from_duo else None,
            source="duo" if from_duo else "manual",
            received_on=received,
            school_id=school["id"] if school else None,
            school_brin=school["brin"] if school else None,
            school_location=school["location"] if school else None,
            kind=kind,
            absence_start=start,
            absence_end=received - timedelta(days=1),
            suspected_reason=self.rng.choice(words.ABSENCE_REASONS)
            if kind != "luxury"
            else "Vakantie buiten de schoolvakanties",
            all_lessons_missed=self.rng.random() < 0.6,
            school_actions=self.rng.choice(words.SCHOOL_ACTIONS),
            municipality_action_wanted=self.rng.random() < 0.8,
            municipality_action_reason="Verzuim houdt aan ondanks gesprekken op school",
            lesson_location=school["place"] if school else None,
            reporter_name=" ".join(x for x in (reporter_first, reporter_prefix, reporter_last) if x),
            reporter_function=self.rng.choice(words.REPORTER_FUNCTIONS),
            reporter_phone=self.office_phone(),
            reporter_email=f"verzuim@{school['brin'].lower()}.example.com" if school else None,
            contact_phone=self.phone(),
            residence_address=None,
            days_absent=days,
            hours_absent=hours,
            times_late=self.rng.randint(0, 12) if kind == "other" else None,
            duo_status=status,
            duo_status_on=plan.closes if closed else (received + timedelta(days=2) if status else None),
            duo_close_reason=reason,
            duo_explanation=explanation,
            duo_contact_name=consultant,
            duo_contact_phone="078-7708500" if consultant else None,
            duo_feedback_sent_at=self.moment(plan.closes) if plan.closes is not None else None,
            municipality_code=p.gm_at(received),
        )

    def relative_year(self, year: int) -> None:
        fig = words.FIGURES[min(year, 2023)]
        fraction = self.year_fraction(year)
        start, end = self.year_window(year)
        plans: list[_CasePlan] = []
        reported: list[_CasePlan] = []
        jobs: list[tuple[str, int]] = [(k, n) for k, n in fig["reports"].items()]
        jobs.append(("over_18", int(fig["over_18"])))
        for kind, regional in jobs:
            for _ in range(self.count(regional * fraction)):
                received = self.school_day(start, end)
                low, high = {"luxury": (5, 14), "over_18": (18, 22)}.get(kind, (6, 17))
                repeat = reported and self.rng.random() < 0.15 and kind != "over_18"
                p = None
                if repeat:
                    earlier = self.rng.choice(reported)
                    if earlier.person.school_at(received) is not None and earlier.opened < received:
                        p = earlier.person
                if p is None:
                    p = self.pick(received, low, high, _enrolled_on(received))
                if p is None:
                    continue
                hours = {
                    "sixteen_hours": float(self.rng.randint(16, 48)),
                    "luxury": float(self.rng.randint(4, 40)),
                    "other": float(self.rng.randint(4, 15)),
                    "long_term": float(self.rng.randint(80, 160)),
                    "over_18": float(self.rng.randint(60, 140)),
                }[kind]
                duration = self.rng.randint(14, 120 if kind != "luxury" else 50)
                closes = received + timedelta(days=duration)
                reason = self.rng.choices(
                    (
                        "attendance_restored",
                        "back_to_school",
                        "referred",
                        "other_education",
                        "work",
                        "moved",
                        "official_report",
                        "legitimately_absent",
                        "other",
                    ),
                    (40, 18, 12, 8, 4 if kind == "over_18" else 1, 4, 5, 4, 4),
                )[0]
                plan = _CasePlan(
                    p,
                    case_kind_for_report(kind).value,
                    received,
                    closes if closes <= self.today else None,
                    reason,
                    p.school_at(received),
                    hours=hours,
                    report_kind=kind,
                )
                plans.append(plan)
                reported.append(plan)
        self.assign_interventions(plans, fig, year)
        for plan in sorted(plans, key=lambda q: (q.opened, q.person.id)):
            self.write_case(
                plan, self.rng.choice(self.matchmakers) if plan.kind == "over_18" and self.rng.random() < 0.2 else None
            )
            self.absence_report(plan, plan.report_kind or "other", plan.opened, plan.hours)

    def intervention_date(self, plan: _CasePlan, year: int, low: float = 0.2, high: float = 0.8) -> date | None:
        end = min(plan.closes or self.today, date(year + 1, 7, 31), self.today)
        span = (end - plan.opened).days
        if span < 2:
            return None
        return plan.opened + timedelta(days=max(1, int(span * self.rng.uniform(low, high))))

    def assign_interventions(self, plans: list[_CasePlan], fig: words.YearFigures, year: int) -> None:
        fraction = self.year_fraction(year)
        relative = [p for p in plans if p.kind == "relative"]
        halt_candidates = [
            p
            for p in relative
            if 12 <= _age(p.person.birth, p.opened) <= 17
            and p.report_kind in ("sixteen_hours", "other")
            and 9 <= (p.hours or 0) <= 60
        ]
        self.rng.shuffle(halt_candidates)
        halts = 0
        halt_target = self.count(fig["halt"] * fraction)
        for plan in halt_candidates:
            if halts >= halt_target:
                break
            on = self.intervention_date(plan, year)
            if on is None:
                continue
            outcome = self.rng.choices(("completed", "failed", "declined", "pending"), (78, 10, 5, 7))[0]
            done = on + timedelta(days=self.rng.randint(30, 90))
            if outcome != "pending" and done > self.today:
                outcome = "pending"
            plan.interventions.append(
                (
                    "halt",
                    {
                        "date": on,
                        "referred_to": "Halt Zuid-Holland Zuid",
                        "hours_absent": plan.hours,
                        "times_late": self.rng.randint(0, 12),
                        "consent_pupil": True,
                        "consent_parents": _age(plan.person.birth, on) < 16 or None,
                        "outcome": outcome,
                        "outcome_on": None if outcome == "pending" else done,
                    },
                )
            )
            halts += 1
        pv_candidates = [p for p in relative if not p.interventions]
        self.rng.shuffle(pv_candidates)
        # Luxe verzuim makes up about a third of the reports on paper; the rest is relatief verzuim.
        pv_candidates.sort(key=lambda q: 0 if q.report_kind in ("sixteen_hours", "long_term", "luxury") else 1)
        reports = 0
        pv_target = self.count(fig["official_reports"] * fraction)
        for plan in pv_candidates:
            if reports >= pv_target:
                break
            on = self.intervention_date(plan, year, 0.4, 0.95)
            if on is None:
                continue
            age = _age(plan.person.birth, on)
            om_outcome = self.rng.choices(
                ("penalty_order", "dismissed", "settlement", "community_service", "conditional", "fine", "pending"),
                (35, 12, 8, 15, 10, 8, 12),
            )[0]
            plan.interventions.append(
                (
                    "official_report",
                    {
                        "date": on,
                        "suspect": "parents" if age < 12 else self.rng.choice(("parents", "both", "pupil")),
                        "hours_absent": plan.hours,
                        "report_number": f"PV-{on.year}-{reports + 1:04d}",
                        "om_outcome": om_outcome,
                        "om_outcome_on": None
                        if om_outcome == "pending" or on + timedelta(days=120) > self.today
                        else on + timedelta(days=self.rng.randint(40, 120)),
                        "copy_to_child_protection": self.rng.random() < 0.05,
                    },
                )
            )
            plan.close_reason = plan.close_reason if plan.closes is None else "official_report"
            reports += 1
        for plan in relative:
            roll = self.rng.random()
            kinds = {k for k, _ in plan.interventions}
            if plan.report_kind == "luxury" and "official_report" not in kinds and roll < 0.6:
                on = self.intervention_date(plan, year, 0.05, 0.3)
                if on:
                    plan.interventions.append(("warning", {"date": on, "outcome": "completed", "outcome_on": on}))
            elif roll < 0.25:
                on = self.intervention_date(plan, year, 0.1, 0.5)
                if on:
                    plan.interventions.append(
                        (
                            "help_referral",
                            {
                                "date": on,
                                "referred_to": self.rng.choice(words.HELP_ORGANISATIONS),
                                "outcome": "completed" if plan.closes else "pending",
                                "outcome_on": plan.closes,
                            },
                        )
                    )
            elif roll < 0.265:
                on = self.intervention_date(plan, year, 0.5, 0.9)
                if on:
                    plan.interventions.append(
                        ("child_protection", {"date": on, "referred_to": "Raad voor de Kinderbescherming"})
                    )
            elif roll < 0.275 and 16 <= _age(plan.person.birth, plan.opened) <= 17:
                on = self.intervention_date(plan, year, 0.5, 0.9)
                if on:
                    plan.interventions.append(("svb", {"date": on, "referred_to": "Sociale Verzekeringsbank"}))

    def absolute_year(self, year: int) -> None:
        for plan in self.absolute[year]:
            plan.school = None
            self.write_case(plan)

    # --- exemptions, leave, home sitters, dropouts, transfers ------------------------------------------

    def exemptions_year(
        self, year: int, granted_before: list[tuple[_Person, str, str]]
    ) -> list[tuple[_Person, str, str]]:
        fig = words.FIGURES[min(year, 2023)]
        fraction = self.year_fraction(year)
        start, end = self.year_window(year)
        granted: list[tuple[_Person, str, str]] = []
        ages = {
            "5a": (5, 15),
            "5b": (5, 15),
            "5c": (5, 15),
            "5a_travel": (5, 15),
            "15": (16, 17),
            "3a": (14, 15),
            "3b": (15, 16),
        }
        renewable = [g for g in granted_before if g[1] in ("5a", "5b", "5c")]
        self.rng.shuffle(renewable)
        for article, (handled, toegekend) in fig["exemptions"].items():
            total = self.count(handled * fraction)
            yes = min(total, self.count(toegekend * fraction))
            renewals = [g for g in renewable if g[1] == article][: int(total * 0.3)]
            for i in range(total):
                grant = i < yes
                renewal_of = None
                if i < len(renewals):
                    p, _, renewal_of = renewals[i]
                    # Renewals arrive before 1 July (art. 6) and are decided before the summer.
                    decided = self.between(date(year + 1, 5, 20), min(date(year + 1, 7, 20), self.today))
                    if decided > self.today or decided < date(year + 1, 5, 20):
                        renewal_of = None
                if renewal_of is None:
                    decided = self.school_day(start, end)
                    low, high = ages[article]
                    picked = self.pick(decided, low, high)
                    if picked is None:
                        continue
                    p = picked
                received = decided - timedelta(days=self.rng.randint(7, 42))
                never_fit = article == "5a" and grant and renewal_of is None and self.rng.random() < 0.2
                valid_from = date(year + 1, 8, 1) if renewal_of else decided
                valid_until = None if never_fit else date(valid_from.year + (1 if valid_from.month >= 8 else 0), 7, 31)
                exemption_id = self.new_id()
                self.w.add(
                    Exemption,
                    id=exemption_id,
                    person_id=p.id,
                    article=article,
                    school_year=_school_year_label(valid_from.year if valid_from.month >= 8 else valid_from.year - 1),
                    received_on=received,
                    decided_on=decided,
                    decision="granted" if grant else "refused",
                    decided_by_user_id=self.consultant_for(p.gm_at(decided)),
                    valid_from=valid_from if grant else None,
                    valid_until=valid_until if grant else None,
                    renewal_of_id=renewal_of,
                    never_fit=never_fit,
                    statement_date=received - timedelta(days=self.rng.randint(3, 80)) if article == "5a" else None,
                    statement_by=self.rng.choice(("doctor", "psychologist", "pedagogue")) if article == "5a" else None,
                    doctor_appointed=(self.rng.random() < 0.9) if article == "5a" else None,
                    denomination_objection="Geen school van de eigen richting binnen redelijke afstand"
                    if article == "5b"
                    else None,
                    school_abroad=self.rng.choice(
                        (
                            "Lycée Français, Antwerpen (België)",
                            "International School, Düsseldorf (Duitsland)",
                            "Colegio Inglés, Alicante (Spanje)",
                        )
                    )
                    if article == "5c"
                    else None,
                    substitute_programme="Plan van aanpak met praktijkdeel bij een leerbedrijf"
                    if article in ("3a", "3b", "15")
                    else None,
                    registered_with_duo_on=decided + timedelta(days=self.rng.randint(1, 5)) if grant else None,
                    motivation=None
                    if grant
                    else "Niet voldaan aan de voorwaarden van de wet; de verklaring is "
                    "ouder dan drie maanden of niet afgegeven door een door de gemeente aangewezen deskundige.",
                    municipality_code=p.gm_at(decided),
                )
                if grant and not never_fit and article in ("5a", "5b", "5c"):
                    granted.append((p, article, exemption_id))
        return granted

    def exemption_worklist(self, granted: list[tuple[_Person, str, str]]) -> None:
        """Open exemption work on ``today``: requests awaiting a decision and renewals coming due."""
        for _ in range(max(3, self.count(25))):
            received = self.today - timedelta(days=self.rng.randint(0, 40))
            article = self.rng.choice(("5a", "5a", "5b", "5c", "3b", "15"))
            low, high = {"15": (16, 17), "3b": (15, 16)}.get(article, (5, 15))
            p = self.pick(received, low, high)
            if p is None:
                continue
            self.w.add(
                Exemption,
                id=self.new_id(),
                person_id=p.id,
                article=article,
                school_year=_school_year_label(self.years[-1]),
                received_on=received,
                statement_date=received - timedelta(days=20) if article == "5a" else None,
                statement_by="doctor" if article == "5a" else None,
                doctor_appointed=True if article == "5a" else None,
                municipality_code=p.gm,
            )
            due = received + timedelta(weeks=8)
            self.person_deadline(
                p, "decision_due", due, "Beslissen op het verzoek om vrijstelling (Awb: binnen 8 weken)"
            )
        for p, article, _exemption_id in granted[: max(3, self.count(30))]:
            due = self.today + timedelta(days=self.rng.randint(3, 35))
            self.person_deadline(
                p, "renewal", due, f"Herinnering: vrijstelling art. {article} opnieuw laten kennisgeven vóór 1 juli"
            )

    def leave_year(self, year: int) -> None:
        fig = words.FIGURES[min(year, 2023)]
        start, end = self.year_window(year)
        for _ in range(self.count(float(fig["leave_requests"]) * self.year_fraction(year))):
            received = self.school_day(start, end)
            p = self.pick(received, 5, 16, _enrolled_on(received))
            school = p.school_at(received) if p is not None else None
            if p is None or school is None:  # pick found no pupil enrolled on the day
                continue
            holiday = self.rng.random() < 0.4
            days = self.rng.randint(3, 10) if holiday else self.rng.randint(11, 25)
            begin = received + timedelta(days=self.rng.randint(14, 60))
            finish = begin + timedelta(days=days + 2 * (days // 5))
            decided = received + timedelta(days=self.rng.randint(3, 20))
            decision = None if decided > self.today else ("granted" if self.rng.random() < 0.65 else "refused")
            self.w.add(
                LeaveRequest,
                id=self.new_id(),
                person_id=p.id,
                school_id=self.schools[school]["id"],
                kind="holiday" if holiday else "important_circumstances",
                received_on=received,
                start_date=begin,
                end_date=finish,
                days=days,
                reason=self.rng.choice(
                    (
                        "Seizoensgebonden werk van vader",
                        "Bruiloft van familie in het buitenland",
                        "Ernstige ziekte van grootouder",
                        "Verhuizing naar het buitenland",
                    )
                ),
                decided_by="head_teacher" if days <= 10 else "attendance_officer",
                head_teacher_heard=True if days > 10 else None,
                decision=decision,
                decided_on=decided if decision else None,
                decided_by_user_id=self.consultant_for(p.gm) if decision and days > 10 else None,
                motivation="Beslissing volgens art. 11 en 14 Leerplichtwet" if decision else None,
            )

    def home_sitters(self) -> None:
        carry: list[tuple[_Person, date]] = []
        first = words.FIGURES[2022]["home_sitters"]
        for _ in range(self.count(first["start"])):
            started = self.school_day(date(FIRST_SCHOOL_YEAR - 1, 9, 1), date(FIRST_SCHOOL_YEAR, 6, 30))
            p = self.pick(started, 6, 16, _enrolled_on(started))
            if p is not None:
                carry.append((p, started))
        for year in self.years:
            flows: dict[str, float] = dict(words.FIGURES[min(year, 2023)]["home_sitters"])
            if year > 2023:  # after the report's years: as many episodes end as start, the stock stays level
                ending = flows["resolved"] + flows["turned_18"] + flows["moved"]
                for reason in ("resolved", "turned_18", "moved"):
                    flows[reason] = flows[reason] * flows["new"] / ending
            fraction = self.year_fraction(year)
            start, end = self.year_window(year)
            new_count = self.count(flows["new"] * fraction)
            adults = min(new_count, self.count(flows["turned_18"] * fraction))
            last_day = min(end, self.today)
            new: list[tuple[_Person, date, str | None]] = []
            for index in range(new_count):
                started = self.school_day(start, end)
                if index < adults:  # pupils who will turn 18 before the school year ends
                    p = self.pick(
                        started,
                        17,
                        17,
                        _turning_18_enrolled(started, last_day),
                    )
                else:
                    p = self.pick(started, 6, 16, _enrolled_on(started))
                if p is not None:
                    new.append((p, started, "turned_18" if index < adults else None))
            pool = [(p, started, None) for p, started in carry] + new
            self.rng.shuffle(pool)
            fates: list[str] = []
            for reason in ("resolved", "moved"):
                fates += [reason] * self.count(flows[reason] * fraction)
            carry = []
            for p, started, fixed in pool:
                fate = fixed or (fates.pop() if fates else None)
                turns_18 = _add_years(p.birth, 18)
                if fate is None:
                    carry.append((p, started))
                    continue
                ended = (
                    turns_18
                    if fate == "turned_18"
                    else self.between(max(started, date(year, 8, 1)) + timedelta(days=1), min(end, self.today))
                )
                if ended <= started:
                    ended = started + timedelta(days=1)
                self.home_sitter(p, started, ended, fate)
            if year == self.years[-1]:
                if not carry:  # even a small demo shows a current thuiszitter on the worklist
                    started = self.school_day(self.today - timedelta(days=60), self.today - timedelta(days=29))
                    p = self.pick(started, 8, 16, _enrolled_on(started))
                    if p is not None:
                        carry.append((p, started))
                for p, started in carry:
                    self.home_sitter(p, started, None, None)

    def home_sitter(self, p: _Person, started: date, ended: date | None, reason: str | None) -> None:
        plan = _CasePlan(
            p,
            "home_sitter",
            started,
            ended,
            {"resolved": "back_to_school", "turned_18": "turned_18", "moved": "moved"}.get(reason or ""),
            p.school_at(started),
        )
        case_id = self.write_case(plan)
        self.w.add(
            HomeSitterEpisode,
            id=self.new_id(),
            person_id=p.id,
            case_id=case_id,
            school_id=self.schools[plan.school]["id"] if plan.school is not None else None,
            start_date=started,
            end_date=ended,
            end_reason=reason,
            reason=self.rng.choice(
                ("Psychische klachten", "Geen passend onderwijsaanbod beschikbaar", "Wachtlijst zorg", "Schoolangst")
            ),
            municipality_code=p.gm_at(started),
        )

    def dropouts_year(self, year: int) -> None:
        fig = words.FIGURES[min(year, 2023)]
        fraction = self.year_fraction(year)
        year_end = min(date(year + 1, 7, 31), self.today)
        for kind, people, placements in (
            ("new", [p for p, _ in self.new_dropouts[year]], fig["placements_new"]),
            ("old", self.old_dropouts[year], fig["placements_old"]),
        ):
            left = dict((p.id, d) for p, d in self.new_dropouts[year])
            outcomes: list[str] = []
            for placement, regional in placements.items():
                outcomes += [placement] * self.count(regional * fraction)
            self.rng.shuffle(outcomes)
            for index, p in enumerate(people):
                started = (
                    left[p.id] + timedelta(days=self.rng.randint(7, 40))
                    if kind == "new"
                    else self.between(date(year, 8, 20), year_end - timedelta(days=30))
                )
                started = min(started, self.today)
                outcome = outcomes[index] if index < len(outcomes) else None
                coach = (
                    self.rng.choice(self.matchmakers)
                    if outcome or kind == "old"
                    else self.consultant_for(p.gm_at(started))
                )
                ended: date | None
                if outcome:
                    ended = self.between(started + timedelta(days=20), year_end)
                    if ended > year_end or ended <= started:
                        outcome, ended = None, None
                else:
                    ended = started + timedelta(days=self.rng.randint(30, 240))
                    ended = ended if ended <= self.today else None
                plan = _CasePlan(
                    p,
                    "dropout",
                    started,
                    ended,
                    {
                        "back_to_school": "back_to_school",
                        "regular_work": "work",
                        "bbl": "other_education",
                        "other_route": "referred",
                    }.get(outcome or "", "not_reachable"),
                    p.school_at(started - timedelta(days=60)),
                )
                case_id = self.write_case(plan, coach)
                self.w.add(
                    DropoutTrajectory,
                    id=self.new_id(),
                    person_id=p.id,
                    case_id=case_id,
                    vsv_kind=kind,
                    coach_user_id=coach,
                    last_school_id=self.schools[p.enr[-1][0]]["id"] if p.enr else None,
                    start_date=started,
                    end_date=ended,
                    outcome=outcome,
                    municipality_code=p.gm_at(started),
                )

    def transfers(self) -> None:
        by_year: dict[int, list[tuple[_Person, list[Any], list[Any]]]] = {}
        for p in self.people:
            for previous, following in zip(p.enr, p.enr[1:], strict=False):
                if previous[3].startswith("vmbo") and previous[2] is not None and previous[2].month == 7:
                    year = previous[2].year - 1
                    if year in self.years and following[3].startswith("mbo"):
                        by_year.setdefault(year, []).append((p, previous, following))
        for year in self.years:
            fig = words.FIGURES[min(year, 2023)]
            rows = by_year.get(year, [])
            guided = self.count(float(fig["transfers_guided"]))
            for index, (p, vo, mbo) in enumerate(rows):
                status = "enrolled" if self.rng.random() < 0.93 else "registered"
                self.w.add(
                    Transfer,
                    id=self.new_id(),
                    person_id=p.id,
                    school_year=_school_year_label(year),
                    brin_vo=self.schools[vo[0]]["brin"],
                    brin_mbo=self.schools[mbo[0]]["brin"],
                    status=status,
                    status_date=min(date(year + 1, 10, 1), self.today),
                    guided=index < guided,
                    guided_by_user_id=self.consultant_for(p.gm) if index < guided else None,
                    municipality_code=p.gm_at(date(year + 1, 6, 1)),
                )

    # --- all of it -----------------------------------------------------------------------------------

    def run(self) -> None:
        self.write_region()
        self.write_users()
        self.write_schools()
        self.build_persons()
        self.plan_career_events()
        self.write_people()
        granted: list[tuple[_Person, str, str]] = []
        for year in self.years:
            self.relative_year(year)
            self.absolute_year(year)
            granted = self.exemptions_year(year, granted)
            self.leave_year(year)
            self.dropouts_year(year)
        self.home_sitters()
        self.exemption_worklist(granted)
        self.transfers()


def generate_demo(
    target: Session | Connection | Engine,
    persons: int = 2000,
    seed: int = 1,
    progress: ProgressCallback | None = None,
    *,
    today: date | None = None,
    region: Region | None = None,
) -> DemoSummary:
    """Fill an empty database with a deterministic demo region; returns what was written.

    ``target`` may be a Session or Connection (the caller commits) or an Engine (committed here).
    ``progress(done, total)`` is called after every chunk written. Data covers the school years from
    2022-2023 up to the one containing ``today`` (default: the current date); work after ``today`` is
    never invented, so cases running on ``today`` stay open.
    """
    if persons < 1:
        raise DomainError("Het aantal personen moet minstens 1 zijn.")
    today = today or date.today()
    if today < date(FIRST_SCHOOL_YEAR + 2, 8, 1):
        raise DomainError("De demodata beslaan de schooljaren vanaf 2022-2023; kies een datum na 31 juli 2024.")
    if isinstance(target, Engine):
        with target.begin() as connection:
            return generate_demo(connection, persons, seed, progress, today=today, region=region)
    connection = target.connection() if isinstance(target, Session) else target
    if connection.execute(sa.select(sa.func.count()).select_from(Person.__table__)).scalar():
        raise DomainError("Demodata kunnen alleen in een database zonder personen worden aangemaakt.")
    started = time.perf_counter()
    stamp = datetime(today.year, today.month, today.day, tzinfo=UTC)
    writer = _Writer(connection, stamp, progress, estimate=int(persons * 5.4) + 500)
    generator = _Generator(writer, region or load_region(), persons, seed, today)
    previous_cache = None
    if connection.dialect.name == "sqlite":
        # A larger page cache keeps the big transaction from spilling (and re-encrypting) pages early.
        previous_cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        connection.exec_driver_sql(f"PRAGMA cache_size = {-DEMO_CACHE_KIB}")
    try:
        generator.run()
        writer.close()
    finally:
        if previous_cache is not None:
            connection.exec_driver_sql(f"PRAGMA cache_size = {int(previous_cache)}")
    return DemoSummary(
        seed=seed,
        persons=persons,
        today=today,
        school_years=[_school_year_label(y) for y in generator.years],
        counts={name: n for name, n in writer.counts.items()},
        usernames=generator.usernames,
        seconds=time.perf_counter() - started,
    )

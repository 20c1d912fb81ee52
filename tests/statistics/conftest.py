"""A small in-memory administration to which tests add exactly the records whose counts they know."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop.models import (
    AbsenceReport,
    AddressHistory,
    Base,
    Case,
    DropoutTrajectory,
    Exemption,
    HomeSitterEpisode,
    Intervention,
    Person,
    Transfer,
)

_numbers = itertools.count(100000001)
_cases = itertools.count(1)


class Admin:
    """Adds records with only the fields a figure depends on."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj: Any) -> Any:
        self.session.add(obj)
        self.session.flush()
        return obj

    def person(self, birth: date = date(2010, 5, 5), gm: str | None = "GM0505", *, addresses: list[tuple[
            date, date | None, str]] | None = None, **extra: Any) -> Person:
        person = self.add(Person(education_number=str(next(_numbers)), first_names="Sam", last_name="Test",
                                 birth_date=birth, municipality_code=gm, **extra))
        for start, end, code in addresses or []:
            self.add(AddressHistory(person_id=person.id, from_date=start, to_date=end, municipality_code=code))
        return person

    def report(self, person: Person, received: date, kind: str = "sixteen_hours", gm: str | None = "GM0505",
               start: date | None = None, **extra: Any) -> AbsenceReport:
        return self.add(AbsenceReport(person_id=person.id, received_on=received, kind=kind, absence_start=start,
                                      absence_end=None, municipality_code=gm, **extra))

    def case(self, person: Person, kind: str, opened: date, gm: str | None = "GM0505", **extra: Any) -> Case:
        return self.add(Case(case_number=f"T-{next(_cases):06d}", person_id=person.id, kind=kind, opened_on=opened,
                             municipality_code=gm, **extra))

    def exemption(self, person: Person, article: str, decided: date | None, decision: str | None,
                  gm: str | None = "GM0505", received: date | None = None) -> Exemption:
        received = received or (decided or date(2023, 9, 1))
        return self.add(Exemption(person_id=person.id, article=article, received_on=received, decided_on=decided,
                                  decision=decision, municipality_code=gm))

    def home_sitter(self, person: Person, start: date, end: date | None = None, reason: str | None = None,
                    gm: str | None = "GM0505") -> HomeSitterEpisode:
        return self.add(HomeSitterEpisode(person_id=person.id, start_date=start, end_date=end, end_reason=reason,
                                          municipality_code=gm))

    def intervention(self, person: Person, kind: str, on: date, case: Case | None = None) -> Intervention:
        return self.add(Intervention(person_id=person.id, case_id=case.id if case else None, kind=kind, date=on))

    def transfer(self, person: Person, year: str, guided: bool, gm: str | None = "GM0505") -> Transfer:
        return self.add(Transfer(person_id=person.id, school_year=year, status="enrolled", guided=guided,
                                 municipality_code=gm))

    def trajectory(self, person: Person, kind: str, start: date, end: date | None, outcome: str | None,
                   gm: str | None = "GM0505") -> DropoutTrajectory:
        return self.add(DropoutTrajectory(person_id=person.id, vsv_kind=kind, start_date=start, end_date=end,
                                          outcome=outcome, municipality_code=gm))


@pytest.fixture
def session():
    engine = sa.create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        yield s
    engine.dispose()


@pytest.fixture
def admin(session) -> Admin:
    return Admin(session)


def pdf_text(path: Path, page: int | None = None, layout: bool = False) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    pages = ["-f", str(page), "-l", str(page)] if page else []
    args = ["pdftotext", "-enc", "UTF-8", *pages, *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, check=True,
                          capture_output=True).stdout.decode("utf-8")


def pdf_pages(path: Path) -> int:
    if shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils (pdfinfo) is not installed")
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True).stdout.decode()
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_fonts(path: Path) -> str:
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils (pdffonts) is not installed")
    return subprocess.run(["pdffonts", str(path)], check=True, capture_output=True).stdout.decode()

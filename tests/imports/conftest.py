"""Fixtures for the import and export tests: an in-memory database with the region, schools and valid BSNs."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop.models import Base, Municipality, School
from desktop.models import audit as _audit  # noqa: F401 - registers the access-log tables
from desktop.models.enums import SchoolKind

GEMEENTEN = (("GM0505", "Dordrecht"), ("GM0590", "Papendrecht"), ("GM0642", "Zwijndrecht"))
SCHOOLS = (
    ("12AB", "00", "Johan de Witt-gymnasium", SchoolKind.VO, "GM0505"),
    ("12AB", "01", "Johan de Witt-gymnasium, locatie Noord", SchoolKind.VO, "GM0505"),
    ("34CD", "00", "Da Vinci College", SchoolKind.MBO, "GM0505"),
    ("56EF", "00", "De Regenboog", SchoolKind.PO, "GM0590"),
)


def bsn_numbers(start: int = 10_000_000) -> Iterator[str]:
    """Valid BSNs (11-proef) in increasing order, computed here independently of the application."""
    prefix = start
    while True:
        digits = f"{prefix:08d}"
        total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2), strict=True))
        check = total % 11
        if check < 10:
            yield digits + str(check)
        prefix += 1


def invalid_bsn() -> str:
    valid = next(bsn_numbers(23_456_780))
    return valid[:8] + str((int(valid[8]) + 1) % 10)


@pytest.fixture
def engine():
    engine = sa.create_engine("sqlite://")

    @sa.event.listens_for(engine, "connect")
    def _fk(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine) -> Iterator[Session]:
    with Session(engine) as session:
        for code, name in GEMEENTEN:
            session.add(Municipality(cbs_code=code, name=name, in_region=True))
        for brin, location, name, kind, code in SCHOOLS:
            session.add(School(brin=brin, location=location, name=name, kind=kind, municipality_code=code))
        session.commit()
        yield session


def write_csv(
    path: Path,
    header: list[str],
    rows: list[list[object]],
    *,
    delimiter: str = ";",
    encoding: str = "utf-8",
    bom: bool = False,
) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def write_xlsx(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def table_fingerprint(session: Session, exclude: tuple[str, ...] = ("audit_log", "local_meta")) -> dict[str, str]:
    """A hash of every row of every data table, to prove that a refused import changed nothing.

    The access log is left out: a refused import is logged there on purpose.
    """
    session.expire_all()
    result = {}
    existing = set(sa.inspect(session.connection()).get_table_names())
    for table in Base.metadata.sorted_tables:
        if table.name in exclude or table.name not in existing:
            continue
        rows = session.execute(sa.select(table).order_by(*table.primary_key.columns)).all()
        result[table.name] = hashlib.sha256(repr(rows).encode()).hexdigest() + f":{len(rows)}"
    return result

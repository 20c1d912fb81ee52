"""Property tests: random bytes and random CSV never raise anything but a clear refusal, for every importer."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from desktop.models import AbsenceReport, Base, Municipality, School
from desktop.models.enums import SchoolKind
from desktop.models.importers import KINDS, ImportRefused, ImportResult, run_import
from tests.imports.test_duo_verzuim import HEADER

_ENGINE = sa.create_engine("sqlite://")
Base.metadata.create_all(_ENGINE)
with Session(_ENGINE) as _setup:
    _setup.add(Municipality(cbs_code="GM0505", name="Dordrecht", in_region=True))
    _setup.add(School(brin="12AB", location="00", name="School", kind=SchoolKind.VO, municipality_code="GM0505"))
    _setup.commit()

PROFILE = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _attempt(kind: str, data: bytes, suffix: str) -> None:
    """Import ``data`` and roll back; only a result or ImportRefused may come out."""
    with tempfile.TemporaryDirectory() as folder, Session(_ENGINE) as session:
        path = Path(folder) / f"bestand{suffix}"
        path.write_bytes(data)
        try:
            result = run_import(session, kind, path, only_valid=True)
            assert isinstance(result, ImportResult)
        except ImportRefused as refused:
            assert refused.message and "Traceback" not in refused.message
        finally:
            session.rollback()


@PROFILE
@given(
    kind=st.sampled_from(KINDS), data=st.binary(max_size=2048), suffix=st.sampled_from([".csv", ".xlsx", ".jsonl", ""])
)
def test_random_bytes_never_crash(kind, data, suffix):
    _attempt(kind, data, suffix)


@PROFILE
@given(kind=st.sampled_from(KINDS), data=st.binary(max_size=512))
def test_random_bytes_after_a_zip_header_never_crash(kind, data):
    _attempt(kind, b"PK\x03\x04" + data, ".xlsx")


cell = st.one_of(
    st.text(max_size=25),
    st.sampled_from(
        [
            "",
            "12-03-2024",
            "2024-02-30",
            "111222333",
            "123456789",
            "GM0505",
            "12AB",
            "00",
            "ja",
            "16 uur in 4 lesweken",
            "Verzuim 18+",
            "=1+1",
            "-5",
            "1e9",
            '"',
            ";",
            "\r\n",
            "NaN",
        ]
    ),
)


@PROFILE
@given(
    header=st.lists(st.sampled_from([*HEADER, "BRIN VO", "Status", "Naam", "Soort", "Gemeente", "x"]), max_size=24),
    rows=st.lists(st.lists(cell, max_size=24), max_size=8),
    delimiter=st.sampled_from([";", ",", "\t"]),
    kind=st.sampled_from(KINDS),
)
def test_random_csv_never_crashes(header, rows, delimiter, kind):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    _attempt(kind, buffer.getvalue().encode("utf-8"), ".csv")


@PROFILE
@given(rows=st.lists(st.lists(cell, min_size=len(HEADER), max_size=len(HEADER)), min_size=1, max_size=6))
def test_random_duo_rows_are_imported_or_refused_row_by_row(rows):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADER)
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as folder, Session(_ENGINE) as session:
        path = Path(folder) / "duo.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        try:
            result = run_import(session, "duo-verzuim", path, only_valid=True)
        except ImportRefused as refused:
            assert refused.message
        else:
            imported = session.scalar(sa.select(sa.func.count()).select_from(AbsenceReport))
            assert imported == result.created["meldingen"]
            assert result.report.valid_rows + len(result.report.rejected_rows) == result.report.total_rows
        finally:
            session.rollback()


json_value = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(max_size=12),
        st.sampled_from(["person", "case", "2024-01-01", "relative", "111222333"]),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)
record = st.dictionaries(
    st.sampled_from(
        [
            "type",
            "id",
            "bsn",
            "first_names",
            "last_name",
            "birth_date",
            "person_id",
            "kind",
            "opened_on",
            "case_number",
            "version",
            "deleted",
            "x",
        ]
    ),
    json_value,
    max_size=10,
)


@PROFILE
@given(records=st.lists(st.one_of(record, json_value), max_size=8))
def test_random_jsonl_records_never_crash(records):
    import json

    lines = [json.dumps({"type": "vangnet-export", "format_version": 1})] + [json.dumps(r) for r in records]
    _attempt("vangnet-jsonl", ("\n".join(lines) + "\n").encode("utf-8"), ".jsonl")

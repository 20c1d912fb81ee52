"""The BRP extract brings the place of birth, which a proces-verbaal needs to identify a suspect (Sv art. 27a)."""

from __future__ import annotations

import sqlalchemy as sa

from desktop.models import Person
from desktop.models.importers import run_import
from tests.imports.conftest import bsn_numbers, write_csv

HEADER = ["BSN", "Voornamen", "Achternaam", "Geboortedatum", "Geboorteplaats", "Gemeente"]


def test_the_place_of_birth_is_imported_and_an_empty_one_keeps_what_is_known(session, tmp_path):
    number = next(bsn_numbers())
    rows = [[number, "Sanne Maria", "Dijk", "14-05-2011", "Dordrecht", "GM0505"]]
    result = run_import(session, "brp", write_csv(tmp_path / "brp.csv", HEADER, rows))
    assert result.report.ok, result.report.format()
    assert session.scalars(sa.select(Person.birth_place)).one() == "Dordrecht"
    rows = [[number, "Sanne Maria", "Dijk", "14-05-2011", "", "GM0505"]]
    result = run_import(session, "brp", write_csv(tmp_path / "brp2.csv", HEADER, rows))
    assert result.report.ok, result.report.format()
    assert session.scalars(sa.select(Person.birth_place)).one() == "Dordrecht"

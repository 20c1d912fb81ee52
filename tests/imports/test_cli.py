"""`vangnet import`, `vangnet export` and `vangnet inzage` on a real encrypted profile."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from desktop.cli import main
from desktop.models import AbsenceReport, Person
from desktop.models.keyfile import KdfParams
from desktop.models.region import ensure_municipalities
from tests.conftest import PASSPHRASE
from tests.imports.conftest import bsn_numbers, invalid_bsn, write_csv
from tests.imports.test_duo_verzuim import HEADER, duo_row
from tests.imports.test_register_importers import SCHOOL_HEADER


@pytest.fixture
def profile_dir(profile, monkeypatch):
    with profile.create(PASSPHRASE, kdf=KdfParams.minimum()) as store, store.session() as session:
        ensure_municipalities(session)
    monkeypatch.setenv("VANGNET_PASSPHRASE", PASSPHRASE)
    return profile.path


def _count(profile, model) -> int:
    with profile.unlock(PASSPHRASE) as store, store.session() as session:
        return session.scalar(sa.select(sa.func.count()).select_from(model))


def test_import_check_export_and_inzage(profile, profile_dir, tmp_path, capsys):
    data_dir = str(profile_dir)
    schools = write_csv(
        tmp_path / "scholen.csv", SCHOOL_HEADER, [["12AB", "00", "Insula", "VO", "GM0505", "", "", "", ""]]
    )
    assert main(["--data-dir", data_dir, "import", "schools", str(schools)]) == 0
    assert "nieuw: 1 scholen" in capsys.readouterr().out

    numbers = bsn_numbers()
    meldingen = write_csv(tmp_path / "duo.csv", HEADER, [duo_row("VZ1", next(numbers)), duo_row("VZ2", invalid_bsn())])
    assert main(["--data-dir", data_dir, "import", "duo-verzuim", str(meldingen), "--controleer"]) == 1
    out = capsys.readouterr().out
    assert "Rij 3, kolom 'BSN': het BSN voldoet niet aan de 11-proef" in out
    assert _count(profile, AbsenceReport) == 0

    assert main(["--data-dir", data_dir, "import", "duo-verzuim", str(meldingen)]) == 1
    assert "Er is niets geïmporteerd" in capsys.readouterr().out
    assert _count(profile, AbsenceReport) == 0

    assert main(["--data-dir", data_dir, "import", "duo-verzuim", str(meldingen), "--alleen-geldige"]) == 0
    assert "nieuw: 1 meldingen" in capsys.readouterr().out
    assert _count(profile, AbsenceReport) == 1

    export = tmp_path / "alles.jsonl"
    listing = tmp_path / "zaken.xlsx"
    assert main(["--data-dir", data_dir, "export", str(export), "--lijst", "zaken", "--xlsx", str(listing)]) == 0
    out = capsys.readouterr().out
    assert "records geëxporteerd" in out and "1 regels geschreven" in out
    types = [json.loads(line)["type"] for line in export.read_text(encoding="utf-8").splitlines()]
    assert types[0] == "vangnet-export" and "absence_report" in types and types[-1] == "einde"

    for lijst, target in (("werkvoorraad", "werk.csv"), ("cijfers", "cijfers.csv")):
        assert main(["--data-dir", data_dir, "export", "--lijst", lijst, "--csv", str(tmp_path / target)]) == 0
    capsys.readouterr()
    figures = (tmp_path / "cijfers.csv").read_bytes().decode("utf-8-sig").splitlines()
    assert figures[0] == "Onderwerp;Aantal" and len(figures) > 1

    with profile.unlock(PASSPHRASE) as store, store.session() as session:
        person_id = session.scalars(sa.select(Person.id)).one()
    pdf = tmp_path / "inzage.pdf"
    assert main(["--data-dir", data_dir, "inzage", "--persoon", person_id, "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert main(["--data-dir", data_dir, "inzage", "--persoon", "onbekend", "--out", str(pdf)]) == 2
    assert "staat niet in Vangnet" in capsys.readouterr().err


def test_refused_file_prints_one_clear_message(profile_dir, tmp_path, capsys):
    path = tmp_path / "leeg.csv"
    path.write_bytes(b"")
    assert main(["--data-dir", str(profile_dir), "import", "brp", str(path)]) == 1
    assert capsys.readouterr().out.strip() == "Het bestand is leeg."

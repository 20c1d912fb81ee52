"""`vangnet letters make|report|regenerate-record`: letters from the database on the command line."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.models.keyfile import KdfParams
from desktop.models.records import DocumentRecord
from desktop.models.session_user import set_current_user
from desktop.models.store import Profile
from tests.conftest import PASSPHRASE

from .conftest import flat, pdf_text
from .dbseed import LETTER_DATE, seed_families


@pytest.fixture
def profile_dir(tmp_path, monkeypatch):
    profile = Profile(tmp_path / "profiel")
    store = profile.create(PASSPHRASE, kdf=KdfParams.minimum())
    try:
        with store.session() as session:
            seeded = seed_families(session)
    finally:
        store.close()
    monkeypatch.setenv("VANGNET_PASSPHRASE", PASSPHRASE)
    return profile, seeded


def _records(profile):
    store = profile.unlock(PASSPHRASE)
    try:
        with store.session() as session:
            return [(r.id, r.kind, r.case_id, r.sha256, r.file_name) for r in
                    session.scalars(select(DocumentRecord).order_by(DocumentRecord.file_name))]
    finally:
        store.close()


def test_make_for_case_numbers_one_file_per_letter(profile_dir, tmp_path, capsys):
    profile, seeded = profile_dir
    out = tmp_path / "brieven"
    code = main(["--data-dir", str(profile.path), "letters", "make", "waarschuwing", "--zaak", seeded.case_numbers[0],
                 "--zaak", seeded.case_numbers[2], "--datum", LETTER_DATE.isoformat(), "--separate", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 0, err
    # Progress on stderr: Sanne's two parents and Mila's parents together, and Sanne (14) and Mila (13)
    # themselves: from 12 the jongere is responsible too (Lpw art. 2 lid 3).
    assert "Brieven maken: 5/5" in err
    assert "5 brieven gemaakt" in err
    files = sorted(out.glob("*.pdf"))
    assert len(files) == 5
    records = _records(profile)
    assert [r[1] for r in records] == ["waarschuwing"] * 5
    assert sorted(r[4] for r in records) == [f.name for f in files]
    assert {r[2] for r in records} == {seeded.sanne_case, seeded.mila_case}
    # Regenerating a record from the register gives the very same file.
    record_id, _kind, _case, sha, file_name = records[0]
    again = tmp_path / "opnieuw.pdf"
    assert main(["--data-dir", str(profile.path), "letters", "regenerate-record", record_id, "-o", str(again)]) == 0
    assert hashlib.sha256(again.read_bytes()).hexdigest() == sha
    assert again.read_bytes() == (out / file_name).read_bytes()


def test_make_from_a_filter_into_one_file_and_skipped_cases_are_named(profile_dir, tmp_path, capsys):
    profile, seeded = profile_dir
    out = tmp_path / "serie.pdf"
    code = main(["--data-dir", str(profile.path), "letters", "make", "bevestiging_vrijstelling", "--status", "open",
                 "--datum", LETTER_DATE.isoformat(), "-o", str(out)])
    err = capsys.readouterr().err
    # Two cases have no granted exemption: they are named and the exit code says not everything was made.
    assert code == 1
    assert err.count("Overgeslagen:") == 2
    assert f"Zaak {seeded.case_numbers[1]} (Bakker, Daan)" in err
    text = flat(pdf_text(out.read_bytes(), tmp_path))
    assert text.count("Pagina 1 van") == 2
    assert len(_records(profile)) == 2


def test_dry_run_lists_addressees_and_records_nothing(profile_dir, capsys, tmp_path):
    profile, seeded = profile_dir
    code = main(["--data-dir", str(profile.path), "letters", "make", "waarschuwing", "--filter", "Smit", "--droog",
                 "--datum", LETTER_DATE.isoformat(), "-o", str(tmp_path / "x.pdf")])
    out = capsys.readouterr().out
    assert code == 0
    assert out.strip().splitlines() == [f"{seeded.case_numbers[2]}\tR. Smit en E. Smit",
                                        f"{seeded.case_numbers[2]}\tMila Smit"]
    assert not (tmp_path / "x.pdf").exists()
    assert _records(profile) == []


def test_report_and_errors_in_dutch(profile_dir, tmp_path, capsys):
    profile, seeded = profile_dir
    out = tmp_path / "pv.pdf"
    # Nobody signed in: no verbalisant, so no proces-verbaal (Sv art. 142), and no file.
    assert main(["--data-dir", str(profile.path), "letters", "report", "pv_ouders", "--zaak", seeded.case_numbers[0],
                 "-o", str(out)]) == 1
    assert "ondertekenaar" in capsys.readouterr().err and not out.exists()
    store = profile.unlock(PASSPHRASE)
    try:
        set_current_user(store, "pdr", "consultant", ["GM0505"], "apparaat-1", seeded.user_id)
    finally:
        store.close()
    # The parents are known by initials only: a proces-verbaal names what is missing (Sv art. 27a).
    assert main(["--data-dir", str(profile.path), "letters", "report", "pv_ouders", "--zaak", seeded.case_numbers[0],
                 "-o", str(out)]) == 1
    assert "Vul eerst alle voornamen" in capsys.readouterr().err and not out.exists()
    raad = tmp_path / "raad.pdf"
    assert main(["--data-dir", str(profile.path), "letters", "report", "formulier_raad", "--zaak",
                 seeded.case_numbers[0], "-o", str(raad)]) == 0
    assert "Raad voor de Kinderbescherming" in pdf_text(raad.read_bytes(), tmp_path)
    code = main(["--data-dir", str(profile.path), "letters", "make", "waarschuwing", "--zaak", "1999-000001",
                 "-o", str(tmp_path / "y.pdf")])
    assert code == 1
    assert "Onbekend zaaknummer: 1999-000001" in capsys.readouterr().err
    code = main(["--data-dir", str(profile.path), "letters", "make", "waarschuwing", "-o", str(tmp_path / "y.pdf")])
    assert code == 1
    assert "Kies de zaken" in capsys.readouterr().err


def test_an_act_the_law_does_not_allow_exits_1_with_the_reason_and_writes_nothing(profile_dir, tmp_path, capsys):
    profile, seeded = profile_dir
    out = tmp_path / "waarschuwing.pdf"
    # Daan is 19 with verzuim 18+: no leerplicht or kwalificatieplicht, so no warning (Lpw art. 4a, 26).
    code = main(["--data-dir", str(profile.path), "letters", "make", "waarschuwing", "--zaak", seeded.case_numbers[1],
                 "--datum", LETTER_DATE.isoformat(), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"Zaak {seeded.case_numbers[1]}" in err and "Lpw art. 26" in err
    assert not out.exists()
    report = tmp_path / "halt.pdf"
    code = main(["--data-dir", str(profile.path), "letters", "report", "formulier_halt", "--zaak",
                 seeded.case_numbers[1], "--datum", LETTER_DATE.isoformat(), "-o", str(report)])
    err = capsys.readouterr().err
    assert code == 1
    assert "Sr art. 77e" in err or "Lpw art. 26" in err
    assert not report.exists()
    assert _records(profile) == []


def test_halt_consent_is_recorded_from_the_command_line_and_the_kinds_are_listed(profile_dir, capsys):
    from desktop.models import Intervention
    from desktop.models.enums import InterventionKind

    profile, seeded = profile_dir
    base = ["--data-dir", str(profile.path), "letters"]
    # Mila has no Halt intervention yet: nothing to record consent on.
    assert main([*base, "halt-instemming", "--zaak", seeded.case_numbers[2], "--jongere", "ja"]) == 1
    assert "geen Halt-interventie" in capsys.readouterr().err
    store = profile.unlock(PASSPHRASE)
    try:
        with store.session() as session:
            from desktop.models import Case

            session.add(Intervention(case_id=seeded.mila_case, person_id=session.get_one(
                Case, seeded.mila_case).person_id, kind=InterventionKind.HALT, date=LETTER_DATE, hours_absent=18))
    finally:
        store.close()
    # Mila is 13: the parents' consent is needed too (Sr art. 77e).
    assert main([*base, "halt-instemming", "--zaak", seeded.case_numbers[2], "--jongere", "ja"]) == 1
    assert "jonger dan 16" in capsys.readouterr().err
    assert main([*base, "halt-instemming", "--zaak", seeded.case_numbers[2], "--jongere", "ja", "--ouders", "ja"]) == 0
    capsys.readouterr()
    assert main([*base, "mogelijk", "--zaak", seeded.case_numbers[2], "--datum", LETTER_DATE.isoformat()]) == 0
    listed = dict(line.split("\t", 1) for line in capsys.readouterr().out.splitlines())
    assert listed["formulier_halt"] == "mogelijk"
    assert listed["melding_svb"].startswith("niet mogelijk:") and "Kinderbijslagwet" in listed["melding_svb"]
    assert main([*base, "mogelijk", "--zaak", seeded.case_numbers[1], "--datum", LETTER_DATE.isoformat()]) == 0
    daan = dict(line.split("\t", 1) for line in capsys.readouterr().out.splitlines())
    assert "Lpw art. 26" in daan["waarschuwing"] and "Lpw art. 26" in daan["pv_ouders"]

"""`vangnet letters ...` on the command line: JSON in, PDF and register records out."""

from __future__ import annotations

import dataclasses
import json
import re

from desktop.commands.letters import main
from desktop.documents.context import LetterContext, from_dict
from desktop.documents.samples import sample_context, sample_report_context
from desktop.documents.templates import builtin_template_dir

from .conftest import flat, pdf_text


def _dump(obj, path) -> None:
    path.write_text(json.dumps(dataclasses.asdict(obj), default=str), encoding="utf-8")


def test_context_json_round_trip(tmp_path) -> None:
    context = sample_context("uitnodiging_gesprek")
    _dump(context, tmp_path / "c.json")
    assert from_dict(LetterContext, json.loads((tmp_path / "c.json").read_text())) == context


def test_render_record_and_regenerate(tmp_path, capsys) -> None:
    _dump(sample_context("besluit_verlof_afgewezen"), tmp_path / "c.json")
    pdf_path, record_path = tmp_path / "brief.pdf", tmp_path / "record.json"
    assert main(["render", "besluit_verlof_afgewezen", str(tmp_path / "c.json"), "-o", str(pdf_path),
                 "--record", str(record_path)]) == 0
    text = flat(pdf_text(pdf_path.read_bytes(), tmp_path))
    assert "Wij wijzen uw aanvraag af" in text and "loopt tot en met 16 april 2025" in text
    record = json.loads(record_path.read_text())
    assert record["kind"] == "besluit_verlof_afgewezen"
    (tmp_path / "merge.json").write_text(record["merge_data"])
    assert main(["regenerate", str(tmp_path / "merge.json"), "-o", str(tmp_path / "opnieuw.pdf")]) == 0
    assert flat(pdf_text((tmp_path / "opnieuw.pdf").read_bytes(), tmp_path)) == text


def test_report_from_json(tmp_path) -> None:
    _dump(sample_report_context("pv_ouders"), tmp_path / "pv.json")
    assert main(["render", "pv_ouders", str(tmp_path / "pv.json"), "-o", str(tmp_path / "pv.pdf")]) == 0
    assert "PROCES-VERBAAL" in pdf_text((tmp_path / "pv.pdf").read_bytes(), tmp_path)


def test_batch_with_records(tmp_path, capsys) -> None:
    rows = [{"kind": kind, "context": dataclasses.asdict(sample_context(kind))}
            for kind in ("waarschuwing", "melding_svb")]
    (tmp_path / "batch.json").write_text(json.dumps(rows, default=str))
    assert main(["batch", str(tmp_path / "batch.json"), "-o", str(tmp_path / "alles.pdf"),
                 "--records", str(tmp_path / "records.json")]) == 0
    records = json.loads((tmp_path / "records.json").read_text())
    assert [r["kind"] for r in records] == ["waarschuwing", "melding_svb"]
    assert "2/2" in capsys.readouterr().err


def test_check_reports_template_errors(tmp_path, capsys) -> None:
    good = builtin_template_dir() / "waarschuwing.toml"
    bad = tmp_path / "kapot.toml"
    bad.write_text(good.read_text(encoding="utf-8").replace("{{ pupil.name }}", "{{ leerling }}"), encoding="utf-8")
    assert main(["check", str(good)]) == 0
    assert main(["check", str(good), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "onbekend samenvoegveld 'leerling'" in err and "regel 6" in err


def test_install_needs_a_folder_and_then_wins(tmp_path, capsys) -> None:
    source = (builtin_template_dir() / "waarschuwing.toml").read_text(encoding="utf-8")
    new = tmp_path / "nieuw.toml"
    version = int(re.search(r"^version = (\d+)$", source, re.M).group(1))
    new.write_text(source.replace(f"version = {version}", f"version = {version + 1}")
                   .replace("Deze waarschuwing is geen straf.", "Deze waarschuwing is nog geen straf."))
    assert main(["install", str(new)]) == 1
    assert main(["--templates", str(tmp_path / "sjablonen"), "install", str(new)]) == 0
    _dump(sample_context("waarschuwing"), tmp_path / "c.json")
    assert main(["--templates", str(tmp_path / "sjablonen"), "render", "waarschuwing", str(tmp_path / "c.json"),
                 "-o", str(tmp_path / "w.pdf")]) == 0
    assert "nog geen straf" in flat(pdf_text((tmp_path / "w.pdf").read_bytes(), tmp_path))


def test_unknown_json_field_is_refused(tmp_path, capsys) -> None:
    (tmp_path / "c.json").write_text(json.dumps({"pupil": {"naam": "X"}}))
    assert main(["render", "waarschuwing", str(tmp_path / "c.json"), "-o", str(tmp_path / "x.pdf")]) == 1
    assert "Onbekend veld 'pupil.naam'" in capsys.readouterr().err


def test_register_mounts_letters_as_an_application_command(tmp_path) -> None:
    import argparse

    from desktop.commands.letters import register

    parser = argparse.ArgumentParser(prog="vangnet")
    sub = parser.add_subparsers(dest="command")

    def add(name, handler, help_text):
        command = sub.add_parser(name, help=help_text)
        command.set_defaults(handler=handler)
        return command

    register(add)
    args = parser.parse_args(["letters", "test-sheet", "-o", str(tmp_path / "testvel.pdf")])
    assert args.handler(args) == 0
    assert "Testvel adresvenster" in pdf_text((tmp_path / "testvel.pdf").read_bytes(), tmp_path)

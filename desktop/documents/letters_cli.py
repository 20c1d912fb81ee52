"""`vangnet letters ...`: templates, previews, the envelope test sheet and letters from JSON on the command line.

Selecting cases or worklists from the database is done by the application's own CLI, which builds the
contexts and calls `render_batch`; this module covers everything that needs no database.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop.documents.context import FIELD_CATALOGUE, REPORT_FIELD_CATALOGUE, LetterContext, ReportContext, from_dict
from desktop.documents.layout import LayoutSettings, render_envelope_test_sheet
from desktop.documents.letters import (
    LETTER_KINDS,
    BatchItem,
    LetterError,
    generate_letter,
    preview_template,
    regenerate,
    render_batch,
)
from desktop.documents.official_reports import REPORT_KINDS, ReportError, render_report
from desktop.documents.templates import BLOCK_CATALOGUE, TemplateError, TemplateStore, parse_template


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the 'letters' sub-commands to ``parser`` (the application's CLI mounts them as 'vangnet letters')."""
    parser.add_argument("--templates", type=Path, help="map met aangepaste of gesynchroniseerde sjablonen")
    parser.add_argument("--layout", type=Path, help="JSON-bestand met de opmaakinstellingen (adresvenster, afzender)")
    sub = parser.add_subparsers(dest="letters_command", required=True)
    sub.add_parser("kinds", help="toon de brief- en rapportsoorten")
    fields = sub.add_parser("fields", help="toon de samenvoegvelden")
    fields.add_argument("--report", action="store_true", help="velden voor rapporten in plaats van brieven")
    check = sub.add_parser("check", help="controleer sjabloonbestanden")
    check.add_argument("files", nargs="+", type=Path)
    preview = sub.add_parser("preview", help="maak een voorbeeld-PDF van een sjabloonbestand")
    preview.add_argument("file", type=Path)
    preview.add_argument("-o", "--output", type=Path, required=True)
    install = sub.add_parser("install", help="neem een nieuwe sjabloonversie op (vereist --templates)")
    install.add_argument("file", type=Path)
    sheet = sub.add_parser("test-sheet", help="testvel voor de plaats van het adresvenster")
    sheet.add_argument("-o", "--output", type=Path, required=True)
    render = sub.add_parser("render", help="maak één brief of rapport uit een JSON-bestand met de gegevens")
    render.add_argument("kind", choices=sorted([*LETTER_KINDS, *REPORT_KINDS]))
    render.add_argument("data", type=Path)
    render.add_argument("-o", "--output", type=Path, required=True)
    render.add_argument("--record", type=Path, help="schrijf de registratie (DocumentRecord) als JSON hierheen")
    batch = sub.add_parser("batch", help="maak veel brieven uit een JSON-lijst [{'kind': ..., 'context': ...}]")
    batch.add_argument("data", type=Path)
    batch.add_argument("-o", "--output", type=Path, required=True, help="PDF-bestand, of map met --separate")
    batch.add_argument("--separate", action="store_true", help="één PDF per brief")
    batch.add_argument("--records", type=Path, help="schrijf de registraties als JSON-lijst hierheen")
    again = sub.add_parser("regenerate", help="maak een brief opnieuw uit de merge_data van een registratie")
    again.add_argument("record", type=Path, help="JSON-bestand met de merge_data van de registratie")
    again.add_argument("-o", "--output", type=Path, required=True)


def _record_json(record: Any) -> dict[str, Any]:
    return record.columns()


def run(args: argparse.Namespace) -> int:
    """Run a parsed 'letters' command; returns the exit code. Errors are printed in Dutch."""
    store = TemplateStore(local_dir=args.templates)
    settings = LayoutSettings()
    if args.layout:
        settings = LayoutSettings.from_dict(json.loads(args.layout.read_text(encoding="utf-8")))
    command = args.letters_command
    try:
        if command == "kinds":
            for key, kind in LETTER_KINDS.items():
                print(f"{key}\t{kind.title}{' (besluit)' if kind.decision else ''}")
            for key, report in REPORT_KINDS.items():
                print(f"{key}\t{report.title}")
        elif command == "fields":
            catalogue = REPORT_FIELD_CATALOGUE if args.report else FIELD_CATALOGUE
            for name, text in sorted(catalogue.items()):
                print(f"{{{{ {name} }}}}\t{text}")
            if args.report:
                for name, text in sorted(BLOCK_CATALOGUE.items()):
                    print(f"@@ {name}\t{text}")
        elif command == "check":
            failures = 0
            for path in args.files:
                try:
                    template = parse_template(path.read_text(encoding="utf-8"), path.stem)
                    print(f"{path}: in orde ({template.kind}, versie {template.version})")
                except TemplateError as exc:
                    failures += 1
                    print(f"{path}: {exc}", file=sys.stderr)
            return 1 if failures else 0
        elif command == "preview":
            args.output.write_bytes(preview_template(args.file.read_text(encoding="utf-8"), settings, store))
        elif command == "install":
            template = store.install(args.file.read_text(encoding="utf-8"))
            print(f"Opgenomen: {template.kind} {template.version_label}")
        elif command == "test-sheet":
            render_envelope_test_sheet(args.output, settings)
        elif command == "render":
            data = json.loads(args.data.read_text(encoding="utf-8"))
            if args.kind in REPORT_KINDS:
                render_report(args.kind, from_dict(ReportContext, data), args.output, settings, store)
            else:
                letter = generate_letter(args.kind, from_dict(LetterContext, data), args.output, settings, store)
                if args.record:
                    args.record.write_text(json.dumps(_record_json(letter.record), ensure_ascii=False, indent=1),
                                           encoding="utf-8")
        elif command == "batch":
            rows = json.loads(args.data.read_text(encoding="utf-8"))
            items = [BatchItem(row["kind"], from_dict(LetterContext, row["context"])) for row in rows]

            def progress(done: int, total: int) -> None:
                print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

            results = render_batch(items, args.output, not args.separate, progress, settings, store)
            if args.records:
                records = [{**_record_json(r.record), "path": str(r.path)} for r in results]
                args.records.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
            print(f"{len(results)} brieven gemaakt.")
        elif command == "regenerate":
            regenerate(args.record.read_text(encoding="utf-8"), args.output, store)
    except (TemplateError, LetterError, ReportError, ValueError, KeyError, OSError) as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vangnet letters", description="Brieven en rapporten (PDF)")
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())


def register(add: Any) -> None:
    """Mount as `vangnet letters ...` (see desktop.commands.FEATURE_COMMANDS)."""
    parser = add("letters", run, "brieven en rapporten als PDF: sjablonen, voorbeelden, testvel")
    add_arguments(parser)

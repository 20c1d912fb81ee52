"""`vangnet letters ...`: letters and reports from the database, templates, previews and the envelope test sheet.

`make`, `report` and `regenerate-record` unlock the profile (like every command that reads the database) and
record each document in the DocumentRecord register; the other commands need no database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

from desktop.commands.common import unlock
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
from desktop.models.errors import DomainError


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
    # From the database (unlocks the profile).
    make = sub.add_parser(
        "make",
        help="maak brieven uit de database voor zaken, een signaal uit de werkvoorraad of een filter",
        description="Maak brieven uit de database. Kies de zaken met --zaak, --signaal of de filters; elke brief "
        "wordt vastgelegd in het documentenregister.",
    )
    make.add_argument("kind", choices=sorted(LETTER_KINDS), help="briefsoort")
    make.add_argument("-o", "--output", type=Path, required=True, help="PDF-bestand, of map met --separate")
    make.add_argument("--separate", action="store_true", help="één PDF per brief")
    make.add_argument("--zaak", action="append", default=[], metavar="NUMMER", help="zaaknummer (herhaalbaar)")
    make.add_argument(
        "--signaal",
        metavar="SOORT",
        help="alle zaken of aanvragen van een soort signaal, bijvoorbeeld exemption_renewal",
    )
    make.add_argument(
        "--filter",
        dest="name_filter",
        metavar="TEKST",
        help="zaken waarvan nummer of achternaam zo begint (als het filter in de lijst Zaken)",
    )
    make.add_argument("--gemeente", metavar="CBS-CODE", help="alleen zaken van deze gemeente, bijvoorbeeld GM0505")
    make.add_argument("--status", choices=["open", "closed"], help="alleen open of gesloten zaken")
    make.add_argument("--soort-zaak", dest="case_kind", help="alleen zaken van deze soort, bijvoorbeeld relative")
    make.add_argument("--datum", type=dt.date.fromisoformat, help="datum van de brief (JJJJ-MM-DD; standaard vandaag)")
    make.add_argument("--tekst", default="", help="aanvullende tekst in elke brief")
    make.add_argument("--droog", action="store_true", help="toon alleen wie een brief krijgt; maak en registreer niets")
    report = sub.add_parser("report", help="maak een proces-verbaal of verwijzingsformulier uit een zaak")
    report.add_argument("kind", choices=sorted(REPORT_KINDS), help="rapportsoort")
    report.add_argument("--zaak", required=True, metavar="NUMMER")
    report.add_argument("-o", "--output", type=Path, required=True)
    report.add_argument("--boa-nummer", default="", help="registratienummer van de verbalisant")
    report.add_argument("--feiten", default="", help="omschrijving van de feiten")
    report.add_argument("--advies", default="", help="advies over de afdoening")
    report.add_argument("--datum", type=dt.date.fromisoformat, help="datum van opmaak (standaard vandaag)")
    halt = sub.add_parser("halt-instemming", help="leg de instemming met een Halt-verwijzing vast (Sr art. 77e)")
    halt.add_argument("--zaak", required=True, metavar="NUMMER")
    halt.add_argument("--jongere", required=True, choices=["ja", "nee"], help="stemt de jongere in")
    halt.add_argument("--ouders", choices=["ja", "nee"], help="stemmen de ouders in (nodig onder 16 jaar)")
    allowed = sub.add_parser("mogelijk", help="welke brieven en rapporten de wet voor een zaak toelaat, en waarom niet")
    allowed.add_argument("--zaak", required=True, metavar="NUMMER")
    allowed.add_argument("--datum", type=dt.date.fromisoformat, help="datum van de brief (standaard vandaag)")
    from_record = sub.add_parser("regenerate-record", help="maak een geregistreerd document opnieuw (op id)")
    from_record.add_argument("record_id", help="id van de registratie in het documentenregister")
    from_record.add_argument("-o", "--output", type=Path, required=True)


def _record_json(record: Any) -> dict[str, Any]:
    return record.columns()


DATABASE_COMMANDS = frozenset({"make", "report", "regenerate-record", "halt-instemming", "mogelijk"})


def _progress_printer(started: float):
    shown = [-1.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if done == total or now - shown[0] >= 0.5:
            shown[0] = now
            print(f"\rBrieven maken: {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    return progress


def _run_database(args: argparse.Namespace) -> int:
    from desktop.documents.from_database import (
        LetterOptions,
        ReportOptions,
        SelectionError,
        jobs_for_targets,
        make_letters,
        make_report,
        regenerate_document,
        targets_for_case_filter,
        targets_for_case_numbers,
        targets_for_signal,
    )
    from desktop.documents.layout import load_layout
    from desktop.models.lists import ListFilter
    from desktop.models.session_user import restore_actor

    with unlock(args) as db:
        store = (
            TemplateStore(local_dir=args.templates) if args.templates else TemplateStore.for_profile(db.profile.path)
        )
        settings = load_layout(args.layout or store.layout_path)
        with db.session() as session:
            user = restore_actor(session)
        user_id = user.user_id if user else None
        try:
            if args.letters_command == "regenerate-record":
                with db.session() as session:
                    regenerate_document(session, args.record_id, args.output, store)
                print(f"Opnieuw gemaakt: {args.output}")
                return 0
            if args.letters_command in ("halt-instemming", "mogelijk"):
                return _legal_acts_command(db, args, user_id)
            if args.letters_command == "report":
                with db.session() as session:
                    targets = targets_for_case_numbers(session, [args.zaak])
                options = ReportOptions(
                    report_date=args.datum, boa_number=args.boa_nummer, facts=args.feiten, advice=args.advies
                )
                made = make_report(
                    db.session, args.kind, targets[0].case_id, args.output, options, settings, store, user_id
                )
                for report in made:
                    print(f"{REPORT_KINDS[args.kind].title} ({report.addressee}) geschreven naar {report.path}.")
                return 0
            started = time.perf_counter()
            with db.session() as session:
                if args.zaak:
                    targets = targets_for_case_numbers(session, args.zaak)
                elif args.signaal:
                    targets = targets_for_signal(session, args.signaal, args.datum)
                else:
                    values = {"municipality": args.gemeente, "status": args.status, "kind": args.case_kind}
                    if not any(values.values()) and not args.name_filter:
                        raise SelectionError(
                            "Kies de zaken: --zaak, --signaal, --filter, --gemeente, --status of --soort-zaak."
                        )
                    targets = targets_for_case_filter(session, ListFilter(values=values, text=args.name_filter or ""))
                options = LetterOptions(letter_date=args.datum, extra_text=args.tekst)
                jobs, problems = jobs_for_targets(session, args.kind, targets, options, user_id, store)
            for problem in problems:
                print(f"Overgeslagen: {problem}", file=sys.stderr)
            if args.droog:
                for job in jobs:
                    print(f"{job.context.case_number}\t{job.context.addressee.name}")
                print(f"{len(jobs)} brieven voor {len(targets) - len(problems)} zaken; niets gemaakt.", file=sys.stderr)
                return 0
            if not jobs:
                print("Fout: er zijn geen brieven om te maken.", file=sys.stderr)
                return 1
            made = make_letters(
                db.session, jobs, args.output, not args.separate, _progress_printer(started), settings, store, user_id
            )
            where = args.output if not args.separate else f"{args.output}/"
            print(
                f"{len(made)} brieven gemaakt in {where} en vastgelegd in het documentenregister "
                f"({time.perf_counter() - started:.1f} s).",
                file=sys.stderr,
            )
            return 1 if problems else 0
        except (TemplateError, DomainError, OSError) as exc:  # LetterError, ReportError, a refused act
            print(f"Fout: {exc}", file=sys.stderr)
            return 1


def _legal_acts_command(db: Any, args: argparse.Namespace, user_id: str | None) -> int:
    """'halt-instemming' records consent on the case's Halt intervention; 'mogelijk' lists every kind with
    allowed or the Dutch reason it is not (desktop/models/legal_acts.py). Errors reach the caller (exit 1)."""
    from desktop.documents.from_database import targets_for_case_numbers
    from desktop.models.legal_acts import acts_for, record_halt_consent

    with db.session() as session:
        case_id = targets_for_case_numbers(session, [args.zaak])[0].case_id
        if args.letters_command == "halt-instemming":
            parents = None if args.ouders is None else args.ouders == "ja"
            record_halt_consent(session, case_id, args.jongere == "ja", parents)
            print(f"Instemming met Halt vastgelegd voor zaak {args.zaak}.")
            return 0
        checks = acts_for(session, [*LETTER_KINDS, *REPORT_KINDS], case_id, user_id=user_id,
                          on=args.datum or dt.date.today())
    for check in checks:
        print(f"{check.kind}\t{'mogelijk' if check.allowed else 'niet mogelijk: ' + check.reason}")
    return 0


def run(args: argparse.Namespace) -> int:
    """Run a parsed 'letters' command; returns the exit code. Errors are printed in Dutch."""
    if args.letters_command in DATABASE_COMMANDS:
        return _run_database(args)
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
                    args.record.write_text(
                        json.dumps(_record_json(letter.record), ensure_ascii=False, indent=1), encoding="utf-8"
                    )
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


def register(add: Any) -> None:
    """Mount as `vangnet letters ...` (see desktop.commands.FEATURE_COMMANDS)."""
    parser = add("letters", run, "brieven en rapporten als PDF: sjablonen, voorbeelden, testvel")
    add_arguments(parser)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vangnet letters", description="Brieven en rapporten (PDF)")
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())

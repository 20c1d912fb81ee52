"""`vangnet audit`, `vangnet bewaartermijn` and `vangnet wipe`: the access log, retention and wiping."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from desktop.commands.common import CliError, unlock


def cmd_audit(args: argparse.Namespace) -> int:
    from desktop.models.audit import ACTION_LABELS, search, verify_chain

    with unlock(args) as store, store.session() as session:
        if args.audit_command == "verify":
            problems = verify_chain(session)
            if problems:
                print("Het toegangslogboek is aangetast:")
                for problem in problems:
                    print(f"  {problem}")
                return 1
            print("Het toegangslogboek is intact.")
            return 0
        entries = search(session, object_id=args.object, actor=args.user, limit=args.limit)
        for entry in entries:
            stamp = entry.occurred_at.strftime("%d-%m-%Y %H:%M:%S")
            label = ACTION_LABELS.get(entry.action, entry.action)
            print(f"{stamp}  {entry.actor:<24} {label:<24} {entry.object_type} {entry.object_id or ''}  {entry.result}")
        if not entries:
            print("Geen regels gevonden.")
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    from desktop.models.retention import RetentionSettings, expired_person_ids, run_retention

    today = date.fromisoformat(args.date) if args.date else date.today()
    with unlock(args) as store:
        if args.dry_run:
            with store.session() as session:
                count = len(expired_person_ids(session, today, RetentionSettings()))
            print(f"Dossiers met verstreken bewaartermijn op {today:%d-%m-%Y}: {count} (er is niets verwijderd).")
            return 0
        store.backup()
        report = run_retention(store.Session, today)
    print("\n".join(report.lines()))
    return 0


def cmd_wipe(args: argparse.Namespace) -> int:
    from desktop.models.wipe import wipe_profile
    from desktop.paths import default_data_dir

    path = Path(args.data_dir).expanduser() if args.data_dir else default_data_dir()
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("Bevestig het wissen met --yes; er is niets gewist.")
        answer = input(f"Het profiel in {path} wordt onherroepelijk gewist. Typ 'wissen' om door te gaan: ")
        if answer.strip().lower() != "wissen":
            print("Afgebroken; er is niets gewist.")
            return 1
    removed = wipe_profile(path)
    print(f"Profiel gewist ({removed} bestanden).")
    return 0


def register(add) -> None:
    audit = add("audit", cmd_audit, "controleer of doorzoek het toegangslogboek")
    audit.add_argument(
        "audit_command", choices=["verify", "zoek"], help="verify: controleer de keten; zoek: toon regels"
    )
    audit.add_argument("--persoon", dest="object", help="intern id van een persoon of ander record")
    audit.add_argument("--gebruiker", dest="user", help="gebruikersnaam of id")
    audit.add_argument("--max", dest="limit", type=int, default=200, help="hoogstens zoveel regels")
    retention = add("bewaartermijn", cmd_retention, "verwijder gegevens waarvan de bewaartermijn is verstreken")
    retention.add_argument("--datum", dest="date", help="peildatum JJJJ-MM-DD (standaard vandaag)")
    retention.add_argument("--droog", dest="dry_run", action="store_true", help="tel alleen, verwijder niets")
    wipe = add("wipe", cmd_wipe, "wis het profiel van deze computer (ook offline)")
    wipe.add_argument("--yes", action="store_true", help="niet om bevestiging vragen")

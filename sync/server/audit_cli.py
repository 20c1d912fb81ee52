"""`vangnet-server audit verify|zoek`: check the server's hash-chained access log, or search it.

``register(sub)`` adds the command to the server's argument parser; ``run(engine, args)`` carries it out.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sync.server import audit_chain


def register(sub: Any) -> argparse.ArgumentParser:
    audit = sub.add_parser("audit", help="controleer of doorzoek het toegangslogboek van de server")
    audit.add_argument("action", choices=["verify", "zoek"], help="verify: controleer de keten; zoek: toon regels")
    audit.add_argument("--object", help="intern id van een persoon of ander record")
    audit.add_argument("--gebruiker", dest="user", help="account-id of gebruikersnaam zoals vastgelegd")
    audit.add_argument("--max", dest="limit", type=int, default=200, help="hoogstens zoveel regels")
    return audit


def run(engine: Any, args: argparse.Namespace, out: Any = None) -> int:
    out = out or sys.stdout
    # Rows written outside a request (accounts, revocations on the command line) are sealed first.
    sealed = audit_chain.seal(engine)
    with engine.connect() as conn:
        if args.action == "verify":
            problems = audit_chain.verify(conn)
            length = audit_chain.chain_length(conn)
            if problems:
                print(f"Het toegangslogboek van de server is aangetast ({len(problems)} probleem/problemen):", file=out)
                for problem in problems:
                    print(f"  {problem}", file=out)
                return 1
            extra = f"; {sealed} nieuwe serverregel(s) verzegeld" if sealed else ""
            print(f"Het toegangslogboek van de server is intact ({length} regels{extra}).", file=out)
            return 0
        rows = audit_chain.search(conn, object_id=args.object, actor=args.user, limit=args.limit)
    for row in rows:
        stamp = row.occurred_at[:19].replace("T", " ")
        obj = f"{row.object_type} {row.object_id or ''}".strip()
        print(f"{row.seq:>8}  {stamp}  {row.actor:<36} {row.device:<36} {row.action:<20} {obj}  {row.result}",
              file=out)
    if not rows:
        print("Geen regels gevonden.", file=out)
    return 0

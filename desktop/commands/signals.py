"""`vangnet signals`: the worklist's signals as plain text on the command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from datetime import date

from desktop.commands.common import unlock
from desktop.models import law
from desktop.models.signals import Signal, compute_signals


def format_signals(signals: Iterable[Signal]) -> str:
    """A plain-text list: due date, what, and the explanation."""
    lines = []
    for signal in signals:
        due = signal.due.strftime("%d-%m-%Y") if signal.due else "geen datum"
        lines.append(f"{due:<11} {signal.title}\n            {signal.detail}")
    return "\n".join(lines) if lines else "Geen signalen."


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Register `vangnet signals` (see ``desktop.commands``)."""
    command = add("signals", cmd_signals, "toon de signalen voor de werklijst")
    command.add_argument("--weeks", type=int, default=6, help="hoeveel weken vooruit (standaard 6)")
    command.add_argument(
        "--age-limit",
        type=int,
        default=law.DEFAULT_DROPOUT_AGE_LIMIT,
        help="leeftijdsgrens van de RMC-doelgroep (standaard 23; de regio werkt tot 27)",
    )
    command.add_argument(
        "--active", action="store_true", help="leeftijdssignalen alleen voor personen met een open zaak of traject"
    )


def cmd_signals(args: argparse.Namespace) -> int:
    with unlock(args) as store, store.session() as session:
        signals = compute_signals(
            session,
            date.today(),
            horizon_weeks=args.weeks,
            dropout_age_limit=args.age_limit,
            active_only=args.active,
        )
    print(format_signals(signals))
    return 0

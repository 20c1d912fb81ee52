"""`vangnet init`, `demo`, `backup`, `restore` and `passwd`: making, filling and guarding a profile."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from desktop.commands import common
from desktop.commands.common import NEW_PASSPHRASE_ENV, PASSPHRASE_ENV, CliError, read_new_passphrase, read_passphrase


def cmd_init(args: argparse.Namespace) -> int:
    profile = common.profile(args)
    if profile.exists():
        raise CliError(f"Er bestaat al een profiel in {profile.path}.")
    passphrase = read_new_passphrase(PASSPHRASE_ENV)
    started = time.perf_counter()
    with profile.create(passphrase) as store, store.session() as session:
        from desktop.models.region import ensure_municipalities
        from desktop.models.school_calendar import ensure_school_holidays

        # The region's gemeenten and the school calendar come with every new profile (the server has the
        # same rows).
        ensure_municipalities(session)
        ensure_school_holidays(session)
    print(f"Profiel aangemaakt in {profile.path} ({time.perf_counter() - started:.1f} s).")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.models.demo import generate_demo

    profile = common.profile(args)
    passphrase = read_passphrase() if profile.exists() else read_new_passphrase(PASSPHRASE_ENV)
    store = profile.unlock(passphrase) if profile.exists() else profile.create(passphrase)
    with store:
        started = time.perf_counter()
        shown = [-1]

        def progress(done: int, total: int) -> None:
            percent = int(done * 100 / total) if total else 100
            if percent // 10 != shown[0] and sys.stderr.isatty():
                shown[0] = percent // 10
                print(f"\rDemo-gegevens maken: {percent}%", end="", file=sys.stderr, flush=True)

        with store.session() as session:
            from desktop.models.school_calendar import ensure_school_holidays

            # The demo region writes its gemeenten itself; the school calendar comes as in a new profile.
            ensure_school_holidays(session)
            summary = generate_demo(session, persons=args.persons, seed=args.seed, progress=progress)
        if sys.stderr.isatty():
            print(file=sys.stderr)
    print(f"Demoregio gemaakt in {time.perf_counter() - started:.1f} s: {summary}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with common.unlock(args) as store:
        path = store.backup(keep=args.keep)
    print(f"Back-up gemaakt: {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    profile = common.profile(args)
    backup = Path(args.backup) if args.backup else None
    aside = profile.restore(read_passphrase(), backup)
    print(f"Back-up teruggezet. De vorige database staat apart als {aside.name}.")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    profile = common.profile(args)
    old = read_passphrase("Huidig wachtwoord: ")
    new = read_new_passphrase(NEW_PASSPHRASE_ENV)
    profile.change_passphrase(old, new)
    print("Het wachtwoord is gewijzigd. Het oude wachtwoord werkt niet meer.")
    return 0


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """The profile commands, always on the command line (see ``desktop.cli.build_parser``)."""
    add("init", cmd_init, "maak een nieuw, versleuteld profiel")
    demo = add("demo", cmd_demo, "vul een profiel met een demoregio")
    demo.add_argument("--persons", type=int, default=2000, help="aantal personen (68000 = volledige regio)")
    demo.add_argument("--seed", type=int, default=1, help="startwaarde: dezelfde waarde geeft dezelfde regio")
    backup = add("backup", cmd_backup, "maak een back-up van de database")
    backup.add_argument("--keep", type=int, default=10, help="aantal back-ups dat bewaard blijft")
    restore = add("restore", cmd_restore, "zet een back-up terug (de huidige database blijft apart bewaard)")
    restore.add_argument("backup", nargs="?", help="het back-upbestand (standaard: de nieuwste)")
    add("passwd", cmd_passwd, "wijzig het wachtwoord van het profiel")

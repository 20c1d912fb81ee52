"""The `vangnet` command: profiles, demo data, backups, sync and starting the desktop app.

Every error a user can act on is one Dutch line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.errors import VangnetError
from desktop.paths import default_data_dir
from desktop.version import version_text

PASSPHRASE_ENV = "VANGNET_PASSPHRASE"  # noqa: S105 - the name of a variable, not a secret
NEW_PASSPHRASE_ENV = "VANGNET_NEW_PASSPHRASE"  # noqa: S105
EXIT_ERROR = 2

log = logging.getLogger("vangnet")


class CliError(VangnetError):
    pass


def _read_passphrase(prompt: str = "Wachtwoord: ") -> str:
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env is not None:
        return from_env
    if not sys.stdin.isatty():
        raise CliError(f"Geen wachtwoord: typ het in een terminal of zet {PASSPHRASE_ENV}.")
    return getpass.getpass(prompt)


def _read_new_passphrase(env_name: str) -> str:
    from_env = os.environ.get(env_name)
    if from_env is not None:
        return from_env
    if not sys.stdin.isatty():
        raise CliError(f"Geen nieuw wachtwoord: typ het in een terminal of zet {env_name}.")
    first = getpass.getpass("Nieuw wachtwoord (minstens 12 tekens): ")
    second = getpass.getpass("Herhaal het nieuwe wachtwoord: ")
    if first != second:
        raise CliError("De twee wachtwoorden zijn niet gelijk; er is niets gewijzigd.")
    return first


def _profile(args: argparse.Namespace):
    from desktop.models.store import Profile

    return Profile(Path(args.data_dir).expanduser() if args.data_dir else default_data_dir())


def _unlock(args: argparse.Namespace, prompt: str = "Wachtwoord: "):
    """Unlock for a command: its edits (imports, letters in the register) queue for the server like the app's."""
    from sync.outbox import ensure_outbox

    store = _profile(args).unlock(_read_passphrase(prompt))
    try:
        ensure_outbox(store)
    except BaseException:
        store.close()
        raise
    return store


def cmd_init(args: argparse.Namespace) -> int:
    profile = _profile(args)
    if profile.exists():
        raise CliError(f"Er bestaat al een profiel in {profile.path}.")
    passphrase = _read_new_passphrase(PASSPHRASE_ENV)
    started = time.perf_counter()
    with profile.create(passphrase) as store, store.session() as session:
        from desktop.models.region import ensure_municipalities

        # The region's gemeenten come with every new profile (the server has the same rows).
        ensure_municipalities(session)
    print(f"Profiel aangemaakt in {profile.path} ({time.perf_counter() - started:.1f} s).")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.models.demo import generate_demo

    profile = _profile(args)
    passphrase = _read_passphrase() if profile.exists() else _read_new_passphrase(PASSPHRASE_ENV)
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
            summary = generate_demo(session, persons=args.persons, seed=args.seed, progress=progress)
        if sys.stderr.isatty():
            print(file=sys.stderr)
    print(f"Demoregio gemaakt in {time.perf_counter() - started:.1f} s: {summary}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with _unlock(args) as store:
        path = store.backup(keep=args.keep)
    print(f"Back-up gemaakt: {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    profile = _profile(args)
    backup = Path(args.backup) if args.backup else None
    aside = profile.restore(_read_passphrase(), backup)
    print(f"Back-up teruggezet. De vorige database staat apart als {aside.name}.")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    profile = _profile(args)
    old = _read_passphrase("Huidig wachtwoord: ")
    new = _read_new_passphrase(NEW_PASSPHRASE_ENV)
    profile.change_passphrase(old, new)
    print("Het wachtwoord is gewijzigd. Het oude wachtwoord werkt niet meer.")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.app import run_gui

    data_dir = Path(args.data_dir).expanduser() if args.data_dir else default_data_dir()
    return run_gui(data_dir, smoke_test=getattr(args, "smoke_test", False))


class _VersionAction(argparse.Action):
    """`--version`, with the version read only when asked for (reading package metadata costs start-up time)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(version_text())
        parser.exit()


def build_parser(with_feature_commands: bool = True) -> argparse.ArgumentParser:
    """The command line. Without ``with_feature_commands`` only the core commands are there: starting the
    program then does not import the letters, import and statistics code it does not need."""
    parser = argparse.ArgumentParser(
        prog="vangnet", description="Vangnet: casemanagement voor leerplicht en voortijdig schoolverlaten."
    )
    parser.add_argument("--version", action=_VersionAction, help="toon versie- en buildgegevens en stop")
    parser.add_argument("--data-dir", help="map van het profiel (standaard: VANGNET_DATA_DIR of de gebruikersmap)")
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument("--data-dir", default=argparse.SUPPRESS, help="map van het profiel")
        command.set_defaults(handler=handler)
        return command

    add("init", cmd_init, "maak een nieuw, versleuteld profiel")
    demo = add("demo", cmd_demo, "vul een profiel met een demoregio")
    demo.add_argument("--persons", type=int, default=2000, help="aantal personen (68000 = volledige regio)")
    demo.add_argument("--seed", type=int, default=1, help="startwaarde: dezelfde waarde geeft dezelfde regio")
    backup = add("backup", cmd_backup, "maak een back-up van de database")
    backup.add_argument("--keep", type=int, default=10, help="aantal back-ups dat bewaard blijft")
    restore = add("restore", cmd_restore, "zet een back-up terug (de huidige database blijft apart bewaard)")
    restore.add_argument("backup", nargs="?", help="het back-upbestand (standaard: de nieuwste)")
    add("passwd", cmd_passwd, "wijzig het wachtwoord van het profiel")
    gui = add("gui", cmd_gui, "start het programma (standaard)")
    gui.add_argument("--smoke-test", action="store_true", help="open het hoofdvenster zonder scherm en stop")
    if with_feature_commands:
        _add_optional_commands(add)
    return parser


CORE_COMMANDS = frozenset({"init", "demo", "backup", "restore", "passwd", "gui"})


def _needs_feature_commands(argv: Sequence[str]) -> bool:
    """Whether the command line names a feature command or asks for the full list of commands."""
    tokens = list(argv)
    index = 0
    while index < len(tokens):
        word = tokens[index]
        if word == "--data-dir":
            index += 2
            continue
        if word in ("-h", "--help"):
            return True
        if not word.startswith("-"):
            return word not in CORE_COMMANDS
        index += 1
    return False


def _add_optional_commands(add) -> None:
    """Commands of parts that register themselves in ``desktop.commands``."""
    from desktop.commands import register_commands

    register_commands(add)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(
        level=os.environ.get("VANGNET_LOG_LEVEL", "WARNING"), format="%(levelname)s %(name)s: %(message)s"
    )
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(with_feature_commands=_needs_feature_commands(argv))
    args = parser.parse_args(argv)
    if not hasattr(args, "data_dir"):
        args.data_dir = None
    handler = getattr(args, "handler", cmd_gui)
    try:
        return handler(args)
    except VangnetError as error:
        print(f"vangnet: {error.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("vangnet: afgebroken.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

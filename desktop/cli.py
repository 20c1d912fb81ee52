"""The `vangnet` command: its parser and the start of the desktop app; the handlers are in `desktop.commands`.

Every error a user can act on is one Dutch line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.commands import profiles, register_commands
from desktop.errors import VangnetError
from desktop.paths import default_data_dir
from desktop.version import version_text

EXIT_ERROR = 2

log = logging.getLogger("vangnet")


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

    profiles.register(add)
    gui = add("gui", cmd_gui, "start het programma (standaard)")
    gui.add_argument("--smoke-test", action="store_true", help="open het hoofdvenster zonder scherm en stop")
    if with_feature_commands:
        register_commands(add)
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

"""What every `vangnet` command shares: its error, reading a passphrase, and opening the chosen profile."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from desktop.errors import VangnetError
from desktop.paths import default_data_dir

PASSPHRASE_ENV = "VANGNET_PASSPHRASE"  # noqa: S105 - the name of a variable, not a secret
NEW_PASSPHRASE_ENV = "VANGNET_NEW_PASSPHRASE"  # noqa: S105


class CliError(VangnetError):
    pass


def read_passphrase(prompt: str = "Wachtwoord: ") -> str:
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env is not None:
        return from_env
    if not sys.stdin.isatty():
        raise CliError(f"Geen wachtwoord: typ het in een terminal of zet {PASSPHRASE_ENV}.")
    return getpass.getpass(prompt)


def read_new_passphrase(env_name: str) -> str:
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


def profile(args: argparse.Namespace):
    """The profile named by ``--data-dir``, else the default one."""
    from desktop.models.store import Profile

    return Profile(Path(args.data_dir).expanduser() if args.data_dir else default_data_dir())


def unlock(args: argparse.Namespace, prompt: str = "Wachtwoord: "):
    """Unlock for a command: its edits (imports, letters in the register) queue for the server like the app's."""
    from desktop.models.outbox import ensure_outbox

    store = profile(args).unlock(read_passphrase(prompt))
    try:
        ensure_outbox(store)
    except BaseException:
        store.close()
        raise
    return store

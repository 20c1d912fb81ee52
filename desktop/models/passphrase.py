"""Passphrase policy: long enough and not a well-known one; no composition rules (NIST SP 800-63B)."""

from __future__ import annotations

from functools import lru_cache

from desktop.errors import WeakPassphrase
from desktop.paths import resource_path

MIN_LENGTH = 12


@lru_cache(maxsize=1)
def common_passphrases() -> frozenset[str]:
    path = resource_path("security", "common-passphrases.txt")
    lines = path.read_text("utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def check_passphrase_policy(passphrase: str) -> None:
    """Raise WeakPassphrase with a Dutch explanation when ``passphrase`` is not acceptable."""
    if len(passphrase) < MIN_LENGTH:
        raise WeakPassphrase(
            f"Het wachtwoord is te kort: gebruik minstens {MIN_LENGTH} tekens, "
            "bijvoorbeeld een zin van een paar woorden."
        )
    if passphrase.strip().lower() in common_passphrases() or len(set(passphrase)) <= 2:
        raise WeakPassphrase("Dit wachtwoord is te bekend of te eenvoudig; kies een ander.")

"""Fixtures shared by the whole suite: temporary profiles with a fast (minimum) key derivation."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VANGNET_NO_CRASH_DIALOG", "1")

import pytest

from desktop.models.keyfile import KdfParams
from desktop.models.store import Profile
from tests.log_guard import LogGuard

PASSPHRASE = "een lange zin als wachtwoord"


KNOWN_SECRETS = (PASSPHRASE, "oefenen met vangnet", "een heel ander lang wachtwoord")


@pytest.fixture(autouse=True)
def no_secrets_in_logs():
    """Every test is also a log scan: no BSN, passphrase, key or token in any log record."""
    with LogGuard(KNOWN_SECRETS) as guard:
        yield guard
    problems = guard.problems()
    assert not problems, "persoonsgegevens of geheimen in het log: " + "; ".join(sorted(set(problems)))


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def profile(tmp_path) -> Profile:
    return Profile(tmp_path / "profiel")


@pytest.fixture
def store(profile):
    """An unlocked, migrated, empty profile."""
    opened = profile.create(PASSPHRASE, kdf=KdfParams.minimum())
    yield opened
    opened.close()

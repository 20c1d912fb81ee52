"""Fixtures shared by the whole suite: temporary profiles with a fast (minimum) key derivation."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VANGNET_NO_CRASH_DIALOG", "1")

import pytest

from desktop.models.keyfile import KdfParams
from desktop.models.store import Profile

PASSPHRASE = "een lange zin als wachtwoord"


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

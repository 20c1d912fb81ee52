"""The profile and the account: unlocking, changing the passphrase, signing in at the server, publishing a
letter template to it. Work without the open database, run off the GUI thread with the layer's error rule."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject

from desktop.background import run_in_background
from desktop.errors import VangnetError
from desktop.models.store import Profile, Store
from desktop.operations.op import BackgroundOp
from sync.client import SyncClient, SyncError, Tokens
from sync.template_sync import publish_template

T = TypeVar("T")


class ServerRefused(VangnetError):
    """What the server or the connection said (``sync.client.SyncError``), in its Dutch words; ``error`` is the
    original, so that a window can tell a revoked device (``WipeRequired``) from a wrong password."""

    def __init__(self, error: SyncError) -> None:
        super().__init__(error.message)
        self.error = error


def unlock(
    open_store: Callable[[str], Store], passphrase: str, *, parent: QObject | None = None
) -> BackgroundOp[Store]:
    """Derive the key and open the profile (half a second of Argon2id, migrations when needed)."""
    return BackgroundOp(lambda: open_store(passphrase), parent=parent)


def check_pages_later(store: Store) -> None:
    """The full page check of a profile unlocked with the quick check, a few seconds from now, on the background
    lane for work that mostly waits; its listeners hear the outcome (``Store.integrity_listeners``)."""
    store.start_integrity_check(run=lambda check: run_in_background(check, waits=True))


def change_passphrase(profile: Profile, old: str, new: str, *, parent: QObject | None = None) -> BackgroundOp[None]:
    return BackgroundOp(lambda: profile.change_passphrase(old, new), parent=parent)


def sign_in(
    login: Callable[[str, str], Tokens], username: str, password: str, *, parent: QObject | None = None
) -> BackgroundOp[Tokens]:
    """Sign this device in at the server; a refusal arrives as :class:`ServerRefused`."""
    return BackgroundOp(lambda: _server(lambda: login(username, password)), parent=parent)


def publish(client: SyncClient, kind: str, source: str, *, parent: QObject | None = None) -> BackgroundOp[int]:
    """Publish a template version to the server for every office; the result is the version the server holds."""
    return BackgroundOp(lambda: _server(lambda: publish_template(client, kind, source)), parent=parent)


def _server(call: Callable[[], T]) -> T:
    try:
        return call()
    except SyncError as exc:
        if isinstance(exc, VangnetError):
            raise
        raise ServerRefused(exc) from exc

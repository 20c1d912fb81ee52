"""Errors a user can act on. Each carries one clear Dutch sentence and never personal data or secrets."""

from __future__ import annotations


class VangnetError(Exception):
    """Base of every error shown to a user as one line of Dutch (the domain's rules: DomainError).

    Windows catch this class to show the message; anything else is a fault and goes to the crash dialog.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ProfileMissing(VangnetError):
    pass


class ProfileExists(VangnetError):
    pass


class WrongPassphrase(VangnetError):
    pass


class TooManyAttempts(VangnetError):
    def __init__(self, message: str, wait_seconds: float) -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds


class WeakPassphrase(VangnetError):
    pass


class KeyFileDamaged(VangnetError):
    pass


class DatabaseDamaged(VangnetError):
    """The right passphrase was given but the database file cannot be read: offer a backup."""


class ProfileInUse(VangnetError):
    pass


class StorageFull(VangnetError):
    pass


class BackupError(VangnetError):
    pass

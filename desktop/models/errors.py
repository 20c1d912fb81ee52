"""Errors the domain model raises; messages are Dutch because they reach the user."""

from __future__ import annotations

from desktop.errors import VangnetError


class DomainError(VangnetError):
    """A value or change the domain rules do not allow.

    Not a ValueError: a ValueError is a programming error and goes to the crash dialog, a DomainError is
    told to the user.
    """

"""Errors the domain model raises; messages are Dutch because they reach the user."""

from __future__ import annotations


class DomainError(ValueError):
    """A value or change the domain rules do not allow."""

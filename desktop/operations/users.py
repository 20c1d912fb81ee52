"""Who is signed in on this profile, for the windows that depend on the role."""

from __future__ import annotations

from desktop.models.session_user import CurrentUser, current_user
from desktop.operations.context import AppContext


def signed_in_now(ctx: AppContext) -> CurrentUser | None:
    """The signed-in user, or None while nobody has signed in (or the profile is locked). Synchronous: a menu
    action decides with it whether to open its window (a few rows of local settings)."""
    if not ctx.is_open:
        return None
    return ctx.read(current_user)

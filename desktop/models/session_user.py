"""The signed-in user of this profile: name, role and gemeenten, kept in local_meta after login.

The app asks this module who is working, to decide what a window may show (need-to-know) and to
put the right actor and device in the access log. Without a login the user is unknown and sees
nothing that needs a role.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.access import Viewer
from desktop.models.audit import LocalMeta, set_actor
from desktop.models.enums import UserRole
from desktop.models.registry import User

USER_KEY = "user_name"
ROLE_KEY = "user_role"
GEMEENTEN_KEY = "user_gemeenten"
DEVICE_KEY = "device_id"
USER_ID_KEY = "user_id"


@dataclass(frozen=True)
class CurrentUser:
    """Who works in this profile. ``user_id`` is the id of the users record (the server's account id)."""

    username: str
    role: UserRole
    municipality_codes: tuple[str, ...]
    device_id: str
    user_id: str

    @property
    def viewer(self) -> Viewer:
        return Viewer(self.user_id, self.role, self.municipality_codes)

    @property
    def may_read_access_log(self) -> bool:
        return self.role in (UserRole.TEAM_LEAD, UserRole.SYSTEM_ADMINISTRATOR)


def _session_of(store_or_session):
    """A context manager giving a session, from a Store (commits) or an already open Session."""
    if isinstance(store_or_session, Session):
        return contextlib.nullcontext(store_or_session)
    return store_or_session.session()


def set_current_user(
    store, username: str, role: str | UserRole, gemeenten, device_id: str, user_id: str | None = None
) -> CurrentUser:
    """Remember who signed in (after a successful login) and make them the actor of new log entries."""
    role_value = UserRole(role)
    codes = tuple(sorted({str(code) for code in (gemeenten or ())}))
    with _session_of(store) as session:
        if user_id is None:
            user_id = session.scalar(select(User.id).where(User.username == username)) or username
        for key, value in (
            (USER_KEY, username),
            (ROLE_KEY, role_value.value),
            (GEMEENTEN_KEY, ",".join(codes)),
            (DEVICE_KEY, device_id),
            (USER_ID_KEY, user_id),
        ):
            session.merge(LocalMeta(key=key, value=value))
        session.flush()
    set_actor(username, device_id)
    return CurrentUser(username, role_value, codes, device_id, user_id)


def current_user(store_or_session) -> CurrentUser | None:
    """The signed-in user of this profile, or None when nobody has signed in yet."""
    with _session_of(store_or_session) as session:
        rows = dict(
            session.execute(
                select(LocalMeta.key, LocalMeta.value).where(
                    LocalMeta.key.in_([USER_KEY, ROLE_KEY, GEMEENTEN_KEY, DEVICE_KEY, USER_ID_KEY])
                )
            ).all()
        )
    if USER_KEY not in rows or ROLE_KEY not in rows:
        return None
    try:
        role = UserRole(rows[ROLE_KEY])
    except ValueError:
        return None
    codes = tuple(code for code in rows.get(GEMEENTEN_KEY, "").split(",") if code)
    return CurrentUser(
        rows[USER_KEY], role, codes, rows.get(DEVICE_KEY, ""), rows.get(USER_ID_KEY) or rows[USER_KEY]
    )


def restore_actor(store_or_session) -> CurrentUser | None:
    """After unlocking: the stored user becomes the actor of the access log again."""
    user = current_user(store_or_session)
    if user is not None:
        set_actor(user.username, user.device_id or "onbekend")
    return user

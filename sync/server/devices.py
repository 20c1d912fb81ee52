"""Revoking a device: its tokens stop working and its next contact wipes it (`vangnet-server devices revoke`)."""

from sqlalchemy import Connection, Engine, select, update

from sync.server import store
from sync.server.db import devices, refresh_tokens


def revoke_device_tokens(conn: Connection, device_id: str) -> None:
    """Every refresh token of the device is revoked and its access tokens' generation is passed."""
    conn.execute(update(refresh_tokens).where(refresh_tokens.c.device_id == device_id).values(revoked=True))
    conn.execute(
        update(devices).where(devices.c.id == device_id).values(token_generation=devices.c.token_generation + 1)
    )


def revoke_device(engine: Engine, device_id: str) -> bool:
    """Administrator action: the device's tokens stop working and its next contact wipes it."""
    with engine.begin() as conn:
        found = conn.execute(select(devices.c.id).where(devices.c.id == device_id)).first()
        if found is None:
            return False
        conn.execute(update(devices).where(devices.c.id == device_id).values(revoked_at=store.now_iso()))
        revoke_device_tokens(conn, device_id)
        store.audit(conn, "device_revoke", "ok", device_id=device_id)
    return True

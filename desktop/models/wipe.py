"""Wiping a profile from a lost or retired laptop: key file first, then database, backups and caches.

Without the key file nothing of the encrypted database can be read, so the key file is overwritten
with random bytes and flushed before anything else is removed. Works offline and on a locked profile.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from desktop.errors import ProfileMissing
from desktop.models.store import KEY_NAME, LOCK_NAME, _acquire_lock, _release_lock


def _overwrite(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        remaining = size
        while remaining > 0:
            chunk = min(remaining, 1 << 20)
            handle.write(os.urandom(chunk))
            remaining -= chunk
        handle.flush()
        os.fsync(handle.fileno())


def wipe_profile(path: Path, *, overwrite_all: bool = True) -> int:
    """Remove the profile folder ``path``; returns the number of files removed.

    The key file is always overwritten before removal; with ``overwrite_all`` every other file is too
    (slower on a large profile, but leaves nothing recognisable in freed blocks of the file system).
    """
    path = Path(path)
    if not path.exists() or (not (path / KEY_NAME).exists() and not any(path.glob("vangnet*.db*"))):
        raise ProfileMissing(f"Er is geen profiel om te wissen in {path}.")
    # Refuses (ProfileInUse) while the profile is open elsewhere; the app locks itself before wiping.
    _release_lock(_acquire_lock(path / LOCK_NAME))
    removed = 0
    key_file = path / KEY_NAME
    if key_file.exists():
        _overwrite(key_file)
        key_file.unlink()
        removed += 1
    for file in sorted(path.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if file.is_file() or file.is_symlink():
            if overwrite_all and file.is_file() and file.name != LOCK_NAME:
                with contextlib.suppress(OSError):
                    _overwrite(file)
            file.unlink()
            removed += 1
    shutil.rmtree(path, ignore_errors=True)
    return removed

"""Files written so that a crash leaves the old or the new version, never half of one, readable only by the owner."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

OWNER_ONLY = 0o600


def _fsync_directory(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows flushes only a writable handle
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_replace(path: Path) -> Iterator[Path]:
    """A temp file in the folder of ``path``, readable only by the owner, for the block to fill (closed
    again when the block ends). Then it is fsynced and renamed over ``path``, so a crash leaves the old or
    the new version. When the block raises, the temp file is removed and ``path`` is left as it was.
    """
    path = Path(path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(temp_name)
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, OWNER_ONLY)
        finally:
            os.close(fd)
        yield temp
        _fsync_file(temp)
        os.replace(temp, path)
        _fsync_directory(path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder, fsync, then rename."""
    with atomic_replace(path) as temp:
        temp.write_bytes(data)


def ensure_private_dir(path: Path) -> Path:
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(PermissionError):
        os.chmod(path, 0o700)
    return path

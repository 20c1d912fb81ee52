"""Typed user settings over QSettings (IniFormat) in the profile folder, with defaults and upgrades."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1
DEFAULT_IDLE_LOCK_MINUTES = 10
MIN_IDLE_LOCK_MINUTES = 1
MAX_IDLE_LOCK_MINUTES = 120
DEFAULT_SERVER_URL = ""
DEFAULT_SYNC_INTERVAL_MINUTES = 5
MIN_SYNC_INTERVAL_MINUTES = 1
MAX_SYNC_INTERVAL_MINUTES = 60
DEFAULT_LANGUAGE = "nl"
LANGUAGES = {"nl": "Nederlands"}


class Settings:
    """The settings of one profile. Values are read and written through typed properties.

    Nothing secret is ever stored here: no passphrase, key or token.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._upgrade()

    def _upgrade(self) -> None:
        version = int(self._qs.value("meta/version", 0) or 0)
        if version < 1:
            # Version 0 had no settings at all: the defaults apply; only the version is written.
            self._qs.setValue("meta/version", 1)
        self._qs.sync()

    @property
    def version(self) -> int:
        return int(self._qs.value("meta/version", SETTINGS_VERSION))

    # -- idle lock --------------------------------------------------------------------------------

    @property
    def idle_lock_minutes(self) -> int:
        raw = self._qs.value("security/idle_lock_minutes", DEFAULT_IDLE_LOCK_MINUTES)
        try:
            minutes = int(raw)
        except (TypeError, ValueError):
            return DEFAULT_IDLE_LOCK_MINUTES
        return max(MIN_IDLE_LOCK_MINUTES, min(MAX_IDLE_LOCK_MINUTES, minutes))

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, minutes: int) -> None:
        self._qs.setValue("security/idle_lock_minutes", int(minutes))

    # -- server -----------------------------------------------------------------------------------

    @property
    def server_url(self) -> str:
        return str(self._qs.value("sync/server_url", DEFAULT_SERVER_URL) or "")

    @server_url.setter
    def server_url(self, url: str) -> None:
        self._qs.setValue("sync/server_url", url.strip())

    @property
    def sync_interval_minutes(self) -> int:
        """Minutes between two background syncs (F5 syncs at once)."""
        raw = self._qs.value("sync/interval_minutes", DEFAULT_SYNC_INTERVAL_MINUTES)
        try:
            minutes = int(raw)
        except (TypeError, ValueError):
            return DEFAULT_SYNC_INTERVAL_MINUTES
        return max(MIN_SYNC_INTERVAL_MINUTES, min(MAX_SYNC_INTERVAL_MINUTES, minutes))

    @sync_interval_minutes.setter
    def sync_interval_minutes(self, minutes: int) -> None:
        self._qs.setValue("sync/interval_minutes", int(minutes))

    # -- language ---------------------------------------------------------------------------------

    @property
    def language(self) -> str:
        value = str(self._qs.value("ui/language", DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, code: str) -> None:
        self._qs.setValue("ui/language", code if code in LANGUAGES else DEFAULT_LANGUAGE)

    # -- window geometry --------------------------------------------------------------------------

    @property
    def main_window_geometry(self) -> QByteArray | None:
        value = self._qs.value("ui/main_window_geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @main_window_geometry.setter
    def main_window_geometry(self, geometry: QByteArray) -> None:
        self._qs.setValue("ui/main_window_geometry", geometry)

    def sync(self) -> None:
        self._qs.sync()


def is_valid_server_url(url: str) -> bool:
    """An empty address (no server), an https address, or http to this computer itself (development);
    never credentials in it."""
    from sync.client import is_loopback_host

    url = url.strip()
    if not url:
        return True
    if not (url.startswith("https://") or url.startswith("http://")):
        return False
    rest = url.split("://", 1)[1]
    host = rest.split("/", 1)[0]
    if not host or "@" in host or " " in url:
        return False
    return url.startswith("https://") or is_loopback_host(urlsplit(url).hostname or "")

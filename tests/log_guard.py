"""A guard around every test: no BSN, passphrase, key or token may reach a log record.

Installed by tests/conftest.py as an autouse fixture, so the whole suite doubles as a log scan.
"""

from __future__ import annotations

import logging
import re

from desktop.models.law import is_valid_bsn

# Nine digits standing on their own; digits inside a hex hash or a UUID are not a BSN.
BSN_SHAPED = re.compile(r"(?<![0-9a-fA-F.,:/-])\d{9}(?![0-9a-fA-F.,:/-])")
HEX_KEY = re.compile(r"\b[0-9a-fA-F]{64}\b")
BEARER = re.compile(r"Bearer\s+[A-Za-z0-9._~+/=-]{16,}")
WATCHED_LOGGERS = ("desktop", "sync", "vangnet", "uvicorn", "fastapi")
# uvicorn configures these with propagate=False, so the root logger never sees their records.
NON_PROPAGATING = ("uvicorn.error", "uvicorn.access")


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.messages: list[tuple[str, str]] = []
        self._seen: set[int] = set()

    def emit(self, record: logging.LogRecord) -> None:
        # Attached to the root and to loggers that do not propagate (uvicorn's): count each record once.
        if id(record) in self._seen:
            return
        self._seen.add(id(record))
        try:
            text = record.getMessage()
        except Exception:  # a broken format string is not this guard's business
            text = str(record.msg)
        if record.exc_info and record.exc_info[1] is not None:
            text += " " + str(record.exc_info[1])
        self.messages.append((record.name, text))


def leaks_in(text: str, secrets: tuple[str, ...]) -> list[str]:
    found = [f"BSN-achtig nummer ({len(m)} cijfers)" for m in BSN_SHAPED.findall(text) if is_valid_bsn(m)]
    if HEX_KEY.search(text):
        found.append("sleutel in hex")
    if BEARER.search(text):
        found.append("toegangstoken")
    found += ["wachtwoord" for secret in secrets if secret and secret in text]
    return found


class LogGuard:
    def __init__(self, secrets: tuple[str, ...]) -> None:
        self.secrets = secrets
        self.collector = _Collector()
        self._levels: dict[str, int] = {}

    def __enter__(self) -> LogGuard:
        logging.getLogger().addHandler(self.collector)
        for name in WATCHED_LOGGERS + NON_PROPAGATING:
            logging.getLogger(name).addHandler(self.collector)
        for name in WATCHED_LOGGERS:
            logger = logging.getLogger(name)
            self._levels[name] = logger.level
            if logger.level == logging.NOTSET or logger.level > logging.DEBUG:
                logger.setLevel(logging.DEBUG)
        return self

    def __exit__(self, *exc_info) -> None:
        logging.getLogger().removeHandler(self.collector)
        for name in WATCHED_LOGGERS + NON_PROPAGATING:
            logging.getLogger(name).removeHandler(self.collector)
        for name, level in self._levels.items():
            logging.getLogger(name).setLevel(level)

    def problems(self) -> list[str]:
        result = []
        for logger_name, text in self.collector.messages:
            for leak in leaks_in(text, self.secrets):
                result.append(f"{leak} in een logregel van {logger_name}")
        return result

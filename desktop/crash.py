"""The global exception hook: log the error, show a dialog with 'details kopiëren', never crash silently.

The details hold the exception type and the code locations only: exception messages can carry personal
data (a name in a query parameter, say), so they are left out, except for Vangnet's own errors whose
messages are written to be safe. ``VANGNET_NO_CRASH_DIALOG=1`` turns the dialog off (tests).
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6 import __version__ as qt_version

from desktop.errors import VangnetError
from desktop.models.errors import DomainError

log = logging.getLogger(__name__)

NO_DIALOG_ENV = "VANGNET_NO_CRASH_DIALOG"

_installed_previous: Callable | None = None
_show_dialog: bool = True
# Errors caught while the dialog is off; tests read these to fail loudly.
caught: list[BaseException] = []


def safe_details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """A report a user may paste into an e-mail: versions, exception type and stack frames, no data."""
    version = app_version()
    lines = [
        f"Vangnet {version}",
        f"Python {platform.python_version()}, PySide6 {qt_version}, {platform.system()} {platform.release()}",
        "",
        f"Fout: {exc_type.__module__}.{exc_type.__qualname__}",
    ]
    # A domain message may name the pupil it is about: meant for the user at the screen, not for a report.
    if isinstance(exc, VangnetError) and not isinstance(exc, DomainError):
        lines.append(f"Melding: {exc.message}")
    lines.append("")
    lines.append("Plaats in de programmacode (meest recente laatst):")
    for frame in traceback.extract_tb(tb):
        filename = _short_path(frame.filename)
        lines.append(f"  {filename}:{frame.lineno} in {frame.name}")
    cause = exc.__cause__ or exc.__context__
    if cause is not None and cause is not exc:
        lines.append(f"Veroorzaakt door: {type(cause).__module__}.{type(cause).__qualname__}")
    return "\n".join(lines)


def app_version() -> str:
    from desktop.version import version

    return version()


def _short_path(filename: str) -> str:
    # Only the part from the package onwards: the home folder contains the user's name.
    normalised = filename.replace("\\", "/")
    for marker in ("/desktop/", "/sync/", "/site-packages/", "/lib/python"):
        if marker in normalised:
            return marker.strip("/") + "/" + normalised.split(marker, 1)[1]
    return os.path.basename(normalised)


def handle_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        if _installed_previous is not None:
            _installed_previous(exc_type, exc, tb)
        return
    details = safe_details(exc_type, exc, tb)
    log.error("Onverwachte fout\n%s", details)
    if not _show_dialog or os.environ.get(NO_DIALOG_ENV) == "1":
        caught.append(exc)
        return
    try:
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is None:
            sys.stderr.write(details + "\n")
            return
        from desktop.views.crash_dialog import CrashDialog

        dialog = CrashDialog(details)
        dialog.exec()
    except Exception:  # the dialog itself must never raise out of the hook
        sys.stderr.write(details + "\n")


def install(show_dialog: bool | None = None) -> None:
    """Install the hook (once). ``show_dialog=False`` or the environment flag suppresses the dialog."""
    global _installed_previous, _show_dialog
    if show_dialog is not None:
        _show_dialog = show_dialog
    if sys.excepthook is not handle_exception:
        _installed_previous = sys.excepthook
        sys.excepthook = handle_exception


def uninstall() -> None:
    global _installed_previous
    if sys.excepthook is handle_exception and _installed_previous is not None:
        sys.excepthook = _installed_previous
    _installed_previous = None

"""Starting the desktop application: Qt, Dutch translations, the exception hook, unlock, main window."""

from __future__ import annotations

import logging
import os
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import event

from desktop import crash
from desktop.errors import VangnetError
from desktop.models.search_index import ensure_search_index
from desktop.models.store import Profile, Store
from desktop.paths import resource_path

log = logging.getLogger(__name__)

PASSPHRASE_ENV = "VANGNET_PASSPHRASE"  # noqa: S105 - the name of a variable, not a secret
SMOKE_TIMEOUT_MS = 60_000
PAGE_CACHE_MIB = 48


def open_store(profile: Profile, passphrase: str) -> Store:
    """Unlock (key derivation, migrations) and make sure the search index is there; runs off the GUI thread."""
    from desktop.models.outbox import ensure_outbox

    # The full page check, when it is due, is started by the main window on the background lane.
    store = profile.unlock(passphrase, background_check=False)
    try:
        # Every edit from now on is queued for the server in its own transaction, also before a
        # server is set up: nothing made offline is left behind.
        ensure_outbox(store)
        enlarge_page_cache(store)
        # Table and triggers only; the full count check runs in the background once the window is up.
        ensure_search_index(store.engine, verify_counts=False)
    except BaseException:
        store.close()
        raise
    return store


def enlarge_page_cache(store: Store, mebibytes: int = PAGE_CACHE_MIB) -> None:
    """A larger page cache per connection: every page read from SQLCipher is decrypted and checked, so
    re-reading pages while sorting a list of 50,000 cases costs far more than with plain SQLite."""

    def on_connect(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA cache_size = -{int(mebibytes) * 1024}")
        finally:
            cursor.close()

    event.listen(store.engine, "connect", on_connect)
    # Connections opened while unlocking (migration check) get the setting by being reopened.
    store.engine.dispose()


def install_translations(app) -> list:
    """Qt's own Dutch strings (OK/Annuleren, date pickers) and Vangnet's translation when compiled."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from desktop.views.common import DUTCH

    QLocale.setDefault(DUTCH)
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase_nl", qt_dir), ("vangnet_nl", str(resource_path("translations")))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def install_fonts() -> None:
    from PySide6.QtGui import QFontDatabase

    fonts = resource_path("fonts")
    if fonts.exists():
        for font in sorted(fonts.glob("*.ttf")):
            QFontDatabase.addApplicationFont(str(font))


def make_application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Vangnet")
    app.setOrganizationName("Vangnet")
    app.setApplicationDisplayName("Vangnet")
    install_fonts()
    install_translations(app)
    icon = resource_path("icons", "vangnet.svg")
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_gui(data_dir: Path, smoke_test: bool = False, passphrase: str | None = None) -> int:
    """Run the desktop application on the profile in ``data_dir``; returns the exit code.

    With ``smoke_test``: offscreen, unlock with ``VANGNET_PASSPHRASE``, open the main window, load the
    worklist and exit 0, or non-zero on any failure.
    """
    if smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    started = time.perf_counter()
    passphrase = passphrase or os.environ.get(PASSPHRASE_ENV)
    profile = Profile(data_dir)
    # With the passphrase known up front, the key derivation (half a second of Argon2id, which releases the
    # GIL) runs while Qt starts and the windows are imported.
    opening = _open_in_background(profile, passphrase) if passphrase and profile.exists() else None

    app = make_application()
    crash.install(show_dialog=not smoke_test and os.environ.get(crash.NO_DIALOG_ENV) != "1")

    from PySide6.QtWidgets import QMessageBox

    from desktop.operations.context import AppContext
    from desktop.settings import Settings
    from desktop.views.main_window import MainWindow
    from desktop.views.unlock_dialog import UnlockDialog

    if not profile.exists():
        message = f"Er is geen profiel in {data_dir}. Maak er een met 'vangnet init'."
        if smoke_test:
            sys.stderr.write(message + "\n")
        else:
            QMessageBox.critical(None, "Vangnet", message)
        return 2

    store: Store | None = None
    kdf_seconds = 0.0
    if opening is not None:
        waiting = time.perf_counter()
        try:
            store = opening.result()
        except VangnetError as exc:
            if smoke_test:
                sys.stderr.write(exc.message + "\n")
                return 3
            # Fall through to the dialog: it shows the same message after a new attempt.
            log.warning("Ontgrendelen met het opgegeven wachtwoord mislukt: %s", type(exc).__name__)
        kdf_seconds = time.perf_counter() - waiting
    elif smoke_test:
        sys.stderr.write(f"Zet {PASSPHRASE_ENV} voor de rooktest.\n")
        return 3

    if store is None:
        dialog = UnlockDialog(profile, lambda text: open_store(profile, text))
        if dialog.exec() != UnlockDialog.DialogCode.Accepted or dialog.store is None:
            return 1
        store = dialog.store

    settings = Settings(profile.settings_path)
    ctx = AppContext(profile, settings, store)
    window = MainWindow(ctx, lambda text: open_store(profile, text))
    window.show()
    window.start()
    check_search_index_later(ctx)
    usable = time.perf_counter() - started - kdf_seconds
    log.info("Hoofdvenster bruikbaar na %.2f s (zonder sleutelafleiding)", usable)

    if smoke_test:
        return _finish_smoke_test(app, window)
    code = app.exec()
    crash.uninstall()
    return code


def _open_in_background(profile: Profile, passphrase: str) -> Future:
    """Unlock on a worker thread; the caller collects the store (or the error) with ``result()``.

    The one piece of background work outside ``desktop.background``: it starts before the QApplication
    exists, so no Qt signal could carry its answer back, and ``run_gui`` waits for it before the event loop
    runs. A plain future is the honest tool for that.
    """
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ontgrendelen")
    try:
        return executor.submit(open_store, profile, passphrase)
    finally:
        executor.shutdown(wait=False)


def check_search_index_later(ctx) -> None:
    """Compare the search index with the persons table off the GUI thread; rebuild it when out of step."""
    from desktop.background import run_in_background

    store = ctx.store
    if store is None:
        return

    def check() -> bool:
        return ensure_search_index(store.engine) if store.is_open else False

    def failed(exc: BaseException) -> None:
        log.warning("Controle van de zoekindex mislukt: %s", type(exc).__name__)

    run_in_background(check, None, failed, writes=True)


def _finish_smoke_test(app, window) -> int:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    outcome = {"code": 1}

    def loaded(_count: int) -> None:
        outcome["code"] = 0
        loop.quit()

    def failed() -> None:
        sys.stderr.write("De werkvoorraad is niet op tijd geladen.\n")
        loop.quit()

    worklist = window.page("worklist")
    worklist.loaded.connect(loaded)
    if not worklist.loading:
        worklist.reload()
    QTimer.singleShot(SMOKE_TIMEOUT_MS, failed)
    loop.exec()
    if crash.caught:
        sys.stderr.write(f"Onverwachte fout tijdens de rooktest: {type(crash.caught[-1]).__name__}\n")
        outcome["code"] = 4
    window.close()
    app.processEvents()
    crash.uninstall()
    return outcome["code"]

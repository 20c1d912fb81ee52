"""The encrypted local store: a profile folder with a SQLCipher database, its key file and backups.

A profile is opened with :meth:`Profile.unlock`, which returns a :class:`Store`; locking the store closes
every connection and overwrites the key in memory. Nothing in this module ever recreates, overwrites or
deletes a database file because it could not be opened.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import (
    BackupError,
    DatabaseDamaged,
    ProfileExists,
    ProfileInUse,
    ProfileMissing,
    StorageFull,
    TooManyAttempts,
    WrongPassphrase,
)
from desktop.fileio import OWNER_ONLY, atomic_replace, atomic_write_bytes, ensure_private_dir
from desktop.models.keyfile import KdfParams, KeyFile, calibrate, new_database_key
from desktop.models.passphrase import check_passphrase_policy

log = logging.getLogger(__name__)

DB_NAME = "vangnet.db"
KEY_NAME = "sleutel.json"
ATTEMPTS_NAME = "pogingen.json"
LOCK_NAME = ".vangnet.lock"
BACKUP_DIR = "backups"
DEFAULT_KEEP_BACKUPS = 10
BUSY_TIMEOUT_MS = 10_000
# Wrong attempts allowed without waiting; after that the wait doubles up to the cap.
FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 300


def wipe_key(key: bytearray) -> None:
    """Overwrite a key held in memory (a bytearray, so it can be cleared in place)."""
    for index in range(len(key)):
        key[index] = 0


def key_pragma(key: bytes | bytearray) -> str:
    return f"PRAGMA key = \"x'{bytes(key).hex()}'\""


def _register_functions(dbapi_connection: sqlcipher.Connection) -> None:
    # The Dutch collations behind list sorting; an index on persons uses one, so every connection that
    # writes persons (or checks the index) needs them.
    from desktop.models.search_index import register_collations

    register_collations(dbapi_connection)


def _apply_pragmas(dbapi_connection: sqlcipher.Connection) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA secure_delete = ON")
    finally:
        cursor.close()


def open_engine(db_path: Path, key: bytes | bytearray, *, echo: bool = False) -> Engine:
    """An engine on the SQLCipher file ``db_path``; the raw key is set on every new connection.

    The key goes in through a ``connect`` listener placed before SQLAlchemy's own (``insert=True``) so
    that nothing reads the file before it is keyed; it never appears in the URL.
    """
    key_copy = bytes(key)
    engine = create_engine(f"sqlite:///{db_path}", module=sqlcipher, echo=echo)

    def on_connect(dbapi_connection, _record) -> None:
        # Autocommit mode for the pragmas: journal_mode cannot change inside a transaction.
        # cipher_memory_security stays at SQLCipher's default (off): it wipes every freed buffer and
        # costs about half the speed, while SQLCipher clears the key material itself on close.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(key_pragma(key_copy))
        finally:
            cursor.close()
        _apply_pragmas(dbapi_connection)
        _register_functions(dbapi_connection)

    def on_begin(conn) -> None:
        # pysqlite's own transaction handling is switched off above; begin explicitly so that
        # SAVEPOINTs and rollbacks behave as SQLAlchemy expects.
        conn.exec_driver_sql("BEGIN")

    event.listen(engine, "connect", on_connect, insert=True)
    event.listen(engine, "begin", on_begin)
    return engine


class IntegrityStatus:
    """Where the full page check of an open store stands."""

    CHECKED_AT_UNLOCK = "gecontroleerd bij ontgrendelen"
    PENDING = "wacht op controle"
    RUNNING = "bezig"
    OK = "in orde"
    DAMAGED = "beschadigd"
    CANCELLED = "afgebroken"


class Store:
    """An unlocked profile: the engine and a session factory, until :meth:`close`.

    ``integrity`` tells where the full page check stands: done at unlock (after an unclean shutdown or
    a change to the file outside Vangnet), or still to run in the background
    (:meth:`start_integrity_check`). Listeners in ``integrity_listeners`` are called with the final
    status from the thread that ran the check.
    """

    #: Seconds between unlocking and the background check, so that it does not compete with start-up.
    INTEGRITY_CHECK_DELAY = 5.0

    def __init__(self, profile: Profile, key: bytearray, engine: Engine, lock_handle) -> None:
        self.profile = profile
        self._key: bytearray | None = key
        self.engine: Engine | None = engine
        self.Session = sessionmaker(bind=engine, expire_on_commit=False)
        self._lock_handle = lock_handle
        self.integrity = IntegrityStatus.CHECKED_AT_UNLOCK
        self.integrity_listeners: list[Callable[[str], None]] = []
        self._check_started = False
        self._check_done = threading.Event()
        self._check_cancel = threading.Event()
        self._check_connection: sqlcipher.Connection | None = None
        self._check_mutex = threading.Lock()

    def start_outbox(self) -> None:
        """One write path: from now on every change of a synced row in this profile queues its operation
        for the server in the same transaction, whoever makes it (the app, a command, an import)."""
        from desktop.models.outbox import ensure_outbox

        ensure_outbox(self)

    @property
    def is_open(self) -> bool:
        return self.engine is not None

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on any error."""
        if self.engine is None:
            raise ProfileMissing("Het profiel is vergrendeld.")
        with self.Session() as session:
            try:
                yield session
                session.commit()
            except OperationalError as exc:
                session.rollback()
                raise translate_operational_error(exc) from None
            except BaseException:
                session.rollback()
                raise

    def backup(self, keep: int = DEFAULT_KEEP_BACKUPS) -> Path:
        """Copy the database through SQLite's backup API into the backups folder (encrypted with the same key)."""
        if self.engine is None or self._key is None:
            raise BackupError("Het profiel is vergrendeld; er kan geen back-up worden gemaakt.")
        return self.profile.write_backup(self.engine, self._key, keep=keep)

    # -- the deferred full check ------------------------------------------------------------------

    def start_integrity_check(
        self, delay: float | None = None, run: Callable[[Callable[[], None]], object] | None = None
    ) -> None:
        """Run the full page check (``cipher_integrity_check``) off the calling thread, after ``delay``.

        ``run`` starts the work somewhere else: the app passes its one background mechanism
        (``desktop.background``); without it (the command line, which has no Qt) a thread of its own runs it.
        The check reads through a separate read-only connection and never writes the database. A damaged page
        sets ``integrity`` to DAMAGED and makes the next unlock run the full check, which then refuses
        with the Dutch 'beschadigd' message.
        """
        if self.engine is None or self._key is None or self._check_started:
            return
        if self.integrity != IntegrityStatus.PENDING:
            return
        wait = self.INTEGRITY_CHECK_DELAY if delay is None else delay
        key = bytearray(self._key)
        self._check_started = True

        def check() -> None:
            self._run_integrity_check(key, wait)

        if run is None:
            threading.Thread(target=check, name="vangnet-integriteit", daemon=True).start()
        else:
            run(check)

    def wait_for_integrity_check(self, timeout: float | None = None) -> str:
        """Wait for a running background check (for tests and the command line); returns the status."""
        if self._check_started:
            self._check_done.wait(timeout)
        return self.integrity

    def _run_integrity_check(self, key: bytearray, delay: float) -> None:
        try:
            if self._check_cancel.wait(delay):
                self.integrity = IntegrityStatus.CANCELLED
                return
            self.integrity = IntegrityStatus.RUNNING
            # A page caught half-written by a checkpoint can fail its check once: look again before
            # calling the file damaged.
            for _attempt in range(2):
                problems = self._pages_with_problems(key)
                if problems is None:
                    self.integrity = IntegrityStatus.CANCELLED
                    return
                if not problems:
                    self.integrity = IntegrityStatus.OK
                    break
            else:
                self.integrity = IntegrityStatus.DAMAGED
                log.error("De volledige controle vond beschadigde pagina's in het databasebestand")
                if self._lock_handle is not None:
                    _write_session_state(self._lock_handle, {"state": "damaged"})
        except Exception as exc:  # the check must never take the app down
            self.integrity = IntegrityStatus.CANCELLED
            log.warning("Volledige controle van de database niet uitgevoerd: %s", type(exc).__name__)
        finally:
            wipe_key(key)
            self._check_done.set()
        for listener in list(self.integrity_listeners):
            try:
                listener(self.integrity)
            except Exception:
                log.exception("Melding over de databasecontrole kon niet worden afgeleverd")

    def _pages_with_problems(self, key: bytearray) -> list | None:
        """The rows of cipher_integrity_check (empty when intact); None when the check was cancelled."""
        uri = f"{self.profile.db_path.resolve().as_uri()}?mode=ro"
        connection = sqlcipher.connect(uri, uri=True, check_same_thread=False)
        try:
            with self._check_mutex:
                if self._check_cancel.is_set():
                    return None
                self._check_connection = connection
            connection.execute(key_pragma(key))
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            try:
                return connection.execute("PRAGMA cipher_integrity_check").fetchall()
            except sqlcipher.OperationalError:
                if self._check_cancel.is_set():
                    return None
                raise
            except sqlcipher.DatabaseError:
                return ["onleesbaar"]
        finally:
            with self._check_mutex:
                self._check_connection = None
            connection.close()

    def _stop_integrity_check(self) -> None:
        self._check_cancel.set()
        with self._check_mutex:
            if self._check_connection is not None:
                self._check_connection.interrupt()
        if self._check_started:
            self._check_done.wait(30)

    def close(self) -> None:
        """Lock: close every connection, overwrite the key in memory and release the profile.

        A clean close records the database file's size and modification time in the lock file, so that
        the next unlock can skip the full page check when nothing touched the file in between.
        """
        self._stop_integrity_check()
        if self.engine is not None:
            with contextlib.suppress(Exception), self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            self.engine.dispose()
            self.engine = None
        if self._key is not None:
            wipe_key(self._key)
            self._key = None
        if self._lock_handle is not None:
            if self.integrity != IntegrityStatus.DAMAGED:
                _write_session_state(self._lock_handle, _closed_state(self.profile.db_path))
            _release_lock(self._lock_handle)
            self._lock_handle = None

    lock = close

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def translate_operational_error(exc: OperationalError) -> Exception:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    if "full" in text.lower():
        return StorageFull(
            "De schijf of de database is vol; de wijziging is niet opgeslagen en er is niets verloren gegaan."
        )
    return exc


class Profile:
    """A profile folder. Creating, unlocking and changing the passphrase go through here."""

    def __init__(self, path: Path | str, *, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self._clock = clock

    @property
    def db_path(self) -> Path:
        return self.path / DB_NAME

    @property
    def key_path(self) -> Path:
        return self.path / KEY_NAME

    @property
    def attempts_path(self) -> Path:
        return self.path / ATTEMPTS_NAME

    @property
    def backup_dir(self) -> Path:
        return self.path / BACKUP_DIR

    @property
    def settings_path(self) -> Path:
        return self.path / "instellingen.ini"

    def exists(self) -> bool:
        return self.key_path.exists() and self.db_path.exists()

    # -- creating ---------------------------------------------------------------------------------

    def create(self, passphrase: str, *, kdf: KdfParams | None = None, migrate: bool = True) -> Store:
        """Create a new profile with ``passphrase`` and return it unlocked."""
        if self.key_path.exists() or self.db_path.exists():
            raise ProfileExists(f"Er bestaat al een profiel in {self.path}.")
        check_passphrase_policy(passphrase)
        ensure_private_dir(self.path)
        ensure_private_dir(self.backup_dir)
        lock_handle = _acquire_lock(self.path / LOCK_NAME)
        try:
            key = new_database_key()
            KeyFile.wrap(bytes(key), passphrase, kdf or calibrate()).save(self.key_path)
            engine = open_engine(self.db_path, key)
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA user_version")
            os.chmod(self.db_path, OWNER_ONLY)
            store = Store(self, key, engine, lock_handle)
        except BaseException:
            _release_lock(lock_handle)
            raise
        if migrate:
            from desktop.models.migrate import upgrade

            upgrade(store, backup_first=False)
            store.start_outbox()
        return store

    # -- unlocking --------------------------------------------------------------------------------

    def _read_attempts(self) -> dict:
        try:
            return json.loads(self.attempts_path.read_text("utf-8"))
        except (FileNotFoundError, ValueError):
            return {"failures": 0, "last": 0.0}

    def _write_attempts(self, failures: int) -> None:
        state = {"failures": failures, "last": self._clock()}
        atomic_write_bytes(self.attempts_path, json.dumps(state).encode("utf-8"))

    def wait_before_next_attempt(self) -> float:
        """Seconds to wait before another passphrase may be tried (0 when none)."""
        state = self._read_attempts()
        failures = int(state.get("failures", 0))
        if failures < FREE_ATTEMPTS:
            return 0.0
        delay = min(MAX_DELAY_SECONDS, 2 ** (failures - FREE_ATTEMPTS + 1))
        remaining = float(state.get("last", 0.0)) + delay - self._clock()
        return max(0.0, remaining)

    def _unwrap(self, passphrase: str) -> bytearray:
        if not self.key_path.exists() or not self.db_path.exists():
            raise ProfileMissing(f"Er is geen profiel in {self.path}. Maak er een met 'vangnet init'.")
        wait = self.wait_before_next_attempt()
        if wait > 0:
            raise TooManyAttempts(
                f"Te veel onjuiste pogingen. Probeer het over {int(wait + 0.999)} seconden opnieuw.", wait
            )
        try:
            key = KeyFile.load(self.key_path).unwrap(passphrase)
        except WrongPassphrase:
            failures = int(self._read_attempts().get("failures", 0)) + 1
            self._write_attempts(failures)
            raise
        if self.attempts_path.exists():
            self.attempts_path.unlink()
        return key

    def unlock(self, passphrase: str, *, migrate: bool = True, background_check: bool = True) -> Store:
        """Open the profile. Raises WrongPassphrase, TooManyAttempts, DatabaseDamaged or ProfileInUse.

        The full page check runs at unlock after an unclean shutdown (or when the file changed since
        the last clean close); otherwise a cheap check runs now and, with ``background_check``, the
        full one a few seconds later off the calling thread (see :meth:`Store.start_integrity_check`).
        """
        key = self._unwrap(passphrase)
        lock_handle = _acquire_lock(self.path / LOCK_NAME)
        try:
            # After a clean close with the file untouched since, only a cheap check: the full page check
            # costs about a second and a half on a full region and follows in the background.
            full = not _closed_cleanly(_read_session_state(lock_handle), self.db_path)
            verify_database(self.db_path, key, full=full)
            _write_session_state(lock_handle, {"state": "open"})
            engine = open_engine(self.db_path, key)
            store = Store(self, key, engine, lock_handle)
            store.integrity = IntegrityStatus.CHECKED_AT_UNLOCK if full else IntegrityStatus.PENDING
        except BaseException:
            _release_lock(lock_handle)
            raise
        if migrate:
            from desktop.models.migrate import upgrade

            try:
                upgrade(store, backup_first=True)
            except BaseException:
                store.close()
                raise
            store.start_outbox()
        if background_check:
            store.start_integrity_check()
        return store

    def change_passphrase(self, old: str, new: str, *, kdf: KdfParams | None = None) -> None:
        """Re-wrap the database key under ``new``; the database itself is not touched."""
        check_passphrase_policy(new)
        key = self._unwrap(old)
        try:
            params = kdf or KeyFile.load(self.key_path).params
            KeyFile.wrap(bytes(key), new, params).save(self.key_path)
        finally:
            wipe_key(key)

    # -- backups ----------------------------------------------------------------------------------

    def backups(self) -> list[Path]:
        """Backups, newest first."""
        if not self.backup_dir.exists():
            return []
        return sorted(self.backup_dir.glob("vangnet-*.db"), reverse=True)

    def write_backup(self, engine: Engine, key: bytes | bytearray, *, keep: int = DEFAULT_KEEP_BACKUPS) -> Path:
        ensure_private_dir(self.backup_dir)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.backup_dir / f"vangnet-{stamp}.db"
        with atomic_replace(target) as temp:
            destination = sqlcipher.connect(str(temp))
            try:
                destination.execute(key_pragma(key))
                raw = engine.raw_connection()
                try:
                    driver = raw.driver_connection
                    assert driver is not None  # a connection just checked out of the pool is open
                    driver.backup(destination)
                finally:
                    raw.close()
                destination.commit()
            except sqlcipher.DatabaseError as exc:
                raise BackupError("De back-up kon niet worden gemaakt.") from exc
            finally:
                destination.close()
        for old in self.backups()[keep:]:
            old.unlink(missing_ok=True)
        return target

    def restore(self, passphrase: str, backup: Path | None = None) -> Path:
        """Put a backup back in place. The current database is kept aside, never deleted.

        Returns the path where the previous database was put aside.
        """
        key = self._unwrap(passphrase)
        chosen = Path(backup) if backup else next(iter(self.backups()), None)
        if chosen is None or not chosen.exists():
            raise BackupError("Er is geen back-up om terug te zetten.")
        lock_handle = _acquire_lock(self.path / LOCK_NAME)
        try:
            try:
                verify_database(chosen, key)
            except DatabaseDamaged:
                raise BackupError(f"De back-up {chosen.name} is beschadigd en kan niet worden teruggezet.") from None
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            aside = self.path / f"{DB_NAME}.vervangen-{stamp}"
            with atomic_replace(self.db_path) as temp:
                shutil.copyfile(chosen, temp)
                if self.db_path.exists():
                    os.replace(self.db_path, aside)
                for suffix in ("-wal", "-shm"):
                    side = Path(str(self.db_path) + suffix)
                    if side.exists():
                        os.replace(side, Path(str(aside) + suffix))
            return aside
        finally:
            _release_lock(lock_handle)
            wipe_key(key)


def verify_database(db_path: Path, key: bytes | bytearray, *, full: bool = True) -> None:
    """Check that ``db_path`` opens with ``key`` and its pages are intact, without writing anything.

    ``full=False`` only reads the first page and the schema (whose pages are authenticated as they are
    decrypted) and checks that the file holds whole pages: milliseconds instead of reading every page.
    Opened read-only and immutable when no write-ahead log is pending, so that not even ``-wal`` or
    ``-shm`` files appear next to a damaged database.
    """
    if not db_path.exists():
        raise ProfileMissing(f"Het databasebestand ontbreekt in {db_path.parent}.")
    wal_pending = Path(str(db_path) + "-wal").exists()
    uri = f"{db_path.resolve().as_uri()}?mode=ro" + ("" if wal_pending else "&immutable=1")
    damaged = DatabaseDamaged(
        "Het databasebestand is beschadigd: het wachtwoord klopt, maar de gegevens zijn niet leesbaar. "
        "U kunt de laatste back-up terugzetten."
    )
    try:
        connection = sqlcipher.connect(uri, uri=True)
    except sqlcipher.DatabaseError:
        raise damaged from None
    try:
        connection.execute(key_pragma(key))
        _register_functions(connection)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if full:
            problems = connection.execute("PRAGMA cipher_integrity_check").fetchall()
        else:
            page_size = int(connection.execute("PRAGMA page_size").fetchone()[0])
            problems = db_path.stat().st_size % page_size != 0
        if problems:
            raise damaged
    except sqlcipher.DatabaseError:
        raise damaged from None
    finally:
        connection.close()


# -- single-instance lock and the clean-shutdown record ----------------------------------------------
#
# The lock file holds a small JSON record: {"state": "open"} while a store is open, and on a clean close
# {"state": "closed"} with the database file's size and modification time. Anything else (a crash, a
# power cut, a file replaced or changed outside Vangnet, damage found in the background) makes the next
# unlock run the full page check.


def _file_fingerprint(db_path: Path) -> dict:
    stat = db_path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _closed_state(db_path: Path) -> dict:
    try:
        return {"state": "closed", **_file_fingerprint(db_path)}
    except OSError:
        return {"state": "open"}


def _closed_cleanly(state: dict, db_path: Path) -> bool:
    if state.get("state") != "closed":
        return False
    if Path(str(db_path) + "-wal").exists():
        return False
    try:
        fingerprint = _file_fingerprint(db_path)
    except OSError:
        return False
    return state.get("size") == fingerprint["size"] and state.get("mtime_ns") == fingerprint["mtime_ns"]


def _read_session_state(handle) -> dict:
    try:
        handle.seek(0)
        value = json.loads(handle.read(4096).decode("utf-8") or "{}")
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _write_session_state(handle, state: dict) -> None:
    """Rewrite the lock file's record in place (the byte-range lock on Windows covers byte 0 only)."""
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(state).encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())
    except OSError as exc:
        # Without the record the next unlock simply runs the full check.
        log.warning("Afsluitstatus niet vastgelegd: %s", type(exc).__name__)


def _acquire_lock(path: Path):
    handle = open(path, "a+b")  # noqa: SIM115 - held open for the lifetime of the store
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise ProfileInUse("Dit profiel is al geopend in een ander venster of programma van Vangnet.") from None
    return handle


def _release_lock(handle) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    handle.close()


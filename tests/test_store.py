"""The encrypted store: unlocking, errors that change nothing, key hygiene, backups and disk-full."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sqlite3
import stat
import tempfile
import time

import pytest
from sqlalchemy import text

from desktop.errors import (
    BackupError,
    DatabaseDamaged,
    ProfileInUse,
    StorageFull,
    TooManyAttempts,
    WeakPassphrase,
    WrongPassphrase,
)
from desktop.models.keyfile import MIN_MEMORY_KIB, MIN_TIME_COST, KdfParams, KeyFile
from desktop.models.store import Profile, open_engine, verify_database
from tests.conftest import PASSPHRASE


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder) -> dict[str, str]:
    return {str(p.relative_to(folder)): sha256(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def make_table(store, rows: int = 50) -> None:
    with store.session() as session:
        session.execute(text("CREATE TABLE notitie (id INTEGER PRIMARY KEY, tekst TEXT NOT NULL)"))
        for number in range(rows):
            session.execute(text("INSERT INTO notitie (tekst) VALUES (:t)"), {"t": f"regel {number} " + "x" * 200})


def count_rows(store) -> int:
    with store.session() as session:
        return session.execute(text("SELECT count(*) FROM notitie")).scalar_one()


def test_unlock_lock_and_reopen(profile, store):
    make_table(store)
    store.close()
    assert not store.is_open
    with pytest.raises(Exception, match="vergrendeld"), store.session():
        pass
    reopened = profile.unlock(PASSPHRASE)
    try:
        assert count_rows(reopened) == 50
        with reopened.session() as session:
            assert session.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
            assert session.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL
            assert session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
            assert session.execute(text("PRAGMA secure_delete")).scalar_one() == 1
            assert session.execute(text("PRAGMA busy_timeout")).scalar_one() >= 1000
    finally:
        reopened.close()


def test_plain_sqlite_cannot_read_the_database(profile, store):
    make_table(store)
    store.close()
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(profile.db_path).execute("SELECT * FROM sqlite_master").fetchall()


def test_files_are_owner_only(profile, store):
    for path in (profile.key_path, profile.db_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(profile.path.stat().st_mode) == 0o700


def test_key_file_stores_argon2id_parameters_at_or_above_minimum(profile, store):
    document = json.loads(profile.key_path.read_text())
    assert document["kdf"]["name"] == "argon2id"
    assert document["kdf"]["memory_kib"] >= MIN_MEMORY_KIB >= 19 * 1024
    assert document["kdf"]["time_cost"] >= MIN_TIME_COST >= 2
    assert document["cipher"] == "aes-256-gcm"
    with pytest.raises(ValueError):
        KdfParams(memory_kib=8 * 1024, time_cost=1)


def test_lowered_kdf_parameters_in_the_key_file_are_refused(profile, store):
    store.close()
    document = json.loads(profile.key_path.read_text())
    document["kdf"]["time_cost"] = 3
    profile.key_path.write_text(json.dumps(document))
    with pytest.raises(WrongPassphrase):
        profile.unlock(PASSPHRASE)


def test_wrong_passphrase_changes_nothing(profile, store):
    make_table(store)
    store.close()
    before = listing(profile.path)
    with pytest.raises(WrongPassphrase, match="wachtwoord is onjuist"):
        profile.unlock("dit is het verkeerde wachtwoord")
    after = listing(profile.path)
    after.pop("pogingen.json")
    assert after == before


def test_growing_delay_survives_a_restart(tmp_path):
    now = [1_000_000.0]
    profile = Profile(tmp_path / "p", clock=lambda: now[0])
    profile.create(PASSPHRASE, kdf=KdfParams.minimum()).close()
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            profile.unlock("helemaal verkeerd wachtwoord")
    # A new program start: a new Profile object reads the counter from disk.
    restarted = Profile(tmp_path / "p", clock=lambda: now[0])
    with pytest.raises(TooManyAttempts) as first:
        restarted.unlock(PASSPHRASE)
    assert "seconden" in first.value.message
    now[0] += first.value.wait_seconds + 0.1
    with pytest.raises(WrongPassphrase):
        restarted.unlock("weer een verkeerd wachtwoord")
    with pytest.raises(TooManyAttempts) as second:
        restarted.unlock(PASSPHRASE)
    assert second.value.wait_seconds > first.value.wait_seconds
    now[0] += second.value.wait_seconds + 0.1
    restarted.unlock(PASSPHRASE).close()
    assert restarted.wait_before_next_attempt() == 0


def test_damaged_page_gives_its_own_error_and_changes_nothing(profile, store):
    make_table(store, rows=400)
    store.close()
    data = bytearray(profile.db_path.read_bytes())
    assert len(data) > 8 * 4096
    data[5 * 4096 + 1000] ^= 0x5A
    profile.db_path.write_bytes(bytes(data))
    before = listing(profile.path)
    with pytest.raises(DatabaseDamaged, match="beschadigd") as error:
        profile.unlock(PASSPHRASE)
    assert "back-up" in error.value.message
    assert not isinstance(error.value, WrongPassphrase)
    assert listing(profile.path) == before


def test_no_key_or_passphrase_left_on_disk(profile, store):
    started = time.time()
    make_table(store)
    store.backup()
    store.close()
    profile.unlock(PASSPHRASE).close()
    key = bytes(KeyFile.load(profile.key_path).unwrap(PASSPHRASE))
    needles = [
        key, key.hex().encode(), key.hex().upper().encode(), base64.b64encode(key),
        base64.urlsafe_b64encode(key), PASSPHRASE.encode(), PASSPHRASE.encode("utf-16-le"),
    ]
    scanned = 0
    candidates = list(profile.path.rglob("*"))
    for entry in os.scandir(tempfile.gettempdir()):
        if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime >= started - 1:
            candidates.append(__import__("pathlib").Path(entry.path))
    for path in candidates:
        if path.is_file() and path.stat().st_size < 50_000_000:
            content = path.read_bytes()
            scanned += 1
            for needle in needles:
                assert needle not in content, f"geheim gevonden in {path.name}"
    assert scanned >= 3


def test_change_passphrase_keeps_data_and_retires_the_old_one(profile, store):
    make_table(store)
    store.close()
    database_before = sha256(profile.db_path)
    profile.change_passphrase(PASSPHRASE, "een heel ander lang wachtwoord", kdf=KdfParams.minimum())
    assert sha256(profile.db_path) == database_before
    with pytest.raises(WrongPassphrase):
        profile.unlock(PASSPHRASE)
    reopened = profile.unlock("een heel ander lang wachtwoord")
    try:
        assert count_rows(reopened) == 50
    finally:
        reopened.close()


@pytest.mark.parametrize("weak", ["kort", "wachtwoord123", "WELKOM123456", "aaaaaaaaaaaaaaaa"])
def test_passphrase_policy(profile, weak):
    with pytest.raises(WeakPassphrase):
        profile.create(weak, kdf=KdfParams.minimum())
    assert not profile.key_path.exists()


def test_second_unlock_of_an_open_profile_is_refused(profile, store):
    with pytest.raises(ProfileInUse):
        profile.unlock(PASSPHRASE)


def test_backup_and_restore_round_trip(profile, store):
    make_table(store, rows=30)
    backup = store.backup()
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with store.session() as session:
        session.execute(text("DELETE FROM notitie"))
    store.close()
    key = KeyFile.load(profile.key_path).unwrap(PASSPHRASE)
    verify_database(backup, key)
    aside = profile.restore(PASSPHRASE)
    assert aside.exists()
    reopened = profile.unlock(PASSPHRASE)
    try:
        assert count_rows(reopened) == 30
        with reopened.session() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    finally:
        reopened.close()


def test_backups_are_pruned_to_the_newest(profile, store):
    make_table(store, rows=1)
    made = [store.backup(keep=3) for _ in range(5)]
    assert profile.backups() == sorted(made[-3:], reverse=True)


def test_restore_without_backup_is_a_clear_error(profile, store):
    store.close()
    with pytest.raises(BackupError, match="geen back-up"):
        profile.restore(PASSPHRASE)


def test_disk_full_rolls_back_and_keeps_data(profile, store):
    make_table(store, rows=10)
    engine = store.engine
    with engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()
    # Every pooled connection gets the cap, so the next transaction runs into SQLITE_FULL.
    from sqlalchemy import event

    @event.listens_for(engine, "checkout")
    def cap(dbapi_connection, _record, _proxy):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    engine.dispose()
    with pytest.raises(StorageFull, match="vol"), store.session() as session:
        for number in range(2000):
            session.execute(text("INSERT INTO notitie (tekst) VALUES (:t)"), {"t": f"extra {number} " + "y" * 500})
    event.remove(engine, "checkout", cap)
    engine.dispose()
    assert count_rows(store) == 10
    with store.session() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"


def test_engine_key_never_in_url(profile, store):
    assert "x'" not in str(store.engine.url)
    assert store.engine.url.password is None
    engine = open_engine(profile.db_path, b"\0" * 32)
    with pytest.raises(Exception, match="not a database"), engine.connect() as connection:
        connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar_one()
    engine.dispose()


def _spy_checks(monkeypatch) -> list[bool]:
    """Record which kind of check each unlock ran (True: the full page check)."""
    from desktop.models import store as store_module

    calls: list[bool] = []
    real = store_module.verify_database

    def spy(db_path, key, *, full=True):
        calls.append(full)
        return real(db_path, key, full=full)

    monkeypatch.setattr(store_module, "verify_database", spy)
    return calls


def _flip_a_byte_keeping_size_and_time(path, offset: int) -> None:
    """Damage as a failing disk does it: the file's size and modification time stay as they were."""
    before = os.stat(path)
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_after_a_clean_close_unlock_runs_the_cheap_check_and_the_full_one_follows(profile, store, monkeypatch):
    from desktop.models.store import IntegrityStatus

    make_table(store)
    store.close()
    calls = _spy_checks(monkeypatch)
    reopened = profile.unlock(PASSPHRASE, background_check=False)
    try:
        assert calls == [False]
        assert reopened.integrity == IntegrityStatus.PENDING
        heard: list[str] = []
        reopened.integrity_listeners.append(heard.append)
        reopened.start_integrity_check(delay=0)
        assert reopened.wait_for_integrity_check(timeout=60) == IntegrityStatus.OK
        assert heard == [IntegrityStatus.OK]
        assert count_rows(reopened) == 50
    finally:
        reopened.close()


def test_an_unclean_shutdown_or_a_changed_file_gets_the_full_check_at_unlock(profile, store, monkeypatch):
    from desktop.models.store import LOCK_NAME, IntegrityStatus

    make_table(store)
    store.close()
    calls = _spy_checks(monkeypatch)
    # A crash leaves the record of an open session behind.
    (profile.path / LOCK_NAME).write_text('{"state": "open"}')
    reopened = profile.unlock(PASSPHRASE, background_check=False)
    assert reopened.integrity == IntegrityStatus.CHECKED_AT_UNLOCK
    reopened.close()
    # A file put back or copied in from elsewhere no longer matches the clean-close record.
    os.utime(profile.db_path, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
    profile.unlock(PASSPHRASE, background_check=False).close()
    assert calls == [True, True]
    profile.unlock(PASSPHRASE, background_check=False).close()
    assert calls == [True, True, False]


def test_damage_found_in_the_background_is_refused_clearly_at_the_next_unlock(profile, store):
    from desktop.models.store import IntegrityStatus

    make_table(store, rows=400)
    store.close()
    _flip_a_byte_keeping_size_and_time(profile.db_path, 5 * 4096 + 1000)
    reopened = profile.unlock(PASSPHRASE, background_check=False)  # the cheap check reads only the schema
    heard: list[str] = []
    reopened.integrity_listeners.append(heard.append)
    reopened.start_integrity_check(delay=0)
    assert reopened.wait_for_integrity_check(timeout=60) == IntegrityStatus.DAMAGED
    assert heard == [IntegrityStatus.DAMAGED]
    reopened.close()
    before = listing(profile.path)
    with pytest.raises(DatabaseDamaged, match="beschadigd") as error:
        profile.unlock(PASSPHRASE)
    assert "back-up" in error.value.message
    assert listing(profile.path) == before


def test_the_full_check_runs_on_the_runner_it_is_given(profile, store):
    """The app hands the check to its one background mechanism; the store starts no thread of its own then."""
    import threading

    from desktop.models.store import IntegrityStatus

    make_table(store)
    store.close()
    reopened = profile.unlock(PASSPHRASE, background_check=False)
    handed: list[object] = []

    def run(work) -> None:
        handed.append(work)
        threading.Thread(target=work, name="runner-of-the-test").start()

    try:
        heard: list[str] = []
        reopened.integrity_listeners.append(heard.append)
        reopened.start_integrity_check(delay=0, run=run)
        reopened.start_integrity_check(delay=0, run=run)  # once started, a second start does nothing
        assert reopened.wait_for_integrity_check(timeout=60) == IntegrityStatus.OK
        assert len(handed) == 1
        assert heard == [IntegrityStatus.OK]
        assert not any(t.name == "vangnet-integriteit" for t in threading.enumerate())
    finally:
        reopened.close()


def test_locking_stops_a_waiting_background_check(profile, store):
    from desktop.models.store import IntegrityStatus

    store.close()
    reopened = profile.unlock(PASSPHRASE)  # starts the full check after the start-up delay
    assert reopened.integrity == IntegrityStatus.PENDING
    reopened.close()
    assert reopened.wait_for_integrity_check(timeout=60) == IntegrityStatus.CANCELLED

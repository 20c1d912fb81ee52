"""Durability under sudden death: a writer killed with SIGKILL at random moments loses no acknowledged write."""

from __future__ import annotations

import os
import random
import signal
import time

import pytest
from sqlalchemy import text

from desktop.models.keyfile import KdfParams, KeyFile
from desktop.models.store import open_engine, verify_database
from tests.conftest import PASSPHRASE

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")]

KILLS = 200


def _writer(db_path, key: bytes, ack_fd: int, start: int) -> None:
    """Child process: commit rows one by one and acknowledge each after its commit returned."""
    engine = open_engine(db_path, key)
    number = start
    while True:
        with engine.begin() as connection:
            connection.execute(
                text("INSERT INTO schrijf (id, tekst) VALUES (:i, :t)"), {"i": number, "t": "z" * (number % 700)}
            )
            if number % 3 == 0:
                connection.execute(text("UPDATE teller SET waarde = :i"), {"i": number})
        os.write(ack_fd, f"{number}\n".encode())
        number += 1


def _read_acks(read_fd: int, first: bytes = b"") -> list[int]:
    chunks = [first]
    while True:
        chunk = os.read(read_fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    return [int(line) for line in b"".join(chunks).split(b"\n") if line.strip()]


def test_sigkill_at_random_moments_loses_no_acknowledged_write(profile, store):
    with store.session() as session:
        session.execute(text("CREATE TABLE schrijf (id INTEGER PRIMARY KEY, tekst TEXT NOT NULL)"))
        session.execute(text("CREATE TABLE teller (waarde INTEGER NOT NULL)"))
        session.execute(text("INSERT INTO teller VALUES (0)"))
    store.close()
    key = bytes(KeyFile.load(profile.key_path).unwrap(PASSPHRASE))
    rng = random.Random(20261128)
    acknowledged: set[int] = set()
    previous: set[int] = set()
    next_id = 1
    for _ in range(KILLS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            os.close(read_fd)
            try:
                _writer(profile.db_path, key, write_fd, next_id)
            finally:
                os._exit(0)
        os.close(write_fd)
        # The kill falls at a random moment after the writer's first commit, however loaded the machine is.
        first = os.read(read_fd, 65536)
        time.sleep(rng.uniform(0.0, 0.04))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        acks = _read_acks(read_fd, first)
        os.close(read_fd)
        acknowledged.update(acks)

        engine = open_engine(profile.db_path, key)
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
            present = {row[0] for row in connection.exec_driver_sql("SELECT id FROM schrijf")}
            counter = connection.exec_driver_sql("SELECT waarde FROM teller").scalar_one()
        engine.dispose()
        missing = acknowledged - present
        assert not missing, f"bevestigde schrijfacties verdwenen: {sorted(missing)[:5]}"
        # Content is 'before or after': besides its acknowledged rows, the killed writer may have
        # landed at most the one commit whose acknowledgement it did not get to send.
        new_rows = present - previous
        in_flight = max(acks, default=next_id - 1) + 1
        assert new_rows <= set(acks) | {in_flight}
        assert counter in present or counter == 0
        previous = present
        next_id = max(present, default=0) + 1
    verify_database(profile.db_path, key)
    assert len(acknowledged) >= KILLS  # every round committed at least once before its kill


def test_key_file_rewrite_killed_midway_leaves_old_or_new(profile, store):
    store.close()
    rng = random.Random(7)
    passphrases = ["een lange zin als wachtwoord", "tweede lange zin als wachtwoord"]
    key = bytes(KeyFile.load(profile.key_path).unwrap(PASSPHRASE))
    for _ in range(25):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            try:
                turn = 0
                while True:
                    KeyFile.wrap(key, passphrases[turn % 2], KdfParams.minimum()).save(profile.key_path)
                    turn += 1
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        loaded = KeyFile.load(profile.key_path)
        unwrapped = []
        for candidate in passphrases:
            try:
                unwrapped.append(bytes(loaded.unwrap(candidate)))
            except Exception:  # noqa: S112 - the other passphrase is the one in force
                continue
        assert unwrapped == [key]
    leftovers = [p.name for p in profile.path.iterdir() if p.name.endswith(".tmp")]
    # A temp file from a killed writer may remain, but the key file itself is always whole.
    assert all(name.startswith(".sleutel.json.") for name in leftovers)

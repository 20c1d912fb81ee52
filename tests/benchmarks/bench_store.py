"""The encrypted store: unlock (KDF) and open time, and SQLCipher against plain SQLite on one workload.

Run: `.venv/bin/python -m tests.benchmarks store [--rows N]`. Target: SQLCipher ≤ 1.5 × plain SQLite.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, event, text

from desktop.models.keyfile import KeyFile, calibrate
from desktop.models.store import Profile, _apply_pragmas, open_engine
from tests.benchmarks.report import figure

PASSPHRASE = "benchmark wachtwoord lang genoeg"


def plain_engine(path: Path):
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        _apply_pragmas(dbapi_connection)

    @event.listens_for(engine, "begin")
    def on_begin(conn):
        conn.exec_driver_sql("BEGIN")

    return engine


def workload(engine, rows: int) -> tuple[float, float]:
    with engine.begin() as connection:
        connection.execute(text(
            "CREATE TABLE persoon (id INTEGER PRIMARY KEY, naam TEXT, geboren TEXT, gemeente TEXT, notitie TEXT)"
        ))
        connection.execute(text("CREATE INDEX ix_naam ON persoon (naam)"))
        connection.execute(text("CREATE INDEX ix_gemeente_geboren ON persoon (gemeente, geboren)"))
    started = time.perf_counter()
    batch = 1000
    for start in range(0, rows, batch):
        with engine.begin() as connection:
            connection.execute(
                text("INSERT INTO persoon (naam, geboren, gemeente, notitie) VALUES (:n, :g, :m, :t)"),
                [
                    {"n": f"Achternaam{i % 5000:05d}", "g": f"20{i % 20:02d}-0{1 + i % 9}-1{i % 10}",
                     "m": f"GM0{500 + i % 10}", "t": "x" * (200 + i % 300)}
                    for i in range(start, min(start + batch, rows))
                ],
            )
    insert_seconds = time.perf_counter() - started
    started = time.perf_counter()
    with engine.connect() as connection:
        for i in range(2000):
            connection.execute(text("SELECT id, naam FROM persoon WHERE naam = :n"), {"n": f"Achternaam{i:05d}"}).all()
        for i in range(50):
            connection.execute(text(
                "SELECT gemeente, count(*) FROM persoon WHERE geboren BETWEEN :a AND :b GROUP BY gemeente"
            ), {"a": f"20{i % 20:02d}-01-01", "b": f"20{i % 20:02d}-12-31"}).all()
        connection.execute(text("SELECT count(*), sum(length(notitie)) FROM persoon")).one()
    query_seconds = time.perf_counter() - started
    return insert_seconds, query_seconds


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench store")
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        params = calibrate()
        figure("Argon2id kalibreren bij aanmaken", time.perf_counter() - started, "s")
        print(f"  gekozen parameters: {params.memory_kib // 1024} MiB, t={params.time_cost}")
        profile = Profile(Path(folder) / "p")
        profile.create(PASSPHRASE, kdf=params).close()
        kdf_times, open_times = [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            key = KeyFile.load(profile.key_path).unwrap(PASSPHRASE)
            kdf_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            store = profile.unlock(PASSPHRASE)
            with store.session() as session:
                session.execute(text("SELECT count(*) FROM sqlite_master")).one()
            open_times.append(time.perf_counter() - started - kdf_times[-1])
            store.close()
            del key
        figure("ontgrendelen: sleutelafleiding (KDF)", statistics.median(kdf_times), "s", 0.5)
        figure("openen na ontgrendelen (controle + migratiecheck)", statistics.median(open_times), "s")

        cipher_totals, plain_totals = [], []
        for round_number in range(args.repeat):
            key = bytes(range(32))
            cipher = open_engine(Path(folder) / f"c{round_number}.db", key)
            plain = plain_engine(Path(folder) / f"p{round_number}.db")
            cipher_totals.append(workload(cipher, args.rows))
            plain_totals.append(workload(plain, args.rows))
            cipher.dispose()
            plain.dispose()
        cipher_insert = statistics.median(t[0] for t in cipher_totals)
        plain_insert = statistics.median(t[0] for t in plain_totals)
        cipher_query = statistics.median(t[1] for t in cipher_totals)
        plain_query = statistics.median(t[1] for t in plain_totals)
        figure(f"SQLite: {args.rows} rijen invoegen", plain_insert, "s")
        figure(f"SQLCipher: {args.rows} rijen invoegen", cipher_insert, "s")
        figure("SQLite: 2050 zoekvragen", plain_query, "s")
        figure("SQLCipher: 2050 zoekvragen", cipher_query, "s")
        figure("verhouding SQLCipher/SQLite (invoegen + zoeken)",
               (cipher_insert + cipher_query) / (plain_insert + plain_query), "x", 1.5)

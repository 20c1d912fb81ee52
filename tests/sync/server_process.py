"""The sync server as a real `vangnet-server` process: accounts by the CLI, SIGKILL and restart on one port."""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from tests.sync.conftest import PASSWORD, PG_ADMIN_URL, free_port

ROOT = Path(__file__).resolve().parents[2]
# Settings the developer's shell may carry that would point the process at another database or key.
_OWN_SETTINGS = ("VANGNET_SERVER_SECRET", "VANGNET_DATABASE_URL", "VANGNET_SERVER_DATA")


def server_command() -> list[str]:
    """The installed console script next to this interpreter, else the module."""
    script = Path(sys.executable).with_name("vangnet-server")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sync.server.cli"]


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in _OWN_SETTINGS}


def add_user(database_url: str, data_dir: Path, username: str, role: str, codes: list[str]) -> str:
    """`vangnet-server users add ... --password-stdin`; returns the new account id."""
    args = [*server_command(), "--database-url", database_url, "--data-dir", str(data_dir), "users", "add", username]
    args += ["--role", role, "--display-name", username, "--password-stdin"]
    for code in codes:
        args += ["--gemeente", code]
    done = subprocess.run(
        args, input=PASSWORD + "\n", capture_output=True, text=True, timeout=120, env=_environment(), cwd=ROOT
    )
    if done.returncode != 0:
        raise RuntimeError(f"users add {username} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout.strip().splitlines()[-1]


class ServerProcess:
    """`vangnet-server serve` on a fixed loopback port; kill() is SIGKILL, start() again reuses port and database."""

    def __init__(self, database_url: str, data_dir: Path, log_path: Path, port: int | None = None) -> None:
        self.database_url = database_url
        self.data_dir = data_dir
        self.log_path = log_path
        self.port = port or free_port()
        self.users: dict[str, str] = {}
        self.starts = 0
        self.kills = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout: float = 60.0) -> ServerProcess:
        args = [*server_command(), "--database-url", self.database_url, "--data-dir", str(self.data_dir)]
        args += ["serve", "--host", "127.0.0.1", "--port", str(self.port)]
        with self.log_path.open("ab") as log:
            log.write(f"--- start {self.starts + 1}\n".encode())
            log.flush()
            process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=_environment(), cwd=ROOT)
        with self._lock:
            self._process = process
        self.starts += 1
        deadline = time.monotonic() + timeout
        while not self._healthy():
            if process.poll() is not None:
                raise RuntimeError(f"vangnet-server exited with {process.returncode}:\n{self.log_tail()}")
            if time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(f"vangnet-server did not answer within {timeout} s:\n{self.log_tail()}")
            time.sleep(0.02)
        return self

    def _healthy(self) -> bool:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1.0)
        try:
            conn.request("GET", "/api/v1/health")
            return conn.getresponse().status == 200
        except OSError:
            return False
        finally:
            conn.close()

    def kill(self) -> bool:
        """SIGKILL (safe from a timer thread); True when a running server was killed."""
        with self._lock:
            process = self._process
            if process is None or process.poll() is not None:
                return False
            with contextlib.suppress(ProcessLookupError):
                os.kill(process.pid, signal.SIGKILL)
            process.wait(30)
            self.kills += 1
            return True

    def stop(self) -> None:
        self.kill()
        with self._lock:
            self._process = None

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def server_errors(self) -> list[str]:
        """Lines of the server log that show a 5xx answer, a traceback or the app's own error line."""
        try:
            log = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return []
        signs = ('" 5', "Traceback", "ERROR", "interne fout")
        return [line for line in log if any(sign in line for sign in signs)]


# -- databases: accounts are made once per backend, every example starts from a copy ------------------
class SqliteTemplate:
    """A server database file with the accounts in it; each example gets its own copy."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / "template.sqlite3"
        self.url = f"sqlite:///{self.path}"

    def copy(self, target: Path) -> str:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.path, target)
        # A WAL left by the account commands belongs with the file.
        wal = self.path.with_name(self.path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, target.with_name(target.name + "-wal"))
        return f"sqlite:///{target}"

    def release(self, _url: str) -> None:
        return

    def close(self) -> None:
        return


class PostgresTemplate:
    """A PostgreSQL database with the accounts in it; each example gets `CREATE DATABASE ... TEMPLATE` of it.

    Every database made here is dropped again by release() and close().
    """

    def __init__(self) -> None:
        self.prefix = "vangnet_soak_" + uuid.uuid4().hex[:8]
        self.name = self.prefix + "_tmpl"
        self.admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        self._made: list[str] = []
        self._create(self.name, None)
        self.url = self._url(self.name)

    @staticmethod
    def available() -> bool:
        try:
            engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
            with engine.connect():
                pass
            engine.dispose()
            return True
        except OperationalError:
            return False

    @staticmethod
    def _url(name: str) -> str:
        return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name

    def _create(self, name: str, template: str | None) -> None:
        self._made.append(name)
        clause = f' TEMPLATE "{template}"' if template else ""
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))

    def copy(self, _target: Path) -> str:
        name = f"{self.prefix}_{len(self._made)}"
        self._create(name, self.name)
        return self._url(name)

    def release(self, url: str) -> None:
        self._drop(url.rsplit("/", 1)[-1])

    def _drop(self, name: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        if name in self._made:
            self._made.remove(name)

    def close(self) -> None:
        for name in list(reversed(self._made)):
            with contextlib.suppress(Exception):
                self._drop(name)
        self.admin.dispose()


ACCOUNTS = (
    ("anna", "consultant", ["GM0505"]),
    ("bram", "consultant", ["GM0505"]),
    ("cora", "administrator", ["GM0505"]),
)


@contextlib.contextmanager
def template_database(backend: str, directory: Path) -> Iterator[tuple[SqliteTemplate | PostgresTemplate, dict]]:
    """(template, {username: account id}) with anna, bram (consultants) and cora (administrator) of GM0505."""
    template: SqliteTemplate | PostgresTemplate = (
        SqliteTemplate(directory) if backend == "sqlite" else PostgresTemplate()
    )
    try:
        data = directory / "cli-data"
        first, *rest = ACCOUNTS
        # The first command creates the schema; the others may then run side by side.
        users = {first[0]: add_user(template.url, data, *first)}
        with ThreadPoolExecutor(len(rest)) as pool:
            made = {name: pool.submit(add_user, template.url, data, name, role, codes) for name, role, codes in rest}
        users.update({name: future.result() for name, future in made.items()})
        yield template, users
    finally:
        template.close()

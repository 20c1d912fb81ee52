"""Prepare the demo profile for the local demo server (used by ./run; demo only).

Sets the server address in the profile's settings, queues the demo region (made offline, before any
server existed) for upload once, and signs the device in with the demo account so that the app syncs
without asking. The account's password is read from stdin and never written anywhere; the profile's
passphrase comes from VANGNET_PASSPHRASE. Idempotent: a second run changes nothing that is done.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

UPLOAD_QUEUED_KEY = "demo_upload_queued"


def wait_for_server(url: str, seconds: float = 30.0) -> bool:
    from sync.client import SyncClient, SyncError

    client = SyncClient(url, max_attempts=1)
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            try:
                client.health()
                return True
            except SyncError:
                time.sleep(0.2)
        return False
    finally:
        client.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", required=True, type=Path)
    parser.add_argument("--server-url", required=True)
    parser.add_argument("--username", default="demo")
    args = parser.parse_args(argv)
    password = sys.stdin.readline().rstrip("\n")
    passphrase = os.environ.get("VANGNET_PASSPHRASE", "")
    if not password or not passphrase:
        print("Demo-synchronisatie: wachtwoord (stdin) en VANGNET_PASSPHRASE zijn nodig.", file=sys.stderr)
        return 2

    from desktop.models.base import Base
    from desktop.models.store import Profile
    from desktop.settings import Settings
    from desktop.sync_service import ensure_outbox
    from sync.client import SyncClient, SyncError
    from sync.engine import SyncEngine, get_state, set_state, synced_tables
    from sync.outbox import enqueue_existing
    from sync.server.scope import CASE_FILE_TABLES

    profile = Profile(args.profile)
    settings = Settings(profile.settings_path)
    settings.server_url = args.server_url
    settings.sync()

    store = profile.unlock(passphrase)
    try:
        ensure_outbox(store)
        with store.session() as session:
            if get_state(session, UPLOAD_QUEUED_KEY) is None:
                # The demo account uploads the case files; reference data (gemeenten, scholen,
                # gebruikers) is the system administrator's and stays local.
                tables = [t for name, t in synced_tables(Base.metadata).items() if name in CASE_FILE_TABLES]
                queued = enqueue_existing(session, tables)
                set_state(session, UPLOAD_QUEUED_KEY, "1")
                print(f"Demoregio klaargezet voor de server: {queued} gegevens.", file=sys.stderr)
        if not wait_for_server(args.server_url):
            print("De demoserver reageert niet; de app probeert het later opnieuw.", file=sys.stderr)
            return 0
        engine = SyncEngine(store.Session, SyncClient(args.server_url), Base.metadata)
        if not engine.client.tokens.refresh_token:
            try:
                engine.login(args.username, password, "demo")
            except SyncError as exc:
                print(f"Aanmelden bij de demoserver mislukt: {exc.message}", file=sys.stderr)
                return 1
            from desktop.models.session_user import set_current_user

            tokens = engine.client.tokens
            codes = os.environ.get("VANGNET_DEMO_GEMEENTEN", "").split()
            set_current_user(store, args.username, tokens.role, codes, tokens.device_id, tokens.user_id)
        engine.client.close()
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

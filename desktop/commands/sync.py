"""`vangnet login`, `vangnet sync` and `vangnet status`: synchronising a profile without the app.

For scheduled jobs on office workstations (import at night, then sync) and for support. A round is the
app's round (desktop.sync_service): deletion markers, push, pull, verify when due, then the access log
and the published templates. The server password is read from a terminal or VANGNET_SERVER_PASSWORD
and goes only to the server; the tokens live in the encrypted database, as in the app.

Exit codes of `sync`: 0 done and nothing waiting on a person, 1 done but refused changes or open
conflicts, 2 not done (one Dutch line on stderr says why).
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import platform
import sys
import time
from typing import TYPE_CHECKING, TextIO

from desktop.commands import common
from desktop.commands.common import CliError

if TYPE_CHECKING:
    from sync.client import SyncError

log = logging.getLogger(__name__)

SERVER_PASSWORD_ENV = "VANGNET_SERVER_PASSWORD"  # noqa: S105 - the name of a variable, not a secret
EXIT_ATTENTION = 1
LOGIN_HINT = "vangnet login --server URL --user NAAM"

STATUS_LABELS = {
    "offline": "offline",
    "login_required": "aanmelden nodig",
    "upgrade_required": "nieuwe versie nodig",
    "wiped": "apparaat ingetrokken",
    "cancelled": "onderbroken",
    "error": "fout",
}

PHASE_LABELS = {
    "start": "Verbinden met de server",
    "push": "Versturen",
    "pull": "Ophalen",
    "verify": "Controleren",
    "audit": "Toegangslogboek versturen",
    "templates": "Sjablonen ophalen",
}
COUNTED_PHASES = ("push", "pull")
# Without a terminal (a scheduled job's log) a phase is repeated at most this often.
PLAIN_LINE_SECONDS = 2.0


class ProgressLine:
    """Phase and count on stderr: one line that updates itself on a terminal, plain lines in a log."""

    def __init__(self, stream: TextIO, clock=time.monotonic) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.clock = clock
        self.phase = ""
        self.last_line = 0.0
        self.width = 0

    def __call__(self, phase: str, done: int, _total: int | None = None) -> None:
        if phase == "done":
            self.finish()
            return
        label = PHASE_LABELS.get(phase, phase)
        text = f"{label}… {done}" if phase in COUNTED_PHASES else f"{label}…"
        if self.tty:
            padding = " " * max(0, self.width - len(text))
            self.stream.write("\r" + text + padding)
            self.stream.flush()
            self.width = len(text)
        elif phase != self.phase or self.clock() - self.last_line >= PLAIN_LINE_SECONDS:
            print(text, file=self.stream, flush=True)
            self.last_line = self.clock()
        self.phase = phase

    def finish(self) -> None:
        """Clear the updating line, so that what follows starts on a clean line."""
        if self.tty and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
        self.width = 0


def _settings(args: argparse.Namespace):
    from desktop.settings import Settings

    return Settings(common.profile(args).settings_path)


def _read_server_password(username: str) -> str:
    from_env = os.environ.get(SERVER_PASSWORD_ENV)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise CliError(f"Geen wachtwoord voor de server: typ het in een terminal of zet {SERVER_PASSWORD_ENV}.")
    password = getpass.getpass(f"Wachtwoord van {username} op de server: ")
    if not password:
        raise CliError("Geen wachtwoord voor de server ingevuld; er is niet aangemeld.")
    return password


def _login_problem(exc: SyncError, url: str) -> str:
    """One Dutch line for a failed login (the client's messages name no address, this one does)."""
    from sync.client import ServerUnavailable

    if exc.code.startswith("http_") or exc.code == "bad_answer":
        return f"Op {url} antwoordt geen Vangnet-server; controleer het adres."
    if isinstance(exc, ServerUnavailable) and exc.code in ("connection", "unreachable"):
        return f"De server {url} is niet bereikbaar; controleer het adres en de netwerkverbinding."
    return exc.message


def _wipe(profile_dir, reason: str) -> str:
    """The server revoked this device: the profile leaves this computer, as the app does it."""
    from desktop.models.wipe import wipe_profile

    log.warning("Dit apparaat is ingetrokken; het profiel wordt gewist")
    try:
        wipe_profile(profile_dir)
    except Exception as exc:  # the user must hear that the wipe did not complete
        log.error("Wissen van het profiel mislukt: %s", type(exc).__name__)
        return f"{reason} Het profiel kon niet volledig worden gewist; gebruik 'vangnet wipe --yes'."
    return f"{reason} Het profiel op deze computer is gewist."


def cmd_login(args: argparse.Namespace) -> int:
    from desktop.models.session_user import current_user
    from desktop.settings import is_valid_server_url
    from desktop.sync_service import configured_server_url, remember_user, round_engine
    from sync.client import SyncClient, SyncError, WipeRequired

    settings = _settings(args)
    url = (args.server or configured_server_url(settings)).strip().rstrip("/")
    if not url:
        raise CliError(f"Geef het adres van de server: {LOGIN_HINT}.")
    if not is_valid_server_url(url):
        # The address is not repeated: it might hold a user name or password.
        raise CliError(
            "Ongeldig serveradres: gebruik https://… zonder gebruikersnaam of wachtwoord erin "
            "(http alleen naar deze computer)."
        )
    profile = common.profile(args)
    revoked = ""
    complete = True
    with common.unlock(args, "Wachtwoord van het profiel: ") as store:
        username = (args.user or "").strip()
        if not username:
            known = current_user(store)
            if known is None:
                raise CliError(f"Geef de gebruikersnaam op de server: {LOGIN_HINT}.")
            username = known.username
        client = SyncClient(url)
        try:
            engine = round_engine(store, client)
            try:
                engine.login(username, _read_server_password(username), platform.node()[:200])
            except WipeRequired as exc:
                revoked = exc.message
            except SyncError as exc:
                raise CliError("Aanmelden mislukt: " + _login_problem(exc, url)) from None
            if not revoked:
                # Only an address that answered a login is kept.
                settings.server_url = url
                settings.sync()
                complete = remember_user(store, username, engine.client.tokens)
        finally:
            client.close()
    if revoked:
        raise CliError(_wipe(profile.path, revoked))
    print(f"Aangemeld bij {url} als {username}.")
    if not complete:
        print("De gemeenten van dit account komen met de eerste synchronisatie (vangnet sync).")
    return 0


def _complete_user(store, tokens) -> None:
    """A sign-in on a new profile knows the account's gemeenten only after the first pull brought its
    users record: fill them in then, as the app does after its first round."""
    from desktop.models.enums import UserRole
    from desktop.models.session_user import current_user
    from desktop.sync_service import remember_user

    user = current_user(store)
    if user is None or not tokens.user_id or user.user_id != tokens.user_id:
        return
    if not user.municipality_codes and user.role != UserRole.SYSTEM_ADMINISTRATOR:
        remember_user(store, user.username, tokens)


def _waiting_line(refused: int, conflicts: int) -> str:
    parts = []
    if refused:
        parts.append("1 geweigerde wijziging" if refused == 1 else f"{refused} geweigerde wijzigingen")
    if conflicts:
        parts.append("1 conflict" if conflicts == 1 else f"{conflicts} conflicten")
    verb = "wacht" if refused + conflicts == 1 else "wachten"
    return f"{' en '.join(parts)} {verb} op u: zie Extra › Conflicten in de app."


def cmd_sync(args: argparse.Namespace) -> int:
    from desktop.sync_service import after_round, announce_actor, configured_server_url, round_engine
    from sync.client import InsecureServer, SyncClient
    from sync.engine import SyncResult, local_status

    url = configured_server_url(_settings(args))
    if not url:
        raise CliError(f"Er is geen server ingesteld. Meld dit apparaat eerst aan: {LOGIN_HINT}.")
    profile = common.profile(args)
    progress = ProgressLine(sys.stderr)
    with common.unlock(args, "Wachtwoord van het profiel: ") as store:
        try:
            client = SyncClient(url)
        except InsecureServer as exc:
            raise CliError(exc.message) from None
        try:
            engine = round_engine(store, client)
            announce_actor(store, engine.client.tokens)
            progress("start", 0)
            try:
                result = engine.sync(progress)
            except Exception as exc:  # as in the app: a failed round is reported, never a traceback
                log.error("synchronisatie mislukt: %s", type(exc).__name__)
                result = SyncResult(status="error", message="Synchroniseren is mislukt.")
            if result.status == "ok":
                try:
                    after_round(store, client, profile.path, progress)
                except Exception as exc:  # an extra after a good round never turns it into a failure
                    log.warning("nawerk na synchronisatie mislukt: %s", type(exc).__name__)
                _complete_user(store, engine.client.tokens)
        finally:
            progress.finish()
            client.close()
        if result.status != "wiped":
            with store.session() as session:
                state = local_status(session)
    if result.status == "wiped":
        raise CliError(_wipe(profile.path, f"Niet gesynchroniseerd (apparaat ingetrokken): {result.message}"))
    if result.status != "ok":
        reason = f"Niet gesynchroniseerd ({STATUS_LABELS.get(result.status, result.status)}): {result.message}"
        if result.status == "login_required":
            reason += f" Meld opnieuw aan: {LOGIN_HINT}."
        raise CliError(reason)
    summary = f"Gesynchroniseerd: {result.pushed} verstuurd, {result.pulled} ontvangen"
    if result.purged:
        summary += f", {result.purged} van dit apparaat verwijderd"
    if result.repaired:
        summary += f", {len(result.repaired)} tabel(len) hersteld na de controle"
    if state.pending:
        summary += f"; nog te versturen: {state.pending}"
    print(summary + ".")
    if state.parked or state.conflicts:
        print(f"vangnet: Gesynchroniseerd, maar {_waiting_line(state.parked, state.conflicts)}", file=sys.stderr)
        return EXIT_ATTENTION
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from desktop.models.session_user import current_user
    from desktop.sync_service import configured_server_url
    from sync.engine import local_status

    url = configured_server_url(_settings(args)) or None
    with common.unlock(args, "Wachtwoord van het profiel: ") as store, store.session() as session:
        state = local_status(session)
        user = current_user(session)
    if args.json:
        print(
            json.dumps(
                {
                    "server": url,
                    "user": user.username if user is not None else None,
                    "last_sync": state.last_sync.isoformat() if state.last_sync is not None else None,
                    "waiting": state.pending,
                    "refused": state.parked,
                    "conflicts": state.conflicts,
                },
                ensure_ascii=False,
            )
        )
        return 0
    last = state.last_sync.astimezone().strftime("%d-%m-%Y %H:%M") if state.last_sync is not None else "nog nooit"
    print(f"Server: {url or 'geen server ingesteld'}")
    print(f"Aangemeld als: {user.username if user is not None else 'niemand'}")
    print(f"Laatst gesynchroniseerd: {last}")
    print(f"Te versturen: {state.pending}")
    print(f"Geweigerd: {state.parked}")
    print(f"Conflicten: {state.conflicts}")
    if state.parked or state.conflicts:
        print(_waiting_line(state.parked, state.conflicts))
    return 0


def register(add) -> None:
    login = add(
        "login", cmd_login, f"meld dit apparaat aan bij de server (wachtwoord: terminal of {SERVER_PASSWORD_ENV})"
    )
    login.add_argument("--server", help="adres van de server, https://… (standaard: het ingestelde adres)")
    login.add_argument("--user", help="gebruikersnaam op de server (standaard: wie hier het laatst aanmeldde)")
    add("sync", cmd_sync, "synchroniseer één keer met de server, zoals de app (exit 1: er wacht iets op u)")
    status = add("status", cmd_status, "toon server, gebruiker, laatste synchronisatie en wat er wacht")
    status.add_argument("--json", action="store_true", help="als JSON, voor scripts en beheer")

"""Authentication under pressure, over real HTTP on SQLite and PostgreSQL: one winner per refresh token,
throttling that counts concurrent guesses, and the password policy of `vangnet-server users add`."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION
from sync.server.auth import password_problem
from sync.server.db import audit_log
from tests.log_guard import LogGuard
from tests.sync.conftest import PASSWORD

HEADERS = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: str(SCHEMA_VERSION)}
SERVER_COMMAND = Path(sys.executable).with_name("vangnet-server")
DEMO_PASSWORD = "demo van de vangnet-server"
WRONG_PASSWORD = "geen goed wachtwoord 77"


def post(server, path: str, body: dict) -> requests.Response:
    return requests.post(server.url + path, json=body, headers=HEADERS, timeout=30)


def all_at_once(count: int, work) -> list:
    """Runs work(i) in count threads released together; returns the results in order."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def audit_count(server, action: str, result: str) -> int:
    with server.engine.connect() as conn:
        return conn.execute(
            select(func.count()).where(audit_log.c.action == action, audit_log.c.result == result)
        ).scalar_one()


def login(server, username: str = "anna", password: str = PASSWORD, **extra: object) -> requests.Response:
    return post(server, "/api/v1/auth/login", {"username": username, "password": password, **extra})


# -- refresh-token rotation ---------------------------------------------------------------------------------
def test_one_refresh_token_sent_eight_times_at_once_has_one_winner(server) -> None:
    with LogGuard((PASSWORD,)) as guard:
        for round_number in range(3):
            token = login(server, device_name=f"ronde {round_number}").json()["refresh_token"]
            reuse_before = audit_count(server, "refresh", "reuse_detected")
            answers = all_at_once(8, lambda _i, t=token: post(server, "/api/v1/auth/refresh", {"refresh_token": t}))
            assert all(isinstance(a, requests.Response) for a in answers), answers
            winners = [a for a in answers if a.status_code == 200]
            losers = [a for a in answers if a.status_code != 200]
            assert len(winners) == 1, [a.status_code for a in answers]
            assert [(a.status_code, a.json()["error"]) for a in losers] == [(401, "token_reused")] * 7
            assert audit_count(server, "refresh", "reuse_detected") - reuse_before == 7
            # The losers counted as reuse of a rotated token: the winner's new tokens are revoked too.
            won = winners[0].json()
            again = post(server, "/api/v1/auth/refresh", {"refresh_token": won["refresh_token"]})
            assert (again.status_code, again.json()["error"]) == (401, "token_reused")
            pull = requests.get(
                server.url + "/api/v1/sync/pull?since=0",
                headers={**HEADERS, "Authorization": "Bearer " + won["access_token"]},
                timeout=30,
            )
            assert (pull.status_code, pull.json()["error"]) == (401, "token_revoked")
    assert not guard.problems()


def test_a_single_refresh_still_rotates_and_unknown_tokens_stay_invalid(server) -> None:
    tokens = login(server).json()
    first = post(server, "/api/v1/auth/refresh", {"refresh_token": tokens["refresh_token"]})
    assert first.status_code == 200
    second = post(server, "/api/v1/auth/refresh", {"refresh_token": first.json()["refresh_token"]})
    assert second.status_code == 200 and second.json()["device_id"] == tokens["device_id"]
    unknown = post(server, "/api/v1/auth/refresh", {"refresh_token": "x" * 43})
    assert (unknown.status_code, unknown.json()["error"]) == (401, "token_invalid")


# -- login throttling ---------------------------------------------------------------------------------------
def test_thirty_concurrent_wrong_passwords_verify_at_most_ten(server) -> None:
    with LogGuard((PASSWORD, WRONG_PASSWORD)) as guard:
        answers = all_at_once(30, lambda _i: login(server, password=WRONG_PASSWORD))
        assert all(isinstance(a, requests.Response) for a in answers), answers
        codes = [a.status_code for a in answers]
        assert set(codes) <= {401, 429}, codes
        verified = audit_count(server, "login", "denied")
        assert 1 <= verified <= 10
        assert codes.count(401) == verified and codes.count(429) == 30 - verified
        for answer in answers:
            if answer.status_code == 429:
                assert answer.json()["error"] == "rate_limited" and int(answer.headers["Retry-After"]) >= 1
        # The right password is held off too until the window has passed.
        assert login(server).status_code == 429
        # Another user from the same address is not affected by anna's limit.
        assert login(server, "bram").status_code == 200
    assert not guard.problems()


def test_successful_logins_give_their_attempt_back(server) -> None:
    for _ in range(15):
        assert login(server, "bram").status_code == 200
    for _ in range(9):
        assert login(server, "bram", WRONG_PASSWORD).status_code == 401
    assert login(server, "bram").status_code == 200
    assert login(server, "bram", WRONG_PASSWORD).status_code == 401
    assert login(server, "bram", WRONG_PASSWORD).status_code == 429


def test_the_address_limit_counts_concurrent_attempts_for_many_user_names(server) -> None:
    answers = all_at_once(60, lambda i: login(server, f"onbekend{i}", WRONG_PASSWORD))
    codes = [a.status_code for a in answers]
    assert set(codes) <= {401, 429}, codes
    verified = audit_count(server, "login", "denied")
    assert 1 <= verified <= 50 and codes.count(401) == verified


# -- password policy: the function ----------------------------------------------------------------------------
ACCEPTED = [
    PASSWORD,
    DEMO_PASSWORD,
    "een heel lang wachtwoord",
    "paardenbloem zonnehoed",
    "Tr0mpet-Kiezel-83!",
    "x7#Rk2pQ9vLm",
    "fiets onder de brug 1987",
]

REFUSED = {
    "kort": "12 tekens",
    "aaaaaaaaaaaa": "herhaal",
    "abcabcabcabc": "herhaal",
    "121212121212": "herhaal",
    "123412341234": "herhaal",
    "wachtwoordwachtwoord": "herhaal",
    "qwertyuiop12": "reeks",
    "123456789012": "reeks",
    "abcdefghijkl": "reeks",
    "0987654321ab": "reeks",
    "wachtwoord12": "veelgebruikt",
    "Welkom2024!!": "veelgebruikt",
    "Password1234": "veelgebruikt",
    "W@chtw00rd2024": "veelgebruikt",
    "P4ssw0rd!!!!": "veelgebruikt",
    "!!Geheim2023!!": "veelgebruikt",
    "feyenoord1908": "veelgebruikt",
    "ajax-feyenoord": "veelgebruikt",
    "zomer 2024 winter": "veelgebruikt",
    "iloveyou1234": "veelgebruikt",
    "LEERPLICHT2025": "veelgebruikt",
    "1l0v3y0u2024": "veelgebruikt",
    "aabbaabbccdd": "verschillende tekens",
    "abababababac": "verschillende tekens",
}


@pytest.mark.parametrize("password", ACCEPTED)
def test_password_problem_accepts_passphrases_and_random_passwords(password: str) -> None:
    assert password_problem(password) is None
    assert password_problem(password, "jjansen") is None


def test_the_demo_account_password_is_accepted_for_its_user_name() -> None:
    assert password_problem(DEMO_PASSWORD, "demo") is None


@pytest.mark.parametrize(("password", "reason"), sorted(REFUSED.items()))
def test_password_problem_refuses_weak_passwords_with_a_dutch_reason(password: str, reason: str) -> None:
    problem = password_problem(password)
    assert problem is not None and reason in problem, problem
    assert problem.startswith("Het wachtwoord ") and "\n" not in problem
    assert password not in problem


@pytest.mark.parametrize(
    ("password", "username"),
    [
        ("pietjansen2024!", "pietjansen"),
        ("PietJansen!!1234", "pietjansen"),
        ("p13tj4ns3n-2024", "pietjansen"),
        ("!!jjansen!!jjansen", "jjansen"),
    ],
)
def test_password_problem_refuses_the_user_name_with_little_else(password: str, username: str) -> None:
    problem = password_problem(password, username)
    assert problem is not None and "gebruikersnaam" in problem
    assert password_problem(password) is None or "gebruikersnaam" not in password_problem(password)


def test_a_user_name_inside_a_strong_passphrase_is_allowed() -> None:
    # The rest of the passphrase is strong without the name, as in the demo account's password.
    assert password_problem("jansen " + PASSWORD, "jansen") is None


# -- password policy: the command line ------------------------------------------------------------------------
def server_command(database_url: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SERVER_COMMAND), "--database-url", database_url, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def add_user(database_url: str, username: str, password: str) -> subprocess.CompletedProcess:
    return server_command(
        database_url,
        "users",
        "add",
        username,
        "--role",
        "consultant",
        "--gemeente",
        "GM0505",
        "--password-stdin",
        stdin=password + "\n",
    )


CLI_REFUSED = {
    "aaaaaaaaaaaa": "herhaal",
    "wachtwoord12": "veelgebruikt",
    "Welkom2024!!": "veelgebruikt",
    "qwertyuiop12": "reeks",
    "pietjansen2024!": "gebruikersnaam",
    "kort": "12 tekens",
}


def test_users_add_refuses_weak_passwords_and_creates_nothing(tmp_path: Path) -> None:
    database = tmp_path / "cli.sqlite3"
    url = f"sqlite:///{database}"
    for password, reason in CLI_REFUSED.items():
        done = add_user(url, "pietjansen", password)
        assert done.returncode != 0, password
        message = done.stderr.strip()
        assert reason in message and message.startswith("Het wachtwoord ") and "\n" not in message
        assert password not in done.stderr + done.stdout
        assert not done.stdout.strip()
    assert not database.exists()
    listing = server_command(url, "users", "list")
    assert listing.returncode == 0 and "pietjansen" not in listing.stdout
    good = "fietsen langs de dijk bij eb"
    done = add_user(url, "pietjansen", good)
    assert done.returncode == 0, done.stderr
    assert good not in done.stdout + done.stderr
    listing = server_command(url, "users", "list")
    assert "pietjansen" in listing.stdout and good not in listing.stdout


def test_the_demo_account_of_run_is_still_created(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/demo.sqlite3"
    done = add_user(url, "demo", DEMO_PASSWORD)
    assert done.returncode == 0, done.stderr
    assert DEMO_PASSWORD not in done.stdout + done.stderr

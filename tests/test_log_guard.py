"""The log guard itself: it must notice what it is there to notice, and not cry wolf."""

from __future__ import annotations

import logging

from tests.log_guard import LogGuard, leaks_in


def test_guard_finds_bsn_passphrase_key_and_token():
    assert leaks_in("persoon 111222333 bekeken", ()) == ["BSN-achtig nummer (9 cijfers)"]
    assert leaks_in("sleutel " + "ab" * 32, ()) == ["sleutel in hex"]
    assert leaks_in("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abcdefgh", ()) == ["toegangstoken"]
    assert leaks_in("ontgrendeld met geheim-wachtwoord-1", ("geheim-wachtwoord-1",)) == ["wachtwoord"]


def test_guard_ignores_ordinary_numbers_and_ids():
    assert leaks_in("123456789 is geen geldig BSN", ()) == []
    assert leaks_in("persoon 7b0e9d2c-1f4a-4c55-9a1e-3c2b1a0f9e8d bekeken in 0.123456789 s", ()) == []
    assert leaks_in("2026-11-28 15:00:00 3094 meldingen", ()) == []


def test_guard_collects_records_of_the_application_loggers(no_secrets_in_logs):
    with LogGuard(("x" * 12,)) as guard:
        logging.getLogger("desktop.test").debug("BSN 111222333 getoond")
        logging.getLogger("sync.test").info("gewoon bericht")
    assert guard.problems() == ["BSN-achtig nummer (9 cijfers) in een logregel van desktop.test"]
    # The suite-wide guard saw the planted record too; it was planted on purpose.
    assert no_secrets_in_logs.problems()
    no_secrets_in_logs.collector.messages.clear()


def test_guard_ignores_digits_inside_hashes_and_sees_bsn_next_to_words():
    # A sha256 digest that holds nine digits passing the eleven test between two hex letters.
    assert leaks_in("keten 9f2c111222333ab0e1 klopt", ()) == []
    assert leaks_in("bsn=111222333", ()) == ["BSN-achtig nummer (9 cijfers)"]


def test_guard_sees_loggers_that_do_not_propagate(no_secrets_in_logs):
    access = logging.getLogger("uvicorn.access")
    propagate = access.propagate
    access.propagate = False
    try:
        with LogGuard(()) as guard:
            access.warning("GET /api/v1/personen?bsn=111222333 200")
    finally:
        access.propagate = propagate
    assert guard.problems() == ["BSN-achtig nummer (9 cijfers) in een logregel van uvicorn.access"]
    no_secrets_in_logs.collector.messages.clear()

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

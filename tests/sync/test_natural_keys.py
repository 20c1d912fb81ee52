"""Natural keys on the server: one owner per BSN, onderwijsnummer, DUO number, CBS code and school; a taken
case number is renumbered and every device ends with the number the server gave."""

from __future__ import annotations

from sqlalchemy import select

from sync.server.db import record_keys
from tests.sync import records as docs
from tests.sync.conftest import Case, new_case
from tests.sync.records import op


def test_a_second_record_with_the_same_bsn_is_refused_in_dutch(server) -> None:
    cora = server.client("cora")
    first, second = docs.new_id(), docs.new_id()
    same_bsn = {"bsn": "123456782", "education_number": None}
    assert cora.push([op("persons", first, **docs.person(**same_bsn))]).results[0].status == "applied"
    result = cora.push([op("persons", second, **docs.person(**same_bsn))]).results[0]
    assert (result.status, result.reason) == ("rejected", "duplicate_key")
    assert result.message == "Er bestaat al een leerling met hetzelfde BSN."
    assert "123456782" not in result.message
    # Once the first is deleted, the number is free again.
    cora.push([op("persons", first, "delete", base=1)])
    assert cora.push([op("persons", second, **docs.person(**same_bsn))]).results[0].status == "applied"
    with server.engine.connect() as conn:
        owners = conn.execute(select(record_keys.c.record_id).where(record_keys.c.value == "123456782")).scalars()
        assert list(owners) == [second]


def test_a_taken_case_number_is_renumbered_and_the_device_shows_the_new_one(devices) -> None:
    anna, cora = devices("anna"), devices("cora")
    _, first = new_case(anna)
    _, second = new_case(cora, assigned=anna.user_id)
    with anna.Session.begin() as s:
        s.get(Case, first).case_number = "2026-000007"
    with cora.Session.begin() as s:
        s.get(Case, second).case_number = "2026-000007"  # the same number, picked offline on another laptop
    assert anna.sync().status == "ok"
    result = cora.sync()
    assert (result.status, result.rejected, result.conflicts) == ("ok", 0, 0)
    assert cora.rows(Case)[second].case_number == "2026-000008"
    anna.sync()
    numbers = sorted(c.case_number for c in anna.rows(Case).values())
    assert numbers == ["2026-000007", "2026-000008"]
    assert not anna.engine.open_conflicts() and not cora.engine.open_conflicts()


def test_the_region_gemeenten_own_their_cbs_codes(server) -> None:
    fred = server.client("fred")
    result = fred.push([op("municipalities", docs.new_id(), cbs_code="GM0505", name="Dubbel")]).results[0]
    assert (result.status, result.reason) == ("rejected", "duplicate_key")
    assert "CBS-code" in result.message

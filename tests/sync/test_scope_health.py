"""Need-to-know on the server: art. 5 onder a grounds reach only the handling consultant and the team lead."""

from __future__ import annotations

import uuid

import pytest

from desktop.models.entities import health_fields
from sync.client import SyncClient
from tests.sync import records as docs
from tests.sync.records import op

HEALTH = {
    "statement_date": "2025-05-20",
    "statement_by": "doctor",
    "doctor_appointed": True,
    "never_fit": True,
    "motivation": "verklaring van de jeugdarts",
}




@pytest.fixture
def file_5a(server) -> dict[str, str]:
    """A person with a case assigned to anna, a 5 onder a exemption with grounds and a 5 onder b one."""
    anna = server.client("anna")
    ids = {k: str(uuid.uuid4()) for k in ("person", "case", "ex_5a", "ex_5b")}
    answer = anna.push([
        op("persons", ids["person"], **docs.person()),
        op("cases", ids["case"], **docs.case(ids["person"], assigned_user_id=server.users["anna"])),
        op("exemptions", ids["ex_5a"], person_id=ids["person"], case_id=ids["case"], article="5a",
           received_on="2025-06-01", municipality_code="GM0505", **HEALTH),
        op("exemptions", ids["ex_5b"], person_id=ids["person"], article="5b", received_on="2025-06-01",
           motivation="bedenkingen tegen de richting", municipality_code="GM0505"),
    ])
    assert [r.status for r in answer.results] == ["applied"] * 4
    return ids


def _pulled(client: SyncClient, record_id: str) -> dict | None:
    rows = [r for r in client.pull(0, 5000).rows if r.id == record_id]
    return rows[0].data if rows else None


def _fetched(client: SyncClient, record_id: str) -> dict | None:
    rows = client.fetch("exemptions", [record_id]).rows
    return rows[0].data if rows else None


# role × what it receives of a 5 onder a exemption: 'all' (with the grounds), 'no grounds', or nothing.
MATRIX = [
    ("anna", "all"),  # the consultant handling the case
    ("bram", None),  # another consultant: not in his caseload at all
    ("cora", "no grounds"),  # administrator of the gemeente
    ("dirk", "all"),  # team lead of the gemeente
    ("eva", None),  # administrator of another gemeente
    ("fred", None),  # system administrator: reference data only
]


@pytest.mark.parametrize(("user", "expected"), MATRIX)
def test_health_grounds_in_pull_and_fetch_per_role(server, file_5a, user, expected) -> None:
    client = server.client(user)
    for read in (_pulled, _fetched):
        data = read(client, file_5a["ex_5a"])
        if expected is None:
            assert data is None, read.__name__
            continue
        # What an administrator needs to print the letter is always there.
        assert data["article"] == "5a" and data["received_on"] == "2025-06-01"
        shown = {name: data.get(name) for name in HEALTH}
        if expected == "all":
            assert shown == HEALTH, read.__name__
        else:
            assert set(data) & health_fields("exemptions") == set(), read.__name__
        # Another article is not health data: its motivation reaches everyone who sees the file.
        other = read(client, file_5a["ex_5b"])
        assert other["motivation"] == "bedenkingen tegen de richting"


def test_a_conflict_answer_does_not_leak_the_grounds_to_an_administrator(server, file_5a) -> None:
    cora = server.client("cora")
    # The received date changed after version 0: a conflict, answered with the server's values.
    answer = cora.push([op("exemptions", file_5a["ex_5a"], "update", base=0, received_on="2025-06-02")])
    result = answer.results[0]
    assert result.status == "conflict"
    assert result.server_row is not None and "motivation" not in result.server_row
    assert "motivation" not in result.conflicts
    # The handling consultant's own conflict answer keeps them.
    anna = server.client("anna")
    answer = anna.push([op("exemptions", file_5a["ex_5a"], "update", base=0, motivation="tweede versie")])
    assert answer.results[0].status == "conflict"
    assert answer.results[0].server_row["motivation"] == HEALTH["motivation"]

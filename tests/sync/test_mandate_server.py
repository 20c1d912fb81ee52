"""The server refuses a decision, proces-verbaal or document whose signer lacks the authority, judged by its
own accounts and the region's mandate rules (Lpw art. 14 lid 3, 16; Sv art. 142, 152), over HTTP."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from sync.server.cli import main as server_main
from sync.server.db import records
from tests.sync import records as docs
from tests.sync.records import op


def push_one(client, operation) -> Any:
    return client.push([operation]).results[0]


def stored(server, table: str, record_id: str) -> dict[str, Any] | None:
    with server.engine.connect() as conn:
        found = conn.execute(select(records.c.data).where(records.c.table_name == table,
                                                          records.c.record_id == record_id)).first()
    return json.loads(found.data) if found else None


def cli(server, *args: str) -> int:
    return server_main(["--database-url", server.database_url, "--data-dir", str(server.data_dir), *args])


@pytest.fixture
def files(server) -> dict[str, Any]:
    """anna's case (anna is aangewezen leerplichtambtenaar and boa) and bram's case (bram is neither)."""
    clients = {name: server.client(name) for name in ("anna", "bram", "cora")}
    ids = {k: docs.new_id() for k in ("person", "case", "case_b")}
    anna, bram = server.users["anna"], server.users["bram"]
    assert push_one(clients["anna"], op("persons", ids["person"], **docs.person())).status == "applied"
    assert push_one(clients["anna"], op("cases", ids["case"], **docs.case(ids["person"], assigned_user_id=anna))
                    ).status == "applied"
    # The administratief medewerker assigns the second case to bram.
    result = push_one(clients["cora"], op("cases", ids["case_b"], **docs.case(ids["person"], assigned_user_id=bram)))
    assert result.status == "applied", result.message
    return {"c": clients, "ids": ids, "anna": anna, "bram": bram, "cora": server.users["cora"]}


def test_an_exemption_decision_is_signed_by_the_designated_leerplichtambtenaar(server, files):
    c, ids = files["c"], files["ids"]
    refused = docs.new_id()
    result = push_one(c["bram"], op("exemptions", refused, **docs.exemption(
        ids["person"], "5b", decision="granted", decided_on="2026-09-10", decided_by_user_id=files["bram"])))
    assert (result.status, result.reason) == ("rejected", "signing_forbidden")
    assert "niet aangewezen als leerplichtambtenaar" in result.message and "art. 16" in result.message
    assert stored(server, "exemptions", refused) is None
    unsigned = push_one(c["anna"], op("exemptions", docs.new_id(), **docs.exemption(
        ids["person"], "5b", decision="granted", decided_on="2026-09-10")))
    assert unsigned.reason == "signing_forbidden" and "geen bekende ondertekenaar" in unsigned.message
    granted = docs.new_id()
    assert push_one(c["anna"], op("exemptions", granted, **docs.exemption(
        ids["person"], "5b", decision="granted", decided_on="2026-09-10", decided_by_user_id=files["anna"]))
    ).status == "applied"
    # A pending request is no decision yet: anyone may register it.
    assert push_one(c["cora"], op("exemptions", docs.new_id(), **docs.exemption(ids["person"], "5b"))
                    ).status == "applied"


def test_leave_over_10_days_is_decided_by_the_leerplichtambtenaar(server, files):
    c, ids = files["c"], files["ids"]
    leave = {"person_id": ids["person"], "case_id": ids["case"], "kind": "important_circumstances",
             "start_date": "2026-10-01", "end_date": "2026-10-20", "days": 14, "decided_by": "attendance_officer",
             "decision": "refused", "decided_on": "2026-09-20"}
    result = push_one(c["cora"], op("leave_requests", docs.new_id(), **leave, decided_by_user_id=files["cora"]))
    assert result.reason == "signing_forbidden" and "administratief medewerker" in result.message
    assert "art. 14 lid 3" in result.message
    assert push_one(c["cora"], op("leave_requests", docs.new_id(), **leave, decided_by_user_id=files["anna"])
                    ).status == "applied"


def test_a_proces_verbaal_is_made_by_a_boa_and_the_device_cannot_say_it_is_one(server, files):
    c, ids = files["c"], files["ids"]
    pv = docs.intervention(ids["person"], ids["case"], "official_report")
    pv_b = docs.intervention(ids["person"], ids["case_b"], "official_report")
    bram_pv = push_one(c["bram"], op("interventions", docs.new_id(), **pv_b))
    assert bram_pv.reason == "signing_forbidden" and "Strafvordering art. 142" in bram_pv.message
    # What the device sends about a user does not count: the users rows are the server's.
    claim = push_one(c["bram"], op("users", files["bram"], "update", base=1, boa_number="B-1",
                                   leerplichtambtenaar=True))
    assert claim.reason == "server_managed"
    assert push_one(c["cora"], op("interventions", docs.new_id(), **pv, user_id=files["cora"])
                    ).reason == "signing_forbidden"
    assert push_one(c["anna"], op("interventions", docs.new_id(), **pv)).status == "applied"
    # Once the server's own account says bram is a designated boa, his proces-verbaal is taken.
    assert cli(server, "users", "edit", "bram", "--leerplichtambtenaar", "--boa-nummer", "B-20002") == 0
    user_row = stored(server, "users", files["bram"])
    assert user_row["leerplichtambtenaar"] is True and user_row["boa_number"] == "B-20002"
    assert push_one(c["bram"], op("interventions", docs.new_id(), **pv_b)).status == "applied"
    assert cli(server, "users", "edit", "bram", "--boa-nummer", "#!") == 1  # a malformed number changes nothing
    assert stored(server, "users", files["bram"])["boa_number"] == "B-20002"


def test_a_register_record_is_signed_by_the_case_consultant_not_the_one_who_prints(server, files):
    c, ids = files["c"], files["ids"]
    # The administratief medewerker prints anna's proces-verbaal: anna signs it.
    printed = {"person_id": ids["person"], "case_id": ids["case"], "kind": "pv_ouders",
               "generated_by_user_id": files["cora"]}
    assert push_one(c["cora"], op("document_records", docs.new_id(), **printed)).status == "applied"
    # bram is no boa: his case's proces-verbaal is refused, whoever prints it.
    of_bram = {**printed, "case_id": ids["case_b"]}
    result = push_one(c["cora"], op("document_records", docs.new_id(), **of_bram))
    assert result.reason == "signing_forbidden" and "opsporingsambtenaar" in result.message
    letter = {**of_bram, "kind": "uitnodiging_gesprek"}
    assert push_one(c["cora"], op("document_records", docs.new_id(), **letter)).status == "applied"


def test_mandate_rules_are_region_data_published_to_devices_and_never_below_the_law(server, files, capsys):
    c, ids = files["c"], files["ids"]
    assert cli(server, "mandate", "set", "proces_verbaal", "--role", "consultant") == 1
    assert "opsporingsambtenaar" in capsys.readouterr().err
    assert cli(server, "mandate", "set", "letter", "--role", "administrator") == 1
    assert cli(server, "mandate", "set", "letter", "--role", "team_lead") == 0
    letter = {"person_id": ids["person"], "case_id": ids["case"], "kind": "uitnodiging_gesprek"}
    result = push_one(c["anna"], op("document_records", docs.new_id(), **letter))
    assert result.reason == "signing_forbidden" and "teamleider" in result.message
    pulled = [r for r in c["cora"].pull(0).rows if r.table == "mandate_rules"]
    assert [(r.data["act"], r.data["roles"]) for r in pulled] == [("letter", ["team_lead"])]
    assert cli(server, "mandate", "reset", "letter") == 0
    assert push_one(c["anna"], op("document_records", docs.new_id(), **letter)).status == "applied"
    assert cli(server, "mandate", "list") == 0
    listed = capsys.readouterr().out
    assert "proces_verbaal: consultant, team_lead (aangewezen leerplichtambtenaar, boa-nummer)" in listed

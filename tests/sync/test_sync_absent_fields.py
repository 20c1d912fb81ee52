"""A field the server never stored is empty on every device too, whatever the device once typed into it."""

from __future__ import annotations

from tests.sync.conftest import Case, new_case


def test_keeping_the_server_state_after_an_edit_of_a_deleted_case_empties_the_typed_field(devices) -> None:
    anna, cora = devices("anna"), devices("cora")
    _, case_id = new_case(anna)
    anna.sync()
    cora.sync()
    with anna.Session.begin() as s:
        s.get(Case, case_id).deleted = True
    anna.sync()
    with cora.Session.begin() as s:
        s.get(Case, case_id).summary = "typed by cora"
    assert cora.sync().conflicts == 1
    conflict = cora.engine.open_conflicts()[0]
    assert conflict["kind"] == "edit_delete"
    cora.engine.resolve_conflict(conflict["id"], "server")
    cora.sync(verify=True)
    server = {row.id: row for row in cora.client.pull(0).rows}[case_id]
    assert "summary" not in server.data
    local = cora.rows(Case)[case_id]
    assert (local.version, local.deleted, local.summary) == (server.version, True, None)


def test_a_refused_value_given_up_leaves_the_field_as_the_server_has_it(devices) -> None:
    anna = devices("anna")
    _, case_id = new_case(anna)
    anna.sync()
    with anna.Session.begin() as s:
        s.get(Case, case_id).route = "geen-route"
    assert anna.sync().rejected == 1
    anna.engine.discard_parked(anna.engine.parked_operations()[0]["op_id"])
    anna.sync()
    anna.sync()
    assert anna.rows(Case)[case_id].route is None

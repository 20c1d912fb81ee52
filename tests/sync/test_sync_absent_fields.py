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


def test_a_retried_refusal_shows_its_value_again_and_one_whose_record_left_stays_parked(devices) -> None:
    from tests.sync.conftest import JournalEntry

    anna, cora = devices("anna"), devices("cora")
    bram_id = anna.server.users["bram"]
    _, case_id = new_case(anna)
    _, other_case = new_case(anna)
    anna.sync()
    with anna.Session.begin() as s:
        s.get(Case, case_id).assigned_user_id = bram_id  # a consultant may not reassign: refused
    assert anna.sync().rejected == 1
    cora.sync()
    with cora.Session.begin() as s:
        s.get(Case, case_id).phase = "plan"
    cora.sync()
    anna.sync()
    assert anna.rows(Case)[case_id].assigned_user_id == anna.user_id  # the pull put the server's value back
    parked = anna.engine.parked_operations()[0]
    assert anna.engine.retry_parked(parked["op_id"]) is True
    assert anna.rows(Case)[case_id].assigned_user_id == bram_id  # what is sent again shows again
    anna.sync()
    # A note typed on a case that is then reassigned away is refused and leaves with the file; it cannot
    # be sent again from here, so it stays where the user can see and give it up.
    with cora.Session.begin() as s:
        s.get(Case, other_case).assigned_user_id = bram_id
    cora.sync()
    with anna.Session.begin() as s:
        s.add(JournalEntry(case_id=other_case, person_id=anna.rows(Case)[other_case].person_id, text="laat"))
    anna.sync()
    note = next(p for p in anna.engine.parked_operations() if p["table_name"] == "journal_entries")
    assert anna.engine.retry_parked(note["op_id"]) is False
    assert note["op_id"] in {p["op_id"] for p in anna.engine.parked_operations()}
    assert anna.outbox() == 0

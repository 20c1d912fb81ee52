"""The entity registry is complete, and the app and the server read the same rules from it."""

from __future__ import annotations

import uuid

import pytest

import desktop.models.schema  # noqa: F401  (every table of the local database)
from desktop.models import entities
from desktop.models.access import Viewer, can_edit
from desktop.models.base import Base
from desktop.models.enums import UserRole
from desktop.models.record_schema import schema_for
from sync.engine import synced_tables
from sync.server import scope

SYNCED = synced_tables(Base.metadata)


def test_every_synced_table_and_column_has_an_entry() -> None:
    assert set(SYNCED) == {e.table for e in entities.entities()}
    for name, table in SYNCED.items():
        entity = entities.get(name)
        fields = [c.name for c in table.columns if c.name not in entities.BOOKKEEPING_FIELDS]
        missing = [name for name in fields if not entity.has_label(name)]
        assert missing == [], name
        assert entity.label and entity.plural and entity.interchange


def test_interchange_names_are_unique_and_parents_come_first() -> None:
    names = [e.interchange for e in entities.entities()]
    assert len(names) == len(set(names))
    position = {e.table: i for i, e in enumerate(entities.entities())}
    for name, table in SYNCED.items():
        for column in table.columns:
            for fk in column.foreign_keys:
                target = fk.column.table.name
                assert target == name or position[target] < position[name], (name, column.name)


def test_every_check_constraint_has_a_rule_in_the_shared_schema() -> None:
    for name in SYNCED:
        assert schema_for(name).unchecked == [], name


@pytest.mark.parametrize("role", list(UserRole))
def test_app_and_server_answer_may_this_role_write_with_the_same_function(role: UserRole) -> None:
    viewer = Viewer("u", role, ("GM0505",))
    principal = scope.Principal("u", role.value, frozenset({"GM0505"}))
    for name, table in SYNCED.items():
        assert can_edit(viewer, name) == scope.can_write_table(principal, name) == entities.may_write(role, name)
        for column in table.columns:
            assert can_edit(viewer, name, column.name) == entities.may_write(role.value, name, column.name)


def test_the_server_scope_sets_are_the_registry_s() -> None:
    assert entities.tables() == scope.SYNCED_TABLES
    assert {"mandate_rules", "municipalities", "school_holidays", "schools", "users"} == scope.REFERENCE_TABLES
    assert entities.tables() - scope.REFERENCE_TABLES == scope.CASE_FILE_TABLES
    assert {"journal_entries"} == scope.APPEND_ONLY_TABLES


def test_write_rules_per_field_and_for_health_grounds() -> None:
    admin, consultant, lead = "administrator", "consultant", "team_lead"
    refuse = entities.write_refusal
    assert refuse(consultant, "cases", "update", ["assigned_user_id"], {}, {}, reads_health=True) == "field_forbidden"
    assert refuse(admin, "cases", "update", ["assigned_user_id"], {}, {}, reads_health=False) is None
    assert refuse(lead, "cases", "update", ["phase"], {}, {}, reads_health=True) == "field_forbidden"
    assert refuse(lead, "cases", "insert", ["kind", "person_id"], None, {}, reads_health=True) == "field_forbidden"
    five_a = {"article": "5a", "motivation": "verklaring"}
    five_b = {"article": "5b", "motivation": "verklaring"}
    # Moving out of art. 5 onder a would show the grounds: it needs the right to read them.
    assert refuse(admin, "exemptions", "update", ["article"], five_a, five_b, reads_health=False) == "health_forbidden"
    assert refuse(consultant, "exemptions", "update", ["article"], five_a, five_b, reads_health=True) is None
    # Registering a request under 5 onder a without the grounds is the administrator's work.
    new = {"article": "5a", "never_fit": False}
    assert refuse(admin, "exemptions", "insert", ["article", "never_fit"], None, new, reads_health=False) is None
    assert refuse(admin, "exemptions", "insert", ["motivation"], None, five_a, reads_health=False) == "health_forbidden"
    assert refuse("system_administrator", "users", "insert", ["username"], None, {}, reads_health=True) == "forbidden"


def test_labels_and_regimes_come_from_the_registry() -> None:
    assert entities.table_label("cases") == "Zaak"
    assert entities.field_label("persons", "birth_date") == "Geboortedatum"
    assert entities.field_label("cases", "municipality_code") == "Gemeente"
    assert entities.regime_of("interventions", "official_report") == entities.Regime.WPG
    assert entities.get("interventions").retention_of("official_report") == entities.RetentionClass.POLICE_DATA
    assert entities.get("schools").retention == entities.RetentionClass.NONE


# -- the shared record schema --------------------------------------------------------------------------------
PERSON = {
    "first_names": "Sem",
    "last_name": "Jansen",
    "birth_date": "2012-03-04",
    "bsn": "123456782",
    "municipality_code": "GM0505",
}


def test_a_valid_record_passes() -> None:
    assert schema_for("persons").problem(PERSON) is None
    case = {"person_id": str(uuid.uuid4()), "case_number": "2026-000001", "kind": "relative", "opened_on": "2026-09-01"}
    assert schema_for("cases").problem(case) is None


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"birth_date": 20120304}, "Geboortedatum"),
        ({"birth_date": "2012-02-30"}, "Geboortedatum"),
        ({"first_names": {"a": 1}}, "Voornamen"),
        ({"gender": ["male"]}, "Geslacht"),
        ({"gender": "vrouwelijk"}, "toegestaan"),
        ({"last_name": "x" * 121}, "te lang"),
        ({"last_name": "Jan\x00sen"}, "niet zijn toegestaan"),
        ({"last_name": "Jan\ud800sen"}, "niet zijn toegestaan"),
        ({"municipality_code": "GM505"}, "GM0505"),
        ({"bsn": "123456789"}, "11-proef"),
        ({"bsn": None, "education_number": None}, "BSN of onderwijsnummer"),
        ({"qualification_exempt": "ja"}, "true of false"),
        ({"last_name": None}, "Achternaam"),
        ({"onzin": 1}, "Onbekend veld"),
    ],
)
def test_a_value_that_does_not_fit_is_refused_in_dutch_without_repeating_it(change: dict, words: str) -> None:
    problem = schema_for("persons").problem({**PERSON, **change})
    assert problem is not None and words in problem
    for value in change.values():
        if isinstance(value, str) and len(value) > 3:
            assert value not in problem


def test_record_rules_and_required_fields() -> None:
    cases = schema_for("cases")
    base = {"person_id": str(uuid.uuid4()), "case_number": "2026-1", "kind": "relative", "opened_on": "2026-09-01"}
    assert "Gesloten op" in cases.problem({**base, "closed_on": "2026-08-01"})
    assert "Verplicht veld ontbreekt" in cases.problem({"case_number": "x"})
    assert "UUID" in cases.problem({**base, "person_id": "p-1"})
    leave = schema_for("leave_requests")
    assert "groter dan 0" in leave.problem({"days": 0}, ["days"])
    absence = schema_for("absence_reports")
    assert "verwacht een getal" in absence.problem({"hours_absent": float("nan")}, ["hours_absent"])
    assert absence.problem({"hours_absent": "12.5"}, ["hours_absent"]) is None


def test_an_update_is_checked_only_where_it_touches_a_rule() -> None:
    # A stored value that no longer fits does not block an edit of another field.
    stored = {**PERSON, "gender": "onbekend-oud"}
    assert schema_for("persons").problem({**stored, "first_names": "Daan"}, ["first_names"]) is None
    assert schema_for("persons").problem({**stored, "gender": "x"}, ["gender"]) is not None

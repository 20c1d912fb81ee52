"""Who may see and change which synced record: the data-driven scope rules, per table and role.

Consultants see the cases assigned to them and everything hanging off those cases and their persons
(need-to-know); administrators and team leads see everything of their gemeenten; system
administrators see reference data only. Everyone reads the reference tables. See docs/sync.md.
"""

from __future__ import annotations

import json
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from desktop.models import entities as registry
from desktop.models.access import Viewer, can_read_health
from desktop.models.entities import ScopeClass
from desktop.models.enums import UserRole

CONSULTANT = "consultant"
ADMINISTRATOR = "administrator"
TEAM_LEAD = "team_lead"
SYSTEM_ADMINISTRATOR = "system_administrator"
ROLES = (CONSULTANT, ADMINISTRATOR, TEAM_LEAD, SYSTEM_ADMINISTRATOR)

PERSONS = "persons"
CASES = "cases"

# Every set below is read from the entity registry (desktop/models/entities.py).
REFERENCE_TABLES = registry.tables(ScopeClass.REFERENCE)
# Records that belong to a case (and its person): reached through case_id, else person_id.
CASE_CHILD_TABLES = registry.tables(ScopeClass.CASE_CHILD)
# Records that belong to a person.
PERSON_CHILD_TABLES = registry.tables(ScopeClass.PERSON_CHILD)
CASE_FILE_TABLES = registry.tables(ScopeClass.PERSON, ScopeClass.CASE, ScopeClass.CASE_CHILD, ScopeClass.PERSON_CHILD)
SYNCED_TABLES = registry.tables()
# Append-only: inserted once, never changed or deleted, so they never conflict.
APPEND_ONLY_TABLES = frozenset(e.table for e in registry.entities() if e.append_only)

# The order in which a transaction's rows get their sequence numbers, so parents reach a device first:
# reference data, then persons, then cases, then the rest.
TABLE_ORDER: dict[str, int] = {
    **{e.table: i for i, e in enumerate(e for e in registry.entities() if e.scope == ScopeClass.REFERENCE)},
    PERSONS: len(REFERENCE_TABLES),
    CASES: len(REFERENCE_TABLES) + 1,
}

RESERVED_FIELDS = frozenset({"id", "version", "server_seq", "deleted"})


@dataclass(frozen=True)
class Principal:
    """The authenticated account behind a request."""

    user_id: str
    role: str
    municipality_codes: frozenset[str] = field(default_factory=frozenset)
    device_id: str = ""


def table_order(table: str) -> int:
    return TABLE_ORDER.get(table, 10)


def derive_links(table: str, record_id: str, data: dict[str, Any]) -> tuple[str | None, str | None]:
    """(person_id, case_id) of a record, as used by the scope rules."""
    if table == PERSONS:
        return record_id, None
    if table == CASES:
        return _text(data.get("person_id")), record_id
    if table in CASE_FILE_TABLES:
        return _text(data.get("person_id")), _text(data.get("case_id"))
    return None, None


def own_municipality(table: str, data: dict[str, Any]) -> str | None:
    """The gemeente a record carries itself (None when it inherits from its case or person)."""
    if table == "municipalities":
        return _text(data.get("cbs_code"))
    return _text(data.get("municipality_code"))


def can_write_table(principal: Principal, table: str) -> bool:
    return registry.may_write(principal.role, table)


def reads_by_municipality(principal: Principal) -> bool:
    return principal.role in (ADMINISTRATOR, TEAM_LEAD)


GEMEENTE_PREFIX = "gm:"


def gemeente_key(code: str) -> str:
    """The access principal of a gemeente (administrators and team leads read through it)."""
    return GEMEENTE_PREFIX + code


def is_gemeente_key(principal_key: str) -> bool:
    return principal_key.startswith(GEMEENTE_PREFIX)


def gemeente_keys(principal: Principal) -> list[str]:
    return sorted(gemeente_key(code) for code in principal.municipality_codes)


def can_read(principal: Principal, table: str, access: AbstractSet[str]) -> bool:
    """Whether the principal may see one record with this access set (users and gemeenten)."""
    if table in REFERENCE_TABLES:
        return True
    if principal.role == SYSTEM_ADMINISTRATOR:
        return False
    if principal.role == CONSULTANT:
        return principal.user_id in access
    if reads_by_municipality(principal):
        return any(gemeente_key(code) in access for code in principal.municipality_codes)
    return False


def may_read_health(principal: Principal) -> bool:
    """Health grounds (art. 5 onder a statements): the team lead and the handling consultant only.

    A consultant sees an exemption only through a case of that person assigned to him or her (see the
    scope rules), so on the server every consultant who can see one handles the case.
    """
    try:
        role = UserRole(principal.role)
    except ValueError:
        return False
    handling = principal.user_id if role == UserRole.CONSULTANT else None
    return can_read_health(Viewer(principal.user_id, role, tuple(principal.municipality_codes)), handling)


def needs_redaction(principal: Principal, table: str, data: dict[str, Any]) -> bool:
    entity = registry.get(table)
    return entity is not None and entity.holds_health(data) and not may_read_health(principal)


def redact(principal: Principal, table: str, data: dict[str, Any]) -> dict[str, Any]:
    """The document as this principal may receive it: health fields left out where not allowed.

    Left out rather than masked, so that a device stores nothing of them (its copy keeps its own
    defaults) and an edit of another field never sends a mask back.
    """
    if not needs_redaction(principal, table, data):
        return data
    hidden = registry.health_fields(table)
    return {name: value for name, value in data.items() if name not in hidden}


def redact_document(principal: Principal, table: str, document: str) -> str:
    """:func:`redact` for a stored JSON document; untouched (the same text) when nothing is hidden."""
    if not registry.health_fields(table) or may_read_health(principal):
        return document
    data = json.loads(document)
    if not needs_redaction(principal, table, data):
        return document
    return json.dumps(redact(principal, table, data), sort_keys=True, separators=(",", ":"), default=str)


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)

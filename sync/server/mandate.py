"""Authority to sign, checked on the server against its own accounts and the region's mandate rules.

A pushed decision on an exemption or on leave over 10 school days, a document register record and a
proces-verbaal name who signs them. The server looks that account up in its own ``accounts`` table (role,
designation as leerplichtambtenaar, boa registration number) and never trusts what a device says about a
user; the rules are the ``mandate_rules`` reference records the server publishes, or the lawful defaults
(``desktop.models.mandate``; Lpw art. 14 lid 3, 16; Sv art. 142, 152).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from sqlalchemy import Connection, select

from desktop.models.enums import UserRole
from desktop.models.mandate import (
    MandateRules,
    Signer,
    SigningAct,
    signing_refusal,
)
from sync.server.db import accounts, records

MANDATE_TABLE = "mandate_rules"


class _Stored(Protocol):
    data: dict[str, Any]
    deleted: bool


RowLookup = Callable[[str, str | None], _Stored | None]


def account_signer(conn: Connection, user_id: str | None) -> Signer:
    """The signer as the server's own account describes it; an unknown or disabled account is unknown."""
    if not user_id:
        return Signer(None, "", UserRole.CONSULTANT, False, None)
    row = conn.execute(select(accounts).where(accounts.c.id == user_id)).mappings().first()
    if row is None or not row["active"]:
        return Signer(None, "", UserRole.CONSULTANT, False, None)
    try:
        role = UserRole(row["role"])
    except ValueError:
        return Signer(None, "", UserRole.CONSULTANT, False, None)
    return Signer(row["id"], row["display_name"] or row["username"], role, bool(row["leerplichtambtenaar"]),
                  (row["boa_number"] or "").strip() or None)


def server_rules(conn: Connection) -> MandateRules:
    """The mandate rules the server publishes, or the lawful defaults."""
    rows = conn.execute(select(records.c.data).where(records.c.table_name == MANDATE_TABLE,
                                                     records.c.deleted.is_(False)))
    return MandateRules.from_documents(json.loads(data) for (data,) in rows)


def _document_act(kind: str) -> SigningAct | None:
    from desktop.models.legal_acts import RULES

    found = RULES.get(kind)
    return found.act if found is not None else None


def signing_problem(
    conn: Connection, principal_id: str, table: str, data: dict[str, Any], names: Iterable[str], insert: bool,
    row: RowLookup,
) -> str | None:
    """Why the signer of this pushed record may not sign it (Dutch), or None.

    - an exemption with a decision: ``decided_by_user_id`` signs (Lpw art. 16);
    - a leave request decided by the leerplichtambtenaar: ``decided_by_user_id`` (Lpw art. 14 lid 3, 16);
    - an intervention of kind proces-verbaal: ``user_id``, else the pushing account (Sv art. 142, 152);
    - a new document register record: the one who decided the decision it is about, else the case's
      consultant, else its maker, else the pushing account.
    """
    changed = set(names)
    act: SigningAct | None = None
    signer_id: str | None = None
    if table == "exemptions":
        if data.get("decision") is None or not (insert or changed & {"decision", "decided_by_user_id"}):
            return None
        act, signer_id = SigningAct.EXEMPTION_DECISION, data.get("decided_by_user_id")
    elif table == "leave_requests":
        if (data.get("decision") is None or data.get("decided_by") != "attendance_officer"
                or not (insert or changed & {"decision", "decided_by_user_id", "decided_by"})):
            return None
        act, signer_id = SigningAct.LEAVE_DECISION_OVER_10_DAYS, data.get("decided_by_user_id")
    elif table == "interventions":
        if data.get("kind") != "official_report" or not (insert or changed & {"kind", "user_id"}):
            return None
        act, signer_id = SigningAct.PROCES_VERBAAL, data.get("user_id") or principal_id
    elif table == "document_records":
        if not insert:
            return None
        act = _document_act(str(data.get("kind") or ""))
        if act is None:
            return None
        signer_id = _document_signer(data, row) or principal_id
    else:
        return None
    return signing_refusal(act, account_signer(conn, signer_id), server_rules(conn))


def _document_signer(data: dict[str, Any], row: RowLookup) -> str | None:
    source: dict[str, Any] = {}
    try:
        source = dict(json.loads(data.get("merge_data") or "{}").get("source") or {})
    except (ValueError, TypeError, AttributeError):
        source = {}
    for table, key in (("exemptions", "exemption"), ("leave_requests", "leave_request")):
        found = row(table, source.get(key)) if isinstance(source.get(key), str) else None
        if found is not None and not found.deleted and found.data.get("decided_by_user_id"):
            return str(found.data["decided_by_user_id"])
    case = row("cases", data.get("case_id")) if isinstance(data.get("case_id"), str) else None
    if case is not None and case.data.get("assigned_user_id"):
        return str(case.data["assigned_user_id"])
    maker = data.get("generated_by_user_id")
    return str(maker) if maker else None

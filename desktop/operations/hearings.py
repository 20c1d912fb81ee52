"""The verhoor of a suspect: who in a case can be heard (the jongere, the parents and carers), and recording
a hearing with its caution, rights and statement. The result of the write is the new hearing's id."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject
from sqlalchemy import select

from desktop.models.cases import Case
from desktop.models.errors import DomainError
from desktop.models.hearings import record_hearing
from desktop.models.law import age_on
from desktop.models.registry import Guardian, Person
from desktop.operations.context import AppContext
from desktop.operations.op import CollectionOp, QueryOp


@dataclass(frozen=True)
class HearingSuspect:
    """Someone who can be heard as a suspect in the case: the jongere (``guardian_id`` None) or a parent."""

    guardian_id: str | None
    label: str
    birth_date: dt.date | None
    given_names: str = ""
    birth_place: str = ""

    def minor_on(self, day: dt.date) -> bool:
        """Whether the suspect is under 18 on ``day`` (Sv art. 488ab applies); unknown counts as an adult."""
        return self.birth_date is not None and age_on(self.birth_date, day) < 18


@dataclass(frozen=True)
class HearingCase:
    case_id: str
    case_number: str
    pupil: str
    suspects: list[HearingSuspect]


def _find(session, case_number: str) -> HearingCase:
    number = case_number.strip()
    if not number:
        raise DomainError("Vul een zaaknummer in.")
    case = session.scalars(select(Case).where(Case.case_number == number, Case.deleted.is_(False))).first()
    if case is None:
        raise DomainError(f"Zaak {number} bestaat niet (of is niet zichtbaar voor u).")
    person = session.get_one(Person, case.person_id)
    suspects = [HearingSuspect(None, f"{person.full_name} (jongere)", person.birth_date, person.first_names or "",
                               person.birth_place or "")]
    for guardian in session.scalars(
        select(Guardian).where(Guardian.person_id == person.id, Guardian.deleted.is_(False))
        .order_by(Guardian.relation, Guardian.last_name)
    ):
        given = guardian.first_names or guardian.initials
        name = " ".join(p for p in (given, guardian.prefix, guardian.last_name) if p)
        authority = "met gezag" if guardian.has_authority else "zonder gezag"
        suspects.append(HearingSuspect(guardian.id, f"{name} ({guardian.relation.label.lower()}, {authority})",
                                       guardian.birth_date, guardian.first_names or "", guardian.birth_place or ""))
    return HearingCase(case.id, case.case_number, person.full_name, suspects)


def find_case(ctx: AppContext, case_number: str, *, parent: QObject | None = None) -> QueryOp[HearingCase]:
    """The case with this number and who in it can be heard."""
    return QueryOp(ctx, lambda session: _find(session, case_number), parent=parent)


def case_by_id(ctx: AppContext, case_id: str, *, parent: QObject | None = None) -> QueryOp[HearingCase]:
    """Like :func:`find_case`, for a case the window already has open."""

    def read(session) -> HearingCase:
        case = session.get(Case, case_id)
        if case is None or case.deleted:
            raise DomainError("Deze zaak bestaat niet (meer).")
        return _find(session, case.case_number)

    return QueryOp(ctx, read, parent=parent)


def save_hearing(
    ctx: AppContext, case_id: str, user_id: str | None, *, parent: QObject | None = None, **fields: Any
) -> CollectionOp[str]:
    """Record the hearing (``desktop.models.hearings.record_hearing``); refused with a Dutch sentence."""

    def write(session) -> str:
        hearing = record_hearing(session, case_id, user_id=user_id, today=ctx.today(), **fields)
        return hearing.id

    return CollectionOp(ctx, write, parent=parent)

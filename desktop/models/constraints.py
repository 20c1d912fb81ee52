"""Building blocks the entity modules share: enum column types, period checks and the BSN 11-proef.

Each rule exists twice on purpose: as a database CHECK (so raw SQL, imports and sync cannot bypass it)
and as an ORM validator that raises a Dutch ``DomainError`` before anything reaches the database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapper, validates

from desktop.models.enums import LabeledEnum
from desktop.models.errors import DomainError

BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)



def enum_type(enum_cls: type[LabeledEnum], name: str) -> sa.Enum:
    """A portable enum column: VARCHAR plus a named CHECK constraint, identical on SQLite and PostgreSQL."""
    return sa.Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        values_callable=lambda members: [member.value for member in members],
        length=max(len(member.value) for member in enum_cls),
    )


def period_check(start: str, end: str, name: str = "period") -> sa.CheckConstraint:
    """CHECK that an optional end does not lie before the start."""
    return sa.CheckConstraint(f"{end} IS NULL OR {start} IS NULL OR {end} >= {start}", name=name)


def digits_sql(column: str, length: int) -> str:
    """Portable SQL for 'exactly ``length`` ASCII digits' (no GLOB or regex: SQLite and PostgreSQL differ)."""
    parts = [f"length({column}) = {length}"]
    parts += [f"substr({column}, {i}, 1) BETWEEN '0' AND '9'" for i in range(1, length + 1)]
    return " AND ".join(parts)


def bsn_check(column: str = "bsn") -> sa.CheckConstraint:
    """The 11-proef as a CHECK constraint, written in SQL that SQLite and PostgreSQL both accept."""
    weighted = " + ".join(
        f"({weight}) * CAST(substr({column}, {i}, 1) AS INTEGER)" for i, weight in enumerate(BSN_WEIGHTS, 1)
    )
    return sa.CheckConstraint(
        f"{column} IS NULL OR ({digits_sql(column, 9)} AND {column} <> '000000000' AND ({weighted}) % 11 = 0)",
        name="bsn_11_proef",
    )


def validates_period(start: str, end: str, label: str = "De einddatum") -> Callable[..., Any]:
    """An ORM validator refusing an end before the start, whichever of the two is set last."""

    @validates(start, end)
    def _check_period(self: Any, key: str, value: Any) -> Any:
        other = getattr(self, end if key == start else start)
        begin, finish = (value, other) if key == start else (other, value)
        if begin is not None and finish is not None and finish < begin:
            raise DomainError(f"{label} mag niet vóór de begindatum liggen.")
        return value

    return _check_period


# Dutch names of the enum fields, for messages the user reads.
FIELD_LABELS = {
    "kind": "soort",
    "status": "status",
    "phase": "fase",
    "route": "route",
    "close_reason": "reden van sluiten",
    "gender": "geslacht",
    "relation": "relatie",
    "role": "rol",
    "article": "artikel",
    "decision": "beslissing",
    "decided_by": "beslisser",
    "statement_by": "verklaring door",
    "source": "bron",
    "duo_status": "DUO-status",
    "duo_close_reason": "DUO-reden afsluiten",
    "duo_explanation": "DUO-toelichting",
    "outcome": "resultaat",
    "om_outcome": "afdoening OM",
    "suspect": "verdachte",
    "end_reason": "reden einde",
    "vsv_kind": "soort vsv",
    "holiday_region": "vakantieregio",
}


def _enum_setter(enum_cls: type[LabeledEnum], column_label: str) -> Callable[..., Any]:
    def coerce(_target: Any, value: Any, _old: Any, _initiator: Any) -> Any:
        if value is None or isinstance(value, enum_cls):
            return value
        try:
            return enum_cls(value)
        except ValueError:
            allowed = ", ".join(enum_cls.values())
            raise DomainError(
                f"Ongeldige waarde voor '{column_label}'. Toegestaan zijn: {allowed}."
            ) from None

    return coerce


@event.listens_for(Mapper, "mapper_configured")
def _attach_enum_validators(mapper: Mapper[Any], class_: type) -> None:
    """Every enum column refuses unknown values on assignment, with a Dutch message."""
    for prop in mapper.column_attrs:
        for column in prop.columns:
            enum_cls = getattr(column.type, "enum_class", None)
            if isinstance(enum_cls, type) and issubclass(enum_cls, LabeledEnum):
                attribute = getattr(class_, prop.key)
                label = FIELD_LABELS.get(prop.key, prop.key)
                event.listen(attribute, "set", _enum_setter(enum_cls, label), retval=True)

"""The record schema the device and the server share: every synced field's type, length and values, and
the constraints of the local database (11-proef, periods, required fields), checked on JSON values.

Derived from the SQLAlchemy model and the entity registry, so a change of the model changes what the
server accepts. Messages are Dutch, name the field by its label and never repeat the value.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import sqlalchemy as sa

from desktop.models import entities
from desktop.models.enums import LabeledEnum
from desktop.models.errors import DomainError
from desktop.models.law import is_valid_bsn

UUID_PATTERN = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
#: NUL and lone UTF-16 surrogates: no database stores them faithfully and JSON encoders refuse them.
UNSAFE_TEXT = re.compile("[\x00\ud800-\udfff]")
CBS_CODE = re.compile(r"^GM[0-9]{4}$")
BRIN = re.compile(r"^[0-9A-Z]{4}$")
DECIMAL_TEXT = re.compile(r"^-?[0-9]{1,12}(\.[0-9]{1,6})?$")
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_TEXT_CHARS = 100_000
MAX_INTEGER = 2**31 - 1
MAX_TIMESTAMP_CHARS = 40


class FieldError(DomainError):
    """A value that does not fit its field; the message names the problem, never the value."""


Parser = Callable[[Any], Any]


def text_is_safe(value: str) -> bool:
    return UNSAFE_TEXT.search(value) is None


def _enum_parser(enum_cls: type[LabeledEnum]) -> Parser:
    members = {member.value: member for member in enum_cls}
    allowed = ", ".join(sorted(members))

    def parse_enum(value: Any) -> LabeledEnum:
        member = members.get(value) if isinstance(value, str) else None
        if member is None:
            raise FieldError(f"onbekende waarde (toegestaan: {allowed})")
        return member

    return parse_enum


def _parse_datetime(value: Any) -> dt.datetime:
    if not isinstance(value, str) or len(value) > MAX_TIMESTAMP_CHARS:
        raise FieldError("verwacht een tijdstip (ISO 8601)")
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise FieldError("geen geldig tijdstip (ISO 8601)") from None


def _parse_date(value: Any) -> dt.date:
    if not isinstance(value, str) or len(value) != 10:
        raise FieldError("verwacht een datum jjjj-mm-dd")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FieldError("geen bestaande datum (jjjj-mm-dd)") from None


def _parse_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldError("verwacht true of false")
    return value


def _parse_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError("verwacht een geheel getal")
    if abs(value) > MAX_INTEGER:
        raise FieldError("getal te groot")
    return value


def _number_parser(column_type: sa.Numeric) -> Parser:
    digits = (column_type.precision or 15) - (column_type.scale or 0)
    bound = 10.0**digits

    def parse_number(value: Any) -> float:
        if isinstance(value, str) and DECIMAL_TEXT.match(value):
            value = float(value)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise FieldError("verwacht een getal")
        if abs(value) >= bound:
            raise FieldError("getal te groot")
        return float(value)

    return parse_number


def _parse_codes(value: Any) -> list[str]:
    """The one JSON column: a list of gemeente codes (users.municipality_codes)."""
    if not isinstance(value, list) or len(value) > 400:
        raise FieldError("verwacht een lijst van CBS-codes")
    if any(not isinstance(code, str) or not CBS_CODE.match(code) for code in value):
        raise FieldError("verwacht CBS-codes zoals GM0505")
    return value


def _parse_uuid(value: Any) -> str:
    if not isinstance(value, str) or not UUID_PATTERN.match(value):
        raise FieldError("geen geldige verwijzing (UUID)")
    return value


def _text_parser(length: int | None, pattern: re.Pattern[str] | None = None, example: str = "") -> Parser:
    limit = length or MAX_TEXT_CHARS

    def parse_text(value: Any) -> str:
        if not isinstance(value, str):
            raise FieldError("verwacht tekst")
        if len(value) > limit:
            raise FieldError(f"te lang ({len(value)} tekens, hoogstens {limit})")
        if not text_is_safe(value):
            raise FieldError("bevat tekens die niet zijn toegestaan")
        if pattern is not None and not pattern.match(value):
            raise FieldError(f"heeft niet de vorm {example}")
        return value

    return parse_text


#: Text fields whose form the scope rules and the reports rely on.
FORMATTED_TEXT: dict[str, tuple[re.Pattern[str], str]] = {
    "municipality_code": (CBS_CODE, "GM0505"),
    "cbs_code": (CBS_CODE, "GM0505"),
    "brin": (BRIN, "00AA"),
    "school_brin": (BRIN, "00AA"),
    "brin_vo": (BRIN, "00AA"),
    "brin_mbo": (BRIN, "00AA"),
}


def column_parser(column: sa.Column[Any]) -> Parser:
    """The strict parser of one column: a JSON value in, the Python value out, or a FieldError."""
    kind = column.type
    enum_cls = getattr(kind, "enum_class", None)
    if isinstance(enum_cls, type) and issubclass(enum_cls, LabeledEnum):
        return _enum_parser(enum_cls)
    if column.primary_key or column.foreign_keys:
        return _parse_uuid
    if isinstance(kind, sa.DateTime):
        return _parse_datetime
    if isinstance(kind, sa.Date):
        return _parse_date
    if isinstance(kind, sa.Boolean):
        return _parse_bool
    if isinstance(kind, sa.Integer):
        return _parse_int
    if isinstance(kind, sa.Numeric):
        return _number_parser(kind)
    if isinstance(kind, sa.JSON):
        return _parse_codes
    pattern, example = FORMATTED_TEXT.get(column.name, (None, ""))
    return _text_parser(getattr(kind, "length", None), pattern, example)


@dataclass(frozen=True)
class FieldRule:
    name: str
    label: str
    parse: Parser
    required: bool  # an insert must give it a value
    nullable: bool
    references: str | None  # the table a reference points at


@dataclass(frozen=True)
class RecordCheck:
    """A rule over several fields of a record (a CHECK constraint of the local database)."""

    name: str
    fields: frozenset[str]
    problem: Callable[[Mapping[str, Any]], str | None]  # parsed values in, a Dutch problem or None out


#: CHECK constraints whose rule a field's parser already holds.
COVERED_BY_FIELDS = frozenset({"cbs_code_format"})

_PERIOD = re.compile(r"^(\w+) IS NULL OR (\w+) IS NULL OR \1 >= \2$")


def _comparable(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def _period_check(name: str, start: str, end: str, labels: Mapping[str, str]) -> RecordCheck:
    def problem(values: Mapping[str, Any]) -> str | None:
        begin, finish = values.get(start), values.get(end)
        if begin is None or finish is None:
            return None
        if type(begin) is not type(finish):
            return None
        if _comparable(finish) < _comparable(begin):
            return f"{labels[end]} mag niet vóór {labels[start].lower()} liggen."
        return None

    return RecordCheck(name, frozenset({start, end}), problem)


def _named_checks(labels: Mapping[str, str]) -> dict[str, RecordCheck]:
    """The CHECK constraints that are not periods, by their name in the model."""

    def minimum(name: str, field: str, low: float, strict: bool) -> RecordCheck:
        def problem(values: Mapping[str, Any]) -> str | None:
            value = values.get(field)
            if value is None or (value > low if strict else value >= low):
                return None
            return f"{labels[field]} moet {'groter dan' if strict else 'minstens'} {low:g} zijn."

        return RecordCheck(name, frozenset({field}), problem)

    def bsn(values: Mapping[str, Any]) -> str | None:
        value = values.get("bsn")
        return None if value is None or is_valid_bsn(value) else "Het BSN voldoet niet aan de 11-proef."

    def education_number(values: Mapping[str, Any]) -> str | None:
        value = values.get("education_number")
        ok = value is None or (len(value) == 9 and value.isascii() and value.isdigit())
        return None if ok else "Het onderwijsnummer moet uit negen cijfers bestaan."

    def identifier(values: Mapping[str, Any]) -> str | None:
        return None if values.get("bsn") or values.get("education_number") else "Een BSN of onderwijsnummer is nodig."

    def brin(values: Mapping[str, Any]) -> str | None:
        location = values.get("location")
        if location is not None and (len(location) != 2 or not location.isalnum()):
            return "De vestiging bestaat uit twee tekens."
        return None

    return {
        "bsn_11_proef": RecordCheck("bsn_11_proef", frozenset({"bsn"}), bsn),
        "education_number_format": RecordCheck(
            "education_number_format", frozenset({"education_number"}), education_number
        ),
        "has_identifier": RecordCheck("has_identifier", frozenset({"bsn", "education_number"}), identifier),
        "brin_format": RecordCheck("brin_format", frozenset({"brin", "location"}), brin),
        "hours_absent_positive": minimum("hours_absent_positive", "hours_absent", 0, strict=False),
        "days_absent_positive": minimum("days_absent_positive", "days_absent", 0, strict=False),
        "days_positive": minimum("days_positive", "days", 0, strict=True),
    }


class TableSchema:
    """The fields and record rules of one synced table."""

    def __init__(self, table: sa.Table, entity: entities.Entity) -> None:
        self.table = table
        self.entity = entity
        self.fields: dict[str, FieldRule] = {}
        for column in table.columns:
            if column.name in entities.BOOKKEEPING_FIELDS:
                continue
            target = next((fk.column.table.name for fk in column.foreign_keys), None)
            self.fields[column.name] = FieldRule(
                column.name,
                entity.label_of(column.name),
                column_parser(column),
                required=not column.nullable and column.default is None,
                nullable=bool(column.nullable),
                references=target,
            )
        labels = {name: rule.label for name, rule in self.fields.items()}
        named = _named_checks(labels)
        self.checks: list[RecordCheck] = []
        self.unchecked: list[str] = []  # CHECK constraints without a rule here (a test keeps this empty)
        for constraint in table.constraints:
            if not isinstance(constraint, sa.CheckConstraint) or constraint.name is None:
                continue
            name = str(constraint.name).removeprefix(f"ck_{table.name}_")
            match = _PERIOD.match(str(constraint.sqltext).strip())
            if match:
                self.checks.append(_period_check(name, match.group(2), match.group(1), labels))
            elif name in named:
                self.checks.append(named[name])
            elif name in COVERED_BY_FIELDS or name in self.fields or _is_enum_check(constraint):
                continue  # the field's own parser holds the same rule (an enum's values, a code's form)
            else:
                self.unchecked.append(name)
        self.required = [name for name, rule in self.fields.items() if rule.required]
        self.references = {name: rule.references for name, rule in self.fields.items() if rule.references}

    def parse(self, name: str, value: Any) -> Any:
        """The Python value of one field; FieldError (with the field's label) when it does not fit."""
        rule = self.fields.get(name)
        if rule is None:
            shown = f" '{name}'" if _FIELD_NAME.match(name) else ""
            raise FieldError(f"Onbekend veld{shown} voor {self.entity.label.lower()}.")
        if value is None:
            if not rule.nullable:
                raise FieldError(f"{rule.label}: dit veld moet een waarde hebben.")
            return None
        try:
            return rule.parse(value)
        except FieldError as error:
            raise FieldError(f"{rule.label}: {error}") from None

    def problem(self, record: Mapping[str, Any], changed: Iterable[str] | None = None) -> str | None:
        """The first reason a record (after a change of ``changed``; None: a new record) is refused, or None.

        Fields the change did not touch are taken as stored; a rule is checked only where the change
        touches one of its fields, so a value stored before a rule existed never blocks other edits.
        """
        touched = set(record) if changed is None else set(changed)
        values: dict[str, Any] = {}
        for name in touched:
            try:
                values[name] = self.parse(name, record.get(name))
            except FieldError as error:
                return str(error)
        if changed is None:
            missing = [self.fields[name].label for name in self.required if record.get(name) is None]
            if missing:
                return "Verplicht veld ontbreekt: " + ", ".join(missing) + "."
        for check in self.checks:
            if changed is not None and not check.fields & touched:
                continue
            for name in check.fields - values.keys():
                try:
                    values[name] = self.parse(name, record.get(name))
                except FieldError:
                    values[name] = None  # a stored value that no longer fits: reported by the server's check
            found = check.problem(values)
            if found:
                return found
        return None


def _is_enum_check(constraint: sa.CheckConstraint) -> bool:
    return " IN (" in str(constraint.sqltext)


@cache
def schema_for(table: str) -> TableSchema | None:
    """The schema of a synced table (None for a table that does not sync)."""
    found = entities.get(table)
    if found is None:
        return None
    return TableSchema(found.model.__table__, found)

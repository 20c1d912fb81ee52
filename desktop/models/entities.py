"""One registry entry per synced entity: what the program knows about a table, declared beside its model.

Each model class that synchronises carries ``@entity(...)``: its Dutch names, its place in the scope rules
(reference data, a person's file, a case or what hangs off either), which roles may write it (per field
where needed), its health fields, the law it is processed under (AVG or Wpg), its retention class, its
name in the interchange format and its section in an inzage. The server's scope and validation, the
app's access checks, the conflict and inzage labels, the JSONL export and import, and retention all read
this registry; nothing else lists tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from desktop.models.enums import ExemptionArticle, InterventionKind, UserRole

if TYPE_CHECKING:
    from desktop.models.base import Base

CONSULTANT = UserRole.CONSULTANT
ADMINISTRATOR = UserRole.ADMINISTRATOR
TEAM_LEAD = UserRole.TEAM_LEAD
SYSTEM_ADMINISTRATOR = UserRole.SYSTEM_ADMINISTRATOR

#: Columns every synced table has; the sync protocol owns them, no role writes them as fields.
BOOKKEEPING_FIELDS = frozenset({"id", "version", "updated_at", "deleted"})


class ScopeClass(StrEnum):
    """Where a record sits in the need-to-know rules (see sync/server/scope.py)."""

    REFERENCE = "reference"  # read by every role: gemeenten, schools, users
    PERSON = "person"  # the person's file itself
    CASE = "case"  # a zaak, seen by its consultant and the gemeenten of the file
    CASE_CHILD = "case_child"  # belongs to a case (through case_id), else to the person
    PERSON_CHILD = "person_child"  # belongs to the person (a case_id, where present, narrows who handles it)


class Regime(StrEnum):
    """The law a record is processed under."""

    AVG = "avg"  # Algemene verordening gegevensbescherming: the ordinary case file
    WPG = "wpg"  # Wet politiegegevens: investigation data and processen-verbaal (boa work)


class RetentionClass(StrEnum):
    """Which keeping period applies (VNG Selectielijst 2020; Wpg art. 14 for police data)."""

    NONE = "none"  # reference data: kept while in use
    PERSON_FILE = "person_file"  # part of a person's leerplicht/kwalificatieplicht/RMC file
    POLICE_DATA = "police_data"  # a proces-verbaal: the Wpg term, counted from its date


@dataclass(frozen=True)
class Entity:
    """Everything the program knows about one synced table."""

    table: str
    label: str  # 'Zaak'
    plural: str  # 'Zaken': the section title of an inzage
    interchange: str  # the record type in the Vangnet JSONL format
    scope: ScopeClass
    writers: frozenset[UserRole]
    fields: Mapping[str, str] = field(default_factory=dict)  # Dutch labels of this table's own fields
    #: Fields only some of the writers may change (an insert may set them only to a value the writer keeps in scope).
    field_writers: Mapping[str, frozenset[UserRole]] = field(default_factory=dict)
    #: Roles that may write only some fields of the table (e.g. the team lead assigns and closes cases).
    role_fields: Mapping[UserRole, frozenset[str]] = field(default_factory=dict)
    health_fields: frozenset[str] = frozenset()
    #: (field, value) under which the health fields hold health data: art. 5 onder a.
    health_when: tuple[str, str] | None = None
    #: Values of ``kind`` that make a record police data (Wpg) instead of AVG.
    wpg_kinds: frozenset[str] = frozenset()
    retention: RetentionClass = RetentionClass.PERSON_FILE
    #: Fields a keeping period is computed from: the server keeps their earlier values for its check.
    retention_fields: frozenset[str] = frozenset()
    #: (position, sort column) of the entity's section in an inzage (AVG art. 15); None: not a section of its own.
    inzage: tuple[int, str] | None = None
    append_only: bool = False
    #: Written by the server only (from its accounts); no device may push it.
    server_managed: bool = False
    model: Any = None

    def label_of(self, name: str) -> str:
        return self.fields.get(name) or COMMON_FIELD_LABELS.get(name) or name.replace("_", " ").capitalize()

    def has_label(self, name: str) -> bool:
        return name in self.fields or name in COMMON_FIELD_LABELS

    def holds_health(self, data: Mapping[str, Any]) -> bool:
        """Whether a record's health fields hold health data (for exemptions: art. 5 onder a)."""
        if not self.health_fields or self.health_when is None:
            return False
        name, value = self.health_when
        return data.get(name) == value

    def regime(self, kind: str | None) -> Regime:
        return Regime.WPG if kind is not None and kind in self.wpg_kinds else Regime.AVG

    def retention_of(self, kind: str | None) -> RetentionClass:
        return RetentionClass.POLICE_DATA if kind is not None and kind in self.wpg_kinds else self.retention


#: Labels of fields several tables share (addresses, contact details, links).
COMMON_FIELD_LABELS: dict[str, str] = {
    "street": "Straat",
    "house_number": "Huisnummer",
    "postal_code": "Postcode",
    "city": "Woonplaats",
    "phone": "Telefoon",
    "email": "E-mail",
    "municipality_code": "Gemeente",
    "person_id": "Leerling",
    "case_id": "Zaak",
    "school_id": "School",
    "kind": "Soort",
    "status": "Status",
    "notes": "Opmerkingen",
    "first_names": "Voornamen",
    "prefix": "Tussenvoegsel",
    "last_name": "Achternaam",
    "gender": "Geslacht",
    "start_date": "Begindatum",
    "end_date": "Einddatum",
    "received_on": "Ontvangen op",
    "decided_on": "Besloten op",
    "decision": "Besluit",
    "decided_by_user_id": "Besloten door",
    "motivation": "Motivering",
    "reason": "Reden",
    "outcome": "Resultaat",
    "hours_absent": "Uren verzuim",
    "times_late": "Keren te laat",
    "school_year": "Schooljaar",
    "active": "Actief",
    "name": "Naam",
    "user_id": "Medewerker",
    "deleted": "Verwijderd",
}

_REGISTRY: dict[str, Entity] = {}
_Model = TypeVar("_Model", bound="Base")


def entity(**spec: Any) -> Callable[[type[_Model]], type[_Model]]:
    """Class decorator: register the model's table in the entity registry."""

    def register(model: type[_Model]) -> type[_Model]:
        table = model.__tablename__
        if table in _REGISTRY:
            raise RuntimeError(f"table {table} registered twice")
        _REGISTRY[table] = Entity(table=table, model=model, **spec)
        return model

    return register


def _load() -> None:
    # Importing the package imports every model module, and with it every @entity declaration.
    import desktop.models  # noqa: F401


def entities() -> list[Entity]:
    """Every synced entity, parents before children (the order of the tables' foreign keys)."""
    _load()
    from desktop.models.base import Base

    order = {table.name: i for i, table in enumerate(Base.metadata.sorted_tables)}
    return sorted(_REGISTRY.values(), key=lambda e: order.get(e.table, len(order)))


def get(table: str) -> Entity | None:
    _load()
    return _REGISTRY.get(table)


def by_interchange(name: str) -> Entity | None:
    return next((e for e in entities() if e.interchange == name), None)


def tables(*scopes: ScopeClass) -> frozenset[str]:
    """The synced tables of the given scope classes (all of them without an argument)."""
    return frozenset(e.table for e in entities() if not scopes or e.scope in scopes)


def table_label(table: str) -> str:
    found = get(table)
    return found.label if found else table.replace("_", " ").capitalize()


def field_label(table: str, name: str) -> str:
    found = get(table)
    if found is not None:
        return found.label_of(name)
    return COMMON_FIELD_LABELS.get(name) or name.replace("_", " ").capitalize()


def may_write(role: str, table: str, name: str | None = None) -> bool:
    """Whether a role may write a table, or one field of it (the app and the server ask this same function)."""
    found = get(table)
    if found is None or found.server_managed or role not in found.writers:
        return False
    if name is None or name in BOOKKEEPING_FIELDS:
        return True
    allowed = found.field_writers.get(name)
    if allowed is not None and role not in allowed:
        return False
    only = found.role_fields.get(UserRole(role))  # a writer's role, so one of UserRole's values
    return only is None or name in only


def write_refusal(
    role: str,
    table: str,
    kind: str,
    changed: Iterable[str],
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any],
    *,
    reads_health: bool,
) -> str | None:
    """Why a role may not make this change (a reason code), or None when it may.

    ``before`` is the stored record (None for an insert), ``after`` the record as the change leaves it.
    Health fields of an art. 5 onder a exemption are written only by who may read them, and moving a record
    into or out of that state (changing the article) needs the same right on both sides.
    """
    found = get(table)
    if found is None:
        return "unknown_table"
    if not may_write(role, table):
        return "forbidden"
    if kind == "delete" and role in found.role_fields:
        return "forbidden"  # a role limited to some fields (the team lead on cases) does not delete the record
    changed = [name for name in changed if name not in BOOKKEEPING_FIELDS]
    # On an insert a field that only some roles change may still be given its first value (the scope
    # check keeps an assignment within what the writer may see); other field limits hold for inserts too.
    limited = [name for name in changed if kind != "insert" or name not in found.field_writers]
    if any(not may_write(role, table, name) for name in limited):
        return "field_forbidden"
    if found.health_fields and not reads_health:
        was, now = before is not None and found.holds_health(before), found.holds_health(after)
        if before is not None and was != now:
            return "health_forbidden"
        if now and any(name in found.health_fields and _carries(after.get(name)) for name in changed):
            return "health_forbidden"
    return None


def _carries(value: Any) -> bool:
    """Whether a value says something (an empty text, no value or 'no' does not)."""
    return value not in (None, "", False)


def health_fields(table: str) -> frozenset[str]:
    found = get(table)
    return found.health_fields if found else frozenset()


def regime_of(table: str, kind: str | None = None) -> Regime:
    found = get(table)
    return found.regime(kind) if found else Regime.AVG


#: The values the registry refers to, kept here so a declaration reads as the law does.
ART_5_ONDER_A = ExemptionArticle.ART_5A.value
OFFICIAL_REPORT = InterventionKind.OFFICIAL_REPORT.value

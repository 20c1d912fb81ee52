"""The application's lists (Leerlingen, Zaken, Vrijstellingen, Verlof, Thuiszitters, Doorstroompunt,
Documenten): their columns, Dutch titles and filters, and the row ids and rows they show.

Filtering and sorting happen in SQL; list views hold row ids and fetch the visible rows by id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func, literal_column, or_, select
from sqlalchemy.orm import Session

from desktop.models import (
    Case,
    DocumentRecord,
    DropoutTrajectory,
    Enrollment,
    Exemption,
    HomeSitterEpisode,
    LeaveRequest,
    Municipality,
    Person,
    School,
    User,
)
from desktop.models.base import table_of
from desktop.models.enums import (
    CaseKind,
    CasePhase,
    CaseStatus,
    Decision,
    DropoutOutcome,
    ExemptionArticle,
    HomeSitterEndReason,
    LabeledEnum,
    LeaveDecider,
    LeaveKind,
    VsvKind,
)
from desktop.models.law import school_year
from desktop.models.search import PERSON_NAME, school_choices
from desktop.models.search_index import COLLATION, SURNAME_COLLATION, register_collations


@dataclass(frozen=True)
class ListColumn:
    key: str
    header: str
    expr: Any
    kind: str = "text"  # text, date, int, bool, enum
    enum: type[LabeledEnum] | None = None
    sortable: bool = True
    width: int = 140
    # Sort on these instead of the shown expression (indexed columns sort faster than a built string).
    sort_by: tuple[Any, ...] = ()


@dataclass(frozen=True)
class ListFilterDef:
    key: str
    label: str
    kind: str  # municipality, enum, user, school_year, open_closed, school
    column: Any = None
    enum: type[LabeledEnum] | None = None


@dataclass
class ListFilter:
    """The user's filter choices; a None value means 'all'."""

    values: dict[str, Any] = field(default_factory=dict)
    text: str = ""

    def get(self, key: str) -> Any:
        return self.values.get(key)


@dataclass(frozen=True)
class ListSpec:
    name: str
    title: str
    table: sa.Table
    columns: tuple[ListColumn, ...]
    filters: tuple[ListFilterDef, ...]
    from_clause: Callable[[], Any]
    person_id: Any
    record_id: Any
    default_sort: str
    default_descending: bool = False
    date_for_school_year: Any = None
    text_columns: tuple[Any, ...] = ()

    @property
    def rowid(self):
        return literal_column(f"{self.table.name}.rowid")

    def column(self, key: str) -> ListColumn:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)


_municipality = sa.orm.aliased(Municipality, name="gm")
_consultant = sa.orm.aliased(User, name="consultant")

# Sorted under the Dutch collations (see _sort_expression): by surname without its tussenvoegsels, then
# by first names; the index ix_persons_sort_nl delivers this order.
_PERSON_SORT = (Person.last_name, Person.first_names)


def _person_join(table: Any, person_fk: Any, municipality_fk: Any) -> Callable[[], Any]:
    def build():
        return table.join(Person, Person.id == person_fk).outerjoin(
            _municipality, _municipality.cbs_code == municipality_fk
        )

    return build


def _current_school_name() -> Any:
    today = dt.date.today()
    return (
        select(School.name)
        .join(Enrollment, Enrollment.school_id == School.id)
        .where(
            Enrollment.person_id == Person.id,
            Enrollment.deleted.is_(False),
            Enrollment.start_date <= today,
            or_(Enrollment.end_date.is_(None), Enrollment.end_date >= today),
        )
        .order_by(Enrollment.start_date.desc())
        .limit(1)
        .correlate(Person)
        .scalar_subquery()
    )


def _open_case_count() -> Any:
    return (
        select(func.count(Case.id))
        .where(Case.person_id == Person.id, Case.status == CaseStatus.OPEN, Case.deleted.is_(False))
        .correlate(Person)
        .scalar_subquery()
    )


def _build_specs() -> dict[str, ListSpec]:
    persons = table_of(Person)
    specs = [
        ListSpec(
            name="persons",
            title="Leerlingen",
            table=persons,
            columns=(
                ListColumn("name", "Naam", PERSON_NAME, width=240, sort_by=_PERSON_SORT),
                ListColumn("birth_date", "Geboortedatum", Person.birth_date, "date", width=120),
                ListColumn("city", "Woonplaats", Person.city, width=170),
                ListColumn("municipality", "Gemeente", _municipality.name, width=170),
                ListColumn("school", "School", _current_school_name(), sortable=False, width=240),
                ListColumn("open_cases", "Open zaken", _open_case_count(), "int", sortable=False, width=90),
            ),
            filters=(
                ListFilterDef("municipality", "Gemeente", "municipality", Person.municipality_code),
                ListFilterDef("school", "School", "school"),
            ),
            from_clause=lambda: persons.outerjoin(_municipality, _municipality.cbs_code == Person.municipality_code),
            person_id=Person.id,
            record_id=Person.id,
            default_sort="name",
            text_columns=(Person.last_name, Person.first_names, Person.city),
        ),
        ListSpec(
            name="cases",
            title="Zaken",
            table=table_of(Case),
            columns=(
                ListColumn("case_number", "Zaaknummer", Case.case_number, width=110),
                ListColumn("person", "Leerling", PERSON_NAME, width=220, sort_by=_PERSON_SORT),
                ListColumn("kind", "Soort", Case.kind, "enum", CaseKind, width=200),
                ListColumn("phase", "Fase", Case.phase, "enum", CasePhase, width=100),
                ListColumn("status", "Status", Case.status, "enum", CaseStatus, width=80),
                ListColumn("consultant", "Consulent", _consultant.display_name, width=150),
                ListColumn("opened_on", "Geopend", Case.opened_on, "date", width=100),
                ListColumn("municipality", "Gemeente", _municipality.name, width=170),
            ),
            filters=(
                ListFilterDef("municipality", "Gemeente", "municipality", Case.municipality_code),
                ListFilterDef("kind", "Soort", "enum", Case.kind, CaseKind),
                ListFilterDef("status", "Status", "enum", Case.status, CaseStatus),
                ListFilterDef("phase", "Fase", "enum", Case.phase, CasePhase),
                ListFilterDef("consultant", "Consulent", "user", Case.assigned_user_id),
                ListFilterDef("school_year", "Schooljaar", "school_year", Case.opened_on),
            ),
            from_clause=lambda: (
                Case.__table__.join(Person, Person.id == Case.person_id)
                .outerjoin(_municipality, _municipality.cbs_code == Case.municipality_code)
                .outerjoin(_consultant, _consultant.id == Case.assigned_user_id)
            ),
            person_id=Case.person_id,
            record_id=Case.id,
            default_sort="opened_on",
            default_descending=True,
            text_columns=(Case.case_number, Person.last_name),
        ),
        ListSpec(
            name="exemptions",
            title="Vrijstellingen",
            table=table_of(Exemption),
            columns=(
                ListColumn("person", "Leerling", PERSON_NAME, width=220, sort_by=_PERSON_SORT),
                ListColumn("article", "Artikel", Exemption.article, "enum", ExemptionArticle, width=260),
                ListColumn("received_on", "Ontvangen", Exemption.received_on, "date", width=100),
                ListColumn("decision", "Besluit", Exemption.decision, "enum", Decision, width=100),
                ListColumn("valid_until", "Geldig tot", Exemption.valid_until, "date", width=100),
                ListColumn("municipality", "Gemeente", _municipality.name, width=170),
            ),
            filters=(
                ListFilterDef("municipality", "Gemeente", "municipality", Exemption.municipality_code),
                ListFilterDef("kind", "Artikel", "enum", Exemption.article, ExemptionArticle),
                ListFilterDef("decision", "Besluit", "decision", Exemption.decision, Decision),
                ListFilterDef("school_year", "Schooljaar", "school_year", Exemption.received_on),
            ),
            from_clause=_person_join(Exemption.__table__, Exemption.person_id, Exemption.municipality_code),
            person_id=Exemption.person_id,
            record_id=Exemption.id,
            default_sort="received_on",
            default_descending=True,
            text_columns=(Person.last_name,),
        ),
        ListSpec(
            name="leave_requests",
            title="Verlof",
            table=table_of(LeaveRequest),
            columns=(
                ListColumn("person", "Leerling", PERSON_NAME, width=220, sort_by=_PERSON_SORT),
                ListColumn("kind", "Soort", LeaveRequest.kind, "enum", LeaveKind, width=230),
                ListColumn("start_date", "Van", LeaveRequest.start_date, "date", width=100),
                ListColumn("end_date", "Tot en met", LeaveRequest.end_date, "date", width=100),
                ListColumn("days", "Dagen", LeaveRequest.days, "int", width=60),
                ListColumn("decided_by", "Beslist door", LeaveRequest.decided_by, "enum", LeaveDecider, width=170),
                ListColumn("decision", "Besluit", LeaveRequest.decision, "enum", Decision, width=100),
            ),
            filters=(
                ListFilterDef("municipality", "Gemeente", "municipality", Person.municipality_code),
                ListFilterDef("kind", "Soort", "enum", LeaveRequest.kind, LeaveKind),
                ListFilterDef("decision", "Besluit", "decision", LeaveRequest.decision, Decision),
                ListFilterDef("school_year", "Schooljaar", "school_year", LeaveRequest.start_date),
            ),
            from_clause=_person_join(LeaveRequest.__table__, LeaveRequest.person_id, Person.municipality_code),
            person_id=LeaveRequest.person_id,
            record_id=LeaveRequest.id,
            default_sort="start_date",
            default_descending=True,
            text_columns=(Person.last_name,),
        ),
        ListSpec(
            name="home_sitters",
            title="Thuiszitters",
            table=table_of(HomeSitterEpisode),
            columns=(
                ListColumn("person", "Leerling", PERSON_NAME, width=220, sort_by=_PERSON_SORT),
                ListColumn("start_date", "Begin", HomeSitterEpisode.start_date, "date", width=100),
                ListColumn("end_date", "Einde", HomeSitterEpisode.end_date, "date", width=100),
                ListColumn(
                    "end_reason", "Reden einde", HomeSitterEpisode.end_reason, "enum", HomeSitterEndReason, width=150
                ),
                ListColumn("municipality", "Gemeente", _municipality.name, width=170),
            ),
            filters=(
                ListFilterDef("municipality", "Gemeente", "municipality", HomeSitterEpisode.municipality_code),
                ListFilterDef("open", "Status", "open_closed", HomeSitterEpisode.end_date),
                ListFilterDef("school_year", "Schooljaar", "school_year", HomeSitterEpisode.start_date),
            ),
            from_clause=_person_join(
                HomeSitterEpisode.__table__, HomeSitterEpisode.person_id, HomeSitterEpisode.municipality_code
            ),
            person_id=HomeSitterEpisode.person_id,
            record_id=HomeSitterEpisode.id,
            default_sort="start_date",
            default_descending=True,
            text_columns=(Person.last_name,),
        ),
        ListSpec(
            name="dropouts",
            title="Doorstroompunt",
            table=table_of(DropoutTrajectory),
            columns=(
                ListColumn("person", "Jongere", PERSON_NAME, width=220, sort_by=_PERSON_SORT),
                ListColumn("vsv_kind", "Soort", DropoutTrajectory.vsv_kind, "enum", VsvKind, width=110),
                ListColumn("coach", "Coach", _consultant.display_name, width=150),
                ListColumn("start_date", "Begin", DropoutTrajectory.start_date, "date", width=100),
                ListColumn("end_date", "Einde", DropoutTrajectory.end_date, "date", width=100),
                ListColumn("outcome", "Resultaat", DropoutTrajectory.outcome, "enum", DropoutOutcome, width=150),
                ListColumn("municipality", "Gemeente", _municipality.name, width=170),
            ),
            filters=(
                ListFilterDef("municipality", "Gemeente", "municipality", DropoutTrajectory.municipality_code),
                ListFilterDef("kind", "Soort", "enum", DropoutTrajectory.vsv_kind, VsvKind),
                ListFilterDef("open", "Status", "open_closed", DropoutTrajectory.end_date),
                ListFilterDef("consultant", "Coach", "user", DropoutTrajectory.coach_user_id),
                ListFilterDef("school_year", "Schooljaar", "school_year", DropoutTrajectory.start_date),
            ),
            from_clause=lambda: (
                DropoutTrajectory.__table__.join(Person, Person.id == DropoutTrajectory.person_id)
                .outerjoin(_municipality, _municipality.cbs_code == DropoutTrajectory.municipality_code)
                .outerjoin(_consultant, _consultant.id == DropoutTrajectory.coach_user_id)
            ),
            person_id=DropoutTrajectory.person_id,
            record_id=DropoutTrajectory.id,
            default_sort="start_date",
            default_descending=True,
            text_columns=(Person.last_name,),
        ),
        ListSpec(
            name="documents",
            title="Documenten",
            table=table_of(DocumentRecord),
            columns=(
                ListColumn("generated_at", "Gemaakt op", DocumentRecord.generated_at, "date", width=110),
                ListColumn("kind", "Soort", DocumentRecord.kind, width=200),
                ListColumn("person", "Leerling", PERSON_NAME, width=220, sort_by=_PERSON_SORT),
                ListColumn("addressee", "Geadresseerde", DocumentRecord.addressee, width=220),
            ),
            filters=(ListFilterDef("school_year", "Schooljaar", "school_year", DocumentRecord.generated_at),),
            from_clause=lambda: DocumentRecord.__table__.outerjoin(Person, Person.id == DocumentRecord.person_id),
            person_id=DocumentRecord.person_id,
            record_id=DocumentRecord.id,
            default_sort="generated_at",
            default_descending=True,
            text_columns=(Person.last_name, DocumentRecord.kind),
        ),
    ]
    return {spec.name: spec for spec in specs}


LIST_SPECS: dict[str, ListSpec] = _build_specs()


def _apply_filters(spec: ListSpec, stmt: Any, flt: ListFilter | None) -> Any:
    stmt = stmt.where(spec.table.c.deleted.is_(False))
    if flt is None:
        return stmt
    for definition in spec.filters:
        value = flt.get(definition.key)
        if value in (None, ""):
            continue
        if definition.kind == "school_year":
            year = school_year(dt.date(int(str(value)[:4]), 8, 1))
            start, end = year.start, year.end
            if isinstance(definition.column.type, sa.DateTime):
                start = dt.datetime.combine(start, dt.time.min)
                end = dt.datetime.combine(end, dt.time.max)
            stmt = stmt.where(definition.column.between(start, end))
        elif definition.kind == "open_closed":
            stmt = stmt.where(definition.column.is_(None) if value == "open" else definition.column.is_not(None))
        elif definition.kind == "decision":
            stmt = stmt.where(definition.column.is_(None) if value == "pending" else definition.column == value)
        elif definition.kind == "school":
            today = dt.date.today()
            enrolled = select(Enrollment.person_id).where(
                Enrollment.school_id == value,
                Enrollment.deleted.is_(False),
                or_(Enrollment.end_date.is_(None), Enrollment.end_date >= today),
            )
            stmt = stmt.where(spec.person_id.in_(enrolled))
        else:
            stmt = stmt.where(definition.column == value)
    text_value = flt.text.strip()
    if text_value and spec.text_columns:
        pattern = text_value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(or_(*(column.ilike(pattern, escape="\\") for column in spec.text_columns)))
    return stmt


def list_rowids(
    session: Session,
    spec: ListSpec,
    flt: ListFilter | None = None,
    sort_key: str | None = None,
    descending: bool | None = None,
    limit: int | None = None,
) -> list[int]:
    """Row ids of every matching record in display order (sorted and filtered in SQL); with ``limit``
    only the first ones, which the index delivers without sorting the whole table."""
    sort_key = sort_key or spec.default_sort
    if descending is None:
        descending = spec.default_descending
    column = spec.column(sort_key)
    _ensure_collations(session)
    order = [
        _sort_expression(expr, column.kind).desc() if descending else _sort_expression(expr, column.kind).asc()
        for expr in (column.sort_by or (column.expr,))
    ]
    # Ties break on rowid so that pages are stable between fetches; in the same direction, so that an
    # index on the sort column (which ends in the rowid) delivers the order without a sort step.
    tiebreak = spec.rowid.desc() if descending else spec.rowid.asc()
    where = _apply_filters(spec, select(spec.rowid), flt).order_by(*order, tiebreak)
    # Join the other tables only when the filter or the sort needs them: on 50,000 cases the joins
    # cost far more than the ordering itself.
    stmt = where.select_from(spec.from_clause() if _needs_joins(spec, column, flt) else spec.table)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.execute(stmt).scalars())


def _sort_expression(expr: Any, kind: str) -> Any:
    """Text sorts as a Dutch reader expects: accents and case ignored; surnames without tussenvoegsels."""
    if expr is Person.last_name or getattr(expr, "expression", None) is Person.__table__.c.last_name:
        return expr.collate(SURNAME_COLLATION)
    if kind == "text":
        return expr.collate(COLLATION)
    return expr


def _ensure_collations(session: Session) -> None:
    """Stores register the collations on every connection; other SQLite engines (exports in tests) get
    them here."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        register_collations(connection.connection.driver_connection)


def _on_base_table(spec: ListSpec, expr: Any) -> bool:
    return getattr(expr, "table", None) is spec.table


def _needs_joins(spec: ListSpec, column: ListColumn, flt: ListFilter | None) -> bool:
    if not all(_on_base_table(spec, expr) for expr in (column.sort_by or (column.expr,))):
        return True
    if flt is None:
        return False
    if flt.text.strip() and not all(_on_base_table(spec, expr) for expr in spec.text_columns):
        return True
    for definition in spec.filters:
        if flt.get(definition.key) in (None, "") or definition.column is None:
            continue
        if not _on_base_table(spec, definition.column):
            return True
    return False


def list_rows(session: Session, spec: ListSpec, rowids: Sequence[int]) -> dict[int, tuple]:
    """The visible values of the given rows: rowid → (record id, person id, column values...)."""
    if not rowids:
        return {}
    stmt = select(spec.rowid, spec.record_id, spec.person_id, *(column.expr for column in spec.columns)).select_from(
        spec.from_clause()
    )
    stmt = stmt.where(spec.rowid.in_(list(rowids)))
    return {row[0]: tuple(row[1:]) for row in session.execute(stmt)}


@dataclass(frozen=True)
class FilterOptions:
    municipalities: list[tuple[str, str]]
    users: list[tuple[str, str]]
    schools: list[tuple[str, str]]
    school_years: list[str]


def filter_options(session: Session, today: dt.date | None = None) -> FilterOptions:
    today = today or dt.date.today()
    municipalities = [
        (row.cbs_code, row.name)
        for row in session.execute(
            select(Municipality.cbs_code, Municipality.name)
            .where(Municipality.deleted.is_(False))
            .order_by(Municipality.in_region.desc(), Municipality.name)
        )
    ]
    users = [
        (row.id, row.display_name)
        for row in session.execute(
            select(User.id, User.display_name).where(User.deleted.is_(False)).order_by(User.display_name)
        )
    ]
    schools = school_choices(session)
    current = school_year(today)
    years = [str(current)]
    year = current
    for _ in range(5):
        year = year.previous()
        years.append(str(year))
    return FilterOptions(municipalities, users, schools, years)

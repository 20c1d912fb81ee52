"""Read queries and small write commands behind the windows: search, list pages, person file, case detail.

Plain Python over SQLAlchemy (no Qt): the views call these with a session and show what comes back.
Filtering and sorting happen in SQL; list views hold row ids and fetch the visible rows by id.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func, literal_column, or_, select
from sqlalchemy.orm import Session

from desktop.models import (
    AbsenceReport,
    Appointment,
    Case,
    DocumentRecord,
    DropoutTrajectory,
    Enrollment,
    Exemption,
    Guardian,
    HomeSitterEpisode,
    Intervention,
    JournalEntry,
    LeaveRequest,
    Municipality,
    Person,
    School,
    User,
)
from desktop.models.base import utcnow
from desktop.models.cases import CaseNumbers, absence_report_values, case_values, journal_values
from desktop.models.enums import (
    AbsenceKind,
    AppointmentKind,
    CaseCloseReason,
    CaseKind,
    CasePhase,
    CaseRoute,
    CaseStatus,
    Decision,
    DropoutOutcome,
    DuoCloseReason,
    DuoStatus,
    ExemptionArticle,
    HomeSitterEndReason,
    InterventionKind,
    JournalKind,
    LabeledEnum,
    LeaveDecider,
    LeaveKind,
    ReportSource,
    ReportSuspect,
    VsvKind,
)
from desktop.models.errors import DomainError
from desktop.models.law import duty_status, school_year
from desktop.models.search_index import (
    COLLATION,
    INDEX_TABLE,
    SURNAME_COLLATION,
    fts_query,
    register_collations,
)

log = logging.getLogger(__name__)

SEARCH_LIMIT = 25
MAS_PHASES: tuple[CasePhase, ...] = (
    CasePhase.OBSERVE,
    CasePhase.ANALYSE,
    CasePhase.PLAN,
    CasePhase.ACT,
    CasePhase.EVALUATE,
)
# The route a case of each kind usually takes; another route needs a motivation ('pas toe of leg uit').
USUAL_ROUTE: dict[CaseKind, CaseRoute] = {
    CaseKind.RELATIVE: CaseRoute.CARE,
    CaseKind.ABSOLUTE: CaseRoute.CARE,
    CaseKind.OVER_18: CaseRoute.CARE,
    CaseKind.HOME_SITTER: CaseRoute.CARE,
    CaseKind.DROPOUT: CaseRoute.CARE,
}


def person_display_name(first_names: str | None, prefix: str | None, last_name: str | None) -> str:
    """'Jansen, Piet van' style for lists: surname first so that sorting reads naturally."""
    given = " ".join(part for part in (first_names, prefix) if part)
    return f"{last_name or ''}, {given}".strip(", ")


def mask_bsn(bsn: str | None) -> str:
    """A BSN as shown until the user asks to see it."""
    return "•••••••••" if bsn else ""


# -- search ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchResult:
    kind: str  # 'person', 'case' or 'school'
    id: str
    title: str
    subtitle: str


def search_person_rowids(session: Session, user_text: str, limit: int = SEARCH_LIMIT) -> list[int]:
    """The bare FTS query: rowids of persons whose name or identifiers match every typed word."""
    query = fts_query(user_text)
    if query is None:
        return []
    rows = session.execute(
        sa.text(f"SELECT rowid FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH :q LIMIT :n"),  # noqa: S608
        {"q": query, "n": limit},
    )
    return [row[0] for row in rows]


@dataclass(frozen=True)
class SchoolEntry:
    id: str
    name: str
    brin: str
    location: str
    city: str


def school_directory(session: Session) -> list[SchoolEntry]:
    """All schools (a few hundred): the search matches them in memory instead of querying per keystroke."""
    rows = session.execute(
        select(School.id, School.name, School.brin, School.location, School.city)
        .where(School.deleted.is_(False))
        .order_by(School.name)
    )
    return [SchoolEntry(r.id, r.name, r.brin, r.location, r.city or "") for r in rows]


# One statement per search: the FTS match and the persons it points at, without a second round trip.
_PERSON_SEARCH_SQL = sa.text(
    f"SELECT p.id, p.first_names, p.prefix, p.last_name, p.birth_date, p.city FROM {INDEX_TABLE} "  # noqa: S608
    f"JOIN persons AS p ON p.rowid = {INDEX_TABLE}.rowid "
    f"WHERE {INDEX_TABLE} MATCH :q AND p.deleted = 0 LIMIT :n"
)
_CASE_NUMBER_SQL = sa.text(
    "SELECT c.id, c.case_number, c.kind, p.first_names, p.prefix, p.last_name FROM cases AS c "
    "JOIN persons AS p ON p.id = c.person_id "
    "WHERE c.case_number >= :low AND c.case_number < :high AND c.deleted = 0 ORDER BY c.case_number LIMIT 10"
)


def _short_date(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    text = str(value or "")
    # SQLite hands the stored ISO text back when a raw statement reads a date column.
    return f"{text[8:10]}-{text[5:7]}-{text[0:4]}" if len(text) >= 10 else ""


def search(
    session: Session,
    user_text: str,
    limit: int = SEARCH_LIMIT,
    schools: Sequence[SchoolEntry] | None = None,
) -> list[SearchResult]:
    """Persons by name, BSN or onderwijsnummer; cases by number; schools by name or BRIN.

    ``schools`` is the caller's cached :func:`school_directory`; without it the schools are read here.
    """
    user_text = user_text.strip()
    if len(user_text) < 2:
        return []
    results: list[SearchResult] = []
    query = fts_query(user_text)
    if query is not None:
        rows = session.execute(_PERSON_SEARCH_SQL, {"q": query, "n": limit}).all()
        rows.sort(key=lambda r: ((r[3] or "").lower(), (r[1] or "").lower()))
        for person_id, first_names, prefix, last_name, birth_date, city in rows:
            born = _short_date(birth_date)
            results.append(
                SearchResult(
                    "person",
                    person_id,
                    person_display_name(first_names, prefix, last_name),
                    " · ".join(part for part in (f"geboren {born}" if born else "", city or "") if part),
                )
            )
    compact = user_text.replace(" ", "")
    looks_like_case_number = compact[:4].isdigit() and (len(compact) == 4 or compact[4:5] == "-")
    if looks_like_case_number:
        # Case numbers start with the year: a range on the unique index, not a scan.
        for case_id, number, kind, first_names, prefix, last_name in session.execute(
            _CASE_NUMBER_SQL, {"low": compact, "high": compact + "\uffff"}
        ):
            results.append(
                SearchResult(
                    "case",
                    case_id,
                    f"Zaak {number}",
                    f"{CaseKind(kind).label} · {person_display_name(first_names, prefix, last_name)}",
                )
            )
    if schools is None:
        schools = school_directory(session)
    needle = user_text.casefold()
    code = compact.upper()
    found = [
        school
        for school in schools
        if needle in school.name.casefold() or (len(code) >= 4 and (school.brin + school.location).startswith(code))
    ]
    for school in found[:5]:
        subtitle = f"School {school.brin}{school.location}" + (f" · {school.city}" if school.city else "")
        results.append(SearchResult("school", school.id, school.name, subtitle))
    return results


# -- lists -----------------------------------------------------------------------------------------


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
_person_name = func.trim(
    Person.last_name + ", " + Person.first_names + func.coalesce(" " + Person.prefix, "")
)

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
    persons = Person.__table__
    specs = [
        ListSpec(
            name="persons",
            title="Leerlingen",
            table=persons,
            columns=(
                ListColumn("name", "Naam", _person_name, width=240, sort_by=_PERSON_SORT),
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
            table=Case.__table__,
            columns=(
                ListColumn("case_number", "Zaaknummer", Case.case_number, width=110),
                ListColumn("person", "Leerling", _person_name, width=220, sort_by=_PERSON_SORT),
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
            from_clause=lambda: Case.__table__.join(Person, Person.id == Case.person_id)
            .outerjoin(_municipality, _municipality.cbs_code == Case.municipality_code)
            .outerjoin(_consultant, _consultant.id == Case.assigned_user_id),
            person_id=Case.person_id,
            record_id=Case.id,
            default_sort="opened_on",
            default_descending=True,
            text_columns=(Case.case_number, Person.last_name),
        ),
        ListSpec(
            name="exemptions",
            title="Vrijstellingen",
            table=Exemption.__table__,
            columns=(
                ListColumn("person", "Leerling", _person_name, width=220, sort_by=_PERSON_SORT),
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
            table=LeaveRequest.__table__,
            columns=(
                ListColumn("person", "Leerling", _person_name, width=220, sort_by=_PERSON_SORT),
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
            table=HomeSitterEpisode.__table__,
            columns=(
                ListColumn("person", "Leerling", _person_name, width=220, sort_by=_PERSON_SORT),
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
            table=DropoutTrajectory.__table__,
            columns=(
                ListColumn("person", "Jongere", _person_name, width=220, sort_by=_PERSON_SORT),
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
            from_clause=lambda: DropoutTrajectory.__table__.join(Person, Person.id == DropoutTrajectory.person_id)
            .outerjoin(_municipality, _municipality.cbs_code == DropoutTrajectory.municipality_code)
            .outerjoin(_consultant, _consultant.id == DropoutTrajectory.coach_user_id),
            person_id=DropoutTrajectory.person_id,
            record_id=DropoutTrajectory.id,
            default_sort="start_date",
            default_descending=True,
            text_columns=(Person.last_name,),
        ),
        ListSpec(
            name="documents",
            title="Documenten",
            table=DocumentRecord.__table__,
            columns=(
                ListColumn("generated_at", "Gemaakt op", DocumentRecord.generated_at, "date", width=110),
                ListColumn("kind", "Soort", DocumentRecord.kind, width=200),
                ListColumn("person", "Leerling", _person_name, width=220, sort_by=_PERSON_SORT),
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
    stmt = select(
        spec.rowid, spec.record_id, spec.person_id, *(column.expr for column in spec.columns)
    ).select_from(spec.from_clause())
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
    schools = [
        (row.id, f"{row.name} ({row.brin}{row.location})")
        for row in session.execute(
            select(School.id, School.name, School.brin, School.location)
            .where(School.deleted.is_(False))
            .order_by(School.name)
        )
    ]
    current = school_year(today)
    years = [str(current)]
    year = current
    for _ in range(5):
        year = year.previous()
        years.append(str(year))
    return FilterOptions(municipalities, users, schools, years)


# -- person file -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEvent:
    when: dt.datetime
    kind: str  # melding, journaal, brief, interventie, afspraak, zaak, vrijstelling, verlof
    title: str
    detail: str
    case_id: str | None = None


@dataclass
class PersonFile:
    person: Person
    municipality_name: str
    duty_label: str
    duty_dates: list[tuple[str, dt.date | None]]
    guardians: list[Guardian]
    enrollments: list[tuple[Enrollment, str]]
    cases: list[Case]
    exemptions: list[Exemption]
    leave_requests: list[LeaveRequest]
    home_sitter_episodes: list[HomeSitterEpisode]
    timeline: list[TimelineEvent]


def _as_datetime(value: dt.date | dt.datetime | None) -> dt.datetime:
    if value is None:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return dt.datetime.combine(value, dt.time.min, tzinfo=dt.UTC)


def load_person_file(session: Session, person_id: str, today: dt.date | None = None) -> PersonFile:
    """Everything the person file window shows, in a handful of indexed queries."""
    from desktop.models import law

    today = today or dt.date.today()
    person = session.get(Person, person_id)
    if person is None or person.deleted:
        raise DomainError("Deze leerling bestaat niet (meer).")
    municipality_name = ""
    if person.municipality_code:
        municipality_name = (
            session.scalar(select(Municipality.name).where(Municipality.cbs_code == person.municipality_code)) or ""
        )
    status = duty_status(person.birth_date, today, person.qualified_on)
    qualification = law.qualification_duty(person.birth_date, person.qualified_on)
    duty_dates: list[tuple[str, dt.date | None]] = [
        ("Leerplichtig vanaf", law.compulsory_start(person.birth_date)),
        ("Volledige leerplicht tot en met", law.compulsory_end(person.birth_date)),
        ("Kwalificatieplicht tot en met", qualification.end if qualification else None),
        ("18 jaar op", law.eighteenth_birthday(person.birth_date)),
    ]
    if person.qualified_on:
        duty_dates.append(("Startkwalificatie behaald op", person.qualified_on))

    def alive(model):
        return model.deleted.is_(False)

    guardians = list(
        session.scalars(
            select(Guardian).where(Guardian.person_id == person_id, alive(Guardian)).order_by(Guardian.last_name)
        )
    )
    enrollments = [
        (row[0], row[1])
        for row in session.execute(
            select(Enrollment, School.name)
            .join(School, School.id == Enrollment.school_id)
            .where(Enrollment.person_id == person_id, alive(Enrollment))
            .order_by(Enrollment.start_date.desc())
        )
    ]
    cases = list(
        session.scalars(select(Case).where(Case.person_id == person_id, alive(Case)).order_by(Case.opened_on.desc()))
    )
    exemptions = list(
        session.scalars(
            select(Exemption)
            .where(Exemption.person_id == person_id, alive(Exemption))
            .order_by(Exemption.received_on.desc())
        )
    )
    leave_requests = list(
        session.scalars(
            select(LeaveRequest)
            .where(LeaveRequest.person_id == person_id, alive(LeaveRequest))
            .order_by(LeaveRequest.start_date.desc())
        )
    )
    episodes = list(
        session.scalars(
            select(HomeSitterEpisode)
            .where(HomeSitterEpisode.person_id == person_id, alive(HomeSitterEpisode))
            .order_by(HomeSitterEpisode.start_date.desc())
        )
    )
    case_numbers = {case.id: case.case_number for case in cases}
    timeline: list[TimelineEvent] = []
    for case in cases:
        timeline.append(
            TimelineEvent(
                _as_datetime(case.opened_on), "zaak", f"Zaak {case.case_number} geopend", case.kind.label, case.id
            )
        )
        if case.closed_on:
            reason = case.close_reason.label if case.close_reason else ""
            timeline.append(
                TimelineEvent(
                    _as_datetime(case.closed_on), "zaak", f"Zaak {case.case_number} gesloten", reason, case.id
                )
            )
    for report in session.scalars(
        select(AbsenceReport).where(AbsenceReport.person_id == person_id, alive(AbsenceReport))
    ):
        detail = report.kind.label
        if report.hours_absent:
            detail += f", {report.hours_absent:g} uur afwezig".replace(".", ",")
        timeline.append(
            TimelineEvent(_as_datetime(report.received_on), "melding", "Verzuimmelding", detail, report.case_id)
        )
    for entry in session.scalars(
        select(JournalEntry).where(JournalEntry.person_id == person_id, alive(JournalEntry))
    ):
        prefix = f"Zaak {case_numbers[entry.case_id]}: " if entry.case_id in case_numbers else ""
        timeline.append(
            TimelineEvent(
                _as_datetime(entry.occurred_at), "journaal", prefix + entry.kind.label, entry.text, entry.case_id
            )
        )
    for intervention in session.scalars(
        select(Intervention).where(Intervention.person_id == person_id, alive(Intervention))
    ):
        outcome = intervention.outcome.label if intervention.outcome else ""
        timeline.append(
            TimelineEvent(
                _as_datetime(intervention.date), "interventie", intervention.kind.label, outcome, intervention.case_id
            )
        )
    for appointment in session.scalars(
        select(Appointment).where(Appointment.person_id == person_id, alive(Appointment))
    ):
        timeline.append(
            TimelineEvent(
                _as_datetime(appointment.starts_at),
                "afspraak",
                appointment.kind.label,
                appointment.purpose or appointment.location or "",
                appointment.case_id,
            )
        )
    for document in session.scalars(
        select(DocumentRecord).where(DocumentRecord.person_id == person_id, alive(DocumentRecord))
    ):
        timeline.append(
            TimelineEvent(
                _as_datetime(document.generated_at), "brief", document.kind.replace("_", " ").capitalize(),
                document.addressee or "", document.case_id,
            )
        )
    for exemption in exemptions:
        decision = exemption.decision.label if exemption.decision else "nog niet beslist"
        timeline.append(
            TimelineEvent(
                _as_datetime(exemption.received_on), "vrijstelling", "Vrijstelling aangevraagd",
                f"{exemption.article.label} – {decision}", exemption.case_id,
            )
        )
    for leave in leave_requests:
        decision = leave.decision.label if leave.decision else "nog niet beslist"
        timeline.append(
            TimelineEvent(
                _as_datetime(leave.received_on or leave.start_date), "verlof", "Verlofaanvraag",
                f"{leave.kind.label}, {leave.days} dagen – {decision}", leave.case_id,
            )
        )
    timeline.sort(key=lambda event: event.when, reverse=True)
    return PersonFile(
        person=person,
        municipality_name=municipality_name,
        duty_label=status.label,
        duty_dates=duty_dates,
        guardians=guardians,
        enrollments=enrollments,
        cases=cases,
        exemptions=exemptions,
        leave_requests=leave_requests,
        home_sitter_episodes=episodes,
        timeline=timeline,
    )


def reveal_bsn(session: Session, person_id: str) -> str | None:
    """The BSN of a person, for the one moment the user asked to see it; the showing goes into the
    access log (by person id, never the number) in the same transaction."""
    from desktop.models.audit import AuditAction, record

    bsn = session.scalar(select(Person.bsn).where(Person.id == person_id))
    record(session, AuditAction.REVEAL_BSN, "person", person_id)
    return bsn


def record_person_view(session: Session, person_id: str) -> None:
    """One access-log entry for opening a person's file (NEN 7513: every view of a child's file)."""
    from desktop.models.audit import AuditAction, record

    record(session, AuditAction.VIEW_PERSON, "person", person_id)


# -- case detail -----------------------------------------------------------------------------------


@dataclass
class CaseDetail:
    case: Case
    person: Person
    consultant_name: str
    journal: list[JournalEntry]
    appointments: list[Appointment]
    interventions: list[Intervention]
    reports: list[AbsenceReport]
    earlier_halt_for_absence: bool


def load_case(session: Session, case_id: str) -> CaseDetail:
    case = session.get(Case, case_id)
    if case is None or case.deleted:
        raise DomainError("Deze zaak bestaat niet (meer).")
    person = session.get(Person, case.person_id)
    consultant = session.get(User, case.assigned_user_id) if case.assigned_user_id else None
    journal = list(
        session.scalars(
            select(JournalEntry)
            .where(JournalEntry.case_id == case_id, JournalEntry.deleted.is_(False))
            .order_by(JournalEntry.occurred_at.desc(), JournalEntry.created_at.desc())
        )
    )
    appointments = list(
        session.scalars(
            select(Appointment)
            .where(Appointment.case_id == case_id, Appointment.deleted.is_(False))
            .order_by(Appointment.starts_at.desc())
        )
    )
    interventions = list(
        session.scalars(
            select(Intervention)
            .where(Intervention.case_id == case_id, Intervention.deleted.is_(False))
            .order_by(Intervention.date.desc())
        )
    )
    reports = list(
        session.scalars(
            select(AbsenceReport)
            .where(AbsenceReport.case_id == case_id, AbsenceReport.deleted.is_(False))
            .order_by(AbsenceReport.received_on.desc())
        )
    )
    earlier_halt = bool(
        session.scalar(
            select(func.count(Intervention.id)).where(
                Intervention.person_id == case.person_id,
                Intervention.kind == InterventionKind.HALT,
                Intervention.deleted.is_(False),
            )
        )
    )
    return CaseDetail(
        case, person, consultant.display_name if consultant else "", journal, appointments, interventions, reports,
        earlier_halt,
    )


def route_needs_motivation(kind: CaseKind | str, route: CaseRoute | str | None) -> bool:
    """'Pas toe of leg uit': a route other than the usual one for this kind of case needs a motivation."""
    if route is None:
        return False
    return CaseRoute(route) != USUAL_ROUTE[CaseKind(kind)]


# -- commands --------------------------------------------------------------------------------------


def _now() -> dt.datetime:
    return utcnow()


def add_journal_entry(
    session: Session,
    case_id: str | None,
    person_id: str,
    kind: JournalKind | str,
    text: str,
    *,
    occurred_at: dt.datetime | None = None,
    contact_with: str | None = None,
    author_user_id: str | None = None,
) -> JournalEntry:
    entry = JournalEntry(
        **journal_values(
            case_id, person_id, kind, text, occurred_at or _now(), contact_with=contact_with,
            author_user_id=author_user_id,
        )
    )
    session.add(entry)
    return entry


def set_case_phase(session: Session, case_id: str, phase: CasePhase | str, note: str = "") -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise DomainError("Deze zaak bestaat niet (meer).")
    if case.status == CaseStatus.CLOSED:
        raise DomainError("Een gesloten zaak kan niet van fase veranderen.")
    new_phase = CasePhase(phase)
    if new_phase == case.phase:
        return case
    old = case.phase
    case.phase = new_phase
    text = f"Fase gewijzigd van {old.label} naar {new_phase.label}."
    if note.strip():
        text += " " + note.strip()
    add_journal_entry(session, case.id, case.person_id, JournalKind.PHASE_CHANGE, text)
    return case


def set_case_route(session: Session, case_id: str, route: CaseRoute | str, motivation: str = "") -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise DomainError("Deze zaak bestaat niet (meer).")
    new_route = CaseRoute(route)
    if route_needs_motivation(case.kind, new_route) and not motivation.strip():
        raise DomainError(
            "Deze route wijkt af van de gebruikelijke route: leg uit waarom (pas toe of leg uit)."
        )
    case.route = new_route
    case.route_motivation = motivation.strip() or None
    text = f"Route: {new_route.label}."
    if motivation.strip():
        text += f" Motivering: {motivation.strip()}"
    add_journal_entry(session, case.id, case.person_id, JournalKind.ROUTE_CHANGE, text)
    return case


def close_case(
    session: Session,
    case_id: str,
    reason: CaseCloseReason | str,
    closed_on: dt.date,
    duo_close_reason: DuoCloseReason | str | None = None,
    explanation: str = "",
) -> Case:
    """Close a case; its meldingen get DUO status 'afgesloten' with the reason code to report back."""
    case = session.get(Case, case_id)
    if case is None:
        raise DomainError("Deze zaak bestaat niet (meer).")
    if case.status == CaseStatus.CLOSED:
        raise DomainError("Deze zaak is al gesloten.")
    if closed_on < case.opened_on:
        raise DomainError("De sluitdatum mag niet vóór de openingsdatum liggen.")
    case.status = CaseStatus.CLOSED
    case.closed_on = closed_on
    case.close_reason = CaseCloseReason(reason)
    case.close_explanation = explanation.strip() or None
    reports = session.scalars(select(AbsenceReport).where(AbsenceReport.case_id == case_id)).all()
    if reports and duo_close_reason is None:
        raise DomainError("Kies de reden voor DUO: de meldingen van deze zaak worden afgesloten.")
    for report in reports:
        report.duo_status = DuoStatus.CLOSED
        report.duo_status_on = closed_on
        report.duo_close_reason = DuoCloseReason(duo_close_reason)
    add_journal_entry(
        session, case.id, case.person_id, JournalKind.STATUS_CHANGE,
        f"Zaak gesloten: {case.close_reason.label}." + (f" {explanation.strip()}" if explanation.strip() else ""),
    )
    return case


def add_appointment(
    session: Session,
    case: Case,
    starts_at: dt.datetime,
    kind: AppointmentKind | str = AppointmentKind.APPOINTMENT,
    location: str = "",
    purpose: str = "",
    is_deadline: bool = False,
) -> Appointment:
    appointment = Appointment(
        case_id=case.id,
        person_id=case.person_id,
        user_id=case.assigned_user_id,
        kind=AppointmentKind(kind),
        starts_at=starts_at,
        location=location or None,
        purpose=purpose or None,
        is_deadline=is_deadline,
    )
    session.add(appointment)
    return appointment


def add_intervention(
    session: Session,
    case: Case,
    kind: InterventionKind | str,
    on: dt.date,
    *,
    hours_absent: float | None = None,
    times_late: int | None = None,
    consent_pupil: bool | None = None,
    consent_parents: bool | None = None,
    referred_to: str = "",
    notes: str = "",
    suspect: ReportSuspect | str | None = None,
    copy_to_child_protection: bool = False,
) -> Intervention:
    """Record an intervention. A Halt referral is checked against Halt's criteria first; a
    proces-verbaal names its suspect, and the jongere can be one only from 12 (Lpw art. 2 lid 3)."""
    from desktop.models.law import age_on, halt_eligible, young_person_liable

    kind = InterventionKind(kind)
    person = session.get(Person, case.person_id)
    if kind == InterventionKind.HALT:
        earlier = bool(
            session.scalar(
                select(func.count(Intervention.id)).where(
                    Intervention.person_id == case.person_id, Intervention.kind == InterventionKind.HALT
                )
            )
        )
        if not halt_eligible(person.birth_date, on, hours_absent or 0, times_late or 0, earlier):
            raise DomainError(
                "Een Halt-verwijzing is niet mogelijk: 12 tot 18 jaar, 9 tot 60 uur verzuim of 12 tot 60 keer "
                "te laat, en niet eerder naar Halt verwezen voor verzuim."
            )
        if not consent_pupil:
            raise DomainError("Voor een Halt-verwijzing is toestemming van de jongere nodig.")
        if age_on(person.birth_date, on) < 16 and not consent_parents:
            raise DomainError("Onder de 16 jaar is ook toestemming van de ouders nodig.")
    if kind == InterventionKind.OFFICIAL_REPORT:
        if suspect is None:
            raise DomainError("Kies tegen wie het proces-verbaal is: de ouders, de jongere of beiden.")
        if ReportSuspect(suspect) != ReportSuspect.PARENTS and not young_person_liable(person.birth_date, on):
            raise DomainError("Een proces-verbaal tegen de jongere kan pas vanaf 12 jaar (art. 2 lid 3).")
    intervention = Intervention(
        case_id=case.id,
        person_id=case.person_id,
        kind=kind,
        date=on,
        hours_absent=hours_absent,
        times_late=times_late,
        consent_pupil=consent_pupil,
        consent_parents=consent_parents,
        referred_to=referred_to or None,
        notes=notes or None,
        suspect=ReportSuspect(suspect) if suspect and kind == InterventionKind.OFFICIAL_REPORT else None,
        copy_to_child_protection=bool(copy_to_child_protection) and kind == InterventionKind.OFFICIAL_REPORT,
    )
    session.add(intervention)
    add_journal_entry(session, case.id, case.person_id, JournalKind.NOTE, f"Interventie: {kind.label}.")
    return intervention


def next_case_number(session: Session, year: int) -> str:
    return CaseNumbers(session).next(year)


def open_case(
    session: Session,
    person_id: str,
    kind: CaseKind | str,
    opened_on: dt.date,
    *,
    assigned_user_id: str | None = None,
    school_id: str | None = None,
    needs_investigation: bool = False,
    summary: str = "",
) -> Case:
    person = session.get(Person, person_id)
    if person is None:
        raise DomainError("Kies eerst een leerling.")
    case = Case(
        **case_values(
            person_id=person_id,
            kind=kind,
            opened_on=opened_on,
            case_number=next_case_number(session, opened_on.year),
            municipality_code=person.municipality_code,
            school_id=school_id,
            assigned_user_id=assigned_user_id,
            needs_investigation=needs_investigation,
            summary=summary,
        )
    )
    session.add(case)
    session.flush()
    add_journal_entry(session, case.id, person_id, JournalKind.STATUS_CHANGE, f"Zaak geopend: {case.kind.label}.")
    return case


def register_absence_report(
    session: Session,
    person_id: str,
    kind: AbsenceKind | str,
    received_on: dt.date,
    *,
    school_id: str | None = None,
    absence_start: dt.date | None = None,
    absence_end: dt.date | None = None,
    hours_absent: float | None = None,
    suspected_reason: str = "",
    reporter_name: str = "",
    source: ReportSource = ReportSource.MANUAL,
) -> AbsenceReport:
    person = session.get(Person, person_id)
    if person is None:
        raise DomainError("Kies eerst een leerling.")
    school = session.get(School, school_id) if school_id else None
    report = AbsenceReport(
        **absence_report_values(
            person_id=person_id,
            kind=kind,
            received_on=received_on,
            source=source,
            school_id=school_id,
            school_brin=school.brin if school else None,
            school_location=school.location if school else None,
            absence_start=absence_start,
            absence_end=absence_end,
            hours_absent=hours_absent,
            suspected_reason=suspected_reason or None,
            reporter_name=reporter_name or None,
            municipality_code=person.municipality_code,
        )
    )
    session.add(report)
    return report


def register_exemption(
    session: Session,
    person_id: str,
    article: ExemptionArticle | str,
    received_on: dt.date,
    **fields: Any,
) -> Exemption:
    person = session.get(Person, person_id)
    if person is None:
        raise DomainError("Kies eerst een leerling.")
    exemption = Exemption(
        person_id=person_id,
        article=ExemptionArticle(article),
        received_on=received_on,
        school_year=str(school_year(received_on)),
        municipality_code=person.municipality_code,
        **fields,
    )
    session.add(exemption)
    return exemption


def decide_exemption(
    session: Session, exemption_id: str, decision: Decision | str, decided_on: dt.date, motivation: str
) -> Exemption:
    from desktop.models.law import exemption_valid_until

    exemption = session.get(Exemption, exemption_id)
    if exemption is None:
        raise DomainError("Deze vrijstelling bestaat niet (meer).")
    if not motivation.strip():
        raise DomainError("Een besluit heeft een motivering nodig.")
    exemption.decision = Decision(decision)
    exemption.decided_on = decided_on
    exemption.motivation = motivation.strip()
    if exemption.decision == Decision.GRANTED:
        exemption.valid_from = exemption.valid_from or decided_on
        exemption.valid_until = exemption_valid_until(exemption.article, exemption.valid_from, exemption.never_fit)
    return exemption


def register_leave_request(session: Session, person_id: str, **fields: Any) -> LeaveRequest:
    leave = LeaveRequest(person_id=person_id, **fields)
    session.add(leave)
    return leave


def register_home_sitter(session: Session, person_id: str, start_date: dt.date, reason: str = "") -> HomeSitterEpisode:
    person = session.get(Person, person_id)
    if person is None:
        raise DomainError("Kies eerst een leerling.")
    episode = HomeSitterEpisode(
        person_id=person_id, start_date=start_date, reason=reason or None, municipality_code=person.municipality_code
    )
    session.add(episode)
    return episode


def register_dropout_trajectory(
    session: Session, person_id: str, vsv_kind: VsvKind | str, start_date: dt.date, coach_user_id: str | None = None
) -> DropoutTrajectory:
    person = session.get(Person, person_id)
    if person is None:
        raise DomainError("Kies eerst een jongere.")
    trajectory = DropoutTrajectory(
        person_id=person_id,
        vsv_kind=VsvKind(vsv_kind),
        start_date=start_date,
        coach_user_id=coach_user_id,
        municipality_code=person.municipality_code,
    )
    session.add(trajectory)
    return trajectory


# -- worklist --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkItem:
    """One signal on the werkvoorraad and the record it opens."""

    category: str  # Dutch group title
    title: str
    detail: str
    due: dt.date | None
    person_id: str | None
    case_id: str | None = None
    record_kind: str = "person"  # person, case, exemption, absence_report
    record_id: str | None = None


def worklist(session: Session, today: dt.date | None = None) -> list[WorkItem]:
    """The werkvoorraad: new meldingen, today's appointments and deadlines, plus the rules-of-law signals
    (``desktop.models.signals``); without that module, simple exemption checks stand in for them."""
    today = today or dt.date.today()
    try:
        from desktop.models.signals import compute_signals
    except ImportError:
        return basic_worklist(session, today, include_exemptions=True)
    items = basic_worklist(session, today, include_exemptions=False)
    try:
        items.extend(_work_item_from_signal(signal) for signal in compute_signals(session, today))
    except Exception:
        log.exception("Signalen konden niet worden berekend; alleen de eenvoudige werkvoorraad wordt getoond")
        return basic_worklist(session, today, include_exemptions=True)
    return items


def _work_item_from_signal(signal: Any) -> WorkItem:
    record_type = str(getattr(signal, "record_type", "person"))
    record_id = getattr(signal, "record_id", None)
    kind = getattr(signal, "kind", None)
    return WorkItem(
        category=str(getattr(kind, "label", kind) or "Signaal"),
        title=str(signal.title),
        detail=str(signal.detail),
        due=signal.due,
        person_id=signal.person_id,
        case_id=record_id if record_type == "case" else None,
        record_kind=record_type,
        record_id=record_id,
    )


def _hours_text(hours: float) -> str:
    return f"{hours:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def basic_worklist(session: Session, today: dt.date, include_exemptions: bool = True) -> list[WorkItem]:
    items: list[WorkItem] = []
    name = _person_name.label("name")
    # New meldingen to assess: not yet linked to a case and no status back to DUO.
    # They carry no legal deadline: the detail says when each came in instead.
    for row in session.execute(
        select(AbsenceReport.id, AbsenceReport.person_id, AbsenceReport.kind, AbsenceReport.received_on,
               AbsenceReport.hours_absent, name)
        .join(Person, Person.id == AbsenceReport.person_id)
        .where(
            AbsenceReport.case_id.is_(None), AbsenceReport.duo_status.is_(None), AbsenceReport.deleted.is_(False)
        )
        .order_by(AbsenceReport.received_on)
        .limit(500)
    ):
        hours = "" if row.hours_absent is None else f", {_hours_text(row.hours_absent)} uur"
        items.append(
            WorkItem("Nieuwe meldingen beoordelen", row.name,
                     f"{AbsenceKind(row.kind).label}{hours}; ontvangen {row.received_on:%d-%m-%Y}", None,
                     row.person_id, None, "absence_report", row.id)
        )
    # Appointments today.
    start = dt.datetime.combine(today, dt.time.min, tzinfo=dt.UTC)
    end = start + dt.timedelta(days=1)
    for row in session.execute(
        select(Appointment.id, Appointment.person_id, Appointment.case_id, Appointment.starts_at,
               Appointment.location, Appointment.purpose, Appointment.kind, name)
        .outerjoin(Person, Person.id == Appointment.person_id)
        .where(Appointment.starts_at >= start, Appointment.starts_at < end, Appointment.is_deadline.is_(False),
               Appointment.done.is_(False), Appointment.deleted.is_(False))
        .order_by(Appointment.starts_at)
    ):
        when = row.starts_at.strftime("%H:%M")
        items.append(
            WorkItem("Afspraken vandaag", f"{when} {row.name or ''}".strip(),
                     row.purpose or row.location or AppointmentKind(row.kind).label, today, row.person_id,
                     row.case_id, "case" if row.case_id else "person", row.case_id or row.person_id)
        )
    # Deadlines within two weeks (decision terms, agreements).
    horizon = dt.datetime.combine(today + dt.timedelta(days=14), dt.time.max, tzinfo=dt.UTC)
    for row in session.execute(
        select(Appointment.id, Appointment.person_id, Appointment.case_id, Appointment.starts_at,
               Appointment.kind, Appointment.purpose, name)
        .outerjoin(Person, Person.id == Appointment.person_id)
        .where(Appointment.is_deadline.is_(True), Appointment.done.is_(False), Appointment.starts_at <= horizon,
               Appointment.deleted.is_(False))
        .order_by(Appointment.starts_at)
        .limit(500)
    ):
        items.append(
            WorkItem("Termijnen", row.name or AppointmentKind(row.kind).label,
                     row.purpose or AppointmentKind(row.kind).label, row.starts_at.date(), row.person_id,
                     row.case_id, "case" if row.case_id else "person", row.case_id or row.person_id)
        )
    if not include_exemptions:
        return items
    # Exemptions to renew before 1 July (art. 6): granted, yearly, ending this schooljaar, not renewed.
    renewed = sa.orm.aliased(Exemption)
    year_end = school_year(today).end
    for row in session.execute(
        select(Exemption.id, Exemption.person_id, Exemption.article, Exemption.valid_until, name)
        .join(Person, Person.id == Exemption.person_id)
        .where(
            Exemption.decision == Decision.GRANTED,
            Exemption.article.in_([ExemptionArticle.ART_5A, ExemptionArticle.ART_5B, ExemptionArticle.ART_5C]),
            Exemption.valid_until.is_not(None),
            Exemption.valid_until >= today,
            Exemption.valid_until <= year_end,
            Exemption.deleted.is_(False),
            ~sa.exists().where(renewed.renewal_of_id == Exemption.id),
        )
        .order_by(Exemption.valid_until)
        .limit(500)
    ):
        items.append(
            WorkItem("Vrijstellingen verlengen", row.name, f"{ExemptionArticle(row.article).label}; vóór 1 juli",
                     dt.date(year_end.year, 7, 1), row.person_id, None, "exemption", row.id)
        )
    # Undecided requests for 5 onder a whose statement is older than three months.
    from desktop.models.law import medical_statement_valid

    for row in session.execute(
        select(Exemption.id, Exemption.person_id, Exemption.statement_date, Exemption.received_on, name)
        .join(Person, Person.id == Exemption.person_id)
        .where(Exemption.article == ExemptionArticle.ART_5A, Exemption.decision.is_(None),
               Exemption.statement_date.is_not(None), Exemption.deleted.is_(False))
    ):
        if not medical_statement_valid(row.statement_date, row.received_on):
            items.append(
                WorkItem("Verklaringen te oud", row.name, "De verklaring is ouder dan drie maanden (art. 7)",
                         row.received_on, row.person_id, None, "exemption", row.id)
            )
    return items


# -- status ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SyncState:
    configured: bool
    online: bool
    last_sync: dt.datetime | None
    pending: int | None
    conflicts: int | None


def read_sync_state(session: Session, server_url: str) -> SyncState:
    """What the status bar shows about synchronisation; counts come from the sync tables when present."""
    tables = {
        row[0] for row in session.execute(sa.text("SELECT name FROM sqlite_master WHERE type = 'table'"))
    }
    pending = conflicts = None
    last_sync = None
    for name in ("sync_outbox", "outbox"):
        if name in tables:
            pending = session.scalar(sa.text(f"SELECT count(*) FROM {name}"))  # noqa: S608 - fixed names
            break
    for name in ("sync_conflicts", "conflicts"):
        if name in tables:
            conflicts = session.scalar(sa.text(f"SELECT count(*) FROM {name}"))  # noqa: S608 - fixed names
            break
    return SyncState(bool(server_url), False, last_sync, pending, conflicts)


def counts_overview(session: Session) -> list[tuple[str, int]]:
    """A few totals for the Cijfers page until the jaarverslag figures are shown there."""
    def count(model, *where) -> int:
        return session.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False), *where)) or 0

    return [
        ("Leerlingen", count(Person)),
        ("Open zaken", count(Case, Case.status == CaseStatus.OPEN)),
        ("Gesloten zaken", count(Case, Case.status == CaseStatus.CLOSED)),
        ("Verzuimmeldingen", count(AbsenceReport)),
        ("Vrijstellingen", count(Exemption)),
        ("Verlofaanvragen", count(LeaveRequest)),
        ("Lopende thuiszitters", count(HomeSitterEpisode, HomeSitterEpisode.end_date.is_(None))),
        ("Lopende trajecten Doorstroompunt", count(DropoutTrajectory, DropoutTrajectory.end_date.is_(None))),
    ]


def person_choices(session: Session, user_text: str, limit: int = 15) -> list[SearchResult]:
    """Persons for a 'kies leerling' field in the registration forms."""
    return [result for result in search(session, user_text, limit) if result.kind == "person"]


def schools(session: Session) -> list[tuple[str, str]]:
    return [
        (row.id, f"{row.name} ({row.brin}{row.location})")
        for row in session.execute(
            select(School.id, School.name, School.brin, School.location)
            .where(School.deleted.is_(False))
            .order_by(School.name)
        )
    ]


def leave_days_granted_this_year(session: Session, person_id: str, on: dt.date) -> tuple[int, bool]:
    """Days of leave for important circumstances already granted this schooljaar, and whether holiday
    leave was already granted (vakantieverlof: once per schooljaar)."""
    year = school_year(on)
    rows = session.execute(
        select(LeaveRequest.kind, LeaveRequest.days).where(
            LeaveRequest.person_id == person_id,
            LeaveRequest.decision == Decision.GRANTED,
            LeaveRequest.start_date.between(year.start, year.end),
            LeaveRequest.deleted.is_(False),
        )
    ).all()
    days = sum(row.days for row in rows if row.kind == LeaveKind.IMPORTANT_CIRCUMSTANCES)
    holiday = any(row.kind == LeaveKind.HOLIDAY for row in rows)
    return days, holiday


__all__ = [
    "LIST_SPECS",
    "MAS_PHASES",
    "CaseDetail",
    "FilterOptions",
    "ListFilter",
    "ListSpec",
    "PersonFile",
    "SearchResult",
    "SyncState",
    "TimelineEvent",
    "WorkItem",
    "add_appointment",
    "add_intervention",
    "add_journal_entry",
    "close_case",
    "counts_overview",
    "decide_exemption",
    "filter_options",
    "list_rowids",
    "list_rows",
    "load_case",
    "load_person_file",
    "mask_bsn",
    "open_case",
    "read_sync_state",
    "record_person_view",
    "register_absence_report",
    "register_dropout_trajectory",
    "register_exemption",
    "register_home_sitter",
    "register_leave_request",
    "reveal_bsn",
    "route_needs_motivation",
    "search",
    "search_person_rowids",
    "set_case_phase",
    "set_case_route",
    "worklist",
]

"""Retention: removes files whose keeping period has passed (VNG Selectielijst 2020, Wet politiegegevens).

The periods are settings with documented defaults. Every removed record leaves a deletion marker that
syncs, so the server removes it too; the job works in small committed batches and simply continues
where it stopped when it is interrupted. Its report holds counts per record type, never personal data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import DateTime, String, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop.models import Base, Case, DropoutTrajectory, Intervention, Person, entities
from desktop.models.audit import AuditAction, record
from desktop.models.base import new_id, table_of
from desktop.models.entities import RetentionClass, ScopeClass
from desktop.models.enums import CaseKind
from desktop.models.law import add_months, date_reaching_age, qualification_duty


@dataclass(frozen=True)
class RetentionSettings:
    """Keeping periods in years. Defaults from the VNG Selectielijst 2020 and the Wpg (VERIFY the latter)."""

    #: Leerplicht files: 19 years after the date of birth.
    compulsory_years_after_birth: int = 19
    #: Kwalificatieplicht files: 2 years after the qualification duty ended.
    qualification_years_after_end: int = 2
    #: Doorstroompunt/RMC trajectories: 2 years after the trajectory ended (VERIFY).
    dropout_years_after_end: int = 2
    #: Processen-verbaal and investigation data under the Wet politiegegevens: 5 years (VERIFY).
    police_data_years: int = 5


class DeletionMarker(Base):
    """A record removed because its keeping period passed; synced so the server removes it as well."""

    __tablename__ = "deletion_markers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    reason: Mapped[str] = mapped_column(String(40))
    deleted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    synced_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


@dataclass
class RetentionReport:
    """Counts per record type; no names, no BSNs, no ids."""

    removed: Counter = field(default_factory=Counter)
    persons_expired: int = 0
    police_records_expired: int = 0

    def lines(self) -> list[str]:
        if not self.removed:
            return ["Niets verwijderd: er zijn geen gegevens waarvan de bewaartermijn is verstreken."]
        lines = [f"Dossiers met verstreken bewaartermijn: {self.persons_expired}"]
        if self.police_records_expired:
            lines.append(f"Processen-verbaal ouder dan de Wpg-termijn: {self.police_records_expired}")
        lines += [f"  {table}: {count}" for table, count in sorted(self.removed.items())]
        return lines


def _add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def file_expires_on(
    birth_date: date,
    qualified_on: date | None,
    had_qualification_records: bool,
    last_dropout_end: date | None,
    settings: RetentionSettings,
) -> date:
    """The day a person's file may be destroyed: the latest of the periods that apply to it."""
    expiry = date_reaching_age(birth_date, settings.compulsory_years_after_birth)
    if had_qualification_records:
        duty = qualification_duty(birth_date, qualified_on)
        duty_end = duty.end if duty else date_reaching_age(birth_date, 18)
        expiry = max(expiry, _add_years(duty_end, settings.qualification_years_after_end))
    if last_dropout_end is not None:
        expiry = max(expiry, _add_years(last_dropout_end, settings.dropout_years_after_end))
    return expiry


def expired_person_ids(session: Session, today: date, settings: RetentionSettings) -> list[str]:
    qualification_cases = {
        row[0]
        for row in session.execute(
            select(Case.person_id).where(Case.kind.in_([CaseKind.OVER_18, CaseKind.DROPOUT])).distinct()
        )
    }
    dropout_ends: dict[str, date | None] = {}
    for person_id, end_date in session.execute(select(DropoutTrajectory.person_id, DropoutTrajectory.end_date)):
        # An open trajectory keeps the file: treat it as ending in the far future.
        end = end_date or date.max.replace(year=9000)
        current = dropout_ends.get(person_id)
        dropout_ends[person_id] = end if current is None else max(current, end)
    expired = []
    rows = session.execute(select(Person.id, Person.birth_date, Person.qualified_on).where(Person.deleted.is_(False)))
    for person_id, birth_date, qualified_on in rows:
        expires = file_expires_on(
            birth_date, qualified_on, person_id in qualification_cases or person_id in dropout_ends,
            dropout_ends.get(person_id), settings,
        )
        if expires <= today:
            expired.append(person_id)
    return expired


def _person_tables() -> list:
    """Tables of a person's file (the registry's retention class), children before parents, persons left out."""
    return [
        e.model.__table__
        for e in reversed(entities.entities())
        if e.retention != RetentionClass.NONE and e.scope != ScopeClass.PERSON
    ]


def _remove(session: Session, table, where, reason: str, report: RetentionReport, now: datetime) -> list[str]:
    ids = [row[0] for row in session.execute(select(table.c.id).where(where))]
    if not ids:
        return []
    session.execute(delete(table).where(table.c.id.in_(ids)))
    session.add_all(
        DeletionMarker(table_name=table.name, record_id=record_id, reason=reason, deleted_at=now) for record_id in ids
    )
    report.removed[table.name] += len(ids)
    return ids


def remove_person_file(session: Session, person_id: str, reason: str, report: RetentionReport, now: datetime) -> None:
    case_ids = [row[0] for row in session.execute(select(Case.id).where(Case.person_id == person_id))]
    for table in _person_tables():
        where = table.c.person_id == person_id
        if "case_id" in table.c and case_ids and table.name != "cases":
            where = where | table.c.case_id.in_(case_ids)
        if table.name == "exemptions":
            # Renewals point at earlier exemptions of the same person: detach them first.
            session.execute(table.update().where(where).values(renewal_of_id=None))
        _remove(session, table, where, reason, report, now)
    _remove(session, Person.__table__, Person.__table__.c.id == person_id, reason, report, now)
    record(session, AuditAction.RETENTION, "person", person_id)


def run_retention(
    session_factory: Callable[[], Session],
    today: date,
    settings: RetentionSettings | None = None,
    *,
    batch_size: int = 100,
    progress: Callable[[int, int], None] | None = None,
) -> RetentionReport:
    """Remove every expired file and every police record past its term. Safe to run again after a stop."""
    settings = settings or RetentionSettings()
    report = RetentionReport()
    now = datetime.now(UTC)
    with session_factory() as session:
        expired = expired_person_ids(session, today, settings)
    total = len(expired)
    for start in range(0, total, batch_size):
        with session_factory() as session, session.begin():
            for person_id in expired[start:start + batch_size]:
                remove_person_file(session, person_id, "bewaartermijn", report, now)
        report.persons_expired += len(expired[start:start + batch_size])
        if progress:
            progress(min(start + batch_size, total), total)

    police_cutoff = _add_years(today, -settings.police_data_years)
    with session_factory() as session, session.begin():
        # Police data (Wpg) by record kind, as the registry declares it: processen-verbaal.
        table = table_of(Intervention)
        registered = entities.get(table.name)
        assert registered is not None  # interventions are a synced entity of the registry
        police_kinds = sorted(registered.wpg_kinds)
        removed = _remove(
            session, table, table.c.kind.in_(police_kinds) & (table.c.date <= police_cutoff),
            "wpg-termijn", report, now,
        )
        for intervention_id in removed:
            record(session, AuditAction.RETENTION, "intervention", intervention_id)
        report.police_records_expired = len(removed)
    return report

"""The demo region: deterministic, valid, shaped like the jaarverslag, and quick to make."""

from __future__ import annotations

import datetime as dt
import time

import pytest
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from desktop.models import (
    AbsenceReport,
    Appointment,
    Base,
    Case,
    DomainError,
    Exemption,
    Intervention,
    Person,
    User,
)
from desktop.models.constraints import LabeledEnum
from desktop.models.demo import INSERT_ORDER, generate_demo
from desktop.models.demo_data import FIGURES, REFERENCE_PUPILS
from desktop.models.law import is_valid_bsn

TODAY = dt.date(2026, 11, 28)


def _engine() -> sa.Engine:
    engine = sa.create_engine("sqlite://")

    @event.listens_for(engine, "connect")
    def _foreign_keys(dbapi_connection, _record) -> None:
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    Base.metadata.create_all(engine)
    return engine


def _dump(engine: sa.Engine) -> dict[str, list[tuple]]:
    with engine.connect() as connection:
        return {
            model.__tablename__: connection.execute(
                sa.select(model.__table__).order_by(model.__table__.c.id)
            ).all()
            for model in INSERT_ORDER
        }


@pytest.fixture(scope="module")
def demo() -> tuple[sa.Engine, object]:
    engine = _engine()
    summary = generate_demo(engine, persons=3000, seed=7, today=TODAY)
    yield engine, summary
    engine.dispose()


def test_same_seed_gives_the_same_region_and_another_seed_does_not() -> None:
    first, second, other = _engine(), _engine(), _engine()
    generate_demo(first, persons=400, seed=3, today=TODAY)
    with Session(second) as session:  # a Session target works too; the caller commits
        generate_demo(session, persons=400, seed=3, today=TODAY)
        session.commit()
    generate_demo(other, persons=400, seed=4, today=TODAY)
    a, b, c = _dump(first), _dump(second), _dump(other)
    assert a == b
    assert sum(len(rows) for rows in a.values()) > 1000
    assert a["persons"] != c["persons"]


def test_counts_match_the_database_and_everything_references_existing_rows(demo) -> None:
    engine, summary = demo
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        for model in INSERT_ORDER:
            rows = connection.execute(sa.select(sa.func.count()).select_from(model.__table__)).scalar()
            assert rows == summary.counts[model.__tablename__]
    assert summary.persons == 3000 and summary.school_years[:2] == ["2022-2023", "2023-2024"]
    assert summary.school_years[-1] == "2026-2027"


def test_bsns_are_valid_unique_and_every_person_is_identified(demo) -> None:
    engine, _ = demo
    with engine.connect() as connection:
        rows = connection.execute(sa.select(Person.bsn, Person.education_number)).all()
    bsns = [bsn for bsn, _ in rows if bsn is not None]
    assert len(bsns) > 2900 and len(set(bsns)) == len(bsns)
    # An independent reading of the 11-proef next to the application's own.
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    for bsn in bsns:
        assert is_valid_bsn(bsn)
        assert len(bsn) == 9 and sum(int(d) * w for d, w in zip(bsn, weights, strict=True)) % 11 == 0
    assert all(bsn or number for bsn, number in rows)


def test_ages_and_region_are_realistic(demo) -> None:
    engine, _ = demo
    with Session(engine) as session:
        births = session.scalars(sa.select(Person.birth_date)).all()
        ages = [TODAY.year - b.year - ((TODAY.month, TODAY.day) < (b.month, b.day)) for b in births]
        assert min(ages) == 3 and max(ages) == 27
        per_gemeente = dict(
            session.execute(
                sa.select(Person.municipality_code, sa.func.count()).group_by(Person.municipality_code)
            ).all()
        )
    ranked = sorted(per_gemeente, key=per_gemeente.get, reverse=True)
    assert len(per_gemeente) == 10
    assert ranked[:2] == ["GM0505", "GM1963"]  # Dordrecht, then Hoeksche Waard


def _between(column, year: int):
    return column.between(dt.date(year, 8, 1), dt.date(year + 1, 7, 31))


@pytest.mark.parametrize("year", [2022, 2023])
def test_figures_follow_the_jaarverslag(demo, year: int) -> None:
    engine, _ = demo
    scale = 3000 / REFERENCE_PUPILS
    figures = FIGURES[year]
    with Session(engine) as session:
        reports = dict(
            session.execute(
                sa.select(AbsenceReport.kind, sa.func.count())
                .where(_between(AbsenceReport.received_on, year))
                .group_by(AbsenceReport.kind)
            ).all()
        )
        relative = sum(reports.get(kind, 0) for kind in ("sixteen_hours", "luxury", "other", "long_term"))
        expected = sum(figures["reports"].values()) * scale
        assert abs(relative - expected) < 0.15 * expected
        assert abs(reports["over_18"] - figures["over_18"] * scale) < 0.3 * figures["over_18"] * scale
        assert reports["other"] > reports["sixteen_hours"] > reports["luxury"]
        absolute = session.scalar(
            sa.select(sa.func.count(sa.distinct(Case.person_id))).where(
                Case.kind == "absolute", _between(Case.opened_on, year)
            )
        )
        assert abs(absolute - figures["absolute"] * scale) <= 0.3 * figures["absolute"] * scale + 2
        reports_pv = session.scalar(
            sa.select(sa.func.count()).where(Intervention.kind == "official_report", _between(Intervention.date, year))
        )
        assert abs(reports_pv - figures["official_reports"] * scale) <= 3
        handled = session.scalar(
            sa.select(sa.func.count()).where(Exemption.article == "5a", _between(Exemption.decided_on, year))
        )
        assert abs(handled - figures["exemptions"]["5a"][0] * scale) <= 4


def test_every_enum_column_holds_valid_values(demo) -> None:
    engine, _ = demo
    checked = 0
    with engine.connect() as connection:
        for model in INSERT_ORDER:
            for column in model.__table__.columns:
                enum_cls = getattr(column.type, "enum_class", None)
                if enum_cls is None or not issubclass(enum_cls, LabeledEnum):
                    continue
                raw = sa.select(sa.distinct(sa.column(column.name))).select_from(sa.table(model.__tablename__))
                values = {value for (value,) in connection.execute(raw) if value is not None}
                assert values <= set(enum_cls.values()), (model.__tablename__, column.name)
                checked += 1
    assert checked > 25


def test_the_worklist_has_work_on_today(demo) -> None:
    engine, summary = demo
    with Session(engine) as session:
        open_cases = session.scalars(sa.select(Case).where(Case.status == "open")).all()
        assert len(open_cases) >= 10
        assert all(case.closed_on is None and case.assigned_user_id for case in open_cases)
        assert all(case.opened_on <= TODAY for case in session.scalars(sa.select(Case)))
        today_appointments = session.scalars(
            sa.select(Appointment).where(sa.func.date(Appointment.starts_at) == TODAY.isoformat())
        ).all()
        assert len(today_appointments) >= 3
        assert session.scalar(sa.select(sa.func.count()).where(Exemption.decision.is_(None))) >= 3
        assert session.scalar(sa.select(sa.func.count()).where(Appointment.kind == "renewal")) >= 3
        users = {user.username: user for user in session.scalars(sa.select(User))}
    assert users["consulent.dordrecht"].municipality_codes == ["GM0505"]
    assert {users[name].role.value for name in ("medewerker.administratie", "teamleider", "beheerder")} == {
        "administrator", "team_lead", "system_administrator",
    }
    assert "consulent.hoeksche-waard" in summary.usernames


def test_small_demo_is_fast_reports_progress_and_refuses_a_filled_database() -> None:
    engine = _engine()
    calls: list[tuple[int, int]] = []
    started = time.perf_counter()
    summary = generate_demo(engine, persons=2000, seed=1, today=TODAY, progress=lambda d, t: calls.append((d, t)))
    assert time.perf_counter() - started < 20
    assert calls and calls[-1] == (summary.total_rows, summary.total_rows)
    assert all(done <= total for done, total in calls)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    with pytest.raises(DomainError, match="zonder personen"):
        generate_demo(engine, persons=10, seed=1, today=TODAY)
    with pytest.raises(DomainError):
        generate_demo(_engine(), persons=10, seed=1, today=dt.date(2024, 3, 1))


def test_demo_fills_a_migrated_sqlcipher_database(tmp_path) -> None:
    import os

    from alembic import command

    from desktop.models.migrate import alembic_config
    from desktop.models.store import open_engine

    engine = open_engine(tmp_path / "demo.db", os.urandom(32))
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        summary = generate_demo(engine, persons=300, seed=2, today=TODAY)
        with Session(engine) as session:
            assert session.scalar(sa.select(sa.func.count()).select_from(Person)) == 300
            case = session.scalars(sa.select(Case).order_by(Case.case_number)).first()
            assert isinstance(case.opened_on, dt.date) and case.kind.label
            assert session.scalars(sa.select(Appointment)).first().starts_at.year >= 2022
        assert summary.counts["cases"] > 0
    finally:
        engine.dispose()

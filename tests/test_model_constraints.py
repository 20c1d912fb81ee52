"""Domain rules hold in the ORM (Dutch DomainError) and in the database (CHECK and UNIQUE constraints)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop.models import (
    AbsenceReport,
    Base,
    Case,
    DomainError,
    Enrollment,
    Exemption,
    HomeSitterEpisode,
    JournalEntry,
    LeaveRequest,
    Person,
    School,
    User,
)
from desktop.models.enums import CaseKind, SchoolKind

VALID_BSN = "111222333"
OTHER_VALID_BSN = "123456782"
NOW = dt.datetime(2024, 3, 4, 10, 0, tzinfo=dt.UTC)


def _weighted_sum(bsn: str) -> int:
    return sum(int(d) * w for d, w in zip(bsn, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))


@pytest.fixture
def engine():
    engine = sa.create_engine("sqlite://")
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    with Session(engine) as session:
        yield session


def _person(**overrides) -> Person:
    values = dict(first_names="Sanne", last_name="Jansen", birth_date=dt.date(2012, 3, 4), bsn=VALID_BSN)
    values.update(overrides)
    return Person(**values)


def _raw_person(connection, **overrides) -> None:
    values = dict(
        id=overrides.pop("id", "p1"), bsn=VALID_BSN, education_number=None, birth_date="2012-03-04"
    )
    values.update(overrides)
    connection.execute(
        sa.text(
            "INSERT INTO persons (id, version, updated_at, deleted, bsn, education_number, first_names,"
            " last_name, birth_date, gender, qualification_exempt) VALUES (:id, 0, '2024-01-01', 0, :bsn,"
            " :education_number, 'Sanne', 'Jansen', :birth_date, 'female', 0)"
        ),
        values,
    )


def test_test_numbers_are_what_they_claim() -> None:
    assert _weighted_sum(VALID_BSN) % 11 == 0 and _weighted_sum(OTHER_VALID_BSN) % 11 == 0
    assert _weighted_sum("111222334") % 11 != 0


@pytest.mark.parametrize("bad", ["111222334", "12345678a", "1234567890", "000000000", "１１１２２２３３３"])
def test_bad_bsn_refused_by_the_orm(bad: str) -> None:
    with pytest.raises(DomainError, match="BSN"):
        _person(bsn=bad)


def test_bsn_written_with_spaces_is_stored_as_nine_digits(session: Session) -> None:
    person = _person(bsn="1112 22 333")
    session.add(person)
    session.flush()
    assert person.bsn == VALID_BSN


@pytest.mark.parametrize("bad", ["111222334", "11122233a", "000000000", "12345"])
def test_bad_bsn_refused_by_the_database(engine, bad: str) -> None:
    with pytest.raises(sa.exc.IntegrityError, match="bsn"), engine.begin() as connection:
        _raw_person(connection, bsn=bad)


def test_person_without_bsn_or_education_number_refused(session: Session, engine) -> None:
    session.add(_person(bsn=None))
    with pytest.raises(DomainError, match="onderwijsnummer"):
        session.flush()
    session.rollback()
    with pytest.raises(sa.exc.IntegrityError, match="has_identifier"), engine.begin() as connection:
        _raw_person(connection, bsn=None)


def test_education_number_alone_is_enough(session: Session) -> None:
    session.add(_person(bsn=None, education_number="100000009"))
    session.flush()
    with pytest.raises(DomainError):
        _person(bsn=None, education_number="10000A009")


def test_bsn_and_education_number_are_unique(engine) -> None:
    with engine.begin() as connection:
        _raw_person(connection, id="a", bsn=VALID_BSN)
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
        _raw_person(connection, id="b", bsn=VALID_BSN)


@pytest.mark.parametrize(
    ("model", "start", "end", "extra"),
    [
        (Enrollment, "start_date", "end_date", {"person_id": "p", "school_id": "s"}),
        (HomeSitterEpisode, "start_date", "end_date", {"person_id": "p"}),
        (Exemption, "valid_from", "valid_until", {"person_id": "p", "article": "5a"}),
        (Case, "opened_on", "closed_on", {"person_id": "p", "kind": "relative", "case_number": "2024-000001"}),
        (AbsenceReport, "absence_start", "absence_end", {"person_id": "p", "kind": "luxury"}),
    ],
)
def test_end_before_start_refused_in_either_order(model, start, end, extra) -> None:
    early, late = dt.date(2024, 1, 1), dt.date(2024, 2, 1)
    with pytest.raises(DomainError, match="vóór"):
        model(**{start: late, end: early}, **extra)
    obj = model(**{end: early}, **extra)
    with pytest.raises(DomainError):
        setattr(obj, start, late)
    assert model(**{start: early, end: early}, **extra) is not None  # the same day is fine


def test_leave_request_period_and_days(session: Session) -> None:
    with pytest.raises(DomainError):
        LeaveRequest(start_date=dt.date(2024, 5, 2), end_date=dt.date(2024, 5, 1))
    with pytest.raises(DomainError, match="verlofdagen"):
        LeaveRequest(days=0)


def test_end_before_start_refused_by_the_database(engine) -> None:
    with engine.begin() as connection:
        _raw_person(connection)
        connection.execute(
            sa.text(
                "INSERT INTO schools (id, version, updated_at, deleted, brin, location, name, kind, active)"
                " VALUES ('s', 0, '2024-01-01', 0, '12AB', '00', 'De Regenboog', 'PO', 1)"
            )
        )
    statement = sa.text(
        "INSERT INTO enrollments (id, version, updated_at, deleted, person_id, school_id, start_date, end_date)"
        " VALUES (:id, 0, '2024-01-01', 0, 'p1', 's', :start, :end)"
    )
    with engine.begin() as connection:
        connection.execute(statement, {"id": "ok", "start": "2024-01-01", "end": "2024-01-01"})
    with pytest.raises(sa.exc.IntegrityError, match="period"), engine.begin() as connection:
        connection.execute(statement, {"id": "bad", "start": "2024-02-01", "end": "2024-01-31"})


def test_enum_values_are_checked(engine) -> None:
    with pytest.raises(DomainError, match="soort"):
        School(brin="12AB", location="00", name="X", kind="HBO")
    assert School(brin="12AB", location="00", name="X", kind="PrO").kind is SchoolKind.PRO
    assert CaseKind("home_sitter").label == "Thuiszitter"
    with pytest.raises(sa.exc.IntegrityError, match="kind"), engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO schools (id, version, updated_at, deleted, brin, location, name, kind, active)"
                " VALUES ('s', 0, '2024-01-01', 0, '12AB', '00', 'X', 'HBO', 1)"
            )
        )


def _case_with_entry(session: Session) -> JournalEntry:
    person = _person()
    user = User(username="consulent.dordrecht", display_name="A. de Vries", role="consultant")
    session.add_all([person, user])
    session.flush()
    case = Case(case_number="2024-000001", person_id=person.id, kind="relative", opened_on=dt.date(2024, 1, 8))
    session.add(case)
    session.flush()
    entry = JournalEntry(
        case_id=case.id, person_id=person.id, kind="conversation", text="Gesprek met moeder.",
        author_user_id=user.id, occurred_at=NOW,
    )
    session.add(entry)
    session.commit()
    return entry


@pytest.mark.parametrize(
    ("field", "value"),
    [("text", "Aangepast."), ("kind", "note"), ("occurred_at", NOW + dt.timedelta(days=1)), ("author_user_id", None)],
)
def test_journal_entry_cannot_be_edited(session: Session, field: str, value) -> None:
    entry = _case_with_entry(session)
    setattr(entry, field, value)
    with pytest.raises(DomainError, match="journaalregel"):
        session.flush()
    session.rollback()
    assert session.get(JournalEntry, entry.id).text == "Gesprek met moeder."


def test_journal_entry_cannot_be_deleted_but_sync_fields_may_change(session: Session) -> None:
    entry = _case_with_entry(session)
    entry.version = 7
    entry.deleted = True
    session.commit()
    assert session.get(JournalEntry, entry.id).version == 7
    session.delete(entry)
    with pytest.raises(DomainError, match="verwijderd"):
        session.flush()


def test_duo_number_and_case_number_are_unique(session: Session) -> None:
    entry = _case_with_entry(session)
    for _ in range(2):
        session.add(
            AbsenceReport(person_id=entry.person_id, duo_number="VZM-0001", kind="sixteen_hours",
                          received_on=dt.date(2024, 2, 1))
        )
    with pytest.raises(sa.exc.IntegrityError, match="duo_number"):
        session.flush()
    session.rollback()
    session.add(Case(case_number="2024-000001", person_id=entry.person_id, kind="absolute",
                     opened_on=dt.date(2024, 2, 1)))
    with pytest.raises(sa.exc.IntegrityError, match="case_number"):
        session.flush()


def test_absence_reports_without_duo_number_may_coexist(session: Session) -> None:
    entry = _case_with_entry(session)
    for _ in range(2):
        session.add(AbsenceReport(person_id=entry.person_id, kind="luxury", received_on=dt.date(2024, 2, 1)))
    session.flush()
    assert session.scalar(sa.select(sa.func.count()).select_from(AbsenceReport)) == 2


def test_user_gemeenten_are_cbs_codes() -> None:
    assert User(username="u", display_name="U", role="team_lead", municipality_codes=["GM0505"]).role.label
    with pytest.raises(DomainError, match="CBS"):
        User(username="u", display_name="U", role="team_lead", municipality_codes=["Dordrecht"])

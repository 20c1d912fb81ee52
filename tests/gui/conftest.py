"""Fixtures for the window tests: a small constructed profile, an unlocked context and the main window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VANGNET_NO_CRASH_DIALOG", "1")

import datetime as dt
from dataclasses import dataclass

import pytest

from desktop import crash
from desktop.models import (
    AbsenceReport,
    Case,
    Enrollment,
    Exemption,
    Guardian,
    JournalEntry,
    Municipality,
    Person,
    School,
    User,
)
from desktop.models.enums import (
    AbsenceKind,
    CaseKind,
    ExemptionArticle,
    Gender,
    GuardianRelation,
    JournalKind,
    SchoolKind,
    UserRole,
)
from desktop.models.keyfile import KdfParams
from desktop.models.outbox import APPLYING_SERVER_CHANGES
from desktop.models.search_index import ensure_search_index
from desktop.models.store import Profile
from tests.conftest import PASSPHRASE


def make_bsn(first_eight: str) -> str:
    """Complete eight digits to a BSN that passes the 11-proef (the check digit must be below 10)."""
    total = sum(int(digit) * weight for digit, weight in zip(first_eight, range(9, 1, -1), strict=True))
    check = total % 11
    if check > 9:
        raise ValueError("choose other digits")
    return first_eight + str(check)


@dataclass
class Seeded:
    sanne_id: str
    daan_id: str
    mila_id: str
    case_id: str
    sanne_bsn: str
    school_id: str
    user_id: str


def _years_ago(today: dt.date, years: int, month: int = 3, day: int = 4) -> dt.date:
    return dt.date(today.year - years, month, day)


def seed(session, today: dt.date) -> Seeded:
    session.add_all(
        [
            Municipality(cbs_code="GM0505", name="Dordrecht", in_region=True),
            Municipality(cbs_code="GM0590", name="Papendrecht", in_region=True),
        ]
    )
    school = School(brin="12AB", location="00", name="Het Lingecollege", kind=SchoolKind.VO, city="Dordrecht",
                    municipality_code="GM0505")
    user = User(username="pdr", display_name="Patrick de Ridder", role=UserRole.CONSULTANT,
                municipality_codes=["GM0505"])
    session.add_all([school, user])
    session.flush()
    sanne_bsn = make_bsn("12345678")
    sanne = Person(bsn=sanne_bsn, first_names="Sanne", last_name="Vries", prefix="de",
                   birth_date=_years_ago(today, 14), gender=Gender.FEMALE, city="Dordrecht",
                   street="Kerkstraat", house_number="12", postal_code="3311 AB", municipality_code="GM0505")
    daan = Person(education_number="100000009", first_names="Daan", last_name="O'Brien",
                  birth_date=_years_ago(today, 15, 6, 1), city="Papendrecht", municipality_code="GM0590")
    mila = Person(bsn=make_bsn("23456789"), first_names="Mila", last_name="Jansen",
                  birth_date=_years_ago(today, 13, 9, 20), city="Dordrecht", municipality_code="GM0505")
    session.add_all([sanne, daan, mila])
    session.flush()
    session.add(Guardian(person_id=sanne.id, relation=GuardianRelation.MOTHER, has_authority=True,
                         first_names="Monique", last_name="de Vries", phone="06-12345678"))
    session.add(Enrollment(person_id=sanne.id, school_id=school.id, start_date=_years_ago(today, 2, 8, 1)))
    session.add(Enrollment(person_id=daan.id, school_id=school.id, start_date=_years_ago(today, 3, 8, 1)))
    case = Case(case_number=f"{today.year}-000001", person_id=sanne.id, kind=CaseKind.RELATIVE,
                opened_on=today - dt.timedelta(days=20), assigned_user_id=user.id, municipality_code="GM0505",
                school_id=school.id)
    session.add(case)
    session.flush()
    session.add(AbsenceReport(person_id=sanne.id, case_id=case.id, received_on=today - dt.timedelta(days=21),
                              kind=AbsenceKind.SIXTEEN_HOURS, hours_absent=18, school_id=school.id,
                              municipality_code="GM0505"))
    session.add(JournalEntry(case_id=case.id, person_id=sanne.id, kind=JournalKind.NOTE,
                             text="Melding ontvangen van school.",
                             occurred_at=dt.datetime.combine(today - dt.timedelta(days=20), dt.time(9, 0),
                                                             tzinfo=dt.UTC)))
    session.add(Exemption(person_id=mila.id, article=ExemptionArticle.ART_5C, received_on=today - dt.timedelta(days=5),
                          school_abroad="Lycée Français, Brussel", municipality_code="GM0505"))
    session.flush()
    return Seeded(sanne.id, daan.id, mila.id, case.id, sanne_bsn, school.id, user.id)


@pytest.fixture
def gui_profile(tmp_path):
    """A closed profile with a handful of constructed records, and what was put in."""
    profile = Profile(tmp_path / "profiel")
    store = profile.create(PASSPHRASE, kdf=KdfParams.minimum())
    try:
        with store.session() as session:
            # Constructed as if they came from a server: nothing of it is queued for upload.
            session.info[APPLYING_SERVER_CHANGES] = True
            seeded = seed(session, dt.date.today())
        ensure_search_index(store.engine)
    finally:
        store.close()
    return profile, seeded


@pytest.fixture
def ctx(gui_profile):
    from desktop.operations.context import AppContext
    from desktop.settings import Settings

    profile, _seeded = gui_profile
    store = profile.unlock(PASSPHRASE)
    context = AppContext(profile, Settings(profile.settings_path), store)
    yield context
    if context.store is not None:
        context.store.close()


@pytest.fixture
def seeded(gui_profile) -> Seeded:
    return gui_profile[1]


@pytest.fixture
def main_window(qtbot, ctx):
    from desktop.views.main_window import MainWindow

    window = MainWindow(ctx, lambda text: ctx.profile.unlock(text))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitExposed(window):
        window.show()
    with qtbot.waitSignal(window.page("worklist").loaded, timeout=20_000):
        window.start()
    yield window
    window.close()


@pytest.fixture(autouse=True)
def no_unexpected_errors():
    """Errors that reach the global exception hook fail the test."""
    crash.caught.clear()
    crash.install(show_dialog=False)
    yield
    caught = list(crash.caught)
    crash.caught.clear()
    crash.uninstall()
    assert not caught, f"onverwachte fout: {caught!r}"

"""A constructed database for the letter tests and the letters benchmark: every value known by construction.

Families:
- Sanne de Vries (14): mother at Sanne's address, father ('Jansen & <Zn> "sr"') at another address → two
  letters; an appointment and a melding; a kennisgeving under art. 5 onder a, confirmed.
- Daan Bakker (19): the letter goes to Daan himself, not to his mother.
- Mila Smit (13): both parents at one address → one joint letter; a refused leave request (> 10 days).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.models import (
    AbsenceReport,
    Appointment,
    Case,
    Enrollment,
    Exemption,
    Guardian,
    Intervention,
    JournalEntry,
    LeaveRequest,
    Municipality,
    Person,
    School,
    User,
)
from desktop.models.enums import (
    AbsenceKind,
    AppointmentKind,
    CaseKind,
    Decision,
    ExemptionArticle,
    Gender,
    GuardianRelation,
    InterventionKind,
    JournalKind,
    LeaveDecider,
    LeaveKind,
    SchoolKind,
    UserRole,
)

LETTER_DATE = dt.date(2025, 3, 5)
FATHER_LAST_NAME = 'Jansen & <Zn> "sr"'


def bsn(first_eight: str) -> str:
    total = sum(int(d) * w for d, w in zip(first_eight, range(9, 1, -1), strict=True))
    if total % 11 > 9:
        raise ValueError("choose other digits")
    return first_eight + str(total % 11)


@dataclass
class Seeded:
    user_id: str
    school_id: str
    sanne_case: str
    daan_case: str
    mila_case: str
    sanne_exemption: str
    mila_leave: str
    case_numbers: list[str]


def _years_before(day: dt.date, years: int, month: int, date_: int) -> dt.date:
    return dt.date(day.year - years, month, date_)


def seed_families(session, today: dt.date = LETTER_DATE) -> Seeded:
    session.add(Municipality(cbs_code="GM0505", name="Dordrecht", in_region=True))
    school = School(brin="12AB", location="00", name="Het Lingecollege", kind=SchoolKind.VO, city="Dordrecht",
                    street="Schoolstraat", house_number="10", postal_code="3311 BB", municipality_code="GM0505",
                    contact_name="mevrouw K. Smit")
    user = User(username="pdr", display_name="Patrick de Ridder", role=UserRole.CONSULTANT,
                municipality_codes=["GM0505"], job_title="consulent leerplicht", phone="078 111 22 33",
                email="p.de.ridder@example.nl", leerplichtambtenaar=True, boa_number="B-10001")
    session.add_all([school, user])
    session.flush()

    sanne = Person(bsn=bsn("12345678"), first_names="Sanne Maria", call_name="Sanne", prefix="de",
                   last_name="Vries", birth_date=_years_before(today, 14, 4, 12), gender=Gender.FEMALE,
                   street="Voorstraat", house_number="100 A", postal_code="3311 AA", city="Dordrecht",
                   municipality_code="GM0505")
    daan = Person(bsn=bsn("23456789"), first_names="Daan", last_name="Bakker",
                  birth_date=_years_before(today, 19, 1, 2), gender=Gender.MALE, street="Singel",
                  house_number="5", postal_code="3312 CC", city="Dordrecht", municipality_code="GM0505")
    mila = Person(education_number="100000009", first_names="Mila", last_name="Smit",
                  birth_date=_years_before(today, 13, 9, 20), gender=Gender.FEMALE, street="Kerkplein",
                  house_number="2", postal_code="3311 BC", city="Dordrecht", municipality_code="GM0505")
    session.add_all([sanne, daan, mila])
    session.flush()
    session.add_all([
        # Sanne: mother lives with her (no address of her own), father elsewhere.
        Guardian(person_id=sanne.id, relation=GuardianRelation.MOTHER, has_authority=True, initials="A.",
                 prefix="de", last_name="Vries", gender=Gender.FEMALE),
        Guardian(person_id=sanne.id, relation=GuardianRelation.FATHER, has_authority=True, initials="J.",
                 last_name=FATHER_LAST_NAME, gender=Gender.MALE, street="Dordtse Kil", house_number="7",
                 postal_code="3313 DD", city="Dordrecht"),
        Guardian(person_id=daan.id, relation=GuardianRelation.MOTHER, has_authority=True, initials="M.",
                 last_name="Bakker", gender=Gender.FEMALE),
        Guardian(person_id=mila.id, relation=GuardianRelation.MOTHER, has_authority=True, initials="E.",
                 last_name="Smit", gender=Gender.FEMALE),
        Guardian(person_id=mila.id, relation=GuardianRelation.FATHER, has_authority=True, initials="R.",
                 last_name="Smit", gender=Gender.MALE),
        # A step-parent without authority never receives a letter.
        Guardian(person_id=mila.id, relation=GuardianRelation.OTHER, has_authority=False, initials="T.",
                 last_name="Stiefouder", street="Elders", house_number="1", postal_code="1000 AA", city="Amsterdam"),
    ])
    for person in (sanne, daan, mila):
        session.add(Enrollment(person_id=person.id, school_id=school.id, start_date=dt.date(today.year - 2, 8, 1)))
    cases = []
    for number, person, kind in ((1, sanne, CaseKind.RELATIVE), (2, daan, CaseKind.OVER_18),
                                 (3, mila, CaseKind.RELATIVE)):
        case = Case(case_number=f"{today.year}-{number:06d}", person_id=person.id, kind=kind,
                    opened_on=today - dt.timedelta(days=30), assigned_user_id=user.id, municipality_code="GM0505",
                    school_id=school.id, summary="Veel ongeoorloofd verzuim sinds januari.")
        session.add(case)
        cases.append(case)
    session.flush()
    for case in cases:
        session.add(AbsenceReport(person_id=case.person_id, case_id=case.id, received_on=today - dt.timedelta(days=31),
                                  kind=AbsenceKind.SIXTEEN_HOURS, hours_absent=18, times_late=4, school_id=school.id,
                                  absence_start=today - dt.timedelta(days=60),
                                  absence_end=today - dt.timedelta(days=35),
                                  municipality_code="GM0505", duo_number=f"V{case.case_number}",
                                  reporter_name="K. Smit"))
        session.add(Appointment(case_id=case.id, person_id=case.person_id, user_id=user.id,
                                kind=AppointmentKind.HEARING,
                                starts_at=dt.datetime.combine(today + dt.timedelta(days=13),
                                                              dt.time(14, 30)).astimezone(),
                                location="Stadskantoor, Spuiboulevard 300, Dordrecht",
                                purpose="Het verzuim van de afgelopen weken bespreken."))
    session.add(Intervention(case_id=cases[0].id, person_id=sanne.id, kind=InterventionKind.WARNING,
                             date=today - dt.timedelta(days=20)))
    session.add(JournalEntry(case_id=cases[0].id, person_id=sanne.id, kind=JournalKind.CONVERSATION,
                             text="Moeder zegt dat Sanne 's ochtends niet uit bed komt.", contact_with="moeder",
                             occurred_at=dt.datetime.combine(today - dt.timedelta(days=15), dt.time(10, 0),
                                                             tzinfo=dt.UTC)))
    exemption = Exemption(person_id=sanne.id, case_id=cases[0].id, article=ExemptionArticle.ART_5A,
                          school_year=f"{today.year - 1}-{today.year}", received_on=today - dt.timedelta(days=25),
                          decided_on=today - dt.timedelta(days=2), decision=Decision.CONFIRMED,
                          valid_from=today, valid_until=dt.date(today.year, 7, 31),
                          motivation="De onafhankelijke arts verklaart dat Sanne nu niet naar school kan.",
                          municipality_code="GM0505")
    leave = LeaveRequest(person_id=mila.id, case_id=cases[2].id, school_id=school.id,
                         kind=LeaveKind.IMPORTANT_CIRCUMSTANCES, received_on=today - dt.timedelta(days=10),
                         start_date=today + dt.timedelta(days=30), end_date=today + dt.timedelta(days=50), days=15,
                         reason="Familiebezoek in het buitenland.", decided_by=LeaveDecider.ATTENDANCE_OFFICER,
                         head_teacher_heard=True, decision=Decision.REFUSED, decided_on=today - dt.timedelta(days=1),
                         motivation="Een familiebezoek is geen gewichtige omstandigheid.")
    session.add_all([exemption, leave])
    session.flush()
    return Seeded(user.id, school.id, cases[0].id, cases[1].id, cases[2].id, exemption.id, leave.id,
                  [c.case_number for c in cases])


def seed_many_cases(session, count: int, today: dt.date = LETTER_DATE) -> list[str]:
    """``count`` extra cases of pupils with two parents living apart-or-together (for the benchmark)."""
    school_id = session.query(School.id).first()[0]
    user_id = session.query(User.id).first()[0]
    numbers = []
    for index in range(count):
        person = Person(education_number=f"{200000000 + index:09d}", first_names=f"Kind{index}",
                        last_name=f"Achternaam{index % 97}", birth_date=dt.date(today.year - 10 - index % 7, 5, 1),
                        gender=Gender.FEMALE if index % 2 else Gender.MALE, street="Laan", house_number=str(index + 1),
                        postal_code="3311 XX", city="Dordrecht", municipality_code="GM0505")
        session.add(person)
        session.flush()
        session.add(Guardian(person_id=person.id, relation=GuardianRelation.MOTHER, initials="A.",
                             last_name=f"Ouder{index}", gender=Gender.FEMALE))
        case = Case(case_number=f"{today.year - 1}-{index + 1:06d}", person_id=person.id, kind=CaseKind.RELATIVE,
                    opened_on=today - dt.timedelta(days=40), assigned_user_id=user_id, municipality_code="GM0505",
                    school_id=school_id)
        session.add(case)
        session.flush()
        session.add(AbsenceReport(person_id=person.id, case_id=case.id, received_on=today - dt.timedelta(days=41),
                                  kind=AbsenceKind.SIXTEEN_HOURS, hours_absent=16 + index % 9, school_id=school_id,
                                  municipality_code="GM0505"))
        numbers.append(case.case_number)
    session.flush()
    return numbers

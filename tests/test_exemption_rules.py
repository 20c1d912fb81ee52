"""Vrijstellingen per article (Lpw art. 3a, 3b, 5-9, 5a, 11 onder g, 14, 15): the rules as pure functions,
table-driven, and the domain commands that register a kennisgeving or request and decide on it under the law
and the signer's mandate (Lpw art. 16)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.models import Enrollment, Exemption, Person, School, User
from desktop.models.enums import Decision, ExemptionArticle, SchoolKind, StatementBy, TravellingOccupation, UserRole
from desktop.models.errors import DomainError
from desktop.models.exemptions import decide_exemption, register_exemption
from desktop.models.law import (
    EXEMPTION_LEGAL_BASIS,
    ExemptionFacts,
    SchoolYear,
    exemption_ineligible,
    exemption_outcome_problem,
    exemption_outcomes,
    exemption_period,
    exemption_requirements_unmet,
    notification_deadline,
    notification_late,
)

A, B, C = ExemptionArticle.ART_5A, ExemptionArticle.ART_5B, ExemptionArticle.ART_5C
TRAVEL, ART_15, ART_3A, ART_3B, ART_11G = (
    ExemptionArticle.ART_5A_TRAVEL, ExemptionArticle.ART_15, ExemptionArticle.ART_3A, ExemptionArticle.ART_3B,
    ExemptionArticle.ART_11G,
)
Y2026 = SchoolYear(2026)


def D(text: str) -> date:
    return date.fromisoformat(text)


# Born 2016-03-03: 10 in the schooljaar 2026-2027; born 2013-03-03: 13; born 2009-09-15: 17 (kwalificatieplichtig).
TEN, THIRTEEN, FOURTEEN, SEVENTEEN = D("2016-03-03"), D("2013-03-03"), D("2012-05-20"), D("2009-09-15")


def facts(article: ExemptionArticle, birth: date = TEN, received: str = "2026-06-10", **kw) -> ExemptionFacts:
    if "substitute_programme" in kw:
        kw["programme"] = kw.pop("substitute_programme")
    return ExemptionFacts(article, birth, D(received), kw.pop("for_year", Y2026), **kw)


# --- The legal construction -------------------------------------------------------------------------------


def test_a_kennisgeving_is_confirmed_and_a_request_granted() -> None:
    for article in (A, B, C, TRAVEL):
        assert exemption_outcomes(article)[:2] == (Decision.CONFIRMED, Decision.INCOMPLETE)
        assert "kennisgeving, geen aanvraag" in exemption_outcome_problem(article, Decision.GRANTED)
    for article in (ART_15, ART_3A, ART_3B, ART_11G):
        assert exemption_outcomes(article)[:2] == (Decision.GRANTED, Decision.REFUSED)
        assert "op een aanvraag" in exemption_outcome_problem(article, Decision.CONFIRMED)
    for article in ExemptionArticle:
        assert {Decision.WITHDRAWN, Decision.INADMISSIBLE} <= set(exemption_outcomes(article))
    assert [d for d in Decision if d.exempts] == [Decision.GRANTED, Decision.CONFIRMED]


def test_art_5_onder_a_is_never_called_art_5a() -> None:
    assert EXEMPTION_LEGAL_BASIS[A] == "artikel 5, onder a, van de Leerplichtwet 1969"
    assert EXEMPTION_LEGAL_BASIS[TRAVEL].startswith("artikel 5a van de Leerplichtwet 1969")
    assert A.label.startswith("Art. 5 onder a") and TRAVEL.label.startswith("Art. 5a ")


# --- Art. 5 onder a (art. 5, 7) ---------------------------------------------------------------------------

STATEMENT = {"statement_date": D("2026-04-01"), "statement_by": "doctor", "doctor_appointed": True}


@pytest.mark.parametrize(
    ("changes", "sentence"),
    [
        ({}, None),
        ({"statement_date": None}, "Er is geen verklaring"),
        ({"doctor_appointed": False}, "niet van de behandelaar"),
        ({"statement_date": D("2026-03-09")}, "ouder dan drie maanden"),
        ({"statement_date": D("2026-06-11")}, "nog niet opgemaakt"),
    ],
)
def test_art_5_onder_a_needs_a_recent_statement_of_an_appointed_expert(changes, sentence) -> None:
    problems = exemption_requirements_unmet(facts(A, **{**STATEMENT, **changes}))
    if sentence is None:
        assert problems == ()
    else:
        assert len(problems) == 1 and sentence in problems[0] and "artikel 7" in problems[0]


def test_art_5_onder_a_is_refused_for_an_enrolled_pupil() -> None:
    refused = exemption_ineligible(facts(A, enrolled=True, enrolled_at="De Regenboog", **STATEMENT))
    assert "ingeschreven bij De Regenboog" in refused and "artikel 5, onder a" in refused
    assert exemption_ineligible(facts(A, **STATEMENT)) is None


def test_never_fit_runs_without_an_end_and_others_to_the_end_of_the_schooljaar() -> None:
    assert exemption_period(facts(A, never_fit=True, **STATEMENT), D("2026-06-20")) is None
    period = exemption_period(facts(A, **STATEMENT), D("2026-06-20"))
    assert (period.start, period.end) == (D("2026-08-01"), D("2027-07-31"))


# --- Art. 5 onder b and c: the deadline of art. 6, art. 8, art. 9 -----------------------------------------


def test_the_deadline_is_before_1_july_or_a_month_before_leerplicht_begins() -> None:
    assert notification_deadline(Y2026, TEN) == D("2026-06-30")
    # Born 2021-10-10: leerplicht from 1 November 2026, the first kennisgeving a month before.
    assert notification_deadline(Y2026, D("2021-10-10")) == D("2026-10-01")


def test_a_kennisgeving_received_on_7_november_gets_a_word_about_the_deadline() -> None:
    late = notification_late(D("2026-11-07"), Y2026, TEN)
    assert late == (
        "De kennisgeving is ontvangen op 7 november 2026; voor het schooljaar 2026-2027 moest zij uiterlijk "
        "30 juni 2026 binnen zijn (Leerplichtwet art. 6). Zij kan pas gelden voor het schooljaar 2027-2028, en "
        "moet daarvoor vóór 1 juli 2027 opnieuw worden gedaan."
    )
    for article, evidence in ((B, {"denomination_objection": "protestants-christelijk",
                                   "attended_denomination_last_year": False}),
                              (C, {"school_abroad": "Lycée Molière", "abroad_head_statement": True})):
        assert exemption_requirements_unmet(facts(article, received="2026-11-07", **evidence)) == (late,)
        assert exemption_requirements_unmet(facts(article, received="2026-06-30", **evidence)) == ()
    assert notification_late(D("2026-06-30"), Y2026, TEN) is None


def test_art_5_onder_b_asks_whether_the_child_attended_such_a_school_last_year() -> None:
    base = facts(B, denomination_objection="rooms-katholiek")
    assert "Nog niet nagegaan" in exemption_requirements_unmet(base)[0]
    invalid = exemption_requirements_unmet(replace(base, attended_denomination_last_year=True))
    assert "ongeldig (artikel 8" in invalid[0]
    assert exemption_requirements_unmet(replace(base, attended_denomination_last_year=False)) == ()


def test_art_5_onder_c_needs_the_statement_of_the_head_of_the_school_abroad() -> None:
    problems = exemption_requirements_unmet(facts(C, school_abroad="Lycée Molière"))
    assert len(problems) == 1 and "artikel 9" in problems[0]


# --- Art. 5a: trekkende bestaanswijze ----------------------------------------------------------------------


def test_art_5a_has_its_own_conditions_and_the_travelling_season() -> None:
    ok = facts(TRAVEL, travelling_occupation=TravellingOccupation.CIRCUS.value, travels_along=True,
               travelling_school_nearby=False)
    assert exemption_requirements_unmet(ok) == ()
    assert "rijdende school" in exemption_requirements_unmet(replace(ok, travelling_school_nearby=True))[0]
    assert "meereist" in exemption_requirements_unmet(replace(ok, travels_along=False))[0]
    period = exemption_period(replace(ok, received_on=D("2026-12-01"), for_year=Y2026), D("2026-12-05"))
    assert (period.start, period.end) == (D("2027-03-01"), D("2027-10-31"))


# --- Art. 15, 3a, 3b, 11 onder g ---------------------------------------------------------------------------


def test_art_15_only_for_someone_kwalificatieplichtig() -> None:
    refused = exemption_ineligible(facts(ART_15, THIRTEEN, "2026-11-07", substitute_programme="Thuisonderwijs"))
    assert "13 jaar en leerplichtig" in refused and "artikel 15" in refused
    seventeen = facts(ART_15, SEVENTEEN, "2026-11-07", substitute_programme="Particuliere opleiding")
    assert exemption_ineligible(seventeen) is None and exemption_requirements_unmet(seventeen) == ()
    assert "voldoende onderwijs" in exemption_requirements_unmet(replace(seventeen, programme=""))[0]


def test_art_3a_from_14_with_practical_time_and_3b_in_the_last_leerplicht_year() -> None:
    assert "vanaf 14 jaar" in exemption_ineligible(facts(ART_3A, THIRTEEN, "2026-11-07"))
    fourteen = facts(ART_3A, FOURTEEN, "2026-11-07", substitute_programme="Leerwerktraject", practical_time=False)
    assert exemption_ineligible(fourteen) is None
    assert "praktijktijd" in exemption_requirements_unmet(fourteen)[0]
    # Born 2010-10-01: leerplicht ends 31 July 2027, so 2026-2027 is the last year.
    last = facts(ART_3B, D("2010-10-01"), "2026-09-01", substitute_programme="BBL", institution="Da Vinci College")
    assert exemption_ineligible(last) is None and exemption_requirements_unmet(last) == ()
    assert "laatste leerplichtige schooljaar" in exemption_ineligible(replace(last, birth_date=FOURTEEN))


def test_art_11g_needs_the_head_teacher_heard() -> None:
    assert "artikel 14, derde lid" in exemption_requirements_unmet(facts(ART_11G, FOURTEEN))[0]
    assert exemption_requirements_unmet(facts(ART_11G, FOURTEEN, head_teacher_heard=True)) == ()


# --- The domain commands -----------------------------------------------------------------------------------


@pytest.fixture
def people(store):
    with store.session() as session:
        school = School(brin="09XY", location="00", name="De Regenboog", kind=SchoolKind.PO, city="Dordrecht")
        ten = Person(first_names="Noor", last_name="Bakker", birth_date=TEN, education_number="100000017")
        enrolled = Person(first_names="Sem", last_name="Visser", birth_date=TEN, education_number="100000025")
        thirteen = Person(first_names="Lars", last_name="Smit", birth_date=THIRTEEN, education_number="100000033")
        officer = User(username="lpa", display_name="Lea Post", role=UserRole.CONSULTANT, municipality_codes=[],
                       leerplichtambtenaar=True)
        clerk = User(username="adm", display_name="Ad Min", role=UserRole.ADMINISTRATOR, municipality_codes=[])
        session.add_all([school, ten, enrolled, thirteen, officer, clerk])
        session.flush()
        session.add(Enrollment(person_id=enrolled.id, school_id=school.id, start_date=D("2021-08-01")))
        return {"ten": ten.id, "enrolled": enrolled.id, "thirteen": thirteen.id, "officer": officer.id,
                "clerk": clerk.id}


def _register(store, person_id, article, received, **fields) -> str:
    with store.session() as session:
        exemption = register_exemption(session, person_id, article, D(received), **fields)
        session.flush()
        return exemption.id


def _decide(store, exemption_id, decision, user_id, decided="2026-06-20") -> Exemption:
    with store.session() as session:
        exemption = decide_exemption(session, exemption_id, decision, D(decided), "Gewogen.", user_id=user_id)
        session.flush()
        session.expunge(exemption)
        return exemption


A_FIELDS = {"statement_date": D("2026-04-01"), "statement_by": StatementBy.PEDAGOGUE, "doctor_appointed": True}


def test_register_refuses_what_the_person_cannot_have(store, people) -> None:
    with pytest.raises(DomainError, match="ingeschreven bij De Regenboog"):
        _register(store, people["enrolled"], A, "2026-06-10", **A_FIELDS)
    with pytest.raises(DomainError, match="13 jaar en leerplichtig"):
        _register(store, people["thirteen"], ART_15, "2026-11-07", substitute_programme="Thuis")
    with pytest.raises(DomainError, match="kent geen gegevens 'school_abroad'"):
        _register(store, people["ten"], A, "2026-06-10", school_abroad="Lycée")
    with store.session() as session:
        assert session.query(Exemption).count() == 0


def test_a_kennisgeving_is_confirmed_by_the_leerplichtambtenaar_only(store, people) -> None:
    exemption_id = _register(store, people["ten"], A, "2026-06-10", **A_FIELDS)
    with pytest.raises(DomainError, match="administratief medewerker ondertekent geen besluit op een vrijstelling"):
        _decide(store, exemption_id, Decision.CONFIRMED, people["clerk"])
    with pytest.raises(DomainError, match="kennisgeving, geen aanvraag"):
        _decide(store, exemption_id, Decision.GRANTED, people["officer"])
    confirmed = _decide(store, exemption_id, Decision.CONFIRMED, people["officer"])
    assert (confirmed.decision, confirmed.decided_by_user_id) == (Decision.CONFIRMED, people["officer"])
    assert (confirmed.school_year, confirmed.valid_from, confirmed.valid_until) == (
        "2026-2027", D("2026-08-01"), D("2027-07-31"))


def test_a_late_kennisgeving_cannot_be_confirmed_but_is_registered_and_found_incomplete(store, people) -> None:
    exemption_id = _register(store, people["ten"], B, "2026-11-07", school_year_label="2026-2027",
                             denomination_objection="protestants-christelijk", attended_denomination_last_year=False)
    with pytest.raises(DomainError, match="uiterlijk 30 juni 2026"):
        _decide(store, exemption_id, Decision.CONFIRMED, people["officer"], "2026-11-10")
    incomplete = _decide(store, exemption_id, Decision.INCOMPLETE, people["officer"], "2026-11-10")
    assert incomplete.decision == Decision.INCOMPLETE and incomplete.valid_until is None
    # Withdrawn and inadmissible are outcomes too, and exempt nobody.
    other = _register(store, people["ten"], C, "2026-06-01", school_abroad="Lycée Molière")
    assert _decide(store, other, Decision.WITHDRAWN, people["officer"]).valid_from is None

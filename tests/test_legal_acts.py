"""Every legal act against the law and the signer's authority: a table crossing kinds, ages, duties, case kinds
and roles (Lpw art. 2, 4c, 14, 16, 22, 26; Sr art. 77e; Sv art. 142; BW 1:255; AKW art. 7)."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from desktop.documents.letters import LETTER_KINDS
from desktop.documents.official_reports import REPORT_KINDS
from desktop.models import law
from desktop.models.enums import CaseKind, Decision, ExemptionArticle, LeaveDecider, UserRole
from desktop.models.legal_acts import (
    EXEMPTION_DECISION,
    LEAVE_DECISION,
    RULES,
    ActFacts,
    HaltFacts,
    check,
    exemption_refusal,
    pv_charging_articles,
)
from desktop.models.mandate import Signer

ON = dt.date(2026, 3, 2)  # a Monday in term
VERZUIM = dt.date(2026, 2, 2)
AGES = (10, 13, 15, 16, 17, 18, 19, 22)
ROLES = {
    "lpa_boa": Signer("u1", "Anna de Boer", UserRole.CONSULTANT, True, "B-12345"),
    "lpa": Signer("u2", "Bram Smit", UserRole.CONSULTANT, True, None),
    "consulent": Signer("u3", "Carla Jansen", UserRole.CONSULTANT, False, None),
    "administratief": Signer("u4", "Dirk Visser", UserRole.ADMINISTRATOR, True, "B-99999"),
    "teamleider": Signer("u5", "Eva Bakker", UserRole.TEAM_LEAD, True, "B-55555"),
}
DUTIES = ("plain", "startkwalificatie", "exempt")  # none, startkwalificatie at 16, art. 4a lid 2
ARTICLE = re.compile(r"\([^()]*(?:art\.|Besluit)[^()]*\)\.?$")


def birth_for(age: int, on: dt.date = ON) -> dt.date:
    return dt.date(on.year - age, on.month, on.day) - dt.timedelta(days=40)


def facts(kind: str, age: int, duty: str, case_kind: CaseKind, signer: Signer) -> ActFacts:
    birth = birth_for(age)
    return ActFacts(
        on=ON, signer=signer, birth_date=birth, name="Sanne",
        qualified_on=law.date_reaching_age(birth, 16) if duty == "startkwalificatie" else None,
        qualification_exempt=duty == "exempt", case_kind=case_kind, verzuim_dates=(VERZUIM,),
        enrolled=False, planned_conversation=True,
        exemption_article=ExemptionArticle.ART_5A, exemption_decision={
            "besluit_vrijstelling_afgewezen": Decision.REFUSED,
            "bevestiging_vrijstelling": Decision.CONFIRMED,
            "kennisgeving_vrijstelling_onvolledig": Decision.INCOMPLETE,
            "besluit_vrijstelling_buiten_behandeling": Decision.INADMISSIBLE,
        }.get(kind, Decision.GRANTED),
        exemption_date=ON,
        leave_days=12, leave_decider=LeaveDecider.ATTENDANCE_OFFICER,
        leave_decision=Decision.REFUSED if kind == "besluit_verlof_afgewezen" else Decision.GRANTED, leave_start=ON,
        halt=HaltFacts(20.0, 0, True, True, False),
    )


def expected(kind: str, f: ActFacts, role: str) -> bool:
    """The law, written out independently of the rules: whether the act may be made."""
    assert f.birth_date is not None
    age_now = law.age_on(f.birth_date, ON)
    age_then = law.age_on(f.birth_date, VERZUIM)
    status_then = f.duty(VERZUIM)
    status_now = f.duty(ON)
    with_duty = {law.DutyStatus.COMPULSORY, law.DutyStatus.QUALIFICATION_DUTY}
    enforceable = f.case_kind in (CaseKind.RELATIVE, CaseKind.ABSOLUTE, CaseKind.HOME_SITTER)
    signs = role in ("lpa_boa", "lpa", "consulent", "teamleider")
    designated = role in ("lpa_boa", "lpa", "teamleider")
    boa = role in ("lpa_boa", "teamleider")
    if kind == "uitnodiging_gesprek":
        return signs and (status_now in with_duty or status_now is law.DutyStatus.DROPOUT_SUPPORT)
    if kind == "waarschuwing":
        return signs and enforceable and age_now < 18 and status_then in with_duty
    if kind in ("halt_verwijzing", "formulier_halt"):
        return designated and boa and enforceable and 12 <= age_then < 18 and status_then in with_duty
    if kind == "pv_ouders":
        return designated and boa and enforceable and age_then < 18 and status_then in with_duty
    if kind == "pv_jongere":
        return designated and boa and enforceable and 12 <= age_then < 18 and status_then in with_duty
    if kind in ("melding_raad", "formulier_raad"):
        return designated and age_now < 18
    if kind == "melding_svb":
        return designated and age_now in (16, 17)
    if kind == "terugkoppeling_school":
        return signs
    if kind in ("besluit_vrijstelling_toegekend", "besluit_vrijstelling_afgewezen", "bevestiging_vrijstelling",
                EXEMPTION_DECISION):
        return designated and status_now in (with_duty | {law.DutyStatus.BEFORE_COMPULSORY})
    if kind in ("kennisgeving_vrijstelling_onvolledig", "besluit_vrijstelling_buiten_behandeling"):
        # Saying a kennisgeving is incomplete or a request inadmissible fits any duty: that may be the reason.
        return designated
    if kind in ("besluit_verlof_toegekend", "besluit_verlof_afgewezen", LEAVE_DECISION):
        return designated and status_now in with_duty
    raise AssertionError(kind)


def test_every_letter_report_and_decision_kind_has_a_rule():
    assert set(LETTER_KINDS) | set(REPORT_KINDS) | {EXEMPTION_DECISION, LEAVE_DECISION} <= set(RULES)
    assert not check("onbekend", facts("waarschuwing", 15, "plain", CaseKind.RELATIVE, ROLES["lpa"])).allowed


CROSS = list(itertools.product(sorted(RULES), AGES, DUTIES,
                               (CaseKind.RELATIVE, CaseKind.ABSOLUTE, CaseKind.OVER_18, CaseKind.DROPOUT), ROLES))


@pytest.mark.parametrize(("kind", "age", "duty", "case_kind", "role"), CROSS)
def test_kind_by_age_duty_case_and_role(kind, age, duty, case_kind, role):
    f = facts(kind, age, duty, case_kind, ROLES[role])
    result = check(kind, f)
    assert result.allowed is expected(kind, f, role), (result.reason, f.duty(VERZUIM), f.duty(ON))
    if not result.allowed:
        assert result.refusal is not None and result.refusal.article
        assert ARTICLE.search(result.reason), result.reason


def test_pv_can_concern_verzuim_from_before_the_18th_birthday():
    birth = dt.date(2008, 3, 10)  # 18 on 10 March 2026
    f = ActFacts(on=dt.date(2026, 4, 1), signer=ROLES["lpa_boa"], birth_date=birth, case_kind=CaseKind.RELATIVE,
                 verzuim_dates=(dt.date(2026, 2, 2),))
    assert check("pv_ouders", f).allowed
    assert check("pv_jongere", f).allowed
    assert pv_charging_articles("pv_ouders", f) == "Lpw art. 4c en art. 26"
    refused = check("waarschuwing", f)
    assert not refused.allowed and "18e verjaardag" in refused.reason
    after = ActFacts(on=dt.date(2026, 4, 1), signer=ROLES["lpa_boa"], birth_date=birth, case_kind=CaseKind.RELATIVE,
                     verzuim_dates=(dt.date(2026, 3, 16),))
    assert not check("pv_ouders", after).allowed


def test_pv_articles_follow_the_duty_on_the_day_of_the_verzuim():
    f = facts("pv_jongere", 13, "plain", CaseKind.RELATIVE, ROLES["lpa_boa"])
    assert pv_charging_articles("pv_jongere", f) == "Lpw art. 2 lid 3 en art. 26"
    assert pv_charging_articles("pv_ouders", f) == "Lpw art. 2 lid 1 en art. 26"
    young = facts("pv_jongere", 10, "plain", CaseKind.RELATIVE, ROLES["lpa_boa"])
    assert "pas vanaf 12 jaar" in check("pv_jongere", young).reason
    assert pv_charging_articles("pv_jongere", young) is None


def test_halt_needs_consent_hours_and_a_first_referral():
    base = facts("formulier_halt", 15, "plain", CaseKind.RELATIVE, ROLES["lpa_boa"])
    assert check("formulier_halt", base).allowed
    from dataclasses import replace

    assert "instemming van de jongere" in check("formulier_halt", replace(
        base, halt=HaltFacts(20.0, 0, None, True, False))).reason
    assert "ouders" in check("formulier_halt", replace(base, halt=HaltFacts(20.0, 0, True, None, False))).reason
    assert "eerder" in check("formulier_halt", replace(base, halt=HaltFacts(20.0, 0, True, True, True))).reason
    assert "past niet bij Halt" in check("formulier_halt", replace(base, halt=HaltFacts(80.0, 0, True, True,
                                                                                         False))).reason
    assert "geen Halt-interventie" in check("formulier_halt", replace(base, halt=None)).reason
    older = facts("formulier_halt", 17, "plain", CaseKind.RELATIVE, ROLES["lpa_boa"])
    assert check("formulier_halt", replace(older, halt=HaltFacts(20.0, 0, True, None, False))).allowed


def test_svb_only_when_not_enrolled_and_records_first():
    from dataclasses import replace

    f = facts("melding_svb", 16, "plain", CaseKind.ABSOLUTE, ROLES["lpa"])
    assert check("melding_svb", f).allowed
    assert "ingeschreven" in check("melding_svb", replace(f, enrolled=True)).reason
    assert "geen gesprek gepland" in check("uitnodiging_gesprek", replace(f, planned_conversation=False)).reason
    assert "geen verzuimmelding" in check("waarschuwing", replace(f, case_kind=CaseKind.RELATIVE,
                                                                  verzuim_dates=())).reason
    assert "hoort bij een zaak" in check("waarschuwing", replace(f, case_kind=None)).reason


def test_leave_of_the_head_teacher_gets_no_decision_of_the_officer():
    from dataclasses import replace

    f = facts("besluit_verlof_toegekend", 13, "plain", CaseKind.RELATIVE, ROLES["lpa"])
    assert check("besluit_verlof_toegekend", f).allowed
    head = replace(f, leave_decider=LeaveDecider.HEAD_TEACHER)
    assert "directeur van de school" in check("besluit_verlof_toegekend", head).reason
    assert "besluit weergeven" in check("besluit_verlof_afgewezen", f).reason


@pytest.mark.parametrize(
    ("article", "age", "allowed"),
    [
        (ExemptionArticle.ART_15, 13, False),
        (ExemptionArticle.ART_15, 17, True),
        (ExemptionArticle.ART_3A, 13, False),
        (ExemptionArticle.ART_3A, 15, True),
        (ExemptionArticle.ART_5A, 19, False),
        (ExemptionArticle.ART_5B, 4, True),
        (ExemptionArticle.ART_11G, 17, True),
    ],
)
def test_exemption_articles_fit_the_duty_on_the_decision_date(article, age, allowed):
    birth = birth_for(age)
    status = law.duty_status(birth, ON)
    refusal = exemption_refusal(article, birth, ON, status)
    assert (refusal is None) is allowed
    if refusal is not None:
        assert "Lpw art." in refusal.reason

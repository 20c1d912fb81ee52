"""Who may sign what on behalf of the college (Lpw art. 14 lid 3, 16; Sv art. 142, 152)."""

from __future__ import annotations

import pytest

from desktop.models import User
from desktop.models.enums import UserRole
from desktop.models.errors import DomainError
from desktop.models.mandate import (
    ActMandate,
    MandateRule,
    MandateRules,
    Signer,
    SigningAct,
    boa_number_problem,
    floor_problem,
    mandate_document,
    mandate_from_document,
    mandate_rule_id,
    mandate_rules,
    signer_for,
    signing_refusal,
)

DESIGNATED = Signer("u1", "Anna de Boer", UserRole.CONSULTANT, True, None)
BOA = Signer("u2", "Bram Smit", UserRole.CONSULTANT, True, "B-12345")
PLAIN = Signer("u3", "Carla Jansen", UserRole.CONSULTANT, False, None)
CLERK = Signer("u4", "Dirk Visser", UserRole.ADMINISTRATOR, True, "B-99999")
LEAD = Signer("u5", "Eva Bakker", UserRole.TEAM_LEAD, True, None)
UNKNOWN = Signer(None, "", UserRole.CONSULTANT, False, None)


@pytest.mark.parametrize(
    ("act", "signer", "allowed"),
    [
        (SigningAct.EXEMPTION_DECISION, DESIGNATED, True),
        (SigningAct.EXEMPTION_DECISION, PLAIN, False),
        (SigningAct.EXEMPTION_DECISION, LEAD, True),
        (SigningAct.EXEMPTION_DECISION, CLERK, False),
        (SigningAct.LEAVE_DECISION_OVER_10_DAYS, DESIGNATED, True),
        (SigningAct.LEAVE_DECISION_OVER_10_DAYS, PLAIN, False),
        (SigningAct.LEAVE_DECISION, PLAIN, True),
        (SigningAct.PROCES_VERBAAL, DESIGNATED, False),
        (SigningAct.PROCES_VERBAAL, BOA, True),
        (SigningAct.PROCES_VERBAAL, CLERK, False),
        (SigningAct.OFFICIAL_REPORT, DESIGNATED, True),
        (SigningAct.OFFICIAL_REPORT, PLAIN, False),
        (SigningAct.LETTER, PLAIN, True),
        (SigningAct.LETTER, LEAD, True),
        (SigningAct.LETTER, CLERK, False),
        (SigningAct.LETTER, UNKNOWN, False),
    ],
)
def test_lawful_defaults(act, signer, allowed):
    refusal = signing_refusal(act, signer)
    assert (refusal is None) is allowed
    if refusal is not None:
        assert "art." in refusal


def test_refusals_name_the_rule():
    assert "Leerplichtwet art. 16" in signing_refusal(SigningAct.EXEMPTION_DECISION, PLAIN)
    assert "niet aangewezen als leerplichtambtenaar" in signing_refusal(SigningAct.EXEMPTION_DECISION, PLAIN)
    assert "art. 14 lid 3" in signing_refusal(SigningAct.LEAVE_DECISION_OVER_10_DAYS, PLAIN)
    pv = signing_refusal(SigningAct.PROCES_VERBAAL, DESIGNATED)
    assert "opsporingsambtenaar" in pv and "Strafvordering art. 142" in pv
    assert "administratief medewerker ondertekent geen" in signing_refusal(SigningAct.LETTER, CLERK)


def test_region_rules_narrow_but_never_fall_below_the_law():
    narrowed = ActMandate(frozenset({UserRole.TEAM_LEAD}), requires_designation=True)
    rules = MandateRules({**MandateRules.default().acts, SigningAct.EXEMPTION_DECISION: narrowed})
    assert signing_refusal(SigningAct.EXEMPTION_DECISION, DESIGNATED, rules) is not None
    assert signing_refusal(SigningAct.EXEMPTION_DECISION, LEAD, rules) is None

    assert floor_problem(SigningAct.PROCES_VERBAAL, ActMandate(frozenset({UserRole.CONSULTANT}))) is not None
    assert floor_problem(SigningAct.LETTER, ActMandate(frozenset({UserRole.ADMINISTRATOR}))) is not None
    assert floor_problem(SigningAct.EXEMPTION_DECISION, ActMandate(frozenset({UserRole.CONSULTANT}))) is not None
    assert floor_problem(SigningAct.LETTER, ActMandate(frozenset())) is not None
    with pytest.raises(DomainError, match="opsporingsambtenaar"):
        mandate_from_document({"act": "proces_verbaal", "roles": ["consultant"], "requires_boa": False})
    # A bad record never loosens the rule: the default stays.
    loose = MandateRules.from_documents([{"act": "proces_verbaal", "roles": ["consultant"]}])
    assert loose.for_act(SigningAct.PROCES_VERBAAL) == MandateRules.default().for_act(SigningAct.PROCES_VERBAAL)


def test_documents_round_trip_and_ids_are_stable():
    for act, mandate in MandateRules.default().acts.items():
        assert mandate_from_document(mandate_document(act, mandate)) == (act, mandate)
    assert mandate_rule_id("letter") == mandate_rule_id(SigningAct.LETTER) != mandate_rule_id("proces_verbaal")


def test_boa_number_format():
    assert boa_number_problem("B-12345") is None
    assert boa_number_problem("") is None
    assert boa_number_problem("#!") is not None


def test_signer_and_rules_read_from_the_profile(store):
    with store.session() as session:
        session.add(User(id="u-pv", username="bram", display_name="Bram Smit", role=UserRole.CONSULTANT,
                         leerplichtambtenaar=True, boa_number="B-12345"))
        session.add(User(id="u-off", username="oud", display_name="Oud", role=UserRole.CONSULTANT,
                         leerplichtambtenaar=True, boa_number="B-1", active=False))
    with store.session() as session:
        signer = signer_for(session, "u-pv")
        assert signer == Signer("u-pv", "Bram Smit", UserRole.CONSULTANT, True, "B-12345")
        assert signing_refusal(SigningAct.PROCES_VERBAAL, signer, mandate_rules(session)) is None
        assert signer_for(session, "u-off").user_id is None
        assert signer_for(session, None).user_id is None
        assert mandate_rules(session) == MandateRules.default()
        session.add(MandateRule(id=mandate_rule_id("letter"), **mandate_document(
            SigningAct.LETTER, ActMandate(frozenset({UserRole.TEAM_LEAD})))))
    with store.session() as session:
        rules = mandate_rules(session)
        assert rules.for_act(SigningAct.LETTER).roles == {UserRole.TEAM_LEAD}
        assert signing_refusal(SigningAct.LETTER, signer_for(session, "u-pv"), rules) is not None

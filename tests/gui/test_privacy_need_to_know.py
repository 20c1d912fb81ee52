"""Need-to-know in the windows: art. 5 onder a grounds per role, and the AVG/Wpg regime in the person file."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import Exemption, Intervention
from desktop.models.access import HIDDEN
from desktop.models.enums import Decision, ExemptionArticle, InterventionKind, StatementBy, UserRole
from desktop.models.session_user import set_current_user
from desktop.views.exemption_decision_dialog import ExemptionDecisionDialog
from desktop.views.person_file import PersonFileView

GROUNDS = "ernstige epilepsie, advies jeugdarts"


@pytest.fixture
def file_5a(ctx, seeded) -> str:
    """Sanne (case handled by pdr) gets a 5 onder a exemption with a statement, and a proces-verbaal."""
    today = dt.date.today()
    with ctx.session() as session:
        exemption = Exemption(
            person_id=seeded.sanne_id, article=ExemptionArticle.ART_5A, received_on=today - dt.timedelta(days=3),
            statement_date=today - dt.timedelta(days=10), statement_by=StatementBy.DOCTOR, doctor_appointed=True,
            never_fit=True, motivation=GROUNDS, municipality_code="GM0505",
        )
        session.add(exemption)
        session.add(Intervention(
            person_id=seeded.sanne_id, case_id=seeded.case_id, kind=InterventionKind.OFFICIAL_REPORT,
            date=today - dt.timedelta(days=2), report_number="PV-1",
        ))
        session.flush()
        return exemption.id


VIEWERS = {
    "handling consultant": (UserRole.CONSULTANT, "pdr", None),
    "other consultant": (UserRole.CONSULTANT, "kim", "u-kim"),
    "administrator": (UserRole.ADMINISTRATOR, "admin", "u-admin"),
    "team lead": (UserRole.TEAM_LEAD, "lead", "u-lead"),
    "system administrator": (UserRole.SYSTEM_ADMINISTRATOR, "beheer", "u-beheer"),
}
# role × may the art. 5 onder a grounds be read
MATRIX = [
    ("handling consultant", True),
    ("other consultant", False),
    ("administrator", False),
    ("team lead", True),
    ("system administrator", False),
    (None, False),  # nobody signed in yet
]


def _sign_in(ctx, seeded, who: str | None) -> None:
    if who is None:
        return
    role, name, user_id = VIEWERS[who]
    set_current_user(ctx.store, name, role, ["GM0505"], "laptop-1", user_id=user_id or seeded.user_id)


def _row(table, first_cell: str) -> list[str]:
    for r in range(table.rowCount()):
        if table.item(r, 0).text() == first_cell:
            return [table.item(r, c).text() for c in range(table.columnCount())]
    raise AssertionError(first_cell)


@pytest.mark.parametrize(("who", "allowed"), MATRIX)
def test_person_file_shows_health_grounds_only_to_who_may_read_them(qtbot, ctx, seeded, file_5a, who, allowed):
    _sign_in(ctx, seeded, who)
    view = PersonFileView(ctx, seeded.sanne_id)
    qtbot.addWidget(view)
    view.load()
    qtbot.waitUntil(lambda: not view.loading, timeout=5_000)  # the file is read in the background
    row = _row(view.exemptions, ExemptionArticle.ART_5A.label)
    grounds = row[4]
    if allowed:
        assert GROUNDS in grounds and "nooit geschikt" in grounds and "arts" in grounds
    else:
        assert grounds == HIDDEN
    # What an administrator needs to handle and print the exemption stays visible for everyone.
    assert row[1] == (dt.date.today() - dt.timedelta(days=3)).strftime("%d-%m-%Y")
    assert row[2] == "Nog niet beslist" and row[5] == "AVG"
    every_cell = " ".join(
        view.exemptions.item(r, c).text() for r in range(view.exemptions.rowCount())
        for c in range(view.exemptions.columnCount())
    )
    assert (GROUNDS in every_cell) is allowed


@pytest.mark.parametrize(("who", "allowed"), MATRIX)
def test_decision_dialog_does_not_reveal_never_fit(qtbot, ctx, seeded, file_5a, who, allowed):
    _sign_in(ctx, seeded, who)
    dialog = ExemptionDecisionDialog(ctx, file_5a)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        pass
    # Art. 5 onder a is a kennisgeving: confirmed, not granted (Lpw art. 5-7); no besluit open to bezwaar.
    dialog.decision.setCurrentIndex(dialog.decision.findData(Decision.CONFIRMED.value))
    text = dialog.consequences.text()
    assert ("nooit geschikt" in text) is allowed
    assert ("afgeschermd" in text) is not allowed
    assert "Geen besluit met bezwaar" in text and "Bezwaar mogelijk" not in text


def test_other_articles_show_no_health_column_and_the_regime_per_record(qtbot, ctx, seeded, file_5a):
    _sign_in(ctx, seeded, "administrator")
    view = PersonFileView(ctx, seeded.mila_id)
    qtbot.addWidget(view)
    view.load()
    qtbot.waitUntil(lambda: not view.loading, timeout=5_000)  # the file is read in the background
    row = _row(view.exemptions, ExemptionArticle.ART_5C.label)
    assert row[4] == "" and row[5] == "AVG"

    sanne = PersonFileView(ctx, seeded.sanne_id)
    qtbot.addWidget(sanne)
    sanne.load()
    qtbot.waitUntil(lambda: not sanne.loading, timeout=5_000)  # the file is read in the background
    regimes = {
        sanne.timeline.item(r, 2).text(): sanne.timeline.item(r, 4).text() for r in range(sanne.timeline.rowCount())
    }
    assert regimes[InterventionKind.OFFICIAL_REPORT.label] == "Wpg"
    assert {value for key, value in regimes.items() if key != InterventionKind.OFFICIAL_REPORT.label} == {"AVG"}

"""Assessing new meldingen: the domain rules and the dialog, driven like a consultant would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.models import AbsenceReport, Case, JournalEntry, Municipality
from desktop.models.assessment import AssessmentChoice, assess_report, load_report_for_assessment
from desktop.models.enums import AbsenceKind, CaseKind, CaseStatus, DuoExplanation, DuoStatus
from desktop.models.errors import DomainError
from desktop.models.worklist import worklist
from desktop.operations import OpChanges
from desktop.views.assess_report_dialog import RECORD_TABLE, AssessReportDialog, open_assessment


@pytest.fixture
def reports(ctx, seeded):
    """Two new meldingen: Daan (no case, one earlier melding this schooljaar) and Sanne (an open case)."""
    today = ctx.today()
    with ctx.session() as session:
        session.add(Municipality(cbs_code="GM0482", name="Alblasserdam", in_region=True))
        earlier = AbsenceReport(person_id=seeded.daan_id, received_on=today - dt.timedelta(days=2),
                                kind=AbsenceKind.SIGNAL, hours_absent=6, school_id=seeded.school_id,
                                municipality_code="GM0590", duo_status=DuoStatus.NOTED,
                                duo_status_on=today - dt.timedelta(days=1))
        daan = AbsenceReport(person_id=seeded.daan_id, received_on=today, kind=AbsenceKind.SIXTEEN_HOURS,
                             hours_absent=17.5, absence_start=today - dt.timedelta(days=20),
                             absence_end=today - dt.timedelta(days=1), school_id=seeded.school_id,
                             suspected_reason="Spijbelen op maandag", municipality_code="GM0590")
        sanne = AbsenceReport(person_id=seeded.sanne_id, received_on=today, kind=AbsenceKind.OTHER,
                              hours_absent=8, school_id=seeded.school_id, municipality_code="GM0505")
        session.add_all([earlier, daan, sanne])
        session.flush()
        return {"daan": daan.id, "sanne": sanne.id, "earlier": earlier.id}


def _waiting(ctx) -> set[str]:
    items = ctx.read(lambda session: worklist(session, ctx.today()))
    return {item.record.id for item in items if item.record is not None and item.record.table == RECORD_TABLE}


def test_the_report_is_shown_with_the_earlier_meldingen_of_the_school_year(ctx, reports):
    shown = ctx.read(lambda session: load_report_for_assessment(session, reports["daan"]))
    assert shown.kind == AbsenceKind.SIXTEEN_HOURS
    assert shown.school == "Het Lingecollege"
    assert shown.hours_absent == 17.5
    assert [e.kind for e in shown.earlier] == [AbsenceKind.SIGNAL]
    assert shown.earlier[0].status == "beoordeeld, geen zaak"
    assert shown.open_cases == ()
    assert "GM0590" not in dict(shown.other_municipalities)
    assert not shown.assessed


def test_no_action_needs_a_motivation_and_changes_nothing_without_one(ctx, reports):
    with pytest.raises(DomainError, match="motivering"), ctx.session() as session:
        assess_report(session, reports["daan"], AssessmentChoice.NO_ACTION, ctx.today(), motivation="  ")
    assert reports["daan"] in _waiting(ctx)
    with ctx.session() as session:
        assess_report(session, reports["daan"], AssessmentChoice.NO_ACTION, ctx.today(),
                      motivation="Ziekte, bevestigd door de school.")
    with ctx.session() as session:
        report = session.get(AbsenceReport, reports["daan"])
        assert report.duo_status == DuoStatus.NOTED
        assert report.duo_explanation == DuoExplanation.NO_FURTHER_ACTION
        assert report.case_id is None
        lines = [e.text for e in session.query(JournalEntry).filter_by(person_id=report.person_id)]
        assert any("geen actie nodig" in line and "Ziekte, bevestigd" in line for line in lines)
    assert reports["daan"] not in _waiting(ctx)
    with pytest.raises(DomainError, match="al beoordeeld"), ctx.session() as session:
        assess_report(session, reports["daan"], AssessmentChoice.OPEN_CASE, ctx.today())


def test_add_to_case_only_to_an_open_case_of_the_same_pupil(ctx, reports, seeded):
    with pytest.raises(DomainError, match="lopende zaak"), ctx.session() as session:
        assess_report(session, reports["daan"], AssessmentChoice.ADD_TO_CASE, ctx.today(), case_id=seeded.case_id)
    with ctx.session() as session:
        assess_report(session, reports["sanne"], AssessmentChoice.ADD_TO_CASE, ctx.today(), case_id=seeded.case_id)
    with ctx.session() as session:
        report = session.get(AbsenceReport, reports["sanne"])
        assert (report.case_id, report.duo_status) == (seeded.case_id, DuoStatus.IN_PROGRESS)


def test_forwarding_to_another_gemeente_or_to_zorg(ctx, reports):
    with pytest.raises(DomainError, match="andere gemeente"), ctx.session() as session:
        assess_report(session, reports["daan"], AssessmentChoice.FORWARD_MUNICIPALITY, ctx.today(),
                      municipality_code="GM0590")
    with pytest.raises(DomainError, match="naar wie"), ctx.session() as session:
        assess_report(session, reports["sanne"], AssessmentChoice.FORWARD_CARE, ctx.today())
    with ctx.session() as session:
        assess_report(session, reports["daan"], AssessmentChoice.FORWARD_MUNICIPALITY, ctx.today(),
                      municipality_code="GM0482")
        assess_report(session, reports["sanne"], AssessmentChoice.FORWARD_CARE, ctx.today(), forward_to="Wijkteam")
    assert not _waiting(ctx) & {reports["daan"], reports["sanne"]}


def test_dialog_opens_a_case_and_the_signal_leaves_the_worklist(qtbot, ctx, reports):
    items = ctx.read(lambda session: worklist(session, ctx.today()))
    item = next(i for i in items if i.record is not None and i.record.id == reports["daan"])
    assert item.category == "Nieuwe meldingen beoordelen"
    dialog = open_assessment(ctx, item.record.id, None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=5_000)  # the melding is read in the background
    assert isinstance(dialog, AssessReportDialog)
    assert dialog.isVisible()
    assert "Daan" in dialog.person_label.text()
    assert dialog.kind_label.text() == "16 uur in 4 lesweken"
    assert dialog.hours_label.text() == "17,5 uur"
    assert dialog.earlier.topLevelItemCount() == 1
    assert dialog.choice == AssessmentChoice.OPEN_CASE, "no open case: a new case is proposed"
    assert not dialog.choice_buttons[AssessmentChoice.ADD_TO_CASE].isEnabled()
    assert dialog.case_kind.currentData() == CaseKind.RELATIVE.value
    changed: list[OpChanges] = []
    ctx.changed.connect(changed.append)
    with qtbot.waitSignal(dialog.assessed) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    case_id = blocker.args[1]
    with ctx.session() as session:
        case = session.get(Case, case_id)
        assert (case.kind, case.status, case.person_id) == (CaseKind.RELATIVE, CaseStatus.OPEN, item.person_id)
        assert session.get(AbsenceReport, reports["daan"]).case_id == case_id
    # The new melding (the worklist's RECORD_TABLE) was announced as changed.
    assert any(changes.touches("absence_reports") for changes in changed)
    assert reports["daan"] not in _waiting(ctx)


def test_dialog_asks_for_the_motivation_of_no_action(qtbot, ctx, reports):
    dialog = AssessReportDialog(ctx, reports["sanne"])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=5_000)  # the melding is read in the background
    with qtbot.waitExposed(dialog):
        dialog.show()
    assert dialog.choice == AssessmentChoice.ADD_TO_CASE, "an open case: adding to it is proposed"
    no_action = dialog.choice_buttons[AssessmentChoice.NO_ACTION]
    qtbot.mouseClick(no_action, Qt.MouseButton.LeftButton, pos=QPoint(8, no_action.height() // 2))
    assert dialog.choice == AssessmentChoice.NO_ACTION
    assert not dialog.save_button.isEnabled()
    assert "motivering" in dialog.problems.text().lower()
    assert dialog.motivation_label.text().startswith("&Motivering (verplicht)")
    dialog.motivation.setFocus()
    qtbot.keyClicks(dialog.motivation, "Leerling was ziek; school bevestigt.")
    assert dialog.save_button.isEnabled()
    assert dialog.problems.text() == ""
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert reports["sanne"] in _waiting(ctx), "cancelling saves nothing"


def test_dialog_for_an_assessed_report_saves_nothing(qtbot, ctx, reports):
    dialog = AssessReportDialog(ctx, reports["earlier"])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=5_000)  # the melding is read in the background
    assert not dialog.save_button.isEnabled()
    assert "al beoordeeld" in dialog.problems.text()

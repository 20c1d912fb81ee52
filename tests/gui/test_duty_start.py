"""A new case of absoluut verzuim checks leerplicht from its first school day (Lpw art. 3 lid 1)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from desktop.models import Person
from desktop.models.outbox import APPLYING_SERVER_CHANGES
from desktop.models.school_calendar import ensure_school_holidays
from desktop.views.register_case import NewCaseDialog


def test_leerplicht_starts_after_the_kerstvakantie(qtbot, ctx) -> None:
    with ctx.session() as session:
        ensure_school_holidays(session)
        session.info[APPLYING_SERVER_CHANGES] = True
        # Five on 10 December 2025: leerplichtig from the first school day of January 2026, Monday 5 January.
        child = Person(education_number="200000001", first_names="Noor", last_name="Bakker",
                       birth_date=dt.date(2020, 12, 10), municipality_code="GM0505")
        session.add(child)
        session.flush()
        child_id = child.id
    ctx.today = lambda: dt.date(2026, 1, 9)
    dialog = NewCaseDialog(ctx, child_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.loading, timeout=5_000)  # the leerling and the calendar are read first
    dialog.opened_on.setDate(QDate(2026, 1, 2))
    assert dialog.duty.text() == "Nog niet leerplichtig"
    assert "leer- of kwalificatieplichtige" in dialog.problems.text()
    dialog.opened_on.setDate(QDate(2026, 1, 5))
    assert dialog.duty.text() == "Leerplichtig"
    assert "leer- of kwalificatieplichtige" not in dialog.problems.text()

"""A banner on a case or person file while the record has an open sync conflict or a refused change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.operations import OpChanges, QueryOp, conflicts
from desktop.operations.context import AppContext

BANNER_STYLE = (
    "QFrame#conflictBanner { background: #fff4e5; border: 1px solid #e0a040; border-radius: 4px; }"
    " QLabel { color: #5c3b00; }"
)


class ConflictBanner(QFrame):
    """Hidden unless the query ``problems()`` (read in the background) finds open conflicts or parked changes
    for the record."""

    def __init__(
        self,
        ctx: AppContext,
        noun: str,
        problems: Callable[[QWidget], QueryOp[tuple[int, int]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.noun = noun
        self._problems = problems
        self._reading = 0
        self.setObjectName("conflictBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Conflicten bekijken"))
        self.open_button.clicked.connect(self.open_conflicts)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        self.hide()
        # A bound method: Qt drops the connection when the file's tab is closed.
        ctx.changed.connect(self._data_changed)
        self.refresh()

    @classmethod
    def for_case(cls, ctx: AppContext, case_id: str, parent: QWidget | None = None) -> ConflictBanner:
        return cls(ctx, "Deze zaak", lambda banner: conflicts.case_problems(ctx, case_id, parent=banner), parent)

    @classmethod
    def for_person(cls, ctx: AppContext, person_id: str, parent: QWidget | None = None) -> ConflictBanner:
        return cls(
            ctx, "Dit dossier", lambda banner: conflicts.person_problems(ctx, person_id, parent=banner), parent
        )

    def _data_changed(self, _changes: OpChanges) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Count again in the background; the banner keeps what it shows until the answer arrives."""
        if not self.ctx.is_open:
            self.hide()
            return
        self._reading += 1
        reading = self._reading
        self._problems(self).success(lambda counts: self._show(reading, counts)).failure(
            lambda _exc: None  # locked meanwhile: the file closes with it
        ).run_in_background()

    def _show(self, reading: int, counts: tuple[int, int]) -> None:
        if reading != self._reading:
            return  # a newer count is on its way
        conflicts, parked = counts
        if not conflicts and not parked:
            self.hide()
            return
        parts = []
        if conflicts:
            parts.append(self.tr("een conflict met de server") if conflicts == 1
                         else self.tr("{n} conflicten met de server").format(n=conflicts))
        if parked:
            parts.append(self.tr("een wijziging die de server weigerde") if parked == 1
                         else self.tr("{n} wijzigingen die de server weigerde").format(n=parked))
        after = (
            self.tr("Tot u kiest, geldt de waarde van de server.")
            if conflicts
            else self.tr("Uw wijziging staat nog niet op de server.")
        )
        what = self.tr(" en ").join(parts)
        self.text.setText(self.tr("{noun} heeft {what}. {after}").format(noun=self.noun, what=what, after=after))
        self.show()

    def open_conflicts(self) -> None:
        """Extra › Conflicten… of the window this banner is in: its action by id ('conflicts')."""
        action = self.window().findChild(QAction, "action_conflicts")
        if action is not None:
            action.trigger()

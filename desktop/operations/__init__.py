"""The operations layer between the windows and the domain (as Anki's ``aqt/operations``).

Windows never open a session or build a query; they call an operation named for what the user does, in the
module of its area (``cases``, ``persons``, ``registrations``, ``lists``, ``documents``, ...), and react to
what it reports.

To write, a window takes the ``CollectionOp`` an operation returns, says what to do with the outcome and
starts it::

    cases.set_phase(self.ctx, case_id, phase, parent=self).success(self._saved).failure(self._refused)
        .run_in_background()

The write runs on the single writer thread (``desktop.background.write_pool``), off the GUI thread, in one
transaction; a ``DomainError`` (or any other ``VangnetError``) rolls it back and reaches ``failure`` with its
Dutch sentence (without a ``failure`` handler: a message box). Any other exception is a fault: ``fault`` may
end a busy state, then it goes to the crash handler (``desktop.crash``), never to a message box.

To read, a window does the same with a ``QueryOp`` (read pool, optional ``with_progress``) and shows that it is
reading ('Bezig met laden…', its actions disabled) until the answer arrives; what a form checks as the user
types is read once as it opens and kept. Only where Qt's ``data()`` of a lazy list must answer at once does a
window call a synchronous query: a small, indexed read whose name ends in ``_now`` and whose docstring says why.

To listen, a window connects to ``ctx.changed``: after every write that changed something a window shows, it
carries the write's ``OpChanges`` (``changes.touches("cases")``, ``changes.touches_record("persons", id)``).
Nobody emits it by hand: the writer collects the changes from the write's session.

Work that needs no database (drawing a letter's first page, unlocking, signing in) is a ``BackgroundOp`` with
the same error rule. Before the profile is locked or the window closes, ``wait_for_background`` lets running
work finish.
"""

from __future__ import annotations

from desktop.background import wait_for_background
from desktop.operations.changes import OpChanges
from desktop.operations.context import AppContext
from desktop.operations.op import BackgroundOp, CollectionOp, QueryOp

__all__ = ["AppContext", "BackgroundOp", "CollectionOp", "OpChanges", "QueryOp", "wait_for_background"]

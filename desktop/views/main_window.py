"""The main window: navigation, global search, records in tabs, sync status and the idle lock.

The window is assembled through its API: pages of the navigation by ``register_page``, menu actions by
``register_action`` into menus named by id, both found again by id (``page``, ``action``); what it holds is
listed in ``desktop/views/features.py``. Every record opens through ``open_record`` with a RecordRef.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import VangnetError
from desktop.models.enums import CaseKind
from desktop.models.record_ref import RecordRef
from desktop.models.store import IntegrityStatus, Store
from desktop.operations import OpChanges, account, conflicts, exemptions, wait_for_background
from desktop.operations.context import AppContext
from desktop.sync_service import SyncService, ensure_outbox
from desktop.views import features
from desktop.views.case_view import CaseView
from desktop.views.common import nl_datetime, nl_number
from desktop.views.person_file import PersonFileView
from desktop.views.record_list import RecordListPage
from desktop.views.search_box import SearchBox
from desktop.views.unlock_dialog import UnlockPanel
from sync.engine import LocalStatus

log = logging.getLogger(__name__)

#: The menus of the menu bar by id, in the order they stand; the text is only the label a person sees.
#: A menu appears with the first action registered in it.
MENUS = (
    ("file", QT_TRANSLATE_NOOP("MainWindow", "&Bestand")),
    ("register", QT_TRANSLATE_NOOP("MainWindow", "&Registreren")),
    ("go", QT_TRANSLATE_NOOP("MainWindow", "&Ga naar")),
    ("extra", QT_TRANSLATE_NOOP("MainWindow", "E&xtra")),
    ("documents", QT_TRANSLATE_NOOP("MainWindow", "&Documenten")),
    ("help", QT_TRANSLATE_NOOP("MainWindow", "&Help")),
)
#: Pages with a Ctrl+digit shortcut in the navigation and the 'Ga naar' menu.
NUMBERED_PAGES = 9
Shortcut = QKeySequence | QKeySequence.StandardKey | str
USER_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Restarts the idle timer on every key press, click, wheel or mouse move anywhere in the application."""

    def __init__(self, timer: QTimer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in USER_INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        return False


SYNC_PHASES = {
    "push": "wijzigingen versturen",
    "pull": "wijzigingen ontvangen",
    "verify": "controleren",
    "done": "afronden",
}


class ClickableLabel(QLabel):
    """A status bar label that acts like a link (conflicts, sign in)."""

    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class MainWindow(QMainWindow):
    locked = Signal()
    unlocked = Signal()
    integrity_checked = Signal(str)  # the final status of the background page check

    def __init__(self, ctx: AppContext, open_store: Callable[[str], Store] | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self._open_store = open_store
        self._saved_state: dict | None = None
        self.wiped = False
        self.login_dialog = None
        self.sync = SyncService(ctx, interval=ctx.settings.sync_interval_minutes * 60.0, parent=self)
        self.sync.started.connect(self.refresh_status)
        self.sync.progressed.connect(self._sync_progress)
        self.sync.finished.connect(self._sync_finished)
        self.sync.login_required.connect(self.ask_login)
        self.sync.wipe_required.connect(self.wipe_device)
        self.setWindowTitle(self.tr("Vangnet"))
        self.setMinimumSize(1024, 640)

        # Navigation and pages.
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigatie"))
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 7px 6px; }")
        self.page_stack = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        self._menus: dict[str, QMenu] = {}
        self._actions: dict[str, QAction] = {}
        self.nav.currentRowChanged.connect(self.page_stack.setCurrentIndex)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setAccessibleName(self.tr("Geopende dossiers"))
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.addTab(self.page_stack, self.tr("Overzicht"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        # Choosing a list while a record is in front brings the lists back to the front.
        self.nav.currentRowChanged.connect(lambda _row: self.tabs.setCurrentIndex(0))
        self.nav.itemClicked.connect(lambda _item: self.tabs.setCurrentIndex(0))
        # With a person or case in front, no list is highlighted as if it were the page on screen.
        self.tabs.currentChanged.connect(self._tab_changed)

        workspace = QWidget()
        workspace_layout = QHBoxLayout(workspace)
        workspace_layout.setContentsMargins(4, 4, 4, 4)
        workspace_layout.addWidget(self.nav)
        workspace_layout.addWidget(self.tabs, 1)
        self.workspace = workspace

        self.lock_page = QWidget()
        self.lock_layout = QVBoxLayout(self.lock_page)
        self.lock_layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_panel: UnlockPanel | None = None

        self.stack = QStackedWidget()
        self.stack.addWidget(workspace)
        self.stack.addWidget(self.lock_page)
        self.setCentralWidget(self.stack)

        # Search in the tool bar.
        self.search = SearchBox(ctx)
        self.search.attach_popup_to(self)
        self.search.open_record.connect(self.open_record)
        toolbar = QToolBar(self.tr("Zoeken"))
        toolbar.setMovable(False)
        toolbar.setObjectName("search_toolbar")
        toolbar.addWidget(QLabel(self.tr("  Zoeken: ")))
        toolbar.addWidget(self.search)
        self.toolbar = toolbar
        self.addToolBar(toolbar)

        features.install(self)
        self._build_status_bar()

        # Idle lock.
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(lambda: self.lock(automatic=True))
        self.idle_watcher = IdleWatcher(self.idle_timer, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle_watcher)
        self.apply_settings()

        self.status_timer = QTimer(self)
        self.status_timer.setInterval(60_000)
        self.status_timer.timeout.connect(self.refresh_status)
        self.status_timer.start()
        ctx.changed.connect(self._data_changed)
        self.integrity_checked.connect(self._integrity_checked)

        geometry = ctx.settings.main_window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.nav.setCurrentRow(0)
        self.setTabOrder(self.search, self.nav)
        self.setTabOrder(self.nav, self.tabs)

    # -- the API features register through -------------------------------------------------------

    def register_page(self, page_id: str, title: str, factory: Callable[[], QWidget]) -> QWidget:
        """Add a page to the navigation (and to Ga naar, Ctrl+1 to Ctrl+9 in order); ``title`` is its label."""
        if page_id in self._pages:
            raise ValueError(f"page {page_id!r} registered twice")
        page = factory()
        number = len(self._pages) + 1
        item = QListWidgetItem(title)
        if number <= NUMBERED_PAGES:
            item.setToolTip(self.tr("{label} (Ctrl+{n})").format(label=title, n=number))
        item.setData(Qt.ItemDataRole.UserRole, page_id)
        self.nav.addItem(item)
        self._pages[page_id] = page
        self.page_stack.addWidget(page)
        # The pages stand together in Ga naar, after what the menu held before them.
        go = self._menus.get("go")
        self.register_action(
            f"go_{page_id}",
            "go",
            title,
            lambda _checked=False, row=number - 1: self.navigate(row),
            f"Ctrl+{number}" if number <= NUMBERED_PAGES else None,
            separator_before=number == 1 and go is not None and not go.isEmpty(),
        )
        return page

    def page(self, page_id: str) -> QWidget:
        """The page registered as ``page_id``; KeyError for an unknown id."""
        return self._pages[page_id]

    def page_ids(self) -> tuple[str, ...]:
        """The ids of the pages, in the order of the navigation."""
        return tuple(self._pages)

    def register_action(
        self,
        action_id: str,
        menu_id: str,
        text: str,
        slot: Callable[..., object],
        shortcut: Shortcut | list[Shortcut] | None = None,
        *,
        separator_before: bool = False,
        status_tip: str | None = None,
    ) -> QAction:
        """Add an action to the menu ``menu_id`` (one of MENUS); ``text`` is its label. A list of shortcuts gives
        the action each of them. The action's object name is ``action_<id>``, so a widget inside the window can
        find it with ``findChild``."""
        if action_id in self._actions:
            raise ValueError(f"action {action_id!r} registered twice")
        menu = self._menu(menu_id)
        action = QAction(text, self)
        action.setObjectName(f"action_{action_id}")
        if isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(key) for key in shortcut])
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if status_tip:
            action.setStatusTip(status_tip)
        action.triggered.connect(slot)
        if separator_before:
            menu.addSeparator()
        menu.addAction(action)
        self._actions[action_id] = action
        return action

    def action(self, action_id: str) -> QAction:
        """The action registered as ``action_id``; KeyError for an unknown id."""
        return self._actions[action_id]

    def action_ids(self) -> tuple[str, ...]:
        """The ids of the actions, in the order they were registered."""
        return tuple(self._actions)

    def menu(self, menu_id: str) -> QMenu:
        """The menu ``menu_id`` of the menu bar; KeyError for a menu that holds no action."""
        return self._menus[menu_id]

    def _menu(self, menu_id: str) -> QMenu:
        """The menu ``menu_id``, added to the menu bar in its place the first time it is asked for."""
        menu = self._menus.get(menu_id)
        if menu is not None:
            return menu
        order = [known for known, _label in MENUS]
        if menu_id not in order:
            raise KeyError(f"unknown menu {menu_id!r}")
        label = dict(MENUS)[menu_id]
        bar = self.menuBar()
        menu = QMenu(self.tr(label), self)
        menu.setObjectName(f"menu_{menu_id}")
        later = [self._menus[known] for known in order[order.index(menu_id) + 1 :] if known in self._menus]
        if later:
            bar.insertMenu(later[0].menuAction(), menu)
        else:
            bar.addMenu(menu)
        self._menus[menu_id] = menu
        return menu

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.sync_label = ClickableLabel()
        self.sync_label.setAccessibleName(self.tr("Synchronisatie"))
        self.sync_label.setCursor(Qt.CursorShape.PointingHandCursor)
        self.sync_label.clicked.connect(self._sync_label_clicked)
        self.sync_progress = QProgressBar()
        self.sync_progress.setRange(0, 0)  # the total is not known in advance: a busy indicator
        self.sync_progress.setMaximumWidth(120)
        self.sync_progress.setMaximumHeight(14)
        self.sync_progress.setTextVisible(False)
        self.sync_progress.setAccessibleName(self.tr("Voortgang van de synchronisatie"))
        self.sync_progress.hide()
        self.last_sync_label = QLabel()
        self.pending_label = QLabel()
        self.conflicts_label = ClickableLabel()
        self.conflicts_label.setAccessibleName(self.tr("Conflicten"))
        self.conflicts_label.setToolTip(self.tr("Conflicten en geweigerde wijzigingen bekijken"))
        self.conflicts_label.setCursor(Qt.CursorShape.PointingHandCursor)
        self.conflicts_label.clicked.connect(self.open_conflicts)
        status.addPermanentWidget(self.sync_progress)
        for label in (self.sync_label, self.last_sync_label, self.pending_label, self.conflicts_label):
            label.setContentsMargins(8, 0, 8, 0)
            status.addPermanentWidget(label)
        self.refresh_status()

    # -- settings and status ----------------------------------------------------------------------

    def apply_settings(self) -> None:
        self.idle_timer.setInterval(self.ctx.settings.idle_lock_minutes * 60_000)
        if self.ctx.is_open:
            self.idle_timer.start()

    def _data_changed(self, _changes: OpChanges) -> None:
        self.refresh_status()

    _status_reading = False
    _status_again = False

    def refresh_status(self) -> None:
        if not self.ctx.is_open:
            self.sync_label.setText(self.tr("Vergrendeld"))
            self.sync_label.setStyleSheet("")
            self.sync_label.setToolTip("")
            self.sync_progress.hide()
            for label in (self.last_sync_label, self.pending_label, self.conflicts_label):
                label.clear()
            return
        text, color, tip = self._sync_state_text()
        self.sync_label.setText(text)
        self.sync_label.setStyleSheet(f"color: {color};")
        self.sync_label.setToolTip(tip)
        self.sync_progress.setVisible(self.sync.syncing)
        # The counts are read in the background, one read at a time: a refresh asked for meanwhile reads again
        # once the read under way has answered.
        if self._status_reading:
            self._status_again = True
            return
        self._status_reading = True
        conflicts.status(self.ctx, parent=self).success(self._show_status).failure(
            self._status_not_read
        ).fault(lambda _exc: self._status_read()).run_in_background()

    def _status_read(self) -> None:
        self._status_reading = False
        if self._status_again:
            self._status_again = False
            self.refresh_status()

    def _status_not_read(self, _exc: VangnetError) -> None:
        self._status_read()  # locked meanwhile: the next refresh says so

    def _show_status(self, state: LocalStatus) -> None:
        self._status_read()
        if not self.ctx.is_open:
            return
        self.last_sync_label.setText(
            self.tr("Laatste synchronisatie: {when}").format(
                when=nl_datetime(state.last_sync.astimezone()) if state.last_sync else self.tr("nog niet")
            )
        )
        self.pending_label.setText(self.tr("Te versturen: {n}").format(n=nl_number(state.pending)))
        text = self.tr("Conflicten: {n}").format(n=nl_number(state.conflicts))
        if state.parked:
            text += self.tr(" · geweigerd: {n}").format(n=nl_number(state.parked))
        self.conflicts_label.setText(text)
        self.conflicts_label.setStyleSheet(
            "color: #b00020; font-weight: 600; text-decoration: underline;"
            if state.conflicts or state.parked
            else "text-decoration: underline;"
        )

    def _sync_state_text(self) -> tuple[str, str, str]:
        """The first status bar label: (text, colour, tooltip)."""
        if not self.sync.configured:
            tip = self.tr("Stel een server in via Extra › Instellingen.")
            return self.tr("● Offline – geen server ingesteld"), "#6d6d6d", tip
        if self.sync.setup_error:
            return self.tr("● Niet verbonden"), "#b00020", self.sync.setup_error
        if self.sync.syncing:
            phase = SYNC_PHASES.get(self.sync.phase, "")
            text = self.tr("⟳ Synchroniseren…")
            if phase:
                text = self.tr("⟳ Synchroniseren: {phase}").format(phase=phase)
            if self.sync.phase in ("push", "pull") and self.sync.done:
                text += f" ({nl_number(self.sync.done)})"
            return text, "#0d47a1", ""
        result = self.sync.last_result
        hint = self.tr("Klik of druk op F5 om nu te synchroniseren.")
        if result is None:
            return self.tr("● Verbinden…"), "#6d6d6d", hint
        if result.status == "ok":
            return self.tr("● Online"), "#1b5e20", result.message + " " + hint
        if result.status == "offline":
            return self.tr("● Offline"), "#b26a00", result.message + " " + hint
        if result.status == "login_required":
            return self.tr("● Aanmelden nodig"), "#b00020", self.tr("Klik om u aan te melden bij de server.")
        if result.status == "upgrade_required":
            return self.tr("● Nieuwe versie nodig"), "#b00020", result.message
        if result.status == "cancelled":
            return self.tr("● Onderbroken"), "#6d6d6d", hint
        return self.tr("● Fout bij synchroniseren"), "#b00020", result.message + " " + hint

    # -- synchronisation --------------------------------------------------------------------------

    def start_sync(self) -> None:
        """Start syncing the open store; without a server only the outbox is installed."""
        if self.ctx.store is not None:
            ensure_outbox(self.ctx.store)
        self.sync.start()
        self.refresh_status()

    def sync_now(self) -> None:
        if not self.ctx.is_open:
            return
        if not self.sync.configured:
            self.statusBar().showMessage(self.tr("Er is geen server ingesteld (Extra › Instellingen)."), 8000)
            return
        if not self.sync.running:
            self.start_sync()
        elif not self.sync.has_tokens:
            self.ask_login("")
        else:
            self.sync.request()
        self.statusBar().showMessage(self.tr("Synchroniseren gestart…"), 3000)

    def _sync_progress(self, _phase: str, _done: int) -> None:
        self.refresh_status()

    def _sync_finished(self, result) -> None:
        self.refresh_status()
        if result.status == "ok" and (result.conflicts or result.rejected):
            self.statusBar().showMessage(result.message, 10_000)

    def _sync_label_clicked(self) -> None:
        result = self.sync.last_result
        if result is not None and result.status == "login_required":
            self.ask_login(result.message)
        else:
            self.sync_now()

    def ask_login(self, message: str = "") -> None:
        """The login dialog, window-modal and not blocking; sync resumes once it is accepted."""
        if not self.ctx.is_open or not self.sync.configured or self.is_locked:
            return
        if self.login_dialog is not None and self.login_dialog.isVisible():
            return
        if not self.sync.running and not self.sync.start():
            return
        from desktop.views.login_dialog import LoginDialog

        # A first sign-in needs no reason; an expired session does.
        dialog = LoginDialog(self.sync.login, self.sync.server_url, message if self.sync.has_tokens else "", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._logged_in)
        dialog.wipe_required.connect(self.wipe_device)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "login_dialog", None))
        self.login_dialog = dialog
        dialog.open()

    def _logged_in(self) -> None:
        self.sync.logged_in()
        self.statusBar().showMessage(self.tr("Aangemeld; synchroniseren…"), 5000)
        self.refresh_status()

    def open_conflicts(self):
        """The Conflicten view in its own tab (one at most)."""
        if not self.ctx.is_open:
            return None
        from desktop.views.conflicts_view import ConflictsView

        index = self._find_tab(lambda widget: isinstance(widget, ConflictsView))
        if index >= 0:
            self.tabs.setCurrentIndex(index)
            view = self.tabs.widget(index)
            view.reload()
            return view
        view = ConflictsView(self.ctx, self.sync)
        view.changed.connect(self.sync.request)
        view.changed.connect(self.refresh_status)
        view.open_record.connect(self.open_record)
        index = self.tabs.addTab(view, view.title)
        self.tabs.setCurrentIndex(index)
        view.reload()
        return view

    def wipe_device(self, message: str) -> None:
        """The server revoked this device: remove the profile from this computer, tell the user, close."""
        if self.wiped:
            return
        self.wiped = True
        from desktop.models.wipe import wipe_profile

        log.warning("Dit apparaat is ingetrokken; het profiel wordt gewist")
        self.sync.stop()
        self.idle_timer.stop()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        while self.tabs.count() > 1:
            self.close_tab(self.tabs.count() - 1)
        wait_for_background(10_000)
        store = self.ctx.store
        self.ctx.store = None
        if store is not None:
            store.close()
        self.ctx.store_closed.emit()
        try:
            wipe_profile(self.ctx.profile.path)
            text = self.tr(
                "De beheerder heeft dit apparaat ingetrokken. Alle gegevens van Vangnet op deze computer zijn "
                "gewist. Neem contact op met uw beheerder als u weer met Vangnet wilt werken."
            )
        except (VangnetError, OSError) as exc:  # the user must hear that the wipe did not complete
            log.error("Wissen van het profiel mislukt: %s", type(exc).__name__)
            text = self.tr(
                "De beheerder heeft dit apparaat ingetrokken, maar de gegevens konden niet volledig worden "
                "gewist. Gebruik 'vangnet wipe --yes' of neem contact op met uw beheerder."
            )
        QMessageBox.information(self, self.tr("Apparaat ingetrokken"), text)
        self.close()

    # -- navigation -------------------------------------------------------------------------------

    def navigate(self, row: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.nav.setCurrentRow(row)
        self.nav.setFocus()

    def navigate_to(self, page_id: str) -> QWidget:
        """Bring the page ``page_id`` to the front and answer it."""
        self.navigate(self.page_ids().index(page_id))
        return self.page(page_id)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _find_tab(self, match: Callable[[QWidget], bool]) -> int:
        for index in range(1, self.tabs.count()):
            if match(self.tabs.widget(index)):
                return index
        return -1

    # -- opening records --------------------------------------------------------------------------

    def open_record(self, ref: RecordRef) -> QWidget | None:
        """Show the record ``ref`` where it belongs and answer the widget that shows it (None: nothing shown).

        A person opens their file and a case its case window, each in a tab of its own (one per record). An
        exemption still undecided opens the decision; a decided one, and a leave request, open the person's file
        on that record. A melding opens its assessment, a school the list of its pupils. Any other record of a
        person opens that person's file.
        """
        if ref.table == "persons":
            return self._open_person(ref.id)
        if ref.table == "cases":
            return self._open_case(ref.id)
        if ref.table == "exemptions":
            return self._open_exemption(ref.id)
        if ref.table == "absence_reports":
            return self._assess_report(ref.id)
        if ref.table == "schools":
            page = self.navigate_to("persons")
            page.set_filter("school", ref.id)
            return page
        view = self._open_person(ref.person_id or "")
        if view is not None:
            view.show_record(ref)
        return view

    def _open_person(self, person_id: str) -> PersonFileView | None:
        if not person_id:
            return None
        index = self._find_tab(lambda widget: isinstance(widget, PersonFileView) and widget.person_id == person_id)
        if index >= 0:
            self.tabs.setCurrentIndex(index)
            return self.tabs.widget(index)
        view = PersonFileView(self.ctx, person_id)
        view.loaded.connect(self._retitle_tab)
        view.load()
        view.open_record.connect(self.open_record)
        view.register.connect(self.open_register_form)
        index = self.tabs.addTab(view, view.title)
        self.tabs.setTabToolTip(index, view.title)
        self.tabs.setCurrentIndex(index)
        return view

    def _open_case(self, case_id: str) -> CaseView | None:
        if not case_id:
            return None
        index = self._find_tab(lambda widget: isinstance(widget, CaseView) and widget.case_id == case_id)
        if index >= 0:
            self.tabs.setCurrentIndex(index)
            return self.tabs.widget(index)
        view = CaseView(self.ctx, case_id)
        view.loaded.connect(self._retitle_tab)
        view.load()
        view.open_record.connect(self.open_record)
        index = self.tabs.addTab(view, view.title)
        self.tabs.setCurrentIndex(index)
        return view

    def _retitle_tab(self) -> None:
        """A file's tab is titled with the name or case number once the record has been read."""
        view = self.sender()
        index = self.tabs.indexOf(view) if isinstance(view, (PersonFileView, CaseView)) else -1
        if index > 0:
            self.tabs.setTabText(index, view.title)
            if isinstance(view, PersonFileView):
                self.tabs.setTabToolTip(index, view.title)

    def _open_exemption(self, exemption_id: str) -> QWidget | None:
        exemption = exemptions.exemption_now(self.ctx, exemption_id)
        if exemption is None:
            return None
        if exemption.decision is None:
            from desktop.views.exemption_decision_dialog import ExemptionDecisionDialog

            dialog = ExemptionDecisionDialog(self.ctx, exemption_id, self)
            dialog.exec()
            return dialog
        view = self._open_person(exemption.person_id)
        if view is not None:
            view.show_record(RecordRef("exemptions", exemption_id, exemption.person_id))
        return view

    def _assess_report(self, report_id: str) -> QWidget | None:
        """The assessment of a new melding; once it opened a case or joined one, that case opens."""
        from desktop.views.assess_report_dialog import open_assessment

        dialog = open_assessment(self.ctx, report_id, self)
        if dialog is not None:
            dialog.assessed.connect(
                lambda _report_id, case_id: case_id and self.open_record(RecordRef("cases", case_id))
            )
        return dialog

    def close_tab(self, index: int) -> None:
        if index <= 0:
            return
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        widget.deleteLater()

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    # -- registering ------------------------------------------------------------------------------

    def open_register_form(self, form: str, person_id: str | None = None) -> QDialog | None:
        """The registration form ``form`` (see make_register_dialog), for the person whose file is in front."""
        if not self.ctx.is_open:
            return None
        if person_id is None:
            current = self.tabs.currentWidget()
            person_id = getattr(current, "person_id", None) if isinstance(current, PersonFileView) else None
        dialog = self.make_register_dialog(form, person_id)
        if dialog.exec() == QDialog.DialogCode.Accepted and form == "case" and dialog.saved_id:
            self.open_record(RecordRef("cases", dialog.saved_id))
        return dialog

    def make_register_dialog(self, form: str, person_id: str | None = None) -> QDialog:
        from desktop.views.register_absence import AbsenceReportDialog
        from desktop.views.register_case import NewCaseDialog
        from desktop.views.register_dropout import DropoutTrajectoryDialog
        from desktop.views.register_exemption import ExemptionRequestDialog
        from desktop.views.register_home_sitter import HomeSitterDialog
        from desktop.views.register_leave import LeaveRequestDialog

        forms = {
            "absence": AbsenceReportDialog,
            "case": lambda ctx, pid, parent: NewCaseDialog(ctx, pid, parent, CaseKind.ABSOLUTE),
            "exemption": ExemptionRequestDialog,
            "leave": LeaveRequestDialog,
            "home_sitter": HomeSitterDialog,
            "dropout": DropoutTrajectoryDialog,
        }
        return forms[form](self.ctx, person_id, self)

    # -- dialogs ----------------------------------------------------------------------------------

    def show_settings(self) -> None:
        from desktop.views.settings_dialog import SettingsDialog

        if SettingsDialog(self.ctx.settings, self).exec() == QDialog.DialogCode.Accepted:
            self.apply_settings()
            self.sync.interval = self.ctx.settings.sync_interval_minutes * 60.0
            if self.ctx.is_open:
                self.start_sync()
            self.refresh_status()

    def show_about(self) -> None:
        from desktop.views.about_dialog import AboutDialog

        AboutDialog(self).exec()

    def change_passphrase(self) -> None:
        from desktop.views.change_passphrase_dialog import ChangePassphraseDialog

        ChangePassphraseDialog(self.ctx.profile, self).exec()

    # -- locking ----------------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.stack.currentWidget() is self.lock_page

    def lock(self, automatic: bool = False) -> None:
        """Hide every record, close the database and drop the key; remember where the user was."""
        if self.is_locked or not self.ctx.is_open:
            return
        self.idle_timer.stop()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self._saved_state = {
            "nav": self.nav.currentRow(),
            # A record's tab comes back through its RecordRef, the conflicts tab (no record) as None.
            "tabs": [
                widget.ref if isinstance(widget, (PersonFileView, CaseView)) else None
                for widget in (self.tabs.widget(i) for i in range(1, self.tabs.count()))
            ],
            "current": self.tabs.currentIndex(),
        }
        while self.tabs.count() > 1:
            self.close_tab(self.tabs.count() - 1)
        self.search.clear()
        self.search.hide_popup()
        for page in self._pages.values():
            unload = getattr(page, "unload", None)
            if unload is not None:
                unload()
        self.sync.stop()
        wait_for_background(10_000)
        store = self.ctx.store
        self.ctx.store = None
        if store is not None:
            store.close()
        self.ctx.store_closed.emit()
        log.info("Vangnet vergrendeld (%s)", "automatisch" if automatic else "door gebruiker")
        self._show_lock_page(automatic)
        self.refresh_status()
        self.locked.emit()

    def _show_lock_page(self, automatic: bool) -> None:
        if self.unlock_panel is not None:
            self.unlock_panel.deleteLater()
        message = (
            self.tr("Automatisch vergrendeld na {n} minuten zonder gebruik. Vul uw wachtwoord in om verder te gaan.")
            .format(n=self.ctx.settings.idle_lock_minutes)
            if automatic
            else self.tr("Vul uw wachtwoord in om verder te gaan.")
        )
        self.unlock_panel = UnlockPanel(self.ctx.profile, self._open_store, self.lock_page, locked_message=message)
        self.unlock_panel.setMaximumWidth(560)
        self.unlock_panel.unlocked.connect(self._unlocked)
        self.unlock_panel.quit_requested.connect(self.close)
        self.lock_layout.addWidget(self.unlock_panel)
        self.stack.setCurrentWidget(self.lock_page)
        self.toolbar.setEnabled(False)
        self.menuBar().setEnabled(False)
        self.unlock_panel.focus_passphrase()

    def _unlocked(self, store: Store) -> None:
        self.ctx.store = store
        self._watch_integrity(store)
        self.ctx.store_opened.emit()
        self.stack.setCurrentWidget(self.workspace)
        self.toolbar.setEnabled(True)
        self.menuBar().setEnabled(True)
        state = self._saved_state or {}
        self._saved_state = None
        for ref in state.get("tabs", []):
            try:
                if ref is None:
                    self.open_conflicts()
                else:
                    self.open_record(ref)
            except VangnetError:  # removed or moved out of reach meanwhile
                log.warning("Een eerder geopend dossier kon niet opnieuw worden geopend")
        self.nav.setCurrentRow(state.get("nav", 0))
        page = self.page_stack.currentWidget()
        if isinstance(page, RecordListPage):
            page.ensure_loaded()
        self.page("worklist").reload()
        self.tabs.setCurrentIndex(min(state.get("current", 0), self.tabs.count() - 1))
        self.start_sync()
        self.idle_timer.start()
        self.unlocked.emit()

    # -- start and end ----------------------------------------------------------------------------

    def start(self) -> None:
        """Called once the store is open: load the worklist, start syncing and the idle timer."""
        if self.ctx.store is not None:
            self._watch_integrity(self.ctx.store)
        self.page("worklist").reload()
        self.start_sync()
        self.idle_timer.start()

    def _tab_changed(self, index: int) -> None:
        current = self.nav.currentItem()
        if current is not None:
            current.setSelected(index == 0)

    def _watch_integrity(self, store: Store) -> None:
        """The full page check runs in the background a few seconds after a quick unlock (on the lane for work
        that mostly waits); damage found there is told at once."""
        listener = self.integrity_checked.emit  # emitted from the checking thread, delivered on the GUI thread
        if listener not in store.integrity_listeners:
            store.integrity_listeners.append(listener)
        account.check_pages_later(store)

    def _integrity_checked(self, status: str) -> None:
        if status != IntegrityStatus.DAMAGED:
            return
        log.error("De controle van de database vond beschadigde pagina's")
        QMessageBox.critical(
            self,
            self.tr("Database beschadigd"),
            self.tr(
                "Bij de controle op de achtergrond bleek de database van dit profiel beschadigd. Sla uw werk "
                "niet verder op, sluit Vangnet en zet de nieuwste back-up terug (vangnet restore), of vraag de "
                "functioneel beheerder om hulp. Wijzigingen die al gesynchroniseerd zijn, staan veilig op de server."
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.wiped:  # a wiped profile folder must not come back for one settings file
            self.ctx.settings.main_window_geometry = self.saveGeometry()
            self.ctx.settings.sync()
        self.sync.stop()
        self.idle_timer.stop()
        self.status_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle_watcher)
        wait_for_background(10_000)
        if self.ctx.store is not None:
            self.ctx.store.close()
            self.ctx.store = None
        self.search.popup.hide()
        event.accept()

"""What the main window holds: its pages and menu actions, registered by id in the order a person sees them.

The one place where the application is put together. A feature with a module of its own registers through its
``install(window)`` (the Documenten menu, the access log), called here in its place; features reach each other
through ``window.page(id)`` and ``window.action(id)``, and records open through ``window.open_record``.
Dialogs are imported when their action is chosen, so that start-up stays light.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence

from desktop.models.lists import LIST_SPECS
from desktop.views import audit_log_view, documents_menu, register_hearing
from desktop.views.figures_page import FiguresPage
from desktop.views.record_list import RecordListPage
from desktop.views.worklist import WorklistPage


def install(window: Any) -> None:
    """Register every page and menu action of the main window (``desktop.views.main_window.MainWindow``, which
    calls this while it is built)."""
    _file_menu(window)
    _register_menu(window)
    register_hearing.install(window)
    window.register_action("search", "go", window.tr("&Zoeken"), window.focus_search, QKeySequence.StandardKey.Find)
    _pages(window)  # each page also stands in Ga naar, with Ctrl+1 to Ctrl+9
    _extra_menu(window)
    documents_menu.install(window)
    window.register_action("about", "help", window.tr("&Over Vangnet"), window.show_about)


def _pages(window: Any) -> None:
    def worklist() -> WorklistPage:
        page = WorklistPage(window.ctx)
        page.open_record.connect(window.open_record)
        return page

    def record_list(page: RecordListPage) -> RecordListPage:
        page.open_record.connect(window.open_record)
        return page

    def listed(name: str) -> RecordListPage:
        return record_list(RecordListPage(window.ctx, LIST_SPECS[name]))

    window.register_page("worklist", window.tr("Werkvoorraad"), worklist)
    window.register_page("persons", window.tr("Leerlingen"), lambda: listed("persons"))
    window.register_page("cases", window.tr("Zaken"), lambda: listed("cases"))
    window.register_page("exemptions", window.tr("Vrijstellingen"), lambda: listed("exemptions"))
    window.register_page("leave_requests", window.tr("Verlof"), lambda: listed("leave_requests"))
    window.register_page("home_sitters", window.tr("Thuiszitters"), lambda: listed("home_sitters"))
    window.register_page("dropouts", window.tr("Doorstroompunt"), lambda: listed("dropouts"))
    window.register_page("documents", window.tr("Documenten"), lambda: record_list(documents_menu.make_page(window)))
    window.register_page("figures", window.tr("Cijfers"), lambda: FiguresPage(window.ctx))


def _file_menu(window: Any) -> None:
    window.register_action("lock", "file", window.tr("&Vergrendelen"), lambda: window.lock(), "Ctrl+L")
    window.register_action(
        "close_tab", "file", window.tr("Tabblad &sluiten"), window.close_current_tab, QKeySequence.StandardKey.Close
    )
    window.register_action("import", "file", window.tr("&Importeren…"), lambda: show_import(window), "Ctrl+I")
    window.register_action(
        "quit", "file", window.tr("&Afsluiten"), window.close, QKeySequence.StandardKey.Quit, separator_before=True
    )


def _register_menu(window: Any) -> None:
    """One action per registration form, ``register_<form>`` (the forms of MainWindow.make_register_dialog)."""
    forms = (
        ("absence", window.tr("Nieuwe &verzuimmelding…"), "Ctrl+M"),
        ("case", window.tr("Nieuwe zaak &absoluut verzuim…"), "Ctrl+Shift+A"),
        ("exemption", window.tr("V&rijstelling aanvragen…"), "Ctrl+Shift+V"),
        ("leave", window.tr("Ver&lofaanvraag…"), "Ctrl+Shift+L"),
        ("home_sitter", window.tr("&Thuiszitter…"), "Ctrl+Shift+T"),
        ("dropout", window.tr("VSV-&traject…"), "Ctrl+Shift+D"),
    )
    for form, text, shortcut in forms:
        window.register_action(
            f"register_{form}", "register", text, lambda _checked=False, f=form: window.open_register_form(f), shortcut
        )


def _extra_menu(window: Any) -> None:
    window.register_action("sync", "extra", window.tr("Nu &synchroniseren"), window.sync_now, ["F5", "Ctrl+R"])
    window.register_action("conflicts", "extra", window.tr("&Conflicten…"), window.open_conflicts)
    window.register_action("login", "extra", window.tr("&Aanmelden bij de server…"), lambda: window.ask_login(""))
    window.register_action(
        "settings",
        "extra",
        window.tr("&Instellingen…"),
        window.show_settings,
        QKeySequence.StandardKey.Preferences,
        separator_before=True,
    )
    window.register_action("change_passphrase", "extra", window.tr("&Wachtwoord wijzigen…"), window.change_passphrase)
    audit_log_view.install(window)


def show_import(window: Any) -> None:
    """Bestand › Importeren…: the import window, modal."""
    from desktop.views.import_dialog import ImportDialog

    ImportDialog(window.ctx, window).exec()

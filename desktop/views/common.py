"""Shared pieces of the windows: Dutch formatting and form helpers (and the application context, which lives in
desktop.operations)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QMessageBox, QWidget

from desktop.errors import VangnetError

DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
ERROR_STYLE = "color: #b00020;"


@dataclass
class Validation:
    """Problems found in a form, in Dutch, one per field."""

    problems: dict[str, str] = field(default_factory=dict)

    def require(self, key: str, ok: bool, message: str) -> None:
        if not ok and key not in self.problems:
            self.problems[key] = message

    @property
    def ok(self) -> bool:
        return not self.problems


def nl_date(value: dt.date | dt.datetime | None, fmt: str = "long") -> str:
    """'5 maart 2025' (long) or '05-03-2025' (short)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if fmt == "short":
        return value.strftime("%d-%m-%Y")
    return format_date(value, format="long", locale="nl_NL")


def nl_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return format_datetime(value, "d MMMM yyyy HH:mm", locale="nl_NL")


def nl_number(value: float | int | None) -> str:
    if value is None:
        return ""
    return format_decimal(value, locale="nl_NL")


def to_date(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_edit(value: dt.date | None, accessible_name: str, parent: QWidget | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setLocale(DUTCH)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setCalendarPopup(True)
    edit.setDate(to_qdate(value or dt.date.today()))
    edit.setAccessibleName(accessible_name)
    return edit


def enum_combo(enum_cls, accessible_name: str, with_empty: str | None = None, parent=None) -> QComboBox:
    combo = QComboBox(parent)
    if with_empty is not None:
        combo.addItem(with_empty, None)
    for member in enum_cls:
        combo.addItem(member.label, member.value)
    combo.setAccessibleName(accessible_name)
    return combo


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setAccessibleName("Foutmelding")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def show_error(parent: QWidget | None, exc: BaseException, title: str = "Vangnet") -> None:
    """One clear Dutch sentence for errors a user can act on; others go to the global exception hook."""
    if isinstance(exc, VangnetError):
        QMessageBox.warning(parent, title, str(exc))
        return
    raise exc

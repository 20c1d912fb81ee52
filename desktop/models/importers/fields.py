"""Cell converters for tabular imports: each turns a raw cell into a value or raises ``CellError`` in Dutch.

Messages never repeat a BSN or onderwijsnummer: they name the problem, the row and column say where.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.models.enums import LabeledEnum
from desktop.models.errors import DomainError
from desktop.models.law import is_valid_bsn


class CellError(DomainError):
    """A cell that cannot be converted; the message is the Dutch reason."""


Converter = Callable[[Any], Any]


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()


def mask_numbers(text: str) -> str:
    """Hide any run of eight or more digits: a cell echoed in a message may hold a BSN in the wrong column."""
    return re.sub(r"\d{8,}", "(nummer)", text)


def _shown(raw: Any, limit: int = 30) -> str:
    text = mask_numbers(_text(raw).replace("\n", " "))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def text(max_length: int) -> Converter:
    def convert(raw: Any) -> str:
        value = _text(raw)
        if len(value) > max_length:
            raise CellError(f"te lang ({len(value)} tekens, hoogstens {max_length})")
        return value

    return convert


_DATE_PATTERNS = (
    (re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$"), (3, 2, 1)),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?$"), (1, 2, 3)),
    (re.compile(r"^(\d{4})(\d{2})(\d{2})$"), (1, 2, 3)),
)


def date(raw: Any) -> dt.date:
    """A date as dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj, jjjj-mm-dd or jjjjmmdd (or an XLSX date cell)."""
    if isinstance(raw, dt.datetime):
        value = raw.date()
    elif isinstance(raw, dt.date):
        value = raw
    else:
        candidate = _text(raw)
        found: dt.date | None = None
        for pattern, (year, month, day) in _DATE_PATTERNS:
            match = pattern.match(candidate)
            if match:
                try:
                    found = dt.date(int(match.group(year)), int(match.group(month)), int(match.group(day)))
                except ValueError:
                    raise CellError(f"'{_shown(raw)}' is geen bestaande datum") from None
                break
        if found is None:
            raise CellError(f"'{_shown(raw)}' is geen datum (verwacht dd-mm-jjjj)")
        value = found
    if not 1900 <= value.year <= 2100:
        raise CellError(f"de datum {value:%d-%m-%Y} ligt buiten 1900-2100")
    return value


_TRUE = {"ja", "j", "yes", "y", "true", "waar", "1", "x"}
_FALSE = {"nee", "n", "no", "false", "onwaar", "0"}


def boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    value = _text(raw).casefold()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise CellError(f"'{_shown(raw)}' is geen ja of nee")


def integer(minimum: int = 0, maximum: int = 1_000_000) -> Converter:
    def convert(raw: Any) -> int:
        if isinstance(raw, bool):
            raise CellError("verwacht een geheel getal")
        if isinstance(raw, int):
            value = raw
        else:
            candidate = _text(raw)
            if not re.fullmatch(r"-?\d+", candidate):
                raise CellError(f"'{_shown(raw)}' is geen geheel getal")
            value = int(candidate)
        if not minimum <= value <= maximum:
            raise CellError(f"{value} ligt buiten {minimum}-{maximum}")
        return value

    return convert


def decimal(minimum: float = 0, maximum: float = 100_000) -> Converter:
    """A number with a decimal comma or point ('12,5' or '12.5')."""

    def convert(raw: Any) -> float:
        if isinstance(raw, bool):
            raise CellError("verwacht een getal")
        if isinstance(raw, int | float):
            value = float(raw)
        else:
            candidate = _text(raw).replace(",", ".")
            if not re.fullmatch(r"-?\d+(\.\d+)?", candidate):
                raise CellError(f"'{_shown(raw)}' is geen getal")
            try:
                value = float(Decimal(candidate))
            except InvalidOperation:
                raise CellError(f"'{_shown(raw)}' is geen getal") from None
        if not minimum <= value <= maximum:
            raise CellError(f"{value:g} ligt buiten {minimum:g}-{maximum:g}")
        return value

    return convert


def _digits(raw: Any) -> str:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    return _text(raw).replace(" ", "").replace(".", "")


def bsn(raw: Any) -> str:
    """A BSN of nine digits (eight digits get the leading zero back) that passes the 11-proef."""
    digits = _digits(raw)
    if len(digits) == 8 and digits.isdigit():
        digits = "0" + digits
    if len(digits) != 9 or not digits.isascii() or not digits.isdigit():
        raise CellError("een BSN bestaat uit negen cijfers")
    if not is_valid_bsn(digits):
        raise CellError("het BSN voldoet niet aan de 11-proef")
    return digits


def education_number(raw: Any) -> str:
    digits = _digits(raw)
    if len(digits) != 9 or not digits.isascii() or not digits.isdigit():
        raise CellError("een onderwijsnummer bestaat uit negen cijfers")
    return digits


def brin(raw: Any) -> str:
    """A BRIN number: two digits and two letters or digits ('12AB'); a 6-character BRIN+vestiging is split off."""
    value = _text(raw).upper().replace(" ", "")
    if not re.fullmatch(r"[0-9]{2}[A-Z0-9]{2}", value):
        raise CellError(f"'{_shown(raw)}' is geen BRIN-nummer (vier tekens, bijvoorbeeld 12AB)")
    return value


def location(raw: Any) -> str:
    value = _text(raw)
    if re.fullmatch(r"\d", value):
        value = "0" + value
    if not re.fullmatch(r"\d{2}", value):
        raise CellError(f"'{_shown(raw)}' is geen vestigingsnummer (twee cijfers)")
    return value


def cbs_code(raw: Any) -> str:
    """A gemeentecode 'GM0505', also written as '0505' or '505'; a name is resolved later."""
    value = _text(raw).upper().replace(" ", "")
    if re.fullmatch(r"\d{1,4}", value):
        return f"GM{int(value):04d}"
    if re.fullmatch(r"GM\d{4}", value):
        return value
    # A gemeente name: kept as written, matched against the gemeente list during validation.
    if re.fullmatch(r"[^\d]{2,80}", _text(raw)):
        return "naam:" + _text(raw)
    raise CellError(f"'{_shown(raw)}' is geen gemeentecode (bijvoorbeeld GM0505)")


def postal_code(raw: Any) -> str:
    value = _text(raw).upper().replace(" ", "")
    if not re.fullmatch(r"[1-9]\d{3}[A-Z]{2}", value):
        raise CellError(f"'{_shown(raw)}' is geen postcode (bijvoorbeeld 3311 AB)")
    return f"{value[:4]} {value[4:]}"


def choice(enum_cls: type[LabeledEnum], extra: Mapping[str, str] | None = None) -> Converter:
    """A value of ``enum_cls`` by its stored value, its Dutch label or an extra Dutch spelling."""
    lookup: dict[str, str] = {}
    for member in enum_cls:
        lookup[member.value.casefold()] = member.value
        lookup[member.label.casefold()] = member.value
    for spelled, value in (extra or {}).items():
        lookup[spelled.casefold()] = value

    def convert(raw: Any) -> LabeledEnum:
        key = re.sub(r"\s+", " ", _text(raw)).casefold()
        if key not in lookup:
            allowed = ", ".join(member.label for member in enum_cls)
            raise CellError(f"onbekende waarde '{_shown(raw)}' (toegestaan: {allowed})")
        return enum_cls(lookup[key])

    return convert


def school_year(raw: Any) -> str:
    value = _text(raw).replace("/", "-")
    match = re.fullmatch(r"(\d{4})-(\d{4})", value)
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise CellError(f"'{_shown(raw)}' is geen schooljaar (bijvoorbeeld 2023-2024)")
    return value

"""Checks and converts field values before they are written (shared by records and documents).

Each parser takes what the user (or a JSON document) gave and returns the
value to store, or raises ``ValueError`` with a message that names the value;
the caller adds the field or JSON path in front.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, Generic, TypeVar

from mpn_desktop.domain import wording
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.identifiers import MCP_ID_MAX_DIGITS, MPN_ID_DIGITS, is_mcp_id, is_mpn_id
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.shown import shown_value

Parser = Callable[[Any], Any]
E = TypeVar("E", bound=Enum)

MAX_MONEY = Decimal("999999999999.99")
MAX_COUNT = 2**63 - 1
"""The largest whole number SQLite's INTEGER holds."""


def text(max_length: int, *, required: bool = True, multiline: bool = False) -> Parser:
    """A string (stripped); empty is refused when ``required``.

    Control characters are refused (tab excepted; line breaks too where
    ``multiline``): they would clear or retitle the terminal ``status`` prints to.
    """

    def parse(value: Any) -> str:
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            raise ValueError(_("{value} is not text").format(value=shown_value(value)))
        stripped: str = value.strip()
        if required and not stripped:
            raise ValueError(_("is empty"))
        if len(stripped) > max_length:
            raise ValueError(
                _("is longer than {count} characters").format(count=wording.number(max_length))
            )
        refuse_unstorable(stripped, multiline=multiline)
        return stripped

    return parse


_SINGLE_LINE_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_MULTILINE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_character(value: str, *, multiline: bool = False) -> tuple[int, str] | None:
    """The first control character of ``value`` not allowed in it: (its 1-based column, name)."""
    found = (_MULTILINE_CONTROL if multiline else _SINGLE_LINE_CONTROL).search(value)
    if found is None:
        return None
    code = ord(found.group())
    name = "a NUL character" if code == 0 else "a line break" if code in (10, 13) else None
    return found.start() + 1, name or f"the control character \\x{code:02x}"


_FORMAT = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b"
    "\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
"""Unicode's format characters (category Cf) but the zero-width joiner and non-joiner.

They are invisible, and the bidirectional ones (U+202E RIGHT-TO-LEFT OVERRIDE,
U+2066 LEFT-TO-RIGHT ISOLATE...) make a name read otherwise than it is stored
("Fabrikam" shown where another text is held; a file name's end reversed). The
joiners stay: Persian, Indic and emoji text needs them within a word.
"""


def format_character(value: str) -> tuple[int, str] | None:
    """The first invisible format character of ``value``: (its 1-based column, its name).

    The name as Unicode gives it: "U+202E RIGHT-TO-LEFT OVERRIDE".
    """
    found = _FORMAT.search(value)
    if found is None:
        return None
    character = found.group()
    name = unicodedata.name(character, "FORMAT CHARACTER")
    return found.start() + 1, f"U+{ord(character):04X} {name}"


def refuse_unstorable(value: str, *, multiline: bool = False) -> None:
    """Raises ValueError for text that cannot be stored and shown safely.

    A NUL cuts the text short in Qt and most other programs, other control
    characters drive the terminal, format characters (U+202E) make the text
    read otherwise than it is stored, and a lone surrogate (JSON's "\\ud800")
    cannot be written as UTF-8.
    """
    found = control_character(value, multiline=multiline)
    if found is not None:
        column, name = found
        raise ValueError(
            _("contains {name} at character {column}; only plain text is allowed").format(
                name=name, column=column
            )
        )
    invisible = format_character(value)
    if invisible is not None:
        column, name = invisible
        raise ValueError(
            _(
                "contains {name} at character {column}, an invisible character that changes "
                "how the text reads; only plain text is allowed"
            ).format(name=name, column=column)
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        bad = ord(value[error.start])
        raise ValueError(
            _("contains {character}, half of a character (an unpaired surrogate)").format(
                character=f"\\u{bad:04x}"
            )
        ) from None


def mcp_id(value: Any) -> str:
    """An MCP ID (stripped): digits only, as ``domain.mcp_id`` defines it."""
    parsed: str = text(MCP_ID_MAX_DIGITS * 2)(value)
    if not is_mcp_id(parsed):
        raise ValueError(
            _("{value} is not an MCP ID (digits only, at most {count})").format(
                value=repr(parsed), count=MCP_ID_MAX_DIGITS
            )
        )
    return parsed


def mpn_id(value: Any) -> str:
    """An organisation's MPN ID (stripped), or "" when not entered: ``domain.identifiers``."""
    parsed: str = text(40, required=False)(value)
    if parsed and not is_mpn_id(parsed):
        low, high = MPN_ID_DIGITS
        raise ValueError(
            _("{value} is not an MPN ID ({low} to {high} digits)").format(
                value=repr(parsed), low=low, high=high
            )
        )
    return parsed


def optional_text(max_length: int) -> Parser:
    """A string or nothing (None; an empty string also means nothing)."""
    inner = text(max_length, required=False)

    def parse(value: Any) -> str | None:
        if value is None:
            return None
        result: str = inner(value)
        return result or None

    return parse


_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def day(value: Any) -> date:
    """A date, given as ``datetime.date`` or ``YYYY-MM-DD``.

    Only that form: ``date.fromisoformat`` also reads ``20170215`` and week
    dates such as ``2017-W07-3``, which a user would not mean here.
    """
    if value is None:
        raise ValueError(_("missing: a date (YYYY-MM-DD) is needed"))
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DAY_RE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(
        _("{value} is not a date (expected YYYY-MM-DD)").format(value=shown_value(value))
    )


def optional_day(value: Any) -> date | None:
    """A date or None."""
    return None if value is None else day(value)


def month(value: Any) -> date:
    """A month (``Month``, ``YYYY-MM`` or a first day), stored as its first day."""
    if value is None:
        raise ValueError(_("missing: a month (YYYY-MM) is needed"))
    if isinstance(value, Month):
        return value.first_day
    if isinstance(value, date):
        if value.day != 1:
            raise ValueError(_("{value} is not the first day of a month").format(value=value))
        return value
    if isinstance(value, str) and len(value) <= 40:  # longer is no month, and not worth parsing
        try:
            return Month.parse(value).first_day
        except ValueError:
            pass
    raise ValueError(
        _("{value} is not a month (expected YYYY-MM)").format(value=shown_value(value))
    )


def money(value: Any) -> Decimal:
    """US$ as a Decimal: not negative, at most two decimal places.

    The size is checked before any arithmetic: ``1e999999999`` is refused at once.
    """
    if value is None:
        raise ValueError(_("missing: an amount in US$ is needed"))
    shown = shown_value(value)
    if isinstance(value, bool):
        raise ValueError(_("{value} is not an amount").format(value=shown))
    if isinstance(value, str) and len(value) > 40:
        raise ValueError(_("{value} is not an amount").format(value=shown))
    try:
        amount = Decimal(str(value)) if isinstance(value, (int, float, str)) else value
    except InvalidOperation:
        raise ValueError(_("{value} is not an amount").format(value=shown)) from None
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise ValueError(_("{value} is not an amount").format(value=shown))
    if amount < 0:
        raise ValueError(_("{value} is negative").format(value=shown))
    if amount > MAX_MONEY:
        raise ValueError(_("{value} is too large").format(value=shown))
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(_("{value} has more than two decimal places").format(value=shown))
    return amount.quantize(Decimal("0.01"))


def count(value: Any) -> int:
    """A whole number, not negative.

    Its size is checked before it is made an ``int``: converting ``1e999999999``
    would build a number of a billion digits (minutes and gigabytes).
    """
    if value is None:
        raise ValueError(_("missing: a whole number is needed"))
    shown = shown_value(value)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValueError(_("{value} is not a whole number").format(value=shown))
    if isinstance(value, float | Decimal):
        finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
        if not finite:
            raise ValueError(_("{value} is not a whole number").format(value=shown))
        if value < 0:
            raise ValueError(_("{value} is negative").format(value=shown))
        if value > MAX_COUNT:
            raise ValueError(_("{value} is too large").format(value=shown))
        if value != int(value):
            raise ValueError(_("{value} is not a whole number").format(value=shown))
        value = int(value)
    if value < 0:
        raise ValueError(_("{value} is negative").format(value=shown))
    if value > MAX_COUNT:
        raise ValueError(_("{value} is too large").format(value=shown))
    return int(value)


def flag(value: Any) -> bool:
    """true or false."""
    if not isinstance(value, bool):
        raise ValueError(_("{value} is not true or false").format(value=shown_value(value)))
    return value


class Choice(Generic[E]):
    """The parser of a member of ``enum``; it keeps the enum, so forms can offer its members."""

    def __init__(self, enum: type[E]) -> None:
        self.enum = enum

    def __call__(self, value: Any) -> E:
        if isinstance(value, self.enum):
            return value
        try:
            return self.enum(value)
        except ValueError:
            allowed = ", ".join(str(member.value) for member in self.enum)
            raise ValueError(
                _("{value} is not one of: {allowed}").format(
                    value=shown_value(value), allowed=allowed
                )
            ) from None


def choice(enum_type: type[E]) -> Choice[E]:
    """A member of ``enum_type``, given as the member or its value."""
    return Choice(enum_type)


def record_id(value: Any) -> int:
    """The id of another record."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(_("{value} is not a record id").format(value=shown_value(value)))
    return value


def to_json(value: Any) -> Any:
    """A stored value as the export document writes it."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value

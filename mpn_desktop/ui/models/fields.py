"""Column definitions of the record tables: how a value is shown, read back from text and sorted.

A ``Field`` says what kind of value a column holds; ``parse_text`` turns what
the user typed into that value or raises ``ValueError`` with a message written
for a person. These checks give feedback while typing; the store validates
again before anything is written.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum, auto
from typing import Any

from PySide6.QtCore import QCoreApplication

from mpn_desktop.domain import wording
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import (
    Association,
    CredentialKind,
    Level,
    Market,
    ReferenceStatus,
    Workload,
)
from mpn_desktop.domain.identifiers import is_mcp_id
from mpn_desktop.shown import shown_value
from mpn_desktop.store import values
from mpn_desktop.store.values import control_character, format_character
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.qt_dates import short_date_example, typed_day

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_COUNT_RE = re.compile(r"[0-9]{1,19}")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Fields", text)


class FieldKind(Enum):
    """What sort of value a column holds; chooses the editor and the parser."""

    TEXT = auto()
    EMAIL = auto()
    MCP_ID = auto()
    CREDENTIAL = auto()
    DATE = auto()
    MONTH = auto()
    MONEY = auto()
    COUNT = auto()
    BOOL = auto()
    ENUM = auto()
    CHOICE = auto()


@dataclass(frozen=True)
class Field:
    """One column of a record table, named by the record's key.

    ``choices`` gives the allowed values of a CHOICE column (customer names,
    competency ids) with their labels, and ``label_of`` the label of one value
    at once (a table of thousands of rows asks it for every cell; any column may
    have it, to word some of its values: "expired on 2018-05-19"); ``compute``
    makes a read-only column whose value comes from the row rather than from
    the record's own key; ``help`` explains a term a new user may not know (DPOR).
    """

    key: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    editable: bool = True
    enum: type[Enum] | None = None
    choices: Callable[[], Sequence[tuple[object, str]]] | None = None
    label_of: Callable[[object], str | None] | None = None
    compute: Callable[[dict[str, Any]], object] | None = None
    placeholder: str = ""
    help: str = ""
    """What the field means, in a partner's words: the column's tooltip and What's This."""

    @property
    def is_editable(self) -> bool:
        """Computed columns are never edited."""
        return self.editable and self.compute is None

    def value_of(self, record: dict[str, Any]) -> object:
        """The column's value in a record."""
        if self.compute is not None:
            return self.compute(record)
        return record.get(self.key)


def enum_label(value: Enum) -> str:
    """The words a person reads for an enumeration value."""
    labels: dict[Enum, str] = {
        Association.DPOR: _tr("DPOR"),
        Association.DELEGATED_ADMIN: _tr("Delegated admin"),
        Association.TRANSACTING: _tr("Transacting"),
        Association.FASTTRACK: _tr("FastTrack"),
        Association.CPOR: _tr("CPOR"),
        Association.PAL: _tr("Partner Admin Link"),
        Workload.AZURE: _tr("Azure"),
        Workload.OFFICE365: _tr("Office 365"),
        Workload.DYNAMICS_CRM: _tr("Dynamics CRM"),
        Workload.EMS: _tr("EMS"),
        ReferenceStatus.DRAFT: _tr("Draft"),
        ReferenceStatus.SUBMITTED: _tr("Submitted"),
        ReferenceStatus.CUSTOMER_APPROVED: _tr("Customer approved"),
        ReferenceStatus.APPROVED: _tr("Approved"),
        ReferenceStatus.AUTO_APPROVED: _tr("Auto-approved"),
        ReferenceStatus.DECLINED: _tr("Declined"),
        CredentialKind.EXAM: _tr("Exam"),
        CredentialKind.ASSESSMENT: _tr("Assessment"),
        CredentialKind.CERTIFICATION: _tr("Certification"),
        Level.SILVER: _tr("Silver"),
        Level.GOLD: _tr("Gold"),
        Market.DEVELOPED: _tr("Developed market"),
        Market.DEVELOPING: _tr("Developing market"),
    }
    return labels.get(value, str(value.value))


def format_money(amount: Decimal, figures: wording.Figures | None = None) -> str:
    """US$ with the locale's separators and cents: ``US$ 1,250.00``, ``US$ 1.250,00``.

    ``figures``: the locale's separators when read already (``locale_text.figures``)."""
    return wording.money(amount, 2, figures or locale_text.figures())


def format_value(field: Field, value: object, figures: wording.Figures | None = None) -> str:
    """The text shown in a table cell (empty for a missing value); ``figures``: the locale's
    separators when read already (a search formats thousands of cells with them)."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return enum_label(value)
    if field.kind is FieldKind.MONEY and isinstance(value, Decimal | int | float):
        return format_money(Decimal(str(value)), figures)
    if field.kind is FieldKind.COUNT and isinstance(value, int):
        return wording.number(value, figures=figures or locale_text.figures())
    if field.kind is FieldKind.BOOL:
        return _tr("Yes") if value else _tr("No")
    if field.label_of is not None:
        found = field.label_of(value)
        if found is not None:
            return found
    if field.kind is FieldKind.CHOICE and field.choices is not None:
        for choice, label in field.choices():
            if choice == value:
                return label
    if isinstance(value, date):
        return locale_text.day(value)
    return str(value)


def cell_text(field: Field, value: object, figures: wording.Figures | None = None) -> str:
    """What a table's cell shows as text: ``format_value``, none for a yes/no column (its
    check box shows it)."""
    return "" if field.kind is FieldKind.BOOL else format_value(field, value, figures)


def edit_text(field: Field, value: object) -> str:
    """The text put in an editor: plain figures, ISO dates, no currency sign."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def sort_key(value: object) -> tuple[int, Any]:
    """A key that orders one column's values, missing values first."""
    if value is None:
        return (0, "")
    if isinstance(value, bool):
        return (1, int(value))
    if isinstance(value, Enum):
        return (1, str(value.value))
    if isinstance(value, str):
        return (1, value.casefold())
    if isinstance(value, Month):
        return (1, value.index)
    return (1, value)


def parse_text(field: Field, text: str) -> object:
    """What the user typed as the column's value; ValueError says what is wrong."""
    text = text.strip()
    _refuse_control_characters(field, text)
    if not text:
        if field.required:
            raise ValueError(_tr("{label} is required.").format(label=field.label))
        return "" if field.kind in (FieldKind.TEXT, FieldKind.EMAIL) else None
    parser = _PARSERS.get(field.kind)
    if parser is None:
        return text
    return parser(field, text)


def _refuse_control_characters(field: Field, text: str) -> None:
    """Pasted text may hold control characters (an escape, a NUL) or invisible format
    characters (U+202E): never a value of ours."""
    found = control_character(text)
    if found is not None:
        column, _name = found
        raise ValueError(
            _tr(
                "{label}: the text holds a control character at character {column}; "
                "type or paste plain text."
            ).format(label=field.label, column=column)
        )
    # An invisible format character (U+202E RIGHT-TO-LEFT OVERRIDE) makes a name read
    # otherwise than it is: pasted from a web page or a crafted file, never typed.
    invisible = format_character(text)
    if invisible is not None:
        column, name = invisible
        raise ValueError(
            _tr(
                "{label}: the text holds the invisible character {name} at character "
                "{column}, which changes how the text reads; type or paste plain text."
            ).format(label=field.label, name=name, column=column)
        )


def _parse_email(field: Field, text: str) -> str:
    if not _EMAIL_RE.match(text):
        raise ValueError(
            _tr("{label}: “{text}” is not an e-mail address (name@example.com).").format(
                label=field.label, text=shown_value(text)
            )
        )
    return text


def _parse_mcp_id(field: Field, text: str) -> str:
    if not is_mcp_id(text):
        raise ValueError(
            _tr("{label}: “{text}” is not an MCP ID (digits only, such as 1234567).").format(
                label=field.label, text=shown_value(text)
            )
        )
    return text


def _parse_credential(field: Field, text: str) -> str:
    return text.upper()


_ISO_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _past_month_end(year: int, month: int, day: int) -> bool:
    """Whether year-month-day names a real month and a day after its last one."""
    return year >= 1 and 1 <= month <= 12 and day > calendar.monthrange(year, month)[1]


def _parse_date(field: Field, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        shaped = _ISO_DAY_RE.match(text)
        typed = None if shaped else typed_day(text)
        if typed is not None:
            return typed  # the locale's short date (3/1/18, 01.03.18)
        if shaped is not None and _past_month_end(*map(int, shaped.groups())):
            # Typed in the right shape but past the month's end: saying "YYYY-MM-DD"
            # again would not tell the user what to change.
            year, month = int(shaped.group(1)), int(shaped.group(2))
            raise ValueError(
                _tr("{label}: “{text}” is not a date: {month} {year} has {days} days.").format(
                    label=field.label,
                    text=shown_value(text),
                    # The window's language's month names: strftime's follow the
                    # system locale and would put "février" in an English sentence.
                    month=wording.month_name(month),
                    year=year,
                    days=calendar.monthrange(year, month)[1],
                )
            ) from None
        raise ValueError(
            _tr(
                "{label}: “{text}” is not a date (YYYY-MM-DD, such as 2018-03-01, or {short})."
            ).format(label=field.label, text=shown_value(text), short=short_date_example())
        ) from None


def _parse_month(field: Field, text: str) -> Month:
    try:
        return Month.parse(text)
    except ValueError:
        raise ValueError(
            _tr("{label}: “{text}” is not a month (YYYY-MM, such as 2017-12).").format(
                label=field.label, text=shown_value(text)
            )
        ) from None


def _parse_money(field: Field, text: str) -> Decimal:
    cleaned = wording.plain_figures(
        text.replace("US$", "").replace("$", "").strip(), locale_text.figures()
    )
    if len(cleaned) > 40:  # no amount is that long; Decimal("1e999999999") would be read
        cleaned = "not an amount"
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(
            _tr("{label}: “{text}” is not an amount in US$ (such as 1250.00).").format(
                label=field.label, text=shown_value(text)
            )
        ) from None
    if not amount.is_finite() or amount < 0:
        raise ValueError(_tr("{label}: an amount must be zero or more.").format(label=field.label))
    if amount > values.MAX_MONEY:
        # The store's limit, said here in the user's words rather than refused there.
        raise ValueError(
            _tr("{label}: at most {amount}.").format(
                label=field.label, amount=format_money(values.MAX_MONEY)
            )
        )
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValueError(_tr("{label}: at most two decimals (cents).").format(label=field.label))
    return amount


def _parse_count(field: Field, text: str) -> int:
    cleaned = wording.plain_figures(text, locale_text.figures())
    # ASCII digits only ("²".isdigit() is true), and no more than the store's count holds.
    if not _COUNT_RE.fullmatch(cleaned):
        raise ValueError(
            _tr("{label}: “{text}” is not a whole number of zero or more.").format(
                label=field.label, text=shown_value(text)
            )
        )
    if int(cleaned) > values.MAX_COUNT:
        raise ValueError(
            _tr("{label}: at most {count}.").format(
                label=field.label,
                count=wording.number(values.MAX_COUNT, figures=locale_text.figures()),
            )
        )
    return int(cleaned)


def _parse_bool(field: Field, text: str) -> bool:
    lowered = text.casefold()
    if lowered in ("yes", "true", "1", "y"):
        return True
    if lowered in ("no", "false", "0", "n"):
        return False
    raise ValueError(_tr("{label}: answer yes or no.").format(label=field.label))


def _parse_enum(field: Field, text: str) -> Enum:
    assert field.enum is not None, "an ENUM field names its enumeration"
    for member in field.enum:
        if text in (str(member.value), member.name, enum_label(member)):
            return member
    allowed = ", ".join(enum_label(member) for member in field.enum)
    raise ValueError(
        _tr("{label}: “{text}” is not one of: {allowed}.").format(
            label=field.label, text=shown_value(text), allowed=allowed
        )
    )


def _parse_choice(field: Field, text: str) -> object:
    assert field.choices is not None, "a CHOICE field lists its choices"
    for choice, label in field.choices():
        if text in (str(choice), label):
            return choice
    raise ValueError(
        _tr("{label}: “{text}” is not one of the known values.").format(
            label=field.label, text=shown_value(text)
        )
    )


_PARSERS: dict[FieldKind, Callable[[Field, str], object]] = {
    FieldKind.EMAIL: _parse_email,
    FieldKind.MCP_ID: _parse_mcp_id,
    FieldKind.CREDENTIAL: _parse_credential,
    FieldKind.DATE: _parse_date,
    FieldKind.MONTH: _parse_month,
    FieldKind.MONEY: _parse_money,
    FieldKind.COUNT: _parse_count,
    FieldKind.BOOL: _parse_bool,
    FieldKind.ENUM: _parse_enum,
    FieldKind.CHOICE: _parse_choice,
}

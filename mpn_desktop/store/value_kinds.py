"""What kind of value a field holds (a day, an amount, text...), read off the field's parser.

Spreadsheets and the clipboard need to know whether a column is a date or a
number to write it as one and to read back what another program made of it;
the kind comes from the one declaration of the field (its parser in
``document_check`` or ``schema_fields``), never from a second list.
"""

from __future__ import annotations

import enum

from mpn_desktop.store import values
from mpn_desktop.store.values import Parser


class ValueKind(enum.Enum):
    """How a field's value is written in a spreadsheet cell."""

    TEXT = "text"
    DAY = "day"
    MONTH = "month"
    MONEY = "money"
    COUNT = "count"
    FLAG = "flag"


_KINDS: dict[Parser, ValueKind] = {
    values.day: ValueKind.DAY,
    values.optional_day: ValueKind.DAY,
    values.month: ValueKind.MONTH,
    values.money: ValueKind.MONEY,
    values.count: ValueKind.COUNT,
    values.flag: ValueKind.FLAG,
}


def kind_of(parse: Parser) -> ValueKind:
    """The kind of value ``parse`` accepts; text (and choices, which are text) otherwise."""
    return _KINDS.get(parse, ValueKind.TEXT)

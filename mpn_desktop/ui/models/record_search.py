"""Which records of a table show every word searched for, worked out a column at a time.

A tab's search keeps the rows whose cells, together, contain every word typed
(any case; a day also as ISO, 2018-03-01, whatever the locale shows). Asked row
by row, cell by cell through Qt, a search of "Show all usage"'s 75,282 months
took 5 s of the GUI thread: seven cells formatted for each row, the locale read
for each amount. Here a column's values are formatted once each (a month, a
service, a subscription's name repeat thousands of times), the locale's
separators read once, and no cell is asked through Qt.

A word holds no space and the cells are joined by one, so a row holds a word
exactly when one of its cells does: each column says which words each of its
values holds, and a row holds what its columns hold together.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from itertools import repeat
from operator import or_
from typing import Any, cast

from mpn_desktop.domain.wording import Figures
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.models.fields import Field, FieldKind, cell_text


def search_words(text: str) -> tuple[str, ...]:
    """The words of a search, as the cells' text is compared with them (any case)."""
    return tuple(word.casefold() for word in text.split())


def words_in(field: Field, value: object, words: Sequence[str], figures: Figures) -> int:
    """The words (bits, in ``words``' order) a cell of ``field`` showing ``value`` holds."""
    text = cell_text(field, value, figures)
    if isinstance(value, date):
        text = f"{text} {value.isoformat()}"  # found as typed either way
    text = text.casefold()
    return sum(1 << bit for bit, word in enumerate(words) if word in text)


def records_showing(
    fields: Sequence[Field], records: Sequence[dict[str, Any]], words: Sequence[str]
) -> list[bool]:
    """For each record, whether its cells (one per field) show every word of ``words``."""
    every = (1 << len(words)) - 1
    figures = locale_text.figures()
    found = [0] * len(records)
    for field in fields:
        if field.compute is not None:
            values = list(map(field.compute, records))
        else:
            values = list(map(dict.get, records, repeat(field.key)))
        if not _holds_none(field, values, words, figures):
            found = list(map(or_, found, _column_words(field, values, words, figures)))
    return [held == every for held in found]


_EVERY_FIGURE = Decimal("-1234567890.12")
"""An amount whose text has every character an amount's text may have."""


def _holds_none(field: Field, values: list[object], words: Sequence[str], figures: Figures) -> bool:
    """Whether no cell of an amounts' column can hold any of ``words``, told without
    formatting them (most of a search of every month of usage: its two amounts differ in
    nearly every row): an amount's text is made of the characters of ``_EVERY_FIGURE``'s
    ("US$ ", a sign, the digits, the separators), a word of letters is in none."""
    if field.kind is not FieldKind.MONEY or not set(map(type, values)) <= {Decimal, type(None)}:
        return False
    characters = set(cell_text(field, _EVERY_FIGURE, figures).casefold())
    if any(set(word) <= characters for word in words):
        return False
    # Not NaN nor Infinity, which are spelt out.
    return all(value is None or value.is_finite() for value in cast(list[Decimal | None], values))


_SHOWN_AS_WRITTEN = frozenset({Decimal, float})
"""Numbers equal to others shown otherwise (1.5 and 1.50, 0 and -0): told apart by their text."""


def _column_words(
    field: Field, values: list[object], words: Sequence[str], figures: Figures
) -> list[int]:
    """The words each cell of a column holds, each distinct value's cell formatted once."""
    kinds = set(map(type, values))
    keys: list[object] = values
    if kinds & _SHOWN_AS_WRITTEN:
        keys = list(map(str, values))  # str(None) is no number's text
    if len(kinds - {type(None)}) > 1:
        # Values of several types may be equal but shown otherwise (True and 1, 1 and 1.0,
        # an enumeration's member and its text): typed keys.
        keys = list(zip(map(type, values), keys, strict=True))
    try:
        distinct = dict(zip(keys, values, strict=True))
    except TypeError:  # a value that is no key (a list): each cell on its own
        return [words_in(field, value, words, figures) for value in values]
    held = {key: words_in(field, value, words, figures) for key, value in distinct.items()}
    return list(map(held.__getitem__, keys))

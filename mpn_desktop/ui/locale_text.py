"""Numbers, amounts and days as the user's locale writes them (QLocale), and amounts typed in it.

The window's tables show figures with the locale's separators (1,250.00 in
English, 1.250,00 in German) and days in the locale's short form with the
year in full (01.03.2018), except in English, where the program has always
shown ISO days (2018-03-01: American and British readers would each misread
the other's 3/1). What a user types is read in the locale's way and always
also as ISO or plain figures (2018-03-01, 1250.50), so a value copied from a
file or another program is taken as it is.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale

# "15.000" or "1.250.000": groups of three after a separator, nothing else.
_GROUPED = {".": re.compile(r"\d{1,3}(\.\d{3})+"), ",": re.compile(r"\d{1,3}(,\d{3})+")}
_SPACES = str.maketrans("", "", " \u00a0\u202f'")


def user_locale() -> QLocale:
    """The locale figures and days are written in: the system's (QLocale's default).

    The "C" locale of a bare environment (no LANG) is read as American English:
    its figures have no thousands separators.
    """
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale


def _separators(locale: QLocale) -> tuple[str, str]:
    """The locale's decimal point and thousands separator, one character each."""
    return locale.decimalPoint()[:1] or ".", locale.groupSeparator()[:1] or ","


def number(value: int | Decimal, decimals: int = 0) -> str:
    """``value`` with the locale's separators: 1,600 / 1.600; 1,250.50 / 1.250,50.

    Written by Python first so a large amount keeps every cent (no float).
    """
    point, group = _separators(user_locale())
    text = f"{value:,.{decimals}f}" if decimals else f"{value:,.0f}"
    return text.translate(str.maketrans(",.", group + point))


def figure(value: int | Decimal) -> str:
    """A figure with the locale's separators, cents only when there are any: 1,530 / 1.234,50."""
    whole = Decimal(value) == Decimal(value).to_integral_value()
    return number(Decimal(value), 0 if whole else 2)


def dollars(amount: int | Decimal) -> str:
    """US$ as the status reads it, cents only when there are any: ``US$ 1,530``."""
    return f"US$ {figure(amount)}"


def money(amount: Decimal) -> str:
    """US$ with the locale's separators and cents: ``US$ 1,250.00`` / ``US$ 1.250,00``."""
    return f"US$ {number(amount, 2)}"


def day(value: date) -> str:
    """A day as the locale writes it, the year in full; ISO in English (see the module)."""
    locale = user_locale()
    if locale.language() == QLocale.Language.English:
        return value.isoformat()
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return locale.toString(QDate(value.year, value.month, value.day), pattern)


def plain_figures(text: str) -> str:
    """Typed figures made plain for ``Decimal``/``int``: "1.250,50" in German is "1250.50".

    A comma or point is read as the locale's decimal point or thousands
    separator; a plain figure ("1250.50") is kept as it is in every locale.
    Text that is no figure comes back for the caller to refuse.
    """
    point, group = _separators(user_locale())
    text = text.translate(_SPACES)
    if point == ",":
        if "," in text:
            return text.replace(".", "").replace(",", ".")
        # "15.000" is fifteen thousand to a German reader; as a plain figure its
        # three decimals would be refused anyway, so it is not ambiguous.
        return text.replace(".", "") if _GROUPED["."].fullmatch(text) else text
    return text.replace(group, "") if group in (",", ".") and group != point else text

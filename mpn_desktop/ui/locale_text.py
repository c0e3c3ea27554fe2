"""The user's locale as Qt knows it (QLocale): its separators for ``domain.wording`` and its days.

The window's tables show figures with the locale's separators (1,250.00 in
English, 1.250,00 in German), written and read back by ``domain.wording``
(``number``, ``money``, ``plain_figures``) with the separators given here;
days in the locale's short form with the year in full (01.03.2018), except in
English, where the program has always shown ISO days (2018-03-01); months
likewise (Nov. 2025 in German, 2025-11 in English). What a user
types is read in the locale's way and always also as ISO or plain figures
(2018-03-01, 1250.50), so a value copied from a file or another program is
taken as it is.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.wording import Figures

_Read = tuple[tuple[str, str], QLocale, bool, Figures, str]
_last_read: list[_Read] = []
"""The default locale's names (its territory's and BCP 47's, which has the script) when last
read, the locale figures are written in, whether it is English, its separators and its
pattern of a day: worked out again only when the default changes (a table's painting asks
for every amount and day it draws)."""


def _read() -> _Read:
    default = QLocale()
    name = (default.name(), default.bcp47Name())
    if _last_read and _last_read[0][0] == name:
        return _last_read[0]
    locale = default
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    read = (
        name,
        locale,
        locale.language() == QLocale.Language.English,
        Figures(locale.decimalPoint()[:1] or ".", locale.groupSeparator()[:1] or ","),
        pattern,
    )
    _last_read[:] = [read]
    return read


def user_locale() -> QLocale:
    """The locale figures and days are written in: the system's (QLocale's default).

    The "C" locale of a bare environment (no LANG) is read as American English:
    its figures have no thousands separators.
    """
    return _read()[1]


def figures() -> Figures:
    """The locale's decimal point and thousands separator, one character each."""
    return _read()[3]


def day(value: date) -> str:
    """A day as the locale writes it, the year in full; ISO in English (see the module)."""
    _, locale, english, _, pattern = _read()
    if english:
        return value.isoformat()
    return locale.toString(QDate(value.year, value.month, value.day), pattern)


def month(value: Month) -> str:
    """A month as the locale names it with its year ("Nov. 2025"); ISO in English (2025-11)."""
    _, locale, english, _, _ = _read()
    if english:
        return str(value)
    return locale.toString(QDate(value.year, value.month, 1), "MMM yyyy")

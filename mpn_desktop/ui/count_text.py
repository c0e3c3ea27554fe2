"""A count the window writes into a sentence, with the locale's thousands separator.

"1,200 added" in English, "1.200 hinzugefügt" in German, as the tables write figures and
the translations' numerus forms write ``%Ln``: a plain ``{count}`` read "1200" beside them.
Positions (line, step and batch numbers) stay plain and do not come here.
"""

from __future__ import annotations

from mpn_desktop.domain import wording
from mpn_desktop.ui import locale_text


def count(value: int) -> str:
    """``value`` with the locale's thousands separator: 1200 -> "1,200" ("1.200" in German)."""
    return wording.number(value, 0, locale_text.figures())

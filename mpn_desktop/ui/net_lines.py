"""How a designation metric's net figure comes about, picked from its notes for the status panel.

A net metric ("34 of 3 customers") reads as a mistake beside the 141 customers counted now
unless it says how it comes about: the tree writes that as a note after the catalogue's own
("141 customers now - 107 a year earlier = net 34 (56 new, 22 lost)",
``domain.net_adds.net_sentences``). The panel shows those sentences under the figures and
leaves the catalogue's note in the tooltip; they are told apart by the net sentence's form
in the window's language, which costs nothing, where reading each metric's evidence to count
it again cost 0.3-1.6 ms a metric on the large organisation at every redraw.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from mpn_desktop.domain.vocabulary import _, language

_NET_SENTENCE = "{now} now - {before} a year earlier = net {net} ({new} new, {lost} lost)"
"""``domain.net_adds``' sentence as its translations know it (the same text, untranslated)."""


@lru_cache(maxsize=4)
def _net_form(chosen_language: str) -> re.Pattern[str]:
    """The net sentence in ``chosen_language``, its figures any text; a part's label and a
    colon may come first (Security's Azure and Microsoft 365 customers)."""
    del chosen_language  # the cache's key: ``_`` translates into the language chosen
    words = re.split(r"\{\w+\}", _(_NET_SENTENCE))
    return re.compile("(?:.+: )?" + ".+?".join(re.escape(part) for part in words))


def net_lines(notes: Sequence[str]) -> list[str]:
    """The notes that say how a net figure comes about, in their order."""
    form = _net_form(language())
    return [note for note in notes if form.fullmatch(note)]

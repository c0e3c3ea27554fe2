"""How figures and requirements are written in sentences a person can act on."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from mpn_desktop.domain.catalog import Source
from mpn_desktop.domain.enums import Association
from mpn_desktop.domain.vocabulary import _, ngettext

_ASSOCIATION_NAMES = {
    Association.DPOR: "DPOR",
    Association.DELEGATED_ADMIN: "delegated admin",
    Association.TRANSACTING: "transacting",
    Association.FASTTRACK: "FastTrack",
    Association.CPOR: "CPOR",
    Association.PAL: "PAL",
}
# Catalogue order is a set; sentences list associations in one stable order.
_ASSOCIATION_ORDER = tuple(_ASSOCIATION_NAMES)


def number(value: Decimal | int) -> str:
    """1234 -> "1,234"; 1234.5 -> "1,234.50"."""
    amount = Decimal(value)
    if amount == amount.to_integral_value():
        return f"{amount:,.0f}"
    return f"{amount:,.2f}"


def money(value: Decimal | int) -> str:
    """An amount in US dollars: "US$ 3,200"."""
    return f"US$ {number(value)}"


_SINGULARS = {
    "people": "person",
    "references": "reference",
    "customers": "customer",
    "users": "user",
    "measures": "measure",
    "entitlements": "entitlement",
    "seats": "seat",
}
"""The plural nouns of the steps' units and of the measures' descriptions, and their singulars."""


def unit_of(count: Decimal | int, unit: str) -> str:
    """The unit as it reads after ``count``: "1 person", "2 people", "1 active user"."""
    if unit == "people":
        return ngettext("person", "people", count)
    if unit == "references":
        return ngettext("reference", "references", count)
    return counted(count, unit)


def figure(value: Decimal | int, unit: str) -> str:
    """An amount in its unit: "US$ 3,200", "12 customers", "1 person"."""
    return money(value) if unit == "USD" else f"{number(value)} {unit_of(value, unit)}"


def have_of_need(have: Decimal | int, need: Decimal | int, unit: str) -> str:
    """A step's figures: "US$ 77,000 of US$ 15,000", "4 of 3 references", "1 of 1 person"."""
    if unit == "USD":
        return _("{have} of {need}").format(have=money(have), need=money(need))
    # "3 of 5 references" reads better than "3 references of 5 references".
    return _("{have} of {need}").format(have=number(have), need=figure(need, unit))


def plural(count: int | Decimal, one: str, many: str) -> str:
    """``one`` for exactly 1, else ``many``."""
    return one if count == 1 else many


def counted(count: int | Decimal, description: str) -> str:
    """A catalogue description ("new EMS customers") as it reads after ``count``.

    The catalogue writes its measures in the plural; one of them reads in the
    singular ("1 more new EMS customer", "1 more Office 365 active entitlement
    (paid active user)"). Words the catalogue may add later stay as written.
    """
    if count != 1:
        return description
    words = description.split(" ")
    return " ".join(
        word.replace(core, _SINGULARS[core], 1)
        if (core := word.strip("()")) in _SINGULARS
        else word
        for word in words
    )


def associations(accepted: Iterable[Association]) -> str:
    """ "DPOR or transacting"."""
    chosen = set(accepted)
    names = [_ASSOCIATION_NAMES[item] for item in _ASSOCIATION_ORDER if item in chosen]
    if len(names) <= 2:
        return _(" or ").join(names)
    return ", ".join(names[:-1]) + _(" or ") + names[-1]


class Note(str):
    """A catalogue note and where it comes from, read as the sentence "note (source: X)".

    A ``str``, so every view that shows notes as text (the panel's tooltips, the
    status document) reads it as before; ``text`` and ``source`` hold the two
    parts as data, so the checklist's footnotes never split the sentence again.
    """

    text: str
    source: str

    def __new__(cls, text: str, source: str = "") -> Note:
        note = super().__new__(cls, f"{text} (source: {source})" if source else text)
        note.text = text
        note.source = source
        return note


def with_source(note: str, source: Source | None) -> Note:
    """A catalogue note with the source it comes from, for footnotes."""
    return Note(note, str(source) if source is not None else "")

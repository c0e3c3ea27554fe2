"""What the user reads, written in one place: figures, money, days, months, plurals and labels.

The sentences the domain and the reports build write their figures and days
the way the chosen language does (``vocabulary.language()``): "1,250.50" and
2018-03-01 in English, as the program always has; "1.250,50" and 01.03.2018 in
German. The window writes its tables' figures with the same functions, passing
the separators of the user's locale (``ui.locale_text.figures()``). The JSON
documents never come through here: they keep their machine formats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from mpn_desktop.domain.catalog import Source
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Association
from mpn_desktop.domain.vocabulary import N_, Nn_, Npn_, _, language, ngettext, npgettext

_ASSOCIATION_NAMES = {
    Association.DPOR: "DPOR",
    Association.DELEGATED_ADMIN: N_("delegated admin"),
    Association.TRANSACTING: N_("transacting"),
    Association.FASTTRACK: "FastTrack",
    Association.CPOR: "CPOR",
    Association.PAL: "PAL",
}
# Catalogue order is a set; sentences list associations in one stable order.
_ASSOCIATION_ORDER = tuple(_ASSOCIATION_NAMES)


@dataclass(frozen=True)
class Figures:
    """How figures are written: the decimal point and the thousands separator."""

    point: str = "."
    group: str = ","


ENGLISH_FIGURES = Figures(".", ",")
GERMAN_FIGURES = Figures(",", ".")
_FIGURES_OF = {"en": ENGLISH_FIGURES, "de": GERMAN_FIGURES}


def language_figures() -> Figures:
    """The separators of the language the sentences are written in."""
    return _FIGURES_OF.get(language(), ENGLISH_FIGURES)


def number(
    value: Decimal | int, decimals: int | None = None, figures: Figures | None = None
) -> str:
    """1234 -> "1,234"; 1234.5 -> "1,234.50" ("1.234,50" in German).

    Cents only when there are any unless ``decimals`` is given. Written by
    Python (``Decimal``, never a float) so a large amount keeps every cent.
    """
    amount = Decimal(value)
    if decimals is None:
        decimals = 0 if amount == amount.to_integral_value() else 2
    text = f"{amount:,.{decimals}f}"
    written = figures or language_figures()
    if written == ENGLISH_FIGURES:
        return text
    return text.translate(str.maketrans(",.", written.group + written.point))


def shown_points(value: Fraction, figures: Figures | None = None) -> str:
    """Points as people read them: one decimal ("13.3", "13,3" in German), whole ones without.

    ``figures``: the separators to write them with (the window's locale), else the language's.
    """
    if value.denominator == 1:
        # Whole points (most of them) written straight: no Decimal division and rounding.
        return number(value.numerator, 0, figures)
    rounded = rounded_points(value)
    return number(rounded, 0 if rounded == rounded.to_integral_value() else 1, figures)


def rounded_points(value: Fraction) -> Decimal:
    """Points (or a catalogue figure) to the one decimal they are shown with: 20/3 -> 6.7."""
    return round(Decimal(value.numerator) / Decimal(value.denominator), 1)


def money(value: Decimal | int, decimals: int | None = None, figures: Figures | None = None) -> str:
    """An amount in US dollars: "US$ 3,200" ("US$ 3.200" in German)."""
    return f"US$ {number(value, decimals, figures)}"


MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
"""The months' names in English, translated where shown (strftime's follow the system locale)."""


def month_name(month: int) -> str:
    """January to December (1-12) in the chosen language."""
    return _(MONTHS[month - 1])


def month_and_year(value: Month) -> str:
    """A month in a sentence: 2018-02 in English (as always), "Februar 2018" in German."""
    if language() == "de":
        return f"{month_name(value.month)} {value.year}"
    return str(value)


def day(value: date) -> str:
    """A day in a sentence or a table: 2018-03-01 in English (ISO, as always), 01.03.2018 in German.

    English keeps ISO days: American and British readers would each misread the
    other's 3/1.
    """
    if language() == "de":
        return f"{value.day:02}.{value.month:02}.{value.year}"
    return value.isoformat()


def long_day(value: date) -> str:
    """A day in a heading ("as of ..."): 2018-03-15 in English, "15. März 2018" in German."""
    if language() == "de":
        return f"{value.day}. {month_name(value.month)} {value.year}"
    return value.isoformat()


# "15.000" or "1.250.000": groups of three after a separator, nothing else.
_GROUPED = {".": re.compile(r"\d{1,3}(\.\d{3})+"), ",": re.compile(r"\d{1,3}(,\d{3})+")}
_SPACES = str.maketrans("", "", " \u00a0\u202f'")


def plain_figures(text: str, figures: Figures) -> str:
    """Typed figures made plain for ``Decimal``/``int``: "1.250,50" in German is "1250.50".

    A comma or point is read as ``figures``' decimal point or thousands
    separator; a plain figure ("1250.50") is kept as it is whatever the
    separators. Text that is no figure comes back for the caller to refuse.
    """
    point, group = figures.point, figures.group
    text = text.translate(_SPACES)
    if point == ",":
        if "," in text:
            return text.replace(".", "").replace(",", ".")
        # "15.000" is fifteen thousand to a German reader; as a plain figure its
        # three decimals would be refused anyway, so it is not ambiguous.
        return text.replace(".", "") if _GROUPED["."].fullmatch(text) else text
    return text.replace(group, "") if group in (",", ".") and group != point else text


_LEVEL_LABELS = {"silver": N_("Silver"), "gold": N_("Gold")}


def level_label(value: str) -> str:
    """A level ("silver", "gold") as a heading or label: "Silver" ("Silber" in German)."""
    return _(_LEVEL_LABELS[value]) if value in _LEVEL_LABELS else value.capitalize()


def level_word(value: str) -> str:
    """A level ("silver", "gold") as it reads inside a sentence in the chosen language."""
    words = {"silver": _("silver"), "gold": _("gold")}
    return words.get(value, value)


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


_UNIT_WORDS = {
    "people": Nn_("person", "people"),
    "references": Nn_("reference", "references"),
    "customers": Nn_("customer", "customers"),
    "measures": Nn_("measure", "measures"),
    "workloads": Nn_("workload", "workloads"),
    "percent": Nn_("percent", "percent"),
    "active users": Nn_("active user", "active users"),
    "users": Nn_("user", "users"),
    "points": Nn_("point", "points"),
    "services": Nn_("service", "services"),
    "lines": Nn_("line", "lines"),
    "usage rows": Nn_("usage row", "usage rows"),
    "subscriptions": Nn_("subscription", "subscriptions"),
    "months": Nn_("month", "months"),
    "paid seats": Nn_("paid seat", "paid seats"),
}
"""The steps' units and the nouns an import counts, singular and plural, after a figure."""

_UNIT_WORDS_AFTER_OF = {
    "active users": Npn_("after of", "active user", "active users"),
    "users": Npn_("after of", "user", "users"),
    "points": Npn_("after of", "point", "points"),
    "services": Npn_("after of", "service", "services"),
}
"""The units whose words change after "N of" (German's dative: "von 2.000 aktiven Benutzern")."""


def unit_of(count: Decimal | int, unit: str) -> str:
    """The unit as it reads after ``count``: "1 person", "2 people", "1 active user"."""
    words = _UNIT_WORDS.get(unit)
    return ngettext(*words, count) if words else counted(count, unit)


def unit_after_of(count: Decimal | int, unit: str) -> str:
    """The unit after "N of M": "2 of 3 references"; German puts some in the dative (Benutzern)."""
    words = _UNIT_WORDS_AFTER_OF.get(unit)
    return npgettext(*words, count) if words else unit_of(count, unit)


def figure(value: Decimal | int, unit: str) -> str:
    """An amount in its unit: "US$ 3,200", "12 customers", "1 person"; a bare figure without one."""
    if unit == "USD":
        return money(value)
    words = unit_of(value, unit)
    return f"{number(value)} {words}" if words else number(value)


def have_of_need(
    have: Decimal | int, need: Decimal | int, unit: str, figures: Figures | None = None
) -> str:
    """A step's figures: "US$ 77,000 of US$ 15,000", "4 of 3 references", "1 of 1 person".

    ``figures``: the separators to write them with (the window's locale), else the language's.
    """
    if unit == "USD":
        return _("{have} of {need}").format(
            have=money(have, figures=figures), need=money(need, figures=figures)
        )
    # "3 of 5 references" reads better than "3 references of 5 references".
    need_text = f"{number(need, figures=figures)} {unit_after_of(need, unit)}"
    return _("{have} of {need}").format(have=number(have, figures=figures), need=need_text)


def once_steps_met(figures: str) -> str:
    """A step-gated metric's have/need while a step is short: "5 of 4 people (once the steps
    are met)" (the final list's holders score nothing before)."""
    return _("{figures} (once the steps are met)").format(figures=figures)


PARTS_IN_POINTS = "points"
"""The unit of a designation metric whose parts are in different units (Security's usage
growth: US$ and users): its parts' points added up are its one figure."""


def metric_have_of_need(
    have: Decimal | int,
    need: Decimal | int,
    unit: str,
    *,
    gated: bool,
    figures: Figures | None = None,
) -> str | None:
    """A designation metric's have and need in its unit, as every view writes them: "4 of 3
    customers", "5 of 4 people (once the steps are met)" while a prerequisite step is short
    (``gated``); None for a metric of parts in different units, which has no figure beside
    its points. ``figures``: the separators to write them with (the window's locale)."""
    if unit == PARTS_IN_POINTS:
        return None
    text = have_of_need(have, need, unit, figures)
    return once_steps_met(text) if gated else text


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


def and_list(items: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C" ("" for none)."""
    return _joined(items, _(" and "))


NAMED = 10
"""A long list of names is counted and only its first ten named: a large organisation's
hundreds of customers and people, one a line, made a checklist of 78 pages."""


def named_list(names: Sequence[str], heading: str) -> str:
    """ "22 customers lost: Customer 0017, ... and 12 more": ``heading``, then the first
    ``NAMED`` names and how many more (every name when there are no more than that)."""
    shown = ", ".join(names[:NAMED])
    rest = len(names) - NAMED
    if rest <= 0:
        return _("{heading}: {names}").format(heading=heading, names=shown)
    return _("{heading}: {names} and {rest} more").format(
        heading=heading, names=shown, rest=number(rest)
    )


def or_list(items: Sequence[str]) -> str:
    """ "A", "A or B", "A, B or C" ("" for none): every list of alternatives reads the same."""
    return _joined(items, _(" or "))


def _joined(items: Sequence[str], last: str) -> str:
    """The items with commas between them and ``last`` (" and ", " or ") before the last."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + last + items[-1]


def associations(accepted: Iterable[Association]) -> str:
    """ "DPOR or transacting", "CPOR, CSP or DPOR"."""
    chosen = set(accepted)
    return or_list([_(_ASSOCIATION_NAMES[item]) for item in _ASSOCIATION_ORDER if item in chosen])


class Note(str):
    """A catalogue note and where it comes from, read as the sentence "note (source: X)".

    A ``str``, so every view that shows notes as text (the panel's tooltips, the
    status document) reads it as before; ``text`` and ``source`` hold the two
    parts as data, so the checklist's footnotes never split the sentence again.
    """

    text: str
    source: str

    def __new__(cls, text: str, source: str = "") -> Note:
        shown = _("{note} (source: {source})").format(note=text, source=source)
        note = super().__new__(cls, shown if source else text)
        note.text = text
        note.source = source
        return note


def with_source(note: str, source: Source | None) -> Note:
    """A catalogue note with the source it comes from, for footnotes."""
    return Note(note, source_text(source) if source is not None else "")


def source_text(source: Source) -> str:
    """A source document as a note cites it: its title, and its day the language's way.

    "Partner Center: Cloud Platform competency, 2017-12-15" in English (as
    always), "..., 15.12.2017" in German; a day the file does not write as ISO
    stays as written.
    """
    try:
        published = day(date.fromisoformat(source.published))
    except ValueError:
        return str(source)
    return f"{source.title}, {published}"

"""Which program's rules apply on a day, chosen among catalogues with their effective dates.

The 2017-2018 competencies end on their catalogue's last day; the Solutions
Partner catalogues follow one another. Between the two programs no catalogue
is shipped: the choice says so plainly and takes the nearest one.

The rule reads only a catalogue's version and dates (``Dated``): the shipped
catalogues are chosen among by those alone, and only the one chosen is read in full.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar

from mpn_desktop.domain.designations import ScoredCatalog, in_force
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.domain.wording import day as shown_day


class Dated(Protocol):
    """What the choice reads of a catalogue: its version and its effective dates."""

    @property
    def version(self) -> str:
        """As the notes name it ("2023-06")."""

    @property
    def effective_from(self) -> date:
        """Its first day."""

    @property
    def effective_until(self) -> date | None:
        """Its last day; None while it is in force."""


class Shipped(Dated, Protocol):
    """A catalogue known by its version and dates, read in full only once it is chosen
    (``programs.ShippedCatalog``): the window chooses among the shipped ones so."""

    def scored(self) -> ScoredCatalog:
        """The whole catalogue (parsed at the first call, once for every thread)."""


D = TypeVar("D", bound=Dated)


@dataclass(frozen=True, slots=True)
class ProgramOnDay:
    """The Solutions Partner catalogue to use (None: the 2017-2018 competencies) and why."""

    scored: ScoredCatalog | None
    notes: tuple[str, ...] = ()


def in_full(catalogue: ScoredCatalog | Shipped) -> ScoredCatalog:
    """The whole catalogue of one already read, or of one known by its dates alone."""
    return catalogue if isinstance(catalogue, ScoredCatalog) else catalogue.scored()


def choose_program(
    day: date, scored: Sequence[ScoredCatalog | Shipped], competencies_end: date | None
) -> ProgramOnDay:
    """The catalogue in force on ``day``, or the nearest one with a note saying so; of
    catalogues known by their dates alone, only the one chosen is read in full."""
    chosen, notes = chosen_on(day, scored, competencies_end)
    return ProgramOnDay(None if chosen is None else in_full(chosen), notes)


def chosen_on(
    day: date, catalogues: Sequence[D], competencies_end: date | None
) -> tuple[D | None, tuple[str, ...]]:
    """Of ``catalogues``, the one in force on ``day`` or the nearest (None: the 2017-2018
    competencies, which end on ``competencies_end``), with the notes saying why."""
    shipped = sorted(catalogues, key=lambda c: c.effective_from)
    if not shipped:
        return None, ()
    current = [c for c in shipped if in_force(c.effective_from, c.effective_until, day)]
    if current:
        return current[-1], ()
    first = shipped[0]
    if day >= first.effective_from:
        latest = [c for c in shipped if c.effective_from <= day][-1]
        return latest, (
            _(
                "No catalogue of the program is shipped for {day}; the rules of the latest "
                "one, {version} (from {since}), are used."
            ).format(
                day=shown_day(day),
                version=latest.version,
                since=shown_day(latest.effective_from),
            ),
        )
    if competencies_end is None or day <= competencies_end:
        return None, ()
    gap = _(
        "No catalogue is shipped for {day}: the 2017-2018 competencies end on "
        "{end} and the Solutions Partner designations begin on {begin}."
    ).format(
        day=shown_day(day), end=shown_day(competencies_end), begin=shown_day(first.effective_from)
    )
    if (day - competencies_end) <= (first.effective_from - day):
        shown = _("Shown: the nearest, the 2017-2018 competencies.")
        return None, (f"{gap} {shown}",)
    shown = _("Shown: the nearest, the Solutions Partner rules of {version}.").format(
        version=first.version
    )
    return first, (f"{gap} {shown}",)

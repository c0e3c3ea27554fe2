"""Which program's rules apply on a day, chosen among catalogues with their effective dates.

The 2017-2018 competencies end on their catalogue's last day; the Solutions
Partner catalogues follow one another. Between the two programs no catalogue
is shipped: the choice says so plainly and takes the nearest one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.domain.wording import day as shown_day


@dataclass(frozen=True, slots=True)
class ProgramOnDay:
    """The Solutions Partner catalogue to use (None: the 2017-2018 competencies) and why."""

    scored: ScoredCatalog | None
    notes: tuple[str, ...] = ()


def choose_program(
    day: date, scored: Sequence[ScoredCatalog], competencies_end: date | None
) -> ProgramOnDay:
    """The catalogue in force on ``day``, or the nearest one with a note saying so."""
    shipped = sorted(scored, key=lambda c: c.effective_from)
    if not shipped:
        return ProgramOnDay(None)
    in_force = [c for c in shipped if c.in_force_on(day)]
    if in_force:
        return ProgramOnDay(in_force[-1])
    first = shipped[0]
    if day >= first.effective_from:
        latest = [c for c in shipped if c.effective_from <= day][-1]
        return ProgramOnDay(
            latest,
            (
                _(
                    "No catalogue of the program is shipped for {day}; the rules of the latest "
                    "one, {version} (from {since}), are used."
                ).format(
                    day=shown_day(day),
                    version=latest.version,
                    since=shown_day(latest.effective_from),
                ),
            ),
        )
    if competencies_end is None or day <= competencies_end:
        return ProgramOnDay(None)
    gap = _(
        "No catalogue is shipped for {day}: the 2017-2018 competencies end on "
        "{end} and the Solutions Partner designations begin on {begin}."
    ).format(
        day=shown_day(day), end=shown_day(competencies_end), begin=shown_day(first.effective_from)
    )
    if (day - competencies_end) <= (first.effective_from - day):
        shown = _("Shown: the nearest, the 2017-2018 competencies.")
        return ProgramOnDay(None, (f"{gap} {shown}",))
    shown = _("Shown: the nearest, the Solutions Partner rules of {version}.").format(
        version=first.version
    )
    return ProgramOnDay(first, (f"{gap} {shown}",))

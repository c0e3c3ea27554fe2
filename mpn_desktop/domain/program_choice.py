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
                f"No catalogue of the program is shipped for {day}; the rules of the latest "
                f"one, {latest.version} (from {latest.effective_from}), are used.",
            ),
        )
    if competencies_end is None or day <= competencies_end:
        return ProgramOnDay(None)
    gap = (
        f"No catalogue is shipped for {day}: the 2017-2018 competencies end on "
        f"{competencies_end} and the Solutions Partner designations begin on "
        f"{first.effective_from}."
    )
    if (day - competencies_end) <= (first.effective_from - day):
        return ProgramOnDay(None, (f"{gap} Shown: the nearest, the 2017-2018 competencies.",))
    return ProgramOnDay(
        first, (f"{gap} Shown: the nearest, the Solutions Partner rules of {first.version}.",)
    )

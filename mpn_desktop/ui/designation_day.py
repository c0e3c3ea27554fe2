"""The day's Solutions Partner scores as the window shows and prints them: the window's
context handed to ``reports.scored_day``, the one maker of them (``status`` and the checklist
command use it too)."""

from __future__ import annotations

from datetime import date

from mpn_desktop.domain.facts import Facts
from mpn_desktop.domain.requirement_tree import RequirementTree
from mpn_desktop.reports.scored_day import score_day
from mpn_desktop.ui.context import AppContext


def designation_tree_on(
    context: AppContext, facts: Facts, as_of: date | None = None
) -> RequirementTree | None:
    """The scores of ``as_of`` (by default ``context``'s as-of day; the window's worker thread
    scores the day asked for while the window's day may move on) from ``facts`` (read from
    ``usage_start`` of the day on); None on a day of the 2017-2018 competencies."""
    if as_of is None:
        as_of = context.as_of
    names = {c.id: c.name for c in context.catalog.competencies}
    scored = score_day(
        context.program_on(as_of),
        facts,
        as_of,
        names,
        lambda day: context.program_on(day).scored,
    )
    return None if scored is None else scored.tree()

"""The day's Solutions Partner scores as the window shows and prints them: the window's
context handed to ``reports.scored_day``, the one maker of them (``status`` and the checklist
command use it too).

``DayScores`` keeps the last scores with what they were made from: an edit that changed
none of the facts the designations read (a customer reference: only the 2017-2018
competencies count references) hands back the very scores rather than scoring every
designation again (20-30 ms on a large organisation's 2026 day).
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from mpn_desktop.domain.facts import Facts
from mpn_desktop.domain.requirement_tree import RequirementTree
from mpn_desktop.reports.scored_day import score_day
from mpn_desktop.ui.context import AppContext

UNREAD_FIELDS = frozenset({"references", "kept"})
"""The facts no designation score reads (``kept`` is worked out from the others). Every
other field, a new one too, is taken as read: the scores are made again when it changes."""

_READ_FIELDS = tuple(f.name for f in fields(Facts) if f.name not in UNREAD_FIELDS)


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


class DayScores:
    """The scores of a day (``designation_tree_on``), the last ones kept with the day and the
    facts' fields they were made from, handed back while those are the very same objects.

    A reload after an edit replaces only the tuples of the records it read again (the
    others are shared, ``LoadedFacts``), so the fields' identity says what changed. The
    context's catalogues are fixed for its life: the context's identity stands for them.
    Used from the GUI thread and the worker's (one evaluation at a time): the last entry is
    read and replaced whole.
    """

    def __init__(self, context: AppContext) -> None:
        self._context = context
        self._last: tuple[date, tuple[object, ...], RequirementTree | None] | None = None

    def tree_on(self, facts: Facts, as_of: date) -> RequirementTree | None:
        """``designation_tree_on(context, facts, as_of)``, the kept scores when they are of
        ``as_of`` and of the same facts as far as the scores read them."""
        sources = tuple(getattr(facts, name) for name in _READ_FIELDS)
        last = self._last
        if (
            last is not None
            and last[0] == as_of
            and all(a is b for a, b in zip(last[1], sources, strict=True))
        ):
            return last[2]
        tree = designation_tree_on(self._context, facts, as_of)
        self._last = (as_of, sources, tree)
        return tree

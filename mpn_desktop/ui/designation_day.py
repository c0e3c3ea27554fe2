"""The day's Solutions Partner scores as the window shows and prints them (one way to make them,
for the status panel's source and the checklist)."""

from __future__ import annotations

from mpn_desktop.domain.designation_score import aimed_designations, score_designations
from mpn_desktop.domain.designation_tree import designation_fee_status, designation_tree
from mpn_desktop.domain.facts import Facts
from mpn_desktop.domain.requirement_tree import RequirementTree
from mpn_desktop.ui.context import AppContext


def designation_tree_on(context: AppContext, facts: Facts) -> RequirementTree | None:
    """The scores of ``context``'s as-of day from ``facts`` (read from ``usage_start`` of the
    day on); None on a day of the 2017-2018 competencies."""
    as_of = context.as_of
    program = context.program_on(as_of)
    if program.scored is None:
        return None
    names = {c.id: c.name for c in context.catalog.competencies}
    targets, carried = aimed_designations(program.scored, facts, names)
    scores = score_designations(
        program.scored, facts, as_of, targets, lambda day: context.program_on(day).scored
    )
    fee = designation_fee_status(program.scored, facts.organization, facts.fee_payments, as_of)
    return designation_tree(
        facts.organization, as_of, scores, program.notes, information=carried, fee=fee
    )

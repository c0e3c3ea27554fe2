"""A step-gated metric's prerequisite steps as every view shows them: where its points come from.

SOLUTIONS-PARTNER.md § 1.7: the skilling metrics of the Azure areas and Security need a
minimum of distinct people on each prerequisite step before the final step's people earn
points. On the SMB tracks a met prerequisite step is worth points of its own (4), so "0 of 4
people, 4 of 20 points" is right and reads as a mistake unless the step says so; on
Enterprise a step short makes the metric 0 whatever the final step's people, and the user
must see which step is short. Each step becomes a node under its metric (the catalogue's
worth of a met step as its ``max_points``), and one wording serves the ``status`` text,
the checklist and the panel (briefly there: the certifications' names go in its tooltip).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from mpn_desktop.domain.designation_missing import points_text
from mpn_desktop.domain.designation_results import MetricScore
from mpn_desktop.domain.requirement_tree import NodeKind, RequirementNode
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.domain.wording import Figures, figure, have_of_need, number, unit_of

_ZERO = Decimal(0)


def step_nodes(metric: MetricScore) -> tuple[RequirementNode, ...]:
    """A node per prerequisite step: its certifications, the people holding one and the
    people it needs, met or not, and its points (of what it is worth once met)."""
    return tuple(
        RequirementNode(
            kind=NodeKind.STEP,
            id=f"step-{number}",
            label=names,
            met=met,
            have=Decimal(have),
            need=Decimal(need),
            unit="people",
            points=_decimal(worth) if met else _ZERO,
            max_points=_decimal(worth),
        )
        for number, ((names, have, need, met), worth) in enumerate(
            zip(metric.steps, metric.step_points, strict=True), start=1
        )
    )


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def step_text(number_: int, step: RequirementNode) -> str:
    """A prerequisite step in full (the ``status`` text, the panel's tooltip): "Prerequisite
    step 1, Azure Administrator Associate (AZ-104): met, 591 people (1 needed): 4 points"; a
    step short on Enterprise: "...: short, 1 person (2 needed): the metric scores nothing until
    this step has 2 people"."""
    have, need, worth = _figures(step)
    fields = {
        "number": number(number_),
        "certifications": step.label,
        "people": figure(have, step.unit),
        "need": number(need),
    }
    if step.met and worth > 0:
        said = _(
            "Prerequisite step {number}, {certifications}: met, {people} ({need} needed): {points}"
        )
    elif step.met:
        said = _("Prerequisite step {number}, {certifications}: met, {people} ({need} needed)")
    elif worth > 0:
        # SMB: the step's own points; the final step's people wait on every step.
        said = _(
            "Prerequisite step {number}, {certifications}: short, {people} ({need} needed): "
            "{points} once met; until then the final step's people score nothing"
        )
    else:
        # Enterprise (and 2023's single track): the whole metric waits on the step.
        said = _(
            "Prerequisite step {number}, {certifications}: short, {people} ({need} needed): "
            "the metric scores nothing until this step has {needed}"
        )
    return said.format(**fields, points=_points(worth), needed=figure(need, step.unit))


def step_heading(number_: int, step: RequirementNode) -> str:
    """A prerequisite step as the checklist's line names it: "Prerequisite step 1: Azure
    Administrator Associate (AZ-104)" (its figures beside it: ``step_figures``)."""
    return _("Prerequisite step {number}: {certifications}").format(
        number=number(number_), certifications=step.label
    )


def step_figures(step: RequirementNode, figures: Figures | None = None) -> str:
    """A step's people and points, briefly: "591 people, 4 points", "591 people" (met, no
    points of its own), "0 of 1 person; 4 points once met", "1 of 2 people; no points until
    met". ``figures``: the separators to write them with (the window's locale)."""
    have, need, worth = _figures(step)
    if step.met:
        people = f"{number(have, figures=figures)} {unit_of(have, step.unit)}"
        if worth > 0:
            return _("{people}, {points}").format(people=people, points=_points(worth, figures))
        return people
    short = have_of_need(have, need, step.unit, figures)
    if worth > 0:
        return _("{people}; {points} once met").format(people=short, points=_points(worth, figures))
    return _("{people}; no points until met").format(people=short)


def step_consequence(step: RequirementNode) -> str:
    """What a short step holds back, as the checklist says it under the step: "The final
    step's people score nothing until this step has 1 person" (SMB: the step's own points
    come once met), "The metric scores nothing until this step has 2 people" (Enterprise);
    "" for a met step."""
    if step.met:
        return ""
    needed = figure(step.need or _ZERO, step.unit)
    if (step.max_points or _ZERO) > 0:
        return _("The final step's people score nothing until this step has {needed}").format(
            needed=needed
        )
    return _("The metric scores nothing until this step has {needed}").format(needed=needed)


def brief_step_text(number_: int, step: RequirementNode, figures: Figures | None = None) -> str:
    """A prerequisite step on one short line, for the narrow status panel: "Step 1 met: 591
    people, 4 points", "Step 2 short: 1 of 2 people; no points until met"."""
    said = _("Step {number} met: {figures}") if step.met else _("Step {number} short: {figures}")
    return said.format(number=number_, figures=step_figures(step, figures))


def _figures(step: RequirementNode) -> tuple[Decimal, Decimal, Decimal]:
    """The step's people, the people it needs and the points it is worth once met."""
    return step.have or _ZERO, step.need or _ZERO, step.max_points or _ZERO


def _points(value: Decimal, figures: Figures | None = None) -> str:
    return points_text(Fraction(value), figures)

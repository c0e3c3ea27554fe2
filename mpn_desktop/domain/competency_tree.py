"""The 2017-2018 competencies' ``Progress`` as the requirement tree every view draws.

Competency -> level (silver, gold; the option used or the closest one) ->
step (performance, exams, references, fee) -> measure (a step of several
measures, EMM). Nothing is worked out again: each node takes the figures,
sentences and evidence the evaluation found.
"""

from __future__ import annotations

from mpn_desktop.domain.enums import StepKind
from mpn_desktop.domain.identity_memo import IdentityMemo
from mpn_desktop.domain.progress import (
    CompetencyProgress,
    LevelProgress,
    OptionProgress,
    Progress,
    StepProgress,
)
from mpn_desktop.domain.requirement_tree import NodeKind, RequirementNode, RequirementTree
from mpn_desktop.domain.vocabulary import N_, _
from mpn_desktop.domain.wording import level_label

PROGRAM = "mpn-competencies"

STEP_LABELS = {
    StepKind.PERFORMANCE: N_("Sales performance"),
    StepKind.EXAMS: N_("Technical exams"),
    StepKind.REFERENCES: N_("Customer references"),
    StepKind.FEE: N_("Competency fee"),
}
"""The steps' names in English; the nodes carry them in the chosen language."""


def step_node(step: StepProgress) -> RequirementNode:
    """One step; a step of several measures has one child per measure."""
    return RequirementNode(
        kind=NodeKind.STEP,
        id=step.step.value,
        label=_(STEP_LABELS[step.step]),
        met=step.met,
        have=step.have,
        need=step.need,
        unit=step.unit,
        description=step.description,
        missing=step.missing,
        evidence=step.evidence,
        notes=step.notes,
        children=tuple(_measure_node(part, index) for index, part in enumerate(step.parts, 1)),
        candidates=step.candidates,
    )


def _measure_node(part: StepProgress, number: int) -> RequirementNode:
    return RequirementNode(
        kind=NodeKind.MEASURE,
        id=f"{part.step.value}-{number}",
        label=part.description,
        met=part.met,
        have=part.have,
        need=part.need,
        unit=part.unit,
        description=part.description,
        missing=part.missing,
        evidence=part.evidence,
        notes=part.notes,
    )


def level_node(level: LevelProgress, targeted: bool) -> RequirementNode:
    """A level: attained through an option, or the closest option's steps and gaps.

    The level's other options are its ``alternatives``, each with its own steps.
    """
    return RequirementNode(
        kind=NodeKind.LEVEL,
        id=level.level.value,
        label=level_label(level.level.value),
        met=level.attained,
        missing=level.missing,
        children=tuple(step_node(step) for step in level.steps),
        targeted=targeted,
        way=level.option.name,
        ways=len(level.options),
        alternatives=tuple(
            _option_node(level, option)
            for option in level.options
            if option.option_id != level.option.option_id
        ),
    )


def _option_node(level: LevelProgress, option: OptionProgress) -> RequirementNode:
    return RequirementNode(
        kind=NodeKind.LEVEL,
        id=level.level.value,
        label=level_label(level.level.value),
        met=option.attained,
        missing=() if option.attained else tuple(s for step in option.steps for s in step.missing),
        children=tuple(step_node(step) for step in option.steps),
        way=option.name,
        ways=len(level.options),
    )


_NODES: IdentityMemo[tuple[CompetencyProgress], RequirementNode] = IdentityMemo(256)
"""The node of each competency result lately drawn (at most 256), by the result's identity:
the panel and every tab draw the same result after each evaluation, and an incremental
evaluation hands unchanged competencies on as they were, so their nodes (and the cards
drawn from them) are reused as they are."""


def competency_node(competency: CompetencyProgress) -> RequirementNode:
    """A competency: silver and gold, what is at risk, the catalogue's notes."""
    return _NODES.kept((competency,), lambda: _competency_node(competency))


def _competency_node(competency: CompetencyProgress) -> RequirementNode:
    levels = tuple(
        level_node(level, targeted=level.level is competency.target) for level in competency.levels
    )
    return RequirementNode(
        kind=NodeKind.COMPETENCY,
        id=competency.id,
        label=competency.name,
        met=any(level.met for level in levels),
        notes=competency.notes,
        children=levels,
        targeted=competency.target is not None,
        retired=competency.retired,
        at_risk=competency.at_risk,
    )


def requirement_tree(progress: Progress) -> RequirementTree:
    """The evaluation of one day as a tree of requirement nodes."""
    return RequirementTree(
        # The program's id of DESIGN.md, as the designations' tree gives "solutions-partner".
        program=PROGRAM,
        as_of=progress.as_of,
        organization=progress.organization,
        requirements=tuple(competency_node(item) for item in progress.competencies),
        fee=progress.fee,
        notes=progress.notes,
    )

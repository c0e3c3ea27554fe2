"""The program-neutral shape every view draws: a tree of requirement nodes (DESIGN.md).

A program's evaluation produces it: the 2017-2018 competencies (competency ->
level -> step -> measure) and the Solutions Partner program (designation ->
category -> metric, scored in points) fit the same node. The status panel, the
checklist, ``status`` and the tabs' summaries draw nodes; none of them parses a
sentence, and none needs to know which program made the tree.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from mpn_desktop.domain.evidence import Candidate, Evidence
from mpn_desktop.domain.facts import Organization
from mpn_desktop.domain.missing_lead import Lead
from mpn_desktop.domain.progress import AtRisk, FeeStatus
from mpn_desktop.domain.qualification_window import QualificationWindow


class NodeKind(Enum):
    """What a node stands for, so a view can choose how to draw it."""

    # 2017-2018 competencies.
    COMPETENCY = "competency"
    LEVEL = "level"
    STEP = "step"
    MEASURE = "measure"
    # Solutions Partner (from 2022-10): scored in points.
    DESIGNATION = "designation"
    CATEGORY = "category"
    METRIC = "metric"


@dataclass(frozen=True, slots=True)
class RequirementNode:
    """One requirement: its figures, whether it is met, what is missing and the facts behind it.

    ``id`` is stable within its parent (a competency or designation id, a level
    "silver", a step "performance", a metric id). ``have``/``need`` are in
    ``unit`` where the requirement is counted; ``points``/``max_points`` where
    it is scored. ``way`` names how a level is measured when there are several
    ways (the option used, or the closest one; a designation's better track)
    and ``ways`` how many there are; ``alternatives`` are the other ways, each
    a node of the same kind with its own figures and children. ``candidates``
    are who could give what is missing, best first (the customers to ask for
    a reference), so that a view can fill its form in without a sentence.
    """

    kind: NodeKind
    id: str
    label: str
    met: bool
    have: Decimal | None = None
    need: Decimal | None = None
    unit: str = ""
    points: Decimal | None = None
    max_points: Decimal | None = None
    description: str = ""
    missing: tuple[str, ...] = ()
    evidence: Sequence[Evidence] = ()
    notes: tuple[str, ...] = ()
    workings: tuple[str, ...] = ()
    """How the figure comes about where it is not a plain count ("141 customers now - 107 a
    year earlier = net 34 (56 new, 22 lost)"), for a view to show beside it; also among
    ``notes``, which every view prints."""
    children: tuple[RequirementNode, ...] = ()
    targeted: bool = False
    retired: bool = False
    way: str = ""
    ways: int = 1
    at_risk: tuple[AtRisk, ...] = ()
    alternatives: tuple[RequirementNode, ...] = ()
    candidates: Sequence[Candidate] = ()
    window: QualificationWindow | None = None
    """Where a qualification counts on any day of a window: its days and what was found."""
    suggestion: tuple[str, ...] = ()
    """A way to the qualifying score where it is scored (the cheapest), step by step."""
    missing_leads: tuple[Lead | None, ...] = ()
    """Where each of ``missing`` leads (the form that adds it), in the same order; () where
    the items lead nowhere known (a view then shows them as text)."""
    suggestion_leads: tuple[Lead | None, ...] = ()
    """Where each step of ``suggestion`` leads, in the same order."""
    gated: bool = False
    """``have`` counts only once prerequisite steps are met, and one is not (a step-gated
    skilling metric): views say so beside the figures, so "5 of 4 people" is not read as met."""

    @property
    def scored(self) -> bool:
        """Whether the requirement counts points rather than reaching a figure."""
        return self.max_points is not None

    @property
    def counted(self) -> bool:
        """Whether the node has a figure to reach (have of need)."""
        return self.have is not None and self.need is not None

    @property
    def target(self) -> RequirementNode | None:
        """The child the organisation aims for (a competency's target level), if any."""
        return next((child for child in self.children if child.targeted), None)

    def child(self, node_id: str) -> RequirementNode | None:
        """The child with that id, if there is one."""
        return next((child for child in self.children if child.id == node_id), None)

    def walk(self) -> Iterator[RequirementNode]:
        """This node, then its descendants depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class RequirementTree:
    """Everything a program's evaluation found for one organisation on one day, for drawing."""

    program: str
    as_of: date
    organization: Organization
    requirements: tuple[RequirementNode, ...]
    fee: FeeStatus | None = None
    notes: tuple[str, ...] = ()
    """What may make every figure differ (the day outside the catalogue's dates)."""
    information: tuple[str, ...] = ()
    """What holds for every figure and is worth knowing, no warning (targets carried over)."""

    @property
    def targeted(self) -> tuple[RequirementNode, ...]:
        """The top-level requirements the organisation aims for, in catalogue order."""
        return tuple(node for node in self.requirements if node.targeted)

    def requirement(self, node_id: str) -> RequirementNode | None:
        """A top-level requirement (competency, designation) by its id."""
        return next((node for node in self.requirements if node.id == node_id), None)

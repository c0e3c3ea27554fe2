"""What ``evaluate`` returns: per competency, level, option and step, how far the organisation is.

Frozen dataclasses only; ``mpn_desktop.domain.progress_json`` turns a
``Progress`` into the ``status --json`` document of DESIGN.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.domain.evidence import Candidate, Evidence
from mpn_desktop.domain.facts import Organization


@dataclass(frozen=True, slots=True)
class StepProgress:
    """One of the four steps of one option at one level.

    ``have`` and ``need`` are in ``unit`` (e.g. "USD", "people", "references",
    "customers", "active users"). A step with several measures that must all be
    met (EMM: new customers *and* active entitlements) lists them in ``parts``;
    its own ``have``/``need`` then count measures met / measures.
    ``candidates`` are who could give what is missing, best first (the
    customers to ask for a reference), empty when nothing is.
    """

    step: StepKind
    met: bool
    have: Decimal
    need: Decimal
    unit: str
    description: str
    evidence: Sequence[Evidence] = ()
    missing: tuple[str, ...] = ()
    parts: tuple[StepProgress, ...] = ()
    notes: tuple[str, ...] = ()
    candidates: Sequence[Candidate] = ()


@dataclass(frozen=True, slots=True)
class OptionProgress:
    """One option (path) of a competency at one level."""

    option_id: str
    name: str
    steps: tuple[StepProgress, ...]
    attained: bool

    def step(self, kind: StepKind) -> StepProgress | None:
        """The step of that kind; None for an option without steps (a retired competency)."""
        return next((step for step in self.steps if step.step is kind), None)


@dataclass(frozen=True, slots=True)
class LevelProgress:
    """A level of a competency: attained through one option, or the closest option's gaps."""

    level: Level
    attained: bool
    option: OptionProgress
    missing: tuple[str, ...]
    options: tuple[OptionProgress, ...]

    @property
    def steps(self) -> tuple[StepProgress, ...]:
        """The steps of the option used (or the closest one)."""
        return self.option.steps

    def step(self, kind: StepKind) -> StepProgress | None:
        """The step of that kind in the option used (or the closest one), if it has one."""
        return self.option.step(kind)


@dataclass(frozen=True, slots=True)
class AtRisk:
    """Something that stops counting before the next anniversary."""

    on: date
    what: str


@dataclass(frozen=True, slots=True)
class CompetencyProgress:
    """Silver and gold progress of one competency."""

    id: str
    name: str
    target: Level | None
    retired: bool
    levels: tuple[LevelProgress, ...]
    at_risk: tuple[AtRisk, ...] = ()
    notes: tuple[str, ...] = ()

    def level(self, level: Level) -> LevelProgress:
        """The progress at that level."""
        return next(item for item in self.levels if item.level is level)


@dataclass(frozen=True, slots=True)
class FeeYear:
    """One membership year's fee: what was paid for it and what is still owed at the target."""

    start: date
    end: date
    level_paid: Level | None
    """The highest level a payment for this year was made at (None: nothing paid)."""
    amount_paid_usd: Decimal
    owed_usd: Decimal | None
    """The fee of the highest level aimed at, when no payment covers it; None when unknown."""


@dataclass(frozen=True, slots=True)
class FeeStatus:
    """The next renewal of the competency fee, and the membership year of the as-of day.

    ``due_on`` is the first anniversary after the as-of day, ``level`` the
    highest level targeted, ``amount_usd`` the schedule in force on ``due_on``
    and ``paid`` whether a payment at that level or higher is recorded for the
    membership year starting on ``due_on``. ``current_year`` is the year that
    contains the as-of day (None while the anniversary is not known).
    """

    level: Level | None
    amount_usd: Decimal | None
    due_on: date | None
    paid: bool
    current_year: FeeYear | None = None


@dataclass(frozen=True, slots=True)
class CatalogInForce:
    """Which catalogue the figures come from, and the days it is in force."""

    program: str
    version: str
    effective_from: date
    effective_until: date | None

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls within the catalogue's effective dates."""
        return self.effective_from <= day and (
            self.effective_until is None or day <= self.effective_until
        )


@dataclass(frozen=True, slots=True)
class Progress:
    """Everything ``evaluate`` found for one organisation on one day."""

    as_of: date
    organization: Organization
    fee: FeeStatus
    competencies: tuple[CompetencyProgress, ...]
    catalog: CatalogInForce | None = None
    # Said once for the whole evaluation (e.g. the as-of day is outside the catalogue's dates).
    notes: tuple[str, ...] = ()

    def competency(self, competency_id: str) -> CompetencyProgress:
        """The progress of one competency by its kebab-case id; KeyError names an unknown one."""
        for item in self.competencies:
            if item.id == competency_id:
                return item
        raise KeyError(competency_id)  # as Catalog.competency: not a StopIteration

    @property
    def targeted(self) -> tuple[CompetencyProgress, ...]:
        """The competencies the organisation aims for, in catalogue order."""
        return tuple(item for item in self.competencies if item.target is not None)

    def fee_owed_for_targets(self) -> tuple[Level, Decimal] | None:
        """The fee of the highest level aimed at, when this membership year's payments miss it.

        The fee is one per organisation, so a level's fee step reads the same in
        every competency; a retired one has no steps and cannot be attained, so it
        is left out. A payment covers its level and the ones below: a paid top
        level owes nothing (None).
        """
        aimed = [
            (competency, competency.target)
            for competency in self.targeted
            if competency.target is not None and not competency.retired
        ]
        if not aimed:
            return None
        competency, level = max(aimed, key=lambda pair: pair[1].rank)
        step = competency.level(level).step(StepKind.FEE)
        # Not met means no payment at that level yet: the whole fee is owed.
        return None if step is None or step.met else (level, step.need)

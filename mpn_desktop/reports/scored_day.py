"""A day's Solutions Partner scores made from the stored facts: one way for ``status``, the
checklist (printed or exported) and the window's status panel."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from mpn_desktop.domain.designation_results import DesignationScore
from mpn_desktop.domain.designation_score import CatalogOn, aimed_designations, score_designations
from mpn_desktop.domain.designation_tree import designation_fee_status, designation_tree
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.facts import Facts
from mpn_desktop.domain.program_choice import ProgramOnDay
from mpn_desktop.domain.requirement_tree import RequirementTree


@dataclass(frozen=True, slots=True)
class ScoredDay:
    """The stored facts scored on a day under the Solutions Partner program."""

    catalog: ScoredCatalog
    facts: Facts
    as_of: date
    scores: tuple[DesignationScore, ...]
    warnings: tuple[str, ...]
    """What may make the figures differ (the day outside the catalogue's dates)."""
    information: tuple[str, ...]
    """What is worth knowing (competency targets carried over)."""

    @property
    def notes(self) -> tuple[str, ...]:
        """Every note, warnings first (``status --json``'s ``notes``)."""
        return (*self.warnings, *self.information)

    def tree(self) -> RequirementTree:
        """The scores as the requirement tree the checklist, the workbook and the window draw."""
        organization = self.facts.organization
        fee = designation_fee_status(
            self.catalog, organization, self.facts.fee_payments, self.as_of
        )
        return designation_tree(
            organization,
            self.as_of,
            self.scores,
            self.warnings,
            information=self.information,
            fee=fee,
        )


def score_day(
    program: ProgramOnDay,
    facts: Facts,
    as_of: date,
    competency_names: Mapping[str, str],
    catalog_on: CatalogOn,
) -> ScoredDay | None:
    """Every designation scored on ``as_of`` from ``facts`` (read from ``usage_start(as_of)``
    on), the targets aimed for marked; None on a day of the 2017-2018 competencies.

    ``competency_names`` names the competencies whose targets carry over to a designation;
    ``catalog_on`` gives the catalogue of an earlier day of a qualification window.
    """
    catalog = program.scored
    if catalog is None:
        return None
    targets, carried = aimed_designations(catalog, facts, competency_names)
    scores = score_designations(catalog, facts, as_of, targets, catalog_on)
    return ScoredDay(catalog, facts, as_of, scores, program.notes, carried)

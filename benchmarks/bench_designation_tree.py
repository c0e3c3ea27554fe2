"""Benchmark: the designation requirement tree built from a day's scores, on the large organisation.

The window builds the tree (``designation_tree``, through ``ScoredDay.tree()``) after every
evaluation on a day of the Solutions Partner program, for the status panel; ``status``,
the checklist and the workbook build it too. Timed here against one plain pass over the
same facts (``bench_evaluate.py``'s: every usage row, exam result, person, reference and
subscription read once), on the organisation of ``bench_designations.py`` moved on to 2024
(2023-06 catalogue) and to 2026 (2026-05), six as-of days in turn. Each run scores the day
first (untimed, kept figures: fresh scores whose people nobody has read yet), then times:

(1) the tree built, as the status panel gets it (it reads no metric's evidence);
(2) the tree built and the evidence of every metric of each designation's track that
    counts put into words, as the checklist and the workbook print them.

No target in the issue: the figures are for the record (an edit is redrawn within one
frame, 16.7 ms, only if the evaluation and the tree fit in it together).

    .venv/bin/python benchmarks/bench_designation_tree.py [--runs N]
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_designations import (
    _interleaved,
    _line,
    _load,
    moved_on,
    realistic_cases,
    runs_wanted,
    solutions_partner_org,
)
from bench_evaluate import plain_pass

from mpn_desktop.domain.designation_results import DesignationScore
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.designation_tree import designation_tree
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.facts import Facts
from mpn_desktop.domain.requirement_tree import RequirementTree
from mpn_desktop.programs import shipped_scored_catalogs


def read_counted_evidence(tree: RequirementTree) -> int:
    """Every metric's evidence on each designation's track that counts, put into words."""
    return sum(
        len(metric.evidence)
        for designation in tree.requirements
        for category in designation.children
        for metric in category.children
    )


def _measure(
    facts: Facts,
    days: tuple[date, ...],
    runs: int,
    catalog: ScoredCatalog,
    read: Callable[[RequirementTree], object] | None,
) -> float:
    """The tree (then ``read`` over it) against the plain pass; the larger ratio."""
    targets = frozenset(d.id for d in catalog.designations)
    for day in days:  # the usage added up once per facts, as after the first evaluation
        score_designations(catalog, facts, day, targets)
    scored: list[tuple[date, tuple[DesignationScore, ...]]] = []

    def score_next() -> None:
        day = days[len(scored) % len(days)]
        scored.append((day, score_designations(catalog, facts, day, targets)))

    def tree(run: int) -> object:
        day, scores = scored[run]
        built = designation_tree(facts.organization, day, scores)
        return built if read is None else read(built)

    base, timed = _interleaved(runs, lambda _run: plain_pass(facts), tree, score_next)
    what = "tree" if read is None else "tree + evidence read"
    return _line(f"{what} {catalog.version} on {days[-1]} to {days[0]}", base, timed)


def main() -> int:
    """Prints the medians per catalogue and their ratios to the plain pass."""
    runs = runs_wanted(__doc__)
    facts = solutions_partner_org()
    plain_pass(facts)
    print(_load())
    worst = {"tree": 0.0, "read": 0.0}
    for months, catalog, days in realistic_cases(shipped_scored_catalogs()):
        moved = moved_on(facts, months)
        worst["tree"] = max(worst["tree"], _measure(moved, days, runs, catalog, None))
        worst["read"] = max(
            worst["read"], _measure(moved, days, runs, catalog, read_counted_evidence)
        )
        del moved
        gc.collect()  # the moved facts' garbage collected before the next figures
    print(_load())
    print(f"the tree for the status panel, for the record (no target): worst {worst['tree']:.2f}x")
    print(f"with the counted evidence read, for the record: worst {worst['read']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

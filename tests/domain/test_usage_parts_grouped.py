"""A scoring measures its usage parts one workload family after another, no part more.

``score_designations`` measures every usage metric's parts first, those of the same workloads
together (``designation_score._usage_parts``), so that a family's rows are read while still
in the processor's caches; every part is measured by the metrics anyway: an order, not more
work.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from mpn_desktop.domain import designation_score
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_measures import part_key
from mpn_desktop.domain.designations import Part
from mpn_desktop.domain.designations_parse import parse_scored_catalog
from mpn_desktop.domain.usage_figures import UsageFigures
from tests.domain.test_skilling_holders_first import _facts

CATALOGS = Path(__file__).parents[2] / "resources" / "catalogs"

DAYS = {
    "solutions-partner-2022-10.json": date(2023, 2, 15),
    "solutions-partner-2023-06.json": date(2023, 8, 15),
    "solutions-partner-2026-05.json": date(2026, 10, 15),
}


_MEASURE = designation_score.measure


def _measured(file: str, monkeypatch: pytest.MonkeyPatch) -> list[Part]:
    """The parts measured for the as-of day (not found kept) by a scoring of the catalogue, in
    order."""
    found: list[Part] = []
    measure = _MEASURE
    as_of = DAYS[file]
    on_day = Month.of(as_of).plus(-1)

    def recorded(part: Part, figures: UsageFigures, last: object) -> object:
        # The as-of day's parts (the window's earlier days measure other months).
        if last == on_day and ("measured", part_key(part), last) not in figures.memo:
            found.append(part)
        return measure(part, figures, last)  # type: ignore[arg-type]

    monkeypatch.setattr(designation_score, "measure", recorded)
    catalog = parse_scored_catalog(json.loads((CATALOGS / file).read_text()))
    targets = frozenset(d.id for d in catalog.designations)
    designation_score.score_designations(catalog, _facts(as_of), as_of, targets)
    return found


def _runs(parts: list[Part]) -> list[frozenset[str]]:
    """The workload families of the parts in turn, each run of one family once."""
    families = [frozenset(w.value for w in part.scope.workloads) for part in parts]
    return [family for at, family in enumerate(families) if at == 0 or families[at - 1] != family]


@pytest.mark.parametrize("file", sorted(DAYS))
def test_a_workload_familys_parts_are_measured_together(
    file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    grouped = _measured(file, monkeypatch)
    runs = _runs(grouped)
    assert len(runs) == len(set(runs))  # no family measured again after another's
    # The metrics alone measure the same parts (by value), a family again after another's
    # (Security's Azure parts after Business Applications' and Modern Work's).
    monkeypatch.setattr(designation_score, "_usage_parts", lambda catalog: ())
    alone = _measured(file, monkeypatch)
    assert set(alone) == set(grouped)
    assert len(_runs(alone)) > len(set(_runs(alone)))

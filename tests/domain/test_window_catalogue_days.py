"""An evaluation asks ``catalog_on`` for each earlier day of the window once: the window
search asks each day's catalogue again for every designation, and the command line's
look-up reads the catalogue files' folder each time."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.facts import Kept
from mpn_desktop.programs import shipped_scored_catalogs
from tests.domain.test_qualification_window import _infrastructure

CATALOGS = {c.version: c for c in shipped_scored_catalogs()}


def test_each_earlier_day_s_catalogue_is_asked_once_and_scores_the_same() -> None:
    older, newer = CATALOGS["2023-06"], CATALOGS["2026-05"]
    asked: Counter[date] = Counter()

    def catalog_on(day: date) -> ScoredCatalog:
        asked[day] += 1
        return newer if newer.in_force_on(day) else older

    def unkept(day: date) -> ScoredCatalog:
        return newer if newer.in_force_on(day) else older

    # Qualifying data only in April 2026's "last month" (March): scored under 2023-06, and
    # every designation's search walks the window's earlier days.
    facts = _infrastructure("2026-03")
    targets = frozenset(d.id for d in newer.designations)
    as_of = date(2026, 6, 10)
    scores = score_designations(newer, replace(facts, kept=Kept()), as_of, targets, catalog_on)
    assert any(day < newer.effective_from for day in asked)
    assert max(asked.values()) == 1
    again = score_designations(newer, replace(facts, kept=Kept()), as_of, targets, unkept)
    assert scores == again
    infra = next(s for s in scores if s.id == "infrastructure-azure")
    assert infra.window.qualified_on == date(2026, 4, 30)

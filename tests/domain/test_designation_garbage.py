"""An evaluation of the designations leaves no reference cycles behind.

Everything an evaluation works out (the usage sums kept with the facts, the
window's scorers, the exam index's tables) is freed as soon as nothing uses it
any more: held in a reference cycle it would wait for the garbage collector,
whose passes over tens of thousands of such objects cost a first evaluation of
a large organisation as much as the evaluation itself.
"""

from __future__ import annotations

import gc
import random
from dataclasses import replace

import pytest

from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.facts import Kept
from mpn_desktop.programs import shipped_scored_catalogs
from tests.domain.sp_organisations import DAYS, sp_organisation


@pytest.mark.parametrize("clean", [False, True], ids=["MCP IDs given twice", "MCP IDs once"])
def test_a_first_evaluation_leaves_nothing_for_the_garbage_collector(clean: bool) -> None:
    # MCP IDs given once: the holders keep the people's order and Holder objects of the
    # exam index, which keeps the holders of a day (no way back to the index).
    facts = sp_organisation(random.Random(7), clean=clean)
    catalogs = shipped_scored_catalogs()
    for catalog in catalogs:  # anything made once per process (catalogue tables) made now
        score_designations(catalog, replace(facts, kept=Kept()), DAYS[-1])
    gc.collect()
    gc.disable()
    try:
        for catalog in catalogs:
            for day in DAYS:
                targets = frozenset(d.id for d in catalog.designations)
                scored = score_designations(catalog, replace(facts, kept=Kept()), day, targets)
                assert scored
                del scored
        assert gc.collect() == 0, "objects freed only by the garbage collector (a cycle)"
    finally:
        gc.enable()

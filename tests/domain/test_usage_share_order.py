"""A total of active shares over several cells is the same whatever PYTHONHASHSEED is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Run in a fresh interpreter: the scope's frozensets iterate in the order of their hashes,
# fixed for a process by PYTHONHASHSEED. The shares are inexact quotients, so adding them
# in another customer order can change the total's last digit.
_TOTALS = """
from mpn_desktop.domain.designations import Quantity, Scope
from mpn_desktop.domain.usage_figures import usage_sums
from tests.domain.test_usage_cell_runs import _FIRST
from tests.domain.test_usage_window_slices import _grouped

facts = _grouped(0)
cells = {(s.workload, s.association.value) for s in facts.subscriptions if not s.trial}
scope = Scope(frozenset(c[0] for c in cells), frozenset(c[1] for c in cells))
priced = usage_sums(facts).priced({})
for back in range(0, 49, 7):
    for span in (1, 12):
        months = tuple(_FIRST.plus(back + 40 - b) for b in range(span))
        print(back, span, repr(priced.total(scope, Quantity.ACTIVE_SHARE, months)))
"""


def _totals(seed: str) -> str:
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", _TOTALS],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_a_total_of_shares_does_not_hang_on_the_hash_seed() -> None:
    """The same totals digit for digit under two hash seeds (which, before the scope's cells
    were walked in a fixed order, gave totals differing in the last digit)."""
    first = _totals("0")
    assert first.count("Decimal(") == 14
    assert _totals("1") == first

"""Which catalogue applies on a day: each shipped one in its dates, and the gap between programs."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from mpn_desktop.programs import program_on, shipped_scored_catalogs


def test_three_solutions_partner_catalogues_ship_back_to_back() -> None:
    catalogues = shipped_scored_catalogs()
    assert [c.version for c in catalogues] == ["2022-10", "2023-06", "2026-05"]
    for earlier, later in pairwise(catalogues):
        assert earlier.effective_until is not None
        assert (later.effective_from - earlier.effective_until).days == 1


@pytest.mark.parametrize(
    ("day", "version"),
    [
        (date(2022, 10, 3), "2022-10"),
        (date(2023, 5, 31), "2022-10"),
        (date(2023, 6, 1), "2023-06"),
        (date(2026, 4, 30), "2023-06"),
        (date(2026, 5, 1), "2026-05"),
        (date(2026, 12, 6), "2026-05"),
    ],
)
def test_the_catalogue_in_force_is_used(day: date, version: str) -> None:
    program = program_on(day)
    assert program.scored is not None and program.scored.version == version
    assert program.notes == ()


def test_the_competencies_rule_until_mid_2018_and_the_gap_says_so() -> None:
    assert program_on(date(2018, 3, 1)).scored is None
    assert program_on(date(2018, 3, 1)).notes == ()
    gap = program_on(date(2019, 1, 1))
    assert gap.scored is None
    assert gap.notes[0].startswith("No catalogue is shipped for 2019-01-01")
    assert program_on(date(2022, 9, 30)).scored is not None

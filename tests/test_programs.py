"""Which catalogue applies on a day: each shipped one in its dates, and the gap between programs."""

from __future__ import annotations

import json
import threading
import time
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from mpn_desktop import programs
from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.program_choice import choose_program, chosen_on
from mpn_desktop.errors import CatalogError
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


def _each_month(first: date, last: date) -> list[date]:
    months = (last.year - first.year) * 12 + last.month - first.month
    return [
        date(first.year + (first.month - 1 + n) // 12, (first.month - 1 + n) % 12 + 1, 1)
        for n in range(months + 1)
    ]


def test_the_shipped_catalogues_are_known_by_the_dates_their_files_give() -> None:
    """No date copied into code: each file's own, as its full reading gives them."""
    dated = programs.shipped_catalogs()
    assert [(c.version, c.effective_from, c.effective_until) for c in dated] == [
        (c.version, c.effective_from, c.effective_until) for c in shipped_scored_catalogs()
    ]
    assert [c.path.name for c in dated] == list(programs.SCORED_FILES)


def test_the_choice_by_dates_is_the_choice_among_whole_catalogues() -> None:
    """program_on chooses among the dates (chosen_on); the window's context among whole
    catalogues (choose_program): one rule, the same catalogue and notes on every day."""
    whole = shipped_scored_catalogs()
    end = load_catalog().effective_until
    days = [*_each_month(date(2017, 6, 1), date(2027, 1, 1)), date(2018, 6, 30), date(2022, 10, 3)]
    for day in days:
        by_dates = program_on(day)
        chosen = choose_program(day, whole, end)
        assert by_dates == chosen, day
        assert chosen_on(day, whole, end) == (chosen.scored, chosen.notes)


def test_only_the_catalogue_chosen_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """All three were parsed in full (~4.4 ms) to choose one by its dates."""
    monkeypatch.setattr(programs, "_scored", {})
    monkeypatch.setattr(programs, "_dated", {})
    assert program_on(date(2018, 3, 1)).scored is None
    assert programs._scored == {}
    chosen = program_on(date(2026, 12, 6)).scored
    assert chosen is not None and chosen.version == "2026-05"
    assert [Path(path).name for path, _language in programs._scored] == [
        "solutions-partner-2026-05.json"
    ]


def test_a_shipped_file_with_a_bad_date_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in programs.SCORED_FILES:
        document = json.loads((programs._catalog_folder() / name).read_text(encoding="utf-8"))
        if name.endswith("2026-05.json"):
            document["effective_from"] = "May 2026"
        (tmp_path / name).write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setattr(programs, "_catalog_folder", lambda: tmp_path)
    monkeypatch.setattr(programs, "_dated", {})
    with pytest.raises(CatalogError) as refused:
        program_on(date(2018, 3, 1))
    assert str(refused.value) == (
        f"{tmp_path / 'solutions-partner-2026-05.json'}: effective_from: 'May 2026' is not a "
        "date (expected YYYY-MM-DD)"
    )


def test_two_threads_asking_at_once_get_one_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's worker chooses and scores days as the GUI thread does (lead, 14:39): the
    catalogue chosen is parsed once, both get the same object."""
    monkeypatch.setattr(programs, "_scored", {})
    parse = programs.parse_scored_catalog
    started = threading.Barrier(2)

    def slow_parse(document: object) -> ScoredCatalog:
        time.sleep(0.05)  # both threads are inside before either has stored its copy
        return parse(document)

    monkeypatch.setattr(programs, "parse_scored_catalog", slow_parse)
    got: list[ScoredCatalog | None] = []

    def ask() -> None:
        started.wait()
        got.append(program_on(date(2026, 12, 6)).scored)

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 2 and got[0] is not None and got[0] is got[1]

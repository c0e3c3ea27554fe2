"""A day's Solutions Partner scores are worked out with the evaluation, on its thread.

Scored when the result was shown, on the GUI thread, the first scoring of a large
organisation's day (50-150 ms on usage by service) was the longest stall of the window's
fill (``benchmarks/bench_fill.py --by-service``); on the worker, the window goes on.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers.designation_windows import DAY, designation_day_window
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.ui import designation_day
from mpn_desktop.ui.context import AppContext

LATER = date(2024, 2, 15)


@pytest.fixture
def scored_on(monkeypatch: pytest.MonkeyPatch) -> list[tuple[threading.Thread, date | None]]:
    """Each scoring of a day: the thread it ran on and the day it was asked for."""
    found: list[tuple[threading.Thread, date | None]] = []
    scored = designation_day.designation_tree_on

    def watched(context: AppContext, facts: Any, as_of: date | None = None) -> Any:
        found.append((threading.current_thread(), as_of))
        return scored(context, facts, as_of)

    monkeypatch.setattr(designation_day, "designation_tree_on", watched)
    return found


def test_the_first_fill_scores_the_designations_on_the_worker_thread(
    qtbot: QtBot,
    tmp_path: Path,
    catalog: Catalog,
    scored_on: list[tuple[threading.Thread, date | None]],
) -> None:
    with designation_day_window(qtbot, tmp_path, catalog, DAY) as main:
        with qtbot.waitSignal(main.filled, timeout=30_000):
            main.fill()
        assert scored_on and all(t is not threading.main_thread() for t, _ in scored_on)
        assert [day for _, day in scored_on] == [DAY]
        tree = main.progress_source.designations
        assert tree is not None and tree.program == "solutions-partner"
        assert main.panel.designation_card("infrastructure-azure").isVisible()


def test_a_day_moved_to_is_scored_for_that_day_and_shown(
    qtbot: QtBot,
    tmp_path: Path,
    catalog: Catalog,
    scored_on: list[tuple[threading.Thread, date | None]],
) -> None:
    with designation_day_window(qtbot, tmp_path, catalog, DAY) as main:
        with qtbot.waitSignal(main.filled, timeout=30_000):
            main.fill()
        source = main.progress_source
        source.background = True  # as after a slow evaluation: the next ones on the worker
        with qtbot.waitSignal(source.designationsChanged, timeout=30_000):
            main.context.set_as_of(LATER)
        assert scored_on[-1] == (scored_on[-1][0], LATER)
        assert scored_on[-1][0] is not threading.main_thread()
        tree = source.designations
        assert tree is not None and tree.as_of == LATER

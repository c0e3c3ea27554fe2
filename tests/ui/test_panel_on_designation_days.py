"""The status panel on a day of the Solutions Partner program draws each result once.

An evaluation announces the competencies' progress, then the day's designations: the
panel drew the designation cards with the figures before the edit on the first, then
again with the new ones (on the large organisation by service, ~half of the panel's work
per edit).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from helpers.designation_windows import DAY, designation_day_window
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.requirement_tree import RequirementTree
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.status_panel import StatusPanel
from mpn_desktop.ui.undo_commands import EditRecordCommand

COMPETENCY_DAY = date(2018, 3, 15)


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[RequirementTree]:
    """Every day's designations the panel drew its cards for, in order."""
    found: list[RequirementTree] = []
    show = StatusPanel._show_designations

    def watched(self: StatusPanel, tree: RequirementTree) -> Any:
        found.append(tree)
        return show(self, tree)

    monkeypatch.setattr(StatusPanel, "_show_designations", watched)
    return found


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, catalog: Catalog) -> Iterator[MainWindow]:
    with designation_day_window(qtbot, tmp_path, catalog, DAY) as main:
        with qtbot.waitSignal(main.filled, timeout=30_000):
            main.fill()
        main.panel.finish_showing()
        yield main


def test_an_edit_draws_the_designation_cards_once_with_the_new_figures(
    qtbot: QtBot, window: MainWindow, drawn: list[RequirementTree]
) -> None:
    source = window.progress_source
    usage = records.list_records(window.context.db, RecordKind.USAGE)[0]
    command = EditRecordCommand(
        window.context,
        RecordKind.USAGE,
        usage["id"],
        {"consumption_usd": Decimal(usage["consumption_usd"]) + 1000},
        "usage",
    )
    with qtbot.waitSignal(source.designationsChanged, timeout=30_000):
        window.context.undo_stack.push(command)
    assert drawn == [source.designations]


def test_a_day_of_the_competencies_after_one_of_the_program_draws_no_designation_card(
    qtbot: QtBot, window: MainWindow, drawn: list[RequirementTree]
) -> None:
    """Back on a day of the 2017-2018 competencies the panel drew the designation cards of
    the day before once more (~20 ms on the large organisation), then hid them."""
    source = window.progress_source
    assert window.panel.designations is not None
    drawn.clear()
    with qtbot.waitSignal(source.designationsChanged, timeout=30_000):
        window.context.set_as_of(COMPETENCY_DAY)
    assert source.designations is None
    assert drawn == []
    window.panel.finish_showing()
    assert window.panel.card("cloud-platform").isVisible()
    assert not window.panel.designation_card("infrastructure-azure").isVisible()

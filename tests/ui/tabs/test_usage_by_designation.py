"""The Sales tab's usage by month on a Solutions Partner day: what the designations count."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from helpers.sample_windows import sales_window
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mpn_desktop.domain import designation_usage_months, vocabulary
from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Level
from mpn_desktop.domain.requirement_tree import RequirementTree
from mpn_desktop.errors import MpnError
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.language import install_translators, remove_translators
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tabs.sales_tab import SalesTab
from mpn_desktop.ui.tabs.usage_chart import MINIMUM_HEIGHT
from mpn_desktop.ui.tabs.usage_grid_section import UsageGridSection

PICTURES = Path("/tmp/chart")


@pytest.fixture
def window_2026_german(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, catalog: Catalog
) -> Iterator[MainWindow]:
    installed = install_translators(qapp, "de")
    vocabulary.use_language("de")
    try:
        yield from sales_window(qtbot, tmp_path, catalog, date(2026, 12, 6))
    finally:
        remove_translators(qapp, installed)
        vocabulary.use_language("en")


def _grid(qtbot: QtBot, window: MainWindow) -> UsageGridSection:
    tab = window.step_tabs[0]
    assert isinstance(tab, SalesTab)
    tab.pages.setCurrentWidget(tab.usage_grid)
    qtbot.waitUntil(lambda: tab.usage_grid.chart.title != "" and tab.usage_grid.settled)
    return tab.usage_grid


def _only_modern_work(window: MainWindow) -> RequirementTree:
    """The window's designations as if Modern Work were the only one targeted."""
    tree = window.progress_source.designations
    assert tree is not None
    return type(tree)(
        tree.program,
        tree.as_of,
        tree.organization,
        tuple(node for node in tree.requirements if node.id == "modern-work"),
    )


def _headings(grid: UsageGridSection) -> list[str]:
    model = grid.model
    return [model.headerData(row, Qt.Orientation.Vertical) for row in range(model.rowCount())]


def test_a_2023_day_shows_the_13_months_usage_growth_compares(
    qtbot: QtBot, window_2023: MainWindow
) -> None:
    grid = _grid(qtbot, window_2023)
    months = grid.model.months
    # Last month (2023-07) and the same month a year earlier (2022-07), and those between.
    assert months[0] == Month(2022, 7) and months[-1] == Month(2023, 7)
    assert len(months) == 13
    assert grid.model.headerData(13, Qt.Orientation.Horizontal) == "13 months"
    chart = grid.chart
    # The first targeted designation is Infrastructure (Azure): Azure consumption.
    assert chart.title.startswith("Solutions Partner for Infrastructure (Azure)")
    assert "Consumption (US$) by month, 2022-07 and 2023-07 compared" in chart.title
    assert "credited by month" not in chart.accessible_text()
    assert chart.lines == []
    assert chart.marked == (Month(2022, 7), Month(2023, 7))
    assert grid.figure.currentData() == "consumption_usd"
    headings = _headings(grid)
    assert headings[-2:] == ["Total", "Counted"]
    assert not any("needs" in str(heading) for heading in headings)
    # The counted months are the chart's bars.
    counted = headings.index("Counted")
    assert [grid.model.value_at(counted, column) for column in range(13)] == list(
        grid._designation_usage.amounts if grid._designation_usage else ()
    )
    assert sum(grid._designation_usage.amounts if grid._designation_usage else ()) > 0
    PICTURES.mkdir(exist_ok=True)
    assert grid.grab().save(str(PICTURES / "usage-2023.png"))


def test_modern_work_first_shows_active_users(qtbot: QtBot, window_2023: MainWindow) -> None:
    grid = _grid(qtbot, window_2023)
    grid.set_designations(_only_modern_work(window_2023))
    qtbot.waitUntil(lambda: grid.settled)
    assert grid.chart.title.startswith("Solutions Partner for Modern Work")
    assert "Active users by month" in grid.chart.title
    assert grid.figure.currentData() == "active_users"
    assert grid.model.field.key == "active_users"
    PICTURES.mkdir(exist_ok=True)
    assert grid.grab().save(str(PICTURES / "usage-2023-modern-work.png"))


def test_a_2018_day_keeps_the_competency_chart_and_its_12_months(
    qtbot: QtBot, window_2018: MainWindow
) -> None:
    grid = _grid(qtbot, window_2018)
    months = grid.model.months
    assert months[0] == Month(2017, 3) and months[-1] == Month(2018, 2)
    assert len(months) == 12
    assert grid.model.headerData(12, Qt.Orientation.Horizontal) == "12 months"
    chart = grid.chart
    assert chart.title == "Cloud Platform: Azure consumption, credited by month"
    assert [level for level, _ in chart.lines] == [Level.SILVER, Level.GOLD]
    assert chart.marked == ()
    assert _headings(grid)[-4:] == ["Total", "Credited", "Silver needs", "Gold needs"]
    PICTURES.mkdir(exist_ok=True)
    assert grid.grab().save(str(PICTURES / "usage-2018.png"))


def test_moving_from_2023_back_to_2018_restores_the_competency_chart(
    qtbot: QtBot, window_2023: MainWindow
) -> None:
    grid = _grid(qtbot, window_2023)
    window_2023.context.set_as_of(date(2018, 3, 15))
    qtbot.waitUntil(lambda: grid.chart.lines != [])
    assert grid.chart.title.startswith("Cloud Platform:")
    assert len(grid.model.months) == 12 and grid.model.months[-1] == Month(2018, 2)
    # No designation to choose on a competencies' day; the chart has its full height again.
    assert not grid.designation_row.isVisible()
    assert grid.chart.minimumHeight() == MINIMUM_HEIGHT


def test_a_2026_day_shows_2025_11_to_2026_11_and_what_the_metric_misses(
    qtbot: QtBot, window_2026: MainWindow
) -> None:
    grid = _grid(qtbot, window_2026)
    assert grid.model.months[0] == Month(2025, 11) and grid.model.months[-1] == Month(2026, 11)
    assert grid.chart.lines == []
    assert grid.chart.marked == (Month(2025, 11), Month(2026, 11))
    usage = grid._designation_usage
    assert usage is not None and usage.metric_id == "usage-growth"
    tree = window_2026.progress_source.designations
    assert tree is not None
    node = tree.requirement(usage.designation_id)
    assert node is not None
    metric = next(found for found in node.walk() if found.id == "usage-growth")
    # The chart says what the metric still misses, in the scoring's own sentences.
    assert metric.missing
    for sentence in metric.missing:
        assert sentence in grid.chart.accessible_text()
    PICTURES.mkdir(exist_ok=True)
    assert grid.grab().save(str(PICTURES / "usage-2026.png"))


def test_without_a_designation_measuring_usage_the_chart_says_so(
    qtbot: QtBot, window_2023: MainWindow
) -> None:
    grid = _grid(qtbot, window_2023)
    tree = window_2023.progress_source.designations
    assert tree is not None
    grid.set_designations(type(tree)(tree.program, tree.as_of, tree.organization, ()))
    qtbot.waitUntil(lambda: grid.settled)
    assert grid.chart.title == ""
    assert grid.chart.accessible_text() == (
        "No targeted designation measures usage growth month by month."
    )
    assert grid.chart.lines == [] and grid.chart.marked == ()
    # The grid keeps the designations' 13 months, with no counted row.
    assert len(grid.model.months) == 13
    assert "Counted" not in _headings(grid)


def test_security_charts_the_twelve_months_against_the_twelve_before(
    qtbot: QtBot, window_2023: MainWindow
) -> None:
    """Security's Azure growth compares 2022-08..2023-07 with 2021-08..2022-07 (SEC23)."""
    grid = _grid(qtbot, window_2023)
    tree = window_2023.progress_source.designations
    assert tree is not None
    only_security = type(tree)(
        tree.program,
        tree.as_of,
        tree.organization,
        tuple(node for node in tree.requirements if node.id == "security"),
    )
    grid.set_designations(only_security)
    qtbot.waitUntil(lambda: grid.settled)
    chart = grid.chart
    assert chart.title == (
        "Solutions Partner for Security: usage growth by month in 2 parts, their points added up"
    )
    assert chart.periods == ((Month(2021, 8), Month(2022, 7)), (Month(2022, 8), Month(2023, 7)))
    assert len(chart.marked) == 24
    # Both parts at once: the Azure part's 24 months beside the protected users' 13.
    azure, users = chart.parts
    assert (azure.figure, users.figure) == ("consumption_usd", "active_users")
    assert users.compared == ((Month(2022, 7), Month(2022, 7)), (Month(2023, 7), Month(2023, 7)))
    assert len(users.months) == 13
    assert "Active users: 2022-07: 0" in chart.accessible_text()
    # The grid below reads and shows the same 24 months, the counted row the chart's bars.
    months = grid.model.months
    assert months[0] == Month(2021, 8) and months[-1] == Month(2023, 7)
    assert grid.model.headerData(24, Qt.Orientation.Horizontal) == "24 months"
    counted = _headings(grid).index("Counted")
    usage = grid._designation_usage
    assert usage is not None and len(usage.amounts) == 24
    assert [grid.model.value_at(counted, column) for column in range(24)] == list(usage.amounts)
    PICTURES.mkdir(exist_ok=True)
    assert grid.grab().save(str(PICTURES / "usage-2023-security.png"))


def test_a_chart_of_many_parts_counts_them_grouped(
    qtbot: QtBot, window_2023: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The title's count of parts with the thousands separator, as every count the window
    writes (no catalogue has 1,200 parts; Security's 2 read the same either way)."""
    grid = _grid(qtbot, window_2023)
    tree = window_2023.progress_source.designations
    assert tree is not None
    parts_of = designation_usage_months.growth_parts
    monkeypatch.setattr(
        designation_usage_months,
        "growth_parts",
        lambda *args: parts_of(*args) * 600,
    )
    grid.set_designations(
        type(tree)(
            tree.program,
            tree.as_of,
            tree.organization,
            tuple(node for node in tree.requirements if node.id == "security"),
        )
    )
    qtbot.waitUntil(lambda: grid.settled)
    # Before: "in 1200 parts".
    assert "usage growth by month in 1,200 parts," in grid.chart.title


def test_the_user_chooses_the_designation_charted_and_it_is_remembered(
    qtbot: QtBot, window_2023: MainWindow, tmp_path: Path
) -> None:
    grid = _grid(qtbot, window_2023)
    combo = grid.designation
    assert grid.designation_row.isVisible()
    assert grid.designation_label.buddy() is combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Solutions Partner for Infrastructure (Azure)",
        "Solutions Partner for Modern Work",
        "Solutions Partner for Security",
    ]
    # The first targeted one by default.
    assert combo.currentIndex() == 0
    assert grid.chart.title.startswith("Solutions Partner for Infrastructure (Azure)")
    # From the keyboard: focus the combo (its label's Alt+G), then two steps down.
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: grid.settled)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: grid.settled)
    assert grid.chart.title.startswith("Solutions Partner for Security")
    assert len(grid.model.months) == 24
    assert grid.figure.currentData() == "consumption_usd"
    window_2023.save_settings()
    window_2023.progress_source.wait_for_worker()
    context = window_2023.context
    again = MainWindow(
        AppContext(
            context.db,
            context.catalog,
            as_of=context.as_of,
            scored_catalogs=shipped_scored_catalogs(),
        ),
        WindowSettings(tmp_path / "settings.ini"),
    )
    qtbot.addWidget(again)
    again.resize(1366, 768)
    again.show()
    reopened = _grid(qtbot, again)
    qtbot.waitUntil(lambda: reopened.chart.title.startswith("Solutions Partner for Security"))
    assert reopened.designation.currentText() == "Solutions Partner for Security"
    again.progress_source.wait_for_worker()


def test_one_targeted_designation_offers_no_choice(qtbot: QtBot, window_2023: MainWindow) -> None:
    grid = _grid(qtbot, window_2023)
    grid.set_designations(_only_modern_work(window_2023))
    qtbot.waitUntil(lambda: grid.settled)
    assert not grid.designation_row.isVisible()
    assert grid.chart.title.startswith("Solutions Partner for Modern Work")


def test_the_designation_choice_leaves_the_page_s_minimum_as_it_was(
    qtbot: QtBot, window_2023: MainWindow
) -> None:
    """The row above the chart is shrinkable and takes its height from the chart's least:
    shown, it made the page's minimum 453×236 instead of 262×208, more than the window at
    its minimum (689×425) has for it, and the chart's labels ran into the grid's heading."""
    tab = window_2023.step_tabs[0]
    assert isinstance(tab, SalesTab)
    before = tab.usage_grid.minimumSizeHint()
    grid = _grid(qtbot, window_2023)
    assert grid.designation_row.isVisible()
    after = grid.minimumSizeHint()
    assert after.width() <= before.width() and after.height() <= before.height(), (before, after)


def test_the_figure_chosen_shows_that_part_of_security_in_the_grid(
    qtbot: QtBot, window_2023: MainWindow
) -> None:
    """Security's growth adds Azure security consumption (twelve months against twelve)
    and Microsoft 365 protected users (a month against a month): both are charted, the
    grid's figure says which the grid shows."""
    grid = _grid(qtbot, window_2023)
    grid.choose_designation("security")
    qtbot.waitUntil(lambda: grid.settled)
    assert len(grid.model.months) == 24
    chart = grid.chart
    both = chart.parts
    assert len(both) == 2
    grid.show_figure("active_users")
    qtbot.waitUntil(lambda: grid.settled)
    assert chart.parts == both  # still both, side by side
    assert chart.title.startswith("Solutions Partner for Security: usage growth by month")
    assert len(grid.model.months) == 13 and grid.model.field.key == "active_users"
    usage = grid._designation_usage
    assert usage is not None and usage.figure == "active_users"
    counted = _headings(grid).index("Counted")
    assert [grid.model.value_at(counted, column) for column in range(13)] == list(usage.amounts)
    # The metric's missing sentence of the figure charted comes first (drawn under the title).
    assert "protected users" in chart.missing[0], chart.missing
    qtbot.wait(20)  # the page lays out its rows again before it is looked at
    PICTURES.mkdir(exist_ok=True)
    assert grid.grab().save(str(PICTURES / "usage-2023-security-users.png"))
    grid.show_figure("consumption_usd")
    qtbot.waitUntil(lambda: grid.settled)
    assert len(grid.model.months) == 24 and grid.model.field.key == "consumption_usd"
    assert "growth of Azure security consumption" in chart.missing[0], chart.missing


def test_a_click_on_a_part_of_security_shows_its_months_in_the_grid(
    qtbot: QtBot, window_2023: MainWindow
) -> None:
    grid = _grid(qtbot, window_2023)
    grid.choose_designation("security")
    qtbot.waitUntil(lambda: grid.settled)
    chart = grid.chart
    qtbot.waitUntil(lambda: len(chart.parts) == 2)
    middle = chart.height() // 2
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(chart.width() * 3 // 4, middle))
    qtbot.waitUntil(lambda: grid.settled)
    assert grid.model.field.key == "active_users" and len(grid.model.months) == 13
    assert grid.figure.currentData() == "active_users"
    assert chart.parts[1].figure == "active_users"  # the part clicked, on the right
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(chart.width() // 4, middle))
    qtbot.waitUntil(lambda: grid.settled)
    assert grid.model.field.key == "consumption_usd" and len(grid.model.months) == 24
    # One part only (Infrastructure): nothing to choose by a click.
    grid.choose_designation("infrastructure-azure")
    qtbot.waitUntil(lambda: grid.settled)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(chart.width() * 3 // 4, middle))
    qtbot.waitUntil(lambda: grid.settled)
    assert grid.model.field.key == "consumption_usd"


def test_the_german_chart_names_its_figure_in_german(
    qtbot: QtBot, window_2026_german: MainWindow
) -> None:
    grid = _grid(qtbot, window_2026_german)
    # The figure's name is translated when shown, not when the grid's module was imported.
    assert "Verbrauch (US$) nach Monat" in grid.chart.title
    assert "Consumption" not in grid.chart.title
    assert grid.figure.currentText() == "Verbrauch (US$)"


def test_the_german_chart_names_its_months_in_german(
    qtbot: QtBot, window_2026_german: MainWindow
) -> None:
    # Its title and month labels read "2025-11" in German too.
    grid = _grid(qtbot, window_2026_german)
    chart = grid.chart
    assert "Nov. 2025 und Nov. 2026 verglichen" in chart.title, chart.title
    assert "Dez. 2025: " in chart.accessible_text()
    labels = [text for _center, text in chart._axis_labels(grid.model.months, 60.0)]
    assert labels[:2] == ["Nov. 2025", "Nov. 2026"], labels
    assert not any("2025-11" in text for text in (chart.title, chart.accessible_text(), *labels))
    # The grid's months too; copied, they stay ISO (what a paste and a spreadsheet read).
    assert grid.model.headerData(0, Qt.Orientation.Horizontal) == "Nov. 2025"
    grid.view.setCurrentIndex(grid.model.index(0, 0))
    grid.view.selectionModel().select(
        grid.model.index(0, 0), grid.view.selectionModel().SelectionFlag.Select
    )
    assert grid.copy().split("\r\n")[0].split("\t")[1] == "2025-11"


def test_a_chart_narrower_than_its_title_says_it_whole_in_the_tooltip(
    qtbot: QtBot, window_2026_german: MainWindow
) -> None:
    grid = _grid(qtbot, window_2026_german)
    chart = grid.chart
    assert chart.toolTip() == ""
    window_2026_german.resize(683, 467)
    qtbot.waitUntil(lambda: chart.toolTip() != "")
    assert chart.toolTip() == chart.title
    PICTURES.mkdir(exist_ok=True)
    assert window_2026_german.grab().save(str(PICTURES / "usage-2026-de-683.png"))


def test_another_as_of_day_never_shows_the_previous_day_s_counted_usage(
    qtbot: QtBot, window_2023: MainWindow
) -> None:
    # The grid showed the new day's months with the previous day's counted row (and the
    # chart the previous day's bars) until the new day's evaluation came.
    grid = _grid(qtbot, window_2023)
    before = grid._designation_usage
    assert before is not None
    shown: list[tuple[tuple[Month, ...], list[object] | None, str]] = []

    def look() -> None:
        headings = _headings(grid)
        counted = None
        if "Counted" in headings:
            row = headings.index("Counted")
            counted = [grid.model.value_at(row, column) for column in range(len(grid.model.months))]
        shown.append((grid.model.months, counted, grid.chart.title))

    grid.model.modelReset.connect(look)
    window_2023.context.set_as_of(date(2023, 11, 15))
    # At once: nothing of the previous day, but what is being worked out.
    assert grid.model.rowCount() == 0 and grid.chart.title == ""
    assert grid.view.empty_text() == "Working out the usage by month of 2023-11-15…"
    assert grid.chart.accessible_text() == grid.view.empty_text()
    qtbot.waitUntil(lambda: grid.settled)
    after = grid._designation_usage
    assert after is not None and after.months[-1] == Month(2023, 10)
    assert after.amounts != before.amounts
    for months, counted, title in shown:
        # Empty while worked out, or the new day's months with the new day's figures.
        assert months == () or (months == after.months and counted == list(after.amounts))
        assert months == () or "2022-10 and 2023-10 compared" in title, title
    assert shown[-1][0] == after.months


def test_the_window_s_usage_is_read_off_the_gui_thread(
    qtbot: QtBot, window_2023: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mpn_desktop.store import records_sqlite

    grid = _grid(qtbot, window_2023)
    threads: list[threading.Thread] = []
    read = records_sqlite.window_usage_apart

    def watched(*args: Any) -> Any:
        threads.append(threading.current_thread())
        return read(*args)

    def on_the_gui_thread(*_args: Any) -> Any:
        raise AssertionError("the window's usage read on the GUI thread")

    monkeypatch.setattr(records_sqlite, "window_usage_apart", watched)
    monkeypatch.setattr(records_sqlite, "window_usage", on_the_gui_thread)
    window_2023.context.set_as_of(date(2023, 9, 15))
    qtbot.waitUntil(lambda: grid.settled)
    assert threads and threading.main_thread() not in threads
    assert grid.model.months[-1] == Month(2023, 8)
    assert sum(grid._designation_usage.amounts if grid._designation_usage else ()) > 0


def test_the_window_s_usage_is_summed_off_the_gui_thread_too(
    qtbot: QtBot, window_2023: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mpn_desktop.ui.models import usage_pivot
    from mpn_desktop.ui.tabs import window_usage_reader

    grid = _grid(qtbot, window_2023)
    threads: list[threading.Thread] = []
    pivot = usage_pivot.pivot_usage

    def watched(*args: Any) -> Any:
        threads.append(threading.current_thread())
        return pivot(*args)

    monkeypatch.setattr(window_usage_reader, "pivot_usage", watched)
    window_2023.context.set_as_of(date(2023, 9, 15))
    qtbot.waitUntil(lambda: grid.settled)
    assert threads and threading.main_thread() not in threads
    # The grid shows what was summed there: each subscription's total is its months'.
    model = grid.model
    shown = [model.value_at(row, len(model.months)) for row in range(len(model.grid_rows))]
    assert any(shown)
    assert shown == [sum(filter(None, row.values), Decimal(0)) for row in model.grid_rows]


def test_the_total_column_stays_in_sight_while_24_months_scroll_at_1024_by_700(
    qtbot: QtBot, window_2023: MainWindow
) -> None:
    # At 1024×700 the 24 months need a sideways scroll bar, and the total went out of
    # sight with the last months: now it stays at the right, rows level with the grid's.
    window_2023.resize(1024, 700)
    grid = _grid(qtbot, window_2023)
    grid.choose_designation("security")
    qtbot.waitUntil(lambda: grid.settled)
    view, total = grid.view, grid.total_column
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() > 0)
    last = grid.model.columnCount() - 1
    assert grid.model.headerData(last, Qt.Orientation.Horizontal) == "24 months"
    assert view.isColumnHidden(last) and not view.isColumnHidden(0)
    assert not total.isColumnHidden(last) and total.isColumnHidden(0)
    assert total.isVisible() and total.geometry().right() <= grid.width()
    where = total.geometry()
    for position in (view.horizontalScrollBar().minimum(), view.horizontalScrollBar().maximum()):
        view.horizontalScrollBar().setValue(position)
        qtbot.wait(10)
        assert total.geometry() == where  # not scrolled away with the months
        assert total.columnViewportPosition(last) >= 0
        assert total.columnWidth(last) >= total.fontMetrics().horizontalAdvance("24 months")
    # Scrolled down, each row's total is level with its months.
    assert total.verticalScrollBar().maximum() > 0
    total.verticalScrollBar().setValue(total.verticalScrollBar().maximum())
    qtbot.wait(10)
    assert view.verticalScrollBar().value() == total.verticalScrollBar().value()
    for row in range(grid.model.rowCount()):
        assert view.rowViewportPosition(row) == total.rowViewportPosition(row)
    # The grid's figures and the total read the same model: a row's total is its months'.
    row = 0
    months = sum((grid.model.value_at(row, c) or 0 for c in range(last)), start=0)
    assert grid.model.value_at(row, last) == months
    PICTURES.mkdir(exist_ok=True)
    assert window_2023.grab().save(str(PICTURES / "usage-2023-security-1024.png"))


def test_a_day_whose_evaluation_fails_says_so_instead_of_waiting(
    qtbot: QtBot, window_2023: MainWindow
) -> None:
    # The grid and chart waited "Working out …" for ever when the evaluation failed.
    grid = _grid(qtbot, window_2023)
    source = window_2023.progress_source
    working = source._evaluator

    class Failing:
        def evaluate(self, *_args: Any) -> Any:
            raise MpnError("The catalogue in force cannot be read (a test).")

    source._evaluator = Failing()  # type: ignore[assignment]
    with window_2023.context.errors_caught() as errors:
        window_2023.context.set_as_of(date(2023, 11, 15))
        qtbot.waitUntil(lambda: bool(errors))
        qtbot.waitUntil(lambda: "could not be worked out" in grid.view.empty_text())
    assert grid.view.empty_text() == (
        "The usage by month of 2023-11-15 could not be worked out: the window showed why."
    )
    assert grid.model.rowCount() == 0
    # The next evaluation that works shows the day again.
    source._evaluator = working
    window_2023.context.set_as_of(date(2023, 11, 16))
    qtbot.waitUntil(lambda: grid.settled and grid.chart.title != "")
    assert "could not be worked out" not in grid.view.empty_text()

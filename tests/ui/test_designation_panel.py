"""The status panel on a day under the Solutions Partner program: a card per designation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from helpers.gated_sample import DAY, gated_sample
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.enums import Level
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings

DAY_2023 = date(2023, 8, 15)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, catalog: Catalog, settings: WindowSettings) -> MainWindow:
    """The sample organisation dated around 2023-08-15, the window open on that day."""
    db = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    load_sample(db, DAY_2023)
    context = AppContext(db, catalog, as_of=DAY_2023, scored_catalogs=shipped_scored_catalogs())
    main = MainWindow(context, settings)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    yield main
    main.progress_source.wait_for_worker()
    db.close()


def test_a_day_in_2023_shows_each_targeted_designation_with_its_score(window: MainWindow) -> None:
    panel = window.panel
    tree = window.progress_source.designations
    assert tree is not None and tree.program == "solutions-partner"
    targeted = [node.id for node in tree.targeted]
    assert targeted == ["infrastructure-azure", "modern-work", "security"]
    card = panel.designation_card("infrastructure-azure")
    assert card.isVisible()
    assert card.title.text() == "Solutions Partner for Infrastructure (Azure) (your target)"
    assert "of 100 points (70 qualifies)" in card.score.text()
    # The demo of a designations day: Infrastructure qualified, Modern Work close.
    assert "✓ qualified" in card.score.text()
    assert not card.missing.isVisible()
    assert "Qualified on 2023-08-15" in card.notes.text()
    card = panel.designation_card("modern-work")
    assert "not qualified yet" in card.score.text()
    assert "Tracks: Smb" not in card.notes.text() and "SMB" in card.notes.text()
    assert "Cheapest way to 70" in card.cheapest.text()
    headings = [w.text() for w in card.findChildren(QLabel, "categoryHeading")]
    assert [h.split("</b>")[0].removeprefix("<b>") for h in headings] == [
        "Performance",
        "Skilling",
        "Customer success",
    ]
    assert "Intermediate certifications: 1 more person" in card.missing.text()
    # The competencies' cards are not shown on a day of the designations.
    assert not any(c.isVisible() for c in panel._cards.values())
    assert not panel.fee_line.isVisible()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 700), (800, 560)])
def test_each_metric_reads_on_its_lines_at_the_window_s_sizes(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    """The points stay on one line beside the metric's have/need, under its name: beside
    the name the two wrapped over three lines in a narrow panel."""
    window.resize(*size)
    qtbot.wait(50)  # the layout follows the resize in the event loop
    panel = window.panel
    for designation in ("infrastructure-azure", "modern-work"):
        card = panel.designation_card(designation)
        assert card.width() <= panel.viewport().width()
        figures = card.findChildren(QLabel, "metricFigure")
        assert figures
        for figure in figures:
            assert " pts" in figure.text() and "·" not in figure.text()
            # One line: it may wrap only where the panel is narrower than the window
            # lets it be (its minimum stays that of the longest word).
            needed = figure.heightForWidth(figure.width())
            assert needed < 2 * figure.fontMetrics().height(), figure.text()
    card = panel.designation_card("infrastructure-azure")
    have_need = [label.text() for label in card.findChildren(QLabel, "metricHaveNeed")]
    assert "3 of 3 customers" in have_need


def test_moving_the_day_back_to_2018_shows_the_competencies_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.context.set_as_of(date(2018, 3, 15))
    qtbot.waitUntil(lambda: window.progress_source.designations is None)
    panel = window.panel
    assert panel.card("cloud-platform").isVisible()
    assert not panel.designation_card("infrastructure-azure").isVisible()
    assert panel.fee_line.isVisible()
    assert panel.accessibleName() == "Competency status"


def test_the_panel_is_named_for_a_screen_reader_by_what_it_shows(window: MainWindow) -> None:
    # On a designation day it said "Competency status" over the designations' scores.
    assert window.progress_source.designations is not None
    assert window.panel.accessibleName() == "Designation status"


def test_the_panel_is_looked_at(window: MainWindow, tmp_path: Path) -> None:
    picture = tmp_path / "designations.png"
    assert window.grab().save(str(picture))
    assert picture.stat().st_size > 10_000


def test_the_tabs_follow_the_program_of_the_day(qtbot: QtBot, window: MainWindow) -> None:
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[:2] == ["Performance and customer success", "Skilling: people and certifications"]
    sales, exams, references, _fee = window.step_tabs
    assert "Net customer adds" in sales.summary.text()
    assert "Usage growth" in sales.summary.text()
    # A tab behind the others is drawn when it comes to the front.
    window.tabs.setCurrentWidget(exams)
    assert "Intermediate certifications" in exams.summary.text()
    assert "Net customer adds" not in exams.summary.text()
    window.tabs.setCurrentWidget(references)
    assert "do not count toward the Solutions Partner" in references.summary.text()
    window.tabs.setCurrentWidget(sales)
    window.context.set_as_of(date(2018, 3, 15))
    qtbot.waitUntil(lambda: window.progress_source.designations is None)
    assert window.tabs.tabText(0) == "Sales performance"
    assert "Silver" in sales.summary.text()


def test_help_requirements_shows_the_designations_catalogue_of_the_day(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from mpn_desktop.ui.help_dialogs import show_requirements
    from mpn_desktop.ui.requirements_dialog import RequirementsDialog

    show_requirements(window.context, window)
    dialog = window.findChild(RequirementsDialog, "requirementsDialog")
    assert dialog is not None
    text = dialog.browser.toPlainText()
    assert "Solutions Partner designations 2023-06" in text
    assert "Solutions Partner for Security" in text
    assert "Azure Administrator Associate (AZ-104)" in text
    assert "Readings the tracker takes" in text
    dialog.resize(900, 700)
    assert dialog.grab().save(str(tmp_path / "requirements.png"))
    dialog.close()


def test_the_window_s_workbook_holds_the_designations_on_such_a_day(
    window: MainWindow, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    book = tmp_path / "org.xlsx"
    assert window.files.export_workbook_to(book)
    rows = list(load_workbook(book, read_only=True)["Status"].iter_rows(values_only=True))
    records = [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]
    assert {record["program"] for record in records} == {"solutions-partner"}


def test_a_window_painted_before_its_first_evaluation_has_the_titles_of_the_day(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog, settings: WindowSettings
) -> None:
    # Start-up paints first: the tabs must not change their names when the records arrive.
    db = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    load_sample(db, DAY_2023)
    context = AppContext(db, catalog, as_of=DAY_2023, scored_catalogs=shipped_scored_catalogs())
    main = MainWindow(context, settings, evaluate_now=False)
    qtbot.addWidget(main)
    main.show()
    painted = [main.tabs.tabText(i) for i in range(main.tabs.count())]
    assert painted[:2] == [
        "Performance and customer success",
        "Skilling: people and certifications",
    ]
    with qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()
    assert [main.tabs.tabText(i) for i in range(main.tabs.count())] == painted
    main.progress_source.wait_for_worker()
    db.close()


def test_the_fee_tab_gives_the_designation_fee_of_the_catalogue_in_force(
    qtbot: QtBot, window: MainWindow
) -> None:
    fee = window.tabs.widget(3)
    window.tabs.setCurrentWidget(fee)
    assert fee.summary_area.isVisible()
    summary = fee.summary.text().replace("\xa0", " ")
    assert "US$ 4,730 in the catalogue in force on this day" in summary
    renewal = fee.renewal.text()
    assert "one fee however many designations" in renewal and "not paid yet" in renewal
    # The demo paid the silver fee (legacy benefits): nothing is said to be owed.
    assert "paid for this membership year" in fee.this_year.text()
    assert "owed" not in fee.this_year.text()
    # Add payment offers the renewal the tab names at the designation fee, not the
    # competencies' gold "owed" for this year; the level is this year's recorded one.
    tree = window.progress_source.designations
    assert tree is not None and tree.fee is not None and not tree.fee.paid
    offered = fee._new_payment()
    assert offered["membership_year_start"] == tree.fee.due_on
    assert offered["amount_usd"] == Decimal("4730.00")
    assert offered.get("level") == Level.SILVER
    # The level column is the payment's own record, not a level due under the designations.
    model, column = fee.payments.model, fee.payments.model.column_of("level")
    header = fee.payments.view.horizontalHeader()
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Level recorded"
    assert "no level" in model.headerData(
        column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert header.sectionSize(column) >= header.sectionSizeHint(column)  # not cut
    # Back on a day of the competencies: the Fee tab's own lines and no summary.
    window.context.set_as_of(date(2018, 3, 15))
    qtbot.waitUntil(lambda: window.progress_source.designations is None)
    assert not fee.summary_area.isVisible()
    assert "one fee however many designations" not in fee.renewal.text()
    assert fee._new_payment().get("level") == Level.GOLD  # the target's level, owed this year
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Level"


def test_a_metric_of_parts_in_different_units_says_its_points_are_added_up(
    window: MainWindow,
) -> None:
    # Security's usage growth adds US$ of Azure growth and protected users: no figure
    # of both, and its line stood empty beside the points.
    card = window.panel.designation_card("security")
    tree = window.progress_source.designations
    assert tree is not None
    node = tree.requirement("security")
    assert node is not None
    growth = next(found for found in node.walk() if found.id == "usage-growth")
    assert growth.unit == "points"
    rows = card.findChildren(QLabel, "metricHaveNeed")
    captions = [label.text() for label in card.findChildren(QLabel) if label.text() == growth.label]
    assert captions
    assert "its parts' points added up" in [label.text() for label in rows]
    assert all(label.text() for label in rows)  # no metric's line empty


def test_a_metric_whose_steps_are_short_says_its_people_wait_on_them(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog, settings: WindowSettings
) -> None:
    # Holders of Security's final list with a step short scored nothing: "5 of 4 people"
    # alone read as met beside "4 of 40 pts".
    path = tmp_path / "tracker.sqlite3"
    gated_sample(path)
    db = Database.open(f"sqlite:///{path}")
    context = AppContext(db, catalog, as_of=DAY, scored_catalogs=shipped_scored_catalogs())
    main = MainWindow(context, settings)
    qtbot.addWidget(main)
    main.show()
    try:
        qtbot.waitUntil(lambda: main.progress_source.designations is not None)
        rows = [
            label.text()
            for label in main.panel.designation_card("security").findChildren(
                QLabel, "metricHaveNeed"
            )
        ]
        assert "5 of 4 people (once the steps are met)" in rows
        others = main.panel.designation_card("infrastructure-azure")
        assert "4 of 4 people" in [r.text() for r in others.findChildren(QLabel, "metricHaveNeed")]
    finally:
        main.progress_source.wait_for_worker()
        db.close()

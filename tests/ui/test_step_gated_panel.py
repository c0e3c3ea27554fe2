"""The status panel names a step-gated metric's prerequisite steps under its figures.

"Intermediate certifications / 5 of 4 people (once the steps are met) / 4 of 40 pts" left the
user asking where 4 points come from and what to do; a short line per step says it (the
certifications' names in the tooltip: the panel is narrow). The wording's own tests:
tests/test_step_gated_wording.py.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers.gated_sample import DAY, gated_sample
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.designation_card import DesignationCard
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tabs.step_tab import StepTab

DAY_2023 = date(2023, 8, 15)


def _steps(card: DesignationCard) -> list[str]:
    """The steps' lines of the card's metrics that show some (in the metrics' order)."""
    return [
        label.text()
        for label in card.findChildren(QLabel, "metricSteps")
        if not label.isHidden() and label.text()
    ]


def _open(
    qtbot: QtBot, db: Database, catalog: Catalog, settings: WindowSettings, day: date
) -> MainWindow:
    context = AppContext(db, catalog, as_of=day, scored_catalogs=shipped_scored_catalogs())
    main = MainWindow(context, settings)
    qtbot.addWidget(main)
    main.resize(900, 600)
    main.show()
    qtbot.waitUntil(lambda: main.progress_source.designations is not None)
    return main


def test_smb_steps_say_their_points_and_a_short_one_what_it_holds_back(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog, settings: WindowSettings
) -> None:
    path = tmp_path / "tracker.sqlite3"
    gated_sample(path)
    db = Database.open(f"sqlite:///{path}")
    main = _open(qtbot, db, catalog, settings, DAY)
    try:
        card = main.panel.designation_card("security")
        assert _steps(card) == [
            "Step 1 met: 1 person, 4 points\nStep 2 short: 0 of 1 person; 4 points once met"
        ]
        (label,) = [
            label for label in card.findChildren(QLabel, "metricSteps") if not label.isHidden()
        ]
        # The certifications and the whole sentence: in the tooltip and for a screen reader.
        assert "Prerequisite step 2, Security Operations Analyst Associate (SC-200): short" in (
            label.toolTip()
        )
        assert label.accessibleName().startswith("Prerequisite step 1, Azure Security Engineer")
        azure = main.panel.designation_card("infrastructure-azure")
        assert _steps(azure) == ["Step 1 met: 2 people, 4 points", "Step 1 met: 2 people, 4 points"]
        # A designation without step-gated metrics shows no such line.
        assert _steps(main.panel.designation_card("modern-work")) == []
        # The Skilling tab's summary says how many steps are met beside the points.
        skilling = main.step_tabs[1]
        assert isinstance(skilling, StepTab)
        main.tabs.setCurrentWidget(skilling)
        qtbot.waitUntil(lambda: "Intermediate certifications" in skilling.summary.text())
        assert "4 of 40 pts, prerequisite steps met: 1 of 2" in skilling.summary.text()
        assert "Net customer adds" not in skilling.summary.text()
    finally:
        main.progress_source.wait_for_worker()
        db.close()


def test_a_short_step_of_a_single_track_says_the_metric_has_no_points_until_met(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog, settings: WindowSettings
) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    load_sample(db, DAY_2023)
    main = _open(qtbot, db, catalog, settings, DAY_2023)
    try:
        card = main.panel.designation_card("security")
        assert _steps(card) == [
            "Step 1 met: 1 person\nStep 2 short: 0 of 1 person; no points until met"
        ]
    finally:
        main.progress_source.wait_for_worker()
        db.close()

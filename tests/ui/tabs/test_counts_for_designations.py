"""The Skilling tab's "Counts for" on a Solutions Partner day: designations and metrics, not
the 2017-2018 competencies; a person counting for nothing says why in the row's tooltip."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from helpers.sample_windows import dated_sample
from PySide6.QtCore import QSize, Qt
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tabs.exams_tab import ExamsTab

DAY_2026 = date(2026, 10, 15)
DAY_2018 = date(2018, 3, 15)


@pytest.fixture
def window(open_sample_window: Callable[..., MainWindow]) -> MainWindow:
    """The sample organisation dated around 2026-10-15, the window open on the Skilling tab."""
    main = open_sample_window(DAY_2026, QSize(1366, 768))
    main.tabs.setCurrentWidget(_exams(main))
    return main


def _exams(window: MainWindow) -> ExamsTab:
    tab = window.findChild(ExamsTab, "examsTab")
    assert isinstance(tab, ExamsTab)
    return tab


def _cell(window: MainWindow, name: str, role: Qt.ItemDataRole, key: str = "roles") -> object:
    """What the People table shows for a person in a column (by the column's key)."""
    model = _exams(window).people.model
    row = next(i for i, r in enumerate(model.records()) if r.get("name") == name)
    return model.data(model.index(row, model.column_of(key)), role)


def _counts_for(window: MainWindow, name: str) -> object:
    return _cell(window, name, Qt.ItemDataRole.DisplayRole)


def test_a_2026_day_names_the_designations_and_metrics_each_person_counts_for(
    window: MainWindow,
) -> None:
    assert window.progress_source.designations is not None
    assert _counts_for(window, "Hana Sato") == (
        "Infrastructure (Azure): Intermediate certifications (step 1), "
        "Advanced certifications (step 1)"
    )
    assert _counts_for(window, "Jonas Berg") == (
        "Infrastructure (Azure): Intermediate certifications (final step)"
    )
    assert _counts_for(window, "Pia Kowalski") == "Modern Work: Intermediate certifications"
    assert _counts_for(window, "Sofia Almeida") == "Security: Intermediate certifications (step 1)"
    # Cloud Platform's 70-533 earns no certification of the program: nothing, and why.
    assert _counts_for(window, "Ana Ruiz") == ""
    reason = _cell(window, "Ana Ruiz", Qt.ItemDataRole.ToolTipRole, "name")
    assert reason == (
        "70-533 is an exam of the 2017-2018 competencies: it earns no certification the "
        "designations count."
    )
    # Not associated: the row's own reason stays.
    tooltip = _cell(window, "Eva Novak", Qt.ItemDataRole.ToolTipRole, "name")
    assert isinstance(tooltip, str) and tooltip.startswith("Not associated with your MPN ID")
    model = _exams(window).people.model
    heading = model.headerData(
        model.column_of("roles"), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert "Solutions Partner designations and their skilling metrics" in str(heading)
    texts = [str(_counts_for(window, r["name"])) for r in model.records()]
    assert not any("silver" in text or "gold" in text for text in texts), texts


def test_the_summary_s_tooltip_says_what_each_skilling_metric_counts(window: MainWindow) -> None:
    about = _exams(window).summary.toolTip()
    assert about.splitlines()[0].startswith(
        "Infrastructure (Azure), Intermediate certifications: step 1: Azure Administrator "
        "Associate (AZ-104); final step: "
    )
    assert "Security, Intermediate certifications: step 1: " in about


def test_a_2018_day_names_the_competencies_as_before_and_back_after_2026(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog, settings: WindowSettings
) -> None:
    context = dated_sample(tmp_path, DAY_2018, catalog)
    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(_exams(window))
    try:
        assert _counts_for(window, "Ana Ruiz") == "Cloud Platform (silver and gold)"
        assert _cell(window, "Ana Ruiz", Qt.ItemDataRole.ToolTipRole, "name") is None
        window.context.set_as_of(DAY_2026)
        qtbot.waitUntil(lambda: window.progress_source.designations is not None)
        assert _counts_for(window, "Ana Ruiz") == ""
        reason = _cell(window, "Ana Ruiz", Qt.ItemDataRole.ToolTipRole, "name")
        assert isinstance(reason, str) and reason.startswith("70-533 is an exam of the 2017")
        assert "Intermediate certifications: step 1" in _exams(window).summary.toolTip()
        window.context.set_as_of(DAY_2018)
        qtbot.waitUntil(lambda: window.progress_source.designations is None)
        assert _counts_for(window, "Ana Ruiz") == "Cloud Platform (silver and gold)"
        assert _cell(window, "Ana Ruiz", Qt.ItemDataRole.ToolTipRole, "name") is None
        # What the exams step asks for, in the 2017-2018 catalogue's words, as before.
        assert "Cloud Platform, silver: " in _exams(window).summary.toolTip()
    finally:
        window.progress_source.wait_for_worker()
        context.db.close()


def test_a_tab_behind_shows_the_designations_when_it_comes_to_the_front(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.tabs.setCurrentIndex(0)
    window.context.set_as_of(DAY_2018)
    qtbot.waitUntil(lambda: window.progress_source.designations is None)
    window.context.set_as_of(DAY_2026)
    qtbot.waitUntil(lambda: window.progress_source.designations is not None)
    window.tabs.setCurrentWidget(_exams(window))
    assert _counts_for(window, "Jonas Berg") == (
        "Infrastructure (Azure): Intermediate certifications (final step)"
    )


@pytest.mark.usefixtures("german")
def test_in_german(window: MainWindow) -> None:
    assert (
        _counts_for(window, "Sofia Almeida") == "Sicherheit: Zwischenzertifizierungen (Schritt 1)"
    )
    reason = _cell(window, "Ana Ruiz", Qt.ItemDataRole.ToolTipRole, "name")
    assert isinstance(reason, str) and reason.startswith("70-533 ist eine Prüfung der Kompetenzen")

"""A language chosen in View ▸ Language brings its locale's figures: a line never mixes two."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain.wording import ENGLISH_FIGURES, GERMAN_FIGURES
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.language import install_translators, remove_translators
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings

ENGLISH_GROUPS = re.compile(r"\d,\d{3}\b")
GERMAN_GROUPS = re.compile(r"\d\.\d{3}\b")


@pytest.fixture
def english_system() -> Iterator[None]:
    """The system's locale American English, as on an English desktop."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


def _panel_lines(qtbot: QtBot, context: AppContext, tmp_path: Path) -> list[str]:
    window = MainWindow(context, WindowSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return [label.text() for label in window.findChildren(QLabel) if label.text()]


@pytest.mark.usefixtures("english_system")
def test_german_chosen_on_an_english_system_writes_german_figures(
    qapp: QApplication, qtbot: QtBot, sample_context: AppContext, tmp_path: Path
) -> None:
    installed = install_translators(qapp, "de")
    try:
        assert locale_text.figures() == GERMAN_FIGURES
        lines = _panel_lines(qtbot, sample_context, tmp_path)
        von = [line for line in lines if " von " in line]
        assert any(GERMAN_GROUPS.search(line) for line in von), von
        mixed = [line for line in von if ENGLISH_GROUPS.search(line)]
        assert not mixed, mixed
    finally:
        remove_translators(qapp, installed)
    # Back to the system's language: its locale again.
    assert locale_text.figures() == ENGLISH_FIGURES


@pytest.mark.usefixtures("english_system")
def test_the_system_language_keeps_the_system_locale(qapp: QApplication) -> None:
    installed = install_translators(qapp, "system")
    try:
        assert QLocale().language() == QLocale.Language.English
        assert locale_text.figures() == ENGLISH_FIGURES
    finally:
        remove_translators(qapp, installed)


@pytest.mark.usefixtures("english_system")
def test_german_points_in_the_tabs_summaries_write_a_decimal_comma(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    """The tab's line of each designation's metrics ("15,6 von 20 Pkt.") and the card agree."""
    day = date(2023, 8, 15)
    db = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    load_sample(db, day)
    installed = install_translators(qapp, "de")
    try:
        # Read after German is chosen, as the program reads them at start.
        catalogs = shipped_scored_catalogs()
        context = AppContext(db, load_catalog(), as_of=day, scored_catalogs=catalogs)
        lines = [line for line in _panel_lines(qtbot, context, tmp_path) if "Pkt." in line]
        assert any(re.search(r"\d,\d von \d+ Pkt\.", line) for line in lines), lines
        english = [line for line in lines if re.search(r"\d\.\d von \d+ Pkt\.", line)]
        assert not english, english
    finally:
        remove_translators(qapp, installed)
        db.close()


@pytest.mark.usefixtures("english_system")
def test_a_competency_parts_captions_are_german(
    qapp: QApplication, qtbot: QtBot, sample_context: AppContext, tmp_path: Path
) -> None:
    """EMS's two measures: their units read as the language does ("Kunden", not "customers")."""
    installed = install_translators(qapp, "de")
    try:
        window = MainWindow(sample_context, WindowSettings(tmp_path / "settings.ini"))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        captions = {label.text().strip() for label in window.findChildren(QLabel)}
        assert {"Kunden", "aktive Benutzer"} <= captions, sorted(captions)
        assert not captions & {"customers", "active users"}
    finally:
        remove_translators(qapp, installed)

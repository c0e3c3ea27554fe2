"""The sample organisation's window as a start opens it: on a day, in a language, on a screen
of a given size (the window-fitting tests)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from pytestqt.qtbot import QtBot

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.programs import shipped_catalogs
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample
from mpn_desktop.ui import screen_fit
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.designation_card import DesignationCard
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings


def opened_window(
    qtbot: QtBot, context: AppContext, settings: WindowSettings, size: QSize | None = None
) -> MainWindow:
    """The window of ``context`` (first ``size``: what it makes of the screen, if None), shown
    without waiting for anything."""
    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    if size is not None:
        window.resize(size)
    window.show()
    return window


def shown_window(qtbot: QtBot, context: AppContext, settings: WindowSettings) -> MainWindow:
    """The window of ``context``, shown, once its status panel is filled."""
    window = opened_window(qtbot, context, settings)
    qtbot.waitUntil(lambda: window.panel.progress is not None)
    return window


def dated_sample(tmp_path: Path, day: date, catalog: Catalog | None = None) -> AppContext:
    """A context as of ``day`` (every program's catalogues, the Solutions Partner ones known by
    their dates as start-up gives them) on a new database file holding the sample organisation
    dated around that day; its caller closes the database."""
    db = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    load_sample(db, day)
    return AppContext(db, catalog or load_catalog(), as_of=day, scored_catalogs=shipped_catalogs())


@contextmanager
def sample_window(
    qtbot: QtBot, tmp_path: Path, settings: WindowSettings, day: date
) -> Iterator[MainWindow]:
    """The sample organisation dated around ``day``, its window shown and filled; on leaving,
    its worker is waited for and its database closed."""
    context = dated_sample(tmp_path, day)
    db = context.db
    window = shown_window(qtbot, context, settings)
    try:
        if day >= date(2022, 10, 3):
            qtbot.waitUntil(lambda: window.progress_source.designations is not None)
            qtbot.waitUntil(lambda: bool(window.panel.findChildren(DesignationCard)))
        yield window
    finally:
        window.progress_source.wait_for_worker()
        db.close()


@contextmanager
def first_start(
    qtbot: QtBot,
    tmp_path: Path,
    settings: WindowSettings,
    request: pytest.FixtureRequest,
    *,
    shown: tuple[date, str],
    area: QRect | None,
) -> Iterator[MainWindow]:
    """``sample_window`` of ``shown`` (day, language) started on a screen of ``area`` (None:
    the screen as it is)."""
    day, language = shown
    if language == "de":
        request.getfixturevalue("german")
    if area is not None:
        request.getfixturevalue("monkeypatch").setattr(
            screen_fit, "available_area", lambda _widget: area
        )
    with sample_window(qtbot, tmp_path, settings, day) as window:
        yield window


def sales_window(qtbot: QtBot, tmp_path: Path, catalog: Catalog, day: date) -> Iterator[MainWindow]:
    """A fixture's window of ``dated_sample`` at 1366×768 (its settings a file of their own),
    shown without waiting; its worker is waited for and its database closed afterwards."""
    context = dated_sample(tmp_path, day, catalog)
    settings = WindowSettings(tmp_path / "settings.ini")
    main = opened_window(qtbot, context, settings, QSize(1366, 768))
    yield main
    main.progress_source.wait_for_worker()
    context.db.close()

"""Fixtures for the step tabs: a context over the sample organisation (``demo_db``), and the
window of the sample dated around a day of each program (the usage by month's tests)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers.sample_windows import sales_window
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.store.database import Database
from mpn_desktop.ui.main_window import MainWindow


@pytest.fixture
def context(demo_db: Database, catalog: Catalog, demo_day: date, qtbot: Any) -> Any:
    """An application context over ``demo_db``; every tab made with it gets its changes."""
    from mpn_desktop.ui.context import AppContext

    return AppContext(demo_db, catalog, demo_day)


@pytest.fixture
def window_2018(qtbot: QtBot, tmp_path: Path, catalog: Catalog) -> Iterator[MainWindow]:
    yield from sales_window(qtbot, tmp_path, catalog, date(2018, 3, 15))


@pytest.fixture
def window_2023(qtbot: QtBot, tmp_path: Path, catalog: Catalog) -> Iterator[MainWindow]:
    yield from sales_window(qtbot, tmp_path, catalog, date(2023, 8, 15))


@pytest.fixture
def window_2024(qtbot: QtBot, tmp_path: Path, catalog: Catalog) -> Iterator[MainWindow]:
    yield from sales_window(qtbot, tmp_path, catalog, date(2024, 3, 15))


@pytest.fixture
def window_2026(qtbot: QtBot, tmp_path: Path, catalog: Catalog) -> Iterator[MainWindow]:
    yield from sales_window(qtbot, tmp_path, catalog, date(2026, 12, 6))

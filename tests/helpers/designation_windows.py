"""A main window on the sample organisation dated around a day of the Solutions Partner
program, painted and not filled yet (as start-up leaves it before ``fill``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.programs import shipped_catalogs
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings

DAY = date(2023, 8, 15)
"""A day of the 2023-06 catalogue: the sample's designations scored, cards shown."""


@contextmanager
def designation_day_window(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog, day: date = DAY
) -> Iterator[MainWindow]:
    """The window on the sample dated around ``day``, shown, not filled; its worker waited
    for and its database closed afterwards."""
    db = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    load_sample(db, day)
    context = AppContext(db, catalog, as_of=day, scored_catalogs=shipped_catalogs())
    main = MainWindow(context, WindowSettings(tmp_path / "settings.ini"), evaluate_now=False)
    qtbot.addWidget(main)
    main.show()
    try:
        yield main
    finally:
        main.progress_source.wait_for_worker()
        db.close()

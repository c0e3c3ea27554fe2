"""Tables filled while their tab is not shown fit their columns once the window is filled, one
per turn of the event loop, not all inside the fill (issue 15: the large organisation's fill)."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.records import add_record
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings

AS_OF = date(2018, 3, 1)
LONG_NAME = "Maximiliana Wolfeschlegelsteinhausen-Bergerdorff"


def test_a_hidden_tabs_tables_fit_their_columns_after_the_fill(
    qtbot: QtBot, demo_db: Database, catalog: Catalog, settings: WindowSettings
) -> None:
    add_record(demo_db, RecordKind.PERSON, {"name": LONG_NAME, "mcp_id": "9999997"})
    main = MainWindow(AppContext(demo_db, catalog, as_of=AS_OF), settings, evaluate_now=False)
    qtbot.addWidget(main)
    main.show()
    people = main.tab("examsTab").sections[0]  # type: ignore[attr-defined]
    main.tabs.setCurrentWidget(main.tab("salesTab"))
    with qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()
    assert not people.isVisible()
    before = people.view.columnWidth(0)
    # Not measured inside the fill; then, with the tab still hidden, after it.
    qtbot.waitUntil(lambda: people.view.columnWidth(0) != before, timeout=10_000)
    assert not people.isVisible()
    assert people.view.columnWidth(0) >= people.view.fontMetrics().horizontalAdvance(LONG_NAME)
    main.close()

"""An empty table shows its columns' titles whole: before its first rows come, each column is as
wide as its title (German's "Ausgeschieden am", "Mitgliedsjahr ab" were cut at 100 pixels)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings
from mpn_desktop.ui.tabs.record_section import RecordSection


def _cut_titles(window: MainWindow) -> list[str]:
    cut = []
    for section in window.findChildren(RecordSection):
        header = section.view.horizontalHeader()
        last = max(
            (col for col in range(header.count()) if not header.isSectionHidden(col)), default=-1
        )
        for column in range(header.count()):
            if header.isSectionHidden(column) or column == last:
                continue  # the last column stretches over what is left
            if section.view.columnWidth(column) < header.sectionSizeHint(column):
                title = section.model.headerData(column, header.orientation())
                cut.append(f"{section.kind.value}: {title}")
    return cut


def test_an_empty_databases_tables_show_their_titles_whole(
    qtbot: QtBot, context: AppContext, settings: WindowSettings, german: None
) -> None:
    window = MainWindow(context, settings, evaluate_now=False)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    with qtbot.waitSignal(window.filled, timeout=30_000):
        window.fill()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    try:
        qtbot.waitUntil(lambda: not _cut_titles(window), timeout=5_000)
    finally:
        assert _cut_titles(window) == []
    window.close()

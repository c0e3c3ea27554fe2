"""Start-up's second half waits for the window's first paint, and never for ever (issue 15).

``MainWindow.fill`` on a shown window starts reading after its first paint, so that the
worker does not hold the GIL through it; a window the system never paints (on another
desktop, minimised from the start) fills all the same after a short wait, and a window
filled before it is shown fills at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.store.database import Database
from mpn_desktop.ui import main_window
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings


class _Paints(QObject):
    """Notes the window's Paint events (``swallow``: and keeps them from it)."""

    def __init__(self, window: MainWindow, seen: list[str], *, swallow: bool = False) -> None:
        super().__init__(window)
        self._window = window
        self._seen = seen
        self._swallow = swallow
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._seen.append("paint")
            return self._swallow
        return False


@pytest.fixture
def watched(
    qtbot: QtBot,
    demo_db: Database,
    catalog: Catalog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[MainWindow, list[str]]:
    """A window started as start-up starts it (not shown yet), and what it was seen to do:
    "fill" once its fill starts."""
    seen: list[str] = []
    main = MainWindow(
        AppContext(demo_db, catalog),
        WindowSettings(tmp_path / "settings.ini"),
        evaluate_now=False,
    )
    qtbot.addWidget(main)
    start = main._start_filling

    def noted() -> None:
        # The fill starts once: a later call (the unpainted window's timer) does nothing.
        if not main._fill_started:
            seen.append("fill")
        start()

    monkeypatch.setattr(main, "_start_filling", noted)
    return main, seen


def test_a_shown_window_starts_its_fill_after_its_first_paint(
    qtbot: QtBot, watched: tuple[MainWindow, list[str]]
) -> None:
    main, seen = watched
    _Paints(main, seen)
    main.show()
    with qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()
    assert seen[:2] == ["paint", "fill"]


def test_a_shown_window_never_painted_fills_all_the_same(
    qtbot: QtBot, watched: tuple[MainWindow, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window, "FILL_UNPAINTED_AFTER_MS", 50)
    main, seen = watched
    # Installed after the window's own watch, it sees each Paint first and keeps it.
    _Paints(main, seen, swallow=True)
    main.show()
    with qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()
    assert seen.count("fill") == 1


def test_a_window_filled_before_it_is_shown_fills_at_once(
    qtbot: QtBot, watched: tuple[MainWindow, list[str]]
) -> None:
    main, seen = watched
    _Paints(main, seen)
    with qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()
    assert seen == ["fill"]
    main.show()
    qtbot.waitUntil(lambda: "paint" in seen, timeout=10_000)
    assert seen.count("fill") == 1


@pytest.mark.parametrize("painted_before_fill", [False, True])
def test_a_window_that_evaluated_at_once_fills_after_its_paint_without_the_timeout(
    qtbot: QtBot,
    sample_context: AppContext,
    settings: WindowSettings,
    monkeypatch: pytest.MonkeyPatch,
    painted_before_fill: bool,
) -> None:
    """Before, only a window made with ``evaluate_now=False`` watched for its first paint:
    ``fill()`` on a shown ``evaluate_now=True`` window waited for the unpainted window's
    timeout, painted or not (no caller did so yet)."""
    monkeypatch.setattr(main_window, "FILL_UNPAINTED_AFTER_MS", 600_000)
    main = MainWindow(sample_context, settings)
    qtbot.addWidget(main)
    seen: list[str] = []
    _Paints(main, seen)
    main.show()
    if painted_before_fill:
        qtbot.waitUntil(lambda: "paint" in seen, timeout=10_000)
    with qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()
    assert "paint" in seen

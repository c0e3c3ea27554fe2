"""Start-up's first evaluation runs on a worker thread; ``filled`` follows its result (issue 15).

On the large organisation the first evaluation reads every fact and works
out every competency (0.1-0.3 s): run on the GUI thread at the end of the
fill, it was the longest stall of a window just opened.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.evaluate import Evaluator
from mpn_desktop.errors import MpnError
from mpn_desktop.store import facts_sqlite
from mpn_desktop.store.database import Database
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings


def _window(qtbot: QtBot, db: Database, catalog: Catalog, tmp_path: Path) -> MainWindow:
    main = MainWindow(
        AppContext(db, catalog), WindowSettings(tmp_path / "settings.ini"), evaluate_now=False
    )
    qtbot.addWidget(main)
    main.show()
    return main


def test_the_first_evaluation_runs_on_a_worker_and_the_window_is_filled_with_its_result(
    qtbot: QtBot,
    demo_db: Database,
    catalog: Catalog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[threading.Thread] = []
    evaluate = Evaluator.evaluate

    def watched(self: Evaluator, *args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return evaluate(self, *args, **kwargs)

    monkeypatch.setattr(Evaluator, "evaluate", watched)
    main = _window(qtbot, demo_db, catalog, tmp_path)
    shown: list[object] = []
    main.progress_source.progressChanged.connect(shown.append)
    with qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert shown and main.progress_source.progress is shown[-1]
    assert main.panel.summary.text() != main.panel.tr("Loading…")


def test_a_first_evaluation_that_fails_says_why_and_the_window_is_filled_all_the_same(
    qtbot: QtBot,
    demo_db: Database,
    catalog: Catalog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unreadable(*_args: Any, **_kwargs: Any) -> Any:
        raise MpnError("the facts could not be read")

    monkeypatch.setattr(facts_sqlite, "read_indexed_facts", unreadable)
    main = _window(qtbot, demo_db, catalog, tmp_path)
    with main.context.errors_caught() as caught, qtbot.waitSignal(main.filled, timeout=30_000):
        main.fill()
    assert caught == ["the facts could not be read"]
    assert main.progress_source.progress is None

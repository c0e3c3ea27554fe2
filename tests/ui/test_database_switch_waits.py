"""Opening another database waits for the workers still reading the old one (ui/tasks.py)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.store import records_sqlite
from mpn_desktop.store.changes import Change, RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.tasks import Task


def test_another_database_waits_for_a_worker_still_reading_the_old_one(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = Database.open(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    load_sample(old)
    new = Database.open(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    context = AppContext(old, catalog)
    happened: list[str] = []
    release = threading.Event()

    def read(_progress: object, _cancelled: object) -> int:
        release.wait(5)
        customers = records_sqlite.list_records(old, RecordKind.CUSTOMER)
        happened.append("read")
        return len(customers)

    closing = old.close

    def close() -> None:
        happened.append("closed")
        closing()

    monkeypatch.setattr(old, "close", close)
    task = Task(read)
    task.start()
    # The read goes on a moment after the switch began (a table's rows, the evaluation).
    threading.Timer(0.1, release.set).start()
    try:
        context.set_database(new, Change.everything("Open database"))
        assert happened == ["read", "closed"]
        qtbot.waitUntil(lambda: task.finished)
        assert task.failure is None and task.result > 0
    finally:
        new.close()


def test_closing_the_window_waits_for_a_worker_still_reading(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog
) -> None:
    from mpn_desktop.ui.main_window import MainWindow
    from mpn_desktop.ui.settings import WindowSettings

    db = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    load_sample(db)
    window = MainWindow(AppContext(db, catalog), WindowSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    window.progress_source.wait_for_worker()
    happened: list[str] = []
    release = threading.Event()

    def read(_progress: object, _cancelled: object) -> int:
        release.wait(5)
        happened.append("read")
        return len(records_sqlite.list_records(db, RecordKind.CUSTOMER))

    task = Task(read)
    task.start()
    threading.Timer(0.1, release.set).start()
    window.close()
    happened.append("closed")
    db.close()  # as the program does once the window is closed
    assert happened == ["read", "closed"]
    qtbot.waitUntil(lambda: task.finished)
    assert task.failure is None

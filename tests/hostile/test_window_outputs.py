"""The window's File menu writes through the same one writer: never over the open database."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.errors import StoreError
from mpn_desktop.store import backups
from mpn_desktop.store.database import Database
from mpn_desktop.store.engine import quick_check
from mpn_desktop.ui import checklist_actions
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings

Action = Callable[[MainWindow, Path], Any]

ACTIONS: dict[str, Action] = {
    "Export JSON": lambda window, path: window.files.export_json_to(path),
    "Export spreadsheet": lambda window, path: window.files.export_workbook_to(path),
    "Export checklist PDF": lambda window, path: checklist_actions.write_checklist_pdf(
        window.context, None, path
    ),
    "Backup": lambda window, path: window.files.backup_to(path),
}

TARGETS: dict[str, Callable[[Path, Path], Path]] = {
    "the open database": lambda db, scratch: db,
    "its -wal": lambda db, scratch: Path(f"{db}-wal"),
    "an existing backup": lambda db, scratch: backups.backup(db),
    "a FIFO": lambda db, scratch: (os.mkfifo(scratch / "pipe"), scratch / "pipe")[1],
    "a folder": lambda db, scratch: scratch,
}


@pytest.fixture
def window(qtbot: QtBot, demo_path: Path, catalog: Catalog, tmp_path: Path) -> Iterator[MainWindow]:
    db = Database.open(f"sqlite:///{demo_path}")
    context = AppContext(db, catalog, as_of=date(2018, 3, 15))
    main = MainWindow(context, WindowSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    yield main
    db.close()


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_the_window_refuses_a_bad_target_with_a_message(
    action: str,
    target: str,
    *,
    window: MainWindow,
    demo_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    path = TARGETS[target](demo_path, scratch)
    before = demo_path.read_bytes()
    with qtbot.waitSignal(window.context.errorShown) as shown:
        assert not ACTIONS[action](window, path)
    message = shown.args[0]
    assert str(path) in message and "Traceback" not in message
    assert demo_path.read_bytes() == before
    assert quick_check(demo_path) is None


def test_load_replaces_nothing_when_the_backup_it_promised_fails(
    window: MainWindow,
    demo_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Before: the backup's failure was shown, and the load replaced everything anyway.
    document = tmp_path / "other.json"
    assert window.files.export_json_to(document)

    def full_disk(*_args: object, **_kwargs: object) -> Path:
        raise StoreError(f"{demo_path}: the backup was not made: the disk is full")

    monkeypatch.setattr(backups, "backup", full_disk)
    before = demo_path.read_bytes()
    with qtbot.waitSignal(window.context.errorShown):
        assert not window.files.load_json_file(document)
    assert demo_path.read_bytes() == before


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00" + b"\x00" * 100, b"notes"])
def test_the_window_restores_no_file_that_is_no_backup(
    content: bytes, window: MainWindow, demo_path: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    from mpn_desktop.store import records
    from mpn_desktop.store.changes import RecordKind

    bad = tmp_path / "backup.sqlite3"
    bad.write_bytes(content)
    people = records.list_records(window.context.db, RecordKind.PERSON)
    before = demo_path.read_bytes()
    with qtbot.waitSignal(window.context.errorShown) as shown:
        assert not window.files.restore_from(bad, ask=False)
    assert "cannot restore from this file" in shown.args[0]
    assert demo_path.read_bytes() == before
    assert records.list_records(window.context.db, RecordKind.PERSON) == people

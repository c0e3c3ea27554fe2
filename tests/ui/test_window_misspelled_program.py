"""The window refuses a Solutions Partner catalogue with a misspelled ``program`` in the words
the commands use (tests/test_catalog_misspelled_program.py): the key named, and the one meant.

It said "unknown key 'categories'" (read as a 2017-2018 catalogue), about the wrong key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.misspelled_catalogs import misspelled, refusal
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import mpn_desktop.app
from mpn_desktop.cli import build_parser


def test_the_start_up_box_names_the_misspelled_key(
    tmp_path: Path, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = misspelled(tmp_path)
    # The test's own application, without the crash dialog and the CI probe.
    monkeypatch.setattr(mpn_desktop.app, "_application", lambda: qapp)
    monkeypatch.setattr(mpn_desktop.app, "_install_handlers", lambda _app: None)
    shown: list[tuple[str, str]] = []

    def read_the_box() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, read_the_box)
            return
        shown.append((box.windowTitle(), box.text()))
        box.close()

    QTimer.singleShot(0, read_the_box)
    args = build_parser().parse_args(["--db", str(tmp_path / "t.sqlite3"), "--catalog", str(path)])
    assert mpn_desktop.app.run_gui(args) == 1
    assert shown == [("The requirements catalogue cannot be used", refusal(path))]
    assert not (tmp_path / "t.sqlite3").exists()

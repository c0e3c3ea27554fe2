"""Shared fixtures: offscreen Qt, per-test user folders, and failing on unexpected logged errors."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before anything imports Qt: GUI tests run without a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture(autouse=True)
def isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Points platformdirs (data, config, logs) at a fresh folder, away from the real ones."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        (home / sub).mkdir()
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("MPN_DESKTOP_DB", raising=False)
    return home


class _ErrorCatcher(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def fail_on_logged_errors(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fails a test during which the program logged an error it did not expect.

    Mark a test with ``@pytest.mark.expect_logged_errors`` when the error is the point.
    """
    catcher = _ErrorCatcher()
    logger = logging.getLogger("mpn_desktop")
    logger.addHandler(catcher)
    try:
        yield
    finally:
        logger.removeHandler(catcher)
    if catcher.records and not request.node.get_closest_marker("expect_logged_errors"):
        messages = "; ".join(record.getMessage() for record in catcher.records)
        pytest.fail(f"the program logged an unexpected error: {messages}")


@pytest.fixture(autouse=True)
def no_dialog_left_open() -> Iterator[None]:
    """Closes the message boxes and dialogs a test left open, so the next test cannot find them.

    An operation's error box is opened by the program, not by the test, so
    pytest-qt does not close it; a later test looking for "the" error box
    found an earlier test's one. Tests that never loaded Qt are left alone.
    """
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication, QDialog

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in app.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()
            widget.deleteLater()

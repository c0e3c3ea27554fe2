"""Shared fixtures: offscreen Qt, per-test user folders, logfail, and tests/helpers' fixtures."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# The shared fixtures, under one set of names (see tests/helpers/fixtures.py).
from helpers.fixtures import (  # noqa: F401
    backend,
    catalog,
    db,
    db_args,
    db_path,
    db_url,
    demo_day,
    demo_db,
    own_postgres,
    parametrize_backends,
    postgres,
    postgres_templates,
    sqlite_templates,
)
from helpers.logs import failing_on_unexpected_logs
from hypothesis import settings

# No per-example deadline for the property tests: their examples build
# databases and organisations, and on a loaded machine (CI, the suite in one
# process per core) a slow example is not a failure. Speed is benchmarked.
settings.register_profile("mpn-desktop", deadline=None)
settings.load_profile("mpn-desktop")

# Set before anything imports Qt: GUI tests run without a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """The store, importer and command tests that take a database run on both backends."""
    parametrize_backends(metafunc, Path(__file__).parent)


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


@pytest.fixture(scope="session")
def qapp(qapp: Any) -> Any:
    """pytest-qt's application with the English plural forms installed, as the program's has.

    Texts with a count are Qt numerus texts ("%n record(s)"): without the
    English forms they would read "1 record(s)".
    """
    from mpn_desktop.ui.language import install_english_plurals

    install_english_plurals(qapp)
    return qapp


@pytest.fixture(autouse=True)
def english_sentences_after() -> Iterator[None]:
    """The domain's sentences are English again after a test that chose another language."""
    yield
    from mpn_desktop.domain.vocabulary import use_language

    use_language("en")


@pytest.fixture(autouse=True)
def fail_on_unexpected_logs(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fails a test during which the program logged a warning or an error it did not expect.

    Mark a test ``expect_logged_warnings`` or ``expect_logged_errors`` when that is the point.
    """
    with failing_on_unexpected_logs(request.node):
        yield


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

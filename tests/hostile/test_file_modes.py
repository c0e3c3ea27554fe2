"""Everything the program writes that holds personal data is readable by its owner only (0600).

Before: exports, PDFs, the log and the settings file were 0644 (world-readable)
while the database and its backups were 0600.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from mpn_desktop.cli import main
from mpn_desktop.logging_setup import configure_logging, log_file_path
from mpn_desktop.store import backups

pytestmark = pytest.mark.usefixtures("qapp")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> object:
    """The usual umask (022), under which a file made without care is 0644."""
    previous = os.umask(0o022)
    yield None
    os.umask(previous)


@pytest.mark.usefixtures("open_umask")
def test_every_file_written_for_the_user_is_private(demo_path: Path, tmp_path: Path) -> None:
    written = {
        "export": tmp_path / "org.json",
        "checklist": tmp_path / "checklist.pdf",
        "backup": tmp_path / "copy.sqlite3",
    }
    assert main(["--db", str(demo_path), "export", str(written["export"])]) == 0
    assert (
        main(
            [
                "--db",
                str(demo_path),
                "checklist",
                "--pdf",
                str(written["checklist"]),
                "--as-of",
                "2018-03-15",
            ]
        )
        == 0
    )
    assert main(["--db", str(demo_path), "backup", str(written["backup"])]) == 0
    assert main(["--db", str(demo_path), "backup"]) == 0
    written["automatic backup"] = backups.list_backups(demo_path)[-1]
    written["database"] = demo_path
    assert {name: _mode(path) for name, path in written.items()} == dict.fromkeys(written, 0o600)


@pytest.mark.usefixtures("open_umask")
def test_the_log_is_private_and_an_old_open_log_is_made_private(tmp_path: Path) -> None:
    path = log_file_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("an old log of an earlier version\n")
    path.chmod(0o644)
    assert configure_logging() == path
    logging.getLogger("mpn_desktop.test").info("Ana Ruiz <ana@contoso.example>")
    assert _mode(path) == 0o600
    path.unlink()
    configure_logging()  # a new log file
    logging.getLogger("mpn_desktop.test").info("again")
    assert _mode(path) == 0o600


@pytest.mark.usefixtures("open_umask")
def test_the_settings_file_is_private(tmp_path: Path) -> None:
    from mpn_desktop.ui.settings import WindowSettings

    path = tmp_path / "config" / "mpn-desktop.ini"
    settings = WindowSettings(path)
    settings.remember_database(tmp_path / "clients" / "tracker.sqlite3")
    settings.sync()
    assert path.read_text()  # Qt wrote it
    assert _mode(path) == 0o600
    path.chmod(0o644)  # written by an earlier version
    WindowSettings(path).sync()
    assert _mode(path) == 0o600

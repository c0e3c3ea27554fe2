"""A sound database in a read-only folder or on a full disk is said to be that, never damaged.

Before: both were "cannot open this database: it cannot be read (unable to
open database file / disk I/O error)" with advice to restore a backup over it.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from mpn_desktop.cli import main
from mpn_desktop.logging_setup import configure_logging
from mpn_desktop.store import backups


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB tmpfs (root only; skipped where it cannot be mounted)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _demo_on(folder: Path) -> Path:
    path = folder / "tracker.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def _fill(folder: Path) -> None:
    with (folder / "filler").open("wb", buffering=0) as handle:  # nothing left to flush
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError as error:
            assert error.errno == errno.ENOSPC


def _assert_told_what_it_is(err: str, what: str) -> None:
    assert what in err, err
    assert "do not restore a backup over it" in err
    assert "restore BACKUP-FILE" not in err and "To go back" not in err
    assert "damaged" not in err.replace("says nothing against", "")
    assert "unexpected" not in err


def test_a_read_only_disk_is_said_to_be_read_only(
    tmpfs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _demo_on(tmpfs)
    before = path.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    capsys.readouterr()
    assert main(["--db", str(path), "status"]) == 1
    _assert_told_what_it_is(capsys.readouterr().err, "is mounted read-only")
    assert path.read_bytes() == before


def test_a_full_disk_is_said_to_be_full(tmpfs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _demo_on(tmpfs)
    before = path.read_bytes()
    _fill(tmpfs)
    capsys.readouterr()
    for command in (["status"], ["demo", "--replace"], ["backup"]):
        assert main(["--db", str(path), *command]) == 1
        err = capsys.readouterr().err
        if command == ["backup"]:
            assert "is full" in err and "unexpected" not in err, err
        else:
            _assert_told_what_it_is(err, "is full")
    assert path.read_bytes() == before
    assert backups.list_backups(path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in any folder")
def test_a_read_only_folder_is_said_to_be_read_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = _demo_on(folder)
    folder.chmod(0o500)
    try:
        capsys.readouterr()
        assert main(["--db", str(path), "status"]) == 1
        _assert_told_what_it_is(capsys.readouterr().err, "is read-only")
    finally:
        folder.chmod(0o700)


def test_a_refusal_on_a_full_disk_is_no_damage_even_where_sqlite_says_io_error(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The same decision without a real full disk: SQLite's words, then the disk's state.
    monkeypatch.setattr(backups, "problem_with", lambda path: "it cannot be read (disk I/O error)")
    monkeypatch.setattr(shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(10, 10, 0))  # type: ignore[attr-defined]
    capsys.readouterr()
    assert main(["--db", str(demo_path), "status"]) == 1
    _assert_told_what_it_is(capsys.readouterr().err, "is full (0 bytes free)")


def test_a_log_on_a_full_disk_prints_no_traceback(
    tmpfs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: logging's own handleError printed "--- Logging error ---" and a traceback.
    monkeypatch.setenv("XDG_STATE_HOME", str(tmpfs))
    path = configure_logging()
    assert path is not None and path.is_relative_to(tmpfs)
    log = logging.getLogger("mpn_desktop.test")
    log.info("a record written before the disk filled up")
    _fill(tmpfs)
    # Longer than a page, so the file needs a block the disk no longer has.
    log.info("a record the disk will not take: %s", "x" * 10_000)
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Logging error" not in err
    held = path.read_text(encoding="utf-8")
    assert "a record written before the disk filled up" in held
    assert "x" * 10_000 not in held
    monkeypatch.undo()
    configure_logging()  # the log of the tests after this one, off the disk unmounted next


def test_the_window_offers_no_restore_for_a_read_only_folder_or_a_full_disk(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mpn_desktop.errors import DiskProblem
    from mpn_desktop.store.database import Database
    from mpn_desktop.ui.startup_recovery import Recovery, open_at_startup

    backups.backup(demo_path)  # a sound backup the window could have offered

    def blocked(url: str, **_options: object) -> Database:
        raise DiskProblem(f"{demo_path}: cannot open the database: the disk holding it is full")

    monkeypatch.setattr(Database, "open", staticmethod(blocked))
    offered: list[Path | None] = []

    def ask(_error: object, latest: Path | None) -> Recovery:
        offered.append(latest)
        return Recovery.QUIT

    assert open_at_startup(f"sqlite:///{demo_path}", ask=ask) is None
    assert offered == [None]


def test_restore_onto_a_read_only_disk_says_so(
    tmpfs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: the sound database was taken for a damaged one ("cannot keep a copy of it").
    path = _demo_on(tmpfs)
    saved = backups.backup(path, tmp_path / "saved.sqlite3")
    before = path.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    capsys.readouterr()
    assert main(["--db", str(path), "restore", str(saved)]) == 1
    err = capsys.readouterr().err
    assert "nothing was restored: the disk holding" in err and "is mounted read-only" in err
    assert path.read_bytes() == before

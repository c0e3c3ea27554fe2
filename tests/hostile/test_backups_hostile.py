"""Backups after a disk fault: a damaged copy is never kept and never costs a sound backup."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mpn_desktop.cli import main
from mpn_desktop.store import backups
from mpn_desktop.store import sqlite_files as sqlite_engine
from mpn_desktop.store.engine import quick_check


def damage(path: Path) -> None:
    """Overwrites pages in the middle of a database file, as a disk fault would."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xa5" * 8192)
    assert quick_check(path) is not None


def _sound_backups(db_path: Path) -> list[Path]:
    return [path for path in backups.list_backups(db_path) if quick_check(path) is None]


def test_a_damaged_database_gives_no_backup_and_keeps_every_sound_one(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: the damaged database was copied without a check, and pruning to the
    # newest five after five such backups deleted every good one.
    good = [backups.backup(demo_path) for _ in range(backups.KEEP_BACKUPS)]
    damage(demo_path)
    capsys.readouterr()
    for _ in range(backups.KEEP_BACKUPS + 1):
        assert main(["--db", str(demo_path), "backup"]) == 1
    err = capsys.readouterr().err
    assert "the database itself is damaged" in err
    assert f'restore "{good[-1]}"' in err  # the latest sound backup, and how to restore it
    assert "unexpected" not in err
    assert backups.list_backups(demo_path) == good
    assert _sound_backups(demo_path) == good


def test_pruning_never_drops_a_sound_backup_for_a_damaged_one(demo_path: Path) -> None:
    made = [backups.backup(demo_path) for _ in range(backups.KEEP_BACKUPS)]
    for later_fault in made[2:]:
        damage(later_fault)  # the three newest went bad on the disk afterwards
    newest = backups.backup(demo_path)
    # Before: the oldest (sound) backup was pruned, leaving two sound backups of six.
    assert made[0].exists()
    assert _sound_backups(demo_path) == [made[0], made[1], newest]


def test_damaged_backups_beyond_the_newest_five_are_pruned(demo_path: Path) -> None:
    made = [backups.backup(demo_path) for _ in range(backups.KEEP_BACKUPS)]
    damage(made[0])
    for _ in range(backups.KEEP_BACKUPS):
        backups.backup(demo_path)
    assert not made[0].exists()
    assert len(_sound_backups(demo_path)) == backups.KEEP_BACKUPS


def test_a_copy_damaged_while_made_is_not_kept(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_backup = sqlite_engine.online_backup

    def faulty(source: Path, destination: Path, *, single_file: bool = True) -> None:
        real_backup(source, destination, single_file=single_file)
        damage(destination)

    monkeypatch.setattr(sqlite_engine, "online_backup", faulty)
    chosen = tmp_path / "copy.sqlite3"
    with pytest.raises(backups.StoreError, match=r"copy.sqlite3: was not written: .*damaged"):
        backups.backup(demo_path, chosen)
    assert not chosen.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_a_failed_backup_leaves_no_journal(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before: a backup that failed part-way left copy.sqlite3-journal behind.
    def half_done(source: Path, destination: Path, *, single_file: bool = True) -> None:
        Path(f"{destination}-journal").write_bytes(b"half a journal")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(sqlite_engine, "online_backup", half_done)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(backups.StoreError, match="the disk is full"):
        backups.backup(demo_path, folder / "copy.sqlite3")
    assert list(folder.iterdir()) == []


@pytest.mark.slow
def test_kill_9_during_backups_leaves_a_sound_database_and_only_sound_backups(
    demo_path: Path,
) -> None:
    rng = random.Random(11)
    before = demo_path.read_bytes()
    for _ in range(8):
        process = subprocess.Popen(
            [sys.executable, "-m", "mpn_desktop", "--db", str(demo_path), "backup"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, 1.5))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert quick_check(demo_path) is None
        assert demo_path.read_bytes() == before
        assert backups.list_backups(demo_path) == _sound_backups(demo_path)


@pytest.mark.parametrize("command", ["load", "demo"])
def test_replacing_everything_keeps_a_backup_first_and_a_failed_backup_replaces_nothing(
    command: str,
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Before: 'load --replace' and 'demo --replace' kept no copy (the window's Load did).
    document = tmp_path / "org.json"
    assert main(["--db", str(demo_path), "export", str(document)]) == 0
    replace = ["load", str(document), "--replace"] if command == "load" else ["demo", "--replace"]
    capsys.readouterr()
    assert main(["--db", str(demo_path), *replace]) == 0
    kept = backups.list_backups(demo_path)
    assert len(kept) == 1 and kept[0].stem.endswith(f"before-{command}")
    assert f"is kept in {kept[0]}" in capsys.readouterr().out
    assert quick_check(kept[0]) is None

    def full_disk(*_args: object, **_kwargs: object) -> Path:
        raise backups.StoreError("the backup was not made: the disk is full")

    monkeypatch.setattr(backups, "backup", full_disk)
    before = demo_path.read_bytes()
    assert main(["--db", str(demo_path), *replace]) == 1
    assert "the disk is full" in capsys.readouterr().err
    assert demo_path.read_bytes() == before

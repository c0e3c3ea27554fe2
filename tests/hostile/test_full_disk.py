"""A disk that fills up while a file is written: a clear error, the previous file as it was.

Two ways to run out of space: a real small tmpfs (when the tests run as root
and may mount one), and ``os.write``/``os.fsync`` failing with ENOSPC at the
operating-system boundary (everywhere).
"""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mpn_desktop.cli import main
from mpn_desktop.store import backups
from mpn_desktop.store.engine import quick_check

pytestmark = pytest.mark.usefixtures("qapp")

OLD = b"the previous file, which must survive"

COMMANDS: dict[str, Callable[[Path], list[str]]] = {
    "checklist --pdf": lambda out: ["checklist", "--pdf", str(out), "--as-of", "2018-03-15"],
    "export": lambda out: ["export", str(out)],
}


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs mounted in tmp_path (root only; skipped where it cannot be mounted)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(folder: Path, leave: int) -> None:
    """Fills the file system of ``folder`` until about ``leave`` bytes are free."""
    filler = folder / "filler"
    with filler.open("wb") as handle:
        free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
        if free > leave:
            handle.write(b"\0" * (free - leave))


def _assert_left_as_it_was(target: Path, err: str) -> None:
    assert "the disk is full" in err, err
    assert "unexpected" not in err and "Traceback" not in err
    assert target.read_bytes() == OLD
    leftovers = [p.name for p in target.parent.iterdir() if p.name.endswith(".part")]
    assert leftovers == []


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_real_full_disk_leaves_the_previous_file(
    command: str, demo_path: Path, small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: the checklist reported success with a truncated PDF that replaced the old one.
    target = small_disk / "out.file"
    target.write_bytes(OLD)
    _fill(small_disk, leave=4096)
    capsys.readouterr()
    assert main(["--db", str(demo_path), *COMMANDS[command](target)]) == 1
    _assert_left_as_it_was(target, capsys.readouterr().err)


def test_a_backup_onto_a_real_full_disk_leaves_no_file_and_no_journal(
    demo_path: Path, small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: a failed backup left a stray -journal file beside the copy.
    _fill(small_disk, leave=8192)
    before = sorted(p.name for p in small_disk.iterdir())
    capsys.readouterr()
    assert main(["--db", str(demo_path), "backup", str(small_disk / "copy.sqlite3")]) == 1
    err = capsys.readouterr().err
    assert "is full" in err and "unexpected" not in err, err
    assert sorted(p.name for p in small_disk.iterdir()) == before
    assert quick_check(demo_path) is None


def _fail_writes_after(monkeypatch: pytest.MonkeyPatch, allowed: int) -> None:
    """``os.write`` fails with ENOSPC once ``allowed`` bytes were written, as a full disk does."""
    real_write = os.write
    written = [0]

    def write(descriptor: int, data: Any) -> int:
        if written[0] + len(data) > allowed:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written[0] += len(data)
        return real_write(descriptor, data)

    monkeypatch.setattr(os, "write", write)


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("allowed", [0, 1000])
def test_enospc_while_writing_leaves_the_previous_file(
    command: str,
    allowed: int,
    *,
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "out.file"
    target.write_bytes(OLD)
    target.chmod(0o640)
    _fail_writes_after(monkeypatch, allowed)
    capsys.readouterr()
    assert main(["--db", str(demo_path), *COMMANDS[command](target)]) == 1
    _assert_left_as_it_was(target, capsys.readouterr().err)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize("command", list(COMMANDS))
def test_enospc_at_fsync_leaves_the_previous_file(
    command: str,
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Some file systems (NFS, delayed allocation) report the full disk only at fsync.
    target = tmp_path / "out.file"
    target.write_bytes(OLD)

    def fsync(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)
    capsys.readouterr()
    assert main(["--db", str(demo_path), *COMMANDS[command](target)]) == 1
    _assert_left_as_it_was(target, capsys.readouterr().err)


def test_enospc_at_fsync_of_a_backup_keeps_no_copy(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fsync(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)
    assert main(["--db", str(demo_path), "backup"]) == 1
    assert backups.list_backups(demo_path) == []
    # (The -wal and -shm SQLite keeps beside the database while reading it may be there.)
    companions = {f"{demo_path.name}-wal", f"{demo_path.name}-shm"}
    assert {p.name for p in demo_path.parent.iterdir()} - companions == {demo_path.name}


@pytest.mark.slow
@pytest.mark.parametrize("command", list(COMMANDS))
def test_kill_9_while_writing_leaves_the_previous_file_or_the_new_one_whole(
    command: str, demo_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.file"
    target.write_bytes(OLD)
    rng = random.Random(5)
    for _ in range(6):
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mpn_desktop",
                "--db",
                str(demo_path),
                *COMMANDS[command](target),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.5, 2.5))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        content = target.read_bytes()
        if content != OLD:  # the new file, complete
            if command == "export":
                json.loads(content)
            else:
                assert content.startswith(b"%PDF") and content.rstrip().endswith(b"%%EOF")
    assert quick_check(demo_path) is None

"""Why a database that is not damaged cannot be used where it is: a read-only folder, a full disk.

SQLite reports both as "unable to open database file", "disk I/O error" or
"attempt to write a readonly database", which read like damage. Before the
program calls a file damaged (and advises restoring a backup over it), it
asks the file system what is really wrong.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOM_NEEDED = 256 * 1024
"""Free bytes below which a disk counts as full: SQLite's -wal and -shm need room to start."""


def folder_problem(path: Path) -> str | None:
    """What keeps SQLite from writing beside ``path`` (read-only folder, full disk), or None."""
    folder = path.absolute().parent
    if not folder.is_dir():
        return None
    if _read_only_file_system(folder):
        return f"the disk holding {folder} is mounted read-only"
    if not os.access(folder, os.W_OK):
        return f"the folder {folder} is read-only (you may not write in it)"
    if path.exists() and not os.access(path, os.W_OK):
        return f"the file {path} is read-only (you may not write to it)"
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return None
    if free < ROOM_NEEDED:
        return f"the disk holding {folder} is full ({free:,} bytes free)"
    return None


def _read_only_file_system(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:  # Windows: os.access above tells a read-only folder
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def what_to_do(problem: str) -> str:
    """The advice for ``folder_problem``'s answer: never a restore, as nothing is damaged."""
    if "full" in problem:
        return "Free some space on that disk, then try again."
    return (
        "Make it writable, or copy the database to a folder you may write in and open the "
        "copy (mpn-desktop --db COPY)."
    )

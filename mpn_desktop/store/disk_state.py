"""Why a database that is not damaged cannot be used where it is: a read-only folder, a full disk.

SQLite reports both as "unable to open database file", "disk I/O error" or
"attempt to write a readonly database", which read like damage. Before the
program calls a file damaged (and advises restoring a backup over it), it
asks the file system what is really wrong.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from mpn_desktop.domain.vocabulary import _

ROOM_NEEDED = 256 * 1024
"""Free bytes below which a disk counts as full: SQLite's -wal and -shm need room to start."""


@dataclass(frozen=True)
class FolderProblem:
    """What keeps SQLite from writing, in the window's language, and whether the disk is full.

    ``disk_full`` is said beside the text so the advice does not depend on its words
    (a German text has no "full" in it).
    """

    text: str
    disk_full: bool = False

    def __str__(self) -> str:
        return self.text


def folder_problem(path: Path) -> FolderProblem | None:
    """What keeps SQLite from writing beside ``path`` (read-only folder, full disk), or None."""
    folder = path.absolute().parent
    if not folder.is_dir():
        return None
    if _read_only_file_system(folder):
        read_only = _("the disk holding {folder} is mounted read-only")
        return FolderProblem(read_only.format(folder=folder))
    if not os.access(folder, os.W_OK):
        return FolderProblem(
            _("the folder {folder} is read-only (you may not write in it)").format(folder=folder)
        )
    if path.exists() and not os.access(path, os.W_OK):
        return FolderProblem(
            _("the file {path} is read-only (you may not write to it)").format(path=path)
        )
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return None
    if free < ROOM_NEEDED:
        # Imported here: a full disk is rare, and the start-up need not load the wording.
        from mpn_desktop.domain.wording import number

        return FolderProblem(
            _("the disk holding {folder} is full ({free} bytes free)").format(
                folder=folder, free=number(free)
            ),
            disk_full=True,
        )
    return None


def _read_only_file_system(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:  # Windows: os.access above tells a read-only folder
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def what_to_do(problem: FolderProblem) -> str:
    """The advice for ``folder_problem``'s answer: never a restore, as nothing is damaged."""
    if problem.disk_full:
        return _("Free some space on that disk, then try again.")
    return _(
        "Make it writable, or copy the database to a folder you may write in and open the "
        "copy (mpn-desktop --db COPY)."
    )

"""The one writer of files at paths the user chose: exports, checklists, backups, rejects.

Every such file goes through ``write_user_file``, which first refuses a path
whose replacement would destroy data (the open database, its -wal/-shm/-journal,
its backups, any SQLite database, a device, a FIFO, a folder, a link to one of
those), then writes the content to a temporary file beside the target, flushes
it to the disk (fsync), checks its size and only then renames it over the
target. A failure (a full disk, a read-only folder) leaves the previous file
exactly as it was and no temporary file behind. A replaced file keeps its
mode; a new one is readable by its owner only (0600), as the database is.
"""

from __future__ import annotations

import contextlib
import errno
import fnmatch
import glob
import io
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from mpn_desktop.domain.vocabulary import _
from mpn_desktop.errors import MpnError

COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside a database file."""

_SQLITE_HEADER = b"SQLite format 3\x00"


class FileNotWritten(MpnError):
    """A file the user asked for was refused or could not be written; nothing was replaced."""


@dataclass(frozen=True)
class MadeAtPath:
    """Content that a library writes to a file name itself (SQLite's backup API).

    ``make`` is given the temporary file's path (an empty 0600 file) and fills it.
    """

    make: Callable[[Path], None]


Produce = bytes | Callable[[BinaryIO], object] | MadeAtPath
"""What to write: the bytes, a function writing to a binary file, or ``MadeAtPath``."""


def database_files(db_path: Path) -> list[Path]:
    """The database file and the companions SQLite keeps next to it."""
    return [db_path, *(Path(f"{db_path}{suffix}") for suffix in COMPANION_SUFFIXES)]


def is_part_of(path: Path, db_path: Path) -> bool:
    """Whether ``path`` is the database file ``db_path`` or one of its companions.

    Compared both by resolved name and by identity on the disk, so neither a
    symbolic nor a hard link to the database passes.
    """
    resolved = Path(os.path.realpath(path.expanduser()))
    for part in database_files(db_path):
        if resolved == Path(os.path.realpath(part)):
            return True
        with contextlib.suppress(OSError):
            if part.exists() and path.exists() and path.samefile(part):
                return True
    return False


def write_user_file(
    path: Path,
    produce: Produce,
    *,
    database: Path | None = None,
    replace: bool = True,
    making_backup: bool = False,
    verify: Callable[[Path], str | None] | None = None,
    reads: Iterable[Path] = (),
) -> Path:
    """Writes ``produce`` to ``path`` safely; returns the file written (links followed).

    ``database`` is the open database file: it, its companions and its backups
    are refused. ``replace`` False refuses an existing file (a backup never
    replaces anything). ``making_backup`` allows a name of the database's
    backups (only the backup writer passes it). ``verify`` checks the written
    temporary file before it takes the target's place (a problem, or None).
    ``reads`` are the files the command reads (an import's CSV, a catalogue):
    never written over. A ``FileNotWritten`` says what was wrong; the target
    is then as it was.
    """
    target, previous = _checked_target(Path(path), database, replace, making_backup, reads)
    existed = previous is not None
    partial = _temporary_beside(target, Path(path))
    try:
        _fill(partial, produce)
        if verify is not None:
            problem = verify(partial)
            if problem:
                raise FileNotWritten(
                    _("{path}: was not written: the file made was checked: {problem}").format(
                        path=path, problem=problem
                    )
                )
        _take_over(partial, previous)
        _publish(partial, target, path, replace)
    except OSError as error:
        _remove_partial(partial)
        raise FileNotWritten(_failure(path, error, existed)) from None
    except BaseException:
        _remove_partial(partial)
        raise
    _sync_folder(target.parent)
    _remove_stale_partials(target)
    return target


def check_user_file(
    path: Path, *, database: Path | None = None, replace: bool = True, reads: Iterable[Path] = ()
) -> None:
    """Refuses ``path`` now, as ``write_user_file`` would, before any work is done for it.

    For a file written after a long or committing operation (an import's
    rejects CSV): a bad name is said before the import, not after it.
    """
    _checked_target(Path(path), database, replace, False, reads)


# --- the checks ---------------------------------------------------------------------------


def _checked_target(
    path: Path, database: Path | None, replace: bool, making_backup: bool, reads: Iterable[Path]
) -> tuple[Path, os.stat_result | None]:
    """The real file to replace (links followed) and its status (None for a new name)."""
    if not str(path) or str(path) == ".":
        raise FileNotWritten(_("no file name was given; nothing was written"))
    path = path.expanduser()
    try:
        path.lstat()
    except FileNotFoundError:
        return _new_name(path, database, making_backup), None
    except OSError as error:
        raise FileNotWritten(
            _("{path}: cannot be written: {reason}").format(
                path=path, reason=describe_os_error(error)
            )
        ) from None
    try:
        info = path.stat()  # through a link, to what it points at
    except FileNotFoundError:
        raise FileNotWritten(
            _(
                "{path}: is a link to {link}, which does not exist; nothing was "
                "written (give the file's own name)"
            ).format(path=path, link=path.readlink())
        ) from None
    except OSError as error:
        raise FileNotWritten(
            _("{path}: cannot be written: {reason}").format(
                path=path, reason=describe_os_error(error)
            )
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise FileNotWritten(
            _("{path}: {problem}; nothing was written").format(
                path=path, problem=_not_a_file(path, info.st_mode)
            )
        )
    target = Path(os.path.realpath(path))
    _refuse_data_files(path, target, database, making_backup)
    if any(_same_file(target, Path(read).expanduser()) for read in reads):
        raise FileNotWritten(
            _(
                "{path}: is the file this command reads; writing over it would lose it, so "
                "nothing was written. Choose another file."
            ).format(path=path)
        )
    if _is_sqlite_database(target):
        raise FileNotWritten(
            _(
                "{path}: is a database file; replacing it would lose its data, so nothing was "
                "written. Choose another file."
            ).format(path=path)
        )
    if not replace:
        raise FileNotWritten(_exists_already(path))
    if not os.access(target, os.W_OK):
        # The rename would replace it anyway (the folder is writable): respect the file's mode.
        raise FileNotWritten(
            _(
                "{path}: is read-only; nothing was written (make it writable, or choose "
                "another file)"
            ).format(path=path)
        )
    return target, info


def _new_name(path: Path, database: Path | None, making_backup: bool) -> Path:
    folder = path.parent
    try:
        folder_info = folder.stat()
    except FileNotFoundError:
        raise FileNotWritten(
            _("{path}: the folder {folder} does not exist").format(path=path, folder=folder)
        ) from None
    except OSError as error:
        raise FileNotWritten(
            _("{path}: cannot be written: {reason}").format(
                path=path, reason=describe_os_error(error)
            )
        ) from None
    if not stat.S_ISDIR(folder_info.st_mode):
        raise FileNotWritten(_("{path}: {folder} is not a folder").format(path=path, folder=folder))
    target = Path(os.path.realpath(folder)) / path.name
    _refuse_data_files(path, target, database, making_backup)
    return target


def _refuse_data_files(
    shown: Path, target: Path, database: Path | None, making_backup: bool
) -> None:
    """Refuses the database, its companions and backups, and any database's journal."""
    if database is not None:
        if is_part_of(target, database):
            raise FileNotWritten(
                _(
                    "{path}: is the database itself (or its journal); replacing it would lose "
                    "its data, so nothing was written. Choose another file."
                ).format(path=shown)
            )
        if not making_backup and _is_backup_of(target, database):
            raise FileNotWritten(
                _(
                    "{path}: is a backup of the database (or has a backup's name); nothing was "
                    "written. Choose another file."
                ).format(path=shown)
            )
    for suffix in COMPANION_SUFFIXES:
        if target.name.endswith(suffix):
            base = target.with_name(target.name[: -len(suffix)])
            if base.is_file() and _is_sqlite_database(base):
                raise FileNotWritten(
                    _(
                        "{path}: is the journal of the database {base}; replacing it would "
                        "damage that database, so nothing was written. Choose another file."
                    ).format(path=shown, base=base)
                )


def _is_backup_of(target: Path, database: Path) -> bool:
    from mpn_desktop.store.backups import backup_glob, list_backups

    db = Path(os.path.realpath(database))
    names = (backup_glob(db), f"{db.stem}.refused-*")
    if target.parent == db.parent and any(fnmatch.fnmatch(target.name, n) for n in names):
        return True
    if not target.exists():
        return False
    return any(_same_file(target, backup) for backup in list_backups(db))


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return False


def _is_sqlite_database(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


def _not_a_file(path: Path, mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("is a folder; give a file name in it, such as {example}").format(
            example=path / "output"
        )
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("is a device, not a file")
    if stat.S_ISFIFO(mode):
        return _("is a named pipe (FIFO), not a file")
    if stat.S_ISSOCK(mode):
        return _("is a socket, not a file")
    return _("is not a regular file")


# --- the writing --------------------------------------------------------------------------


def _partial_prefix(target: Path) -> str:
    # The name is cut so that prefix + random part + suffix fit in a name of 255 bytes.
    return "." + target.name[:80] + "."


STALE_AFTER_SECONDS = 24 * 3600
"""Age after which a temporary file of a write that never finished is removed."""


def _remove_stale_partials(target: Path) -> None:
    """Removes temporary files left beside ``target`` by a write killed a day ago or more.

    A kill -9 (or a power cut) leaves no chance to clean up; the next write of
    the same file does. A day old, so a write still running elsewhere is left alone.
    """
    prefix = _partial_prefix(target)
    now = time.time()
    with contextlib.suppress(OSError):
        for leftover in target.parent.glob(f"{glob.escape(prefix)}*.part"):
            with contextlib.suppress(OSError):
                info = leftover.lstat()
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_AFTER_SECONDS:
                    leftover.unlink()


def _temporary_beside(target: Path, shown: Path) -> Path:
    # Beside the target, so the final rename stays on one file system.
    prefix = _partial_prefix(target)
    try:
        descriptor, name = tempfile.mkstemp(prefix=prefix, suffix=".part", dir=target.parent)
    except OSError as error:
        raise FileNotWritten(_failure(shown, error, target.exists())) from None
    os.close(descriptor)
    return Path(name)


class _DescriptorWriter(io.RawIOBase):
    """Raw writes straight to ``os.write``: every byte passes the operating system's check."""

    def __init__(self, descriptor: int) -> None:
        super().__init__()
        self._descriptor = descriptor
        self.written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        count = os.write(self._descriptor, data)
        self.written += count
        return count


def _fill(partial: Path, produce: Produce) -> None:
    if isinstance(produce, MadeAtPath):
        produce.make(partial)
        descriptor = os.open(partial, os.O_RDWR)
        try:
            os.fsync(descriptor)
            if os.fstat(descriptor).st_size == 0:
                raise OSError(errno.EIO, "nothing reached the disk")
        finally:
            os.close(descriptor)
        return
    descriptor = os.open(partial, os.O_WRONLY | os.O_TRUNC)
    try:
        raw = _DescriptorWriter(descriptor)
        out = io.BufferedWriter(raw)  # type: ignore[type-var]
        if isinstance(produce, bytes | bytearray):
            out.write(produce)
        else:
            produce(out)
        out.flush()
        written = raw.written
        os.fsync(descriptor)
        on_disk = os.fstat(descriptor).st_size
    finally:
        os.close(descriptor)
    if on_disk != written:
        raise OSError(errno.EIO, f"only {on_disk} of {written} bytes reached the disk")


def _take_over(partial: Path, previous: os.stat_result | None) -> None:
    """A replaced file keeps its mode, and its owner where we may give it (mkstemp made 0600)."""
    if previous is None:
        partial.chmod(0o600)
        return
    partial.chmod(stat.S_IMODE(previous.st_mode))
    chown = getattr(os, "chown", None)
    if chown is not None and (previous.st_uid, previous.st_gid) != _owner(partial):
        # Only root (or the owner, for the group) may; otherwise the file becomes ours.
        with contextlib.suppress(OSError):
            chown(partial, previous.st_uid, previous.st_gid)


def _owner(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_uid, info.st_gid


def _publish(partial: Path, target: Path, shown: Path, replace: bool) -> None:
    """Moves the complete file into place; without ``replace``, never over another file."""
    if replace:
        try:
            info = target.lstat()
        except FileNotFoundError:
            pass
        else:  # a FIFO or a folder put there while the file was being written
            if not stat.S_ISREG(info.st_mode):
                raise FileNotWritten(f"{shown}: {_not_a_file(shown, info.st_mode)}")
        partial.replace(target)
        return
    try:
        os.link(partial, target)  # fails when the name exists: nothing is replaced
    except FileExistsError:
        raise FileNotWritten(_exists_already(shown)) from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        if os.path.lexists(target):  # a file system without hard links
            raise FileNotWritten(_exists_already(shown)) from None
        partial.replace(target)
        return
    partial.unlink()


def _exists_already(shown: Path) -> str:
    return _("{path}: a file of that name exists already; choose another").format(path=shown)


def _remove_partial(partial: Path) -> None:
    for leftover in (partial, *(Path(f"{partial}{suffix}") for suffix in COMPANION_SUFFIXES)):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Makes the rename itself durable (POSIX; Windows has no folder handles to flush)."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


# --- messages -----------------------------------------------------------------------------


def describe_os_error(error: OSError) -> str:
    """The operating system's reason in the user's words (a full disk, a read-only folder)."""
    code = error.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _("the disk is full")
    if code == errno.EROFS:
        return _("the disk or folder is read-only")
    if code in (errno.EACCES, errno.EPERM):
        return _("permission denied (the file or its folder may not be written by you)")
    if code == errno.ENAMETOOLONG:
        return _("the file name is too long")
    if code == errno.ENOTDIR:
        return _("a part of the path is a file, not a folder")
    return error.strerror or str(error)


def _failure(path: Path, error: OSError, existed: bool) -> str:
    kept = _("the file that was there is unchanged") if existed else _("no file was made")
    return _("{path}: was not written: {reason}; {kept}").format(
        path=path, reason=describe_os_error(error), kept=kept
    )

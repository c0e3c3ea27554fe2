"""Backups of the database file: taken with SQLite's online backup API, kept next to it."""

from __future__ import annotations

import contextlib
import errno
import logging
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from mpn_desktop.domain.vocabulary import N_, _
from mpn_desktop.errors import DiskProblem, StoreError
from mpn_desktop.store import sqlite_files
from mpn_desktop.store.disk_state import folder_problem, what_to_do
from mpn_desktop.store.migrate import known_revisions
from mpn_desktop.store.private_files import create_private_file, make_private_folder
from mpn_desktop.store.user_files import (
    FileNotWritten,
    MadeAtPath,
    database_files,
    is_part_of,
    write_user_file,
)

__all__ = ["database_files", "is_part_of"]  # kept here for the callers of before

log = logging.getLogger(__name__)

KEEP_BACKUPS = 5
"""Automatic backups kept per database file; older ones are removed."""

_MARK = ".backup-"
_OLD_KEPT_REASON = "-replaced-by-restore"
"""How earlier versions named a refused file kept aside (among the backups, by mistake)."""

_OUR_TABLES = {"organization", "people", "exam_results"}
"""Tables every schema of mpn-desktop has had (with an unknown revision: a newer one)."""


def backup_glob(db_path: Path) -> str:
    """The file-name pattern of the backups of ``db_path``."""
    return f"{db_path.stem}{_MARK}*{db_path.suffix or '.sqlite3'}"


def list_backups(db_path: Path) -> list[Path]:
    """The backups of ``db_path`` next to it, oldest first (their names sort by time).

    A refused file kept aside by a restore is not a backup: offering it as
    "the latest backup" would bring the damage back.
    """
    found = db_path.parent.glob(backup_glob(db_path))
    return sorted(
        (path for path in found if not path.stem.endswith(_OLD_KEPT_REASON)),
        key=lambda path: path.name,
    )


def latest_backup(db_path: Path) -> Path | None:
    """The newest backup of ``db_path``, or None."""
    backups = list_backups(db_path)
    return backups[-1] if backups else None


def _backup_name(db_path: Path, reason: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return db_path.with_name(f"{db_path.stem}{_MARK}{stamp}-{reason}{db_path.suffix or '.sqlite3'}")


def backup(
    db_path: Path, dest: Path | None = None, *, reason: str = "manual", prune: bool = True
) -> Path:
    """Copies the live database to ``dest`` (default: a timestamped file next to it).

    The copy is checked (``PRAGMA quick_check``) before it is kept: a damaged
    database gives no backup, and the error says so and how to restore. The
    copy goes through ``write_user_file`` (never over another file, 0600, no
    leftovers on failure). Automatic backups next to the file are pruned to the
    newest ``KEEP_BACKUPS`` unless ``prune`` is False, never deleting a sound
    backup in favour of a damaged one; a ``dest`` chosen by the user is never pruned.
    """
    if not db_path.exists():
        raise StoreError(_("{path}: there is no database to back up").format(path=db_path))
    target = dest if dest is not None else _backup_name(db_path, reason)
    make_private_folder(target.parent, N_("the folder for the backup"))

    copy_damage: list[str] = []

    def copy(partial: Path) -> None:
        try:
            sqlite_files.online_backup(db_path, partial)
        except sqlite3.Error as error:
            if not isinstance(error, sqlite3.OperationalError):  # malformed, not a database
                copy_damage.append(str(error))
            # "disk I/O error" is SQLite's word for a full or read-only disk, on either side.
            for side, where in ((db_path, N_("the database")), (partial, N_("the backup"))):
                blocked = folder_problem(side)
                if blocked:
                    raise DiskProblem(
                        _(
                            "The backup of {path} was not made: {problem} (the folder of "
                            "{where}). {advice}"
                        ).format(
                            path=db_path,
                            problem=blocked,
                            where=_(where),
                            advice=what_to_do(blocked),
                        )
                    ) from None
            raise _as_os_error(error) from None

    def check(partial: Path) -> str | None:
        problem = sqlite_files.quick_check(partial)
        if problem:
            copy_damage.append(problem)
        return problem

    try:
        saved = write_user_file(
            target,
            MadeAtPath(copy),
            database=db_path,
            replace=False,
            making_backup=dest is None,
            verify=check,
        )
    except FileNotWritten as error:
        # A damaged copy of a sound database is a disk fault while copying; a copy
        # of a damaged database is damaged too: say which, and how to restore.
        damage = sqlite_files.quick_check(db_path) if copy_damage else None
        if damage is not None:
            raise StoreError(_damaged_database(db_path, damage)) from None
        raise StoreError(str(error)) from None
    log.info("backed up %s to %s", db_path, saved)
    if dest is None and prune:
        _prune(db_path)
    return saved


def _as_os_error(error: sqlite3.Error) -> OSError:
    """SQLite's failures while copying, as the operating system's (a full disk is ENOSPC)."""
    text = str(error)
    if "full" in text:
        return OSError(errno.ENOSPC, text)
    if "readonly" in text or "read-only" in text:
        return OSError(errno.EROFS, text)
    return OSError(errno.EIO, text)


def _damaged_database(db_path: Path, damage: str) -> str:
    message = _(
        "{path}: the database itself is damaged: {damage}. No backup was made (a copy of "
        "a damaged database would replace nothing), and the backups already kept were left "
        "as they are."
    ).format(path=db_path, damage=damage)
    return message + restore_advice(db_path, latest_sound_backup(db_path))


def restore_advice(db_path: Path, latest: Path | None) -> str:
    """How to go back to ``latest``, the latest sound backup of a refused database
    (``latest_sound_backup``, which the caller hands on to what offers to restore it),
    or, when there is none next to it, to one kept elsewhere: the sentence (with its
    leading space) that every refusal of a damaged database ends with."""
    if latest is None:
        return _(
            " No sound backup of it was found next to it in {folder}; to restore "
            'one kept elsewhere, run: mpn-desktop --db "{path}" restore BACKUP-FILE'
        ).format(folder=db_path.absolute().parent, path=db_path)
    return _(
        " To go back to the latest sound backup ({name}), run: "
        'mpn-desktop --db "{path}" restore "{latest}"'
    ).format(name=latest.name, path=db_path, latest=latest)


def latest_sound_backup(db_path: Path) -> Path | None:
    """The newest backup of ``db_path`` that passes its check, or None."""
    for candidate in reversed(list_backups(db_path)):
        if sqlite_files.quick_check(candidate) is None:
            return candidate
    return None


def _prune(db_path: Path) -> None:
    """Keeps the newest ``KEEP_BACKUPS``, and the newest ``KEEP_BACKUPS`` that pass their check.

    A backup damaged after it was made (a disk fault) does not count toward the
    sound ones, so pruning never leaves fewer sound backups than it found.
    """
    backups = list(reversed(list_backups(db_path)))  # newest first
    if len(backups) <= KEEP_BACKUPS:
        return  # nothing to prune: no check needed (each reads a whole file)
    sound = 0
    for position, candidate in enumerate(backups):
        if sound >= KEEP_BACKUPS and position >= KEEP_BACKUPS:
            candidate.unlink(missing_ok=True)
            log.info("removed old backup %s", candidate)
            continue
        is_sound = sqlite_files.quick_check(candidate) is None
        sound += is_sound
        if position >= KEEP_BACKUPS and not is_sound:
            candidate.unlink(missing_ok=True)
            log.info("removed old damaged backup %s", candidate)


def problem_with(path: Path) -> str | None:
    """What makes ``path`` unusable as an mpn-desktop database, or None when it is fine."""
    try:
        return _problem_with(path)
    except OSError as error:
        # A file the system will not let us read (/proc/self/mem, a failing disk).
        return _("it cannot be read ({error})").format(error=error.strerror or error)


def _problem_with(path: Path) -> str | None:
    if path.is_dir():
        return _("it is a folder, not a database file")
    if not path.exists():
        return _("the file does not exist")
    if not path.is_file():
        return _("it is not a regular file (a device, a named pipe or a socket)")
    if not sqlite_files.is_sqlite_file(path):
        return _("it is not a database file")
    problem = sqlite_files.quick_check(path)
    if problem:
        return problem
    foreign = _("it is a database, but not one written by mpn-desktop")
    try:
        revision = sqlite_files.stored_revision(path)
    except ValueError:
        return foreign
    if revision is None and sqlite_files.has_tables(path):
        return foreign
    if revision is not None and revision not in known_revisions():
        # Alembic keeps its alembic_version in other programs' databases too.
        if not _OUR_TABLES.issubset(sqlite_files.table_names(path)):
            return foreign
        return newer_version(revision)
    return None


def newer_version(revision: str) -> str:
    """The problem of a database written by a newer mpn-desktop (``revision`` unknown here)."""
    return _(
        "it was written by a newer version of mpn-desktop (schema {revision}); "
        "update the program to open it"
    ).format(revision=revision)


def problem_restoring(path: Path) -> str | None:
    """What keeps ``path`` from replacing a database, or None for a sound mpn-desktop database.

    Stricter than opening: an empty file or a database without tables would
    open as a new, empty database, and restoring it would empty the live one.
    """
    problem = problem_with(path)
    if problem:
        return problem
    if path.stat().st_size == 0:
        return _("it is empty (0 bytes), not a backup")
    if sqlite_files.stored_revision(path) is None:
        return _("it holds no mpn-desktop data (a database with no tables of this program)")
    if not _OUR_TABLES.issubset(sqlite_files.table_names(path)):
        return _("it is a database, but not one written by mpn-desktop")
    return None


def _keep_unusable(db_path: Path) -> Path:
    """Moves a damaged or foreign database file aside, its exact bytes kept.

    Its write-ahead log or rollback journal goes with it, under the kept
    file's name: the last commits of a newer version of the program may be
    in its WAL only, and a hot journal is what makes a half-written file whole.
    """
    if db_path.is_dir():
        raise StoreError(
            _("{path}: is a folder; nothing was restored into it").format(path=db_path)
        )
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    kept = db_path.with_name(f"{db_path.stem}.refused-{stamp}{db_path.suffix or '.sqlite3'}")
    journals = [
        (journal, Path(f"{kept}{suffix}"))
        for suffix in ("-wal", "-journal")
        if (journal := Path(f"{db_path}{suffix}")).is_file() and journal.stat().st_size > 0
    ]
    try:
        shutil.copy2(db_path, kept)
        for journal, kept_journal in journals:
            shutil.copy2(journal, kept_journal)
    except OSError as error:
        for copy in (kept, *(kept_journal for _journal, kept_journal in journals)):
            with contextlib.suppress(OSError):
                copy.unlink(missing_ok=True)
        raise StoreError(
            _(
                "{path}: cannot keep a copy of it before the restore ({error}); nothing was changed"
            ).format(path=db_path, error=error.strerror)
        ) from None
    try:
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        db_path.unlink()
    except OSError as error:
        raise StoreError(
            _("{path}: cannot be replaced ({error}); a copy of it is in {kept}").format(
                path=db_path, error=error.strerror, kept=kept
            )
        ) from None
    return kept


def restore(db_path: Path, backup_file: Path) -> Path | None:
    """Replaces the database with ``backup_file`` after checking it.

    What is replaced is kept first (as a backup next to the file); its path is
    returned, or None when there was no database yet.
    """
    if is_part_of(backup_file, db_path):
        problem: str | None = _("it is the database itself")
    else:
        problem = problem_restoring(backup_file)
    if problem:
        raise StoreError(
            _("{path}: cannot restore from this file: {problem}").format(
                path=backup_file, problem=problem
            )
        )
    kept: Path | None = None
    blocked = folder_problem(db_path)
    if blocked:
        # Checked first: SQLite calls a sound database on a read-only or full disk
        # unreadable, and the restore would set it aside as if it were damaged.
        raise DiskProblem(
            _("{path}: nothing was restored: {problem}. {advice}").format(
                path=db_path, problem=blocked, advice=what_to_do(blocked)
            )
        )
    if db_path.exists():
        if problem_with(db_path) is None:
            # Not pruned: the oldest backup may be the very file being restored.
            kept = backup(db_path, reason="before-restore", prune=False)
        else:
            kept = _keep_unusable(db_path)
    else:
        make_private_folder(db_path.parent, N_("the database folder"))
    # A file made here gets the database's 0600 (SQLite would make it 0644).
    made_here = create_private_file(db_path)
    try:
        sqlite_files.online_backup(backup_file, db_path, single_file=False)
    except (OSError, sqlite3.Error) as error:
        if made_here:  # an empty file of ours; what the user had is in ``kept``
            with contextlib.suppress(OSError):
                db_path.unlink(missing_ok=True)
        failed = _("{path}: restoring from {backup} failed ({error})").format(
            path=db_path, backup=backup_file, error=error
        )
        if kept:
            failed += _("; what it held is in {kept}").format(kept=kept)
        raise StoreError(failed) from error
    log.info("restored %s from %s (previous kept in %s)", db_path, backup_file, kept)
    return kept

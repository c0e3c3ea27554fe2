"""Backups of the database file: taken with SQLite's online backup API, kept next to it."""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from mpn_desktop.errors import StoreError
from mpn_desktop.store import engine as sqlite_engine
from mpn_desktop.store.migrate import known_revisions
from mpn_desktop.store.private_files import create_private_file, make_private_folder

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


def database_files(db_path: Path) -> list[Path]:
    """The database file and the companions SQLite keeps next to it."""
    return [db_path, *(Path(f"{db_path}{suffix}") for suffix in ("-wal", "-shm", "-journal"))]


def is_part_of(path: Path, db_path: Path) -> bool:
    """Whether ``path`` is the database file ``db_path`` or one of its companions."""
    resolved = path.expanduser().resolve()
    for part in database_files(db_path):
        if resolved == part.resolve():
            return True
        if part.exists() and path.exists() and path.samefile(part):
            return True
    return False


def _backup_name(db_path: Path, reason: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return db_path.with_name(f"{db_path.stem}{_MARK}{stamp}-{reason}{db_path.suffix or '.sqlite3'}")


def backup(
    db_path: Path, dest: Path | None = None, *, reason: str = "manual", prune: bool = True
) -> Path:
    """Copies the live database to ``dest`` (default: a timestamped file next to it).

    Automatic backups next to the file are pruned to the newest ``KEEP_BACKUPS``
    unless ``prune`` is False; a ``dest`` chosen by the user is never pruned.
    The copy is readable by its owner only, as the database is.
    """
    if not db_path.exists():
        raise StoreError(f"{db_path}: there is no database to back up")
    target = dest if dest is not None else _backup_name(db_path, reason)
    if is_part_of(target, db_path):
        raise StoreError(f"{target}: is the database itself (or its journal); choose another file")
    make_private_folder(target.parent, "the folder for the backup")
    if not create_private_file(target):  # O_EXCL: an existing file is never touched
        raise StoreError(f"{target}: a file of that name exists already; choose another")
    try:
        sqlite_engine.online_backup(db_path, target)
    except (OSError, sqlite3.Error) as error:
        with contextlib.suppress(OSError):
            target.unlink(missing_ok=True)
        raise StoreError(f"{db_path}: the backup to {target} failed ({error})") from error
    log.info("backed up %s to %s", db_path, target)
    if dest is None and prune:
        _prune(db_path)
    return target


def _prune(db_path: Path) -> None:
    for old in list_backups(db_path)[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
        log.info("removed old backup %s", old)


def problem_with(path: Path) -> str | None:
    """What makes ``path`` unusable as an mpn-desktop database, or None when it is fine."""
    if path.is_dir():
        return "it is a folder, not a database file"
    if not path.is_file():
        return "the file does not exist"
    if not sqlite_engine.is_sqlite_file(path):
        return "it is not a database file"
    problem = sqlite_engine.quick_check(path)
    if problem:
        return problem
    foreign = "it is a database, but not one written by mpn-desktop"
    try:
        revision = sqlite_engine.stored_revision(path)
    except ValueError:
        return foreign
    if revision is None and sqlite_engine.has_tables(path):
        return foreign
    if revision is not None and revision not in known_revisions():
        # Alembic keeps its alembic_version in other programs' databases too.
        if not _OUR_TABLES.issubset(sqlite_engine.table_names(path)):
            return foreign
        return (
            f"it was written by a newer version of mpn-desktop (schema {revision}); "
            "update the program to open it"
        )
    return None


def _keep_unusable(db_path: Path) -> Path:
    """Moves a damaged or foreign database file aside, its exact bytes kept.

    Its write-ahead log or rollback journal goes with it, under the kept
    file's name: the last commits of a newer version of the program may be
    in its WAL only, and a hot journal is what makes a half-written file whole.
    """
    if db_path.is_dir():
        raise StoreError(f"{db_path}: is a folder; nothing was restored into it")
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
            f"{db_path}: cannot keep a copy of it before the restore ({error.strerror}); "
            "nothing was changed"
        ) from None
    try:
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        db_path.unlink()
    except OSError as error:
        raise StoreError(
            f"{db_path}: cannot be replaced ({error.strerror}); a copy of it is in {kept}"
        ) from None
    return kept


def restore(db_path: Path, backup_file: Path) -> Path | None:
    """Replaces the database with ``backup_file`` after checking it.

    What is replaced is kept first (as a backup next to the file); its path is
    returned, or None when there was no database yet.
    """
    if is_part_of(backup_file, db_path):
        raise StoreError(f"{backup_file}: cannot restore from this file: it is the database itself")
    problem = problem_with(backup_file)
    if problem:
        raise StoreError(f"{backup_file}: cannot restore from this file: {problem}")
    kept: Path | None = None
    if db_path.exists():
        if problem_with(db_path) is None:
            # Not pruned: the oldest backup may be the very file being restored.
            kept = backup(db_path, reason="before-restore", prune=False)
        else:
            kept = _keep_unusable(db_path)
    else:
        make_private_folder(db_path.parent, "the database folder")
    # A file made here gets the database's 0600 (SQLite would make it 0644).
    made_here = create_private_file(db_path)
    try:
        sqlite_engine.online_backup(backup_file, db_path, single_file=False)
    except (OSError, sqlite3.Error) as error:
        if made_here:  # an empty file of ours; what the user had is in ``kept``
            with contextlib.suppress(OSError):
                db_path.unlink(missing_ok=True)
        where = f"; what it held is in {kept}" if kept else ""
        raise StoreError(
            f"{db_path}: restoring from {backup_file} failed ({error}){where}"
        ) from error
    log.info("restored %s from %s (previous kept in %s)", db_path, backup_file, kept)
    return kept

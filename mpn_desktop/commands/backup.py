"""The ``backup`` and ``restore`` commands for the SQLite database file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mpn_desktop.commands.common import database_url
from mpn_desktop.errors import StoreError


def register(subparsers: Any) -> None:
    """Adds ``backup [FILE]`` and ``restore FILE``."""
    backup = subparsers.add_parser(
        "backup",
        help="copy the database (default: a timestamped file next to it)",
        description=(
            "Copies the SQLite database safely, even while the window has it open, to FILE "
            "or to a timestamped file next to the database."
        ),
    )
    backup.add_argument("file", metavar="FILE", nargs="?", help="where to write the copy")
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help="replace the database with a backup (checked first; the old one is kept)",
        description=(
            "Replaces the database with a backup made by 'backup', after checking it is one; "
            "what the database held before is kept in a file next to it."
        ),
    )
    restore.add_argument("file", metavar="FILE", help="the backup to restore")
    restore.set_defaults(func=run_restore)


def _database_file(args: argparse.Namespace) -> Path:
    from mpn_desktop.store.engine import shown_url, sqlite_path

    url = database_url(args)
    path = sqlite_path(url)
    if path is None:
        raise StoreError(f"{shown_url(url)}: backup and restore work on SQLite database files only")
    return path


def run_backup(args: argparse.Namespace) -> int:
    """Copies the live database with SQLite's online backup API."""
    from mpn_desktop.store.backups import backup

    path = _database_file(args)
    # An empty name is refused by the writer, not taken for "no name": that would be a surprise.
    dest = Path(args.file).expanduser() if args.file is not None else None
    saved = backup(path, dest)
    print(f"Backed up {path} to {saved}.")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Replaces the database with a checked backup, keeping what it replaces."""
    from mpn_desktop.store.backups import restore

    path = _database_file(args)
    if not args.file.strip():  # Path("") is the current folder: name what is wrong instead
        raise StoreError("no backup file was given; nothing was restored")
    source = Path(args.file).expanduser()
    kept = restore(path, source)
    print(f"Restored {path} from {source}.")
    if kept is not None:
        print(f"What it held before is kept in {kept}.")
    return 0

"""The ``backup`` and ``restore`` commands: a SQLite file's copy, a server database's document.

A SQLite file is copied with SQLite's online backup API. A server database
(PostgreSQL) is written out as the JSON document of ``export`` (everything
the program keeps; its imports' history is not in it), and ``restore`` loads
such a document back in place of what the database holds, after writing what
it held to a document of its own. When ``pg_dump`` is on the PATH, ``backup``
also writes its archive of the whole database next to the document.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mpn_desktop.commands.common import competencies_catalog, database_url
from mpn_desktop.domain.vocabulary import N_, _
from mpn_desktop.errors import StoreError


def register(subparsers: Any) -> None:
    """Adds ``backup [FILE]`` and ``restore FILE``."""
    backup = subparsers.add_parser(
        "backup",
        help=_("copy the database (default: a timestamped file next to it)"),
        description=_(
            "Copies the SQLite database safely, even while the window has it open, to FILE "
            "or to a timestamped file next to the database."
        ),
    )
    backup.add_argument("file", metavar="FILE", nargs="?", help=_("where to write the copy"))
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help=_("replace the database with a backup (checked first; the old one is kept)"),
        description=_(
            "Replaces the database with a backup made by 'backup', after checking it is one; "
            "what the database held before is kept in a file next to it."
        ),
    )
    restore.add_argument("file", metavar="FILE", help=_("the backup to restore"))
    restore.set_defaults(func=run_restore)


def _database_file(args: argparse.Namespace) -> Path | None:
    """The SQLite file; None for a server database (written as a document)."""
    from mpn_desktop.store.database import database_scheme
    from mpn_desktop.store.engine import shown_url, sqlite_path

    url = database_url(args)
    path = sqlite_path(url)
    # The scheme as SQLAlchemy reads it: 'postgresqlx://' only looks like PostgreSQL.
    if path is None and database_scheme(url) != "postgresql":
        raise StoreError(
            _("{url}: backup and restore work on SQLite files and PostgreSQL only").format(
                url=shown_url(url)
            )
        )
    return path


def _document_backup_path(where: str) -> Path:
    from datetime import datetime

    from mpn_desktop.paths import data_dir
    from mpn_desktop.store.private_files import make_private_folder

    folder = data_dir() / "backups"
    make_private_folder(folder, N_("the backup folder"))
    name = "".join(
        c if c.isalnum() else "-" for c in where.rsplit("/", 1)[-1].split("?", maxsplit=1)[0]
    )
    return folder / f"{name or 'database'}-{datetime.now():%Y%m%d-%H%M%S}.json"


def _write_document_backup(args: argparse.Namespace, dest: Path | None) -> tuple[str, Path]:
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.documents import export_document, write_document_file

    with Database.open(database_url(args)) as db:
        target = dest if dest is not None else _document_backup_path(db.where)
        saved = write_document_file(export_document(db), target)
        return db.where, saved


def run_backup(args: argparse.Namespace) -> int:
    """Copies the live database: SQLite's online backup API, or a server's JSON document."""
    from mpn_desktop.store.backups import backup

    path = _database_file(args)
    if path is None:
        dest = Path(args.file).expanduser() if args.file is not None else None
        where, saved = _write_document_backup(args, dest)
        said = _(
            "Backed up {database} to {file} as a JSON document (mpn-desktop/1; "
            "'restore' loads it back, 'load' loads it anywhere)."
        )
        print(said.format(database=where, file=saved))
        _pg_dump_beside(database_url(args), saved)
        return 0
    # An empty name is refused by the writer, not taken for "no name": that would be a surprise.
    dest = Path(args.file).expanduser() if args.file is not None else None
    saved = backup(path, dest)
    print(_("Backed up {database} to {file}.").format(database=path, file=saved))
    return 0


def _pg_dump_beside(url: str, saved: Path) -> None:
    """Also writes ``pg_dump``'s archive of the whole database next to the document, when it can,
    and says which it did: the document alone, or the document and the archive."""
    from mpn_desktop.store.pg_dump import dump_database

    dest = saved.with_suffix(".pgdump")
    if dest == saved:
        dest = saved.with_name(saved.name + ".pgdump")
    dumped = dump_database(url, dest)
    if dumped.path is not None:
        said = _(
            "Also wrote pg_dump's archive of the whole database to {file} "
            "(with the imports' history; 'pg_restore' loads it into an empty database)."
        )
        print(said.format(file=dumped.path))
    else:
        said = _("No pg_dump archive was written ({problem}); the JSON document is the backup.")
        print(said.format(problem=dumped.problem))


def run_restore(args: argparse.Namespace) -> int:
    """Replaces the database with a checked backup, keeping what it replaces."""
    from mpn_desktop.store.backups import restore

    path = _database_file(args)
    if not args.file.strip():  # Path("") is the current folder: name what is wrong instead
        raise StoreError(_("no backup file was given; nothing was restored"))
    source = Path(args.file).expanduser()
    if path is None:
        return _restore_document(args, source)
    kept = restore(path, source)
    print(_("Restored {database} from {file}.").format(database=path, file=source))
    if kept is not None:
        print(_("What it held before is kept in {file}.").format(file=kept))
    return 0


def _restore_document(args: argparse.Namespace, source: Path) -> int:
    """Loads a JSON document in place of a server database's contents, keeping them first."""
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.documents import load_document, read_document_file

    document = read_document_file(source)
    competencies = {c.id for c in competencies_catalog(args).competencies}
    where, kept = _write_document_backup(args, None)
    with Database.open(database_url(args)) as db:
        load_document(db, document, replace=True, competencies=competencies, source=str(source))
    print(_("Restored {database} from {file}.").format(database=where, file=source))
    print(_("What it held before is kept in {file}.").format(file=kept))
    return 0

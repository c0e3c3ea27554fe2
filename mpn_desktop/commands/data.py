"""The ``export``, ``load`` and ``demo`` commands: the whole organisation in and out."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mpn_desktop.commands.common import catalog_path, database_url
from mpn_desktop.errors import MpnError


def register(subparsers: Any) -> None:
    """Adds ``export``, ``load`` and ``demo``."""
    export = subparsers.add_parser(
        "export",
        help="write the whole organisation to a JSON file (mpn-desktop/1)",
        description=(
            "Writes the whole organisation (targets, customers, subscriptions, usage, people, "
            "exams, references, fee payments) to one JSON document that 'load' reads back."
        ),
    )
    export.add_argument("file", metavar="FILE.json", help="the JSON file to write")
    export.set_defaults(func=run_export)

    load = subparsers.add_parser(
        "load",
        help="read a whole organisation from a JSON file (checked before writing)",
        description=(
            "Reads a whole organisation from a JSON document written by 'export'. Every "
            "problem is listed with its place in the document, and nothing is written "
            "unless all of it is right. A database that holds data already is refused "
            "unless --replace."
        ),
    )
    load.add_argument("file", metavar="FILE.json", help="the JSON document to read")
    load.add_argument(
        "--replace", action="store_true", help="replace what the database holds already"
    )
    load.set_defaults(func=run_load)

    demo = subparsers.add_parser(
        "demo",
        help="fill the database with a sample organisation",
        description=(
            "Fills the database with Contoso Cloud Ltd, a sample organisation dated around "
            "today, to try the program on. A database that holds data already is refused "
            "unless --replace."
        ),
    )
    demo.add_argument(
        "--replace", action="store_true", help="replace what the database holds already"
    )
    demo.set_defaults(func=run_demo)


def run_export(args: argparse.Namespace) -> int:
    """Writes the export document to FILE."""
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.documents import export_document, write_document_file

    path = Path(args.file).expanduser()
    with Database.open(database_url(args)) as db:
        _refuse_to_overwrite_a_database(path, db.path)
        document = export_document(db)
    write_document_file(document, path)
    print(f"Exported {_summary(document)} to {path}.")
    return 0


def _refuse_to_overwrite_a_database(path: Path, db_path: Path | None) -> None:
    """An export never replaces the database it reads, nor any other SQLite file."""
    from mpn_desktop.store.backups import is_part_of
    from mpn_desktop.store.engine import is_sqlite_file

    if db_path is not None and is_part_of(path, db_path):
        raise MpnError(
            f"{path}: is the database itself (or its journal); export to another file (.json)"
        )
    try:
        is_database = path.is_file() and path.stat().st_size > 0 and is_sqlite_file(path)
    except OSError:
        return  # write_document_file says what is wrong with the path
    if is_database:
        raise MpnError(
            f"{path}: is a database file; export writes JSON, so choose another file (.json)"
        )


def run_load(args: argparse.Namespace) -> int:
    """Checks the whole document, then writes it in one transaction."""
    from mpn_desktop.catalog_files import load_catalog
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.document_check import check_document
    from mpn_desktop.store.documents import load_document, read_document_file
    from mpn_desktop.store.engine import sqlite_path

    path = Path(args.file).expanduser()
    document = read_document_file(path)
    competencies = {item.id for item in load_catalog(catalog_path(args)).competencies}
    url = database_url(args)
    target = sqlite_path(url)
    made_here = target is not None and not target.exists()
    try:
        with Database.open(url) as db:
            # Every problem of the document first, then whether the database may take it.
            check_document(document, competencies, str(path))
            _refuse_a_filled_database(db, args.replace, f"mpn-desktop load --replace {path}")
            load_document(
                db, document, replace=args.replace, competencies=competencies, source=str(path)
            )
    except MpnError:
        if made_here and target is not None:
            # A refused document leaves no empty database behind where there was none.
            for leftover in (target, *(target.with_name(target.name + end) for end in _COMPANIONS)):
                leftover.unlink(missing_ok=True)
        raise
    print(f"Loaded {_summary(document)} from {path}.")
    return 0


_COMPANIONS = ("-wal", "-shm", "-journal")


def run_demo(args: argparse.Namespace) -> int:
    """Fills the database with Contoso Cloud Ltd, dated around today."""
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.sample import load_sample

    with Database.open(database_url(args)) as db:
        _refuse_a_filled_database(db, args.replace, "mpn-desktop demo --replace")
        load_sample(db, replace=args.replace)
        where = db.path or db.url
    print(f"The demo organisation Contoso Cloud Ltd is in {where}.")
    return 0


def _refuse_a_filled_database(db: Any, replace: bool, command: str) -> None:
    """Says which database holds data already and the command that replaces it.

    The store refuses too, but only with "Load with --replace", which names
    neither the database nor, for ``demo``, the right command.
    """
    from mpn_desktop.store.documents import is_empty

    if replace:
        return
    with db.session(readonly=True) as session:
        if is_empty(session.connection()):
            return
    raise MpnError(
        f"{db.path or db.url}: the database already holds an organisation; nothing was "
        f"written. '{command}' replaces everything in it ('mpn-desktop backup' first "
        "keeps a copy), or choose another database with --db PATH."
    )


def _summary(document: dict[str, Any]) -> str:
    counts = [
        f"{len(document.get(section) or [])} {label}"
        for section, label in (
            ("customers", "customers"),
            ("subscriptions", "subscriptions"),
            ("people", "people"),
            ("exams", "exam results"),
            ("references", "references"),
        )
    ]
    return ", ".join(counts)

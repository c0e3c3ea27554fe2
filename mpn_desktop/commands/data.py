"""The ``export``, ``load`` and ``demo`` commands: the whole organisation in and out."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mpn_desktop.commands.common import (
    UsageError,
    catalog_files_read,
    catalog_path,
    competencies_catalog,
    database_to_read,
    database_url,
    parse_as_of,
)
from mpn_desktop.domain.vocabulary import _, ngettext
from mpn_desktop.domain.wording import figure, number
from mpn_desktop.errors import MpnError

if TYPE_CHECKING:
    from mpn_desktop.domain.requirement_tree import RequirementTree


def register(subparsers: Any) -> None:
    """Adds ``export``, ``load`` and ``demo``."""
    export = subparsers.add_parser(
        "export",
        help=_("write the whole organisation to a JSON file or an Excel workbook"),
        description=_(
            "Writes the whole organisation (targets, customers, subscriptions, usage, people, "
            "exams, references, fee payments) to one JSON document (mpn-desktop/1) that "
            "'load' reads back. A name ending in .xlsx writes an Excel workbook instead: a "
            "sheet per table with the same columns, and a Status sheet of the progress."
        ),
    )
    export.add_argument(
        "file", metavar="FILE.json|FILE.xlsx", help=_("the JSON file or the workbook to write")
    )
    export.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help=_("the day of the workbook's Status sheet (default: today)"),
    )
    export.set_defaults(func=run_export)

    load = subparsers.add_parser(
        "load",
        help=_(
            "read a whole organisation from a JSON file or an Excel workbook (checked before "
            "writing)"
        ),
        description=_(
            "Reads a whole organisation from a JSON document or an Excel workbook written by "
            "'export' (and maybe edited since). Every problem is listed with its place in "
            "the document (sheet, row and column in a workbook), and nothing is written "
            "unless all of it is right. A database that holds data already is refused "
            "unless --replace."
        ),
    )
    load.add_argument(
        "file", metavar="FILE.json|FILE.xlsx", help=_("the JSON document or workbook to read")
    )
    load.add_argument(
        "--replace",
        action="store_true",
        help=_("replace what the database holds already (a backup of it is kept first)"),
    )
    load.set_defaults(func=run_load)

    demo = subparsers.add_parser(
        "demo",
        help=_("fill the database with a sample organisation"),
        description=_(
            "Fills the database with Contoso Cloud Ltd, a sample organisation dated around "
            "today, to try the program on. A database that holds data already is refused "
            "unless --replace."
        ),
    )
    demo.add_argument(
        "--replace",
        action="store_true",
        help=_("replace what the database holds already (a backup of it is kept first)"),
    )
    demo.set_defaults(func=run_demo)


def run_export(args: argparse.Namespace) -> int:
    """Writes the export document (or the workbook) to FILE, never over the database."""
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.documents import export_document, write_document_file
    from mpn_desktop.store.user_files import check_user_file
    from mpn_desktop.store.workbook_write import export_workbook

    path = Path(args.file).expanduser()
    workbook = _is_workbook(path, "export")
    as_of = parse_as_of(args.as_of)
    catalog = competencies_catalog(args) if workbook else None
    tree = _scored_tree(args, as_of) if workbook else None
    with Database.open(database_to_read(args)) as db:
        database = db.path
        # Said before the work: never the database, its journal or backups, nor --catalog.
        check_user_file(path, database=database, reads=catalog_files_read(args))
        if catalog is not None:
            document = export_workbook(db, catalog, as_of, path, database=database, tree=tree)
        else:
            document = export_document(db)
    if catalog is None:
        write_document_file(document, path, database=database)
    print(_("Exported {records} to {file}.").format(records=_summary(document), file=path))
    return 0


def _scored_tree(args: argparse.Namespace, as_of: date) -> RequirementTree | None:
    """The designations' scores as the Status sheet shows them, on a Solutions Partner day
    (None on a day of the 2017-2018 competencies, which the workbook evaluates itself)."""
    from mpn_desktop.commands.designation_status import score_stored_facts
    from mpn_desktop.programs import program_on

    program = program_on(as_of, catalog_path(args))
    if program.scored is None:
        return None
    day = score_stored_facts(args, program, as_of)
    return day.tree()


_OTHER_SPREADSHEETS = (".xls", ".xlsm", ".xlsb", ".ods", ".csv", ".numbers")


def _is_workbook(path: Path, command: str) -> bool:
    """Whether FILE is an Excel workbook (.xlsx); another spreadsheet format is a usage error."""
    suffix = path.suffix.casefold()
    if suffix == ".xlsm" and command == "load":
        return True  # a workbook saved with macros holds the same sheets
    if suffix in _OTHER_SPREADSHEETS:
        said = (
            _(
                "{path}: export writes a JSON document (.json) or an Excel workbook (.xlsx); name "
                "the file with one of these endings (any spreadsheet program opens the workbook)"
            )
            if command == "export"
            else _(
                "{path}: load reads a JSON document (.json) or an Excel workbook (.xlsx); "
                "save the spreadsheet as .xlsx"
            )
        )
        raise UsageError(said.format(path=path))
    return suffix == ".xlsx"


def run_load(args: argparse.Namespace) -> int:
    """Checks the whole document, then writes it in one transaction."""
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.document_check import check_document
    from mpn_desktop.store.documents import load_document, read_document_file
    from mpn_desktop.store.engine import sqlite_path

    path = Path(args.file).expanduser()
    competencies = {item.id for item in competencies_catalog(args).competencies}
    if _is_workbook(path, "load"):
        from mpn_desktop.store.workbook_read import read_workbook

        # Read and checked here: its problems name sheets, rows and columns.
        document = read_workbook(path, competencies)
    else:
        document = read_document_file(path)
    url = database_url(args)
    target = sqlite_path(url)
    made_here = target is not None and not target.exists()
    try:
        with Database.open(url) as db:
            # Every problem of the document first, then whether the database may take it.
            check_document(document, competencies, str(path))
            _refuse_a_filled_database(db, args.replace, f"mpn-desktop load --replace {path}")
            kept = _backup_before_replacing(db, "before-load")
            load_document(
                db, document, replace=args.replace, competencies=competencies, source=str(path)
            )
    except MpnError:
        if made_here and target is not None:
            # A refused document leaves no empty database behind where there was none.
            for leftover in (target, *(target.with_name(target.name + end) for end in _COMPANIONS)):
                leftover.unlink(missing_ok=True)
        raise
    print(_("Loaded {records} from {file}.").format(records=_summary(document), file=path))
    _say_kept(kept)
    return 0


_COMPANIONS = ("-wal", "-shm", "-journal")


def run_demo(args: argparse.Namespace) -> int:
    """Fills the database with Contoso Cloud Ltd, dated around today."""
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.sample import load_sample

    with Database.open(database_url(args)) as db:
        _refuse_a_filled_database(db, args.replace, "mpn-desktop demo --replace")
        kept = _backup_before_replacing(db, "before-demo")
        load_sample(db, replace=args.replace)
        where = db.where
    print(_("The demo organisation Contoso Cloud Ltd is in {database}.").format(database=where))
    _say_kept(kept)
    return 0


def _backup_before_replacing(db: Any, reason: str) -> Path | None:
    """A backup of a database file that holds data, made before --replace empties it.

    As the window's File > Load does: replacing everything is what the user
    asked for, and the backup makes it undoable (``restore``). A backup that
    fails stops the command before anything is replaced.
    """
    from mpn_desktop.store.backups import backup
    from mpn_desktop.store.documents import is_empty

    if db.path is None:
        return None  # a server database (PostgreSQL) has its own backups
    with db.session(readonly=True) as session:
        if is_empty(session.connection()):
            return None
    saved: Path = backup(db.path, reason=reason)
    return saved


def _say_kept(kept: Path | None) -> None:
    if kept is not None:
        said = _("What the database held before is kept in {file} ('mpn-desktop restore' it).")
        print(said.format(file=kept))


def _refuse_a_filled_database(db: Any, replace: bool, command: str) -> None:
    """Says which database holds data already and the command that replaces it.

    The store refuses too, but only with "Load with --replace", which names
    neither the database nor, for ``demo``, the right command.
    """
    from mpn_desktop.store.documents import is_empty, what_it_holds

    if replace:
        return
    with db.session(readonly=True) as session:
        connection = session.connection()
        if is_empty(connection):
            return
        held = what_it_holds(connection)
    said = _(
        "{database}: {held}; nothing was written. '{command}' replaces everything in it "
        "('mpn-desktop backup' first keeps a copy), or choose another database with --db PATH."
    )
    raise MpnError(said.format(database=db.where, held=held, command=command))


def _summary(document: dict[str, Any]) -> str:
    """ "2 customers, 3 subscriptions, 4 people, 9 exam results, 1 reference"."""

    def count(section: str) -> int:
        return len(document.get(section) or [])

    exams = ngettext("{count} exam result", "{count} exam results", count("exams"))
    counts = [
        figure(count("customers"), "customers"),
        figure(count("subscriptions"), "subscriptions"),
        figure(count("people"), "people"),
        exams.format(count=number(count("exams"))),
        figure(count("references"), "references"),
    ]
    return ", ".join(counts)

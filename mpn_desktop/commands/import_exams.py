"""The ``import-exams`` command: a CSV file of exam records into the database, all or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from mpn_desktop.commands.common import catalog_path, database_url
from mpn_desktop.domain.wording import plural

USAGE_ERROR = 2


def register(subparsers: Any) -> None:
    """Adds ``import-exams FILE [--dry-run] [--map COLUMN=FIELD ...] [--encoding E] ...``."""
    command = subparsers.add_parser(
        "import-exams",
        help="import exam records from a CSV file (all or nothing; re-imports add no duplicates)",
        description=(
            "Imports exam records from a CSV file: a Partner Center 'Training details' "
            "download, a spreadsheet, or Excel's 'Unicode text'. Nothing is written when "
            "any record has an error."
        ),
    )
    command.add_argument("file", metavar="FILE", help="the CSV file")
    command.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    command.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="read COLUMN as FIELD (mcp_id, name, first_name, last_name, email, exam_code, "
        "exam_title, passed_on, kind, or ignore); may be repeated",
    )
    command.add_argument("--encoding", metavar="E", help="the file's encoding (default: detected)")
    command.add_argument(
        "--delimiter", metavar="D", help="the column delimiter: ',', ';' or tab (default: detected)"
    )
    command.add_argument(
        "--date-format",
        metavar="F",
        help="MDY (as 11/25/2017) or DMY (as 25/11/2017, 25.11.2017), when the dates cannot tell",
    )
    command.set_defaults(func=run_import_exams)


def run_import_exams(args: argparse.Namespace) -> int:
    """Plans, checks and (unless a dry run or errors) writes the import; returns the exit code."""
    from mpn_desktop.catalog_files import load_catalog
    from mpn_desktop.importers.catalog_lookup import CatalogLookup
    from mpn_desktop.importers.importing import run_import
    from mpn_desktop.importers.kinds import ExamImport
    from mpn_desktop.importers.planning import plan_import
    from mpn_desktop.importers.reading import OptionError
    from mpn_desktop.store.database import Database

    path = Path(args.file).expanduser()
    try:
        plan = plan_import(
            path,
            encoding=args.encoding,
            delimiter=args.delimiter,
            overrides=args.map,
            date_format=args.date_format,
        )
    except OptionError as error:
        print(f"mpn-desktop import-exams: {error}", file=sys.stderr)
        return USAGE_ERROR
    kind = ExamImport(CatalogLookup(load_catalog(catalog_path(args))))
    for line in plan.describe():
        print(line)
    with Database.open(database_url(args)) as db:
        result = run_import(db, kind, path, plan.settings, dry_run=args.dry_run)
    for problem in result.errors:
        print(f"{path.name}: {problem}", file=sys.stderr)
    for note in result.warnings:
        print(note)
    print(result.summary)
    if result.errors:
        errors = len(result.errors)
        which = "the error" if errors == 1 else f"the {errors} errors"
        print(f"Nothing was imported: fix {which} above and import again.", file=sys.stderr)
        return 1
    if args.dry_run:
        print("Dry run: nothing was written.")
    elif result.committed:
        who = plural(result.people_added, "person", "people")
        print(
            f"Imported as batch {result.batch_id} ({result.people_added} {who} added); "
            f"'mpn-desktop imports --remove {result.batch_id}' takes it out again."
        )
    else:
        print("Nothing new to import.")
    return 0

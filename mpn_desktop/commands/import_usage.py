"""The ``import-usage`` command: customers, subscriptions and monthly usage from a file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mpn_desktop.commands.common import database_url
from mpn_desktop.commands.import_exams import (
    USAGE_ERROR,
    add_common_options,
    report_result,
)
from mpn_desktop.domain.vocabulary import _


def register(subparsers: Any) -> None:
    """Adds ``import-usage FILE [--dry-run] [--map ...] [--usd-rate CUR=RATE ...] ...``."""
    command = subparsers.add_parser(
        "import-usage",
        help=_(
            "import customers, subscriptions and monthly usage from a Partner Center file "
            "or a sheet (a month imported again from the same kind of file is replaced)"
        ),
        description=_(
            "Imports customers, subscriptions and monthly usage from a usage-based or "
            "license-based reconciliation file, a daily rated usage file, a new commerce "
            "invoice reconciliation file, an Insights Azure usage, licence usage or "
            "Subscription details download, or a sheet whose header names its columns as "
            "--map's fields do (subscription, month, consumption_usd, ...). The file is "
            "recognised by its header names. Rows are summed per "
            "subscription, month and service. Nothing is written when any line has an error, "
            "unless --skip-bad-rows. A file that brings only some of the services of months "
            "the database holds is refused unless --add-to-months or --replace-months says "
            "what to do with them."
        ),
    )
    command.add_argument("file", metavar="FILE", help=_("the CSV file"))
    add_common_options(command, fields=_usage_fields)
    command.add_argument(
        "--usd-rate",
        action="append",
        default=[],
        metavar="CUR=RATE",
        help=_(
            "the US$ value of one unit of a currency the file uses (e.g. EUR=1.18); "
            "needed for every currency other than USD, never guessed; may be repeated"
        ),
    )
    months = command.add_mutually_exclusive_group()
    months.add_argument(
        "--add-to-months",
        dest="months",
        action="store_const",
        const="add",
        help=_(
            "for months of which the file brings only some of the services the database "
            "holds (corrected or missing lines): add the file's lines to them and keep "
            "their other services"
        ),
    )
    months.add_argument(
        "--replace-months",
        dest="months",
        action="store_const",
        const="replace",
        help=_(
            "for months of which the file brings only some of the services the database "
            "holds (a newer export of the whole months): replace them with the file's lines"
        ),
    )
    command.set_defaults(func=run_import_usage)


def _usage_fields() -> Sequence[str]:
    from mpn_desktop.importers.columns import map_fields
    from mpn_desktop.importers.usage_fields import FIELD_SETS, SHEET

    # Every kind of usage file has the same fields (UsageField); --map takes any of them.
    return map_fields(FIELD_SETS[SHEET])


def run_import_usage(args: argparse.Namespace) -> int:
    """Plans, checks and (unless a dry run or errors) writes the import; returns the exit code."""
    from mpn_desktop.importers.importing import run_import
    from mpn_desktop.importers.reading import OptionError
    from mpn_desktop.importers.usage_import import UsageImport, parse_rates, plan_usage_import
    from mpn_desktop.importers.usage_overlaps import months_refusal
    from mpn_desktop.shown import shown_message
    from mpn_desktop.store import records
    from mpn_desktop.store.changes import RecordKind
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.usage_writing import MonthsChoice
    from mpn_desktop.store.user_files import check_user_file

    path = Path(args.file).expanduser()
    try:
        rates = parse_rates(args.usd_rate)
        plan = plan_usage_import(
            path,
            encoding=args.encoding,
            delimiter=args.delimiter,
            overrides=args.map,
            date_format=args.date_format,
            header_line=args.header_line,
        )
    except OptionError as error:
        print(f"mpn-desktop import-usage: {shown_message(str(error))}", file=sys.stderr)
        return USAGE_ERROR
    for line in plan.describe():
        print(line)
    with Database.open(database_url(args)) as db:
        if args.skip_bad_rows is not None:  # a bad REJECTS.csv is said before importing
            rejects = Path(args.skip_bad_rows).expanduser()
            check_user_file(rejects, database=db.path, reads=(path,))
        known = frozenset(
            str(row["external_id"]) for row in records.list_records(db, RecordKind.SUBSCRIPTION)
        )
        months = MonthsChoice(args.months) if args.months else None
        kind = UsageImport(plan.settings.mapping.fields, rates, known, months)
        result = run_import(
            db,
            kind,
            path,
            plan.settings,
            dry_run=args.dry_run,
            skip_bad_rows=args.skip_bad_rows is not None,
            allow_other_mpn_id=args.allow_other_mpn_id,
        )
        refused_before = (result.errors and args.skip_bad_rows is None) or (
            result.other_mpn_ids and not args.allow_other_mpn_id
        )
        if result.needs_months_choice and not refused_before:
            # Told after what the file holds, as the other refusals are.
            for note in result.warnings:
                print(note)
            print(months_refusal(path.name, result.overlaps), file=sys.stderr)
            return 1
        return report_result(args, path, plan.settings.mapping.header, result, db)

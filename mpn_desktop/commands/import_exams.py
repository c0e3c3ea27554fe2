"""The ``import-exams`` command: a CSV file of exam records into the database, all or nothing
unless ``--skip-bad-rows``.

``add_common_options`` and ``report_result`` are shared with ``import-usage``:
both imports take the same options and say what they did in the same way.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mpn_desktop.commands.common import (
    competencies_catalog,
    database_url,
    designation_catalogs,
)
from mpn_desktop.domain.vocabulary import _, ngettext
from mpn_desktop.domain.wording import figure, number

if TYPE_CHECKING:
    from mpn_desktop.importers.importing import ImportResult
    from mpn_desktop.store.database import Database

USAGE_ERROR = 2


def register(subparsers: Any) -> None:
    """Adds ``import-exams FILE [--dry-run] [--map COLUMN=FIELD ...] [--encoding E] ...``."""
    command = subparsers.add_parser(
        "import-exams",
        help=_(
            "import exam records from a CSV file (all or nothing unless --skip-bad-rows; "
            "re-imports add no duplicates)"
        ),
        description=_(
            "Imports exam records from a CSV file: a Partner Center 'Training details' "
            "download, a spreadsheet, or Excel's 'Unicode text'. Nothing is written when "
            "any record has an error, unless --skip-bad-rows."
        ),
    )
    command.add_argument("file", metavar="FILE", help=_("the CSV file"))
    add_common_options(command, fields=_exam_fields)
    command.set_defaults(func=run_import_exams)


def _exam_fields() -> Sequence[str]:
    from mpn_desktop.importers.columns import EXAM_FIELDS, map_fields

    return map_fields(EXAM_FIELDS)


class MapOption(argparse.Action):
    """``--map COLUMN=FIELD``, which may be repeated; its help lists the fields the import
    itself knows (``importers.columns.map_fields``), so the two cannot differ.

    They are read when the help is written, not when the parser is built: every start
    of the program builds the parser (the window's too), and never imports the importers
    for it.
    """

    def __init__(
        self,
        option_strings: Sequence[str],
        dest: str,
        *,
        fields: Callable[[], Sequence[str]],
        **options: Any,
    ) -> None:
        self._fields = fields
        super().__init__(option_strings, dest, **options)

    @property
    def help(self) -> str:
        """The option's help with the import's fields."""
        said = _("read COLUMN as FIELD ({fields}, or ignore); may be repeated")
        return said.format(fields=", ".join(self._fields()))

    @help.setter
    def help(self, _given: str | None) -> None:
        """argparse sets the help as it makes the action: the getter writes it instead."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        # A new list each time, as argparse's append does: the default list stays empty.
        setattr(namespace, self.dest, [*getattr(namespace, self.dest), values])


def add_common_options(
    command: argparse.ArgumentParser, *, fields: Callable[[], Sequence[str]]
) -> None:
    """The options every import takes (``fields``: the names ``--map`` takes besides ignore,
    read only when the help is written)."""
    command.add_argument(
        "--dry-run", action="store_true", help=_("check everything, write nothing")
    )
    command.add_argument(
        "--map", action=MapOption, default=[], metavar="COLUMN=FIELD", fields=fields
    )
    command.add_argument(
        "--encoding", metavar="E", help=_("the file's encoding (default: detected)")
    )
    command.add_argument(
        "--delimiter",
        metavar="D",
        help=_("the column delimiter: ',', ';' or tab (default: detected)"),
    )
    command.add_argument(
        "--date-format",
        metavar="F",
        help=_(
            "MDY (as 11/25/2017) or DMY (as 25/11/2017, 25.11.2017), when the dates cannot tell"
        ),
    )
    command.add_argument(
        "--header-line",
        metavar="N",
        type=_line_number,
        help=_(
            "the line the column names are on (default: the first line, or the first below "
            "it naming the columns; lines above it are skipped)"
        ),
    )
    command.add_argument(
        "--skip-bad-rows",
        metavar="REJECTS.csv",
        help=_(
            "import the good records even when others have errors; write the bad ones, "
            "with their error, to REJECTS.csv (to fix and import again)"
        ),
    )
    command.add_argument(
        "--allow-other-mpn-id",
        action="store_true",
        help=_("import a file whose MPN ID column names another organisation than this one"),
    )


def _line_number(text: str) -> int:
    """``--header-line N``: a line of the file, a whole number from 1."""
    try:
        line = int(text)
    except ValueError:
        line = 0
    if line < 1:
        said = _("{text} is not a line number (a whole number from 1)")
        raise argparse.ArgumentTypeError(said.format(text=repr(text)))
    return line


def run_import_exams(args: argparse.Namespace) -> int:
    """Plans, checks and (unless a dry run or errors) writes the import; returns the exit code."""
    from mpn_desktop.importers.catalog_lookup import CatalogLookup
    from mpn_desktop.importers.importing import run_import
    from mpn_desktop.importers.kinds import ExamImport
    from mpn_desktop.importers.planning import plan_import
    from mpn_desktop.importers.reading import OptionError
    from mpn_desktop.shown import shown_message
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.user_files import check_user_file

    path = Path(args.file).expanduser()
    try:
        plan = plan_import(
            path,
            encoding=args.encoding,
            delimiter=args.delimiter,
            overrides=args.map,
            date_format=args.date_format,
            header_line=args.header_line,
        )
    except OptionError as error:
        print(f"mpn-desktop import-exams: {shown_message(str(error))}", file=sys.stderr)
        return USAGE_ERROR
    # Read only when a code is not one of the 2017-2018 catalogue's: today's exams (AZ-104)
    # count toward a designation, not toward nothing. --catalog may be either program's file,
    # as status takes it (a Solutions Partner file's own codes are known first).
    kind = ExamImport(
        CatalogLookup.with_designations(
            competencies_catalog(args), lambda: designation_catalogs(args)
        )
    )
    for line in plan.describe():
        print(line)
    with Database.open(database_url(args)) as db:
        if args.skip_bad_rows is not None:  # a bad REJECTS.csv is said before importing
            rejects = Path(args.skip_bad_rows).expanduser()
            check_user_file(rejects, database=db.path, reads=(path,))
        result = run_import(
            db,
            kind,
            path,
            plan.settings,
            dry_run=args.dry_run,
            skip_bad_rows=args.skip_bad_rows is not None,
            allow_other_mpn_id=args.allow_other_mpn_id,
        )
        return report_result(args, path, plan.settings.mapping.header, result, db)


ERRORS_SHOWN = 20
"""Errors of an import printed one by one; the rest are counted (a file may have 50,000)."""


def print_errors(path: Path, errors: Sequence[object]) -> None:
    """The first ``ERRORS_SHOWN`` errors, each on one bounded line, and how many more there are.

    All of them go to the rejects file with ``--skip-bad-rows``, and the
    window's import lists them all.
    """
    from mpn_desktop.shown import shown_message, visible

    name = visible(path.name)
    for problem in errors[:ERRORS_SHOWN]:
        print(shown_message(f"{name}: {problem}", 300), file=sys.stderr)
    hidden = len(errors) - ERRORS_SHOWN
    if hidden > 0:
        more = ngettext("... and {count} more error", "... and {count} more errors", hidden)
        print(more.format(count=number(hidden)), file=sys.stderr)


def report_result(
    args: argparse.Namespace,
    path: Path,
    header: tuple[str, ...],
    result: ImportResult,
    db: Database,
) -> int:
    """Prints what an import did (errors to stderr) and returns the exit code."""
    from mpn_desktop.importers.rejects import rejects_advice, write_rejects
    from mpn_desktop.store import records

    if result.ignored_columns:
        print(_("Ignored columns: {columns}").format(columns=", ".join(result.ignored_columns)))
    print_errors(path, result.errors)
    if result.other_mpn_ids and not args.allow_other_mpn_id:
        organization = records.get_organization(db) or {}
        ids = ", ".join(result.other_mpn_ids)
        print(
            _(
                "{file}: the file is for MPN ID {ids}, and this database's organisation is "
                "MPN ID {own}; nothing was imported. If the file is meant for this "
                "organisation, import it with --allow-other-mpn-id."
            ).format(file=path.name, ids=ids, own=organization.get("mpn_id", "")),
            file=sys.stderr,
        )
        return 1
    for note in result.warnings:
        print(note)
    print(result.summary)
    if result.missing_rates:
        example = result.missing_rates[0]
        print(
            _(
                "Give the US$ rate of {currencies} with --usd-rate "
                "(e.g. --usd-rate {example}=1.18: one {example} is US$ 1.18)."
            ).format(currencies=", ".join(result.missing_rates), example=example),
            file=sys.stderr,
        )
    if result.errors and args.skip_bad_rows is None:
        errors = len(result.errors)
        fix = ngettext(
            "Nothing was imported: fix the error above and import again.",
            "Nothing was imported: fix the {count} errors above and import again.",
            errors,
        )
        print(fix.format(count=number(errors)), file=sys.stderr)
        if len({problem.line for problem in result.errors}) < result.records_read:
            print(
                _("To import the good records now: --skip-bad-rows REJECTS.csv (for the bad ones).")
            )
        return 1
    if result.rejected:
        rejects = Path(args.skip_bad_rows).expanduser()
        written = write_rejects(rejects, header, result, database=db.path)
        bad = len(result.rejected)
        skipped = ngettext(
            "{count} record with errors was skipped and written to {file}.",
            "{count} records with errors were skipped and written to {file}.",
            bad,
        )
        print(skipped.format(count=number(bad), file=written))
        advice = rejects_advice(result)
        if advice:
            print(advice)
    if args.dry_run:
        print(_("Dry run: nothing was written."))
    elif result.committed:
        print(
            _(
                "Import {batch} done ({created}); "
                "'mpn-desktop imports --remove {batch}' takes it out again."
            ).format(batch=result.batch_id, created=_created(result))
        )
    else:
        print(_("Nothing new to import."))
    return 0


def _created(result: ImportResult) -> str:
    """What an import added, in wording's unit words: "3 customers, 4 subscriptions added"."""
    if result.kind == "usage":
        added = _("{customers}, {subscriptions} added").format(
            customers=figure(result.customers_added, "customers"),
            subscriptions=figure(result.subscriptions_added, "subscriptions"),
        )
        if not result.replaced:
            return added
        replaced = ngettext(
            "{count} row of an earlier import of the same source replaced",
            "{count} rows of an earlier import of the same source replaced",
            result.replaced,
        )
        return f"{added}, {replaced.format(count=number(result.replaced))}"
    return _("{people} added").format(people=figure(result.people_added, "people"))

"""The ``checklist`` command: the printable checklist written to PDF, no display needed."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mpn_desktop.commands.common import (
    UsageError,
    catalog_files_read,
    catalog_path,
    database_to_read,
    parse_as_of,
)
from mpn_desktop.domain.enums import Level
from mpn_desktop.domain.vocabulary import _, ngettext
from mpn_desktop.domain.wording import day, number
from mpn_desktop.errors import MpnError

if TYPE_CHECKING:
    from mpn_desktop.domain.facts import Facts
    from mpn_desktop.domain.program_choice import ProgramOnDay
    from mpn_desktop.reports.checklist import Checklist

_PAGE_SIZES = {"a4": "A4", "letter": "Letter"}


def _page_size(text: str) -> str:
    try:
        return _PAGE_SIZES[text.strip().lower()]
    except KeyError:
        said = _("{text} is not a page size (choose A4 or Letter)")
        raise argparse.ArgumentTypeError(said.format(text=repr(text))) from None


def register(subparsers: Any) -> None:
    """Adds ``checklist --pdf OUT.pdf [--competency ID] [--level L] [--as-of D] [--page-size]``."""
    checklist = subparsers.add_parser(
        "checklist",
        help=_(
            "write the printable checklist of the target competencies or designations to a PDF file"
        ),
        description=_(
            "Writes the checklist to take to a meeting: each target competency (or the one "
            "chosen) at each level up to its target (or the one chosen), with the four steps, "
            "their figures and evidence, what to do next and what is at risk. On a day from "
            "October 2022 on, each target designation (or the one chosen) with its metrics' "
            "points and what is still missing."
        ),
    )
    checklist.add_argument(
        "--pdf", metavar="OUT.pdf", required=True, help=_("the PDF file to write")
    )
    checklist.add_argument(
        "--competency",
        metavar="ID",
        help=_(
            "only this competency (e.g. cloud-platform), or from October 2022 this "
            "designation (e.g. modern-work)"
        ),
    )
    checklist.add_argument(
        "--level",
        choices=[level.value for level in Level],
        help=_("only this level (of a competency; designations have none)"),
    )
    checklist.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help=_("evaluate on this day (default: today)")
    )
    checklist.add_argument(
        "--page-size",
        type=_page_size,
        metavar="A4|Letter",
        help=_(
            "paper size (default: from the system's paper locale, LC_PAPER: Letter in the "
            "US, Canada, Mexico and the other countries that use it, A4 elsewhere)"
        ),
    )
    checklist.set_defaults(func=run_checklist)


def ensure_gui_application() -> object:
    """The running QGuiApplication, or a new one (offscreen when there is no display).

    Fonts need a QGuiApplication; on Linux and the BSDs without X11 or Wayland
    the offscreen platform stands in, so the command works on a server.
    """
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise MpnError(_("the checklist needs a graphical application object to lay out text"))
        return app
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and sys.platform not in ("win32", "darwin"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["mpn-desktop"])


def _designation_checklist(
    args: argparse.Namespace, program: ProgramOnDay, as_of: date, facts: Facts
) -> Checklist:
    """The Solutions Partner checklist of the day (``--competency`` names a designation)."""
    from mpn_desktop.commands.designation_status import score_facts
    from mpn_desktop.reports.designation_checklist import build_designation_checklist

    if args.level:
        said = _(
            "--level {level}: the Solutions Partner designations have no levels on {day}; "
            "leave --level out"
        )
        raise UsageError(said.format(level=args.level, day=day(as_of)))
    scored = score_facts(args, program, as_of, facts)
    organization = scored.facts.organization
    tree = scored.tree()
    return build_designation_checklist(
        scored.catalog, tree, organization, designation=args.competency, printed_on=date.today()
    )


def run_checklist(args: argparse.Namespace) -> int:
    """Evaluates the stored facts and writes the checklist to ``--pdf``."""
    from mpn_desktop.catalog_files import load_catalog
    from mpn_desktop.domain.designation_score import usage_start
    from mpn_desktop.programs import program_on
    from mpn_desktop.reports.checklist import build_checklist
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.facts_sqlite import read_facts
    from mpn_desktop.store.user_files import check_user_file, write_user_file

    as_of = parse_as_of(args.as_of)
    level = Level(args.level) if args.level else None
    program = program_on(as_of, catalog_path(args))
    path = Path(args.pdf).expanduser()
    document: Checklist
    with Database.open(database_to_read(args), engine_later=True) as db:
        database = db.path
        # Said before the work: never the database, its journal or backups, nor --catalog.
        try:
            check_user_file(path, database=database, reads=catalog_files_read(args))
        except MpnError as error:
            said = _("the checklist was not written: {problem}")
            raise MpnError(said.format(problem=error)) from None
        # Read once here for either program, on the connection the check above opened.
        if program.scored is None:
            from mpn_desktop.domain.performance import usage_window_start

            catalog = load_catalog(catalog_path(args))
            facts = read_facts(db, usage_from=usage_window_start(as_of))
        else:
            facts = read_facts(db, usage_from=usage_start(as_of))
    if program.scored is not None:
        document = _designation_checklist(args, program, as_of, facts)
    else:
        # The 2017-2018 engine only for its days: a designation day does not import it.
        from mpn_desktop.domain.evaluate import evaluate

        progress = evaluate(catalog, facts, as_of)
        if program.notes:
            progress = replace(progress, notes=(*program.notes, *progress.notes))
        document = build_checklist(
            catalog,
            facts,
            progress,
            competency=args.competency,
            level=level,
            printed_on=date.today(),
        )
    app = ensure_gui_application()  # kept referenced while the PDF is drawn
    from mpn_desktop.reports.render import default_page_size, render_pdf

    page_size = args.page_size or default_page_size()

    save = partial(write_user_file, database=database)
    pages = render_pdf(document, path, page_size, save=save)
    assert app is not None
    print(
        ngettext(
            "Checklist written to {path} ({pages} page, {size}).",
            "Checklist written to {path} ({pages} pages, {size}).",
            pages,
        ).format(path=path, pages=number(pages), size=page_size)
    )
    return 0

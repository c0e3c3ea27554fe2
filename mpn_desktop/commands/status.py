"""The ``status`` command: the rules engine on the stored facts, as a table or as JSON."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from mpn_desktop.commands.common import catalog_path, database_to_read, parse_as_of
from mpn_desktop.commands.text_lines import TextLine, labelled, plain_text, wrap_lines
from mpn_desktop.domain.vocabulary import N_, _
from mpn_desktop.domain.wording import day, have_of_need, level_word, long_day

if TYPE_CHECKING:
    from mpn_desktop.domain.progress import Progress
    from mpn_desktop.domain.requirement_tree import RequirementNode


def register(subparsers: Any) -> None:
    """Adds ``status [--as-of DATE] [--json]``."""
    status = subparsers.add_parser(
        "status",
        help=_("progress of every targeted competency or designation, and what is still missing"),
        description=_(
            "Shows, for every targeted competency and each level up to its target, the four "
            "steps (sales performance, exams, customer references, fee) with what you have "
            "against what is needed, what is still missing and what is at risk. On a day from "
            "October 2022 on, every Solutions Partner designation instead: its score out of 100 "
            "points, each metric's points, what is still missing and the cheapest way to "
            "qualify."
        ),
    )
    status.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help=_("evaluate on this day (default: today)")
    )
    status.add_argument("--json", action="store_true", help=_("print the status JSON document"))
    status.set_defaults(func=run_status)


def run_status(args: argparse.Namespace) -> int:
    """Loads the facts, evaluates them and prints the result."""
    from mpn_desktop.catalog_files import load_catalog
    from mpn_desktop.domain.evaluate import evaluate
    from mpn_desktop.domain.performance import usage_window_start
    from mpn_desktop.domain.progress_json import progress_to_json
    from mpn_desktop.programs import program_on
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.facts_sqlite import read_facts

    as_of = parse_as_of(args.as_of)
    program = program_on(as_of, catalog_path(args))
    if program.scored is not None:
        from mpn_desktop.commands.designation_status import run_scored_status

        return run_scored_status(args, program, as_of)
    catalog = load_catalog(catalog_path(args))
    with Database.open(database_to_read(args), engine_later=True) as db:
        facts = read_facts(db, usage_from=usage_window_start(as_of))
    progress = evaluate(catalog, facts, as_of)
    if program.notes:
        progress = replace(progress, notes=(*program.notes, *progress.notes))
    if args.json:
        print(json.dumps(progress_to_json(progress), indent=2, ensure_ascii=False))
    else:
        # Wrapped to the terminal; piped or redirected, one line per item for grep.
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        print(render_text(progress, width=width))
    return 0


_STEP_WORDS = {
    "performance": N_("performance"),
    "exams": N_("exams"),
    "references": N_("references"),
    "fee": N_("fee"),
}
"""The steps' short names in the table (their ids in English)."""


def _step_line(step: RequirementNode) -> str:
    yes, no = _("yes"), _("no")
    mark = (yes if step.met else no).ljust(max(len(yes), len(no)))
    name = _(_STEP_WORDS[step.id]) if step.id in _STEP_WORDS else step.id
    figures = have_of_need(step.have or 0, step.need or 0, step.unit)
    # The figures stand in one column under the longest step name of the language
    # (German's "Kundenreferenzen" is longer than English's 12 characters).
    width = max(12, *(len(_(word)) for word in _STEP_WORDS.values()))
    return f"    [{mark}] {name:<{width}} {figures}"


def _level_lines(level: RequirementNode) -> list[str | TextLine]:
    state = _("ATTAINED") if level.met else _("not attained")
    lines: list[str | TextLine] = [
        "  "
        + _("{level}: {state} (option: {option})").format(
            level=level.label, state=state, option=level.way
        )
    ]
    lines.extend(_step_line(step) for step in level.children)
    missing = _("missing: {sentence}")
    lines.extend(labelled("      ", missing, "sentence", s) for s in level.missing)
    return lines


def _competency_lines(item: RequirementNode) -> list[str | TextLine]:
    target = level_word(item.target.id) if item.target else _("none")
    retired = _(" (retired)") if item.retired else ""
    lines: list[str | TextLine] = [
        _("{competency}{retired} - target {target}").format(
            competency=item.label, retired=retired, target=target
        )
    ]
    for level in item.children:
        lines.extend(_level_lines(level))
    at_risk = _("at risk on {day}: {what}")
    lines.extend(
        labelled("  ", at_risk, "what", risk.what, day=day(risk.on)) for risk in item.at_risk
    )
    return lines


NO_TARGET_HINT = N_(
    "No competency is targeted yet. Choose the competencies to aim for under "
    "Edit > Organisation and targets in the window (run mpn-desktop), load an "
    "organisation (mpn-desktop load FILE.json), or try the sample (mpn-desktop demo)."
)


def render_text(progress: Progress, width: int | None = None) -> str:
    """A readable table per targeted competency and level: steps have/need, what is missing.

    Drawn from the requirement tree. With ``width``, long lines wrap under their
    own text (a "missing:" sentence under its first word), so nothing runs past
    the terminal's edge.
    """
    # Imported here, not for every command's parser (the tree and the progress model it
    # reads cost every command's start-up ~20-40 ms).
    from mpn_desktop.domain.competency_tree import requirement_tree
    from mpn_desktop.domain.fee_text import renewal_sentence, this_year_sentence

    tree = requirement_tree(progress)
    org = tree.organization
    as_of = long_day(tree.as_of)
    if org.name:
        heading = _("{organisation} (MPN ID {mpn_id}), as of {day}").format(
            organisation=org.name, mpn_id=org.mpn_id or _("not entered"), day=as_of
        )
    else:
        heading = _("No organisation entered yet; as of {day}").format(day=as_of)
    lines: list[str | TextLine] = [heading]
    fee = tree.fee
    if fee is not None and fee.level is not None:
        lines.append(
            labelled("", _("Fee this year: {sentence}"), "sentence", this_year_sentence(fee))
        )
        lines.append(
            labelled("", _("Fee at renewal: {sentence}"), "sentence", renewal_sentence(fee))
        )
    lines.extend(labelled("", _("Note: {note}"), "note", note) for note in tree.notes)
    targeted = tree.targeted
    if not targeted:
        lines.append(_(NO_TARGET_HINT))
    for item in targeted:
        lines.append("")
        lines.extend(_competency_lines(item))
    if width is None:
        return "\n".join(plain_text(lines))
    return "\n".join(wrap_lines(lines, width))

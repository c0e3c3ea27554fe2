"""The ``status`` command: the rules engine on the stored facts, as a table or as JSON."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
from dataclasses import replace
from typing import Any

from mpn_desktop.commands.common import catalog_path, database_to_read, parse_as_of
from mpn_desktop.domain.competency_tree import requirement_tree
from mpn_desktop.domain.fee_text import renewal_sentence, this_year_sentence
from mpn_desktop.domain.progress import Progress
from mpn_desktop.domain.requirement_tree import RequirementNode
from mpn_desktop.domain.vocabulary import N_, _
from mpn_desktop.domain.wording import day, have_of_need, level_word, long_day


def register(subparsers: Any) -> None:
    """Adds ``status [--as-of DATE] [--json]``."""
    status = subparsers.add_parser(
        "status",
        help="progress of every targeted competency, and what is still missing",
        description=(
            "Shows, for every targeted competency and each level up to its target, the four "
            "steps (sales performance, exams, customer references, fee) with what you have "
            "against what is needed, what is still missing and what is at risk."
        ),
    )
    status.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help="evaluate on this day (default: today)"
    )
    status.add_argument("--json", action="store_true", help="print the status JSON document")
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
    return f"    [{mark}] {name:<12} {figures}"


def _level_lines(level: RequirementNode) -> list[str]:
    state = _("ATTAINED") if level.met else _("not attained")
    lines = [
        "  "
        + _("{level}: {state} (option: {option})").format(
            level=level.label, state=state, option=level.way
        )
    ]
    lines.extend(_step_line(step) for step in level.children)
    lines.extend("      " + _("missing: {sentence}").format(sentence=s) for s in level.missing)
    return lines


def _competency_lines(item: RequirementNode) -> list[str]:
    target = level_word(item.target.id) if item.target else _("none")
    retired = _(" (retired)") if item.retired else ""
    lines = [
        _("{competency}{retired} - target {target}").format(
            competency=item.label, retired=retired, target=target
        )
    ]
    for level in item.children:
        lines.extend(_level_lines(level))
    lines.extend(
        "  " + _("at risk on {day}: {what}").format(day=day(risk.on), what=risk.what)
        for risk in item.at_risk
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
    tree = requirement_tree(progress)
    org = tree.organization
    as_of = long_day(tree.as_of)
    if org.name:
        heading = _("{organisation} (MPN ID {mpn_id}), as of {day}").format(
            organisation=org.name, mpn_id=org.mpn_id or _("not entered"), day=as_of
        )
    else:
        heading = _("No organisation entered yet; as of {day}").format(day=as_of)
    lines = [heading]
    fee = tree.fee
    if fee is not None and fee.level is not None:
        lines.append(_("Fee this year: {sentence}").format(sentence=this_year_sentence(fee)))
        lines.append(_("Fee at renewal: {sentence}").format(sentence=renewal_sentence(fee)))
    lines.extend(_("Note: {note}").format(note=note) for note in tree.notes)
    targeted = tree.targeted
    if not targeted:
        lines.append(_(NO_TARGET_HINT))
    for item in targeted:
        lines.append("")
        lines.extend(_competency_lines(item))
    if width is None:
        return "\n".join(lines)
    return "\n".join(wrap_lines(lines, width))


def wrap_lines(lines: list[str], width: int) -> list[str]:
    """Each line wrapped to ``width`` with its continuation under its label's text."""
    return [wrapped for line in lines for wrapped in _wrap(line, width)]


_LABELS: tuple[str, ...] = ("missing: ", "Note: ", "Fee this year: ", "Fee at renewal: ")
_LABELS += ("Fee: ", "cheapest way to 70: ")
"""Labels a wrapped line's continuation hangs under the text of."""


def _translated_labels() -> tuple[str, ...]:
    """The labels as the chosen language writes them (the text before each template's field)."""
    templates = (
        _("missing: {sentence}"),
        _("Note: {note}"),
        _("Fee this year: {sentence}"),
        _("Fee at renewal: {sentence}"),
    )
    return tuple(label for text in templates if (label := text.split("{", 1)[0]))


def _wrap(line: str, width: int) -> list[str]:
    """One line wrapped to ``width``, continuation lines under the text after its label."""
    body = line.lstrip()
    label = ""
    for prefix in (*_LABELS, *_translated_labels()):
        if body.startswith(prefix):
            label = prefix
    at_risk = _("at risk on {day}: {what}").split("{", 1)[0] or "at risk on "
    if not label and body.startswith(at_risk) and ": " in body:
        label = body[: body.index(": ") + 2]
    hang = " " * (len(line) - len(body) + len(label))
    return textwrap.wrap(
        line, max(width - 1, len(hang) + 20), subsequent_indent=hang, break_on_hyphens=False
    ) or [line]

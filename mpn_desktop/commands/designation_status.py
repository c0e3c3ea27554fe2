"""``status`` for a day under the Solutions Partner program: scores as a table or as JSON."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from datetime import date

from mpn_desktop.commands.common import catalog_path, database_to_read
from mpn_desktop.commands.text_lines import TextLine, labelled, plain_text, wrap_lines
from mpn_desktop.domain.designation_json import scored_status_to_json
from mpn_desktop.domain.designation_results import DesignationScore, MetricScore
from mpn_desktop.domain.designation_score import usage_start
from mpn_desktop.domain.designation_steps import step_nodes, step_text
from mpn_desktop.domain.designation_way import way_lines
from mpn_desktop.domain.designations import ScoredCatalog, track_name, track_title
from mpn_desktop.domain.facts import Facts, Organization
from mpn_desktop.domain.net_adds import lost_names, lost_text, net_evidence, net_sentences
from mpn_desktop.domain.program_choice import ProgramOnDay
from mpn_desktop.domain.qualification_window import window_text
from mpn_desktop.domain.vocabulary import N_, _
from mpn_desktop.domain.wording import (
    and_list,
    day,
    long_day,
    metric_have_of_need,
    number,
    shown_points,
)
from mpn_desktop.reports.scored_day import ScoredDay, score_day

NO_DESIGNATION_HINT = N_(
    "No designation is targeted: every designation's score is listed. Targets of the "
    "2017-2018 competencies carry over to their designations (Edit > Organisation and "
    "targets in the window)."
)


def score_stored_facts(args: argparse.Namespace, program: ProgramOnDay, as_of: date) -> ScoredDay:
    """Loads the facts the metrics read and scores every designation on ``as_of``."""
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.facts_sqlite import read_facts

    with Database.open(database_to_read(args), engine_later=True) as db:
        facts = read_facts(db, usage_from=usage_start(as_of))
    return score_facts(args, program, as_of, facts)


def score_facts(
    args: argparse.Namespace, program: ProgramOnDay, as_of: date, facts: Facts
) -> ScoredDay:
    """Scores every designation on ``as_of`` on facts read from ``usage_start(as_of)`` on."""
    from mpn_desktop.catalog_files import load_catalog
    from mpn_desktop.programs import program_on

    names = {c.id: c.name for c in load_catalog().competencies}
    path = catalog_path(args)
    scored = score_day(program, facts, as_of, names, lambda on: program_on(on, path).scored)
    assert scored is not None, "a day of the Solutions Partner program"
    return scored


def run_scored_status(args: argparse.Namespace, program: ProgramOnDay, as_of: date) -> int:
    """Scores every designation on the stored facts and prints them."""
    day = score_stored_facts(args, program, as_of)
    catalog, organization = day.catalog, day.facts.organization
    if args.json:
        document = scored_status_to_json(
            catalog,
            organization,
            as_of,
            day.scores,
            notes=day.notes,
            payments=day.facts.fee_payments,
        )
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        lines = render_scored_text(catalog, organization, as_of, day.scores, day.notes)
        print("\n".join(plain_text(lines) if width is None else wrap_lines(lines, width)))
    return 0


def _metric_lines(metric: MetricScore) -> list[str | TextLine]:
    """The metric's line, then a line per prerequisite step of a step-gated metric (where its
    points come from, or which step holds them back), and how a net figure comes about."""
    steps = step_nodes(metric)
    return [
        _metric_line(metric),
        *("          " + step_text(number, step) for number, step in enumerate(steps, start=1)),
        *_net_lines(metric),
    ]


def _net_lines(metric: MetricScore) -> list[str]:
    """How each net part's figure comes about, then who was lost: "22 customers lost:
    Customer 0017, ... and 12 more"."""
    lines = []
    for part, said in net_sentences(metric):
        lines.append("          " + said)
        lost = lost_text(lost_names(net_evidence(part)), part.unit)
        if lost:
            lines.append("          " + lost)
    return lines


def _metric_line(metric: MetricScore) -> str:
    yes, no = _("yes"), _("no")
    word = yes if metric.met else (no if metric.points <= 0 else "...")
    mark = word.ljust(max(len(yes), len(no)))
    points = _("{points} of {most} points").format(
        points=shown_points(metric.points), most=shown_points(metric.max_points)
    )
    have = metric_have_of_need(metric.have, metric.need, metric.unit, gated=metric.gated)
    if have is None:  # parts in different units (Security's usage growth): the points alone
        return f"    [{mark}] {metric.name}: {points}"
    return f"    [{mark}] {metric.name}: {have}, {points}"


def _track(track: str | None) -> str:
    """A track as the window and the checklist name it: "Enterprise", "SMB"."""
    return track_title(track_name(track))


def _designation_lines(score: DesignationScore) -> list[str | TextLine]:
    state = _("QUALIFIED") if score.qualified else _("not qualified")
    track = _(", {track} track").format(track=_track(score.best.track)) if score.best.track else ""
    target = _(" - target") if score.target else ""
    lines: list[str | TextLine] = [
        _("{name}{target}: {score} of 100 points (qualifies at {at}{track}): {state}").format(
            name=score.name,
            target=target,
            score=shown_points(score.score),
            at=shown_points(score.qualifies_at),
            track=track,
            state=state,
        )
    ]
    if len(score.tracks) > 1:
        # "and", not a comma: German's decimal commas read "Enterprise 57,1, SMB 65,1".
        others = and_list([f"{_track(t.track)} {shown_points(t.score)}" for t in score.tracks])
        lines.append("  " + _("tracks: {tracks} (the higher counts)").format(tracks=others))
    for category in score.best.categories:
        lines.append(
            "  "
            + _("{category}: {points} of {most} points").format(
                category=category.name,
                points=shown_points(category.points),
                most=shown_points(category.max_points),
            )
        )
        for metric in category.metrics:
            lines += _metric_lines(metric)
    # What is missing and the way are the designation's, at its indentation: deeper than
    # the metrics they read as the last metric's ("[...] Deployments" then "missing: 4.90
    # more points to reach 70").
    missing = _("missing: {sentence}")
    lines.extend(labelled("  ", missing, "sentence", s) for s in score.missing)
    way = way_lines(
        score.suggestion,
        _("cheapest way to {score}: {step}"),
        _("cheapest way to {score} ({number} of {count}): {step}"),
        score=shown_points(score.qualifies_at),
    )
    lines.extend(labelled("  ", w.template, "step", w.step, **w.fields) for w in way)
    lines.append(f"  {window_text(score.window)}")
    if score.classified:
        lines.append(f"  {score.classified}")
    return lines


def render_scored_text(
    catalog: ScoredCatalog,
    organization: Organization,
    as_of: date,
    scores: tuple[DesignationScore, ...],
    notes: tuple[str, ...] = (),
) -> list[str | TextLine]:
    """The table: the program, then each targeted designation (every one when none is)."""
    when = long_day(as_of)
    if organization.name:
        heading = _("{organisation} (MPN ID {mpn_id}), as of {day}").format(
            organisation=organization.name,
            mpn_id=organization.mpn_id or _("not entered"),
            day=when,
        )
    else:
        heading = _("No organisation entered yet; as of {day}").format(day=when)
    until = day(catalog.effective_until) if catalog.effective_until else _("today")
    lines: list[str | TextLine] = [
        heading,
        _("Program: {program}, catalogue {version} (in force {since} to {until})").format(
            program=catalog.name,
            version=catalog.version,
            since=day(catalog.effective_from),
            until=until,
        ),
    ]
    if catalog.fee_usd is not None:
        # The label is the template's part before {terms}: wrapped, the terms hang under
        # their own first word, as a note's text does, not under the amount.
        terms = _("US$ {amount} a year, one fee however many designations")
        fee = terms.format(amount=number(catalog.fee_usd))
        lines.append(labelled("", _("Fee: {terms}"), "terms", fee))
    lines.extend(labelled("", _("Note: {note}"), "note", note) for note in notes)
    shown = [s for s in scores if s.target]
    if not shown:
        lines.append(_(NO_DESIGNATION_HINT))
        shown = list(scores)
    for score in shown:
        lines.append("")
        lines.extend(_designation_lines(score))
    return lines

"""The ``catalog`` command: the competencies, levels and requirements of the loaded catalogue."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from mpn_desktop.commands.common import catalog_path, parse_as_of
from mpn_desktop.domain.catalog import Catalog, Competency
from mpn_desktop.domain.designation_score import points_text
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.enums import Level, Market
from mpn_desktop.domain.wording import associations as association_names


def register(subparsers: Any) -> None:
    """Adds ``catalog [--json]``."""
    command = subparsers.add_parser(
        "catalog",
        help="list the competencies and requirements of the loaded catalogue",
        description=(
            "Lists the competencies, their options, levels and requirements of the loaded "
            "catalogue (the shipped one, or the file given with --catalog), with its sources "
            "and notes; retired competencies are flagged."
        ),
    )
    command.add_argument("--json", action="store_true", help="print the catalogue as JSON")
    command.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help=(
            "the catalogue in force on this day instead: a Solutions Partner catalogue "
            "(2022-10, 2023-06, 2026-05) for a day from October 2022 on"
        ),
    )
    command.set_defaults(func=run_catalog)


def run_catalog(args: argparse.Namespace) -> int:
    """Loads the catalogue (shipped, or --catalog FILE) and prints it."""
    from mpn_desktop.catalog_files import load_catalog
    from mpn_desktop.domain.catalog_json import catalog_to_json

    if args.as_of is not None:
        from mpn_desktop.programs import program_on

        program = program_on(parse_as_of(args.as_of), catalog_path(args))
        if program.scored is not None:
            return _print_scored(program.scored, as_json=args.json, notes=program.notes)
    catalog = load_catalog(catalog_path(args))
    if args.json:
        print(json.dumps(catalog_to_json(catalog), indent=2, ensure_ascii=False))
    else:
        print(render_text(catalog))
    return 0


def _print_scored(catalog: ScoredCatalog, *, as_json: bool, notes: tuple[str, ...]) -> int:
    from mpn_desktop.domain.designation_catalog_json import scored_catalog_to_json

    if as_json:
        print(json.dumps(scored_catalog_to_json(catalog), indent=2, ensure_ascii=False))
        return 0
    until = catalog.effective_until.isoformat() if catalog.effective_until else "today"
    lines = [
        f"{catalog.name} {catalog.version} (in force {catalog.effective_from} to {until})",
        f"A designation qualifies at {points_text(catalog.qualifies_at)} of 100 points, "
        "every metric above zero.",
        *(f"Note: {note}" for note in (*notes, *catalog.notes)),
        *(f"Reading: {reading.text}" for reading in catalog.readings),
    ]
    for designation in catalog.designations:
        lines += ["", f"{designation.name} [{designation.id}]"]
        if designation.note:
            lines.append(f"  note: {designation.note}")
        for track in designation.tracks:
            if track.id:
                lines.append(f"  {track.id.capitalize()} track")
            for metric in track.metrics:
                lines.append(
                    f"    {catalog.category_name(metric.category)}: {metric.name}, "
                    f"up to {points_text(metric.max_points)} points"
                )
                for option in metric.options:
                    for part in option:
                        lines.append(
                            f"      {points_text(part.threshold)} {part.unit} for full points: "
                            f"{part.label}"
                        )
                if metric.skilling is not None:
                    rule = metric.skilling
                    for number, step in enumerate(rule.prerequisites, 1):
                        names = " or ".join(
                            catalog.certifications[e.certification].name
                            for e in step.certifications
                        )
                        lines.append(f"      step {number}: {step.minimum_people} with {names}")
                    names = ", ".join(
                        catalog.certifications[e.certification].name for e in rule.certifications
                    )
                    lines.append(
                        f"      {points_text(rule.points_per_person)} points per person with: "
                        f"{names}"
                    )
    print("\n".join(lines))
    return 0


def _amount(value: Any, unit: str) -> str:
    text = f"{value:,.0f}"
    # Counts are followed by the measure's own words ("2,000 Office 365 active ...").
    return f"US$ {text}" if unit == "USD" else text


def _source(thing: Any) -> str:
    return f" (source: {thing.source})" if getattr(thing, "source", None) else ""


def _competency_lines(competency: Competency) -> list[str]:
    lines = [f"{competency.name} [{competency.id}]{_source(competency)}"]
    if competency.note:
        lines.append(f"  note: {competency.note}")
    for option in competency.options:
        lines.append(f"  Option: {option.name}")
        # Named as the status and the checklist name them ("DPOR or transacting"), not by id.
        associations = association_names(option.performance.associations)
        for level in Level:
            lines.append(f"    {level.value.capitalize()}:")
            for measure in option.performance.measures:
                developed = _amount(measure.need(level, Market.DEVELOPED), measure.unit)
                developing = _amount(measure.need(level, Market.DEVELOPING), measure.unit)
                figures = (
                    developed
                    if developed == developing
                    else f"{developed} (developing markets: {developing})"
                )
                lines.append(
                    f"      performance: {figures} {measure.description}, "
                    f"{measure.window.value.replace('_', ' ')}; with {associations} association"
                )
            for role in option.skills.roles:
                people = role.people[level]
                if people:
                    lines.append(
                        f"      exams: {people} {'person' if people == 1 else 'people'} with "
                        f"{role.credentials.describe()} ({role.name})"
                    )
            if competency.references is not None:
                lines.append(
                    f"      references: {competency.references.count[level]} approved, valid "
                    f"{competency.references.valid_years} years"
                )
        notes = [m.note for m in option.performance.measures if m.note]
        notes += [role.note for role in option.skills.roles if role.note]
        notes += [n for n in (option.performance.note, option.skills.note, option.note) if n]
        lines.extend(f"    note: {note}" for note in notes)
    if competency.references is not None and competency.references.note:
        lines.append(f"  references note: {competency.references.note}")
    return lines


def _until(day: date | None) -> str:
    return day.isoformat() if day else "any change"


def _fee_lines(catalog: Catalog) -> list[str]:
    fee = catalog.fee
    lines = ["Competency fee (once per organisation and membership year):"]
    lines.append(f"  {fee.description}{_source(fee)}")
    for schedule, start, until in fee.in_force():
        period = f"from {start.isoformat()}" if start else f"before {_until(until)}"
        lines.append(
            f"  {period}: silver "
            f"{_amount(schedule.amounts[Level.SILVER], 'USD')}, gold "
            f"{_amount(schedule.amounts[Level.GOLD], 'USD')} ({schedule.applies_to})"
        )
        if schedule.note:
            lines.append(f"    note: {schedule.note}")
    if fee.note:
        lines.append(f"  note: {fee.note}")
    return lines


def _retired_lines(catalog: Catalog) -> list[str]:
    lines = ["Retired competencies (never attainable):"]
    shared = {c.retirement for c in catalog.retired_competencies if c.retirement}
    # The shipped file gives the twelve one retirement: say its dates and note once.
    for retirement in sorted(shared, key=lambda r: r.retired_on):
        dates = f"  retired {retirement.retired_on.isoformat()}"
        if retirement.other_dates:
            others = ", ".join(day.isoformat() for day in retirement.other_dates)
            dates += f" (other sources: {others})"
        if retirement.last_signup:
            dates += f"; last sign-up {retirement.last_signup.isoformat()}"
        if retirement.last_renewal:
            dates += f"; last renewal {retirement.last_renewal.isoformat()}"
        lines.append(dates + _source(retirement))
        if retirement.note:
            lines.append(f"  note: {retirement.note}")
    for competency in catalog.retired_competencies:
        when = competency.retirement.retired_on.isoformat() if competency.retirement else "?"
        lines.append(f"  {competency.name} [{competency.id}], retired {when}")
        if competency.note:
            lines.append(f"    note: {competency.note}")
    return lines


def _credential_lines(catalog: Catalog) -> list[str]:
    lines = ["Credentials:"]
    for credential in catalog.credentials:
        dates = ""
        if credential.accept_from:
            dates += f", accepted from {credential.accept_from.isoformat()}"
        if credential.accept_until:
            dates += f", accepted until {credential.accept_until.isoformat()}"
        lines.append(
            f"  {credential.code:<18} {credential.kind.value:<13} {credential.title}{dates}"
        )
        if credential.note:
            lines.append(f"  {'':<18} note: {credential.note}")
    return lines


def render_text(catalog: Catalog) -> str:
    """The catalogue as readable text: every figure, date, note and source of the file."""
    until = catalog.effective_until.isoformat() if catalog.effective_until else "open"
    lines = [
        f"{catalog.program} {catalog.version} "
        f"(effective {catalog.effective_from.isoformat()} to {until})",
    ]
    if catalog.file:
        lines.append(f"File: {catalog.file}")
    lines.extend(f"note: {note}" for note in catalog.notes)
    lines += ["", "Cloud competencies:"]
    for competency in catalog.cloud_competencies:
        lines.extend(_competency_lines(competency))
        lines.append("")
    lines += [*_fee_lines(catalog), "", *_retired_lines(catalog), "", *_credential_lines(catalog)]
    if catalog.benefits:
        lines += ["", "Benefits of a cloud competency:"]
        lines.extend(f"  {benefit}" for benefit in catalog.benefits)
    if catalog.sources:
        lines += ["", "Sources:"]
        for source in catalog.sources:
            lines.append(f"  {source.id}: {source}" + (f" <{source.url}>" if source.url else ""))
    return "\n".join(lines)

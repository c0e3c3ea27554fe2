"""The ``catalog`` command: the competencies, levels and requirements of the loaded catalogue."""

from __future__ import annotations

import argparse
import json
from typing import Any

from mpn_desktop.commands.common import catalog_path
from mpn_desktop.domain.catalog import Catalog, Competency
from mpn_desktop.domain.enums import Level, Market


def register(subparsers: Any) -> None:
    """Adds ``catalog [--json]``."""
    command = subparsers.add_parser(
        "catalog", help="list the competencies and requirements of the loaded catalogue"
    )
    command.add_argument("--json", action="store_true", help="print the catalogue as JSON")
    command.set_defaults(func=run_catalog)


def run_catalog(args: argparse.Namespace) -> int:
    """Loads the catalogue (shipped, or --catalog FILE) and prints it."""
    from mpn_desktop.catalog_files import load_catalog
    from mpn_desktop.domain.catalog_json import catalog_to_json

    catalog = load_catalog(catalog_path(args))
    if args.json:
        print(json.dumps(catalog_to_json(catalog), indent=2, ensure_ascii=False))
    else:
        print(render_text(catalog))
    return 0


def _amount(value: Any, unit: str) -> str:
    text = f"{value:,.0f}"
    # Counts are followed by the measure's own words ("2,000 Office 365 active ...").
    return f"US$ {text}" if unit == "USD" else text


def _competency_lines(competency: Competency) -> list[str]:
    lines = [f"{competency.name} [{competency.id}]"]
    if competency.note:
        lines.append(f"  note: {competency.note}")
    for option in competency.options:
        lines.append(f"  Option: {option.name}")
        associations = ", ".join(sorted(a.value for a in option.performance.associations))
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
                    f"{measure.window.value.replace('_', ' ')}; associations: {associations}"
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
        notes += [n for n in (option.skills.note, option.note) if n]
        lines.extend(f"    note: {note}" for note in notes)
    return lines


def render_text(catalog: Catalog) -> str:
    """The catalogue as readable text: cloud competencies, fees, retired ones, credentials."""
    until = catalog.effective_until.isoformat() if catalog.effective_until else "open"
    lines = [
        f"{catalog.program} {catalog.version} "
        f"(effective {catalog.effective_from.isoformat()} to {until})",
        f"File: {catalog.file}" if catalog.file else "",
        "",
        "Cloud competencies:",
    ]
    for competency in catalog.cloud_competencies:
        lines.extend(_competency_lines(competency))
        lines.append("")
    lines.append("Competency fee (once per organisation and membership year):")
    for schedule in catalog.fee.fees:
        lines.append(
            f"  from {schedule.effective_from.isoformat()}: silver "
            f"{_amount(schedule.amounts[Level.SILVER], 'USD')}, gold "
            f"{_amount(schedule.amounts[Level.GOLD], 'USD')} ({schedule.applies_to})"
        )
    lines.append("")
    lines.append("Retired competencies (never attainable):")
    for competency in catalog.retired_competencies:
        when = competency.retirement.retired_on.isoformat() if competency.retirement else "?"
        lines.append(f"  {competency.name} [{competency.id}], retired {when}")
    lines.append("")
    lines.append("Credentials:")
    for credential in catalog.credentials:
        until_text = (
            f", accepted until {credential.accept_until.isoformat()}"
            if credential.accept_until
            else ""
        )
        lines.append(
            f"  {credential.code:<18} {credential.kind.value:<13} {credential.title}{until_text}"
        )
    return "\n".join(line for line in lines)

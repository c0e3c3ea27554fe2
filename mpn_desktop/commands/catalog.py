"""The ``catalog`` command: the competencies, levels and requirements of the loaded catalogue."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from mpn_desktop.commands.common import catalog_path, parse_as_of
from mpn_desktop.commands.text_lines import TextLine, plain_text, wrap_lines
from mpn_desktop.domain.catalog import Catalog, Competency, Window
from mpn_desktop.domain.enums import CredentialKind, Level, Market
from mpn_desktop.domain.vocabulary import N_, _, ngettext
from mpn_desktop.domain.wording import associations as association_names
from mpn_desktop.domain.wording import day, level_label, number, source_text

if TYPE_CHECKING:
    from mpn_desktop.domain.designations import ScoredCatalog

_WINDOWS = {
    Window.PREVIOUS_12_MONTHS: N_("previous 12 months"),
    Window.LATEST_MONTH: N_("latest month"),
}
"""A measure's window as the listing names it (its value, read as words)."""


def register(subparsers: Any) -> None:
    """Adds ``catalog [--json]``."""
    command = subparsers.add_parser(
        "catalog",
        help=_("list the competencies and requirements of the loaded catalogue"),
        description=_(
            "Lists the competencies, their options, levels and requirements of the loaded "
            "catalogue (the shipped one, or the file given with --catalog), with its sources "
            "and notes; retired competencies are flagged."
        ),
    )
    command.add_argument("--json", action="store_true", help=_("print the catalogue as JSON"))
    command.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help=_(
            "the catalogue in force on this day instead: a Solutions Partner catalogue "
            "(2022-10, 2023-06, 2026-05) for a day from October 2022 on"
        ),
    )
    # It reads the catalogue alone: a database option it never uses is not refused.
    command.set_defaults(func=run_catalog, opens_database=False)


def run_catalog(args: argparse.Namespace) -> int:
    """Loads the catalogue (shipped, or --catalog FILE) and prints it."""
    from mpn_desktop.catalog_files import load_catalog
    from mpn_desktop.domain.catalog_json import catalog_to_json

    chosen = catalog_path(args)
    # A Solutions Partner file given with --catalog is printed on any day, as status uses it.
    if args.as_of is not None or chosen is not None:
        from mpn_desktop.programs import program_on

        program = program_on(parse_as_of(args.as_of), chosen)
        if program.scored is not None:
            return _print_scored(program.scored, as_json=args.json, notes=program.notes)
    catalog = load_catalog(chosen)
    if args.json:
        print(json.dumps(catalog_to_json(catalog), indent=2, ensure_ascii=False))
    else:
        _print_lines(render_text(catalog).split("\n"))
    return 0


def _print_scored(catalog: ScoredCatalog, *, as_json: bool, notes: tuple[str, ...]) -> int:
    # Imported here, not for every command's parser: the Solutions Partner catalogue's
    # model and wording cost the start-up of every command ~10-20 ms.
    from mpn_desktop.commands.scored_catalog_text import scored_catalog_lines
    from mpn_desktop.domain.designation_catalog_json import scored_catalog_to_json

    if as_json:
        print(json.dumps(scored_catalog_to_json(catalog), indent=2, ensure_ascii=False))
        return 0
    _print_lines(scored_catalog_lines(catalog, notes))
    return 0


def _print_lines(lines: Sequence[str | TextLine]) -> None:
    """Wrapped to the terminal under each line's own text; piped or redirected, one line per
    item for grep (as status prints)."""
    if sys.stdout.isatty():
        print("\n".join(wrap_lines(lines, shutil.get_terminal_size().columns)))
    else:
        print("\n".join(plain_text(lines)))


def _amount(value: Any, unit: str) -> str:
    text = number(value, 0)
    # Counts are followed by the measure's own words ("2,000 Office 365 active ...").
    return f"US$ {text}" if unit == "USD" else text


def _source(thing: Any) -> str:
    if not getattr(thing, "source", None):
        return ""
    return " " + _("(source: {source})").format(source=source_text(thing.source))


def _competency_lines(competency: Competency) -> list[str]:
    lines = [f"{competency.name} [{competency.id}]{_source(competency)}"]
    if competency.note:
        lines.append("  " + _("note: {note}").format(note=competency.note))
    for option in competency.options:
        lines.append("  " + _("Option: {option}").format(option=option.name))
        # Named as the status and the checklist name them ("DPOR or transacting"), not by id.
        associations = association_names(option.performance.associations)
        for level in Level:
            lines.append(f"    {level_label(level.value)}:")
            for measure in option.performance.measures:
                developed = _amount(measure.need(level, Market.DEVELOPED), measure.unit)
                developing = _amount(measure.need(level, Market.DEVELOPING), measure.unit)
                figures = (
                    developed
                    if developed == developing
                    else _("{developed} (developing markets: {developing})").format(
                        developed=developed, developing=developing
                    )
                )
                lines.append(
                    "      "
                    + _(
                        "performance: {figures} {measure}, {window}; with {through} association"
                    ).format(
                        figures=figures,
                        measure=measure.description,
                        window=_(_WINDOWS[measure.window]),
                        through=associations,
                    )
                )
            for role in option.skills.roles:
                people = role.people[level]
                if people:
                    lines.append(
                        "      "
                        + ngettext(
                            "exams: {count} person with {credentials} ({role})",
                            "exams: {count} people with {credentials} ({role})",
                            people,
                        ).format(
                            count=number(people),
                            credentials=role.credentials.describe(),
                            role=role.name,
                        )
                    )
            if competency.references is not None:
                lines.append(
                    "      "
                    + _("references: {count} approved, valid {years} years").format(
                        count=number(competency.references.count[level]),
                        years=competency.references.valid_years,
                    )
                )
        notes = [m.note for m in option.performance.measures if m.note]
        notes += [role.note for role in option.skills.roles if role.note]
        notes += [n for n in (option.performance.note, option.skills.note, option.note) if n]
        lines.extend("    " + _("note: {note}").format(note=note) for note in notes)
    if competency.references is not None and competency.references.note:
        lines.append("  " + _("references note: {note}").format(note=competency.references.note))
    return lines


def _until(when: date | None) -> str:
    return day(when) if when else _("any change")


def _fee_lines(catalog: Catalog) -> list[str]:
    fee = catalog.fee
    lines = [_("Competency fee (once per organisation and membership year):")]
    lines.append(f"  {fee.description}{_source(fee)}")
    for schedule, start, until in fee.in_force():
        period = (
            _("from {day}").format(day=day(start))
            if start
            else _("before {day}").format(day=_until(until))
        )
        lines.append(
            "  "
            + _("{period}: silver {silver}, gold {gold} ({applies_to})").format(
                period=period,
                silver=_amount(schedule.amounts[Level.SILVER], "USD"),
                gold=_amount(schedule.amounts[Level.GOLD], "USD"),
                applies_to=schedule.applies_to,
            )
        )
        if schedule.note:
            lines.append("    " + _("note: {note}").format(note=schedule.note))
    if fee.note:
        lines.append("  " + _("note: {note}").format(note=fee.note))
    return lines


def _retired_lines(catalog: Catalog) -> list[str]:
    lines = [_("Retired competencies (never attainable):")]
    shared = {c.retirement for c in catalog.retired_competencies if c.retirement}
    # The shipped file gives the twelve one retirement: say its dates and note once.
    for retirement in sorted(shared, key=lambda r: r.retired_on):
        dates = "  " + _("retired {day}").format(day=day(retirement.retired_on))
        if retirement.other_dates:
            others = ", ".join(day(other) for other in retirement.other_dates)
            dates += _(" (other sources: {days})").format(days=others)
        if retirement.last_signup:
            dates += _("; last sign-up {day}").format(day=day(retirement.last_signup))
        if retirement.last_renewal:
            dates += _("; last renewal {day}").format(day=day(retirement.last_renewal))
        lines.append(dates + _source(retirement))
        if retirement.note:
            lines.append("  " + _("note: {note}").format(note=retirement.note))
    for competency in catalog.retired_competencies:
        when = day(competency.retirement.retired_on) if competency.retirement else "?"
        lines.append(
            "  "
            + _("{name} [{id}], retired {day}").format(
                name=competency.name, id=competency.id, day=when
            )
        )
        if competency.note:
            lines.append("    " + _("note: {note}").format(note=competency.note))
    return lines


_KIND_WORDS = {
    CredentialKind.EXAM: N_("exam"),
    CredentialKind.ASSESSMENT: N_("assessment"),
    CredentialKind.CERTIFICATION: N_("certification"),
}
"""A credential's kind as the credentials' listing names it."""


def _credential_lines(catalog: Catalog) -> list[str]:
    lines = [_("Credentials:")]
    for credential in catalog.credentials:
        dates = ""
        if credential.accept_from:
            dates += _(", accepted from {day}").format(day=day(credential.accept_from))
        if credential.accept_until:
            dates += _(", accepted until {day}").format(day=day(credential.accept_until))
        kind = _(_KIND_WORDS[credential.kind])
        lines.append(f"  {credential.code:<18} {kind:<13} {credential.title}{dates}")
        if credential.note:
            lines.append(f"  {'':<18} " + _("note: {note}").format(note=credential.note))
    return lines


def render_text(catalog: Catalog) -> str:
    """The catalogue as readable text: every figure, date, note and source of the file."""
    from mpn_desktop.commands.scored_catalog_text import source_lines

    until = day(catalog.effective_until) if catalog.effective_until else _("open")
    lines = [
        _("{program} {version} (effective {since} to {until})").format(
            program=catalog.program,
            version=catalog.version,
            since=day(catalog.effective_from),
            until=until,
        ),
    ]
    if catalog.file:
        lines.append(_("File: {file}").format(file=catalog.file))
    lines.extend(_("note: {note}").format(note=note) for note in catalog.notes)
    lines += ["", _("Cloud competencies:")]
    for competency in catalog.cloud_competencies:
        lines.extend(_competency_lines(competency))
        lines.append("")
    lines += [*_fee_lines(catalog), "", *_retired_lines(catalog), "", *_credential_lines(catalog)]
    if catalog.benefits:
        lines += ["", _("Benefits of a cloud competency:")]
        lines.extend(f"  {benefit}" for benefit in catalog.benefits)
    lines += plain_text(source_lines(catalog.sources))
    return "\n".join(lines)

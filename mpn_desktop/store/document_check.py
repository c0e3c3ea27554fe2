"""Checks a whole ``mpn-desktop/1`` document before anything is written, collecting every error.

Each problem names its JSON path (``exams[41].passed_on: 2017-13-45 is not a
date``); the result is the document's values converted to Python types.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from mpn_desktop.domain.designations import DESIGNATION_IDS
from mpn_desktop.domain.enums import (
    Association,
    CredentialKind,
    Level,
    Market,
    ReferenceStatus,
    Workload,
)
from mpn_desktop.domain.vocabulary import N_, _, ngettext
from mpn_desktop.domain.wording import number
from mpn_desktop.errors import ValidationError
from mpn_desktop.shown import cut, shown_value, visible
from mpn_desktop.store import values
from mpn_desktop.store.values import Parser

FORMAT = "mpn-desktop/1"

Place = Callable[[str, int | None, str | None], str]
"""Names where a value is, for a message: (section, row index or None, field or None).

A JSON document says ``exams[41].passed_on``; a workbook says the sheet, row and column.
"""


def json_place(section: str, index: int | None, name: str | None) -> str:
    """A place in a JSON document as its path: ``exams[41].passed_on``."""
    row = section if index is None else f"{section}[{index}]"
    return row if name is None else f"{row}.{name}"


@dataclass(frozen=True)
class Key:
    """A field of a document section: its parser, and whether it may be left out."""

    parse: Parser
    required: bool = True
    default: Any = None


def _optional(parse: Parser, default: Any = None) -> Key:
    return Key(parse, required=False, default=default)


ORGANIZATION_KEYS = {
    "name": Key(values.text(200)),
    "mpn_id": _optional(values.mpn_id, ""),
    "market": _optional(values.choice(Market), Market.DEVELOPED),
    "anniversary": _optional(values.optional_day),
}


def _designation(value: Any) -> str:
    text = values.text(80)(value)
    if text not in DESIGNATION_IDS:
        known = ", ".join(DESIGNATION_IDS)
        raise ValueError(
            _("{value} is not a designation; known: {known}").format(
                value=shown_value(repr(text)), known=known
            )
        )
    return str(text)


DESIGNATION_TARGET_KEYS = {"designation": Key(_designation)}
"""A target naming a Solutions Partner designation (DESIGN.md: ``{"designation": id}``)."""

SECTIONS: dict[str, dict[str, Key]] = {
    "targets": {"competency": Key(values.text(80)), "level": Key(values.choice(Level))},
    "customers": {
        "name": Key(values.text(200)),
        "tenant_id": _optional(values.optional_text(80)),
    },
    "subscriptions": {
        "id": Key(values.text(80)),
        "customer": Key(values.text(200)),
        "workload": Key(values.choice(Workload)),
        "association": Key(values.choice(Association)),
        "associated_on": Key(values.day),
        "started_on": Key(values.day),
        "ended_on": _optional(values.optional_day),
        "trial": _optional(values.flag, False),
    },
    "usage": {
        "subscription": Key(values.text(80)),
        "month": Key(values.month),
        "consumption_usd": _optional(values.money, values.money(0)),
        "revenue_usd": _optional(values.money, values.money(0)),
        "active_users": _optional(values.count, 0),
        "service": _optional(values.text(200, required=False), ""),
        "paid_seats": _optional(values.count, 0),
        "source": _optional(values.text(80, required=False), ""),
    },
    "people": {
        "name": _optional(values.text(200, required=False), ""),
        "email": _optional(values.text(320, required=False), ""),
        "mcp_id": Key(values.mcp_id),
        "associated": _optional(values.flag, True),
        "left_on": _optional(values.optional_day),
    },
    "exams": {
        "mcp_id": Key(values.mcp_id),
        "exam_code": Key(values.text(80)),
        "exam_title": _optional(values.text(300, required=False), ""),
        "passed_on": Key(values.day),
        "kind": _optional(values.choice(CredentialKind), CredentialKind.EXAM),
    },
    "references": {
        "customer": Key(values.text(200)),
        "competency": Key(values.text(80)),
        "status": Key(values.choice(ReferenceStatus)),
        "submitted_on": _optional(values.optional_day),
        "approved_on": _optional(values.optional_day),
        "contact": _optional(values.text(2000, required=False, multiline=True), ""),
    },
    "fee_payments": {
        "membership_year_start": Key(values.day),
        "level": Key(values.choice(Level)),
        "amount_usd": Key(values.money),
        "paid_on": _optional(values.optional_day),
    },
}

# Within a section, the fields that must be unique together, and how to say so.
_UNIQUE: dict[str, tuple[tuple[str, ...], str]] = {
    "targets": (("competency",), N_("targets that competency twice")),
    "customers": (("name",), N_("repeats a customer name")),
    "subscriptions": (("id",), N_("repeats a subscription id")),
    "usage": (
        ("subscription", "month", "service", "source"),
        N_("repeats that subscription's month (for that service and source)"),
    ),
    "people": (("mcp_id",), N_("repeats an MCP ID")),
    "exams": (("mcp_id", "exam_code", "passed_on"), N_("repeats that person's exam on that day")),
}

# Fields that name a record of another section: (section, field, other section, its key).
_LINKS = (
    ("subscriptions", "customer", "customers", "name", N_("no customer is named")),
    ("usage", "subscription", "subscriptions", "id", N_("no subscription has the id")),
    ("exams", "mcp_id", "people", "mcp_id", N_("no person has the MCP ID")),
    ("references", "customer", "customers", "name", N_("no customer is named")),
)


def shown_key(name: str) -> str:
    """A key of the document as its path shows it: cut short, control characters escaped."""
    return visible(cut(name, 60))


@dataclass
class CheckedDocument:
    """A document that passed every check, with Python-typed values."""

    organization: dict[str, Any] | None
    sections: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def _check_object(
    obj: Any,
    keys: dict[str, Key],
    at: Callable[[str | None], str],
    problems: list[str],
    said: Collection[str],
) -> dict[str, Any] | None:
    """``obj`` checked field by field; ``at(field)`` names the place of a field, and a
    required field missing at a place in ``said`` is not said again."""
    if not isinstance(obj, dict):
        problems.append(_("{at}: expected an object").format(at=at(None)))
        return None
    checked: dict[str, Any] = {}
    for name in obj:
        if name not in keys:
            problems.append(_("{at}: unknown field").format(at=at(shown_key(name))))
    for name, key in keys.items():
        if name not in obj:
            if key.required:
                if at(name) not in said:
                    problems.append(_("{at}: missing").format(at=at(name)))
            else:
                checked[name] = key.default
            continue
        try:
            checked[name] = key.parse(obj[name])
        except ValueError as error:
            problems.append(f"{at(name)}: {error}")
    return checked


def _check_dates(
    section: str, row: dict[str, Any], at: Callable[[str | None], str], problems: list[str]
) -> None:
    def before(first: str, then: str, what: str) -> None:
        if row.get(first) and row.get(then) and row[then] < row[first]:
            problems.append(
                _("{at}: {then} is before {field} {first}; {why}").format(
                    at=at(then), then=row[then], field=first, first=row[first], why=_(what)
                )
            )

    if section == "subscriptions":
        before("started_on", "ended_on", N_("a subscription cannot end before it started"))
    elif section == "references":
        before("submitted_on", "approved_on", N_("it cannot be approved before it was submitted"))


def _unique_problems(
    section: str, rows: list[dict[str, Any] | None], place: Place, problems: list[str]
) -> None:
    fields, wording = _UNIQUE[section]
    seen: dict[Hashable, int] = {}
    for index, row in enumerate(rows):
        if row is None or any(name not in row for name in fields):
            continue
        key = tuple(row[name] for name in fields)
        if key in seen:
            problems.append(
                _("{at}: {wording} (as {first})").format(
                    at=place(section, index, None),
                    wording=_(wording),
                    first=place(section, seen[key], None),
                )
            )
        else:
            seen[key] = index


def check_document(
    doc: Any,
    competencies: Collection[str] | None = None,
    source: str | None = None,
    place: Place = json_place,
    said: Collection[str] = frozenset(),
) -> CheckedDocument:
    """The checked document, or a ``ValidationError`` listing every problem with its path.

    ``competencies``: the ids the catalogue knows; when given, a target or a
    reference naming another competency is a problem. ``source`` (the file)
    begins the error's message; ``place`` names where each problem is (a JSON
    path unless the document came from elsewhere, such as a workbook). ``said``: the
    places whose value the caller already said it could not read (a workbook's missing
    column, a cell whose formula failed): their value missing is not said again.
    """
    problems: list[str] = []
    where = f"{source}: " if source else ""
    if not isinstance(doc, dict):
        kind = type(doc).__name__ if doc is not None else "null"
        raise ValidationError(
            where + _("the document is not a JSON object"),
            [_("$: expected an object, not {kind}").format(kind=kind)],
        )
    if "format" not in doc:
        problems.append(_("format: missing (expected {format})").format(format=repr(FORMAT)))
    elif doc["format"] != FORMAT:
        problems.append(
            _("format: {value} is not {format}").format(
                value=shown_value(repr(doc["format"])), format=repr(FORMAT)
            )
        )
    for name in doc:
        if name not in SECTIONS and name not in ("format", "organization"):
            problems.append(_("{name}: unknown section").format(name=shown_key(name)))
    organization = None
    if doc.get("organization") is not None:
        organization = _check_object(
            doc["organization"],
            ORGANIZATION_KEYS,
            lambda name: place("organization", None, name),
            problems,
            said,
        )
    checked = CheckedDocument(organization)
    raw_rows: dict[str, list[dict[str, Any] | None]] = {}
    designations: list[dict[str, Any] | None] = []
    for section, keys in SECTIONS.items():
        items = doc.get(section, [])
        if not isinstance(items, list):
            problems.append(_("{section}: expected a list").format(section=section))
            items = []
        rows: list[dict[str, Any] | None] = []
        for index, item in enumerate(items):
            at = partial(place, section, index)
            if section == "targets" and isinstance(item, dict) and "designation" in item:
                # {"designation": id}: a Solutions Partner designation, kept apart.
                designations.append(
                    _check_object(item, DESIGNATION_TARGET_KEYS, at, problems, said)
                )
                rows.append(None)
                continue
            row = _check_object(item, keys, at, problems, said)
            if row is not None:
                _check_dates(section, row, at, problems)
            rows.append(row)
        raw_rows[section] = rows
        if section in _UNIQUE:
            _unique_problems(section, rows, place, problems)
    _designation_problems(doc.get("targets"), designations, place, problems)
    _link_problems(raw_rows, place, problems)
    if competencies is not None:
        _competency_problems(raw_rows, competencies, place, problems)
    if problems:
        raise ValidationError(
            where
            + ngettext(
                "the document has {count} problem; nothing was written",
                "the document has {count} problems; nothing was written",
                len(problems),
            ).format(count=number(len(problems))),
            problems,
        )
    checked.sections = {
        section: [row for row in rows if row is not None] for section, rows in raw_rows.items()
    }
    checked.sections["designation_targets"] = [row for row in designations if row is not None]
    return checked


def _designation_problems(
    items: Any, rows: list[dict[str, Any] | None], place: Place, problems: list[str]
) -> None:
    """A designation named twice among the targets."""
    if not isinstance(items, list):
        return
    indexes = [
        i for i, item in enumerate(items) if isinstance(item, dict) and "designation" in item
    ]
    seen: dict[str, int] = {}
    for index, row in zip(indexes, rows, strict=True):
        if row is None or "designation" not in row:
            continue  # its own problem is said already
        name = row["designation"]
        if name in seen:
            problems.append(
                _("{at}: targets that designation twice (as {first})").format(
                    at=place("targets", index, None), first=place("targets", seen[name], None)
                )
            )
        else:
            seen[name] = index


def _link_problems(
    rows: dict[str, list[dict[str, Any] | None]], place: Place, problems: list[str]
) -> None:
    for section, name, other, other_key, wording in _LINKS:
        known = {row[other_key] for row in rows[other] if row and other_key in row}
        for index, row in enumerate(rows[section]):
            if row and name in row and row[name] not in known:
                problems.append(
                    _("{at}: {wording} {value}").format(
                        at=place(section, index, name), wording=_(wording), value=repr(row[name])
                    )
                )


def _competency_problems(
    rows: dict[str, list[dict[str, Any] | None]],
    competencies: Collection[str],
    place: Place,
    problems: list[str],
) -> None:
    for section in ("targets", "references"):
        for index, row in enumerate(rows[section]):
            if row and "competency" in row and row["competency"] not in competencies:
                problems.append(
                    _(
                        "{at}: {value} is not a competency of the catalogue "
                        "('mpn-desktop catalog' lists them)"
                    ).format(at=place(section, index, "competency"), value=repr(row["competency"]))
                )

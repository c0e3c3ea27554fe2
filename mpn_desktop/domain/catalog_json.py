"""A ``Catalog`` as a plain JSON document (``catalog --json``): every figure, source and note."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from mpn_desktop.domain.catalog import (
    Catalog,
    Competency,
    Credential,
    CredentialRule,
    Measure,
    Option,
    Source,
)
from mpn_desktop.domain.enums import Level


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _source(source: Source | None) -> str | None:
    return source.id if source is not None else None


def _rule(rule: CredentialRule) -> Any:
    if rule.code is not None:
        return rule.code
    if rule.all_of:
        return {"all_of": [_rule(part) for part in rule.all_of]}
    return {"any_of": [_rule(part) for part in rule.any_of]}


def _noted(found: dict[str, Any], source: Source | None, note: str) -> dict[str, Any]:
    found["source"] = _source(source)
    if note:
        found["note"] = note
    return found


def _measure(measure: Measure) -> dict[str, Any]:
    return _noted(
        {
            "id": measure.id,
            "measure": measure.kind.value,
            "workload": measure.workload.value,
            "window": measure.window.value,
            "description": measure.description,
            "unit": measure.unit,
            "thresholds": {
                level.value: {
                    "developed": _number(measure.thresholds[level].developed),
                    "developing": _number(measure.thresholds[level].developing),
                }
                for level in Level
            },
        },
        measure.source,
        measure.note,
    )


def _option(option: Option) -> dict[str, Any]:
    performance = option.performance
    skills = option.skills
    return _noted(
        {
            "id": option.id,
            "name": option.name,
            "performance": _noted(
                {
                    "associations": sorted(item.value for item in performance.associations),
                    "measures": [_measure(item) for item in performance.measures],
                },
                performance.source,
                performance.note,
            ),
            "skills": _noted(
                {
                    "roles": [
                        {
                            "id": role.id,
                            "name": role.name,
                            "people": {level.value: role.people[level] for level in Level},
                            "credentials": _rule(role.credentials),
                            "in_words": role.credentials.describe(),
                        }
                        for role in skills.roles
                    ]
                },
                skills.source,
                skills.note,
            ),
        },
        option.source,
        option.note,
    )


def _competency(item: Competency) -> dict[str, Any]:
    found: dict[str, Any] = {"id": item.id, "name": item.name, "retired": item.retired}
    if item.retirement is not None:
        found["retirement"] = _noted(
            {
                "retired_on": _day(item.retirement.retired_on),
                "other_dates": [_day(day) for day in item.retirement.other_dates],
                "last_signup": _day(item.retirement.last_signup),
                "last_renewal": _day(item.retirement.last_renewal),
            },
            item.retirement.source,
            item.retirement.note,
        )
    if item.workload is not None:
        found["workload"] = item.workload.value
    if item.description:
        found["description"] = item.description
    if item.references is not None:
        found["references"] = _noted(
            {
                **{level.value: item.references.count[level] for level in Level},
                "valid_years": item.references.valid_years,
            },
            item.references.source,
            item.references.note,
        )
    if item.options:
        found["options"] = [_option(option) for option in item.options]
    return _noted(found, item.source, item.note)


def _credential(item: Credential) -> dict[str, Any]:
    found: dict[str, Any] = {"code": item.code, "title": item.title, "kind": item.kind.value}
    if item.accept_until is not None:
        found["accept_until"] = _day(item.accept_until)
    if item.accept_from is not None:
        found["accept_from"] = _day(item.accept_from)
    if item.aliases:
        found["aliases"] = list(item.aliases)
    return _noted(found, item.source, item.note)


def catalog_to_json(catalog: Catalog) -> dict[str, Any]:
    """The whole catalogue, in the shape of the data file plus derived words."""
    return {
        "program": catalog.program,
        "version": catalog.version,
        "effective_from": _day(catalog.effective_from),
        "effective_until": _day(catalog.effective_until),
        "file": catalog.file,
        "notes": list(catalog.notes),
        "sources": [
            {"id": item.id, "title": item.title, "url": item.url, "published": item.published}
            for item in catalog.sources
        ],
        "benefits": list(catalog.benefits),
        "fee": _noted(
            {
                "description": catalog.fee.description,
                "schedules": [
                    _noted(
                        {
                            "effective_from": _day(item.effective_from),
                            **{level.value: _number(item.amounts[level]) for level in Level},
                            "applies_to": item.applies_to,
                        },
                        item.source,
                        item.note,
                    )
                    for item in catalog.fee.fees
                ],
            },
            catalog.fee.source,
            catalog.fee.note,
        ),
        "competencies": [_competency(item) for item in catalog.competencies],
        "credentials": [_credential(item) for item in catalog.credentials],
    }

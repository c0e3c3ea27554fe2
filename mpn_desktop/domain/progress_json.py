"""``Progress`` as the ``status --json`` document of DESIGN.md (plain dicts, lists, numbers)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from mpn_desktop.domain.evidence import Evidence
from mpn_desktop.domain.progress import (
    CompetencyProgress,
    FeeStatus,
    LevelProgress,
    OptionProgress,
    Progress,
    StepProgress,
)


def _number(value: Decimal) -> int | float:
    """Whole amounts as integers, others as floats (JSON has no decimals)."""
    return int(value) if value == value.to_integral_value() else float(value)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _evidence(item: Evidence) -> dict[str, Any]:
    found: dict[str, Any] = {"subject": item.subject, "detail": item.detail}
    if item.amount is not None:
        found["amount"] = _number(item.amount)
    if item.until is not None:
        found["until"] = item.until.isoformat()
    return found


def step_to_json(step: StepProgress) -> dict[str, Any]:
    """One step: met, have, need, unit, and what stands behind them."""
    found: dict[str, Any] = {
        "met": step.met,
        "have": _number(step.have),
        "need": _number(step.need),
        "unit": step.unit,
        "description": step.description,
        "missing": list(step.missing),
        "evidence": [_evidence(item) for item in step.evidence],
    }
    if step.parts:
        found["parts"] = [step_to_json(part) for part in step.parts]
    if step.notes:
        found["notes"] = list(step.notes)
    return found


def _steps(option: OptionProgress) -> dict[str, Any]:
    return {step.step.value: step_to_json(step) for step in option.steps}


def _level(level: LevelProgress) -> dict[str, Any]:
    return {
        "attained": level.attained,
        "option": level.option.option_id,
        "option_name": level.option.name,
        "steps": _steps(level.option),
        "missing": list(level.missing),
        "options": {
            option.option_id: {"attained": option.attained, "steps": _steps(option)}
            for option in level.options
            if option.option_id != level.option.option_id
        },
    }


def _competency(item: CompetencyProgress) -> dict[str, Any]:
    return {
        "id": item.id,
        "name": item.name,
        "target": item.target.value if item.target else None,
        "retired": item.retired,
        "levels": {level.level.value: _level(level) for level in item.levels},
        "at_risk": [{"on": risk.on.isoformat(), "what": risk.what} for risk in item.at_risk],
        "notes": list(item.notes),
    }


def _fee(fee: FeeStatus) -> dict[str, Any]:
    """The next renewal, with the membership year of the as-of day as ``current_year``."""
    year = fee.current_year
    return {
        "level": fee.level.value if fee.level else None,
        "amount_usd": _number(fee.amount_usd) if fee.amount_usd is not None else None,
        "due_on": _day(fee.due_on),
        "paid": fee.paid,
        "current_year": None
        if year is None
        else {
            "start": _day(year.start),
            "end": _day(year.end),
            "level_paid": year.level_paid.value if year.level_paid else None,
            "amount_paid_usd": _number(year.amount_paid_usd),
            "owed_usd": _number(year.owed_usd) if year.owed_usd is not None else None,
        },
    }


def progress_to_json(progress: Progress) -> dict[str, Any]:
    """The whole document: as-of day, organisation, fee and every competency evaluated."""
    org = progress.organization
    return {
        "as_of": progress.as_of.isoformat(),
        "organization": {
            "name": org.name,
            "mpn_id": org.mpn_id,
            "market": org.market.value,
            "anniversary": _day(org.anniversary),
        },
        "fee": _fee(progress.fee),
        "competencies": [_competency(item) for item in progress.competencies],
        "catalog": _catalog(progress),
        "notes": list(progress.notes),
    }


def _catalog(progress: Progress) -> dict[str, Any] | None:
    catalog = progress.catalog
    if catalog is None:
        return None
    return {
        "program": catalog.program,
        "version": catalog.version,
        "effective_from": catalog.effective_from.isoformat(),
        "effective_until": _day(catalog.effective_until),
        "in_force": catalog.covers(progress.as_of),
    }

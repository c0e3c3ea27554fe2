"""The ``status --json`` document for a day under the Solutions Partner program (DESIGN.md).

``program`` names the catalogue and the days it is in force, ``designations``
stands where the 2017-2018 document has ``competencies``: each designation's
score on its better track (every track's score beside it), its categories and
metrics with have/need/points, what is missing, and the cheapest way to 70.
Points are exact fractions inside the program; here they are rounded to one
decimal, as people read them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from mpn_desktop.domain.designation_results import CategoryScore, DesignationScore, MetricScore
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.facts import FeePayment, Organization
from mpn_desktop.domain.fee import membership_year
from mpn_desktop.domain.qualification_window import QualificationWindow


def _points(value: Fraction) -> float:
    return float(round(Decimal(value.numerator) / Decimal(value.denominator), 1))


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(round(value, 2))


def _metric(metric: MetricScore) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": metric.id,
        "name": metric.name,
        "have": _number(metric.have),
        "need": _number(metric.need),
        "unit": metric.unit,
        "points": _points(metric.points),
        "max": _points(metric.max_points),
        "met": metric.met,
        "missing": list(metric.missing),
    }
    if metric.holders:
        document["people"] = [
            {"name": h.name, "mcp_id": h.mcp_id, "certification": h.certification}
            for h in metric.holders
        ]
    if metric.steps:
        document["steps"] = [
            {"certifications": names, "have": have, "need": need, "met": met}
            for names, have, need, met in metric.steps
        ]
    parts = [p for p in metric.parts if p.measured.now or p.measured.before]
    if parts:
        document["counted"] = [
            {
                "label": p.label,
                "now": list(p.measured.now),
                "a_year_earlier": list(p.measured.before),
            }
            for p in parts
        ]
    return document


def _category(category: CategoryScore) -> dict[str, Any]:
    return {
        "id": category.id,
        "name": category.name,
        "points": _points(category.points),
        "max": _points(category.max_points),
        "metrics": [_metric(m) for m in category.metrics],
    }


def window_to_json(window: QualificationWindow) -> dict[str, Any]:
    """The qualification window: its days, the rule, enrolled or not, and the day (up to the
    as-of day) on which the designation qualified in it, if any."""
    return {
        "from": window.start.isoformat(),
        "to": window.end.isoformat(),
        "enrolled": window.enrolled,
        "status": window.status.value,
        "qualified": window.qualified,
        "qualified_on": window.qualified_on.isoformat() if window.qualified_on else None,
        "rule": window.rule,
    }


def designation_to_json(score: DesignationScore) -> dict[str, Any]:
    """One designation as DESIGN.md's ``designations[]`` entry."""
    return {
        "id": score.id,
        "name": score.name,
        "track": score.best.track,
        "target": score.target,
        "score": _points(score.score),
        "max": 100,
        "qualifies_at": _points(score.qualifies_at),
        "qualified": score.qualified,
        "window": window_to_json(score.window),
        "tracks": [{"id": t.track, "score": _points(t.score)} for t in score.tracks],
        "classification": score.classified or None,
        "categories": [_category(c) for c in score.best.categories],
        "missing": list(score.missing),
        "suggestion": list(score.suggestion),
    }


def designation_fee(
    catalog: ScoredCatalog, organization: Organization, payments: Sequence[FeePayment], as_of: date
) -> dict[str, Any]:
    """The yearly fee: one for every designation (SOLUTIONS-PARTNER.md § 3.2), due at the next
    anniversary; paid when a payment is recorded for the membership year starting then, and
    this year's payment as for the competencies."""
    year = membership_year(organization.anniversary, as_of)
    fee: dict[str, Any] = {
        "amount_usd": _number(catalog.fee_usd) if catalog.fee_usd is not None else None,
        "due_on": year.next_start.isoformat() if year is not None else None,
        "paid": False,
        "current_year": None,
    }
    if year is None:
        return fee
    fee["paid"] = any(p.membership_year_start == year.next_start for p in payments)
    this_year = [p for p in payments if year.start <= p.membership_year_start <= year.end]
    fee["current_year"] = {
        "start": year.start.isoformat(),
        "end": year.end.isoformat(),
        "amount_paid_usd": _number(sum((p.amount_usd for p in this_year), Decimal(0))),
    }
    return fee


def scored_status_to_json(
    catalog: ScoredCatalog,
    organization: Organization,
    as_of: date,
    scores: tuple[DesignationScore, ...],
    *,
    notes: tuple[str, ...] = (),
    payments: Sequence[FeePayment] = (),
) -> dict[str, Any]:
    """The whole document for a day under the Solutions Partner program."""
    until = catalog.effective_until.isoformat() if catalog.effective_until else None
    return {
        "as_of": as_of.isoformat(),
        "organization": {
            "name": organization.name,
            "mpn_id": organization.mpn_id,
            "market": organization.market.value,
            "anniversary": organization.anniversary.isoformat()
            if organization.anniversary
            else None,
        },
        "program": {
            "id": catalog.program,
            "catalog": f"{catalog.name} {catalog.version}",
            "in_force": [catalog.effective_from.isoformat(), until],
        },
        "fee": designation_fee(catalog, organization, payments, as_of),
        "designations": [designation_to_json(s) for s in scores],
        "readings": [{"id": r.id, "text": r.text} for r in catalog.readings],
        "notes": list(notes),
    }

"""A Solutions Partner catalogue as ``catalog --json`` prints it: every figure, by designation.

The shape follows the catalogue file (designations -> tracks -> metrics with
their parts or skilling rule), with shared metrics written out in place and
certifications named with their exams, so a reader needs nothing else.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from mpn_desktop.domain.designations import (
    Certification,
    Listed,
    Metric,
    Part,
    ScoredCatalog,
    Skilling,
)


def _number(value: Fraction | Any) -> int | float | str:
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return value.numerator
        return round(float(value), 4)
    return int(value) if value == int(value) else float(value)


def _listed(entry: Listed) -> dict[str, Any]:
    found: dict[str, Any] = {"id": entry.certification}
    if entry.listed_from:
        found["from"] = entry.listed_from.isoformat()
    if entry.listed_until:
        found["until"] = entry.listed_until.isoformat()
    return found


def _part(part: Part) -> dict[str, Any]:
    document: dict[str, Any] = {
        "measure": part.measure.value,
        "threshold": _number(part.threshold),
        "unit": part.unit,
        "label": part.label,
        "workloads": sorted(w.value for w in part.scope.workloads),
        "associations": sorted(part.scope.associations),
    }
    if part.scope.services:
        document["services"] = sorted(part.scope.services)
    if part.scope.excluded_services:
        document["excluded_services"] = sorted(part.scope.excluded_services)
    if part.conditions:
        document["conditions"] = [
            {
                "quantity": c.quantity.value,
                "minimum": _number(c.minimum),
                "maximum": None if c.maximum is None else _number(c.maximum),
                "span": c.span.value,
            }
            for c in part.conditions
        ]
    if part.max_points is not None:
        document["max"] = _number(part.max_points)
    return document


def _skilling(rule: Skilling) -> dict[str, Any]:
    return {
        "certifications": [_listed(e) for e in rule.certifications],
        "points_per_person": _number(rule.points_per_person),
        "steps": [
            {
                "certifications": [_listed(e) for e in step.certifications],
                "minimum_people": step.minimum_people,
                "minimum_from": {d.isoformat(): n for d, n in step.minimum_from},
                "points": _number(step.points),
            }
            for step in rule.prerequisites
        ],
    }


def _metric(metric: Metric) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": metric.id,
        "name": metric.name,
        "category": metric.category,
        "max": _number(metric.max_points),
    }
    if metric.skilling is not None:
        document["skilling"] = _skilling(metric.skilling)
    else:
        document["options"] = [[_part(p) for p in option] for option in metric.options]
    if metric.note:
        document["note"] = metric.note
    if metric.source is not None:
        document["source"] = str(metric.source)
    return document


def _certification(cert: Certification) -> dict[str, Any]:
    return {
        "id": cert.id,
        "name": cert.name,
        "exams": [list(group) for group in cert.exams],
        "eligible_until": cert.eligible_until.isoformat() if cert.eligible_until else None,
    }


def scored_catalog_to_json(catalog: ScoredCatalog) -> dict[str, Any]:
    """Every designation, track, metric and certification of the catalogue."""
    return {
        "program": catalog.program,
        "name": catalog.name,
        "version": catalog.version,
        "effective_from": catalog.effective_from.isoformat(),
        "effective_until": catalog.effective_until.isoformat() if catalog.effective_until else None,
        "qualifies_at": _number(catalog.qualifies_at),
        "fee_usd": None if catalog.fee_usd is None else _number(catalog.fee_usd),
        "designations": [
            {
                "id": d.id,
                "name": d.name,
                "legacy_competencies": list(d.legacy_competencies),
                "note": d.note,
                "classification": d.classification.text if d.classification else None,
                "tracks": [
                    {"id": t.id, "metrics": [_metric(m) for m in t.metrics]} for t in d.tracks
                ],
            }
            for d in catalog.designations
        ],
        "certifications": [_certification(c) for c in catalog.certifications.values()],
        "readings": [{"id": r.id, "text": r.text} for r in catalog.readings],
        "qualification_windows": [
            {
                "from": w.effective_from.isoformat(),
                "not_enrolled": {"kind": w.not_enrolled.kind.value, "count": w.not_enrolled.count},
                "enrolled": {"kind": w.enrolled.kind.value, "count": w.enrolled.count},
                "text": w.text,
            }
            for w in catalog.windows
        ],
        "notes": list(catalog.notes),
        "sources": [str(s) for s in catalog.sources],
    }

"""Solutions Partner scores as the requirement tree every view draws.

Designation -> category (performance, skilling, customer success) -> metric,
scored in points: each node takes the figures, sentences and people, tenants
or services the scoring found; nothing is worked out again.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from mpn_desktop.domain.designation_score import (
    CategoryScore,
    DesignationScore,
    MetricScore,
    TrackScore,
    points_text,
)
from mpn_desktop.domain.designations import PROGRAM_ID, track_name
from mpn_desktop.domain.evidence import Evidence
from mpn_desktop.domain.facts import Organization
from mpn_desktop.domain.requirement_tree import NodeKind, RequirementNode, RequirementTree
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.domain.wording import day


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def _metric_node(metric: MetricScore) -> RequirementNode:
    evidence = [
        Evidence(
            subject=f"{h.name} (MCP {h.mcp_id})",
            detail=h.certification,
            mcp_id=h.mcp_id,
            person=h.name,
            credentials=(h.certification,),
        )
        for h in metric.holders
    ]
    for part in metric.parts:
        # Tenants ("Fabrikam") or services ("Storage"), as the part counted them.
        evidence += [Evidence(subject=name, detail=part.label) for name in part.measured.now]
    return RequirementNode(
        kind=NodeKind.METRIC,
        id=metric.id,
        label=metric.name,
        met=metric.met,
        have=metric.have,
        need=metric.need,
        unit=metric.unit,
        points=_decimal(metric.points),
        max_points=_decimal(metric.max_points),
        description=" / ".join(part.label for part in metric.parts if part.label),
        missing=metric.missing,
        evidence=tuple(evidence),
        notes=(metric.note,) if metric.note else (),
    )


def _category_node(category: CategoryScore) -> RequirementNode:
    return RequirementNode(
        kind=NodeKind.CATEGORY,
        id=category.id,
        label=category.name,
        met=category.points >= category.max_points,
        points=_decimal(category.points),
        max_points=_decimal(category.max_points),
        children=tuple(_metric_node(m) for m in category.metrics),
    )


def designation_node(score: DesignationScore) -> RequirementNode:
    """One designation on its better track, the other tracks' scores in its notes."""
    notes = []
    if len(score.tracks) > 1:
        tracks = ", ".join(f"{track_name(t.track)} {points_text(t.score)}" for t in score.tracks)
        notes.append(_("Tracks: {tracks} (the higher total counts)").format(tracks=tracks))
    start, end = score.window
    notes.append(
        _("A qualification counts on any day from {start} to {end}.").format(
            start=day(start), end=day(end)
        )
    )
    if score.suggestion:
        notes.append(_("Cheapest way to 70: {steps}").format(steps="; ".join(score.suggestion)))
    return RequirementNode(
        kind=NodeKind.DESIGNATION,
        id=score.id,
        label=score.name,
        met=score.qualified,
        points=_decimal(score.score),
        max_points=Decimal(100),
        have=_decimal(score.score),
        need=_decimal(score.qualifies_at),
        unit="points",
        missing=score.missing,
        notes=tuple(notes),
        children=tuple(_category_node(c) for c in score.best.categories),
        targeted=score.target,
        way=track_name(score.best.track),
        ways=len(score.tracks),
        alternatives=tuple(
            _track_node(score, track) for track in score.tracks if track is not score.best
        ),
    )


def _track_node(score: DesignationScore, track: TrackScore) -> RequirementNode:
    """The designation scored on another of its tracks (the better one counts)."""
    return RequirementNode(
        kind=NodeKind.DESIGNATION,
        id=score.id,
        label=score.name,
        met=track.qualifies(score.qualifies_at),
        points=_decimal(track.score),
        max_points=Decimal(100),
        have=_decimal(track.score),
        need=_decimal(score.qualifies_at),
        unit="points",
        children=tuple(_category_node(c) for c in track.categories),
        way=track_name(track.track),
        ways=len(score.tracks),
    )


def designation_tree(
    organization: Organization,
    as_of: date,
    scores: tuple[DesignationScore, ...],
    notes: tuple[str, ...] = (),
) -> RequirementTree:
    """Every designation scored on the day, for the panel, the checklist and ``status``."""
    return RequirementTree(
        program=PROGRAM_ID,
        as_of=as_of,
        organization=organization,
        requirements=tuple(designation_node(s) for s in scores),
        notes=notes,
    )

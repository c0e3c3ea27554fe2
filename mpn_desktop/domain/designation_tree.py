"""Solutions Partner scores as the requirement tree every view draws.

Designation -> category (performance, skilling, customer success) -> metric,
scored in points: each node takes the figures, sentences and people, tenants
or services the scoring found; nothing is worked out again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import partial

from mpn_desktop.domain.designation_results import (
    CategoryScore,
    DesignationScore,
    MetricScore,
    TrackScore,
)
from mpn_desktop.domain.designation_steps import step_nodes
from mpn_desktop.domain.designations import PROGRAM_ID, ScoredCatalog, track_name
from mpn_desktop.domain.evidence import Evidence, PeopleEvidence
from mpn_desktop.domain.facts import FeePayment, Organization
from mpn_desktop.domain.fee import membership_year
from mpn_desktop.domain.net_adds import is_net, net_evidence, net_sentences
from mpn_desktop.domain.progress import FeeStatus
from mpn_desktop.domain.requirement_tree import NodeKind, RequirementNode, RequirementTree
from mpn_desktop.domain.skilling_holders import mcp_ids_of


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def _metric_evidence(metric: MetricScore) -> list[Evidence]:
    """The people counted (each with the certification that counts), then the tenants
    ("Fabrikam") or services ("Storage") each part counted."""
    named = dict(metric.certification_names)
    evidence = [
        Evidence(
            subject=f"{h.name} (MCP {h.mcp_id})",
            detail=named.get(h.certification, h.certification),
            mcp_id=h.mcp_id,
            person=h.name,
            credentials=(h.certification,),
        )
        for h in metric.holders
    ]
    for part in metric.parts:
        if is_net(part):
            # Net customer adds: those lost too, each with its share of the net figure.
            evidence += net_evidence(part)
        else:
            evidence += [Evidence(subject=name, detail=part.label) for name in part.measured.now]
    return evidence


def _metric_node(metric: MetricScore) -> RequirementNode:
    # How each net figure comes about ("141 customers now - 107 a year earlier = net 34 (56
    # new, 22 lost)"): after the catalogue's note among the notes, and on its own for the
    # panel's line under the figures.
    workings = tuple(sentence for _part, sentence in net_sentences(metric))
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
        missing_leads=metric.leads,
        # Made when read: a large organisation's thousands of holders over every track cost
        # more than the scoring, and most views read only some metrics' evidence, if any;
        # the people's MCP IDs are known without it (only the holders have one).
        evidence=PeopleEvidence(
            partial(_metric_evidence, metric), partial(mcp_ids_of, metric.holders)
        ),
        notes=(metric.note, *workings) if metric.note else workings,
        workings=workings,
        gated=metric.gated,
        # A step-gated metric's prerequisite steps, so that every view says where its points
        # come from (the steps' worth is the catalogue's, carried by the score).
        children=step_nodes(metric) if metric.steps else (),
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
    """One designation on the track that counts; the other tracks are its alternatives, the
    qualification window and the cheapest way to the qualifying score are data beside it."""
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
        notes=(score.classified,) if score.classified else (),
        children=tuple(_category_node(c) for c in score.best.categories),
        targeted=score.target,
        way=track_name(score.best.track),
        ways=len(score.tracks),
        alternatives=tuple(
            _track_node(score, track) for track in score.tracks if track is not score.best
        ),
        window=score.window,
        suggestion=score.suggestion,
        missing_leads=score.missing_leads,
        suggestion_leads=score.suggestion_leads,
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
    *,
    information: tuple[str, ...] = (),
    fee: FeeStatus | None = None,
) -> RequirementTree:
    """Every designation scored on the day, for the panel, the checklist and ``status``:
    ``notes`` warn (the day outside the catalogue's dates), ``information`` informs
    (targets carried over), ``fee`` is the designation fee of the catalogue in force."""
    return RequirementTree(
        program=PROGRAM_ID,
        as_of=as_of,
        organization=organization,
        requirements=tuple(designation_node(s) for s in scores),
        fee=fee,
        notes=notes,
        information=information,
    )


def designation_fee_status(
    catalog: ScoredCatalog, organization: Organization, payments: Sequence[FeePayment], as_of: date
) -> FeeStatus:
    """The designation fee as the tree carries it: the catalogue's amount, due at the next
    anniversary, paid when a payment is recorded for the year starting then (one fee however
    many designations, SOLUTIONS-PARTNER.md § 3.2)."""
    year = membership_year(organization.anniversary, as_of)
    due_on = year.next_start if year is not None else None
    return FeeStatus(
        level=None,
        amount_usd=catalog.fee_usd,
        due_on=due_on,
        paid=due_on is not None and any(p.membership_year_start == due_on for p in payments),
    )

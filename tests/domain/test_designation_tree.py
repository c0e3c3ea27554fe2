"""The designation requirement tree: its evidence put into words only when read.

The window builds the tree after every evaluation; a large organisation's holders over
every track cost more than the scoring, and most views read few metrics' evidence.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from typing import Any, overload

import pytest

import mpn_desktop.domain.designation_tree as tree_module
from mpn_desktop.domain.designation_results import (
    DesignationScore,
    MetricScore,
    PartScore,
    TrackScore,
)
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.designation_tree import designation_tree
from mpn_desktop.domain.designations import Measure
from mpn_desktop.domain.evidence import Evidence, counted_mcp_ids
from mpn_desktop.domain.facts import Organization
from mpn_desktop.domain.requirement_tree import NodeKind, RequirementNode, RequirementTree
from mpn_desktop.domain.skilling_holders import Holder
from mpn_desktop.programs import shipped_scored_catalogs
from tests.domain.sp_organisations import sp_organisation

DAY = date(2025, 6, 15)


class _Watched(Sequence[Holder]):
    """A metric's holders that note each time they are read through."""

    def __init__(self, holders: Sequence[Holder], reads: dict[int, int]) -> None:
        self.items = tuple(holders)
        self.reads = reads
        reads[id(self)] = 0

    @overload
    def __getitem__(self, index: int) -> Holder: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Holder]: ...

    def __getitem__(self, index: int | slice) -> Holder | Sequence[Holder]:
        self.reads[id(self)] += 1
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Holder]:
        self.reads[id(self)] += 1
        return iter(self.items)


def _organization() -> Organization:
    return sp_organisation(random.Random(0)).organization


def _scores() -> tuple[DesignationScore, ...]:
    catalog = {c.version: c for c in shipped_scored_catalogs()}["2026-05"]
    facts = sp_organisation(random.Random(0))
    return score_designations(catalog, facts, DAY, frozenset(d.id for d in catalog.designations))


def _watching(
    scores: tuple[DesignationScore, ...], reads: dict[int, int]
) -> tuple[DesignationScore, ...]:
    """The scores with every metric's holders (on every track) watched."""

    def track(t: TrackScore) -> TrackScore:
        return replace(
            t,
            categories=tuple(
                replace(
                    c,
                    metrics=tuple(
                        replace(m, holders=_Watched(m.holders, reads)) for m in c.metrics
                    ),
                )
                for c in t.categories
            ),
        )

    watched = []
    for score in scores:
        tracks = tuple(track(t) for t in score.tracks)
        best = tracks[next(i for i, t in enumerate(score.tracks) if t is score.best)]
        watched.append(replace(score, tracks=tracks, best=best))
    return tuple(watched)


def _metrics(tree: RequirementTree) -> Iterator[RequirementNode]:
    for designation in tree.requirements:
        for way in (designation, *designation.alternatives):
            yield from (n for n in way.walk() if n.kind is NodeKind.METRIC)


def _metric_scores(scores: tuple[DesignationScore, ...]) -> Iterator[MetricScore]:
    """In the tree's order: each designation's better track, then its other tracks."""
    for score in scores:
        for track in (score.best, *(t for t in score.tracks if t is not score.best)):
            yield from track.metrics


def test_the_tree_reads_no_holder_until_a_metrics_evidence_is_read() -> None:
    reads: dict[int, int] = {}
    scores = _watching(_scores(), reads)
    tree = designation_tree(_organization(), DAY, scores)
    assert reads and set(reads.values()) == {0}
    counted = next(m for m in _metric_scores(scores) if len(m.holders) > 0)
    node = next(
        n for n, m in zip(_metrics(tree), _metric_scores(scores), strict=True) if m is counted
    )
    assert len(node.evidence) >= len(counted.holders)
    assert isinstance(counted.holders, _Watched)
    assert reads.pop(id(counted.holders)) > 0
    assert set(reads.values()) == {0}


def _counted(part: PartScore) -> tuple[str, ...]:
    """What a part counted now, then, for a net part, those it counted a year earlier only
    (lost: each takes one off its net figure)."""
    now = part.measured.now
    if part.part.measure is not Measure.TENANT_GROWTH:
        return now
    return (*now, *(name for name in part.measured.before if name not in now))


def test_each_metrics_evidence_names_its_people_then_what_its_parts_counted() -> None:
    scores = _scores()
    tree = designation_tree(_organization(), DAY, scores)
    people = tenants = 0
    for node, metric in zip(_metrics(tree), _metric_scores(scores), strict=True):
        named = dict(metric.certification_names)
        expected = [
            (f"{h.name} (MCP {h.mcp_id})", named.get(h.certification, h.certification), h.mcp_id)
            for h in metric.holders
        ] + [(name, part.label, None) for part in metric.parts for name in _counted(part)]
        assert [(e.subject, e.detail, e.mcp_id) for e in node.evidence] == expected
        people += len(metric.holders)
        tenants += len(expected) - len(metric.holders)
    assert people > 0 and tenants > 0  # the organisation has both to put into words


def test_who_is_counted_is_known_without_writing_the_evidence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    written: list[str] = []

    def evidence(subject: str, detail: str, **data: Any) -> Evidence:
        written.append(subject)
        return Evidence(subject, detail, **data)

    monkeypatch.setattr(tree_module, "Evidence", evidence)
    tree = designation_tree(_organization(), DAY, _scores())
    counted = [counted_mcp_ids(node.evidence) for node in _metrics(tree)]
    assert written == []
    assert any(counted)
    # The same people as the evidence names once written.
    assert counted == [
        frozenset(e.mcp_id for e in node.evidence if e.mcp_id is not None)
        for node in _metrics(tree)
    ]
    assert written


def test_who_is_counted_in_evidence_already_written() -> None:
    evidence = (
        Evidence("Ana Ruiz (MCP 1234567)", "Azure Administrator Associate", mcp_id="1234567"),
        Evidence("Fabrikam", "Tenants with Azure usage"),
    )
    assert counted_mcp_ids(evidence) == frozenset({"1234567"})


def test_who_is_counted_when_the_holders_are_no_holders_object() -> None:
    # Holders handed over as a plain sequence (a score made elsewhere: the MCP IDs are read
    # from its Holder items) name the same people.
    scores = _watching(_scores(), {})
    tree = designation_tree(_organization(), DAY, scores)
    counted = [counted_mcp_ids(node.evidence) for node in _metrics(tree)]
    assert any(counted)
    assert counted == [frozenset(h.mcp_id for h in m.holders) for m in _metric_scores(scores)]

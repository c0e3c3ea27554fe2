"""A skilling metric's missing sentence and the cheapest way say the same numbers: the people
the final list still needs for the metric's full points and the points they add, prerequisite
steps short or met (SOLUTIONS-PARTNER.md § 1.7), for every skilling metric of the 2022-10,
2023-06 and 2026-05 catalogues, with nobody, one person or nine on each list. The sentence
(``_Scorer._skilling``) prices people as the way's lever does (``way_levers``)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from fractions import Fraction

import pytest

from mpn_desktop.domain.designation_missing import points_text
from mpn_desktop.domain.designation_results import MetricScore, TrackScore
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.designation_way import cheapest_steps
from mpn_desktop.domain.designations import Listed, Metric, ScoredCatalog
from mpn_desktop.domain.facts import ExamResult, Facts, Person
from mpn_desktop.programs import shipped_scored_catalogs
from tests.domain.domain_builders import organization

DAYS = (date(2022, 11, 15), date(2023, 8, 15), date(2026, 6, 15))


def _catalog(day: date) -> ScoredCatalog:
    return max(
        (c for c in shipped_scored_catalogs() if c.effective_from <= day),
        key=lambda c: c.effective_from,
    )


def _exams(catalog: ScoredCatalog, listed: tuple[Listed, ...], day: date) -> tuple[str, ...]:
    """The exams of the first certification of ``listed`` that counts on ``day`` (none: ())."""
    for entry in listed:
        cert = catalog.certifications.get(entry.certification)
        if entry.on(day) and cert is not None and cert.exams and cert.eligible_on(day):
            return cert.exams[0]
    return ()


def _facts(lists: list[tuple[str, ...]], counts: tuple[int, ...], day: date) -> Facts:
    """``counts[i]`` people holding the exams ``lists[i]`` (each list its own people)."""
    people, exams = [], []
    for index, (codes, count) in enumerate(zip(lists, counts, strict=True)):
        for number in range(count if codes else 0):
            mcp_id = f"{index}-{number}"
            people.append(Person(f"Person {mcp_id}", mcp_id))
            exams += [ExamResult(mcp_id, code, day - timedelta(days=40)) for code in codes]
    return Facts(organization=organization(), people=tuple(people), exams=tuple(exams))


def _alone(track: TrackScore, metric_id: str) -> TrackScore:
    """The track with every other metric full: its way is the metric's own, to the full."""
    categories = tuple(
        replace(
            category,
            metrics=tuple(
                m if m.id == metric_id else replace(m, points=m.max_points, parts=())
                for m in category.metrics
            ),
        )
        for category in track.categories
    )
    score = sum((m.points for c in categories for m in c.metrics), Fraction(0))
    return TrackScore(track.track, score, categories)


def _cases() -> Iterator[tuple[date, str, str | None, Metric]]:
    for day in DAYS:
        for designation in _catalog(day).designations:
            for track in designation.tracks:
                for metric in track.metrics:
                    if metric.skilling is not None:
                        yield day, designation.id, track.id, metric


def _scored(
    day: date,
    designation: str,
    track: str | None,
    metric: Metric,
    counts: tuple[int, ...],
    *,
    catalog: ScoredCatalog | None = None,
) -> tuple[TrackScore, MetricScore]:
    catalog = catalog or _catalog(day)
    rule = metric.skilling
    assert rule is not None
    lists = [step.certifications for step in rule.prerequisites] + [rule.certifications]
    facts = _facts([_exams(catalog, listed, day) for listed in lists], counts, day)
    (score,) = (
        s
        for s in score_designations(catalog, facts, day, frozenset({designation}))
        if s.id == designation
    )
    (scored,) = (t for t in score.tracks if t.track == track)
    (found,) = (m for m in scored.metrics if m.id == metric.id)
    return scored, found


@pytest.mark.parametrize(
    ("day", "designation", "track", "metric"),
    list(_cases()),
    ids=lambda value: str(getattr(value, "id", value)),
)
def test_the_missing_sentence_says_what_the_way_says(
    day: date, designation: str, track: str | None, metric: Metric
) -> None:
    _says_what_the_way_says(_catalog(day), day, designation, track, metric)


def _says_what_the_way_says(
    catalog: ScoredCatalog, day: date, designation: str, track: str | None, metric: Metric
) -> None:
    rule = metric.skilling
    assert rule is not None
    said = 0
    # Nobody, one person or nine on each step's list and on the final list.
    for counts in itertools.product((0, 1, 9), repeat=len(rule.prerequisites) + 1):
        scored, found = _scored(day, designation, track, metric, counts, catalog=catalog)
        sentences = [s for s in found.missing if " would add " in s]
        steps = [
            s
            for s in cheapest_steps(_alone(scored, metric.id), Fraction(100)).steps
            if s.metric == metric.id
        ]
        if not sentences:
            # Full, or the final list already holds enough people: no more people named.
            assert all(s.units == 0 for s in steps), (counts, steps)
            continue
        (sentence,) = sentences
        (step,) = steps
        said += 1
        more = f"{int(step.units)} more {'person' if step.units == 1 else 'people'} with "
        assert sentence.startswith(more), (counts, sentence, step.text)
        assert f" would add {points_text(step.gain)}" in sentence, (counts, sentence, step.text)
    assert said, "some count leaves the metric short"


def _with_points_per_person(
    day: date, designation: str, track: str | None, metric_id: str, per_person: Fraction
) -> tuple[ScoredCatalog, Metric]:
    """The day's catalogue with one skilling metric's points per person replaced."""
    catalog = _catalog(day)
    (item,) = (d for d in catalog.designations if d.id == designation)
    (scored,) = (t for t in item.tracks if t.id == track)
    (metric,) = (m for m in scored.metrics if m.id == metric_id)
    assert metric.skilling is not None
    changed = replace(metric, skilling=replace(metric.skilling, points_per_person=per_person))
    tracks = tuple(
        replace(t, metrics=tuple(changed if m is metric else m for m in t.metrics))
        if t is scored
        else t
        for t in item.tracks
    )
    designations = tuple(
        replace(d, tracks=tracks) if d is item else d for d in catalog.designations
    )
    return replace(catalog, designations=designations), changed


@pytest.mark.parametrize(
    ("designation", "track", "per_person"),
    [
        ("modern-work", "smb", Fraction(3)),  # 4 people give 12 of the 10 points
        ("data-ai-azure", "smb", Fraction(5)),  # steps of 4 points, then 7 people give 35 of 32
        ("security", "enterprise", Fraction(15, 4)),  # steps of none, 11 people give 165/4
    ],
)
def test_the_sentence_and_the_way_cap_people_at_the_maximum_alike(
    designation: str, track: str, per_person: Fraction
) -> None:
    """A catalogue given by the user need not divide a metric's room by its points per
    person (the shipped ones all do): the last person needed adds less than the others,
    and both say only what is left up to the maximum."""
    day = date(2026, 6, 15)
    catalog, metric = _with_points_per_person(
        day, designation, track, "intermediate-certifications", per_person
    )
    _says_what_the_way_says(catalog, day, designation, track, metric)


def test_a_short_step_and_nine_people_held_say_the_points_the_step_opens() -> None:
    """The fault: with nine people on Data & AI's final list and both steps short, the
    sentence said "1 more person … would add 4 points (once the steps above are met)" while
    the way said "+40 points" for the same person: the steps met, the nine held count too."""
    day = date(2023, 8, 15)
    (item,) = (d for d in _catalog(day).designations if d.id == "data-ai-azure")
    (metric,) = (m for m in item.tracks[0].metrics if m.id == "intermediate-certifications")
    _scored_track, found = _scored(day, "data-ai-azure", None, metric, (0, 0, 9))
    assert found.points == 0 and found.have == 9
    (sentence,) = (s for s in found.missing if " would add " in s)
    assert sentence.startswith("1 more person with ")
    assert sentence.endswith(" would add 40 points (once the steps above are met)")

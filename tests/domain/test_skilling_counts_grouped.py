"""The people a skilling metric still needs, in its missing sentences and the cheapest way,
and the pairs the classification names, carry the language's thousands separator
(``wording.number``) as the other counts of the designations do: "1,200 more people",
German "1.200"; a plain ``{count}`` read "1200"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.designation_results import DesignationScore, MetricScore
from mpn_desktop.domain.designation_score import classify, last_month, score_designations
from mpn_desktop.domain.designations import Designation, Metric, ScoredCatalog
from mpn_desktop.domain.facts import ExamResult, Facts, Person
from mpn_desktop.domain.usage_figures import UsageFigures
from mpn_desktop.programs import shipped_scored_catalogs
from tests.domain.domain_builders import organization

MANY = 1_200
DAY = date(2026, 6, 15)
DESIGNATION, TRACK, METRIC = "infrastructure-azure", "enterprise", "intermediate-certifications"
SEPARATOR = {"en": ",", "de": "."}


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest) -> str:
    vocabulary.use_language(request.param)
    return str(request.param)


def _grouped(language: str) -> str:
    return f"{MANY:,}".replace(",", SEPARATOR[language])


def _catalog() -> ScoredCatalog:
    """The 2026-05 catalogue with the Enterprise track's intermediate certifications needing
    1,200 people on its prerequisite step and on its final list."""
    (catalog,) = (c for c in shipped_scored_catalogs() if c.version == "2026-05")

    def many(metric: Metric) -> Metric:
        rule = metric.skilling
        if metric.id != METRIC or rule is None:
            return metric
        steps = tuple(replace(s, minimum_people=MANY, minimum_from=()) for s in rule.prerequisites)
        per_person = metric.max_points / MANY
        return replace(
            metric, skilling=replace(rule, points_per_person=per_person, prerequisites=steps)
        )

    def changed(designation: Designation) -> Designation:
        if designation.id != DESIGNATION:
            return designation
        return replace(
            designation,
            tracks=tuple(
                replace(t, metrics=tuple(many(m) for m in t.metrics)) if t.id == TRACK else t
                for t in designation.tracks
            ),
        )

    return replace(catalog, designations=tuple(changed(d) for d in catalog.designations))


def _final_list_holders(catalog: ScoredCatalog, count: int) -> Facts:
    """``count`` people holding the final list's first certification, none the step's."""
    metric = _metric_rule(catalog)
    rule = metric.skilling
    assert rule is not None
    on_steps = {e.certification for s in rule.prerequisites for e in s.certifications}
    codes, *_others = (
        catalog.certifications[e.certification].exams[0]
        for e in rule.certifications
        if e.certification not in on_steps and e.on(DAY)
    )
    people = tuple(Person(f"Person {i}", f"{i:06d}") for i in range(count))
    passed = DAY - timedelta(days=40)
    exams = tuple(ExamResult(p.mcp_id, code, passed) for p in people for code in codes)
    return Facts(organization=organization(), people=people, exams=exams)


def _metric_rule(catalog: ScoredCatalog) -> Metric:
    (designation,) = (d for d in catalog.designations if d.id == DESIGNATION)
    (track,) = (t for t in designation.tracks if t.id == TRACK)
    (metric,) = (m for m in track.metrics if m.id == METRIC)
    return metric


def _scored(catalog: ScoredCatalog, facts: Facts) -> tuple[DesignationScore, MetricScore]:
    (score,) = (
        s
        for s in score_designations(catalog, facts, DAY, frozenset({DESIGNATION}))
        if s.id == DESIGNATION
    )
    (track,) = (t for t in score.tracks if t.track == TRACK)
    (metric,) = (m for m in track.metrics if m.id == METRIC)
    return score, metric


def test_nobody_yet_the_people_needed_are_grouped(language: str) -> None:
    catalog = _catalog()
    _score, metric = _scored(catalog, _final_list_holders(catalog, 0))
    grouped = _grouped(language)
    step, final = metric.missing
    # Before: "1200 more people with … before the final step counts" / "… would add".
    assert step.startswith(f"{grouped} ")
    assert final.startswith(f"{grouped} ")
    assert str(MANY) not in step + final


def test_the_way_counts_the_step_and_the_people_held_grouped(language: str) -> None:
    catalog = _catalog()
    score, metric = _scored(catalog, _final_list_holders(catalog, MANY))
    grouped = _grouped(language)
    (step,) = metric.missing
    assert step.startswith(f"{grouped} ")
    assert score.best.track == TRACK  # the way is the better track's
    (way,) = (s for s in score.suggestion if s.startswith(f"{metric.name}: "))
    # Before: "1200 more people with … for step 1, which counts the 1200 people already …".
    assert way.count(f" {grouped} ") == 2
    assert str(MANY) not in way


def test_the_classification_s_pairs_are_grouped(language: str) -> None:
    (catalog,) = (c for c in shipped_scored_catalogs() if c.version == "2026-05")
    (item,) = (d for d in catalog.designations if d.classification is not None)
    assert item.classification is not None
    item = replace(item, classification=replace(item.classification, pairs=MANY))
    facts = Facts(organization=organization())
    month = last_month(DAY)
    figures = UsageFigures(facts, catalog.rate_card, (month.plus(-24), month))
    _track, said = classify(item, figures, month)
    # Before: "(1200 or more make Enterprise)".
    assert _grouped(language) in said.rsplit("(", 1)[1]
    assert str(MANY) not in said

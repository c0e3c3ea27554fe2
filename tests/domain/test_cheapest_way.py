"""The cheapest way to 70 for a skilling metric gated by prerequisite steps (SOLUTIONS-PARTNER.md
§ 1.7): what the user must do first (which step, how many more people, which certifications),
then the final list's people, then the points it opens."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpn_desktop.domain.designation_measures import Measured
from mpn_desktop.domain.designation_missing import part_to_full
from mpn_desktop.domain.designation_results import (
    MetricScore,
    PartScore,
)
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.designation_way import cheapest_way
from mpn_desktop.domain.designations import Measure, Part, Scope, ScoredCatalog
from mpn_desktop.domain.designations_parse import parse_scored_catalog
from mpn_desktop.domain.facts import ExamResult, Facts
from mpn_desktop.domain.fraction_pairs import Pair, pair
from mpn_desktop.domain.way_levers import Lever, part_lever
from tests.domain.domain_builders import organization, person
from tests.domain.way_tracks import beside_full

CATALOGS = Path(__file__).parents[2] / "resources" / "catalogs"
ADMINS = "Azure Administrator Associate (AZ-104)"
ARCHITECTS = "Azure Solutions Architect Expert (AZ-305)"
AT = Fraction(70)


def _skilling(
    have: int, points: Fraction, steps: tuple[tuple[str, int, int, bool], ...]
) -> MetricScore:
    """Intermediate certifications: 40 points, 4 per person of the final list (10 people)."""
    return MetricScore(
        id="intermediate-certifications",
        name="Intermediate certifications",
        category="skilling",
        have=Decimal(have),
        need=Decimal(10),
        unit="people",
        points=points,
        max_points=Fraction(40),
        missing=("...",),
        steps=steps,
    )


def _way(skilling: MetricScore, others: Fraction = Fraction(60)) -> tuple[str, ...]:
    """The cheapest way of a track whose other metrics are full at ``others`` points."""
    return cheapest_way(beside_full(skilling, others=others), AT)[0]


def test_steps_met_names_the_final_lists_people_alone() -> None:
    steps = ((ADMINS, 2, 2, True), (ARCHITECTS, 3, 2, True))
    assert _way(_skilling(7, Fraction(28), steps), others=Fraction(40)) == (
        "Intermediate certifications: 1 more person (+4 points)",
    )


def test_one_step_short_with_the_final_list_held_names_that_step_and_what_it_opens() -> None:
    steps = ((ADMINS, 1, 2, False), (ARCHITECTS, 2, 2, True))
    assert _way(_skilling(10, Fraction(0), steps)) == (
        f"Intermediate certifications: 1 more person with {ADMINS} for step 1, which counts"
        " the 10 people already on the final list (+40 points)",
    )


def test_a_short_step_opens_only_what_the_final_list_holds_then_more_people() -> None:
    # Steps short, the final list held in part: the 3 held count once the step is met,
    # the 2 points still wanted need 1 more person on it.
    steps = ((ADMINS, 2, 2, True), (ARCHITECTS, 0, 2, False))
    assert _way(_skilling(3, Fraction(0), steps), others=Fraction(56)) == (
        f"Intermediate certifications: 2 more people with {ARCHITECTS} for step 2, then"
        " 1 more person on the final list (+16 points)",
    )


def test_final_list_short_and_both_steps_short_names_every_step_first() -> None:
    steps = ((ADMINS, 0, 2, False), (ARCHITECTS, 1, 2, False))
    assert _way(_skilling(0, Fraction(0), steps), others=Fraction(40)) == (
        f"Intermediate certifications: 2 more people with {ADMINS} for step 1 and 1 more"
        f" person with {ARCHITECTS} for step 2, then 8 more people on the final list"
        " (+32 points)",
    )


def test_a_held_final_list_is_never_asked_for_again() -> None:
    """The fault: "4 more people once its steps are met" when the four were already held."""
    steps = ((ADMINS, 1, 2, False),)
    for held in range(11):
        (way,) = _way(_skilling(held, Fraction(0), steps), others=Fraction(30))
        more = 10 - held
        if more:
            assert way.endswith(
                f"then {more} more {'person' if more == 1 else 'people'}"
                " on the final list (+40 points)"
            ), way
        else:
            assert "already on the final list (+40 points)" in way, way


@pytest.fixture(scope="module")
def catalog() -> ScoredCatalog:
    document = json.loads((CATALOGS / "solutions-partner-2023-06.json").read_text())
    return parse_scored_catalog(document)


def test_infrastructure_with_ten_network_engineers_and_one_administrator(
    catalog: ScoredCatalog,
) -> None:
    """Step 1 (two Azure Administrators) short by one; ten final-list people already held."""
    people = [person(str(i), f"P{i}") for i in range(11)]
    exams = [ExamResult(str(i), "AZ-700", date(2023, 1, 1)) for i in range(10)]
    exams.append(ExamResult("10", "AZ-104", date(2023, 1, 1)))
    facts = Facts(organization=organization(), people=tuple(people), exams=tuple(exams))
    (score,) = (
        s
        for s in score_designations(catalog, facts, date(2023, 8, 15), frozenset())
        if s.id == "infrastructure-azure"
    )
    (skilling,) = (s for s in score.suggestion if s.startswith("Intermediate certifications"))
    assert skilling == (
        f"Intermediate certifications: 1 more person with {ADMINS} for step 1, which counts"
        " the 10 people already on the final list (+20 points)"
    )


def _smb(
    have: int, points: Fraction, steps: tuple[tuple[str, int, int, bool], ...], opened: int
) -> MetricScore:
    """An SMB track's metric: 40 points, each met step 4 of them, 4 per final-list person
    (so 8 people fill it once both steps are met: 40 over 8 is not what a person adds)."""
    return replace(
        _skilling(have, points, steps),
        need=Decimal(8),
        per_person=Fraction(4),
        opened_by_steps=Fraction(opened),
    )


def test_an_smb_metric_asks_for_the_people_a_person_s_points_need() -> None:
    # Steps met (8 points) and 5 people (20): 8 points more are 2 people, not "2 (+10)".
    steps = ((ADMINS, 1, 1, True), (ARCHITECTS, 1, 1, True))
    assert _way(_smb(5, Fraction(28), steps, 0), others=Fraction(34)) == (
        "Intermediate certifications: 2 more people (+8 points)",
    )


def test_an_smb_step_opens_its_own_points_and_the_held_people_s() -> None:
    # Step 2 short: once met it gives its 4 points and the 2 people held their 8.
    steps = ((ADMINS, 1, 1, True), (ARCHITECTS, 0, 1, False))
    assert _way(_smb(2, Fraction(4), steps, 4), others=Fraction(54)) == (
        f"Intermediate certifications: 1 more person with {ARCHITECTS} for step 2, which counts"
        " the 2 people already on the final list (+12 points)",
    )


def test_an_smb_step_met_with_nobody_on_the_final_list_opens_its_own_points() -> None:
    # Step 1 short, nobody on the final list: meeting the step gives its 4 points, which
    # reach 70; it read "..., which counts the 0 people already on the final list".
    steps = ((ADMINS, 0, 1, False),)
    assert _way(_smb(0, Fraction(0), steps, 4), others=Fraction(66)) == (
        f"Intermediate certifications: 1 more person with {ADMINS} for step 1 (+4 points)",
    )


def test_steps_that_give_every_point_are_the_way_with_nobody_on_the_final_list() -> None:
    # The steps alone give the 40 points (nobody needed on the final list): the way names the
    # short step's people. It read "nothing added now lifts it above zero (the month a year
    # earlier falls short)", the text of a usage gate, for a metric no usage reaches.
    steps = ((ADMINS, 0, 1, False),)
    metric = replace(_smb(0, Fraction(0), steps, 40), need=Decimal(0))
    assert _way(metric, others=Fraction(30)) == (
        f"Intermediate certifications: 1 more person with {ADMINS} for step 1 (+40 points)",
    )


_Rule = tuple[Fraction, Fraction, Fraction, Fraction, Fraction, Fraction]

_RULES = st.tuples(
    st.fractions(min_value=-50, max_value=50, max_denominator=40),  # start
    st.fractions(min_value=-5, max_value=5, max_denominator=12).filter(bool),  # per
    st.fractions(min_value=0, max_value=40, max_denominator=9),  # cap
    st.fractions(min_value=0, max_value=40, max_denominator=9),  # held
    st.fractions(min_value=-3, max_value=300, max_denominator=7).filter(bool),  # scale
    st.fractions(min_value=0, max_value=9, max_denominator=3),  # gate
)
"""A lever's rule for the hypothesis tests: any signs, scales other than 1, gates."""


def _lever_of(rule: _Rule, opens: int = 0, *, whole: bool = True) -> Lever:
    """A lever on a skilling metric with ``rule``'s start, per, cap, held, scale and gate
    (``whole``: its units rounded up, else amounts)."""
    start, per, cap, held, scale, gate = rule
    return Lever(
        _skilling(0, Fraction(0), ()),
        0,
        "USD",
        start=pair(start),
        per=pair(per),
        cap=pair(cap),
        held=pair(held),
        gate=pair(gate),
        scale=pair(scale),
        opens=opens,
        whole=whole,
    )


def _f(value: Pair) -> Fraction:
    """A lever's figure (a numerator over a positive denominator) as the Fraction it is."""
    numerator, denominator = value
    assert denominator > 0
    return Fraction(numerator, denominator)


@settings(max_examples=300, deadline=None)
@given(
    _RULES,
    st.fractions(min_value=0, max_value=40, max_denominator=11),
)
def test_a_lever_finds_the_units_its_rule_gives(rule: _Rule, wanted: Fraction) -> None:
    """``Lever.units_for`` (worked out on numerators and denominators) is ``(min(cap, now +
    wanted) / per - start) / scale`` itself for an amount (percentage points, US$) and its
    ceiling for whole things, at least the gate: for any signs and for a scale other than 1
    (a growth in percent of a baseline other than 100 US$): the other tests of the way
    passed with the scale applied upside down."""
    start, per, cap, held, scale, gate = rule
    exact = (min(cap, held + wanted) / per - start) / scale
    units = _f(_lever_of(rule).units_for(pair(wanted)))
    assert units == max(Fraction(0), gate, Fraction(math.ceil(exact)))
    amounts = _lever_of(rule, whole=False)
    assert _f(amounts.units_for(pair(wanted))) == max(Fraction(0), gate, exact)


@settings(max_examples=300, deadline=None)
@given(
    _RULES,
    st.integers(min_value=0, max_value=4),
    st.fractions(min_value=0, max_value=40, max_denominator=11),
    st.fractions(min_value=0, max_value=40, max_denominator=11),
    st.fractions(min_value=-5, max_value=60, max_denominator=13),
)
def test_a_lever_prices_points_and_worth_by_its_rule(
    rule: _Rule,
    opens: int,
    taken: Fraction,
    wanted: Fraction,
    units: Fraction,
) -> None:
    """``Lever.points_at`` is ``max(held, min(cap, per * max(0, start + scale * units)))``
    (``held`` short of the gate) and ``worth`` the points the next ``wanted`` give per unit
    they cost, ``(points_at(target) - now) / max(target - units taken + opening, 1)``, before
    and after units are taken (``add``), worked out on numerators and denominators."""
    start, per, cap, held, scale, gate = rule
    lever = _lever_of(rule, opens)

    def points_at(at: Fraction) -> Fraction:
        return (
            held if at < gate else max(held, min(cap, per * max(Fraction(0), start + scale * at)))
        )

    for _round in range(2):
        assert _f(lever.points_at(pair(units))) == points_at(units)
        target = _f(lever.units_for(pair(wanted)))
        opening = 0 if lever.taken else opens
        cost = max(target - _f(lever.units) + opening, Fraction(1))
        assert _f(lever.worth(pair(wanted))) == (points_at(target) - _f(lever.now)) / cost
        before, expected_units = _f(lever.now), _f(lever.units_for(pair(taken)))
        expected = points_at(expected_units)
        assert _f(lever.add(pair(taken))) == expected - before
        figures = (_f(lever.units), _f(lever.now), _f(lever.room))
        assert figures == (expected_units, expected, cap - expected)


@settings(max_examples=300, deadline=None)
@given(
    st.decimals(min_value=-60, max_value=60, places=2),
    st.decimals(min_value=Decimal("0.5"), max_value=50, places=1),
    st.fractions(min_value=1, max_value=40, max_denominator=3),
    st.booleans(),
    st.fractions(min_value=0, max_value=40, max_denominator=5),
)
def test_a_part_s_missing_sentence_prices_it_as_its_lever_does(
    have: Decimal, need: Decimal, most: Fraction, own_maximum: bool, others: Fraction
) -> None:
    """``part_to_full`` (the missing sentence's "N more ... would add P points") is the
    part's lever (``part_lever``) worked out without one: the exact remainder ``need -
    have``, whose ceiling is the whole units the lever takes for the part's rest, and the
    points those give within what the metric can still take (``others``: its other parts'
    points). Nothing to price for both, or for neither."""
    part_max = most if own_maximum else None
    weight = most if own_maximum else Fraction(40)
    points = weight * Fraction(max(have, Decimal(0))) / Fraction(need)
    if own_maximum:
        points = min(most, points)
    counted = Part(
        Measure.TENANT_GROWTH, Fraction(need), "percent", Scope(frozenset(), frozenset())
    )
    part = PartScore(
        "", "percent", have, need, points, Measured(value=have), part_max, part=counted
    )
    metric = replace(
        _skilling(0, Fraction(0), ()),
        unit="percent",
        points=min(Fraction(40), points + others),
        parts=(part,),
    )
    priced, lever = part_to_full(metric, 0), part_lever(metric, 0)
    assert (priced is None) == (lever is None)
    if priced is None or lever is None:
        return
    short, gain = priced
    rest = _f(lever.cap) - _f(lever.held)
    assert gain == min(metric.max_points - metric.points, rest)
    # The fewest units that give the gain the metric can take: the part's rest, or less
    # where its other parts hold points (before: the rest's units, more than needed). A
    # metric at its maximum says nothing (its gain is 0): the rest's units, unused.
    wanted = gain if gain > 0 else rest
    units = _f(lever.units_for(pair(wanted)))
    assert units == math.ceil(Fraction(short))
    assert _f(lever.points_at(pair(units))) - _f(lever.held) >= wanted
    assert units == 1 or _f(lever.points_at(pair(units - 1))) - _f(lever.held) < wanted


@settings(max_examples=300, deadline=None)
@given(
    _RULES,
    st.lists(st.fractions(min_value=0, max_value=40, max_denominator=11), max_size=3),
    st.fractions(min_value=0, max_value=40, max_denominator=11),
)
def test_a_lever_finds_the_whole_units_its_rule_gives_after_units_are_taken(
    rule: _Rule,
    taken: list[Fraction],
    wanted: Fraction,
) -> None:
    """``units_for`` after ``add`` (the way's later rounds) starts from the points the units
    taken give and never goes below them: the ceiling of ``(min(cap, now + wanted) / per -
    start) / scale``, at least the gate and the units taken. The fresh lever's test above
    and the worth test (which prices with ``units_for`` itself) passed with it starting from
    the points ``held`` before any unit (checked; the way's tests then loop without end)."""
    start, per, cap, _held, scale, gate = rule
    lever = _lever_of(rule)
    for points in taken:
        lever.add(pair(points))
        exact = (min(cap, _f(lever.now) + wanted) / per - start) / scale
        whole = Fraction(math.ceil(exact))
        assert _f(lever.units_for(pair(wanted))) == max(_f(lever.units), gate, whole)

"""Gates of usage growth and what the cheapest way says of them (SOLUTIONS-PARTNER.md § 1.4,
§ 2.5, § 4): Business Applications' gate reads the MCV of the month a year earlier alone; a
percentage growth with no base at all cannot score this month; the blocked step gives the
reason its missing sentence gives; the points short and the score add up to the target."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_measures import Measured
from mpn_desktop.domain.designation_missing import missing_with_leads
from mpn_desktop.domain.designation_results import (
    CategoryScore,
    DesignationScore,
    MetricScore,
    PartScore,
    TrackScore,
)
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.designation_way import cheapest_steps
from mpn_desktop.domain.designations import Measure, Part, Scope, ScoredCatalog
from mpn_desktop.domain.designations_parse import parse_scored_catalog
from mpn_desktop.domain.enums import Workload
from mpn_desktop.domain.facts import Facts, Subscription, Usage
from tests.domain.domain_builders import organization, subscription

CATALOGS = Path(__file__).parents[2] / "resources" / "catalogs"
DAY = date(2023, 8, 15)
LAST = Month(2023, 7)
BLOCKED = "nothing added now lifts it above zero"


def _catalog(version: str = "2023-06") -> ScoredCatalog:
    document = json.loads((CATALOGS / f"solutions-partner-{version}.json").read_text())
    return parse_scored_catalog(document)


def _score(facts: Facts, area: str, version: str = "2023-06") -> DesignationScore:
    scores = score_designations(_catalog(version), facts, DAY, frozenset({area}))
    return next(s for s in scores if s.id == area)


def _usage_growth(track: TrackScore) -> MetricScore:
    return next(m for m in track.metrics if m.id == "usage-growth")


def _dynamics(users: dict[str, tuple[date, dict[Month, int]]]) -> Facts:
    """Dynamics 365 Sales customers (MCV: 200 a monthly active user) given as
    name: (associated on, active users by month)."""
    subs: list[Subscription] = [
        subscription(f"d-{name}", customer=name, workload=Workload.DYNAMICS_CRM, associated_on=on)
        for name, (on, _months) in users.items()
    ]
    usage = [
        Usage(f"d-{name}", month, active_users=count, service="Sales")
        for name, (_on, months) in users.items()
        for month, count in months.items()
    ]
    return Facts(organization=organization(), subscriptions=subs, usage=usage)


LONG_AGO = date(2015, 1, 1)


def test_business_applications_gate_reads_the_year_ago_month_alone() -> None:
    # Old: 100 users a year ago (MCV 20,000), 150 now. Won: associated last month with 200
    # users (MCV 40,000), its own baseline. The year-ago month's MCV is 20,000, under both
    # tracks' gates (50,000 / 25,000): no points, whatever Won brings (before: 60,000 passed).
    facts = _dynamics(
        {
            "Old": (LONG_AGO, {LAST.plus(-12): 100, LAST: 150}),
            "Won": (date(2023, 7, 1), {LAST: 200}),
        }
    )
    score = _score(facts, "business-applications")
    for track in score.tracks:
        metric = _usage_growth(track)
        (part,) = metric.parts
        assert metric.points == 0
        assert part.measured.baseline == Decimal(60000)  # the growth counts Won from its month
        assert "a year before 2023-07, reached a monthly consumption value of 20,000" in (
            part.measured.note
        )
    said = next(s for s in score.missing if s.startswith("Usage growth:"))
    # The unit said once (before: "reached 20,000 of monthly consumption value, under the
    # 25,000 of monthly consumption value needed to score").
    assert "reached a monthly consumption value of 20,000, under the 25,000 needed" in said
    # Nothing added now lifts it: the way says so, with the missing sentence's reason.
    (blocked,) = (s for s in score.suggestion if s.startswith("Usage growth:"))
    assert BLOCKED in blocked and "cannot qualify this month" in blocked
    assert "reached a monthly consumption value of 20,000" in blocked


def test_business_applications_gate_passed_by_the_year_ago_month_scores() -> None:
    # 300 users a year ago (MCV 60,000) pass both gates: growth 20 % gives 20 points.
    facts = _dynamics({"Old": (LONG_AGO, {LAST.plus(-12): 300, LAST: 360})})
    for track in _score(facts, "business-applications").tracks:
        metric = _usage_growth(track)
        assert metric.parts[0].measured.note == ""
        assert metric.points == 20


def test_no_base_at_all_says_so_in_the_missing_sentence_and_the_way() -> None:
    """Infrastructure on 2023-08-15 with no Azure usage: a percentage growth has nothing to
    grow from, and a customer won now is compared with its own month (growth 0): the
    designation cannot qualify this month, and both sentences say why the same way."""
    facts = Facts(organization=organization())
    score = _score(facts, "infrastructure-azure")
    (part,) = _usage_growth(score.best).parts
    assert part.measured.note.startswith("no usage to grow from: none a year before 2023-07 nor")
    (said,) = (s for s in score.missing if s.startswith("Usage growth:"))
    assert said == "Usage growth: " + part.measured.note[:1].upper() + part.measured.note[1:]
    (blocked,) = (s for s in score.suggestion if s.startswith("Usage growth:"))
    assert f"{BLOCKED} ({part.measured.note})" in blocked
    assert "falls short" not in blocked and "twelve months" not in blocked


def test_a_customer_won_last_month_is_no_growth_over_no_base() -> None:
    # Under the reading baseline-after-association the customer's baseline is its usage in
    # its own month: growth 0 %, not a base the way could use.
    azure = subscription("a-1", customer="Won", associated_on=date(2023, 7, 1))
    usage = [Usage("a-1", LAST, consumption_usd=Decimal(5000), service="Storage")]
    facts = Facts(organization=organization(), subscriptions=[azure], usage=usage)
    (part,) = _usage_growth(_score(facts, "infrastructure-azure").best).parts
    assert (part.measured.baseline, part.measured.last, part.have) == (
        Decimal(5000),
        Decimal(5000),
        Decimal(0),
    )


def _track(score: Fraction) -> TrackScore:
    metric = MetricScore(
        id="net-customer-adds",
        name="Net customer adds",
        category="performance",
        have=Decimal(2),
        need=Decimal(3),
        unit="customers",
        points=score,
        max_points=Fraction(100),
        missing=(),
    )
    category = CategoryScore("performance", "Performance", score, Fraction(100), (metric,))
    return TrackScore("enterprise", score, (category,))


@pytest.mark.parametrize("unit", ["percent", "USD"])
def test_a_percentage_growth_with_no_base_is_blocked_by_its_own_note(unit: str) -> None:
    """A growth in percent over no base stays at zero whatever the twelve months' minimum
    still needs: the way leaves it out with its own note as the reason (it gave the year-ago
    month's "falls short", which no part said). What the part measures decides, not its
    unit's text: written in "USD" it was priced as a difference (review of session 9)."""
    note = "the twelve months ending July 2023 total US$ 600, under the US$ 1,000 needed to score"
    measured = Measured(
        value=Decimal(0),
        last=Decimal(600),
        baseline=Decimal(0),
        note=note,
        short_of_minimum=Decimal(400),
    )
    growth_part = Part(
        Measure.USAGE_GROWTH_PERCENT, Fraction(20), unit, Scope(frozenset(), frozenset())
    )
    part = PartScore("", unit, Decimal(0), Decimal(20), Fraction(0), measured, part=growth_part)
    growth = MetricScore(
        id="usage-growth",
        name="Usage growth",
        category="customer-success",
        have=Decimal(0),
        need=Decimal(20),
        unit="percent",
        points=Fraction(0),
        max_points=Fraction(20),
        missing=(),
        parts=(part,),
    )
    full = replace(_track(Fraction(80)).metrics[0], points=Fraction(80), max_points=Fraction(80))
    categories = (
        CategoryScore("performance", "Performance", Fraction(80), Fraction(80), (full,)),
        CategoryScore("customer-success", "Customer success", Fraction(0), Fraction(20), (growth,)),
    )
    way = cheapest_steps(TrackScore("enterprise", Fraction(80), categories), Fraction(70))
    (step,) = way.steps
    assert not way.reaches
    assert (
        step.text == f"Usage growth: {BLOCKED} ({note}), so the designation cannot qualify"
        " this month, even with the other steps"
    )


def test_the_points_short_and_the_score_add_up_to_the_target() -> None:

    def first(score: Fraction) -> str:
        return missing_with_leads(_track(score), Fraction(70))[0][0]

    # 62.96 was "7.04 more points to reach 70 (the score is 63)".
    assert first(Fraction(6296, 100)) == "7.04 more points to reach 70 (the score is 62.96)"
    # Never less than reaches it: 20/3 = 6.666... is shown 6.66, 63.34 more reach 70.
    assert first(Fraction(20, 3)) == "63.34 more points to reach 70 (the score is 6.66)"
    assert first(Fraction(125, 2)) == "7.5 more points to reach 70 (the score is 62.5)"
    assert first(Fraction(68)) == "2 more points to reach 70 (the score is 68)"


def test_every_catalogue_carrying_the_gate_says_its_reading() -> None:
    for version in ("2022-10", "2023-06", "2026-05"):
        catalog = _catalog(version)
        gated = [
            part
            for designation in catalog.designations
            for track in designation.tracks
            for metric in track.metrics
            for parts in metric.options
            for part in parts
            if part.baseline_minimum is not None
        ]
        readings = {r.id: r.text for r in catalog.readings}
        assert gated and "month a year earlier alone" in readings["baseline-gate"]
        assert "nothing to grow from" in readings["no-base"]


def test_a_growth_measured_as_a_difference_is_priced_so_whatever_its_unit_says() -> None:
    """What a part measures decides, not its unit's text: Infrastructure's growth measured
    as a difference (``usage-growth``) but written in "percent", its twelve months under
    the minimum and nothing a year ago. The way prices it as the difference it is (no base
    to divide by): the twelve months' US$ 400 short first. It was read as a percentage of
    its base by the unit, and left out as one with no base. The reader refuses such a file
    (test_designations_parse): the catalogue is changed after reading."""

    def as_difference(part: Part) -> Part:
        growth = part.measure is Measure.USAGE_GROWTH_PERCENT
        return replace(part, measure=Measure.USAGE_GROWTH) if growth else part

    catalog = _catalog("2026-05")
    designations = tuple(
        d
        if d.id != "infrastructure-azure"
        else replace(
            d,
            tracks=tuple(
                replace(
                    t,
                    metrics=tuple(
                        replace(
                            m,
                            options=tuple(tuple(map(as_difference, o)) for o in m.options),
                        )
                        for m in t.metrics
                    ),
                )
                for t in d.tracks
            ),
        )
        for d in catalog.designations
    )
    azure = subscription("a-1", customer="Old", associated_on=LONG_AGO)
    usage = [Usage("a-1", Month(2026, 7), consumption_usd=Decimal(600), service="Storage")]
    facts = Facts(organization=organization(), subscriptions=[azure], usage=usage)
    scores = score_designations(
        replace(catalog, designations=designations),
        facts,
        date(2026, 8, 15),
        frozenset({"infrastructure-azure"}),
    )
    score = next(s for s in scores if s.id == "infrastructure-azure")
    (part,) = _usage_growth(score.best).parts
    assert part.unit == "percent" and part.measured.baseline == 0
    assert part.measured.short_of_minimum == 400 and "under the US$ 1,000" in part.measured.note
    assert not part.growth_in_percent
    (step,) = (
        s for s in cheapest_steps(score.best, Fraction(70)).steps if s.metric == "usage-growth"
    )
    assert BLOCKED not in step.text
    # The difference (US$ 600 over nothing) is past its threshold already: the twelve
    # months' US$ 400 short are all it needs for the metric's full 20 points.
    assert (step.units, step.gain) == (Decimal(400), Fraction(20))

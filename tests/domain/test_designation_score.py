"""Solutions Partner scores: every metric rule at its edges, on the shipped 2023 catalogue."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_results import DesignationScore, MetricScore
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.designations_parse import parse_scored_catalog
from mpn_desktop.domain.enums import Association, Workload
from mpn_desktop.domain.facts import ExamResult, Facts, Usage
from mpn_desktop.domain.wording import shown_points
from tests.domain.domain_builders import months, organization, person, subscription

CATALOGS = Path(__file__).parents[2] / "resources" / "catalogs"
AS_OF = date(2023, 8, 15)
"""Last month is 2023-07; a year earlier 2022-07."""


@pytest.fixture(scope="module")
def catalog() -> ScoredCatalog:
    document = json.loads((CATALOGS / "solutions-partner-2023-06.json").read_text())
    return parse_scored_catalog(document)


def _usage(sub: str, month: str, *, acr: int | str = 0, service: str = "") -> Usage:
    return Usage(sub, Month.parse(month), consumption_usd=Decimal(acr), service=service)


def _facts(**kwargs: object) -> Facts:
    return Facts(organization=organization(), **kwargs)  # type: ignore[arg-type]


def _designation(
    catalog: ScoredCatalog, facts: Facts, designation: str, as_of: date = AS_OF
) -> DesignationScore:
    scores = score_designations(catalog, facts, as_of, frozenset({designation}))
    return next(s for s in scores if s.id == designation)


def _metric(score: DesignationScore, metric: str) -> MetricScore:
    return next(m for m in score.best.metrics if m.id == metric)


def _azure_customers(count: int, month: str, acr: int = 1000) -> tuple[list, list]:  # type: ignore[type-arg]
    subs = [subscription(f"s{i}", customer=f"C{i}") for i in range(count)]
    usage = [_usage(f"s{i}", month, acr=acr) for i in range(count)]
    return subs, usage


# Net customer adds -------------------------------------------------------------------


def test_three_new_azure_customers_give_the_full_30_points(catalog: ScoredCatalog) -> None:
    subs, usage = _azure_customers(3, "2023-07")
    metric = _metric(
        _designation(catalog, _facts(subscriptions=subs, usage=usage), "infrastructure-azure"),
        "net-customer-adds",
    )
    assert (metric.have, metric.need, metric.points) == (3, 3, 30)
    assert metric.parts[0].measured.now == ("C0", "C1", "C2")
    assert metric.missing == ()


def test_one_customer_gives_partial_points_and_says_what_two_more_would_add(
    catalog: ScoredCatalog,
) -> None:
    subs, usage = _azure_customers(1, "2023-07")
    metric = _metric(
        _designation(catalog, _facts(subscriptions=subs, usage=usage), "infrastructure-azure"),
        "net-customer-adds",
    )
    assert metric.points == 10
    assert metric.missing[0].startswith("2 more customers")
    assert "would add 20 points" in metric.missing[0]


def test_consumption_just_under_the_floor_does_not_count(catalog: ScoredCatalog) -> None:
    subs, usage = _azure_customers(3, "2023-07", acr=999)
    facts = _facts(subscriptions=subs, usage=usage)
    assert _metric(_designation(catalog, facts, "data-ai-azure"), "net-customer-adds").points == 0


def test_the_month_before_last_counts_too(catalog: ScoredCatalog) -> None:
    subs, usage = _azure_customers(3, "2023-06")
    facts = _facts(subscriptions=subs, usage=usage)
    assert _metric(_designation(catalog, facts, "data-ai-azure"), "net-customer-adds").points == 30


def test_lost_customers_are_subtracted(catalog: ScoredCatalog) -> None:
    subs, usage = _azure_customers(3, "2023-07")
    lost = [subscription("old", customer="Gone"), subscription("old2", customer="Gone too")]
    usage += [_usage("old", "2022-07", acr=5000), _usage("old2", "2022-06", acr=5000)]
    facts = _facts(subscriptions=[*subs, *lost], usage=usage)
    metric = _metric(_designation(catalog, facts, "infrastructure-azure"), "net-customer-adds")
    assert metric.have == 1
    assert metric.points == 10
    assert metric.parts[0].measured.before == ("Gone", "Gone too")


def test_more_lost_than_added_scores_zero_not_below(catalog: ScoredCatalog) -> None:
    subs = [subscription("old", customer="Gone")]
    facts = _facts(subscriptions=subs, usage=[_usage("old", "2022-07", acr=5000)])
    metric = _metric(_designation(catalog, facts, "infrastructure-azure"), "net-customer-adds")
    assert metric.have == -1
    assert metric.points == 0


def test_an_association_that_does_not_count_is_left_out(catalog: ScoredCatalog) -> None:
    subs = [
        subscription(f"s{i}", customer=f"C{i}", association=Association.DELEGATED_ADMIN)
        for i in range(3)
    ]
    usage = [_usage(f"s{i}", "2023-07", acr=5000) for i in range(3)]
    facts = _facts(subscriptions=subs, usage=usage)
    assert _metric(_designation(catalog, facts, "data-ai-azure"), "net-customer-adds").points == 0


def test_csp_counts_for_azure(catalog: ScoredCatalog) -> None:
    subs = [subscription("s0", customer="C0", association=Association.TRANSACTING)]
    facts = _facts(subscriptions=subs, usage=[_usage("s0", "2023-07", acr=1000)])
    assert _metric(_designation(catalog, facts, "data-ai-azure"), "net-customer-adds").points == 10


def test_a_customer_associated_after_last_month_does_not_count_yet(
    catalog: ScoredCatalog,
) -> None:
    subs = [subscription("s0", customer="C0", associated_on=date(2023, 8, 1))]
    facts = _facts(subscriptions=subs, usage=[_usage("s0", "2023-07", acr=5000)])
    assert _metric(_designation(catalog, facts, "data-ai-azure"), "net-customer-adds").points == 0


def test_one_customer_with_two_subscriptions_counts_once(catalog: ScoredCatalog) -> None:
    subs = [subscription("a", customer="C"), subscription("b", customer="C")]
    usage = [_usage("a", "2023-07", acr=600), _usage("b", "2023-07", acr=600)]
    metric = _metric(
        _designation(catalog, _facts(subscriptions=subs, usage=usage), "data-ai-azure"),
        "net-customer-adds",
    )
    assert metric.have == 1


# Usage growth ------------------------------------------------------------------------


def test_twenty_percent_growth_gives_full_points_ten_percent_half(catalog: ScoredCatalog) -> None:
    subs = [subscription("s0", customer="C0")]
    for last, points in ((1200, 20), (1100, 10), (900, 0)):
        usage = [_usage("s0", "2022-07", acr=1000), _usage("s0", "2023-07", acr=last)]
        metric = _metric(
            _designation(catalog, _facts(subscriptions=subs, usage=usage), "data-ai-azure"),
            "usage-growth",
        )
        assert metric.points == points, last


def test_growth_needs_a_thousand_dollars_over_twelve_months(catalog: ScoredCatalog) -> None:
    subs = [subscription("s0", customer="C0")]
    usage = [_usage("s0", "2022-07", acr=100), _usage("s0", "2023-07", acr=900)]
    metric = _metric(
        _designation(catalog, _facts(subscriptions=subs, usage=usage), "data-ai-azure"),
        "usage-growth",
    )
    assert metric.points == 0
    assert "under the US$ 1,000 needed to score" in metric.missing[0]


def test_growth_before_the_association_earns_nothing(catalog: ScoredCatalog) -> None:
    """Associated in 2023-03 at 2,000 a month: the baseline is 2023-03, not 2022-07."""
    subs = [subscription("s0", customer="C0", associated_on=date(2023, 3, 10))]
    usage = [
        _usage("s0", "2022-07", acr=500),
        _usage("s0", "2023-03", acr=2000),
        _usage("s0", "2023-07", acr=2200),
    ]
    metric = _metric(
        _designation(catalog, _facts(subscriptions=subs, usage=usage), "data-ai-azure"),
        "usage-growth",
    )
    assert metric.parts[0].measured.baseline == 2000
    assert metric.points == 10


# Deployments -------------------------------------------------------------------------


def test_deployments_count_distinct_services_but_not_virtual_machines(
    catalog: ScoredCatalog,
) -> None:
    subs = [subscription("a", customer="A"), subscription("b", customer="B")]
    usage = [
        _usage("a", "2022-09", acr=10, service="Storage"),
        _usage("b", "2023-07", acr=10, service="storage"),
        _usage("a", "2023-01", acr=10, service="SQL Database"),
        _usage("a", "2023-01", acr=10, service="Virtual Machines"),
        _usage("a", "2022-07", acr=10, service="Functions"),  # thirteen months back
        _usage("a", "2023-02", acr=0, service="Key Vault"),  # no consumption
    ]
    metric = _metric(
        _designation(catalog, _facts(subscriptions=subs, usage=usage), "data-ai-azure"),
        "deployments",
    )
    assert metric.have == 2
    assert metric.points == 4
    assert metric.parts[0].measured.now == ("SQL Database", "Storage")


# Skilling ----------------------------------------------------------------------------


def _certified(*holders: tuple[str, tuple[str, ...]]) -> dict[str, object]:
    people = [person(mcp, f"P{mcp}") for mcp, _ in holders]
    exams = [ExamResult(mcp, code, date(2023, 1, 1)) for mcp, codes in holders for code in codes]
    return {"people": people, "exams": exams}


def test_enterprise_steps_gate_the_final_list(catalog: ScoredCatalog) -> None:
    one_admin = _certified(("1", ("AZ-104",)), ("2", ("AZ-700",)), ("3", ("AZ-700",)))
    metric = _metric(
        _designation(catalog, _facts(**one_admin), "infrastructure-azure"),
        "intermediate-certifications",
    )
    assert metric.points == 0
    assert metric.have == 2
    assert metric.missing[0].startswith("1 more person with Azure Administrator Associate (AZ-104)")
    two_admins = _certified(("1", ("AZ-104",)), ("2", ("AZ-104", "AZ-700")), ("3", ("AZ-700",)))
    metric = _metric(
        _designation(catalog, _facts(**two_admins), "infrastructure-azure"),
        "intermediate-certifications",
    )
    assert metric.points == 8  # a prerequisite holder may also count on the final list


def test_a_person_counts_once_however_many_certifications(catalog: ScoredCatalog) -> None:
    facts = _facts(
        **_certified(("1", ("AZ-104", "AZ-700", "AZ-800", "AZ-801")), ("2", ("AZ-104",)))
    )
    metric = _metric(
        _designation(catalog, facts, "infrastructure-azure"), "intermediate-certifications"
    )
    assert metric.have == 1
    assert metric.points == 4


def test_a_certification_of_two_exams_needs_both(catalog: ScoredCatalog) -> None:
    facts = _facts(**_certified(("1", ("AZ-104",)), ("2", ("AZ-104",)), ("3", ("AZ-800",))))
    metric = _metric(
        _designation(catalog, facts, "infrastructure-azure"), "intermediate-certifications"
    )
    assert metric.have == 0


def test_full_skilling_points_cap_at_the_maximum(catalog: ScoredCatalog) -> None:
    holders = [(str(i), ("AZ-104", "AZ-305", "DP-300")) for i in range(12)]
    facts = _facts(**_certified(*holders))
    metric = _metric(_designation(catalog, facts, "data-ai-azure"), "intermediate-certifications")
    assert metric.have == 12
    assert metric.points == 40
    assert metric.met


def test_people_who_left_or_are_not_associated_do_not_count(catalog: ScoredCatalog) -> None:
    facts = _facts(**_certified(("1", ("AZ-104",)), ("2", ("AZ-104",)), ("3", ("AZ-700",))))
    gone = replace(facts.people[2], left_on=date(2023, 8, 1))
    facts = replace(facts, people=(*facts.people[:2], gone))
    metric = _metric(
        _designation(catalog, facts, "infrastructure-azure"), "intermediate-certifications"
    )
    assert metric.have == 0


def test_a_retired_certification_counts_until_its_eligible_until(catalog: ScoredCatalog) -> None:
    facts = _facts(**_certified(("1", ("AZ-104",)), ("2", ("AZ-104",)), ("3", ("AZ-600",))))
    for day, points in ((date(2024, 7, 31), 4), (date(2024, 8, 1), 0)):
        metric = _metric(
            _designation(catalog, facts, "infrastructure-azure", day), "intermediate-certifications"
        )
        assert metric.points == points, day


def test_security_steps_need_two_people_from_december_2023(catalog: ScoredCatalog) -> None:
    facts = _facts(**_certified(("1", ("AZ-500",)), ("2", ("SC-200",)), ("3", ("SC-300",))))
    before = _metric(
        _designation(catalog, facts, "security", date(2023, 11, 30)), "intermediate-certifications"
    )
    after = _metric(
        _designation(catalog, facts, "security", date(2023, 12, 1)), "intermediate-certifications"
    )
    # Until 2023-11-30 Security Operations Analyst is on the final list too: persons 2 and 3.
    assert before.points == Fraction(80, 6)
    assert shown_points(before.points) == "13.3"
    assert after.points == 0


# Qualifying --------------------------------------------------------------------------


def _full_azure() -> Facts:
    subs, usage = _azure_customers(3, "2023-07", acr=1200)
    # 3,600 against 999 a year earlier (under the floor, so no customer lost): full growth.
    usage += [_usage("s0", "2022-07", acr=999)]
    usage += [_usage("s1", "2023-05", acr=1, service=f"Service {i}") for i in range(5)]
    holders = [("a1", ("AZ-104", "AZ-305")), ("a2", ("AZ-104", "AZ-305"))]
    holders += [(f"p{i}", ("AZ-700", "AZ-140")) for i in range(5)]
    return _facts(subscriptions=subs, usage=usage, **_certified(*holders))


def test_full_marks_qualify_and_nothing_is_missing(catalog: ScoredCatalog) -> None:
    score = _designation(catalog, _full_azure(), "infrastructure-azure")
    assert score.score == 100
    assert score.qualified
    assert score.missing == ()
    # Before 2023-09-19 a partner not enrolled qualifies on the day itself (REN22, ANN2309).
    assert (score.window.start, score.window.end) == (AS_OF, AS_OF)
    assert score.window.qualified_on == AS_OF


def test_exactly_seventy_qualifies_and_a_metric_at_zero_does_not(catalog: ScoredCatalog) -> None:
    subs, usage = _azure_customers(3, "2023-07", acr=1200)
    # A year earlier C0 qualified already: 2 net adds (20 points), 3,600 against 3,000 (20).
    usage += [_usage("s0", "2022-07", acr=3000)]
    usage += [_usage("s1", "2023-05", acr=1, service="Storage")]  # 1 service: 2 points
    holders = [("a1", ("AZ-104", "AZ-305")), ("a2", ("AZ-104", "AZ-305"))]
    holders += [(f"p{i}", ("AZ-700",)) for i in range(5)]  # intermediate 20
    holders += [(f"q{i}", ("AZ-140",)) for i in range(2)]  # advanced 8
    facts = _facts(subscriptions=subs, usage=usage, **_certified(*holders))
    score = _designation(catalog, facts, "infrastructure-azure")
    assert score.score == 20 + 20 + 8 + 20 + 2
    assert score.qualified
    no_services = replace(facts, usage=tuple(u for u in facts.usage if not u.service))
    score = _designation(catalog, no_services, "infrastructure-azure")
    assert score.score == 68
    assert not score.qualified
    assert score.missing[0] == "2 more points to reach 70 (the score is 68)"
    assert score.missing[1].startswith("Deployments:")  # the metric at zero first
    assert score.suggestion[0] == (
        "Deployments: 1 more service (distinct Azure services with consumption in the last"
        " twelve months, other than Virtual Machines and Virtual Machines Licenses; +2 points)"
    )


def test_every_designation_is_scored_and_targets_are_marked(catalog: ScoredCatalog) -> None:
    scores = score_designations(catalog, _facts(), AS_OF, frozenset({"security"}))
    assert [s.id for s in scores] == [d.id for d in catalog.designations]
    assert [s.id for s in scores if s.target] == ["security"]
    assert all(s.score == 0 and not s.qualified for s in scores)


def test_modern_work_keeps_the_better_track(catalog: ScoredCatalog) -> None:
    """Two people with MS-700: enterprise 5 points (of 4 people), SMB 10 (of 2)."""
    facts = _facts(**_certified(("1", ("MS-700",)), ("2", ("MS-700",))))
    score = _designation(catalog, facts, "modern-work")
    assert [(t.track, t.score) for t in score.tracks] == [("enterprise", 5), ("smb", 10)]
    assert score.best.track == "smb"


def test_modern_work_usage_growth_takes_the_better_association(catalog: ScoredCatalog) -> None:
    subs = [subscription("m", customer="M", workload=Workload.OFFICE365)]
    usage = [
        Usage("m", Month.parse("2022-07"), active_users=1000),
        Usage("m", Month.parse("2023-07"), active_users=3000),
    ]
    score = _designation(catalog, _facts(subscriptions=subs, usage=usage), "modern-work")
    growth = next(m for m in score.tracks[0].metrics if m.id == "usage-growth")
    assert growth.have == 2000  # DPOR: 2,000 of 4,000 users
    assert growth.points == 15


# Properties --------------------------------------------------------------------------

_CODES = ["AZ-104", "AZ-305", "AZ-700", "AZ-140", "DP-300", "MS-700", "SC-300", "MB-210", "AZ-500"]


@settings(max_examples=40, deadline=None)
@given(
    holdings=st.lists(
        st.tuples(st.integers(0, 6), st.sampled_from(_CODES)), min_size=0, max_size=20
    ),
    extra=st.tuples(st.integers(0, 7), st.sampled_from(_CODES)),
)
def test_another_certification_never_lowers_a_score(
    catalog: ScoredCatalog, holdings: list[tuple[int, str]], extra: tuple[int, str]
) -> None:
    people = [person(str(i)) for i in range(8)]

    def scores(pairs: list[tuple[int, str]]) -> list[Fraction]:
        exams = [ExamResult(str(i), code, date(2023, 1, 1)) for i, code in pairs]
        facts = _facts(people=people, exams=exams)
        return [s.score for s in score_designations(catalog, facts, AS_OF)]

    before, after = scores(holdings), scores([*holdings, extra])
    assert all(b <= a for b, a in zip(before, after, strict=True))


@settings(max_examples=30, deadline=None)
@given(acr=st.integers(1000, 100_000), month=st.sampled_from(months("2023-06", "2023-07")))
def test_a_new_customer_with_usage_in_the_window_never_lowers_a_score(
    catalog: ScoredCatalog, acr: int, month: str
) -> None:
    subs, usage = _azure_customers(2, "2023-07", acr=1500)
    facts = _facts(subscriptions=subs, usage=usage)
    more = replace(
        facts,
        subscriptions=(*facts.subscriptions, subscription("new", customer="New")),
        usage=(*facts.usage, _usage("new", month, acr=acr)),
    )
    before = score_designations(catalog, facts, AS_OF)
    after = score_designations(catalog, more, AS_OF)
    assert all(b.score <= a.score for b, a in zip(before, after, strict=True))


# Other catalogues ----------------------------------------------------------------------


def _shipped(version: str) -> ScoredCatalog:
    return parse_scored_catalog(
        json.loads((CATALOGS / f"solutions-partner-{version}.json").read_text())
    )


def test_2026_smb_steps_give_four_points_each_and_gate_the_final_list() -> None:
    """SOLUTIONS-PARTNER.md § 1.7: step 1 met, step 2 not, two step-3 people -> 4 points."""
    catalog = _shipped("2026-05")
    facts = _facts(**_certified(("1", ("AZ-104",)), ("2", ("DP-300",)), ("3", ("DP-300",))))
    score = _designation(catalog, facts, "data-ai-azure", date(2026, 8, 1))
    smb = next(t for t in score.tracks if t.track == "smb")
    enterprise = next(t for t in score.tracks if t.track == "enterprise")
    assert next(m for m in smb.metrics if m.id == "intermediate-certifications").points == 4
    assert next(m for m in enterprise.metrics if m.id == "intermediate-certifications").points == 0
    assert score.best.track == "smb"
    both = _facts(**_certified(("1", ("AZ-104", "AZ-305")), ("2", ("DP-300",)), ("3", ("DP-300",))))
    smb = next(
        t
        for t in _designation(catalog, both, "data-ai-azure", date(2026, 8, 1)).tracks
        if t.track == "smb"
    )
    assert next(m for m in smb.metrics if m.id == "intermediate-certifications").points == 16


def test_2026_azure_smb_track_counts_customers_from_500_dollars() -> None:
    catalog = _shipped("2026-05")
    subs, usage = _azure_customers(3, "2026-07", acr=600)
    score = _designation(
        catalog, _facts(subscriptions=subs, usage=usage), "infrastructure-azure", date(2026, 8, 10)
    )
    adds = {
        t.track: next(m for m in t.metrics if m.id == "net-customer-adds").points
        for t in score.tracks
    }
    assert adds == {"enterprise": 0, "smb": 30}


def test_the_launch_rate_card_counts_customer_engagement_at_40() -> None:
    catalog = _shipped("2022-10")
    assert catalog.rate_card["sales"] == 40
    assert _shipped("2023-06").rate_card["sales"] == 200
    security = catalog.designation("security")
    assert security is not None
    adds = security.tracks[0].metrics[0]
    assert [p.max_points for p in adds.options[0]] == [10, 10]


def test_the_tree_carries_points_people_and_tenants_as_data(catalog: ScoredCatalog) -> None:
    from mpn_desktop.domain.designation_tree import designation_tree
    from mpn_desktop.domain.requirement_tree import NodeKind

    facts = _full_azure()
    scores = score_designations(catalog, facts, AS_OF, frozenset({"infrastructure-azure"}))
    tree = designation_tree(facts.organization, AS_OF, scores)
    assert tree.program == "solutions-partner"
    (infra,) = tree.targeted
    assert (infra.kind, infra.points, infra.max_points, infra.met) == (
        NodeKind.DESIGNATION,
        100,
        100,
        True,
    )
    assert [c.id for c in infra.children] == ["performance", "skilling", "customer-success"]
    adds = infra.children[0].children[0]
    assert adds.kind is NodeKind.METRIC and adds.points == 30 and adds.scored
    assert [e.subject for e in adds.evidence] == ["C0", "C1", "C2"]
    skilled = infra.child("skilling")
    assert skilled is not None
    people = skilled.children[0].evidence
    assert {e.mcp_id for e in people} == {f"p{i}" for i in range(5)}


def test_the_tree_gives_the_other_tracks_as_alternatives(catalog: ScoredCatalog) -> None:
    from mpn_desktop.domain.designation_tree import designation_node

    facts = _facts(**_certified(("1", ("MS-700",)), ("2", ("MS-700",))))
    node = designation_node(_designation(catalog, facts, "modern-work"))
    assert (node.way, node.points, node.ways) == ("smb", 10, 2)
    (enterprise,) = node.alternatives
    assert (enterprise.way, enterprise.points, enterprise.met) == ("enterprise", 5, False)
    assert [c.id for c in enterprise.children] == [c.id for c in node.children]


def test_a_catalogue_made_where_a_freed_one_was_gets_its_own_category_maximums(
    catalog: ScoredCatalog,
) -> None:
    # A category's maximum is added up once per catalogue (_category_most, kept by the
    # catalogue's and its tracks' id(), the catalogue held beside it): a catalogue made
    # where a freed one was, its first metric worth another maximum, reads its own sums.
    first = catalog.designations[0]
    track = first.tracks[0]
    metric = track.metrics[0]
    facts = Facts(organization=organization())
    for n in range(1, 21):
        track_n = replace(
            track, metrics=(replace(metric, max_points=Fraction(n)), *track.metrics[1:])
        )
        made = replace(catalog, designations=(replace(first, tracks=(track_n, *first.tracks[1:])),))
        scored = score_designations(made, facts, AS_OF)[0].tracks[0]
        for category in scored.categories:
            assert category.max_points == sum(m.max_points for m in category.metrics)
        assert any(m.max_points == n for m in scored.metrics)
        del made, track_n, scored

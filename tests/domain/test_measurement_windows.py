"""The measurement windows at their edges (SOLUTIONS-PARTNER.md § 1.4): the twelve months of
deployments end with last month and begin eleven months before it; net adds and growth
compare last month with the same month a year earlier, never the as-of day's own month."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_results import MetricScore
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.designation_tree import designation_tree
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.designations_parse import parse_scored_catalog
from mpn_desktop.domain.facts import ExamResult, Facts, Person, Usage
from tests.domain.domain_builders import organization, subscription

CATALOGS = Path(__file__).parents[2] / "resources" / "catalogs"
AS_OF = date(2023, 8, 15)
"""Last month 2023-07; the twelve months 2022-08 to 2023-07; a year earlier 2022-07."""


@pytest.fixture(scope="module")
def catalog() -> ScoredCatalog:
    document = json.loads((CATALOGS / "solutions-partner-2023-06.json").read_text())
    return parse_scored_catalog(document)


def _metric(catalog: ScoredCatalog, facts: Facts, metric: str) -> MetricScore:
    scores = score_designations(catalog, facts, AS_OF, frozenset({"infrastructure-azure"}))
    infra = next(s for s in scores if s.id == "infrastructure-azure")
    return next(m for m in infra.best.metrics if m.id == metric)


def _services(*months: str) -> Facts:
    """One service with consumption in each month given."""
    usage = [
        Usage("s", Month.parse(m), consumption_usd=Decimal(10), service=f"Service {m}")
        for m in months
    ]
    return Facts(organization=organization(), subscriptions=[subscription("s")], usage=usage)


@pytest.mark.parametrize(
    ("month", "counted"),
    [("2022-07", 0), ("2022-08", 1), ("2023-07", 1), ("2023-08", 0)],
)
def test_deployments_count_the_twelve_months_ending_last_month(
    catalog: ScoredCatalog, month: str, counted: int
) -> None:
    # The first month of the window counts, the month before it does not; last month
    # counts, the as-of day's own month (not yet refreshed) does not.
    assert _metric(catalog, _services(month), "deployments").have == counted


@pytest.mark.parametrize(("month", "points"), [("2023-07", 10), ("2023-06", 10), ("2023-08", 0)])
def test_net_adds_look_at_last_month_and_the_one_before(
    catalog: ScoredCatalog, month: str, points: int
) -> None:
    facts = Facts(
        organization=organization(),
        subscriptions=[subscription("s", customer="C")],
        usage=[Usage("s", Month.parse(month), consumption_usd=Decimal(1000))],
    )
    assert _metric(catalog, facts, "net-customer-adds").points == points


def test_the_checklist_names_a_holders_certification_not_its_id(catalog: ScoredCatalog) -> None:
    people = [Person(f"P{i}", f"{i}") for i in range(3)]
    exams = [
        ExamResult("0", "AZ-104", date(2023, 1, 1)),
        ExamResult("1", "AZ-104", date(2023, 1, 1)),
    ]
    exams.append(ExamResult("2", "AZ-700", date(2023, 1, 1)))
    facts = Facts(organization=organization(), people=people, exams=exams)
    scores = score_designations(catalog, facts, AS_OF, frozenset({"infrastructure-azure"}))
    tree = designation_tree(facts.organization, AS_OF, scores)
    infra = tree.requirement("infrastructure-azure")
    assert infra is not None
    skilling = infra.child("skilling")
    assert skilling is not None
    metric = skilling.child("intermediate-certifications")
    assert metric is not None
    assert [e.detail for e in metric.evidence] == ["Azure Network Engineer Associate"]
    assert [e.credentials for e in metric.evidence] == [("azure-network-engineer-associate",)]

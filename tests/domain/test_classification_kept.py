"""Business Applications' classification (BA23, BA26) is kept with the month's figures, as a
metric's score is: asked again on the same figures (another day of the month, an evaluation
after an edit of a person), it is not read from the revenue again, and each rule still gets
its own answer, a rule made where a freed one was included."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_score import classify, last_month, score_designations
from mpn_desktop.domain.designations import Designation, ScoredCatalog
from mpn_desktop.domain.designations_parse import parse_scored_catalog
from mpn_desktop.domain.enums import Workload
from mpn_desktop.domain.facts import Facts, Usage
from mpn_desktop.domain.usage_figures import UsageFigures
from tests.domain.domain_builders import organization, subscription

CATALOGS = Path(__file__).parents[2] / "resources" / "catalogs"
DAY = date(2023, 8, 15)
"""Its last month 2023-07, the year-ago month 2022-07."""


def _catalog() -> ScoredCatalog:
    document: dict[str, Any] = json.loads((CATALOGS / "solutions-partner-2023-06.json").read_text())
    return parse_scored_catalog(document)


def _business_applications(catalog: ScoredCatalog) -> Designation:
    (item,) = (d for d in catalog.designations if d.classification is not None)
    return item


def _dynamics(revenues: list[int]) -> Facts:
    """A customer per revenue, each with one Dynamics 365 workload earning it in 2023-07 and in
    2022-07."""
    subs = [
        subscription(f"d{i}", customer=f"T{i}", workload=Workload.DYNAMICS_CRM)
        for i in range(len(revenues))
    ]
    usage = [
        Usage(f"d{i}", Month.parse(month), revenue_usd=Decimal(revenue), service="Sales")
        for i, revenue in enumerate(revenues)
        for month in ("2023-07", "2022-07")
    ]
    return Facts(organization=organization(), subscriptions=subs, usage=usage)


def _figures(catalog: ScoredCatalog, facts: Facts) -> tuple[UsageFigures, Month]:
    month = last_month(DAY)
    return UsageFigures(facts, catalog.rate_card, (month.plus(-24), month)), month


class _CountedReads(UsageFigures):
    """Figures counting the revenue reads per (customer, service)."""

    reads = 0

    def key_quantities(self, *args: Any, **kwargs: Any) -> Any:
        type(self).reads += 1
        return super().key_quantities(*args, **kwargs)


@pytest.fixture(autouse=True)
def _english() -> None:
    vocabulary.use_language("en")


def test_asked_again_on_the_same_figures_the_revenue_is_not_read_again() -> None:
    catalog = _catalog()
    item = _business_applications(catalog)
    month = last_month(DAY)
    facts = _dynamics([5001] * 5)
    figures = _CountedReads(facts, catalog.rate_card, (month.plus(-24), month))
    first = classify(item, figures, month)
    read = _CountedReads.reads
    assert read > 0
    assert classify(item, figures, month) == first
    assert _CountedReads.reads == read
    assert first[0] == "enterprise" and ": 5 workloads" in first[1]


def test_each_rule_gets_its_own_answer_on_the_same_figures() -> None:
    """Rules differing in their floor or their count, asked on one set of figures in turn,
    each made where the one before was freed (mostly at the same address): each answer is
    the one fresh figures give."""
    catalog = _catalog()
    item = _business_applications(catalog)
    assert item.classification is not None
    facts = _dynamics([1000, 2000, 3000, 4000, 5000, 6000])
    figures, month = _figures(catalog, facts)
    for floor in (500, 1500, 2500, 3500, 4500, 5500, 6500, 1500):
        for pairs in (2, 4):
            rule = replace(item.classification, minimum_usd=Decimal(floor), pairs=pairs)
            ruled = replace(item, classification=rule)
            said = classify(ruled, figures, month)
            assert said == classify(ruled, *_figures(catalog, facts)[:1], month)
            above = sum(1 for revenue in (1000, 2000, 3000, 4000, 5000, 6000) if revenue > floor)
            assert f": {above} workload" in said[1]
            assert said[0] == ("enterprise" if above >= pairs else "smb")
            del rule, ruled


def test_the_day_s_scores_keep_their_classification_when_evaluated_again() -> None:
    """Evaluated twice on the same facts (the second finds the month's figures kept), the
    designation is on the same track with the same sentence, and German is German."""
    catalog = _catalog()
    facts = _dynamics([5001] * 5)
    area = frozenset({"business-applications"})

    def classified() -> tuple[str | None, str]:
        scores = score_designations(catalog, facts, DAY, area)
        score = next(s for s in scores if s.id == "business-applications")
        return score.best.track, score.classified

    first = classified()
    assert first == classified()
    vocabulary.use_language("de")
    try:
        german = classified()
    finally:
        vocabulary.use_language("en")
    assert german[0] == first[0] and german[1] != first[1]
    assert classified() == first

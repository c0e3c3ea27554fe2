"""Usage growth over the customer base: a customer with usage a year ago and none last month
(lost) keeps its year-ago usage in the baseline, and one associated during the year keeps its
own baseline whether it has usage now or not (designation_measures._usage_growth;
SOLUTIONS-PARTNER.md § 1.4: last month against the same month a year earlier)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_results import MetricScore
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.enums import Association, Workload
from mpn_desktop.domain.facts import Customer, Facts, Subscription, Usage
from mpn_desktop.programs import shipped_scored_catalogs
from tests.domain.domain_builders import organization

DAY = date(2023, 8, 15)
LAST = Month(2023, 7)
LONG_AGO = date(2015, 1, 1)


def _usage_growth(rows: dict[str, tuple[date, dict[Month, int]]]) -> MetricScore:
    """Data & AI's usage growth (percent, 2023-06 catalogue) of Azure customers given as
    name: (associated on, consumption by month)."""
    subscriptions = tuple(
        Subscription(f"s-{name}", name, Workload.AZURE, Association.DPOR, since, since)
        for name, (since, _months) in rows.items()
    )
    usage = tuple(
        Usage(f"s-{name}", month, consumption_usd=Decimal(amount), service="Storage")
        for name, (_since, months) in rows.items()
        for month, amount in months.items()
    )
    facts = Facts(
        organization=organization(),
        customers=tuple(Customer(name) for name in rows),
        subscriptions=subscriptions,
        usage=usage,
    )
    (catalog,) = (c for c in shipped_scored_catalogs() if c.effective_from == date(2023, 6, 1))
    scores = score_designations(catalog, facts, DAY, frozenset())
    (score,) = (s for s in scores if s.id == "data-ai-azure")
    (metric,) = (m for m in score.best.metrics if m.id == "usage-growth")
    return metric


def test_a_lost_customer_s_year_ago_usage_stays_in_the_baseline() -> None:
    # Kept grows 1,000 -> 1,200; Lost had 1,000 a year ago and nothing last month: the
    # customers went from 2,000 to 1,200 (-40 %), not +20 % over Kept alone.
    metric = _usage_growth(
        {
            "Kept": (LONG_AGO, {LAST.plus(-12): 1000, LAST: 1200}),
            "Lost": (LONG_AGO, {LAST.plus(-12): 1000, LAST.plus(-6): 500}),
        }
    )
    (part,) = metric.parts
    assert (part.measured.baseline, part.measured.last) == (Decimal(2000), Decimal(1200))
    assert part.have == Decimal(-40)
    assert metric.points == 0


def test_with_no_usage_now_the_year_ago_usage_is_still_what_it_grows_from() -> None:
    """The fault also said "No usage a year before July 2023 to grow from" although there
    was: with nothing last month the growth is -100 %."""
    metric = _usage_growth(
        {"Lost": (LONG_AGO, {LAST.plus(-12): 1000, LAST.plus(-6): 800, LAST.plus(-1): 400})}
    )
    (part,) = metric.parts
    assert part.measured.note == ""
    assert (part.measured.baseline, part.have) == (Decimal(1000), Decimal(-100))
    assert not any("to grow from" in sentence for sentence in metric.missing)


def test_a_customer_associated_during_the_year_and_lost_keeps_its_own_baseline() -> None:
    # Joined (associated in 2023-01) had 500 that month, nothing last month: its baseline is
    # that month's 500 (no credit before the association), lost since.
    metric = _usage_growth(
        {
            "Kept": (LONG_AGO, {LAST.plus(-12): 1000, LAST: 1500}),
            "Joined": (date(2023, 1, 10), {Month(2023, 1): 500, Month(2022, 12): 9000}),
        }
    )
    (part,) = metric.parts
    assert (part.measured.baseline, part.measured.last) == (Decimal(1500), Decimal(1500))
    assert part.have == 0

"""Step 1, sales performance: windows, association credit, trials, associations, markets."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest
from domain_builders import (
    AS_OF,
    CRM,
    EMM,
    GOLD,
    LONG_AGO,
    PLATFORM,
    PRODUCTIVITY,
    SILVER,
    SMB,
    facts,
    have,
    months,
    organization,
    run,
    step_of,
    subscription,
    usage,
)

from mpn_desktop.domain import evaluate as evaluate_module
from mpn_desktop.domain.catalog import Catalog, Measure, MeasureKind, Performance
from mpn_desktop.domain.enums import Association, Level, Market, StepKind, Workload
from mpn_desktop.domain.facts import Facts, Subscription, Usage
from mpn_desktop.domain.performance import UsageTotals, measure_result

PERF = StepKind.PERFORMANCE


def azure_have(
    catalog: Catalog,
    *rows: Usage,
    as_of: date = AS_OF,
    associated_on: date = LONG_AGO,
    started_on: date | None = None,
    ended_on: date | None = None,
    association: Association = Association.DPOR,
    trial: bool = False,
) -> Decimal:
    """Azure consumption credited to Cloud Platform for one subscription and its usage rows."""
    sub = subscription(
        "sub-1",
        association=association,
        associated_on=associated_on,
        started_on=started_on,
        ended_on=ended_on,
        trial=trial,
    )
    return have(
        catalog, facts(subscriptions=[sub], usage_rows=rows), PLATFORM, SILVER, PERF, as_of=as_of
    )


# --- calendar-month windows -------------------------------------------------------------------


def test_the_window_is_the_12_full_months_before_the_month_of_the_as_of_day(
    catalog: Catalog,
) -> None:
    rows = [usage("sub-1", month, consumption=1000) for month in months("2016-12", "2018-04")]
    assert azure_have(catalog, *rows) == 12_000
    progress = run(catalog, facts(subscriptions=[subscription()], usage_rows=rows))
    step = step_of(progress, PLATFORM, SILVER, PERF)
    assert "in the 12 months to 2018-02" in step.description


@pytest.mark.parametrize(
    ("month", "counts"),
    [
        ("2017-02", False),  # the month before the window
        ("2017-03", True),  # the first month of the window
        ("2018-02", True),  # the last month of the window
        ("2018-03", False),  # the month in progress never counts
    ],
)
def test_first_and_last_month_of_the_window(catalog: Catalog, month: str, counts: bool) -> None:
    assert azure_have(catalog, usage("sub-1", month, consumption=500)) == (500 if counts else 0)


@pytest.mark.parametrize(
    ("as_of", "first", "last"),
    [
        (date(2018, 3, 1), "2017-03", "2018-02"),  # the first day of a month
        (date(2018, 3, 31), "2017-03", "2018-02"),
        (date(2018, 1, 10), "2017-01", "2017-12"),  # across the turn of the year
    ],
)
def test_the_window_moves_with_the_month_not_the_day(
    catalog: Catalog, as_of: date, first: str, last: str
) -> None:
    before = months("2010-01", first)[-2]
    after = months(last, "2030-01")[1]
    rows = [
        usage("sub-1", before, consumption=1),
        usage("sub-1", first, consumption=10),
        usage("sub-1", last, consumption=100),
        usage("sub-1", after, consumption=1000),
    ]
    assert azure_have(catalog, *rows, as_of=as_of) == 110


# --- credit only while the association was in force on the first day of the month -----------


@pytest.mark.parametrize(
    ("associated_on", "expected"),
    [
        (date(2017, 6, 1), 300),  # in force on 1 June: June counts
        (date(2017, 6, 2), 200),  # made on 2 June: June does not count, July does
        (date(2017, 5, 31), 300),
        (date(2018, 3, 1), 0),  # made after the window
    ],
)
def test_usage_counts_from_the_first_month_whose_first_day_the_association_covers(
    catalog: Catalog, associated_on: date, expected: int
) -> None:
    rows = [usage("sub-1", month, consumption=100) for month in months("2017-05", "2017-08")]
    credited = azure_have(catalog, *rows, associated_on=associated_on, started_on=date(2017, 1, 1))
    assert credited == expected


@pytest.mark.parametrize(
    ("ended_on", "expected"),
    [
        (date(2017, 9, 15), 300),  # in force on 1 September: September counts
        (date(2017, 9, 1), 300),  # ended on the first day itself: not ended before it
        (date(2017, 8, 31), 200),  # ended before 1 September
        (None, 400),
    ],
)
def test_usage_stops_counting_once_the_subscription_ended(
    catalog: Catalog, ended_on: date | None, expected: int
) -> None:
    rows = [usage("sub-1", month, consumption=100) for month in months("2017-07", "2017-10")]
    assert azure_have(catalog, *rows, ended_on=ended_on) == expected


def test_a_trial_subscription_never_counts(catalog: Catalog) -> None:
    rows = [usage("sub-1", month, consumption=5000) for month in months("2017-03", "2018-02")]
    assert azure_have(catalog, *rows, trial=True) == 0
    assert azure_have(catalog, *rows, trial=False) == 60_000


def test_trial_seats_never_count_as_active_users(catalog: Catalog) -> None:
    given = facts(
        subscriptions=[
            subscription("paid", workload=Workload.OFFICE365),
            subscription("trial", workload=Workload.OFFICE365, trial=True),
        ],
        usage_rows=[usage("paid", "2018-02", users=40), usage("trial", "2018-02", users=1000)],
    )
    assert have(catalog, given, PRODUCTIVITY, SILVER, PERF) == 40


# --- associations accepted per competency -----------------------------------------------------


@pytest.mark.parametrize(
    ("association", "counts"),
    [
        (Association.DPOR, True),
        (Association.TRANSACTING, True),
        (Association.DELEGATED_ADMIN, False),
        (Association.FASTTRACK, False),
    ],
)
def test_cloud_platform_accepts_dpor_and_transacting_only(
    catalog: Catalog, association: Association, counts: bool
) -> None:
    row = usage("sub-1", "2017-12", consumption=700)
    assert azure_have(catalog, row, association=association) == (700 if counts else 0)


@pytest.mark.parametrize("association", list(Association))
def test_cloud_crm_accepts_dpor_only(catalog: Catalog, association: Association) -> None:
    given = facts(
        subscriptions=[
            subscription("crm", workload=Workload.DYNAMICS_CRM, association=association)
        ],
        usage_rows=[usage("crm", "2017-12", revenue=9000)],
    )
    expected = 9000 if association is Association.DPOR else 0
    assert have(catalog, given, CRM, SILVER, PERF) == expected


MPN_ASSOCIATIONS = [a for a in Association if a not in (Association.CPOR, Association.PAL)]
"""The associations of the 2017-2018 program (CPOR and PAL came with later ones)."""


@pytest.mark.parametrize("association", MPN_ASSOCIATIONS)
def test_cloud_productivity_accepts_every_association(
    catalog: Catalog, association: Association
) -> None:
    given = facts(
        subscriptions=[subscription("o365", workload=Workload.OFFICE365, association=association)],
        usage_rows=[usage("o365", "2018-02", users=25)],
    )
    assert have(catalog, given, PRODUCTIVITY, SILVER, PERF) == 25


@pytest.mark.parametrize("association", [Association.CPOR, Association.PAL])
def test_the_2017_2018_rules_do_not_count_later_programs_associations(
    catalog: Catalog, association: Association
) -> None:
    given = facts(
        subscriptions=[subscription("o365", workload=Workload.OFFICE365, association=association)],
        usage_rows=[usage("o365", "2018-02", users=25)],
    )
    assert have(catalog, given, PRODUCTIVITY, SILVER, PERF) == 0


@pytest.mark.parametrize(
    ("association", "counts"),
    [
        (Association.DELEGATED_ADMIN, True),
        (Association.TRANSACTING, True),
        (Association.DPOR, True),
        (Association.FASTTRACK, False),
    ],
)
def test_small_midmarket_does_not_accept_fasttrack(
    catalog: Catalog, association: Association, counts: bool
) -> None:
    given = facts(
        subscriptions=[
            subscription(
                "o365",
                workload=Workload.OFFICE365,
                association=association,
                started_on=date(2017, 8, 1),
                associated_on=date(2017, 8, 1),
            )
        ]
    )
    assert have(catalog, given, SMB, SILVER, PERF) == (1 if counts else 0)


def test_usage_of_another_workload_never_counts(catalog: Catalog) -> None:
    given = facts(
        subscriptions=[subscription("o365", workload=Workload.OFFICE365)],
        usage_rows=[usage("o365", "2017-12", consumption=50_000, revenue=50_000)],
    )
    assert have(catalog, given, PLATFORM, SILVER, PERF) == 0
    assert have(catalog, given, CRM, SILVER, PERF) == 0


# --- developed and developing markets ---------------------------------------------------------


@pytest.mark.parametrize(
    ("competency", "level", "developed", "developing"),
    [
        (PLATFORM, SILVER, 15_000, 10_000),
        (PLATFORM, GOLD, 100_000, 100_000),
        (PRODUCTIVITY, SILVER, 2_000, 1_000),
        (PRODUCTIVITY, GOLD, 4_000, 4_000),
        (CRM, SILVER, 100_000, 50_000),
        (CRM, GOLD, 300_000, 150_000),
        (SMB, SILVER, 4, 4),
        (SMB, GOLD, 25, 25),
    ],
)
def test_thresholds_follow_the_organisation_s_market(
    catalog: Catalog, competency: str, level: Level, developed: int, developing: int
) -> None:
    for market, need in ((Market.DEVELOPED, developed), (Market.DEVELOPING, developing)):
        progress = run(catalog, facts(org=organization(market)))
        assert step_of(progress, competency, level, PERF).need == need


def test_the_same_consumption_meets_silver_in_a_developing_market_only(catalog: Catalog) -> None:
    rows = [usage("sub-1", "2017-12", consumption=12_000)]
    for market, met in ((Market.DEVELOPED, False), (Market.DEVELOPING, True)):
        progress = run(
            catalog,
            facts(org=organization(market), subscriptions=[subscription()], usage_rows=rows),
        )
        assert step_of(progress, PLATFORM, SILVER, PERF).met is met


def test_a_figure_exactly_at_the_threshold_meets_it(catalog: Catalog) -> None:
    rows = [usage("sub-1", "2017-12", consumption=15_000)]
    progress = run(catalog, facts(subscriptions=[subscription()], usage_rows=rows))
    step = step_of(progress, PLATFORM, SILVER, PERF)
    assert step.met and step.have == step.need == 15_000 and step.missing == ()


# --- active users of the latest month ---------------------------------------------------------


def test_active_users_are_those_of_the_latest_full_month_only(catalog: Catalog) -> None:
    given = facts(
        subscriptions=[
            subscription("a", workload=Workload.OFFICE365),
            subscription("b", workload=Workload.OFFICE365),
        ],
        usage_rows=[
            usage("a", "2018-01", users=5000),  # an earlier month
            usage("a", "2018-02", users=1200),
            usage("b", "2018-02", users=300),
            usage("a", "2018-03", users=9000),  # the month in progress
        ],
    )
    progress = run(catalog, given)
    step = step_of(progress, PRODUCTIVITY, SILVER, PERF)
    assert step.have == 1500 and step.unit == "active users"
    assert "in 2018-02" in step.description
    assert [item.amount for item in step.evidence] == [1200, 300]


def test_active_users_need_the_association_in_force_on_the_first_day_of_the_latest_month(
    catalog: Catalog,
) -> None:
    rows = [usage("o365", "2018-02", users=100)]
    for associated_on, expected in ((date(2018, 2, 1), 100), (date(2018, 2, 2), 0)):
        sub = subscription("o365", workload=Workload.OFFICE365, associated_on=associated_on)
        given = facts(subscriptions=[sub], usage_rows=rows)
        assert have(catalog, given, PRODUCTIVITY, SILVER, PERF) == expected


# --- new customers ----------------------------------------------------------------------------


def o365(
    sub_id: str,
    customer: str,
    started_on: date,
    *,
    association: Association = Association.DELEGATED_ADMIN,
    associated_on: date | None = None,
    trial: bool = False,
) -> Subscription:
    """An Office 365 subscription, associated when it started unless told otherwise."""
    return subscription(
        sub_id,
        customer=customer,
        workload=Workload.OFFICE365,
        association=association,
        associated_on=associated_on if associated_on is not None else started_on,
        started_on=started_on,
        trial=trial,
    )


@pytest.mark.parametrize(
    ("started_on", "new"),
    [
        (date(2017, 2, 28), False),  # the day before the window
        (date(2017, 3, 1), True),  # the first day of the window
        (date(2018, 2, 28), True),  # the last day of the window
        (date(2018, 3, 1), False),  # the month in progress
    ],
)
def test_a_new_customer_s_first_subscription_started_within_the_window(
    catalog: Catalog, started_on: date, new: bool
) -> None:
    # Associated beforehand, so that only the start day decides.
    sub = o365("s", "Fabrikam", started_on, associated_on=date(2016, 1, 1))
    given = facts(subscriptions=[sub])
    assert have(catalog, given, SMB, SILVER, PERF) == (1 if new else 0)


def test_a_customer_with_an_older_subscription_is_not_new(catalog: Catalog) -> None:
    given = facts(
        subscriptions=[
            o365("old", "Fabrikam", date(2016, 5, 1)),
            o365("new", "Fabrikam", date(2017, 9, 1)),
            o365("other", "Tailspin", date(2017, 9, 1)),
        ]
    )
    progress = run(catalog, given)
    step = step_of(progress, SMB, SILVER, PERF)
    assert step.have == 1
    assert [item.subject for item in step.evidence] == ["Tailspin"]


def test_a_customer_with_two_new_subscriptions_counts_once(catalog: Catalog) -> None:
    given = facts(
        subscriptions=[
            o365("a", "Fabrikam", date(2017, 4, 1)),
            o365("b", "Fabrikam", date(2017, 10, 1)),
        ]
    )
    assert have(catalog, given, SMB, SILVER, PERF) == 1


def test_an_older_trial_or_unaccepted_subscription_does_not_make_a_customer_old(
    catalog: Catalog,
) -> None:
    given = facts(
        subscriptions=[
            o365("trial", "Fabrikam", date(2016, 1, 1), trial=True),
            o365("ft", "Fabrikam", date(2016, 1, 1), association=Association.FASTTRACK),
            o365("paid", "Fabrikam", date(2017, 6, 1)),
        ]
    )
    assert have(catalog, given, SMB, SILVER, PERF) == 1


def test_an_older_subscription_of_another_workload_does_not_make_a_customer_old(
    catalog: Catalog,
) -> None:
    given = facts(
        subscriptions=[
            subscription("azure", customer="Fabrikam", started_on=date(2015, 1, 1)),
            o365("o365", "Fabrikam", date(2017, 6, 1)),
        ]
    )
    assert have(catalog, given, SMB, SILVER, PERF) == 1


def test_a_trial_subscription_never_makes_a_new_customer(catalog: Catalog) -> None:
    given = facts(subscriptions=[o365("t", "Fabrikam", date(2017, 6, 1), trial=True)])
    assert have(catalog, given, SMB, SILVER, PERF) == 0


def test_a_new_customer_needs_the_association_made_by_the_end_of_the_window(
    catalog: Catalog,
) -> None:
    # Credit is not retroactive: an association made after the window does not
    # turn an earlier subscription into a new customer of that window.
    for associated_on, expected in (
        (date(2017, 11, 20), 1),
        (date(2018, 2, 28), 1),
        (date(2018, 3, 2), 0),
        (date(2018, 6, 1), 0),
    ):
        sub = o365("s", "Fabrikam", date(2017, 9, 1), associated_on=associated_on)
        assert have(catalog, facts(subscriptions=[sub]), SMB, SILVER, PERF) == expected


def test_new_customers_need_four_for_silver_and_25_for_gold(catalog: Catalog) -> None:
    subs = [o365(f"s{i}", f"Customer {i}", date(2017, 5, 1 + i)) for i in range(4)]
    progress = run(catalog, facts(subscriptions=subs))
    assert step_of(progress, SMB, SILVER, PERF).met
    gold = step_of(progress, SMB, GOLD, PERF)
    assert not gold.met and gold.have == 4 and gold.need == 25 and gold.unit == "customers"
    assert gold.missing == (
        "21 more new Office 365 customers with DPOR, delegated admin or transacting "
        "association in the 12 months to 2018-02",
    )


# --- EMM: two measures, both needed -----------------------------------------------------------


def ems(sub_id: str, customer: str, started_on: date) -> Subscription:
    """An EMS subscription through FastTrack, associated when it started."""
    return subscription(
        sub_id,
        customer=customer,
        workload=Workload.EMS,
        association=Association.FASTTRACK,
        associated_on=started_on,
        started_on=started_on,
    )


def emm_facts(new_customers: int, seats: int) -> Facts:
    """EMS: that many new customers, and that many paid seats on an older customer."""
    subs = [ems(f"e{i}", f"EMS customer {i}", date(2017, 6, 1)) for i in range(new_customers)]
    subs.append(ems("old", "Old customer", date(2015, 1, 1)))
    return facts(subscriptions=subs, usage_rows=[usage("old", "2018-02", users=seats)])


@pytest.mark.parametrize(
    ("new_customers", "seats", "met"),
    [(3, 500, True), (3, 499, False), (2, 500, False), (0, 0, False)],
)
def test_emm_needs_new_customers_and_active_entitlements(
    catalog: Catalog, new_customers: int, seats: int, met: bool
) -> None:
    progress = run(catalog, emm_facts(new_customers, seats))
    step = step_of(progress, EMM, SILVER, PERF, "enterprise-partner")
    assert step.met is met
    assert [part.have for part in step.parts] == [new_customers, seats]
    assert [part.need for part in step.parts] == [3, 500]
    assert step.unit == "measures" and step.need == 2
    assert step.have == sum(1 for part in step.parts if part.met)


def test_emm_missing_names_only_the_measure_short(catalog: Catalog) -> None:
    progress = run(catalog, emm_facts(3, 200))
    step = step_of(progress, EMM, SILVER, PERF, "enterprise-partner")
    assert step.missing == (
        "300 more EMS active entitlements (paid seats) with DPOR, delegated admin, transacting "
        "or FastTrack association in 2018-02",
    )


# --- sentences ---------------------------------------------------------------------------------


def test_missing_consumption_is_said_in_dollars_with_associations_and_window(
    catalog: Catalog,
) -> None:
    rows = [
        usage("sub-1", "2017-10", consumption=11_000),
        usage("sub-1", "2018-01", consumption=800),
    ]
    progress = run(catalog, facts(subscriptions=[subscription()], usage_rows=rows))
    step = step_of(progress, PLATFORM, SILVER, PERF)
    assert step.have == 11_800 and step.need == 15_000 and step.unit == "USD"
    assert step.missing == (
        "US$ 3,200 more Azure consumption with DPOR or transacting association "
        "in the 12 months to 2018-02",
    )
    assert step.evidence[0].subject == "sub-1 (Customer of sub-1)"
    assert step.evidence[0].detail == "US$ 11,800 (dpor)"


def _totals_every_and_read(
    catalog: Catalog, given: Facts
) -> tuple[
    UsageTotals, UsageTotals, list[tuple[Measure, Performance]], set[tuple[Workload, Association]]
]:
    """UsageTotals over every association and over those some figure measure reads, the
    catalogue's measures with their options' performance, and the (workload, association)
    pairs a figure measure reads through."""
    needed = evaluate_module._needed_measures(catalog)
    every = UsageTotals.of(given, AS_OF, needed)
    read = UsageTotals.of(given, AS_OF, needed, evaluate_module._figure_associations(catalog))
    measures = [
        (measure, option.performance)
        for competency in catalog.cloud_competencies
        for option in competency.options
        for measure in option.performance.measures
    ]
    read_through = {
        (measure.workload, association)
        for measure, performance in measures
        if measure.kind is not MeasureKind.NEW_CUSTOMERS
        for association in performance.associations
    }
    return every, read, measures, read_through


def test_missing_revenue_keeps_cents(catalog: Catalog) -> None:
    given = facts(
        subscriptions=[subscription("crm", workload=Workload.DYNAMICS_CRM)],
        usage_rows=[usage("crm", "2017-12", revenue="99999.5")],
    )
    step = step_of(run(catalog, given), CRM, SILVER, PERF)
    assert step.missing[0].startswith("US$ 0.50 more Dynamics CRM Online")


def test_usage_no_measure_reads_is_left_out_and_every_figure_stays(catalog: Catalog) -> None:
    """The evaluation credits and adds up only the usage of subscriptions whose association
    some measure of their workload reads a figure through (Azure consumption: DPOR and
    transacting; CRM revenue: DPOR): every measure's figure is the one over all usage."""
    subscriptions = [
        subscription(f"{workload.value}-{kind.value}", workload=workload, association=kind)
        for workload in Workload
        for kind in Association
    ]
    given = facts(
        subscriptions=subscriptions,
        usage_rows=[
            usage(sub.id, month, consumption=100, revenue=7, users=3)
            for sub in subscriptions
            for month in months("2017-03", "2018-02")
        ],
    )
    every, read, measures, read_through = _totals_every_and_read(catalog, given)
    assert set(every.credited) == {sub.id for sub in subscriptions}
    assert set(read.credited) == {
        sub.id for sub in subscriptions if (sub.workload, sub.association) in read_through
    }
    assert "azure-fasttrack" not in read.credited
    assert "dynamics-crm-transacting" not in read.credited
    for measure, performance in measures:
        found = measure_result(measure, performance, read)
        assert found.have == measure_result(measure, performance, every).have
        assert list(found.evidence) == list(measure_result(measure, performance, every).evidence)


@pytest.mark.parametrize("layout", ["grouped", "shuffled", "outside"])
def test_usage_no_measure_reads_is_left_out_whatever_the_rows_layout(
    catalog: Catalog, layout: str
) -> None:
    """As above, with subscriptions associated or ended during the window (only some of
    their months credited) and the rows grouped by subscription inside the window (credited
    run by run), in no order, or some outside it (both credited by their positions)."""
    rng = random.Random(7)
    subscriptions = [
        subscription(
            f"{workload.value}-{kind.value}-{n}",
            workload=workload,
            association=kind,
            associated_on=date(2017, 8, 10) if n == 1 else LONG_AGO,
            ended_on=date(2017, 11, 20) if n == 2 else None,
        )
        for workload in Workload
        for kind in Association
        for n in range(3)
    ]
    span = months("2016-12", "2018-03") if layout == "outside" else months("2017-03", "2018-02")
    rows = [
        usage(sub.id, month, consumption=rng.randrange(1, 90), revenue=rng.randrange(9), users=n)
        for sub in subscriptions
        for n, month in enumerate(span, start=1)
    ]
    if layout != "grouped":
        rng.shuffle(rows)
    given = facts(subscriptions=subscriptions, usage_rows=rows)
    every, read, measures, read_through = _totals_every_and_read(catalog, given)
    assert set(read.credited) == {
        sub.id for sub in subscriptions if (sub.workload, sub.association) in read_through
    }
    for key in read.credited:
        assert list(read.credited[key]) == list(every.credited[key])
    # In force on a month's first day: September 2017 on; March to November 2017.
    assert len(every.credited["azure-dpor-1"]) == 6
    assert len(every.credited["azure-dpor-2"]) == 9
    for measure, performance in measures:
        found = measure_result(measure, performance, read)
        assert found.have == measure_result(measure, performance, every).have
        assert list(found.evidence) == list(measure_result(measure, performance, every).evidence)

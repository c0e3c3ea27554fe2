"""Step 4, the yearly fee: membership year, amount by date, level, once per organisation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from domain_builders import (
    AS_OF,
    CRM,
    GOLD,
    PLATFORM,
    SILVER,
    facts,
    organization,
    payment,
    references,
    run,
    skilled,
    step_of,
    subscription,
    usage,
)

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.domain.facts import Facts, FeePayment
from mpn_desktop.domain.fee import MembershipYear, fee_status, fee_step, membership_year

FEE = StepKind.FEE
ANNIVERSARY = date(2017, 6, 30)


# --- the membership year ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("anniversary", "as_of", "start", "end"),
    [
        # the anniversary itself starts the year; the day before ends the previous one
        (date(2017, 6, 30), date(2018, 6, 30), date(2018, 6, 30), date(2019, 6, 29)),
        (date(2017, 6, 30), date(2018, 6, 29), date(2017, 6, 30), date(2018, 6, 29)),
        (date(2017, 6, 30), AS_OF, date(2017, 6, 30), date(2018, 6, 29)),
        # the anniversary is a day of the year: a stored date in the future works too
        (date(2018, 6, 30), AS_OF, date(2017, 6, 30), date(2018, 6, 29)),
        # 29 February: 28 February in other years
        (date(2016, 2, 29), date(2018, 2, 28), date(2018, 2, 28), date(2019, 2, 27)),
        (date(2016, 2, 29), date(2018, 2, 27), date(2017, 2, 28), date(2018, 2, 27)),
        (date(2016, 2, 29), date(2020, 2, 29), date(2020, 2, 29), date(2021, 2, 27)),
        (date(2016, 2, 29), date(2020, 2, 28), date(2019, 2, 28), date(2020, 2, 28)),
        # 1 January: the year is the calendar year
        (date(2010, 1, 1), AS_OF, date(2018, 1, 1), date(2018, 12, 31)),
        (date(2010, 1, 1), date(2017, 12, 31), date(2017, 1, 1), date(2017, 12, 31)),
    ],
)
def test_the_membership_year_runs_from_the_anniversary_to_the_day_before_the_next(
    anniversary: date, as_of: date, start: date, end: date
) -> None:
    year = membership_year(anniversary, as_of)
    assert year == MembershipYear(start, end)
    assert year is not None and year.next_start == end + timedelta(days=1)


def test_without_an_anniversary_there_is_no_membership_year() -> None:
    assert membership_year(None, AS_OF) is None


def test_without_an_anniversary_the_fee_step_asks_for_it(catalog: Catalog) -> None:
    progress = run(catalog, facts(targets=[(PLATFORM, SILVER)]))
    step = step_of(progress, PLATFORM, SILVER, FEE)
    assert not step.met
    assert step.missing == ("Enter the organisation's membership anniversary to check the fee",)
    assert progress.fee.level is SILVER
    assert progress.fee.amount_usd is None and progress.fee.due_on is None
    assert not progress.fee.paid


# --- the amount by date -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("renewal", "silver", "gold", "year_end"),
    [
        (date(2017, 9, 30), 1530, 3940, "2018-09-29"),  # the old (subsidised) cloud price
        (date(2017, 10, 1), 1670, 4730, "2018-09-30"),  # the new price from this renewal on
        (date(2018, 3, 1), 1670, 4730, "2019-02-28"),
    ],
)
def test_the_amount_due_is_the_one_in_force_on_the_renewal_day(
    catalog: Catalog, renewal: date, silver: int, gold: int, year_end: str
) -> None:
    assert catalog.fee_due(SILVER, renewal) == silver
    assert catalog.fee_due(GOLD, renewal) == gold
    # Evaluated later in the year, a year that started before the change keeps the old price.
    later = renewal + timedelta(days=60)
    given = facts(org=organization(anniversary=renewal), targets=[(PLATFORM, SILVER)])
    progress = run(catalog, given, later)
    year = progress.fee.current_year
    assert year is not None and year.start == renewal and year.owed_usd == silver
    # The top-level fee is the next renewal, at the price in force on its day.
    next_renewal = date.fromisoformat(year_end) + timedelta(days=1)
    assert progress.fee.due_on == next_renewal
    assert progress.fee.amount_usd == catalog.fee_due(SILVER, next_renewal)
    assert step_of(progress, PLATFORM, SILVER, FEE).need == silver
    assert step_of(progress, PLATFORM, GOLD, FEE).need == gold
    assert step_of(progress, PLATFORM, SILVER, FEE).missing == (
        f"Pay the silver fee of US$ {silver:,} for the membership year "
        f"{renewal.isoformat()} to {year_end}",
    )


def test_the_old_price_applies_to_every_year_starting_before_2017_10_01(catalog: Catalog) -> None:
    # The source gives the old price no first day: a year from 2016-06-30 (or 2015) has it.
    for start in (date(2015, 1, 1), date(2016, 6, 30), date(2017, 9, 30)):
        assert catalog.fee_due(SILVER, start) == 1530
        assert catalog.fee_due(GOLD, start) == 3940
    year = MembershipYear(date(2016, 6, 30), date(2017, 6, 29))
    step = fee_step(catalog.fee, year, (), SILVER)
    assert step.need == 1530
    assert step.missing == (
        "Pay the silver fee of US$ 1,530 for the membership year 2016-06-30 to 2017-06-29",
    )


def test_before_a_schedule_with_a_first_day_no_amount_is_known(catalog: Catalog) -> None:
    dated = replace(catalog.fee, fees=catalog.fee.fees[1:])
    assert dated.amount(SILVER, date(2017, 9, 30)) is None
    year = MembershipYear(date(2015, 1, 1), date(2015, 12, 31))
    step = fee_step(dated, year, (), SILVER)
    assert step.need == 0
    assert step.missing == (
        "Pay the silver fee of the amount in force for the membership year "
        "2015-01-01 to 2015-12-31",
    )


# --- payments ---------------------------------------------------------------------------------


def fee_facts(*payments: FeePayment, targets: tuple[tuple[str, Level], ...] = ()) -> Facts:
    """Contoso with its anniversary on 30 June, aiming at Cloud Platform gold unless told."""
    return facts(
        org=organization(anniversary=ANNIVERSARY),
        targets=targets or ((PLATFORM, GOLD),),
        payments=payments,
    )


@pytest.mark.parametrize(
    ("paid", "silver_met", "gold_met"),
    [
        (SILVER, True, False),
        (GOLD, True, True),  # a payment at a higher level covers a lower one
    ],
)
def test_a_payment_covers_its_level_and_lower_ones(
    catalog: Catalog, paid: Level, silver_met: bool, gold_met: bool
) -> None:
    progress = run(catalog, fee_facts(payment(ANNIVERSARY, paid)))
    assert step_of(progress, PLATFORM, SILVER, FEE).met is silver_met
    assert step_of(progress, PLATFORM, GOLD, FEE).met is gold_met


def test_a_payment_for_another_membership_year_does_not_count(catalog: Catalog) -> None:
    progress = run(catalog, fee_facts(payment(date(2016, 6, 30), GOLD)))
    assert not step_of(progress, PLATFORM, SILVER, FEE).met
    next_year = run(catalog, fee_facts(payment(date(2018, 6, 30), GOLD)))
    assert not step_of(next_year, PLATFORM, SILVER, FEE).met


def test_a_payment_dated_inside_the_membership_year_counts_for_it(catalog: Catalog) -> None:
    progress = run(catalog, fee_facts(payment(date(2017, 7, 3), SILVER)))
    step = step_of(progress, PLATFORM, SILVER, FEE)
    assert step.met and step.have == 1670
    assert step.evidence[0].subject == "Payment for the year from 2017-07-03"


def test_the_fee_is_paid_once_for_every_competency(catalog: Catalog) -> None:
    targets = ((PLATFORM, SILVER), (CRM, SILVER))
    progress = run(catalog, fee_facts(payment(ANNIVERSARY, SILVER), targets=targets))
    assert all(item.level(SILVER).option.step(FEE).met for item in progress.competencies)
    assert progress.fee.level is SILVER
    year = progress.fee.current_year
    assert year is not None and year.owed_usd == 0 and year.level_paid is SILVER
    assert not progress.fee.paid  # nothing is recorded yet for the renewal year


def test_fee_evidence_names_the_payment(catalog: Catalog) -> None:
    paid = replace(payment(ANNIVERSARY, GOLD, 3940), paid_on=date(2017, 6, 20))
    step = step_of(run(catalog, fee_facts(paid)), PLATFORM, SILVER, FEE)
    assert [(item.detail, item.amount) for item in step.evidence] == [
        ("gold US$ 3,940, paid 2017-06-20", Decimal(3940))
    ]


# --- the fee level ----------------------------------------------------------------------------


def gold_cloud_platform(targets: list[tuple[str, Level]], paid: list[FeePayment]) -> Facts:
    """Everything Cloud Platform gold needs apart from the fee."""
    return facts(
        org=organization(anniversary=ANNIVERSARY),
        targets=targets,
        payments=paid,
        subscriptions=[subscription()],
        usage_rows=[usage("sub-1", "2017-12", consumption=100_000)],
        skilled_people=[skilled("1", "70-533"), skilled("2", "70-535")],
        refs=references(PLATFORM, 5),
    )


def test_the_fee_level_is_the_highest_level_aimed_at(catalog: Catalog) -> None:
    aims = [(PLATFORM, GOLD), (CRM, SILVER)]
    progress = run(catalog, gold_cloud_platform(aims, [payment(ANNIVERSARY, SILVER)]))
    # DESIGN.md: the renewal on 2018-06-30 at gold, the price in force then (after 2017-10-01).
    assert progress.fee.level is GOLD and progress.fee.amount_usd == 4730
    assert progress.fee.due_on == date(2018, 6, 30) and progress.fee.paid is False
    year = progress.fee.current_year
    assert year is not None
    assert (year.start, year.end) == (ANNIVERSARY, date(2018, 6, 29))
    # The silver payment does not cover gold: the whole gold fee of the year is owed.
    assert (year.level_paid, year.amount_paid_usd, year.owed_usd) == (SILVER, 1670, 3940)
    platform_gold = progress.competency(PLATFORM).level(GOLD)
    assert not platform_gold.attained
    assert [step.step for step in platform_gold.option.steps if not step.met] == [FEE]


def test_the_fee_level_is_silver_when_only_silver_is_aimed_at(catalog: Catalog) -> None:
    progress = run(
        catalog, gold_cloud_platform([(PLATFORM, SILVER)], [payment(ANNIVERSARY, SILVER)])
    )
    assert progress.fee.level is SILVER and progress.fee.amount_usd == 1670
    year = progress.fee.current_year
    assert year is not None and year.owed_usd == 0


def test_a_payment_for_the_renewal_year_marks_the_renewal_paid(catalog: Catalog) -> None:
    progress = run(
        catalog,
        fee_facts(payment(ANNIVERSARY, GOLD), payment(date(2018, 6, 30), GOLD, 4730)),
    )
    assert progress.fee.paid and progress.fee.due_on == date(2018, 6, 30)
    silver_only = run(catalog, fee_facts(payment(date(2018, 6, 30), SILVER, 1670)))
    assert not silver_only.fee.paid  # a silver payment does not cover a gold renewal


def test_the_fee_level_is_open_without_targets_or_met_levels(catalog: Catalog) -> None:
    progress = run(catalog, facts(org=organization(anniversary=ANNIVERSARY)))
    assert progress.fee.level is None and progress.fee.amount_usd is None
    assert progress.fee.due_on == date(2018, 6, 30)
    year = progress.fee.current_year
    assert year is not None and (year.start, year.end) == (ANNIVERSARY, date(2018, 6, 29))
    assert year.owed_usd == 0 and year.level_paid is None


def test_fee_status_without_a_year_keeps_the_level() -> None:
    from mpn_desktop.catalog_files import load_catalog

    status = fee_status(load_catalog().fee, None, None, (), GOLD)
    assert (status.level, status.amount_usd, status.due_on, status.paid) == (
        GOLD,
        None,
        None,
        False,
    )


def test_the_fee_owed_for_the_targets_is_the_highest_level_aimed_at_unless_paid(
    catalog: Catalog,
) -> None:
    org = organization(anniversary=ANNIVERSARY)
    aims = [(PLATFORM, GOLD), (CRM, SILVER)]
    unpaid = run(catalog, facts(org=org, targets=aims, payments=[payment(ANNIVERSARY, SILVER)]))
    # Silver paid, gold aimed at: the gold fee of the year (before 2017-10-01: US$ 3,940).
    assert unpaid.fee_owed_for_targets() == (GOLD, Decimal(3940))
    paid = run(catalog, facts(org=org, targets=aims, payments=[payment(ANNIVERSARY, GOLD)]))
    assert paid.fee_owed_for_targets() is None
    # A retired target has no fee step and owes nothing of its own.
    retired = run(catalog, facts(org=org, targets=[("hosting", GOLD)]))
    assert retired.fee_owed_for_targets() is None
    assert run(catalog, facts(org=org)).fee_owed_for_targets() is None

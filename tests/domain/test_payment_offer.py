"""The payment Add payment offers (fee.payment_offer), under the competencies and on a
designation day (one fee however many designations, SOLUTIONS-PARTNER.md § 3.2)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from domain_builders import GOLD, PLATFORM, SILVER, facts, organization, payment, run

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.enums import Level
from mpn_desktop.domain.fee import PaymentOffer, payment_offer
from mpn_desktop.domain.progress import FeeStatus, FeeYear

THIS_YEAR = FeeYear(
    start=date(2025, 6, 30),
    end=date(2026, 6, 29),
    level_paid=None,
    amount_paid_usd=Decimal(0),
    owed_usd=Decimal(4730),
)
COMPETENCY_FEE = FeeStatus(
    level=GOLD,
    amount_usd=Decimal(4730),
    due_on=date(2026, 6, 30),
    paid=False,
    current_year=THIS_YEAR,
)
DESIGNATION_FEE = FeeStatus(
    level=None, amount_usd=Decimal(1700), due_on=date(2026, 6, 30), paid=False
)


def test_competencies_offer_this_years_fee_still_owed_at_the_level_aimed_at() -> None:
    assert payment_offer(COMPETENCY_FEE) == PaymentOffer(date(2025, 6, 30), GOLD, Decimal(4730))


def test_competencies_paid_this_year_offer_the_year_and_level_but_no_amount() -> None:
    paid = replace(
        COMPETENCY_FEE,
        current_year=replace(THIS_YEAR, level_paid=GOLD, owed_usd=Decimal(0)),
    )
    assert payment_offer(paid) == PaymentOffer(date(2025, 6, 30), GOLD, None)


def test_without_an_anniversary_or_a_fee_nothing_is_offered() -> None:
    assert payment_offer(replace(COMPETENCY_FEE, current_year=None)) == PaymentOffer()
    assert payment_offer(None) == PaymentOffer()


def test_a_designation_day_offers_the_next_renewal_at_the_designation_fee() -> None:
    # Not the competencies' gold and US$ 4,730 "owed" this year; no level (the user picks).
    assert payment_offer(COMPETENCY_FEE, DESIGNATION_FEE) == PaymentOffer(
        date(2026, 6, 30), None, Decimal(1700)
    )


def test_a_designation_day_keeps_the_level_this_years_payment_was_recorded_at() -> None:
    recorded = replace(COMPETENCY_FEE, current_year=replace(THIS_YEAR, level_paid=SILVER))
    assert payment_offer(recorded, DESIGNATION_FEE).level is Level.SILVER


def test_a_paid_or_unknown_designation_fee_offers_no_amount() -> None:
    for fee in (
        replace(DESIGNATION_FEE, paid=True),
        replace(DESIGNATION_FEE, amount_usd=None),
        replace(DESIGNATION_FEE, amount_usd=Decimal(0)),
    ):
        offer = payment_offer(COMPETENCY_FEE, fee)
        assert offer == PaymentOffer(date(2026, 6, 30), None, None), fee


def test_a_designation_day_without_an_anniversary_offers_nothing_but_the_fee() -> None:
    no_day = FeeStatus(level=None, amount_usd=Decimal(1700), due_on=None, paid=False)
    assert payment_offer(None, no_day) == PaymentOffer(None, None, Decimal(1700))


def test_the_offer_follows_the_evaluated_fee_of_2018(catalog: Catalog) -> None:
    """Silver paid for 2017-2018 with gold aimed at: gold's fee of that year is offered."""
    given = facts(
        org=organization(anniversary=date(2017, 6, 30)),
        targets=[(PLATFORM, GOLD)],
        payments=[payment(date(2017, 6, 30), SILVER)],
    )
    fee = run(catalog, given).fee
    assert fee.current_year is not None
    offer = payment_offer(fee)
    assert offer.membership_year_start == date(2017, 6, 30)
    assert offer.level == fee.level
    assert offer.amount_usd == fee.current_year.owed_usd == Decimal(3940)
    assert offer.level is Level.GOLD

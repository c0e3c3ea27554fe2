"""Usage files read by their header names: amounts and months as files write them, file kinds."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from mpn_desktop.importers.amounts import (
    AmountProblem,
    DecimalSurvey,
    decimal_mark_of,
    parse_amount,
    parse_month,
)
from mpn_desktop.importers.columns import suggest_mapping
from mpn_desktop.importers.usage_fields import (
    DAILY_RATED,
    INSIGHTS_AZURE,
    INSIGHTS_COMPETENCY,
    INSIGHTS_SUBSCRIPTIONS,
    LICENSE_RECON,
    NEW_COMMERCE,
    SHEET,
    USAGE_RECON,
    UsageField,
    recognise,
)


@pytest.mark.parametrize(
    ("text", "mark", "amount"),
    [
        ("1,250.50", ".", "1250.50"),
        ("1.250,50", ",", "1250.50"),
        ("1 250,50", ",", "1250.50"),
        ("1\u00a0250,50", ",", "1250.50"),
        ("$0.085", ".", "0.085"),
        ("US$ 2,000.00", ".", "2000.00"),
        ("-15.00", ".", "-15.00"),
        ("(15.00)", ".", "-15.00"),
        ("1.250", ",", "1250"),
        ("1,250", ".", "1250"),
    ],
)
def test_amounts_are_read_in_the_columns_locale(text: str, mark: str, amount: str) -> None:
    assert parse_amount(text, mark) == Decimal(amount)


def test_a_value_decides_the_decimal_mark_only_when_it_can_tell() -> None:
    assert decimal_mark_of("1,250.50") == "."
    assert decimal_mark_of("12,5") == ","
    assert decimal_mark_of("1 250,50") == ","
    assert decimal_mark_of("1,250") is None
    assert decimal_mark_of("0.085") is None
    assert decimal_mark_of("100") is None
    survey = DecimalSurvey([0, 1])
    assert not survey.add(["1.250", "7"])
    assert survey.add(["3,5", "7.25"])
    assert survey.marks == {0: ",", 1: "."}


@pytest.mark.parametrize("text", ["lots", "1.2.3,4,5", "--5", ""])
def test_what_is_not_an_amount_is_refused(text: str) -> None:
    with pytest.raises(AmountProblem):
        parse_amount(text)


@pytest.mark.parametrize("text", ["2019-03", "03/2019", "3/2019", "Mar 2019", "March 2019"])
def test_months_as_sheets_write_them(text: str) -> None:
    assert parse_month(text) == date(2019, 3, 1)


@pytest.mark.parametrize("text", ["13/2019", "2019-00", "Foo 2019", "2019"])
def test_what_is_not_a_month_reads_as_none(text: str) -> None:
    assert parse_month(text) is None


@pytest.mark.parametrize(
    ("header", "source", "subscription"),
    [
        (
            ["PartnerId", "CustomerCompanyName", "SubscriptionId", "PretaxCharges"],
            USAGE_RECON,
            "SubscriptionId",
        ),
        (
            [
                "CustomerId",
                "SubscriptionId",
                "SyndicationPartnerSubscriptionNumber",
                "Quantity",
                "Subtotal",
                "ChargeStartDate",
            ],
            LICENSE_RECON,
            "SyndicationPartnerSubscriptionNumber",
        ),
        (
            ["CustomerId", "SubscriptionId", "EntitlementId", "UsageDate", "BillingPreTaxTotal"],
            DAILY_RATED,
            "EntitlementId",
        ),
        (
            ["SubscriptionId", "Month", "ACR_USD", "PartnerAttributionType"],
            INSIGHTS_AZURE,
            "SubscriptionId",
        ),
        (
            [
                "CustomerId",
                "SubscriptionId",
                "ChargeStartDate",
                "Quantity",
                "BillableQuantity",
                "TermAndBillingCycle",
                "Subtotal",
            ],
            NEW_COMMERCE,
            "SubscriptionId",
        ),
        (
            ["SubscriptionId", "Month", "Product", "AvailableSeats", "BilledRevenueUSD"],
            INSIGHTS_SUBSCRIPTIONS,
            "SubscriptionId",
        ),
        (
            ["SubscriptionId", "Month", "AvailableSeats", "RevenueUSD"],
            INSIGHTS_SUBSCRIPTIONS,
            "SubscriptionId",
        ),
        (["Customer", "Subscription", "Month", "Consumption"], SHEET, "Subscription"),
    ],
)
def test_the_kind_of_file_is_recognised_by_its_header_names(
    header: list[str], source: str, subscription: str
) -> None:
    fields = recognise(list(reversed(header)))  # by name, never by position
    assert fields.source == source
    mapping = suggest_mapping(list(reversed(header)), fields)
    column = mapping.column_of(UsageField.SUBSCRIPTION)
    assert column is not None and mapping.header[column] == subscription


@pytest.mark.parametrize(
    ("header", "seats"),
    [
        # 2023: AvailableSeats is the month-on-month difference; the seats are AvailableSeatsEOP
        # wherever the columns stand.
        (["SubscriptionId", "Month", "AvailableSeats", "AvailableSeatsEOP"], "AvailableSeatsEOP"),
        (["SubscriptionId", "Month", "AvailableSeatsEOP", "AvailableSeats"], "AvailableSeatsEOP"),
        # 2020: AvailableSeats was the current seats.
        (["SubscriptionId", "Month", "AvailableSeats", "RevenueUSD"], "AvailableSeats"),
    ],
)
def test_subscription_details_seats_are_those_at_the_end_of_the_month(
    header: list[str], seats: str
) -> None:
    fields = recognise(header)
    assert fields.source == INSIGHTS_SUBSCRIPTIONS
    column = suggest_mapping(header, fields).column_of(UsageField.PAID_SEATS)
    assert column is not None and header[column] == seats


def test_a_competency_performance_download_is_recognised_and_never_usage() -> None:
    header = ["CompetencyName", "CompetencyAttainmentOptionName", "Month", "MetricName"]
    fields = recognise(header)
    assert fields.source == INSIGHTS_COMPETENCY
    mapping = suggest_mapping(header, fields)
    # Even with every field mapped by hand it is not usage.
    for index, field in enumerate((UsageField.SUBSCRIPTION, UsageField.CONSUMPTION)):
        mapping = mapping.with_column(index, field)
    assert mapping.missing()[0].startswith("usage per subscription, which an Insights Competency")

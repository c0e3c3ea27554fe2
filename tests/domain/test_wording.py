"""Figures in words: one person, two people."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.wording import (
    ENGLISH_FIGURES,
    GERMAN_FIGURES,
    Figures,
    counted,
    day,
    figure,
    have_of_need,
    level_label,
    long_day,
    metric_have_of_need,
    money,
    month_and_year,
    month_name,
    number,
    plain_figures,
    unit_of,
)


@pytest.mark.parametrize(
    ("count", "unit", "expected"),
    [
        (1, "people", "person"),
        (2, "people", "people"),
        (0, "references", "references"),
        (Decimal(1), "references", "reference"),
        (1, "active users", "active user"),
        (1, "customers", "customer"),
        (1, "USD", "USD"),
    ],
)
def test_unit_reads_after_its_count(count: int | Decimal, unit: str, expected: str) -> None:
    assert unit_of(count, unit) == expected


def test_figure_writes_money_and_counts() -> None:
    assert figure(Decimal(3200), "USD") == "US$ 3,200"
    assert figure(1, "people") == "1 person"
    assert figure(Decimal("1250.5"), "active users") == "1,250.50 active users"
    # A figure without a unit is the bare figure, no trailing space to strip.
    assert figure(Decimal(3), "") == "3"


def test_a_step_s_figures_name_the_unit_once_and_in_the_singular_for_one() -> None:
    assert have_of_need(Decimal(77000), Decimal(15000), "USD") == "US$ 77,000 of US$ 15,000"
    assert have_of_need(Decimal(4), Decimal(3), "references") == "4 of 3 references"
    assert have_of_need(Decimal(0), Decimal(1), "people") == "0 of 1 person"


@pytest.mark.parametrize(
    ("count", "description", "expected"),
    [
        (1, "new EMS customers", "new EMS customer"),
        (2, "new EMS customers", "new EMS customers"),
        (
            Decimal(1),
            "Office 365 active entitlements (paid active users)",
            "Office 365 active entitlement (paid active user)",
        ),
        (1, "Azure consumption", "Azure consumption"),
    ],
)
def test_a_measure_reads_in_the_singular_after_one(
    count: int | Decimal, description: str, expected: str
) -> None:
    assert counted(count, description) == expected


def test_english_figures_days_and_months_read_as_they_always_have() -> None:
    assert number(Decimal("1234")) == "1,234"
    assert number(Decimal("1250.5")) == "1,250.50"
    assert money(Decimal("1250.5")) == "US$ 1,250.50"
    assert money(1250, 2) == "US$ 1,250.00"
    assert day(date(2018, 3, 1)) == "2018-03-01"
    assert long_day(date(2018, 3, 1)) == "2018-03-01"
    assert month_and_year(Month(2018, 2)) == "2018-02"
    assert month_name(3) == "March"
    assert level_label("silver") == "Silver"


def test_german_figures_days_and_months() -> None:
    vocabulary.use_language("de")
    assert number(Decimal("1234")) == "1.234"
    assert number(Decimal("1250.5")) == "1.250,50"
    assert number(Decimal("123456789012.99")) == "123.456.789.012,99"
    assert money(Decimal("1250.5")) == "US$ 1.250,50"
    assert figure(1234, "people") == "1.234 Personen"
    assert have_of_need(Decimal(77000), Decimal(15000), "USD") == "US$ 77.000 von US$ 15.000"
    assert day(date(2018, 3, 1)) == "01.03.2018"
    assert long_day(date(2018, 3, 1)) == "1. März 2018"
    assert month_and_year(Month(2018, 2)) == "Februar 2018"
    assert [month_name(month) for month in (1, 5, 12)] == ["Januar", "Mai", "Dezember"]
    assert level_label("silver") == "Silber"


def test_a_designation_metrics_have_and_need_are_written_for_its_unit() -> None:
    """One place for the checklist, the status text and the panel's card."""
    assert metric_have_of_need(Decimal(4), Decimal(3), "customers", gated=False) == (
        "4 of 3 customers"
    )
    assert metric_have_of_need(Decimal("15.64"), Decimal(20), "percent", gated=False) == (
        "15.64 of 20 percent"
    )
    assert metric_have_of_need(Decimal(5), Decimal(4), "people", gated=True) == (
        "5 of 4 people (once the steps are met)"
    )
    assert metric_have_of_need(Decimal(1500), Decimal(2000), "users", gated=False) == (
        "1,500 of 2,000 users"
    )
    # Parts in different units (Security's usage growth): its points are its one figure.
    assert metric_have_of_need(Decimal(10), Decimal(20), "points", gated=False) is None
    vocabulary.use_language("de")
    assert metric_have_of_need(Decimal(1500), Decimal(2000), "users", gated=False) == (
        "1.500 von 2.000 Benutzern"
    )
    assert metric_have_of_need(Decimal(5), Decimal(4), "people", gated=True) == (
        "5 von 4 Personen (sobald die Schritte erfüllt sind)"
    )
    swiss = Figures(".", "'")
    assert metric_have_of_need(
        Decimal(1500), Decimal(2000), "users", gated=False, figures=swiss
    ) == ("1'500 von 2'000 Benutzern")


def test_given_separators_win_over_the_language() -> None:
    """The window passes its locale's separators (a German window on a Swiss system)."""
    vocabulary.use_language("de")
    swiss = Figures(".", "'")
    assert number(Decimal("1250.5"), figures=swiss) == "1'250.50"
    assert number(1600, figures=ENGLISH_FIGURES) == "1,600"
    assert money(Decimal(15000), 2, GERMAN_FIGURES) == "US$ 15.000,00"


@pytest.mark.parametrize(
    ("typed", "figures", "plain"),
    [
        ("1.250,50", GERMAN_FIGURES, "1250.50"),
        ("15.000", GERMAN_FIGURES, "15000"),
        ("1250.50", GERMAN_FIGURES, "1250.50"),
        ("1 250,5", GERMAN_FIGURES, "1250.5"),
        ("1,250.50", ENGLISH_FIGURES, "1250.50"),
        ("abc", ENGLISH_FIGURES, "abc"),
    ],
)
def test_typed_figures_are_read_plain(typed: str, figures: Figures, plain: str) -> None:
    assert plain_figures(typed, figures) == plain

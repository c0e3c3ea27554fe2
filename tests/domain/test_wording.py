"""Figures in words: one person, two people."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mpn_desktop.domain.wording import counted, figure, have_of_need, unit_of


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

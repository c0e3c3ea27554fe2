"""Months and anniversaries."""

from __future__ import annotations

from datetime import date

import pytest

from mpn_desktop.domain.dates import Month, add_years, same_day_in_year


def test_month_parse_and_print_round_trip() -> None:
    assert str(Month.parse("2017-12")) == "2017-12"


@pytest.mark.parametrize("text", ["2017-13", "17-01", "2017/01", "", "2017-00"])
def test_month_parse_refuses_what_is_not_a_month(text: str) -> None:
    with pytest.raises(ValueError, match="not a month"):
        Month.parse(text)


def test_month_arithmetic_crosses_years() -> None:
    assert Month(2018, 2).plus(-12) == Month(2017, 2)
    assert Month(2017, 12).plus(1) == Month(2018, 1)
    assert Month.from_index(Month(2018, 3).index) == Month(2018, 3)
    assert Month.of(date(2018, 3, 15)).first_day == date(2018, 3, 1)


def test_leap_day_anniversary_falls_on_28_february_in_other_years() -> None:
    assert same_day_in_year(date(2016, 2, 29), 2017) == date(2017, 2, 28)
    assert same_day_in_year(date(2016, 2, 29), 2020) == date(2020, 2, 29)
    assert add_years(date(2016, 2, 29), 2) == date(2018, 2, 28)

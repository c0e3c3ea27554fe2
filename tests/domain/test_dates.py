"""Months and anniversaries."""

from __future__ import annotations

import copy
import pickle
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


def test_month_prints_as_a_month_in_every_format_and_repr() -> None:
    month = Month(2017, 12)
    assert (str(month), f"{month}", f"{month:>8}", repr(month)) == (
        "2017-12",
        "2017-12",
        " 2017-12",
        "Month(2017, 12)",
    )


def test_month_is_its_index_so_windows_compare_as_numbers() -> None:
    month = Month(2018, 2)
    assert month == month.index
    assert Month(2017, 3) < month < Month(2018, 3)
    assert (month.year, month.month) == (2018, 2)
    assert Month.from_index(month.index - 1) == Month(2018, 1)


def test_month_survives_pickling_and_copying_as_a_month() -> None:
    month = Month(2016, 1)
    again = pickle.loads(pickle.dumps(month))
    assert type(again) is Month and again == month
    assert type(copy.deepcopy(month)) is Month

"""Dates as spreadsheets write them, and one order for a whole column, never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from mpn_desktop.importers.dates import (
    DateOrder,
    DateProblem,
    DateSurvey,
    parse_date,
    parse_date_format,
)
from mpn_desktop.importers.reading import OptionError

NOV_25 = date(2017, 11, 25)


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("2017-11-25", None),
        ("2017-11-25T00:00:00", None),
        ("2017-11-25 00:00:00", None),
        ("2017/11/25", None),
        ("11/25/2017", None),
        ("11/25/2017 12:00:00 AM", None),
        ("25/11/2017", None),
        ("25.11.2017", None),
        ("11/25/2017", DateOrder.MONTH_FIRST),
        ("25.11.2017", DateOrder.DAY_FIRST),
        (" 25/11/2017 ", DateOrder.DAY_FIRST),
    ],
)
def test_formats_people_have(text: str, order: DateOrder | None) -> None:
    assert parse_date(text, order) == NOV_25


def test_order_decides_ambiguous_dates() -> None:
    assert parse_date("03/04/2017", DateOrder.MONTH_FIRST) == date(2017, 3, 4)
    assert parse_date("03/04/2017", DateOrder.DAY_FIRST) == date(2017, 4, 3)
    assert parse_date("04/04/2017", None) == date(2017, 4, 4)  # both orders agree


@pytest.mark.parametrize(
    ("text", "order", "words"),
    [
        ("03/04/2017", None, "could be month-first or day-first"),
        ("2017-02-30", None, "not a real date"),
        ("25/11/2017", DateOrder.MONTH_FIRST, "not a real date read month-first"),
        ("yesterday", None, "is not a date"),
        ("11/25/17", None, "is not a date"),
        ("", None, "is not a date"),
    ],
)
def test_problems_say_what_is_wrong(text: str, order: DateOrder | None, words: str) -> None:
    with pytest.raises(DateProblem, match=words):
        parse_date(text, order)


def _survey(values: list[str]) -> DateSurvey:
    survey = DateSurvey()
    for line, value in enumerate(values, start=2):
        if survey.add(line, value):
            break
    return survey


def test_first_deciding_value_sets_the_column_order() -> None:
    verdict = _survey(["03/04/2017", "2017-01-01", "11/25/2017", "25/11/2017"]).finish()
    assert verdict.order is DateOrder.MONTH_FIRST
    assert verdict.evidence == (4, "11/25/2017")
    assert not verdict.needs_choice
    assert _survey(["03.04.2017", "25.11.2017"]).finish().order is DateOrder.DAY_FIRST


def test_a_column_that_cannot_tell_needs_a_choice() -> None:
    verdict = _survey(["2017-11-25", "03/04/2017", "05/06/2017"]).finish()
    assert verdict.order is None
    assert verdict.needs_choice
    assert verdict.ambiguous == (3, "03/04/2017")


def test_a_column_whose_dates_read_the_same_both_ways_needs_no_choice() -> None:
    verdict = _survey(["2017-11-25", "01/01/2017", "not a date"]).finish()
    assert verdict.order is None
    assert not verdict.needs_choice


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("MDY", DateOrder.MONTH_FIRST),
        ("mm/dd/yyyy", DateOrder.MONTH_FIRST),
        ("%m/%d/%Y", DateOrder.MONTH_FIRST),
        ("month-first", DateOrder.MONTH_FIRST),
        ("DMY", DateOrder.DAY_FIRST),
        ("DD.MM.YYYY", DateOrder.DAY_FIRST),
        ("%d.%m.%Y", DateOrder.DAY_FIRST),
    ],
)
def test_date_format_option(text: str, order: DateOrder) -> None:
    assert parse_date_format(text) is order


def test_unknown_date_format_is_a_usage_error() -> None:
    with pytest.raises(OptionError, match="--date-format: 'YMD'"):
        parse_date_format("YMD")


def test_a_value_that_is_no_date_either_way_neither_decides_nor_asks() -> None:
    survey = DateSurvey()
    assert not survey.add(2, "13/45/2017")  # no 13th month, no 45th day
    assert not survey.add(3, "45/03/2017")  # no 45th day: does not make the column day-first
    verdict = survey.finish()
    assert verdict.order is None and not verdict.needs_choice
    with pytest.raises(DateProblem, match="not a real date, month-first or day-first"):
        parse_date("13/45/2017", None)
    # A real day still decides after them.
    assert survey.add(4, "25/11/2017")
    assert survey.finish().order is DateOrder.DAY_FIRST


def test_the_29th_of_february_decides_only_in_a_leap_year() -> None:
    leap = DateSurvey()
    assert leap.add(2, "02/29/2016")  # 29 February 2016, month-first only
    assert leap.finish().order is DateOrder.MONTH_FIRST
    common = DateSurvey()
    assert not common.add(2, "02/29/2017")  # no such day in 2017, either way
    assert common.finish().order is None

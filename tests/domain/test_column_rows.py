"""Columns converted when first read: ``IsoDays`` compares its stored text as its days order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import pytest
from domain_builders import AS_OF, facts, person

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain.column_rows import IsoDays, comparable_days
from mpn_desktop.domain.exam_rows import ExamColumns, ExamRows
from mpn_desktop.domain.facts import ExamResult
from mpn_desktop.domain.skills import PeopleIndex

_DAYS = (
    date(2018, 3, 14),
    date(2018, 3, 15),  # the as-of day itself: passed by then
    date(2018, 3, 16),
    date(2017, 12, 31),
    date(2018, 10, 1),  # later in the year: "2018-10-01" > "2018-03-15" as text too
    date(999, 1, 1),  # a three-digit year, written with four digits as SQLAlchemy writes it
    date(9999, 12, 31),
)


def _iso_days(calls: list[int]) -> IsoDays:
    """``_DAYS`` as SQLite holds them, converted when first read (each conversion counted)."""

    def convert(values: Sequence[str]) -> list[date]:
        calls.append(len(values))
        return [date.fromisoformat(value) for value in values]

    # As SQLAlchemy writes a Date on SQLite: "%(year)04d-%(month)02d-%(day)02d".
    return IsoDays(tuple(f"{day.year:04d}-{day.month:02d}-{day.day:02d}" for day in _DAYS), convert)


def test_days_not_converted_compare_as_text_as_their_dates_do() -> None:
    calls: list[int] = []
    days = _iso_days(calls)
    for bound in (AS_OF, date(999, 1, 1), date(2018, 10, 1), date(1, 1, 1)):
        stored, by_day = comparable_days(days, bound)
        assert [value <= by_day for value in stored] == [day <= bound for day in _DAYS]
    assert calls == [] and not days.converted, "compared without a date made"
    assert days == _DAYS and calls == [len(_DAYS)]
    assert comparable_days(days, AS_OF) == (_DAYS, AS_OF), "converted: the dates themselves"
    assert comparable_days(_DAYS, AS_OF) == (_DAYS, AS_OF)


def test_the_people_index_reads_exam_days_as_stored_the_same() -> None:
    codes = ["70-533", "70-534", "70-533", "70-535", "70-533", "70-473", "70-534"]
    people = [person(f"{n}", name=f"P{n}") for n in range(len(_DAYS))]
    results = tuple(
        ExamResult(f"{n}", code, day)
        for n, (code, day) in enumerate(zip(codes, _DAYS, strict=True))
    )
    as_dates = facts(people=people, exams=results)
    calls: list[int] = []
    columns = ExamColumns(
        *(tuple(getattr(row, name) for row in results) for name in ExamColumns._fields)
    )
    as_stored = replace(
        as_dates, exams=ExamRows.from_columns(columns._replace(passed_on=_iso_days(calls)))
    )
    catalog = load_catalog()
    index = PeopleIndex.of(catalog, as_stored, AS_OF)
    assert index == PeopleIndex.of(catalog, as_dates, AS_OF)
    assert calls == [], "no date made"
    # Passed by the as-of day (itself included): the first, second, fourth and sixth.
    assert index.passed == {
        "70-533": [["0"]],
        "70-534": [["1"]],
        "70-535": [["3"]],
        "70-473": [["5"]],
    }


def _stored(*values: object) -> IsoDays:
    return IsoDays(values, lambda stored: [date.fromisoformat(value) for value in stored])


def test_text_that_is_not_iso_days_is_read_as_the_days_it_stands_for() -> None:
    # A file changed by another program: an ISO week day orders wrongly as text
    # ("2016-W01-1" > "2016-07-10"), so the column is converted and compared as dates.
    days = _stored("2016-07-10", "2016-W01-1")
    stored, bound = comparable_days(days, date(2016, 2, 1))
    assert [value <= bound for value in stored] == [False, True]
    assert days.parts() == ((date(2016, 7, 10), date(2016, 1, 4)), iter)


@pytest.mark.parametrize("wrong", ["garbage", "2018-03-05 00:00:00", 20180305])
def test_a_stored_value_that_is_no_day_is_refused_not_counted_silently(wrong: object) -> None:
    days = _stored("2018-03-05", wrong)
    with pytest.raises((ValueError, TypeError)):
        comparable_days(days, AS_OF)
    with pytest.raises((ValueError, TypeError)):
        _stored("2018-03-05", wrong).parts()

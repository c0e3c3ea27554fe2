"""The facts readers' column conversions: each stored value converted once, kept between loads."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.usage_rows import UsageRows
from mpn_desktop.store import fact_columns
from mpn_desktop.store.fact_columns import (
    JoinedText,
    composed,
    converted_column,
    look_up,
    text_read_later,
    undecodable,
)
from mpn_desktop.store.sqlite_values import text


class _Counting:
    """A conversion that counts its calls."""

    def __init__(self) -> None:
        self.calls: list[Any] = []

    def __call__(self, value: Any) -> Any:
        self.calls.append(value)
        return date.fromisoformat(value)


def test_each_value_is_converted_once_across_loads() -> None:
    convert = _Counting()
    first = converted_column(["2018-01-31", "2018-02-01", "2018-01-31", None], convert)
    second = converted_column(["2018-02-01", "2018-03-01", None], convert)
    assert first == (date(2018, 1, 31), date(2018, 2, 1), date(2018, 1, 31), None)
    assert second == (date(2018, 2, 1), date(2018, 3, 1), None)
    # None never reaches the conversion; a value an earlier load saw is not converted again.
    assert sorted(convert.calls) == ["2018-01-31", "2018-02-01", "2018-03-01"]
    assert first[1] is second[0]


def test_no_conversion_hands_the_values_back() -> None:
    values = ("a", None, "b")
    assert converted_column(values, None) is values


def test_kept_values_are_bounded_and_stay_right(monkeypatch: Any) -> None:
    monkeypatch.setattr(fact_columns, "_KEPT_VALUES", 3)
    convert = _Counting()
    days = [f"2018-01-{day:02d}" for day in range(1, 10)]
    assert converted_column(days, convert) == tuple(date(2018, 1, day) for day in range(1, 10))
    # Over the bound: the kept values are dropped and worked out again, still right.
    assert converted_column(days[:2], convert) == (date(2018, 1, 1), date(2018, 1, 2))
    assert convert.calls == [*days, *days[:2]]
    assert len(fact_columns._CONVERSIONS[convert]) == 2


def test_composed_conversions_are_one_function_per_pair() -> None:
    def day(value: str) -> date | None:
        return None if value == "never" else date.fromisoformat(value)

    month = composed(day, Month.of)
    assert month is composed(day, Month.of)
    assert composed(None, Month.of) == Month.of  # a bound method: equal, not the same object
    assert converted_column(["2018-02-28", "never", None], month) == (Month(2018, 2), None, None)


def test_converted_and_looked_up_columns_are_kept_by_the_rows_as_they_are() -> None:
    # Tuples, which ``ColumnRows`` holds without a copy (a list was copied to a tuple:
    # a pass over every value of the largest tables at each load).
    columns: list[Sequence[Any]] = [
        (1, 2),
        converted_column(["2018-01-01", "2018-02-01"], composed(date.fromisoformat, Month.of)),
        converted_column([1.5, 2.0], Decimal),
        converted_column([0.0, 1.0], Decimal),
        (3, 4),
        ("", "Storage"),
        (0, 5),
    ]
    look_up(columns, 0, {1: "sub-1", 2: "sub-2"})
    rows = UsageRows.from_sequences(columns)
    assert all(kept is made for kept, made in zip(rows.columns, columns, strict=True))
    assert rows.columns.subscription == ("sub-1", "sub-2")
    assert rows.columns.month == (Month(2018, 1), Month(2018, 2))


def test_a_column_conversion_is_declared_once_in_the_store() -> None:
    # The driver-only readers and the SQLAlchemy loader share one ``Convert``
    # (there were two aliases, differing only by ``| None``).
    store = Path(fact_columns.__file__).parent
    declaring = sorted(
        module.name
        for module in store.glob("*.py")
        if re.search(r"^Convert\b.*=", module.read_text(encoding="utf-8"), re.MULTILINE)
    )
    assert declaring == ["fact_columns.py"]


def test_text_fetched_as_bytes_that_is_not_utf8_is_found_value_by_value() -> None:
    """Two halves of one character in two values are two wrong values, not one right one."""
    assert undecodable((b"70-533", None, "Ré".encode(), b"")) is None
    assert undecodable((b"ok", b"a\xc3", b"\xa9b")) == b"a\xc3"
    assert undecodable((b"A\xffB",)) == b"A\xffB"


@pytest.mark.parametrize(
    "values",
    [
        (b"Administering Office 365", b"", "Réseaux".encode(), b"Exam 70-533"),
        (b"one",),
        (b"a", None, b"b"),  # a None: kept as it is
        (b"a\0b", b"c"),  # a NUL inside a value: kept as it is
    ],
)
def test_a_text_column_read_later_is_one_object_reading_as_its_values(
    values: tuple[bytes | None, ...],
) -> None:
    kept = text_read_later(values)
    assert len(kept) == len(values) and list(kept) == list(values)
    assert kept[1:] == values[1:] and kept[-1] == values[-1]
    joined = None not in values and not any(b"\0" in value for value in values if value)
    assert isinstance(kept, JoinedText) is joined
    # As the readers hold it: decoded when first read, each value as the driver gives it.
    column = fact_columns.converted_later(kept, text)
    assert list(column) == [None if value is None else value.decode() for value in values]


def test_a_text_column_read_later_that_is_not_utf8_is_refused_at_once() -> None:
    with pytest.raises(UnicodeDecodeError) as raised:
        text_read_later((b"fine", b"A\xffB", None))
    assert raised.value.object == b"A\xffB"

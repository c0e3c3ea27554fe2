"""The facts readers' column conversions: each stored value converted once, kept between loads."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.usage_rows import UsageRows
from mpn_desktop.store import fact_columns
from mpn_desktop.store.fact_columns import composed, converted_column, converted_later, look_up


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


def test_forgotten_conversions_are_made_again_as_a_first_load_makes_them() -> None:
    convert = _Counting()
    now = converted_column(["2018-01-31"], convert)
    later = converted_later(["2018-01-31"], convert)
    assert tuple(later) == now
    fact_columns.forget_kept_conversions()
    assert converted_column(["2018-01-31"], convert) == now
    assert tuple(converted_later(["2018-01-31"], convert)) == now
    # Once each before and once each after the kept values were forgotten.
    assert len(convert.calls) == 4


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


def test_a_conversion_used_at_load_and_when_first_read_converts_new_values_both_ways() -> None:
    # facts_sqlite's ``money`` converts the fee payments at load and the usage money when
    # first read: each way keeps its own values, so neither meets the other's kept ones only.
    def money(value: float) -> Decimal:
        return Decimal(f"{value:.2f}")

    assert converted_column([1.5, 2.25], money) == (Decimal("1.50"), Decimal("2.25"))
    later = converted_later([2.25, 3.0, 4.75], money)
    assert later[1:] == (Decimal("3.00"), Decimal("4.75")), "a slice before the whole"
    assert tuple(later) == (Decimal("2.25"), Decimal("3.00"), Decimal("4.75"))
    assert converted_column([3.0, 5.5], money) == (Decimal("3.00"), Decimal("5.50"))

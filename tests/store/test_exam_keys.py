"""Packed exam keys: equal only for equal records; later copies found in order."""

from __future__ import annotations

from datetime import date

import pytest

from mpn_desktop.store import exam_keys
from mpn_desktop.store.exam_keys import ExamKeys


def test_later_copies_are_the_rows_equal_to_an_earlier_one() -> None:
    keys = ExamKeys()
    day, next_day = date(2017, 1, 2), date(2017, 1, 3)
    keys.add([1, 1, 2, 1], ["70-533", "70-532", "70-533", "70-533"], [day, day, day, day])
    keys.add([1, 2, 1], ["70-533", "70-533", "70-533"], [next_day, day, day])
    assert keys.rows == 7
    assert keys.later_copies() == [3, 5, 6]


def test_keys_differ_where_any_part_differs_even_at_the_edges() -> None:
    keys = ExamKeys()
    people = [1, 2, 1, 1, 1, 2**21 - 1]
    codes = ["A", "A", "B", "A", "a", "A"]
    days = [date.min, date.min, date.min, date.max, date.min, date.max]
    keys.add(people, codes, days)
    assert keys.later_copies() == []


def test_copies_are_found_across_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exam_keys, "_KEYS_AT_ONCE", 2)
    keys = ExamKeys()
    day = date(2017, 1, 2)
    people = [1, 2, 3, 1, 4, 2, 5, 1, 3]
    keys.add(people, ["A"] * len(people), [day] * len(people))
    assert keys.later_copies() == [3, 5, 7, 8]


def test_more_rows_than_kept_give_up_the_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exam_keys, "ROWS_KEPT", 3)
    keys = ExamKeys()
    day = date(2017, 1, 2)
    keys.add([1, 2], ["A", "A"], [day, day])
    assert keys.rows == 2
    keys.add([3, 4], ["A", "A"], [day, day])
    assert keys.rows is None


def test_a_person_id_too_large_gives_up_the_keys() -> None:
    keys = ExamKeys()
    keys.add([1], ["A"], [date(2017, 1, 2)])
    keys.add([2**22], ["A"], [date.max])
    assert keys.rows is None
    keys.add([1], ["A"], [date(2017, 1, 2)])
    assert keys.rows is None

"""Exam key hashes: later copies found in order, decided by the rows' values."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

import pytest

from mpn_desktop.store import exam_keys
from mpn_desktop.store.exam_keys import ExamKeys


def noted(people: list[int], codes: list[str], days: list[date]) -> tuple[ExamKeys, list[int]]:
    """Keys of these rows, and the positions their exact values were asked for (filled later)."""
    keys = ExamKeys()
    keys.add(people, codes, days)
    return keys, []


def exact_of(
    people: list[int], codes: list[str], days: list[date], asked: list[int]
) -> exam_keys.ExactKeys:
    def exact(positions: list[int]) -> list[Hashable]:
        asked.extend(positions)
        return [(people[p], codes[p], days[p]) for p in positions]

    return exact


def test_later_copies_are_the_rows_equal_to_an_earlier_one() -> None:
    keys = ExamKeys()
    day, next_day = date(2017, 1, 2), date(2017, 1, 3)
    people = [1, 1, 2, 1, 1, 2, 1]
    codes = ["70-533", "70-532", "70-533", "70-533", "70-533", "70-533", "70-533"]
    days = [day, day, day, day, next_day, day, day]
    keys.add(people[:4], codes[:4], days[:4])
    keys.add(people[4:], codes[4:], days[4:])
    assert keys.rows == 7
    asked: list[int] = []
    assert keys.later_copies(exact_of(people, codes, days, asked)) == [3, 5, 6]
    # Only the rows sharing a hash with another row are read back: the copies and their first.
    assert asked == [0, 2, 3, 5, 6]


def test_keys_differ_where_any_part_differs_even_at_the_edges() -> None:
    people = [1, 2, 1, 1, 1, 2**40]
    codes = ["A", "A", "B", "A", "a", "A"]
    days = [date.min, date.min, date.min, date.max, date.min, date.max]
    keys, asked = noted(people, codes, days)
    assert keys.later_copies(exact_of(people, codes, days, asked)) == []
    assert asked == []


def test_rows_whose_hashes_collide_are_not_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every key hashes alike: the values alone tell the copies (fails if hashes decide).
    monkeypatch.setattr(exam_keys, "hash", lambda _values: 7, raising=False)
    day = date(2017, 1, 2)
    people = [1, 2, 1, 3, 2]
    codes = ["A"] * len(people)
    days = [day] * len(people)
    keys, asked = noted(people, codes, days)
    assert keys.later_copies(exact_of(people, codes, days, asked)) == [2, 4]
    assert asked == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("run", [1, 2, 3, 256])
def test_copies_are_found_across_parts_and_runs(monkeypatch: pytest.MonkeyPatch, run: int) -> None:
    monkeypatch.setattr(exam_keys, "_KEYS_AT_ONCE", 2)
    monkeypatch.setattr(exam_keys, "_RUN", run)
    day = date(2017, 1, 2)
    people = [1, 2, 3, 1, 4, 2, 5, 1, 3, 6, 6]
    codes = ["A"] * len(people)
    days = [day] * len(people)
    keys, asked = noted(people, codes, days)
    assert keys.later_copies(exact_of(people, codes, days, asked)) == [3, 5, 7, 8, 10]


def test_more_rows_than_kept_give_up_the_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exam_keys, "ROWS_KEPT", 3)
    keys = ExamKeys()
    day = date(2017, 1, 2)
    keys.add([1, 2], ["A", "A"], [day, day])
    assert keys.rows == 2
    keys.add([3, 4], ["A", "A"], [day, day])
    assert keys.rows is None
    keys.add([1], ["A"], [day])
    assert keys.rows is None

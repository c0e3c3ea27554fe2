"""A large table takes and lets go of its rows in parts, a turn of the event loop each.

"Show all usage" on the large organisation put 75,282 months in the table
2,000 a turn, each part followed by a repaint of the table: the parts now grow
while they go in quickly (and shrink when a search makes each row cost more).
Choosing a subscription afterwards freed the 75,282 records at once; they are
now freed a part per turn.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from mpn_desktop.ui.models import row_release, scoped_table
from mpn_desktop.ui.models.fields import Field, FieldKind
from mpn_desktop.ui.models.record_table import RecordTableModel
from mpn_desktop.ui.models.scoped_table import (
    LEAST_PART,
    PART_GROWTH,
    PART_SECONDS,
    ScopedRecordTableModel,
    next_part,
)

FIELDS = (Field("name", "Name"), Field("amount", "Amount", FieldKind.COUNT))


class _Row(dict[str, Any]):
    """A record whose freeing a test can see (a plain dict takes no weak reference)."""


def _rows(count: int) -> list[dict[str, Any]]:
    return [_Row(id=number, name=f"row {number}", amount=number) for number in range(count)]


def test_a_part_grows_while_parts_go_in_quickly_and_shrinks_when_they_are_slow() -> None:
    assert next_part(2_000, 0.0) == 2_000 * PART_GROWTH
    assert next_part(2_000, PART_SECONDS / 100) == 2_000 * PART_GROWTH  # at most that much more
    assert next_part(2_000, PART_SECONDS / 2) == 4_000  # as many as fit in the time
    assert next_part(2_000, PART_SECONDS * 10) == 200
    assert next_part(2_000, 100.0) == LEAST_PART  # never fewer


class _Clock:
    """``perf_counter`` for the model: each call ``step`` seconds after the one before."""

    def __init__(self, step: float) -> None:
        self.now = 0.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def _parts_taken(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, count: int, step: float
) -> Iterator[int]:
    """The sizes of the parts ``count`` rows read later go into the table in, each part
    taking ``step`` seconds to put in; the first is the reset's."""
    monkeypatch.setattr(scoped_table, "ROWS_PER_TURN", 10)
    monkeypatch.setattr(scoped_table, "LEAST_PART", 5)
    monkeypatch.setattr(scoped_table, "perf_counter", _Clock(step))
    rows = _rows(count)
    model = ScopedRecordTableModel(
        FIELDS,
        lambda: [dict(row) for row in rows],
        lambda _key, _value: [],
        load_later=lambda read, take: take(read()),
    )
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    parts: list[int] = []
    model.modelReset.connect(lambda: parts.append(model.rowCount()))
    model.rowsInserted.connect(lambda _parent, first, last: parts.append(last - first + 1))
    model.reload()
    qtbot.waitUntil(lambda: not model.reading)
    assert [record["id"] for record in model.records()] == list(range(count))
    return iter(parts)


def test_rows_read_later_go_in_in_parts_that_grow_while_each_goes_in_quickly(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 2,000 rows a turn, 37 turns each with a repaint, for "Show all usage" before.
    parts = list(_parts_taken(qtbot, monkeypatch, 400, PART_SECONDS / 1_000))
    assert parts == [10, 10, 40, 160, 180]


def test_rows_read_later_go_in_in_smaller_parts_when_each_row_costs_more(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each part of 10 took four times the time a part may take: 2 rows would fit, 5 go in.
    parts = list(_parts_taken(qtbot, monkeypatch, 30, PART_SECONDS * 4))
    assert parts == [10, 10, 5, 5]


def _freed(rows: list[weakref.ref[_Row]]) -> int:
    return sum(row() is None for row in rows)


def test_rows_replaced_by_a_reload_are_freed_a_part_per_turn(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(row_release, "ROWS_FREED_PER_TURN", 10)
    held = _rows(35)
    model = RecordTableModel(FIELDS, lambda: [])
    model.reload(held)
    watched = [weakref.ref(row) for row in held]
    del held
    model.reload([_Row(id=99, name="new", amount=1)])  # a subscription's few months
    assert model.rowCount() == 1
    assert _freed(watched) == 0  # not at once on this turn
    qtbot.waitUntil(lambda: _freed(watched) == 35)


def _every_row_held(rows: list[dict[str, Any]]) -> ScopedRecordTableModel:
    """A scoped model holding every one of ``rows`` (read later), which only it holds."""
    later: list[Any] = []
    model = ScopedRecordTableModel(
        FIELDS,
        lambda: [rows.pop() for _ in range(len(rows))][::-1],
        lambda _key, _value: [],
        load_later=lambda read, take: later.append((read, take)),
    )
    model.reload()
    read, take = later.pop()
    take(read())
    assert model.rowCount() == len(model.records()) > 0
    return model


@pytest.mark.parametrize("then", ["scope chosen", "read again"])
def test_rows_a_scoped_model_lets_go_of_are_freed_a_part_per_turn(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, then: str
) -> None:
    monkeypatch.setattr(row_release, "ROWS_FREED_PER_TURN", 10)
    every = _rows(35)
    watched = [weakref.ref(row) for row in every]
    model = _every_row_held(every)
    if then == "scope chosen":
        model.set_scope(("id", 3))  # a subscription chosen after "Show all usage"
    else:
        model.reload()  # every row read again (the store changed meanwhile)
    assert model.rowCount() == 0
    assert _freed(watched) == 0
    qtbot.waitUntil(lambda: _freed(watched) == 35)


def test_a_short_list_is_left_to_its_holder() -> None:
    short = _rows(3)
    row_release.free_in_parts(short, QObject())
    assert len(short) == 3

"""The catalogue records that key the usage figures keep their hash (``kept_hash``), with
the value ``dataclass``'s own hash gives and outside the records' fields."""

from __future__ import annotations

import copy
import pickle
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from fractions import Fraction

import pytest

from mpn_desktop.domain.designations import Measure, Part, Quantity, Scope
from mpn_desktop.domain.enums import Workload
from mpn_desktop.domain.kept_hash import HashKept, hash_kept


def _scope() -> Scope:
    return Scope(
        frozenset({Workload.AZURE}), frozenset({"transacting", "dpor"}), frozenset({"sql"})
    )


def _part() -> Part:
    return Part(
        Measure.USAGE_GROWTH,
        Fraction(25, 2),
        "percent",
        _scope(),
        label="ACR",
        quantity=Quantity.CONSUMPTION_USD,
        baseline_minimum=Decimal("1000.50"),
        max_points=Fraction(10),
    )


def _dataclass_hash(record: object) -> int:
    """The hash ``dataclass`` writes: of the tuple of the compared fields."""
    return hash(tuple(getattr(record, f.name) for f in fields(record) if f.compare))  # type: ignore[arg-type]


@pytest.mark.parametrize("make", [_scope, _part])
def test_hash_is_the_dataclass_hash(make: type) -> None:
    record = make()
    assert hash(record) == _dataclass_hash(record)
    assert hash(record) == hash(record) == hash(make())


def test_equal_records_find_each_other() -> None:
    figures = {_part(): 1, _scope(): 2}
    assert figures[_part()] == 1
    assert figures[_scope()] == 2
    other = replace(_part(), label="other")
    assert other not in figures
    assert hash(other) == _dataclass_hash(other)


def test_kept_hash_is_no_field_nor_shown() -> None:
    part = _part()
    hash(part)
    assert "_kept_hash" not in {f.name for f in fields(part)}
    assert "_kept_hash" not in repr(part)
    assert part == _part()


@pytest.mark.parametrize(
    "clone", [copy.copy, copy.deepcopy, lambda p: pickle.loads(pickle.dumps(p))]
)
def test_copies_hash_alike(clone: object) -> None:
    part = _part()
    hash(part)
    copied = clone(part)  # type: ignore[operator]
    assert copied == part
    assert hash(copied) == hash(part)


class _Counted:
    """A field value that counts how often it is hashed."""

    hashed = 0

    def __hash__(self) -> int:
        _Counted.hashed += 1
        return 7


@hash_kept
@dataclass(frozen=True, slots=True)
class _Record(HashKept):
    counted: _Counted
    name: str


def test_hash_worked_out_once() -> None:
    _Counted.hashed = 0
    record = _Record(_Counted(), "x")
    first = hash(record)
    assert hash(record) == first == hash((record.counted, "x"))
    assert _Counted.hashed == 2  # once for the record, once for the tuple above


def test_one_field_is_refused() -> None:
    with pytest.raises(TypeError):

        @hash_kept
        @dataclass(frozen=True, slots=True)
        class _One(HashKept):
            name: str


def test_quantity_hash_is_the_identity_hash() -> None:
    # Enum's own hash is a Python call; the figures are looked up by quantity hundreds of
    # times an evaluation.
    assert Quantity.__hash__ is object.__hash__
    assert {q: q.value for q in Quantity}[Quantity.MCV] == "mcv"
    assert pickle.loads(pickle.dumps(Quantity.MCV)) is Quantity.MCV

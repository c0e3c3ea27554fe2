"""quick_init: the same records as a frozen dataclass's own __init__, still frozen."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from mpn_desktop.domain.designation_results import CategoryScore, MetricScore, PartScore
from mpn_desktop.domain.frozen_init import quick_init


@dataclass(frozen=True, slots=True)
class _Plain:
    first: str
    second: int
    third: tuple[int, ...] = ()
    fourth: str = "d"


@quick_init
@dataclass(frozen=True, slots=True)
class _Quick:
    first: str
    second: int
    third: tuple[int, ...] = ()
    fourth: str = "d"


def _values(record: object) -> tuple[object, ...]:
    return tuple(getattr(record, f.name) for f in dataclasses.fields(record))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("a", 1), {}),
        (("a", 1, (2,)), {}),
        (("a",), {"second": 1, "fourth": "x"}),
        ((), {"fourth": "y", "third": (3, 4), "second": 5, "first": "b"}),
    ],
)
def test_the_same_fields_as_the_generated_init(
    args: tuple[object, ...], kwargs: dict[str, object]
) -> None:
    quick = _Quick(*args, **kwargs)  # type: ignore[arg-type]
    assert _values(quick) == _values(_Plain(*args, **kwargs))  # type: ignore[arg-type]
    assert quick == _Quick(*args, **kwargs)  # type: ignore[arg-type]
    assert hash(quick) == hash(_Quick(*args, **kwargs))  # type: ignore[arg-type]


def test_still_frozen_and_refuses_what_the_generated_init_refuses() -> None:
    quick = _Quick("a", 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.first = "b"  # type: ignore[misc]
    with pytest.raises(TypeError):
        _Quick("a")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _Quick("a", 1, other=2)  # type: ignore[call-arg]
    assert dataclasses.replace(quick, second=2) == _Quick("a", 2)
    assert pickle.loads(pickle.dumps(quick)) == quick


def test_a_class_it_cannot_make_quicker_is_refused() -> None:
    @dataclass(frozen=True, slots=True)
    class Factory:
        items: list[int] = field(default_factory=list)

    @dataclass(frozen=True, slots=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            assert self.value >= 0

    for cls in (Factory, Checked):
        with pytest.raises(TypeError):
            quick_init(cls)


@pytest.mark.parametrize("cls", [MetricScore, PartScore, CategoryScore])
def test_the_score_records_take_every_field_by_name(cls: type) -> None:
    # Each field given a distinct object by keyword lands in its own slot.
    given = {f.name: object() for f in dataclasses.fields(cls)}
    record = cls(**given)
    assert {name: getattr(record, name) for name in given} == given

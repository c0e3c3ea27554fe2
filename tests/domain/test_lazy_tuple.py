"""``LazyTuple`` read from two threads: the one that finds it built by the other gets the items."""

from __future__ import annotations

from typing import Any

from mpn_desktop.domain.evidence import LazyTuple

_SLOT = LazyTuple.__dict__["_items"]
"""The slot holding the built items (a member descriptor)."""
_LOOKED: set[int] = set()
"""The readers that looked once already (the other reader builds after the first look)."""


class _BuiltMeanwhile(LazyTuple[int]):
    """A ``LazyTuple`` whose first look at its items finds none, and another reader builds
    them right after it looked: as a worker and the GUI thread reading one evidence at once
    may interleave (the tree's evidence is read by the window, a report, the Exams tab)."""

    __slots__ = ()

    @property  # type: ignore[override]
    def _items(self) -> Any:
        found = _SLOT.__get__(self)
        if found is None and id(self) not in _LOOKED:
            _LOOKED.add(id(self))
            LazyTuple.items(self)  # the other reader, done before this one goes on
        return found

    @_items.setter
    def _items(self, items: Any) -> None:
        _SLOT.__set__(self, items)


def test_items_built_by_another_reader_meanwhile_are_read_not_built_again() -> None:
    builds: list[int] = []

    def build() -> list[int]:
        builds.append(1)
        return [1, 2, 3]

    lazy = _BuiltMeanwhile(build)
    assert lazy.items() == (1, 2, 3)
    assert builds == [1], "built once, by the reader that came first"
    assert list(lazy) == [1, 2, 3] and lazy == (1, 2, 3)

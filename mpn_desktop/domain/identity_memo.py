"""A value kept per object (or per few objects), found by their identity.

Catalogue records are frozen dataclasses: hashing and comparing one walks its fields in
Python at every look, and some are dicts (not hashable at all), so the memos of catalogue
data find a value by the objects' ``id()`` instead. An id is only an object's while the
object lives: once it is freed, a new object made at the same address has the same id and
would read the freed one's value. So the memo holds the objects of each key beside its
value: while an entry is kept, its objects live and their ids are their own, and finding an
entry by the ids is finding it by the objects.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K", bound=tuple[object, ...])
V = TypeVar("V")


class IdentityMemo(Generic[K, V]):
    """Values by a key of objects (a tuple), found by the objects' identities.

    Holds each key's objects while their entry is kept (see the module's docstring), and at
    most ``at_most`` entries: when full it starts again empty, freeing what it held (the
    objects in use are few; a process making many does not keep them all alive)."""

    __slots__ = ("_at_most", "_kept")

    def __init__(self, at_most: int) -> None:
        self._at_most = at_most
        self._kept: dict[tuple[int, ...], tuple[K, V]] = {}

    def get(self, key: K) -> V | None:
        """The value kept for these very objects, else None."""
        found = self._kept.get(_ids(key))
        return None if found is None else found[1]

    def keep(self, key: K, value: V) -> V:
        """Keeps ``value`` for the key's objects (holding them) and returns it."""
        if len(self._kept) >= self._at_most:
            self._kept.clear()
        self._kept[_ids(key)] = (key, value)
        return value

    def kept(self, key: K, make: Callable[[], V]) -> V:
        """The value kept for the key's objects, made by ``make()`` and kept the first time."""
        found = self._kept.get(_ids(key))
        return self.keep(key, make()) if found is None else found[1]

    def __len__(self) -> int:
        return len(self._kept)


def _ids(key: tuple[object, ...]) -> tuple[int, ...]:
    # One or two objects written out: a third of a generic tuple(map(id, key))'s time, and
    # the memos of catalogue data are asked a few hundred times per evaluation.
    if len(key) == 1:
        return (id(key[0]),)
    if len(key) == 2:
        return (id(key[0]), id(key[1]))
    return tuple(map(id, key))

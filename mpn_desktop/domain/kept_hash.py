"""A frozen dataclass's hash worked out once and kept, for catalogue records used as keys.

An evaluation looks its usage figures up by a part's scope, and memos them by the part,
hundreds of times; the hash ``dataclass`` writes adds up every field on each look-up, and a
part's fields hold Fractions, Decimals, enums, its scope's four frozensets and its
conditions, each hashed in Python again (about 0.8 us a part, 0.1 us a scope). The records
are frozen, so the hash cannot change once worked out.
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from typing import Any, TypeVar


class HashKept:
    """The slot a record keeps its hash in, outside its dataclass fields: equality, ``repr``,
    ``replace``, ``fields`` and pickling know nothing of it (a copy works it out again)."""

    __slots__ = ("_kept_hash",)


_C = TypeVar("_C", bound=type[HashKept])


def hash_kept(cls: _C) -> _C:
    """Gives the frozen dataclass ``cls`` (a ``HashKept``) a hash worked out on first use and
    kept: the value ``dataclass``'s own gives (the hash of the tuple of the compared fields),
    so sets and dicts of them behave as before."""
    record: Any = cls  # a dataclass: what ``fields`` reads
    names = tuple(f.name for f in fields(record) if f.compare and f.hash is not False)
    if len(names) < 2:
        raise TypeError(f"{cls.__name__}: hash_kept hashes a tuple of two fields or more")
    key = attrgetter(*names)

    def __hash__(self: Any) -> int:
        try:
            return self._kept_hash  # type: ignore[no-any-return]
        except AttributeError:
            found = hash(key(self))
            object.__setattr__(self, "_kept_hash", found)
            return found

    cls.__hash__ = __hash__  # type: ignore[method-assign]
    return cls

"""A sequence standing for a tuple of records it makes when asked (``ColumnRows``, ``Holders``).

Both hold their records in a cheaper form (columns, a dict of holders) and
make the record objects on first reading; callers take them as the tuple of
records, so they must iterate, compare and hash exactly as that tuple does.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

Record = TypeVar("Record")


class TupleStandIn(Sequence[Record]):
    """Iterates, compares and hashes as the tuple of records ``rows`` gives.

    A subclass gives ``rows`` (made once, then kept), keeps a ``_hash`` slot
    (None until asked) and may compare two of its own kind faster in
    ``_same_kind_equal`` than by their rows.
    """

    __slots__ = ()

    _hash: int | None

    def rows(self) -> tuple[Record, ...]:
        """The records, in order (made once, then kept)."""
        raise NotImplementedError

    def _same_kind_equal(self, other: Any) -> bool:
        """Whether ``other``, of this very type, holds the same records."""
        return len(self) == len(other) and self.rows() == other.rows()

    def __iter__(self) -> Iterator[Record]:
        return iter(self.rows())

    def __reversed__(self) -> Iterator[Record]:
        return reversed(self.rows())

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if isinstance(other, TupleStandIn):
            return type(other) is type(self) and self._same_kind_equal(other)
        if isinstance(other, tuple):
            return len(self) == len(other) and self.rows() == other
        return NotImplemented

    def __hash__(self) -> int:
        # As the tuple of records hashes: equal to it, so the same hash.
        found = self._hash
        if found is None:
            found = self._hash = hash(self.rows())
        return found

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.rows()!r})"

"""The (person, code, day) keys of a first import's exam rows, to find later copies of a record.

While the unique key is deferred (see ``exam_writing``), the rows go in
without it, and the later copies of a record must be found before it is
built. SQLite can find them (a window function over every row: a sort of the
whole table, longer than building the key); these keys find them in a tenth
of that: each row's key kept as the hash of its values (8 bytes a row, made
in C by ``hash`` over zipped columns), in the order the rows went in. Equal
records have equal hashes; the few rows sharing a hash are then compared by
their values, so rows whose hashes collide are never taken for copies.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Hashable, Iterator, Sequence
from datetime import date
from itertools import compress, count, islice, repeat
from operator import eq, mod

ROWS_KEPT = 10_000_000
"""Rows whose keys are kept at most (8 bytes each); a larger import leaves it to SQLite."""
_KEYS_AT_ONCE = 1_000_000
"""Keys in one set at most while repeated hashes are found (3M keys in one set: 290 MB at
once; a part per 500,000 keys took half the time of finding the copies of 1M keys to split
them)."""
_RUN = 64
"""Keys added to a set at once: all those of a run holding a hash seen before are suspects
(3M rows of random records: ~2,500 copies, so up to ~160,000 suspects)."""

ExactKeys = Callable[[list[int]], Sequence[Hashable]]
"""The values of the rows at the given 0-based positions (in that order), compared exactly."""


class ExamKeys:
    """The rows' key hashes in the order they were inserted; ``None`` once they did not all fit."""

    def __init__(self) -> None:
        self._keys: array[int] | None = array("q")

    def add(self, person_ids: Sequence[int], codes: Sequence[str], days: Sequence[date]) -> None:
        """Notes the keys of rows about to be inserted (in this order)."""
        keys = self._keys
        if keys is None:
            return
        if len(keys) + len(codes) > ROWS_KEPT:
            self._keys = None
            return
        # One tuple and its hash per row, both in C (str and date hashes are cached); a
        # list handed to fromlist, which sizes the array once (extend from an iterator
        # grows it per key: 1M rows 0.105 -> 0.082 s).
        keys.fromlist(list(map(hash, zip(person_ids, codes, days, strict=True))))

    @property
    def rows(self) -> int | None:
        """How many rows were noted; None when the keys could not all be kept."""
        return None if self._keys is None else len(self._keys)

    def later_copies(self, exact: ExactKeys) -> list[int]:
        """The 0-based positions of rows equal to an earlier row, in order (empty when none).

        Only rows whose hash another row shares can be copies; ``exact`` gives
        their values, which decide.
        """
        keys = self._keys
        assert keys is not None, "later_copies needs every row's key"
        suspects = self._suspects()
        if not suspects:
            return []
        # The rows of a suspect hash, and of those the hashes more than one row has.
        candidates = list(compress(count(), map(suspects.__contains__, keys)))
        times = Counter(map(keys.__getitem__, candidates))
        positions = [position for position in candidates if times[keys[position]] > 1]
        seen: set[Hashable] = set()
        later: list[int] = []
        for position, key in zip(positions, exact(positions), strict=True):
            if key in seen:
                later.append(position)
            else:
                seen.add(key)
        return later

    def _suspects(self) -> set[int]:
        """Hashes among which are all those more than one row has (and a few others).

        Equal hashes leave the same remainder, so the keys are looked at in
        parts by their remainder: a set of Python integers takes about 100
        bytes a key, and a part holds ``_KEYS_AT_ONCE`` keys or so. Each run
        of keys is added to the part's set at once (in C); a run that did not
        grow it by its length holds a hash seen before, and all its hashes
        become suspects.
        """
        keys = self._keys
        assert keys is not None
        parts = max(1, -(-len(keys) // _KEYS_AT_ONCE))
        # Each key's part, worked out once (2 bytes a row) rather than once per part.
        parts_of = array("H", map(mod, keys, repeat(parts)) if parts > 1 else ())
        suspects: set[int] = set()
        for part in range(parts):
            part_keys: Iterator[int] = iter(keys)
            if parts > 1:
                part_keys = compress(keys, map(eq, parts_of, repeat(part)))
            seen: set[int] = set()
            while run := list(islice(part_keys, _RUN)):
                before = len(seen)
                seen.update(run)
                if len(seen) - before != len(run):
                    suspects.update(run)
        return suspects

"""The (person, code, day) keys of a first import's exam rows, to find later copies of a record.

While the unique key is deferred (see ``exam_writing``), the rows go in
without it, and the later copies of a record must be found before it is
built. SQLite can find them (a window function over every row: a sort of the
whole table, longer than building the key); these keys find them in a tenth
of that: each row's key packed into one 64-bit integer (8 bytes a row), in
the order the rows went in.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import compress, repeat
from operator import eq, mod

_CODES = 1 << 20
"""Distinct exam codes a packed key has room for."""
_DAYS = 1 << 22
"""Days a packed key has room for: ``date.max.toordinal()`` is 3,652,059."""
ROWS_KEPT = 10_000_000
"""Rows whose keys are kept at most (8 bytes each); a larger import leaves it to SQLite."""
_KEYS_AT_ONCE = 1_000_000
"""Keys in one set at most while copies are found (3M keys in one set: 290 MB at once; a
part per 500,000 keys took half the time of finding the copies of 1M keys to split them)."""


def _packed(person_id: int, code_number: int, day: int) -> int:
    return (person_id * _CODES + code_number) * _DAYS + day


class ExamKeys:
    """Packed keys of the rows in the order they were inserted; ``None`` rows once one did not fit.

    Equal keys are equal records: the person id, the exam code's number
    (one per distinct code string, as the unique key compares them) and the
    day each have their own bits.
    """

    def __init__(self) -> None:
        self._keys: array[int] | None = array("q")
        self._code_numbers: dict[str, int] = {}

    def add(self, person_ids: Sequence[int], codes: Sequence[str], days: Sequence[date]) -> None:
        """Notes the keys of rows about to be inserted (in this order)."""
        keys = self._keys
        if keys is None:
            return
        numbers = self._code_numbers
        for code in set(codes).difference(numbers):
            numbers[code] = len(numbers)
        if len(numbers) > _CODES or len(keys) + len(codes) > ROWS_KEPT:
            self._keys = None
            return
        try:
            keys.extend(
                map(_packed, person_ids, map(numbers.__getitem__, codes), map(date.toordinal, days))
            )
        except OverflowError:  # a person id of more than 21 bits: SQLite finds the copies
            self._keys = None

    @property
    def rows(self) -> int | None:
        """How many rows were noted; None when the keys could not all be kept."""
        return None if self._keys is None else len(self._keys)

    def later_copies(self) -> list[int]:
        """The 0-based positions of rows equal to an earlier row, in order (empty when none).

        Equal keys leave the same remainder, so the keys are looked at in parts
        by their remainder: a set of Python integers takes about 100 bytes a
        key, and a part holds ``_KEYS_AT_ONCE`` keys or so.
        """
        keys = self._keys
        assert keys is not None, "later_copies needs every row's key"
        parts = max(1, -(-len(keys) // _KEYS_AT_ONCE))
        # Each key's part, worked out once (2 bytes a row) rather than once per part.
        parts_of = array("H", map(mod, keys, repeat(parts)) if parts > 1 else ())
        later: list[int] = []
        for part in range(parts):
            rows: Iterable[tuple[int, int]] = enumerate(keys)
            if parts > 1:
                rows = compress(rows, map(eq, parts_of, repeat(part)))
            seen: set[int] = set()
            for position, key in rows:
                if key in seen:
                    later.append(position)
                else:
                    seen.add(key)
        later.sort()
        return later

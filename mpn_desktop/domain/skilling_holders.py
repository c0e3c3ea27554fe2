"""The people a skilling metric counts on a day: a tuple of ``Holder`` made only when read.

An evaluation counts thousands of holders on the as-of day (every list of
every designation) and people read a few of those lists; making a ``Holder``
for each, in the order people are listed, was a third of the skilling side's
time and most of the objects the collector then walked. ``Holders`` keeps
who holds which certification as the dict the counting made, answers its
length and its certifications from it, and makes the ``Holder`` objects (in
order) on first reading.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, overload

from mpn_desktop.domain.facts import Person
from mpn_desktop.domain.people_rows import PeopleRows
from mpn_desktop.domain.tuple_stand_in import TupleStandIn


@dataclass(slots=True, unsafe_hash=True)
class Holder:
    """A person counted by a skilling metric, with the certification that counts.

    Not ``frozen`` (a frozen dataclass is built several times slower, and an
    evaluation builds thousands): it hashes and compares by value all the
    same; nothing may assign to it.
    """

    name: str
    mcp_id: str
    certification: str


MadeHolders = dict[str, dict[str, Holder]]
"""Each certification's ``Holder`` objects by MCP ID, kept to hand the same ones out again."""


class ListedOrder:
    """Each MCP ID's place in the order people are listed (name without case, then MCP ID),
    in that order, worked out when first asked: only reading a list's holders needs it.

    Holds the people, never what keeps the holders (an exam index keeping ``Holders`` that
    held the index back would be a reference cycle, freed only by the garbage collector)."""

    __slots__ = ("_people", "_rank")

    def __init__(self, people: Iterable[Person]) -> None:
        """``people``: MCP IDs given once (a person's name is then the same on every day)."""
        self._people = people
        self._rank: dict[str, int] | None = None

    def __call__(self) -> dict[str, int]:
        rank = self._rank
        if rank is None:
            # Read by column (as loaded: no Person made for each of them).
            who = PeopleRows.of(self._people).columns
            named = sorted(zip(map(str.casefold, who.name), who.mcp_id, strict=True))
            rank = self._rank = {mcp_id: place for place, (_, mcp_id) in enumerate(named)}
        return rank


class Holders(TupleStandIn[Holder]):
    """Distinct people holding a listed certification, each with the first one listed, in
    the order people are listed (name without case, then MCP ID): read as that tuple of
    ``Holder``, which it compares and hashes equal to (never changed)."""

    __slots__ = ("_certifications", "_hash", "_holding", "_made", "_names", "_ranked", "_rows")

    def __init__(
        self,
        holding: Mapping[str, str],
        names: Mapping[str, str],
        ranked: Callable[[], Mapping[str, int]] | None = None,
        made: MadeHolders | None = None,
        certifications: set[str] | None = None,
    ) -> None:
        """``holding``: MCP ID -> the certification that counts; ``names``: MCP ID -> name
        (holding every MCP ID of ``holding``); ``ranked``: gives each MCP ID's place in the
        order people are listed, in that order (asked when the holders are first read;
        None: sorted by name here); ``made``: where the
        ``Holder`` objects of a certification are kept (with a rank only: a person's name is
        then the same on every day); ``certifications``: those of ``holding``'s values where
        known already (else read from them when asked). None may change afterwards."""
        self._holding = holding
        self._names = names
        self._ranked = ranked
        self._made = made
        self._certifications = certifications
        self._rows: tuple[Holder, ...] | None = None
        self._hash: int | None = None

    def mcp_ids(self) -> frozenset[str]:
        """The holders' MCP IDs (no ``Holder`` made)."""
        return frozenset(self._holding)

    def certifications(self) -> set[str]:
        """The certifications that count for at least one holder (no ``Holder`` made)."""
        found = self._certifications
        if found is None:
            found = self._certifications = set(self._holding.values())
        return set(found)

    def rows(self) -> tuple[Holder, ...]:
        """The ``Holder`` objects in order (made once, then kept)."""
        rows = self._rows
        if rows is None:
            rows = self._rows = self._ordered()
        return rows

    def _ordered(self) -> tuple[Holder, ...]:
        holding, names = self._holding, self._names
        if self._ranked is None:
            ordered = sorted(holding, key=lambda mcp_id: (names[mcp_id].casefold(), mcp_id))
            return tuple(Holder(names[m], m, holding[m]) for m in ordered)
        rank = self._ranked()
        # In the order people are listed: the rank's own order (its keys) read through when
        # most people hold one, else the holders sorted by rank (the same order).
        ordered = (
            [mcp_id for mcp_id in rank if mcp_id in holding]
            if 4 * len(holding) > len(rank)
            else sorted(holding, key=rank.__getitem__)
        )
        made_by: dict[str, dict[str, Holder]] = {}
        made: list[Holder] = []
        for mcp_id in ordered:
            certification = holding[mcp_id]
            made_before = made_by.get(certification)
            if made_before is None:
                made_before = made_by[certification] = (
                    {} if self._made is None else self._made.setdefault(certification, {})
                )
            found = made_before.get(mcp_id)
            if found is None:
                found = made_before[mcp_id] = Holder(names[mcp_id], mcp_id, certification)
            made.append(found)
        return tuple(made)

    def __len__(self) -> int:
        return len(self._holding)

    @overload
    def __getitem__(self, index: int) -> Holder: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Holder, ...]: ...

    def __getitem__(self, index: int | slice) -> Holder | tuple[Holder, ...]:
        return self.rows()[index]

    def _same_kind_equal(self, other: Any) -> bool:
        if other._holding is self._holding and other._names is self._names:
            return True
        return super()._same_kind_equal(other)

    def __reduce__(self) -> tuple[object, tuple[tuple[Holder, ...]]]:
        # A copy or a pickle is the plain tuple (what the holders stand for).
        return tuple, (self.rows(),)


def certifications_of(holders: Sequence[Holder]) -> set[str]:
    """The certifications that count for the holders (``Holders`` answers without a
    ``Holder`` made)."""
    if isinstance(holders, Holders):
        return holders.certifications()
    return {holder.certification for holder in holders}


def mcp_ids_of(holders: Sequence[Holder]) -> frozenset[str]:
    """The holders' MCP IDs (``Holders`` answers without a ``Holder`` made)."""
    if isinstance(holders, Holders):
        return holders.mcp_ids()
    return frozenset(holder.mcp_id for holder in holders)

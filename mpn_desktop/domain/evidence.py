"""Evidence: one fact behind a requirement's figure, as sentences and as data.

The sentences (``subject``, ``detail``) are what a reader sees; the data beside
them (who, which subscription, which association, how much) is what views
use to link, group and sort, so that no view ever parses a sentence back.
Beside the evidence, a requirement that misses something names who could
give it (``Candidate``: the customers to ask for a reference), as data too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TypeVar, overload

from mpn_desktop.domain.enums import Association, Level, ReferenceStatus


@dataclass(frozen=True, slots=True)
class Evidence:
    """One fact behind a step's figure, as the checklist and the panel list it.

    ``subject`` names the thing ("sub-1 (Fabrikam)", "Ana Ruiz (MCP 1234567)"),
    ``detail`` what it contributes ("US$ 1,250.00 in 2017-12", "role A: MB2-714 + MB2-710"),
    ``amount`` its share of ``have`` when it has one, ``until`` the last day it counts.
    The fields after them hold what the sentences name, for views that link
    or group by them (the Exams tab's "counts for", the checklist's columns).
    """

    subject: str
    detail: str
    amount: Decimal | None = None
    until: date | None = None
    # What the sentences name, as data (None where it does not apply).
    mcp_id: str | None = None
    person: str | None = None
    role: str | None = None
    credentials: tuple[str, ...] = ()
    subscription: str | None = None
    customer: str | None = None
    association: Association | None = None
    status: ReferenceStatus | None = None
    level: Level | None = None
    on: date | None = None
    """The day the fact happened: a reference approved, a subscription started, a fee paid."""


class CandidateReason(Enum):
    """Why a customer is one who could give what a requirement misses (best reason first)."""

    EXPIRED = "expired"
    """Its reference counted once and no longer does: asking again is the easiest ask."""
    NO_REFERENCE = "no_reference"
    """It has subscriptions the requirement counts and has given no reference for it."""
    EXPIRING = "expiring"
    """Its reference counts today and stops before the next anniversary."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A customer who could give what a requirement misses (a reference), as data.

    ``customer`` is the customer's name, as the facts name customers;
    ``until`` the last day its reference counted or counts (None: it has none).
    A view fills a form in with it (the customer of a new reference).
    """

    customer: str
    reason: CandidateReason
    until: date | None = None


T = TypeVar("T")


class LazyTuple(Sequence[T]):
    """A tuple built when first read, then kept.

    An evaluation finds hundreds of facts behind its figures (every
    subscription, reference and counted person), and the status panel
    re-evaluates on every edit; they are put into words (or searched) only
    for the steps someone opens, prints or exports. Compares and hashes as
    the tuple it stands for.
    """

    __slots__ = ("_build", "_items")

    def __init__(self, build: Callable[[], Iterable[T]]) -> None:
        self._build: Callable[[], Iterable[T]] | None = build
        self._items: tuple[T, ...] | None = None

    def items(self) -> tuple[T, ...]:
        """All of the items, built now if they were not yet."""
        found = self._items
        if found is None:
            build = self._build
            if build is None:  # another thread built them meanwhile (set before cleared)
                found = self._items
                assert found is not None
                return found
            found = self._items = tuple(build())
            self._build = None  # lets go of the facts the builder held
        return found

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        return self.items()[index]

    def __len__(self) -> int:
        return len(self.items())

    def __iter__(self) -> Iterator[T]:
        return iter(self.items())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyTuple):
            return self.items() == other.items()
        if isinstance(other, tuple):
            return self.items() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.items())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.items()!r})"


class LazyEvidence(LazyTuple[Evidence]):
    """Evidence put into words when first read, then kept (see ``LazyTuple``)."""

    __slots__ = ()


class PeopleEvidence(LazyEvidence):
    """Evidence put into words when first read, whose people are known before that.

    A view that only asks who is counted (the Exams tab's "counts for", after every
    evaluation) reads ``mcp_ids()``: a large organisation's thousands of sentences are
    then never written.
    """

    __slots__ = ("_mcp_ids",)

    def __init__(
        self, build: Callable[[], Iterable[Evidence]], mcp_ids: Callable[[], frozenset[str]]
    ) -> None:
        """``mcp_ids`` gives the MCP IDs of the evidence's items that have one."""
        super().__init__(build)
        self._mcp_ids = mcp_ids

    def mcp_ids(self) -> frozenset[str]:
        """The MCP IDs the evidence names (none of it put into words)."""
        return self._mcp_ids()


def counted_mcp_ids(evidence: Sequence[Evidence]) -> frozenset[str]:
    """The MCP IDs of the people the evidence names: without writing it where it can."""
    if isinstance(evidence, PeopleEvidence):
        return evidence.mcp_ids()
    return frozenset(item.mcp_id for item in evidence if item.mcp_id is not None)

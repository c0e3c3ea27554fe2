"""The facts about one organisation that the rules are evaluated on (value dataclasses).

These mirror the ``export`` document of DESIGN.md. They are built by the store
(or by tests) and never changed: an edit builds a new ``Facts``.

The records that come by the thousand (subscriptions, usage months, people,
exam results, references) are not ``frozen``: a frozen dataclass sets each
field through ``object.__setattr__``, which made building them 3.5 times
slower and was most of the time the status panel spent loading facts. They
hash and compare by value all the same; nothing may assign to them. The two
largest kinds, usage months and exam results, the people, subscriptions,
customers and references are held by column (``UsageRows``, ``ExamRows``,
``PeopleRows``, ``SubscriptionRows``, ``CustomerRows``, ``ReferenceRows``:
``column_rows``) and made into
records only when someone reads them as records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from mpn_desktop.domain.column_rows import ColumnRows
from mpn_desktop.domain.customer_rows import EMPTY_CUSTOMERS, Customer, CustomerRows
from mpn_desktop.domain.enums import (
    Level,
    Market,
)
from mpn_desktop.domain.exam_rows import EMPTY_EXAMS, ExamResult, ExamRows
from mpn_desktop.domain.people_rows import EMPTY_PEOPLE, PeopleRows, Person
from mpn_desktop.domain.reference_rows import EMPTY_REFERENCES, Reference, ReferenceRows
from mpn_desktop.domain.subscription_rows import EMPTY_SUBSCRIPTIONS, Subscription, SubscriptionRows
from mpn_desktop.domain.usage_rows import EMPTY_USAGE, Usage, UsageRows


@dataclass(frozen=True, slots=True)
class Organization:
    """The partner organisation: its MPN ID, market and membership anniversary."""

    name: str
    mpn_id: str
    market: Market = Market.DEVELOPED
    anniversary: date | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """A competency the organisation aims for, at a level."""

    competency: str
    level: Level


@dataclass(frozen=True, slots=True)
class FeePayment:
    """A competency fee paid for the membership year starting on ``membership_year_start``."""

    membership_year_start: date
    level: Level
    amount_usd: Decimal
    paid_on: date | None = None


_T = TypeVar("_T")

__all__ = [
    "Customer",
    "CustomerRows",
    "ExamResult",
    "ExamRows",
    "Facts",
    "FeePayment",
    "Kept",
    "Organization",
    "PeopleRows",
    "Person",
    "Reference",
    "ReferenceRows",
    "Subscription",
    "SubscriptionRows",
    "Target",
    "Usage",
    "UsageRows",
]


class Kept:
    """Figures worked out from some of the facts' tuples, kept beside the facts for later use.

    Each figure is kept with the tuples it was worked out from and handed out
    only while the facts hold those very tuples (by identity): ``replace`` on
    ``Facts`` (a reload after an edit) shares this object, and a replaced
    tuple makes the figure be worked out again rather than read stale.
    """

    __slots__ = ("_kept",)

    def __init__(self) -> None:
        self._kept: dict[type, tuple[tuple[object, ...], object]] = {}

    def __contains__(self, kind: object) -> bool:
        """Whether a figure of that kind was worked out (from whichever tuples)."""
        return kind in self._kept

    def find(self, kind: type[_T], sources: tuple[object, ...]) -> _T | None:
        """The ``kind`` of figure if it was worked out from ``sources`` (else None)."""
        found = self._kept.get(kind)
        if found is None:
            return None
        kept_sources, value = found
        if (
            isinstance(value, kind)
            and len(kept_sources) == len(sources)
            and all(a is b for a, b in zip(kept_sources, sources, strict=True))
        ):
            return value
        return None

    def put(self, kind: type[_T], sources: tuple[object, ...], value: _T) -> None:
        """Keeps ``value`` as the ``kind`` of figure worked out from ``sources``."""
        self._kept[kind] = (sources, value)

    def get(self, kind: type[_T], sources: tuple[object, ...], make: Callable[[], _T]) -> _T:
        """The ``kind`` of figure worked out from ``sources`` (by ``make()`` the first time)."""
        found = self.find(kind, sources)
        if found is not None:
            return found
        value = make()
        self._kept[kind] = (sources, value)
        return value


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the rules engine knows about one organisation."""

    organization: Organization
    targets: tuple[Target, ...] = ()
    customers: CustomerRows = EMPTY_CUSTOMERS
    """Held by column (``CustomerRows``); a tuple of ``Customer`` given here is taken as such."""
    subscriptions: SubscriptionRows = EMPTY_SUBSCRIPTIONS
    """Held by column (``SubscriptionRows``); a tuple of ``Subscription`` given here is taken
    as such."""
    usage: UsageRows = EMPTY_USAGE
    """Held by column (``UsageRows``); a tuple of ``Usage`` given here is taken as such."""
    people: PeopleRows = EMPTY_PEOPLE
    """Held by column (``PeopleRows``); a tuple of ``Person`` given here is taken as such."""
    exams: ExamRows = EMPTY_EXAMS
    """Held by column (``ExamRows``); a tuple of ``ExamResult`` given here is taken as such."""
    references: ReferenceRows = EMPTY_REFERENCES
    """Held by column (``ReferenceRows``); a tuple of ``Reference`` given here is taken as such."""
    fee_payments: tuple[FeePayment, ...] = field(default=())
    designation_targets: tuple[str, ...] = ()
    """The Solutions Partner designations aimed for (their ids), beside the competency targets."""
    kept: Kept = field(default_factory=Kept, compare=False, repr=False)
    """Figures worked out from these facts once (usage added up per month), for every
    evaluation on them; not a fact: never compared, exported or loaded."""

    def __post_init__(self) -> None:
        # Tests and builders hand over tuples of records: the rules read columns.
        for name, rows in _HELD_BY_COLUMN:
            given = getattr(self, name)
            if not isinstance(given, rows):
                object.__setattr__(self, name, rows.of(given))


_HELD_BY_COLUMN: tuple[tuple[str, type[ColumnRows[Any, Any]]], ...] = (
    ("customers", CustomerRows),
    ("subscriptions", SubscriptionRows),
    ("usage", UsageRows),
    ("people", PeopleRows),
    ("exams", ExamRows),
    ("references", ReferenceRows),
)
"""The fields of ``Facts`` held by column, and the rows that hold each."""

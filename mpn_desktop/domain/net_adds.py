"""A net figure as a reader follows it: what counts now, what counted a year earlier, who
was lost.

Net customer adds (SOLUTIONS-PARTNER.md § 1.4) score the customers (Business Applications:
the workloads of a customer) that qualify now less those that qualified a year earlier, so
"34 of 3 customers" is a net figure, and the 141 customers listed under it read as a mistake
unless every view says how it comes about: "141 customers now - 107 a year earlier = net 34
(56 new, 22 lost)", and who was lost. As evidence each thing counted has its share of the
net figure as its ``amount``: +1 new since a year earlier, 0 counted in both years, -1 lost
(counted a year earlier only); the tree makes it, the checklist and the panel's tooltip word
it with the functions here, and the ``status`` text too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from mpn_desktop.domain.designation_results import MetricScore, PartScore
from mpn_desktop.domain.designations import Measure
from mpn_desktop.domain.evidence import Evidence
from mpn_desktop.domain.vocabulary import _, language
from mpn_desktop.domain.wording import figure, named_list, number, unit_of

NEW = Decimal(1)
"""A thing counted now and not a year earlier: it adds one to the net figure."""
KEPT = Decimal(0)
"""Counted now and a year earlier: it adds nothing."""
LOST = Decimal(-1)
"""Counted a year earlier and not now: it takes one off."""


def is_net(part: PartScore) -> bool:
    """Whether the part counts things now less a year earlier (net customer adds)."""
    return part.part.measure is Measure.TENANT_GROWTH


def net_evidence(part: PartScore) -> list[Evidence]:
    """The things the part counts now (new or kept), then those lost, each by name with its
    share of the net figure."""
    measured = part.measured
    before = frozenset(measured.before)
    now = measured.now
    counted_now = frozenset(now)
    return [
        *(
            Evidence(subject=name, detail=part.label, amount=KEPT if name in before else NEW)
            for name in now
        ),
        *(
            Evidence(subject=name, detail=part.label, amount=LOST)
            for name in measured.before
            if name not in counted_now
        ),
    ]


@dataclass(frozen=True, slots=True)
class NetCount:
    """How a net figure comes about: counted now, a year earlier, new since, and lost."""

    now: int
    before: int
    new: int

    @property
    def lost(self) -> int:
        """Counted a year earlier and not now."""
        return self.before - (self.now - self.new)

    @property
    def net(self) -> int:
        """Now less a year earlier: the part's value."""
        return self.now - self.before

    @classmethod
    def of_part(cls, part: PartScore) -> NetCount:
        """The part's counts, from its measured keys (no names made)."""
        measured = part.measured
        now, before = measured.now_keys, measured.before_keys
        return cls(len(now), len(before), len(now - before))

    @classmethod
    def of_evidence(cls, items: Sequence[Evidence]) -> NetCount:
        """The counts of ``net_evidence``'s items."""
        now = sum(1 for e in items if e.amount is not None and e.amount >= 0)
        new = sum(1 for e in items if e.amount == NEW)
        lost = sum(1 for e in items if e.amount == LOST)
        return cls(now, now - new + lost, new)


def is_net_evidence(items: Sequence[Evidence]) -> bool:
    """Whether the items are a net part's (``net_evidence``: each with its share)."""
    return bool(items) and all(e.amount is not None and e.mcp_id is None for e in items)


def net_sentences(metric: MetricScore) -> list[tuple[PartScore, str]]:
    """Each net part that counted anything now or a year earlier, and how its figure comes
    about ("141 customers now - 107 a year earlier = net 34 (56 new, 22 lost)"), its label
    first where the metric has several parts (Security's Azure and Microsoft 365 customers)."""
    net = [
        part
        for part in metric.parts
        if is_net(part) and (part.measured.now_keys or part.measured.before_keys)
    ]
    said = [(part, net_text(NetCount.of_part(part), part.unit)) for part in net]
    # Named by the metric's parts, not by those counted: Security's 35 customers are its
    # Microsoft 365 part's even when its Azure part counts nobody.
    if len(metric.parts) > 1:
        return [(part, f"{part.label}: {text}") for part, text in said]
    return said


def net_text(count: NetCount, unit: str) -> str:
    """ "141 customers now - 107 a year earlier = net 34 (56 new, 22 lost)"."""
    return _said(count, unit, language())


@lru_cache(maxsize=256)
def _said(count: NetCount, unit: str, chosen_language: str) -> str:
    # By the counts (and the language): the tree says it for each track of each designation
    # after every evaluation, and the three Azure areas' tracks share one part's counts
    # (~12 µs each: the large organisation's tree took 0.16-0.27 ms more said afresh each
    # time, 0.06-0.12 ms more kept).
    return _("{now} now - {before} a year earlier = net {net} ({new} new, {lost} lost)").format(
        now=figure(count.now, unit),
        before=number(count.before),
        net=number(count.net),
        new=number(count.new),
        lost=number(count.lost),
    )


def lost_names(items: Sequence[Evidence]) -> tuple[str, ...]:
    """The names of ``net_evidence``'s lost things, in its order (sorted)."""
    return tuple(e.subject for e in items if e.amount == LOST)


def now_text(names: Sequence[str], unit: str) -> str:
    """ "141 customers now: Customer 0001, ... and 131 more": counted, the first ten named."""
    return _counted(names, unit, _("{count} {what} now"))


def lost_text(names: Sequence[str], unit: str) -> str:
    """ "22 customers lost: Customer 0017, ... and 12 more" ("" when none was lost): counted,
    and the first ten named, as a long list is."""
    return _counted(names, unit, _("{count} {what} lost")) if names else ""


def _counted(names: Sequence[str], unit: str, heading: str) -> str:
    count = len(names)
    return named_list(names, heading.format(count=number(count), what=unit_of(count, unit)))

"""Measuring one part of a scored metric: tenant growth, usage growth, distinct services.

Every measure looks back from *last month* (the as-of day's previous calendar
month, the catalogue's reading ``last-month``) and compares with the same
month a year earlier, as SOLUTIONS-PARTNER.md § 1.4 gives it. The result keeps
the figures and the tenants or services behind them as data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from itertools import chain, count, repeat

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designations import Condition, Counted, Measure, Part, Quantity, Span
from mpn_desktop.domain.usage_figures import Key, UsageFigures
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.domain.wording import money, month_and_year, number

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Measured:
    """What a part measured: the value compared with its threshold, and what is behind it.

    The tenants behind a figure are kept as keys and named (sorted) only when
    read: an evaluation after every edit need not write hundreds of names.
    """

    value: Decimal
    now_keys: frozenset[Key] = frozenset()
    before_keys: frozenset[Key] = frozenset()
    services: Mapping[str, str] = field(default_factory=dict)
    """The name as written of each service of ``now_keys`` and ``before_keys``, by its
    case-folded key."""
    last: Decimal = _ZERO
    baseline: Decimal = _ZERO
    note: str = ""
    """Why the part scores nothing although there is usage (a gate not reached)."""
    short_of_minimum: Decimal = _ZERO
    """How much more the twelve months must total before the part scores (the gate more
    usage now lifts); 0 when nothing is short or the gate is one it cannot lift (the year-ago
    month's): the cheapest way prices the step on it (``cheapest_way``)."""

    @property
    def now(self) -> tuple[str, ...]:
        """The tenants (or services) that count in the latest period, by name."""
        return tuple(sorted(_readable(k, self.services) for k in self.now_keys))

    @property
    def before(self) -> tuple[str, ...]:
        """Those that counted a year earlier, by name."""
        return tuple(sorted(_readable(k, self.services) for k in self.before_keys))


def part_points(part: Part, measured: Measured, max_points: Fraction) -> Fraction:
    """``min(W, W * max(0, x) / T)``, W being the part's own maximum or else the metric's.

    Without a maximum of its own the part is not capped here: the metric caps the sum.
    """
    # W * x / T as one Fraction of integers (it reduces itself to the same Fraction): the
    # Fraction of a Decimal, then a product and a quotient of Fractions, each reduced on its
    # own, cost three constructions and their gcds for every part scored.
    numerator, denominator = max(_ZERO, measured.value).as_integer_ratio()
    threshold = part.threshold
    most = max_points if part.max_points is None else part.max_points
    points = Fraction(
        most.numerator * numerator * threshold.denominator,
        most.denominator * denominator * threshold.numerator,
    )
    return points if part.max_points is None else min(part.max_points, points)


_PART_KEYS: dict[int, tuple[Part, int]] = {}
"""Each part looked up (by identity, kept alive here so its id is not reused): its key."""
_PART_SERIALS: dict[Part, int] = {}
"""Each distinct part's key: equal parts written out in several metrics share one."""
_SERIALS = count()


def part_key(part: Part) -> int:
    """A key equal parts share, for the memos: found by the part's identity, so that a
    look-up does not hash the part field by field (Fractions, enums, conditions) each time.

    Keys are never handed out twice: after the bound below clears the tables, an equal
    part gets a new key (its memo entries are worked out again, never read stale)."""
    found = _PART_KEYS.get(id(part))
    if found is not None and found[0] is part:
        return found[1]
    if len(_PART_KEYS) >= 4096:  # parts made on the fly (promoted bands) come and go
        _PART_KEYS.clear()
        _PART_SERIALS.clear()
    key = _PART_SERIALS.get(part)
    if key is None:
        key = _PART_SERIALS[part] = next(_SERIALS)
    _PART_KEYS[id(part)] = (part, key)
    return key


def measure(part: Part, figures: UsageFigures, last: Month) -> Measured:
    """The part's value on the facts, ``last`` being the latest month counted.

    Designations share parts (the three Azure areas, both tracks of one area):
    each is measured once per evaluation.
    """
    key = ("measured", part_key(part), last)
    found = figures.memo.get(key)
    if isinstance(found, Measured):
        return found
    if part.measure is Measure.TENANT_GROWTH:
        measured = _tenant_growth(part, figures, last)
    elif part.measure is Measure.DISTINCT_SERVICES:
        measured = _distinct_services(part, figures, last)
    else:
        measured = _usage_growth(part, figures, last)
    figures.memo[key] = measured
    return measured


_BACK: dict[tuple[int, int], tuple[Month, ...]] = {}
"""The months counted back from a month, by (month, how many): calendar values alone, the
same for any facts (a part's conditions ask the same few windows many times)."""


def _back(month: Month, count: int) -> tuple[Month, ...]:
    """``month`` and the ``count - 1`` months before it, latest first."""
    found = _BACK.get((month, count))
    if found is None:
        if len(_BACK) >= 1024:  # a window moving over the years asks new months
            _BACK.clear()
        start = int(month)
        found = _BACK[(month, count)] = tuple(
            map(Month.from_index, range(start, start - count, -1))
        )
    return found


def _months(span: Span, month: Month) -> tuple[Month, ...]:
    return _back(month, 12) if span is Span.TWELVE_MONTHS else (month,)


def _qualifying(part: Part, figures: UsageFigures, month: Month) -> frozenset[Key]:
    """The tenants (or tenant-service pairs) that meet every condition of the part in a month."""
    key = ("qualifying", part_key(part), month)
    kept = figures.memo.get(key)
    if isinstance(kept, frozenset):
        return kept
    found: frozenset[Key] | None = None
    for condition in part.conditions:
        meeting = _meeting(part, condition, figures, month)
        found = meeting if found is None else found & meeting
    result = found if found is not None else frozenset()
    figures.memo[key] = result
    return result


def _qualifying_among(
    part: Part, figures: UsageFigures, month: Month, customers: Collection[str]
) -> frozenset[Key]:
    """Those of ``_qualifying``'s tenants that are ``customers``' (it may hold others): each
    condition tested on these customers' figures alone, not on every customer's. Parts
    counting tenant-service pairs, or with a condition per service, ask ``_qualifying``."""
    kept = figures.memo.get(("qualifying", part_key(part), month))
    if isinstance(kept, frozenset):
        return kept
    if (
        not part.conditions
        or part.counted is Counted.TENANT_SERVICES
        or any(c.per_service for c in part.conditions)
    ):
        # No condition: nobody qualifies, as ``_qualifying`` has it (not every customer asked).
        return _qualifying(part, figures, month)
    left = set(customers)
    for condition in part.conditions:
        looked_at = (
            (month, month.plus(-1)) if condition.span is Span.EITHER_OF_TWO_MONTHS else (month,)
        )
        low, high = condition.minimum, condition.maximum
        meeting: set[str] = set()
        for each in looked_at:
            values = figures.customer_quantities(
                part.scope, condition.quantity, _months(condition.span, each), left
            )
            for customer in left:
                value = values.get(customer)
                # ``within``'s bounds: at least the minimum, at most the maximum (if any).
                if value is not None and low <= value and (high is None or value <= high):
                    meeting.add(customer)
        left = meeting
    return frozenset((customer, "") for customer in left)


def _meeting(
    part: Part, condition: Condition, figures: UsageFigures, month: Month
) -> frozenset[Key]:
    """The keys meeting one condition of the part in a month (or either of two months): one
    set made of the keys found (a part of one condition hands it on as it is)."""
    per_service = condition.per_service or part.counted is Counted.TENANT_SERVICES
    looked_at = (month, month.plus(-1)) if condition.span is Span.EITHER_OF_TWO_MONTHS else (month,)
    tenants = part.counted is not Counted.TENANT_SERVICES
    bounds = (condition.minimum, condition.maximum)
    found = [
        figures.within(
            part.scope,
            _months(condition.span, each),
            per_service=per_service,
            quantity=condition.quantity,
            bounds=bounds,
            tenants=tenants,
        )
        for each in looked_at
    ]
    return frozenset(found[0] if len(found) == 1 else chain.from_iterable(found))


def _readable(key: Key, services: Mapping[str, str]) -> str:
    customer, service = key
    return f"{customer} ({services.get(service, service)})" if service else customer


def _tenant_growth(part: Part, figures: UsageFigures, last: Month) -> Measured:
    now: frozenset[Key] = _qualifying(part, figures, last)
    if part.exclude_met_at_association:
        year_ago = last.plus(-12)
        firsts = figures.first_months(part.scope)
        # Associated in the last twelve months and already meeting the conditions then:
        # each such month's conditions tested for the customers associated in it alone.
        starting: dict[Month, set[str]] = defaultdict(set)
        for key in now:
            start = firsts.get(key[0])
            if start is not None and start > year_ago:
                starting[start].add(key[0])
        then = {
            start: _qualifying_among(part, figures, start, customers)
            for start, customers in starting.items()
        }
        now = frozenset(
            key for key in now if not ((start := firsts.get(key[0])) in then and key in then[start])
        )
    before = _qualifying(part, figures, last.plus(-12))
    if part.stays_when_promoted:
        # Promoted above the band's maximum since a year ago: still eligible (MW26, SEC26).
        now |= before & _qualifying(_unbounded(part), figures, last)
    # Only tenant-service pairs name a service (tenants' keys have none).
    services = (
        {key[1] for key in now} | {key[1] for key in before}
        if part.counted is Counted.TENANT_SERVICES
        else set()
    )
    services.discard("")
    return Measured(
        value=Decimal(len(now) - len(before)),
        now_keys=now,
        before_keys=before,
        services={service: figures.service_name(service) for service in services},
        last=Decimal(len(now)),
        baseline=Decimal(len(before)),
    )


_UNBOUNDED: dict[int, tuple[Part, Part]] = {}


def _unbounded(part: Part) -> Part:
    """The part without its conditions' maximums (made once per part: one key for its memo)."""
    found = _UNBOUNDED.get(id(part))
    if found is None or found[0] is not part:
        if len(_UNBOUNDED) >= 256:
            _UNBOUNDED.clear()
        unbounded = replace(
            part, conditions=tuple(replace(c, maximum=None) for c in part.conditions)
        )
        found = _UNBOUNDED[id(part)] = (part, unbounded)
    return found[1]


def _distinct_services(part: Part, figures: UsageFigures, last: Month) -> Measured:
    services = figures.consumed_services(part.scope, _months(Span.TWELVE_MONTHS, last))
    named = frozenset((figures.service_name(s), "") for s in services)
    return Measured(value=Decimal(len(services)), now_keys=named, last=Decimal(len(services)))


def base_month_text(last: Month) -> str:
    """How the year-ago month is named in sentences."""
    return _("{month}, a year before {last},").format(
        month=month_and_year(last.plus(-12)), last=month_and_year(last)
    )


def _figure(value: Decimal, part: Part) -> str:
    quantity = part.quantity
    if quantity in (Quantity.CONSUMPTION_USD, Quantity.REVENUE_USD):
        return money(value)
    if quantity is Quantity.ACTIVE_USERS:
        return _("{count} active users").format(count=number(value))
    if quantity is Quantity.MCV:
        return _("a monthly consumption value of {amount}").format(amount=number(value))
    return number(value)


def _minimum(value: Decimal, part: Part) -> str:
    """A minimum after the figure it is compared with: its unit said once, by that figure
    ("reached a monthly consumption value of 0, under the 50,000 needed to score", where both
    said it: "reached 0 of monthly consumption value, under the 50,000 of monthly consumption
    value needed"); money keeps its "US$"."""
    if part.quantity in (Quantity.CONSUMPTION_USD, Quantity.REVENUE_USD):
        return money(value)
    return number(value)


def _growth_totals(
    part: Part, figures: UsageFigures, last: Month, span: int
) -> tuple[Decimal, Decimal, Decimal]:
    """Usage growth's figures: the latest period's total, the baseline's (the year-ago
    period's and the periods of the customers associated since) and the year-ago period's
    alone. Parts of one scope and quantity share them (the three Azure designations'
    growths, a part's bands): worked out once per evaluation's months."""
    key = ("growth totals", part.scope, part.quantity, span, last)
    kept = figures.memo.get(key)
    if isinstance(kept, tuple):
        return kept
    # Totals over every customer (no figure per customer needed).
    total_last = figures.total(part.scope, part.quantity, _back(last, span))
    # No credit for growth that existed before the association (MW23): a customer
    # associated during the year is compared with its usage in the month it was. The base
    # is every customer's, those with no usage last month too (lost: their usage then is
    # what the year grew from); none associated during the year has usage a year ago.
    by_base: dict[Month, list[str]] = defaultdict(list)
    year_ago = last.plus(-12)
    firsts = figures.first_months(part.scope)
    for customer, start in firsts.items():
        if year_ago < start <= last:
            by_base[start].append(customer)
    total_base = figures.total(part.scope, part.quantity, _back(year_ago, span))
    # The gate reads the MCV 12 months ago (BA23): the year-ago month's value alone, not the
    # baselines of customers associated since (the growth still counts them).
    year_ago_total = total_base
    for base_month, customers in by_base.items():
        # The few customers associated during the year: each one's own month only, their
        # figures alone (not every customer's in the month or twelve months). Its month is its
        # first in the scope: the earliest association of its subscriptions the scope counts,
        # and no usage counts before a subscription's association (``usage_figures``). So the
        # span's earlier months hold nothing of it and are not read: twelve months ending
        # there add up the same rows as that month alone (one figure, or a share of the users
        # and seats added up).
        base = figures.customer_quantities(
            part.scope, part.quantity, _back(base_month, 1), customers
        )
        total_base += sum(map(base.get, customers, repeat(_ZERO)), _ZERO)
    found = figures.memo[key] = (total_last, total_base, year_ago_total)
    return found


def _usage_growth(part: Part, figures: UsageFigures, last: Month) -> Measured:
    """Growth counted only from each customer's association (its baseline is its usage then)."""
    span = 12 if part.compare_twelve_months else 1
    total_last, total_base, year_ago_total = _growth_totals(part, figures, last, span)
    note = ""
    short = _ZERO
    if part.twelve_month_minimum is not None:
        twelve = figures.total(part.scope, part.quantity, _months(Span.TWELVE_MONTHS, last))
        if twelve < part.twelve_month_minimum:
            short = part.twelve_month_minimum - twelve
            note = _(
                "the twelve months ending {last} total {total}, under the {minimum} needed to score"
            ).format(
                last=month_and_year(last),
                total=_figure(twelve, part),
                minimum=_minimum(part.twelve_month_minimum, part),
            )
    if part.baseline_minimum is not None and year_ago_total < part.baseline_minimum:
        short = _ZERO
        note = _("{base} reached {total}, under the {minimum} needed to score").format(
            base=base_month_text(last),
            total=_figure(year_ago_total, part),
            minimum=_minimum(part.baseline_minimum, part),
        )
    if part.measure is Measure.USAGE_GROWTH_PERCENT:
        if total_base <= 0:
            value = _ZERO
            # Nothing to grow from says why more now cannot score (a customer won now is
            # its own baseline: growth 0), over the twelve months' minimum it would lift;
            # the year-ago gate's note (nothing short) stands.
            if short or not note:
                note = _(
                    "no usage to grow from: none a year before {last} nor in the month a"
                    " customer associated since was won, and one won now is compared with its"
                    " own month, so it brings no growth"
                ).format(last=month_and_year(last))
            short = _ZERO
        else:
            value = (total_last - total_base) * _HUNDRED / total_base
    else:
        value = total_last - total_base
    if note:
        value = min(value, _ZERO)
    return Measured(
        value=value, last=total_last, baseline=total_base, note=note, short_of_minimum=short
    )

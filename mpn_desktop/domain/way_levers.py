"""The levers of the cheapest way: what one more unit of a part of a metric (or one more
person) gives, each priced by its metric's own rule (SOLUTIONS-PARTNER.md § 1.2-1.7).

``designation_way`` takes them round by round and words the steps; a lever's figures are
integer pairs (``fraction_pairs``), as the rounds compare and add them for every open lever.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from mpn_desktop.domain.designation_results import MetricScore, PartScore
from mpn_desktop.domain.designation_skilling import fraction_sum
from mpn_desktop.domain.fraction_pairs import (
    ONE,
    ZERO,
    Pair,
    below,
    fraction_below,
    minus,
    pair,
    reduced,
)

_ONE = Fraction(1)


class Lever:
    """What one more unit of one part (or one more person) of a metric gives, as its rule
    gives it: nothing until a gate is passed (the lost customers back, the twelve months'
    minimum, a prerequisite step), then ``per`` points a unit up to the part's maximum.

    Its figures are integer pairs (``fraction_pairs.Pair``): the way prices every open lever
    every round, and a Fraction's arithmetic makes one with its gcd per step."""

    def __init__(
        self,
        metric: MetricScore,
        part: int,
        unit: str,
        *,
        start: Pair,
        per: Pair,
        cap: Pair,
        held: Pair,
        gate: Pair = ZERO,
        scale: Pair = ONE,
        opens: int = 0,
        option: MetricScore | None = None,
        whole: bool = True,
    ) -> None:
        self.metric = metric
        self.option = option or metric
        """The option (association type) whose part this is: the metric's own unless
        another option is cheaper (its points count only above the metric's)."""
        self.part = part
        """Which of the option's parts; -1: the metric's people (skilling)."""
        self.unit = unit
        self.start = start
        """The value (in the part's own units) before anything is added."""
        self.per = per
        """Points per unit of the part's value above zero."""
        self.cap = cap
        """The most points the part gives."""
        self.held = held
        """The points the part gives now."""
        self.gate = gate
        """Units to add before anything counts."""
        self.scale = scale
        """Part units one added unit gives (percentage points per US$ of consumption)."""
        self.opens = opens
        """People the short prerequisite steps need before the metric counts anyone."""
        self.whole = whole
        """Units are whole things (customers, people: rounded up), else amounts (percentage
        points, US$: exactly what the points need, as the missing sentence states them)."""
        self.taken = False
        self._scaled = scale != ONE
        self.units: Pair = ZERO
        """The units taken so far."""
        self.now = held
        """The points the part gives with the units taken so far."""
        self.room = minus(cap, held)
        """The points the part can still give (cap - now)."""
        self._priced: tuple[Pair, int, int, int, int] | None = None
        """The last ``wanted`` priced, its units and the points at them (numerators and
        denominators): the round's best lever is taken (``add``) for the very points its
        worth was worked out for."""

    def points_at(self, units: Pair) -> Pair:
        """``max(held, min(cap, per * max(0, start + scale * units)))`` (``held`` short of the
        gate)."""
        units_n, below = units
        gate_n, gate_d = self.gate
        if units_n * gate_d < gate_n * below:
            return self.held
        start_n, start_d = self.start
        if self._scaled:
            scale_n, scale_d = self.scale
            value_n = start_n * scale_d * below + scale_n * units_n * start_d
            value_d = start_d * scale_d * below
        else:
            value_n = start_n * below + units_n * start_d
            value_d = start_d * below
        if value_n <= 0:
            points_n, points_d = 0, 1
        else:
            per_n, per_d = self.per
            points_n, points_d = per_n * value_n, per_d * value_d
        cap_n, cap_d = self.cap
        if cap_n * points_d < points_n * cap_d:
            points_n, points_d = cap_n, cap_d
        held_n, held_d = self.held
        # Another option's part gives nothing until it passes the points the metric has.
        if points_n * held_d < held_n * points_d:
            return held_n, held_d
        return points_n, points_d

    def given(self) -> Pair:
        """The points added so far (beyond ``held``)."""
        return minus(self.now, self.held)

    def least(self) -> Pair:
        """The least worth naming for a metric at zero: one unit's points, at least 1."""
        (per_n, per_d), (scale_n, scale_d) = self.per, self.scale
        points = per_n * scale_n, per_d * scale_d
        return ONE if below(points, ONE) else points

    def units_for(self, wanted: Pair) -> Pair:
        """The fewest units that give ``wanted`` more points than now: ``(min(cap, now +
        wanted) / per - start) / scale`` (its ceiling for whole things), at least the units
        taken and the gate."""
        now_n, now_d = self.now
        wanted_n, wanted_d = wanted
        # now + wanted, then the smaller of it and cap (denominators are positive).
        goal_n = now_n * wanted_d + wanted_n * now_d
        goal_d = now_d * wanted_d
        cap_n, cap_d = self.cap
        if cap_n * goal_d < goal_n * cap_d:
            goal_n, goal_d = cap_n, cap_d
        (per_n, per_d), (start_n, start_d) = self.per, self.start
        # goal / per - start over one denominator (per's numerator may carry the sign).
        numerator = goal_n * per_d * start_d - start_n * goal_d * per_n
        denominator = goal_d * per_n * start_d
        if self._scaled:
            scale_n, scale_d = self.scale
            numerator *= scale_d
            denominator *= scale_n
        if self.whole:
            # -(-n // d) is the ceiling of n / d whatever the signs (// floors).
            found_n, found_d = -(-numerator // denominator), 1
        elif denominator < 0:
            found_n, found_d = -numerator, -denominator
        else:
            found_n, found_d = numerator, denominator
        # At least the units taken and the gate (the first of equals, as max gives it).
        for least_n, least_d in (self.gate, self.units):
            if found_n * least_d < least_n * found_d:
                found_n, found_d = least_n, least_d
        return found_n, found_d

    def _priced_at(self, wanted: Pair) -> tuple[int, int, int, int]:
        """``units_for(wanted)`` and the points at those units (kept for the same figures)."""
        found = self._priced
        if found is not None and found[0] == wanted:
            return found[1], found[2], found[3], found[4]
        units_n, units_d = self.units_for(wanted)
        points_n, points_d = self.points_at((units_n, units_d))
        self._priced = (wanted, units_n, units_d, points_n, points_d)
        return units_n, units_d, points_n, points_d

    def worth(self, wanted: Pair) -> Pair:
        """Points per unit the next ``wanted`` points cost (the steps' people count too):
        ``(points_at(target) - now) / max(target - units + opening, 1)``."""
        target_n, target_d, points_n, points_d = self._priced_at(wanted)
        (now_n, now_d), (units_n, units_d) = self.now, self.units
        opening = 0 if self.taken else self.opens
        cost_n = target_n * units_d - units_n * target_d + opening * target_d * units_d
        cost_d = target_d * units_d
        if cost_n < cost_d:
            cost_n = cost_d = 1
        return (points_n * now_d - now_n * points_d) * cost_d, points_d * now_d * cost_n

    def add(self, wanted: Pair) -> Pair:
        """Takes the units for ``wanted`` more points; the points they add."""
        units_n, units_d, points_n, points_d = self._priced_at(wanted)
        self._priced = None  # priced from the state before
        self.taken = True
        # Reduced: the next rounds start from them (their products would grow round by round).
        self.units = reduced((units_n, units_d))
        before, self.now = self.now, reduced((points_n, points_d))
        self.room = reduced(minus(self.cap, self.now))
        return minus(self.now, before)


def worth_most(priced: list[tuple[Lever, Pair]]) -> tuple[Lever, Pair]:
    """The lever (with the points it is asked for) whose worth is the most, the first of
    equals (as ``max`` gives it)."""
    best = priced[0]
    best_n, best_d = best[0].worth(best[1])
    for lever, wanted in priced[1:]:
        numerator, denominator = lever.worth(wanted)
        if numerator * best_d > best_n * denominator:
            best, best_n, best_d = (lever, wanted), numerator, denominator
    return best


def blocked_reason(metric: MetricScore) -> str:
    """Why nothing added now lifts the metric: the reason its missing sentence gives (the
    note of its first part whose gate more usage now cannot lift; '' when none has one)."""
    return next((p.measured.note for p in metric.parts if unliftable(p)), "")


def unliftable(part: PartScore) -> bool:
    """A gate more usage now cannot lift: a note with nothing short of a minimum (the year-ago
    month's gate, or no usage to grow from), or a percentage growth with no base to grow
    from whatever its note says; the way leaves its metric out and says why."""
    measured = part.measured
    if not measured.note:
        return False
    # Nothing short of a minimum: the gate is the year-ago month's, or there is no usage to
    # grow from. A growth in percent with no base stays gated even with its twelve months
    # short: ``part_lever`` prices it through the base (it would divide by zero).
    return measured.short_of_minimum <= 0 or (part.growth_in_percent and measured.baseline <= 0)


def raw_points(metric: MetricScore) -> Fraction:
    """The metric's points before its cap: its parts' added up (a metric without parts: its own)."""
    if metric.parts and metric.unit != "people":
        return fraction_sum(p.points for p in metric.parts)
    return metric.points


def levers_of(metric: MetricScore) -> list[Lever]:
    """What can be added to the metric, each part by its own rule (none: it is full)."""
    if not fraction_below(metric.points, metric.max_points):
        return []
    # Nobody needed on the final list: the short steps alone give the rest (their people).
    if metric.need <= 0 and not (metric.gated and metric.per_person and not metric.parts):
        return []
    if not metric.parts:
        # People: each adds ``per_person`` (or the maximum over the people needed).
        per = metric.per_person or metric.max_points / Fraction(metric.need)
        gated = metric.gated
        opens = (
            sum(max(0, need - have) for _names_, have, need, _met in metric.steps) if gated else 0
        )
        start = people_start(per, metric.have, metric.points, metric.opened_by_steps, gated)
        return [
            Lever(
                metric,
                -1,
                "people",
                start=pair(start),
                per=pair(per),
                cap=pair(metric.max_points),
                held=pair(metric.points),
                opens=opens,
            )
        ]
    found = (part_lever(metric, index) for index in range(len(metric.parts)))
    own = [lever for lever in found if lever is not None]
    options = metric.alternatives.scores if metric.alternatives is not None else ()
    if not options or len(own) > 1 or any(len(option.parts) != 1 for option in options):
        return own
    # Points for one association type only (SOLUTIONS-PARTNER.md § 1.2): each option priced
    # for the metric's full points, the one giving most a unit taken (the counting one on a
    # tie; another where the counting one has a gate nothing added now lifts).
    wanted = pair(metric.max_points - metric.points)
    best = own[0] if own else None
    for option in options:
        lever = part_lever(metric, 0, option) if option.option != metric.option else None
        if lever is not None and (
            best is None or worth_most([(best, wanted), (lever, wanted)])[0] is lever
        ):
            best = lever
    return [best] if best is not None else []


def people_start(
    per: Fraction, have: Decimal | int, points: Fraction, opened: Fraction, gated: bool
) -> Fraction:
    """Where a skilling metric's people lever starts, in people: ``per * (start + more)`` are
    its points with ``more`` people added to the final list (up to its maximum). With a
    prerequisite step short (``gated``) the final list's ``have`` people score nothing yet;
    once the step is met they count with those added, and the short steps' own points
    (``opened``) come too: ``points + opened + per * (have + more)``. Otherwise each person
    added gives ``per`` above the ``points`` held."""
    if gated:
        return Fraction(have) + (points + opened) / per
    return points / per


def people_gain(
    per: Fraction,
    have: Decimal | int,
    points: Fraction,
    opened: Fraction,
    *,
    most: Fraction,
    gated: bool,
    more: int,
) -> Fraction:
    """The points ``more`` people added to the final list give (the steps met first), up to
    ``most``: the people lever's (``people_start``), so that the metric's missing sentence
    says what the cheapest way says.

    ``min(most, per * (start + more)) - points`` with ``people_start``'s start put in: ``per *
    start`` is ``points`` (and, once the steps are met, ``opened`` and the final list's
    ``have`` people), so the gain is what those and ``more`` add, up to what the metric can
    still take (two Fraction operations fewer, and no division)."""
    added = per * (Fraction(have) + more) + opened if gated else per * more
    return min(most - points, added)


def part_lever(metric: MetricScore, index: int, option: MetricScore | None = None) -> Lever | None:
    """What can be added to one part of a usage metric, by its rule (None: nothing);
    ``option``: of another option than the one counting (its points above the metric's)."""
    part = (option or metric).parts[index]
    part_max = metric.max_points if part.max_points is None else part.max_points
    if not fraction_below(part.points, part_max) or part.need <= 0:
        return None
    # part_max / need as a pair, without a Fraction of the Decimal (need > 0: the denominator
    # is positive).
    need_n, need_d = part.need.as_integer_ratio()
    per = part_max.numerator * need_d, part_max.denominator * need_n
    measured = part.measured
    held = part.points if option is None else max(part.points, metric.points)
    if not measured.note:
        return Lever(
            metric,
            index,
            part.unit,
            start=part.have.as_integer_ratio(),
            per=per,
            cap=pair(part_max),
            held=pair(held),
            option=option,
            whole=not part.in_amounts,
        )
    if unliftable(part):
        return None
    base, last = Fraction(measured.baseline), Fraction(measured.last)
    # Decided by what the part measures, not by its unit's text.
    percent = part.growth_in_percent
    if percent:
        start, scale = (last - base) * 100 / base, 100 / base
    else:
        start, scale = last - base, _ONE
    return Lever(
        metric,
        index,
        "USD" if percent else part.unit,
        start=pair(start),
        per=per,
        cap=pair(part_max),
        held=pair(held),
        gate=measured.short_of_minimum.as_integer_ratio(),
        scale=pair(scale),
        option=option,
        whole=not part.in_amounts,
    )

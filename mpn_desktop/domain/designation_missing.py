"""What a designation still misses, in words: the missing list, the cheapest way to the
qualifying score (priced by each metric's own rule), and the "3 more customers" and
"+5 points" phrases its sentences and the scorer's share (points as shown: ``wording``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from fractions import Fraction

from mpn_desktop.domain.designation_results import (
    MetricScore,
    PartScore,
    TrackScore,
)
from mpn_desktop.domain.designation_skilling import (
    fraction_sum,
)
from mpn_desktop.domain.missing_lead import (
    Lead,
)
from mpn_desktop.domain.vocabulary import Nn_, _, ngettext, npgettext
from mpn_desktop.domain.wording import number, shown_points, unit_of

_ZERO = Fraction(0)
_ONE = Fraction(1)


def missing_with_leads(
    track: TrackScore, at: Fraction
) -> tuple[tuple[str, ...], tuple[Lead | None, ...]]:
    """The missing sentences (the metrics at zero first, each must score, then the others,
    largest gain first) and, for each, where it leads: a metric's sentence to that
    metric's form; the points still short to the metric that can give the most."""
    metrics = track.metrics
    zero = [m for m in metrics if m.points.numerator <= 0]
    rest = sorted(
        (m for m in metrics if m.points.numerator > 0 and m.points < m.max_points),
        key=lambda m: m.points - m.max_points,
    )
    sentences: list[str] = []
    leads: list[Lead | None] = []
    if track.score < at:
        leads.append(_most_to_give(track))
        short, decimals, score = _short_and_score(track.score, at)
        sentences.append(
            _("{more} to reach {target} (the score is {score})").format(
                more=more_text(short, "points", decimals=decimals),
                target=shown_points(at),
                score=score,
            )
        )
    # A metric's sentences are about it; the designation's list names the metric.
    for metric in (*zero, *rest):
        # At zero exactly when in ``zero`` (not ``in``: a record's == compares every field).
        said = metric.missing or (
            (_("scores nothing yet"),) if metric.points.numerator <= 0 else ()
        )
        sentences += [f"{metric.name}: {s}" for s in said]
        leads += [_lead_of(metric, index) for index in range(len(said))]
    return tuple(sentences), tuple(leads)


def _short_and_score(score: Fraction, at: Fraction) -> tuple[Decimal, int | None, str]:
    """The points still short of ``at``, the decimals to write them with, and the score,
    written so that they add up to it: a score of one decimal as it is shown elsewhere, the
    points short with as many ("7.5 more points (the score is 62.5)"), else both to two
    decimals, the score rounded down (the points short rounded up: they always reach
    ``at``). "7.04 more points (the score is 63)" read as 70.04."""
    target = Decimal(at.numerator) / Decimal(at.denominator)
    if (score * 10).denominator == 1:
        short = target - Decimal(score.numerator) / Decimal(score.denominator)
        return short, 0 if short == short.to_integral_value() else 1, shown_points(score)
    floored = Decimal(score.numerator * 100 // score.denominator) / 100
    return target - floored, None, number(floored, 2)


def _lead_of(metric: MetricScore, index: int) -> Lead | None:
    """Where the metric's ``index``-th missing sentence leads (its first lead for another)."""
    return metric.leads[index] if index < len(metric.leads) else metric.lead


def _most_to_give(track: TrackScore) -> Lead | None:
    """The lead of the metric with the most points still to give (the first of equals)."""
    open_metrics = [m for m in track.metrics if m.points < m.max_points and m.lead is not None]
    if not open_metrics:
        return None
    return max(open_metrics, key=lambda m: m.max_points - m.points).lead


@dataclass(slots=True, unsafe_hash=True)
class WayStep:
    """One step of the cheapest way: what to add for one metric (or one part of it), in the
    unit the step counts, and the points it gives; as data (the test applies it to the facts)."""

    metric: str
    part: int
    """Which of the metric's parts the step adds to; -1: the metric's people (skilling)."""
    units: Decimal
    unit: str
    """``unit`` of the part, or "USD" where consumption must first reach a minimum."""
    gain: Fraction
    text: str
    lead: Lead | None
    step_people: tuple[int, ...] = ()
    """Skilling: the people each short prerequisite step still needs (0 for a met one)."""
    option: int = 0
    """Which of the metric's options (association types) ``part`` is of."""
    level: Decimal | None = None
    """The percentage growth to reach, where the step says it so (customers won in the way
    lower the growth by what they bring); None: ``units`` more."""


@dataclass(slots=True, unsafe_hash=True)
class Way:
    """The steps of the cheapest way and whether they bring the track to qualifying."""

    steps: tuple[WayStep, ...]
    reaches: bool
    """The steps give at least the qualifying score with every metric above zero."""


def cheapest_way(
    track: TrackScore, at: Fraction
) -> tuple[tuple[str, ...], tuple[Lead | None, ...]]:
    """The sentences of ``cheapest_steps`` and, for each, where it leads (its metric's form)."""
    way = cheapest_steps(track, at)
    return tuple(step.text for step in way.steps), tuple(step.lead for step in way.steps)


def cheapest_steps(track: TrackScore, at: Fraction) -> Way:
    """A way to qualify: first the least that lifts each metric at zero above it, then the
    most points per unit added, each priced as its rule gives it (SOLUTIONS-PARTNER.md
    § 1.2-1.7), never more than the step would give.

    A part below zero (more customers lost than added) needs the lost ones back before a
    point comes; usage growth under its twelve-month minimum is priced in consumption that
    reaches the minimum; a gate more usage now cannot lift (the year-ago month's, or no usage
    to grow from) is said with its missing sentence's reason and its metric left out. A metric
    gated by a short prerequisite step (§ 1.7) is opened by that step's people first: the final
    list's holders already counted give their points then, and only people beyond them are
    "more"."""
    metrics = track.metrics
    levers = [lever for metric in metrics for lever in _levers(metric)]
    # A metric at zero that no lever lifts has a part whose gate nothing added now lifts (the
    # catalogue's thresholds and maximums are above zero, a short step has its people's lever):
    # said with that gate's reason. Any other would leave the way short of qualifying unsaid.
    blocked = [
        (m, reason)
        for m in metrics
        if m.points.numerator <= 0 and not any(lever.metric is m for lever in levers)
        for reason in (_blocked_reason(m),)
        if reason
    ]
    # Points as numerators over positive denominators (``_Pair``): the rounds compare and add
    # them for every open lever, exactly, without a Fraction (and its gcd) per operation.
    most = {m.id: _pair(m.max_points) for m in metrics}
    raw = {m.id: _pair(_raw_points(m)) for m in metrics}
    # The points each metric can still take, changed only when one of its levers is taken
    # (not worked out again for every lever of every round).
    left = {key: _minus(top, _least(top, raw[key])) for key, top in most.items()}
    score, goal = _pair(track.score), _pair(at)

    def take(lever: _Lever, wanted: _Pair) -> None:
        nonlocal score
        key = lever.metric.id
        top = most[key]
        before = _minus(top, left[key])
        raw[key] = _reduced(_plus(raw[key], lever._add(wanted)))
        after = _least(top, raw[key])
        left[key] = _minus(top, after)
        score = _reduced(_plus(score, _minus(after, before)))

    def room(lever: _Lever) -> _Pair:
        return _least(left[lever.metric.id], lever._room)

    for metric in metrics:
        if metric.points.numerator > 0:
            continue
        # Any progress lifts a metric above zero; one point is the least worth naming.
        own = [
            (lever, _least(space, _pair(lever.least())))
            for lever in levers
            if lever.metric is metric and (space := room(lever))[0] > 0
        ]
        if own:
            take(*_worth_most(own))
    while _below(score, goal):
        # Each lever's room and the points still short worked out once a round.
        short = _minus(goal, score)
        open_levers = [
            (lever, _least(space, short)) for lever in levers if (space := room(lever))[0] > 0
        ]
        if not open_levers:
            break
        take(*_worth_most(open_levers))
    steps = [
        WayStep(
            m.id,
            -1,
            Decimal(0),
            m.unit,
            _ZERO,
            f"{m.name}: "
            + _(
                "nothing added now lifts it above zero ({reason}), so the designation cannot"
                " qualify this month, even with the other steps"
            ).format(reason=reason),
            m.lead,
        )
        for m, reason in blocked
    ]
    # Customers won last month bring their usage into their own baseline (the reading
    # baseline-after-association), which lowers a percentage growth by what they bring, not
    # known here: with them in the way, a percentage growth step names the growth to reach.
    won = any(
        lever.taken and lever.metric.category == "performance" and lever.unit in _COUNTED_UNITS
        for lever in levers
    )
    for lever in levers:
        if lever.taken:
            steps.append(lever.step(won))
    qualifies = not blocked and all(_least(most[key], points)[0] > 0 for key, points in raw.items())
    return Way(tuple(steps), qualifies and not _below(score, goal))


_Pair = tuple[int, int]
"""A number as its numerator over a positive denominator (reduced only where kept across
rounds: ``_reduced``)."""


def _pair(value: Fraction) -> _Pair:
    return value.numerator, value.denominator


def _plus(a: _Pair, b: _Pair) -> _Pair:
    return a[0] * b[1] + b[0] * a[1], a[1] * b[1]


def _minus(a: _Pair, b: _Pair) -> _Pair:
    return a[0] * b[1] - b[0] * a[1], a[1] * b[1]


def _below(a: _Pair, b: _Pair) -> bool:
    return a[0] * b[1] < b[0] * a[1]


def _least(a: _Pair, b: _Pair) -> _Pair:
    """``min(a, b)``: ``a`` unless ``b`` is below it."""
    return b if _below(b, a) else a


def _decimal(a: _Pair) -> Decimal:
    """The number as a Decimal (exact for an amount of cents; else to Decimal's precision)."""
    return Decimal(a[0]) / Decimal(a[1])


def _reduced(a: _Pair) -> _Pair:
    # Kept small across the way's rounds (each sum multiplies the denominators).
    common = math.gcd(*a)
    return a[0] // common, a[1] // common


def _worth_most(priced: list[tuple[_Lever, _Pair]]) -> tuple[_Lever, _Pair]:
    """The lever (with the points it is asked for) whose worth is the most, the first of
    equals (as ``max`` gives it)."""
    best = priced[0]
    best_n, best_d = best[0]._worth(best[1])
    for lever, wanted in priced[1:]:
        numerator, denominator = lever._worth(wanted)
        if numerator * best_d > best_n * denominator:
            best, best_n, best_d = (lever, wanted), numerator, denominator
    return best


def _blocked_reason(metric: MetricScore) -> str:
    """Why nothing added now lifts the metric: the reason its missing sentence gives (the
    note of its first part whose gate more usage now cannot lift; '' when none has one)."""
    return next((p.measured.note for p in metric.parts if _unliftable(p)), "")


def _unliftable(part: PartScore) -> bool:
    """A gate more usage now cannot lift: a note with nothing short of a minimum (the year-ago
    month's gate, or no usage to grow from), or a percentage growth with no base to grow
    from whatever its note says; the way leaves its metric out and says why."""
    measured = part.measured
    if not measured.note:
        return False
    # Nothing short of a minimum: the gate is the year-ago month's, or there is no usage to
    # grow from. A growth in percent with no base stays gated even with its twelve months
    # short: ``_part_lever`` prices it through the base (it would divide by zero).
    return measured.short_of_minimum <= 0 or (part.growth_in_percent and measured.baseline <= 0)


def _raw_points(metric: MetricScore) -> Fraction:
    """The metric's points before its cap: its parts' added up (a metric without parts: its own)."""
    if metric.parts and metric.unit != "people":
        return fraction_sum(p.points for p in metric.parts)
    return metric.points


def part_to_full(metric: MetricScore, index: int) -> tuple[Decimal, Fraction] | None:
    """``part_short`` of the metric's part ``index``."""
    return part_short(metric.parts[index], metric.points, metric.max_points)


def part_short(
    part: PartScore, points: Fraction, max_points: Fraction
) -> tuple[Decimal, Fraction] | None:
    """What a part of a metric (``points`` of ``max_points``; the scoring asks before the
    metric's record is made) still needs for its full points, priced as the cheapest way
    prices it: the units to add (from its value, below zero too: customers lost come back
    first) and the points they add within what the metric can still take. None: nothing to
    add (the part is full, or a gate stops it: its note says which).

    The part's lever (``_part_lever``) worked out without one (no Fraction per part): a part
    with a note is gated (by a minimum the way prices, or by what nothing added now lifts),
    and one without is the lever ``start=have, per=part_max / need, cap=part_max,
    held=points``, whose points reach ``cap`` exactly at ``need``; so the units are ``need -
    have`` and they give the rest of the part's points. For amounts (percentage points, US$)
    the way takes that very remainder ("8.04 more percentage points" in both), for whole
    things its ceiling (the lever's ``units_for``); the points are the same
    (test_cheapest_way holds both to the lever)."""
    part_max = max_points if part.max_points is None else part.max_points
    if part.measured.note or part.points >= part_max or part.need <= 0:
        return None
    units = part.need - part.have
    if units <= 0:
        return None
    return units, min(max_points - points, part_max - part.points)


def _part_lead(metric: MetricScore, index: int) -> Lead | None:
    """Where the part's missing sentence leads: the scoring says one for each part that is
    gated or priced by ``part_to_full``, in order (``_Scorer._usage_missing``), so the same
    test counts them here."""
    said = sum(
        1
        for earlier, part in enumerate(metric.parts[:index])
        if part.measured.note or part_to_full(metric, earlier) is not None
    )
    return _lead_of(metric, said)


class _Lever:
    """What one more unit of one part (or one more person) of a metric gives, as its rule
    gives it: nothing until a gate is passed (the lost customers back, the twelve months'
    minimum, a prerequisite step), then ``per`` points a unit up to the part's maximum."""

    def __init__(
        self,
        metric: MetricScore,
        part: int,
        unit: str,
        *,
        start: Fraction,
        per: Fraction,
        cap: Fraction,
        held: Fraction,
        gate: Fraction = _ZERO,
        scale: Fraction = _ONE,
        opens: int = 0,
        option: MetricScore | None = None,
        whole: bool = True,
    ) -> None:
        self.metric = metric
        self.option = option or metric
        """The option (association type) whose part this is: the metric's own unless
        another option is cheaper (its points count only above the metric's)."""
        self.part = part
        self.unit = unit
        self.per = per
        """Points per unit of the part's value above zero."""
        self.cap = cap
        """The most points the part gives."""
        self.held = held
        """The points the part gives now."""
        self.scale = scale
        """Part units one added unit gives (percentage points per US$ of consumption)."""
        self.opens = opens
        """People the short prerequisite steps need before the metric counts anyone."""
        self.whole = whole
        """Units are whole things (customers, people: rounded up), else amounts (percentage
        points, US$: exactly what the points need, as the missing sentence states them)."""
        self.taken = False
        self._scaled = scale != 1
        # The figures as numerators over (positive) denominators: the way prices every open
        # lever every round, and a Fraction's arithmetic makes one with its gcd per step.
        self._start = (start.numerator, start.denominator)
        """The value (in the part's own units) before anything is added."""
        self._per = (per.numerator, per.denominator)
        self._cap = (cap.numerator, cap.denominator)
        self._held = (held.numerator, held.denominator)
        self._gate = (gate.numerator, gate.denominator)
        """Units to add before anything counts."""
        self._scale = (scale.numerator, scale.denominator)
        self._units: _Pair = (0, 1)
        """The units taken so far."""
        self._now = self._held
        """The points the part gives with the units taken so far."""
        self._room = _minus(self._cap, self._held)
        """The points the part can still give (cap - now)."""
        self._priced: tuple[_Pair, int, int, int, int] | None = None
        """The last ``wanted`` priced, its units and the points at them (numerators and
        denominators): the round's best lever is taken (``add``) for the very points its
        worth was worked out for."""

    @property
    def units(self) -> Fraction:
        """The units taken so far."""
        return Fraction(*self._units)

    @property
    def now(self) -> Fraction:
        """The points the part gives with the units taken so far."""
        return Fraction(*self._now)

    def points_at(self, units: Fraction) -> Fraction:
        numerator, denominator = self._points_at(units.numerator, units.denominator)
        return Fraction(numerator, denominator)

    def _points_at(self, units: int, below: int) -> tuple[int, int]:
        """``max(held, min(cap, per * max(0, start + scale * units)))`` for ``units / below``
        units (``held`` short of the gate), as a numerator over a positive denominator."""
        gate_n, gate_d = self._gate
        if units * gate_d < gate_n * below:
            return self._held
        start_n, start_d = self._start
        if self._scaled:
            scale_n, scale_d = self._scale
            value_n = start_n * scale_d * below + scale_n * units * start_d
            value_d = start_d * scale_d * below
        else:
            value_n = start_n * below + units * start_d
            value_d = start_d * below
        if value_n <= 0:
            points_n, points_d = 0, 1
        else:
            per_n, per_d = self._per
            points_n, points_d = per_n * value_n, per_d * value_d
        cap_n, cap_d = self._cap
        if cap_n * points_d < points_n * cap_d:
            points_n, points_d = cap_n, cap_d
        held_n, held_d = self._held
        # Another option's part gives nothing until it passes the points the metric has.
        if points_n * held_d < held_n * points_d:
            return held_n, held_d
        return points_n, points_d

    def given(self) -> Fraction:
        """The points added so far (beyond ``held``)."""
        return self.now - self.held

    def room(self) -> Fraction:
        """The points the part can still give."""
        return Fraction(*self._room)

    def least(self) -> Fraction:
        """The least worth naming for a metric at zero: one unit's points, at least 1."""
        return max(self.per * self.scale, _ONE)

    def units_for(self, wanted: Fraction) -> Fraction:
        """The fewest units that give ``wanted`` more points than now: ``(min(cap, now +
        wanted) / per - start) / scale`` (its ceiling for whole things), at least the units
        taken and the gate."""
        return Fraction(*self._units_for((wanted.numerator, wanted.denominator)))

    def _units_for(self, wanted: _Pair) -> _Pair:
        """``units_for`` of ``wanted`` points, both as a numerator over a positive denominator."""
        now_n, now_d = self._now
        wanted_n, wanted_d = wanted
        # now + wanted, then the smaller of it and cap (denominators are positive).
        goal_n = now_n * wanted_d + wanted_n * now_d
        goal_d = now_d * wanted_d
        cap_n, cap_d = self._cap
        if cap_n * goal_d < goal_n * cap_d:
            goal_n, goal_d = cap_n, cap_d
        (per_n, per_d), (start_n, start_d) = self._per, self._start
        # goal / per - start over one denominator (per's numerator may carry the sign).
        numerator = goal_n * per_d * start_d - start_n * goal_d * per_n
        denominator = goal_d * per_n * start_d
        if self._scaled:
            scale_n, scale_d = self._scale
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
        for least_n, least_d in (self._gate, self._units):
            if found_n * least_d < least_n * found_d:
                found_n, found_d = least_n, least_d
        return found_n, found_d

    def _priced_at(self, wanted: _Pair) -> tuple[int, int, int, int]:
        """``_units_for(wanted)`` and the points at those units (kept for the same figures)."""
        found = self._priced
        if found is not None and found[0] == wanted:
            return found[1], found[2], found[3], found[4]
        units_n, units_d = self._units_for(wanted)
        points_n, points_d = self._points_at(units_n, units_d)
        self._priced = (wanted, units_n, units_d, points_n, points_d)
        return units_n, units_d, points_n, points_d

    def worth(self, wanted: Fraction) -> Fraction:
        """Points per unit the next ``wanted`` points cost (the steps' people count too):
        ``(points_at(target) - now) / max(target - units + opening, 1)``."""
        return Fraction(*self._worth((wanted.numerator, wanted.denominator)))

    def _worth(self, wanted: _Pair) -> _Pair:
        """``worth`` as a numerator over a positive denominator."""
        target_n, target_d, points_n, points_d = self._priced_at(wanted)
        (now_n, now_d), (units_n, units_d) = self._now, self._units
        opening = 0 if self.taken else self.opens
        cost_n = target_n * units_d - units_n * target_d + opening * target_d * units_d
        cost_d = target_d * units_d
        if cost_n < cost_d:
            cost_n = cost_d = 1
        return (points_n * now_d - now_n * points_d) * cost_d, points_d * now_d * cost_n

    def add(self, wanted: Fraction) -> Fraction:
        """Takes the units for ``wanted`` more points; the points they add."""
        return Fraction(*self._add((wanted.numerator, wanted.denominator)))

    def _add(self, wanted: _Pair) -> _Pair:
        """``add`` as a numerator over a positive denominator."""
        units_n, units_d, points_n, points_d = self._priced_at(wanted)
        self._priced = None  # priced from the state before
        self.taken = True
        # Reduced: the next rounds start from them (their products would grow round by round).
        self._units = _reduced((units_n, units_d))
        before, self._now = self._now, _reduced((points_n, points_d))
        self._room = _reduced(_minus(self._cap, self._now))
        return _minus(self._now, before)

    def step(self, won: bool = False) -> WayStep:
        """The step of the units taken; ``won``: the way wins customers too (a percentage
        growth then says the level to reach, which holds whatever usage they bring)."""
        metric = self.metric
        gain = min(metric.max_points - metric.points, self.given())
        units = Decimal(int(self.units)) if self.whole else _decimal(self._units)
        if self.part < 0:
            text = _way_of(metric, units, gain)
            needed = tuple(max(0, need - have) for _names_, have, need, _met in metric.steps)
            return WayStep(
                metric.id, -1, units, "people", gain, f"{metric.name}: {text}", metric.lead, needed
            )
        option = self.option
        part = option.parts[self.part]
        if option is metric or metric.alternatives is None:
            lead = _part_lead(metric, self.part)
        else:
            lead = metric.alternatives.lead(option.option, self.part)
        level = None
        if won and part.growth_in_percent:
            # Rounded up to the cent of a percent: reaching it gives the points said.
            exact = self.now / self.per * 100
            level = Decimal(-(-exact.numerator // exact.denominator)) / 100
            words = (
                _(
                    "growth of {level} % over the same month a year earlier, and the twelve"
                    " months at the minimum needed to score, the customers won counted in"
                    " both (+{points})"
                )
                if self.unit != part.unit
                else _(
                    "growth of {level} % over the same month a year earlier, the customers"
                    " won counted in it (+{points})"
                )
            )
            text = words.format(level=number(level), points=points_text(gain))
        elif self.unit != part.unit:
            # Consumption first reaches the twelve months' minimum (the metric's missing
            # sentence names it); the growth it brings gives the points.
            text = _(
                "US$ {amount} more consumption in the last month, which brings the twelve"
                " months to the minimum needed to score (+{points})"
            ).format(amount=number(units), points=points_text(gain))
        elif part.label and (
            len(metric.parts) > 1 or part.unit in _COUNTED_UNITS or metric.alternatives is not None
        ):
            # Which customers (users, US$) the units are: those above the part's floor
            # (US$ 1,000 of consumption, 40 % of seats active), the services that count.
            text = _("{more} ({label}; +{points})").format(
                more=more_text(units, part.unit, labelled=True),
                label=part.label,
                points=points_text(gain),
            )
        else:
            text = _("{more} (+{points})").format(
                more=more_text(units, part.unit), points=points_text(gain)
            )
        return WayStep(
            metric.id,
            self.part,
            units,
            self.unit,
            gain,
            f"{metric.name}: {text}",
            lead,
            option=option.option,
            level=level,
        )


_COUNTED_UNITS = frozenset({"customers", "workloads", "services"})
"""Units a part counts only when each meets the part's conditions (its label says which)."""


def _levers(metric: MetricScore) -> list[_Lever]:
    """What can be added to the metric, each part by its own rule (none: it is full)."""
    if metric.points >= metric.max_points:
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
            _Lever(
                metric,
                -1,
                "people",
                start=start,
                per=per,
                cap=metric.max_points,
                held=metric.points,
                opens=opens,
            )
        ]
    levers = (_part_lever(metric, index) for index in range(len(metric.parts)))
    own = [lever for lever in levers if lever is not None]
    options = metric.alternatives.scores if metric.alternatives is not None else ()
    if not options or len(own) > 1 or any(len(option.parts) != 1 for option in options):
        return own
    # Points for one association type only (SOLUTIONS-PARTNER.md § 1.2): each option priced
    # for the metric's full points, the one giving most a unit taken (the counting one on a
    # tie; another where the counting one has a gate nothing added now lifts).
    wanted = metric.max_points - metric.points
    best = own[0] if own else None
    for option in options:
        lever = _part_lever(metric, 0, option) if option.option != metric.option else None
        if lever is not None and (best is None or lever.worth(wanted) > best.worth(wanted)):
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


def _part_lever(
    metric: MetricScore, index: int, option: MetricScore | None = None
) -> _Lever | None:
    """What can be added to one part of a usage metric, by its rule (None: nothing);
    ``option``: of another option than the one counting (its points above the metric's)."""
    part = (option or metric).parts[index]
    part_max = metric.max_points if part.max_points is None else part.max_points
    if part.points >= part_max or part.need <= 0:
        return None
    per = part_max / Fraction(part.need)
    measured = part.measured
    held = part.points if option is None else max(part.points, metric.points)
    if not measured.note:
        return _Lever(
            metric,
            index,
            part.unit,
            start=Fraction(part.have),
            per=per,
            cap=part_max,
            held=held,
            option=option,
            whole=not part.in_amounts,
        )
    if _unliftable(part):
        return None
    base, last = Fraction(measured.baseline), Fraction(measured.last)
    # Decided by what the part measures, not by its unit's text.
    percent = part.growth_in_percent
    if percent:
        start, scale = (last - base) * 100 / base, 100 / base
    else:
        start, scale = last - base, _ONE
    return _Lever(
        metric,
        index,
        "USD" if percent else part.unit,
        start=start,
        per=per,
        cap=part_max,
        held=held,
        gate=Fraction(measured.short_of_minimum),
        scale=scale,
        option=option,
        whole=not part.in_amounts,
    )


def _way_of(metric: MetricScore, units: Decimal, gain: Fraction) -> str:
    """One metric's part of the cheapest way: "2 more people (+8 points)"; for a metric a
    short step gates, that step's people first, then the final list's, then what it opens."""
    gain_text = points_text(gain)
    if not metric.gated:
        return _("{more} (+{points})").format(more=more_text(units, metric.unit), points=gain_text)
    first = _(" and ").join(
        ngettext(
            "{count} more person with {certifications} for step {step}",
            "{count} more people with {certifications} for step {step}",
            need - have,
        ).format(count=number(need - have), certifications=names, step=index)
        for index, (names, have, need, met) in enumerate(metric.steps, start=1)
        if not met
    )
    if units > 0:
        return _("{first}, then {more} on the final list (+{points})").format(
            first=first, more=more_text(units, metric.unit), points=gain_text
        )
    held = int(metric.have)
    if not held:
        # Nobody on the final list yet: what meeting the step opens is its own points (an SMB
        # track's, 4 a step), not people "already on the final list".
        return _("{more} (+{points})").format(more=first, points=gain_text)
    return ngettext(
        "{first}, which counts the {count} person already on the final list (+{points})",
        "{first}, which counts the {count} people already on the final list (+{points})",
        held,
    ).format(first=first, count=number(held), points=gain_text)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def more_text(
    value: Decimal, unit: str, labelled: bool = False, decimals: int | None = None
) -> str:
    """ "3 more customers", "US$ 1,250 more", "5 more percentage points of growth".

    ``labelled``: the catalogue's label of what grows follows in brackets, so
    German leaves out its "Wachstum" ("5 weitere Prozentpunkte (Wachstum des ...)").
    ``decimals``: as many as the figure beside it has (else cents only when there are any).
    The figure is rounded up to them: what is still needed, stated, must be enough (1.5649
    more percentage points read "1.56" and fell just short of the points promised).
    """
    if decimals is None:
        decimals = 0 if value == value.to_integral_value() else 2
    count = number(value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_CEILING), decimals)
    if unit == "USD":
        return _("US$ {amount} more").format(amount=count)
    if unit == "percent" and labelled:
        return npgettext(
            "before what grows",
            "{count} more percentage point of growth",
            "{count} more percentage points of growth",
            value,
        ).format(count=count)
    words = _MORE_OF_UNIT.get(unit)
    if words:
        return ngettext(*words, value).format(count=count)
    # A unit the catalogue adds later: its words from wording's unit tables ("1 more seat").
    return _("{count} more {unit}").format(count=count, unit=unit_of(value, unit))


_MORE_OF_UNIT = {
    "percent": Nn_(
        "{count} more percentage point of growth", "{count} more percentage points of growth"
    ),
    "customers": Nn_("{count} more customer", "{count} more customers"),
    "users": Nn_("{count} more user", "{count} more users"),
    "services": Nn_("{count} more service", "{count} more services"),
    "workloads": Nn_("{count} more workload", "{count} more workloads"),
    "points": Nn_("{count} more point", "{count} more points"),
    "people": Nn_("{count} more person", "{count} more people"),
}
"""The "{count} more ..." message of each unit the catalogues use (German: "1 weiterer Kunde")."""


def points_text(value: Fraction) -> str:
    text = shown_points(value)
    # "1 point" only for a figure that reads exactly 1 ("0.5 points", "1.5 points").
    return ngettext("{points} point", "{points} points", 1 if text == "1" else 2).format(
        points=text
    )

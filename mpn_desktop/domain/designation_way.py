"""The cheapest way to the qualifying score: the steps, each priced by its metric's own rule
(``way_levers``), and their sentences ("2 more people (+8 points)")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from mpn_desktop.domain.designation_missing import more_text, part_lead, points_text
from mpn_desktop.domain.designation_results import MetricScore, TrackScore
from mpn_desktop.domain.fraction_pairs import (
    Pair,
    as_decimal,
    below,
    least,
    minus,
    pair,
    plus,
    reduced,
)
from mpn_desktop.domain.missing_lead import Lead
from mpn_desktop.domain.vocabulary import _, ngettext
from mpn_desktop.domain.way_levers import (
    Lever,
    blocked_reason,
    levers_of,
    raw_points,
    worth_most,
)
from mpn_desktop.domain.wording import number

_ZERO = Fraction(0)

COUNTED_UNITS = frozenset({"customers", "workloads", "services"})
"""Units a part counts only when each meets the part's conditions (its label says which)."""


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


@dataclass(frozen=True, slots=True)
class WayLine:
    """One step of the cheapest way as a line of its own: the heading's template with its
    fields ("Cheapest way to {score} ({number} of {count}): {step}") and the step."""

    template: str
    fields: dict[str, str]
    step: str

    @property
    def text(self) -> str:
        """The line written out: "Cheapest way to 70 (1 of 3): Advanced certifications: ..."."""
        return self.template.format(step=self.step, **self.fields)


def way_lines(steps: Sequence[str], one: str, several: str, **fields: str) -> list[WayLine]:
    """Each step on a line of its own: under ``one`` ("...: {step}") for a single step,
    numbered under ``several`` ("... ({number} of {count}): {step}") for more. Several steps
    under one heading each read as several ways; joined on one line ("; ") they ran into
    the steps' own semicolons ("(...; +30 points); Intermediate certifications: ...")."""
    if len(steps) == 1:
        return [WayLine(one, fields, steps[0])]
    count = number(len(steps))
    return [
        WayLine(several, {**fields, "number": number(place), "count": count}, step)
        for place, step in enumerate(steps, start=1)
    ]


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
    levers = [lever for metric in metrics for lever in levers_of(metric)]
    # A metric at zero that no lever lifts has a part whose gate nothing added now lifts (the
    # catalogue's thresholds and maximums are above zero, a short step has its people's lever):
    # said with that gate's reason. Any other would leave the way short of qualifying unsaid.
    blocked = [
        (m, reason)
        for m in metrics
        if m.points.numerator <= 0 and not any(lever.metric is m for lever in levers)
        for reason in (blocked_reason(m),)
        if reason
    ]
    # Points as numerators over positive denominators (``fraction_pairs``): the rounds compare
    # and add them for every open lever, exactly, without a Fraction (and its gcd) per operation.
    most = {m.id: pair(m.max_points) for m in metrics}
    raw = {m.id: pair(raw_points(m)) for m in metrics}
    # The points each metric can still take, changed only when one of its levers is taken
    # (not worked out again for every lever of every round).
    left = {key: minus(top, least(top, raw[key])) for key, top in most.items()}
    score, goal = pair(track.score), pair(at)

    def take(lever: Lever, wanted: Pair) -> None:
        nonlocal score
        key = lever.metric.id
        top = most[key]
        before = minus(top, left[key])
        raw[key] = reduced(plus(raw[key], lever.add(wanted)))
        after = least(top, raw[key])
        left[key] = minus(top, after)
        score = reduced(plus(score, minus(after, before)))

    def room(lever: Lever) -> Pair:
        return least(left[lever.metric.id], lever.room)

    for metric in metrics:
        if metric.points.numerator > 0:
            continue
        # Any progress lifts a metric above zero; one point is the least worth naming.
        own = [
            (lever, least(space, lever.least()))
            for lever in levers
            if lever.metric is metric and (space := room(lever))[0] > 0
        ]
        if own:
            take(*worth_most(own))
    while below(score, goal):
        # Each lever's room and the points still short worked out once a round.
        short = minus(goal, score)
        open_levers = [
            (lever, least(space, short)) for lever in levers if (space := room(lever))[0] > 0
        ]
        if not open_levers:
            break
        take(*worth_most(open_levers))
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
        lever.taken and lever.metric.category == "performance" and lever.unit in COUNTED_UNITS
        for lever in levers
    )
    for lever in levers:
        if lever.taken:
            steps.append(_step(lever, won))
    qualifies = not blocked and all(least(most[key], points)[0] > 0 for key, points in raw.items())
    return Way(tuple(steps), qualifies and not below(score, goal))


def _step(lever: Lever, won: bool) -> WayStep:
    """The step of the lever's units taken; ``won``: the way wins customers too (a percentage
    growth then says the level to reach, which holds whatever usage they bring)."""
    metric = lever.metric
    gain = min(metric.max_points - metric.points, Fraction(*lever.given()))
    units = Decimal(int(Fraction(*lever.units))) if lever.whole else as_decimal(lever.units)
    if lever.part < 0:
        text = _way_of(metric, units, gain)
        needed = tuple(max(0, need - have) for _names_, have, need, _met in metric.steps)
        return WayStep(
            metric.id, -1, units, "people", gain, f"{metric.name}: {text}", metric.lead, needed
        )
    option = lever.option
    part = option.parts[lever.part]
    if option is metric or metric.alternatives is None:
        lead = part_lead(metric, lever.part)
    else:
        lead = metric.alternatives.lead(option.option, lever.part)
    level = None
    if won and part.growth_in_percent:
        # Rounded up to the cent of a percent: reaching it gives the points said.
        exact = Fraction(*lever.now) / Fraction(*lever.per) * 100
        level = Decimal(-(-exact.numerator // exact.denominator)) / 100
        words = (
            _(
                "growth of {level} % over the same month a year earlier, and the twelve"
                " months at the minimum needed to score, the customers won counted in"
                " both (+{points})"
            )
            if lever.unit != part.unit
            else _(
                "growth of {level} % over the same month a year earlier, the customers"
                " won counted in it (+{points})"
            )
        )
        text = words.format(level=number(level), points=points_text(gain))
    elif lever.unit != part.unit:
        # Consumption first reaches the twelve months' minimum (the metric's missing
        # sentence names it); the growth it brings gives the points.
        text = _(
            "US$ {amount} more consumption in the last month, which brings the twelve"
            " months to the minimum needed to score (+{points})"
        ).format(amount=number(units), points=points_text(gain))
    elif part.label and (
        len(metric.parts) > 1 or part.unit in COUNTED_UNITS or metric.alternatives is not None
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
        lever.part,
        units,
        lever.unit,
        gain,
        f"{metric.name}: {text}",
        lead,
        option=option.option,
        level=level,
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

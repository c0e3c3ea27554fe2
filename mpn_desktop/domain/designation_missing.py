"""What a designation still misses, in words: the missing list, what a part still needs
for its full points, and the "3 more customers" and "+5 points" phrases its sentences, the
scorer's and the cheapest way's (``designation_way``) share (points as shown: ``wording``).
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal
from fractions import Fraction

from mpn_desktop.domain.designation_results import MetricScore, PartScore, TrackScore
from mpn_desktop.domain.fraction_pairs import fraction_below, scaled_gaps
from mpn_desktop.domain.missing_lead import Lead
from mpn_desktop.domain.vocabulary import Nn_, _, ngettext, npgettext
from mpn_desktop.domain.wording import Figures, number, shown_points, unit_of


def missing_with_leads(
    track: TrackScore, at: Fraction
) -> tuple[tuple[str, ...], tuple[Lead | None, ...]]:
    """The missing sentences (the metrics at zero first, each must score, then the others,
    largest gain first) and, for each, where it leads: a metric's sentence to that
    metric's form; the points still short to the metric that can give the most."""
    metrics = track.metrics
    zero = [m for m in metrics if m.points.numerator <= 0]
    partial = [
        m for m in metrics if m.points.numerator > 0 and fraction_below(m.points, m.max_points)
    ]
    # By points - max_points, the largest gain first (a stable sort: equals in their order).
    gaps = scaled_gaps([(m.points, m.max_points) for m in partial])
    rest = [partial[index] for index in sorted(range(len(partial)), key=gaps.__getitem__)]
    sentences: list[str] = []
    leads: list[Lead | None] = []
    if fraction_below(track.score, at):
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
    open_metrics = [
        m for m in track.metrics if fraction_below(m.points, m.max_points) and m.lead is not None
    ]
    if not open_metrics:
        return None
    gaps = scaled_gaps([(m.max_points, m.points) for m in open_metrics])
    return open_metrics[max(range(len(open_metrics)), key=gaps.__getitem__)].lead


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

    The part's lever (``way_levers.part_lever``) worked out without one (no Fraction per
    part): a part with a note is gated (by a minimum the way prices, or by what nothing added
    now lifts), and one without is the lever ``start=have, per=part_max / need, cap=part_max,
    held=points``, whose points reach ``cap`` exactly at ``need``; so the units are ``need -
    have`` and they give the rest of the part's points. For amounts (percentage points, US$)
    the way takes that very remainder ("8.04 more percentage points" in both), for whole
    things its ceiling (the lever's ``units_for``); the points are the same
    (test_cheapest_way holds both to the lever).

    Where the metric can take less than the part's rest (its other parts hold points: Security's
    Azure and Microsoft 365 customers add up), the units are those that give what it can
    take, ``units_for(gain)``: "5 more customers would add 16 points" where 4 give them."""
    part_max = max_points if part.max_points is None else part.max_points
    if part.measured.note or not fraction_below(part.points, part_max) or part.need <= 0:
        return None
    units = part.need - part.have
    if units <= 0:
        return None
    rest = part_max - part.points
    gain = min(max_points - points, rest)
    if 0 < gain < rest:  # (a metric at its maximum says nothing: its gain is 0)
        # (points + gain) / per - have, per = part_max / need.
        exact = (part.points + gain) * Fraction(part.need) / part_max - Fraction(part.have)
        if part.in_amounts:
            units = Decimal(exact.numerator) / Decimal(exact.denominator)
        else:
            units = Decimal(-(-exact.numerator // exact.denominator))
    return units, gain


def part_lead(metric: MetricScore, index: int) -> Lead | None:
    """Where the part's missing sentence leads: the scoring says one for each part that is
    gated or priced by ``part_to_full``, in order (``_Scorer._usage_missing``), so the same
    test counts them here."""
    said = sum(
        1
        for earlier, part in enumerate(metric.parts[:index])
        if part.measured.note or part_to_full(metric, earlier) is not None
    )
    return _lead_of(metric, said)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


_QUANTA = (Decimal(1), Decimal("0.1"), Decimal("0.01"))
"""``Decimal(1).scaleb(-decimals)`` of the decimals figures are written with."""


def more_text(
    value: Decimal, unit: str, labelled: bool = False, decimals: int | None = None
) -> str:
    """ "3 more customers", "US$ 1,250 more", "5 more percentage points of growth".

    ``labelled``: the catalogue's label of what grows follows in brackets, so the
    growth is not said twice ("5 more percentage points (growth of Azure consumed
    revenue ...)", "5 weitere Prozentpunkte (Wachstum des ...)").
    ``decimals``: as many as the figure beside it has (else cents only when there are any).
    The figure is rounded up to them: what is still needed, stated, must be enough (1.5649
    more percentage points read "1.56" and fell just short of the points promised).
    """
    if decimals is None:
        decimals = 0 if value == value.to_integral_value() else 2
    quantum = _QUANTA[decimals] if decimals < len(_QUANTA) else Decimal(1).scaleb(-decimals)
    count = number(value.quantize(quantum, rounding=ROUND_CEILING), decimals)
    if unit == "USD":
        return _("US$ {amount} more").format(amount=count)
    if unit == "percent" and labelled:
        return npgettext(
            "before what grows",
            "{count} more percentage point",
            "{count} more percentage points",
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


def points_text(value: Fraction, figures: Figures | None = None) -> str:
    """ "4 points", "1 point", "6.7 points" (``figures``: the window's locale's separators)."""
    text = shown_points(value, figures)
    # "1 point" only for a figure that reads exactly 1 ("0.5 points", "1.5 points").
    return ngettext("{points} point", "{points} points", 1 if text == "1" else 2).format(
        points=text
    )

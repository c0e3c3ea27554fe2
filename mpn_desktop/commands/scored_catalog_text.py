"""``catalog`` of a Solutions Partner catalogue as text: every designation's metrics first,
with what earns their points and the certifications (their exams and dates) one a line, then
the qualification windows, the readings the tracker takes, and the sources.

What the window's Help > Requirements shows, as lines a terminal wraps under their own text.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from mpn_desktop.commands.text_lines import TextLine, labelled
from mpn_desktop.domain.catalog import Source
from mpn_desktop.domain.certification_words import certification_said
from mpn_desktop.domain.designations import (
    Listed,
    Metric,
    ScoredCatalog,
    Skilling,
    track_name,
    track_title,
)
from mpn_desktop.domain.vocabulary import _, ngettext
from mpn_desktop.domain.wording import (
    day,
    money,
    number,
    or_list,
    rounded_points,
    shown_points,
    source_text,
    unit_after_of,
)


def scored_catalog_lines(catalog: ScoredCatalog, notes: tuple[str, ...]) -> list[str | TextLine]:
    """The whole catalogue, ``notes`` (why it was chosen for the day) before its own."""
    until = day(catalog.effective_until) if catalog.effective_until else _("today")
    lines: list[str | TextLine] = [
        _("{name} {version} (in force {since} to {until})").format(
            name=catalog.name,
            version=catalog.version,
            since=day(catalog.effective_from),
            until=until,
        ),
        _("A designation qualifies at {points} of 100 points, every metric above zero.").format(
            points=shown_points(catalog.qualifies_at)
        ),
    ]
    if catalog.fee_usd is not None:
        lines.append(
            _("Fee: US$ {amount} a year, one fee however many designations.").format(
                amount=number(catalog.fee_usd)
            )
        )
    lines += [labelled("", _("Note: {note}"), "note", n) for n in (*notes, *catalog.notes)]
    for designation in catalog.designations:
        lines += ["", f"{designation.name} [{designation.id}]"]
        if designation.note:
            lines.append(labelled("  ", _("note: {note}"), "note", designation.note))
        for track in designation.tracks:
            if track.id:
                title = track_title(track_name(track.id))
                lines.append("  " + _("{track} track").format(track=title))
            for metric in track.metrics:
                lines += _metric_lines(catalog, metric)
    if catalog.windows:
        lines.append("")
        lines += [
            labelled(
                "",
                _("Qualification window from {day}: {rule}"),
                "rule",
                w.text,
                day=day(w.effective_from),
            )
            for w in catalog.windows
        ]
    if catalog.readings:
        lines.append("")
        lines += [
            labelled("", _("Reading: {reading}"), "reading", r.text) for r in catalog.readings
        ]
    return [*lines, *source_lines(catalog.sources)]


def source_lines(sources: tuple[Source, ...]) -> list[str | TextLine]:
    """ "Sources:" and each source with its id and address (none: no lines)."""
    if not sources:
        return []
    lines: list[str | TextLine] = ["", _("Sources:")]
    for source in sources:
        url = f" <{source.url}>" if source.url else ""
        lines.append(
            labelled("  ", "{id}: {source}", "source", source_text(source) + url, id=source.id)
        )
    return lines


def _metric_lines(catalog: ScoredCatalog, metric: Metric) -> list[str | TextLine]:
    lines: list[str | TextLine] = [
        "    "
        + _("{category}: {metric}, up to {points} points").format(
            category=catalog.category_name(metric.category),
            metric=metric.name,
            points=shown_points(metric.max_points),
        )
    ]
    for option in metric.options:
        for part in option:
            amount = _threshold(part.threshold, part.unit)
            said = (
                _("{figure} for full points: {label}")
                if part.max_points is None
                else _("{figure} for {points} points: {label}")
            )
            lines.append(
                labelled(
                    "      ",
                    said,
                    "label",
                    part.label,
                    figure=amount,
                    points=shown_points(part.max_points or Fraction(0)),
                )
            )
    if metric.skilling is not None:
        lines += _skilling_lines(catalog, metric.skilling)
    if metric.note:
        lines.append(labelled("      ", _("note: {note}"), "note", metric.note))
    return lines


def _skilling_lines(catalog: ScoredCatalog, rule: Skilling) -> list[str | TextLine]:
    lines: list[str | TextLine] = []
    for position, step in enumerate(rule.prerequisites, 1):
        names = or_list([_certification(catalog, e) for e in step.certifications])
        said = ngettext(
            "step {number}: {count} person with {names}",
            "step {number}: {count} people with {names}",
            step.minimum_people,
        ).format(number=position, count=number(step.minimum_people), names=names)
        if step.points:
            said += _(", worth {points} points").format(points=shown_points(step.points))
        for start, people in step.minimum_from:
            said += _("; {count} people from {day}").format(count=number(people), day=day(start))
        lines.append(TextLine("      " + said, 8))
    points = rule.points_per_person
    lines.append(
        "      "
        + ngettext(
            "{points} point per person with any of:",
            "{points} points per person with any of:",
            1 if points == 1 else 2,
        ).format(points=shown_points(points))
    )
    lines += [TextLine("        " + _certification(catalog, e), 10) for e in rule.certifications]
    return lines


def _threshold(value: Fraction, unit: str) -> str:
    """ "US$ 25,000", "2,500 users": whole, or to the one decimal points are shown with; the
    unit as after "bei" in German ("bei 2.500 Benutzern")."""
    amount: int | Decimal = value.numerator if value.denominator == 1 else rounded_points(value)
    if unit == "USD":
        return money(amount)
    return f"{number(amount)} {unit_after_of(amount, unit)}"


def _certification(catalog: ScoredCatalog, entry: Listed) -> str:
    """ "Azure Stack Hub Operator Associate (AZ-600; counts until 2024-07-31)"."""
    found = certification_said(catalog, entry)
    if found is None:
        return entry.certification
    name, said = found
    return f"{name} ({'; '.join(said)})" if said else name

"""Help ▸ Requirements on a day under the Solutions Partner program: the catalogue in force.

Every designation with its tracks and metrics: the points a metric gives, what
earns them in full, the steps and certifications of skilling (with their
exams), then the certifications, the readings the tracker takes where the
rules leave a question open, and the sources. Only drawing: the figures are
the catalogue's.
"""

from __future__ import annotations

import html
from fractions import Fraction

from PySide6.QtCore import QCoreApplication

from mpn_desktop.domain import wording
from mpn_desktop.domain.certification_words import certification_said
from mpn_desktop.domain.designations import (
    Designation,
    Listed,
    Metric,
    ScoredCatalog,
    short_name,
    track_name,
)
from mpn_desktop.domain.wording import or_list, rounded_points, shown_points, unit_after_of
from mpn_desktop.ui import count_text, locale_text
from mpn_desktop.ui.requirements_html import DocumentColours, in_force, note_html


def _tr(text: str) -> str:
    return QCoreApplication.translate("DesignationRequirements", text)


def _points(value: Fraction) -> str:
    """Points as the document shows them, in the locale's figures ("6,67" in German)."""
    return shown_points(value, locale_text.figures())


def _cert_name(catalog: ScoredCatalog, entry: Listed) -> str:
    """The certification's name, then its exams and days as ``catalog`` says them (muted)."""
    found = certification_said(catalog, entry, locale_text.day)
    if found is None:
        return html.escape(entry.certification)
    name, said = found
    if not said:
        return html.escape(name)
    return f"{html.escape(name)} <span class='muted'>({html.escape('; '.join(said))})</span>"


def _what_counts(catalog: ScoredCatalog, metric: Metric) -> str:
    if metric.skilling is not None:
        rule = metric.skilling
        lines = []
        for number, step in enumerate(rule.prerequisites, 1):
            # One list of alternatives, as the sentences write it: "A, B or C".
            names = or_list([_cert_name(catalog, e) for e in step.certifications])
            worth = (
                _tr(", worth {points} points").format(points=_points(step.points))
                if step.points
                else _tr(", no points")
            )
            later = "".join(
                _tr("; {count} people from {day}").format(count=count_text.count(n), day=day)
                for day, n in step.minimum_from
            )
            step_words = (
                _tr("Step {number}: {count} person with {names}{worth}{later}")
                if step.minimum_people == 1
                else _tr("Step {number}: {count} people with {names}{worth}{later}")
            )
            lines.append(
                step_words.format(
                    number=number,
                    count=count_text.count(step.minimum_people),
                    names=names,
                    worth=worth,
                    later=later,
                )
            )
        names = ", ".join(_cert_name(catalog, e) for e in rule.certifications)
        lines.append(
            _tr("{points} points per person with: {names}").format(
                points=_points(rule.points_per_person), names=names
            )
        )
        return "<br>".join(lines)
    options = []
    for option in metric.options:
        parts = []
        for p in option:
            figure = _threshold(p.threshold, p.unit)
            earns = (
                _tr("{figure} for {points} points").format(
                    figure=figure, points=_points(p.max_points)
                )
                if p.max_points
                else _tr("{figure} for full points").format(figure=figure)
            )
            parts.append(f"{earns}: {html.escape(p.label)}")
        options.append("<br>".join(parts))
    return "<br><i>{}</i><br>".format(_tr("or")).join(options)


def _threshold(value: Fraction, unit: str) -> str:
    """A part's full-points figure in its unit: "US$ 1,000", "3 customers", "20 percent"."""
    amount = rounded_points(value)
    shown = shown_points(value, locale_text.figures())
    if unit.upper() in ("USD", "US$"):
        return html.escape(_tr("US$ {amount}").format(amount=shown))
    return html.escape(f"{shown} {unit_after_of(amount, unit)}")


def _designation_section(catalog: ScoredCatalog, designation: Designation) -> str:
    parts = [
        f"<h2><a name='{html.escape(designation.id)}'></a>{html.escape(designation.name)}</h2>"
    ]
    if designation.note:
        parts.append(f"<p class='notes'>{html.escape(designation.note)}</p>")
    for track in designation.tracks:
        if track.id:
            name = track_name(track.id)
            heading = _tr("{track} track").format(track=name[:1].upper() + name[1:])
            parts.append(f"<h3>{html.escape(heading)}</h3>")
        rows = "".join(
            f"<tr><td class='step'>{html.escape(catalog.category_name(m.category))}</td>"
            f"<td>{html.escape(m.name)}</td><td class='figure'>{_points(m.max_points)}</td>"
            f"<td>{_what_counts(catalog, m)}"
            + (f"<br><span class='notes'>{html.escape(m.note)}</span>" if m.note else "")
            + "</td></tr>"
            for m in track.metrics
        )
        head = "<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>".format(
            _tr("Category"), _tr("Metric"), _tr("Points"), _tr("What earns them")
        )
        parts.append(f"<table class='steps' width='100%'>{head}{rows}</table>")
    return "".join(parts)


def designation_requirements_html(
    catalog: ScoredCatalog, colours: DocumentColours | None = None
) -> str:
    """The whole Solutions Partner catalogue as one HTML document for ``QTextBrowser``."""
    from mpn_desktop.ui.requirements_html import _style

    colours = colours or DocumentColours()
    contents = " · ".join(
        f"<a href='#{html.escape(d.id)}'>{html.escape(short_name(d.id, d.name))}</a>"
        for d in catalog.designations
    )
    parts = [
        f"<html><head><style>{_style(colours)}</style></head><body>",
        f"<h1>{html.escape(catalog.name)} {html.escape(catalog.version)}</h1>",
        f"<p class='muted'>{in_force(catalog.effective_from, catalog.effective_until)}</p>",
        "<p>"
        + _tr(
            "A designation is earned per solution area with a partner capability score of "
            "100 points: at least {points} points, and every metric above zero. A metric "
            "gives its points in full at its threshold and in part on the way there."
        ).format(points=_points(catalog.qualifies_at))
        + "</p>",
        *(f"<p class='muted'>{note_html(n)}</p>" for n in catalog.notes),
        f"<p>{contents}</p>",
    ]
    parts.extend(_designation_section(catalog, d) for d in catalog.designations)
    windows = "".join(
        "<li>{}</li>".format(
            _tr("From {day}: {rule}").format(
                day=wording.day(w.effective_from), rule=html.escape(w.text)
            )
        )
        for w in catalog.windows
    )
    if windows:
        heading = _tr("Qualification window")
        parts.append(f"<h2>{heading}</h2><ul>{windows}</ul>")
    readings = "".join(f"<li>{html.escape(r.text)}</li>" for r in catalog.readings)
    heading = _tr("Readings the tracker takes")
    parts.append(f"<h2>{heading}</h2><ul>{readings}</ul>")
    sources = "".join(f"<li>{html.escape(str(s))}</li>" for s in catalog.sources)
    heading = _tr("Sources")
    parts.append(f"<h2>{heading}</h2><ul>{sources}</ul></body></html>")
    return "".join(parts)

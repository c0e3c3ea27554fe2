"""Help ▸ Requirements on a day under the Solutions Partner program: the catalogue in force.

Every designation with its tracks and metrics: the points a metric gives, what
earns them in full, the steps and certifications of skilling (with their
exams), then the certifications, the readings the tracker takes where the
rules leave a question open, and the sources. Only drawing: the figures are
the catalogue's.
"""

from __future__ import annotations

import html

from mpn_desktop.domain.designation_score import points_text
from mpn_desktop.domain.designations import Designation, Listed, Metric, ScoredCatalog, short_name
from mpn_desktop.ui.requirements_html import DocumentColours


def _cert_name(catalog: ScoredCatalog, entry: Listed) -> str:
    cert = catalog.certifications.get(entry.certification)
    if cert is None:
        return html.escape(entry.certification)
    exams = " + ".join(cert.exams[0]) if cert.exams else ""
    text = html.escape(cert.name) + (
        f" <span class='muted'>({html.escape(exams)})</span>" if exams else ""
    )
    if entry.listed_until is not None:
        text += f" <span class='muted'>until {entry.listed_until}</span>"
    if entry.listed_from is not None:
        text += f" <span class='muted'>from {entry.listed_from}</span>"
    return text


def _what_counts(catalog: ScoredCatalog, metric: Metric) -> str:
    if metric.skilling is not None:
        rule = metric.skilling
        lines = []
        for number, step in enumerate(rule.prerequisites, 1):
            names = " or ".join(_cert_name(catalog, e) for e in step.certifications)
            worth = f", worth {points_text(step.points)} points" if step.points else ", no points"
            later = "".join(f"; {n} from {day}" for day, n in step.minimum_from)
            lines.append(f"Step {number}: {step.minimum_people} with {names}{worth}{later}")
        names = ", ".join(_cert_name(catalog, e) for e in rule.certifications)
        lines.append(f"{points_text(rule.points_per_person)} points per person with: {names}")
        return "<br>".join(lines)
    options = []
    for option in metric.options:
        parts = [
            f"{points_text(p.threshold)} {html.escape(p.unit)} for "
            + (f"{points_text(p.max_points)} points" if p.max_points else "full points")
            + f": {html.escape(p.label)}"
            for p in option
        ]
        options.append("<br>".join(parts))
    return "<br><i>or</i><br>".join(options)


def _designation_section(catalog: ScoredCatalog, designation: Designation) -> str:
    parts = [
        f"<h2><a name='{html.escape(designation.id)}'></a>{html.escape(designation.name)}</h2>"
    ]
    if designation.note:
        parts.append(f"<p class='notes'>{html.escape(designation.note)}</p>")
    for track in designation.tracks:
        if track.id:
            parts.append(f"<h3>{html.escape(track.id.capitalize())} track</h3>")
        rows = "".join(
            f"<tr><td class='step'>{html.escape(catalog.category_name(m.category))}</td>"
            f"<td>{html.escape(m.name)}</td><td class='figure'>{points_text(m.max_points)}</td>"
            f"<td>{_what_counts(catalog, m)}"
            + (f"<br><span class='notes'>{html.escape(m.note)}</span>" if m.note else "")
            + "</td></tr>"
            for m in track.metrics
        )
        parts.append(
            "<table class='steps' width='100%'><tr><th>Category</th><th>Metric</th>"
            f"<th>Points</th><th>What earns them</th></tr>{rows}</table>"
        )
    return "".join(parts)


def designation_requirements_html(
    catalog: ScoredCatalog, colours: DocumentColours | None = None
) -> str:
    """The whole Solutions Partner catalogue as one HTML document for ``QTextBrowser``."""
    from mpn_desktop.ui.requirements_html import _style

    colours = colours or DocumentColours()
    until = f" to {catalog.effective_until}" if catalog.effective_until else ""
    contents = " · ".join(
        f"<a href='#{html.escape(d.id)}'>{html.escape(short_name(d.id, d.name))}</a>"
        for d in catalog.designations
    )
    parts = [
        f"<html><head><style>{_style(colours)}</style></head><body>",
        f"<h1>{html.escape(catalog.name)} {html.escape(catalog.version)}</h1>",
        f"<p class='muted'>In force from {catalog.effective_from}{until}</p>",
        "<p>A designation is earned per solution area with a partner capability score of "
        f"100 points: at least {points_text(catalog.qualifies_at)} points, and every metric "
        "above zero. A metric gives its points in full at its threshold and in part on the "
        "way there.</p>",
        *(f"<p class='muted'><i>Note:</i> {html.escape(n)}</p>" for n in catalog.notes),
        f"<p>{contents}</p>",
    ]
    parts.extend(_designation_section(catalog, d) for d in catalog.designations)
    readings = "".join(f"<li>{html.escape(r.text)}</li>" for r in catalog.readings)
    parts.append(f"<h2>Readings the tracker takes</h2><ul>{readings}</ul>")
    sources = "".join(f"<li>{html.escape(str(s))}</li>" for s in catalog.sources)
    parts.append(f"<h2>Sources</h2><ul>{sources}</ul></body></html>")
    return "".join(parts)

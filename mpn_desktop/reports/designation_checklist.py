"""The printable checklist for a day under the Solutions Partner program.

A section per designation (the targeted ones, or the one asked for), a block
per category with its points, and a check line per metric: its figures and
points, the people, tenants or services behind them, and what is missing as
things to do. Drawn from the requirement tree (``domain.designation_tree``),
with the same document model and layout as the 2017-2018 checklist.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from mpn_desktop.domain.designation_steps import step_consequence, step_figures, step_heading
from mpn_desktop.domain.designation_way import way_lines
from mpn_desktop.domain.designations import ScoredCatalog, short_name, track_title
from mpn_desktop.domain.evidence import Evidence
from mpn_desktop.domain.facts import Organization
from mpn_desktop.domain.net_adds import (
    LOST,
    NetCount,
    is_net_evidence,
    lost_names,
    lost_text,
    net_text,
    now_text,
)
from mpn_desktop.domain.qualification_window import WindowStatus, window_text
from mpn_desktop.domain.requirement_tree import RequirementNode, RequirementTree
from mpn_desktop.domain.vocabulary import N_, _, ngettext
from mpn_desktop.domain.wording import (
    NAMED,
    metric_have_of_need,
    named_list,
    number,
    shown_points,
    unit_of,
)
from mpn_desktop.errors import ValidationError
from mpn_desktop.reports.checklist import (
    FIGURES_APART,
    CheckLine,
    Checklist,
    Detail,
    Header,
    LevelBlock,
    Section,
    SummaryRow,
    format_day,
)

TITLE = N_("Solutions Partner checklist")


def _points(node: RequirementNode) -> str:
    have = node.points or Decimal(0)
    most = node.max_points or Decimal(0)
    return _("{points} of {most} points").format(
        points=points_text_of(have), most=points_text_of(most)
    )


def points_text_of(value: Decimal) -> str:
    """Points to one decimal ("13.3"), whole numbers without one ("20")."""
    from fractions import Fraction

    return shown_points(Fraction(value))


def _figures(metric: RequirementNode) -> str:
    figures = metric_have_of_need(
        metric.have or Decimal(0), metric.need or Decimal(0), metric.unit, gated=metric.gated
    )
    return _points(metric) if figures is None else f"{figures}{FIGURES_APART}{_points(metric)}"


LISTED_IN_FULL = 12
"""Up to this many people, customers or services behind a metric are printed one a line, to
tick off (a small organisation's); more are counted and the first ``NAMED`` named on one
line: a large organisation's hundreds, one a line, made a checklist of 78 pages."""

_LISTED_UNITS = ("customers", "services", "workloads")
"""The metrics' units that name what their evidence lists (a customer, a service, a
workload of a customer), so a long list is counted in them ("141 customers: ...")."""


def _details(metric: RequirementNode) -> tuple[Detail, ...]:
    """The facts behind the metric: the people, then each part's customers or services."""
    details: list[Detail] = []
    # People first (each names the certification that counts), then the tenants or services
    # of each part, in the evidence's order: each group is counted on its own.
    groups = _groups(metric.evidence)
    parts = sum(1 for group in groups if group[0].mcp_id is None)
    for group in groups:
        # Of several parts (Security's Azure and Microsoft 365 customers: the description
        # is their labels together), a count says which part it counts, by its label, even
        # where the other part counts nothing.
        first = group[0]
        alone = parts <= 1 and metric.description in ("", first.detail)
        part = first.detail if first.mcp_id is None and not alone else ""
        if is_net_evidence(group):
            details += _net_details(group, metric.unit, part)
        elif len(group) <= LISTED_IN_FULL:
            details += (Detail(text=e.subject, note=e.detail if e.mcp_id else "") for e in group)
        else:
            details.append(Detail(text=_counted_list(group, metric.unit), note=part))
    return tuple(details)


def _net_details(group: Sequence[Evidence], unit: str, part: str) -> list[Detail]:
    """A net part: how its figure comes about ("141 customers now - 107 a year earlier = net
    34 (56 new, 22 lost)"), the things counted now (one a line, or counted when many), then
    those lost, counted and the first named: the now list alone under a net figure read as
    a mistake ("34 of 3 customers" over 141 names)."""
    now = [e for e in group if e.amount != LOST]
    details = [Detail(text=net_text(NetCount.of_evidence(group), unit), note=part)]
    if len(now) <= LISTED_IN_FULL:
        details += (Detail(text=e.subject) for e in now)
    else:
        details.append(Detail(text=now_text([e.subject for e in now], unit)))
    lost = lost_text(lost_names(group), unit)
    if lost:
        details.append(Detail(text=lost))
    return details


def _groups(evidence: Sequence[Evidence]) -> list[list[Evidence]]:
    """The evidence in runs: the people, then each part's names (told apart by its label)."""
    groups: list[list[Evidence]] = []
    key: tuple[bool, str] | None = None
    for item in evidence:
        item_key = (item.mcp_id is not None, "" if item.mcp_id else item.detail)
        if item_key != key:
            groups.append([])
            key = item_key
        groups[-1].append(item)
    return groups


def _counted_list(group: Sequence[Evidence], unit: str) -> str:
    """A long list on one line: "956 people: Person 0001 (MCP 1000001), ... and 946 more";
    "141 customers: Customer 0001, ... and 131 more"."""
    count = len(group)
    names = [e.subject for e in group]
    if group[0].mcp_id is not None:
        what = unit_of(count, "people")
    elif unit in _LISTED_UNITS:
        what = unit_of(count, unit)
    else:
        return _("{names} and {rest} more ({count} in all)").format(
            names=", ".join(names[:NAMED]), rest=number(count - NAMED), count=number(count)
        )
    return named_list(names, f"{number(count)} {what}")


def _metric_line(metric: RequirementNode) -> CheckLine:
    details = _details(metric)
    # A step-gated metric's prerequisite steps (its children), each a box ticked when met
    # with its people and points, and what a short one holds back: where the points come
    # from, or which step keeps them at zero.
    steps = tuple(
        CheckLine(
            ticked=step.met,
            text=step_heading(number, step),
            description="",
            figures=step_figures(step),
            actions=tuple(said for said in (step_consequence(step),) if said),
        )
        for number, step in enumerate(metric.children, start=1)
    )
    # The metric's missing list starts with a sentence per short step ("2 more people with
    # Azure Administrator Associate (AZ-104) before the final step counts"): each step's line
    # already says it (its certifications, "0 of 2 people; no points until met", what it
    # holds back), and a third time under the metric read as more to do.
    short = sum(1 for step in metric.children if not step.met)
    return CheckLine(
        ticked=metric.met,
        text=metric.label,
        description=metric.description,
        figures=_figures(metric),
        details=details,
        actions=metric.missing[short:],
        parts=steps,
    )


def _category_block(category: RequirementNode) -> LevelBlock:
    lines = tuple(_metric_line(m) for m in category.children)
    met = sum(1 for m in category.children if m.met)
    return LevelBlock(
        level=None,
        title=f"{category.label}: {_points(category)}",
        attained=category.met,
        status=_("Full points")
        if category.met
        else ngettext(
            "{met} of {count} metric at full points",
            "{met} of {count} metrics at full points",
            len(lines),
        ).format(met=number(met), count=number(len(lines))),
        option="",
        lines=lines,
    )


def _state(designation: RequirementNode, *, rule: bool = True) -> str:
    """ "Not qualified yet: 65.1 of 100 points (70 qualifies)"; without the ``rule`` in the
    summary's narrow column, where the section under it says it."""
    score = points_text_of(designation.points or Decimal(0))
    if designation.met:
        return _("Qualified: {score} of 100 points").format(score=score)
    if not rule:
        return _("Not qualified yet: {score} of 100 points").format(score=score)
    return _("Not qualified yet: {score} of 100 points (70 qualifies)").format(score=score)


_WINDOW_STATES = {
    WindowStatus.IN_PROGRESS: N_("In progress"),
    WindowStatus.QUALIFIED: N_("Qualified"),
    WindowStatus.ENROLLED: N_("Enrolled"),
    WindowStatus.RENEWAL_DUE: N_("Enrolled, renewal due"),
    WindowStatus.RENEWAL_QUALIFIED: N_("Enrolled, renewal qualified"),
}


def _qualification_block(designation: RequirementNode) -> LevelBlock | None:
    """The window (its days, the day found), every track's score and the cheapest way to the
    qualifying score: the data beside the designation, not its categories. The window's rule
    is the catalogue's, the same for every designation of the day: said once, with the notes
    about the figures (``_window_rules``), not again in each designation's block."""
    window = designation.window
    if window is None:
        return None
    about = " ".join(_sentence(text) for text in (window_text(window), *designation.notes))
    way = _cheapest_way(designation)
    # With tracks the way is the counting track's: under its line, not after the last
    # track's (where it read as the other track's way).
    tracks = tuple(
        CheckLine(
            ticked=node.met,
            text=_("{track} track").format(track=track_title(node.way)),
            description=_("counts") if node is designation else "",
            figures=_points(node),
            actions=way if node is designation else (),
        )
        for node in ((designation, *designation.alternatives) if designation.alternatives else ())
    )
    return LevelBlock(
        level=None,
        title=_("Qualification window"),
        attained=window.qualified,
        status=_(_WINDOW_STATES[window.status]),
        option=about,
        lines=tracks,
        actions=() if tracks else way,
    )


def _cheapest_way(designation: RequirementNode) -> tuple[str, ...]:
    """The cheapest way's steps, each a thing to do: "Cheapest way to 70: ..." for one step,
    "Cheapest way to 70 (1 of 3): ..." for several (each line repeating the same heading
    read as several ways)."""
    lines = way_lines(
        designation.suggestion,
        _("Cheapest way to {score}: {step}"),
        _("Cheapest way to {score} ({number} of {count}): {step}"),
        score=points_text_of(designation.need or Decimal(70)),
    )
    return tuple(line.text for line in lines)


def _sentence(text: str) -> str:
    """The text as a sentence among others: with its full stop (the track's classification
    has none: it ran into the next sentence)."""
    return text if text.endswith((".", "!", "?", ":")) else f"{text}."


def _window_rules(designations: Sequence[RequirementNode]) -> tuple[str, ...]:
    """The qualification windows' rules of the designations shown, each once."""
    return tuple(dict.fromkeys(d.window.rule for d in designations if d.window and d.window.rule))


def _section(designation: RequirementNode) -> Section:
    track = _(", {way} track").format(way=track_title(designation.way)) if designation.way else ""
    target = _("Target") if designation.targeted else _("Not a target")
    blocks = tuple(_category_block(c) for c in designation.children)
    window = _qualification_block(designation)
    if window is not None:
        blocks = (*blocks, window)
    return Section(
        competency_id=designation.id,
        title=designation.label,
        target=f"{target}{track} · {_state(designation)}",
        levels=blocks,
    )


def build_designation_checklist(
    catalog: ScoredCatalog,
    tree: RequirementTree,
    organization: Organization,
    *,
    designation: str | None = None,
    printed_on: date,
) -> Checklist:
    """The checklist of every targeted designation (or ``designation``), a section each.

    Raises ``ValidationError`` for an id that is not a designation of the catalogue.
    """
    if designation is not None:
        found = tree.requirement(designation)
        if found is None:
            valid = ", ".join(node.id for node in tree.requirements)
            said = _(
                "--competency: {value} is not a designation of the catalogue {version}; "
                "valid ids: {ids}"
            )
            raise ValidationError(
                said.format(value=repr(designation), version=catalog.version, ids=valid)
            )
        chosen: tuple[RequirementNode, ...] = (found,)
    else:
        chosen = tree.targeted or tree.requirements
    sections = tuple(_section(node) for node in chosen)
    since = format_day(catalog.effective_from)
    until = format_day(catalog.effective_until) or _("today")
    header = Header.of(
        organization,
        tree.as_of,
        printed_on,
        _("{catalogue} {version} ({since} to {until})").format(
            catalogue=catalog.name, version=catalog.version, since=since, until=until
        ),
    )
    fee = (
        _("Fee: US$ {amount} a year, one fee however many designations.").format(
            amount=number(catalog.fee_usd)
        )
        if catalog.fee_usd is not None
        else ""
    )
    notes = [*tree.notes, *tree.information]
    if not tree.targeted and designation is None:
        notes.append(
            _(
                "No designation is targeted: every designation is listed. Targets of the "
                "2017-2018 competencies carry over to their designations."
            )
        )
    return Checklist(
        title=_(TITLE),
        header=header,
        fee=fee,
        summary=tuple(
            # The solution area alone ("Infrastructure (Azure)"): "Solutions Partner for"
            # on every line took the room the status needs to read on one line.
            SummaryRow(
                competency=short_name(node.id, node.label),
                level=track_title(node.way),
                state=_state(node, rule=False),
                attained=node.met,
            )
            for node in chosen
        ),
        sections=sections,
        footnotes=(),
        about=None,
        catalog_notes=(
            *catalog.notes,
            *(reading.text for reading in catalog.readings),
            *_window_rules(chosen),
        ),
        progress_notes=tuple(notes),
        summary_headings=(_("DESIGNATION"), _("TRACK"), _("STATUS")),
        summary_fitted=True,
    )

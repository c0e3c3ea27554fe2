"""Summary lines at the top of a step tab: have against need for silver and gold, per competency.

Only drawing: every figure comes from the requirement tree of the evaluation.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette

from mpn_desktop.domain.designations import short_name
from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.domain.wording import have_of_need, money, number
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.language import in_sentence
from mpn_desktop.ui.models.fields import enum_label
from mpn_desktop.ui.status_text import muted_text_color, semantic_colors

if TYPE_CHECKING:
    from mpn_desktop.domain.requirement_tree import RequirementNode, RequirementTree

_NBSP = "\u00a0"
_ZERO = Decimal(0)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Summary", text)


def _figure_html(text: str) -> str:
    """A figure escaped, "US$" kept with its amount (the rest may wrap when space runs out)."""
    return escape(text).replace("US$ ", f"US${_NBSP}")


def step_html(step: RequirementNode, ok: QColor) -> str:
    """``✓ US$ 16,000 of US$ 15,000`` (the mark green when met), measures joined by commas."""
    mark = f'<span style="color:{ok.name()}">✓</span>' if step.met else "○"
    figures = [
        _figure_html(
            have_of_need(item.have or _ZERO, item.need or _ZERO, item.unit, locale_text.figures())
        )
        for item in (step.children or (step,))
    ]
    return f"{mark}{_NBSP}" + ", ".join(figures)


def _competencies(tree: RequirementTree) -> tuple[RequirementNode, ...]:
    """The targeted competencies, or every current one when none is targeted yet."""
    return tree.targeted or tuple(node for node in tree.requirements if not node.retired)


def _steps(competency: RequirementNode, kind: StepKind) -> list[RequirementNode | None]:
    """The step of that kind at each level (None where a level has none: retired)."""
    return [level.child(kind.value) for level in competency.children]


def summary_html(tree: RequirementTree, kind: StepKind, palette: QPalette) -> str:
    """A small table: one row per competency, its silver and gold figures for one step.

    What the step asks for in words is long (it names every exam code); it is
    in ``summary_tooltip`` rather than in the table, which must stay short.
    """
    ok = semantic_colors(palette).ok
    muted = muted_text_color(palette).name()
    cell = '<td style="padding-left:16px">{}</td>'
    rows: list[str] = []
    for competency in _competencies(tree):
        steps = _steps(competency, kind)
        if all(step is None for step in steps):
            continue
        name = f"<b>{escape(competency.label)}</b>"
        if competency.target is not None:
            target = _tr("target: {level}").format(level=_level_word(competency.target))
            name += f" <span style='color:{muted}'>{escape(target).replace(' ', _NBSP)}</span>"
        figures = "".join(
            cell.format("—" if step is None else step_html(step, ok)) for step in steps
        )
        rows.append(f"<tr><td>{name}</td>{figures}</tr>")
    if not rows:
        return escape(_tr("No competency to measure yet: choose the competencies to aim for."))
    heading = f"<tr><td></td>{cell}{cell}</tr>".format(
        f"<span style='color:{muted}'>{escape(_tr('Silver'))}</span>",
        f"<span style='color:{muted}'>{escape(_tr('Gold'))}</span>",
    )
    return '<table cellspacing="0" cellpadding="1">' + heading + "".join(rows) + "</table>"


def summary_tooltip(tree: RequirementTree, kind: StepKind) -> str:
    """What the step asks of each competency, in the catalogue's words (plain text)."""
    lines: list[str] = []
    for competency in _competencies(tree):
        for level, step in zip(competency.children, _steps(competency, kind), strict=True):
            if step is not None and step.description:
                lines.append(
                    _tr("{competency}, {level}: {description}").format(
                        competency=competency.label,
                        level=_level_word(level),
                        description=step.description,
                    )
                )
    return "\n".join(lines)


def _level_word(level: RequirementNode) -> str:
    """ "silver", "gold": the level's name in the sentence's case, translated where known."""
    known = {item.value: item for item in Level}
    return in_sentence(enum_label(known[level.id]) if level.id in known else level.label)


CATEGORIES_OF_STEP = {
    StepKind.PERFORMANCE: ("performance", "customer-success"),
    StepKind.EXAMS: ("skilling",),
}
"""The Solutions Partner categories whose figures a step tab's data feeds."""


def designation_summary_html(tree: RequirementTree, kind: StepKind, palette: QPalette) -> str:
    """A small table: one row per targeted designation, its metrics of the tab's categories."""
    categories = CATEGORIES_OF_STEP.get(kind, ())
    if not categories:
        if kind is StepKind.REFERENCES:
            return escape(
                _tr(
                    "Customer references do not count toward the Solutions Partner "
                    "designations (some specializations ask for them): they are kept here "
                    "for the competencies and your own records."
                )
            )
        amount = tree.fee.amount_usd if tree.fee is not None else None
        if amount is None:
            return escape(
                _tr(
                    "The Solutions Partner fee is one yearly fee however many designations "
                    "(the catalogue in force gives no amount); the payments recorded here are "
                    "kept as they are."
                )
            )
        return _figure_html(
            _tr(
                "The Solutions Partner fee is one yearly fee however many designations: "
                "{amount} in the catalogue in force on this day; the payments recorded here "
                "are kept as they are."
            ).format(amount=money(amount, figures=locale_text.figures()))
        )
    ok = semantic_colors(palette).ok
    muted = muted_text_color(palette).name()
    rows: list[str] = []
    for designation in tree.targeted or tree.requirements:
        name = escape(short_name(designation.id, designation.label))
        figures = []
        for category in designation.children:
            if category.id not in categories:
                continue
            for metric in category.children:
                mark = f'<span style="color:{ok.name()}">✓</span>' if metric.met else "○"
                points = _tr("{have} of {most} pts").format(
                    have=_points(metric.points), most=_points(metric.max_points)
                )
                if metric.children:
                    # A step-gated metric: its points wait on (or, on SMB, come partly from)
                    # its prerequisite steps, which the status panel lists one by one.
                    points = _tr("{points}, prerequisite steps met: {met} of {count}").format(
                        points=points,
                        met=sum(1 for step in metric.children if step.met),
                        count=len(metric.children),
                    )
                figures.append(
                    f"{mark}{_NBSP}{escape(metric.label)}: "
                    f"<span style='color:{muted}'>{escape(points)}</span>"
                )
        if figures:
            rows.append(
                f"<tr><td><b>{name}</b></td><td style='padding-left:16px'>"
                + " · ".join(figures)
                + "</td></tr>"
            )
    if not rows:
        return escape(_tr("No designation to measure yet."))
    return '<table cellspacing="0" cellpadding="1">' + "".join(rows) + "</table>"


def _points(value: Decimal | None) -> str:
    """Points to one decimal, whole ones without, in the locale's figures ("15,6" in German)."""
    rounded = round(value or _ZERO, 1)
    decimals = 0 if rounded == rounded.to_integral_value() else 1
    return number(rounded, decimals, figures=locale_text.figures())

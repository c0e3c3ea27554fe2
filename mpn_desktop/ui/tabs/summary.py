"""Summary lines at the top of a step tab: have against need for silver and gold, per competency.

Only formatting: every figure comes from the ``Progress`` the rules engine
worked out.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette

from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.domain.progress import CompetencyProgress, Progress, StepProgress
from mpn_desktop.ui.models.fields import enum_label

_MONEY_UNITS = {"usd", "us$", "$"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Summary", text)


def ok_text_color(palette: QPalette) -> QColor:
    """A green that reads on the palette's window colour, light or dark."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#7ee787") if dark else QColor("#1a7f37")


def format_amount(value: Decimal, unit: str) -> str:
    """A figure in its unit: ``US$ 12,400`` or ``3 references``."""
    whole = value == value.to_integral_value()
    if unit.casefold() in _MONEY_UNITS:
        return f"US$ {value:,.0f}" if whole else f"US$ {value:,.2f}"
    number = f"{value:,.0f}" if whole else f"{value:,.2f}"
    return f"{number} {unit}".strip()


def find_step(competency: CompetencyProgress, level: Level, kind: StepKind) -> StepProgress | None:
    """The step of that kind in the option the level is measured by, if it has one."""
    for step in competency.level(level).steps:
        if step.step is kind:
            return step
    return None


def _figures(step: StepProgress) -> str:
    if step.parts:
        return ", ".join(
            _tr("{have} of {need}").format(
                have=format_amount(part.have, ""), need=format_amount(part.need, part.unit)
            )
            for part in step.parts
        )
    return _tr("{have} of {need}").format(
        have=format_amount(step.have, step.unit if step.unit.casefold() in _MONEY_UNITS else ""),
        need=format_amount(step.need, step.unit),
    )


def step_html(step: StepProgress, level: Level, ok: QColor) -> str:
    """``Silver ✓ US$ 16,000 of US$ 15,000`` (the mark green when met)."""
    mark = f'<span style="color:{ok.name()}">✓</span>' if step.met else "<span>○</span>"
    return f"{escape(enum_label(level))} {mark} {escape(_figures(step))}"


def summary_html(progress: Progress, kind: StepKind, palette: QPalette) -> str:
    """One line per targeted competency (or every one, when none is targeted) for one step."""
    ok = ok_text_color(palette)
    competencies = progress.targeted or tuple(c for c in progress.competencies if not c.retired)
    lines: list[str] = []
    for competency in competencies:
        parts: list[str] = []
        description = ""
        for level in (Level.SILVER, Level.GOLD):
            step = find_step(competency, level, kind)
            if step is not None:
                parts.append(step_html(step, level, ok))
                description = description or step.description
        if not parts:
            continue
        target = (
            _tr(" (aiming for {level})").format(level=enum_label(competency.target).lower())
            if competency.target is not None
            else ""
        )
        about = f" — {escape(description)}" if description else ""
        lines.append(
            f"<b>{escape(competency.name)}</b>{escape(target)}{about}: "
            + " &nbsp;·&nbsp; ".join(parts)
        )
    if not lines:
        return escape(_tr("No competency to measure yet: choose the competencies to aim for."))
    return "<br>".join(lines)

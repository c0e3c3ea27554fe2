"""Words and colours the status panel shows: step names, level names, bar fill, semantic colours.

The figures themselves ("US$ 12,000 of US$ 15,000") are written by
``domain.wording.have_of_need`` with the window's separators.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette

from mpn_desktop.domain.enums import Level, StepKind


def _tr(text: str) -> str:
    return QCoreApplication.translate("UnitAfterOf", text)


def step_name(step: StepKind) -> str:
    """The name of one of the four steps as the tabs call it."""
    names = {
        StepKind.PERFORMANCE: _tr("Sales performance"),
        StepKind.EXAMS: _tr("Exams"),
        StepKind.REFERENCES: _tr("References"),
        StepKind.FEE: _tr("Fee"),
    }
    return names[step]


def level_name(level: Level) -> str:
    """Silver or Gold, capitalised."""
    return _tr("Gold") if level is Level.GOLD else _tr("Silver")


def fraction(have: Decimal, need: Decimal) -> float:
    """How full a bar is, between 0 and 1 (a step that needs nothing is full)."""
    if need <= 0:
        return 1.0
    return float(min(max(have / need, Decimal(0)), Decimal(1)))


@dataclass(frozen=True)
class SemanticColors:
    """Colours with a meaning, picked to read on the current palette (light or dark)."""

    ok: QColor
    warning: QColor
    risk: QColor


def semantic_colors(palette: QPalette) -> SemanticColors:
    """Green for attained, amber for not yet, red-orange for at risk, for light or dark windows."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    if dark:
        return SemanticColors(QColor("#7bd88f"), QColor("#f2c14e"), QColor("#ff8a65"))
    return SemanticColors(QColor("#1b7a34"), QColor("#8a5a00"), QColor("#b23c17"))


def muted_text_color(palette: QPalette) -> QColor:
    """Text of less weight that still reads (about 4.5:1 on the window, light or dark).

    The palette's disabled colour is too faint for text a person must read.
    """
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    share = 0.62
    return QColor(
        round(text.red() * share + window.red() * (1 - share)),
        round(text.green() * share + window.green() * (1 - share)),
        round(text.blue() * share + window.blue() * (1 - share)),
    )

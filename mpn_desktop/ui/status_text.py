"""Words and figures the status panel shows: step names, amounts in their unit, semantic colours."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette

from mpn_desktop.domain import wording
from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.domain.wording import figure, unit_after_of
from mpn_desktop.ui import locale_text


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


def format_number(value: Decimal) -> str:
    """A figure with the locale's separators; cents only when there are any."""
    return wording.number(value, figures=locale_text.figures())


def format_amount(value: Decimal, unit: str) -> str:
    """``US$ 12,000`` for money, ``3 references`` otherwise."""
    return figure(value, unit).strip()


def have_need_text(have: Decimal, need: Decimal, unit: str) -> str:
    """``US$ 12,000 of 15,000`` / ``2 of 3 references``: what a progress bar reads."""
    if unit.upper() in ("USD", "US$"):
        return _tr("US$ {have} of {need}").format(
            have=format_number(have), need=format_number(need)
        )
    return (
        _tr("{have} of {need} {unit}")
        .format(have=format_number(have), need=format_number(need), unit=unit_after_of(need, unit))
        .strip()
    )


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

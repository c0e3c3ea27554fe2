"""The Sales tab's chart: the window's credited figure month by month, against silver and gold.

Bars are what each month credits; for an amount over 12 months the levels'
lines are a twelfth of what they need (the pace that reaches it), for users
(counted in the latest month) the need itself. What is still missing is
written under the title, in the engine's own sentences. Drawn with QPainter
(PySide6-Essentials has no QtCharts), in the palette's colours.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from mpn_desktop.domain import wording
from mpn_desktop.domain.enums import Level
from mpn_desktop.domain.usage_months import MonthlyFigures
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.models.fields import enum_label
from mpn_desktop.ui.status_text import muted_text_color

LEVEL_COLORS = {Level.SILVER: QColor(128, 128, 140), Level.GOLD: QColor(212, 160, 23)}


class UsageChart(QWidget):
    """Bars per month with a line per level; says what is missing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usageChart")
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._figures: MonthlyFigures | None = None
        self._title = ""
        self._missing: list[str] = []
        self._empty = self.tr("No targeted competency measures usage month by month.")

    def sizeHint(self) -> QSize:
        return QSize(600, 150)

    def set_figures(self, figures: MonthlyFigures | None, title: str, missing: list[str]) -> None:
        """What to draw (None: nothing to chart), its title and the missing sentences."""
        self._figures = figures
        self._title = title
        self._missing = missing
        self.setAccessibleName(self.accessible_text())
        self.update()

    def accessible_text(self) -> str:
        """The chart in words, for screen readers and tests."""
        if self._figures is None:
            return self._empty
        months = ", ".join(
            f"{month}: {self._figure(amount)}"
            for month, amount in zip(self._figures.months, self._figures.amounts, strict=True)
        )
        return f"{self._title}. {months}. " + " ".join(self._missing)

    def _figure(self, amount: Decimal) -> str:
        assert self._figures is not None
        return (
            wording.number(int(amount), figures=locale_text.figures())
            if self._figures.per_month
            else wording.money(amount, figures=locale_text.figures())
        )

    def _lines(self) -> list[tuple[Level, Decimal]]:
        assert self._figures is not None
        if self._figures.per_month:
            return list(self._figures.needs)
        return [(level, need / 12) for level, need in self._figures.needs]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        muted = muted_text_color(palette)
        metrics = self.fontMetrics()
        line_height = metrics.height()
        area = QRectF(self.rect()).adjusted(8, 4, -8, -4)
        if self._figures is None:
            painter.setPen(muted)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), self._empty)
            return
        figures = self._figures
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        painter.drawText(area.topLeft() + QPointF(0, metrics.ascent()), self._title)
        painter.setFont(self.font())
        top = area.top() + line_height + 2
        painter.setPen(muted)
        for sentence in self._missing[:1]:
            elided = metrics.elidedText(sentence, Qt.TextElideMode.ElideRight, int(area.width()))
            painter.drawText(QPointF(area.left(), top + metrics.ascent()), elided)
            top += line_height
        lines = self._lines()
        label_width = max(
            (metrics.horizontalAdvance(self._line_label(level, value)) for level, value in lines),
            default=0,
        )
        plot = QRectF(
            area.left() + 4, top + 6, area.width() - label_width - 16, area.bottom() - top - 6
        )
        plot.setBottom(area.bottom() - line_height - 2)
        if plot.height() < 20 or plot.width() < 60:
            return
        highest = max([*figures.amounts, *(value for _, value in lines), Decimal(1)])
        scale = plot.height() / float(highest) * 0.95

        def y_of(value: Decimal) -> float:
            return plot.bottom() - float(value) * scale

        slot = plot.width() / len(figures.months)
        bar_color = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bar_color)
        for position, amount in enumerate(figures.amounts):
            left = plot.left() + position * slot + slot * 0.15
            painter.drawRect(QRectF(left, y_of(amount), slot * 0.7, plot.bottom() - y_of(amount)))
        painter.setPen(muted)
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        every = 1 if slot > metrics.horizontalAdvance("2018-12 ") else 3
        for position, month in enumerate(figures.months):
            if position % every:
                continue
            label = f"{month}"
            center = plot.left() + position * slot + slot / 2
            width = metrics.horizontalAdvance(label)
            painter.drawText(
                QPointF(center - width / 2, plot.bottom() + metrics.ascent() + 2), label
            )
        for level, value in lines:
            pen = QPen(LEVEL_COLORS.get(level, text_color), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = y_of(value)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.drawText(
                QPointF(plot.right() + 6, y + metrics.ascent() / 2 - 1),
                self._line_label(level, value),
            )

    def _line_label(self, level: Level, value: Decimal) -> str:
        assert self._figures is not None
        if self._figures.per_month:
            return self.tr("{level}: {value}").format(
                level=enum_label(level),
                value=wording.number(int(value), figures=locale_text.figures()),
            )
        return self.tr("{level}: {value} a month").format(
            level=enum_label(level),
            value=wording.money(value.quantize(Decimal(1)), figures=locale_text.figures()),
        )

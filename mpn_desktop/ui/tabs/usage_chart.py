"""The Sales tab's chart: the window's credited figure month by month, against silver and gold.

On a day under the Solutions Partner program it is a designation's usage over
the months its growth measures (13, or 24 where twelve months are compared
with the twelve before), with the two compared periods framed (no levels'
lines: a designation scores points, not silver or gold).

Bars are what each month credits; for an amount over 12 months the levels'
lines are a twelfth of what they need (the pace that reaches it), for users
(counted in the latest month) the need itself. What is still missing is
written under the title, in the engine's own sentences. Drawn with QPainter
(PySide6-Essentials has no QtCharts), in the palette's colours.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from mpn_desktop.domain import wording
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_usage_months import DesignationUsage, Period
from mpn_desktop.domain.enums import Level
from mpn_desktop.domain.usage_months import MonthlyFigures
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.models.fields import FieldKind, enum_label
from mpn_desktop.ui.models.usage_grid import FIGURES
from mpn_desktop.ui.status_text import muted_text_color

LEVEL_COLORS = {Level.SILVER: QColor(128, 128, 140), Level.GOLD: QColor(212, 160, 23)}

MINIMUM_HEIGHT = 110
"""The chart's height at the least: its title, a missing sentence, bars and month labels."""


class UsageChart(QWidget):
    """Bars per month with a line per level; says what is missing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usageChart")
        self.setMinimumHeight(MINIMUM_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._figures: MonthlyFigures | None = None
        self._usage: DesignationUsage | None = None
        self._title = ""
        self._missing: list[str] = []
        self._empty = self._no_competency = self.tr(
            "No targeted competency measures usage month by month."
        )

    def sizeHint(self) -> QSize:
        return QSize(600, 150)

    def set_figures(self, figures: MonthlyFigures | None, title: str, missing: list[str]) -> None:
        """What to draw (None: nothing to chart), its title and the missing sentences."""
        self._figures = figures
        self._usage = None
        self._empty = self._no_competency
        self._title = title
        self._missing = missing
        self.setAccessibleName(self.accessible_text())
        self._tell_cut_title()
        self.update()

    def set_designation_usage(
        self, usage: DesignationUsage | None, title: str, missing: list[str]
    ) -> None:
        """A designation's usage month by month (None: nothing to chart), its title and
        what its metrics still miss; the two months growth compares are marked."""
        self._figures = None
        self._usage = usage
        self._empty = self.tr("No targeted designation measures usage growth month by month.")
        self._title = title
        self._missing = missing
        self.setAccessibleName(self.accessible_text())
        self._tell_cut_title()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._tell_cut_title()

    def _title_shown(self) -> str:
        """The title as drawn: bold, ending in "…" where the chart is narrower than it."""
        bold = self.font()
        bold.setBold(True)
        width = int(QRectF(self.rect()).adjusted(8, 4, -8, -4).width())
        return QFontMetrics(bold).elidedText(self._title, Qt.TextElideMode.ElideRight, width)

    def _tell_cut_title(self) -> None:
        # A title cut to the chart's width is read whole in the tooltip.
        cut = self._series() is not None and self._title_shown() != self._title
        self.setToolTip(self._title if cut else "")

    @property
    def lines(self) -> list[tuple[Level, Decimal]]:
        """The levels' lines drawn (none for a designation)."""
        return self._lines() if self._figures is not None else []

    @property
    def marked(self) -> tuple[Month, ...]:
        """The months marked as compared (a designation's compared periods' months)."""
        return self._usage.compared_months() if self._usage is not None else ()

    @property
    def periods(self) -> tuple[Period, ...]:
        """The periods framed as compared (first and last month each)."""
        return self._usage.compared if self._usage is not None else ()

    @property
    def missing(self) -> tuple[str, ...]:
        """What is still missing, in the order said (the first drawn under the title)."""
        return tuple(self._missing)

    @property
    def title(self) -> str:
        """The chart's title ('' when there is nothing to chart)."""
        return self._title if self._series() is not None else ""

    def _series(self) -> tuple[tuple[Month, ...], tuple[Decimal, ...]] | None:
        if self._figures is not None:
            return self._figures.months, self._figures.amounts
        if self._usage is not None:
            return self._usage.months, self._usage.amounts
        return None

    def accessible_text(self) -> str:
        """The chart in words, for screen readers and tests."""
        series = self._series()
        if series is None:
            return self._empty
        months = ", ".join(
            f"{locale_text.month(month)}: {self._figure(amount)}"
            for month, amount in zip(*series, strict=True)
        )
        return f"{self._title}. {months}. " + " ".join(self._missing)

    def _counts(self) -> bool:
        """Whether the figure is a count (users, seats) rather than money."""
        if self._usage is not None:
            shown = FIGURES.get(self._usage.figure)
            return shown is not None and shown.kind is FieldKind.COUNT
        return self._figures is not None and self._figures.per_month

    def _figure(self, amount: Decimal) -> str:
        return (
            wording.number(int(amount), figures=locale_text.figures())
            if self._counts()
            else wording.money(amount, figures=locale_text.figures())
        )

    def _lines(self) -> list[tuple[Level, Decimal]]:
        if self._figures is None:
            return []
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
        series = self._series()
        if series is None:
            painter.setPen(muted)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), self._empty)
            return
        chart_months, amounts = series
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        painter.drawText(area.topLeft() + QPointF(0, metrics.ascent()), self._title_shown())
        painter.setFont(self.font())
        top = area.top() + line_height + 2
        painter.setPen(muted)
        # Squeezed (the window at its minimum, a row above the chart): the bars before the
        # sentence, which the grid's page and the panel say too.
        room = area.bottom() - top - 2 * line_height - 8
        for sentence in self._missing[: 1 if room >= 40 else 0]:
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
        highest = max([*amounts, *(value for _, value in lines), Decimal(1)])
        scale = plot.height() / float(highest) * 0.95

        def y_of(value: Decimal) -> float:
            return plot.bottom() - float(value) * scale

        slot = plot.width() / len(chart_months)
        # The periods growth compares (two months, or two runs of twelve): a frame each.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(text_color, 1, Qt.PenStyle.DotLine))
        for first, last in self.periods:
            start, end = chart_months.index(first), chart_months.index(last)
            painter.drawRect(
                QRectF(
                    plot.left() + start * slot + slot * 0.05,
                    plot.top(),
                    (end - start + 1) * slot - slot * 0.1,
                    plot.height(),
                )
            )
        bar_color = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bar_color)
        for position, amount in enumerate(amounts):
            left = plot.left() + position * slot + slot * 0.15
            painter.drawRect(QRectF(left, y_of(amount), slot * 0.7, plot.bottom() - y_of(amount)))
        painter.setPen(muted)
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        for center, label in self._axis_labels(chart_months, slot):
            width = metrics.horizontalAdvance(label)
            painter.drawText(
                QPointF(plot.left() + center - width / 2, plot.bottom() + metrics.ascent() + 2),
                label,
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

    def period_text(self, period: Period) -> str:
        """A compared month ("2023-07") or run of months ("2022-08 to 2023-07"), the months
        as the locale names them ("Aug. 2022 bis Juli 2023")."""
        first, last = period
        if first == last:
            return locale_text.month(first)
        return self.tr("{first} to {last}").format(
            first=locale_text.month(first), last=locale_text.month(last)
        )

    def _axis_labels(self, months: tuple[Month, ...], slot: float) -> list[tuple[float, str]]:
        """The labels under the bars (centre from the plot's left, text), none over another:
        compared runs of months are named under their frames ("2021-08 to 2022-07") and
        nothing else; compared single months by themselves, then every month (or every
        third) where room is left."""
        metrics = self.fontMetrics()
        wanted: list[tuple[float, str]] = []
        for first, last in self.periods:
            start, end = months.index(first), months.index(last)
            text = self.period_text((first, last))
            if first != last:  # a run's name within its frame; a month's label as it is
                room = int((end - start + 1) * slot)
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            wanted.append(((start + end + 1) * slot / 2, text))
        if any(first != last for first, last in self.periods):
            return wanted  # the runs' names say their months; month labels would split them
        texts = [locale_text.month(month) for month in months]
        widest = max((metrics.horizontalAdvance(f"{text} ") for text in texts), default=0)
        every = 1 if slot > widest else 3
        wanted += [
            (position * slot + slot / 2, text)
            for position, text in enumerate(texts)
            if position % every == 0
        ]
        taken: list[tuple[float, float]] = []
        labels = []
        for center, label in wanted:
            half = metrics.horizontalAdvance(label) / 2 + 2
            if any(center - half < right and left < center + half for left, right in taken):
                continue
            taken.append((center - half, center + half))
            labels.append((center, label))
        return labels

    def _line_label(self, level: Level, value: Decimal) -> str:
        if self._figures is None or self._figures.per_month:
            return self.tr("{level}: {value}").format(
                level=enum_label(level),
                value=wording.number(int(value), figures=locale_text.figures()),
            )
        return self.tr("{level}: {value} a month").format(
            level=enum_label(level),
            value=wording.money(value.quantize(Decimal(1)), figures=locale_text.figures()),
        )

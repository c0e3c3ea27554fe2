"""The Sales tab's chart: the window's credited figure month by month, against silver and gold.

On a day under the Solutions Partner program it is a designation's usage over
the months its growth measures (13, or 24 where twelve months are compared
with the twelve before), with the two compared periods framed (no levels'
lines: a designation scores points, not silver or gold). A growth of several
parts whose points add up (Security's Azure consumption and protected users)
is drawn part beside part, each with its own figure and scale, so that they
are compared at a glance; a click on a part shows its months in the grid.

Bars are what each month credits; for an amount over 12 months the levels'
lines are a twelfth of what they need (the pace that reaches it), for users
(counted in the latest month) the need itself. What is still missing is
written under the title, in the engine's own sentences. Drawn with QPainter
(PySide6-Essentials has no QtCharts), in the palette's colours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from mpn_desktop.domain import wording
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Level
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.models.fields import FieldKind, enum_label
from mpn_desktop.ui.models.usage_grid import FIGURES
from mpn_desktop.ui.status_text import muted_text_color

if TYPE_CHECKING:
    from mpn_desktop.domain.designation_usage_months import DesignationUsage, Period
    from mpn_desktop.domain.usage_months import MonthlyFigures

LEVEL_COLORS = {Level.SILVER: QColor(128, 128, 140), Level.GOLD: QColor(212, 160, 23)}

MINIMUM_HEIGHT = 110
"""The chart's height at the least: its title, a missing sentence, bars and month labels."""

PART_GAP = 16
"""The room between the parts of a designation's usage growth drawn side by side."""


@dataclass(frozen=True, slots=True)
class ChartPart:
    """One part of a designation's usage growth as drawn: its months, the caption above its
    bars (its figure) and what it still misses, in the scoring's words."""

    usage: DesignationUsage
    caption: str
    missing: tuple[str, ...] = ()


class UsageChart(QWidget):
    """Bars per month with a line per level; says what is missing."""

    partChosen = Signal(str)
    """A part of several was clicked: the figure it reads ("active_users")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usageChart")
        self.setMinimumHeight(MINIMUM_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._figures: MonthlyFigures | None = None
        self._parts: tuple[ChartPart, ...] = ()
        self._shown_figure = ""
        """The figure of the part the grid below shows (its caption drawn in bold)."""
        self._title = ""
        self._missing: list[str] = []
        self._empty = self._no_competency = self.tr(
            "No targeted competency measures usage month by month."
        )

    def sizeHint(self) -> QSize:
        return QSize(600, 150)

    def set_figures(self, figures: MonthlyFigures | None, title: str, missing: list[str]) -> None:
        """What to draw (None: nothing to chart), its title and the missing sentences."""
        self._show(figures, (), self._no_competency, title, missing)

    def set_designation_usage(
        self,
        parts: Sequence[ChartPart],
        title: str,
        missing: list[str],
        shown_figure: str = "",
    ) -> None:
        """A designation's usage month by month, part beside part where its growth has
        several (none: nothing to chart), its title and what its metric still misses;
        the periods growth compares are framed; ``shown_figure`` is the grid's part."""
        self._shown_figure = shown_figure
        empty = self.tr("No targeted designation measures usage growth month by month.")
        self._show(None, tuple(parts), empty, title, missing)

    def set_waiting(self, text: str) -> None:
        """Nothing charted: ``text`` says what is being worked out meanwhile."""
        self._show(None, (), text, "", [])

    def _show(
        self,
        figures: MonthlyFigures | None,
        parts: tuple[ChartPart, ...],
        empty: str,
        title: str,
        missing: list[str],
    ) -> None:
        """Draws the competency's ``figures`` or a designation's ``parts`` (neither:
        ``empty`` is said), under ``title``, with the ``missing`` sentences."""
        self._figures, self._parts = figures, parts
        self._empty, self._title, self._missing = empty, title, missing
        if len(parts) > 1:
            self.setCursor(Qt.CursorShape.PointingHandCursor)  # a part is clicked to choose it
        else:
            self.unsetCursor()
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
        # A title cut to the chart's width is read whole in the tooltip; parts side by side
        # say how to see one's months in the grid.
        cut = self._series() is not None and self._title_shown() != self._title
        tip = self._title if cut else ""
        if len(self._parts) > 1:
            click = self.tr("Click a part to see its months in the grid below.")
            tip = f"{tip}\n{click}" if tip else click
        self.setToolTip(tip)

    @property
    def lines(self) -> list[tuple[Level, Decimal]]:
        """The levels' lines drawn (none for a designation)."""
        return self._lines() if self._figures is not None else []

    @property
    def parts(self) -> tuple[DesignationUsage, ...]:
        """The parts of a designation's usage growth drawn, left to right."""
        return tuple(part.usage for part in self._parts)

    @property
    def marked(self) -> tuple[Month, ...]:
        """The months marked as compared (the first part's compared periods' months)."""
        return self._parts[0].usage.compared_months() if self._parts else ()

    @property
    def periods(self) -> tuple[Period, ...]:
        """The periods framed as compared in the first part (first and last month each)."""
        return self._parts[0].usage.compared if self._parts else ()

    @property
    def missing(self) -> tuple[str, ...]:
        """What is still missing, in the order said (the first drawn under the title)."""
        return tuple(self._missing)

    @property
    def title(self) -> str:
        """The chart's title ('' when there is nothing to chart)."""
        return self._title if self._series() is not None else ""

    def _series(self) -> tuple[tuple[Month, ...], tuple[Decimal, ...]] | None:
        """The competency's months and amounts, or the first part's (None: nothing)."""
        if self._figures is not None:
            return self._figures.months, self._figures.amounts
        if self._parts:
            return self._parts[0].usage.months, self._parts[0].usage.amounts
        return None

    def accessible_text(self) -> str:
        """The chart in words, for screen readers and tests."""
        if self._series() is None:
            return self._empty
        if self._figures is not None:
            said = self._months_text(self._figures.months, self._figures.amounts, "")
        else:
            said = ". ".join(
                (f"{part.caption}: " if len(self._parts) > 1 else "")
                + self._months_text(part.usage.months, part.usage.amounts, part.usage.figure)
                for part in self._parts
            )
        return f"{self._title}. {said}. " + " ".join(self._missing)

    def _months_text(
        self, months: tuple[Month, ...], amounts: tuple[Decimal, ...], figure: str
    ) -> str:
        return ", ".join(
            f"{locale_text.month(month)}: {self._figure(amount, figure)}"
            for month, amount in zip(months, amounts, strict=True)
        )

    def _counts(self, figure: str) -> bool:
        """Whether a designation's ``figure`` (or the competency's) is a count (users,
        seats) rather than money."""
        if figure:
            shown = FIGURES.get(figure)
            return shown is not None and shown.kind is FieldKind.COUNT
        return self._figures is not None and self._figures.per_month

    def _figure(self, amount: Decimal, figure: str) -> str:
        return (
            wording.number(int(amount), figures=locale_text.figures())
            if self._counts(figure)
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
        if self._series() is None:
            painter.setPen(muted)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), self._empty)
            return
        # Parts side by side under a squeezed title line (the window at its minimum, the
        # designation's choice above): their captions and bars before the title, which the
        # choice and the tooltip say.
        several = len(self._parts) > 1
        top = area.top()
        if not several or area.height() >= 3 * line_height + 40:
            bold = painter.font()
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(text_color)
            painter.drawText(area.topLeft() + QPointF(0, metrics.ascent()), self._title_shown())
            painter.setFont(self.font())
            top += line_height + 2
        if several:
            self._paint_parts(painter, QRectF(area.left(), top, area.width(), area.bottom() - top))
            return
        # Squeezed (the window at its minimum, a row above the chart): the bars before the
        # sentence, which the grid's page and the panel say too.
        top = self._paint_sentences(painter, area, top, self._missing)
        rest = QRectF(area.left(), top, area.width(), area.bottom() - top)
        if self._figures is not None:
            figures = self._figures
            self._paint_bars(painter, rest, figures.months, figures.amounts, lines=self._lines())
        else:
            usage = self._parts[0].usage
            self._paint_bars(painter, rest, usage.months, usage.amounts, periods=usage.compared)

    def _paint_sentences(
        self, painter: QPainter, area: QRectF, top: float, sentences: Sequence[str]
    ) -> float:
        """The first missing sentence under ``top`` where the bars keep their room; returns
        the top left for the bars."""
        metrics = self.fontMetrics()
        painter.setPen(muted_text_color(self.palette()))
        room = area.bottom() - top - 2 * metrics.height() - 8
        for sentence in sentences[: 1 if room >= 40 else 0]:
            elided = metrics.elidedText(sentence, Qt.TextElideMode.ElideRight, int(area.width()))
            painter.drawText(QPointF(area.left(), top + metrics.ascent()), elided)
            top += metrics.height()
        return top

    def _paint_parts(self, painter: QPainter, area: QRectF) -> None:
        """The parts side by side: each its caption (bold: the grid's), its first missing
        sentence where there is room, and its bars on a scale of its own."""
        metrics = self.fontMetrics()
        for part, column in zip(self._parts, self._columns(area), strict=True):
            width = column.width()
            font = self.font()
            font.setBold(part.usage.figure == self._shown_figure)
            painter.setFont(font)
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            caption = QFontMetrics(font).elidedText(
                part.caption, Qt.TextElideMode.ElideRight, int(width)
            )
            painter.drawText(QPointF(column.left(), column.top() + metrics.ascent()), caption)
            painter.setFont(self.font())
            top = self._paint_sentences(
                painter, column, column.top() + metrics.height(), part.missing
            )
            usage = part.usage
            bars = QRectF(column.left(), top, width, column.bottom() - top)
            self._paint_bars(painter, bars, usage.months, usage.amounts, periods=usage.compared)

    def _paint_bars(
        self,
        painter: QPainter,
        area: QRectF,
        chart_months: tuple[Month, ...],
        amounts: tuple[Decimal, ...],
        *,
        periods: tuple[Period, ...] = (),
        lines: Sequence[tuple[Level, Decimal]] = (),
    ) -> None:
        """Bars of ``amounts`` in ``area`` (their scale its own), the ``periods`` framed,
        the levels' ``lines`` across, the months named under them."""
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        muted = muted_text_color(palette)
        metrics = self.fontMetrics()
        line_height = metrics.height()
        top = area.top()
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
        for first, last in periods:
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
        for center, label in self._axis_labels(chart_months, slot, periods):
            width = metrics.horizontalAdvance(label)
            # The first and last month's name within the area (not cut at the chart's edge).
            left = min(max(plot.left() + center - width / 2, area.left()), area.right() - width)
            painter.drawText(QPointF(left, plot.bottom() + metrics.ascent() + 2), label)
        for level, value in lines:
            pen = QPen(LEVEL_COLORS.get(level, text_color), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = y_of(value)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.drawText(
                QPointF(plot.right() + 6, y + metrics.ascent() / 2 - 1),
                self._line_label(level, value),
            )

    def _columns(self, area: QRectF) -> list[QRectF]:
        """The columns of ``area`` the parts are drawn in, left to right."""
        count = len(self._parts)
        width = (area.width() - PART_GAP * (count - 1)) / max(count, 1)
        return [
            QRectF(area.left() + position * (width + PART_GAP), area.top(), width, area.height())
            for position in range(count)
        ]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # Parts side by side: a click on one shows its months in the grid below.
        if len(self._parts) > 1 and event.button() == Qt.MouseButton.LeftButton:
            area = QRectF(self.rect()).adjusted(8, 4, -8, -4)
            for part, column in zip(self._parts, self._columns(area), strict=True):
                if column.left() <= event.position().x() <= column.right():
                    self.partChosen.emit(part.usage.figure)
                    return
        super().mousePressEvent(event)

    def period_text(self, period: Period) -> str:
        """A compared month ("2023-07") or run of months ("2022-08 to 2023-07"), the months
        as the locale names them ("Aug. 2022 bis Juli 2023")."""
        first, last = period
        if first == last:
            return locale_text.month(first)
        return self.tr("{first} to {last}").format(
            first=locale_text.month(first), last=locale_text.month(last)
        )

    def _axis_labels(
        self, months: tuple[Month, ...], slot: float, periods: tuple[Period, ...] | None = None
    ) -> list[tuple[float, str]]:
        """The labels under the bars (centre from the plot's left, text), none over another:
        compared runs of months are named under their frames ("2021-08 to 2022-07") and
        nothing else; compared single months by themselves, then every month (or every
        third) where room is left."""
        metrics = self.fontMetrics()
        periods = self.periods if periods is None else periods
        wanted: list[tuple[float, str]] = []
        for first, last in periods:
            start, end = months.index(first), months.index(last)
            text = self.period_text((first, last))
            if first != last:  # a run's name within its frame; a month's label as it is
                room = int((end - start + 1) * slot)
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            wanted.append(((start + end + 1) * slot / 2, text))
        if any(first != last for first, last in periods):
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

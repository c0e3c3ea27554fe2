"""The chart above the Sales tab's usage grid and the choice of the designation it charts, drawn
from the competency's progress or from a designation's usage growth."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.ui import count_text
from mpn_desktop.ui.eliding_combo import ElidingComboBox
from mpn_desktop.ui.models.fields import enum_label
from mpn_desktop.ui.models.usage_grid import figure_label
from mpn_desktop.ui.tabs.usage_chart import MINIMUM_HEIGHT, ChartPart, UsageChart

if TYPE_CHECKING:
    from mpn_desktop.domain import designation_usage_months, usage_months
    from mpn_desktop.domain.designation_usage_months import DesignationUsage
    from mpn_desktop.domain.facts import Facts
    from mpn_desktop.domain.progress import Progress
    from mpn_desktop.domain.requirement_tree import RequirementTree
    from mpn_desktop.domain.usage_months import MonthlyFigures
else:
    # Drawn once the window is filled: imported after start-up's first paint.
    designation_usage_months = LazyModule("mpn_desktop.domain.designation_usage_months")
    usage_months = LazyModule("mpn_desktop.domain.usage_months")


class UsageChartDrawing(QObject):
    """The chart and, above it, "Chart the usage growth of:" with the targeted designations
    (shown when there is a choice). Its widgets are the section's, laid out in its column
    (``spacing``: that column's, which the choice's row takes from the chart's least)."""

    designationChosen = Signal(str)
    """The user chose a designation to chart (its id)."""

    def __init__(self, section: QWidget, spacing: Callable[[], int]) -> None:
        super().__init__(section)
        self._section = section
        self._spacing = spacing
        self.chart = UsageChart(section)
        # Which targeted designation's usage growth the chart shows (when there is a choice).
        self.designation = ElidingComboBox(section)
        self.designation.setObjectName("chartDesignation")
        self.designation.setAccessibleName(self.tr("Designation charted"))
        self.designation.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # As wide as the names where there is room; narrower (elided) in a small window.
        self.designation.activated.connect(
            lambda index: self.designationChosen.emit(str(self.designation.itemData(index)))
        )
        self.designation_label = QLabel(self.tr("Chart the usage &growth of:"), section)
        self.designation_label.setBuddy(self.designation)
        self.designation_row = QWidget(section)
        choice = QHBoxLayout(self.designation_row)
        choice.setContentsMargins(0, 0, 0, 0)
        choice.addWidget(self.designation_label)
        choice.addWidget(self.designation)
        choice.addStretch(1)
        self.designation_row.setVisible(False)

    def offer_designations(self, choices: tuple[tuple[str, str], ...], preferred: str) -> str:
        """Lists the designations the chart can show; returns the one to chart ("": none):
        ``preferred`` where listed, else the first."""
        listed = tuple(
            (str(self.designation.itemData(i)), self.designation.itemText(i))
            for i in range(self.designation.count())
        )
        if listed != choices:
            self.designation.clear()
            for designation_id, name in choices:
                self.designation.addItem(name, designation_id)
        offered = len(choices) > 1
        if offered != self.designation_row.isVisibleTo(self._section):
            self.designation_row.setVisible(offered)
            # The row takes its height from the chart's least: the page needs no more
            # height than before (the window's minimum stays what it was).
            taken = self.designation_row.sizeHint().height() + self._spacing()
            self.chart.setMinimumHeight(MINIMUM_HEIGHT - (taken if offered else 0))
        index = max(self.designation.findData(preferred), 0)
        if not choices:
            return ""
        self.designation.setCurrentIndex(index)
        return choices[index][0]

    def draw_designation(
        self,
        scored: ScoredCatalog | None,
        tree: RequirementTree | None,
        facts: Facts | None,
        last: Month,
        *,
        preferred: str,
        figure: str,
    ) -> DesignationUsage | None:
        """Charts the usage growth of the designation to chart (every part of it); returns
        the part the grid shows: ``figure``'s where the user chose one ("": the first)."""
        chosen = ""
        if scored is not None and tree is not None:
            targeted = tuple(node.id for node in tree.targeted)
            chosen = self.offer_designations(
                designation_usage_months.charted_designations(scored, targeted), preferred
            )
        else:
            self.offer_designations((), preferred)
        # Every part of the growth is charted; the figure the user chose picks the part the
        # grid shows (Security's protected users rather than its Azure consumption).
        parts = (
            designation_usage_months.growth_parts(scored, chosen, facts, last)
            if scored is not None and chosen
            else ()
        )
        usage = next((part for part in parts if part.figure == figure), parts[0] if parts else None)
        if usage is None:
            self.chart.set_designation_usage((), "", [])
            return None
        if len(parts) > 1:
            title = self.tr(
                "{designation}: usage growth by month in {count} parts, their points added up"
            ).format(designation=usage.designation, count=count_text.count(len(parts)))
        else:
            before, latest = (self.chart.period_text(period) for period in usage.compared)
            title = self.tr("{designation}: {figure} by month, {first} and {last} compared").format(
                designation=usage.designation,
                figure=figure_label(usage.figure),
                first=before,
                last=latest,
            )
        self.chart.set_designation_usage(
            [
                ChartPart(
                    part,
                    figure_label(part.figure),
                    designation_usage_months.part_missing(tree, part),
                )
                for part in parts
            ],
            title,
            list(designation_usage_months.growth_missing(tree, usage)),
            shown_figure=usage.figure,
        )
        return usage

    def draw_competency(
        self, catalog: Catalog, progress: Progress, facts: Facts | None
    ) -> tuple[MonthlyFigures | None, str]:
        """Charts the credited months of the targeted competency's measure; returns them
        (None: nothing to chart) and the figure that measure reads ("": none)."""
        self.offer_designations((), "")  # competencies: no choice (the chart its full height)
        subject = usage_months.chart_subject(catalog, progress)
        field = usage_months.usage_field(subject.measure) if subject is not None else ""
        if subject is None or facts is None:
            self.chart.set_figures(None, "", [])
            return None, field
        figures = usage_months.monthly_figures(
            facts, subject.option, subject.measure, progress.as_of, progress.organization.market
        )
        missing = [
            self.tr("{level}: {sentence}").format(level=enum_label(level), sentence=sentence)
            for level, sentences in subject.missing
            for sentence in sentences
        ]
        self.chart.set_figures(
            figures,
            self.tr("{competency}: {measure}, credited by month").format(
                competency=subject.competency, measure=subject.measure.description
            ),
            missing,
        )
        return figures, field

"""A Solutions Partner designation in the status panel: its score out of 100 and every metric.

The card draws one designation node of the requirement tree: the score with
the 70 that qualifies, each category's points, each metric's figures and
points as a bar, what is still missing (the metric at zero first) and the
cheapest way to 70. It computes nothing: the figures are the tree's.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QWidget,
)

from mpn_desktop.domain import wording
from mpn_desktop.domain.designations import track_title
from mpn_desktop.domain.wording import Figures
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.figure_row import BAR_STEPS, FigureRow, amounts_kept_whole, card_layout
from mpn_desktop.ui.lead_links import LeadLinks
from mpn_desktop.ui.status_text import (
    SemanticColors,
    fraction,
    muted_text_color,
    semantic_colors,
)

if TYPE_CHECKING:
    from mpn_desktop.domain import designation_steps, qualification_window
    from mpn_desktop.domain.requirement_tree import RequirementNode
else:
    qualification_window = LazyModule("mpn_desktop.domain.qualification_window")
    designation_steps = LazyModule("mpn_desktop.domain.designation_steps")

_ZERO = Decimal(0)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DesignationCard", text)


def points(value: Decimal | None, figures: Figures | None = None) -> str:
    """Points to one decimal, whole ones without, in the locale's figures (``figures``, else
    asked of the locale): "13.3", "20"."""
    rounded = round(value or _ZERO, 1)
    return wording.number(
        rounded,
        0 if rounded == rounded.to_integral_value() else 1,
        figures=locale_text.figures() if figures is None else figures,
    )


@dataclass(frozen=True, slots=True)
class _Look:
    """What every row of a card is drawn with, worked out once a card (asked of the locale
    and the palette for each figure, they were a third of a redraw's time)."""

    figures: Figures
    colors: SemanticColors
    muted_name: str
    """The palette's muted colour, ``#rrggbb``."""

    @property
    def muted(self) -> str:
        """The muted colour as a style sheet."""
        return f"color: {self.muted_name};"

    @property
    def muted_style(self) -> str:
        """The muted colour as a rich text span's attribute."""
        return f"style='color:{self.muted_name}'"


def _set_style(widget: QWidget, sheet: str) -> None:
    """Sets a style sheet when it differs (each set polishes the widget anew: ~0.15 ms)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def _set_tip(widget: QWidget, tip: str) -> None:
    """Sets a tooltip when it differs (each set sends the widget an event)."""
    if widget.toolTip() != tip:
        widget.setToolTip(tip)


class _MetricRow(FigureRow):
    """A metric: its name on a line, its have/need and points on the next, a slim bar.

    Beside the name in a narrow panel the figures wrapped over three lines
    ("15.64 of 20 percent · 15.6 of 20 pts"); under it, the have/need ("15.64 of
    20 percent") and the points ("15.6 of 20 pts") share a line of the panel's
    whole width, and a long name (German "Zwischenzertifizierungen") has it too.
    """

    def __init__(self, grid: QGridLayout, row: int, parent: QWidget) -> None:
        super().__init__(grid, row, parent, "metricFigure", detail=True)
        if self.detail is not None:
            self.detail.setObjectName("metricHaveNeed")
            self.detail.setTextFormat(Qt.TextFormat.PlainText)
        # A step-gated metric's prerequisite steps, a short line each, between its figures
        # and its bar: "0 of 4 people · 4 of 20 pts" says where the 4 points come from.
        self.steps = QLabel(parent)
        self.steps.setObjectName("metricSteps")
        self.steps.setTextFormat(Qt.TextFormat.PlainText)
        self.steps.setWordWrap(True)
        self.steps.setVisible(False)
        self.net: QLabel | None = None
        """A net figure's making, muted under the figures (made for a metric that has one)."""
        self._grid, self._net_row = grid, row + self.rows
        grid.removeWidget(self.bar)
        grid.addWidget(self.steps, row + self.rows - 1, 0, 1, 2)
        grid.addWidget(self.bar, row + self.rows + 1, 0, 1, 2)
        self.rows += 2

    def widgets(self) -> tuple[QWidget, ...]:
        """The figure's widgets, the steps' line and the net figure's."""
        shown = (*super().widgets(), self.steps)
        return shown if self.net is None else (*shown, self.net)

    def show(self, metric: RequirementNode, look: _Look) -> None:
        have_of_need = wording.metric_have_of_need(
            metric.have or _ZERO,
            metric.need or _ZERO,
            metric.unit,
            gated=metric.gated,
            figures=look.figures,
        )
        # Parts in different units (Security's US$ and users) have no figure together:
        # the line says so instead of standing empty beside the points.
        figures = _tr("its parts' points added up") if have_of_need is None else have_of_need
        score = _tr("{have} of {most} pts").format(
            have=points(metric.points, look.figures), most=points(metric.max_points, look.figures)
        )
        colors = look.colors
        if metric.met:
            shown = f"<span style='color:{colors.ok.name()}'>✓</span> {html.escape(score)}"
        elif not metric.points:
            shown = f"<span style='color:{colors.warning.name()}'>{html.escape(score)}</span>"
        else:
            shown = html.escape(score)
        self.caption.setText(metric.label)
        if self.detail is not None:
            self.detail.setText(amounts_kept_whole(figures))
            # The palette's muted colour as it is now (the row is kept through redraws).
            _set_style(self.detail, look.muted)
        self.figure.setText(shown)
        self.bar.setValue(
            round(fraction(metric.points or _ZERO, metric.max_points or _ZERO) * BAR_STEPS)
        )
        about = "\n\n".join(part for part in (metric.description, *metric.notes) if part)
        for widget in self.widgets():
            _set_tip(widget, about)
        text = f"{figures} · {score}" if figures else score
        self.bar.setAccessibleName(f"{metric.label}: {text}")
        self._show_steps(metric, about, look.figures)
        self._show_net(metric.workings, about)

    def _show_net(self, said: tuple[str, ...], about: str) -> None:
        """How a net figure comes about: "34 of 3 customers" alone read as a mistake beside
        the 141 customers counted now (the tree's sentence was in the tooltip only)."""
        if not said:
            if self.net is not None:
                self.net.setVisible(False)
            return
        if self.net is None:
            # Made when first needed: a label for every metric made the cards 2-8 ms slower.
            self.net = QLabel(self.caption.parentWidget())
            self.net.setObjectName("metricNet")
            self.net.setTextFormat(Qt.TextFormat.PlainText)
            self.net.setWordWrap(True)
            self._grid.addWidget(self.net, self._net_row, 0, 1, 2)
        self.net.setText("\n".join(amounts_kept_whole(line) for line in said))
        _set_tip(self.net, about)
        if self.detail is not None:
            _set_style(self.net, self.detail.styleSheet())
        self.net.setVisible(True)

    def _show_steps(self, metric: RequirementNode, about: str, figures: Figures) -> None:
        """The prerequisite steps briefly; in full (with their certifications) as a tooltip."""
        # A metric's children are its steps (``designation_steps.step_nodes``, made with the tree).
        steps = metric.children
        if not steps:
            self.steps.clear()
            self.steps.setVisible(False)
            return
        self.steps.setText(
            "\n".join(
                designation_steps.brief_step_text(number, step, figures)
                for number, step in enumerate(steps, start=1)
            )
        )
        full = "\n".join(
            designation_steps.step_text(number, step) for number, step in enumerate(steps, start=1)
        )
        _set_tip(self.steps, "\n\n".join(part for part in (full, about) if part))
        self.steps.setAccessibleName(full)
        if self.detail is not None:
            _set_style(self.steps, self.detail.styleSheet())
        self.steps.setVisible(True)


class DesignationCard(QFrame):
    """One designation: its score against 70, its categories and metrics, what is missing.

    Each missing item and each step of the cheapest way is a link where the tree
    says where it leads (a ``Lead``): clicking it, or Enter on it after Tab,
    emits ``leadActivated`` with that lead, and the window opens the form.
    """

    leadActivated = Signal(object)
    """The ``Lead`` of a missing item or cheapest-way step the user clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._links = LeadLinks(self)
        layout, self.title = card_layout(self, "designationCard")
        self.score = QLabel(self)
        self.score.setObjectName("designationScore")
        self.score.setTextFormat(Qt.TextFormat.RichText)
        self.score.setWordWrap(True)
        layout.addWidget(self.score)
        self.score_bar = QProgressBar(self)
        self.score_bar.setRange(0, 100)
        self.score_bar.setTextVisible(False)
        self.score_bar.setFixedHeight(max(8, self.fontMetrics().height() * 2 // 3))
        layout.addWidget(self.score_bar)
        self._grid = QGridLayout()
        self._grid.setColumnStretch(0, 1)  # the have/need takes the width the points leave
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(2)
        layout.addLayout(self._grid)
        self._widgets: list[QWidget] = []
        self._headings: list[QLabel] = []
        self._metric_rows: list[_MetricRow] = []
        self._shape: tuple[int, ...] | None = None
        """Metrics per category of the rows made (None: none made yet)."""
        self.missing = QLabel(self)
        self.missing.setObjectName("missingList")
        self.missing.setWordWrap(True)
        self.missing.setTextFormat(Qt.TextFormat.RichText)
        self._links.follow(self.missing)
        layout.addWidget(self.missing)
        self.notes = QLabel(self)
        self.notes.setObjectName("designationNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.notes)
        # The cheapest way to 70 apart from the notes: its steps are links.
        self.cheapest = QLabel(self)
        self.cheapest.setObjectName("cheapestWay")
        self.cheapest.setWordWrap(True)
        self.cheapest.setTextFormat(Qt.TextFormat.RichText)
        self._links.follow(self.cheapest)
        layout.addWidget(self.cheapest)
        self._designation = ""
        self._shown: tuple[RequirementNode, int] | None = None
        """The node drawn last and the palette's key it was drawn with."""
        # Each lead says whose it is: Usage by month then charts this designation's usage.
        self._links.activated.connect(
            lambda lead: self.leadActivated.emit(replace(lead, designation=self._designation))
        )

    def _make_rows(self, shape: tuple[int, ...]) -> None:
        """A heading per category and a row per metric, ``shape`` giving the metrics of each."""
        # The net lines made since (``_MetricRow._show_net``) go with their rows.
        made = [row.net for row in self._metric_rows if row.net is not None]
        for widget in (*self._widgets, *made):
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self._widgets = []
        self._headings = []
        self._metric_rows = []
        self._shape = shape
        row = 0
        for metrics in shape:
            heading = QLabel(self)
            heading.setObjectName("categoryHeading")
            heading.setTextFormat(Qt.TextFormat.RichText)
            # Wraps: "Customer success: 25.6 of 30 points" on one line made the panel, and
            # the window with it, wider than 1024×700 at 150% scaling has room for.
            heading.setWordWrap(True)
            self._grid.addWidget(heading, row, 0, 1, 2)
            self._widgets.append(heading)
            self._headings.append(heading)
            row += 1
            for _ in range(metrics):
                metric_row = _MetricRow(self._grid, row, self)
                self._metric_rows.append(metric_row)
                self._widgets += metric_row.widgets()
                row += metric_row.rows

    def show_designation(self, designation: RequirementNode) -> None:
        """Fills the card from one designation's node (nothing to do when it is the very node
        drawn, in the same colours: scores handed back unchanged after an edit of what they do
        not read, ``DayScores``; each card drawn again cost ~1.3 ms). Not compared by value:
        that would put every node's evidence into words."""
        palette = self.palette().cacheKey()
        shown = self._shown
        if shown is not None and shown[0] is designation and shown[1] == palette:
            return
        self._shown = None  # until drawn whole
        self._designation = designation.id
        # The rows' figure labels take the card's palette (their own follow style sheets).
        look = _Look(
            locale_text.figures(),
            semantic_colors(self.palette()),
            muted_text_color(self.palette()).name(),
        )
        colors = look.colors
        target = self.tr(" (your target)") if designation.targeted else ""
        self.title.setText(f"{designation.label}{target}")
        score = points(designation.points, look.figures)
        qualifies = points(designation.need, look.figures)
        if designation.met:
            state = self.tr("✓ qualified")
            color = colors.ok
        else:
            state = self.tr("not qualified yet")
            color = colors.warning
        track = (
            self.tr(", {track} track").format(track=track_title(designation.way))
            if designation.way
            else ""
        )
        self.score.setText(
            self.tr("<b>{score}</b> of 100 points (70 qualifies{track}): ")
            .format(score=score, track=html.escape(track))
            .replace("70", qualifies)
            + f"<span style='color:{color.name()}'><b>{html.escape(state)}</b></span>"
        )
        self.score.setAccessibleName(
            self.tr("{name}: {score} of 100 points, {state}").format(
                name=designation.label, score=score, state=state
            )
        )
        self.score_bar.setValue(round(float(designation.points or _ZERO)))
        self.score_bar.setToolTip(
            self.tr("{score} of 100 points; 70 qualifies").format(score=score)
        )
        # The rows of the same categories and metrics (the catalogue's, on any day it is in
        # force) take the new figures; only another shape makes them again (12-24 ms a redraw
        # of the large organisation's six cards when every redraw made them).
        shape = tuple(len(category.children) for category in designation.children)
        if shape != self._shape:
            self._make_rows(shape)
        rows = iter(self._metric_rows)
        for category, heading in zip(designation.children, self._headings, strict=True):
            heading.setText(
                f"<b>{html.escape(category.label)}</b>: "
                + html.escape(
                    self.tr("{have} of {most} points").format(
                        have=points(category.points, look.figures),
                        most=points(category.max_points, look.figures),
                    )
                )
            )
            for metric in category.children:
                next(rows).show(metric, look)
        self._links.clear()
        if designation.met or not designation.missing:
            self.missing.clear()
            self.missing.setVisible(False)
        else:
            self.missing.setText(
                html.escape(self.tr("Still missing:"))
                + self._links.bullets(designation.missing, designation.missing_leads)
            )
            self.missing.setAccessibleName(
                self.tr("Still missing: {items}").format(items="; ".join(designation.missing))
            )
            self.missing.setAccessibleDescription(self._links.described())
            self.missing.setVisible(True)
        lines = self._about(designation)
        self.notes.setText("\n".join(lines))
        _set_tip(self.notes, designation.window.rule if designation.window else "")
        _set_style(self.notes, look.muted)
        self.notes.setVisible(bool(lines))
        self._show_cheapest(designation, look)
        self._shown = (designation, palette)

    def _show_cheapest(self, designation: RequirementNode, look: _Look) -> None:
        """The cheapest way to the qualifying score, each step a link to its metric's form."""
        if not designation.suggestion:
            self.cheapest.clear()
            self.cheapest.setVisible(False)
            return
        before = len(self._links.leads)
        steps = self._links.inline(designation.suggestion, designation.suggestion_leads)
        need = points(designation.need, look.figures)
        heading = self.tr("Cheapest way to {score}:").format(score=need)
        self.cheapest.setText(f"<span {look.muted_style}>{html.escape(heading)}</span> {steps}")
        self.cheapest.setAccessibleName(
            self.tr("Cheapest way to {score}: {steps}").format(
                score=need, steps="; ".join(designation.suggestion)
            )
        )
        self.cheapest.setAccessibleDescription(self._links.described(since=before))
        self.cheapest.setVisible(True)

    def _about(self, designation: RequirementNode) -> list[str]:
        """The tracks' scores, the qualification window, the cheapest way: the tree's data."""
        lines = []
        if designation.alternatives:
            scores = ", ".join(
                self.tr("{track} {score}").format(
                    track=track_title(node.way), score=points(node.points)
                )
                for node in (designation, *designation.alternatives)
            )
            if designation.notes:
                # Partner Center picks the track (Business Applications): the note says how.
                lines.append(self.tr("Tracks: {scores}").format(scores=scores))
            else:
                lines.append(
                    self.tr("Tracks: {scores} (the higher total counts)").format(scores=scores)
                )
        lines += designation.notes
        if designation.window is not None:
            lines.append(qualification_window.window_text(designation.window))
        return lines

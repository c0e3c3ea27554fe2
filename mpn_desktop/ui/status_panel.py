"""The status panel: silver and gold progress of each target competency, as the engine found it.

The panel never computes a rule: it draws the requirement tree of the
``Progress`` the main window hands it. Its cards, kept per competency or
designation and updated in place, are a ``CardColumn`` each: once the window
is on screen a new card comes at later turns of the event loop (see there).
"""

from __future__ import annotations

import html
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.domain.wording import have_of_need, unit_of
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.card_column import CardColumn
from mpn_desktop.ui.designation_card import DesignationCard
from mpn_desktop.ui.fee_text import renewal_text, this_year_text
from mpn_desktop.ui.figure_row import (
    BAR_STEPS,
    FigureRow,
    amounts_kept_whole,
    bullets_html,
    card_layout,
)
from mpn_desktop.ui.lead_links import SELECTABLE_LINKS
from mpn_desktop.ui.palette_watch import follow_palette
from mpn_desktop.ui.status_text import (
    fraction,
    level_name,
    muted_text_color,
    semantic_colors,
    step_name,
)

if TYPE_CHECKING:
    from mpn_desktop.domain import competency_tree
    from mpn_desktop.domain.progress import FeeStatus, Progress
    from mpn_desktop.domain.requirement_tree import RequirementNode, RequirementTree
else:
    competency_tree = LazyModule("mpn_desktop.domain.competency_tree", after_paint=True)

_BAR_STEPS = BAR_STEPS
_ZERO = Decimal(0)
_bullets = bullets_html


class _StepRow(FigureRow):
    """One step (or one part of a step): its name and figure on a line, a slim bar under them."""

    def __init__(self, grid: QGridLayout, index: int, parent: QWidget) -> None:
        super().__init__(grid, index * 2, parent, "stepFigure")

    def show_step(self, caption: str, step: RequirementNode) -> None:
        have, need = step.have or _ZERO, step.need or _ZERO
        text = have_of_need(have, need, step.unit, locale_text.figures())
        shown = html.escape(amounts_kept_whole(text))
        if step.met:
            color = semantic_colors(self.figure.palette()).ok.name()
            shown = f"<span style='color:{color}'>✓</span> {shown}"
        self.caption.setText(caption)
        self.figure.setText(shown)
        self.bar.setValue(round(fraction(have, need) * _BAR_STEPS))
        self.bar.setFormat(text)
        # The catalogue's caveats on this figure ("the source gives no separate gold
        # figure…") go with what the step asks: at hand, without crowding the panel.
        about = "\n\n".join((step.description, *step.notes)) if step.notes else step.description
        self.bar.setToolTip(about)
        self.bar.setAccessibleName(f"{caption}: {text}")
        self.caption.setToolTip(about)
        self.figure.setToolTip(about)


class LevelSection(QWidget):
    """Silver or gold of one competency: the mark, the four step bars and what is missing.

    Each missing item is a link: clicking it emits ``missingActivated`` with the
    step it belongs to, so the window opens the form that adds what is missing.
    """

    missingActivated = Signal(str, str)
    """The level ("silver", "gold") and the step ("exams", …) of a missing item clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._level_id = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(4)
        self.heading = QLabel(self)
        self.heading.setObjectName("levelHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self._grid = QGridLayout()
        self._grid.setColumnStretch(1, 1)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(2)
        layout.addLayout(self._grid)
        self._rows: list[_StepRow] = []
        self.missing = QLabel(self)
        self.missing.setObjectName("missingList")
        self.missing.setWordWrap(True)
        self.missing.setTextFormat(Qt.TextFormat.RichText)
        self.missing.setTextInteractionFlags(SELECTABLE_LINKS)
        self.missing.linkActivated.connect(self._missing_clicked)
        layout.addWidget(self.missing)

    def _missing_clicked(self, link: str) -> None:
        step = link.removeprefix("step:")
        if step in {kind.value for kind in StepKind}:
            self.missingActivated.emit(self._level_id, step)

    def _missing_html(self, level: RequirementNode) -> str:
        """The missing items, each a link to its step (the step is data on the node)."""
        linked: list[str] = []
        said: set[str] = set()
        for step in level.children:
            for item in step.missing:
                said.add(item)
                tip = html.escape(self.tr("Opens the form that adds it"), quote=True)
                linked.append(
                    f"<li><a href='step:{html.escape(step.id, quote=True)}' title='{tip}'>"
                    f"{html.escape(item)}</a></li>"
                )
        linked.extend(f"<li>{html.escape(item)}</li>" for item in level.missing if item not in said)
        rows = "".join(linked)
        return f"<ul style='margin-left:-24px; margin-top:0px; margin-bottom:0px'>{rows}</ul>"

    def _row(self, index: int) -> _StepRow:
        while len(self._rows) <= index:
            self._rows.append(_StepRow(self._grid, len(self._rows), self))
        return self._rows[index]

    def show_level(self, level: RequirementNode) -> None:
        """Fills the section from one level's node."""
        self._level_id = level.id
        colors = semantic_colors(self.palette())
        name = level_name(Level(level.id))
        if level.met:
            mark = self.tr("✓ attained")
            color = colors.ok
        else:
            mark = self.tr("not yet")
            color = colors.warning
        target = self.tr(" (your target)") if level.targeted else ""
        option = ""
        if level.ways > 1:
            option = self.tr(" — via {option}").format(option=html.escape(level.way))
        self.heading.setText(
            f"<b>{html.escape(name)}</b>{html.escape(target)}: "
            f"<span style='color:{color.name()}'><b>{html.escape(mark)}</b></span>{option}"
        )
        self.heading.setAccessibleName(f"{name}{target}: {mark}")
        index = 0
        for step in level.children:
            self._row(index).show_step(step_name(StepKind(step.id)), step)
            self._row(index).set_visible(True)
            index += 1
            for part in step.children:
                # The part's unit as a caption in the chosen language ("customers", "Kunden").
                self._row(index).show_step("   " + unit_of(2, part.unit), part)
                self._row(index).set_visible(True)
                index += 1
        for row in self._rows[index:]:
            row.set_visible(False)
        if level.met or not level.missing:
            self.missing.setVisible(False)
            self.missing.clear()
        else:
            self.missing.setText(self.tr("Still missing:") + self._missing_html(level))
            self.missing.setAccessibleName(
                self.tr("Still missing for {level}: {items}").format(
                    level=name, items="; ".join(level.missing)
                )
            )
            self.missing.setVisible(True)


class CompetencyCard(QFrame):
    """One competency: its name, the silver and gold sections, and what is at risk."""

    missingActivated = Signal(str, str, str)
    """Competency id, level and step of a missing item clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._competency_id = ""
        self.shown: RequirementNode | None = None
        """The node the card shows (None: draw the next one whatever it is)."""
        layout, self.title = card_layout(self, "competencyCard")
        self.notes = QLabel(self)
        self.notes.setObjectName("competencyNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setVisible(False)
        layout.addWidget(self.notes)
        self.sections = {Level.SILVER: LevelSection(self), Level.GOLD: LevelSection(self)}
        for section in self.sections.values():
            layout.addWidget(section)
            section.missingActivated.connect(
                lambda level, step: self.missingActivated.emit(self._competency_id, level, step)
            )
        self.at_risk = QLabel(self)
        self.at_risk.setObjectName("atRiskList")
        self.at_risk.setWordWrap(True)
        self.at_risk.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.at_risk)

    def show_competency(self, competency: RequirementNode) -> None:
        """Fills the card from one competency's node (nothing to do for the node it shows:
        a competency an edit did not change is handed on as the same node)."""
        if competency is self.shown:
            return
        self.shown = competency
        self._competency_id = competency.id
        title = competency.label
        if competency.retired:
            title = self.tr("{name} (retired)").format(name=title)
        self.title.setText(title)
        # What the catalogue says of the competency as a whole (e.g. why it was retired).
        self.notes.setText("\n".join(competency.notes))
        self.notes.setStyleSheet(f"color: {muted_text_color(self.palette()).name()};")
        self.notes.setVisible(bool(competency.notes))
        for level in competency.children:
            self.sections[Level(level.id)].show_level(level)
        if competency.at_risk:
            colors = semantic_colors(self.palette())
            items = [
                self.tr("{day}: {what}").format(day=locale_text.day(item.on), what=item.what)
                for item in sorted(competency.at_risk, key=lambda item: item.on)
            ]
            self.at_risk.setText(
                f"<span style='color:{colors.risk.name()}'><b>"
                + html.escape(self.tr("At risk before the next anniversary:"))
                + "</b></span>"
                + _bullets(items)
            )
            self.at_risk.setAccessibleName(
                self.tr("At risk: {items}").format(items="; ".join(items))
            )
            self.at_risk.setVisible(True)
        else:
            self.at_risk.clear()
            self.at_risk.setVisible(False)


class StatusPanel(QScrollArea):
    """How far silver and gold are for each target competency, and the year's fee."""

    missingActivated = Signal(str, str, str)
    """Competency id, level and step of a "Still missing" item the user clicked."""
    leadActivated = Signal(object)
    """The ``Lead`` of a designation's missing item or cheapest-way step the user clicked."""
    cardsShown = Signal()
    """No card is still to come: the last one of the latest result is shown (see the module),
    or the cards still to come are no longer wanted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusPanel")
        self.setAccessibleName(self.tr("Competency status"))
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        body.setBackgroundRole(QPalette.ColorRole.Window)
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self._layout.setSpacing(8)
        self.summary = QLabel(body)
        self.summary.setObjectName("statusSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self._layout.addWidget(self.summary)
        self.notes = QLabel(body)
        self.notes.setObjectName("progressNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.notes.setVisible(False)
        self.notes.setTextInteractionFlags(SELECTABLE_LINKS)
        self._notes_open = False
        self._notes: tuple[str, ...] = ()
        self._information: tuple[str, ...] = ()
        self.notes.linkActivated.connect(self._toggle_notes)
        self._layout.addWidget(self.notes)
        self.fee_line = QLabel(body)
        self.fee_line.setObjectName("feeLine")
        self.fee_line.setWordWrap(True)
        self.fee_line.setTextFormat(Qt.TextFormat.RichText)
        self._layout.addWidget(self.fee_line)
        self.empty_hint = QLabel(body)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setObjectName("noTargetsHint")
        self._layout.addWidget(self.empty_hint)
        cards_at = self._layout.count()
        self._layout.addStretch(1)
        self.setWidget(body)
        self._competencies = CardColumn[CompetencyCard](
            self._layout, cards_at, self._new_competency_card, CompetencyCard.show_competency, self
        )
        self._cards = self._competencies.cards
        self.progress: Progress | None = None
        self._designation_column = CardColumn[DesignationCard](
            self._layout,
            cards_at,
            self._new_designation_card,
            DesignationCard.show_designation,
            self,
        )
        for column in (self._competencies, self._designation_column):
            column.shown.connect(self.cardsShown)
            # A card come later may need more room: let the dock know.
            column.grown.connect(self.updateGeometry)
        self.designations: RequirementTree | None = None
        """The Solutions Partner scores shown in place of the competencies (None: none)."""
        self.show_nothing()
        follow_palette(self, self._recolour)

    def _new_competency_card(self) -> CompetencyCard:
        card = CompetencyCard(self.widget())
        card.missingActivated.connect(self.missingActivated)
        return card

    def _new_designation_card(self) -> DesignationCard:
        card = DesignationCard(self.widget())
        card.leadActivated.connect(self.leadActivated)
        return card

    @property
    def showing_cards(self) -> bool:
        """Whether cards of the latest result are still to be built and shown."""
        return self._competencies.showing or self._designation_column.showing

    def finish_showing(self) -> None:
        """Builds and shows now every card still to come (a card asked for, a test)."""
        self._competencies.finish()
        self._designation_column.finish()

    def _at_once(self) -> bool:
        """Whether new cards are made at once: before the window is shown (its first
        evaluation in its constructor) no one waits for a frame."""
        return not self.window().isVisible()

    def _recolour(self) -> None:
        """Colours the marks anew for the new palette (light and dark switched)."""
        for card in self._cards.values():
            card.shown = None
        if self.progress is not None:
            self.set_progress(self.progress)

    def show_nothing(self) -> None:
        """Before any organisation is known."""
        self.progress = None
        self.summary.setText(self.tr("No organisation yet."))
        self.notes.clear()
        self.notes.setVisible(False)
        self.fee_line.clear()
        self.empty_hint.setVisible(False)
        self._competencies.hide_all()
        self._designation_column.hide_all()

    def show_loading(self) -> None:
        """While start-up reads the organisation after the first paint: no figures yet."""
        self.show_nothing()
        self.summary.setText(self.tr("Loading…"))

    def set_progress(self, progress: Progress, *, designations_follow: bool = False) -> None:
        """Shows one evaluation; cards of competencies no longer shown are hidden.

        ``designations_follow``: the day's designations come next (``set_designations``):
        neither the competencies' cards nor the designations shown so far are drawn
        meanwhile (an edit on a day of the Solutions Partner program drew every designation
        card twice, the first time with the figures before the edit)."""
        self.progress = progress
        tree = competency_tree.requirement_tree(progress)
        org = tree.organization
        self.summary.setText(
            self.tr("<b>{name}</b><br>Status as of {day}").format(
                name=html.escape(org.name or self.tr("Your organisation")),
                day=locale_text.day(tree.as_of),
            )
        )
        self._show_notes(tree.notes)
        self._show_fee(progress.fee)
        self.fee_line.setVisible(self.designations is None)
        shown = tree.targeted
        self.empty_hint.setVisible(not shown)
        self.empty_hint.setText(
            self.tr(
                "No target competency yet: choose the competencies and levels "
                "to aim for with Edit ▸ Organisation and targets… (Ctrl+Shift+T)."
            )
        )
        if designations_follow:
            pass
        elif self.designations is None:
            self.setAccessibleName(self.tr("Competency status"))
            self._competencies.show_nodes(shown, at_once=self._at_once())
        else:
            self._show_designations(self.designations)
        # New figures may need more room: let the dock know.
        self.updateGeometry()

    def set_designations(self, tree: RequirementTree | None) -> None:
        """Shows the day's Solutions Partner scores in place of the competencies (None: those)."""
        previous, self.designations = self.designations, tree
        if tree is not None:
            self._show_designations(tree)
        elif previous is not None:
            self.setAccessibleName(self.tr("Competency status"))
            self._designation_column.hide_all()
            if self.progress is not None:
                self.set_progress(self.progress)

    def _show_designations(self, tree: RequirementTree) -> None:
        # A screen reader names the panel by what it shows (set_progress names it back).
        self.setAccessibleName(self.tr("Designation status"))
        self._competencies.hide_all()
        self._show_notes(tree.notes, tree.information)
        self.fee_line.setVisible(False)
        shown = tree.targeted or tree.requirements
        self.empty_hint.setVisible(not tree.targeted)
        self.empty_hint.setText(
            self.tr(
                "No designation is targeted: every designation's score is shown. The "
                "targets of the 2017-2018 competencies carry over to their designations "
                "(Edit ▸ Organisation and targets…)."
            )
        )
        self._designation_column.show_nodes(shown, at_once=self._at_once())
        self.updateGeometry()

    def designation_card(self, designation_id: str) -> DesignationCard:
        """The card of one designation (for tests and for scrolling to it): the cards still to
        come are shown first."""
        return self._designation_column.card(designation_id)

    def minimumSizeHint(self) -> QSize:
        """As wide as the cards need, so that no figure is ever cut off at the right edge."""
        hint = super().minimumSizeHint()
        body = self.widget()
        if body is None:
            return hint
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = body.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())

    def card(self, competency_id: str) -> CompetencyCard:
        """The card of one competency (for tests and for scrolling to it): the cards still to
        come are shown first."""
        return self._competencies.card(competency_id)

    def _show_notes(self, notes: tuple[str, ...], information: tuple[str, ...] = ()) -> None:
        """What holds for every figure: warnings (the "as of" day is outside the catalogue's
        dates) with the warning mark, information (targets carried over) without one."""
        self._notes, self._information = notes, information
        self.notes.setVisible(bool(notes or information))
        if not notes and not information:
            self.notes.clear()
            return
        muted = muted_text_color(self.palette()).name()
        # No mark: a symbol like U+24D8 is missing from common fonts (drawn as a box).
        about = "".join(
            f"<p style='margin:0px; color:{muted}'>{html.escape(note)}</p>" for note in information
        )
        shown = ""
        if notes:
            color = semantic_colors(self.palette()).warning.name()
            mark = f"<span style='color:{color}'><b>⚠</b></span> "
            # The texts are translated outside the f-strings: lupdate does not read inside them.
            if self._notes_open:
                fewer = html.escape(self.tr("Fewer details"))
                shown = (
                    "".join(
                        f"<p style='margin:0px'>{mark}{html.escape(note)}</p>" for note in notes
                    )
                    + f"<a href='fewer'>{fewer}</a>"
                )
            else:
                # One line on every start (the whole note took six); the details a click away.
                differ = html.escape(self.tr("The requirements may differ on this day."))
                details = html.escape(self.tr("Details"))
                shown = f"<p style='margin:0px'>{mark}{differ} <a href='details'>{details}</a></p>"
        self.notes.setText(shown + about)
        self.notes.setToolTip("\n\n".join((*notes, *information)))
        self.notes.setAccessibleName(" ".join((*notes, *information)))

    def _toggle_notes(self, link: str) -> None:
        self._notes_open = link == "details"
        self._show_notes(self._notes, self._information)

    def _show_fee(self, fee: FeeStatus) -> None:
        """Two lines: this membership year (paid, or what is owed) and the next renewal."""
        colors = semantic_colors(self.palette())
        if fee.level is None:
            self.fee_line.setText(self.tr("Fee: no competency level to pay for yet."))
            return

        def coloured(text: str, good: bool) -> str:
            color = colors.ok if good else colors.warning
            return (
                f"<span style='color:{color.name()}'>{html.escape(amounts_kept_whole(text))}</span>"
            )

        this_year, settled = this_year_text(fee)
        renewal, paid = renewal_text(fee)
        self.fee_line.setText(
            self.tr("Fee this year: {this_year}<br>Next renewal: {renewal}").format(
                this_year=coloured(this_year, settled), renewal=coloured(renewal, paid)
            )
        )

"""The checklist's body as a column of measured, drawable blocks (headings, rows, notes).

Each block is one unbreakable piece with its height and a function that draws
it at a given top; ``pagination.paginate`` decides the pages. Columns: the
check box, the text, and the figures right-aligned at the right margin, so
every figure of the document lines up.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from mpn_desktop.domain.enums import Level
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.reports.checklist import (
    FIGURES_APART,
    AtRiskLine,
    CheckLine,
    Checklist,
    Detail,
    LevelBlock,
    Section,
    SummaryRow,
)
from mpn_desktop.reports.pagination import BlockSize
from mpn_desktop.reports.structure import Path
from mpn_desktop.reports.tagging import artifact, enter, header_cell, label_graphics
from mpn_desktop.reports.typesetting import Face, Ink, Line, Run, Style

Draw = Callable[[QPainter, float], None]

_LEVEL_INK = {Level.SILVER: "#9aa4ae", Level.GOLD: "#c9a227"}
_CATEGORY_INK = "#3a7bd5"
"""The dot before a category of a designation's score (no level colour)."""


def continued_label(*headings: str) -> str:
    """ "Cloud Platform · Gold (continued)": the headings a page that starts inside them repeats."""
    return _("{headings} (continued)").format(headings=" · ".join(headings))


@dataclass(frozen=True, slots=True)
class Block:
    """One unbreakable piece of the body: its size for pagination and how to draw it.

    ``path`` is where its text goes in the tagged PDF's structure (its draw may
    enter elements below it, a list item's label and body); () for decoration.
    """

    size: BlockSize
    draw: Draw
    path: Path = ()


@dataclass(frozen=True, slots=True)
class Columns:
    """Horizontal positions shared by every row (device pixels)."""

    left: float
    right: float
    text: float
    text_width: float
    figures_width: float

    @property
    def width(self) -> float:
        """The width between the margins."""
        return self.right - self.left


def draw_check_box(painter: QPainter, style: Style, box: QRectF, *, ticked: bool) -> None:
    """A square to tick by hand; a ticked one is tinted and carries a check mark."""
    x, y, side = box.x(), box.y(), box.width()
    pen = QPen(style.colors[Ink.GOOD if ticked else Ink.TEXT], style.pt * 0.8)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(QBrush(style.colors[Ink.GOOD_TINT if ticked else Ink.WHITE]))
    painter.drawRect(box)
    if ticked:
        mark = QPainterPath(QPointF(x + side * 0.2, y + side * 0.52))
        mark.lineTo(x + side * 0.42, y + side * 0.74)
        mark.lineTo(x + side * 0.82, y + side * 0.24)
        check = QPen(style.colors[Ink.GOOD], style.pt * 1.4)
        check.setCapStyle(Qt.PenCapStyle.RoundCap)
        check.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(check)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(mark)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def footnote_marks(numbers: Sequence[int]) -> list[Run]:
    """The raised footnote numbers after a text ("¹,²" drawn small and raised)."""
    if not numbers:
        return []
    return [Run("\u2009" + ",".join(str(number) for number in numbers), ink=Ink.ACCENT, rise=True)]


class ChecklistComposer:
    """Turns a ``Checklist`` into blocks for one device and page width."""

    def __init__(self, document: Checklist, style: Style, left: float, right: float) -> None:
        self.document = document
        self.style = style
        pt = style.pt
        figures = [
            style.advance(Face.FIGURE, text)
            for section in document.sections
            for block in section.levels
            for text in _all_figures(block)
        ]
        width = right - left
        figures_width = min(max([80 * pt, *figures]) + 2 * pt, width * 0.4)
        box = 17 * pt
        self.columns = Columns(
            left=left,
            right=right,
            text=left + box,
            text_width=width - box - figures_width - 12 * pt,
            figures_width=figures_width,
        )
        self.blocks: list[Block] = []
        self._keys = itertools.count()

    def _key(self, role: str) -> tuple[str, object]:
        """A new element of the tagged PDF's structure: its type and a key of its own."""
        return (role, next(self._keys))

    # --- the whole body ---------------------------------------------------------------------

    def compose(self) -> list[Block]:
        """Every block of the body, in reading order."""
        document = self.document
        # Read before any figure: a checklist for a day the catalogue does not
        # cover shows figures that may no longer be Microsoft's.
        for note in document.progress_notes:
            self._boxed_paragraph(note, space_before=4, bar=Ink.RISK)
        if document.summary:
            self._summary()
        if document.empty_message:
            self._boxed_paragraph(document.empty_message, space_before=4)
        if document.retired_targets:
            self._boxed_paragraph(document.retired_targets, space_before=8)
        self._boxed_paragraph(document.fee, space_before=8)
        for section in document.sections:
            self._section(section)
        self._about()
        return self.blocks

    def _add(
        self,
        height: float,
        draw: Draw,
        *,
        path: Path,
        space_before: float = 0.0,
        keep_with_next: bool = False,
        footnotes: Sequence[int] = (),
        continued: str = "",
    ) -> None:
        self.blocks.append(
            Block(
                BlockSize(
                    height=height,
                    space_before=space_before * self.style.pt,
                    keep_with_next=keep_with_next,
                    footnotes=tuple(footnotes),
                    continued=continued,
                ),
                draw,
                path,
            )
        )

    # --- at a glance --------------------------------------------------------------------------

    def _summary(self) -> None:
        style, cols, pt = self.style, self.columns, self.style.pt
        # Set apart from a note boxed above it as from the page's header.
        space = 12 if self.document.progress_notes else 2
        self._heading(
            Face.H2,
            _("At a glance"),
            Ink.ACCENT,
            space_before=space,
            continued="",
            path=(self._key("H2"),),
        )
        level_x, state_x = self._summary_columns()
        label_h = style.line_height(Face.LABEL) + 3 * pt
        table = (self._key("Table"),)
        labels = (*table, ("TR", "labels"))

        def draw_labels(painter: QPainter, y: float) -> None:
            baseline = y + style.ascent(Face.LABEL)
            painter.setFont(style.fonts[Face.LABEL])
            painter.setPen(style.colors[Ink.MUTED])
            first, second, third = self.document.summary_headings
            for column, (x, text) in enumerate(
                ((cols.left, first), (level_x, second), (state_x, third))
            ):
                header_cell(painter, (*labels, ("TH", column)))
                painter.drawText(QPointF(x, baseline), text)
            artifact(painter)
            _rule(
                painter, style, (cols.left, cols.right), y + label_h - pt, ink=Ink.FAINT, weight=0.6
            )

        self._add(
            label_h,
            draw_labels,
            path=labels,
            keep_with_next=True,
            continued=continued_label(_("At a glance")),
        )
        for row in self.document.summary:
            self._summary_row(row, level_x, state_x, (*table, self._key("TR")))

    def _summary_columns(self) -> tuple[float, float]:
        """Where the table's second and third columns start: the 2017-2018 places, or, for a
        table fitted to its entries, each column as wide as its widest entry and never past
        those places. The designations' long statuses wrapped onto a second line in every
        row at the 2017-2018 places, their track column three times wider than "Enterprise"."""
        style, cols, pt = self.style, self.columns, self.style.pt
        level_x = cols.left + cols.width * 0.5
        state_x = cols.left + cols.width * 0.64
        document = self.document
        if not document.summary_fitted:
            return level_x, state_x
        first, second, _third = document.summary_headings
        names = [style.advance(Face.BODY, row.competency) for row in document.summary]
        levels = [style.advance(Face.BODY, row.level) for row in document.summary]
        gap = 12 * pt
        fitted_level = cols.left + max(style.advance(Face.LABEL, first), *names) + gap
        level_x = min(level_x, fitted_level)
        fitted_state = level_x + max(style.advance(Face.LABEL, second), *levels) + gap
        return level_x, min(state_x, fitted_state)

    def _summary_row(self, row: SummaryRow, level_x: float, state_x: float, path: Path) -> None:
        style, cols, pt = self.style, self.columns, self.style.pt
        name = style.wrap([Run(row.competency)], level_x - cols.left - 8 * pt)
        level = style.wrap([Run(row.level)], state_x - level_x)
        face, ink = (Face.BODY_BOLD, Ink.GOOD) if row.attained else (Face.BODY, Ink.TEXT)
        state = style.wrap([Run(row.state, face, ink)], cols.right - state_x - 14 * pt)
        height = max(style.height(name), style.height(state)) + 7 * pt

        def draw_row(painter: QPainter, y: float) -> None:
            top = y + 3.5 * pt
            enter(painter, (*path, ("TD", 0)))
            style.draw(painter, name, cols.left, top)
            enter(painter, (*path, ("TD", 1)))
            style.draw(painter, level, level_x, top)
            side = 8 * pt
            box = QRectF(state_x, top + (style.ascent(Face.BODY) - side) * 0.75, side, side)
            enter(painter, (*path, ("TD", 2)))
            # The state says in words what the box shows: the box is decoration here.
            draw_check_box(painter, style, box, ticked=row.attained)
            style.draw(painter, state, state_x + 14 * pt, top)
            artifact(painter)
            _rule(painter, style, (cols.left, cols.right), y + height, ink=Ink.RULE, weight=0.5)

        self._add(height, draw_row, path=path, continued=continued_label(_("At a glance")))

    # --- a competency ---------------------------------------------------------------------------

    def _section(self, section: Section) -> None:
        style, cols, pt = self.style, self.columns, self.style.pt
        target = style.wrap([Run(section.target, Face.SMALL_BOLD, Ink.MUTED)], cols.width)
        tag_w = target[0].width + 10 * pt
        tag_h = style.line_height(Face.SMALL_BOLD) + 3 * pt
        beside = cols.width - tag_w - 12 * pt
        # A long word ("Geschäftsanwendungen") beside a long tag would be cut inside the
        # word, and a title that fits the whole width was squeezed into more lines beside it
        # ("Solutions / Partner für / Modern Work"): then the title takes the whole width
        # and the tag goes under it.
        runs = [Run(section.title, Face.H1, Ink.ACCENT), *footnote_marks(section.footnotes)]
        longest = max((style.advance(Face.H1, w) for w in section.title.split()), default=0.0)
        whole = style.wrap(runs, cols.width)
        narrow = style.wrap(runs, beside) if longest <= beside else None
        under = narrow is None or len(narrow) > len(whole)
        title = whole if under or narrow is None else narrow
        height = style.height(title, 1.0) + 7 * pt + (tag_h + 4 * pt if under else 0)
        sect = (self._key("Sect"),)

        def draw_head(painter: QPainter, y: float) -> None:
            style.draw(painter, title, cols.left, y, leading=1.0)
            artifact(painter)
            if under:
                tag_top = y + style.height(title, 1.0) + 2 * pt
            else:
                tag_top = y + title[0].ascent - style.ascent(Face.SMALL_BOLD) - 2.2 * pt
            painter.setPen(QPen(style.colors[Ink.FAINT], 0.8 * pt))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(
                QRectF(cols.right - tag_w, tag_top, tag_w, tag_h), 2 * pt, 2 * pt
            )
            enter(painter, (*sect, ("P", "target")))
            style.draw(painter, target, cols.right - tag_w + 5 * pt, tag_top + 1.8 * pt)
            _title_rule(painter, style, cols, y + height - 3 * pt)

        self._add(
            height,
            draw_head,
            path=(*sect, ("H2", "title")),
            space_before=20,
            keep_with_next=True,
            footnotes=section.footnotes,
        )
        continued = continued_label(section.title)
        for block in section.levels:
            self._level(section, block, continued, sect)
        if section.at_risk:
            self._at_risk(section, continued, sect)

    def _level(self, section: Section, block: LevelBlock, continued: str, sect: Path) -> None:
        style, cols, pt = self.style, self.columns, self.style.pt
        dot = 7 * pt
        title_x = cols.left + dot + 5 * pt
        title_w = style.advance(Face.H2, block.title)
        status_face = Face.SMALL_BOLD
        status_w = style.advance(status_face, block.status) + 10 * pt
        option = style.wrap([Run(block.option, Face.DETAIL, Ink.MUTED)], cols.width)
        head_h = style.line_height(Face.H2)
        height = head_h + style.height(option) + 5 * pt

        heading = (*sect, self._key("H3"))
        status = (*sect, self._key("P"))
        option_path = (*sect, self._key("P"))

        def draw_head(painter: QPainter, y: float) -> None:
            baseline = y + style.ascent(Face.H2)
            artifact(painter)
            painter.setPen(Qt.PenStyle.NoPen)
            dot_ink = _LEVEL_INK[block.level] if block.level is not None else _CATEGORY_INK
            painter.setBrush(QBrush(QColor(dot_ink)))
            painter.drawEllipse(
                QRectF(cols.left, baseline - style.ascent(Face.H2) * 0.62, dot, dot)
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setFont(style.fonts[Face.H2])
            painter.setPen(style.colors[Ink.TEXT])
            enter(painter, heading)
            painter.drawText(QPointF(title_x, baseline), block.title)
            artifact(painter)
            pill_x = title_x + title_w + 9 * pt
            pill_h = style.line_height(status_face) + 2.5 * pt
            pill_top = baseline - style.ascent(status_face) - 1.8 * pt
            pill = QRectF(pill_x, pill_top, status_w, pill_h)
            if block.attained:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(style.colors[Ink.GOOD]))
                ink = Ink.WHITE
            else:
                painter.setPen(QPen(style.colors[Ink.RISK], 0.8 * pt))
                ink = Ink.RISK
            painter.drawRoundedRect(pill, pill_h / 2, pill_h / 2)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setFont(style.fonts[status_face])
            painter.setPen(style.colors[ink])
            enter(painter, status)
            painter.drawText(QPointF(pill_x + 5 * pt, baseline - 0.6 * pt), block.status)
            enter(painter, option_path)
            style.draw(painter, option, title_x, y + head_h)

        self._add(
            height,
            draw_head,
            path=heading,
            space_before=12,
            keep_with_next=True,
            continued=continued,
        )
        where = (section.title, block.title)
        level_continued = continued_label(*where)
        steps = (*sect, self._key("L"))
        for index, line in enumerate(block.lines):
            start = len(self.blocks)
            self._check_line(line, where, (*steps, self._key("LI")), first=index == 0)
            if block.level is None:
                # A designation's metric, its steps, facts (long lists counted) and what is
                # missing fit a page: a page starting with its last sentence reads as a
                # metric of its own. (A competency's step may list a page of facts.)
                self._kept_together(start)
        for action in block.actions:
            self._action(action, cols.text, level_continued, (*sect, self._key("P")))

    def _check_line(
        self, line: CheckLine, where: tuple[str, ...], item: Path, *, first: bool
    ) -> None:
        continued = continued_label(*where)
        style, cols, pt = self.style, self.columns, self.style.pt
        text = style.wrap(
            [
                Run(line.text, Face.BODY_BOLD),
                Run("   "),
                Run(line.description, Face.BODY),
                *footnote_marks(line.footnotes),
            ],
            cols.text_width,
        )
        figures = self._figure_lines(line.figures)
        pad = 4.5 * pt
        height = max(style.height(text), style.height(figures)) + pad + 2 * pt
        side = 9.5 * pt
        has_more = bool(line.details or line.actions or line.parts)

        body = (*item, ("LBody", 0))

        def draw_row(painter: QPainter, y: float) -> None:
            if not first:
                artifact(painter)
                _rule(painter, style, (cols.left, cols.right), y, ink=Ink.RULE, weight=0.5)
            top = y + pad
            box_top = top + text[0].ascent - side * 0.92
            label_graphics(painter, (*item, ("Lbl", 0)), ticked=line.ticked)
            draw_check_box(
                painter, style, QRectF(cols.left + pt, box_top, side, side), ticked=line.ticked
            )
            enter(painter, body)
            style.draw(painter, text, cols.text, top)
            style.draw(painter, figures, 0, top, align_right=cols.right)

        self._add(
            height,
            draw_row,
            path=body,
            space_before=0 if first else 3,
            keep_with_next=has_more,
            footnotes=line.footnotes,
            continued=continued,
        )
        # A page that starts inside a long list of facts names the step they belong to
        # ("Cloud Platform · Gold · Technical exams (continued)"), not only the level.
        within = continued_label(*where, line.text)
        # Parts before the facts: a designation metric's prerequisite steps come before its
        # (possibly hundreds of) people. A competency's step has one or the other, never both.
        parts = (*body, ("L", "parts"))
        for part in line.parts:
            self._part(part, within, (*parts, self._key("LI")))
        self._details(line.details, cols.text + 9 * pt, within, body, keep_last=bool(line.actions))
        for action in line.actions:
            self._action(action, cols.text, within, (*body, self._key("P")))

    def _figure_lines(self, figures: str) -> list[Line]:
        """A check line's figures in the figures column. A designation metric's have/need and
        its points ("611 of 4 people (once the steps are met) · 0 of 40 points") that do not
        fit on one line each start a line, and so does a remark in brackets on the have/need
        that does not fit beside it: cut anywhere, "met) · 0 of 40 points" or a lone "points"
        read as figures of their own."""
        style, width = self.style, self.columns.figures_width

        def wrapped(text: str) -> list[Line]:
            return style.wrap([Run(text, Face.FIGURE)], width)

        lines = wrapped(figures)
        have, apart, points = figures.rpartition(FIGURES_APART)
        if len(lines) == 1 or not apart:
            return lines
        have += apart.rstrip()
        head = wrapped(have)
        counted, bracket, remark = have.partition(" (")
        if len(head) > 1 and bracket:
            head = [*wrapped(counted), *wrapped(bracket.lstrip() + remark)]
        return [*head, *wrapped(points)]

    def _part(self, part: CheckLine, continued: str, item: Path) -> None:
        style, cols, pt = self.style, self.columns, self.style.pt
        side = 7 * pt
        x = cols.text + side + 5 * pt
        text = style.wrap(
            [Run(part.text, Face.DETAIL_BOLD), *footnote_marks(part.footnotes)],
            cols.text_width - (x - cols.text),
        )
        figures = style.wrap([Run(part.figures, Face.DETAIL_BOLD)], cols.figures_width)
        height = max(style.height(text), style.height(figures)) + 3 * pt

        body = (*item, ("LBody", 0))

        def draw_row(painter: QPainter, y: float) -> None:
            top = y + 2 * pt
            box_top = top + text[0].ascent - side * 0.95
            label_graphics(painter, (*item, ("Lbl", 0)), ticked=part.ticked)
            draw_check_box(
                painter, style, QRectF(cols.text, box_top, side, side), ticked=part.ticked
            )
            enter(painter, body)
            style.draw(painter, text, x, top)
            style.draw(painter, figures, 0, top, align_right=cols.right)

        self._add(
            height,
            draw_row,
            path=body,
            space_before=2,
            keep_with_next=bool(part.details),
            footnotes=part.footnotes,
            continued=continued,
        )
        self._details(part.details, x + 9 * pt, continued, body, keep_last=bool(part.actions))
        for action in part.actions:
            self._action(action, x, continued, (*body, self._key("P")))

    def _details(
        self, details: Sequence[Detail], x: float, continued: str, within: Path, *, keep_last: bool
    ) -> None:
        last = len(details) - 1
        facts = (*within, ("L", "details"))
        for index, detail in enumerate(details):
            # No fact alone at the top of a page (the last two go together), and the
            # last fact stays with the action below it, so no action starts a page alone.
            keep = index == last - 1 or (keep_last and index == last)
            path = (*facts, self._key("LI"), ("LBody", 0))
            self._detail(detail, x, continued, path, keep_with_next=keep)

    def _detail(
        self, detail: Detail, x: float, continued: str, path: Path, *, keep_with_next: bool
    ) -> None:
        style, cols, pt = self.style, self.columns, self.style.pt
        runs = [Run(detail.text, Face.DETAIL, Ink.TEXT)]
        if detail.note:
            runs += [Run("  "), Run(detail.note, Face.DETAIL, Ink.MUTED)]
        figure = style.wrap([Run(detail.figure, Face.DETAIL, Ink.MUTED)], cols.figures_width)
        figure_room = figure[0].width + 12 * pt if detail.figure else 0.0
        text = style.wrap(runs, cols.right - x - max(figure_room, cols.figures_width * 0.3))
        height = max(style.height(text), style.height(figure)) + 1.2 * pt

        def draw_row(painter: QPainter, y: float) -> None:
            top = y + 0.6 * pt
            middle = top + text[0].ascent - style.ascent(Face.DETAIL) * 0.36
            painter.setPen(QPen(style.colors[Ink.FAINT], 0.9 * pt))
            painter.drawLine(QPointF(x - 7 * pt, middle), QPointF(x - 3 * pt, middle))
            style.draw(painter, text, x, top)
            if detail.figure:
                style.draw(painter, figure, 0, top, align_right=cols.right)

        self._add(height, draw_row, path=path, keep_with_next=keep_with_next, continued=continued)

    def _action(self, action: str, x: float, continued: str, path: Path) -> None:
        style, pt = self.style, self.style.pt
        indent = 11 * pt
        text = style.wrap(
            [Run(action, Face.ACTION, Ink.ACTION)],
            self.columns.right - x - indent - self.columns.figures_width * 0.25,
        )
        height = style.height(text) + 2 * pt

        def draw_row(painter: QPainter, y: float) -> None:
            top = y + 1.5 * pt
            middle = top + text[0].ascent - style.ascent(Face.ACTION) * 0.36
            arrow = QPainterPath(QPointF(x, middle - 2.6 * pt))
            arrow.lineTo(x + 4.8 * pt, middle)
            arrow.lineTo(x, middle + 2.6 * pt)
            arrow.closeSubpath()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(style.colors[Ink.ACTION]))
            painter.drawPath(arrow)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            style.draw(painter, text, x + indent, top)

        self._add(height, draw_row, path=path, space_before=1.5, continued=continued)

    def _at_risk(self, section: Section, continued: str, sect: Path) -> None:
        style, cols, pt = self.style, self.columns, self.style.pt
        self._heading(
            Face.H3,
            self.document.at_risk_title,
            Ink.RISK,
            space_before=10,
            continued=continued,
            icon=True,
            path=(*sect, self._key("H4")),
        )
        date_w = max(style.advance(Face.DETAIL_BOLD, risk.on) for risk in section.at_risk)
        x = cols.text + date_w + 10 * pt
        risks = (*sect, self._key("L"))
        for risk in section.at_risk:
            self._at_risk_row(risk, x, continued, (*risks, self._key("LI")))

    def _at_risk_row(self, risk: AtRiskLine, x: float, continued: str, item: Path) -> None:
        style, cols, pt = self.style, self.columns, self.style.pt
        text = style.wrap([Run(risk.text, Face.DETAIL)], cols.right - x)
        height = style.height(text) + 2.5 * pt

        def draw_row(painter: QPainter, y: float) -> None:
            top = y + 1.2 * pt
            painter.setFont(style.fonts[Face.DETAIL_BOLD])
            painter.setPen(style.colors[Ink.RISK])
            enter(painter, (*item, ("Lbl", 0)))
            painter.drawText(QPointF(cols.text, top + text[0].ascent), risk.on)
            enter(painter, (*item, ("LBody", 0)))
            style.draw(painter, text, x, top)

        self._add(height, draw_row, path=(*item, ("Lbl", 0)), space_before=1, continued=continued)

    # --- shared pieces ------------------------------------------------------------------------

    def _heading(
        self,
        face: Face,
        text: str,
        ink: Ink,
        *,
        space_before: float,
        continued: str,
        path: Path,
        icon: bool = False,
    ) -> None:
        style, cols, pt = self.style, self.columns, self.style.pt
        x = cols.text if icon else cols.left
        lines = style.wrap([Run(text, face, ink)], cols.right - x)
        height = style.height(lines) + 3 * pt

        def draw(painter: QPainter, y: float) -> None:
            if icon:
                _warning_sign(painter, style, cols.left + 1 * pt, y + lines[0].ascent, ink)
            style.draw(painter, lines, x, y)

        self._add(
            height,
            draw,
            path=path,
            space_before=space_before,
            keep_with_next=True,
            continued=continued,
        )

    def _boxed_paragraph(self, text: str, *, space_before: float, bar: Ink = Ink.ACCENT) -> None:
        style, cols, pt = self.style, self.columns, self.style.pt
        pad = 6 * pt
        lines = style.wrap([Run(text)], cols.width - 2 * pad)
        height = style.height(lines) + 2 * pad

        def draw(painter: QPainter, y: float) -> None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(style.colors[Ink.TINT]))
            painter.drawRect(QRectF(cols.left, y, cols.width, height))
            painter.setBrush(QBrush(style.colors[bar]))
            painter.drawRect(QRectF(cols.left, y, 2 * pt, height))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            style.draw(painter, lines, cols.left + pad + 2 * pt, y + pad)

        self._add(height, draw, path=(self._key("P"),), space_before=space_before)

    def _paragraph(
        self,
        runs: Sequence[Run],
        x: float,
        path: Path,
        *,
        space_before: float,
        keep_with_next: bool = False,
    ) -> None:
        style = self.style
        lines = style.wrap(runs, self.columns.right - x)
        # A paragraph is set line by line, so a long one may run on to the next page.
        for index, line in enumerate(lines):

            def draw(painter: QPainter, y: float, line: Line = line) -> None:
                style.draw(painter, [line], x, y)

            self._add(
                style.height([line]),
                draw,
                path=path,
                space_before=space_before if index == 0 else 0,
                keep_with_next=keep_with_next or index < min(len(lines) - 1, 1),
            )

    def _kept_together(self, start: int) -> None:
        """Keeps the blocks added since ``start`` on one page (a short closing section)."""
        for index in range(start, len(self.blocks) - 1):
            block = self.blocks[index]
            self.blocks[index] = replace(block, size=replace(block.size, keep_with_next=True))

    def _about(self) -> None:
        if self.document.about is not None:
            start = len(self.blocks)
            self._benefits()
            self._kept_together(start)
        notes = self.document.catalog_notes
        if notes:
            start = len(self.blocks)
            sect = (self._key("Sect"),)
            self._heading(
                Face.H3,
                _("About these figures"),
                Ink.ACCENT,
                space_before=12,
                continued="",
                path=(*sect, ("H2", "title")),
            )
            for note in notes:
                self._paragraph(
                    [Run(note, Face.SMALL, Ink.MUTED)],
                    self.columns.left,
                    (*sect, self._key("P")),
                    space_before=2,
                )
            self._kept_together(start)

    def _benefits(self) -> None:
        about = self.document.about
        assert about is not None
        style, cols, pt = self.style, self.columns, self.style.pt
        title = style.wrap([Run(about.title, Face.H1, Ink.ACCENT)], cols.width)
        height = style.height(title, 1.0) + 7 * pt
        sect = (self._key("Sect"),)

        def draw_head(painter: QPainter, y: float) -> None:
            style.draw(painter, title, cols.left, y, leading=1.0)
            _title_rule(painter, style, cols, y + height - 3 * pt)

        self._add(
            height, draw_head, path=(*sect, ("H2", "title")), space_before=22, keep_with_next=True
        )
        self._paragraph(
            [Run(about.benefits_intro)],
            cols.left,
            (*sect, self._key("P")),
            space_before=2,
            keep_with_next=True,
        )
        benefits = (*sect, self._key("L"))
        for benefit in about.benefits:
            lines = style.wrap([Run(benefit)], cols.width - 14 * pt)

            def draw_benefit(painter: QPainter, y: float, lines: list[Line] = lines) -> None:
                radius = 1.8 * pt
                middle = y + lines[0].ascent - style.ascent(Face.BODY) * 0.35
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(style.colors[Ink.ACCENT]))
                painter.drawEllipse(QPointF(cols.left + 6 * pt, middle), radius, radius)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                style.draw(painter, lines, cols.left + 14 * pt, y)

            self._add(
                style.height(lines) + 1.5 * pt,
                draw_benefit,
                path=(*benefits, self._key("LI"), ("LBody", 0)),
                space_before=1.5,
            )
        self._heading(
            Face.H3,
            about.desk_title,
            Ink.ACCENT,
            space_before=9,
            continued="",
            path=(*sect, self._key("H3")),
        )
        self._paragraph([Run(about.desk_text)], cols.left, (*sect, self._key("P")), space_before=0)
        self._paragraph(
            [
                Run(_("Source: "), Face.SMALL_ITALIC, Ink.MUTED),
                Run(about.source, Face.SMALL, Ink.MUTED),
            ],
            cols.left,
            (*sect, self._key("P")),
            space_before=6,
        )


def _all_figures(block: LevelBlock) -> list[str]:
    return [line.figures for line in block.lines]


def _title_rule(painter: QPainter, style: Style, cols: Columns, y: float) -> None:
    """The accent rule under a section's title (a competency's, "What a competency brings"),
    drawn as decoration: the same under every title."""
    artifact(painter)
    _rule(painter, style, (cols.left, cols.right), y, ink=Ink.ACCENT, weight=1.2)


def _rule(
    painter: QPainter,
    style: Style,
    span: tuple[float, float],
    y: float,
    *,
    ink: Ink,
    weight: float,
) -> None:
    painter.setPen(QPen(style.colors[ink], weight * style.pt))
    painter.drawLine(QPointF(span[0], y), QPointF(span[1], y))


def _warning_sign(painter: QPainter, style: Style, x: float, baseline: float, ink: Ink) -> None:
    pt = style.pt
    side = 9 * pt
    top = baseline - side * 0.9
    sign = QPainterPath(QPointF(x + side / 2, top))
    sign.lineTo(x + side, top + side * 0.88)
    sign.lineTo(x, top + side * 0.88)
    sign.closeSubpath()
    pen = QPen(style.colors[ink], 0.9 * pt)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(sign)
    painter.setPen(QPen(style.colors[ink], 1.1 * pt))
    painter.drawLine(
        QPointF(x + side / 2, top + side * 0.32), QPointF(x + side / 2, top + side * 0.6)
    )
    painter.drawPoint(QPointF(x + side / 2, top + side * 0.74))

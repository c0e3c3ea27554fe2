"""Fonts, colours and line breaking for the printed checklist, measured on the target device.

Every length is in device pixels; ``Style.pt`` converts points. Text is set as
runs (a piece of text in one font and colour) broken into lines word by word
with ``QFontMetricsF``, so a line mixing a bold name and a muted note wraps as
one paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter

_FAMILIES = ["Segoe UI", "Helvetica Neue", "Helvetica", "Arial", "Liberation Sans", "DejaVu Sans"]
_TOKENS = re.compile(r"\s+|\S+")


class Ink(Enum):
    """The palette: dark text, a muted grey for details, one accent, green and amber."""

    TEXT = "#1b1f24"
    MUTED = "#5d6877"
    FAINT = "#c6ced8"
    RULE = "#e3e8ee"
    ACCENT = "#1f4e79"
    GOOD = "#2d7a3a"
    GOOD_TINT = "#e6f2e8"
    ACTION = "#a2441a"
    RISK = "#9a5b00"
    TINT = "#f3f6f9"
    WHITE = "#ffffff"


class Face(Enum):
    """The type scale: (points, weight, italic)."""

    KICKER = (8.0, QFont.Weight.Bold, False)
    TITLE = (20.0, QFont.Weight.Bold, False)
    LABEL = (6.5, QFont.Weight.Bold, False)
    VALUE = (9.0, QFont.Weight.Normal, False)
    H1 = (14.0, QFont.Weight.Bold, False)
    H2 = (11.0, QFont.Weight.Bold, False)
    H3 = (8.5, QFont.Weight.Bold, False)
    BODY = (9.0, QFont.Weight.Normal, False)
    BODY_BOLD = (9.0, QFont.Weight.Bold, False)
    FIGURE = (9.0, QFont.Weight.DemiBold, False)
    DETAIL = (7.8, QFont.Weight.Normal, False)
    DETAIL_ITALIC = (7.8, QFont.Weight.Normal, True)
    DETAIL_BOLD = (7.8, QFont.Weight.Bold, False)
    ACTION = (8.2, QFont.Weight.Medium, False)
    SMALL = (7.2, QFont.Weight.Normal, False)
    SMALL_ITALIC = (7.2, QFont.Weight.Normal, True)
    SMALL_BOLD = (7.2, QFont.Weight.Bold, False)
    MARK = (5.5, QFont.Weight.Bold, False)


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text set in one face and ink; ``rise`` raises it (footnote marks)."""

    text: str
    face: Face = Face.BODY
    ink: Ink = Ink.TEXT
    rise: bool = False


@dataclass(slots=True)
class Piece:
    """Text of one run placed on a line, ``x`` from the line's left edge."""

    x: float
    text: str
    run: Run


@dataclass(slots=True)
class Line:
    """One set line: its pieces, width, and the ascent and descent of its tallest face."""

    pieces: list[Piece] = field(default_factory=list)
    width: float = 0.0
    ascent: float = 0.0
    descent: float = 0.0

    @property
    def height(self) -> float:
        """Ascent plus descent."""
        return self.ascent + self.descent


class Style:
    """Fonts, metrics and colours for one paint device (its resolution decides the pixels)."""

    def __init__(self, device: QPaintDevice) -> None:
        self.device = device
        self.dpi = float(device.logicalDpiY())
        self.pt = self.dpi / 72.0
        self.fonts: dict[Face, QFont] = {}
        self.metrics: dict[Face, QFontMetricsF] = {}
        self.colors = {ink: QColor(ink.value) for ink in Ink}
        self._advances: dict[tuple[Face, str], float] = {}
        for face in Face:
            size, weight, italic = face.value
            font = QFont()
            font.setFamilies(_FAMILIES)
            font.setPointSizeF(size)
            font.setWeight(weight)
            font.setItalic(italic)
            font.setKerning(True)
            # Ligatures ("ﬁ") would come out of the PDF as one odd character when
            # someone copies or searches its text.
            font.setFeature(QFont.Tag("liga"), 0)
            self.fonts[face] = font
            self.metrics[face] = QFontMetricsF(font, device)
        # Read for every word set: kept as plain numbers rather than asked of Qt each time.
        self._ascents = {face: metrics.ascent() for face, metrics in self.metrics.items()}
        self._descents = {face: metrics.descent() for face, metrics in self.metrics.items()}

    def mm(self, millimetres: float) -> float:
        """Millimetres in device pixels."""
        return millimetres * self.dpi / 25.4

    def advance(self, face: Face, text: str) -> float:
        """The width of ``text`` in ``face`` (cached: the same words recur on every page)."""
        key = (face, text)
        width = self._advances.get(key)
        if width is None:
            width = self.metrics[face].horizontalAdvance(text)
            self._advances[key] = width
        return width

    def ascent(self, face: Face) -> float:
        """Height above the baseline."""
        return self._ascents[face]

    def descent(self, face: Face) -> float:
        """Depth below the baseline."""
        return self._descents[face]

    def line_height(self, face: Face) -> float:
        """Distance between baselines for text in ``face``."""
        return self.metrics[face].height() * 1.12

    def wrap(self, runs: Sequence[Run], width: float) -> list[Line]:
        """Breaks runs into lines no wider than ``width`` (a word longer than that is split)."""
        lines = [Line()]
        for run in runs:
            for token in _TOKENS.findall(run.text):
                self._add_token(lines, run, token, width)
        for line in lines:
            _trim_trailing_space(line, self)
        return [line for line in lines if line.pieces] or [Line()]

    def _add_token(self, lines: list[Line], run: Run, token: str, width: float) -> None:
        line = lines[-1]
        face = Face.MARK if run.rise else run.face
        size = self.advance(face, token)
        if token.isspace():
            if line.pieces:
                _append(line, run, token, size, self)
            return
        if line.pieces and line.width + size > width:
            lines.append(Line())
            line = lines[-1]
        while size > width and len(token) > 1:
            # A word wider than the column (a long id): cut it where it fills the line.
            cut = _fitting_prefix(self, face, token, width - line.width)
            _append(line, run, token[:cut], self.advance(face, token[:cut]), self)
            lines.append(Line())
            line = lines[-1]
            token = token[cut:]
            size = self.advance(face, token)
        _append(line, run, token, size, self)

    def draw(
        self,
        painter: QPainter,
        lines: Sequence[Line],
        x: float,
        y: float,
        *,
        align_right: float | None = None,
        leading: float = 1.12,
    ) -> float:
        """Draws lines from ``y`` down (right-aligned at ``align_right``); returns the bottom."""
        for line in lines:
            baseline = y + line.ascent
            left = x if align_right is None else align_right - line.width
            for piece in line.pieces:
                face = Face.MARK if piece.run.rise else piece.run.face
                painter.setFont(self.fonts[face])
                painter.setPen(self.colors[piece.run.ink])
                lift = self.ascent(Face.BODY) * 0.38 if piece.run.rise else 0.0
                painter.drawText(QPointF(left + piece.x, baseline - lift), piece.text)
            y += line.height * leading
        return y

    def height(self, lines: Sequence[Line], leading: float = 1.12) -> float:
        """The height ``draw`` takes for these lines."""
        return sum(line.height * leading for line in lines)


def _append(line: Line, run: Run, token: str, size: float, style: Style) -> None:
    if line.pieces and line.pieces[-1].run is run:
        # The same run goes on: same face, so the line's ascent and descent stand.
        line.pieces[-1].text += token
        line.width += size
        return
    line.pieces.append(Piece(line.width, token, run))
    line.width += size
    base = Face.BODY if run.rise else run.face
    line.ascent = max(line.ascent, style.ascent(base))
    line.descent = max(line.descent, style.descent(base))


def _trim_trailing_space(line: Line, style: Style) -> None:
    while line.pieces and not line.pieces[-1].text.strip():
        piece = line.pieces.pop()
        line.width = piece.x
    if line.pieces:
        last = line.pieces[-1]
        stripped = last.text.rstrip()
        if stripped != last.text:
            face = Face.MARK if last.run.rise else last.run.face
            line.width = last.x + style.advance(face, stripped)
            last.text = stripped


def _fitting_prefix(style: Style, face: Face, token: str, room: float) -> int:
    cut = 1
    while cut < len(token) and style.advance(face, token[: cut + 1]) <= room:
        cut += 1
    return cut

"""The painter that notes what it draws for the tagged PDF, and the calls the layout makes on it.

``TaggingPainter`` tells its ``StructureRecorder`` of every text and graphic it
draws; the layout code says where they belong with ``enter``, ``artifact`` and
``label_graphics``, which do nothing on a plain ``QPainter`` (the print preview).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QPainter

from mpn_desktop.reports.structure import Furniture, Path, StructureRecorder

CHECKED = "\u2611"
"""What a ticked check box reads as (BALLOT BOX WITH CHECK)."""
UNCHECKED = "\u2610"
"""What an empty check box reads as (BALLOT BOX)."""


class TaggingPainter(QPainter):
    """A ``QPainter`` recording each drawText and each drawn shape, in order, as a mark."""

    def __init__(self, structure: StructureRecorder) -> None:
        super().__init__()
        self.structure = structure

    def drawText(self, *args: Any, **kwargs: Any) -> Any:
        """Draws the text; a non-empty one is one text object in the PDF, so one mark."""
        # Qt writes nothing for an empty text (the text is the last argument).
        if args[-1] != "":
            self.structure.text()
        return super().drawText(*args, **kwargs)

    def drawLine(self, *args: Any, **kwargs: Any) -> Any:
        """Draws a line (one path object)."""
        self.structure.graphic()
        return super().drawLine(*args, **kwargs)

    def drawRect(self, *args: Any, **kwargs: Any) -> Any:
        """Draws a rectangle (one path object)."""
        self.structure.graphic()
        return super().drawRect(*args, **kwargs)

    def drawRoundedRect(self, *args: Any, **kwargs: Any) -> Any:
        """Draws a rounded rectangle (one path object)."""
        self.structure.graphic()
        return super().drawRoundedRect(*args, **kwargs)

    def drawEllipse(self, *args: Any, **kwargs: Any) -> Any:
        """Draws an ellipse (one path object)."""
        self.structure.graphic()
        return super().drawEllipse(*args, **kwargs)

    def drawPath(self, *args: Any, **kwargs: Any) -> Any:
        """Draws a path (one path object)."""
        self.structure.graphic()
        return super().drawPath(*args, **kwargs)

    def drawPoint(self, *args: Any, **kwargs: Any) -> Any:
        """Draws a point (one path object)."""
        self.structure.graphic()
        return super().drawPoint(*args, **kwargs)


def _structure(painter: QPainter) -> StructureRecorder | None:
    return painter.structure if isinstance(painter, TaggingPainter) else None


def enter(painter: QPainter, path: Path) -> None:
    """What ``painter`` draws from now belongs to the element at ``path``."""
    structure = _structure(painter)
    if structure is not None:
        structure.enter(path)


def artifact(painter: QPainter, furniture: Furniture = Furniture.LAYOUT) -> None:
    """What ``painter`` draws from now is page furniture or decoration."""
    structure = _structure(painter)
    if structure is not None:
        structure.artifact(furniture)


def label_graphics(painter: QPainter, path: Path, *, ticked: bool) -> None:
    """The check box drawn next is the label at ``path`` (read as ☑ or ☐)."""
    structure = _structure(painter)
    if structure is not None:
        structure.enter(path, actual_text=CHECKED if ticked else UNCHECKED, graphics=True)


def header_cell(painter: QPainter, path: Path) -> None:
    """The text drawn next is the column header cell at ``path``."""
    structure = _structure(painter)
    if structure is not None:
        structure.enter(path, scope="Column")

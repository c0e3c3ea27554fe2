"""The logical structure of a drawn checklist: what each text and mark on each page is.

The renderer says where in the document each thing it draws belongs (a path
of structure elements such as ``Sect > L > LI > LBody``) or that it is page
furniture (an artifact: a running header, a footer, a rule). The painter
records one mark per text or graphic it draws, in drawing order, which is
the order Qt writes them into the PDF; ``tagged_pdf`` then wraps each in
marked content and writes the structure tree. Pure Python, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

PathStep = tuple[str, object]
"""One element on a path: its structure type ("H2", "LI", …) and a key unique among its siblings."""

Path = tuple[PathStep, ...]


class Furniture(Enum):
    """What an artifact is (PDF 32000-1 § 14.8.2.2): page furniture or mere decoration."""

    LAYOUT = "Layout"
    HEADER = "Header"
    FOOTER = "Footer"


MCID_BITS = 20
"""Marked content is kept as one int, ``page << MCID_BITS | mcid``: no object for each mark."""


@dataclass(eq=False, slots=True)
class Element:
    """A structure element: its type, attributes, and its kids (elements and marked content).

    A kid that is an int is marked content: ``page << MCID_BITS | mcid``.
    """

    role: str
    kids: list[Element | int] = field(default_factory=list)
    actual_text: str = ""
    """What the element reads as (a check box: "☑" or "☐")."""
    scope: str = ""
    """For a table header cell: "Column" or "Row"."""


TEXT = 1
"""The bit of a page's mark kind that says it is a text (else a graphic)."""
_FURNITURE = tuple(Furniture)


def furniture_of(kind: int) -> Furniture:
    """What an artifact mark of this kind is."""
    return _FURNITURE[kind >> 1]


@dataclass(eq=False, slots=True)
class PageMarks:
    """One page's marks in drawing order: each one's kind and its element (None: artifact).

    A kind is ``TEXT`` or 0 for a graphic, plus the artifact's ``Furniture``
    index shifted left by one. Kept as two flat lists: thousands of marks on a
    long checklist, so no object for each.
    """

    kinds: bytearray = field(default_factory=bytearray)
    elements: list[Element | None] = field(default_factory=list)


class StructureRecorder:
    """Collects the structure tree and each page's marks while the checklist is drawn.

    An element is made when the first thing is drawn in it (so an empty line
    makes no empty element), and added to its parent then: the order of
    elements is the order their first marks are drawn in.
    """

    def __init__(self) -> None:
        self.root = Element("Document")
        self.pages: list[PageMarks] = []
        self._elements: dict[Path, Element] = {(): self.root}
        self._path: Path | None = None
        self._element_of_path: Element | None = None
        self._actual_text = ""
        self._scope = ""
        self._graphics = False
        self._artifact_kind = 0
        # Until the first new_page, marks go to a page of their own (so none is lost).
        self._page = PageMarks()
        self.pages.append(self._page)
        self._page_bits = 0
        self._tagged_on_page = 0
        self._started = False

    def new_page(self) -> None:
        """The following marks are on a new page; they are artifacts until ``enter``."""
        if self._started:
            self._page = PageMarks()
            self.pages.append(self._page)
        self._started = True
        self._page_bits = (len(self.pages) - 1) << MCID_BITS
        self._tagged_on_page = 0
        self.artifact()

    def enter(
        self, path: Path, *, actual_text: str = "", scope: str = "", graphics: bool = False
    ) -> None:
        """Texts drawn from now belong to the element at ``path``.

        ``actual_text`` and ``scope`` are given to the element when it is made;
        with ``graphics`` the shapes drawn belong to it too (a check box to its
        label), otherwise they are decoration.
        """
        self._path = path
        self._element_of_path = None
        self._actual_text = actual_text
        self._scope = scope
        self._graphics = graphics
        self._artifact_kind = 0

    def artifact(self, furniture: Furniture = Furniture.LAYOUT) -> None:
        """What is drawn from now is page furniture (a header, a footer) or decoration."""
        self._path = None
        self._element_of_path = None
        self._graphics = False
        self._artifact_kind = _FURNITURE.index(furniture) << 1

    def text(self) -> None:
        """A text was drawn."""
        # Called for every word set on a long checklist: kept to a few steps.
        page = self._page
        if self._path is None:
            page.kinds.append(TEXT | self._artifact_kind)
            page.elements.append(None)
            return
        element = self._element_of_path or self._element_at(self._path)
        self._element_of_path = element
        page.kinds.append(TEXT)
        page.elements.append(element)
        # MCIDs number a page's tagged marks from 0 in drawing order.
        element.kids.append(self._page_bits | self._tagged_on_page)
        self._tagged_on_page += 1

    def graphic(self) -> None:
        """A line, box or shape was drawn."""
        page = self._page
        if not self._graphics or self._path is None:
            page.kinds.append(self._artifact_kind)
            page.elements.append(None)
            return
        element = self._element_of_path or self._element_at(self._path)
        self._element_of_path = element
        page.kinds.append(0)
        page.elements.append(element)
        element.kids.append(self._page_bits | self._tagged_on_page)
        self._tagged_on_page += 1

    def _element_at(self, path: Path) -> Element:
        element = self._elements.get(path)
        if element is None:
            parent = self._element_at(path[:-1]) if len(path) > 1 else self.root
            element = Element(path[-1][0])
            if path == self._path:
                element.actual_text = self._actual_text
                element.scope = self._scope
            parent.kids.append(element)
            self._elements[path] = element
        return element

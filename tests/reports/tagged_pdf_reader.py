"""Reads a tagged PDF back with pypdf: its structure tree, its marked content, each element's text.

Independent of the writer (``mpn_desktop.reports.tagged_pdf``): the tests check
what a screen reader or a PDF/UA checker would see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject, IndirectObject

TEXT_SHOWING = {b"Tj", b"TJ", b"'", b'"'}
PAINTING = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}


@dataclass
class Node:
    """A structure element as read back: its type, attributes, text and kids."""

    role: str
    attributes: dict[str, Any]
    kids: list[Node] = field(default_factory=list)
    marks: list[tuple[int, int]] = field(default_factory=list)
    """(page index, MCID) of its own marked content, in order."""
    text: str = ""

    def walk(self) -> list[Node]:
        """This node and every node under it, depth first."""
        found = [self]
        for kid in self.kids:
            found += kid.walk()
        return found

    def all_text(self) -> str:
        """Its text and its kids', in order, whitespace collapsed."""
        return " ".join(" ".join([self.text, *(kid.all_text() for kid in self.kids)]).split())


@dataclass
class PageContent:
    """What one page's content stream holds, read operator by operator."""

    unmarked_text: int = 0
    """Text-showing operators outside any marked content."""
    unmarked_paint: int = 0
    """Path-painting operators outside any marked content."""
    artifacts: int = 0
    mcids: list[int] = field(default_factory=list)
    texts: dict[int, str] = field(default_factory=dict)
    """Each MCID's text (None key: the artifacts')."""


@dataclass
class TaggedPdf:
    """The parts of a PDF the tests look at."""

    catalog: DictionaryObject
    info: dict[str, Any]
    document: Node | None
    pages: list[PageContent]
    struct_parents: list[int | None]
    parent_tree: dict[int, list[Any]]
    element_marks: dict[int, set[tuple[int, int]]]
    """id() of each element dictionary -> the (page, MCID) pairs its /K holds."""


def _resolve(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


def read(path: Path) -> TaggedPdf:
    """Reads ``path``."""
    reader = PdfReader(path)
    catalog = reader.trailer["/Root"].get_object()
    page_numbers = {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}
    pages = [_page_content(reader, page) for page in reader.pages]
    element_marks: dict[int, set[tuple[int, int]]] = {}
    document = None
    tree = _resolve(catalog.get("/StructTreeRoot"))
    parent_tree: dict[int, list[Any]] = {}
    if tree is not None:
        kids = _resolve(tree["/K"])
        top = kids if not isinstance(kids, list) else _resolve(kids[0])
        document = _node(top, None, page_numbers, pages, element_marks)
        numbers = _resolve(_resolve(tree["/ParentTree"])["/Nums"])
        for index in range(0, len(numbers), 2):
            parent_tree[int(numbers[index])] = [
                _resolve(ref) for ref in _resolve(numbers[index + 1])
            ]
    return TaggedPdf(
        catalog=catalog,
        info=dict(reader.metadata or {}),
        document=document,
        pages=pages,
        struct_parents=[
            int(page["/StructParents"]) if "/StructParents" in page else None
            for page in reader.pages
        ],
        parent_tree=parent_tree,
        element_marks=element_marks,
    )


def _node(
    element: DictionaryObject,
    page: int | None,
    page_numbers: dict[int, int],
    pages: list[PageContent],
    element_marks: dict[int, set[tuple[int, int]]],
) -> Node:
    if "/Pg" in element:
        page = page_numbers[element.raw_get("/Pg").idnum]
    attributes = {
        key: _resolve(value) for key, value in element.items() if key not in ("/K", "/P", "/Pg")
    }
    node = Node(str(element["/S"]).lstrip("/"), attributes)
    kids = _resolve(element.get("/K", []))
    if not isinstance(kids, list):
        kids = [kids]
    marks = element_marks.setdefault(id(element), set())
    texts: list[str] = []
    for raw in kids:
        kid = _resolve(raw)
        if isinstance(kid, int):
            assert page is not None, "an MCID in an element without /Pg"
            node.marks.append((page, int(kid)))
        elif isinstance(kid, DictionaryObject) and kid.get("/Type") == "/MCR":
            node.marks.append((page_numbers[kid.raw_get("/Pg").idnum], int(kid["/MCID"])))
        else:
            node.kids.append(_node(kid, page, page_numbers, pages, element_marks))
            continue
        where, mcid = node.marks[-1]
        marks.add((where, mcid))
        texts.append(pages[where].texts.get(mcid, ""))
    node.text = " ".join(" ".join(texts).split())
    return node


def _page_content(reader: PdfReader, page: Any) -> PageContent:
    content = PageContent()
    stack: list[int | str | None] = []
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"BDC":
            properties = _resolve(operands[1])
            if str(operands[0]) == "/Artifact":
                stack.append("artifact")
                content.artifacts += 1
            else:
                mcid = int(properties["/MCID"]) if "/MCID" in properties else None
                stack.append(mcid)
                if mcid is not None:
                    content.mcids.append(mcid)
        elif operator == b"BMC":
            stack.append("artifact" if str(operands[0]) == "/Artifact" else None)
            content.artifacts += str(operands[0]) == "/Artifact"
        elif operator == b"EMC":
            stack.pop()
        elif operator in TEXT_SHOWING and not any(item is not None for item in stack):
            content.unmarked_text += 1
        elif operator in PAINTING and not any(item is not None for item in stack):
            content.unmarked_paint += 1
    _page_texts(page, content)
    return content


def _page_texts(page: Any, content: PageContent) -> None:
    """Each MCID's text, read the way pypdf extracts text (through the fonts' ToUnicode)."""
    stack: list[int | None] = []

    def before(operator: bytes, operands: list[Any], *_: Any) -> None:
        if operator == b"BDC":
            properties = _resolve(operands[1])
            stack.append(int(properties["/MCID"]) if "/MCID" in properties else None)
        elif operator == b"BMC":
            stack.append(None)
        elif operator == b"EMC":
            stack.pop()

    def text(value: str, *_: Any) -> None:
        if value and stack and stack[-1] is not None:
            content.texts[stack[-1]] = content.texts.get(stack[-1], "") + value

    page.extract_text(visitor_operand_before=before, visitor_text=text)

"""Makes the PDF Qt wrote into a tagged PDF: marked content, a structure tree, the language.

``QPdfWriter`` writes no structure. It writes each ``drawText`` as one text
object (``BT`` … ``ET``) and each drawn line or shape as one path object, in
drawing order, so the n-th of them on a page is the n-th mark the
``StructureRecorder`` took there. Each is wrapped in marked content (``BDC`` with
an MCID, or ``/Artifact``); the pages get ``/StructParents``; the catalogue gets
``/MarkInfo``, ``/Lang``, ``/StructTreeRoot`` (with its parent tree) and
``/ViewerPreferences /DisplayDocTitle``; the document information's strings
are written in hex (``pdf_strings``). Every other object is copied as Qt
wrote it, so the pages look exactly the same. Pure Python, no Qt.

The file is rewritten whole, not appended to, with the structure elements
packed in compressed object streams and a cross-reference stream. Qt's classic
layout is read (an ``xref`` table, one Flate content stream per page with an
indirect length); anything else raises ``NotTaggable`` and the caller keeps
the untagged PDF.
"""

from __future__ import annotations

import itertools
import re
import struct
import zlib
from collections.abc import Sequence

from mpn_desktop.reports.pdf_strings import MalformedString, literal_strings_in_hex
from mpn_desktop.reports.structure import (
    MCID_BITS,
    TEXT,
    Element,
    Furniture,
    PageMarks,
    furniture_of,
)

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_SUBSECTION = re.compile(rb"(\d+) (\d+)\s*\n")
_REF = re.compile(rb"/%s\s+(\d+)\s+0\s+R")
_TO_UNICODE = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
_BFRANGES = re.compile(rb"beginbfrange\n.*?endbfrange", re.DOTALL)
_CHARACTERS = re.compile(rb"\[[^\]]*\]")
"""A range's characters, one for each glyph (the glyph codes stand before it)."""
_ONE_GLYPH_TAB = re.compile(rb"(?m)^(<[0-9A-Fa-f]+>) \1 <0009>$")
"""A range of one glyph read as a tab: Qt writes a glyph alone in its range without brackets."""
_CONTENT_OBJECT = re.compile(
    rb"(?m)(^BT\n[^E]*+(?:E(?!T$)[^E]*+)*+ET$"
    rb"|^(?:[-\d. ]++(?:m|l|c|v|y|re)\n|h\n)++(?:S|s|f\*?|F|B\*?|b\*?|n)$)"
)
"""A text object (one drawText) or a path object (one line, box or shape).

Possessive, so a line of numbers that turns out to set a colour is given up at once.
"""
_PACKED = 200
"""Structure elements per object stream (compressed: they are most of what tagging adds)."""
_LEVEL = 1
"""zlib level for the rewritten page contents: the fastest; the contents were Qt's level 6."""


class NotTaggable(Exception):
    """The PDF is not laid out as expected, or its content does not match what was drawn."""


def tag_pdf(pdf: bytes, pages: Sequence[PageMarks], root: Element, *, language: str) -> bytes:
    """The same PDF, tagged: each page's text and graphics marked as ``pages`` says."""
    document = _Document(pdf)
    page_refs = document.page_numbers()
    if len(page_refs) != len(pages):
        raise NotTaggable(f"{len(page_refs)} pages in the PDF, {len(pages)} drawn")
    writer = _Objects(document.next_number)
    tree_number = writer.reserve()
    parent_tree = writer.reserve()
    numbers = _element_numbers(root, writer)
    numbers[id(root)] = writer.reserve()
    replaced: dict[int, bytes] = {}
    streams = [
        document.stream(document.reference(document.body(n), b"Contents")) for n in page_refs
    ]
    # (Inflating and deflating in threads beside the marking saved no time: the
    # machine's other cores are as busy, and each page is small.)
    for index, page_number in enumerate(page_refs):
        page = document.body(page_number)
        number = document.reference(page, b"Contents")
        stream_dict, data = streams[index]
        data = zlib.compress(_mark_content(zlib.decompress(data), pages[index], index), _LEVEL)
        replaced[number] = stream_dict + b"stream\n" + data + b"\nendstream\n"
        replaced[document.reference(stream_dict, b"Length")] = b"%d\n" % len(data)
        replaced[page_number] = _add_keys(page, b"/StructParents %d\n/Tabs /S\n" % index)
    info = document.reference(document.trailer, b"Info")
    try:
        # The title in hex: poppler refuses a long literal one (pdf_strings says why).
        replaced[info] = literal_strings_in_hex(document.body(info))
    except MalformedString as error:
        raise NotTaggable(f"the document information: {error}") from error
    for number in {int(found) for found in _TO_UNICODE.findall(pdf)}:
        if number in document.offsets:
            replaced[number] = spaces_read_as_spaces(document.body(number))
    catalog_number = document.root
    replaced[catalog_number] = _add_keys(
        document.body(catalog_number),
        b"/MarkInfo << /Marked true >>\n/Lang %s\n/StructTreeRoot %d 0 R\n"
        b"/ViewerPreferences << /DisplayDocTitle true >>\n" % (_text(language), tree_number),
    )
    writer.add(
        tree_number,
        b"<< /Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d >>\n"
        % (numbers[id(root)], parent_tree, len(pages)),
    )
    _write_elements(root, tree_number, numbers, page_refs, writer)
    writer.add(parent_tree, _parent_tree(pages, numbers))
    return document.rewrite(replaced, writer.objects, writer.next)


def _mark_content(content: bytes, marks: PageMarks, page: int) -> bytes:
    """The page's content with each text and path object in marked content."""
    kinds, elements = marks.kinds, marks.elements
    # [before the first, first object, between, second object, …, after the last]
    parts = _CONTENT_OBJECT.split(content)
    objects = parts[1::2]
    if len(objects) != len(kinds):
        raise NotTaggable(f"page {page + 1}: {len(kinds)} drawn, {len(objects)} in the PDF")
    if bytes(kind & TEXT for kind in kinds) != bytes(obj[0] == 0x42 for obj in objects):
        raise NotTaggable(f"page {page + 1}: the PDF's texts and shapes are not those drawn")
    artifacts = {kind: _artifact(kind) for kind in set(kinds)}
    mcids = itertools.count()
    openings = [
        artifacts[kind]
        if element is None
        else b"/%s << /MCID %d >> BDC\n" % (element.role.encode(), next(mcids))
        for kind, element in zip(kinds, elements, strict=True)
    ]
    marked = zip(openings, objects, itertools.repeat(b"\nEMC"), parts[2::2], strict=False)
    return parts[0] + b"".join(itertools.chain.from_iterable(marked))


def _artifact(kind: int) -> bytes:
    furniture = furniture_of(kind)
    if furniture is Furniture.LAYOUT:
        return b"/Artifact BMC\n"
    return b"/Artifact << /Type /Pagination /Subtype /%s >> BDC\n" % furniture.value.encode()


def _element_numbers(root: Element, writer: _Objects) -> dict[int, int]:
    numbers: dict[int, int] = {}
    stack = [root]
    while stack:
        element = stack.pop()
        for kid in element.kids:
            if isinstance(kid, Element):
                numbers[id(kid)] = writer.reserve()
                stack.append(kid)
    return numbers


def _write_elements(
    root: Element,
    tree: int,
    numbers: dict[int, int],
    page_refs: Sequence[int],
    writer: _Objects,
) -> None:
    mask = (1 << MCID_BITS) - 1
    stack: list[tuple[Element, int]] = [(root, tree)]
    while stack:
        element, parent = stack.pop()
        number = numbers[id(element)]
        first_page = -1
        kids: list[bytes] = []
        for kid in element.kids:
            if isinstance(kid, Element):
                kids.append(b"%d 0 R" % numbers[id(kid)])
                stack.append((kid, number))
                continue
            page = kid >> MCID_BITS
            if first_page < 0:
                first_page = page
            if page == first_page:
                kids.append(b"%d" % (kid & mask))
            else:
                kids.append(b"<< /Type /MCR /Pg %d 0 R /MCID %d >>" % (page_refs[page], kid & mask))
        parts = [b"<< /S /%s /P %d 0 R" % (element.role.encode(), parent)]
        if first_page >= 0:
            parts.append(b" /Pg %d 0 R" % page_refs[first_page])
        if element.actual_text:
            parts.append(b" /ActualText " + _text(element.actual_text))
        if element.scope:
            parts.append(b" /A << /O /Table /Scope /%s >>" % element.scope.encode())
        parts.append(b" /K [" + b" ".join(kids) + b"] >>\n")
        writer.add(number, b"".join(parts))


def _parent_tree(pages: Sequence[PageMarks], numbers: dict[int, int]) -> bytes:
    entries: list[bytes] = []
    for index, marks in enumerate(pages):
        refs = b" ".join(
            b"%d 0 R" % numbers[id(element)] for element in marks.elements if element is not None
        )
        entries.append(b"%d [%s]" % (index, refs))
    return b"<< /Nums [" + b"\n".join(entries) + b"] >>\n"


def spaces_read_as_spaces(cmap: bytes) -> bytes:
    """A font's ToUnicode map with its blank glyph read as a space, not a tab.

    Qt maps each glyph to the first character the font draws with it, and
    DejaVu Sans draws the tab and the space with one glyph: copied or read
    aloud, every space between words came out as a tab. The checklist draws no
    tab, and ``<0009>`` and ``<0020>`` are as long, so the stream's length stands.
    The glyph is read as a space in a range's list of characters and alone in a
    range (``<0007> <0007> <0009>``: Qt writes a range of one glyph without a
    list); a range from the tab on to the characters after it is left as it is
    (the checklist draws none of them).
    """

    def blank_as_space(ranges: re.Match[bytes]) -> bytes:
        listed = _CHARACTERS.sub(
            lambda characters: characters.group().replace(b"<0009>", b"<0020>"), ranges.group()
        )
        return _ONE_GLYPH_TAB.sub(rb"\1 \1 <0020>", listed)

    return _BFRANGES.sub(blank_as_space, cmap)


def _text(value: str) -> bytes:
    """A PDF text string: UTF-16BE with its byte order mark, in hex."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode() + b">"


def _add_keys(dictionary: bytes, keys: bytes) -> bytes:
    """The object's dictionary with ``keys`` added before its closing ``>>``."""
    end = dictionary.rfind(b">>")
    if end < 0:
        raise NotTaggable("an object to extend is not a dictionary")
    return dictionary[:end] + keys + dictionary[end:]


class _Objects:
    """The new objects, numbered after the PDF's own."""

    def __init__(self, first: int) -> None:
        self.next = first
        self.objects: dict[int, bytes] = {}

    def reserve(self) -> int:
        number = self.next
        self.next += 1
        return number

    def add(self, number: int, body: bytes) -> None:
        self.objects[number] = body


class _Document:
    """Qt's PDF read by its cross-reference table: each object's bytes by its number."""

    def __init__(self, pdf: bytes) -> None:
        self.pdf = pdf
        tail = _STARTXREF.search(pdf, max(0, len(pdf) - 64))
        if tail is None:
            raise NotTaggable("no startxref at the end")
        xref = int(tail.group(1))
        if not pdf.startswith(b"xref", xref):
            raise NotTaggable("the cross-reference is not a classic table")
        self.offsets: dict[int, int] = {}
        position = pdf.find(b"\n", xref) + 1
        while not pdf.startswith(b"trailer", position):
            header = _SUBSECTION.match(pdf, position)
            if header is None:
                raise NotTaggable("a cross-reference subsection is malformed")
            first, count = int(header.group(1)), int(header.group(2))
            position = header.end()
            for number in range(first, first + count):
                # Each entry is 20 bytes: "nnnnnnnnnn ggggg n" and a two-byte end of line.
                entry = _XREF_ENTRY.match(pdf, position)
                if entry is None:
                    raise NotTaggable("a cross-reference entry is malformed")
                if entry.group(3) == b"n":
                    self.offsets[number] = int(entry.group(1))
                position += 20
        self.xref = xref
        self.trailer = pdf[position : pdf.find(b"startxref", position)]
        self.root = self.reference(self.trailer, b"Root")
        self.next_number = max(self.offsets, default=0) + 1
        ordered = sorted(self.offsets.items(), key=lambda item: item[1])
        self._ends = {
            number: (ordered[i + 1][1] if i + 1 < len(ordered) else xref)
            for i, (number, _) in enumerate(ordered)
        }
        self.first_offset = ordered[0][1] if ordered else xref

    def whole(self, number: int) -> bytes:
        """``N 0 obj`` … ``endobj`` as written."""
        return self.pdf[self.offsets[number] : self._ends[number]]

    def body(self, number: int) -> bytes:
        """What is between ``N 0 obj`` and ``endobj``."""
        whole = self.whole(number)
        head = b"%d 0 obj" % number
        if not whole.startswith(head):
            raise NotTaggable(f"object {number} is not where the table says")
        end = whole.rfind(b"endobj")
        if end < 0:
            raise NotTaggable(f"object {number} has no end")
        return whole[len(head) : end].lstrip(b"\r\n ")

    def stream(self, number: int) -> tuple[bytes, bytes]:
        """A stream object's dictionary (up to ``stream``) and its raw data."""
        body = self.body(number)
        begin = body.find(b"stream")
        end = body.rfind(b"endstream")
        if begin < 0 or end < 0 or b"/FlateDecode" not in body[:begin]:
            raise NotTaggable(f"object {number} is not a Flate stream")
        data_start = begin + len(b"stream")
        data_start += 2 if body.startswith(b"\r\n", data_start) else 1
        length = self.reference(body[:begin], b"Length")
        data = body[data_start : data_start + int(self.body(length).strip())]
        return body[:begin], data

    def reference(self, dictionary: bytes, key: bytes) -> int:
        """The object number ``/Key N 0 R`` in a dictionary refers to."""
        found = re.search(_REF.pattern % key, dictionary)
        if found is None:
            raise NotTaggable(f"no /{key.decode()} reference")
        return int(found.group(1))

    def page_numbers(self) -> list[int]:
        """The page objects in order (Qt writes one /Pages node whose /Kids are the pages)."""
        pages = self.body(self.reference(self.body(self.root), b"Pages"))
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", pages)
        if kids is None:
            raise NotTaggable("the page tree has no /Kids")
        numbers = [int(number) for number in re.findall(rb"(\d+)\s+0\s+R", kids.group(1))]
        for number in numbers:
            if b"/Type /Page\n" not in self.body(number) and b"/Type /Page " not in self.body(
                number
            ):
                raise NotTaggable("the page tree is nested")
        return numbers

    def rewrite(self, replaced: dict[int, bytes], packed: dict[int, bytes], first: int) -> bytes:
        """The whole file again with ``replaced`` bodies, and ``packed`` in object streams.

        Object streams and a cross-reference stream are PDF 1.5; the header says
        1.7, the version PDF/UA-1 is written against.
        """
        head = self.pdf[: self.first_offset]
        if head.startswith(b"%PDF-1."):
            head = b"%PDF-1.7" + head[8:]
        out = [head]
        size = len(head)
        offsets: dict[int, int] = {}

        def put(number: int, body: bytes) -> None:
            nonlocal size
            offsets[number] = size
            chunk = b"%d 0 obj\n%sendobj\n" % (number, body)
            out.append(chunk)
            size += len(chunk)

        for number in sorted(self.offsets, key=self.offsets.__getitem__):
            if number in replaced:
                put(number, replaced[number])
            else:
                offsets[number] = size
                chunk = self.whole(number)
                out.append(chunk)
                size += len(chunk)
        compressed: dict[int, tuple[int, int]] = {}
        numbers = sorted(packed)
        stream_number = first
        for start in range(0, len(numbers), _PACKED):
            members = numbers[start : start + _PACKED]
            places: list[bytes] = []
            at = 0
            for index, number in enumerate(members):
                places.append(b"%d %d" % (number, at))
                at += len(packed[number])
                compressed[number] = (stream_number, index)
            header = b" ".join(places) + b"\n"
            data = zlib.compress(header + b"".join(packed[number] for number in members), _LEVEL)
            put(
                stream_number,
                b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\n"
                b"stream\n%s\nendstream\n" % (len(members), len(header), len(data), data),
            )
            stream_number += 1
        xref_number = stream_number
        count = xref_number + 1
        offsets[xref_number] = size
        rows = bytearray(struct.pack(">BIH", 0, 0, 65535))
        for number in range(1, count):
            if number in offsets:
                rows += struct.pack(">BIH", 1, offsets[number], 0)
            elif number in compressed:
                rows += struct.pack(">BIH", 2, *compressed[number])
            else:
                rows += struct.pack(">BIH", 0, 0, 0)
        data = zlib.compress(bytes(rows))
        identifier = re.search(rb"/ID\s*\[[^\]]*\]", self.trailer)
        info = self.reference(self.trailer, b"Info")
        put(
            xref_number,
            b"<< /Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Info %d 0 R %s "
            b"/Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream\n"
            % (
                count,
                self.root,
                info,
                identifier.group() if identifier else b"",
                len(data),
                data,
            ),
        )
        out.append(b"startxref\n%d\n%%%%EOF\n" % offsets[xref_number])
        return b"".join(out)

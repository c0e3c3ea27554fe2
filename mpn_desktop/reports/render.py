"""Renders a checklist document on paper: to a PDF file or through the print preview.

One renderer draws on any ``QPagedPaintDevice`` (``QPdfWriter`` for PDF,
``QPrinter`` for the printer): the page furniture (the title block on the first
page, a running header on the others, footnotes, "Page n of m") around the
body blocks of ``checklist_layout``, paginated by ``pagination``.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QPointF, Qt
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

import mpn_desktop
from mpn_desktop.domain.vocabulary import _, language
from mpn_desktop.errors import MpnError
from mpn_desktop.reports.checklist import Checklist
from mpn_desktop.reports.checklist_layout import Block, ChecklistComposer
from mpn_desktop.reports.pagination import Page, paginate
from mpn_desktop.reports.structure import Furniture, StructureRecorder
from mpn_desktop.reports.tagged_pdf import NotTaggable, tag_pdf
from mpn_desktop.reports.tagging import TaggingPainter, artifact, enter, header_cell
from mpn_desktop.reports.typesetting import Face, Ink, Line, Run, Style

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget  # only the print preview needs the widgets

log = logging.getLogger(__name__)

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
"""The paper sizes the checklist is laid out for, by the names the command line takes."""

# Where Letter is the paper in use (the CLDR's paperSize data); A4 everywhere else.
_LETTER_TERRITORIES = frozenset(
    getattr(QLocale.Country, name)
    for name in (
        "UnitedStates",
        "Canada",
        "Mexico",
        "Belize",
        "Guatemala",
        "ElSalvador",
        "Nicaragua",
        "CostaRica",
        "Panama",
        "PuertoRico",
        "Colombia",
        "Venezuela",
        "Chile",
        "Philippines",
    )
)
_PDF_RESOLUTION = 600


class ChecklistNotWritten(MpnError):
    """The checklist could not be written (the file or the printer refused it).

    ``reason`` is what refused it without the sentence saying the checklist was not
    written, for a box whose first line already says so.
    """

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = message if reason is None else reason


def default_page_size(locale: QLocale | None = None) -> str:
    """Letter where the locale's country uses it (United States, Canada, …), A4 elsewhere.

    Without ``locale``, the system's: on Linux and the BSDs the paper locale
    (``LC_PAPER``, which may differ from the language's) when it is set.
    """
    if locale is None:
        locale = _paper_locale() or QLocale.system()
    return "Letter" if locale.territory() in _LETTER_TERRITORIES else "A4"


def _paper_locale() -> QLocale | None:
    if sys.platform in ("win32", "darwin"):
        return None
    # The POSIX order of precedence: LC_ALL overrides LC_PAPER, which overrides LANG.
    for variable in ("LC_ALL", "LC_PAPER"):
        name = os.environ.get(variable, "").partition(".")[0]
        if name and name not in ("C", "POSIX"):
            return QLocale(name)
    return None


def _page_size_id(name: str | None) -> QPageSize.PageSizeId:
    chosen = name or default_page_size()
    for key, size in PAGE_SIZES.items():
        if key.lower() == chosen.lower():
            return size
    raise ChecklistNotWritten(
        _("page size {size} is not known; choose one of {sizes}").format(
            size=repr(chosen), sizes=", ".join(PAGE_SIZES)
        )
    )


def render_pdf(
    document: Checklist,
    path: Path,
    page_size: str | None = None,
    *,
    save: Callable[[Path, bytes], object],
) -> int:
    """Writes the checklist to ``path`` as PDF (A4, Letter, or None: the locale's); returns pages.

    The PDF is tagged (``tagged_pdf``): a structure tree of headings,
    paragraphs, lists and tables over every text, the page furniture marked as
    artifacts, and the language of the checklist, for screen readers and reflow.
    The PDF is drawn in memory, then handed to ``save``: the callers pass the
    store's one writer of user-chosen files (``store.user_files``), which never
    writes over the open database, its journal or backups, nor a device or a
    folder, and leaves the previous file as it was on a failure (a full disk).
    Reports do not import the store (DESIGN.md's layers), so it comes as an argument.
    """
    size = _page_size_id(page_size)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(_PDF_RESOLUTION)
    writer.setPageSize(QPageSize(size))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(f"{document.title}: {document.header.organization}")
    writer.setCreator(f"mpn-desktop {mpn_desktop.__version__}")
    structure = StructureRecorder()
    try:
        pages = render_to_device(document, writer, structure)
    finally:
        del writer  # the PDF is complete once the writer is gone
    content = bytes(buffer.data().data())
    buffer.close()
    try:
        content = tag_pdf(content, structure.pages, structure.root, language=language())
    except NotTaggable as error:
        # Never expected (Qt writes the same layout every time); the untagged PDF is
        # still the whole checklist, so it is written rather than lost.
        log.warning("the checklist PDF is written untagged: %s", error)
    try:
        save(Path(path), content)
    except MpnError as error:
        said = _("the checklist was not written: {problem}")
        raise ChecklistNotWritten(said.format(problem=error), reason=str(error)) from None
    return pages


def page_size_name(size: QPageSize) -> str:
    """ "A4" or "Letter" for those paper sizes, "" for any other."""
    return next((name for name, known in PAGE_SIZES.items() if known == size.id()), "")


def open_print_preview(
    document: Checklist,
    parent: QWidget | None = None,
    page_size: str | None = None,
    on_paper: Callable[[str], None] | None = None,
    *,
    save: Callable[[Path, bytes], object] | None = None,
    failed: Callable[[MpnError], None] | None = None,
) -> QWidget:
    """Opens the print preview of the checklist (window-modal); printing goes from there.

    ``page_size`` is the paper it opens on (None: the locale's); the user may
    change it with the preview's page setup, and ``on_paper`` then hears the
    paper drawn on ("A4", "Letter") so that it can be remembered. Printed to a
    PDF file on A4 or Letter (the print dialog's "Print to File"), the
    checklist is written as ``render_pdf`` writes it, tagged, through ``save``
    (the store's writer of user-chosen files) when it is given. ``failed`` hears
    why a printing failed (the file or the printer refused it), to tell the user;
    it is logged either way.
    """
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    dialog = QPrintPreviewDialog(parent)
    dialog.setObjectName("checklistPrintPreview")
    dialog.setWindowTitle(dialog.tr("Print checklist"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    printer = dialog.printer()
    printer.setPageSize(QPageSize(_page_size_id(page_size)))
    printer.setFullPage(True)
    printer.setDocName(f"{document.title} - {document.header.organization}")

    def paint(device: QPrinter) -> None:
        paper = page_size_name(device.pageLayout().pageSize())
        try:
            if save is not None and paper and _prints_to_pdf_file(device):
                render_pdf(document, Path(device.outputFileName()), paper, save=save)
            else:
                render_to_device(document, device)
        except MpnError as error:
            log.warning("the checklist was not printed: %s", error)
            if failed is not None:
                failed(error)
            return
        if paper and on_paper is not None:
            on_paper(paper)

    dialog.paintRequested.connect(paint)
    dialog.resize(900, 1000)
    dialog.open()
    return dialog


def _prints_to_pdf_file(printer: QPagedPaintDevice) -> bool:
    """Whether ``printer`` prints (not previews) to a PDF file, upright."""
    from PySide6.QtGui import QPaintEngine
    from PySide6.QtPrintSupport import QPrinter

    # The preview draws on the same printer with a picture engine, the print with a PDF one.
    engine = printer.paintEngine()
    return (
        isinstance(printer, QPrinter)
        and printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
        and bool(printer.outputFileName())
        and engine is not None
        and engine.type() == QPaintEngine.Type.Pdf
        and printer.pageLayout().orientation() == QPageLayout.Orientation.Portrait
    )


def render_to_device(
    document: Checklist, device: QPagedPaintDevice, structure: StructureRecorder | None = None
) -> int:
    """Lays out and draws every page on ``device``; returns the number of pages.

    With ``structure``, what is drawn is recorded there for the tagged PDF.
    """
    painter = QPainter() if structure is None else TaggingPainter(structure)
    if not painter.begin(device):
        raise ChecklistNotWritten(
            _("the checklist could not be drawn on the chosen printer or file")
        )
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pages = _Pages(document, Style(device), device.width(), device.height())
        pages.draw(painter, device)
        return pages.count
    finally:
        painter.end()


class _Pages:
    """The page geometry, the furniture drawn on every page, and the paginated body."""

    def __init__(self, document: Checklist, style: Style, width: float, height: float) -> None:
        self.document = document
        self.style = style
        pt = style.pt
        self.left = style.mm(20)
        self.right = width - style.mm(20)
        self.top = style.mm(14)
        self.footer_rule = height - style.mm(13)
        self.body_bottom = self.footer_rule - 10 * pt
        self.title_bottom = self._title_block_height() + self.top
        self.header_bottom = self.top + self._running_header_height()
        self.continued_height = style.line_height(Face.DETAIL_ITALIC) + 6 * pt
        self._footnote_lines: dict[int, list[Line]] = {}
        self.blocks: list[Block] = ChecklistComposer(
            document, style, self.left, self.right
        ).compose()
        self.pages: list[Page] = paginate(
            [block.size for block in self.blocks],
            first_body=(self.title_bottom + 12 * pt, self.body_bottom),
            body=(self.header_bottom + 12 * pt, self.body_bottom),
            footnotes_height=self.footnotes_height,
            continued_height=self.continued_height,
        )

    @property
    def count(self) -> int:
        """How many pages the checklist takes."""
        return len(self.pages)

    def draw(self, painter: QPainter, device: QPagedPaintDevice) -> None:
        """Draws every page, starting a new one on the device between them."""
        structure = painter.structure if isinstance(painter, TaggingPainter) else None
        for number, page in enumerate(self.pages, start=1):
            if number > 1 and not device.newPage():
                raise ChecklistNotWritten(_("the printer or file refused a new page"))
            if structure is not None:
                structure.new_page()
            if number == 1:
                self._draw_title_block(painter)
            else:
                artifact(painter, Furniture.HEADER)
                self._draw_running_header(painter)
            artifact(painter, Furniture.FOOTER)
            self._draw_footer(painter, number)
            if page.continued:
                # The repeated name of the section a page starts in: furniture, not a heading.
                artifact(painter, Furniture.HEADER)
                self._draw_continued(painter, page.continued)
            for index, top in page.placements:
                block = self.blocks[index]
                enter(painter, block.path)
                block.draw(painter, top)
            self._draw_footnotes(painter, page.footnotes, number)

    # --- title block and running header ---------------------------------------------------------

    def _fields(self) -> list[tuple[str, str]]:
        header = self.document.header
        return [
            (_("MPN ID"), header.mpn_id),
            (_("MARKET"), header.market),
            (_("AS OF"), header.as_of),
            (_("ANNIVERSARY"), header.anniversary),
            *(
                [(_("NEXT ANNIVERSARY"), header.next_anniversary)]
                if header.next_anniversary
                else []
            ),
            (_("PRINTED"), header.printed_on),
        ]

    def _title_block_height(self) -> float:
        style, pt = self.style, self.style.pt
        title = style.wrap(
            [Run(self.document.header.organization, Face.TITLE)], self.right - self.left
        )
        return (
            style.line_height(Face.KICKER)
            + 3 * pt
            + style.height(title, 1.0)
            + 8 * pt
            + style.line_height(Face.LABEL)
            + style.line_height(Face.VALUE)
            + 8 * pt
        )

    def _draw_title_block(self, painter: QPainter) -> None:
        style, pt = self.style, self.style.pt
        enter(painter, (("H1", "title"),))
        y = self.top
        y = style.draw(
            painter,
            style.wrap([Run(self.document.title, Face.KICKER, Ink.ACCENT)], self.right - self.left),
            self.left,
            y,
        )
        y += 3 * pt
        title = style.wrap(
            [Run(self.document.header.organization, Face.TITLE)], self.right - self.left
        )
        y = style.draw(painter, title, self.left, y, leading=1.0) + 8 * pt
        x = self.left
        gap = 22 * pt
        table = ("Table", "fields")
        for column, (label, value) in enumerate(self._fields()):
            header_cell(painter, (table, ("TR", "labels"), ("TH", column)))
            painter.setFont(style.fonts[Face.LABEL])
            painter.setPen(style.colors[Ink.MUTED])
            painter.drawText(QPointF(x, y + style.ascent(Face.LABEL)), label)
            value_top = y + style.line_height(Face.LABEL)
            enter(painter, (table, ("TR", "values"), ("TD", column)))
            painter.setFont(style.fonts[Face.VALUE])
            painter.setPen(style.colors[Ink.TEXT])
            painter.drawText(QPointF(x, value_top + style.ascent(Face.VALUE)), value)
            x += max(style.advance(Face.LABEL, label), style.advance(Face.VALUE, value)) + gap
        artifact(painter)
        painter.setPen(QPen(style.colors[Ink.ACCENT], 1.8 * pt))
        painter.drawLine(
            QPointF(self.left, self.title_bottom), QPointF(self.right, self.title_bottom)
        )

    def running_header_meta_lines(self) -> list[Line]:
        """The MPN ID, market, days…, broken between those parts, never inside one.

        Wrapped word by word, the German line broke between "Gedruckt" and its date.
        """
        header = self.document.header
        next_one = (
            _(" (next {day})").format(day=header.next_anniversary)
            if header.next_anniversary
            else ""
        )
        meta = _(
            "MPN ID {mpn_id}  ·  {market} market  ·  As of {as_of}  ·  "
            "Anniversary {anniversary}{next_one}  ·  Printed {printed}"
        ).format(
            mpn_id=header.mpn_id,
            market=header.market,
            as_of=header.as_of,
            anniversary=header.anniversary,
            next_one=next_one,
            printed=header.printed_on,
        )
        style, width, separator = self.style, self.right - self.left, "  ·  "
        texts: list[str] = []
        for part in meta.split(separator):
            joined = f"{texts[-1]}{separator}{part}" if texts else part
            if texts and style.advance(Face.SMALL, joined) <= width:
                texts[-1] = joined
            else:
                texts.append(part)
        # A part wider than the page on its own (never seen) still wraps inside itself.
        return [
            line for text in texts for line in style.wrap([Run(text, Face.SMALL, Ink.MUTED)], width)
        ]

    def running_header_name_lines(self) -> list[Line]:
        """The organisation's name, wrapped in the room the title on the right leaves it.

        A long name drawn on one line ran under the title ("... (Europe)Cloud competency").
        """
        style = self.style
        room = self.right - self.left - style.advance(Face.SMALL, self.document.title)
        organization = [Run(self.document.header.organization, Face.SMALL_BOLD)]
        return style.wrap(organization, room - 12 * style.pt)

    def _running_header_height(self) -> float:
        style, pt = self.style, self.style.pt
        meta = self.running_header_meta_lines()
        names = len(self.running_header_name_lines())
        return style.line_height(Face.SMALL_BOLD) * names + style.height(meta) + 5 * pt

    def _draw_running_header(self, painter: QPainter) -> None:
        style, pt = self.style, self.style.pt
        baseline = self.top + style.ascent(Face.SMALL_BOLD)
        names = self.running_header_name_lines()
        for number, line in enumerate(names):
            style.draw(
                painter, [line], self.left, self.top + number * style.line_height(Face.SMALL_BOLD)
            )
        title = self.document.title
        painter.setFont(style.fonts[Face.SMALL])
        painter.setPen(style.colors[Ink.ACCENT])
        painter.drawText(QPointF(self.right - style.advance(Face.SMALL, title), baseline), title)
        meta = self.running_header_meta_lines()
        meta_top = self.top + style.line_height(Face.SMALL_BOLD) * len(names)
        style.draw(painter, meta, self.left, meta_top)
        painter.setPen(QPen(style.colors[Ink.FAINT], 0.6 * pt))
        painter.drawLine(
            QPointF(self.left, self.header_bottom), QPointF(self.right, self.header_bottom)
        )

    def _draw_continued(self, painter: QPainter, label: str) -> None:
        style = self.style
        top = self.header_bottom + 12 * style.pt
        style.draw(
            painter,
            style.wrap([Run(label, Face.DETAIL_ITALIC, Ink.MUTED)], self.right - self.left),
            self.left,
            top,
        )

    def _draw_footer(self, painter: QPainter, number: int) -> None:
        style, pt = self.style, self.style.pt
        painter.setPen(QPen(style.colors[Ink.FAINT], 0.6 * pt))
        painter.drawLine(
            QPointF(self.left, self.footer_rule), QPointF(self.right, self.footer_rule)
        )
        top = self.footer_rule + 4 * pt
        baseline = top + style.ascent(Face.SMALL)
        catalog = self.document.header.catalog
        left = (
            _("Requirements: {catalogue}").format(catalogue=catalog) if catalog else "mpn-desktop"
        )
        text = _("Page {number} of {count}").format(number=number, count=self.count)
        # The requirements wrap short of the page number: drawn on one line, a long one
        # ran into it ("… bis 30.04.2026)Seite 2 von 5").
        room = self.right - self.left - style.advance(Face.SMALL_BOLD, text) - 12 * pt
        style.draw(painter, self._footer_lines(left, room), self.left, top)
        painter.setFont(style.fonts[Face.SMALL_BOLD])
        painter.setPen(style.colors[Ink.TEXT])
        painter.drawText(QPointF(self.right - style.advance(Face.SMALL_BOLD, text), baseline), text)

    def _footer_lines(self, text: str, room: float) -> list[Line]:
        """The footer's requirements in ``room``; wrapped, the catalogue's dates go whole
        on the second line ("… 2026-05" / "(01.05.2026 bis heute)"), not split inside."""
        style = self.style
        lines = style.wrap([Run(text, Face.SMALL, Ink.MUTED)], room)
        name, bracket, dates = text.rpartition(" (")
        if len(lines) == 2 and bracket:
            parts = [
                style.wrap([Run(part, Face.SMALL, Ink.MUTED)], room) for part in (name, "(" + dates)
            ]
            if all(len(part) == 1 for part in parts):
                return [parts[0][0], parts[1][0]]
        return lines

    # --- footnotes ----------------------------------------------------------------------------

    def _footnote(self, number: int) -> list[Line]:
        lines = self._footnote_lines.get(number)
        if lines is None:
            note = self.document.footnote(number)
            runs = [Run(note.text, Face.SMALL)]
            if note.source:
                runs += [
                    Run("  " + _("Source: "), Face.SMALL_ITALIC, Ink.MUTED),
                    Run(note.source, Face.SMALL_ITALIC, Ink.MUTED),
                ]
            lines = self.style.wrap(runs, self.right - self.left - 12 * self.style.pt)
            self._footnote_lines[number] = lines
        return lines

    def footnotes_height(self, numbers: Sequence[int]) -> float:
        """The height the footnotes with those numbers take at the foot of a page."""
        if not numbers:
            return 0.0
        pt = self.style.pt
        notes = sum(self.style.height(self._footnote(number)) + 2 * pt for number in numbers)
        return 12 * pt + notes

    def _draw_footnotes(self, painter: QPainter, numbers: Sequence[int], page: int) -> None:
        if not numbers:
            return
        style, pt = self.style, self.style.pt
        y = self.body_bottom - self.footnotes_height(numbers) + 6 * pt
        artifact(painter)
        painter.setPen(QPen(style.colors[Ink.FAINT], 0.6 * pt))
        painter.drawLine(QPointF(self.left, y), QPointF(self.left + 60 * pt, y))
        y += 6 * pt
        for number in sorted(numbers):
            # A note printed again on a later page is a note of its own there.
            enter(painter, (("Note", (page, number)),))
            lines = self._footnote(number)
            painter.setFont(style.fonts[Face.SMALL_BOLD])
            painter.setPen(style.colors[Ink.ACCENT])
            painter.drawText(QPointF(self.left, y + lines[0].ascent), str(number))
            y = style.draw(painter, lines, self.left + 12 * pt, y) + 2 * pt

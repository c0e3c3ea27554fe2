"""The checklist PDF is tagged: structure tree, marked content, artifacts, language, title.

Read back with pypdf (``tagged_pdf_reader``), not with the writer's own code:
every text on every page is in marked content that the structure tree
references, or is an artifact; headings, list items and tables have their
standard types; the catalogue says the language of the checklist.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from functools import partial
from pathlib import Path
from typing import Any

import pypdf
import pytest
from checklist_helpers import AS_OF, PRINTED_ON
from tagged_pdf_reader import Node, TaggedPdf, read

from mpn_desktop.cli import main
from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.facts import Facts
from mpn_desktop.reports import render
from mpn_desktop.reports.checklist import Checklist, build_checklist
from mpn_desktop.reports.structure import StructureRecorder
from mpn_desktop.reports.tagged_pdf import NotTaggable, spaces_read_as_spaces, tag_pdf
from mpn_desktop.store.database import Database
from mpn_desktop.store.user_files import write_user_file

pytestmark = pytest.mark.usefixtures("qapp")

save_pdf = partial(write_user_file, database=None)


def checklist_of(catalog: Any, facts: Facts) -> Checklist:
    return build_checklist(catalog, facts, evaluate(catalog, facts, AS_OF), printed_on=PRINTED_ON)


def cli_checklist(db: Database, path: Path, as_of: str, *options: str) -> TaggedPdf:
    """The PDF ``mpn-desktop checklist --pdf`` writes, read back."""
    assert db.path is not None
    arguments = [*options, "--db", str(db.path), "checklist", "--pdf", str(path)]
    assert main([*arguments, "--as-of", as_of, "--page-size", "A4"]) == 0
    return read(path)


def assert_tagged(pdf: TaggedPdf, language: str) -> Node:
    """Every requirement on a tagged PDF that the tests share; returns the Document element."""
    catalog = pdf.catalog
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert str(catalog["/Lang"]) == language
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert pdf.info.get("/Title")
    assert pdf.document is not None and pdf.document.role == "Document"
    for index, page in enumerate(pdf.pages):
        # Nothing shown or painted outside marked content: text is tagged or an artifact.
        assert page.unmarked_text == 0, f"page {index + 1}: text outside marked content"
        assert page.unmarked_paint == 0, f"page {index + 1}: a shape outside marked content"
        assert page.mcids == list(range(len(page.mcids))), "MCIDs number a page from 0"
        assert page.mcids, f"page {index + 1} has no tagged content"
        assert page.artifacts, f"page {index + 1} has no artifacts (its footer)"
        # Each MCID is referenced: the parent tree names the element whose /K holds it.
        key = pdf.struct_parents[index]
        assert key is not None, f"page {index + 1} has no /StructParents"
        parents = pdf.parent_tree[key]
        assert len(parents) == len(page.mcids)
        for mcid, parent in enumerate(parents):
            assert (index, mcid) in pdf.element_marks[id(parent)], (index, mcid)
    # And the tree references nothing that is not on the pages.
    marks = {mark for node in pdf.document.walk() for mark in node.marks}
    drawn = {(index, mcid) for index, page in enumerate(pdf.pages) for mcid in page.mcids}
    assert marks == drawn
    return pdf.document


def roles(document: Node, role: str) -> list[Node]:
    return [node for node in document.walk() if node.role == role]


def test_the_cli_checklist_is_tagged_with_headings_and_list_items(
    demo_db: Database, demo_facts: Facts, catalog: Any, tmp_path: Path
) -> None:
    pdf = cli_checklist(demo_db, tmp_path / "checklist.pdf", AS_OF.isoformat())
    document = assert_tagged(pdf, "en")
    demo = checklist_of(catalog, demo_facts)
    (title,) = roles(document, "H1")
    assert title.all_text() == f"Cloud competency checklist {demo.header.organization}"
    assert document.kids[0] is title, "the title comes first"
    headings = [node.all_text() for node in roles(document, "H2")]
    assert headings[0] == "At a glance"
    sections = [node.all_text() for node in roles(document, "Sect")]
    for section in demo.sections:
        assert section.title in headings
        assert any(text.startswith(section.title) for text in sections)
    levels = [node.all_text() for node in roles(document, "H3")]
    assert levels.count("Silver") == len(demo.sections)
    # Every step is a list item: its check box the label, its text and figures the body.
    steps = [line for s in demo.sections for level in s.levels for line in level.lines]
    items = [
        item
        for section in roles(document, "Sect")
        for steps_list in section.kids
        if steps_list.role == "L"
        for item in steps_list.kids
        # (the list of what is at risk has dates for labels, not check boxes)
        if "/ActualText" in item.kids[0].attributes
    ]
    assert len(items) == len(steps)
    for line, item in zip(steps, items, strict=True):
        label, body = item.kids
        assert label.role == "Lbl"
        assert label.attributes["/ActualText"] == ("\u2611" if line.ticked else "\u2610")
        assert label.marks, "the check box is the label's content"
        assert body.role == "LBody"
        assert body.all_text().startswith(line.text) and line.figures in body.all_text()
    for node in roles(document, "L"):
        assert all(kid.role == "LI" for kid in node.kids)
    # The header fields and the summary are tables with column headers.
    tables = roles(document, "Table")
    assert len(tables) == 2
    header_cells = [cell.all_text() for cell in roles(tables[1], "TH")]
    assert header_cells == list(demo.summary_headings)
    assert all(cell.attributes["/A"]["/Scope"] == "/Column" for cell in roles(tables[1], "TH"))
    rows = [row for row in roles(tables[1], "TR") if roles(row, "TD")]
    assert len(rows) == len(demo.summary)
    # The footnotes are notes; the fee, a paragraph.
    assert roles(document, "Note")
    assert any(node.all_text() == " ".join(demo.fee.split()) for node in roles(document, "P"))


def test_the_page_furniture_is_artifacts_and_the_body_is_all_tagged(
    demo_db: Database, tmp_path: Path
) -> None:
    pdf = cli_checklist(demo_db, tmp_path / "checklist.pdf", "2018-03-15")
    assert_tagged(pdf, "en")
    count = len(pdf.pages)
    for number, page in enumerate(pdf.pages, start=1):
        tagged = " ".join(page.texts.values())
        assert f"Page {number} of {count}" not in " ".join(tagged.split())
    # Every word the page shows is either tagged or furniture: pypdf's words of
    # the tagged texts plus the footer and header are all the page's words.
    tagged_words = " ".join(" ".join(page.texts.values()) for page in pdf.pages).split()
    assert "Developed" in tagged_words and "Requirements:" not in tagged_words


def test_the_german_checklist_says_its_language_is_german(
    demo_db: Database, tmp_path: Path
) -> None:
    pdf = cli_checklist(demo_db, tmp_path / "checkliste.pdf", "2018-03-15", "--language", "de")
    document = assert_tagged(pdf, "de")
    assert roles(document, "H2")[0].all_text() == "Auf einen Blick"


def test_the_designation_checklist_is_tagged(demo_db: Database, tmp_path: Path) -> None:
    pdf = cli_checklist(demo_db, tmp_path / "designations.pdf", "2026-12-06")
    document = assert_tagged(pdf, "en")
    (title,) = roles(document, "H1")
    assert title.all_text().startswith("Solutions Partner checklist")
    assert roles(document, "H2") and roles(document, "H3")
    labels = roles(document, "Lbl")
    assert labels and all(
        label.attributes.get("/ActualText") in ("\u2611", "\u2610") for label in labels
    )


def test_pdfinfo_says_tagged(demo_db: Database, tmp_path: Path) -> None:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    path = tmp_path / "checklist.pdf"
    cli_checklist(demo_db, path, "2018-03-15")
    output = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in output
    structure = subprocess.run(
        [pdfinfo, "-struct", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert structure.splitlines()[0] == "Document" and "  H1" in structure


def test_a_pdf_whose_drawing_does_not_match_the_record_is_refused(
    catalog: Any, demo_facts: Facts
) -> None:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    structure = StructureRecorder()
    render.render_to_device(checklist_of(catalog, demo_facts), writer, structure)
    del writer
    pdf = bytes(buffer.data().data())
    assert tag_pdf(pdf, structure.pages, structure.root, language="en").startswith(b"%PDF-1.7")
    # One text fewer recorded than drawn: the marks would land on the wrong texts.
    structure.pages[0].kinds.pop()
    structure.pages[0].elements.pop()
    with pytest.raises(NotTaggable):
        tag_pdf(pdf, structure.pages, structure.root, language="en")


@pytest.mark.expect_logged_warnings
def test_a_pdf_that_cannot_be_tagged_is_still_written_whole(
    catalog: Any,
    demo_facts: Facts,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def refuse(*_: object, **__: object) -> bytes:
        raise NotTaggable("test")

    monkeypatch.setattr(render, "tag_pdf", refuse)
    path = tmp_path / "checklist.pdf"
    with caplog.at_level(logging.WARNING):
        pages = render.render_pdf(checklist_of(catalog, demo_facts), path, "A4", save=save_pdf)
    assert "written untagged" in caplog.text
    pdf = read(path)
    assert len(pdf.pages) == pages and "/MarkInfo" not in pdf.catalog


def test_printing_to_a_pdf_file_from_the_preview_writes_it_tagged(
    qtbot: Any, catalog: Any, demo_facts: Facts, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

    dialog = render.open_print_preview(checklist_of(catalog, demo_facts), save=save_pdf)
    qtbot.addWidget(dialog)
    # The print dialog's "Print to File": the dialog's own printer, to a PDF file.
    printer = dialog.printer()  # type: ignore[attr-defined]
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    path = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(path))
    preview = dialog.findChild(QPrintPreviewWidget)
    with qtbot.waitSignal(dialog.paintRequested):  # type: ignore[attr-defined]
        preview.print()
    dialog.close()
    document = assert_tagged(read(path), "en")
    assert roles(document, "H1") and roles(document, "LI")


def test_the_window_s_export_writes_a_tagged_pdf(
    demo_db: Database, catalog: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from mpn_desktop.ui import checklist_actions
    from mpn_desktop.ui.context import AppContext

    collecting: list[bool] = []

    def write(path: Path, content: bytes, **options: Any) -> object:
        collecting.append(gc.isenabled())
        return write_user_file(path, content, **options)

    monkeypatch.setattr(checklist_actions, "write_user_file", write)
    path = tmp_path / "exported.pdf"
    context = AppContext(demo_db, catalog, as_of=AS_OF)
    was_collecting = gc.isenabled()
    assert checklist_actions.write_checklist_pdf(context, None, path, page_size="A4") == path
    # Built and written with the collector paused, as `checklist --pdf` is; back on after.
    assert collecting == [False] and gc.isenabled() == was_collecting
    document = assert_tagged(read(path), "en")
    assert roles(document, "H1") and roles(document, "LI") and roles(document, "Table")


@pytest.mark.parametrize(("language", "day"), [("en", "2018-03-15"), ("de", "2026-06-15")])
def test_the_spaces_between_words_read_as_spaces(
    demo_db: Database, tmp_path: Path, language: str, day: str
) -> None:
    # Before: DejaVu Sans draws the tab and the space with one glyph and Qt's
    # ToUnicode map named the tab, so copied text and a screen reader got
    # "Contoso\tCloud\tLtd".
    path = tmp_path / "checklist.pdf"
    cli_checklist(demo_db, path, day, "--language", language)
    texts = [page.extract_text() for page in pypdf.PdfReader(path).pages]
    assert "Contoso Cloud Ltd" in texts[0]
    assert [text for text in texts if "\t" in text] == []


def test_the_blank_glyph_reads_as_a_space_listed_or_alone_in_its_range() -> None:
    # Qt lists a range's characters in brackets, but writes a range of one glyph
    # without them: the tab there was left as it was.
    cmap = (
        b"beginbfrange\n<0000> <0000> <0000>\n<0001> <0003> [<0053> <0009> <006F> ]\n"
        b"<0004> <0004> <0009>\n<0005> <0006> <0009>\nendbfrange\n"
    )
    assert spaces_read_as_spaces(cmap) == (
        b"beginbfrange\n<0000> <0000> <0000>\n<0001> <0003> [<0053> <0020> <006F> ]\n"
        b"<0004> <0004> <0020>\n<0005> <0006> <0009>\nendbfrange\n"
    )

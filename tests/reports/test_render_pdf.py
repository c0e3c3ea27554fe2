"""The checklist as PDF: every line on the pages, paper sizes, long lists, the print preview."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pypdf
import pytest
from checklist_helpers import (
    AS_OF,
    PRINTED_ON,
    attained_facts,
    normalized,
    partly_met_facts,
    pdf_page_sizes,
    pdf_pages,
)
from PySide6.QtCore import QLocale

from mpn_desktop.domain.enums import Level
from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.facts import Facts, Target
from mpn_desktop.reports.checklist import Checklist, Detail, build_checklist
from mpn_desktop.reports.render import (
    ChecklistNotWritten,
    default_page_size,
    open_print_preview,
    render_pdf,
)
from mpn_desktop.store.user_files import write_user_file

A4_POINTS = (595.0, 842.0)
LETTER_POINTS = (612.0, 792.0)

pytestmark = pytest.mark.usefixtures("qapp")

save_pdf = partial(write_user_file, database=None)
"""The store's one writer of user-chosen files, as the command and the window pass it."""


def checklist_of(catalog: Any, facts: Facts) -> Checklist:
    progress = evaluate(catalog, facts, AS_OF)
    return build_checklist(catalog, facts, progress, printed_on=PRINTED_ON)


def assert_every_line_printed(document: Checklist, path: Path) -> None:
    text = " ".join(pdf_pages(path))
    missing = [line for line in document.text_lines() if normalized(line) not in text]
    assert missing == []


@pytest.mark.parametrize(
    "which", ["demo", "attained", "partly_met", "empty", "retired_target"], ids=lambda name: name
)
def test_the_pdf_holds_every_line_of_the_document(
    which: str, catalog: Any, demo_facts: Facts, empty_facts: Facts, tmp_path: Path
) -> None:
    facts = {
        "demo": demo_facts,
        "attained": attained_facts(),
        "partly_met": partly_met_facts(),
        "empty": empty_facts,
        "retired_target": replace(
            demo_facts, targets=(*demo_facts.targets, Target("hosting", Level.GOLD))
        ),
    }[which]
    document = checklist_of(catalog, facts)
    path = tmp_path / "checklist.pdf"
    pages = render_pdf(document, path, "A4", save=save_pdf)
    assert len(pypdf.PdfReader(path).pages) == pages
    assert_every_line_printed(document, path)


def test_every_page_has_the_header_and_page_n_of_m(
    catalog: Any, demo_facts: Facts, tmp_path: Path
) -> None:
    document = checklist_of(catalog, demo_facts)
    path = tmp_path / "checklist.pdf"
    count = render_pdf(document, path, "A4", save=save_pdf)
    pages = pdf_pages(path)
    assert count == len(pages) > 1
    header = document.header
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {count}" in text
        for value in (header.organization, header.mpn_id, header.as_of, header.printed_on):
            assert value in text
        assert header.anniversary in text and header.market in text
    assert "(continued)" in " ".join(pages[1:])


@pytest.mark.parametrize(("size", "points"), [("A4", A4_POINTS), ("Letter", LETTER_POINTS)])
def test_page_size_and_count(
    size: str, points: tuple[float, float], catalog: Any, demo_facts: Facts, tmp_path: Path
) -> None:
    path = tmp_path / f"{size}.pdf"
    count = render_pdf(checklist_of(catalog, demo_facts), path, size, save=save_pdf)
    sizes = pdf_page_sizes(path)
    assert len(sizes) == count
    for width, height in sizes:
        assert width == pytest.approx(points[0], abs=1)
        assert height == pytest.approx(points[1], abs=1)
    # The footers count the pages the file really has, and the body fills them in order.
    texts = pdf_pages(path)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {count}" in text
    assert "At a glance" in texts[0] and "Why a cloud competency" in texts[-1]


def test_the_default_paper_follows_the_locale() -> None:
    english = QLocale.Language.English
    assert default_page_size(QLocale(english, QLocale.Country.UnitedStates)) == "Letter"
    assert default_page_size(QLocale(english, QLocale.Country.Canada)) == "Letter"
    assert default_page_size(QLocale(english, QLocale.Country.UnitedKingdom)) == "A4"
    assert default_page_size(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "A4"
    assert default_page_size(QLocale("es_MX")) == "Letter"
    assert default_page_size(QLocale("fil_PH")) == "Letter"
    assert default_page_size(QLocale("pt_BR")) == "A4"


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="LC_PAPER is POSIX")
def test_the_paper_locale_overrides_the_language_and_lc_all_overrides_both(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.setenv("LC_PAPER", "en_US.UTF-8")
    assert default_page_size() == "Letter"
    monkeypatch.setenv("LC_PAPER", "fr_CA.UTF-8")
    assert default_page_size() == "Letter"
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert default_page_size() == "A4"
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("LC_PAPER", "en_GB.UTF-8")
    assert default_page_size() == "A4"


def long_list_of_people(catalog: Any, demo_facts: Facts, people: int) -> Checklist:
    """The demo's checklist with the exams of Cloud Platform gold credited to many people."""
    document = checklist_of(catalog, demo_facts)
    platform = document.sections[0]
    gold = platform.levels[1]
    crowd = tuple(
        Detail(
            text=f"Person {number:04d} (MCP {9000000 + number})",
            note="Azure-skilled person: 70-533",
            figure="counts until 2018-12-31" if number % 3 == 0 else "",
        )
        for number in range(people)
    )
    exams = replace(gold.lines[1], details=crowd)
    gold = replace(gold, lines=(gold.lines[0], exams, *gold.lines[2:]))
    platform = replace(platform, levels=(platform.levels[0], gold))
    return replace(document, sections=(platform, *document.sections[1:]))


def test_a_long_list_of_people_breaks_across_pages_cleanly(
    catalog: Any, demo_facts: Facts, tmp_path: Path
) -> None:
    people = 400
    document = long_list_of_people(catalog, demo_facts, people)
    path = tmp_path / "long.pdf"
    count = render_pdf(document, path, "Letter", save=save_pdf)
    pages = pdf_pages(path)
    assert count == len(pages) >= 6
    where: dict[int, int] = {}
    for page_number, text in enumerate(pages):
        for number in range(people):
            name = f"Person {number:04d} (MCP {9000000 + number})"
            occurrences = text.count(name)
            if occurrences:
                assert number not in where, f"{name} printed twice"
                assert occurrences == 1
                where[number] = page_number
                # The whole row is on this page: the name and its note together.
                assert f"{name} Azure-skilled person: 70-533" in text
    assert sorted(where) == list(range(people)), "some people are missing"
    order = [where[number] for number in range(people)]
    assert order == sorted(order), "people out of order across pages"
    assert len(set(order)) >= 4
    for page_number in sorted(set(order))[1:]:
        assert "Cloud Platform · Gold · Technical exams (continued)" in pages[page_number]
    assert_every_line_printed(document, path)


def test_a_file_that_cannot_be_written_is_a_clear_error(
    catalog: Any, empty_facts: Facts, tmp_path: Path
) -> None:
    path = tmp_path / "no such folder" / "checklist.pdf"
    with pytest.raises(
        ChecklistNotWritten,
        match=r"not written: .*no such folder/checklist.pdf: the folder .* does not exist",
    ):
        render_pdf(checklist_of(catalog, empty_facts), path, "A4", save=save_pdf)


def test_a_folder_given_as_the_file_is_a_clear_error_and_leaves_nothing(
    catalog: Any, empty_facts: Facts, tmp_path: Path
) -> None:
    folder = tmp_path / "out" / "meeting"
    folder.mkdir(parents=True)
    with pytest.raises(ChecklistNotWritten, match=r"meeting: is a folder; give a file name in it"):
        render_pdf(checklist_of(catalog, empty_facts), folder, "A4", save=save_pdf)
    assert [item.name for item in folder.parent.iterdir()] == ["meeting"]


def test_a_file_that_cannot_be_replaced_is_a_clear_error_and_leaves_no_partial_file(
    catalog: Any, empty_facts: Facts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What Windows does to a PDF that is open in a viewer.
    def refuse(source: Any, target: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "checklist.pdf"
    path.write_bytes(b"old")
    with pytest.raises(
        ChecklistNotWritten,
        match=r"checklist.pdf: was not written: permission denied.*that was there is unchanged",
    ):
        render_pdf(checklist_of(catalog, empty_facts), path, "A4", save=save_pdf)
    assert [item.name for item in path.parent.iterdir()] == ["checklist.pdf"]
    assert path.read_bytes() == b"old"


def test_a_written_pdf_replaces_the_old_one_and_leaves_no_partial_file(
    catalog: Any, empty_facts: Facts, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "checklist.pdf"
    path.write_bytes(b"old")
    render_pdf(checklist_of(catalog, empty_facts), path, "A4", save=save_pdf)
    assert path.read_bytes().startswith(b"%PDF")
    assert [item.name for item in folder.iterdir()] == ["checklist.pdf"]


def test_an_unknown_page_size_is_refused(catalog: Any, empty_facts: Facts, tmp_path: Path) -> None:
    with pytest.raises(ChecklistNotWritten, match="page size 'A5' is not known"):
        render_pdf(checklist_of(catalog, empty_facts), tmp_path / "x.pdf", "A5", save=save_pdf)
    assert not (tmp_path / "x.pdf").exists()


def test_the_print_preview_draws_the_same_pages(
    qtbot: Any, catalog: Any, demo_facts: Facts, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    document = checklist_of(catalog, demo_facts)
    dialog = open_print_preview(document)
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "checklistPrintPreview"
    assert dialog.isVisible()
    # What the dialog prints: its own printer, here sent to a PDF file.
    printer = dialog.printer()  # type: ignore[attr-defined]
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(dialog.paintRequested):  # type: ignore[attr-defined]
        dialog.paintRequested.emit(printer)  # type: ignore[attr-defined]
    dialog.close()
    expected = render_pdf(document, tmp_path / "direct.pdf", default_page_size(), save=save_pdf)
    assert len(pdf_pages(tmp_path / "printed.pdf")) == expected
    assert_every_line_printed(document, tmp_path / "printed.pdf")


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_no_page_ends_on_a_heading_and_every_row_stays_inside_its_page(
    size: str, catalog: Any, demo_facts: Facts, tmp_path: Path
) -> None:
    from PySide6.QtGui import QPageSize, QPdfWriter

    from mpn_desktop.reports.render import PAGE_SIZES, _Pages
    from mpn_desktop.reports.typesetting import Style

    writer = QPdfWriter(str(tmp_path / "measure.pdf"))
    writer.setResolution(600)
    writer.setPageSize(QPageSize(PAGE_SIZES[size]))
    style = Style(writer)
    # Lists of every length move the page breaks through every kind of block.
    for people in range(0, 48, 3):
        document = long_list_of_people(catalog, demo_facts, people)
        pages = _Pages(document, style, writer.width(), writer.height())
        for number, page in enumerate(pages.pages, start=1):
            where = f"{people} people, page {number}"
            last, _ = page.placements[-1]
            if number < pages.count:
                assert not pages.blocks[last].size.keep_with_next, f"{where} ends on a heading"
            room = pages.body_bottom - pages.footnotes_height(page.footnotes)
            for index, top in page.placements:
                assert top + pages.blocks[index].size.height <= room + 0.5, f"{where}: row cut"


def test_a_day_outside_the_catalogue_s_dates_is_said_on_the_first_page(
    catalog: Any, demo_facts: Facts, tmp_path: Path
) -> None:
    later = date(2026, 12, 1)
    document = build_checklist(
        catalog, demo_facts, evaluate(catalog, demo_facts, later), printed_on=PRINTED_ON
    )
    assert len(document.progress_notes) == 1
    note = document.progress_notes[0]
    assert "2026-12-01 is after it" in note and "Microsoft Partner Network 2017-2018" in note
    path = tmp_path / "checklist.pdf"
    render_pdf(document, path, "A4", save=save_pdf)
    assert normalized(note) in pdf_pages(path)[0]
    assert_every_line_printed(document, path)
    # Within the catalogue's dates nothing is said.
    assert checklist_of(catalog, demo_facts).progress_notes == ()


def test_a_long_organisation_name_wraps_beside_the_running_title_not_under_it(
    catalog: Any, demo_facts: Facts, tmp_path: Path
) -> None:
    # Before: the name was drawn on one line and ran under "Cloud competency
    # checklist" at the header's right ("... GmbH & Co. KG (Europe)Cloud competency").
    from PySide6.QtGui import QPageSize, QPdfWriter

    from mpn_desktop.reports.render import PAGE_SIZES, _Pages
    from mpn_desktop.reports.typesetting import Face, Style

    long_name = (
        "Contoso Cloud Solutions and Managed Services International Holdings GmbH & Co. KG (Europe)"
    )
    document = checklist_of(catalog, demo_facts)
    document = replace(document, header=replace(document.header, organization=long_name))
    writer = QPdfWriter(str(tmp_path / "measure.pdf"))
    writer.setResolution(600)
    writer.setPageSize(QPageSize(PAGE_SIZES["A4"]))
    style = Style(writer)
    pages = _Pages(document, style, writer.width(), writer.height())
    title_left = pages.right - style.advance(Face.SMALL, document.title)
    lines = pages.running_header_name_lines()
    assert len(lines) >= 2
    assert all(pages.left + line.width < title_left for line in lines)
    short = _Pages(checklist_of(catalog, demo_facts), style, writer.width(), writer.height())
    assert len(short.running_header_name_lines()) == 1
    assert pages.header_bottom > short.header_bottom  # the body starts below the longer header
    path = tmp_path / "long.pdf"
    render_pdf(document, path, "A4", save=save_pdf)
    assert "(Europe)" in pdf_pages(path)[1]

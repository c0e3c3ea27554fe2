"""The footer's parts stand apart on every page: the requirements, then "Page n of m".

Read back from the PDF (where pypdf finds each text), measured with the fonts
the checklist is set in: each language, a 2018, 2023 and 2026 day (the
competencies' pages and the designations'), A4 and Letter.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from checklist_helpers import text_objects

from mpn_desktop.cli import main
from mpn_desktop.domain.vocabulary import TRANSLATED
from mpn_desktop.store.database import Database

pytestmark = pytest.mark.usefixtures("qapp")

LANGUAGES = ("en", *TRANSLATED)
DAYS = ("2018-03-15", "2023-08-15", "2026-06-15")
PAGE_NUMBER = re.compile(r"^(Page|Seite) (\d+) (of|von) (\d+)$")
FOOTER_BAND = 13 * 72 / 25.4
"""The footer lies below its rule, 13 mm above the page's foot (in points)."""
GAP = 6.0
"""The least room between the requirements and the page number, in points."""


def width_in_points(text: str, bold: bool) -> float:
    """How wide the checklist's small face sets ``text``, measured as the PDF is drawn."""
    from PySide6.QtCore import QBuffer
    from PySide6.QtGui import QPdfWriter

    from mpn_desktop.reports.typesetting import Face, Style

    writer = QPdfWriter(QBuffer())
    writer.setResolution(600)
    style = Style(writer)
    return style.advance(Face.SMALL_BOLD if bold else Face.SMALL, text) / style.pt


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("day", DAYS)
def test_the_requirements_end_well_before_the_page_number(
    demo_db: Database, tmp_path: Path, language: str, day: str
) -> None:
    # Before: drawn on one line, the German 2023 requirements ran into the number
    # ("… (01.06.2023 bis 30.04.2026)Seite 2 von 5").
    assert demo_db.path is not None
    for size in ("A4", "Letter"):
        path = tmp_path / f"{size}.pdf"
        arguments = ["--language", language, "--db", str(demo_db.path), "checklist"]
        assert main([*arguments, "--pdf", str(path), "--as-of", day, "--page-size", size]) == 0
        reader = pypdf.PdfReader(path)
        for index, page in enumerate(reader.pages, start=1):
            where = f"{language} {day} {size} page {index}"
            footer = [found for found in text_objects(page) if found[1] < FOOTER_BAND]
            numbers = [found for found in footer if PAGE_NUMBER.match(found[2])]
            assert len(numbers) == 1, (where, footer)
            number_x, baseline, number = numbers[0]
            assert number.split()[1] == str(index), where
            right = float(page.mediabox.width) - 20 * 72 / 25.4
            assert number_x + width_in_points(number, bold=True) <= right + 0.5, where
            beside = [found for found in footer if found is not numbers[0]]
            assert beside, f"{where}: no requirements in the footer"
            assert beside[0][2].startswith(("Requirements: ", "Anforderungen: ")), where
            for x, y, text in beside:
                if abs(y - baseline) < 1:
                    end = x + width_in_points(text, bold=False)
                    assert end + GAP <= number_x, f"{where}: {text!r} runs into {number!r}"
                assert y > 12, f"{where}: {text!r} is too near the foot of the page"
                if y < baseline - 1:
                    # Wrapped, the catalogue's dates go whole on the second line; before
                    # they were split ("… (01.05.2026 bis" / "heute)").
                    assert text.startswith("(") and text.endswith(")"), f"{where}: {text!r}"

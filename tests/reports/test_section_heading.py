"""A designation's heading is not squeezed beside its target tag into more lines than it needs.

Read back from the PDF: each section title that fits the column on one line is
printed as one line, in English and German, on a 2023 and a 2026 day.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pypdf
import pytest
from checklist_helpers import text_objects

from mpn_desktop.cli import main
from mpn_desktop.store.database import Database

pytestmark = pytest.mark.usefixtures("qapp")

TITLES = {
    "en": (
        "Solutions Partner for Infrastructure (Azure)",
        "Solutions Partner for Modern Work",
        "Solutions Partner for Security",
    ),
    "de": (
        "Solutions Partner für Infrastruktur (Azure)",
        "Solutions Partner für Modern Work",
        "Solutions Partner für Sicherheit",
    ),
}
TAGS = {"en": "Target", "de": "Ziel"}


@pytest.mark.parametrize("language", list(TITLES))
@pytest.mark.parametrize("day", ["2023-08-15", "2026-06-15"])
def test_each_designation_title_is_one_line_with_its_tag_under_it(
    demo_db: Database, tmp_path: Path, language: str, day: str
) -> None:
    # Before: beside its long target tag, "Lösungspartner für Modern Work" (German's name
    # then) took three lines ("Lösungspartner / für Modern / Work"), the English titles two.
    assert demo_db.path is not None
    path = tmp_path / "checklist.pdf"
    arguments = ["--language", language, "--db", str(demo_db.path), "checklist"]
    assert main([*arguments, "--pdf", str(path), "--as-of", day, "--page-size", "A4"]) == 0
    texts = [found for page in pypdf.PdfReader(path).pages for found in text_objects(page)]
    for title in TITLES[language]:
        # The heading: the title on one line, then its tag (the summary's rows name the
        # solution area alone, followed by the track).
        headings = [
            (line, tag)
            for line, tag in itertools.pairwise(texts)
            if line[2] == title and tag[2].startswith(TAGS[language])
        ]
        assert headings, f"{title!r} is not printed on one line before its tag"
        for line, tag in headings:
            assert tag[1] < line[1] - 8, f"{title!r}: the tag is beside it, not under it"

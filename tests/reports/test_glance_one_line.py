"""The Solutions Partner checklist's "At a glance" table reads one line per designation.

Read back from the PDF's first page: every text between the table's headings and
the fee sits on a row's one baseline, and each row's status is whole on it, in
English and German, on a 2023 and a 2026 day, on A4 and Letter.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pypdf
import pytest
from checklist_helpers import text_objects

from mpn_desktop.cli import main
from mpn_desktop.store.database import Database

pytestmark = pytest.mark.usefixtures("qapp")

HEADINGS = {"en": ("DESIGNATION", "Fee: "), "de": ("DESIGNATION", "Gebühr: ")}
STATE = re.compile(
    r"^(Not qualified yet|Qualified|Noch nicht qualifiziert|Qualifiziert): "
    r"[\d.,]+ (of|von) 100 (points|Punkten)$"
)


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
@pytest.mark.parametrize("language", list(HEADINGS))
@pytest.mark.parametrize("day", ["2023-08-15", "2026-06-15"])
def test_each_designation_of_the_summary_reads_on_one_line(
    demo_db: Database, tmp_path: Path, language: str, day: str, page_size: str
) -> None:
    # Before: at the 2017-2018 table's column places every status wrapped ("Not qualified
    # yet: 65.1 of 100" / "points (70 qualifies)"), so each row took two lines.
    assert demo_db.path is not None
    path = tmp_path / "checklist.pdf"
    arguments = ["--language", language, "--db", str(demo_db.path), "checklist"]
    assert main([*arguments, "--pdf", str(path), "--as-of", day, "--page-size", page_size]) == 0
    texts = text_objects(pypdf.PdfReader(path).pages[0])
    heading, fee = HEADINGS[language]
    top = next(y for _, y, text in texts if text == heading)
    bottom = next(y for _, y, text in texts if text.startswith(fee))
    rows: dict[float, list[str]] = defaultdict(list)
    for _, y, text in texts:
        if bottom < y < top:
            rows[round(y, 1)].append(text)
    assert len(rows) >= 2
    for said in rows.values():
        states = [text for text in said if STATE.match(text)]
        assert len(states) == 1, f"a row's status is not whole on its line: {said}"
        assert not any(text.startswith("Solutions Partner") for text in said), said

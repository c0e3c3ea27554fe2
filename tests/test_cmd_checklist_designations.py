"""checklist --pdf on a day under the Solutions Partner program: a section per designation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from mpn_desktop.cli import main


@pytest.fixture
def demo(db_url: str, db_args: list[str]) -> list[str]:
    """Options naming the demo organisation dated around 2023-08-15, on the test's backend."""
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.sample import load_sample

    with Database.open(db_url) as db:
        load_sample(db, date(2023, 8, 15))
    return db_args


def _words(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(path).pages).split())


@pytest.mark.usefixtures("qapp")
def test_the_targeted_designations_are_printed_with_points_and_what_is_missing(
    demo: list[str], tmp_path: Path
) -> None:
    pdf = tmp_path / "sp.pdf"
    assert main([*demo, "checklist", "--pdf", str(pdf), "--as-of", "2023-08-15"]) == 0
    words = _words(pdf)
    assert words.startswith("Solutions Partner checklist Contoso Cloud Ltd")
    assert "DESIGNATION TRACK STATUS" in words
    for name in ("Infrastructure (Azure)", "Modern Work", "Security"):
        assert f"Solutions Partner for {name}" in words
    assert "Not qualified yet:" in words and "(70 qualifies)" in words
    assert "Qualified: 79.6 of 100 points" in words  # Infrastructure
    assert "Performance: 30 of 30 points" in words
    assert "Intermediate certifications 4 of 5 people · 16 of 20 points" in words
    assert "1 more person with Microsoft 365 Fundamentals (MS-900)" in words
    # The window, the tracks and the cheapest way, drawn from the tree's data.
    assert "Qualification window" in words and "Qualified on 2023-08-15" in words
    assert "SMB track" in words and "Cheapest way to 70 (1 of 2):" in words
    assert "Fee: US$ 4,730 a year" in words
    assert "COMPETENCY LEVEL" not in words


@pytest.mark.usefixtures("qapp")
def test_one_designation_by_id_and_a_wrong_id_or_level_is_refused(
    demo: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "one.pdf"
    args = [*demo, "checklist", "--pdf", str(pdf), "--as-of", "2023-08-15"]
    assert main([*args, "--competency", "data-ai-azure"]) == 0
    words = _words(pdf)
    assert "Solutions Partner for Data & AI (Azure)" in words
    assert words.count("Performance:") == 1  # one designation, not the three targeted
    assert main([*args, "--competency", "cloud-platform"]) == 1
    assert "'cloud-platform' is not a designation" in capsys.readouterr().err
    assert main([*args, "--level", "gold"]) == 2
    assert "have no levels" in capsys.readouterr().err
    # Before: both refusals were English under --language de.
    assert main(["--language", "de", *args, "--competency", "cloud-platform"]) == 1
    assert (
        "mpn-desktop: --competency: 'cloud-platform' ist keine Designation des Katalogs 2023-06; "
        "gültige IDs: " in capsys.readouterr().err
    )
    assert main(["--language", "de", *args, "--level", "gold"]) == 2
    assert capsys.readouterr().err.endswith(
        "Fehler: --level gold: Die Solutions Partner-Designations haben am 15.08.2023 keine "
        "Stufen; lassen Sie --level weg\n"
    )

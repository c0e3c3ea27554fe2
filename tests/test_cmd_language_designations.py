"""--language de: the Solutions Partner status reads in German, the catalogue's texts too."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pypdf
import pytest

from mpn_desktop.cli import main
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample

AS_OF = "2023-08-15"

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def demo(tmp_path: Path) -> list[str]:
    path = tmp_path / "tracker.sqlite3"
    with Database.open(f"sqlite:///{path}") as db:
        load_sample(db, date.fromisoformat(AS_OF))
    return ["--db", str(path)]


def test_the_designations_status_in_german(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--language", "de", *demo, "status", "--as-of", AS_OF]) == 0
    german = capsys.readouterr().out
    assert main([*demo, "status", "--as-of", AS_OF]) == 0
    english = capsys.readouterr().out
    assert "Solutions Partner for Security - target: " in english
    assert "Solutions Partner für Sicherheit - Ziel: " in german
    for words in ("von 100 Punkten", "Kundenerfolg: ", "Nettokundenzugänge: ", "es fehlt: "):
        assert words in german, words
    for words in ("of 100 points", "missing: ", "Customer success", "Net customer adds", " track"):
        assert words not in german, words
    # Figures in German, the skilling units after "von" in the dative.
    assert re.search(r"\d+ von \d+ (Person|Personen), ", german)
    # A list of certifications cut short stays in the dative after "mit" (before: "mit A, B,
    # C oder 4 weitere Zertifizierungen").
    assert "(MS-700) oder 4 weiteren Zertifizierungen brächte 5 Punkte" in german
    assert "(SC-300) oder 1 weiteren Zertifizierung brächten 40 Punkte" in german


def test_the_german_table_wraps_under_the_cheapest_way_and_the_fee(
    demo: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before: the labels were found by comparing lines with the English words and some
    # translated ones; "günstigster Weg zu 70:" and "Gebühr:" were not among them, so
    # their continuations in a terminal went back to the line's indentation.
    import os
    import shutil
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)

    def lines_at(columns: int) -> list[str]:
        size = os.terminal_size((columns, 24))
        monkeypatch.setattr(shutil, "get_terminal_size", lambda *a: size)
        assert main(["--language", "de", *demo, "status", "--as-of", AS_OF]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert max(len(line) for line in lines) < columns
        return lines

    # Each step of the way on its own line, numbered when there are several; at 100
    # columns its text hangs under the label (over half the line, at 60, the label would
    # leave too narrow a column: the text goes on under the line's indentation).
    lines = lines_at(100)
    ways = [
        (i, found.group())
        for i, line in enumerate(lines)
        if (found := re.match(r" *günstigster Weg zu 70( \(\d+ von \d+\))?: ", line))
    ]
    wrapped = [(i, way) for i, way in ways if not lines[i + 1].lstrip().startswith("günstig")]
    assert len(ways) >= 2 and wrapped
    for i, way in wrapped:
        assert _hangs_under(lines[i + 1], way), lines[i : i + 2]
    lines = lines_at(60)
    fee = next(i for i, line in enumerate(lines) if line.startswith("Gebühr: US$ "))
    assert _hangs_under(lines[fee + 1], "Gebühr: "), lines[fee : fee + 2]


def _hangs_under(line: str, label: str) -> bool:
    return line.startswith(" " * len(label)) and line[len(label)] != " "


@pytest.mark.parametrize(("language", "label"), [("de", "Gebühr: "), ("en", "Fee: ")])
def test_the_fee_line_wraps_under_its_text_not_its_amount(
    demo: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    label: str,
) -> None:
    # Before: the label was the template's part before {amount}, so at 50 columns the
    # fee's continuation hung under the amount ("Gebühr: US$ "), unlike a note's.
    import os
    import shutil
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *a: os.terminal_size((50, 24)))
    assert main(["--language", language, *demo, "status", "--as-of", AS_OF]) == 0
    lines = capsys.readouterr().out.splitlines()
    fee = next(i for i, line in enumerate(lines) if line.startswith(f"{label}US$ "))
    assert _hangs_under(lines[fee + 1], label), lines[fee : fee + 2]


def test_the_designations_checklist_in_german(demo: list[str], tmp_path: Path) -> None:
    out = tmp_path / "de.pdf"
    assert main(["--language", "de", *demo, "checklist", "--pdf", str(out), "--as-of", AS_OF]) == 0
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(out).pages)
    # The long German name keeps its words whole beside its long status tag.
    assert "Solutions Partner für Modern Work" in text
    assert re.search(r"\d+ von \d+ Kunden", text)
    for words in ("Checkliste der Solutions Partner-Designations", "Entwickelter Markt"):
        assert words in text, words
    for words in ("of 100 points", "Net customer adds", "Developed", "metrics at full points"):
        assert words not in text, words


def test_a_day_between_the_programs_says_so_in_german(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--language", "de", *demo, "status", "--as-of", "2020-05-01"]) == 0
    german = capsys.readouterr().out
    assert "Für den 01.05.2020 wird kein Katalog mitgeliefert" in german
    assert "No catalogue" not in german


def test_the_catalogue_listing_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--language", "de", "catalog"]) == 0
    competencies = capsys.readouterr().out
    assert main(["--language", "de", "catalog", "--as-of", AS_OF]) == 0
    designations = capsys.readouterr().out
    assert "Leistung: US$ 15.000 (Entwicklungsmärkte: US$ 10.000)" in competencies
    assert "Eingestellte Kompetenzen (nie erreichbar):" in competencies
    assert "Solutions Partner für Sicherheit [security]" in designations
    assert "volle Punktzahl bei 3 Kunden: Kunden mit" in designations
    for text in (competencies, designations):
        assert "note: " not in text and "for full points" not in text

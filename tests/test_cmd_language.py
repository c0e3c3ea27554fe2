"""--language: status and checklist write their sentences in German when asked, else English."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdf
import pytest

from mpn_desktop.cli import main
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample

AS_OF = "2018-03-15"

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def demo(tmp_path: Path) -> list[str]:
    path = tmp_path / "tracker.sqlite3"
    with Database.open(f"sqlite:///{path}") as db:
        load_sample(db, date.fromisoformat(AS_OF))
    return ["--db", str(path)]


def _words(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages)


def test_the_checklist_in_german(demo: list[str], tmp_path: Path) -> None:
    out = tmp_path / "de.pdf"
    assert main(["--language", "de", *demo, "checklist", "--pdf", str(out), "--as-of", AS_OF]) == 0
    text = _words(out)
    assert "Checkliste der Cloud-Kompetenzen" in text
    assert "Auf einen Blick" in text and "Kundenreferenzen" in text
    assert "Cloud competency checklist" not in text


def test_the_language_of_the_system_when_asked(
    demo: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANGUAGE", "de_DE")
    assert main(["--language", "system", *demo, "status", "--as-of", AS_OF]) == 0
    german = capsys.readouterr().out
    assert main([*demo, "status", "--as-of", AS_OF]) == 0  # English unless asked
    english = capsys.readouterr().out
    assert "Kundenreferenz" in german and "Kundenreferenz" not in english
    assert "approved customer reference" in english

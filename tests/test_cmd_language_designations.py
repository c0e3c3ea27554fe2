"""--language de: the Solutions Partner status reads in German, the catalogue's texts too."""

from __future__ import annotations

from datetime import date
from pathlib import Path

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
    assert "Lösungspartner für Sicherheit - Ziel: " in german
    for words in ("von 100 Punkten", "Kundenerfolg: ", "Nettokundenzugänge: ", "es fehlt: "):
        assert words in german, words
    for words in ("of 100 points", "missing: ", "Customer success", "Net customer adds", " track"):
        assert words not in german, words
    # The skills sentences name Microsoft's certifications as written.
    assert "Azure Administrator Associate (AZ-104)" in german

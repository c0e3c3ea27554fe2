"""--language de: missing sentences read right after their count and after their lead-in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdf
import pytest

from mpn_desktop.cli import main
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample

AS_OF = "2018-03-15"
"""The demo dated then is one new EMS customer short of silver."""

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "tracker.sqlite3"
    with Database.open(f"sqlite:///{path}") as db:
        load_sample(db, date.fromisoformat(AS_OF))
    return path


def test_one_more_catalogue_measure_reads_right_in_german(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo
    assert main(["--language", "de", "--db", str(path), "status", "--as-of", AS_OF]) == 0
    german = capsys.readouterr().out
    assert "es fehlt: neue EMS-Kunden: 1 mehr mit Zuordnung DPOR" in german
    assert "es fehlt: Azure-Verbrauch: US$ 23.000 mehr mit Zuordnung" in german
    assert "noch 1 neue" not in german
    assert main(["--db", str(path), "status", "--as-of", AS_OF]) == 0
    assert "missing: 1 more new EMS customer with DPOR" in capsys.readouterr().out


def test_the_fee_still_owed_reads_after_each_lead_in_and_once_in_the_checklist(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A noun phrase, not "Zahlen Sie ...": it follows "es fehlt:", "Zu zahlen:" and the panel's."""
    assert main(["--language", "de", "--db", str(demo), "status", "--as-of", AS_OF]) == 0
    german = capsys.readouterr().out
    assert "es fehlt: Gebühr für Gold von US$ 3.940 für das Mitgliedsjahr" in german
    assert "Zahlen Sie" not in german
    out = tmp_path / "de.pdf"
    args = ["--language", "de", "--db", str(demo), "checklist", "--pdf", str(out), "--as-of", AS_OF]
    assert main(args) == 0
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(out).pages)
    assert "Zu zahlen: Gebühr für Gold von US$ 3.940" in text
    # The level's own list does not say the fee step's sentence again.
    assert "Noch nötig: Gebühr für" not in text
    # After "Noch nötig:" the measure's amount says "mehr", not a second "noch".
    assert "Noch nötig: neue EMS-Kunden: 1 mehr mit Zuordnung" in text
    assert "Noch nötig: Azure-Verbrauch: US$ 23.000 mehr mit" in text
    # A footnote's source is dated the German way, like every day in the document.
    assert "(Microsoft US partner blog), 12.09.2017" in text
    assert main(["--db", str(demo), "status", "--as-of", AS_OF]) == 0
    assert (
        "missing: Pay the gold fee of US$ 3,940 for the membership year" in capsys.readouterr().out
    )


def test_a_step_of_two_measures_joins_them_in_german(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """EMS's performance step names both measures; German joins them with "und"."""
    assert main(["--language", "de", "--db", str(demo), "status", "--json", "--as-of", AS_OF]) == 0
    german = capsys.readouterr().out
    assert "Februar 2018 und 500 aktive EMS-Berechtigungen" in german
    assert "2018 and " not in german


def test_the_steps_figures_stand_in_one_column_in_german(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: names padded to English's 12 characters, "Kundenreferenzen" pushed its
    # figures four columns right of the others'.
    for language in ("de", "en"):
        assert main(["--language", language, "--db", str(demo), "status", "--as-of", AS_OF]) == 0
        steps = [line for line in capsys.readouterr().out.splitlines() if line.startswith("    [")]
        assert len(steps) > 8
        # Where each line's figures begin, after its one-word step name and the padding.
        figures = {len(line) - len(line.split("] ", 1)[1].split(maxsplit=1)[1]) for line in steps}
        assert len(figures) == 1, (language, steps)

"""--language: status and checklist write their sentences in German when asked, else English."""

from __future__ import annotations

import contextlib
import io
import json
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


def test_status_in_german_writes_german_figures_days_and_months(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--language", "de", *demo, "status", "--as-of", AS_OF]) == 0
    german = capsys.readouterr().out
    assert "Stand 15. März 2018" in german.splitlines()[0]
    assert "01.07.2017 bis 30.06.2018" in german  # the membership year
    assert "US$ 3.940" in german and "1.600 von 2.000" in german
    assert "in den 12 Monaten bis Februar 2018" in german
    assert "gültig bis 19.05.2018, genehmigt am 20.05.2016" in german
    assert "Cloud Platform - Ziel Gold" in german
    assert "1.600 von 2.000 aktiven Benutzern" in german and "0 von 2 Kennzahlen" in german
    assert "  Silber: ERREICHT" in german
    # The figures under the longest step name, "Kundenreferenzen" (16 characters).
    assert "    [nein] Gebühr           US$ 0 von US$ 3.940" in german
    for english in ("2017-07-01", "3,940", "2018-02", "[yes]", "Silver", "performance"):
        assert english not in german, english


def test_status_json_keeps_its_machine_formats_in_german(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*demo, "status", "--json", "--as-of", AS_OF]) == 0
    english = json.loads(capsys.readouterr().out)
    assert main(["--language", "de", *demo, "status", "--json", "--as-of", AS_OF]) == 0
    german = json.loads(capsys.readouterr().out)
    assert german["as_of"] == english["as_of"] == AS_OF
    assert german["fee"] == english["fee"]
    assert german["fee"]["amount_usd"] == 4730 and german["fee"]["due_on"] == "2018-07-01"


def test_a_german_status_without_targets_says_what_to_do(tmp_path: Path) -> None:
    db = ["--db", str(tmp_path / "empty.sqlite3")]
    with contextlib.redirect_stdout(io.StringIO()) as out:
        assert main(["--language", "de", *db, "status", "--as-of", AS_OF]) == 0
    assert "Noch ist keine Kompetenz als Ziel gewählt" in out.getvalue()
    assert "Bearbeiten > Organisation und Ziele" in out.getvalue()


def test_the_german_checklist_continues_and_closes_in_german(
    demo: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "de.pdf"
    assert main(["--language", "de", *demo, "checklist", "--pdf", str(out), "--as-of", AS_OF]) == 0
    text = _words(out)
    assert "Cloud Platform (Fortsetzung)" in text
    assert "Warum eine Cloud-Kompetenz" in text and "Unbegrenzter Cloud-Support" in text
    assert "Stand 15.03.2018" in text and "US$ 3.940" in text
    assert "900 aktive Benutzer" in text and "2 von 3 Kunden" in text
    assert "Transaktionspartner" in text and "FastTrack-Partner" in text
    for english in (
        "(continued)",
        "Why a cloud competency",
        "In return for",
        "2018-03-15",
        "active users",
        "measures",
        "transacting partner",
    ):
        assert english not in text, english


def test_the_help_documents_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "--language {en,de,system}" in shown
    assert "en (the default), de, or system" in shown
    assert "--json keeps its keys, ISO days and plain numbers" in shown

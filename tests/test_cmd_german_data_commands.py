"""--language de: backup, restore, export, load and demo say what they did in German."""

from __future__ import annotations

from pathlib import Path

import pytest

from mpn_desktop.cli import main


def _run(capsys: pytest.CaptureFixture[str], *words: str, code: int = 0) -> str:
    assert main(["--language", "de", *words]) == code
    out, err = capsys.readouterr()
    return out + err


def test_the_data_commands_say_what_they_did_in_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, each printed its English sentence whatever --language said."""
    db = ["--db", str(tmp_path / "tracker.sqlite3")]
    said = _run(capsys, *db, "demo")
    assert "Die Demo-Organisation Contoso Cloud Ltd ist in " in said
    said = _run(capsys, *db, "demo", code=1)
    assert (
        "enthält bereits eine Organisation; es wurde nichts geschrieben. „mpn-desktop demo" in said
    )
    exported = tmp_path / "org.json"
    said = _run(capsys, *db, "export", str(exported))
    assert " Kunden, " in said and " Prüfungsergebnisse, " in said
    assert f"wurden nach {exported} exportiert." in said
    said = _run(capsys, *db, "load", "--replace", str(exported))
    assert f"wurden aus {exported} geladen." in said
    assert "Was die Datenbank vorher enthielt, wird in " in said
    copy = tmp_path / "copy.sqlite3"
    said = _run(capsys, *db, "backup", str(copy))
    assert f"wurde nach {copy} gesichert." in said
    said = _run(capsys, *db, "restore", str(copy))
    assert f"wurde aus {copy} wiederhergestellt." in said
    # "sie" pointed back to the copy's path; the sentence names the database, as load's does.
    assert "Was die Datenbank vorher enthielt, wird in " in said
    said = _run(capsys, *db, "export", str(tmp_path / "org.ods"), code=2)
    assert "export schreibt ein JSON-Dokument (.json) oder eine Excel-Arbeitsmappe" in said


def test_the_data_commands_still_speak_english_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(tmp_path / "tracker.sqlite3")]
    assert main([*db, "demo"]) == 0
    exported = tmp_path / "org.json"
    assert main([*db, "export", str(exported)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The demo organisation Contoso Cloud Ltd is in ")
    assert " customers, " in out and " exam results, " in out
    assert out.rstrip().endswith(f"to {exported}.")

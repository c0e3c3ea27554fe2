"""A JSON file that ends too soon is told so: saved empty, or cut short (a copy or a download
broken off), for a catalogue and an organisation's document alike.

Python's reasons said neither: "Expecting ',' delimiter" at the last character, "Unterminated
string starting at" where a text began, "Expecting value" for an empty file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mpn_desktop.cli import main

CUT = "the file ends here, before its lists and objects are closed: is it cut short?"
CASES = [
    ("", "line 1, column 1: not valid JSON (the file is empty)"),
    ("  \n", "line 2, column 1: not valid JSON (the file is empty)"),
    (
        '{"format": "mpn-desktop-catalog/2",\n "version": "1"',
        f"line 2, column 16: not valid JSON ({CUT})",
    ),
    ("[1, 2\n\n", f"line 3, column 1: not valid JSON ({CUT})"),
    (
        '{"format": "mpn-desktop-catalog/2", "notes": ["Figures from',
        "line 1, column 47: not valid JSON (a text in quotes begins here and is never closed: "
        "is the file cut short?)",
    ),
    # A mistake inside the file keeps Python's reason.
    ('{"format": oops}', "line 1, column 12: not valid JSON (Expecting value)"),
]


@pytest.mark.parametrize(("text", "said"), CASES)
def test_a_catalogue_and_a_document_say_where_the_file_ends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, said: str
) -> None:
    path = tmp_path / "cut.json"
    path.write_text(text, encoding="utf-8")
    assert main(["--catalog", str(path), "catalog"]) == 1
    assert capsys.readouterr().err == f"mpn-desktop: {path}, {said}\n"
    assert main(["--db", str(tmp_path / "t.sqlite3"), "load", str(path)]) == 1
    assert f"{path}, {said}" in capsys.readouterr().err


def test_german(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cut.json"
    for text, said in [
        ("", "kein gültiges JSON (die Datei ist leer)"),
        (
            '{"format": "mpn-desktop-catalog/2"',
            "kein gültiges JSON (die Datei endet hier, bevor ihre Listen und Objekte "
            "geschlossen sind: ist sie abgeschnitten?)",
        ),
        (
            '{"format": "mpn-desk',
            "kein gültiges JSON (ein Text in Anführungszeichen beginnt hier und wird nie "
            "geschlossen: ist die Datei abgeschnitten?)",
        ),
    ]:
        path.write_text(text, encoding="utf-8")
        assert main(["--language", "de", "--catalog", str(path), "catalog"]) == 1
        assert said in capsys.readouterr().err

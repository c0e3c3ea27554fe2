"""A catalogue file that cannot be read says why in German under German, with its place.

Before, catalog_files wrote these refusals as English f-strings whatever the language, and
Python's own reasons ("Expecting value", "invalid start byte") stayed English: ``catalog
--catalog broken.json --language de`` read "broken.json, line 3, column 14: not valid JSON
(Expecting value)".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain import vocabulary
from mpn_desktop.errors import CatalogError


@pytest.fixture(autouse=True)
def german() -> None:
    """The sentences in German (the autouse english_sentences_after puts English back)."""
    assert vocabulary.use_language("de") == "de"


def _refusal(path: Path, text: str | bytes) -> str:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as refused:
        load_catalog(path)
    return str(refused.value)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('{\n  "program": oops\n}\n', "Zeile 2, Spalte 14: kein gültiges JSON (Wert erwartet)"),
        ("{\n  program: 1}", "Zeile 2, Spalte 3: kein gültiges JSON (Schlüssel in doppelten"),
        ('{"program" 1}', "Zeile 1, Spalte 12: kein gültiges JSON (Trennzeichen „:“ erwartet)"),
        ("[1 2]", "Zeile 1, Spalte 4: kein gültiges JSON (Trennzeichen „,“ erwartet)"),
        (
            '\n\n"abc',
            "Zeile 3, Spalte 1: kein gültiges JSON (ein Text in Anführungszeichen beginnt hier",
        ),
        ('"a\x01"', "Spalte 3: kein gültiges JSON (ungültiges Steuerzeichen)"),
        ('"\\q"', "Spalte 2: kein gültiges JSON (ungültige Escape-Sequenz mit \\)"),
        ('"\\u12"', "Spalte 3: kein gültiges JSON (ungültige \\uXXXX-Escape-Sequenz)"),
        ("{} {}", "Zeile 1, Spalte 4: kein gültiges JSON (weitere Daten nach dem JSON-Wert)"),
    ],
)
def test_json_that_is_not_valid_names_its_line_column_and_reason(
    tmp_path: Path, text: str, said: str
) -> None:
    path = tmp_path / "kaputt.json"
    refusal = _refusal(path, text)
    assert refusal.startswith(f"{path}, Zeile ")
    assert said in refusal


def test_lists_nested_too_deeply(tmp_path: Path) -> None:
    path = tmp_path / "tief.json"
    assert _refusal(path, "[" * 100_000) == (
        f"{path}: Seine Listen und Objekte sind zu tief verschachtelt für einen Katalog"
    )


def test_a_number_too_long(tmp_path: Path) -> None:
    path = tmp_path / "lang.json"
    assert _refusal(path, '{"competencies": [1' + "0" * 5000 + "]}") == (
        f"{path}: enthält eine Zahl, die zu lang zum Lesen ist (über 4.300 Ziffern)"
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ('{\n"program": "Caf\u00e9"}'.encode("latin-1"), "ungültiges Folgebyte"),
        (b'{\n\n"program": "\xff"}', "ungültiges Startbyte"),
        (b'{"program": "Caf\xc3', "unerwartetes Datenende"),
    ],
)
def test_a_file_that_is_not_utf8_names_its_line(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "latin1.json"
    line = data.count(b"\n") + 1
    assert _refusal(path, data) == f"{path}, Zeile {line}: keine UTF-8-Textdatei ({reason})"

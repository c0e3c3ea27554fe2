"""A data document that cannot be read says why in German under German, Python's reason too.

Before, ``read_document_file`` translated its sentence but passed Python's own reason through
in English: "daten.json, Zeile 1, Spalte 12: kein gültiges JSON (Expecting ':' delimiter)",
"kein UTF-8-Text (invalid start byte)". It now reads JSON as the catalogues do
(``json_reading``), with the reasons of ``json_reasons``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from mpn_desktop.domain import vocabulary
from mpn_desktop.errors import ValidationError
from mpn_desktop.store.documents import read_document_file


@pytest.fixture(autouse=True)
def german() -> None:
    """The sentences in German (the autouse english_sentences_after puts English back)."""
    assert vocabulary.use_language("de") == "de"


def _refusal(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    with pytest.raises(ValidationError) as refused:
        read_document_file(path)
    return str(refused.value)


def test_json_that_is_not_valid_says_python_s_reason_in_german(tmp_path: Path) -> None:
    path = tmp_path / "daten.json"
    assert _refusal(path, b'{"format" 1}') == (
        f"{path}, Zeile 1, Spalte 11: kein gültiges JSON (Trennzeichen „:“ erwartet)"
    )


def test_bytes_that_are_not_utf8_say_python_s_reason_in_german(tmp_path: Path) -> None:
    path = tmp_path / "daten.json"
    assert _refusal(path, b'{\n"format": "\xff"}') == (
        f"{path}, Zeile 2: kein UTF-8-Text (ungültiges Startbyte); ein JSON-Dokument ist UTF-8 "
        "(speichern Sie es erneut als UTF-8)"
    )


def test_lists_nested_too_deeply_to_be_a_document(tmp_path: Path) -> None:
    path = tmp_path / "tief.json"
    assert _refusal(path, b"[" * 100_000) == (
        f"{path}: Seine Listen und Objekte sind zu tief verschachtelt für ein mpn-desktop-Dokument"
    )


def test_a_number_too_long(tmp_path: Path) -> None:
    path = tmp_path / "lang.json"
    assert _refusal(path, b'{"people": [1' + b"0" * 5000 + b"]}") == (
        f"{path}: enthält eine Zahl, die zu lang zum Lesen ist (über 4.300 Ziffern)"
    )


def test_fractions_are_still_read_as_exact_decimals(tmp_path: Path) -> None:
    path = tmp_path / "betrag.json"
    path.write_text('{"amount": 13.32}', encoding="utf-8")
    assert read_document_file(path) == {"amount": Decimal("13.32")}

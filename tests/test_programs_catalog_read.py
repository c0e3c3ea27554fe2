"""A Solutions Partner catalogue file that cannot be read is refused in the chosen language,
with its place, as the 2017-2018 catalogue files are (``catalog_files.catalog_text``).

Before, ``programs.load_scored_catalog`` wrote "{path}: cannot be read ({error})" with
Python's English error whatever the language: "... cannot be read ('utf-8' codec can't
decode byte 0xff in position 14: invalid start byte)", "... ([Errno 2] No such file or
directory: ...)".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mpn_desktop.domain import vocabulary
from mpn_desktop.errors import CatalogError
from mpn_desktop.programs import is_scored_file, load_scored_catalog

NOT_UTF8 = b'{\n"program": "\xff"}'


def _refusal(path: Path) -> str:
    with pytest.raises(CatalogError) as refused:
        load_scored_catalog(path)
    return str(refused.value)


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", ", line 2: not a UTF-8 text file (invalid start byte)"),
        ("de", ", Zeile 2: keine UTF-8-Textdatei (ungültiges Startbyte)"),
    ],
)
def test_a_file_that_is_not_utf8_names_its_line_and_reason(
    tmp_path: Path, language: str, said: str
) -> None:
    vocabulary.use_language(language)
    path = tmp_path / "solutions-partner.json"
    path.write_bytes(NOT_UTF8)
    assert _refusal(path) == f"{path}{said}"


def test_a_missing_file_is_refused_in_german(tmp_path: Path) -> None:
    vocabulary.use_language("de")
    path = tmp_path / "fehlt.json"
    assert _refusal(path) == f"{path}: keine solche Datei"


def test_a_file_that_cannot_be_read_is_not_taken_for_a_solutions_partner_one(
    tmp_path: Path,
) -> None:
    (tmp_path / "latin1.json").write_bytes(NOT_UTF8)
    assert not is_scored_file(tmp_path / "latin1.json")
    assert not is_scored_file(tmp_path / "fehlt.json")
    assert not is_scored_file(tmp_path)


@pytest.mark.parametrize(
    ("text", "said"),
    [("{", ", line 1, column 2: not valid JSON"), ('{"designations": 1}', ": ")],
)
def test_a_path_s_control_characters_are_shown_escaped(
    tmp_path: Path, text: str, said: str
) -> None:
    """As load_catalog names a file (shown_path): a name holding ESC printed it raw."""
    path = tmp_path / "rot\x1b[31m.json"
    path.write_text(text, encoding="utf-8")
    refusal = _refusal(path)
    assert "\x1b" not in refusal
    assert refusal.startswith(f"{tmp_path}/rot\\x1b[31m.json{said}")

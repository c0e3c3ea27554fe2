"""A file holding only a byte order mark (and blank lines) is empty, whatever its encoding.

It was refused as "this does not look like a CSV file (first line: '')".
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from helpers.fixtures import cli_options

from mpn_desktop.cli import main
from mpn_desktop.errors import ImportFailed
from mpn_desktop.importers.reading import preview


@pytest.mark.parametrize(
    "content",
    [
        codecs.BOM_UTF8,
        codecs.BOM_UTF8 + b"\r\n\r\n",
        codecs.BOM_UTF16_LE,
        codecs.BOM_UTF16_LE + "\r\n".encode("utf-16-le"),
    ],
)
def test_a_byte_order_mark_alone_is_an_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=r"export\.csv: the file is empty"):
        preview(path)


def test_the_command_says_the_file_is_empty(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(codecs.BOM_UTF8)
    assert main([*cli_options(db_url), "import-exams", str(path)]) == 1
    err = capsys.readouterr().err
    assert "export.csv: the file is empty" in err
    assert "does not look like a CSV file" not in err

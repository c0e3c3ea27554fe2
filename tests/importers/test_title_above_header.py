"""A sheet's title above its header line: the import names the header line below it.

A title of one cell made the file "not look like a CSV file"; one with
trailing delimiters was read as the header, and the refusal said none of
its columns was known and to name them with --map, which cannot help.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.fixtures import cli_options

from mpn_desktop.cli import main
from mpn_desktop.domain.vocabulary import use_language
from mpn_desktop.errors import ImportFailed
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.importers.reading import detect_delimiter

_TABLE = "MCP ID;Full Name;Exam Code;Date Passed\n1234567;Ana Ruiz;70-533;2017-11-25\n"


@pytest.mark.parametrize(
    ("title", "header"),
    [("Exam results 2017\n", 2), ("Exam results 2017;;;\n\n", 3)],
)
def test_the_header_line_below_a_title_is_named(tmp_path: Path, title: str, header: int) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(title + _TABLE, encoding="utf-8")
    assert detect_delimiter(path, "utf-8") == ";"
    with pytest.raises(ImportFailed) as refused:
        plan_import(path)
    assert str(refused.value) == (
        f"{path}: line 1 is not the header line: line {header} names the columns ('MCP ID', "
        f"'Full Name', 'Exam Code', 'Date Passed'); delete the lines above line {header} and "
        "import again"
    )


def test_a_file_of_prose_is_still_not_csv(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Exam results\nplease find them attached\nRegards\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="does not look like a CSV file"):
        detect_delimiter(path, "utf-8")


def test_the_usage_command_names_the_header_line_below_a_title(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "usage.csv"
    sheet.write_text(
        "Usage, January 2018\n"
        "customer,subscription,workload,association,month,consumption_usd\n"
        "Fabrikam,sub-1,azure,dpor,2018-01,10\n",
        encoding="utf-8",
    )
    assert main([*cli_options(db_url), "import-usage", str(sheet)]) == 1
    err = capsys.readouterr().err
    assert "usage.csv: line 1 is not the header line: line 2 names the columns" in err
    assert "delete the lines above line 2 and import again" in err


@pytest.fixture
def german() -> Iterator[None]:
    """English again for the tests after this one (``--language de`` stays chosen)."""
    try:
        yield
    finally:
        use_language("en")


@pytest.mark.usefixtures("german")
def test_the_header_line_below_a_title_is_named_in_german(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "blatt.csv"
    path.write_text("Prüfungen 2017\n" + _TABLE, encoding="utf-8")
    assert main(["--language", "de", *cli_options(db_url), "import-exams", str(path)]) == 1
    err = capsys.readouterr().err
    assert "blatt.csv: Zeile 1 ist nicht die Kopfzeile: Zeile 2 benennt die Spalten" in err
    assert "löschen Sie die Zeilen über Zeile 2 und importieren Sie erneut" in err

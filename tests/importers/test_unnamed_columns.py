"""Columns the user did not name: a trailing delimiter in the header, a header cell of
spaces, and two columns of one name.

A trailing comma in the header printed "Ignored columns: " with an empty
name; now a column without a name is told only when it holds data, as
"column 7 (no name)", and a name two columns share says which column.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.fixtures import cli_options
from importer_helpers import HEADER, import_file, write_csv

from mpn_desktop.cli import main
from mpn_desktop.errors import ImportFailed
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.columns import suggest_mapping
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.store.database import Database

_ROW = ["1000001", "Ana Ruiz", "70-533", "", "2017-11-25", ""]


def _rows(count: int, last: str = "") -> list[list[str]]:
    """``count`` good records with an empty seventh cell, the last one's ``last``."""
    rows = [[str(1000001 + i), "P", "70-533", "", "2017-11-25", "", ""] for i in range(count)]
    rows[-1][-1] = last
    return rows


def test_a_trailing_delimiter_in_the_header_is_no_column_named(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "trailing.csv", _rows(3), header=[*HEADER, ""])
    result = import_file(db, lookup, path)
    assert result.errors == ()
    assert result.ignored_columns == ()


@pytest.mark.parametrize("name", ["", "   "])
def test_a_column_without_a_name_holding_data_is_told_by_its_number(
    db: Database, lookup: CatalogLookup, tmp_path: Path, name: str
) -> None:
    # Its only value is on line 301: past what a preview reads.
    path = write_csv(tmp_path / "notes.csv", _rows(300, "call back"), header=[*HEADER, name])
    result = import_file(db, lookup, path, dry_run=True)
    assert result.ignored_columns == ("column 7 (no name)",)


def test_two_columns_of_one_name_say_which_is_ignored(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    rows = [[*_ROW, "1000009"]]
    path = write_csv(tmp_path / "twice.csv", rows, header=[*HEADER, "MCP ID"])
    result = import_file(db, lookup, path)
    assert result.ignored_columns == ("MCP ID (column 7)",)


def test_a_map_example_never_names_a_column_without_a_name() -> None:
    mapping = suggest_mapping(["Person", "Exam Code", "Date Passed", ""])
    assert mapping.ignored == ("Person",)
    assert mapping.unnamed == (3,)


@pytest.mark.parametrize(
    ("last", "said"),
    [("", None), ("call back", "Ignored columns: column 7 (no name)")],
)
def test_the_command_tells_an_unnamed_column_only_when_it_holds_data(
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    last: str,
    said: str | None,
) -> None:
    path = write_csv(tmp_path / "trailing.csv", _rows(3, last), header=[*HEADER, ""])
    assert main([*cli_options(db_url), "import-exams", str(path)]) == 0
    ignored = [line for line in capsys.readouterr().out.splitlines() if "Ignored" in line]
    assert ignored == ([said] if said else [])


def test_a_refusal_for_a_missing_column_lists_only_named_columns(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Person,Exam Code,Date Passed,\nAna,70-533,2017-11-25,\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as refused:
        plan_import(path)
    said = str(refused.value)
    assert "('Person', 'Exam Code', 'Date Passed')" in said
    assert "--map Person=mcp_id" in said

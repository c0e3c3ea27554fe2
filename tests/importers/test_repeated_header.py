"""Two exports put together into one file: the second one's header line is told as that.

It was read as a record: "MCP ID: 'MCP ID' is not an MCP ID", "date passed:
'Date Passed' is not a date", which do not say what to do.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.fixtures import cli_options
from importer_helpers import FIXTURES, import_file

from mpn_desktop.cli import main
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.store.database import Database


def test_a_header_line_among_the_records_is_told_alone(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    lines = (FIXTURES / "utf8_comma_iso.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "joined.csv"
    # The second export's header as another program writes it: spaces, a trailing comma.
    second = lines[0].replace(",", ", ") + ","
    path.write_text("\n".join([*lines, second, *lines[1:]]) + "\n", encoding="utf-8")
    result = import_file(db, lookup, path, dry_run=True)
    assert [str(problem) for problem in result.errors] == [
        "line 5: the header line again (two files put together?): delete this line"
    ]


def test_the_usage_command_tells_a_header_line_among_the_records(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = "customer,subscription,workload,association,month,consumption_usd\n"
    sheet = tmp_path / "usage.csv"
    sheet.write_text(header + "Fabrikam,sub-1,azure,dpor,2018-01,10\n" + header, encoding="utf-8")
    assert main([*cli_options(db_url), "import-usage", str(sheet)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        "usage.csv: line 3: the header line again (two files put together?): delete this line"
    )
    assert not any(line.startswith("usage.csv: line 3,") for line in err)


def test_a_header_line_among_the_records_is_told_in_german(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = "MCP ID,Exam Code,Date Passed\n"
    path = tmp_path / "zwei.csv"
    path.write_text(header + "1000001,70-533,2017-11-25\n" + header, encoding="utf-8")
    assert main(["--language", "de", *cli_options(db_url), "import-exams", str(path)]) == 1
    assert (
        "zwei.csv: Zeile 3: noch einmal die Kopfzeile (zwei Dateien zusammengefügt?): "
        "löschen Sie diese Zeile"
    ) in capsys.readouterr().err.splitlines()

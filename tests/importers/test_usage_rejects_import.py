"""The lines a usage import skipped go back through the file they came from, never alone.

A usage import replaces the months of the subscriptions it names. The
rejects file's few lines, corrected and imported alone (as the program
suggested for every kind), replaced the months the import had kept: a
subscription's February of three services became the one line of the
rejects file. Now the import refuses such a file and says what to do;
an exam rejects file (exams add up, never replace) still imports.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.fixtures import cli_options
from helpers.usage_files import RECON, broken_recon, downloaded, stored_usage

from mpn_desktop.cli import main


def test_the_rejects_file_of_a_usage_import_is_refused_and_the_kept_months_stay(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = cli_options(db_url)
    assert main([*database, "import-usage", str(RECON), "--dry-run"]) == 0
    path = broken_recon(tmp_path)
    rejects = tmp_path / "rejects.csv"
    assert main([*database, "import-usage", str(path), "--skip-bad-rows", str(rejects)]) == 0
    out = capsys.readouterr().out
    assert (
        "Correct the skipped lines in recon.csv itself and import it again: its months are "
        "replaced whole (the rejects file alone would replace the months this import kept)."
    ) in out
    kept = stored_usage(db_url)
    rejects.write_text(rejects.read_text(encoding="utf-8-sig").replace("2/31/2019", "2/1/2019"))
    assert main([*database, "import-usage", str(rejects)]) == 1
    err = capsys.readouterr().err
    assert (
        "rejects.csv: this file holds the lines an import skipped (its last column is 'error')"
        in err
    )
    assert stored_usage(db_url) == kept, "nothing replaced"

    # As advised: the line corrected in the file it came from, imported again.
    path.write_text(path.read_text(encoding="utf-8").replace("2/31/2019", "2/1/2019"))
    assert main([*database, "import-usage", str(path)]) == 0
    fixed = stored_usage(db_url)
    assert fixed != kept
    # The download as it is, in a database of its own: the same rows.
    assert fixed == downloaded(tmp_path, RECON)


def test_an_exam_rejects_file_still_imports(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = cli_options(db_url)
    path = tmp_path / "exams.csv"
    path.write_text(
        "MCP ID,Full Name,Exam Code,Date Passed\n"
        "1234567,Ana Ruiz,70-533,2017-11-25\n"
        "1234568,Bo Chen,70-532,2017-02-30\n",
        encoding="utf-8",
    )
    rejects = tmp_path / "rejects.csv"
    assert main([*database, "import-exams", str(path), "--skip-bad-rows", str(rejects)]) == 0
    assert "Correct the skipped lines" not in capsys.readouterr().out
    rejects.write_text(rejects.read_text(encoding="utf-8-sig").replace("2017-02-30", "2017-02-28"))
    assert main([*database, "import-exams", str(rejects)]) == 0
    assert "1 added, 0 duplicates, 0 errors" in capsys.readouterr().out


def test_the_advice_and_the_refusal_in_german(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = ["--language", "de", *cli_options(db_url)]
    rejects = tmp_path / "abgelehnt.csv"
    options = ["import-usage", str(broken_recon(tmp_path)), "--skip-bad-rows", str(rejects)]
    assert main([*database, *options]) == 0
    out = capsys.readouterr().out
    assert "Korrigieren Sie die übersprungenen Zeilen in recon.csv selbst" in out
    assert main([*database, "import-usage", str(rejects)]) == 1
    err = capsys.readouterr().err
    assert "abgelehnt.csv: Diese Datei enthält die Zeilen, die ein Import übersprungen hat" in err


def test_a_field_without_a_column_is_named_in_german(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The month of a reconciliation file is read from ChargeStartDate: no column is named
    'month', so a problem names the field, in the language of its message ('Monat: fehlt')."""
    lines = RECON.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    lines.insert(2, ",".join(lines[1].split(",")[:3]) + "\n")
    path = tmp_path / "recon.csv"
    path.write_text("".join(lines), encoding="utf-8")
    assert main(["--language", "de", *cli_options(db_url), "import-usage", str(path)]) == 1
    err = capsys.readouterr().err
    assert "recon.csv: Zeile 3, Monat: fehlt" in err
    assert "recon.csv: Zeile 3, SubscriptionId: fehlt" in err

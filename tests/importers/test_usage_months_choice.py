"""A usage file bringing only some services of months the database holds replaces nothing
unless the user chooses: its lines added to the months, or the months replaced.

rv44's scenario: a month's file imported with one bad line skipped; the rejects
file corrected in a spreadsheet and its ``error`` column deleted; imported, it
replaced the subscription's February of three services (US$ 141.74 kept) with its
one line (US$ 5.85), saying "0 added, 1 duplicate". Now the import names the
month and waits for ``--add-to-months`` (the lines added: exactly the download's
rows) or ``--replace-months`` (a newer export of the whole months, as before).
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from helpers.fixtures import cli_options
from helpers.usage_files import (
    RECON,
    S1,
    SAMPLES,
    broken_recon,
    downloaded,
    newer_export,
    stored_usage,
)

from mpn_desktop.cli import main
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.records import import_batches, list_records

LICENCES = SAMPLES / "csp-license-based-recon.2019-02.csv"
CONTOSO_FEBRUARY = (
    f"Contoso Pharma, subscription {S1}, 2019-02: 3 services, US$ 141.74 now, kept by the "
    "import of recon.csv, which skipped lines with errors; this file brings 1 service, US$ 5.85; "
    "added: US$ 147.59, replaced: US$ 5.85"
)


def _corrected_rejects(tmp_path: Path, database: list[str]) -> Path:
    """rv44's steps: the file with line 4's day impossible imported with the bad line
    skipped; its rejects file corrected and saved without the ``error`` column."""
    broken = broken_recon(tmp_path)
    rejects = tmp_path / "rejects.csv"
    assert main([*database, "import-usage", str(broken), "--skip-bad-rows", str(rejects)]) == 0
    with rejects.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][-1] == "error"
    fixed = tmp_path / "my corrections.csv"
    with fixed.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(
            [cell.replace("2/31/2019", "2/1/2019") for cell in row[:-1]] for row in rows
        )
    return fixed


def test_corrected_lines_without_the_error_column_are_refused_until_a_choice_is_made(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = cli_options(db_url)
    fixed = _corrected_rejects(tmp_path, database)
    kept = stored_usage(db_url)
    capsys.readouterr()
    for dry in ([], ["--dry-run"]):
        assert main([*database, "import-usage", str(fixed), *dry]) == 1
        err = capsys.readouterr().err
        assert (
            "my corrections.csv: This file brings only some of the services of 1 month the "
            "database holds:\n  " + CONTOSO_FEBRUARY + "\nNothing was imported."
        ) in err
        assert "import it with --add-to-months: its lines are added to the months" in err
        assert "import it with --replace-months: the months become the file's" in err
        assert stored_usage(db_url) == kept, "nothing replaced"


def test_corrected_lines_added_to_their_months_give_the_download_and_undo_gives_them_back(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = cli_options(db_url)
    fixed = _corrected_rejects(tmp_path, database)
    kept = stored_usage(db_url)
    capsys.readouterr()
    assert main([*database, "import-usage", str(fixed), "--add-to-months", "--dry-run"]) == 0
    assert "1 to add, 0 duplicates, 0 errors" in capsys.readouterr().out
    assert main([*database, "import-usage", str(fixed), "--add-to-months"]) == 0
    out = capsys.readouterr().out
    # The line's Storage (US$ 5.85) joins the Storage kept (US$ 11.78): one row added,
    # none replaced, the month's Virtual Machines and Bandwidth untouched.
    assert "1 added, 0 duplicates, 0 errors" in out.splitlines()
    assert (
        "The file's lines added to 1 month: their other services kept; 1 usage row of the "
        "file added to the figures of the same service."
    ) in out
    assert "replaced" not in out.replace("replaced whole", "")
    assert stored_usage(db_url) == downloaded(tmp_path, RECON), "nothing lost"
    with Database.open(db_url) as db:
        batch = import_batches(db)[0]
    assert (batch["added_count"], batch["duplicate_count"], batch["replaced_count"]) == (1, 0, 0)
    assert main([*database, "imports", "--remove", str(batch["id"])]) == 0
    assert stored_usage(db_url) == kept, "taking the import out gives back exactly what was there"


def test_a_newer_export_of_the_whole_month_replaces_it_when_chosen(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = cli_options(db_url)
    assert main([*database, "import-usage", str(RECON)]) == 0
    before = stored_usage(db_url)
    # The export again, Contoso's Bandwidth gone from it (e.g. a charge taken back).
    newer = newer_export(tmp_path)
    capsys.readouterr()
    assert main([*database, "import-usage", str(newer)]) == 1
    assert (
        f"Contoso Pharma, subscription {S1}, 2019-02: 3 services, US$ 147.59 now; "
        "this file brings 2 services, US$ 143.97; added: US$ 147.59, replaced: US$ 143.97"
    ) in capsys.readouterr().err
    assert main([*database, "import-usage", str(newer), "--replace-months"]) == 0
    out = capsys.readouterr().out
    assert "0 added, 10 duplicates, 0 errors" in out.splitlines()
    assert (
        "1 month replaced whole by the file's lines (a newer export): 1 service the file "
        "does not bring removed from them."
    ) in out
    assert "1 row of an earlier import of the same source replaced" in out
    assert stored_usage(db_url) == downloaded(tmp_path, newer)
    with Database.open(db_url) as db:
        batch = import_batches(db)[0]
    assert batch["replaced_count"] == 1
    capsys.readouterr()
    assert main([*database, "imports"]) == 0
    listed = capsys.readouterr().out.splitlines()[1]
    assert "0 customers, 0 subscriptions, 1 usage row replaced  replaced whole  newer.csv" in listed
    assert main([*database, "imports", "--remove", str(batch["id"])]) == 0
    assert stored_usage(db_url) == before


def test_a_file_bringing_every_service_of_its_months_needs_no_choice(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = cli_options(db_url)
    assert main([*database, "import-usage", str(RECON)]) == 0
    changed = tmp_path / "changed.csv"
    changed.write_text(
        RECON.read_text(encoding="utf-8-sig").replace(",126.34,", ",200.00,"), encoding="utf-8"
    )
    capsys.readouterr()
    assert main([*database, "import-usage", str(changed)]) == 0
    out = capsys.readouterr().out
    assert "1 added, 10 duplicates, 0 errors" in out.splitlines()
    assert "month" not in capsys.readouterr().err
    assert stored_usage(db_url) == downloaded(tmp_path, changed)


def test_the_two_choices_exclude_each_other(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(
            [
                *cli_options(db_url),
                "import-usage",
                str(RECON),
                "--add-to-months",
                "--replace-months",
            ]
        )
    assert stopped.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_licence_seats_added_to_a_month_keep_the_larger_count(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A licence month's seats are those at its end, not a sum of lines: a charge line
    skipped, then added alone, adds its revenue and never counts seats twice (the month
    then reads as the whole download's: US$ 2,160, 150 seats, not 270)."""
    database = cli_options(db_url)
    with LICENCES.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    quantity = rows[0].index("Quantity")
    good = rows[3][quantity]
    rows[3][quantity] = "lots"
    broken = tmp_path / "licences.csv"
    with broken.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    rejects = tmp_path / "rejects.csv"
    assert main([*database, "import-usage", str(broken), "--skip-bad-rows", str(rejects)]) == 0
    rows[3][quantity] = good
    one = tmp_path / "one.csv"
    with one.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([rows[0], rows[3]])
    capsys.readouterr()
    assert main([*database, "import-usage", str(one), "--add-to-months"]) == 0
    clean = tmp_path / "clean.sqlite3"
    assert main(["--db", str(clean), "import-usage", str(LICENCES)]) == 0
    assert _seats(db_url) == _seats(f"sqlite:///{clean}")


def _seats(url: str) -> dict[tuple[str, str], tuple[Decimal, int]]:
    """Per subscription and month: revenue and paid seats."""
    with Database.open(url) as db:
        external = {
            row["id"]: row["external_id"] for row in list_records(db, RecordKind.SUBSCRIPTION)
        }
        return {
            (external[row["subscription_id"]], str(row["month"])): (
                Decimal(str(row["revenue_usd"])).quantize(Decimal("0.01")),
                int(row["paid_seats"]),
            )
            for row in list_records(db, RecordKind.USAGE)
        }


def _sheet_with_a_bad_line(tmp_path: Path, database: list[str]) -> Path:
    """A sheet whose subscription's January has one service in two lines, the second bad,
    imported with it skipped; returns that line corrected, saved alone without 'error'."""
    sheet = tmp_path / "usage.csv"
    sheet.write_text(
        "customer,subscription,workload,association,month,service,consumption_usd\n"
        "Fabrikam,sub-1,azure,dpor,2018-01,Storage,100\n"
        "Fabrikam,sub-1,azure,dpor,2018-01,Storage,lots\n",
        encoding="utf-8",
    )
    rejects = tmp_path / "rejects.csv"
    assert main([*database, "import-usage", str(sheet), "--skip-bad-rows", str(rejects)]) == 0
    fixed = tmp_path / "fixed.csv"
    fixed.write_text(
        "customer,subscription,workload,association,month,service,consumption_usd\n"
        "Fabrikam,sub-1,azure,dpor,2018-01,Storage,50\n",
        encoding="utf-8",
    )
    return fixed


def test_a_corrected_line_of_a_month_kept_with_lines_skipped_waits_for_a_choice(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file brings every service of the month (one), so no service would go; but the
    month was kept by an import that skipped a line: replacing it would lose US$ 100."""
    database = cli_options(db_url)
    fixed = _sheet_with_a_bad_line(tmp_path, database)
    kept = stored_usage(db_url)
    capsys.readouterr()
    assert main([*database, "import-usage", str(fixed)]) == 1
    assert (
        "fixed.csv: This file changes 1 month that the import of another file kept with lines "
        "skipped (this file may hold those lines, corrected):\n"
        "  Fabrikam, subscription sub-1, 2018-01: 1 service, US$ 100.00 now, kept by the "
        "import of usage.csv, which skipped lines with errors; this file brings 1 service, "
        "US$ 50.00; added: US$ 150.00, replaced: US$ 50.00\nNothing was imported."
    ) in capsys.readouterr().err
    assert stored_usage(db_url) == kept
    replace = ["--replace-months", "--dry-run"]
    assert main([*database, "import-usage", str(fixed), *replace]) == 0
    assert "1 month replaced by the file's lines (a newer export)." in capsys.readouterr().out
    assert main([*database, "import-usage", str(fixed), "--add-to-months"]) == 0
    assert "1 added, 0 duplicates, 0 errors" in capsys.readouterr().out.splitlines()
    assert [row[-1] for row in stored_usage(db_url)] == ["150.00"]


def test_the_file_that_skipped_the_line_corrected_and_imported_again_replaces_its_month(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As the skip message advises: the line corrected in its own file, imported again."""
    database = cli_options(db_url)
    _sheet_with_a_bad_line(tmp_path, database)
    sheet = tmp_path / "usage.csv"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("lots", "50"), encoding="utf-8")
    capsys.readouterr()
    assert main([*database, "import-usage", str(sheet)]) == 0
    assert "1 added, 0 duplicates, 0 errors" in capsys.readouterr().out.splitlines()
    assert [row[-1] for row in stored_usage(db_url)] == ["150.00"]


def test_the_same_lines_in_a_file_saved_again_are_not_added_twice(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """rv45: the corrected lines saved again by a spreadsheet (other bytes, same lines) were
    summed a second time, Storage 17.63 -> 23.48. The stored row is the row the earlier
    import kept for undo plus these lines: they are there already."""
    database = cli_options(db_url)
    fixed = _corrected_rejects(tmp_path, database)
    assert main([*database, "import-usage", str(fixed), "--add-to-months"]) == 0
    again = tmp_path / "my corrections (2).csv"
    again.write_bytes(fixed.read_bytes().replace(b"\r\n", b"\n") + b"\n")
    capsys.readouterr()
    assert main([*database, "import-usage", str(again)]) == 1
    assert "added: US$ 147.59, replaced: US$ 5.85" in capsys.readouterr().err
    assert main([*database, "import-usage", str(again), "--add-to-months"]) == 0
    assert "0 added, 1 duplicate, 0 errors" in capsys.readouterr().out.splitlines()
    assert stored_usage(db_url) == downloaded(tmp_path, RECON)


def test_lines_are_added_only_to_the_months_the_file_brings_in_part(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """rv45: with Add, a newer export's changed figure of a month it brings whole was summed
    with the old one. Only the months told (Contoso's, Bandwidth missing) take added lines;
    Fabrikam's whole February replaces its changed App Service as any re-import does."""
    database = cli_options(db_url)
    assert main([*database, "import-usage", str(RECON)]) == 0
    newer = newer_export(tmp_path, ",114.24,", ",120.00,")
    capsys.readouterr()
    assert main([*database, "import-usage", str(newer), "--add-to-months"]) == 0
    assert "1 added, 9 duplicates, 0 errors" in capsys.readouterr().out.splitlines()
    rows = {(row[0][-2:], row[1][:7], row[2]): row[4] for row in stored_usage(db_url)}
    assert rows["02", "2019-02", "Azure App Service"] == "120.00"
    assert rows["01", "2019-02", "Bandwidth"] == "3.62"


def test_the_months_and_the_choice_in_german(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixed = _corrected_rejects(tmp_path, cli_options(db_url))
    database = ["--language", "de", *cli_options(db_url)]
    capsys.readouterr()
    assert main([*database, "import-usage", str(fixed)]) == 1
    err = capsys.readouterr().err
    assert (
        "Diese Datei bringt nur einen Teil der Dienste von 1 Monat, den die Datenbank enthält:\n"
        f"  Contoso Pharma, Abonnement {S1}, Februar 2019: jetzt 3 Dienste, US$ 141,74, "
        "behalten vom Import von recon.csv, der Zeilen mit Fehlern übersprungen hat; "
        "diese Datei bringt 1 Dienst, US$ 5,85; addiert: US$ 147,59, ersetzt: US$ 5,85"
    ) in err
    assert "importieren Sie sie mit --add-to-months" in err
    assert main([*database, "import-usage", str(fixed), "--add-to-months"]) == 0
    out = capsys.readouterr().out
    assert "1 Monat um die Zeilen der Datei ergänzt: ihre übrigen Dienste behalten" in out


def test_a_whole_month_among_added_lines_is_not_counted_twice(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Lines added to months: a row the database holds exactly is a duplicate, not doubled
    (the file's other subscriptions' months are whole and as stored)."""
    database = cli_options(db_url)
    fixed = _corrected_rejects(tmp_path, database)
    whole = RECON.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    others = [line for line in whole[1:] if S1 not in line]
    mixed = tmp_path / "mixed.csv"
    mixed.write_text(fixed.read_text(encoding="utf-8") + "".join(others), encoding="utf-8")
    capsys.readouterr()
    assert main([*database, "import-usage", str(mixed), "--add-to-months"]) == 0
    assert "1 added, 8 duplicates, 0 errors" in capsys.readouterr().out.splitlines()
    assert stored_usage(db_url) == downloaded(tmp_path, RECON)


def test_a_month_kept_with_lines_skipped_in_german(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixed = _sheet_with_a_bad_line(tmp_path, cli_options(db_url))
    database = ["--language", "de", *cli_options(db_url)]
    capsys.readouterr()
    assert main([*database, "import-usage", str(fixed), "--replace-months", "--dry-run"]) == 0
    assert "1 Monat durch die Zeilen der Datei ersetzt (ein neuerer Export)." in (
        capsys.readouterr().out
    )
    assert main([*database, "import-usage", str(fixed)]) == 1
    assert (
        "fixed.csv: Diese Datei ändert 1 Monat, den der Import einer anderen Datei mit "
        "übersprungenen Zeilen behalten hat (diese Datei enthält vielleicht diese Zeilen, "
        "korrigiert):\n  Fabrikam, Abonnement sub-1, Januar 2018: jetzt 1 Dienst, US$ 100,00"
    ) in capsys.readouterr().err


def test_corrected_lines_added_twice_are_counted_once(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same file of lines imported again (the months still asking: they keep services
    it does not bring) adds nothing: its lines are in the rows it wrote."""
    database = cli_options(db_url)
    fixed = _corrected_rejects(tmp_path, database)
    assert main([*database, "import-usage", str(fixed), "--add-to-months"]) == 0
    once = stored_usage(db_url)
    capsys.readouterr()
    assert main([*database, "import-usage", str(fixed), "--add-to-months"]) == 0
    out = capsys.readouterr().out
    assert "0 added, 1 duplicate, 0 errors" in out.splitlines()
    assert "Nothing new to import." in out
    assert stored_usage(db_url) == once == downloaded(tmp_path, RECON)

"""Importing into a real database: all or nothing, duplicates, people, undo, dry run, cancel."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from importer_helpers import (
    FIXTURES,
    TODAY,
    cancel_at_ask,
    import_file,
    many_people,
    stored_exams,
    write_csv,
)
from sqlalchemy import Connection, event, func, select

from mpn_desktop.domain.enums import CredentialKind
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.importing import ImportCancelled, run_import
from mpn_desktop.importers.kinds import ExamImport
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.importers.reading import OptionError
from mpn_desktop.store import models
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.import_removal import remove_import
from mpn_desktop.store.import_rows import ExamColumns


def count(db: Database, model: type[models.Base]) -> int:
    with db.session(readonly=True) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "utf8_comma_iso.csv",
            {
                ("1234567", "José Núñez", "70-533", date(2017, 11, 25), CredentialKind.EXAM),
                ("1234568", "Ana Ruiz", "70-532", date(2017, 3, 4), CredentialKind.EXAM),
                ("1234569", "Zoë Þórsdóttir", "70-346", date(2016, 12, 1), CredentialKind.EXAM),
            },
        ),
        (
            "utf8_bom_semicolon_dotted.csv",
            {
                ("2000001", "Jürgen Weiß", "70-533", date(2017, 11, 25), CredentialKind.EXAM),
                ("2000002", "Anna Schmidt", "70-534", date(2017, 4, 3), CredentialKind.EXAM),
            },
        ),
        (
            "excel_unicode_le_tab_mdy.txt",
            {
                ("3000001", "Łukasz Nowak", "70-533", date(2017, 11, 25), CredentialKind.EXAM),
                ("3000002", "Chen Wei 陈伟", "70-535", date(2017, 3, 4), CredentialKind.EXAM),
            },
        ),
        (
            "utf16be_tab_dmy.txt",
            {
                ("3100001", "Åsa Lind", "70-533", date(2017, 11, 25), CredentialKind.EXAM),
                ("3100002", "Ola Nordmann", "70-535", date(2017, 4, 3), CredentialKind.EXAM),
            },
        ),
        (
            "legacy_cp1252_semicolon_datetime.csv",
            {
                ("4000001", "François Müller", "70-533", date(2017, 11, 25), CredentialKind.EXAM),
                ("4000002", "Renée Dupré – Sales", "70-346", date(2017, 4, 3), CredentialKind.EXAM),
            },
        ),
        (
            "partner_center_training_details.csv",
            {
                ("5000001", "Ana Ruiz", "70-533", date(2017, 11, 25), CredentialKind.EXAM),
                (
                    "5000002",
                    "Bo Chen",
                    "TA-CLOUD-PLATFORM",
                    date(2017, 10, 2),
                    CredentialKind.ASSESSMENT,
                ),
                (
                    "5000003",
                    "Cy Dee",
                    "MCSA-LINUX-AZURE",
                    date(2017, 9, 15),
                    CredentialKind.CERTIFICATION,
                ),
            },
        ),
    ],
)
def test_fixture_files_import_as_written(
    db: Database, lookup: CatalogLookup, name: str, expected: set[tuple[object, ...]]
) -> None:
    result = import_file(db, lookup, FIXTURES / name)
    assert result.errors == ()
    assert result.summary == f"{len(expected)} added, 0 duplicates, 0 errors"
    assert result.committed and result.batch_id is not None
    assert stored_exams(db) == expected


def test_partner_center_extra_columns_are_listed_once(db: Database, lookup: CatalogLookup) -> None:
    result = import_file(db, lookup, FIXTURES / "partner_center_training_details.csv")
    assert result.ignored_columns == ("PartnerName", "Month")


def test_reimporting_the_same_file_adds_nothing(db: Database, lookup: CatalogLookup) -> None:
    path = FIXTURES / "utf8_comma_iso.csv"
    first = import_file(db, lookup, path)
    again = import_file(db, lookup, path)
    assert again.summary == "0 added, 3 duplicates, 0 errors"
    assert not again.committed and again.change is None
    assert count(db, models.ExamResult) == 3
    assert count(db, models.ImportBatch) == 1
    assert first.people_added == 3 and again.people_added == 0


def test_duplicates_earlier_in_the_file_and_in_the_database(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    import_file(
        db, lookup, write_csv(tmp_path / "a.csv", [["111", "Ana", "70-533", "", "2017-01-02", ""]])
    )
    path = write_csv(
        tmp_path / "b.csv",
        [
            ["111", "Ana", " exam 70-533 ", "", "2017-01-02", ""],  # in the database already
            ["111", "Ana", "70-532", "", "2017-01-02", ""],
            ["111", "Ana", "70-532", "", "01/02/2017", ""],  # same day, written another way
            ["222", "Bo", "70-532", "", "2017-01-02", ""],
        ],
    )
    result = import_file(db, lookup, path, date_format="MDY")
    assert result.summary == "2 added, 2 duplicates, 0 errors"
    assert count(db, models.ExamResult) == 3


def test_of_two_equal_records_in_a_file_the_earlier_line_is_kept(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    rows = [
        ["333", "Cy", "70-534", "Second title", "2017-05-06", ""],
        ["111", "Ana", "70-533", "Zeta title", "2017-01-02", ""],
        ["111", "Ana", "70-533", "Alpha title", "2017-01-02", ""],
        ["111", "Ana", "70-532", "", "2016-01-02", ""],
    ]
    result = import_file(db, lookup, write_csv(tmp_path / "twice.csv", rows))
    assert result.summary == "3 added, 1 duplicate, 0 errors"
    with db.session(readonly=True) as session:
        titles = set(
            session.scalars(
                select(models.ExamResult.exam_title).where(models.ExamResult.exam_code == "70-533")
            )
        )
    assert titles == {"Zeta title"}  # not the one that sorts first


@pytest.mark.sqlite_only  # SQLite's limit of parameters per statement
def test_equal_records_in_different_statements_and_batches_keep_the_earlier_line(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    # An SQLite built with few parameters per statement (999 before 3.32): here
    # 10 rows per INSERT, so the file's rows span many statements and two batches.
    def few_parameters(connection: sqlite3.Connection, _record: object) -> None:
        connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 60)

    db.engine.dispose()
    event.listen(db.engine, "connect", few_parameters)
    with db.session(readonly=True) as session:
        driver = session.connection().connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        assert driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) == 60
    rows = [[str(1000000 + i), f"P {i}", "70-533", "First", "2017-01-02", ""] for i in range(2500)]
    rows.insert(5, [str(1000000 + 3), "P 3", "70-533", "Second", "2017-01-02", ""])  # line 7
    rows.append([str(1000000 + 4), "P 4", "70-533", "Later", "2017-01-02", ""])  # next batch
    result = import_file(db, lookup, write_csv(tmp_path / "many.csv", rows))
    assert result.summary == "2,500 added, 2 duplicates, 0 errors"
    with db.session(readonly=True) as session:
        titles = set(session.scalars(select(models.ExamResult.exam_title)))
        stored = session.scalar(select(func.count()).select_from(models.ExamResult))
    assert (titles, stored) == ({"First"}, 2500)


def test_a_valid_part_of_a_wrong_line_is_remembered_a_wrong_part_never(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "parts.csv",
        [
            ["111", "Ana", "70-533", "", "2019-01-01", ""],  # the date is wrong, the rest fine
            ["111", "Ana", "70-533", "", "2017-01-02", ""],
            ["111", "Ana", "70-533", "", "2019-01-01", ""],  # still wrong
            ["111", "Ana", "70-533", "", "2017-01-03", "course"],  # the kind is wrong
            ["111", "Ana", "70-533", "", "2017-01-03", ""],
            ["11x", "Ana", "70-533", "", "2017-01-03", ""],
        ],
    )
    result = import_file(db, lookup, path)
    assert [str(problem) for problem in result.errors] == [
        "line 2, date passed: '2019-01-01' is in the future",
        "line 4, date passed: '2019-01-01' is in the future",
        "line 5, kind: 'course' is not exam, assessment or certification",
        "line 7, MCP ID: '11x' is not an MCP ID (digits only)",
    ]
    assert result.new_records == 2


def test_any_error_writes_nothing_and_every_error_is_listed_by_line_and_field(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "bad.csv",
        [
            ["111", "Ana", "70-533", "", "2017-01-02", ""],
            ["", "Bo", "70-533", "", "2017-01-02", ""],
            ["12a", "Cy", "70-533", "", "2017-02-30", ""],
            ["333", "Di", "70-533", "", "2019-01-01", "course"],
            ["444", "Ed", "", "Architecting Microsoft Azure Solutions", "2017-01-02", ""],
            ["555", "Fi", "", "Basket Weaving", "2017-01-02", ""],
            ["666", "Gu", "", "", "2017-01-02", ""],
        ],
    )
    result = import_file(db, lookup, path)
    messages = [str(problem) for problem in result.errors]
    assert messages == [
        "line 3, MCP ID: missing",
        "line 4, MCP ID: '12a' is not an MCP ID (digits only)",
        "line 4, date passed: '2017-02-30' is not a real date",
        "line 5, date passed: '2019-01-01' is in the future",
        "line 5, kind: 'course' is not exam, assessment or certification",
        "line 6, exam title: no exam code given, and 'Architecting Microsoft Azure Solutions' "
        "fits several: 70-534, 70-535",
        "line 7, exam title: no exam code given, and the catalogue has no 'Basket Weaving'",
        "line 8, exam code: missing (and no exam title to look it up by)",
    ]
    assert result.summary == "0 added, 0 duplicates, 8 errors"
    assert not result.committed
    assert count(db, models.ExamResult) == 0
    assert count(db, models.Person) == 0
    assert count(db, models.ImportBatch) == 0


def test_errors_name_the_line_a_multiline_record_starts_on(
    db: Database, lookup: CatalogLookup
) -> None:
    result = import_file(db, lookup, FIXTURES / "embedded_newlines.csv")
    assert [str(problem) for problem in result.errors] == [
        "line 7, MCP ID: 'not-an-id' is not an MCP ID (digits only)"
    ]
    assert count(db, models.ExamResult) == 0


def test_an_error_on_the_last_row_of_a_large_file_writes_nothing(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    rows = [[str(1000000 + i), f"P {i}", "70-533", "", "2017-01-02", ""] for i in range(6000)]
    rows.append(["oops", "Last", "70-533", "", "2017-01-02", ""])
    result = import_file(db, lookup, write_csv(tmp_path / "big.csv", rows))
    assert [str(p) for p in result.errors] == [
        "line 6002, MCP ID: 'oops' is not an MCP ID (digits only)"
    ]
    assert result.new_records == 6000  # what it would have added
    assert count(db, models.ExamResult) == 0
    assert count(db, models.Person) == 0


def test_dry_run_counts_but_writes_nothing(db: Database, lookup: CatalogLookup) -> None:
    result = import_file(db, lookup, FIXTURES / "utf8_comma_iso.csv", dry_run=True)
    # Before: "3 added", above "Dry run: nothing was written."
    assert result.summary == "3 to add, 0 duplicates, 0 errors"
    assert result.dry_run and not result.committed
    assert count(db, models.ExamResult) == 0
    assert count(db, models.ImportBatch) == 0


def test_the_import_is_one_batch_and_undoes_as_a_whole(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    import_file(
        db, lookup, write_csv(tmp_path / "a.csv", [["111", "Ana", "70-533", "", "2017-01-02", ""]])
    )
    path = write_csv(
        tmp_path / "b.csv",
        [
            ["111", "Ana", "70-346", "", "2017-05-06", ""],
            ["222", "Bo", "70-532", "", "2017-01-02", ""],
        ],
    )
    result = import_file(db, lookup, path)
    assert result.change is not None
    assert result.change.touches(RecordKind.EXAM, RecordKind.PERSON, RecordKind.IMPORT_BATCH)
    with db.session(readonly=True) as session:
        batch = session.get(models.ImportBatch, result.batch_id)
        assert batch is not None
        assert (batch.file_name, batch.added_count, batch.people_added_count) == ("b.csv", 2, 1)
        assert len(batch.sha256) == 64
    remove_import(db, result.batch_id or 0)
    assert {row[:3] for row in stored_exams(db)} == {("111", "Ana", "70-533")}
    assert count(db, models.Person) == 1


def test_another_name_for_a_known_mcp_id_is_reported_not_overwritten(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    import_file(
        db,
        lookup,
        write_csv(tmp_path / "a.csv", [["111", "Ana Ruiz", "70-533", "", "2017-01-02", ""]]),
    )
    path = write_csv(
        tmp_path / "b.csv",
        [
            ["111", "ana  ruiz", "70-532", "", "2017-01-02", ""],  # same name, other spelling
            ["111", "Ana Gómez", "70-534", "", "2017-01-02", ""],
            ["222", "Bo Chen", "70-534", "", "2017-01-02", ""],
            ["222", "Robert Chen", "70-535", "", "2017-01-02", ""],
        ],
    )
    result = import_file(db, lookup, path)
    assert result.warnings == [
        "line 3: MCP ID 111 is 'Ana Ruiz', not 'Ana Gómez' as this line says; the name was kept",
        "line 5: MCP ID 222 is 'Bo Chen', not 'Robert Chen' as this line says; the name was kept",
    ]
    assert {row[:2] for row in stored_exams(db)} == {("111", "Ana Ruiz"), ("222", "Bo Chen")}


def test_another_name_is_reported_in_the_chosen_language(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    from mpn_desktop.domain.vocabulary import use_language

    import_file(
        db,
        lookup,
        write_csv(tmp_path / "a.csv", [["111", "Ana Ruiz", "70-533", "", "2017-01-02", ""]]),
    )
    path = write_csv(tmp_path / "b.csv", [["111", "Ana Gómez", "70-534", "", "2017-01-02", ""]])
    use_language("de")
    try:
        result = import_file(db, lookup, path)
    finally:
        use_language("en")
    assert result.warnings == [
        "Zeile 2: MCP-ID 111 ist 'Ana Ruiz', nicht 'Ana Gómez', wie diese Zeile sagt; "
        "der Name wurde behalten"
    ]


def test_unknown_codes_are_kept_and_reported(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "u.csv",
        [
            ["111", "Ana", "98-365", "Windows Server Fundamentals", "2017-01-02", ""],
            ["222", "Bo", "98-365", "", "2017-01-03", ""],
            ["222", "Bo", "70-533", "", "2017-01-03", ""],
        ],
    )
    result = import_file(db, lookup, path)
    assert result.summary == "3 added, 0 duplicates, 0 errors"
    assert result.unknown_code_line == (
        "2 records have codes the catalogue does not know (counted toward nothing): 98-365 (2)"
    )
    assert ("111", "Ana", "98-365", date(2017, 1, 2), CredentialKind.EXAM) in stored_exams(db)


def test_formula_looking_text_is_stored_as_plain_text(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "f.csv",
        [
            ["111", '=HYPERLINK("http://evil.example","x")', "70-533", "", "2017-01-02", ""],
            ["222", "'=1+2", "70-533", "", "2017-01-02", ""],  # as our own CSV files write it
            ["333", "@SUM(A1)", "70-533", "", "2017-01-02", ""],
        ],
    )
    import_file(db, lookup, path)
    assert {row[1] for row in stored_exams(db)} == {
        '=HYPERLINK("http://evil.example","x")',
        "=1+2",
        "@SUM(A1)",
    }


def test_ambiguous_dates_need_a_date_format(db: Database, lookup: CatalogLookup) -> None:
    path = FIXTURES / "ambiguous_dates.csv"
    with pytest.raises(OptionError, match=r"line 2: '03/04/2017'.*--date-format MDY"):
        plan_import(path)
    import_file(db, lookup, path, date_format="DMY")
    assert {row[3] for row in stored_exams(db)} == {date(2017, 4, 3), date(2017, 6, 5)}


def test_a_date_against_the_column_order_is_an_error_of_its_row(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "mixed.csv",
        [
            ["111", "Ana", "70-533", "", "11/25/2017", ""],
            ["222", "Bo", "70-533", "", "25/11/2017", ""],
        ],
    )
    result = import_file(db, lookup, path)
    assert [str(p) for p in result.errors] == [
        "line 3, date passed: '25/11/2017' is not a real date read month-first as the column is"
    ]


def test_progress_is_reported_and_cancel_writes_nothing(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    rows = many_people()
    path = write_csv(tmp_path / "big.csv", rows)
    settings = plan_import(path).settings
    seen: list[float] = []
    result = run_import(db, ExamImport(lookup), path, settings, today=TODAY, progress=seen.append)
    assert result.new_records == 9000
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 2

    other = write_csv(tmp_path / "other.csv", [[r[0], r[1], "70-532", "", r[4], ""] for r in rows])
    with pytest.raises(ImportCancelled, match="nothing was written"):
        run_import(db, ExamImport(lookup), other, settings, today=TODAY, cancel=cancel_at_ask(2))
    assert count(db, models.ExamResult) == 9000
    assert count(db, models.ImportBatch) == 1


def test_short_records_and_errors_in_several_batches_are_each_reported_once(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    # 5,000 records: more than two batches; new people, codes and days keep coming.
    rows = [
        [
            str(1000000 + i % 700),
            f"P {i % 700}",
            f"70-{500 + i % 37}",
            "",
            f"2017-01-{1 + i % 28}",
            "",
        ]
        for i in range(5000)
    ]
    rows[10] = [str(1000000 + 10)]  # a short record: only its MCP ID
    rows[2500] = [str(1000000 + 2500 % 700), "P 400", "70-533", "", "2017-13-01", ""]
    rows[4999] = ["x", "Last", "", "", "", ""]
    path = write_csv(tmp_path / "several.csv", rows)
    result = import_file(db, lookup, path)
    assert [str(problem) for problem in result.errors] == [
        "line 12: 1 field where the header has 6",
        "line 12, exam code: missing (and no exam title to look it up by)",
        "line 12, date passed: missing",
        "line 2502, date passed: '2017-13-01' is not a real date",
        "line 5001, MCP ID: 'x' is not an MCP ID (digits only)",
        "line 5001, exam code: missing (and no exam title to look it up by)",
        "line 5001, date passed: missing",
    ]
    assert result.records_read == 5000
    valid = [i for i in range(5000) if i not in (10, 2500, 4999)]
    known = {532, 533, 534, 535}  # of 70-500 to 70-536, the codes the small catalogue has
    assert sum(result.unknown_codes.values()) == sum(500 + i % 37 not in known for i in valid)
    assert len(result.unknown_codes) == 37 - len(known)
    assert result.new_records + result.duplicates == len(valid)
    assert count(db, models.ExamResult) == 0


@pytest.mark.sqlite_only  # SQLite's page cache
def test_an_import_writes_with_a_sized_page_cache_and_gives_the_connection_its_own_back(
    db: Database, lookup: CatalogLookup, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mpn_desktop.store import exam_writing as writing
    from mpn_desktop.store.engine import BULK_WRITE_CACHE_MIN_KIB

    def pragma(connection: Connection, name: str) -> int:
        return int(connection.exec_driver_sql(f"PRAGMA {name}").scalar_one())

    seen: list[tuple[int, int]] = []
    add = writing.ExamWriter.add

    def spying_add(self: writing.ExamWriter, rows: ExamColumns) -> None:
        connection = self._connection
        seen.append((pragma(connection, "cache_size"), pragma(connection, "temp_store")))
        add(self, rows)

    monkeypatch.setattr(writing.ExamWriter, "add", spying_add)
    with db.session(readonly=True) as session:
        default = pragma(session.connection(), "cache_size")
    result = import_file(db, lookup, FIXTURES / "utf8_comma_iso.csv")
    assert result.committed
    again = import_file(db, lookup, FIXTURES / "utf8_comma_iso.csv")
    assert again.summary == "0 added, 3 duplicates, 0 errors"
    # 1 = FILE: the first import sorts its rows for the key in temporary files; 2 = MEMORY:
    # the statement journals of a later import's multi-row INSERTs never go to a file.
    assert seen == [
        (-writing._APPENDING_CACHE_KIB, 1),  # the first import: the table only grows at its end
        (-BULK_WRITE_CACHE_MIN_KIB, 2),  # a small file into a small database
    ]
    with db.session(readonly=True) as session:
        assert pragma(session.connection(), "cache_size") == default

"""A first import builds the exam records' unique key after its insert: same results, key kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from importer_helpers import TODAY, cancel_at_ask, import_file, many_people, write_csv
from sqlalchemy import func, inspect, select

from mpn_desktop.errors import StoreError
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.importing import ImportCancelled, run_import
from mpn_desktop.importers.kinds import ExamImport
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.store import exam_keys, models
from mpn_desktop.store.database import Database
from mpn_desktop.store.import_transaction import BatchCounts, BatchInfo, import_transaction

KEY = "uq_exam_results_person_id_exam_code_passed_on"


def unique_keys(db: Database) -> list[tuple[str, list[str]]]:
    """The unique indexes of exam_results, as the database reports them."""
    with db.engine.connect() as connection:
        return [
            (str(index["name"]), [str(column) for column in index["column_names"]])
            for index in inspect(connection).get_indexes("exam_results")
            if index["unique"]
        ]


def titles(db: Database) -> list[tuple[str, str]]:
    with db.session(readonly=True) as session:
        rows = session.execute(
            select(models.ExamResult.exam_code, models.ExamResult.exam_title).order_by(
                models.ExamResult.id
            )
        )
        return [(code, title) for code, title in rows]


def exam_count(db: Database) -> int:
    with db.session(readonly=True) as session:
        return session.scalar(select(func.count()).select_from(models.ExamResult)) or 0


@pytest.mark.parametrize("keys_fit", [True, False], ids=["keys", "window-function"])
def test_a_first_import_counts_every_later_copy_keeps_the_first_and_has_the_key(
    db: Database,
    lookup: CatalogLookup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    keys_fit: bool,
) -> None:
    if not keys_fit:  # no room for the keys: SQLite finds the later copies itself
        monkeypatch.setattr(exam_keys, "ROWS_KEPT", 0)
    # Which way the later copies were found: the keys are asked only where they all fit.
    asked_keys: list[int] = []
    real_later_copies = exam_keys.ExamKeys.later_copies

    def later_copies(keys: exam_keys.ExamKeys, exact: exam_keys.ExactKeys) -> list[int]:
        found = real_later_copies(keys, exact)
        asked_keys.append(len(found))
        return found

    monkeypatch.setattr(exam_keys.ExamKeys, "later_copies", later_copies)
    # 6,000 records (several batches); one record three times, far apart, one twice.
    rows = [[str(1000000 + i), f"P {i}", "70-533", "", "2017-01-02", ""] for i in range(6000)]
    rows[10][3] = "First"
    rows.insert(3000, [str(1000010), "P 10", "70-533", "Second", "01/02/2017", ""])
    rows.append([str(1000010), "P 10", "70-533", "Third", "2017-01-02", ""])
    rows.append([str(1000020), "P 20", "70-533", "Again", "2017-01-02", ""])
    result = import_file(db, lookup, write_csv(tmp_path / "first.csv", rows), date_format="MDY")
    assert result.summary == "6,000 added, 3 duplicates, 0 errors"
    # PostgreSQL keeps its key throughout: nothing to find there.
    assert asked_keys == ([3] if keys_fit and db.url.startswith("sqlite") else [])
    assert exam_count(db) == 6000
    kept = titles(db)
    assert kept[10] == ("70-533", "First")
    assert {title for _code, title in kept} == {"", "First"}
    assert unique_keys(db) == [(KEY, ["person_id", "exam_code", "passed_on"])]
    # The key then skips what a second import brings again, as before.
    again = import_file(db, lookup, write_csv(tmp_path / "again.csv", rows[:5]))
    assert again.summary == "0 added, 5 duplicates, 0 errors"
    assert exam_count(db) == 6000


def test_a_first_import_without_copies_adds_all(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    rows = [["111", "Ana", "70-533", "", "2017-01-02", ""], ["111", "Ana", "70-532", "", "", ""]]
    rows[1][4] = "2017-01-03"
    result = import_file(db, lookup, write_csv(tmp_path / "two.csv", rows))
    assert result.summary == "2 added, 0 duplicates, 0 errors"
    assert unique_keys(db) == [(KEY, ["person_id", "exam_code", "passed_on"])]


def test_a_first_import_that_is_not_kept_leaves_the_key_and_no_record(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    rows = many_people()
    path = write_csv(tmp_path / "big.csv", rows)
    dry = import_file(db, lookup, path, dry_run=True)
    assert dry.summary == "9,000 to add, 0 duplicates, 0 errors"
    assert unique_keys(db) == [(KEY, ["person_id", "exam_code", "passed_on"])]

    bad = write_csv(tmp_path / "bad.csv", [*rows, ["x", "P", "70-533", "", "2017-01-02", ""]])
    failed = import_file(db, lookup, bad)
    assert not failed.committed and failed.errors
    assert unique_keys(db) == [(KEY, ["person_id", "exam_code", "passed_on"])]

    with pytest.raises(ImportCancelled, match="nothing was written"):
        run_import(
            db,
            ExamImport(lookup),
            path,
            plan_import(path).settings,
            today=TODAY,
            cancel=cancel_at_ask(2),
        )
    assert exam_count(db) == 0
    assert unique_keys(db) == [(KEY, ["person_id", "exam_code", "passed_on"])]


def test_an_import_is_not_kept_before_its_exam_writer_has_finished(db: Database) -> None:
    info = BatchInfo("exams", "exam-file", "f.csv")
    with (
        pytest.raises(StoreError, match="before its exam writer had finished"),
        import_transaction(db, info) as transaction,
    ):
        transaction.exams()
        transaction.keep(BatchCounts())
    assert unique_keys(db) == [(KEY, ["person_id", "exam_code", "passed_on"])]

"""Each exam record is stored with its own kind, whether its batch holds one kind or several.

A batch of one kind has the kind written in the INSERT statement (a parameter
fewer per row); a batch of several binds each row's. Batches are
``importing.BATCH_ROWS`` records: the files below hold batches of each shape.
"""

from __future__ import annotations

from pathlib import Path

from importer_helpers import import_file, stored_exams, write_csv

from mpn_desktop.domain.enums import CredentialKind
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.importing import BATCH_ROWS
from mpn_desktop.store.database import Database

WORDS = {
    CredentialKind.EXAM: "Exam",
    CredentialKind.ASSESSMENT: "Technical Assessment",
    CredentialKind.CERTIFICATION: "Microsoft Certification",
}
MIXED = [CredentialKind.EXAM, CredentialKind.CERTIFICATION, CredentialKind.ASSESSMENT]


def records(first: int, kinds: list[CredentialKind]) -> list[list[str]]:
    """One record a person from MCP ID ``first`` on, of each kind in ``kinds`` in turn."""
    return [
        [str(first + i), f"P {first + i}", "70-533", "", "2017-01-02", WORDS[kind]]
        for i, kind in enumerate(kinds)
    ]


def expected(rows: list[list[str]]) -> dict[str, CredentialKind]:
    by_word = {word: kind for kind, word in WORDS.items()}
    return {row[0]: by_word[row[5]] for row in rows}


def kinds_stored(db: Database) -> dict[str, CredentialKind]:
    return {mcp_id: kind for mcp_id, _name, _code, _day, kind in stored_exams(db)}


def test_one_kind_and_mixed_batches_store_each_records_kind(
    db: Database, lookup: CatalogLookup, tmp_path: Path
) -> None:
    # Batch 1: certifications alone; batch 2: the three kinds in turn; batch 3: assessments.
    rows = records(1_000_000, [CredentialKind.CERTIFICATION] * BATCH_ROWS)
    rows += records(2_000_000, [MIXED[i % 3] for i in range(BATCH_ROWS)])
    rows += records(3_000_000, [CredentialKind.ASSESSMENT] * 10)
    result = import_file(db, lookup, write_csv(tmp_path / "first.csv", rows))
    assert result.summary == f"{len(rows):,} added, 0 duplicates, 0 errors"
    assert kinds_stored(db) == expected(rows)

    # A later import (the unique key in place, duplicates skipped by the insert itself):
    # a batch of exams alone, then a mixed one, each after a record stored already.
    later = [rows[0], *records(4_000_000, [CredentialKind.EXAM] * (BATCH_ROWS - 1))]
    later += [rows[1], *records(5_000_000, [MIXED[i % 3] for i in range(7)])]
    again = import_file(db, lookup, write_csv(tmp_path / "later.csv", later))
    assert again.summary == f"{len(later) - 2:,} added, 2 duplicates, 0 errors"
    assert kinds_stored(db) == expected(rows + later)

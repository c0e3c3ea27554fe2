"""An import records the SHA-256 of the bytes it read, working it out as it reads them: the
file is read once (before, ``file_sha256`` read all of it a second time: 0.08 s for the
benchmark's 1M-row exam file)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from importer_helpers import import_file, write_csv

from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.importers.reading import RecordReader
from mpn_desktop.store import models
from mpn_desktop.store.database import Database


def _rows(count: int) -> list[list[str]]:
    return [
        [str(1_000_000 + n), f"Person {n}", "70-533", "", "2017-01-02", ""] for n in range(count)
    ]


@pytest.mark.parametrize("count", [1, 40_000])
def test_the_batch_keeps_the_hash_of_the_file_read_once(
    db: Database,
    lookup: CatalogLookup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    count: int,
) -> None:
    # 40,000 records: several of the reader's blocks (1 MiB each).
    path = write_csv(tmp_path / "exams.csv", _rows(count))
    expected = hashlib.sha256(path.read_bytes()).hexdigest()
    opened = Path.open

    def open_once_more(self: Path, *args: object, **kwargs: object) -> object:
        assert self != path, "the file is read by the import's reader alone"
        return opened(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", open_once_more)
    result = import_file(db, lookup, path)
    assert result.sha256 == expected
    with db.session(readonly=True) as session:
        batch = session.get(models.ImportBatch, result.batch_id)
        assert batch is not None and batch.sha256 == result.sha256


def test_a_hash_is_refused_before_the_file_was_read_to_its_end(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "exams.csv", _rows(40_000))  # more than one block
    settings = plan_import(path).settings
    with RecordReader(path, settings.format, hashed=True) as reader:
        next(iter(reader))
        with pytest.raises(ValueError, match="read all of it"):
            reader.sha256()
    with RecordReader(path, settings.format) as reader:
        list(reader)
        with pytest.raises(ValueError):
            reader.sha256()

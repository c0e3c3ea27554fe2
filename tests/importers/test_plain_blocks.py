"""Blocks that quote nothing are split without csv: the same records, lines and errors as csv's."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mpn_desktop.errors import ImportFailed
from mpn_desktop.importers import reading
from mpn_desktop.importers.reading import CsvFormat, RecordReader


def _by_csv(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """The non-blank records of ``text`` and the line each starts on, read by csv alone."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    found = []
    consumed = 0
    for fields in reader:
        start, consumed = consumed + 1, reader.line_num
        if any(fields):
            found.append((start, fields))
    return found


def _batched(path: Path, delimiter: str, size: int) -> object:
    """The records ``batches`` gives (as pairs), or the message of its error."""
    try:
        with RecordReader(path, CsvFormat("utf-8", delimiter)) as reader:
            return [record for batch in reader.batches(size) for record in batch]
    except ImportFailed as error:
        return str(error)


@pytest.fixture
def small_cells() -> Iterator[None]:
    """csv's longest cell made 8 characters for one test (it is process-wide)."""
    before = csv.field_size_limit(8)
    try:
        yield
    finally:
        csv.field_size_limit(before)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(alphabet='ab;,"\n\r \té\u2028', max_size=160),
    chunk=st.integers(1, 12),
    size=st.integers(1, 5),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
@example(text='a,b\r\nc,"d\r\ne"\nf,g\r', chunk=3, size=2, delimiter=",")
@example(text="a,b\r\n\r\n,\nc\rd,e", chunk=4, size=1, delimiter=",")
def test_blocks_of_any_size_read_as_csv_reads_the_whole_file(
    text: str, chunk: int, size: int, delimiter: str, tmp_path: Path
) -> None:
    # Blocks with and without quotes in any order, a quoted line break across a
    # block's end, CR, LF and CR LF cut anywhere, blank lines, line separators
    # that are text: every record and its line as csv reads the whole file.
    path = tmp_path / "any.csv"
    path.write_bytes(text.encode("utf-8"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading, "_CHUNK", chunk)
        batched = _batched(path, delimiter, size)
    try:
        with RecordReader(path, CsvFormat("utf-8", delimiter)) as reader:
            by_csv: object = list(reader.numbered())  # csv's records, or its refusal
    except ImportFailed as error:
        by_csv = str(error)
    assert batched == by_csv
    if not isinstance(by_csv, str):
        assert by_csv == _by_csv(text, delimiter)


def test_blocks_without_quotes_are_split_without_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "_CHUNK", 64)
    path = tmp_path / "plain.csv"
    lines = ["MCP ID,Exam Code", *(f"{1000000 + i},70-533" for i in range(40))]
    lines[20] = '1000019,"70-533"'  # one block goes through csv
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    with RecordReader(path, CsvFormat("utf-8", ",")) as reader:
        records = [record for batch in reader.batches(7) for record in batch]
        split = reader._split_lines
    assert records == _by_csv(path.read_text(encoding="utf-8"), ",")
    assert 0 < split < len(lines)


def test_a_cell_longer_than_csv_allows_fails_as_csv_fails(
    tmp_path: Path, small_cells: None
) -> None:
    path = tmp_path / "long.csv"
    path.write_text("a,b\n1,2\n3,123456789\n", encoding="utf-8")
    with pytest.raises(csv.Error, match="field larger than field limit"):
        _by_csv(path.read_text(encoding="utf-8"), ",")
    batched = _batched(path, ",", 2)
    assert isinstance(batched, str)
    assert "not a well-formed CSV record (field larger than field limit (8))" in batched


def test_a_block_longer_than_the_cell_limit_with_short_lines_is_read(
    tmp_path: Path, small_cells: None
) -> None:
    text = "".join(f"{i},{i + 1}\n" for i in range(100))
    path = tmp_path / "short_lines.csv"
    path.write_text(text, encoding="utf-8")
    assert _batched(path, ",", 30) == _by_csv(text, ",")


def test_a_control_character_after_a_block_is_named_by_its_line_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The rest of a block's last line is read with it: a control character there
    # is named where it is in the line, not in the rest.
    monkeypatch.setattr(reading, "_CHUNK", 10)
    path = tmp_path / "late.csv"
    path.write_text("a,b\nJosé,70-53\x07\nc,d\n", encoding="utf-8")
    batched = _batched(path, ",", 5)
    assert isinstance(batched, str)
    assert "line 2, column 11: holds the control character \\x07" in batched

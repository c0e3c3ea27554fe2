"""Reading files as people have them: encodings, delimiters, quoted newlines, unusable files."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from importer_helpers import FIXTURES

from mpn_desktop.errors import ImportFailed
from mpn_desktop.importers import reading
from mpn_desktop.importers.reading import (
    CsvFormat,
    OptionError,
    RecordReader,
    check_delimiter,
    check_encoding,
    detect_encoding,
    preview,
)


@pytest.mark.parametrize(
    ("name", "encoding", "delimiter", "first_name"),
    [
        ("utf8_comma_iso.csv", "utf-8", ",", "José Núñez"),
        ("utf8_bom_semicolon_dotted.csv", "utf-8-sig", ";", "Jürgen"),
        ("excel_unicode_le_tab_mdy.txt", "utf-16", "\t", "Łukasz Nowak"),
        ("utf16be_tab_dmy.txt", "utf-16", "\t", "Åsa Lind"),
        ("legacy_cp1252_semicolon_datetime.csv", "cp1252", ";", "François Müller"),
    ],
)
def test_encoding_and_delimiter_are_detected(
    name: str, encoding: str, delimiter: str, first_name: str
) -> None:
    seen = preview(FIXTURES / name)
    assert seen.format == CsvFormat(encoding, delimiter)
    assert seen.encoding_detected and seen.delimiter_detected
    assert seen.header.line == 1
    # The byte order mark is not part of the first header name.
    assert seen.header.fields[0] in ("MCP ID", "MCPID")
    assert first_name in seen.records[0].fields
    assert seen.records[0].line == 2


def test_utf8_is_chosen_only_when_the_whole_file_is_utf8(tmp_path: Path) -> None:
    path = tmp_path / "late_accent.csv"
    lines = ["MCP ID,Full Name,Exam Code,Date Passed"]
    lines += [f"{1000000 + i},Person {i},70-533,2017-11-25" for i in range(5000)]
    lines.append("1999999,Renée Müller,70-533,2017-11-25")
    path.write_bytes("\n".join(lines).encode("cp1252"))
    assert detect_encoding(path) == "cp1252"
    assert "Renée Müller" in {
        record.fields[1] for record in RecordReader(path, preview(path).format)
    }


def test_given_encoding_and_delimiter_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "pipe.csv"
    path.write_text("MCP ID|Exam Code|Date Passed\n1234567|70-533|2017-11-25\n", encoding="utf-8")
    seen = preview(path, encoding="latin-1", delimiter="|")
    assert seen.format == CsvFormat("latin-1", "|")
    assert not seen.encoding_detected and not seen.delimiter_detected
    assert seen.records[0].fields == ["1234567", "70-533", "2017-11-25"]


@pytest.mark.parametrize("encoding", ["utf-16", "UTF16", "utf-32"])
def test_utf16_or_32_named_without_byte_order_needs_the_mark(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "no_bom.csv"
    text = "MCP ID,Exam Code,Date Passed\n1234567,70-533,2017-11-25\n"
    path.write_bytes(text.encode("utf-16-le"))
    with pytest.raises(ImportFailed, match="does not start with a byte order mark") as refused:
        preview(path, encoding=encoding)
    assert str(path) in str(refused.value) and "-le" in str(refused.value)
    marked = tmp_path / "bom.csv"
    marked.write_bytes(codecs.BOM_UTF16_LE + path.read_bytes())
    assert preview(marked, encoding="utf-16").records[0].fields[1] == "70-533"
    assert preview(path, encoding="utf-16-le").records[0].fields[1] == "70-533"


def test_quoted_fields_keep_newlines_and_delimiters_and_lines_are_where_records_start() -> None:
    path = FIXTURES / "embedded_newlines.csv"
    with RecordReader(path, preview(path).format) as reader:
        records = list(reader)
    assert [record.line for record in records] == [1, 2, 4, 7]
    assert records[1].fields[1] == "Ruiz, Ana"
    assert records[1].fields[3] == (
        'Implementing Microsoft Azure\nInfrastructure Solutions, part "one"'
    )
    assert records[2].fields[3] == "two\nline\ntitle"


def test_blank_lines_are_skipped_but_counted(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_text("a,b\r\n\r\n,\r\n1,2\r\n", encoding="utf-8")
    with RecordReader(path, CsvFormat("utf-8", ",")) as reader:
        assert [(r.line, r.fields) for r in reader] == [(1, ["a", "b"]), (4, ["1", "2"])]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("empty.csv", "is empty"),
        ("header_only.csv", "header line but no records"),
        ("binary.png", "looks binary"),
        ("not_csv.txt", "does not look like a CSV file"),
    ],
)
def test_unusable_files_are_refused_with_the_file_named(name: str, words: str) -> None:
    with pytest.raises(ImportFailed) as raised:
        preview(FIXTURES / name)
    assert words in str(raised.value)
    assert name in str(raised.value)


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="no such file"):
        preview(tmp_path / "nowhere.csv")


def test_bad_bytes_for_a_given_encoding_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"MCP ID,Exam Code\n1,70-533\n2,\xff\xfe\n")
    with (
        RecordReader(path, CsvFormat("utf-8", ",")) as reader,
        pytest.raises(ImportFailed, match=r"line 3: bytes that are not utf-8"),
    ):
        list(reader)


def test_utf16_without_bom_is_called_binary_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "nobom.txt"
    path.write_bytes("MCP ID\tExam Code\r\n1\t70-533\r\n".encode("utf-16-le"))
    with pytest.raises(ImportFailed, match="--encoding utf-16-le"):
        preview(path)
    assert preview(path, encoding="utf-16-le").records[0].fields == ["1", "70-533"]


def test_excel_bom_decides_over_content(tmp_path: Path) -> None:
    path = tmp_path / "be.txt"
    path.write_bytes(codecs.BOM_UTF16_BE + "a\tb\r\n1\t2\r\n".encode("utf-16-be"))
    assert detect_encoding(path) == "utf-16"


@pytest.mark.parametrize(("given", "expected"), [("tab", "\t"), ("\\t", "\t"), (";", ";")])
def test_delimiter_option_names(given: str, expected: str) -> None:
    assert check_delimiter(given) == expected


def test_bad_options_are_usage_errors() -> None:
    with pytest.raises(OptionError, match="--delimiter"):
        check_delimiter(",,")
    with pytest.raises(OptionError, match="--encoding: 'klingon'"):
        check_encoding("klingon")
    with pytest.raises(OptionError, match="not a text encoding"):
        check_encoding("base64")


def test_records_leaving_off_empty_last_cells_are_still_csv(tmp_path: Path) -> None:
    path = tmp_path / "hand_made.csv"
    lines = ["MCP ID,Full Name,Exam Code,Date Passed,Notes"]
    lines += [f"{1000000 + i},Person {i},70-533,2017-11-25" for i in range(30)]
    lines.append("1999999,Ana Ruiz,70-532,2017-11-26,passed on the second try")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen = preview(path)
    assert seen.format == CsvFormat("utf-8", ",")
    assert seen.records[0].fields == ["1000000", "Person 0", "70-533", "2017-11-25"]


def _read_all(read: Callable[[RecordReader], list[tuple[int, list[str]]]], path: Path) -> object:
    """What a way of reading gives for a file: its records, or the message of its error."""
    try:
        with RecordReader(path, CsvFormat("utf-8", ",")) as reader:
            return read(reader)
    except ImportFailed as error:
        return str(error)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(alphabet='ab,"\n\r \x1b', max_size=80),
    size=st.integers(1, 4),
)
def test_batches_read_the_records_and_lines_numbered_reads(
    text: str, size: int, tmp_path: Path
) -> None:
    # Quoted line breaks (LF, CR, CR LF), blank lines, unclosed quotes and control
    # characters: the batches give each record the line numbered gives it, or the same error.
    path = tmp_path / "any.csv"
    path.write_bytes(text.encode("utf-8"))
    one_by_one = _read_all(lambda reader: list(reader.numbered()), path)
    batched = _read_all(
        lambda reader: [record for batch in reader.batches(size) for record in batch], path
    )
    assert batched == one_by_one


def test_a_control_character_is_named_by_its_line_in_a_later_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "_CHUNK", 64)
    path = tmp_path / "late.csv"
    lines = ["MCP ID,Exam Code", *(f"{1000000 + i},70-533" for i in range(40))]
    lines[37] = "1000036,70-5\x0733"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    with (
        RecordReader(path, CsvFormat("utf-8", ",")) as reader,
        pytest.raises(ImportFailed, match=r"line 38, column 13: holds the control character \\x07"),
    ):
        for _batch in reader.batches(3):
            pass


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(alphabet='ab,"\n\r \x1bé\u2028', max_size=120),
    chunk=st.integers(1, 9),
)
def test_blocks_of_any_size_read_as_one_block(text: str, chunk: int, tmp_path: Path) -> None:
    # Blocks split anywhere (between CR and LF, inside a record, by a control character,
    # plain ASCII or not): the records, their lines and any error are those of the whole file.
    path = tmp_path / "blocks.csv"
    path.write_bytes(text.encode("utf-8"))
    whole = _read_all(lambda reader: list(reader.numbered()), path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading, "_CHUNK", chunk)
        in_blocks = _read_all(lambda reader: list(reader.numbered()), path)
    assert in_blocks == whole


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    pieces=st.lists(
        st.sampled_from(
            [b"a", b",", b"\n", "é".encode(), "陈".encode(), b"\xff", b"\xc3", b"\xa9"]
        ),
        max_size=40,
    ),
    chunk=st.integers(1, 5),
)
@example(pieces=[b"\xc3", b"a", b"\xa9"], chunk=1)  # a character cut by an ASCII chunk
def test_utf8_is_detected_exactly_when_the_whole_file_is_utf8(
    pieces: list[bytes], chunk: int, tmp_path: Path
) -> None:
    # Read in chunks of a few bytes (ASCII ones are not decoded): a character cut
    # between two chunks, or a bad byte in any chunk, decides as decoding it whole does.
    data = b"x," + b"".join(pieces)
    path = tmp_path / "chunks.csv"
    path.write_bytes(data)
    try:
        data.decode("utf-8")
        whole_is_utf8 = True
    except UnicodeDecodeError:
        whole_is_utf8 = False
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading, "_SAMPLE_BYTES", chunk)
        patch.setattr(reading, "_CHUNK", chunk)
        try:
            detected = detect_encoding(path)
        except ImportFailed:
            detected = "refused"
    assert (detected == "utf-8") == whole_is_utf8

"""Reading a CSV file as it is: its encoding, its delimiter, and its records with line numbers."""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import IO, NamedTuple

from mpn_desktop.errors import ImportFailed, ValidationError

DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
FALLBACK_ENCODING = "cp1252"

_CHUNK = 1 << 20
_SAMPLE_BYTES = 64 * 1024
_SAMPLE_LINES = 50
PREVIEW_RECORDS = 20
# C0 control characters never found in a text export (tab, CR, LF and form feed can be).
_CONTROL = frozenset(chr(c) for c in range(32)) - {"\t", "\r", "\n", "\f"}


class OptionError(ValidationError):
    """An option given for the import does not fit (a usage error: exit code 2)."""


class Record(NamedTuple):
    """One CSV record: the physical line it starts on and its fields."""

    line: int
    fields: list[str]


@dataclass(frozen=True, slots=True)
class CsvFormat:
    """How to read a file: a Python codec name and a one-character delimiter."""

    encoding: str
    delimiter: str

    def describe(self) -> str:
        """E.g. ``utf-8, semicolon-separated``, for messages and the wizard."""
        name = DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))
        return f"{self.encoding}, {name}-separated"


def detect_encoding(path: Path) -> str:
    """The codec of a file: by its byte order mark, else UTF-8 if every byte fits, else cp1252.

    Raises ImportFailed for an empty file and for one that looks binary.
    """
    with _open_binary(path) as stream:
        head = stream.read(_SAMPLE_BYTES)
        if not head.strip():
            raise ImportFailed(f"{path}: the file is empty")
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # "utf-16" reads the byte order mark and drops it, as Excel's "Unicode text" needs.
            return "utf-16"
        if b"\x00" in head:
            raise ImportFailed(
                f"{path}: the file looks binary, not like text (it contains NUL bytes); "
                "if it is UTF-16 text without a byte order mark, read it as UTF-16 "
                "little-endian (--encoding utf-16-le)"
            )
        # The whole file must be valid UTF-8 for UTF-8 to be right: legacy files
        # often have their first accented name thousands of lines in.
        decoder = codecs.getincrementaldecoder("utf-8")()
        chunk = head
        try:
            while chunk:
                decoder.decode(chunk)
                chunk = stream.read(_CHUNK)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return FALLBACK_ENCODING
        return "utf-8"


def detect_delimiter(path: Path, encoding: str) -> str:
    """The delimiter that splits the first lines into the most columns, the same number in each.

    Raises ImportFailed when none of comma, semicolon and tab splits the header.
    """
    sample, lines, cut = _text_sample(path, encoding)
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        try:
            rows = [row for row in csv.reader(io.StringIO(sample), delimiter=delimiter) if row]
        except csv.Error:
            continue
        if len(rows) > 1 and cut:
            rows.pop()  # the sample may have cut the last record short
        if not rows or len(rows[0]) < 2:
            continue
        # The width most records share: a hand-made file may leave off empty
        # last cells, so records narrower than the header still count as CSV.
        records = rows[1:] or rows
        width, times = Counter(map(len, records)).most_common(1)[0]
        if width < 2:
            continue
        score = (times / len(records), width)
        if score > best_score:
            best, best_score = delimiter, score
    if best_score[1] < 2 or best_score[0] < 0.5:
        first = next((line for line in lines if line.strip()), "").strip()
        raise ImportFailed(
            f"{path}: this does not look like a CSV file: no comma, semicolon or tab "
            f"splits its first lines into the same columns (first line: {_shorten(first)!r})"
        )
    return best


def check_encoding(name: str) -> str:
    """The codec's canonical name; raises OptionError when Python has no such text encoding."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise OptionError(f"--encoding: {name!r} is not an encoding Python knows") from None
    if not getattr(info, "_is_text_encoding", True):
        raise OptionError(f"--encoding: {name!r} is not a text encoding")
    return info.name


_MARKED = {
    "utf-16": (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE),
    "utf-32": (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE),
}


def _require_byte_order_mark(path: Path, encoding: str) -> None:
    """UTF-16 and UTF-32 without LE/BE read the byte order from the mark: it must be there."""
    marks = _MARKED.get(codecs.lookup(encoding).name)
    if marks is None:
        return
    with _open_binary(path) as stream:
        head = stream.read(4)
    if not head.startswith(marks):
        raise ImportFailed(
            f"{path}: the file does not start with a byte order mark, so {encoding} cannot "
            f"tell its byte order; choose {encoding}-le (as Windows writes it) or {encoding}-be"
        )


def check_delimiter(text: str) -> str:
    """One character; ``tab``, ``comma`` and ``semicolon`` and ``\\t`` are accepted by name."""
    named = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}
    delimiter = named.get(text.lower(), text)
    if len(delimiter) != 1 or delimiter in '\r\n"':
        raise OptionError(f"--delimiter: {text!r} is not one character (use e.g. ',', ';' or tab)")
    return delimiter


def sniff_format(
    path: Path, encoding: str | None = None, delimiter: str | None = None
) -> CsvFormat:
    """The file's format: what is given is kept, the rest is detected."""
    if encoding is None:
        encoding = detect_encoding(path)
    else:
        _require_byte_order_mark(path, encoding)
    if delimiter is None:
        delimiter = detect_delimiter(path, encoding)
    return CsvFormat(encoding, delimiter)


@dataclass(frozen=True, slots=True)
class Preview:
    """What the first step of an import shows: the format, the header and the first records."""

    path: Path
    format: CsvFormat
    header: Record
    records: tuple[Record, ...]
    encoding_detected: bool
    delimiter_detected: bool


def preview(
    path: Path,
    encoding: str | None = None,
    delimiter: str | None = None,
    rows: int = PREVIEW_RECORDS,
) -> Preview:
    """Reads the format, the header line and the first ``rows`` records of a file.

    Raises ImportFailed for a file that is empty, only a header, binary or not CSV.
    """
    fmt = sniff_format(path, encoding, delimiter)
    with RecordReader(path, fmt) as reader:
        records = iter(reader)
        header = next(records, None)
        if header is None:
            raise ImportFailed(f"{path}: the file is empty")
        check_text(path, header)
        first = tuple(islice(records, rows))
    if not first:
        raise ImportFailed(f"{path}: the file has a header line but no records")
    for record in first:
        check_text(path, record)
    return Preview(path, fmt, header, first, encoding is None, delimiter is None)


class RecordReader:
    """Streams a CSV file's non-blank records with the line each starts on.

    Use as a context manager; reading errors (bad bytes for the encoding, a
    malformed record) become ImportFailed naming the file and the line.
    """

    def __init__(self, path: Path, fmt: CsvFormat) -> None:
        self.path = path
        self.format = fmt
        self._binary = _open_binary(path)
        self.size = max(1, path.stat().st_size)
        self._text = io.TextIOWrapper(
            self._binary, encoding=fmt.encoding, errors="strict", newline=""
        )
        self._reader = csv.reader(self._text, delimiter=fmt.delimiter)

    def __enter__(self) -> RecordReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Closes the file."""
        self._text.close()

    def fraction_read(self) -> float:
        """How far through the file the reading is, from 0 to 1 (for progress bars)."""
        return min(1.0, self._binary.tell() / self.size)

    def __iter__(self) -> Iterator[Record]:
        return map(Record._make, self.numbered())

    def numbered(self) -> Iterator[tuple[int, list[str]]]:
        """The records as ``(line, fields)`` pairs (what ``Record`` holds, without making one)."""
        reader = self._reader
        consumed = reader.line_num
        try:
            for fields in reader:
                start, consumed = consumed + 1, reader.line_num
                # A blank line reads as [], a line of bare delimiters as empty fields.
                if fields and (fields[0] or any(fields)):
                    yield start, fields
        except UnicodeDecodeError as error:
            line = line_of_bad_bytes(self.path, self.format.encoding)
            raise ImportFailed(
                f"{self.path}: line {line}: bytes that are not "
                f"{self.format.encoding} text ({error.reason}); "
                "choose the file's encoding (--encoding)"
            ) from None
        except csv.Error as error:
            raise ImportFailed(
                f"{self.path}: line {consumed + 1}: not a well-formed CSV record ({error})"
            ) from None


def line_of_bad_bytes(path: Path, encoding: str) -> int:
    """The line holding the first bytes that are not text in ``encoding``."""
    decoder = codecs.getincrementaldecoder(encoding)()
    line = 1
    with _open_binary(path) as stream:
        while chunk := stream.read(_SAMPLE_BYTES):
            state = decoder.getstate()
            try:
                line += decoder.decode(chunk).count("\n")
                continue
            except UnicodeDecodeError:
                decoder.setstate(state)
            # Byte by byte through the chunk with the error, to find where it is.
            for index in range(len(chunk)):
                try:
                    line += decoder.decode(chunk[index : index + 1]).count("\n")
                except UnicodeDecodeError:
                    return line
    return line


def check_text(path: Path, record: Record) -> None:
    """Raises ImportFailed when a record holds control characters no text export has."""
    for value in record.fields:
        if not _CONTROL.isdisjoint(value):
            raise ImportFailed(
                f"{path}: line {record.line}: the file looks binary, not like text "
                "(it contains control characters)"
            )


def _open_binary(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise ImportFailed(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ImportFailed(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise ImportFailed(f"{path}: cannot be read ({error.strerror})") from None


def _text_sample(path: Path, encoding: str) -> tuple[str, list[str], bool]:
    """The first lines of the file as text, and whether that cut the file short."""
    with _open_binary(path) as binary:
        raw = binary.read(_SAMPLE_BYTES)
        cut = bool(binary.read(1))
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    lines = decoder.decode(raw, final=not cut).splitlines(keepends=True)
    cut = cut or len(lines) > _SAMPLE_LINES
    lines = lines[:_SAMPLE_LINES]
    return "".join(lines), lines, cut


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

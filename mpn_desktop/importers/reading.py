"""Reading a CSV file as it is: its encoding, its delimiter, and its records with line numbers."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import chain, compress, dropwhile, islice, repeat
from operator import itemgetter
from pathlib import Path
from types import TracebackType
from typing import IO, Any, NamedTuple

from mpn_desktop.domain.vocabulary import N_, _, ngettext
from mpn_desktop.domain.wording import number
from mpn_desktop.errors import ImportFailed, ValidationError
from mpn_desktop.input_files import open_input, problem_of
from mpn_desktop.shown import quoted, shown_path, visible

DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": N_("comma"), ";": N_("semicolon"), "\t": N_("tab")}
FALLBACK_ENCODING = "cp1252"
MAC_ENCODING = "mac-roman"

_CHUNK = 1 << 20
_SAMPLE_BYTES = 64 * 1024
_SAMPLE_LINES = 50
PREVIEW_RECORDS = 20
# C0 and C1 control characters and DEL, which no text export holds (tab, CR and LF
# are CSV's own). Stored, they would clear or retitle the terminal `status` prints to.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
_BAD_LINES_SHOWN = 5
# Codecs Python calls text encodings that are not character sets of a file:
# they fail on ordinary text with errors of their own (IDNA labels, Punycode digits).
_NOT_FILE_ENCODINGS = frozenset(
    {
        "idna",
        "punycode",
        "undefined",
        "unicode-escape",
        "raw-unicode-escape",
        "unicode_escape",
        "raw_unicode_escape",
    }
)


class OptionError(ValidationError):
    """An option given for the import does not fit (a usage error: exit code 2)."""


class Record(NamedTuple):
    """One CSV record: the physical line it starts on and its fields."""

    line: int
    fields: list[str]


@dataclass(frozen=True, slots=True)
class RecordBatch:
    """Records read at once, as two columns: the line each starts on, and its fields.

    Iterating gives ``(line, fields)`` pairs, as ``RecordReader.numbered`` does;
    a validator reading the columns makes no pair per record.
    """

    lines: Sequence[int]
    """Usually a ``range`` (one line per record)."""
    records: list[list[str]]

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        return zip(self.lines, self.records, strict=True)

    def after_first(self) -> RecordBatch:
        """The batch without its first record (a header line)."""
        return RecordBatch(self.lines[1:], self.records[1:])


@dataclass(frozen=True, slots=True)
class CsvFormat:
    """How to read a file: a Python codec name, a one-character delimiter, and the line its
    header is on (the records starting above it are not read: a sheet's title, Excel's
    ``sep=`` line)."""

    encoding: str
    delimiter: str
    header_line: int = 1
    declared: str = ""
    """The delimiter X of a line 1 ``sep=X`` (Excel's, no record); "" when there is none."""

    def describe(self) -> str:
        """E.g. ``utf-8, semicolon-separated``, for messages and the wizard."""
        return _("{encoding}, {delimiter}-separated").format(
            encoding=self.encoding, delimiter=_named_delimiter(self.delimiter)
        )

    @property
    def first_line(self) -> int:
        """The first line that may be the header: 2 below a ``sep=`` line, else 1."""
        return 2 if self.declared else 1

    def skipped(self) -> list[str]:
        """What is not read above the header, in sentences (none when nothing is)."""
        said = []
        if self.declared:
            # Named as the format names it: "sep=\t" would show a tab as two characters.
            # The line's own, which a delimiter the user chose may differ from.
            name = _named_delimiter(self.declared)
            said.append(_("Line 1 (sep=) names the delimiter: {name}.").format(name=name))
        above = self.header_line - self.first_line
        if above > 0:
            lines = (
                _("line {first}").format(first=self.first_line)
                if above == 1
                else _("lines {first}-{last}").format(
                    first=self.first_line, last=self.header_line - 1
                )
            )
            said.append(
                _("The header is on line {line}; {lines} skipped.").format(
                    line=self.header_line, lines=lines
                )
            )
        return said


def _named_delimiter(delimiter: str) -> str:
    """A delimiter's name (``semicolon``), or the character quoted (``'|'``)."""
    name = DELIMITER_NAMES.get(delimiter)
    return _(name) if name is not None else repr(delimiter)


def detect_encoding(path: Path) -> str:
    """The codec of a file: by its byte order mark, else UTF-8 if every byte fits, else cp1252
    (Mac Roman for lines ending in CR alone, as Excel for Mac's "CSV (Macintosh)" writes).

    Raises ImportFailed for an empty file and for one that looks binary.
    """
    with _open_binary(path) as stream:
        head = _read(stream, path, _SAMPLE_BYTES)
        if not head.strip():
            raise ImportFailed(_("{path}: the file is empty").format(path=path))
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # "utf-16" reads the byte order mark and drops it, as Excel's "Unicode text" needs.
            return "utf-16"
        if b"\x00" in head:
            raise ImportFailed(
                _(
                    "{path}: the file looks binary, not like text (it contains NUL bytes); "
                    "if it is UTF-16 text without a byte order mark, read it as UTF-16 "
                    "little-endian (--encoding utf-16-le)"
                ).format(path=path)
            )
        # The whole file must be valid UTF-8 for UTF-8 to be right: legacy files
        # often have their first accented name thousands of lines in.
        decoder = codecs.getincrementaldecoder("utf-8")()
        chunk = head
        try:
            while chunk:
                # ASCII is UTF-8: only a chunk with other bytes (or after a chunk
                # ending inside a character) needs decoding (no text made of most files).
                if not (chunk.isascii() and not decoder.getstate()[0]):
                    decoder.decode(chunk)
                chunk = _read(stream, path, _CHUNK)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            _refuse_mostly_utf8(path)
            # Windows never ends lines with CR alone; classic Mac OS did, in Mac Roman
            # (read as cp1252, "José" would become "JosŽ").
            return MAC_ENCODING if b"\r" in head and b"\n" not in head else FALLBACK_ENCODING
        return "utf-8"


_ESCAPED = re.compile(r"[\udc80-\udcff]")  # bytes surrogateescape could not decode
_WIDE = re.compile(r"[^\x00-\x7f\udc80-\udcff]")  # characters UTF-8 wrote in several bytes


def _refuse_mostly_utf8(path: Path) -> None:
    """Raises ImportFailed naming the lines of bad bytes in a file that is mostly UTF-8.

    cp1252 is right for a file written in it throughout: then nearly every
    non-ASCII byte is not UTF-8. A UTF-8 file with a few bytes pasted in from
    elsewhere must not be read whole as cp1252 ("José" would become "JosÃ©").
    """
    decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
    wide = bad = 0
    lines = _LineCount()
    bad_lines: list[int] = []
    with _open_binary(path) as stream:
        while True:
            chunk = _read(stream, path, _CHUNK)
            text = decoder.decode(chunk, final=not chunk)
            wide += len(_WIDE.findall(text))
            counted = 0
            for found in _ESCAPED.finditer(text):
                bad += 1
                lines.add(text, counted, found.start())
                counted = found.start()
                if not bad_lines or bad_lines[-1] != lines.line:
                    bad_lines.append(lines.line)
            lines.add(text, counted, len(text))
            if not chunk:
                break
    if wide <= bad:
        return  # cp1252 (or another one-byte code page) throughout
    shown = ", ".join(map(str, bad_lines[:_BAD_LINES_SHOWN]))
    more = len(bad_lines) - _BAD_LINES_SHOWN
    if more > 0:
        shown = _("{lines} and {more} more").format(lines=shown, more=number(more))
    raise ImportFailed(
        ngettext(
            "{path}: the file is UTF-8 text except for {count} byte on {lines} that are "
            "not UTF-8 (pasted from another program?); correct those lines, or choose "
            "the file's encoding (--encoding) if it is not UTF-8",
            "{path}: the file is UTF-8 text except for {count} bytes on {lines} that are "
            "not UTF-8 (pasted from another program?); correct those lines, or choose "
            "the file's encoding (--encoding) if it is not UTF-8",
            bad,
        ).format(
            path=shown_path(path),
            count=number(bad),
            lines=ngettext("line {lines}", "lines {lines}", len(bad_lines)).format(lines=shown),
        )
    )


def detect_delimiter(path: Path, encoding: str) -> str:
    """The delimiter that splits the first lines into the most columns, the same number in each;
    when none does, the one splitting the header into the most named columns; else the one
    splitting the lines after a first line of one cell (a title above the header) alike.

    Raises ImportFailed for a file of blank lines, and when none of comma,
    semicolon and tab splits the header into two named columns or the lines after it.
    """
    sample, lines, cut = _text_sample(path, encoding)
    if not sample.strip():  # a byte order mark, blank lines: nothing csv reads
        raise ImportFailed(_("{path}: the file is empty").format(path=path))
    best, best_score = ",", (0.0, 0)
    titled, titled_score = ",", (0.0, 0)
    named: list[tuple[int, str]] = []
    for delimiter in DELIMITERS:
        try:
            # newline="": lines end at CR, LF or CR LF, as the records are read
            # (a Mac's CR-only file is lines, not one line).
            text = io.StringIO(sample, newline="")
            rows = [row for row in csv.reader(text, delimiter=delimiter) if row]
        except csv.Error:
            continue
        if not rows:
            continue
        named.append((sum(1 for cell in rows[0] if cell.strip()), delimiter))
        if len(rows) > 1 and cut:
            rows.pop()  # the sample may have cut the last record short
        # The width most records share: a hand-made file may leave off empty
        # last cells, so records narrower than the header still count as CSV.
        records = rows[1:] or rows
        width, times = Counter(map(len, records)).most_common(1)[0]
        if width < 2:
            continue
        score = (times / len(records), width)
        if len(rows[0]) >= 2:
            if score > best_score:
                best, best_score = delimiter, score
        elif score > titled_score:
            titled, titled_score = delimiter, score
    if _splits(best_score):
        return best
    # The records fit no delimiter, but the header names columns: records too
    # short (or of varying width) are the import's to name, line by line, as
    # it names a short record further on.
    names, delimiter = max(named, key=itemgetter(0), default=(0, ","))
    if names >= 2:
        return delimiter
    if _splits(titled_score):
        return titled  # the import names the header line below the title
    first = next((line for line in lines if line.strip()), "").strip()
    raise ImportFailed(
        _(
            "{path}: this does not look like a CSV file: no comma, semicolon or tab "
            "splits its first lines into the same columns (first line: {first})"
        ).format(path=path, first=repr(_shorten(first)))
    )


def _splits(score: tuple[float, int]) -> bool:
    """Whether a delimiter's score (the share of records of the width most share, and that
    width) says it splits the records: into two columns or more, half of them alike."""
    return score[1] >= 2 and score[0] >= 0.5


def check_encoding(name: str) -> str:
    """The codec's canonical name; raises OptionError when Python has no such text encoding."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise OptionError(
            _("--encoding: {name} is not an encoding Python knows").format(name=quoted(name))
        ) from None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_FILE_ENCODINGS:
        raise OptionError(_("--encoding: {name} is not a text encoding").format(name=quoted(name)))
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
            _(
                "{path}: the file does not start with a byte order mark, so {encoding} cannot "
                "tell its byte order; choose {encoding}-le (as Windows writes it) or "
                "{encoding}-be"
            ).format(path=path, encoding=encoding)
        )


def check_delimiter(text: str) -> str:
    """One character; ``tab``, ``comma`` and ``semicolon`` and ``\\t`` are accepted by name."""
    named = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}
    delimiter = named.get(text.lower(), text)
    if len(delimiter) != 1 or delimiter in '\r\n"':
        raise OptionError(
            _("--delimiter: {text} is not one character (use e.g. ',', ';' or tab)").format(
                text=quoted(text)
            )
        )
    return delimiter


def sniff_format(
    path: Path,
    encoding: str | None = None,
    delimiter: str | None = None,
    header_line: int | None = None,
) -> CsvFormat:
    """The file's format: what is given is kept, the rest is detected.

    A first line ``sep=X`` (Excel writes it, and reads the file with X as its
    delimiter) names the delimiter unless one is given, and is never a record.
    The header is on ``header_line``, else on the first line after it.
    """
    if encoding is None:
        encoding = detect_encoding(path)
    else:
        _require_byte_order_mark(path, encoding)
    declared = declared_delimiter(path, encoding)
    if delimiter is None:
        delimiter = declared or detect_delimiter(path, encoding)
    fmt = CsvFormat(encoding, delimiter, declared=declared or "")
    return replace(fmt, header_line=max(fmt.first_line, header_line or 1))


_SEP_LINE = re.compile(r"sep=(.)", re.IGNORECASE)


def declared_delimiter(path: Path, encoding: str) -> str | None:
    """The delimiter a first line ``sep=X`` names (as Excel writes it), else None."""
    _sample, lines, _cut = _text_sample(path, encoding)
    if not lines:
        return None
    found = _SEP_LINE.fullmatch(lines[0].rstrip("\r\n"))
    if found is None or found.group(1) in '\r\n"':
        return None
    return found.group(1)


@dataclass(frozen=True, slots=True)
class Preview:
    """What the first step of an import shows: the format, the header and the first records."""

    path: Path
    format: CsvFormat
    header: Record
    records: tuple[Record, ...]
    encoding_detected: bool
    delimiter_detected: bool
    above: tuple[Record, ...] = ()
    """The records between the ``sep=`` line (if any) and the header (a sheet's title)."""


def preview(
    path: Path,
    encoding: str | None = None,
    delimiter: str | None = None,
    rows: int = PREVIEW_RECORDS,
    header_line: int | None = None,
) -> Preview:
    """Reads the format, the header line and the first ``rows`` records of a file.

    The header is the first record starting on ``header_line`` or below it
    (by default the first record, after a ``sep=`` line).
    Raises ImportFailed for a file that is empty, only a header, binary or not CSV.
    """
    fmt = sniff_format(path, encoding, delimiter, header_line)
    above: list[Record] = []
    # Read from the first line, to show what is above the header.
    with RecordReader(path, replace(fmt, header_line=fmt.first_line)) as reader:
        records = iter(reader)
        header = next(records, None)
        while header is not None and header.line < fmt.header_line:
            if len(above) < _SAMPLE_LINES:
                above.append(header)
            header = next(records, None)
        if header is None:
            if above:
                raise ImportFailed(
                    _("{path}: the file has no records from line {line} on").format(
                        path=path, line=fmt.header_line
                    )
                )
            raise ImportFailed(_("{path}: the file is empty").format(path=path))
        first = tuple(islice(records, rows))
    if not first:
        raise ImportFailed(_("{path}: the file has a header line but no records").format(path=path))
    fmt = replace(fmt, header_line=header.line)
    return Preview(path, fmt, header, first, encoding is None, delimiter is None, tuple(above))


_HASHED_READ = 1 << 16
"""Bytes a hashed reader's text takes per read: 64 KiB read the 1M-row exam file for 0.99-1.00x
the CPU of reading it and hashing it apart (1 MiB reads, 1.01x)."""


class _HashedFile(io.BufferedIOBase):
    """A file's bytes as they are read, each added to a SHA-256 on the way: the file is read
    once for its records and its hash (hashing it apart read its bytes a second time)."""

    def __init__(self, binary: IO[bytes]) -> None:
        super().__init__()
        self._binary = binary
        self.digest = hashlib.sha256()
        self.at_end = False
        """Whether a read met the end of the file (the digest is then the whole file's)."""

    @property
    def name(self) -> object:
        return self._binary.name

    def readable(self) -> bool:
        return True

    def read1(self, size: int | None = -1) -> bytes:
        data = self._binary.read(-1 if size is None else size)
        if data:
            self.digest.update(data)
        elif size != 0:
            self.at_end = True
        return data

    read = read1

    def fileno(self) -> int:
        return self._binary.fileno()

    def tell(self) -> int:
        return self._binary.tell()

    def close(self) -> None:
        self._binary.close()
        super().close()


class RecordReader:
    """Streams a CSV file's non-blank records with the line each starts on.

    Use as a context manager; reading errors (bad bytes for the encoding, a
    malformed record, a control character anywhere in the file) become
    ImportFailed naming the file and the line. With ``hashed``, the file's
    SHA-256 is worked out from the bytes read (``sha256`` once all are read).
    """

    def __init__(self, path: Path, fmt: CsvFormat, *, hashed: bool = False) -> None:
        self.path = path
        self.format = fmt
        binary = _open_binary(path)
        self._hashed = _HashedFile(binary) if hashed else None
        self._binary: IO[bytes] | _HashedFile = binary if self._hashed is None else self._hashed
        opened = os.fstat(self._binary.fileno())
        self._opened = (opened.st_size, opened.st_mtime_ns)
        self.size = max(1, opened.st_size)
        # Either is a buffered binary file to TextIOWrapper (the stubs know only the first).
        buffer: Any = self._binary
        self._text = io.TextIOWrapper(buffer, encoding=fmt.encoding, errors="strict", newline="")
        if self._hashed is not None:
            # Its bytes taken _HASHED_READ at a time: at the default 8 KiB, the Python
            # call per read cost more than reading the file a second time had.
            self._text._CHUNK_SIZE = _HASHED_READ  # type: ignore[attr-defined]
        # The lines taken so far number the first line of each checked block.
        self._blocks = _checked_blocks(self._text, path, self._lines_taken)
        self._split_lines = 0
        """Lines whose records ``batches`` split itself (blocks that quote nothing)."""
        self._csv_fed = 0
        """Lines handed to csv, which it has read or is still to read."""
        self._handed: list[str] | None = None
        self._reader = csv.reader(chain.from_iterable(self._csv_blocks()), delimiter=fmt.delimiter)

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

    def sha256(self) -> str:
        """The SHA-256 of the file's bytes, read to its end (a reader made ``hashed``)."""
        hashed = self._hashed
        if hashed is None or not hashed.at_end:
            raise ValueError("the file's SHA-256 is known once a hashed reader read all of it")
        return hashed.digest.hexdigest()

    def check_unchanged(self) -> None:
        """Raises ImportFailed when the file was written to (or replaced) while it was read.

        What was read may then be half the old file and half the new one; an
        export still being written by another program is the usual cause.
        """
        try:
            now = os.fstat(self._binary.fileno())
            at_path = self.path.stat()
        except OSError:
            at_path = None
        same_file = at_path is not None and (at_path.st_ino, at_path.st_dev) == (
            now.st_ino,
            now.st_dev,
        )
        if not same_file or (now.st_size, now.st_mtime_ns) != self._opened:
            raise ImportFailed(
                _(
                    "{path}: the file changed while it was being read (is another program "
                    "still writing it?); nothing was imported. Import it again once it is "
                    "complete."
                ).format(path=shown_path(self.path))
            )

    def _refuse_unclosed_quote(self, first: int, last: int) -> None:
        """Raises ImportFailed when the last record runs to the end because a quote never closes.

        The csv module then reads the rest of the file as one cell, silently. A
        record of several lines is rare at the end of a file, so only then is
        the file read again, to count the quotes of that record's lines.
        """
        quotes = 0
        with (
            _open_binary(self.path) as binary,
            io.TextIOWrapper(binary, encoding=self.format.encoding, newline="") as text,
        ):
            for number, line in enumerate(text, start=1):
                if number >= first:
                    quotes += line.count('"')
                if number >= last:
                    break
        if quotes % 2:
            raise ImportFailed(
                _(
                    '{path}: line {first}: a quote (") opened in this record is never '
                    "closed, so lines {first} to {last} read as one record; close the quote "
                    '(or double a quote that is part of the text: "")'
                ).format(path=shown_path(self.path), first=first, last=last)
            )

    def fraction_read(self) -> float:
        """How far through the file the reading is, from 0 to 1 (for progress bars)."""
        return min(1.0, self._binary.tell() / self.size)

    def __iter__(self) -> Iterator[Record]:
        return map(Record._make, self.numbered())

    def numbered(self) -> Iterator[tuple[int, list[str]]]:
        """The records as ``(line, fields)`` pairs (what ``Record`` holds, without making one),
        from the header line on."""
        header_line = self.format.header_line
        if header_line <= 1:
            return self._numbered()
        return dropwhile(lambda record: record[0] < header_line, self._numbered())

    def _numbered(self) -> Iterator[tuple[int, list[str]]]:
        reader = self._reader
        split = self._split_lines
        consumed = start = self._lines_taken()
        with self._reading_errors(lambda: consumed):
            for fields in reader:
                start, consumed = consumed + 1, split + reader.line_num
                # A blank line reads as [], a line of bare delimiters as empty fields.
                if fields and (fields[0] or any(fields)):
                    yield start, fields
            if consumed > start:
                self._refuse_unclosed_quote(start, consumed)

    def batches(self, size: int) -> Iterator[RecordBatch]:
        """The records as ``numbered`` gives them, about ``size`` records at a time."""
        if self.format.header_line <= 1:
            return self._batches(size)
        return _from_line(self._batches(size), self.format.header_line)

    def _batches(self, size: int) -> Iterator[RecordBatch]:
        """The records from the first line on, about ``size`` records at a time.

        The same records and lines as ``numbered``, for a fraction of its cost
        per record. A checked block of lines that holds no quote, no cell longer
        than csv allows and no line separator of its own is split by
        ``str.split`` on the delimiter (csv would cut it into the same cells:
        without a quote, a record is one line and its cells are what the
        delimiters leave), three times as fast as csv; most exports quote
        nothing (TSV files, names and titles without a delimiter in them).
        Other blocks go through csv, ``size`` records at once: when they took
        as many lines as there are records (no record spans lines, the usual
        case) their lines are a range; a batch holding a record of several
        lines numbers each record by the line breaks inside its cells, which
        are the lines it took. A record csv reads past the end of a block
        takes the next blocks through csv too. Blank records are left out, so a
        batch may be shorter; none is empty.
        """
        reader = self._reader
        delimiter = self.format.delimiter
        consumed = last_start = self._lines_taken()
        with self._reading_errors(lambda: consumed):
            while True:
                unread = self._csv_fed - reader.line_num
                records: list[list[str]]
                lines: Sequence[int]
                if unread > 0:  # csv's records, up to the end of what it was handed
                    records = list(islice(reader, min(size, unread)))
                    if not records:
                        break
                    before, consumed = consumed, self._lines_taken()
                    if consumed - before == len(records):
                        lines = range(before + 1, consumed + 1)
                        last_start = consumed
                    else:
                        lines = _record_starts(before + 1, records)
                        last_start = lines[-1]
                    batch = _without_blank(lines, records)
                    if batch is not None:
                        yield batch
                    continue
                block = next(self._blocks, None)
                if block is None:
                    break
                split = block.plain_lines()
                if split is None:
                    self._hand_to_csv(block.lines())
                    continue
                self._split_lines += len(split)
                first, consumed = consumed + 1, self._lines_taken()
                last_start = consumed
                records = list(map(str.split, split, repeat(delimiter)))
                for start in range(0, len(records), size):
                    part = records[start : start + size]
                    batch = _without_blank(range(first + start, first + start + len(part)), part)
                    if batch is not None:
                        yield batch
            if consumed > last_start:
                self._refuse_unclosed_quote(last_start, consumed)

    def _lines_taken(self) -> int:
        """The lines read so far, split by ``batches`` or by csv."""
        return self._split_lines + self._reader.line_num

    def _hand_to_csv(self, lines: list[str]) -> None:
        """Gives csv the lines of a block to read next."""
        self._handed = lines
        self._csv_fed += len(lines)

    def _csv_blocks(self) -> Iterator[list[str]]:
        """The lines csv reads, a block at a time: the block handed to it, else the next one.

        csv asks for the next block when it has read every line it was handed
        and needs another: a record running on past the block's end (a quoted
        line break), or ``numbered`` reading the whole file through csv.
        """
        while True:
            lines = self._handed
            self._handed = None
            if lines is None:
                block = next(self._blocks, None)
                if block is None:
                    return
                lines = block.lines()
                self._csv_fed += len(lines)
            yield lines

    @contextmanager
    def _reading_errors(self, consumed: Callable[[], int]) -> Iterator[None]:
        """Turns what reading the file raises into ImportFailed naming the file (and line)."""
        try:
            yield
        except UnicodeDecodeError as error:
            line = line_of_bad_bytes(self.path, self.format.encoding)
            raise ImportFailed(
                _(
                    "{path}: line {line}: bytes that are not {encoding} text ({reason}); "
                    "choose the file's encoding (--encoding)"
                ).format(
                    path=self.path, line=line, encoding=self.format.encoding, reason=error.reason
                )
            ) from None
        except UnicodeError as error:
            # Not a decoding error proper: a codec that cannot read files at all.
            reason = visible(str(error))[:80]
            raise ImportFailed(_cannot_decode(self.path, self.format.encoding, reason)) from None
        except csv.Error as error:
            raise ImportFailed(
                _("{path}: line {line}: not a well-formed CSV record ({reason})").format(
                    path=self.path, line=consumed() + 1, reason=error
                )
            ) from None
        except OSError as error:
            raise ImportFailed(f"{shown_path(self.path)}: {problem_of(error)}") from None


_FIRST_FIELD = itemgetter(0)


def _from_line(batches: Iterator[RecordBatch], line: int) -> Iterator[RecordBatch]:
    """The batches without the records starting above ``line`` (the first batches only)."""
    for batch in batches:
        lines = batch.lines
        if lines[-1] < line:
            continue
        start = bisect_left(lines, line)
        yield RecordBatch(lines[start:], batch.records[start:]) if start else batch
        yield from batches
        return


def _record_starts(first: int, records: list[list[str]]) -> list[int]:
    """The line each record starts on, from ``first``: a record takes one line and one
    more for each line break inside its cells (csv keeps those of a quoted cell)."""
    starts = []
    line = first
    for fields in records:
        starts.append(line)
        line += 1
        for cell in fields:
            if "\n" in cell or "\r" in cell:
                line += _line_breaks(cell)
    return starts


def line_of_bad_bytes(path: Path, encoding: str) -> int:
    """The line holding the first bytes that are not text in ``encoding``."""
    decoder = codecs.getincrementaldecoder(encoding)()
    lines = _LineCount()
    with _open_binary(path) as stream:
        while chunk := stream.read(_SAMPLE_BYTES):
            state = decoder.getstate()
            try:
                lines.add(decoder.decode(chunk))
                continue
            except UnicodeDecodeError:
                decoder.setstate(state)
            # Byte by byte through the chunk with the error, to find where it is.
            for index in range(len(chunk)):
                try:
                    lines.add(decoder.decode(chunk[index : index + 1]))
                except UnicodeDecodeError:
                    return lines.line
    return lines.line


class _LineCount:
    """The line reached in text read piece by piece: lines end at LF, CR or CR LF, as the
    records are read (a CR-only file has lines too), even when a CR LF is cut between pieces.
    """

    def __init__(self) -> None:
        self.line = 1
        self._after_cr = False

    def add(self, text: str, start: int = 0, end: int | None = None) -> None:
        """Counts the line breaks of ``text[start:end]``, the text after the last counted."""
        end = len(text) if end is None else end
        if start >= end:
            return
        breaks = text.count("\n", start, end) + text.count("\r", start, end)
        breaks -= text.count("\r\n", start, end)
        if self._after_cr and text[start] == "\n":
            breaks -= 1  # the LF of a CR LF: the CR ended the line
        self.line += breaks
        self._after_cr = text[end - 1] == "\r"


class _Block(NamedTuple):
    """Whole lines of a file, checked: a block read at once and the rest of its last line.

    Kept in two pieces: the lines are split from the block as read, and the
    rest (one line at most) joined to them, instead of copying the block to
    add the rest to it (which took nearly as long as splitting the lines).
    """

    text: str
    rest: str
    """The rest of ``text``'s last line (from the next line break on: the next whole line)."""

    def lines(self) -> list[str]:
        """The lines with their line breaks, split on LF, CR and CR LF only, as a file object
        splits them.

        ``str.splitlines`` is several times faster than a StringIO, and splits
        on those alone once the control characters it also splits on (VT, FF,
        FS, GS, RS, NEL) were refused; only the Unicode line and paragraph
        separators, which are text here, need the StringIO.
        """
        text, rest = self
        if _has_text_separators(text) or _has_text_separators(rest):
            return list(io.StringIO(text + rest, newline=""))
        return _with_rest(text.splitlines(keepends=True), text, rest, rest)

    def plain_lines(self) -> list[str] | None:
        """The lines without their line breaks, when csv reads each line as the cells
        ``str.split`` cuts it into; else None.

        Without a quote, csv (its default dialect, as ``RecordReader`` reads)
        treats no character but the delimiter specially, so each line is one
        record; a line longer than csv's cell limit must still fail as csv
        fails, and a line or paragraph separator is text to csv, not a line break.
        """
        text, rest = self
        if '"' in text or '"' in rest or _has_text_separators(text) or _has_text_separators(rest):
            return None
        lines = _with_rest(text.splitlines(), text, rest, rest.rstrip("\r\n"))
        limit = csv.field_size_limit()
        if len(text) + len(rest) > limit and max(map(len, lines)) > limit:
            return None
        return lines


def _with_rest(lines: list[str], text: str, rest: str, rest_line: str) -> list[str]:
    """``lines`` split from ``text``, with the rest of its last line joined to them.

    ``rest_line`` is ``rest`` as the lines are kept (with its line break or without).
    """
    if not rest:
        return lines
    if text.endswith("\r") and rest == "\n":
        if rest_line:  # the LF of a CR LF cut in two: lines kept with their breaks
            lines[-1] += rest_line
    elif text.endswith(("\n", "\r")):
        lines.append(rest_line)
    else:
        lines[-1] += rest_line
    return lines


def _checked_blocks(text: IO[str], path: Path, lines_taken: Callable[[], int]) -> Iterator[_Block]:
    """The lines of ``text`` a block at a time, each block checked for control characters.

    The text is read a block at a time and searched at once (one scan over a
    megabyte), so every line of the file is checked, not only those of the
    preview, for nearly nothing per line. ``lines_taken`` says how many lines
    have been taken: all those of the earlier blocks when the next is read,
    so a control character's line is known without counting line breaks.
    """
    while block := text.read(_CHUNK):
        rest = text.readline()
        first = lines_taken() + 1
        _refuse_control(block, path, first)
        if rest and not _plain_ascii(rest) and _CONTROL.search(rest):
            _refuse_control(block + rest, path, first)  # its line and column in the block's
        yield _Block(block, rest)
        if len(block) < _CHUNK:
            # A short read met the end of the file: what another program appends
            # since is not read (``check_unchanged`` refuses the file).
            return


def _has_text_separators(checked: str) -> bool:
    return not checked.isascii() and ("\u2028" in checked or "\u2029" in checked)


def _without_blank(lines: Sequence[int], records: list[list[str]]) -> RecordBatch | None:
    """The batch of these records and their lines without the blank ones (None if all are)."""
    # A blank line reads as [], a line of bare delimiters as empty fields;
    # records with a first field (most) are neither, as is seen quickest.
    if not (all(records) and all(map(_FIRST_FIELD, records))):
        present = list(map(any, records))
        if not all(present):
            lines = list(compress(lines, present))
            records = list(compress(records, present))
    return RecordBatch(lines, records) if records else None


def _line_breaks(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")


_NOT_CONTROL = bytes(range(0x20, 0x7F)) + b"\t\n\r"
"""The ASCII bytes that are not control characters (tab, CR and LF are CSV's own)."""


def _plain_ascii(text: str) -> bool:
    """Whether ``text`` is ASCII without control characters (most exports' blocks).

    Checked by deleting every byte that is not a control character: four
    times quicker than the search.
    """
    return text.isascii() and not text.encode("ascii").translate(None, _NOT_CONTROL)


def _refuse_control(text: str, path: Path, first_line: int) -> None:
    if _plain_ascii(text):
        return
    found = _CONTROL.search(text)
    if found is None:
        return
    at = found.start()
    line_start = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
    line = first_line + _line_breaks(text[:line_start])
    code = ord(found.group())
    what = (
        _("a NUL character")
        if code == 0
        else _("the control character {code}").format(code=f"\\x{code:02x}")
    )
    hint = (
        _("; if the file was written on Windows, choose --encoding cp1252")
        if 0x80 <= code <= 0x9F
        else ""
    )
    raise ImportFailed(
        _(
            "{path}: line {line}, column {column}: holds {what}, which no text export holds "
            "(the file looks binary or damaged); nothing is imported{hint}"
        ).format(path=shown_path(path), line=line, column=at - line_start + 1, what=what, hint=hint)
    )


def _open_binary(path: Path) -> IO[bytes]:
    return open_input(path, error=ImportFailed)


def _read(stream: IO[bytes], path: Path, size: int) -> bytes:
    try:
        return stream.read(size)
    except OSError as error:
        raise ImportFailed(f"{shown_path(path)}: {problem_of(error)}") from None


def _text_sample(path: Path, encoding: str) -> tuple[str, list[str], bool]:
    """The first lines of the file as text, and whether that cut the file short."""
    with _open_binary(path) as binary:
        raw = _read(binary, path, _SAMPLE_BYTES)
        cut = bool(_read(binary, path, 1))
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        lines = decoder.decode(raw, final=not cut).splitlines(keepends=True)
    except UnicodeError as error:
        raise ImportFailed(
            _cannot_decode(shown_path(path), encoding, visible(str(error))[:80])
        ) from None
    cut = cut or len(lines) > _SAMPLE_LINES
    lines = lines[:_SAMPLE_LINES]
    return "".join(lines), lines, cut


def _cannot_decode(path: Path | str, encoding: str, reason: str) -> str:
    return _(
        "{path}: cannot be read as {encoding} ({reason}); choose the file's encoding (--encoding)"
    ).format(path=path, encoding=encoding, reason=reason)


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

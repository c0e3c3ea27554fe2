"""Checking one CSV record as an exam result: every problem with its line and field."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from itertools import compress, count
from operator import is_, itemgetter
from typing import Protocol, TypeVar, cast

from mpn_desktop.domain.enums import CredentialKind
from mpn_desktop.domain.identifiers import is_mcp_id
from mpn_desktop.domain.vocabulary import _, ngettext
from mpn_desktop.domain.wording import number
from mpn_desktop.importers.catalog_lookup import looks_like_exam_code
from mpn_desktop.importers.columns import ColumnMapping, Field
from mpn_desktop.importers.dates import DateOrder, DateProblem, parse_date
from mpn_desktop.importers.formulas import remove_csv_mark
from mpn_desktop.importers.reading import RecordBatch
from mpn_desktop.shown import quoted
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.import_rows import ExamCells, ExamColumns, ExamRow, PersonCells
from mpn_desktop.store.schema_fields import text_limit
from mpn_desktop.store.values import format_character

_LINE_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_SCIENTIFIC = re.compile(r"\d(?:[.,]\d+)?[eE]\+?\d+")
# The longest values the database keeps, read off its columns.
_LIMITS = {
    Field.NAME: text_limit(RecordKind.PERSON, "name"),
    Field.EMAIL: text_limit(RecordKind.PERSON, "email"),
    Field.EXAM_CODE: text_limit(RecordKind.EXAM, "exam_code"),
    Field.EXAM_TITLE: text_limit(RecordKind.EXAM, "exam_title"),
}
_TITLE_LIMIT = _LIMITS[Field.EXAM_TITLE]
_CACHE = 4096
K = TypeVar("K")
V = TypeVar("V")


class ExamCatalog(Protocol):
    """What validation asks the requirements catalogue."""

    def normalize_code(self, text: str) -> str:
        """An exam code as the catalogue writes it (case, spaces, a leading "Exam ")."""

    def kind_of(self, code: str) -> CredentialKind | None:
        """The kind of a (normalised) code the catalogue knows; None for an unknown code."""

    def codes_for_title(self, title: str) -> Sequence[str]:
        """The codes whose title is ``title`` (none, one, or several)."""


ValidRow = ExamRow
"""An exam result read from one record, ready to store (the store's ``ExamRow``)."""


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why one field of one record cannot be imported."""

    line: int
    field: str
    message: str

    @property
    def field_name(self) -> str:
        """The field as the chosen language names it ("MCP-ID"); a file's column as it is."""
        return _(self.field) if self.field in _EXAM_LABELS else self.field

    def __str__(self) -> str:
        """ "line 7, MCP ID: ..." in the chosen language ("line 7: ..." for the whole record)."""
        if not self.field:
            return _("line {line}: {message}").format(line=self.line, message=self.message)
        return _("line {line}, {field}: {message}").format(
            line=self.line, field=self.field_name, message=self.message
        )


def record_problems(
    line: int,
    fields: Sequence[str],
    header: Sequence[str],
    read: int,
    found: list[RowProblem],
    *,
    cells: int | None = None,
) -> list[RowProblem]:
    """The problems to tell of a record whose fields have problems (``found``).

    A record repeating the header (two exports put together) is told as that
    alone. A record too short for the columns read (its fields are
    "missing"), or with cells past the header's (a delimiter in an unquoted
    cell shifts the cells after it), is named as such before its fields'
    problems, which follow from it; empty cells past the header (a trailing
    delimiter) and empty last cells left off are no problem. ``read`` is the
    columns the import reads (the last one's index + 1), ``cells`` the
    record's number of cells when ``fields`` was padded.
    """
    if _cells(fields) == _cells(header):
        said = _("the header line again (two files put together?): delete this line")
        return [RowProblem(line, "", said)]
    count = len(fields) if cells is None else cells
    if count >= read and not (count > len(header) and any(fields[len(header) :])):
        return found
    said = (
        ngettext(
            "{count} field where the header has {header}",
            "{count} fields where the header has {header}",
            count,
        )
        if count < len(header)
        else ngettext(
            "{count} field where the header has {header} (is a cell holding the delimiter "
            "not quoted?)",
            "{count} fields where the header has {header} (is a cell holding the delimiter "
            "not quoted?)",
            count,
        )
    )
    width = RowProblem(line, "", said.format(count=number(count), header=number(len(header))))
    return [width, *found]


def _cells(fields: Sequence[str]) -> list[str]:
    """A record's cells as compared with the header: trimmed, without empty last cells."""
    cells = [cell.strip() for cell in fields]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def invisible_character(value: str) -> str | None:
    """What is wrong with a cell holding an invisible format character (U+202E), if it does.

    Such a character makes a name read otherwise than it is stored; a file
    holds one by accident (pasted from a web page) or on purpose.
    """
    found = format_character(value)
    if found is None:
        return None
    column, name = found
    return _(
        "holds {name} at character {column}, an invisible character that changes how the "
        "text reads; remove it from the file"
    ).format(name=name, column=column)


def _refuse_invisible(
    line: int, cells: Iterable[tuple[Field, str]], problems: list[RowProblem]
) -> None:
    for field, value in cells:
        wrong = invisible_character(value)
        if wrong is not None:
            problems.append(RowProblem(line, field.label, wrong))


_KIND_WORDS = (
    ("assessment", CredentialKind.ASSESSMENT),
    ("certification", CredentialKind.CERTIFICATION),
    ("certificate", CredentialKind.CERTIFICATION),
    ("exam", CredentialKind.EXAM),
)


def parse_kind(text: str) -> CredentialKind | None:
    """``Exam``, ``Technical Assessment``, ``Microsoft Certification``... (None: not a kind)."""
    folded = text.casefold()
    for word, kind in _KIND_WORDS:
        if word in folded:
            return kind
    return None


def plain_text(value: str) -> str:
    """A cell as text to store: trimmed, and without the apostrophe our own CSV files add.

    Formula-looking text is kept exactly as text; it is never evaluated, and
    every CSV the program writes neutralises it again. A line break inside a
    quoted cell (Alt+Enter in Excel) becomes a space: every field imported is
    one line, as ``load`` and the record forms require.
    """
    if "\n" in value or "\r" in value:
        value = _LINE_BREAKS.sub(" ", value)
    return remove_csv_mark(value.strip())


class RowValidator:
    """Turns records into ValidRows or RowProblems, for one mapping, catalogue and date order.

    The person, exam and date parts of a record are checked independently of
    each other, so each part found valid is remembered by its raw cells: an
    export repeats the same people, codes and days on thousands of lines, and
    a look-up of the cells is the cheapest check of a line seen before. The
    memories are emptied when full, so memory stays bounded.
    """

    def __init__(
        self,
        mapping: ColumnMapping,
        catalog: ExamCatalog,
        date_order: DateOrder | None,
        today: date,
    ) -> None:
        self._today = today
        # A field without a column reads index -1, which _check makes an empty cell.
        col = {field: _index(mapping.column_of(field)) for field in Field}
        self._width = max(col.values()) + 1
        self._header = mapping.header
        self._mcp_at, self._name_at, self._email_at = (
            col[Field.MCP_ID],
            col[Field.NAME],
            col[Field.EMAIL],
        )
        self._first_at, self._last_at = col[Field.FIRST_NAME], col[Field.LAST_NAME]
        self._code_at, self._title_at, self._kind_at = (
            col[Field.EXAM_CODE],
            col[Field.EXAM_TITLE],
            col[Field.KIND],
        )
        self._day_at = col[Field.PASSED_ON]
        self._person_key = _cells_of(mapping, _PERSON_FIELDS)
        self._exam_key = _cells_of(mapping, _EXAM_FIELDS)
        self._date = lru_cache(maxsize=_CACHE)(lambda text: parse_date(text, date_order))
        self._normalize = lru_cache(maxsize=_CACHE)(catalog.normalize_code)
        self._kind_of = lru_cache(maxsize=_CACHE)(catalog.kind_of)
        self._codes_for = lru_cache(maxsize=_CACHE)(catalog.codes_for_title)
        self._people: dict[object, PersonCells] = {}
        self._exams: dict[object, ExamCells] = {}
        self._days: dict[str, date] = {}

    def validate_batch(
        self,
        batch: RecordBatch,
        rows: list[ExamColumns],
        problems: list[RowProblem],
        unknown: dict[str, int],
    ) -> int:
        """Validates a batch of records; returns how many records it read.

        The valid records go to ``rows`` as one ``ExamColumns`` and each problem
        to ``problems`` (a record's fields may be padded in place); ``unknown``
        counts the records per code the catalogue does not know. Only the parts
        of a record not seen valid before (person, exam or date) are checked
        cell by cell.
        """
        cells = batch.records
        if not cells:
            return 0
        width = self._width
        # The cells each padded record had, by index (its problems name them).
        short: dict[int, int] = {}
        if min(map(len, cells)) < width:
            for index, fields in enumerate(cells):
                if len(fields) < width:
                    short[index] = len(fields)
                    fields.extend([""] * (width - len(fields)))
        # Each part of every record looked up at once (map runs the loop in C):
        # most records only repeat people, codes and days already checked.
        people = list(map(self._people.get, map(self._person_key, cells)))
        exams = list(map(self._exams.get, map(self._exam_key, cells)))
        days = list(map(self._days.get, map(itemgetter(self._day_at), cells)))
        # all(): every part found (None, a part not remembered, is the only false value).
        wrong = (
            set()
            if all(people) and all(exams) and all(days)
            else self._check_unseen(batch, people, exams, days, problems, short=short)
        )
        lines = batch.lines
        if wrong:  # their parts (some None) are left out
            kept = [index not in wrong for index in range(len(cells))]
            lines = list(compress(lines, kept))
            people = list(compress(people, kept))
            exams = list(compress(exams, kept))
            days = list(compress(days, kept))
        valid = cast(_Parts, (people, exams, days))
        found = ExamColumns(lines, *valid, list(map(_CODE, valid[1])))
        if found.people:
            rows.append(found)
        self._count_unknown(found.codes, unknown)
        return len(cells)

    def _check_unseen(
        self,
        batch: RecordBatch,
        people: list[PersonCells | None],
        exams: list[ExamCells | None],
        days: list[date | None],
        problems: list[RowProblem],
        *,
        short: Mapping[int, int],
    ) -> set[int]:
        """Checks the parts not remembered, filling them in; the records with problems (noted).

        ``short``: the cells of each record padded, by index.
        """
        unseen: set[int] = set()
        for parts in (people, exams, days):
            unseen.update(compress(count(), map(_is_none, parts)))
        wrong: set[int] = set()
        lines, cells = batch.lines, batch.records
        for index in sorted(unseen):  # in file order, so problems are listed by line
            line, fields = lines[index], cells[index]
            checked = self._check(line, fields, people[index], exams[index], days[index])
            if isinstance(checked, list):
                problems.extend(
                    record_problems(
                        line, fields, self._header, self._width, checked, cells=short.get(index)
                    )
                )
                wrong.add(index)
            else:
                _line, people[index], exams[index], days[index] = checked
        return wrong

    def _count_unknown(self, codes: list[str], unknown: dict[str, int]) -> None:
        """Counts the records per code the catalogue does not know (codes are few: each
        is asked once per batch, the answer remembered by ``_kind_of``'s cache)."""
        for code, times in Counter(codes).items():
            if self._kind_of(code) is None:
                unknown[code] = unknown.get(code, 0) + times

    def _check(
        self,
        line: int,
        fields: list[str],
        person: PersonCells | None,
        exam: ExamCells | None,
        passed_on: date | None,
    ) -> ValidRow | list[RowProblem]:
        """Checks the parts of a record not remembered as valid, and remembers those found valid.

        Each missing part is looked up again first: an earlier record of the
        batch may have been found to hold it since the batch was looked up.
        Each part (person, exam, date) depends on its own cells only, so a part
        remembered from another line has no problem here, and a part found
        valid is remembered even when another part of this line is wrong.
        """
        if person is None:
            person = self._people.get(self._person_key(fields))
        if exam is None:
            exam = self._exams.get(self._exam_key(fields))
        if passed_on is None:
            passed_on = self._days.get(fields[self._day_at])
        problems: list[RowProblem] = []
        fields.append("")  # the cell of index -1: a field without a column
        try:
            if person is None:
                person = self._check_person(line, fields, problems)
            if exam is None:
                exam = self._check_exam(line, fields, problems)
            if passed_on is None:
                passed_on = self._check_day(line, fields, problems)
        finally:
            fields.pop()
        if person is None or exam is None or passed_on is None:
            problems.sort(key=_in_field_order)
            return problems
        return ValidRow(line, person, exam, passed_on)

    def _check_person(
        self, line: int, fields: list[str], problems: list[RowProblem]
    ) -> PersonCells | None:
        count = len(problems)
        mcp_id = plain_text(fields[self._mcp_at])
        if not mcp_id:
            problems.append(RowProblem(line, Field.MCP_ID.label, _("missing")))
        elif not is_mcp_id(mcp_id):
            message = (
                _(
                    "{value} is not an MCP ID (digits only) (a spreadsheet wrote it as a "
                    "number; format the column as text)"
                )
                if _SCIENTIFIC.fullmatch(mcp_id)
                else _("{value} is not an MCP ID (digits only)")
            ).format(value=quoted(mcp_id))
            problems.append(RowProblem(line, Field.MCP_ID.label, message))
        name = plain_text(fields[self._name_at])
        if not name:
            first = plain_text(fields[self._first_at])
            last = plain_text(fields[self._last_at])
            name = f"{first} {last}".strip()
        email = plain_text(fields[self._email_at])
        for field, value in ((Field.NAME, name), (Field.EMAIL, email)):
            if len(value) > _LIMITS[field]:
                problems.append(RowProblem(line, field.label, _too_long(field)))
        _refuse_invisible(line, ((Field.NAME, name), (Field.EMAIL, email)), problems)
        if len(problems) > count:
            return None
        person = PersonCells(mcp_id, name, email)
        _remember(self._people, self._person_key(fields), person)
        return person

    def _check_exam(
        self, line: int, fields: list[str], problems: list[RowProblem]
    ) -> ExamCells | None:
        count = len(problems)
        title = plain_text(fields[self._title_at])
        code = self._exam_code(line, fields, title, problems)
        known_kind = self._kind_of(code) if code else None
        kind_text = plain_text(fields[self._kind_at])
        kind = parse_kind(kind_text) if kind_text else (known_kind or CredentialKind.EXAM)
        if kind is None:
            message = _("{value} is not exam, assessment or certification").format(
                value=quoted(kind_text)
            )
            problems.append(RowProblem(line, Field.KIND.label, message))
        if len(title) > _TITLE_LIMIT:
            problems.append(RowProblem(line, Field.EXAM_TITLE.label, _too_long(Field.EXAM_TITLE)))
        _refuse_invisible(
            line,
            ((Field.EXAM_CODE, plain_text(fields[self._code_at])), (Field.EXAM_TITLE, title)),
            problems,
        )
        if len(problems) > count or kind is None:
            return None
        exam = ExamCells(code, title, kind, known_kind is not None)
        _remember(self._exams, self._exam_key(fields), exam)
        return exam

    def _check_day(self, line: int, fields: list[str], problems: list[RowProblem]) -> date | None:
        cell = fields[self._day_at]
        text = plain_text(cell)
        label = Field.PASSED_ON.label
        if not text:
            problems.append(RowProblem(line, label, _("missing")))
            return None
        try:
            passed_on: date = self._date(text)
        except DateProblem as error:
            problems.append(RowProblem(line, label, str(error)))
            return None
        if passed_on > self._today:
            future = _("{value} is in the future").format(value=quoted(text))
            problems.append(RowProblem(line, label, future))
            return None
        _remember(self._days, cell, passed_on)
        return passed_on

    def _exam_code(
        self, line: int, fields: list[str], title: str, problems: list[RowProblem]
    ) -> str:
        def problem(field: Field, message: str) -> str:
            problems.append(RowProblem(line, field.label, message))
            return ""

        def named_by_title(code: str) -> str:
            if len(code) > _LIMITS[Field.EXAM_CODE]:
                # No shipped certification is longer than a code both ways (the longest kept
                # is 54 of 80), but a catalogue's new one could be: an error of its row, not
                # a write the store refuses.
                return problem(Field.EXAM_CODE, _too_long(Field.EXAM_CODE))
            return code

        raw = plain_text(fields[self._code_at])
        if raw:
            code = self._normalize(raw)
            if not code:
                return problem(
                    Field.EXAM_CODE, _("{value} is not an exam code").format(value=quoted(raw))
                )
            if len(code) > _LIMITS[Field.EXAM_CODE]:
                problem(Field.EXAM_CODE, _too_long(Field.EXAM_CODE))
            elif title and not looks_like_exam_code(code) and self._kind_of(code) is None:
                # Not an exam code but an id (the Training details download's activity id):
                # the one exam its title names ("AZ-104: ..."), if any, is the code.
                named = self._codes_for(title)
                if len(named) == 1:
                    return named_by_title(named[0])
            return code
        if not title:
            return problem(Field.EXAM_CODE, _("missing (and no exam title to look it up by)"))
        codes = self._codes_for(title)
        if not codes:
            return problem(
                Field.EXAM_TITLE,
                _("no exam code given, and the catalogue has no {title}").format(
                    title=quoted(title)
                ),
            )
        if len(codes) > 1:
            return problem(
                Field.EXAM_TITLE,
                _("no exam code given, and {title} fits several: {codes}").format(
                    title=quoted(title), codes=", ".join(codes)
                ),
            )
        return named_by_title(codes[0])


def _too_long(field: Field) -> str:
    return _("longer than {count} characters").format(count=number(_LIMITS[field]))


_EXAM_LABELS = frozenset(field.label for field in Field)
"""The exam fields' own names, which a problem names in the chosen language (a usage
problem names the file's column as the file writes it)."""

# A record's problems in the order of its fields as a person reads them.
_FIELD_ORDER = {
    label: rank
    for rank, label in enumerate(
        field.label
        for field in (
            Field.MCP_ID,
            Field.EXAM_CODE,
            Field.EXAM_TITLE,
            Field.PASSED_ON,
            Field.KIND,
            Field.NAME,
            Field.EMAIL,
        )
    )
}


def _in_field_order(problem: RowProblem) -> int:
    return _FIELD_ORDER.get(problem.field, len(_FIELD_ORDER))


_Parts = tuple[list[PersonCells], list[ExamCells], list[date]]
_CODE = itemgetter(0)  # of an ExamCells
_is_none = partial(is_, None)


def _index(column: int | None) -> int:
    return -1 if column is None else column


_PERSON_FIELDS = (Field.MCP_ID, Field.NAME, Field.FIRST_NAME, Field.LAST_NAME, Field.EMAIL)
_EXAM_FIELDS = (Field.EXAM_CODE, Field.EXAM_TITLE, Field.KIND)
_MEMORY = 16384
"""Valid parts remembered per kind of part before the memory is emptied."""


def _cells_of(mapping: ColumnMapping, fields: Sequence[Field]) -> Callable[[list[str]], object]:
    """A function giving a record's raw cells of ``fields`` (those with a column), as a key."""
    columns = sorted({c for f in fields if (c := mapping.column_of(f)) is not None})
    if not columns:
        return lambda _record: ""
    return itemgetter(*columns)


def _remember(memory: dict[K, V], key: K, value: V) -> None:
    if len(memory) >= _MEMORY:
        memory.clear()
    memory[key] = value

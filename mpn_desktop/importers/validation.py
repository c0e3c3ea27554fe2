"""Checking one CSV record as an exam result: every problem with its line and field."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple, Protocol, TypeVar

from mpn_desktop.domain.enums import CredentialKind
from mpn_desktop.importers.columns import ColumnMapping, Field
from mpn_desktop.importers.dates import DateOrder, DateProblem, parse_date
from mpn_desktop.importers.formulas import remove_csv_mark

_MCP_ID = re.compile(r"\d{1,20}")
_SCIENTIFIC = re.compile(r"\d(?:[.,]\d+)?[eE]\+?\d+")
# The longest values the database keeps (see store.models).
_LIMITS = {Field.NAME: 200, Field.EMAIL: 320, Field.EXAM_CODE: 40, Field.EXAM_TITLE: 300}
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


class PersonCells(NamedTuple):
    """The person a record names, checked: MCP ID, name (first and last joined) and email."""

    mcp_id: str
    name: str
    email: str


class ExamCells(NamedTuple):
    """The credential a record names, checked: normalised code, title, kind, catalogue knows it."""

    code: str
    title: str
    kind: CredentialKind
    known: bool


class ValidRow(NamedTuple):
    """An exam result read from one record, ready to store.

    The person and the exam are shared by every record whose cells read the
    same (exports repeat both on most lines), so a row costs one small tuple.
    """

    line: int
    person: PersonCells
    exam: ExamCells
    passed_on: date


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why one field of one record cannot be imported."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}, {self.field}: {self.message}"


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
    every CSV the program writes neutralises it again.
    """
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
        self._col = {field: _index(mapping.column_of(field)) for field in Field}
        self._width = max(self._col.values()) + 1
        self._person_key = _cells_of(mapping, _PERSON_FIELDS)
        self._exam_key = _cells_of(mapping, _EXAM_FIELDS)
        self._day_at = self._col[Field.PASSED_ON]
        self._date = lru_cache(maxsize=_CACHE)(lambda text: parse_date(text, date_order))
        self._normalize = lru_cache(maxsize=_CACHE)(catalog.normalize_code)
        self._kind_of = lru_cache(maxsize=_CACHE)(catalog.kind_of)
        self._codes_for = lru_cache(maxsize=_CACHE)(catalog.codes_for_title)
        self._people: dict[object, PersonCells] = {}
        self._exams: dict[object, ExamCells] = {}
        self._days: dict[str, date] = {}

    def validate(self, line: int, fields: list[str]) -> ValidRow | list[RowProblem]:
        """The exam result of the record starting on ``line``, or every problem it has.

        ``fields`` may be padded in place.
        """
        if len(fields) < self._width:
            fields.extend([""] * (self._width - len(fields)))
        person = self._people.get(self._person_key(fields))
        exam = self._exams.get(self._exam_key(fields))
        passed_on = self._days.get(fields[self._day_at])
        if person is None or exam is None or passed_on is None:
            return self._check(line, fields)
        return ValidRow(line, person, exam, passed_on)

    def _cell(self, fields: list[str], field: Field) -> str:
        return plain_text(fields[self._col[field]])

    def _check(self, line: int, fields: list[str]) -> ValidRow | list[RowProblem]:
        """Checks every cell of a record, and remembers the parts found valid."""
        fields.append("")  # the cell of index -1: a field without a column
        try:
            return self._check_padded(line, fields)
        finally:
            fields.pop()

    def _check_padded(self, line: int, fields: list[str]) -> ValidRow | list[RowProblem]:
        problems: list[RowProblem] = []
        wrong: set[Field] = set()

        def problem(field: Field, message: str) -> None:
            problems.append(RowProblem(line, field.label, message))
            wrong.add(field)

        mcp_id = self._cell(fields, Field.MCP_ID)
        if not mcp_id:
            problem(Field.MCP_ID, "missing")
        elif not _MCP_ID.fullmatch(mcp_id):
            hint = " (a spreadsheet wrote it as a number; format the column as text)"
            scientific = _SCIENTIFIC.fullmatch(mcp_id)
            problem(
                Field.MCP_ID, f"{mcp_id!r} is not an MCP ID (digits only){hint * bool(scientific)}"
            )

        name = self._cell(fields, Field.NAME)
        if not name:
            first = self._cell(fields, Field.FIRST_NAME)
            last = self._cell(fields, Field.LAST_NAME)
            name = f"{first} {last}".strip()
        email = self._cell(fields, Field.EMAIL)
        title = self._cell(fields, Field.EXAM_TITLE)
        code = self._exam_code(fields, title, problem)

        passed_on: date | None = None
        text = self._cell(fields, Field.PASSED_ON)
        if not text:
            problem(Field.PASSED_ON, "missing")
        else:
            try:
                passed_on = self._date(text)
            except DateProblem as error:
                problem(Field.PASSED_ON, str(error))
            else:
                if passed_on > self._today:
                    problem(Field.PASSED_ON, f"{text!r} is in the future")

        known_kind = self._kind_of(code) if code else None
        kind_text = self._cell(fields, Field.KIND)
        kind = parse_kind(kind_text) if kind_text else (known_kind or CredentialKind.EXAM)
        if kind is None:
            problem(Field.KIND, f"{kind_text!r} is not exam, assessment or certification")

        for field, value in ((Field.NAME, name), (Field.EMAIL, email), (Field.EXAM_TITLE, title)):
            if len(value) > _LIMITS[field]:
                problem(field, f"longer than {_LIMITS[field]} characters")

        # Each part depends on its own cells only: one found valid is remembered
        # even when another part of the line is wrong.
        person = exam = None
        if wrong.isdisjoint(_PERSON_FIELDS):
            person = PersonCells(mcp_id, name, email)
            _remember(self._people, self._person_key(fields), person)
        if kind is not None and wrong.isdisjoint(_EXAM_FIELDS):
            exam = ExamCells(code, title, kind, known_kind is not None)
            _remember(self._exams, self._exam_key(fields), exam)
        if passed_on is not None and Field.PASSED_ON not in wrong:
            _remember(self._days, fields[self._day_at], passed_on)
        if problems or person is None or exam is None or passed_on is None:
            return problems
        return ValidRow(line, person, exam, passed_on)

    def _exam_code(self, fields: list[str], title: str, problem: _Reporter) -> str:
        raw = self._cell(fields, Field.EXAM_CODE)
        if raw:
            code = self._normalize(raw)
            if not code:
                problem(Field.EXAM_CODE, f"{raw!r} is not an exam code")
            elif len(code) > _LIMITS[Field.EXAM_CODE]:
                problem(Field.EXAM_CODE, f"longer than {_LIMITS[Field.EXAM_CODE]} characters")
            return code
        if not title:
            problem(Field.EXAM_CODE, "missing (and no exam title to look it up by)")
            return ""
        codes = self._codes_for(title)
        if not codes:
            problem(Field.EXAM_TITLE, f"no exam code given, and the catalogue has no {title!r}")
            return ""
        if len(codes) > 1:
            problem(
                Field.EXAM_TITLE,
                f"no exam code given, and {title!r} fits several: {', '.join(codes)}",
            )
            return ""
        return codes[0]


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


class _Reporter(Protocol):
    def __call__(self, field: Field, message: str) -> None: ...

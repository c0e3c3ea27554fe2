"""Checking one CSV record as an exam result: every problem with its line and field."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple, Protocol

from mpn_desktop.domain.enums import CredentialKind
from mpn_desktop.importers.columns import ColumnMapping, Field
from mpn_desktop.importers.dates import DateOrder, DateProblem, parse_date
from mpn_desktop.importers.formulas import remove_csv_mark
from mpn_desktop.importers.reading import Record

_MCP_ID = re.compile(r"\d{1,20}")
_SCIENTIFIC = re.compile(r"\d(?:[.,]\d+)?[eE]\+?\d+")
# The longest values the database keeps (see store.models).
_LIMITS = {Field.NAME: 200, Field.EMAIL: 320, Field.EXAM_CODE: 40, Field.EXAM_TITLE: 300}
_NAME_LIMIT, _EMAIL_LIMIT, _TITLE_LIMIT = (
    _LIMITS[Field.NAME],
    _LIMITS[Field.EMAIL],
    _LIMITS[Field.EXAM_TITLE],
)
_CACHE = 4096


class ExamCatalog(Protocol):
    """What validation asks the requirements catalogue."""

    def normalize_code(self, text: str) -> str:
        """An exam code as the catalogue writes it (case, spaces, a leading "Exam ")."""

    def kind_of(self, code: str) -> CredentialKind | None:
        """The kind of a (normalised) code the catalogue knows; None for an unknown code."""

    def codes_for_title(self, title: str) -> Sequence[str]:
        """The codes whose title is ``title`` (none, one, or several)."""


class ValidRow(NamedTuple):
    """An exam result read from one record, ready to store (compact: a tuple)."""

    line: int
    mcp_id: str
    name: str
    email: str
    exam_code: str
    exam_title: str
    passed_on: date
    kind: CredentialKind
    known: bool


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
    """Turns records into ValidRows or RowProblems, for one mapping, catalogue and date order."""

    def __init__(
        self,
        mapping: ColumnMapping,
        catalog: ExamCatalog,
        date_order: DateOrder | None,
        today: date,
    ) -> None:
        self._today = today
        # A field without a column reads index -1, which validate() makes an empty cell.
        self._col = {field: _index(mapping.column_of(field)) for field in Field}
        self._width = max(self._col.values()) + 1
        self._at = tuple(
            self._col[field]
            for field in (
                Field.MCP_ID,
                Field.PASSED_ON,
                Field.EXAM_CODE,
                Field.EXAM_TITLE,
                Field.KIND,
                Field.NAME,
                Field.FIRST_NAME,
                Field.LAST_NAME,
                Field.EMAIL,
            )
        )
        self._date = lru_cache(maxsize=_CACHE)(lambda text: parse_date(text, date_order))
        self._normalize = lru_cache(maxsize=_CACHE)(catalog.normalize_code)
        self._kind_of = lru_cache(maxsize=_CACHE)(catalog.kind_of)
        self._codes_for = lru_cache(maxsize=_CACHE)(catalog.codes_for_title)
        # Raw cell -> checked value, for cells already found valid: exports repeat
        # the same people, codes and days, and a dictionary look-up is the
        # cheapest check. Emptied when full, so memory stays bounded.
        self._mcp_ids: dict[str, str] = {}
        self._days: dict[str, date] = {}
        self._codes: dict[tuple[str, str], tuple[str, CredentialKind | None]] = {}
        self._kinds: dict[str, CredentialKind] = {}

    def _cell(self, fields: list[str], field: Field) -> str:
        return plain_text(fields[self._col[field]])

    def validate(self, record: Record) -> ValidRow | list[RowProblem]:
        """The record's exam result, or every problem it has."""
        fields = record.fields
        if len(fields) < self._width:
            fields.extend([""] * (self._width - len(fields)))
        fields.append("")
        return self._known_good(record) or self._check(record)

    def _known_good(self, record: Record) -> ValidRow | None:
        """The row when each of its key cells was seen valid before (the common case)."""
        fields = record.fields
        i_mcp, i_day, i_code, i_title, i_kind, i_name, i_first, i_last, i_email = self._at
        mcp_id = self._mcp_ids.get(fields[i_mcp])
        passed_on = self._days.get(fields[i_day])
        code = self._codes.get((fields[i_code], fields[i_title]))
        if mcp_id is None or passed_on is None or code is None:
            return None
        kind_text = fields[i_kind]
        kind = self._kinds.get(kind_text) if kind_text else (code[1] or CredentialKind.EXAM)
        name = fields[i_name].strip()
        if not name:
            name = f"{fields[i_first].strip()} {fields[i_last].strip()}".strip()
        email = fields[i_email].strip()
        title = fields[i_title].strip()
        if (
            kind is None
            or name[:1] == "'"
            or email[:1] == "'"
            or title[:1] == "'"
            or len(name) > _NAME_LIMIT
            or len(email) > _EMAIL_LIMIT
            or len(title) > _TITLE_LIMIT
        ):
            return None  # the full check says why, or removes our own apostrophes
        return ValidRow(
            record.line, mcp_id, name, email, code[0], title, passed_on, kind, code[1] is not None
        )

    def _remember(self, fields: list[str], row: ValidRow) -> None:
        col = self._col
        for memo in (self._mcp_ids, self._days, self._codes, self._kinds):
            if len(memo) >= _CACHE * 4:
                memo.clear()
        self._mcp_ids[fields[col[Field.MCP_ID]]] = row.mcp_id
        self._days[fields[col[Field.PASSED_ON]]] = row.passed_on
        known = self._kind_of(row.exam_code)
        self._codes[(fields[col[Field.EXAM_CODE]], fields[col[Field.EXAM_TITLE]])] = (
            row.exam_code,
            known,
        )
        kind_text = fields[col[Field.KIND]]
        if kind_text:
            self._kinds[kind_text] = row.kind

    def _check(self, record: Record) -> ValidRow | list[RowProblem]:
        """Checks every cell of a (padded) record, and remembers the valid ones."""
        line, fields = record
        problems: list[RowProblem] = []

        def problem(field: Field, message: str) -> None:
            problems.append(RowProblem(line, field.label, message))

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
        if problems:
            return problems
        assert passed_on is not None and kind is not None  # no problem means both were read
        row = ValidRow(
            line, mcp_id, name, email, code, title, passed_on, kind, known_kind is not None
        )
        self._remember(fields, row)
        return row

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


class _Reporter(Protocol):
    def __call__(self, field: Field, message: str) -> None: ...

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
from mpn_desktop.importers.formulas import looks_like_formula
from mpn_desktop.importers.reading import Record

_MCP_ID = re.compile(r"\d{1,20}")
_SCIENTIFIC = re.compile(r"\d(?:[.,]\d+)?[eE]\+?\d+")
# The longest values the database keeps (see store.models).
_LIMITS = {Field.NAME: 200, Field.EMAIL: 320, Field.EXAM_CODE: 40, Field.EXAM_TITLE: 300}
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
    value = value.strip()
    if value.startswith("'") and looks_like_formula(value[1:]):
        return value[1:]
    return value


class RowValidator:
    """Turns records into ValidRows or RowProblems, for one mapping, catalogue and date order."""

    def __init__(
        self,
        mapping: ColumnMapping,
        catalog: ExamCatalog,
        date_order: DateOrder | None,
        today: date,
    ) -> None:
        self._catalog = catalog
        self._today = today
        self._col = {field: mapping.column_of(field) for field in Field}
        self._date = lru_cache(maxsize=_CACHE)(lambda text: parse_date(text, date_order))
        self._normalize = lru_cache(maxsize=_CACHE)(catalog.normalize_code)
        self._kind_of = lru_cache(maxsize=_CACHE)(catalog.kind_of)
        self._codes_for = lru_cache(maxsize=_CACHE)(catalog.codes_for_title)

    def _cell(self, fields: list[str], field: Field) -> str:
        index = self._col[field]
        if index is None or index >= len(fields):
            return ""
        return plain_text(fields[index])

    def validate(self, record: Record) -> ValidRow | list[RowProblem]:
        """The record's exam result, or every problem it has."""
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
        return ValidRow(
            line, mcp_id, name, email, code, title, passed_on, kind, known_kind is not None
        )

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


class _Reporter(Protocol):
    def __call__(self, field: Field, message: str) -> None: ...

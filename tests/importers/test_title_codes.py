"""An exam code found through the exam title is held to the exam code's own limit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from mpn_desktop.domain.enums import CredentialKind
from mpn_desktop.importers.columns import EXAM_FIELDS, suggest_mapping
from mpn_desktop.importers.dates import DateOrder
from mpn_desktop.importers.reading import RecordBatch
from mpn_desktop.importers.validation import RowProblem, RowValidator
from mpn_desktop.store.import_rows import ExamColumns

LONG_CODE = "CERT-" + "X" * 80
"""A code a newer catalogue might give a certification: longer than an exam code holds."""
TITLE = "Microsoft Certified: A Very Long Certification"


class _LongCodeCatalog:
    """A catalogue whose one certification has a code longer than 80 characters."""

    def normalize_code(self, text: str) -> str:
        return text.strip().upper()

    def kind_of(self, code: str) -> CredentialKind | None:
        return CredentialKind.CERTIFICATION if code == LONG_CODE else None

    def codes_for_title(self, title: str) -> Sequence[str]:
        return [LONG_CODE] if title == TITLE else []


@pytest.mark.parametrize(
    "code_cell",
    [
        "",  # no code: the title names it
        "100234",  # an activity id (Partner Center's Training details): the title names it
    ],
)
def test_a_code_the_title_names_longer_than_80_is_an_error_of_its_row(code_cell: str) -> None:
    """Before, the activity id's way to the title's code skipped the check the code cell
    and the missing code's way both had: the row was valid, and the store refused the write."""
    header = ("MCP ID", "Name", "Exam code", "Exam title", "Date passed")
    validator = RowValidator(
        suggest_mapping(header, EXAM_FIELDS),
        _LongCodeCatalog(),
        DateOrder.DAY_FIRST,
        date(2026, 3, 15),
    )
    rows: list[ExamColumns] = []
    problems: list[RowProblem] = []
    record = ["1234567", "Ana Ruiz", code_cell, TITLE, "2026-03-02"]
    assert validator.validate_batch(RecordBatch([2], [record]), rows, problems, {}) == 1
    assert rows == []
    assert [(p.line, p.field_name, p.message) for p in problems] == [
        (2, "exam code", "longer than 80 characters")
    ]

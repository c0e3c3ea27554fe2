"""The exam results of an organisation held by column (``column_rows``), and ``ExamResult``.

Exam results come by the ten thousand in a large organisation; ``ExamRows``
keeps a tuple per field of ``ExamResult`` and reads as the tuple of results
it stands for; the people index reads its columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from mpn_desktop.domain.column_rows import ColumnRows
from mpn_desktop.domain.enums import CredentialKind


@dataclass(slots=True, unsafe_hash=True)
class ExamResult:
    """An exam, assessment or certification a person passed.

    Not frozen, for the speed of making them (see ``facts``); nothing may assign to one.
    """

    mcp_id: str
    exam_code: str
    passed_on: date
    exam_title: str = ""
    kind: CredentialKind = CredentialKind.EXAM


class ExamColumns(NamedTuple):
    """One tuple per field of ``ExamResult``, in its order, each as long as the rows.

    The loaders hand over ``kind`` as fetched, converted when first read
    (``column_rows.ConvertedColumn``: the rules never read it).
    """

    mcp_id: tuple[str, ...]
    exam_code: tuple[str, ...]
    passed_on: tuple[date, ...]
    exam_title: tuple[str, ...]
    kind: Sequence[CredentialKind]


class ExamRows(ColumnRows[ExamResult, ExamColumns]):
    """Exam results by column, read as the tuple of ``ExamResult`` they stand for."""

    __slots__ = ()

    record = ExamResult
    columns_type = ExamColumns


EMPTY_EXAMS = ExamRows()
"""No exam results."""

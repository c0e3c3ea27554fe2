"""Counts the store's refusals and the designations' sentences write carry the language's
thousands separator (``wording.number``), as the command line's figures do: "1,200",
German "1.200"; a plain ``{count}`` read "1200" beside "… and 1,100 more problems"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.designation_score import _names
from mpn_desktop.domain.designations import Listed
from mpn_desktop.errors import ValidationError
from mpn_desktop.store import values
from mpn_desktop.store.document_check import check_document
from mpn_desktop.store.row_versions import _first_few
from mpn_desktop.store.workbook_read import read_workbook

MANY = 1_200
SEPARATOR = {"en": ",", "de": "."}


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest) -> str:
    vocabulary.use_language(request.param)
    return str(request.param)


def _grouped(count: int, language: str) -> str:
    return f"{count:,}".replace(",", SEPARATOR[language])


def test_a_document_s_problems_are_counted_grouped(language: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_document({"people": [{"mcp_id": ""} for _ in range(MANY)]}, source="org.json")
    count = len(refused.value.problems)
    assert count >= MANY
    # Before: "the document has 1200 problems".
    assert f" {_grouped(count, language)} " in str(refused.value).splitlines()[0]


def test_a_workbook_s_problems_are_counted_grouped(language: str, tmp_path: Path) -> None:
    book = Workbook()
    assert book.active is not None
    book.remove(book.active)
    sheet = book.create_sheet("people")
    sheet.append(["name", "mcp_id"])
    for i in range(MANY):
        sheet.append([f"Person {i}", "not an id"])
    path = tmp_path / "org.xlsx"
    book.save(path)
    with pytest.raises(ValidationError) as refused:
        read_workbook(path)
    count = len(refused.value.problems)
    assert count >= MANY
    # Before: "the workbook has 1200 problems".
    assert f" {_grouped(count, language)} " in str(refused.value).splitlines()[0]


def test_a_text_too_long_names_its_limit_grouped(language: str) -> None:
    with pytest.raises(ValueError) as refused:
        values.text(MANY)("x" * (MANY + 1))
    # Before: "is longer than 1200 characters".
    assert f" {_grouped(MANY, language)} " in str(refused.value)


def test_a_conflict_s_further_fields_are_counted_grouped(language: str) -> None:
    said = _first_few([f"field {i}" for i in range(MANY + 3)])
    # Before: "and 1200 more".
    assert f" {_grouped(MANY, language)} " in said.rsplit("; ", 1)[-1]
    assert said.startswith("field 0; field 1; field 2; ")


def test_the_other_certifications_are_counted_grouped(language: str) -> None:
    listed = tuple(Listed(f"cert-{i}") for i in range(MANY + 3))
    said = _names({}, listed, date(2024, 1, 1))
    # Before: "cert-0, cert-1, cert-2 or 1200 other certifications".
    assert said.startswith("cert-0, cert-1, cert-2 ")
    assert f" {_grouped(MANY, language)} " in said

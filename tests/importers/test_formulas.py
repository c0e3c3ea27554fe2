"""Cells a spreadsheet would run as formulas: neutralised in every CSV the program writes."""

from __future__ import annotations

import csv
import io

import pytest

from mpn_desktop.importers.formulas import looks_like_formula, neutralise_for_csv
from mpn_desktop.importers.validation import plain_text


@pytest.mark.parametrize(
    "text",
    ["=1+2", "+1", "-2+3", "@SUM(A1:A2)", '=HYPERLINK("http://x","y")', "\t=1", "\r=1"],
)
def test_formula_looking_cells_get_an_apostrophe(text: str) -> None:
    assert looks_like_formula(text)
    assert neutralise_for_csv(text) == "'" + text


def test_an_apostrophe_before_a_formula_gets_another() -> None:
    assert neutralise_for_csv("'=1") == "''=1"


@pytest.mark.parametrize("text", ["Ana Ruiz", "70-533", "", "1234567", "a=b", "'quoted", "''x"])
def test_other_cells_are_unchanged(text: str) -> None:
    assert not looks_like_formula(text)
    assert neutralise_for_csv(text) == text


@pytest.mark.parametrize("text", ["=1+2", "@x", "-", "plain", "'=already", "''+2", "'no"])
def test_a_neutralised_cell_reads_back_as_the_same_text(text: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([neutralise_for_csv(text)])
    (cell,) = next(csv.reader(io.StringIO(buffer.getvalue())))
    assert plain_text(cell) == text.strip()

"""The 2017-2018 results stay exact: `status --json` and the printed checklist's text, golden.

Two organisations, each on a fixed day: the demo organisation (its document frozen
in ``tests/golden/sample-2018-03-15.json`` so that a change to the demo generator
does not move the goal posts) and the large benchmark organisation of
``benchmarks/large_org.py`` (built deterministically, 36,000 usage months). Each is
loaded into a fresh SQLite file with ``load``, then ``status --json`` and
``checklist --pdf`` run through the command line as a user runs them. The JSON
must equal the golden file exactly; the PDF's words (whitespace collapsed, the
printing day masked) must equal the golden text.

A difference is either a bug or a deliberate change named by an issue; in the
second case regenerate with ``MPN_DESKTOP_UPDATE_GOLDEN=1`` and say why in the commit.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

import pytest

from mpn_desktop.cli import main

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("MPN_DESKTOP_UPDATE_GOLDEN") == "1"


def _large_document() -> dict[str, object]:
    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    try:
        import large_org
    finally:
        sys.path.pop(0)
    from mpn_desktop.store.documents import document_from_facts

    return document_from_facts(large_org.build_large_org())


CASES = {
    "sample": ("2018-03-15", lambda: json.loads((GOLDEN / "sample-2018-03-15.json").read_text())),
    "large": ("2018-03-15", _large_document),
}


def _loaded_database(tmp_path: Path, name: str) -> list[str]:
    _, build = CASES[name]
    source = tmp_path / f"{name}.json"
    source.write_text(json.dumps(build()), encoding="utf-8")
    db = ["--db", str(tmp_path / f"{name}.sqlite3")]
    assert main([*db, "load", str(source)]) == 0
    return db


def _pdf_words(path: Path) -> str:
    from pypdf import PdfReader

    text = " ".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return " ".join(text.split()).replace(date.today().isoformat(), "<printed on>")


def _compare(actual: str, golden: Path) -> None:
    if UPDATE:
        golden.write_text(actual, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    assert actual == expected, f"{golden.name} differs from the golden output"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CASES))
def test_status_json_is_unchanged(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _loaded_database(tmp_path, name)
    capsys.readouterr()
    as_of, _ = CASES[name]
    assert main([*db, "status", "--as-of", as_of, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    _compare(json.dumps(document, indent=1, sort_keys=True) + "\n", GOLDEN / f"{name}.status.json")


@pytest.mark.slow
@pytest.mark.usefixtures(
    "qapp"
)  # the PDF needs a QApplication; a bare QGuiApplication aborts later widget tests
@pytest.mark.parametrize("name", sorted(CASES))
def test_checklist_text_is_unchanged(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _loaded_database(tmp_path, name)
    as_of, _ = CASES[name]
    pdf = tmp_path / f"{name}.pdf"
    assert main([*db, "checklist", "--pdf", str(pdf), "--as-of", as_of, "--page-size", "A4"]) == 0
    _compare(_pdf_words(pdf) + "\n", GOLDEN / f"{name}.checklist.txt")


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CASES))
def test_status_text_is_unchanged(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``status`` without ``--json`` (not a terminal: one line per item) reads as before."""
    db = _loaded_database(tmp_path, name)
    capsys.readouterr()
    as_of, _ = CASES[name]
    assert main([*db, "status", "--as-of", as_of]) == 0
    _compare(capsys.readouterr().out, GOLDEN / f"{name}.status.txt")

"""``import-exams --catalog`` takes a Solutions Partner catalogue file, as ``status`` does.

It read the file as a 2017-2018 catalogue only and refused a valid
Solutions Partner one ("a catalogue of the Solutions Partner program, where
one of the 2017-2018 competencies is needed"); the competencies are then the
shipped ones, and the file's own exams are known besides the shipped ones'.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.misspelled_catalogs import SCORED

from mpn_desktop.cli import main

_HEADER = "MCP ID,Full Name,Exam Code,Date Passed\n"


def _exams(tmp_path: Path, *codes: str) -> Path:
    path = tmp_path / "exams.csv"
    rows = "".join(f"12345{n:02d},Person {n},{code},2023-11-25\n" for n, code in enumerate(codes))
    path.write_text(_HEADER + rows, encoding="utf-8")
    return path


def test_a_solutions_partner_catalogue_file_is_taken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(tmp_path / "tracker.sqlite3")]
    path = _exams(tmp_path, "AZ-104", "70-533", "XX-999")
    assert main([*db, "--catalog", str(SCORED), "import-exams", str(path)]) == 0
    out = capsys.readouterr().out
    assert "3 added, 0 duplicates, 0 errors" in out
    # AZ-104 is the file's, 70-533 the shipped competencies'; only XX-999 counts toward nothing.
    assert "1 record has a code the catalogue does not know (counted toward nothing): XX-999" in out


def test_the_files_own_exam_codes_are_known(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(SCORED.read_text(encoding="utf-8"))
    document["version"] = "2023-06-local"
    document["certifications"][0]["exams"].append(["ZZ-901"])
    local = tmp_path / "local.json"
    local.write_text(json.dumps(document), encoding="utf-8")
    db = ["--db", str(tmp_path / "tracker.sqlite3")]
    path = _exams(tmp_path, "ZZ-901")
    assert main([*db, "--catalog", str(local), "import-exams", "--dry-run", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 to add, 0 duplicates, 0 errors" in out
    assert "does not know" not in out
    assert main([*db, "import-exams", "--dry-run", str(path)]) == 0
    assert "does not know (counted toward nothing): ZZ-901 (1)" in capsys.readouterr().out


def test_a_file_of_neither_catalogue_is_refused_before_anything_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    neither = tmp_path / "neither.json"
    neither.write_text("{}", encoding="utf-8")
    db = ["--db", str(tmp_path / "tracker.sqlite3")]
    path = _exams(tmp_path, "AZ-104")
    assert main([*db, "--catalog", str(neither), "import-exams", str(path)]) != 0
    err = capsys.readouterr().err
    assert "neither.json: not a requirements catalogue" in err

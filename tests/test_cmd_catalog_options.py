"""Every command's ``--catalog`` takes what ``catalog`` and ``status`` take: a Solutions Partner
catalogue file too, and a file that is neither catalogue is refused naming it and what is wrong.

``export x.xlsx``, ``load`` and ``restore`` read the file as a 2017-2018 catalogue only, and
refused a valid Solutions Partner one ("a catalogue of the Solutions Partner program, where
one of the 2017-2018 competencies is needed") that ``status`` and the window score every day
by. A file of neither program was told by the 2017-2018 reader alone ("unknown key 'foo'
(known keys: benefits, competencies, ...)", "missing key 'competencies'").
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from helpers.misspelled_catalogs import SCORED
from openpyxl import load_workbook

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.cli import main
from mpn_desktop.commands.common import competencies_catalog, designation_catalogs
from mpn_desktop.programs import shipped_scored_catalogs

FORMATS = (
    "A catalogue has the format 'mpn-desktop-catalog/1' (the 2017-2018 competencies) or "
    "'mpn-desktop-catalog/2' (the Solutions Partner designations)."
)
GERMAN_FORMATS = (
    "Ein Katalog hat das Format 'mpn-desktop-catalog/1' (die Kompetenzen von 2017-2018) "
    "oder 'mpn-desktop-catalog/2' (die Solutions Partner-Designations)."
)


def _demo(tmp_path: Path) -> list[str]:
    db = ["--db", str(tmp_path / "tracker.sqlite3")]
    assert main([*db, "demo"]) == 0
    return db


def test_export_workbook_scores_by_a_solutions_partner_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a 2018 day too: the file decides every day, as status takes it."""
    db = _demo(tmp_path)
    book = tmp_path / "org.xlsx"
    args = [*db, "--catalog", str(SCORED), "export", str(book), "--as-of", "2018-03-15"]
    assert main(args) == 0
    assert capsys.readouterr().err == ""
    status = load_workbook(book, read_only=True)["Status"]
    programs = {row[1] for row in status.iter_rows(min_row=2, values_only=True)}
    assert programs == {"solutions-partner"}
    # Without the file that day is the competencies'.
    assert main([*db, "export", str(book), "--as-of", "2018-03-15"]) == 0
    status = load_workbook(book, read_only=True)["Status"]
    assert "solutions-partner" not in {row[1] for row in status.iter_rows(values_only=True)}


def test_load_takes_a_solutions_partner_file_and_checks_competencies_as_shipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _demo(tmp_path)
    exported = tmp_path / "org.json"
    assert main([*db, "export", str(exported)]) == 0
    other = ["--db", str(tmp_path / "other.sqlite3"), "--catalog", str(SCORED)]
    assert main([*other, "load", str(exported)]) == 0
    assert "Loaded 15 customers" in capsys.readouterr().out
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["targets"][0]["competency"] = "cloud-nowhere"
    exported.write_text(json.dumps(document), encoding="utf-8")
    assert main([*other, "load", "--replace", str(exported)]) == 1
    assert "'cloud-nowhere' is not a competency of the catalogue" in capsys.readouterr().err


def _neither(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.json"
    path.write_text(text, encoding="utf-8")
    return path


NEITHER = [
    ('{"foo": 1}', "it has no 'format' and none of a catalogue's keys"),
    ("{}", "it has no 'format' and none of a catalogue's keys"),
    ("[1, 2]", "it holds a list, where a catalogue is a JSON object"),
    (
        '{"format": "mpn-desktop-catalog/3", "version": "3"}',
        "its format 'mpn-desktop-catalog/3' is not one this program reads",
    ),
    (
        '{"format": "mpn-desktop/1", "organization": {}, "customers": []}',
        "its format 'mpn-desktop/1' is an organisation's document, as 'export' writes it "
        "('mpn-desktop load' reads it)",
    ),
]


@pytest.mark.parametrize(
    "command",
    [
        ["catalog"],
        ["catalog", "--as-of", "2024-01-15"],
        ["status"],
        ["status", "--as-of", "2018-03-15", "--json"],
        ["checklist", "--pdf", "checklist.pdf"],
        ["export", "organisation.xlsx"],
        ["load", "organisation.json"],
    ],
)
@pytest.mark.parametrize("case", NEITHER)
def test_a_file_of_neither_program_is_named_with_what_is_wrong(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    case: tuple[str, str],
) -> None:
    text, found = case
    path = _neither(tmp_path, text)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "organisation.json").write_text('{"format": "mpn-desktop/1"}', encoding="utf-8")
    code = main(["--db", str(tmp_path / "tracker.sqlite3"), "--catalog", str(path), *command])
    captured = capsys.readouterr()
    assert (code, captured.out) == (1, "")
    assert captured.err == (
        f"mpn-desktop: {path}: not a requirements catalogue: {found}. {FORMATS}\n"
    )
    assert not (tmp_path / "checklist.pdf").exists()
    assert not (tmp_path / "organisation.xlsx").exists()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('{"foo": 1}', "es hat kein „format“ und keinen der Schlüssel eines Katalogs"),
        ("[1, 2]", "es enthält eine Liste, wo ein Katalog ein JSON-Objekt ist"),
        (
            '{"format": "mpn-desktop-catalog/3"}',
            "sein Format 'mpn-desktop-catalog/3' liest dieses Programm nicht",
        ),
        (
            '{"format": "mpn-desktop/1"}',
            "sein Format 'mpn-desktop/1' ist das eines Dokuments einer Organisation, wie "
            "„export“ es schreibt („mpn-desktop load“ liest es)",
        ),
    ],
)
def test_german_names_it_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, found: str
) -> None:
    path = _neither(tmp_path, text)
    for command in (["catalog"], ["load", str(tmp_path / "x.json")]):
        code = main(["--language", "de", "--catalog", str(path), *command])
        assert code == 1
        assert capsys.readouterr().err == (
            f"mpn-desktop: {path}: kein Anforderungskatalog: {found}. {GERMAN_FORMATS}\n"
        )


def test_a_misspelled_2017_catalogue_is_still_told_by_its_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A key only a catalogue has says which reader is meant: its reader names the mistake."""
    path = _neither(tmp_path, '{"credentials": [], "competencys": []}')
    assert main(["--catalog", str(path), "catalog"]) == 1
    assert capsys.readouterr().err.startswith(
        f"mpn-desktop: {path}: unknown key 'competencys', did you mean 'competencies'?"
    )


def test_the_exam_codes_known_are_a_solutions_partner_file_s_then_the_shipped_ones(
    tmp_path: Path,
) -> None:
    """For import-exams (its exam codes): the file's own first, then every shipped one's."""
    document = json.loads(SCORED.read_text(encoding="utf-8"))
    document["version"] = "2023-06-local"
    path = _neither(tmp_path, json.dumps(document))
    found = designation_catalogs(argparse.Namespace(catalog=str(path)))
    assert [c.version for c in found] == ["2023-06-local", "2022-10", "2023-06", "2026-05"]
    assert designation_catalogs(argparse.Namespace(catalog=None)) == shipped_scored_catalogs()
    assert competencies_catalog(argparse.Namespace(catalog=str(path))) is load_catalog()

"""A skilling metric whose prerequisite steps are short: its final list's holders count nothing.

Security's intermediate certifications (2026-05 catalogue) count the final list's holders
only once every prerequisite step is met. With holders of the final list but a step short,
"5 of 4 people · 4 of 40 points" read as met; the figures now say they wait on the steps.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.gated_sample import DAY, HOLDERS, gated_sample

from mpn_desktop.cli import main
from mpn_desktop.domain.designation_score import score_designations, usage_start
from mpn_desktop.domain.designation_tree import designation_tree
from mpn_desktop.programs import program_on
from mpn_desktop.reports.designation_checklist import build_designation_checklist
from mpn_desktop.store.database import Database
from mpn_desktop.store.facts_sqlite import read_facts


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "tracker.sqlite3"
    gated_sample(path)
    return path


def _security_lines(
    db_path: Path, capsys: pytest.CaptureFixture[str], heading: str, *extra: str
) -> list[str]:
    capsys.readouterr()
    assert main([*extra, "--db", str(db_path), "status", "--as-of", DAY.isoformat()]) == 0
    text = capsys.readouterr().out
    return text[text.index(heading) :].splitlines()


def test_status_says_the_final_list_counts_once_the_steps_are_met(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _security_lines(db_path, capsys, "Solutions Partner for Security - ")
    line = next(line for line in lines if "Intermediate certifications:" in line)
    assert line.endswith(
        "Intermediate certifications: 5 of 4 people (once the steps are met), 4 of 40 points"
    )
    german = _security_lines(
        db_path, capsys, "Solutions Partner für Sicherheit - ", "--language", "de"
    )
    line = next(line for line in german if "Zwischenzertifizierungen:" in line)
    assert "5 von 4 Personen (sobald die Schritte erfüllt sind), 4 von 40 Punkten" in line


def test_a_met_step_or_a_metric_without_steps_reads_as_before(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--db", str(db_path), "status", "--as-of", DAY.isoformat()]) == 0
    text = capsys.readouterr().out
    # Infrastructure's and Modern Work's skilling metrics: their steps met or none.
    assert "Intermediate certifications: 4 of 4 people, 20 of 20 points" in text
    assert text.count("(once the steps are met)") == 1


def test_the_json_document_keeps_its_numbers_and_its_steps_say_why(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--db", str(db_path), "status", "--json", "--as-of", DAY.isoformat()]) == 0
    document = json.loads(capsys.readouterr().out)
    security = next(d for d in document["designations"] if d["id"] == "security")
    metric = next(
        m
        for c in security["categories"]
        for m in c["metrics"]
        if m["id"] == "intermediate-certifications"
    )
    assert (metric["have"], metric["need"], metric["unit"], metric["points"]) == (
        HOLDERS,
        4,
        "people",
        4.0,
    )
    assert not all(step["met"] for step in metric["steps"])


def test_the_checklist_says_it_beside_the_figures(db_path: Path) -> None:
    program = program_on(DAY)
    catalog = program.scored
    assert catalog is not None
    with Database.open(f"sqlite:///{db_path}") as db:
        facts = read_facts(db, usage_from=usage_start(DAY))
    scores = score_designations(catalog, facts, DAY, frozenset({"security"}))
    tree = designation_tree(facts.organization, DAY, scores)
    checklist = build_designation_checklist(
        catalog, tree, facts.organization, designation="security", printed_on=DAY
    )
    figures = [
        line.figures
        for section in checklist.sections
        for block in section.levels
        for line in block.lines
        if line.text == "Intermediate certifications"
    ]
    assert figures == ["5 of 4 people (once the steps are met) · 4 of 40 points"]

"""A step-gated metric says where its points come from: its prerequisite steps, in every view.

SOLUTIONS-PARTNER.md § 1.7: on the SMB tracks each met prerequisite step is worth 4 points
and the final step's people count only once every step is met; on Enterprise (and 2023's
single track) the steps are worth nothing of their own and one short makes the metric 0.
"0 of 4 people, 4 of 20 points" read as a mistake, and on Enterprise nothing said which step
held the metric at zero. The ``status`` text, the checklist and the tree the panel draws each
name the steps now (the panel's own test: tests/ui/test_step_gated_panel.py).
"""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest
from helpers.gated_sample import DAY, gated_sample

from mpn_desktop.cli import main
from mpn_desktop.commands.designation_status import score_stored_facts
from mpn_desktop.domain.designation_steps import (
    brief_step_text,
    step_consequence,
    step_figures,
    step_text,
)
from mpn_desktop.domain.designation_tree import designation_tree
from mpn_desktop.domain.requirement_tree import NodeKind, RequirementNode, RequirementTree
from mpn_desktop.programs import program_on
from mpn_desktop.reports.checklist import CheckLine
from mpn_desktop.reports.designation_checklist import build_designation_checklist
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample

DAY_2023 = date(2023, 8, 15)
"""The 2023 catalogue: one track, steps of 2 people (Security: 1 before 2023-12-01), no points."""

SECURITY_STEP_1 = (
    "Azure Security Engineer Associate (AZ-500) or Cloud and AI Security Engineer Associate "
    "(SC-500)"
)


@pytest.fixture
def smb_db(tmp_path: Path) -> Path:
    """The 2026 sample: Security's SMB track with step 1 met (4 points) and SC-200 short."""
    path = tmp_path / "gated.sqlite3"
    gated_sample(path)
    return path


@pytest.fixture
def day_2023_db(tmp_path: Path) -> Path:
    """The 2023 sample: Security's step 2 (SC-200 or MS-500) short, Azure's steps met."""
    path = tmp_path / "sample-2023.sqlite3"
    with Database.open(f"sqlite:///{path}") as db:
        load_sample(db, DAY_2023)
    return path


def _status(db: Path, day: date, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["--db", str(db), "status", "--as-of", day.isoformat()]) == 0
    return capsys.readouterr().out.splitlines()


def _after(lines: list[str], heading: str, metric: str) -> list[str]:
    """The lines under a designation's metric line, up to the next line not a step's."""
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    at = next(i for i in range(start, len(lines)) if f"] {metric}:" in lines[i])
    below = []
    for line in lines[at + 1 :]:
        if not line.startswith(("          Prerequisite step", "          Schritt")):
            break
        below.append(line.strip())
    return below


def test_status_says_each_smb_step_s_points_and_what_a_short_one_holds_back(
    smb_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _status(smb_db, DAY, capsys)
    assert _after(lines, "Solutions Partner for Security - ", "Intermediate certifications") == [
        f"Prerequisite step 1, {SECURITY_STEP_1}: met, 1 person (1 needed): 4 points",
        "Prerequisite step 2, Security Operations Analyst Associate (SC-200): short, 0 people "
        "(1 needed): 4 points once met; until then the final step's people score nothing",
    ]
    # Infrastructure's metric at 12 of 20 with 2 of 4 final-step people: 4 of them the step's.
    azure = "Solutions Partner for Infrastructure (Azure) - "
    assert _after(lines, azure, "Advanced certifications") == [
        "Prerequisite step 1, Azure Solutions Architect Expert (AZ-104 + AZ-305): met, "
        "2 people (1 needed): 4 points"
    ]
    # A metric without steps has no such line.
    assert (
        _after(lines, "Solutions Partner for Modern Work - ", "Intermediate certifications") == []
    )


def test_status_says_which_step_keeps_a_single_track_metric_at_zero(
    day_2023_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _status(day_2023_db, DAY_2023, capsys)
    assert _after(lines, "Solutions Partner for Security - ", "Intermediate certifications") == [
        "Prerequisite step 1, Azure Security Engineer Associate (AZ-500): met, 1 person (1 needed)",
        "Prerequisite step 2, Security Operations Analyst Associate (SC-200) or Microsoft 365 "
        "Security Administrator Associate (MS-500): short, 0 people (1 needed): the metric "
        "scores nothing until this step has 1 person",
    ]
    azure = "Solutions Partner for Infrastructure (Azure) - "
    assert _after(lines, azure, "Intermediate certifications") == [
        "Prerequisite step 1, Azure Administrator Associate (AZ-104): met, 2 people (2 needed)"
    ]


def _tree(db: Path, day: date) -> RequirementTree:
    args = argparse.Namespace(db=str(db), db_url=None, catalog=None)
    return score_stored_facts(args, program_on(day), day).tree()


def _metric(node: RequirementNode, metric: str) -> RequirementNode:
    return next(m for category in node.children for m in category.children if m.id == metric)


def test_the_tree_gives_every_track_s_steps_with_the_catalogue_s_worth(smb_db: Path) -> None:
    security = _tree(smb_db, DAY).requirement("security")
    assert security is not None and security.way == "smb"
    smb = _metric(security, "intermediate-certifications")
    assert [(s.kind, s.id, s.met, s.have, s.need) for s in smb.children] == [
        (NodeKind.STEP, "step-1", True, 1, 1),
        (NodeKind.STEP, "step-2", False, 0, 1),
    ]
    assert [(s.points, s.max_points) for s in smb.children] == [(4, 4), (0, 4)]
    assert [brief_step_text(n, s) for n, s in enumerate(smb.children, start=1)] == [
        "Step 1 met: 1 person, 4 points",
        "Step 2 short: 0 of 1 person; 4 points once met",
    ]
    # Enterprise, the other track: 2 people a step, no points of their own, one short is 0.
    (enterprise,) = security.alternatives
    assert enterprise.way == "enterprise"
    metric = _metric(enterprise, "intermediate-certifications")
    assert metric.points == 0
    assert [(s.met, s.have, s.need, s.max_points) for s in metric.children] == [
        (False, 1, 2, 0),
        (False, 0, 2, 0),
    ]
    step = metric.children[0]
    assert step_text(1, step) == (
        f"Prerequisite step 1, {SECURITY_STEP_1}: short, 1 person (2 needed): the metric "
        "scores nothing until this step has 2 people"
    )
    assert brief_step_text(1, step) == "Step 1 short: 1 of 2 people; no points until met"
    # Metrics without steps keep their nodes as they were: no children.
    assert not _metric(security, "net-customer-adds").children


def test_a_tree_made_by_designation_tree_alone_has_the_steps(smb_db: Path) -> None:
    """The steps are the tree's, made where it is made from the scores (each step's worth
    comes with them): before, only ``ScoredDay.tree()`` added them, after the tree was made,
    and a tree from ``designation_tree()`` (a test's, the benchmark's) had none."""
    args = argparse.Namespace(db=str(smb_db), db_url=None, catalog=None)
    day = score_stored_facts(args, program_on(DAY), DAY)
    tree = designation_tree(day.facts.organization, DAY, day.scores)
    security = tree.requirement("security")
    assert security is not None
    steps = _metric(security, "intermediate-certifications").children
    assert [(s.met, s.points, s.max_points) for s in steps] == [(True, 4, 4), (False, 0, 4)]
    (enterprise,) = security.alternatives
    steps = _metric(enterprise, "intermediate-certifications").children
    assert [(s.met, s.points, s.max_points) for s in steps] == [(False, 0, 0), (False, 0, 0)]
    assert tree.requirements == day.tree().requirements


def test_a_met_enterprise_step_reads_without_points() -> None:
    step = RequirementNode(
        kind=NodeKind.STEP,
        id="step-1",
        label="Azure Administrator Associate (AZ-104)",
        met=True,
        have=Decimal(591),
        need=Decimal(2),
        unit="people",
        points=Decimal(0),
        max_points=Decimal(0),
    )
    assert step_text(1, step) == (
        "Prerequisite step 1, Azure Administrator Associate (AZ-104): met, 591 people (2 needed)"
    )
    assert step_figures(step) == "591 people"
    assert step_consequence(step) == ""


def _checklist_line(tree: RequirementTree, designation: str, metric: str) -> CheckLine:
    day = tree.as_of
    catalog = program_on(day).scored
    assert catalog is not None
    checklist = build_designation_checklist(
        catalog, tree, tree.organization, designation=designation, printed_on=day
    )
    return next(
        line
        for section in checklist.sections
        for block in section.levels
        for line in block.lines
        if line.text == metric
    )


def test_the_checklist_lists_the_steps_under_the_metric(smb_db: Path, day_2023_db: Path) -> None:
    line = _checklist_line(_tree(smb_db, DAY), "security", "Intermediate certifications")
    assert [(p.ticked, p.text, p.figures, p.actions) for p in line.parts] == [
        (True, f"Prerequisite step 1: {SECURITY_STEP_1}", "1 person, 4 points", ()),
        (
            False,
            "Prerequisite step 2: Security Operations Analyst Associate (SC-200)",
            "0 of 1 person; 4 points once met",
            ("The final step's people score nothing until this step has 1 person",),
        ),
    ]
    line = _checklist_line(_tree(day_2023_db, DAY_2023), "security", "Intermediate certifications")
    assert [(p.ticked, p.figures, p.actions) for p in line.parts] == [
        (True, "1 person", ()),
        (
            False,
            "0 of 1 person; no points until met",
            ("The metric scores nothing until this step has 1 person",),
        ),
    ]
    assert line.parts[1].text == (
        "Prerequisite step 2: Security Operations Analyst Associate (SC-200) or Microsoft 365 "
        "Security Administrator Associate (MS-500)"
    )
    # The metric's own line is as before: its figures and people.
    assert line.figures == "0 of 6 people (once the steps are met) · 0 of 40 points"
    # The short step's "1 more person with ... before the final step counts" is said by the
    # step's line, not again under the metric; the final list's people still are.
    assert [action.split(" with ")[0] for action in line.actions] == ["6 more people"]
    assert line.actions[0].endswith("would add 40 points (once the steps above are met)")


@pytest.mark.usefixtures("qapp")  # the window's QApplication, not the command's own
def test_the_printed_checklist_has_the_steps_before_the_people(
    smb_db: Path, tmp_path: Path
) -> None:
    """A metric's steps come right under it; its people (hundreds in a large organisation)
    after them, where the steps printed pages later."""
    pdf = tmp_path / "checklist.pdf"
    day = DAY.isoformat()
    command = ["--db", str(smb_db), "checklist", "--pdf", str(pdf), "--as-of", day]
    assert main([*command, "--competency", "security"]) == 0
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    text = " ".join(text.split())
    step = text.index("Prerequisite step 2: Security Operations Analyst Associate (SC-200)")
    assert text.index("Intermediate certifications") < step < text.index("Idris Person0")
    assert "The final step's people score nothing until this step has 1 person" in text


def test_the_steps_read_in_german(smb_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    day = DAY.isoformat()
    assert main(["--language", "de", "--db", str(smb_db), "status", "--as-of", day]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert _after(lines, "Solutions Partner für Sicherheit - ", "Zwischenzertifizierungen") == [
        "Schritt 1 (Voraussetzung), Azure Security Engineer Associate (AZ-500) oder Cloud and "
        "AI Security Engineer Associate (SC-500): erfüllt, 1 Person (1 nötig): 4 Punkte",
        "Schritt 2 (Voraussetzung), Security Operations Analyst Associate (SC-200): nicht "
        "erfüllt, 0 Personen (1 nötig): 4 Punkte, sobald erfüllt; bis dahin zählen die "
        "Personen des letzten Schritts nichts",
    ]

"""A day's Solutions Partner scores: made in one place for ``status``, the checklist command
and the window (before, commands/designation_status and ui/designation_day each aimed,
carried targets over and scored on their own)."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.commands.designation_status import score_facts
from mpn_desktop.domain.enums import Level
from mpn_desktop.domain.facts import Target
from mpn_desktop.domain.program_choice import ProgramOnDay
from mpn_desktop.programs import program_on, shipped_scored_catalogs
from mpn_desktop.reports.scored_day import score_day
from mpn_desktop.store.database import Database
from mpn_desktop.store.facts_loader import load_facts
from mpn_desktop.store.sample import load_sample
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.designation_day import designation_tree_on

DAY = date(2026, 12, 6)


def test_the_window_and_the_commands_score_a_day_alike(tmp_path: Path, qapp: Any) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    load_sample(db, DAY)
    context = AppContext(db, load_catalog(), as_of=DAY, scored_catalogs=shipped_scored_catalogs())
    try:
        facts = load_facts(db)
        # Competency targets only: both carry them over to their designations.
        facts = dataclasses.replace(
            facts,
            designation_targets=(),
            targets=(Target("cloud-platform", Level.GOLD),),
        )
        window = designation_tree_on(context, facts)
        command = score_facts(argparse.Namespace(catalog=None), program_on(DAY), DAY, facts)
        assert window is not None and window == command.tree()
        assert command.information == (
            "Competency targets carried over by Microsoft's 2022 mapping: Cloud Platform to "
            "Solutions Partner for Infrastructure (Azure).",
        )
        assert [s.name for s in command.scores if s.target] == [
            "Solutions Partner for Infrastructure (Azure)"
        ]
    finally:
        db.close()


def test_a_day_of_the_competencies_has_no_scores(tmp_path: Path) -> None:
    with Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}") as db:
        facts = load_facts(db)
    assert score_day(ProgramOnDay(None), facts, date(2018, 3, 15), {}, lambda _day: None) is None

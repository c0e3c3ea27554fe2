"""The window's checklist on a day under the Solutions Partner program is the designations'
(as `checklist --pdf` writes it), not the 2017-2018 competencies' ("the requirements shown
are those of Microsoft Partner Network 2017-2018 ... 2026-12-06 is after it")."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

from checklist_helpers import pdf_pages

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample
from mpn_desktop.ui import checklist_actions
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.designation_day import designation_tree_on

DAY = date(2026, 12, 6)


def _context(tmp_path: Path, day: date) -> AppContext:
    db = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    load_sample(db, day)
    return AppContext(db, load_catalog(), as_of=day, scored_catalogs=shipped_scored_catalogs())


def test_the_checklist_of_a_designation_day_is_the_designations(tmp_path: Path, qapp: Any) -> None:
    context = _context(tmp_path, DAY)
    try:
        document = checklist_actions.checklist_document(context, None)
        assert document.title == "Solutions Partner checklist"
        assert "Solutions Partner for Infrastructure (Azure)" in [
            s.title for s in document.sections
        ]
        path = tmp_path / "checklist.pdf"
        assert checklist_actions.write_checklist_pdf(context, None, path) == path
        assert "Solutions Partner checklist" in " ".join(pdf_pages(path))
    finally:
        context.db.close()


def test_the_windows_own_scores_are_printed_when_they_are_of_the_day(
    tmp_path: Path, qapp: Any
) -> None:
    """The status panel's scores are printed as they are, not worked out again; another
    day's are not used. Before, the test compared the document with the given scores to
    the one worked out afresh: equal whether the given scores were used or ignored."""
    context = _context(tmp_path, DAY)
    try:
        from mpn_desktop.store.facts_loader import load_facts

        facts = load_facts(context.db)
        stored_name = facts.organization.name
        # Scores the store would not give: the organisation named otherwise.
        shown_facts = dataclasses.replace(
            facts, organization=dataclasses.replace(facts.organization, name="As Shown Ltd")
        )
        tree = designation_tree_on(context, shown_facts)
        assert tree is not None
        shown = checklist_actions.checklist_document(context, None, tree)
        assert shown.header.organization == "As Shown Ltd"
        fresh = checklist_actions.checklist_document(context, None)
        assert fresh.header.organization == stored_name != "As Shown Ltd"
        assert shown.sections == fresh.sections
        context.set_as_of(date(2026, 11, 2))  # another day of the program: worked out afresh
        other_day = checklist_actions.checklist_document(context, None, tree)
        assert other_day.header.organization == stored_name
        context.set_as_of(date(2018, 3, 15))  # the competencies' day: not the designations'
        assert checklist_actions.checklist_document(context, None, tree).title == (
            "Cloud competency checklist"
        )
    finally:
        context.db.close()

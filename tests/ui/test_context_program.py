"""The window's context says which program scores a day, in one place for every widget."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store.database import Database
from mpn_desktop.ui.context import AppContext


def test_a_day_is_scored_by_the_designations_or_the_competencies(tmp_path: Path, qapp: Any) -> None:
    """Before, ten widgets each wrote context.program_on(day).scored is not None."""
    with Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}") as db:
        context = AppContext(
            db, load_catalog(), as_of=date(2026, 12, 6), scored_catalogs=shipped_scored_catalogs()
        )
        assert context.scores_designations()
        assert not context.scores_designations(date(2018, 3, 15))
        context.set_as_of(date(2018, 3, 15))
        assert not context.scores_designations()
        assert context.scores_designations(date(2026, 12, 6))
        # Without the Solutions Partner catalogues every day is the competencies'.
        plain = AppContext(db, load_catalog(), as_of=date(2026, 12, 6))
        assert not plain.scores_designations()

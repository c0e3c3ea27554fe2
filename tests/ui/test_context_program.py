"""The window's context says which program scores a day, in one place for every widget."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from mpn_desktop.catalog_files import load_catalog, shipped_catalog_path
from mpn_desktop.programs import shipped_scored_catalogs, window_catalogues
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


def test_a_solutions_partner_file_given_with_catalog_scores_every_day(
    tmp_path: Path, qapp: Any
) -> None:
    """The window refused such a file ("unknown key 'categories'") that the commands take."""
    path = shipped_catalog_path().parent / "solutions-partner-2023-06.json"
    catalog, chosen = window_catalogues(path)
    assert chosen is not None and chosen.version == "2023-06"
    assert catalog == load_catalog()
    assert window_catalogues(None) == (load_catalog(), None)
    assert window_catalogues(shipped_catalog_path()) == (load_catalog(shipped_catalog_path()), None)
    with Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}") as db:
        context = AppContext(db, catalog, as_of=date(2018, 3, 15), chosen_scored=chosen)
        assert context.program_on(date(2018, 3, 15)).scored is chosen
        assert context.program_on(date(2026, 12, 6)).scored is chosen
        assert context.scored_catalogs == (chosen,)

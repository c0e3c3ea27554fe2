"""The window chooses the day's Solutions Partner catalogue by the shipped catalogues' dates,
as the commands do, and reads in full only the one chosen.

Start-up parsed every shipped catalogue before the first paint (7-10 ms CPU on this
machine); now the first paint reads their dates alone, and the evaluation (on the worker
thread) the day's catalogue, once, whichever thread asks first.
"""

from __future__ import annotations

import shutil
import sys
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.programs import ShippedCatalog, shipped_catalogs, shipped_scored_catalogs
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.designation_card import DesignationCard
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings

DAYS = (
    date(2017, 9, 1),
    date(2018, 3, 15),
    date(2018, 9, 1),  # between the programs: the competencies, the nearest
    date(2022, 6, 1),  # between the programs: the first catalogue, the nearest
    date(2022, 10, 3),
    date(2023, 8, 15),
    date(2026, 4, 30),
    date(2026, 12, 7),
)


@dataclass
class _Counted:
    """A shipped catalogue that counts how often it is read in full, and on which threads."""

    shipped: ShippedCatalog
    threads: list[str] = field(default_factory=list)

    @property
    def version(self) -> str:
        return self.shipped.version

    @property
    def effective_from(self) -> date:
        return self.shipped.effective_from

    @property
    def effective_until(self) -> date | None:
        return self.shipped.effective_until

    def scored(self) -> ScoredCatalog:
        self.threads.append(threading.current_thread().name)
        return self.shipped.scored()


def test_a_day_gets_the_same_rules_as_from_every_catalogue_read(tmp_path: Path, qapp: Any) -> None:
    with Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}") as db:
        dated = AppContext(db, load_catalog(), scored_catalogs=shipped_catalogs())
        read = AppContext(db, load_catalog(), scored_catalogs=shipped_scored_catalogs())
        for day in DAYS:
            assert dated.program_on(day) == read.program_on(day), day
            assert dated.scores_designations(day) == read.scores_designations(day), day
        assert dated.scored_catalogs == read.scored_catalogs == shipped_scored_catalogs()


def test_the_first_paint_reads_no_catalogue_and_the_evaluation_the_days_alone(
    qtbot: QtBot, tmp_path: Path
) -> None:
    day = date(2026, 10, 15)
    counted = [_Counted(shipped) for shipped in shipped_catalogs()]
    db = Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    load_sample(db, day)
    context = AppContext(db, load_catalog(), as_of=day, scored_catalogs=tuple(counted))
    window = MainWindow(context, WindowSettings(tmp_path / "settings.ini"), evaluate_now=False)
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitExposed(window)
        assert [c.threads for c in counted] == [[], [], []]
        window.fill()
        qtbot.waitUntil(lambda: bool(window.panel.findChildren(DesignationCard)))
        old, older, chosen = (c.threads for c in sorted(counted, key=lambda c: c.effective_from))
        assert (old, older) == ([], [])
        assert chosen
        # The evaluation scores the day's designations on the worker.
        assert any(name != threading.main_thread().name for name in chosen)
    finally:
        window.progress_source.wait_for_worker()
        db.close()


def test_a_catalogue_first_chosen_on_two_threads_at_once_is_read_once(
    tmp_path: Path, qapp: Any
) -> None:
    """The worker's scoring and the GUI thread may ask for one catalogue together: the window's
    scores are kept by the catalogue object, so both must get the same one."""
    copies = []
    for shipped in shipped_catalogs():
        copy = tmp_path / shipped.path.name
        shutil.copyfile(shipped.path, copy)  # a path no earlier test has read
        copies.append(
            ShippedCatalog(copy, shipped.version, shipped.effective_from, shipped.effective_until)
        )
    with Database.open(f"sqlite:///{tmp_path / 'tracker.sqlite3'}") as db:
        context = AppContext(db, load_catalog(), scored_catalogs=tuple(copies))
        start = threading.Barrier(6)
        found: list[ScoredCatalog | None] = []

        def choose() -> None:
            start.wait()
            found.append(context.program_on(date(2026, 12, 7)).scored)

        threads = [threading.Thread(target=choose) for _ in range(6)]
        # Threads switched every few microseconds: each would read its own copy unlocked.
        switching = sys.getswitchinterval()
        sys.setswitchinterval(1e-6)
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            sys.setswitchinterval(switching)
    assert len(found) == 6
    assert found[0] is not None and found[0].version == "2026-05"
    assert all(each is found[0] for each in found)

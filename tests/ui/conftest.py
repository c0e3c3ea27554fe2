"""Fixtures of the UI tests: hand-built ``Progress`` values and contexts (``db``: tests/helpers)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from helpers.sample_windows import dated_sample, opened_window
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.domain.facts import Organization
from mpn_desktop.domain.progress import (
    AtRisk,
    CompetencyProgress,
    FeeStatus,
    LevelProgress,
    OptionProgress,
    Progress,
    StepProgress,
)
from mpn_desktop.store.collector import collector_paused
from mpn_desktop.store.database import Database
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.gui_collector import due_generation
from mpn_desktop.ui.language import install_translators, remove_translators
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings

AS_OF = date(2018, 3, 1)


def step(kind: StepKind, have: int, need: int, unit: str) -> StepProgress:
    """A step with ``have`` of ``need``."""
    return StepProgress(
        step=kind,
        met=have >= need,
        have=Decimal(have),
        need=Decimal(need),
        unit=unit,
        description=f"{kind.value} step",
    )


def level(which: Level, references: int, need_refs: int, missing: tuple[str, ...]) -> LevelProgress:
    """A level whose attainment hangs on its references."""
    steps = (
        step(StepKind.PERFORMANCE, 20000, 15000 if which is Level.SILVER else 100000, "USD"),
        step(StepKind.EXAMS, 2, 1 if which is Level.SILVER else 2, "people"),
        step(StepKind.REFERENCES, references, need_refs, "references"),
        step(StepKind.FEE, 1, 1, "payments"),
    )
    attained = all(item.met for item in steps)
    option = OptionProgress("azure-consumption", "Azure consumption", steps, attained)
    return LevelProgress(which, attained, option, () if attained else missing, (option,))


def sample_progress(references: int = 3, as_of: date = AS_OF) -> Progress:
    """Cloud Platform targeted at gold; silver attained once ``references`` reaches 3."""
    silver = level(
        Level.SILVER, references, 3, (f"{3 - references} more approved customer references",)
    )
    gold = level(
        Level.GOLD,
        references,
        5,
        (
            f"{5 - references} more approved customer references",
            "US$ 80,000 more Azure consumption in the 12 months to 2018-02",
        ),
    )
    platform = CompetencyProgress(
        id="cloud-platform",
        name="Cloud Platform",
        target=Level.GOLD,
        retired=False,
        levels=(silver, gold),
        at_risk=(AtRisk(date(2018, 5, 2), "the reference of Fabrikam expires"),),
    )
    untargeted = CompetencyProgress(
        id="cloud-crm",
        name="Cloud CRM",
        target=None,
        retired=False,
        levels=(silver, gold),
    )
    return Progress(
        as_of=as_of,
        organization=Organization("Contoso Cloud Ltd", "4123456", anniversary=date(2017, 6, 30)),
        fee=FeeStatus(Level.GOLD, Decimal(4730), date(2017, 6, 30), True),
        competencies=(platform, untargeted),
    )


@pytest.fixture
def make_progress() -> Callable[..., Progress]:
    """Builds a sample ``Progress`` (``references=``, ``as_of=``)."""
    return sample_progress


@pytest.fixture
def demo_day() -> date:
    """The UI tests' demo is dated around ``AS_OF``."""
    return AS_OF


@pytest.fixture
def context(db: Database, catalog: Catalog, qapp: Any) -> AppContext:
    """An application context on the empty database, as of ``AS_OF``."""
    return AppContext(db, catalog, as_of=AS_OF)


@pytest.fixture
def sample_context(demo_db: Database, catalog: Catalog, qapp: Any) -> AppContext:
    """An application context on the sample organisation (dated around ``AS_OF``)."""
    return AppContext(demo_db, catalog, as_of=AS_OF)


@pytest.fixture
def settings(tmp_path: Path) -> WindowSettings:
    """Window settings in a file of their own."""
    return WindowSettings(tmp_path / "settings.ini")


@pytest.fixture
def open_sample_window(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog, settings: WindowSettings
) -> Iterator[Callable[..., MainWindow]]:
    """Opens the sample organisation dated around a day (``size``: the window's first size) in
    a shown window on that day; its worker is waited for and its database closed afterwards."""
    opened: list[MainWindow] = []

    def open_on(day: date, size: QSize | None = None) -> MainWindow:
        main = opened_window(qtbot, dated_sample(tmp_path, day, catalog), settings, size)
        opened.append(main)
        return main

    yield open_on
    for main in opened:
        main.progress_source.wait_for_worker()
        main.context.db.close()


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """The window's and the sentences' language German, as a German session starts."""
    installed = install_translators(qapp, "de")
    vocabulary.use_language("de")
    yield
    remove_translators(qapp, installed)


@pytest.fixture(autouse=True)
def collection_on_the_gui_thread_only() -> Iterator[None]:
    """As in the program (ui/gui_collector.py): no automatic collection while a UI test
    runs, since its workers would collect, and free Qt objects, on their own threads; the
    test's thread collects what is due after it."""
    with collector_paused():
        yield
    generation = due_generation()
    if generation is not None:
        gc.collect(generation)

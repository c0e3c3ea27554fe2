"""Start-up leaves out what only some uses need: Alembic (and its mako and pygments), openpyxl,
the import wizard with the importers, the checklist's report and renderer, the commands'
modules; and it paints the window before SQLAlchemy, the store's ORM and the package
metadata are imported; on a plain SQLite file the filled, idle window holds no SQLAlchemy
at all (a quarter of its memory)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mpn_desktop.cli import COMMAND_MODULES
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample

NOT_AT_START = (
    "alembic",
    "mako",
    "pygments",
    "openpyxl",
    "mpn_desktop.ui.import_wizard",
    "mpn_desktop.importers.importing",
    "mpn_desktop.ui.checklist_actions",
    "mpn_desktop.reports.render",
    # The commands' modules (every one the command line names): the window's command line
    # is read without them.
    *(f"mpn_desktop.commands.{name}" for name in COMMAND_MODULES),
)

NOT_BEFORE_PAINT = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "mpn_desktop.store.models",
    "mpn_desktop.store.records",
    "mpn_desktop.store.facts_loader",
    "importlib.metadata",
    # The log file's rotating handler (with socket, pickle, queue): opened at the first record.
    "logging.handlers",
    # The engine and the designations' rules, first needed by the first evaluation.
    "mpn_desktop.domain.evaluate",
    "mpn_desktop.domain.designation_score",
    "mpn_desktop.domain.designation_usage_months",
    "mpn_desktop.domain.usage_months",
    "mpn_desktop.domain.skilling_people",
    "mpn_desktop.store.facts_sqlite",
    # The evaluation's results and the facts, named by the window's modules in their
    # annotations alone: imported with the engine.
    "mpn_desktop.domain.progress",
    "mpn_desktop.domain.facts",
    "mpn_desktop.domain.requirement_tree",
    # Copy, paste and CSV export of a table, at their first use.
    "mpn_desktop.importers.table_text",
    "mpn_desktop.ui.models.paste_plan",
    "mpn_desktop.ui.paste_command",
    # The tabs not shown (a first start shows the Sales tab), built after the paint.
    "mpn_desktop.ui.tabs.exams_tab",
    "mpn_desktop.ui.tabs.references_tab",
    "mpn_desktop.ui.tabs.fee_tab",
)
"""Imported after the first paint (on a worker thread), or when first needed."""

AFTER_PAINT = (
    "mpn_desktop.domain.evaluate",
    "mpn_desktop.domain.competency_tree",
    "mpn_desktop.domain.designation_usage_months",
    "mpn_desktop.domain.usage_months",
    "mpn_desktop.domain.skilling_people",
    "mpn_desktop.store.facts_sqlite",
    "mpn_desktop.ui.designation_day",
    "mpn_desktop.domain.fee_text",
)
"""Declared ``after_paint`` by the window's modules (``lazy_modules.import_after_paint``)."""

_SHOW_AND_LIST_MODULES = """
import sys
from mpn_desktop import startup_probe
at_paint = set()
import gc
automatic_gc_at_paint = []
report = startup_probe.StartupProbe._report
def listing_report(self, **options):
    at_paint.update(sys.modules)
    from PySide6.QtWidgets import QApplication
    from mpn_desktop.ui.gui_collector import GuiThreadCollector
    collecting = any(
        top.findChildren(GuiThreadCollector) for top in QApplication.topLevelWidgets()
    )
    automatic_gc_at_paint.append((gc.isenabled(), collecting))
    report(self, **options)
startup_probe.StartupProbe._report = listing_report
from mpn_desktop.cli import main
code = main(["--db", sys.argv[1]])
# Every tab's module (the tabs not shown are built after the paint) declares its own.
from mpn_desktop.lazy_modules import after_paint_modules
from mpn_desktop.ui.main_window import TAB_SPECS
for spec in TAB_SPECS:
    spec.tab_class()
declared = after_paint_modules()
print("painted with", sorted(set(NOT_BEFORE_PAINT + declared) & at_paint))
print("declared after the paint", sorted(declared))
# The shown window collects on the GUI thread alone (ui/gui_collector.py).
print("automatic gc at paint", automatic_gc_at_paint)
print("exit", code)
# Start-up ran without the collector and froze what it built; the collector is back on.
print("gc", gc.isenabled(), gc.get_freeze_count() > 0)
print(sorted(name for name in sys.argv[2:] if name in sys.modules))
"""


def test_the_window_shows_on_a_current_database_without_those_modules(tmp_path: Path) -> None:
    path = tmp_path / "tracker.sqlite3"
    with Database.open(f"sqlite:///{path}") as db:
        load_sample(db)
    # The start-up probe quits once the main window is shown and painted.
    env = {**os.environ, "MPN_DESKTOP_SMOKE_EXIT": "1", "QT_QPA_PLATFORM": "offscreen"}
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            f"NOT_BEFORE_PAINT = {NOT_BEFORE_PAINT!r}\n{_SHOW_AND_LIST_MODULES}",
            str(path),
            *NOT_AT_START,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    lines = shown.stdout.splitlines()
    assert "main window shown" in shown.stdout, shown.stderr
    # The modules the window's LazyModules declare ``after_paint`` (the fill's worker imports
    # them) were not imported before the paint either: those below at least are declared.
    declared = next(line for line in lines if line.startswith("declared after the paint"))
    for name in AFTER_PAINT:
        assert repr(name) in declared
    assert lines[-6:] == [
        "painted with []",
        declared,
        "automatic gc at paint [(False, True)]",
        "exit 0",
        "gc True True",
        "[]",
    ]


_FILL_AND_LIST_MODULES = """
import sys
from mpn_desktop.cli import main
code = main(["--db", sys.argv[1]])
print("exit", code)
print(sorted(name for name in sys.modules if name.split(".")[0] in ("sqlalchemy", "asyncio")))
"""


def test_the_filled_window_on_a_sqlite_file_holds_no_sqlalchemy(tmp_path: Path) -> None:
    path = tmp_path / "tracker.sqlite3"
    with Database.open(f"sqlite:///{path}") as db:
        load_sample(db)
    # The probe quits once the window has read its records and evaluated them.
    env = {
        **os.environ,
        "MPN_DESKTOP_SMOKE_EXIT": "1",
        "MPN_DESKTOP_SMOKE_FILLED": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    filled = subprocess.run(
        [sys.executable, "-c", _FILL_AND_LIST_MODULES, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert "main window filled" in filled.stdout, filled.stderr
    assert filled.stdout.splitlines()[-2:] == ["exit 0", "[]"]

"""How long the status panel takes to follow an edit on the large benchmark organisation.

Stores the large organisation (``benchmarks/large_org.py``) in a temporary
SQLite file, opens the main window on it (offscreen), then, for a series of
edits of one month's Azure consumption pushed through the undo stack, times:

- the edit itself (undo command -> store transaction -> the edited table row redrawn),
- its parts: loading the facts (all of them; reloaded after the edit by re-reading
  the usage table; and updated by the edited row alone, as the window does since
  issue 15: ``store.facts_rows.apply_rows``), evaluating them, redrawing the panel,
- the whole way from the edit to the redrawn panel, as the window does it on
  its own: on the GUI thread, and on the worker thread the window moves to once
  an evaluation is slow -- with, for the latter, the longest time the GUI
  thread went without handling events meanwhile (what a user would feel);
- the same on the GUI thread for edits of a customer reference's status,
  whose reload re-reads the references alone (and the customers' names).

The issue asks for the evaluation to fit in one frame (about 16 ms).
Run: ``.venv/bin/python benchmarks/bench_status_panel.py``.
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from qt_timing import wait_for

EDITS = 30
FRAME_MS = 1000 / 60
"""One frame at 60 Hz: the budget of an edit to the redrawn panel (issue 15)."""


def _large_org() -> tuple[Any, Any]:
    """The large organisation's facts and its "as of" day."""
    import large_org

    build: Callable[[], Any] | None = None
    for name in ("build_large_org", "large_org", "build", "large_facts"):
        candidate = getattr(large_org, name, None)
        if callable(candidate):
            build = candidate
            break
    if build is None:
        raise SystemExit("benchmarks/large_org.py has no builder this benchmark knows")
    return build(), large_org.AS_OF


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    """Runs the benchmark and prints its figures."""
    from PySide6.QtWidgets import QApplication

    from mpn_desktop import catalog_files
    from mpn_desktop.domain import evaluate as engine
    from mpn_desktop.domain.performance import usage_window_start
    from mpn_desktop.store import records
    from mpn_desktop.store.changes import RecordKind
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.documents import document_from_facts, load_document
    from mpn_desktop.store.facts_loader import load_facts, load_indexed_facts, reload_facts
    from mpn_desktop.store.facts_rows import apply_rows
    from mpn_desktop.ui import progress_source
    from mpn_desktop.ui.context import AppContext
    from mpn_desktop.ui.main_window import MainWindow
    from mpn_desktop.ui.settings import WindowSettings
    from mpn_desktop.ui.undo_commands import EditRecordCommand

    app = QApplication.instance() or QApplication([])
    facts, as_of = _large_org()
    import large_org

    facts = large_org.without_repeated_exams(facts)
    catalog = catalog_files.load_catalog()
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(f"sqlite:///{Path(folder) / 'large.sqlite3'}")
        started = time.perf_counter()
        load_document(db, document_from_facts(facts))
        stored_s = time.perf_counter() - started
        context = AppContext(db, catalog, as_of=as_of)
        started = time.perf_counter()
        window = MainWindow(context, WindowSettings(Path(folder) / "settings.ini"))
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        opened_s = time.perf_counter() - started
        source = window.progress_source

        # Months the rules read on the "as of" day, so that every edit changes the figures shown.
        first = usage_window_start(as_of)
        usage = [row for row in records.list_records(db, RecordKind.USAGE) if row["month"] >= first]
        usage = usage[: EDITS * 3]
        rows = iter(usage)

        references = records.list_records(db, RecordKind.REFERENCE)
        reference_edits = itertools.count()

        def edit_reference() -> None:
            # Declined and back: every edit changes the figures the panel shows.
            row = references[next(reference_edits) % len(references)]
            status = "approved" if row["status"].value == "declined" else "declined"
            row["status"] = type(row["status"])(status)
            context.undo_stack.push(
                EditRecordCommand(
                    context,
                    RecordKind.REFERENCE,
                    row["id"],
                    {"status": status},
                    f"status of reference {row['id']}",
                )
            )

        edited: list[int] = []

        def edit() -> float:
            row = next(rows)
            edited.append(row["id"])
            command = EditRecordCommand(
                context,
                RecordKind.USAGE,
                row["id"],
                {"consumption_usd": Decimal(row["consumption_usd"]) + 1},
                f"consumption of usage {row['id']}",
            )
            t0 = time.perf_counter()
            context.undo_stack.push(command)
            return time.perf_counter() - t0

        edit_s: list[float] = []
        facts_s: list[float] = []
        reload_s: list[float] = []
        row_s: list[float] = []
        reference_reload_s: list[float] = []
        window_start = usage_window_start(as_of)
        previous = load_facts(db, usage_from=window_start)
        indexed = load_indexed_facts(db, usage_from=window_start)
        evaluate_s: list[float] = []
        panel_s: list[float] = []
        for _ in range(EDITS):
            edit_s.append(edit())
            r0 = time.perf_counter()
            updated = apply_rows(db, indexed, [(RecordKind.USAGE, (edited[-1],))])
            row_s.append(time.perf_counter() - r0)
            assert updated is not None
            indexed = updated
            r0 = time.perf_counter()
            reloaded = reload_facts(
                db,
                previous,
                frozenset({RecordKind.USAGE}),
                usage_from=window_start,
                previous_usage_from=window_start,
            )
            reload_s.append(time.perf_counter() - r0)
            t1 = time.perf_counter()
            # The months the window loads too: those the rules read on the "as of" day.
            loaded = load_facts(db, usage_from=window_start)
            t2 = time.perf_counter()
            progress = engine.evaluate(catalog, loaded, as_of)
            t3 = time.perf_counter()
            window.panel.set_progress(progress)
            window.panel.repaint()
            t4 = time.perf_counter()
            # Checked outside the timed steps: comparing two large Facts takes ~10 ms.
            assert reloaded == loaded, "a reload gives what a full load gives"
            assert indexed.facts == loaded, "so does a one-row update"
            previous = loaded
            facts_s.append(t2 - t1)
            evaluate_s.append(t3 - t2)
            panel_s.append(t4 - t3)
            source.refresh_now()  # settles the window's own pending evaluation
        for _ in range(EDITS):
            edit_reference()
            r0 = time.perf_counter()
            reload_facts(
                db,
                previous,
                frozenset({RecordKind.REFERENCE}),
                usage_from=window_start,
                previous_usage_from=window_start,
            )
            reference_reload_s.append(time.perf_counter() - r0)
            previous = load_facts(db, usage_from=window_start)
            source.refresh_now()

        whole: dict[bool, list[float]] = {False: [], True: []}
        stalls: dict[bool, list[float]] = {False: [], True: []}
        for background in (False, True):
            # Keep the window from moving to the worker on its own while timing the GUI thread.
            progress_source.SLOW_SECONDS = 0.0 if background else float("inf")
            source.background = background
            for _ in range(EDITS):
                t0 = time.perf_counter()
                edit()
                _waited, stall = wait_for(app, source.progressChanged)
                app.processEvents()  # the panel paints
                whole[background].append(time.perf_counter() - t0)
                stalls[background].append(stall)
        progress_source.SLOW_SECONDS = float("inf")
        source.background = False
        reference_whole: list[float] = []
        for _ in range(EDITS):
            t0 = time.perf_counter()
            edit_reference()
            wait_for(app, source.progressChanged)
            app.processEvents()
            reference_whole.append(time.perf_counter() - t0)
        window.close()
        window.deleteLater()
        app.processEvents()
        db.close()

    print(f"large organisation stored in {stored_s:.2f} s; window opened in {opened_s:.2f} s")
    print(f"edits timed: {len(edit_s)} + {len(whole[False])} + {len(whole[True])}")
    print(f"edit (undo command, store, row redrawn): median {_median_ms(edit_s):7.2f} ms")
    print(f"load facts:                              median {_median_ms(facts_s):7.2f} ms")
    print(f"reload facts after a usage edit:         median {_median_ms(reload_s):7.2f} ms")
    print(f"one-row update after a usage edit:       median {_median_ms(row_s):7.2f} ms")
    print(
        f"reload facts after a reference edit:     median {_median_ms(reference_reload_s):7.2f} ms"
    )
    print(f"evaluate:                                median {_median_ms(evaluate_s):7.2f} ms")
    print(f"panel update and repaint:                median {_median_ms(panel_s):7.2f} ms")
    for background, label in ((False, "GUI thread"), (True, "worker thread")):
        print(
            f"edit to panel redrawn, evaluated on the {label + ':':<14} median "
            f"{_median_ms(whole[background]):7.2f} ms; longest event-loop stall median "
            f"{_median_ms(stalls[background]):7.2f} ms"
        )
    # Issue 15's baseline here is a fixed budget, not a measured run: one frame at
    # 60 Hz for the edit to the redrawn panel, half of it for the longest stall.
    edit_ms, stall_ms = _median_ms(whole[False]), _median_ms(stalls[False])
    print(
        f"baseline one frame {FRAME_MS:.1f} ms: edit to panel redrawn {edit_ms:.2f} ms, ratio "
        f"{edit_ms / FRAME_MS:.2f}x (target 1x); stall {stall_ms:.2f} ms against "
        f"{FRAME_MS / 2:.1f} ms, ratio {stall_ms / (FRAME_MS / 2):.2f}x"
    )
    print(
        "edit of a reference to panel redrawn, on the GUI thread:  median "
        f"{_median_ms(reference_whole):7.2f} ms"
    )
    print(
        f"evaluation (engine + panel): {_median_ms(evaluate_s) + _median_ms(panel_s):.2f} ms "
        f"(target ~16 ms); with loading the facts: "
        f"{_median_ms(facts_s) + _median_ms(evaluate_s) + _median_ms(panel_s):.2f} ms "
        f"(full load), {_median_ms(reload_s) + _median_ms(evaluate_s) + _median_ms(panel_s):.2f} "
        "ms (reload after a usage edit)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

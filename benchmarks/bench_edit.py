"""An edit of each kind on the large organisation, from the store write to the redrawn panel.

Stores the large organisation (``benchmarks/large_org.py``) in a temporary
SQLite file and opens the main window on it (offscreen, 1280x800, Sales tab
in front as a user editing usage has it). Then, for each kind of edit issue 15
names -- a month's Azure consumption, a person (associated or not), an exam
result (its date), a customer reference (declined or approved) -- pushes
edits through the undo stack as the tables do and times, per edit:

- from the push (the undo command's store transaction) to the panel redrawn:
  the window's own evaluation (on the GUI thread for the 2017-2018 competencies' day; on
  the worker thread on a Solutions Partner day), and the paint that follows;
- the CPU time of this process over the same span (the wall clock on a shared
  machine also counts waiting for a core);
- the longest time the GUI thread went without handling events (a 1 ms timer's
  longest gap): what a user would feel while typing;
- the GUI thread's own CPU time in that stall: the longer of the push (the store write
  and the undo command, on the GUI thread) and the longest CPU time between two ticks.
  Where the evaluation runs on the worker thread (a Solutions Partner day, ``--by-service``,
  whatever the window's switch says), a wall-clock stall on a loaded machine counts mostly
  the GUI thread waiting for a core or the interpreter lock; this one does not.

Every edit changes what the panel shows, and the kinds are interleaved (usage,
person, exam, reference, usage, ...) so that a burst of load hits them alike.
The baseline is a fixed budget, not a measured run: one frame at 60 Hz for the
edit to the redrawn panel, half of it (8 ms) for the longest stall.

With ``--by-service``: a day of the Solutions Partner program (2026-10-15), where each edit
also scores the designations again, on the organisation with its usage as a real database
holds it (``bench_designations.by_service``), for information: today's users' case.

    .venv/bin/python benchmarks/bench_edit.py [--edits N] [--by-service]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from qt_timing import wait_for

FRAME_MS = 1000 / 60
"""One frame at 60 Hz: the budget of an edit to the redrawn panel (issue 15)."""
STALL_MS = 8.0
"""The longest the GUI thread may go without handling events (issue 15)."""
KINDS = ("usage", "person", "exam", "reference")


def _large_org(by_service: bool = False) -> tuple[Any, Any]:
    """The large organisation's facts (without exams the store refuses as repeats) and day;
    ``by_service``: its Solutions Partner version with the usage as a real database holds
    it, moved on to 2026 (``bench_designations``), and a day of the 2026-05 catalogue."""
    import large_org

    if not by_service:
        return large_org.without_repeated_exams(large_org.build_large_org()), large_org.AS_OF
    import bench_designations as bench

    facts = bench.moved_on(bench.by_service(bench.solutions_partner_org()), bench.MONTHS_2026)
    return large_org.without_repeated_exams(facts), bench.shifted_day(
        bench.DAYS[0], bench.MONTHS_2026
    )


def _edits(context: Any, db: Any, as_of: Any) -> dict[str, Callable[[], Any]]:
    """One function per kind, each making the next edit of that kind (a new undo command)."""
    from mpn_desktop.domain.performance import usage_window_start
    from mpn_desktop.store import records
    from mpn_desktop.store.changes import RecordKind
    from mpn_desktop.ui.undo_commands import EditRecordCommand

    first = usage_window_start(as_of)
    usage = [row for row in records.list_records(db, RecordKind.USAGE) if row["month"] >= first]
    people = records.list_records(db, RecordKind.PERSON)
    exams = records.list_records(db, RecordKind.EXAM)
    references = records.list_records(db, RecordKind.REFERENCE)
    counters = {kind: itertools.count() for kind in KINDS}

    def command(kind: RecordKind, row: dict[str, Any], values: dict[str, Any]) -> Any:
        row.update(values)
        return EditRecordCommand(context, kind, row["id"], values, f"{kind.value} {row['id']}")

    def usage_edit() -> Any:
        row = usage[next(counters["usage"]) % len(usage)]
        return command(
            RecordKind.USAGE, row, {"consumption_usd": Decimal(row["consumption_usd"]) + 100}
        )

    def person_edit() -> Any:
        row = people[next(counters["person"]) % len(people)]
        return command(RecordKind.PERSON, row, {"associated": not row["associated"]})

    def exam_edit() -> Any:
        row = exams[next(counters["exam"]) % len(exams)]
        return command(RecordKind.EXAM, row, {"passed_on": row["passed_on"] + timedelta(days=1)})

    def reference_edit() -> Any:
        row = references[next(counters["reference"]) % len(references)]
        status = "approved" if row["status"].value == "declined" else "declined"
        return command(RecordKind.REFERENCE, row, {"status": type(row["status"])(status)})

    return {
        "usage": usage_edit,
        "person": person_edit,
        "exam": exam_edit,
        "reference": reference_edit,
    }


def main() -> int:
    """Runs the benchmark and prints its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=20, help="timed edits of each kind")
    parser.add_argument(
        "--by-service",
        action="store_true",
        help="a day of the Solutions Partner program (designations scored after each edit) "
        "on the organisation with usage by service as imported, moved on to 2026",
    )
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from mpn_desktop import catalog_files
    from mpn_desktop.programs import shipped_scored_catalogs
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.documents import document_from_facts, load_document
    from mpn_desktop.ui import progress_source
    from mpn_desktop.ui.context import AppContext
    from mpn_desktop.ui.main_window import MainWindow
    from mpn_desktop.ui.settings import WindowSettings

    app = QApplication.instance() or QApplication([])
    facts, as_of = _large_org(args.by_service)
    load_before = os.getloadavg()[0]
    wall: dict[str, list[float]] = {kind: [] for kind in KINDS}
    cpu: dict[str, list[float]] = {kind: [] for kind in KINDS}
    stalls: dict[str, list[float]] = {kind: [] for kind in KINDS}
    gui_stalls: dict[str, list[float]] = {kind: [] for kind in KINDS}
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(f"sqlite:///{Path(folder) / 'large.sqlite3'}")
        load_document(db, document_from_facts(facts))
        context = AppContext(
            db,
            catalog_files.load_catalog(),
            as_of=as_of,
            scored_catalogs=shipped_scored_catalogs() if args.by_service else (),
        )
        window = MainWindow(context, WindowSettings(Path(folder) / "settings.ini"))
        window.resize(1280, 800)
        window.show()
        window.tabs.setCurrentIndex(0)
        app.processEvents()
        source = window.progress_source
        # Time the GUI thread's own way (the window moves to the worker only once an
        # evaluation took over 50 ms: a loaded machine must not switch it mid-run).
        progress_source.SLOW_SECONDS = float("inf")
        source.background = False
        source.refresh_now()
        app.processEvents()
        make = _edits(context, db, as_of)
        # As the program does once the window is filled (app._after_filling): what was
        # built so far lives as long as the window, and the collector's full passes after
        # edits no longer walk through it.
        gc.freeze()
        for round_ in range(args.edits + 3):
            for kind in KINDS:
                command = make[kind]()
                started, cpu_started = time.perf_counter(), time.process_time()
                gui_started = time.thread_time()
                context.undo_stack.push(command)
                pushed = time.thread_time() - gui_started
                gui_cpu: list[float] = []
                _waited, stall = wait_for(app, source.progressChanged, paint=True, gui_cpu=gui_cpu)
                if round_ >= 3:  # the first rounds warm up (imports, caches, first paints)
                    wall[kind].append(time.perf_counter() - started)
                    cpu[kind].append(time.process_time() - cpu_started)
                    stalls[kind].append(stall)
                    gui_stalls[kind].append(max(pushed, *gui_cpu))
        window.close()
        window.deleteLater()
        app.processEvents()
        db.close()
    load_after = os.getloadavg()[0]

    def ms(samples: list[float]) -> float:
        return statistics.median(samples) * 1000

    print(
        f"large organisation{' by service, as of ' + str(as_of) if args.by_service else ''}, "
        f"{args.edits} edits of each kind, interleaved; load average "
        f"{load_before:.1f} before, {load_after:.1f} after, on {os.cpu_count()} cores"
    )
    for kind in KINDS:
        print(
            f"{kind:<10} edit to panel redrawn: median {ms(wall[kind]):6.2f} ms "
            f"(max {max(wall[kind]) * 1000:6.2f}), cpu median {ms(cpu[kind]):6.2f} ms; "
            f"longest stall median {ms(stalls[kind]):6.2f} ms "
            f"(GUI-thread CPU {ms(gui_stalls[kind]):5.2f} ms)"
        )
    every = [sample for kind in KINDS for sample in wall[kind]]
    every_cpu = [sample for kind in KINDS for sample in cpu[kind]]
    every_stall = [sample for kind in KINDS for sample in stalls[kind]]
    every_gui = [sample for kind in KINDS for sample in gui_stalls[kind]]
    print(
        f"baseline one frame {FRAME_MS:.1f} ms: edit to panel redrawn median {ms(every):.2f} ms, "
        f"ratio {ms(every) / FRAME_MS:.2f}x (target 1x; cpu {ms(every_cpu):.2f} ms, ratio "
        f"{ms(every_cpu) / FRAME_MS:.2f}x); longest stall median {ms(every_stall):.2f} ms "
        f"against {STALL_MS:.0f} ms, ratio {ms(every_stall) / STALL_MS:.2f}x (target 1x; "
        f"GUI-thread CPU {ms(every_gui):.2f} ms, ratio {ms(every_gui) / STALL_MS:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

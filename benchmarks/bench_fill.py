"""The large organisation's window filling after its first paint: the longest GUI stall, and memory.

Run: ``python benchmarks/bench_fill.py [--runs 5] [--against PATH] [--as-of DAY] [--by-service]``.

Each run is a fresh process (as a user starts the program), offscreen at
1280x800 with the Sales tab in front, as of 2018-03-15 (competency cards) or
``--as-of`` (a Solutions Partner day such as 2024-03-15 shows designation
cards): the main window is built and shown as ``app.run_gui`` does, then
filled (``MainWindow.fill``: the worker reads the tables, the tabs take their
rows one per turn of the event loop, the status panel is evaluated, the hidden
tables fit their columns). A 1 ms timer
records every turn of the event loop; printed per run and as medians:

- the longest time the GUI thread went without handling events from the start
  of the fill until the last hidden table fitted its columns (what a user clicking
  or scrolling meanwhile would feel), against a budget of 50 ms (no baseline
  program: the budget is the baseline, as ``bench_edit`` takes one frame);
- where the three longest stalls began (seconds after the fill started), and what of
  the fill ran in each (the tabs taking their rows, the status panel's evaluation and
  its result shown, the panel making or showing a card, the hidden tables fitting their columns);
- the seconds to ``filled``, and the resident set size once filled (idle);
- the months of usage the Sales tab's table holds (36,000 in the database);
- then three things a user does with that table, each timed to the rows shown with the
  longest stall meanwhile: choose a subscription (its months), "Show all usage" (every
  month), and choose another subscription after that.

``--against PATH`` runs another checkout of the program (e.g. ``/work/main``)
interleaved with this one, run by run, and prints the pair-by-pair ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RECORD_ROLE = 0x0100 + 1
"""``record_table.RECORD_ROLE`` (Qt's UserRole + 1), as every checkout compared has it."""
STALL_BUDGET_MS = 50.0
"""The longest stall the fill may cause (the window answers within a few frames)."""
DEFAULT_AS_OF = "2018-03-15"
"""The day shown unless --as-of names another (bench_startup fills on it)."""
BY_SERVICE_AS_OF = "2026-10-15"
"""The day shown with ``--by-service``: the last of bench_designations' 2026 days."""


def _child(database: str, settings: str, as_of: str) -> None:
    """One fill, in this process; prints its figures as JSON."""
    import gc
    import itertools
    import resource
    import time
    from datetime import date

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    from qt_timing import ticks_until

    app = QApplication([])
    from mpn_desktop.catalog_files import load_catalog
    from mpn_desktop.programs import shipped_scored_catalogs
    from mpn_desktop.store.database import Database
    from mpn_desktop.ui.context import AppContext
    from mpn_desktop.ui.main_window import MainWindow
    from mpn_desktop.ui.settings import WindowSettings

    spans = _watch_spans()
    gc.disable()  # as run_gui builds the window
    db = Database.open(f"sqlite:///{database}", engine_later=True)
    context = AppContext(
        db,
        load_catalog(),
        scored_catalogs=shipped_scored_catalogs(),
        as_of=date.fromisoformat(as_of),
    )
    window = MainWindow(context, WindowSettings(Path(settings)), evaluate_now=False)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    gc.freeze()
    gc.enable()
    started = time.perf_counter()
    # The hidden tables fit their columns after ``filled``, one per turn: waited for (0.5 s).
    ticks, filled_at = ticks_until(window.filled, 60, after_s=0.5, begin=window.fill)
    filled_after = [] if filled_at is None else [filled_at - started]
    end = started + filled_after[0] + 0.5 if filled_after else time.perf_counter()
    gaps = sorted(
        (
            (later - earlier, earlier - started)
            for earlier, later in itertools.pairwise(ticks)
            if earlier < end
        ),
        reverse=True,
    )
    sales = window.step_tabs[0]
    usage = getattr(sales, "usage", None)
    figures: dict[str, Any] = {
        "filled_s": filled_after[0] if filled_after else None,
        "stall_ms": gaps[0][0] * 1000,
        "stalls": [
            [round(gap * 1000, 1), round(at, 3), _ran_in(spans, started + at, gap)]
            for gap, at in gaps[:3]
        ],
        "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "usage_rows": usage.model.rowCount() if usage is not None else None,
    }
    if usage is not None:
        figures["actions"] = _table_actions(app, sales)
    print(json.dumps(figures), flush=True)
    window.close()
    db.close()


_WATCHED = (
    ("mpn_desktop.ui.tabs.step_tab", "StepTab", "finish_loading", "tab takes its rows"),
    ("mpn_desktop.ui.progress_source", "ProgressSource", "refresh_now", "evaluation"),
    ("mpn_desktop.ui.progress_source", "ProgressSource", "_publish", "result shown"),
    ("mpn_desktop.ui.card_column", "CardColumn", "_next_step", "panel makes or shows a card"),
    ("mpn_desktop.ui.tabs.record_section", "RecordSection", "fit_columns_if_waiting", "fit"),
)
"""What of the fill a stall is put down to (module, class, method, words): in every
checkout compared."""


def _watch_spans() -> list[tuple[str, float, float]]:
    """Wraps the methods of ``_WATCHED`` to note (words, start, end) of each call."""
    import importlib
    import time

    spans: list[tuple[str, float, float]] = []
    for module_name, class_name, method, words in _WATCHED:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue  # not in the checkout compared
        owner = getattr(module, class_name, None)
        original = getattr(owner, method, None)
        if owner is None or original is None:
            continue

        def watched(
            self: Any, *args: Any, _original: Any = original, _words: str = words, **kwargs: Any
        ) -> Any:
            began = time.perf_counter()
            try:
                return _original(self, *args, **kwargs)
            finally:
                name = getattr(self, "objectName", lambda: "")()
                spans.append((f"{_words} {name}".strip(), began, time.perf_counter()))

        setattr(owner, method, watched)
    return spans


def _ran_in(spans: list[tuple[str, float, float]], begin: float, length: float) -> str:
    """The watched calls that ran in the stall from ``begin`` for ``length`` seconds."""
    inside = [
        f"{words} {(min(end, begin + length) - max(start, begin)) * 1000:.0f} ms"
        for words, start, end in spans
        if start < begin + length and end > begin and (end - start) > 0.002
    ]
    return "; ".join(inside) or "(none watched: layout and paint)"


def _until(app: Any, action: Any, done: Any) -> list[float]:
    """Runs ``action`` and the event loop until ``done()`` holds (checked every 1 ms) and
    the paint after it: [ms to then, longest stall ms]."""
    import itertools
    import time

    from PySide6.QtCore import QObject, QTimer, Signal
    from qt_timing import ticks_until

    class Reached(QObject):
        """Says when ``done()`` first held."""

        reached = Signal()

    reached = Reached()
    checker = QTimer()
    checker.setInterval(1)

    def check() -> None:
        if done():
            checker.stop()
            reached.reached.emit()

    checker.timeout.connect(check)
    started: list[float] = []

    def begin() -> None:
        started.append(time.perf_counter())
        checker.start()
        QTimer.singleShot(0, action)

    # 20 ms after: the paint that follows.
    ticks, reached_at = ticks_until(reached.reached, 30, after_s=0.02, begin=begin)
    checker.stop()
    stall = max(later - earlier for earlier, later in itertools.pairwise(ticks))
    return [((reached_at or time.perf_counter()) - started[0]) * 1000, stall * 1000]


def _table_actions(app: Any, sales: Any) -> dict[str, list[float]]:
    """Choose a subscription, "Show all usage", choose another: [ms to the rows, stall ms]."""
    from mpn_desktop.store import records
    from mpn_desktop.store.changes import RecordKind

    usage, subscriptions = sales.usage, sales.subscriptions
    every = len(records.list_records(sales.context.db, RecordKind.USAGE))
    first, second = (subscriptions.model.record_at(row)["id"] for row in (3, 7))

    def months_of(subscription: int) -> bool:
        rows = usage.proxy.rowCount()
        return (
            0 < rows < every
            and usage.proxy.index(0, 0).data(int(RECORD_ROLE))["subscription_id"] == subscription
        )

    return {
        "choose": _until(app, lambda: subscriptions.select_id(first), lambda: months_of(first)),
        "show_all": _until(app, sales.show_all_usage, lambda: usage.proxy.rowCount() == every),
        "choose_after": _until(
            app, lambda: subscriptions.select_id(second), lambda: months_of(second)
        ),
    }


def _large_database(path: Path, by_service: bool = False) -> None:
    """The large organisation stored in ``path``; ``by_service``: its Solutions Partner
    version with the usage as a real database holds it, moved on to 2026
    (``bench_designations``: ``by_service``, ``moved_on``)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import large_org

    from mpn_desktop.store.database import Database
    from mpn_desktop.store.documents import document_from_facts, load_document

    facts = large_org.build_large_org()
    if by_service:
        import bench_designations

        facts = bench_designations.moved_on(
            bench_designations.by_service(bench_designations.solutions_partner_org()),
            bench_designations.MONTHS_2026,
        )
    with Database.open(f"sqlite:///{path}") as db:
        load_document(db, document_from_facts(facts))


def _run(tree: Path, database: Path, folder: Path, as_of: str = DEFAULT_AS_OF) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(tree))
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        (folder / variable.lower()).mkdir(exist_ok=True)
        env[variable] = str(folder / variable.lower())
    # As an installed program runs, from its modules' bytecode (the untimed first run writes
    # it): an environment telling Python not to write any made every fill compile the tabs'
    # modules imported after the first paint again (50-65 ms of the fill's first stall).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(database), str(folder / "settings.ini"), as_of],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"the fill did not finish ({tree}): {done.stdout}{done.stderr}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def _summary(name: str, runs: list[dict[str, Any]]) -> None:
    stall = statistics.median(run["stall_ms"] for run in runs)
    each = ", ".join(f"{run['stall_ms']:.0f}" for run in runs)
    print(
        f"{name}: longest stall of the fill median {stall:6.1f} ms "
        f"(runs: {each}) against a budget of "
        f"{STALL_BUDGET_MS:.0f} ms, ratio {stall / STALL_BUDGET_MS:.2f}x (target 1x); filled "
        f"after {statistics.median(run['filled_s'] for run in runs):.3f} s median; idle RSS "
        f"{statistics.median(run['rss_mib'] for run in runs):.0f} MiB; usage rows held "
        f"{runs[-1]['usage_rows']}"
    )
    for run in runs:
        print("  three longest stalls (ms, starting s after the fill began: what of it ran):")
        for gap, at, ran in run["stalls"]:
            print(f"    {gap:6.1f} ms at {at:.3f} s: {ran}")
    for action, words in (
        ("choose", "choose a subscription"),
        ("show_all", "Show all usage"),
        ("choose_after", "then choose another"),
    ):
        if all("actions" in run for run in runs):
            taken = statistics.median(run["actions"][action][0] for run in runs)
            stall = statistics.median(run["actions"][action][1] for run in runs)
            print(
                f"  Monthly usage table, {words}: {taken:.0f} ms to its rows shown, "
                f"longest stall {stall:.0f} ms (medians)"
            )


def main() -> None:
    """Builds the large organisation, then times the fills."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fills (fresh processes) per side")
    parser.add_argument("--against", type=Path, help="another checkout to run interleaved")
    parser.add_argument(
        "--as-of",
        default=DEFAULT_AS_OF,
        help="the day shown (a Solutions Partner day, e.g. 2024-03-15, shows designation cards)",
    )
    parser.add_argument(
        "--by-service",
        action="store_true",
        help="the Solutions Partner organisation with usage by service as imported, moved on "
        f"to 2026 (shown as of {BY_SERVICE_AS_OF} unless --as-of names another day)",
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.by_service and args.as_of == DEFAULT_AS_OF:
        args.as_of = BY_SERVICE_AS_OF
    if args.child:
        _child(*args.child)
        return
    with tempfile.TemporaryDirectory(prefix="bench-fill-") as name:
        folder = Path(name)
        database = folder / "large.sqlite3"
        _large_database(database, args.by_service)
        trees = [ROOT] if args.against is None else [args.against, ROOT]
        for tree in trees:
            _run(tree, database, folder, args.as_of)  # untimed: bytecode cached, file cache warm
        runs: dict[Path, list[dict[str, Any]]] = {tree: [] for tree in trees}
        for _ in range(args.runs):
            for tree in trees:
                runs[tree].append(_run(tree, database, folder, args.as_of))
        load = os.getloadavg()[0]
        print(f"large organisation as of {args.as_of}, {args.runs} fills per side, load {load:.1f}")
        for tree in trees:
            _summary(str(tree), runs[tree])
        if args.against is not None:
            ratios = [
                mine["stall_ms"] / theirs["stall_ms"]
                for theirs, mine in zip(runs[args.against], runs[ROOT], strict=True)
            ]
            rss = [
                mine["rss_mib"] / theirs["rss_mib"]
                for theirs, mine in zip(runs[args.against], runs[ROOT], strict=True)
            ]
            print(
                f"this checkout against {args.against}: longest stall "
                f"{statistics.median(ratios):.2f}x, idle RSS {statistics.median(rss):.2f}x "
                "(medians of pair-by-pair ratios)"
            )


if __name__ == "__main__":
    main()

"""Benchmark: the large organisation on PostgreSQL over the loopback against SQLite (goal <= 2x).

Starts a throwaway PostgreSQL cluster (tests/helpers/postgres.py: Debian's
initdb/pg_ctl, listening on 127.0.0.1 only, on a free port) and prints:

1. ``status`` load + evaluate of the large organisation (benchmarks/large_org.py)
   on PostgreSQL and on a SQLite file, in one run, and their ratio;
2. two windows on one PostgreSQL database (one process, offscreen): the time
   from a commit in one to the redrawn status panel in the other (goal < 1 s);
3. PROCESSES processes importing exam files and editing records in one
   database at once for SECONDS: operations attempted, succeeded, refused with
   a message, failed otherwise, and rows lost (must be 0).

    .venv/bin/python benchmarks/bench_postgres.py [--runs N] [--seconds S] [--processes P]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _median_ms(func: Callable[[], Any], runs: int) -> tuple[float, float]:
    func()  # warm-up: first connection, caches
    wall, cpu = [], []
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        func()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - cpu_start) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def _status_load(pg_url: str, runs: int) -> None:
    import large_org

    from mpn_desktop import catalog_files
    from mpn_desktop.domain.evaluate import evaluate
    from mpn_desktop.domain.performance import usage_window_start
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.documents import document_from_facts, load_document
    from mpn_desktop.store.facts_loader import load_facts

    facts, as_of = large_org.build_large_org(), large_org.AS_OF
    catalog = catalog_files.load_catalog(None)
    document = document_from_facts(facts)
    with tempfile.TemporaryDirectory() as folder:
        figures: dict[str, tuple[float, float]] = {}
        for name, url in (
            ("SQLite", f"sqlite:///{Path(folder) / 'large.sqlite3'}"),
            ("PostgreSQL", pg_url),
        ):
            with Database.open(url) as db:
                start = time.perf_counter()
                load_document(db, document)
                stored = (time.perf_counter() - start) * 1000
                window = usage_window_start(as_of)
                figures[name] = _median_ms(
                    lambda db=db, window=window: evaluate(
                        catalog, load_facts(db, usage_from=window), as_of
                    ),
                    runs,
                )
                print(
                    f"  {name:<10} load+evaluate median {figures[name][0]:7.1f} ms "
                    f"(cpu {figures[name][1]:6.1f} ms, {runs} runs; stored once in {stored:.0f} ms)"
                )
    ratio = figures["PostgreSQL"][0] / figures["SQLite"][0]
    print(f"  ratio PostgreSQL / SQLite: {ratio:.2f}x (goal <= 2x)")


def _commit_to_panel(template_url: str, runs: int) -> None:
    from PySide6.QtWidgets import QApplication
    from qt_timing import moment_fired

    from mpn_desktop import catalog_files
    from mpn_desktop.store import records
    from mpn_desktop.store.changes import RecordKind
    from mpn_desktop.store.database import Database
    from mpn_desktop.ui.context import AppContext
    from mpn_desktop.ui.main_window import MainWindow
    from mpn_desktop.ui.settings import WindowSettings

    app = QApplication.instance() or QApplication([])
    catalog = catalog_files.load_catalog(None)
    with tempfile.TemporaryDirectory() as folder:
        windows = []
        for name in ("a", "b"):
            context = AppContext(Database.open(template_url), catalog, as_of=date(2018, 3, 15))
            window = MainWindow(context, WindowSettings(Path(folder) / f"{name}.ini"))
            window.show()
            windows.append(window)
        first, second = windows

        def wait_for_panel() -> float | None:
            return moment_fired(app, second.progress_source.progressChanged, timeout_s=15)

        wait_for_panel()  # the first evaluation after opening
        times = []
        for run in range(runs):
            start = time.perf_counter()
            first.context.run(
                lambda run=run: records.add_record(
                    first.context.db, RecordKind.CUSTOMER, {"name": f"Bench customer {run}"}
                )
            )
            drawn = wait_for_panel()
            if drawn is None:
                print("  the other window's panel was not redrawn within 15 s")
                break
            times.append((drawn - start) * 1000)
        for window in windows:
            window.close()
            window.context.db.close()
        app.processEvents()
    if times:
        print(
            "  commit in one window -> other's panel redrawn: "
            f"median {statistics.median(times):.0f} ms, "
            f"max {max(times):.0f} ms ({len(times)} commits; goal < 1000 ms)"
        )


def _worker(url: str, number: int, seconds: float, folder: str, queue: Any) -> None:
    """One client: imports small exam files and edits customers until the time is up."""
    from mpn_desktop import catalog_files
    from mpn_desktop.errors import MpnError
    from mpn_desktop.importers.catalog_lookup import CatalogLookup
    from mpn_desktop.importers.importing import run_import
    from mpn_desktop.importers.kinds import ExamImport
    from mpn_desktop.importers.planning import plan_import
    from mpn_desktop.store import records
    from mpn_desktop.store.changes import RecordKind
    from mpn_desktop.store.database import Database

    rng = random.Random(number)
    kind = ExamImport(CatalogLookup(catalog_files.load_catalog(None)))
    counts = {"attempted": 0, "succeeded": 0, "refused": 0, "failed": 0}
    added_customers: list[int] = []
    messages: set[str] = set()
    deadline = time.monotonic() + seconds
    with Database.open(url) as db:
        step = 0
        while time.monotonic() < deadline:
            step += 1
            counts["attempted"] += 1
            choice = rng.random()
            try:
                if choice < 0.3:
                    path = Path(folder) / f"exams-{number}-{step}.csv"
                    # Shared MCP IDs across the clients: people and duplicates collide on purpose.
                    lines = ["mcp_id,name,exam_code,passed_on"]
                    for _row in range(20):
                        person = rng.randrange(200)
                        day = date(2017, 1, 1) + timedelta(days=rng.randrange(300))
                        lines.append(f"{7000000 + person},Person {person},70-533,{day.isoformat()}")
                    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
                    run_import(db, kind, path, plan_import(path).settings)
                elif choice < 0.6 or not added_customers:
                    done = records.add_record(
                        db, RecordKind.CUSTOMER, {"name": f"Client {number} customer {step}"}
                    )
                    added_customers.append(int(getattr(done.value, "id", done.value)))
                else:
                    customer = rng.choice(added_customers)
                    records.update_record(
                        db, RecordKind.CUSTOMER, customer, {"tenant_id": f"t-{number}-{step}"}
                    )
                counts["succeeded"] += 1
            except MpnError as error:
                counts["refused"] += 1
                messages.add(str(error)[:120])
            except Exception as error:  # counted: a benchmark reports, it does not stop
                counts["failed"] += 1
                messages.add(f"{type(error).__name__}: {str(error)[:120]}")
    queue.put((number, counts, added_customers, sorted(messages)[:3]))


def _many_clients(url: str, processes: int, seconds: float) -> None:
    from mpn_desktop.store import records
    from mpn_desktop.store.changes import RecordKind
    from mpn_desktop.store.database import Database

    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    with tempfile.TemporaryDirectory() as folder:
        workers = [
            context.Process(target=_worker, args=(url, n, seconds, folder, queue))
            for n in range(processes)
        ]
        for worker in workers:
            worker.start()
        results = [queue.get(timeout=seconds + 120) for _ in workers]
        for worker in workers:
            worker.join(timeout=30)
    total = {"attempted": 0, "succeeded": 0, "refused": 0, "failed": 0}
    added: list[int] = []
    messages: set[str] = set()
    for _number, counts, customers, said in results:
        for key in total:
            total[key] += counts[key]
        added += customers
        messages.update(said)
    with Database.open(url) as db:
        present = {row["id"] for row in records.list_records(db, RecordKind.CUSTOMER)}
    lost = len(set(added) - present)
    print(
        f"  {processes} processes x {seconds:.0f} s: attempted {total['attempted']}, "
        f"succeeded {total['succeeded']}, refused with a message {total['refused']}, "
        f"failed otherwise {total['failed']}, rows lost {lost} (must be 0)"
    )
    for message in sorted(messages)[:5]:
        print(f"    e.g. {message}")


def main() -> int:
    """Runs the three measurements and prints their figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--processes", type=int, default=4)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from helpers.postgres import PostgresCluster, server_bin_dir

    bin_dir = server_bin_dir()
    if bin_dir is None:
        print("PostgreSQL's server is not installed (Debian: apt-get install postgresql)")
        return 2
    cluster = PostgresCluster(bin_dir, tcp_port=_free_port())
    cluster.start()
    try:
        print("1. status load + evaluate of the large organisation")
        _status_load(cluster.tcp_url(cluster.create_database()), args.runs)
        print("2. two windows on one PostgreSQL database (demo organisation)")
        demo = cluster.create_database()
        from mpn_desktop.store.database import Database
        from mpn_desktop.store.sample import load_sample

        with Database.open(cluster.tcp_url(demo)) as db:
            load_sample(db, date(2018, 3, 15))
        _commit_to_panel(cluster.tcp_url(demo), args.runs)
        print("3. several processes importing and editing at once")
        shared = cluster.create_database()
        with Database.open(cluster.tcp_url(shared)) as db:
            load_sample(db, date(2018, 3, 15))
        _many_clients(cluster.tcp_url(shared), args.processes, args.seconds)
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

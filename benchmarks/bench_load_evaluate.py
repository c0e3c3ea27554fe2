"""Benchmark: load the large organisation's facts from SQLite and evaluate them (at most 1.3x).

Stores the large organisation of ``benchmarks/large_org.py`` once in a
temporary SQLite file through ``load_document``, then times ``load_facts``
and ``evaluate`` separately and together, and prints the figures.

The baseline (issue 15: at most 1.3x) is the least work giving the same
answer's inputs: the very SQL statements ``load_facts`` ran (recorded from the
engine) replayed through a bare ``sqlite3`` connection with ``fetchall``, plus
the plain pass of ``bench_evaluate.py`` over the facts the script stored (their
records, usage cut to the window the loader reads; checked equal to what
``load_facts`` returns). The baseline must not depend on the program under
test: a pass over the loaded facts got faster whenever the loader's records got
leaner, and loaded facts kept alive shaped the heap the raw fetch allocates in,
so none is kept while the pairs run. Program and baseline
are timed in interleaved pairs (the machine is shared: a busy spell slows both
of a pair), and the ratio is the median of the pairs' ratios. The baseline's
two parts and the program's are also printed apart, to show where the time
above the fetch goes.

With ``--by-service`` the organisation's usage is as a real database holds it (a row per
subscription, month and service, later months imported one by one: ``bench_designations.
by_service``, 72,836 rows), for information: issue 15's target was set and met on one row a
month per subscription.

    .venv/bin/python benchmarks/bench_load_evaluate.py [--runs N] [--by-service]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _large_org() -> tuple[Any, Any]:
    """The large organisation's facts and its as-of day, from benchmarks/large_org.py."""
    import large_org

    for name in ("build_large_org", "large_org", "build", "large_facts"):
        build = getattr(large_org, name, None)
        if callable(build):
            return build(), getattr(large_org, "AS_OF", None)
    raise SystemExit("benchmarks/large_org.py has no builder this benchmark knows")


class _Runs(NamedTuple):
    """Milliseconds per run: on the wall clock and of this process's CPU time.

    On a machine shared with other work the wall clock also counts the time
    spent waiting for a core; the CPU time does not.
    """

    wall: list[float]
    cpu: list[float]


def _timed(func: Callable[[], Any], runs: int) -> tuple[_Runs, Any]:
    result = func()  # warm-up (imports, first connection)
    times = _Runs([], [])
    for _ in range(runs):
        start = time.perf_counter()
        cpu_start = time.process_time()
        result = func()
        times.wall.append((time.perf_counter() - start) * 1000)
        times.cpu.append((time.process_time() - cpu_start) * 1000)
    return times, result


def _pairs(
    program: Callable[[], Any], baseline: Callable[[], Any], runs: int
) -> tuple[_Runs, _Runs]:
    """``program`` and ``baseline`` timed in ``runs`` interleaved pairs (each warmed up once).

    Which one runs first alternates from pair to pair, so neither always
    follows the other's garbage or cache state.
    """
    program()
    baseline()
    first, second = _Runs([], []), _Runs([], [])
    for run in range(runs):
        order = ((program, first), (baseline, second))
        for func, times in order if run % 2 == 0 else order[::-1]:
            start = time.perf_counter()
            cpu_start = time.process_time()
            func()
            times.wall.append((time.perf_counter() - start) * 1000)
            times.cpu.append((time.process_time() - cpu_start) * 1000)
    return first, second


def _pair_ratio(program: list[float], baseline: list[float]) -> float:
    """The median of the pairs' ratios (program / baseline)."""
    return statistics.median(a / b for a, b in zip(program, baseline, strict=True))


def _report(label: str, times: _Runs) -> None:
    ordered = sorted(times.wall)
    p90 = ordered[int(len(ordered) * 0.9) - 1] if len(ordered) >= 10 else ordered[-1]
    print(
        f"{label:<22} median {statistics.median(ordered):7.2f} ms   "
        f"min {ordered[0]:7.2f} ms   p90 {p90:7.2f} ms"
        f"   cpu median {statistics.median(times.cpu):7.2f} ms   ({len(ordered)} runs)"
    )


def _statements_of(engine: Any, func: Callable[[], Any]) -> list[tuple[str, Any]]:
    """The SELECT statements ``func`` ran on ``engine``, as SQLite ran them (values bound in).

    Traced in the driver: the loader hands its SQL straight to the sqlite3 cursor.
    """
    from sqlalchemy import event

    ran: list[str] = []

    def trace(dbapi_connection: Any, *_args: Any) -> None:
        dbapi_connection.set_trace_callback(ran.append)

    def untrace(dbapi_connection: Any, *_args: Any) -> None:
        dbapi_connection.set_trace_callback(None)

    event.listen(engine, "checkout", trace)
    event.listen(engine, "checkin", untrace)
    try:
        func()
    finally:
        event.remove(engine, "checkout", trace)
        event.remove(engine, "checkin", untrace)
    return [(sql, ()) for sql in ran if sql.lstrip().upper().startswith("SELECT")]


def _raw_fetch(path: Path, statements: list[tuple[str, Any]]) -> Callable[[], int]:
    """Runs ``statements`` through a bare sqlite3 connection (opened once), fetching all rows."""
    import sqlite3

    connection = sqlite3.connect(path)

    def fetch() -> int:
        rows = 0
        for sql, params in statements:
            rows += len(connection.execute(sql, params).fetchall())
        return rows

    return fetch


def _program_apart(
    db: Any, catalog: Any, as_of: date, *, facts: Any, stored: Any, runs: int
) -> tuple[_Runs, _Runs, _Runs]:
    """``load_facts`` (all usage, then the window) and ``evaluate`` timed apart, each answer
    checked against the stored facts; none of the loaded facts outlives the call."""
    from mpn_desktop.domain import evaluate as engine
    from mpn_desktop.domain.performance import usage_window_start
    from mpn_desktop.store.facts_loader import load_facts

    load_times, loaded = _timed(lambda: load_facts(db), runs)
    if loaded != facts:
        print("warning: the loaded facts differ from the stored ones")
    start_month = usage_window_start(as_of)
    window_times, windowed = _timed(lambda: load_facts(db, usage_from=start_month), runs)
    if windowed != stored:
        print("warning: the loaded window differs from the stored facts cut to it")
    eval_times, _ = _timed(lambda: engine.evaluate(catalog, windowed, as_of), runs)
    if engine.evaluate(catalog, windowed, as_of) != engine.evaluate(catalog, loaded, as_of):
        print("warning: the usage window changed the result")
    return load_times, window_times, eval_times


def main() -> int:
    """Runs the benchmark and prints its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--by-service",
        action="store_true",
        help="the usage as a real database holds it (bench_designations.by_service: a row per "
        "subscription, month and service, later months imported one by one), for information",
    )
    args = parser.parse_args()

    from mpn_desktop import catalog_files
    from mpn_desktop.domain import evaluate as engine
    from mpn_desktop.domain.facts import Kept
    from mpn_desktop.domain.performance import usage_window_start
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.documents import document_from_facts, load_document
    from mpn_desktop.store.facts_loader import load_facts

    facts, as_of = _large_org()
    if args.by_service:
        from bench_designations import by_service

        facts = by_service(facts)
    as_of = as_of or date.today()
    catalog = catalog_files.load_catalog(None)
    print(
        f"large organisation: {len(facts.customers)} customers, "
        f"{len(facts.subscriptions)} subscriptions, {len(facts.usage)} usage months, "
        f"{len(facts.people)} people, {len(facts.exams)} exam results, "
        f"{len(facts.references)} references"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.sqlite3"
        with Database.open(f"sqlite:///{path}") as db:
            start = time.perf_counter()
            load_document(db, document_from_facts(facts))
            print(f"stored once in {(time.perf_counter() - start) * 1000:.0f} ms ({path.name})")

            start_month = usage_window_start(as_of)
            # The baseline's facts: the stored records themselves, not the loader's.
            stored = replace(
                facts,
                usage=tuple(usage for usage in facts.usage if usage.month >= start_month),
                kept=Kept(),
            )
            # Its own frame, so that nothing loaded stays alive while the baseline is timed.
            load_times, window_times, eval_times = _program_apart(
                db, catalog, as_of, facts=facts, stored=stored, runs=args.runs
            )
            from bench_evaluate import plain_pass

            statements = _statements_of(
                db.engine, lambda: load_facts(db, usage_from=usage_window_start(as_of))
            )
            fetch = _raw_fetch(path, statements)
            fetch_times, _ = _timed(fetch, args.runs)
            pass_times, _ = _timed(lambda: plain_pass(stored), args.runs)
            both_times, base_times = _pairs(
                lambda: engine.evaluate(
                    catalog, load_facts(db, usage_from=usage_window_start(as_of)), as_of
                ),
                lambda: (fetch(), plain_pass(stored)),
                args.runs,
            )
    _report("load_facts (all usage)", load_times)
    _report("load_facts (window)", window_times)
    _report("evaluate", eval_times)
    _report("sqlite3 fetchall", fetch_times)
    _report("plain pass", pass_times)
    _report("load_facts + evaluate", both_times)
    _report("baseline", base_times)
    median = statistics.median(both_times.wall)
    base = statistics.median(base_times.wall)
    ratio = _pair_ratio(both_times.wall, base_times.wall)
    print(
        f"baseline: sqlite3 fetchall of the same {len(statements)} statements + a plain pass: "
        f"{base:.2f} ms; ratio {ratio:.2f}x (median of {len(base_times.wall)} interleaved "
        f"pairs; target 1.3x: {'within' if ratio <= 1.3 else 'OVER'}); CPU time ratio "
        f"{_pair_ratio(both_times.cpu, base_times.cpu):.2f}x"
    )
    # Where the program's time above the fetch goes, against what 1.3x leaves for it (CPU).
    fetched = statistics.median(fetch_times.cpu)
    budget = 1.3 * statistics.median(base_times.cpu) - fetched
    print(
        f"above the fetch (CPU): load_facts {statistics.median(window_times.cpu) - fetched:.2f} ms"
        f" + evaluate {statistics.median(eval_times.cpu):.2f} ms; 1.3x leaves {budget:.2f} ms"
    )
    # The project's first target was an absolute 50 ms; a shared machine's clock
    # sways it, so it is printed for the record only and judged by the ratio above.
    print(f"for the record: median load + evaluate {median:.1f} ms (the first target: 50 ms)")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    if load > (os.cpu_count() or 1):
        print(
            f"note: load average {load:.1f} on {os.cpu_count()} cores; the wall clock "
            "includes waiting for a core (see the cpu column)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

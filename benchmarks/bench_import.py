"""Speed and memory of ``import-exams`` against the least possible work, 100k to 3M rows.

Run: ``python benchmarks/bench_import.py [--rows 100000 300000 1000000 3000000] [--repeat 3]``.

For each size it writes a CSV file of exam records (2,000 people, month-first
dates as US spreadsheets write them), then times:

* the whole ``import-exams`` command, called in-process through
  ``mpn_desktop.cli.main`` on a fresh SQLite file (opening and creating the
  database, detection, the date survey, validation, the one-transaction write);
* the baseline: Python's ``csv`` reading the same file and one ``executemany``
  into a fresh SQLite table in one transaction;
* for reference, the same least work into the program's own schema: ``csv``,
  then the people and the exam rows straight through ``sqlite3`` into a fresh
  tracker database, where SQLite maintains the unique key, the indexes and the
  foreign keys that a bare table does not have (no validation at all). The
  exam rows go in 2,000 per INSERT statement as the importer writes them: run
  once per row (executemany), SQLite would also rebuild the ``kind IN (...)``
  check's list for every row, a third more time.

It prints the best and the median of ``--repeat`` interleaved runs of each and
the ratios (issue 15: at most 2.5x the baseline at 1M rows, linear from 100k
to 3M: the command's CPU seconds per 100,000 rows are printed per size), then
the peak memory of the command in a fresh subprocess per size (tracemalloc's
peak of Python allocations, and the peak resident set size, which includes
SQLite's own memory: its page cache and statement journals; issue 15: under
300 MB at 3M rows).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

PEOPLE = 2000
CODES = ["70-532", "70-533", "70-534", "70-535", "70-346", "70-347", "MB2-717", "98-365"]
CODES += [f"70-{number}" for number in range(400, 700)]
FLOOR_STATEMENT_ROWS = 2000
HEADER = ["MCP ID", "Full Name", "Email Address", "Exam Code", "Exam Title", "Date Passed"]


def isolate_user_folders(folder: Path) -> None:
    """Keeps the program's log and settings files out of the real user folders."""
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        path = folder / variable.lower()
        path.mkdir(exist_ok=True)
        os.environ[variable] = str(path)
    os.environ.pop("MPN_DESKTOP_DB", None)


def write_exam_file(path: Path, rows: int, seed: int = 5) -> None:
    """A realistic export: ``rows`` records of ``PEOPLE`` people, no duplicates on purpose."""
    rnd = random.Random(seed)
    first_day = date(2010, 1, 1)
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        for _ in range(rows):
            person = rnd.randrange(PEOPLE)
            passed_on = first_day + timedelta(days=rnd.randrange(2900))
            writer.writerow(
                [
                    str(1_000_000 + person),
                    f"Person {person:04d} Example",
                    f"person{person}@contoso.example",
                    rnd.choice(CODES),
                    "Exam title as the portal writes it",
                    f"{passed_on.month}/{passed_on.day}/{passed_on.year}",
                ]
            )


Timing = tuple[float, float]
"""Wall-clock seconds and CPU seconds (user + system) of this process."""


def time_command(csv_path: Path, folder: Path) -> Timing:
    """Seconds for ``mpn-desktop --db NEW import-exams FILE``, in this process."""
    from mpn_desktop.cli import main

    db_path = folder / f"command-{time.monotonic_ns()}.sqlite3"
    output = io.StringIO()
    start, cpu = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(output):
        code = main(["--db", str(db_path), "import-exams", str(csv_path)])
    elapsed = time.perf_counter() - start, time.process_time() - cpu
    if code != 0:
        sys.exit(f"import-exams failed (exit {code}):\n{output.getvalue()}")
    return elapsed


def time_baseline(csv_path: Path, folder: Path) -> Timing:
    """Seconds for csv reading plus one executemany into a fresh table, in one transaction."""
    db_path = folder / f"baseline-{time.monotonic_ns()}.sqlite3"
    start, cpu = time.perf_counter(), time.process_time()
    connection = sqlite3.connect(db_path)
    connection.execute(f"CREATE TABLE exams ({', '.join(f'c{i}' for i in range(len(HEADER)))})")
    with csv_path.open(newline="", encoding="utf-8") as stream:
        rows = csv.reader(stream)
        next(rows)
        with connection:
            connection.executemany(
                f"INSERT INTO exams VALUES ({', '.join('?' * len(HEADER))})", rows
            )
    connection.close()
    return time.perf_counter() - start, time.process_time() - cpu


def time_schema_floor(csv_path: Path, folder: Path) -> Timing:
    """Seconds for csv reading plus plain inserts into a fresh tracker database's own tables."""
    from mpn_desktop.store.database import Database

    db_path = folder / f"floor-{time.monotonic_ns()}.sqlite3"
    Database.open(f"sqlite:///{db_path}").close()  # the schema, as the command's open makes it
    start, cpu = time.perf_counter(), time.process_time()
    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    with csv_path.open(newline="", encoding="utf-8") as stream:
        rows = csv.reader(stream)
        next(rows)
        connection.execute("BEGIN IMMEDIATE")
        batch = connection.execute(
            "INSERT INTO import_batches (file_name, sha256, imported_at, added_count, "
            "duplicate_count, error_count, people_added_count) "
            "VALUES ('f', '', '2018-01-01 00:00:00', 0, 0, 0, 0)"
        ).lastrowid
        people: dict[str, int] = {}
        exams = []
        for mcp_id, name, email, code, title, day in rows:
            person = people.get(mcp_id)
            if person is None:
                person = connection.execute(
                    "INSERT INTO people (mcp_id, name, email, associated) VALUES (?, ?, ?, 1)",
                    (mcp_id, name, email),
                ).lastrowid
                assert person is not None
                people[mcp_id] = person
            month, day_of_month, year = day.split("/")
            exams.append(
                (person, code, title, f"{year}-{month:0>2}-{day_of_month:0>2}", "exam", batch)
            )
        for first in range(0, len(exams), FLOOR_STATEMENT_ROWS):
            chunk = exams[first : first + FLOOR_STATEMENT_ROWS]
            connection.execute(
                "INSERT INTO exam_results (person_id, exam_code, exam_title, passed_on, kind, "
                "import_batch_id) VALUES "
                + ", ".join(["(?, ?, ?, ?, ?, ?)"] * len(chunk))
                + " ON CONFLICT (person_id, exam_code, passed_on) DO NOTHING",
                [value for row in chunk for value in row],
            )
        connection.execute("COMMIT")
    connection.close()
    return time.perf_counter() - start, time.process_time() - cpu


def _proc_status_kib(field: str) -> int | None:
    """A ``VmRSS``/``VmHWM`` figure of this process in KiB (Linux), else None."""
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak_rss() -> bool:
    """Starts the peak resident set size afresh (Linux 4.0+); False where it cannot."""
    try:
        with Path("/proc/self/clear_refs").open("w", encoding="ascii") as clear:
            clear.write("5")
    except OSError:
        return False
    return True


def measure_memory_here(csv_path: Path, db_path: Path, traced: bool) -> dict[str, float]:
    """Runs the command once in this process and returns its memory figures (MiB).

    ``ru_maxrss`` of a child started by a large parent starts at the parent's
    size, so on Linux the peak is reset first and read from /proc (VmHWM):
    that peak covers SQLite's own memory (page cache, statement journals),
    which tracemalloc does not see. With ``traced``, tracemalloc's peak of
    Python allocations is measured too; its own bookkeeping (a record per
    live block: a million blocks at once cost more than 100 MiB) then adds
    to the resident size, so the RSS figures come from an untraced run.
    """
    from mpn_desktop.cli import main

    mib = 1024 * 1024
    reset = _reset_peak_rss()
    rss_before = _proc_status_kib("VmRSS") if reset else None
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if traced:
        tracemalloc.start()
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["--db", str(db_path), "import-exams", str(csv_path)])
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if code != 0:
        sys.exit(f"import-exams failed (exit {code})")
    hwm = _proc_status_kib("VmHWM") if reset else None
    if rss_before is not None and hwm is not None:
        return {
            "tracemalloc_peak_mib": peak / mib,
            "max_rss_mib": hwm / 1024,
            "max_rss_growth_mib": (hwm - rss_before) / 1024,
        }
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    unit = 1 if sys.platform == "darwin" else 1024
    return {
        "tracemalloc_peak_mib": peak / mib,
        "max_rss_mib": after * unit / mib,
        "max_rss_growth_mib": (after - before) * unit / mib,
    }


def measure_memory(csv_path: Path, folder: Path) -> dict[str, float]:
    """The memory figures of one import in a fresh Python process (RSS untraced, see above)."""
    figures: dict[str, float] = {}
    for option in ("--child-traced", "--child-memory"):
        db_path = folder / f"memory-{time.monotonic_ns()}.sqlite3"
        completed = subprocess.run(
            [sys.executable, __file__, option, str(csv_path), str(db_path)],
            check=True,
            capture_output=True,
            text=True,
        )
        figures.update(json.loads(completed.stdout.strip().splitlines()[-1]))
    return figures


def compile_program() -> None:
    """Writes the program's bytecode as an installed program has it. The first timed command
    imports the modules it needs (as a user's does); without their bytecode (a fresh
    checkout, an edited tree, ``PYTHONDONTWRITEBYTECODE`` set) each is compiled in the timed
    run, 0.3-0.4 s of CPU no installed program spends (imp19 found it in session 13)."""
    import compileall

    import mpn_desktop

    compileall.compile_dir(Path(mpn_desktop.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows", type=int, nargs="+", default=[100_000, 300_000, 1_000_000, 3_000_000]
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child-memory", nargs=2, metavar=("CSV", "DB"), help=argparse.SUPPRESS)
    parser.add_argument("--child-traced", nargs=2, metavar=("CSV", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as temp:
        folder = Path(temp)
        isolate_user_folders(folder)
        if args.child_memory or args.child_traced:
            csv_path, db_path = (Path(item) for item in args.child_memory or args.child_traced)
            figures = measure_memory_here(csv_path, db_path, traced=bool(args.child_traced))
            if args.child_memory:
                del figures["tracemalloc_peak_mib"]
            else:
                figures = {"tracemalloc_peak_mib": figures["tracemalloc_peak_mib"]}
            print(json.dumps(figures))
            return
        compile_program()
        print(f"import-exams benchmark: {PEOPLE} people, month-first dates")
        memory: dict[int, dict[str, float]] = {}
        for rows in args.rows:
            csv_path = folder / f"exams-{rows}.csv"
            write_exam_file(csv_path, rows)
            # Interleaved, so a busy moment of a shared machine slows all three alike.
            times: dict[str, list[Timing]] = {"command": [], "baseline": [], "floor": []}
            for _ in range(args.repeat):
                times["command"].append(time_command(csv_path, folder))
                times["baseline"].append(time_baseline(csv_path, folder))
                times["floor"].append(time_schema_floor(csv_path, folder))
            size = csv_path.stat().st_size / (1024 * 1024)
            print(f"{rows:>7} rows ({size:5.1f} MiB), best / median of {args.repeat}:")
            for measure, which in (("wall", 0), ("CPU", 1)):
                runs = {name: [run[which] for run in values] for name, values in times.items()}
                best = {name: min(values) for name, values in runs.items()}
                median = {name: statistics.median(values) for name, values in runs.items()}
                for label, figures in (("best", best), ("median", median)):
                    command, baseline = figures["command"], figures["baseline"]
                    floor = figures["floor"]
                    print(
                        f"  {measure:>4} {label:>6}: import-exams {command:6.3f} s, "
                        f"baseline {baseline:6.3f} s, ratio {command / baseline:4.1f}x "
                        f"(target <= 2.5x); into the tracker schema without validation "
                        f"{floor:6.3f} s, ratio {command / floor:4.1f}x"
                    )
                # Pair by pair (each command with the baseline run just after it):
                # a busy moment of a shared machine slows both of a pair alike.
                pairs = [c / b for c, b in zip(runs["command"], runs["baseline"], strict=True)]
                paired = statistics.median(pairs)
                per_100k = median["command"] * 100_000 / rows
                print(
                    f"  {measure:>4} median of pair-by-pair ratios: {paired:4.2f}x "
                    f"(target <= 2.5x at 1M rows); import-exams {per_100k:5.3f} s per 100k rows"
                )
            print(f"  load average {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
            memory[rows] = measure_memory(csv_path, folder)
        print("peak memory of one import in a fresh process (MiB):")
        for rows, figures in memory.items():
            print(
                f"{rows:>7} rows: tracemalloc peak {figures['tracemalloc_peak_mib']:6.2f}, "
                f"max RSS {figures['max_rss_mib']:6.1f} (untraced run; grew "
                f"{figures['max_rss_growth_mib']:5.1f} during the import)"
            )
        if len(memory) > 1:
            smallest, largest = memory[min(memory)], memory[max(memory)]
            ratio = largest["tracemalloc_peak_mib"] / smallest["tracemalloc_peak_mib"]
            print(
                f"tracemalloc peak, largest / smallest file: {ratio:.2f}x "
                f"for {max(memory) // min(memory)}x the rows"
            )


if __name__ == "__main__":
    main()

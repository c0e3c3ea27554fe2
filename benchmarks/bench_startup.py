"""Start-up of whole processes against their baselines, timed interleaved (issue 15).

Run: ``python benchmarks/bench_startup.py [--pairs 5]``.

Two comparisons, each a series of pairs (baseline, then program) run one
after the other so that a busy machine slows both alike; bytecode is cached
(one untimed run of each first), as an installed program has it:

* the main window: a bare PySide6 ``QMainWindow`` with a 4-tab ``QTabWidget``
  against ``mpn-desktop`` on the sample organisation (``demo``), offscreen.
  Both are timed by the start-up probe the packaging smoke test uses
  (``MPN_DESKTOP_SMOKE_EXIT``, see ``mpn_desktop/startup_probe.py``): from the
  moment before the process is spawned to the first paint after the main
  window was shown (the bare window loads the probe's file on its own, so it
  imports nothing of the program). Target: at most 3x. The program paints first and
  reads its records after (the tabs and the status panel say "Loading…" meanwhile):
  the time until it has filled them (``MPN_DESKTOP_SMOKE_FILLED``) is printed too,
  against the same bare window, for the record.
* idle memory: the peak resident set of the bare window against the program's once
  its window is filled (what it holds idle). Target: at most 2x. With ``--large`` the
  large organisation's is printed too, for the record, and the longest GUI stall while
  its window fills (``bench_fill``: fresh processes, against a 50 ms budget).
* ``mpn-desktop status`` on the sample organisation against
  ``python -c "import sqlalchemy"``, wall time of the whole process. Target: at most 2x.
* ``mpn-desktop checklist --pdf`` on the sample against ``python -c "import sqlalchemy"``
  too (issue 15's target for both commands: at most 2x), wall time of the whole process,
  and, for the record, against a process writing a one-page ``QTextDocument`` to a PDF
  with ``QPdfWriter`` (the least a PDF from Qt costs; issue 15 quotes 5.4x): no target.

It prints the best and the median of each side and the median of the
pair-by-pair ratios, which is what the targets are checked against.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE_FILE = ROOT / "mpn_desktop" / "startup_probe.py"
WINDOW_TARGET = 3.0
STATUS_TARGET = 2.0
LARGE_WINDOW_TARGET = 4.0
RSS_TARGET = 2.0

BARE_WINDOW = """
import importlib.util, sys
spec = importlib.util.spec_from_file_location("startup_probe", sys.argv[1])
probe = importlib.util.module_from_spec(spec)
spec.loader.exec_module(probe)
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget
app = QApplication(sys.argv)
armed = probe.arm_startup_probe(app)
window = QMainWindow()
tabs = QTabWidget(window)
for name in ("People", "Exams", "References", "Sales"):
    tabs.addTab(QLabel(name), name)
window.setCentralWidget(tabs)
window.show()
sys.exit(app.exec())
"""

ONE_PAGE_PDF = """
import sys
from PySide6.QtGui import QGuiApplication, QPdfWriter, QTextDocument
app = QGuiApplication(sys.argv)
document = QTextDocument()
document.setHtml("<h1>Checklist</h1><p>" + "One line of the checklist. " * 200 + "</p>")
writer = QPdfWriter(sys.argv[1])
document.print_(writer)
"""

_SHOWN = re.compile(r"main window shown after ([0-9.]+) s")
_FILLED = re.compile(r"main window filled after ([0-9.]+) s")


def _environment(folder: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # The program's log, settings and recent files go to a throw-away folder.
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        path = folder / variable.lower()
        path.mkdir(exist_ok=True)
        env[variable] = str(path)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _children_cpu() -> float:
    """User and system seconds of this process's finished children so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _shown_after(
    command: list[str], env: dict[str, str], *, filled: bool = False
) -> tuple[float, float]:
    """Seconds from just before spawning ``command`` to its main window's first paint
    (``filled``: to the window filled with its records), and the CPU seconds of the
    whole process (to the probe's exit)."""
    cpu = _children_cpu()
    run_env = dict(env, MPN_DESKTOP_SMOKE_EXIT=repr(time.time()))
    if filled:
        run_env["MPN_DESKTOP_SMOKE_FILLED"] = "1"
    done = subprocess.run(
        command, env=run_env, capture_output=True, text=True, timeout=300, check=False
    )
    found = (_FILLED if filled else _SHOWN).search(done.stdout)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"{command[:3]} did not show its window: {done.stdout}{done.stderr}")
    return float(found.group(1)), _children_cpu() - cpu


def _wall(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds the whole process ``command`` took, on the wall clock and of CPU."""
    cpu = _children_cpu()
    started = time.perf_counter()
    subprocess.run(command, env=env, capture_output=True, check=True, timeout=300)
    return time.perf_counter() - started, _children_cpu() - cpu


def _peak_rss_mib(command: list[str], env: dict[str, str], *, filled: bool = False) -> float:
    """The peak resident set size of the whole process ``command``, in MiB (Linux: KiB units),
    to its painted window (``filled``: to the window filled with its records)."""
    run_env = dict(env, MPN_DESKTOP_SMOKE_EXIT=repr(time.time()))
    if filled:
        run_env["MPN_DESKTOP_SMOKE_FILLED"] = "1"
    child = subprocess.Popen(
        command, env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{command[:3]} exited with {child.returncode}")
    return usage.ru_maxrss / 1024


def _compare(
    title: str,
    target: float,
    pairs: int,
    baseline: Callable[[], tuple[float, float]],
    program: Callable[[], tuple[float, float]],
    *,
    target_applies: bool = True,
) -> None:
    baseline()  # untimed: writes the bytecode caches and warms the file cache
    program()
    base_runs = []
    program_runs = []
    for _ in range(pairs):
        base_runs.append(baseline())
        program_runs.append(program())
    base_times = [wall for wall, _cpu in base_runs]
    program_times = [wall for wall, _cpu in program_runs]
    ratios = [mine / base for base, mine in zip(base_times, program_times, strict=True)]
    ratio = statistics.median(ratios)
    cpu_ratio = statistics.median(
        mine[1] / base[1] for base, mine in zip(base_runs, program_runs, strict=True)
    )
    print(title)
    print(
        f"  baseline {min(base_times) * 1000:7.0f} ms best, "
        f"{statistics.median(base_times) * 1000:7.0f} ms median, "
        f"{statistics.median(run[1] for run in base_runs) * 1000:7.0f} ms CPU"
    )
    print(
        f"  program  {min(program_times) * 1000:7.0f} ms best, "
        f"{statistics.median(program_times) * 1000:7.0f} ms median, "
        f"{statistics.median(run[1] for run in program_runs) * 1000:7.0f} ms CPU"
    )
    verdict = f"target {target:.0f}x: {_verdict(ratio, target)}" if target_applies else "no target"
    print(
        f"  ratio    {ratio:7.2f}x (median of {pairs} pairs; {verdict}); "
        f"CPU time {cpu_ratio:.2f}x (whole processes: less swayed by a busy machine)"
    )


def _verdict(ratio: float, target: float) -> str:
    return "within" if ratio <= target else "OVER"


def _large_database(path: Path) -> Path:
    """The large organisation of ``benchmarks/large_org.py`` stored in ``path``."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import large_org

    from mpn_desktop.store.database import Database
    from mpn_desktop.store.documents import document_from_facts, load_document

    with Database.open(f"sqlite:///{path}") as db:
        load_document(db, document_from_facts(large_org.build_large_org()))
    return path


def main() -> None:
    """Builds the sample database, then times both comparisons."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5, help="interleaved pairs per comparison")
    parser.add_argument(
        "--large",
        action="store_true",
        help="also the window on the large organisation of large_org.py (target 4x)",
    )
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as name:
        folder = Path(name)
        env = _environment(folder)
        database = str(folder / "sample.sqlite3")
        program = [python, "-m", "mpn_desktop", "--db", database]
        subprocess.run([*program, "demo"], env=env, capture_output=True, check=True)
        print(f"sample organisation in {database}; {args.pairs} interleaved pairs each")
        _compare(
            "main window shown and painted (offscreen): bare 4-tab QMainWindow vs mpn-desktop",
            WINDOW_TARGET,
            args.pairs,
            lambda: _shown_after([python, "-c", BARE_WINDOW, str(PROBE_FILE)], env),
            lambda: _shown_after(program, env),
        )
        _compare(
            "main window filled (records read, status panel evaluated) vs the bare window",
            WINDOW_TARGET,
            args.pairs,
            lambda: _shown_after([python, "-c", BARE_WINDOW, str(PROBE_FILE)], env),
            lambda: _shown_after(program, env, filled=True),
            target_applies=False,
        )
        bare_rss = _peak_rss_mib([python, "-c", BARE_WINDOW, str(PROBE_FILE)], env)
        painted_rss = _peak_rss_mib(program, env)
        program_rss = _peak_rss_mib(program, env, filled=True)
        print(
            f"peak RSS: bare window {bare_rss:.0f} MiB; mpn-desktop to its painted window "
            f"{painted_rss:.0f} MiB ({painted_rss / bare_rss:.2f}x), to its filled window "
            f"(idle) {program_rss:.0f} MiB: idle ratio {program_rss / bare_rss:.2f}x "
            f"(target {RSS_TARGET:.0f}x: {_verdict(program_rss / bare_rss, RSS_TARGET)})"
        )
        _compare(
            "status on the sample: python -c 'import sqlalchemy' vs mpn-desktop status",
            STATUS_TARGET,
            args.pairs,
            lambda: _wall([python, "-c", "import sqlalchemy"], env),
            lambda: _wall([*program, "status"], env),
        )
        pdf = str(folder / "checklist.pdf")
        _compare(
            "checklist --pdf on the sample: python -c 'import sqlalchemy' vs mpn-desktop checklist",
            STATUS_TARGET,
            args.pairs,
            lambda: _wall([python, "-c", "import sqlalchemy"], env),
            lambda: _wall([*program, "checklist", "--pdf", pdf], env),
        )
        _compare(
            "checklist --pdf on the sample: one-page QTextDocument PDF vs mpn-desktop checklist",
            STATUS_TARGET,
            args.pairs,
            lambda: _wall([python, "-c", ONE_PAGE_PDF, pdf], env),
            lambda: _wall([*program, "checklist", "--pdf", pdf], env),
            target_applies=False,
        )
        if args.large:
            large = _large_database(folder / "large.sqlite3")
            _compare(
                "main window on the large organisation: bare 4-tab QMainWindow vs mpn-desktop",
                LARGE_WINDOW_TARGET,
                args.pairs,
                lambda: _shown_after([python, "-c", BARE_WINDOW, str(PROBE_FILE)], env),
                lambda: _shown_after([python, "-m", "mpn_desktop", "--db", str(large)], env),
            )
            _compare(
                "main window on the large organisation filled vs the bare window",
                LARGE_WINDOW_TARGET,
                args.pairs,
                lambda: _shown_after([python, "-c", BARE_WINDOW, str(PROBE_FILE)], env),
                lambda: _shown_after(
                    [python, "-m", "mpn_desktop", "--db", str(large)], env, filled=True
                ),
                target_applies=False,
            )
            large_rss = _peak_rss_mib(
                [python, "-m", "mpn_desktop", "--db", str(large)], env, filled=True
            )
            print(
                f"peak RSS on the large organisation, filled (idle): {large_rss:.0f} MiB, "
                f"{large_rss / bare_rss:.2f}x the bare window (no target; 36,000 months of "
                "usage, which the Sales tab's table reads only for what it shows)"
            )
            _fill_stalls(large, folder, args.pairs)


def _fill_stalls(large: Path, folder: Path, runs: int) -> None:
    """The longest GUI stall while the large organisation's window fills (``bench_fill``)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench_fill

    fills = [bench_fill._run(ROOT, large, folder) for _ in range(runs + 1)][1:]
    stall = statistics.median(fill["stall_ms"] for fill in fills)
    print(
        f"longest GUI stall while the large organisation's window fills: median {stall:.0f} ms "
        f"of {runs} fresh processes against a budget of {bench_fill.STALL_BUDGET_MS:.0f} ms, "
        f"ratio {stall / bench_fill.STALL_BUDGET_MS:.2f}x (no target in issue 15; "
        f"bench_fill prints where); months of usage its Sales table holds: "
        f"{fills[-1]['usage_rows']}"
    )


if __name__ == "__main__":
    main()
